"""Step emoties: per touchpoint, in journey order, how the persona feels and why;
with a live emotion curve that stays in view above the rows. Labels and hints come
from the template's rows; the template's own fields for this step appear per phase
(the overall experience of a phase) and per touchpoint."""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as w
import pandas as pd

from ..coercion import missing
from ..model import Journey
from ..session import ProjectSession
from ..templates import journey_uses
from .connection import connection_text
from .curve import CurvePanel
from .emotion_sheet import EmotionSheet, RowNotice
from .extra_editors import ExtraEditors, field_hints
from .form import StepForm
from .notice import MARKS, STYLES
from .record_list import EXTRA_PREFIX, FieldSpec, hint_widget, widget_value
from .selectors import JourneySelector
from .smileys import smiley_points
from .wording import extra_spec


class EmotionRow:
    """One touchpoint's row in an :class:`.emotion_sheet.EmotionSheet`: ``value``
    reads a field as the model takes it, ``edit`` changes it as a click or an entry
    in the browser does, and ``notice`` shows a refusal under the row. ``key`` is the
    touchpoint's (id, persona, scenario)."""

    def __init__(self, sheet: EmotionSheet, key: tuple[str, str, str], specs: dict[str, FieldSpec]):
        self.id = key[0]
        self.key = key
        self.sheet = sheet
        self.specs = specs
        self.notice = RowNotice(sheet, self.id)

    def shown(self) -> dict[str, Any]:
        """The row's values as the sheet shows them."""
        return self.sheet.row(self.id)

    def value(self, name: str) -> Any:
        """The value of field ``name`` (``extra.<id>`` for the template's) as the
        model takes it."""
        shown = self.shown()
        if name.startswith(EXTRA_PREFIX):
            value = (shown.get("extra") or {}).get(name[len(EXTRA_PREFIX) :])
            spec = self.specs[name]
            if spec.kind == "choice":
                options = spec.options() if spec.options else []
                index = value if isinstance(value, int) and 0 <= value < len(options) else 0
                return options[index][1] if options else ""
        else:
            value = shown.get(name)
        return value.strip() if isinstance(value, str) else value

    def edit(self, name: str, value: Any) -> None:
        """Set field ``name`` to ``value`` (for a choice: one of its option values), as
        a participant does in the browser."""
        spec = self.specs.get(name)
        self.sheet.edit(self.id, name, _shown(spec, value) if spec else value)


def _shown(spec: FieldSpec, value: Any) -> Any:
    """A template field's value as the sheet holds it: a choice as its option's index."""
    if spec.kind != "choice":
        return "" if value is None else str(value)
    options = spec.options() if spec.options else []
    values = [o[1] for o in options]
    value = widget_value(spec, value, options)
    return values.index(value) if value in values else 0


class EmotiesForm(StepForm):
    """Persona/scenario selector, the emotion curve (``curve``, kept in view while the
    rows scroll; with the measured scores of evidence source ``evidence``, or of all
    sources, when the project has evidence), and one :class:`EmotionRow` per
    touchpoint in journey order (``rows``), drawn by one sheet (``config``: what every
    row shows the same). When the template asks for something per phase in this step,
    each phase starts with its editors (``phase_editors`` by phase id) above a sheet of
    its rows (``sheets`` by phase id; otherwise the one sheet has the key ``""``)."""

    def __init__(
        self,
        session: ProjectSession,
        language: str = "",
        persona: str = "",
        scenario: str = "",
        evidence: str = "",
    ):
        super().__init__(session, language)
        self.evidence = evidence
        self.selector = JourneySelector(self.journey, self.language, persona, scenario)
        self.curve = CurvePanel(self.t("curve"), self.safely(lambda: self.draw_curve()))
        self.rows: list[EmotionRow] = []
        self.config: dict[str, Any] = {}
        self.phase_fields = self.wording.fields("phases", "emoties")
        self.specs = {
            EXTRA_PREFIX + f.id: extra_spec(f, self.journey, self.language)
            for f in self.wording.fields("touchpoints", "emoties")
        }
        self.phase_editors: dict[str, ExtraEditors] = {}
        self.sheets: dict[str, EmotionSheet] = {}
        self.row_box = w.VBox()
        self.notice = w.HTML()
        for dropdown in (self.selector.persona, self.selector.scenario):
            dropdown.observe(self.safely(lambda _: self._refresh_quietly()), names="value")
        self.body.children = [
            self.selector.widget,
            self._emotion_hint(),
            field_hints([*self.phase_fields, *self.wording.fields("touchpoints", "emoties")], self.language),
            self.curve.widget,
            self.notice,
            self.row_box,
        ]
        self._refresh_quietly()

    def _emotion_hint(self) -> w.HTML:
        """The template's row for the emotion: its name and what to note there."""
        hint = self.wording.hint("touchpoints", "emotion")
        return hint_widget(f"{self.wording.label('touchpoints', 'emotion')}: {hint}" if hint else "")

    def sheet_config(self) -> dict[str, Any]:
        """What every row shows the same: smileys, button words and fields."""
        label = self.wording.label
        emotion = label("touchpoints", "emotion")
        fields: list[dict[str, Any]] = [
            {"name": "why", "label": self.t("why"), "kind": "text"},
            {"name": "thoughts", "label": label("touchpoints", "thoughts"), "kind": "text"},
            {"name": "ideas", "label": label("touchpoints", "ideas"), "kind": "text"},
        ]
        for name, spec in self.specs.items():
            options = [str(o[0]) for o in spec.options()] if spec.options else []
            fields.append({"name": name, "label": spec.label, "kind": spec.kind, "options": options})
        return {
            "points": smiley_points(self.journey.scale),
            "group_label": emotion,
            "chosen_text": self.t("chosen"),
            "clear_text": self.t("clear_emotion", emotion=emotion),
            # empty: the method asks for no crucial moments, the sheet shows no toggle
            "critical_text": self.t("critical") if journey_uses(self.journey.template, "critical") else "",
            "fields": fields,
            # the rows' own messages after a lost connection (emotion_sheet.js)
            "resent_text": self.t("resent"),
            # the browser names the fields
            "lost_text": connection_text("lost_edit", self.language, fields="{fields}"),
            "notices": {kind: {"style": STYLES[kind], "mark": MARKS[kind]} for kind in STYLES},
        }

    def row(self, touchpoint: str) -> EmotionRow:
        """The row of a touchpoint id."""
        return next(r for r in self.rows if r.id == touchpoint)

    def set_field(self, row: EmotionRow, name: str) -> bool:
        """Store one field of a row's touchpoint (and redraw the curve for emotions);
        False when it was refused (the message is under the row)."""
        value = row.value(name)
        touchpoint, persona, scenario = row.key

        def change(journey: Journey) -> None:
            if name.startswith(EXTRA_PREFIX):
                journey.set_extra("touchpoints", row.key, name[len(EXTRA_PREFIX) :], value)
            else:
                journey.update_touchpoint(touchpoint, persona, scenario, **{name: value})

        saved = self.commit(change, at=row.notice)
        if saved and name in ("emotion", "critical"):
            self.draw_curve()
        return saved

    def _edited(self, row_id: str, name: str, replaced: bool = False) -> None:
        """A field of a row changed in its sheet (a click or an entry): store it. When
        it held someone else's newer value than the person saw, say that theirs
        replaced it (both were a choice made on purpose; the last one counts)."""
        row = self.row(row_id)
        if self.set_field(row, name) and replaced:
            row.notice.show("info", self.t("replaced_newer", field=self._label(name)))

    def _label(self, name: str) -> str:
        """The label of a row's field, as the sheet shows it."""
        if name == "emotion":
            return self.wording.label("touchpoints", "emotion")
        if name == "critical":
            return self.t("critical")
        return next((f["label"] for f in self.config.get("fields", []) if f["name"] == name), name)

    def draw_curve(self) -> None:
        """Show the emotion curve of the chosen journey (empty when it has no emotions)."""
        self.curve.draw(
            self.journey, self.selector.persona.value, self.selector.scenario.value, self.evidence
        )

    def refresh(self) -> None:
        """Rebuild the rows and the curve for the chosen persona and scenario."""
        self.selector.update(self.journey)
        persona, scenario = self.selector.persona.value, self.selector.scenario.value
        table = self.journey.journey(persona, scenario) if persona else pd.DataFrame()
        records: list[dict[str, Any]] = table.to_dict("records")  # type: ignore[assignment]  # str columns
        self.config = self.sheet_config()
        self.rows = []
        if self.phase_fields:
            self.row_box.children = self._phase_blocks(records)
        else:
            self.row_box.children = [self._fill("", records)]
        for key in [k for k, sheet in self.sheets.items() if sheet not in self.row_box.children]:
            self.sheets.pop(key).close()  # a phase that is gone
        text = self.t("no_personas") if not persona else self.t("no_touchpoints")
        self.notice.value = "" if self.rows else f"<b>{text}</b>"
        self.draw_curve()

    def _fill(self, key: str, records: list[dict[str, Any]]) -> EmotionSheet:
        """The sheet ``key`` (made on first use) showing ``records``; their rows join ``rows``."""
        if key not in self.sheets:
            self.sheets[key] = EmotionSheet(self.config, self.safely(self._edited))
        sheet = self.sheets[key]
        sheet.config = self.config
        sheet.show([self._state(r) for r in records])
        self.rows += [EmotionRow(sheet, (str(r["id"]), str(r["persona"]), str(r["scenario"])), self.specs)
                      for r in records]  # fmt: skip
        return sheet

    def _state(self, record: dict[str, Any]) -> dict[str, Any]:
        """A touchpoint as its row shows it."""
        channel = f" · {record['channel']}" if _text(record["channel"]) else ""
        extra = record["extra"] if isinstance(record.get("extra"), dict) else {}
        return {
            "id": str(record["id"]),
            "heading": f"{int(record['step'])}. {_text(record['name'])}",
            "context": f"({_text(record['phase_name'])}{channel})",
            "emotion": None if missing(record["emotion"]) else int(record["emotion"]),
            "critical": bool(record["critical"]),
            **{name: _text(record[name]) for name in ("why", "thoughts", "ideas")},
            "extra": {fid: _shown(spec, extra.get(fid)) for fid, spec in self._extra_specs()},
        }

    def _extra_specs(self) -> list[tuple[str, FieldSpec]]:
        """The template's fields of this step: (field id, form field)."""
        return [(name[len(EXTRA_PREFIX) :], spec) for name, spec in self.specs.items()]

    def _phase_blocks(self, records: list[dict[str, Any]]) -> list[w.Widget]:
        """Each phase's editors (the template's fields of this step), then its rows."""
        blocks: list[w.Widget] = []
        self.phase_editors = {}
        for phase in self.journey.records("phases"):
            pid = phase["id"]
            editors = ExtraEditors(self, "phases", (pid,), self.phase_fields, phase)
            self.phase_editors[pid] = editors
            name = html.escape(_text(phase["name"]) or pid)
            head = w.VBox([w.HTML(f"<h4>▼ {name}</h4>"), editors.widget])
            head.add_class("kr-below-curve")
            blocks += [head, self._fill(pid, [r for r in records if r["phase"] == pid])]
        return blocks


def _text(value: Any) -> str:
    return "" if missing(value) else str(value)
