"""Step emoties: per touchpoint, in journey order, how the persona feels and why;
with a live emotion curve that stays in view above the rows. Labels and hints come
from the template's rows; the template's own fields for this step appear per phase
(the overall experience of a phase) and per touchpoint."""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as w
import pandas as pd
from ipywidgets.widgets.widget_bool import ToggleButtonStyle
from ipywidgets.widgets.widget_string import HTMLStyle, TextStyle

from ..session import ProjectSession
from .curve import CurvePanel
from .emotion_picker import EmotionPicker
from .extra_editors import ExtraEditors, field_hints
from .form import StepForm
from .notice import Notice
from .record_list import LABEL_STYLE, hint_widget
from .selectors import JourneySelector


class EmotionRow:
    """The widgets of one touchpoint: smiley buttons, why, thoughts, ideas, crucial,
    ``notice`` for a refusal of any of them, and ``extra``: the template's own fields
    of this step (None when it has none)."""

    def __init__(self, form: EmotiesForm, row: pd.Series):
        self.id = str(row["id"])
        t = form.t
        label = form.wording.label
        channel = f" · {row['channel']}" if str(row["channel"] or "") else ""
        self.header = w.HTML(
            f"<b>{int(row['step'])}. {_esc(row['name'])}</b>"
            f" <span style='color:#666'>({_esc(row['phase_name'])}{_esc(channel)})</span>",
            layout=form.shared(w.Layout), style=form.shared(HTMLStyle),
        )
        emotion = None if pd.isna(row["emotion"]) else int(row["emotion"])
        self.picker = EmotionPicker(
            form.journey.scale, emotion, form.language, label=label("touchpoints", "emotion"),
            layout=form.shared(w.Layout),
        )
        self.why = self._text(form, t("why"), row["why"])
        self.thoughts = self._text(form, label("touchpoints", "thoughts"), row["thoughts"])
        self.ideas = self._text(form, label("touchpoints", "ideas"), row["ideas"])
        fields = form.wording.fields("touchpoints", "emoties")
        key = (self.id, str(row["persona"]), str(row["scenario"]))
        self.extra = ExtraEditors(form, "touchpoints", key, fields, row.to_dict()) if fields else None
        self.critical = w.ToggleButton(
            value=bool(row["critical"]), description=t("critical"), icon="star",
            layout=form.shared(w.Layout, width="auto", align_self="center"),
            style=form.shared(ToggleButtonStyle),
        )
        self.notice = Notice()
        self._mark_critical()
        self.critical.observe(lambda _: self._mark_critical(), names="value")
        self.picker.observe(form.safely(lambda _: form.set_field(self, "emotion")), names="value")
        for name in ("why", "thoughts", "ideas", "critical"):
            getattr(self, name).observe(
                form.safely(lambda _, n=name: form.set_field(self, n)), names="value"
            )
        self.widget = w.VBox(
            [self.header, w.HBox([self.picker, self.critical], layout=form.shared(w.Layout)),
             self.notice.widget, self.why, self.thoughts, self.ideas,
             *([self.extra.widget] if self.extra else [])],
            layout=form.shared(w.Layout, border_bottom="1px solid #ddd", padding="6px 0"),
        )  # fmt: skip
        self.widget.add_class("kr-below-curve")

    def _mark_critical(self) -> None:
        """A crucial moment shows in colour, not only as a pressed grey button."""
        self.critical.button_style = "warning" if self.critical.value else ""

    def value(self, name: str) -> Any:
        """The value of field ``name`` as the model takes it."""
        value = getattr(self, "picker" if name == "emotion" else name).value
        return value.strip() if isinstance(value, str) else value

    @staticmethod
    def _text(form: EmotiesForm, label: str, value: Any) -> w.Text:
        return w.Text(value="" if pd.isna(value) else str(value), description=label,
                      continuous_update=False, style=form.shared(TextStyle, **LABEL_STYLE),
                      layout=form.shared(w.Layout, width="95%"))  # fmt: skip


class EmotiesForm(StepForm):
    """Persona/scenario selector, the emotion curve (``curve``, kept in view while the
    rows scroll; with the measured scores of evidence source ``evidence``, or of all
    sources, when the project has evidence), and one :class:`EmotionRow` per
    touchpoint in journey order (``rows``). When the template asks for something per
    phase in this step, each phase starts with its editors (``phase_editors`` by phase
    id)."""

    def __init__(
        self, session: ProjectSession, language: str = "", persona: str = "", scenario: str = "",
        evidence: str = "",
    ):
        super().__init__(session, language)
        self.evidence = evidence
        self.selector = JourneySelector(self.journey, self.language, persona, scenario)
        self.curve = CurvePanel(self.t("curve"))
        self.rows: list[EmotionRow] = []
        self.phase_fields = self.wording.fields("phases", "emoties")
        self.phase_editors: dict[str, ExtraEditors] = {}
        self.row_box = w.VBox()
        self.notice = w.HTML()
        for dropdown in (self.selector.persona, self.selector.scenario):
            dropdown.observe(self.safely(lambda _: self._refresh_quietly()), names="value")
        self.body.children = [
            self.selector.widget, self._emotion_hint(),
            field_hints([*self.phase_fields, *self.wording.fields("touchpoints", "emoties")], self.language),
            self.curve.widget, self.notice,
            self.row_box,
        ]
        self._refresh_quietly()

    def _emotion_hint(self) -> w.HTML:
        """The template's row for the emotion: its name and what to note there."""
        hint = self.wording.hint("touchpoints", "emotion")
        return hint_widget(f"{self.wording.label('touchpoints', 'emotion')}: {hint}" if hint else "")

    def row(self, touchpoint: str) -> EmotionRow:
        """The row of a touchpoint id."""
        return next(r for r in self.rows if r.id == touchpoint)

    def set_field(self, row: EmotionRow, name: str) -> None:
        """Store one field of a row's touchpoint (and redraw the curve for emotions)."""
        persona, scenario = self.selector.persona.value, self.selector.scenario.value
        value = row.value(name)
        if self.commit(lambda j: j.update_touchpoint(row.id, persona, scenario, **{name: value}),
                       at=row.notice) and name in ("emotion", "critical"):  # fmt: skip
            self.draw_curve()

    def draw_curve(self) -> None:
        """Show the emotion curve of the chosen journey (empty when it has no emotions)."""
        self.curve.draw(self.journey, self.selector.persona.value, self.selector.scenario.value,
                        self.evidence)

    def refresh(self) -> None:
        """Rebuild the rows and the curve for the chosen persona and scenario."""
        self.selector.update(self.journey)
        persona, scenario = self.selector.persona.value, self.selector.scenario.value
        table = self.journey.journey(persona, scenario) if persona else pd.DataFrame()
        self.rows = [EmotionRow(self, row) for _, row in table.iterrows()]
        self.row_box.children = self._phase_blocks(table) if self.phase_fields else [
            r.widget for r in self.rows
        ]
        text = self.t("no_personas") if not persona else self.t("no_touchpoints")
        self.notice.value = "" if self.rows else f"<b>{text}</b>"
        self.draw_curve()


    def _phase_blocks(self, table: pd.DataFrame) -> list[w.Widget]:
        """Each phase's editors (the template's fields of this step), then its rows."""
        blocks: list[w.Widget] = []
        self.phase_editors = {}
        for phase in self.journey.records("phases"):
            pid = phase["id"]
            editors = ExtraEditors(self, "phases", (pid,), self.phase_fields, phase)
            self.phase_editors[pid] = editors
            name = _esc(phase["name"] or pid)
            head = w.VBox([w.HTML(f"<h4>▼ {name}</h4>"), editors.widget])
            head.add_class("kr-below-curve")
            blocks.append(head)
            here = set(table["id"][table["phase"] == pid]) if len(table) else set()
            blocks += [r.widget for r in self.rows if r.id in here]
        return blocks


def _esc(value: Any) -> str:
    return html.escape("" if value is None or pd.isna(value) else str(value))
