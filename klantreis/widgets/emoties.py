"""Step emoties: per touchpoint, in journey order, how the customer feels and why;
with a live emotion curve."""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as w
import pandas as pd

from ..session import ProjectSession
from .emotion_picker import EmotionPicker
from .form import StepForm
from .record_list import LABEL_STYLE
from .selectors import JourneySelector

#: JupyterLab renders Vega-Lite natively (offline) under this mime type.
#: Pixels the curve may take across; the chart narrows its steps to fit.
CURVE_WIDTH = 860


class EmotionRow:
    """The widgets of one touchpoint: smiley buttons, why, thoughts, ideas, crucial."""

    def __init__(self, form: EmotiesForm, row: pd.Series):
        self.id = str(row["id"])
        t = form.t
        channel = f" · {row['channel']}" if str(row["channel"] or "") else ""
        self.header = w.HTML(
            f"<b>{int(row['step'])}. {_esc(row['name'])}</b>"
            f" <span style='color:#666'>({_esc(row['phase_name'])}{_esc(channel)})</span>"
        )
        emotion = None if pd.isna(row["emotion"]) else int(row["emotion"])
        self.picker = EmotionPicker(form.journey.scale, emotion)
        self.why = self._text(t("why"), row["why"])
        self.thoughts = self._text(t("thoughts"), row["thoughts"])
        self.ideas = self._text(t("ideas"), row["ideas"])
        self.critical = w.ToggleButton(
            value=bool(row["critical"]), description=t("critical"), icon="star",
            layout=w.Layout(width="auto"),
        )
        self.picker.buttons.observe(form.safely(lambda _: form.set_field(self, "emotion")),
                                    names="value")
        for name in ("why", "thoughts", "ideas", "critical"):
            getattr(self, name).observe(
                form.safely(lambda _, n=name: form.set_field(self, n)), names="value"
            )
        self.widget = w.VBox(
            [self.header, w.HBox([self.picker.widget, self.critical]),
             self.why, self.thoughts, self.ideas],
            layout=w.Layout(border_bottom="1px solid #ddd", padding="6px 0"),
        )

    def value(self, name: str) -> Any:
        """The value of field ``name`` as the model takes it."""
        if name == "emotion":
            return self.picker.value
        value = getattr(self, name).value
        return value.strip() if isinstance(value, str) else value

    @staticmethod
    def _text(label: str, value: Any) -> w.Text:
        return w.Text(value="" if pd.isna(value) else str(value), description=label,
                      continuous_update=False, style=LABEL_STYLE, layout=w.Layout(width="95%"))


class EmotiesForm(StepForm):
    """Persona/scenario selector, the emotion curve, and one :class:`EmotionRow` per
    touchpoint in journey order (``rows``)."""

    def __init__(
        self, session: ProjectSession, language: str = "", persona: str = "", scenario: str = ""
    ):
        super().__init__(session, language)
        self.selector = JourneySelector(self.journey, self.language, persona, scenario)
        self.curve = w.Output()
        self.rows: list[EmotionRow] = []
        self.row_box = w.VBox()
        self.notice = w.HTML()
        for dropdown in (self.selector.persona, self.selector.scenario):
            dropdown.observe(self.safely(lambda _: self._refresh_quietly()), names="value")
        self.body.children = [self.selector.widget, self.curve, self.notice, self.row_box]
        self._refresh_quietly()

    def row(self, touchpoint: str) -> EmotionRow:
        """The row of a touchpoint id."""
        return next(r for r in self.rows if r.id == touchpoint)

    def set_field(self, row: EmotionRow, name: str) -> None:
        """Store one field of a row's touchpoint (and redraw the curve for emotions)."""
        persona, scenario = self.selector.persona.value, self.selector.scenario.value
        value = row.value(name)
        self.commit(lambda j: j.update_touchpoint(row.id, persona, scenario, **{name: value}))
        if name in ("emotion", "critical"):
            self.draw_curve()

    def draw_curve(self) -> None:
        """Show the emotion curve of the chosen journey (empty when it has no emotions)."""
        persona, scenario = self.selector.persona.value, self.selector.scenario.value
        rows = self.journey.journey(persona, scenario) if persona else pd.DataFrame()
        if rows.empty or rows["emotion"].isna().all():
            self.curve.outputs = ()
            return
        from ..charts import emotion_curve, notebook_bundle  # altair is slow to import: only when drawn

        step = max(32, min(64, CURVE_WIDTH // len(rows)))  # fit the notebook's width
        # The chart's spec is validated against the schema in the test suite; redrawing
        # it on every click skips that check, which is most of the cost (benchmarks/).
        spec = emotion_curve(self.journey, persona, scenario, step=step).to_dict(validate=False)
        self.curve.outputs = ({
            "output_type": "display_data",
            "data": notebook_bundle(spec, self.t("curve")),
            "metadata": {},
        },)

    def refresh(self) -> None:
        """Rebuild the rows and the curve for the chosen persona and scenario."""
        self.selector.update(self.journey)
        persona, scenario = self.selector.persona.value, self.selector.scenario.value
        table = self.journey.journey(persona, scenario) if persona else pd.DataFrame()
        self.rows = [EmotionRow(self, row) for _, row in table.iterrows()]
        self.row_box.children = [r.widget for r in self.rows]
        text = self.t("no_personas") if not persona else self.t("no_touchpoints")
        self.notice.value = "" if self.rows else f"<b>{text}</b>"
        self.draw_curve()


def _esc(value: Any) -> str:
    return html.escape("" if value is None or pd.isna(value) else str(value))
