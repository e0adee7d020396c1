"""Step persona: add, edit and remove personas."""

from __future__ import annotations

from ..session import ProjectSession
from .form import StepForm
from .record_list import FieldSpec, RecordList, table_ops


class PersonaForm(StepForm):
    """A list editor for personas: name, description, role, context, needs and
    frustrations (one per line), and the fields the template adds to personas."""

    def __init__(self, session: ProjectSession, language: str = "", persona: str = ""):
        super().__init__(session, language)
        self.personas = RecordList(
            self,
            table_ops(
                self,
                "personas",
                add=lambda j, pid, name: j.add_persona(pid, name),
                update=lambda j, pid, changes: j.update_persona(pid, **changes),
            ),
            [
                FieldSpec("name", required=True),
                FieldSpec("description", "area"),
                FieldSpec("role"),
                FieldSpec("context", "area"),
                FieldSpec("needs", "lines"),
                FieldSpec("frustrations", "lines"),
                *self.wording.extra_specs(self.journey, "personas", "persona"),
            ],
        )
        self.body.children = [self.personas.widget]
        with self.filling():
            self.personas.refresh(persona or None)

    def refresh(self) -> None:
        """Show the saved personas."""
        self.personas.refresh()
