"""Canvas templates (``templates/*.yaml``): phases, lanes, scale, review questions and
guidance of each method, in Dutch and English; and new journeys made from them."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Any

import yaml

from .errors import JourneyError
from .fields import SLUG_RE
from .messages import Catalog
from .model import Journey
from .resources import data_dir
from .scale import Scale, ScalePoint
from .template_fields import CANVAS_PLACES, CHOICE, KINDS, TABLE_STEPS, Option, TemplateField, TemplateFields

TEXTS = Catalog("templates", {
    "unknown": ("onbekend sjabloon {id!r}; bekend: {known}", "unknown template {id!r}; known: {known}"),
    "bad_field": ("sjabloon {template}, {where}: {reason}", "template {template}, {where}: {reason}"),
    "table": ("velden kunnen alleen bij {known}", "fields can only be added to {known}"),
    "id": (
        "elk veld heeft een eigen id (letters, cijfers, -)",
        "each field needs its own id (letters, digits, -)",
    ),
    "kind": ("kind moet een van {known} zijn", "kind must be one of {known}"),
    "options": (
        "een keuzeveld heeft minstens twee opties met elk een eigen id",
        "a choice field needs at least two options, each with its own id",
    ),
    "step": ("step moet een van {known} zijn", "step must be one of {known}"),
    "label": (
        "label heeft een Nederlandse en een Engelse tekst nodig", "label needs a Dutch and an English text"
    ),
    "extends": (
        "sjabloon {template} bouwt voort op {base!r}; dat moet een sjabloon zijn dat zelf "
        "nergens op voortbouwt",
        "template {template} extends {base!r}, which must be a template that extends none itself",
    ),
    "lane": (
        "lane moet een rij van het sjabloon zijn ({known}), bij een veld van een fase",
        "lane must be a row of the template ({known}), on a field of a phase",
    ),
    "tally": (
        "tally kan alleen bij één keuzeveld van een touchpoint",
        "tally is for one choice field of a touchpoint only",
    ),
    "canvas": (
        "canvas kan bij dit veld alleen {known} zijn (side_by_side alleen bij een keuzeveld)",
        "canvas can only be {known} on this field (side_by_side on a choice field only)",
    ),
    # The general words a template may replace with its own (``words:``).
    "word_people": ("klanten", "customers"),
    "word_contact": ("klantcontact", "calls"),
    "word_questions": ("Bespreekvragen", "Review questions"),
})  # fmt: skip
#: The words a template may name in its own way (``words: {people: {nl, en}, ...}``):
#: ``people`` whom the journeys are about, ``contact`` their calls and messages (the
#: evidence kind), ``questions`` the heading over the review questions.
WORDS = ("people", "contact", "questions")
#: Touchpoint marks only some methods ask for: ``critical`` (the crucial moment, the
#: Canvas's "most crucial touchpoints per phase") and ``importance`` (main or side
#: matter, the eight-element card's tip). A template lists the ones its method uses
#: (``marks: [critical]``); forms, reports and posters leave the others out.
MARKS = ("critical", "importance")

STEPS = ("doel", "persona", "scope", "fasen", "touchpoints", "emoties", "review")
#: The workbook's steps: the method's, then the evidence that checks the map.
WORKBOOK_STEPS = (*STEPS, "bewijs")
LANES = (
    "user_goal",
    "touchpoints",
    "interaction",
    "emotion",
    "backstage",
    "thoughts",
    "ideas",
    "data",
    "opportunities",
)


def text(value: Any, language: str) -> str:
    """The ``language`` version of a bilingual ``{nl: .., en: ..}`` text (or a plain str)."""
    if isinstance(value, dict):
        return str(value.get(language) or value.get("nl") or value.get("en") or "")
    return "" if value is None else str(value)


@dataclass(frozen=True)
class Template:
    """A canvas template as read from its YAML file."""

    id: str
    data: dict[str, Any]

    def name(self, language: str = "nl") -> str:
        """The template's name."""
        return text(self.data.get("name"), language)

    def description(self, language: str = "nl") -> str:
        """A one-line description of the template."""
        return text(self.data.get("description"), language)

    def phases(self, language: str = "nl") -> list[dict[str, str]]:
        """The template's phases as project-file records."""
        return [
            {
                "id": str(p["id"]),
                "name": text(p.get("name"), language),
                "duration": text(p.get("duration"), language),
                "user_goal": text(p.get("user_goal"), language),
                "description": text(p.get("description"), language),
            }
            for p in self.data.get("phases", [])
        ]

    def lanes(self, language: str = "nl") -> list[dict[str, str]]:
        """Canvas rows, top to bottom: ``{id, name, hint, label}``; ``label`` is what the
        form field the row stands for is called (the row's name unless the template
        gives one: a row that also shows another field asks only for its own)."""
        return [
            {
                "id": str(lane["id"]),
                "name": text(lane.get("name"), language),
                "hint": text(lane.get("hint"), language),
                "label": text(lane.get("label"), language) or text(lane.get("name"), language),
            }
            for lane in self.data.get("lanes", [])
        ]

    def blank_lanes(self, language: str = "nl") -> list[dict[str, str]]:
        """Rows only the blank canvas has (``blank_lanes:``), after the others: what a
        workshop writes down that the journey's file keeps elsewhere (the Canvas's
        comparison with the biggest competitor, a scenario of its own in the file)."""
        return [
            {"id": str(lane["id"]), "name": text(lane.get("name"), language),
             "hint": text(lane.get("hint"), language)}
            for lane in self.data.get("blank_lanes") or []
        ]  # fmt: skip

    def scale(self, language: str = "nl") -> list[ScalePoint]:
        """The emotion scale, lowest score first, each level with the meaning the
        template declares (``meaning``: problem, neutral, fine or good)."""
        return [
            ScalePoint(int(p["score"]), text(p.get("label"), language), str(p.get("emoji", "")),
                       str(p.get("meaning") or ""))
            for p in self.data.get("scale", [])
        ]  # fmt: skip

    def scenarios(self, language: str = "nl") -> list[dict[str, str]]:
        """The scenarios a new project starts with."""
        return [
            {"id": str(s["id"]), "name": text(s.get("name"), language)}
            for s in self.data.get("scenarios", [])
        ]

    def review_questions(self, language: str = "nl") -> list[tuple[str, str]]:
        """``(id, question)`` pairs for the review step."""
        return [(str(q["id"]), text(q.get("text"), language)) for q in self.data.get("review_questions", [])]

    def guidance(self, step: str, language: str = "nl") -> str:
        """The explanation and tips for one workbook step (see :data:`STEPS`)."""
        return text((self.data.get("guidance") or {}).get(step), language)

    def uses(self, mark: str) -> bool:
        """True when the method asks for the touchpoint mark ``mark`` (see
        :data:`MARKS`): the template lists them under ``marks``."""
        return mark in (self.data.get("marks") or [])

    def word(self, key: str, language: str = "nl") -> str:
        """The template's own word for ``key`` (see :data:`WORDS`): whom the journey is
        about ("medewerkers" in an employee journey), never "klant" where the method
        speaks of others; the general word when the template declares none."""
        own = (self.data.get("words") or {}).get(key)
        return text(own, language) if own else TEXTS.text(f"word_{key}", language)

    def channels(self, language: str = "nl") -> list[str]:
        """Suggested channels for the touchpoints form."""
        return [text(c, language) for c in self.data.get("channels", [])]

    def lane(self, lane_id: str, language: str = "nl") -> dict[str, str] | None:
        """The canvas row ``lane_id`` (``{id, name, hint}``), or None when the template
        has no such row."""
        return next((lane for lane in self.lanes(language) if lane["id"] == lane_id), None)

    def fields(self) -> TemplateFields:
        """The fields the template adds to phases, personas and touchpoints (see
        :mod:`klantreis.template_fields`); a malformed declaration is refused."""
        return self._fields

    @cached_property
    def _fields(self) -> TemplateFields:
        lanes = [str(lane.get("id")) for lane in self.data.get("lanes") or []]
        return TemplateFields(_declared_fields(self.id, self.data.get("fields") or {}, lanes))

    def low_value_questions(self) -> list[str]:
        """The ids of the review questions that ask which channels give little value
        (``marks: low_value_channels``): channels named in their answers are marked."""
        return [
            str(q["id"]) for q in self.data.get("review_questions", [])
            if q.get("marks") == "low_value_channels"
        ]  # fmt: skip

    @property
    def compares_scenarios(self) -> bool:
        """True when the method ends by comparing scenarios (the review step shows it)."""
        return bool(self.data.get("compare_scenarios"))


def _declared_fields(template_id: str, data: Any, lane_ids: list[str]) -> list[TemplateField]:
    def refuse(where: str, code: str, **values: Any) -> JourneyError:
        reason = TEXTS.msg(code, **values)
        return JourneyError(TEXTS.msg("bad_field", template=template_id, where=where, reason=reason))

    if not isinstance(data, dict) or any(table not in TABLE_STEPS for table in data):
        raise refuse("fields", "table", known=", ".join(TABLE_STEPS))
    out: list[TemplateField] = []
    for table, items in data.items():
        seen: set[str] = set()
        for i, item in enumerate(items or []):
            where = f"fields.{table}[{i}]"
            fid = str(item.get("id") or "")
            if not SLUG_RE.match(fid) or fid in seen:
                raise refuse(where, "id")
            seen.add(fid)
            kind = item.get("kind", "text")
            if kind not in KINDS:
                raise refuse(where, "kind", known=", ".join(KINDS))
            if not all(text(item.get("label"), lang) for lang in ("nl", "en")) or not isinstance(
                item.get("label"), dict
            ):
                raise refuse(where, "label")
            options = tuple(Option(str(o.get("id") or ""), _bilingual(o.get("label")),
                                   _bilingual(o.get("hint"))) for o in item.get("options") or [])  # fmt: skip
            ids = [o.id for o in options]
            if (kind == CHOICE) != bool(options) or (options and (
                len(ids) < 2 or len(set(ids)) < len(ids) or not all(SLUG_RE.match(o) for o in ids)
            )):  # fmt: skip
                raise refuse(where, "options")
            step = str(item.get("step") or "")
            if step and step not in STEPS:
                raise refuse(where, "step", known=", ".join(STEPS))
            lane = str(item.get("lane") or "")
            if lane and (table != "phases" or lane not in lane_ids):
                raise refuse(where, "lane", known=", ".join(lane_ids))
            tally = bool(item.get("tally"))
            if tally and (table != "touchpoints" or kind != CHOICE or any(f.tally for f in out)):
                raise refuse(where, "tally")
            place = str(item.get("canvas") or "")
            if place and (place not in CANVAS_PLACES[table] or (place == "side_by_side" and kind != CHOICE)):
                raise refuse(where, "canvas", known=", ".join(CANVAS_PLACES[table]) or "-")
            out.append(TemplateField(
                table=table, id=fid, kind=kind, label=_bilingual(item.get("label")),
                hint=_bilingual(item.get("hint")), options=options, step=step,
                group=bool(item.get("group")), lane=lane, tally=tally, canvas=place,
            ))  # fmt: skip
    return out


def _bilingual(value: Any) -> dict[str, str]:
    return {lang: text(value, lang) for lang in ("nl", "en")}


@cache
def _load_all(folder: Path) -> dict[str, Template]:
    raw = {
        path.stem: yaml.safe_load(path.read_text(encoding="utf-8"))
        for path in sorted(folder.glob("*.yaml"), key=lambda p: p.stem)
    }
    return {stem: Template(stem, _extended(stem, raw)) for stem in raw}


def _extended(stem: str, raw: dict[str, Any]) -> dict[str, Any]:
    """A template's data with what it takes from the template it ``extends`` (a
    variant: Michels along Touch, Tell, Sell, Care): its own keys win; mappings such
    as ``guidance`` are merged key by key, lists (phases, questions) are replaced."""
    data = raw[stem]
    base_id = data.get("extends") if isinstance(data, dict) else None
    if not base_id:
        return data
    if base_id not in raw or raw[base_id].get("extends"):
        raise JourneyError(TEXTS.msg("extends", template=stem, base=base_id))
    merged = dict(raw[base_id])
    for key, value in data.items():
        old = merged.get(key)
        merged[key] = {**old, **value} if isinstance(old, dict) and isinstance(value, dict) else value
    return merged


def list_templates() -> list[Template]:
    """Every bundled template, sorted by id."""
    return list(_load_all(data_dir("templates")).values())


def get_template(template_id: str) -> Template:
    """The template with this id; a clear error names the known ones."""
    templates = _load_all(data_dir("templates"))
    if template_id not in templates:
        raise JourneyError(TEXTS.msg("unknown", id=template_id, known=", ".join(templates)))
    return templates[template_id]


def template_scale(template_id: str, language: str) -> Scale:
    """The emotion scale of a template (for a project file that names a template but
    has no scale of its own); unknown templates are refused naming the known ones."""
    return Scale(get_template(template_id).scale(language))


def journey_word(template_id: str | None, key: str, language: str) -> str:
    """The word ``key`` (see :data:`WORDS`) of a journey's template, or the general
    word when the journey names no template or an unknown one."""
    try:
        return (
            get_template(template_id).word(key, language)
            if template_id
            else TEXTS.text(f"word_{key}", language)
        )
    except JourneyError:
        return TEXTS.text(f"word_{key}", language)


def journey_uses(template_id: str | None, mark: str) -> bool:
    """True when a journey's template asks for the touchpoint mark ``mark`` (see
    :data:`MARKS`); a journey without a (known) template shows every mark."""
    try:
        return get_template(template_id).uses(mark) if template_id else True
    except JourneyError:
        return True


def template_fields(template_id: str) -> TemplateFields:
    """The fields a template adds (for reading a project file that names it); unknown
    templates are refused naming the known ones."""
    return get_template(template_id).fields()


def new_journey(template_id: str, title: str = "", language: str = "nl") -> Journey:
    """A new, valid journey with the template's phases, scenarios, scale and review questions."""
    template = get_template(template_id)
    journey = Journey(
        title=title or template.name(language),
        language=language,
        template=template_id,
        scale=template.scale(language),
        phases=template.phases(language),
        scenarios=template.scenarios(language),
        review={"answers": {qid: "" for qid, _ in template.review_questions(language)}},
        template_fields=template.fields(),
    )
    return journey
