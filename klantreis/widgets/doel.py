"""Step doel: the title and goal of the journey, and its scenarios."""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from ..fields import record_from_row
from ..session import ProjectSession
from .form import StepForm
from .record_list import FIELD_LAYOUT, LABEL_STYLE, FieldSpec, RecordList, RecordOps


class DoelForm(StepForm):
    """Title and goal text, plus a list editor for the scenarios (current, desired,
    competitor...)."""

    def __init__(self, session: ProjectSession, language: str = ""):
        super().__init__(session, language)
        self.title = w.Text(description=self.t("title"), continuous_update=False,
                            style=LABEL_STYLE, layout=w.Layout(**FIELD_LAYOUT))
        self.goal = w.Textarea(description=self.t("goal"), continuous_update=False, rows=5,
                               style=LABEL_STYLE, layout=w.Layout(**FIELD_LAYOUT))
        self.title.observe(self.safely(lambda _: self._set_title()), names="value")
        self.goal.observe(
            self.safely(lambda _: self.commit(lambda j: setattr(j, "goal", self.goal.value))),
            names="value",
        )
        self.scenarios = RecordList(self, RecordOps(
            items=lambda: [(self.journey.name_of("scenarios", i), i)
                           for i in self.journey.ids("scenarios")],
            read=self._read_scenario,
            ids=lambda: self.journey.ids("scenarios"),
            add=lambda j, sid, name: j.add_scenario(sid, name),
            update=lambda j, sid, changes: j.update_scenario(sid, **changes),
            remove=lambda j, sid: j.remove_scenario(sid),
        ), [FieldSpec("name", required=True)])
        self.body.children = [
            self.title, self.goal, w.HTML(f"<h4>{self.t('scenarios')}</h4>"), self.scenarios.widget
        ]
        self._refresh_quietly()

    def _read_scenario(self, sid: str) -> dict[str, Any]:
        frame = self.journey.scenarios
        return record_from_row("scenarios", frame[frame["id"] == sid].iloc[0])

    def _set_title(self) -> None:
        title = self.title.value.strip()
        if not title:
            self.refuse("empty_name")
            return
        self.commit(lambda j: setattr(j, "title", title))

    def refresh(self) -> None:
        """Show the saved title, goal and scenarios."""
        self.title.value = self.journey.title
        self.goal.value = self.journey.goal
        self.scenarios.refresh()
