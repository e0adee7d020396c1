"""The mapping part of step 8 (bewijs): which column plays which role, which question,
call reason, page or touchpoint value goes to which touchpoint (or phase), which
segment is which persona, and which answer label is which score. Starts from what the
file's headers and an optional mapping file say; :meth:`MappingEditor.mapping` gives
the plain mapping data an import takes (see docs/evidence.md)."""

from __future__ import annotations

import fnmatch
import html
from collections.abc import Callable
from typing import Any

import ipywidgets as w

from ..evidence import values
from ..evidence.inspect import FileView
from ..evidence.mapping import EvidenceMapping
from ..evidence.texts import text as role_text
from ..model import Journey
from .bewijs_match import nearest
from .bewijs_texts import bt
from .record_list import touchpoint_items


def named_words(journey: Journey, table: str) -> list[tuple[str, str]]:
    """``(name and id, id)`` of a table's records: what a value is matched against."""
    return [(f"{journey.name_of(table, i)} {i}", i) for i in journey.ids(table)]


#: The mapping section that places the values of each kind's "target" column.
SECTIONS = {
    "survey": "questions", "calls": "reasons", "web": "pages", "interviews": "touchpoints",
    "events": "events",
}  # fmt: skip
#: The role whose values that section maps (a wide survey maps its columns instead).
TARGET_ROLES = {
    "survey": "touchpoint", "calls": "reason", "web": "page", "interviews": "touchpoint", "events": "event",
}  # fmt: skip
_STYLE = {"description_width": "220px"}
_WIDE_LAYOUT = w.Layout(width="560px")
PHASE = "phase:"


class MappingEditor:
    """Dropdowns for one opened file; ``columns`` (role -> Dropdown), ``targets``
    (value or column -> Dropdown), ``personas`` and ``answers`` (value -> Dropdown)."""

    def __init__(self, journey: Callable[[], Journey], language: str):
        self._journey = journey
        self.language = language
        self.view: FileView | None = None
        self.kind = "survey"
        #: What a survey's answers measure (``score``, ``nps``, ``csat``, ``ces``).
        self.metric = "score"
        self.base: dict[str, Any] = {}
        self.columns: dict[str, w.Dropdown] = {}
        self.targets: dict[str, w.Dropdown] = {}
        self.personas: dict[str, w.Dropdown] = {}
        self.answers: dict[str, w.Dropdown] = {}
        self.column_box = w.VBox()
        self.value_box = w.VBox()
        self.widget = w.VBox([self.column_box, self.value_box])
        self._filling = False
        self._target_part: list[w.Widget] = []
        self._persona_part: list[w.Widget] = []
        #: The values whose choice is a suggestion by words in common (to check).
        self.suggested: set[str] = set()
        #: What is still to do: the values of the file that go nowhere yet, by name.
        self.pending = w.HTML()

    # ------------------------------------------------------------ building
    def show(self, view: FileView | None, kind: str, base: EvidenceMapping | None = None) -> None:
        """Build the dropdowns for ``view`` read as ``kind``, filled from ``base`` (a
        mapping file) and from what the headers and values already say."""
        self.view, self.kind = view, kind
        self.base = dict(base.data) if base else {}
        self.columns, self.targets, self.personas, self.answers = {}, {}, {}, {}
        self.suggested = set()
        if view is None:
            self.pending.value = ""
            self.column_box.children, self.value_box.children = (), ()
            return
        options = [(bt("no_column", self.language), "")] + [(c, c) for c in view.columns]
        self._filling = True
        for role in _roles(kind):
            dropdown = w.Dropdown(
                description=_role_label(kind, role, self.language),
                options=options,
                value=view.roles.get(role, ""),
                style=_STYLE,
                layout=_WIDE_LAYOUT,
            )
            dropdown.observe(lambda _: self._rebuild_values(), names="value")
            self.columns[role] = dropdown
        self._filling = False
        self.column_box.children = [
            w.HTML(f"<b>{bt('columns', self.language)}</b> <i>{bt('columns_tip', self.language)}</i>"),
            *self.columns.values(),
        ]
        self._rebuild_values()

    def role(self, name: str) -> str:
        """The column chosen for role ``name`` ('' when none)."""
        dropdown = self.columns.get(name)
        return dropdown.value if dropdown is not None else ""

    def wide(self) -> bool:
        """True for a survey read one column per question."""
        if self.base.get("format"):
            return bool(self.base["format"] == "wide")
        if self.metric != "score" and self.role("score") and not self.role("touchpoint"):
            return False  # respondent, persona, score: the metric of the whole journey
        return not (self.role("touchpoint") and self.role("score"))

    def _rebuild_values(self) -> None:
        """Rebuild the value dropdowns for the chosen columns, keeping what was chosen."""
        if self._filling or self.view is None:
            return
        journey, lang, view = self._journey(), self.language, self.view
        section = SECTIONS[self.kind]
        if self.kind == "survey" and self.wide():
            taken = {c for c in (d.value for d in self.columns.values()) if c}
            items = [(c, 0) for c in view.columns if c not in taken]
            heading = bt("questions", lang)
        else:
            column = self.role(TARGET_ROLES[self.kind])
            items = view.distinct(column) if column else []
            if self.kind == "events":  # names the mapping file places by their page stay so
                items = [(item, n) for item, n in items if values.key(item) not in self._by_page()]
            heading = bt("value_targets_phases" if self.kind in ("calls", "web") else "value_targets",
                         lang, column=column or "–")  # fmt: skip
        phases = self.kind in ("calls", "web")
        chosen = {item: d.value for item, d in self.targets.items()}
        self.targets = {
            item: self._target_dropdown(journey, section, item, phases, count, chosen.get(item))
            for item, count in items
        }
        self._target_part = [w.HTML(f"<i>{heading}</i>"), *self.targets.values()] if self.targets else []
        if self.kind == "events" and self._by_page():
            note = bt("by_page", lang, values=", ".join(f"‘{k}’" for k in self._by_page().values()))
            self._target_part.append(w.HTML(f'<div class="kr-hint">{html.escape(note)}</div>'))
        chosen = {item: d.value for item, d in self.personas.items()}
        self.personas = {}
        persona_column = self.role("persona")
        if persona_column:
            self.personas = {
                item: self._persona_dropdown(journey, item, count, chosen.get(item))
                for item, count in view.distinct(persona_column)
            }
        self._persona_part = (
            [w.HTML(f"<i>{bt('personas', lang, column=persona_column)}</i>"), *self.personas.values()]
            if self.personas
            else []
        )
        self._rebuild_answers()

    def _rebuild_answers(self) -> None:
        """Rebuild the answer dropdowns (answers that need a score), keeping choices."""
        journey, view = self._journey(), self.view
        chosen = {label: d.value for label, d in self.answers.items()}
        self.answers = {}
        answer_columns = self._answer_columns()
        if answer_columns and view is not None:
            base = EvidenceMapping({k: v for k, v in self.base.items() if k in ("answers", "skip")})
            unknown = view.unknown_answers(journey, answer_columns, base)
            self.answers = {
                label: self._answer_dropdown(journey, label, count, chosen.get(label, ""))
                for label, count in unknown
            }
        answer_part = (
            [w.HTML(f"<i>{bt('answers', self.language)}</i>"), *self.answers.values()] if self.answers else []
        )
        self.show_pending()
        self.value_box.children = [
            w.HTML(f"<b>{bt('values', self.language)}</b>"),
            *self._target_part,
            self.pending,
            *self._persona_part,
            *answer_part,
        ]

    def _by_page(self) -> dict[str, str]:
        """Event names (matching key -> as written) that the mapping file places by their
        page (``"page_view:/catalogus*": zoeken``) while a page column is chosen."""
        if self.kind != "events" or not self.role("page"):
            return {}
        found = {}
        for item in self.base.get("events") or {}:
            event, sep, _ = str(item).partition(":")
            if sep:
                found[values.key(event) or event] = event
        return found

    def _answer_columns(self) -> list[str]:
        if self.metric != "score":
            return []  # NPS, CSAT and CES answers are numbers on their own range
        if self.kind == "survey" and self.wide():
            return [c for c, d in self.targets.items() if d.value]
        role = {"survey": "score", "interviews": "emotion"}.get(self.kind)
        return [self.role(role)] if role and self.role(role) else []

    def _target_dropdown(
        self, journey: Journey, section: str, item: str, phases: bool, count: int, chosen: str | None
    ) -> w.Dropdown:
        options = [(bt("skip_value", self.language), ""), *touchpoint_items(journey)]
        if phases:
            options += [
                (bt("phase", self.language, name=journey.name_of("phases", p)), PHASE + p)
                for p in journey.ids("phases")
            ]
        value = chosen if chosen is not None else self._default_target(journey, section, item, phases)
        if chosen is None and not value:
            value = self._suggest(item, self._target_words(journey, phases))
            if value:
                self.suggested.add(item)
        known = {v for _, v in options}
        label = f"{item} ({count})" if count else item
        dropdown = w.Dropdown(
            description=label,
            options=options,
            value=value if value in known else "",
            style=_STYLE,
            layout=_WIDE_LAYOUT,
        )
        dropdown.observe(lambda _: self._answers_follow(), names="value")
        dropdown.observe(lambda _: self.show_pending(), names="value")
        return dropdown

    def unplaced(self) -> tuple[str, str, str] | None:
        """What an import refuses that the form can fix, as (text key, column,
        values by name with their rows): answers without a score, or (survey in rows,
        interviews) values without a touchpoint; None when there is none."""
        answers = [d.description for d in self.answers.values() if not d.value]
        if answers:
            columns = self._answer_columns()
            return "answers_in_form", ", ".join(columns), ", ".join(answers)
        column = self.role(TARGET_ROLES[self.kind])
        if self.kind in ("survey", "interviews") and column and not self.wide():
            open_items = [d.description for d in self.targets.values() if not d.value]
            if open_items:
                return "unmapped_in_form", column, ", ".join(open_items)
        return None

    def _suggest(self, item: str, candidates: list[tuple[str, str]]) -> str:
        """The nearest match of ``item`` (see :mod:`.bewijs_match`); none when a
        mapping file was given: then what it leaves out is left out on purpose."""
        return "" if self.base else nearest(item, candidates)

    @staticmethod
    def _target_words(journey: Journey, phases: bool) -> list[tuple[str, str]]:
        """What a value is matched against: every touchpoint's names and code (and
        every phase's, where phases may be chosen)."""
        found = [(f"{r['name']} {r['id']}", str(r["id"])) for r in journey.records("touchpoints")]
        if phases:
            found += [(text, PHASE + p) for text, p in named_words(journey, "phases")]
        return found

    def show_pending(self) -> None:
        """Say which values go nowhere yet (by name, with their rows), and which
        choices are suggestions to check; empty when every value has a place."""
        lang = self.language
        open_items = [f"‘{item}’" for item, d in self.targets.items() if not d.value]
        suggested = [f"‘{item}’" for item, d in self.targets.items() if item in self.suggested and d.value]
        lines = []
        if suggested:
            lines.append(bt("suggested", lang, values=", ".join(suggested)))
        if open_items:
            lines.append(bt("pending", lang, values=", ".join(open_items)))
        self.pending.value = "".join(
            f'<div class="kr-hint" style="white-space:normal;line-height:1.4;margin:4px 0">'
            f"{html.escape(line)}</div>"
            for line in lines
        )

    def _answers_follow(self) -> None:
        if self.kind == "survey" and self.wide():
            self._rebuild_answers()

    def _default_target(self, journey: Journey, section: str, item: str, phases: bool) -> str:
        mapped = self.base.get(section) or {}
        k = values.key(item) or item
        for name, target in mapped.items():
            exact = (values.key(name) or name) == k
            if exact or (section == "pages" and fnmatch.fnmatchcase(k, values.key(name) or name)):
                if isinstance(target, dict):
                    kind, tid = next(iter(target.items()))
                    return PHASE + tid if kind == "phase" else tid
                return (
                    PHASE + target
                    if phases and target in journey.ids("phases") and target not in journey.ids("touchpoints")
                    else str(target)
                )
        for tid in journey.ids("touchpoints"):
            if values.key(tid) == k:
                return tid
        if phases:
            return next((PHASE + p for p in journey.ids("phases") if values.key(p) == k), "")
        return ""

    def _persona_dropdown(self, journey: Journey, item: str, count: int, chosen: str | None) -> w.Dropdown:
        options = [(bt("skip_value", self.language), "")]
        options += [(journey.name_of("personas", p), p) for p in journey.ids("personas")]
        k = values.key(item) or item
        mapped = {values.key(a) or a: b for a, b in (self.base.get("personas") or {}).items()}
        value = chosen if chosen is not None else mapped.get(k, "")
        if chosen is None and not value:
            value = next(
                (
                    p
                    for p in journey.ids("personas")
                    if k in (values.key(p), values.key(journey.name_of("personas", p)))
                ),
                "",
            ) or self._suggest(
                item, [(f"{journey.name_of('personas', p)} {p}", p) for p in journey.ids("personas")]
            )
        return w.Dropdown(
            description=f"{item} ({count})", options=options, value=value, style=_STYLE, layout=_WIDE_LAYOUT
        )

    def _answer_dropdown(self, journey: Journey, label: str, count: int, chosen: str) -> w.Dropdown:
        options = [("–", ""), (bt("skip_answer", self.language), "skip")]
        options += [(f"{p.score} {p.emoji} {p.label}".strip(), str(p.score)) for p in journey.scale]
        value = chosen if chosen in {v for _, v in options} else ""
        return w.Dropdown(
            description=f"{label} ({count})", options=options, value=value, style=_STYLE, layout=_WIDE_LAYOUT
        )

    # ------------------------------------------------------------ result
    def mapping(self) -> dict[str, Any]:
        """The mapping as plain data: the mapping file's content with what the form
        says on top (a value set to "(niet gebruiken)" is left out)."""
        data = {k: v for k, v in self.base.items() if k != "kind"}
        columns = {role: d.value for role, d in self.columns.items() if d.value}
        if columns or self.kind == "events":
            data["columns"] = columns
        if self.kind == "survey":
            data["format"] = "wide" if self.wide() else "long"
            data.pop("metric", None)
            if self.metric != "score":
                data["metric"] = self.metric
        section = SECTIONS[self.kind]
        data[section] = _merged(
            data.get(section), self.targets, _target_value if section in ("reasons", "pages") else str
        )
        data["personas"] = _merged(data.get("personas"), self.personas, str)
        if self.kind in ("survey", "interviews"):
            answers = dict(data.get("answers") or {})
            for label, dropdown in self.answers.items():
                if dropdown.value:
                    answers[label] = None if dropdown.value == "skip" else int(dropdown.value)
            data["answers"] = answers
        return {k: v for k, v in data.items() if v not in ({}, [], None)}


def _merged(base: Any, dropdowns: dict[str, w.Dropdown], convert: Callable[[str], Any]) -> dict[str, Any]:
    out = dict(base or {})
    keys = {values.key(k) or k: k for k in out}
    for item, dropdown in dropdowns.items():
        existing = keys.get(values.key(item) or item)
        if existing is not None:
            out.pop(existing)
        if dropdown.value:
            out[item] = convert(dropdown.value)
    return out


def _target_value(value: str) -> Any:
    return {"phase": value[len(PHASE) :]} if value.startswith(PHASE) else {"touchpoint": value}


def _roles(kind: str) -> tuple[str, ...]:
    from ..evidence.columns import ROLES
    from ..paths.mapping import ROLES as EVENT_ROLES

    return EVENT_ROLES if kind == "events" else ROLES[kind]


def _role_label(kind: str, role: str, language: str) -> str:
    """A column role in words; an event log's roles in this step's own words."""
    return bt(f"events_role_{role}", language) if kind == "events" else role_text(f"role_{role}", language)
