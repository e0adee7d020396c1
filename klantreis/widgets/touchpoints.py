"""Step touchpoints: per persona, scenario and phase, the contact moments and their
details; and copying one journey's touchpoints to another as a starting point."""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from ..errors import JourneyError
from ..fields import record_from_row
from ..model import Journey
from ..session import ProjectSession
from .form import StepForm
from .record_list import FieldSpec, RecordList, RecordOps, named_items
from .selectors import JourneySelector


class TouchpointsForm(StepForm):
    """Choose persona, scenario and phase; edit that phase's touchpoints. Below, copy
    all touchpoints of one persona/scenario to another."""

    def __init__(
        self, session: ProjectSession, language: str = "", persona: str = "", scenario: str = ""
    ):
        super().__init__(session, language)
        self.selector = JourneySelector(self.journey, self.language, persona, scenario)
        self.phase = w.Dropdown(description=self.t("phase"), style={"description_width": "80px"})
        self.notice = w.HTML()
        self.touchpoints = RecordList(self, RecordOps(
            items=self._items, read=self._read, ids=self._ids, add=self._add,
            update=self._update, remove=self._remove, move=self._move,
        ), self._fields())
        self._build_copy()
        for dropdown in (self.selector.persona, self.selector.scenario, self.phase):
            dropdown.observe(self.safely(lambda _: self._refresh_quietly()), names="value")
        self.body.children = [
            w.HBox([*self.selector.widget.children, self.phase]),
            self.notice,
            self.touchpoints.widget,
            w.HTML(f"<h4>{self.t('copy_title')}</h4>"),
            self.copy_box,
        ]
        self._refresh_quietly()

    # ------------------------------------------------------------- fields
    def _fields(self) -> list[FieldSpec]:
        t = self.t
        template = self.session.template
        channels = template.channels(self.language) if template else []
        return [
            FieldSpec("name", required=True),
            FieldSpec("phase", "choice", options=lambda: named_items(self.journey, "phases")),
            FieldSpec("channel", "combo", options=lambda: channels),
            FieldSpec("online", "choice", options=lambda: [
                (t("unknown"), ""), (t("is_online"), True), (t("is_offline"), False)
            ]),
            FieldSpec("owned", "choice", options=lambda: [
                (t("unknown"), ""), (t("yes"), True), (t("no"), False)
            ]),
            FieldSpec("partner"),
            FieldSpec("action", "area"),
            FieldSpec("frequency"),
            FieldSpec("backstage", "area"),
            FieldSpec("data", "area"),
            FieldSpec("importance", "choice", options=lambda: [
                ("-", ""), (t("main"), "main"), (t("side"), "side")
            ]),
        ]

    # ------------------------------------------------------------ records
    @property
    def persona(self) -> str | None:
        """The chosen persona id."""
        return self.selector.persona.value

    @property
    def scenario(self) -> str | None:
        """The chosen scenario id."""
        return self.selector.scenario.value

    def _rows(self) -> Any:
        tps = self.journey.touchpoints
        return tps[(tps["persona"] == self.persona) & (tps["scenario"] == self.scenario)]

    def _items(self) -> list[tuple[str, str]]:
        rows = self._rows()
        rows = rows[rows["phase"] == self.phase.value]
        return [(str(r["name"]), str(r["id"])) for _, r in rows.iterrows()]

    def _ids(self) -> list[str]:
        return [str(i) for i in self._rows()["id"]]

    def _read(self, tid: str) -> dict[str, Any]:
        rows = self._rows()
        return record_from_row("touchpoints", rows[rows["id"] == tid].iloc[0])

    def _add(self, journey: Journey, tid: str, name: str) -> None:
        if not self.persona or not self.phase.value:
            raise JourneyError(self.t("no_personas" if not self.persona else "no_phases"))
        journey.add_touchpoint(tid, self.persona, self.phase.value, name, scenario=self.scenario)

    def _update(self, journey: Journey, tid: str, changes: dict[str, Any]) -> None:
        journey.update_touchpoint(tid, self.persona or "", self.scenario, **changes)
        if "phase" in changes:
            with self.filling():
                self.phase.value = changes["phase"]  # follow the touchpoint to its phase

    def _remove(self, journey: Journey, tid: str) -> None:
        journey.remove_touchpoint(tid, self.persona or "", self.scenario)

    def _move(self, journey: Journey, tid: str, step: int) -> None:
        journey.move_touchpoint(tid, self.persona or "", self.scenario, step)

    # --------------------------------------------------------------- copy
    def _build_copy(self) -> None:
        style = {"description_width": "60px"}
        self.copy_from = JourneySelector(self.journey, self.language)
        self.copy_to = JourneySelector(self.journey, self.language)
        self.copy_from.persona.description = f"{self.t('copy_from')}: {self.t('persona')}"
        self.copy_to.persona.description = f"{self.t('copy_to')}: {self.t('persona')}"
        for selector in (self.copy_from, self.copy_to):
            selector.persona.style = {"description_width": "120px"}
            selector.scenario.style = style
        self.copy_replace = w.Checkbox(description=self.t("copy_replace"), indent=False)
        self.copy_button = w.Button(description=self.t("copy"), icon="copy")
        self.copy_result = w.HTML()
        self.copy_button.on_click(self.safely(lambda _: self._copy()))
        self.copy_box = w.VBox([
            self.copy_from.widget, self.copy_to.widget,
            w.HBox([self.copy_replace, self.copy_button, self.copy_result]),
        ])

    def _copy(self) -> None:
        source = (self.copy_from.persona.value, self.copy_from.scenario.value)
        target = (self.copy_to.persona.value, self.copy_to.scenario.value)
        replace = self.copy_replace.value
        if not all(source + target):
            self.refuse("no_personas")
            return
        self.copy_result.value = ""
        if self.commit(lambda j: j.copy_journey(*source, *target, replace=replace), refresh=True):
            count = len(self.journey.journey(*target))
            self.copy_result.value = self.t("copied", count=count)

    # ------------------------------------------------------------ display
    def refresh(self) -> None:
        """Show the chosen journey's touchpoints of the chosen phase."""
        journey = self.journey
        for selector in (self.selector, self.copy_from, self.copy_to):
            selector.update(journey)
        phases = journey.ids("phases")
        keep = self.phase.value
        self.phase.options = named_items(journey, "phases")
        self.phase.value = keep if keep in phases else (phases[0] if phases else None)
        notice = "" if self.persona else self.t("no_personas")
        notice = notice or ("" if phases else self.t("no_phases"))
        self.notice.value = f"<b>{notice}</b>" if notice else ""
        self.touchpoints.add_button.disabled = bool(notice)
        self.touchpoints.refresh()
        self.copy_box.layout.display = "flex" if len(journey.personas) else "none"
