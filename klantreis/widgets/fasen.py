"""Step fasen: the phases of the journey, in order."""

from __future__ import annotations

from typing import Any

from ..session import ProjectSession
from .form import StepForm
from .record_list import FieldSpec, RecordList, table_ops


class FasenForm(StepForm):
    """A list editor for phases: add, rename, remove and reorder, with duration, the
    goal (labelled as the template's row for it), a description and the fields the
    template adds to phases. A new project starts with the template's phases."""

    def __init__(self, session: ProjectSession, language: str = ""):
        super().__init__(session, language)
        self.phases = RecordList(
            self,
            table_ops(
                self,
                "phases",
                add=lambda j, pid, name: j.add_phase(pid, name),
                update=lambda j, pid, changes: j.update_phase(pid, **changes),
                move=self._move,
            ),
            [
                FieldSpec("name", required=True),
                FieldSpec("duration"),
                self.wording.spec("phases", "user_goal", "area"),
                FieldSpec("description", "area"),
                *self.wording.extra_specs(self.journey, "phases", "fasen"),
            ],
        )
        self.body.children = [self.phases.widget]
        self._refresh_quietly()

    @staticmethod
    def _move(journey: Any, pid: str, step: int) -> None:
        journey.move_phase(pid, max(0, journey.ids("phases").index(pid) + step))

    def refresh(self) -> None:
        """Show the saved phases."""
        self.phases.refresh()
