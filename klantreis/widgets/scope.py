"""Step scope: where the journey starts and where it ends."""

from __future__ import annotations

import ipywidgets as w

from ..session import ProjectSession
from .form import StepForm
from .record_list import FIELD_LAYOUT, LABEL_STYLE


class ScopeForm(StepForm):
    """Two text areas: the start and the end of the journey."""

    def __init__(self, session: ProjectSession, language: str = ""):
        super().__init__(session, language)
        self.start = self._area("scope_start")
        self.end = self._area("scope_end")
        self.notices = {"start": self.new_notice(), "end": self.new_notice()}
        self.start.observe(self.safely(lambda _: self._set("start", self.start.value)), "value")
        self.end.observe(self.safely(lambda _: self._set("end", self.end.value)), "value")
        self.body.children = [self.start, self.notices["start"].widget, self.end, self.notices["end"].widget]
        self._refresh_quietly()

    def _area(self, key: str) -> w.Textarea:
        return w.Textarea(
            description=self.t(key),
            continuous_update=False,
            rows=3,
            style=LABEL_STYLE,
            layout=w.Layout(**FIELD_LAYOUT),
        )

    def _set(self, which: str, text: str) -> None:
        self.commit(lambda j: j.set_scope(**{which: text.strip()}), at=self.notices[which])

    def refresh(self) -> None:
        """Show the saved start and end."""
        self.start.value = self.journey.scope.get("start", "")
        self.end.value = self.journey.scope.get("end", "")
