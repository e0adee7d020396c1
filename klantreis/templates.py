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
from .template_fields import CHOICE, KINDS, TABLE_STEPS, Option, TemplateField, TemplateFields

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
})  # fmt: skip

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
        """Canvas rows, top to bottom: ``{id, name, hint}``."""
        return [
            {
                "id": str(lane["id"]),
                "name": text(lane.get("name"), language),
                "hint": text(lane.get("hint"), language),
            }
            for lane in self.data.get("lanes", [])
        ]

    def scale(self, language: str = "nl") -> list[ScalePoint]:
        """The emotion scale, lowest score first."""
        return [
            ScalePoint(int(p["score"]), text(p.get("label"), language), str(p.get("emoji", "")))
            for p in self.data.get("scale", [])
        ]

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
        return TemplateFields(_declared_fields(self.id, self.data.get("fields") or {}))

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


def _declared_fields(template_id: str, data: Any) -> list[TemplateField]:
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
            options = tuple(Option(str(o.get("id") or ""), _bilingual(o.get("label")))
                            for o in item.get("options") or [])  # fmt: skip
            ids = [o.id for o in options]
            if (kind == CHOICE) != bool(options) or (options and (
                len(ids) < 2 or len(set(ids)) < len(ids) or not all(SLUG_RE.match(o) for o in ids)
            )):  # fmt: skip
                raise refuse(where, "options")
            step = str(item.get("step") or "")
            if step and step not in STEPS:
                raise refuse(where, "step", known=", ".join(STEPS))
            out.append(TemplateField(
                table=table, id=fid, kind=kind, label=_bilingual(item.get("label")),
                hint=_bilingual(item.get("hint")), options=options, step=step,
                group=bool(item.get("group")),
            ))  # fmt: skip
    return out


def _bilingual(value: Any) -> dict[str, str]:
    return {lang: text(value, lang) for lang in ("nl", "en")}


@cache
def _load_all(folder: Path) -> dict[str, Template]:
    found: dict[str, Template] = {}
    for path in sorted(folder.glob("*.yaml"), key=lambda p: p.stem):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        found[path.stem] = Template(path.stem, data)
    return found


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
