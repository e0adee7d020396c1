"""What the forms call things: the template's own words where it has them.

A template names its canvas rows (``lanes``) and says per row what to fill in; the form
field a row stands for takes that name as its label and that text as its hint, in the
project's language. The fields a template adds (``fields``) become form fields with
their own label, hint and choices. Where the template says nothing, the forms use
their generic words (:mod:`.texts`).
"""

from __future__ import annotations

from typing import Any

from ..model import Journey
from ..template_fields import CHOICE, SCALE, YESNO, TemplateField
from ..templates import Template
from .record_list import EXTRA_PREFIX, FieldSpec
from .texts import tr

#: The form fields a canvas row (lane) stands for: ``(table, field) -> lane id``.
LANE_OF = {
    ("phases", "user_goal"): "user_goal",
    ("touchpoints", "action"): "interaction",
    ("touchpoints", "backstage"): "backstage",
    ("touchpoints", "data"): "data",
    ("touchpoints", "thoughts"): "thoughts",
    ("touchpoints", "ideas"): "ideas",
    ("touchpoints", "emotion"): "emotion",
}


class Wording:
    """The labels and hints of one project's forms, in ``language``."""

    def __init__(self, template: Template | None, language: str):
        self.template = template
        self.language = language

    def lane(self, lane_id: str) -> dict[str, str] | None:
        """The template's row ``lane_id`` (``{id, name, hint}``), or None."""
        return self.template.lane(lane_id, self.language) if self.template else None

    def label(self, table: str, name: str) -> str:
        """The label of a form field: its lane's label (its name unless the template
        says otherwise), else the generic word."""
        lane = self.lane(LANE_OF.get((table, name), ""))
        return lane["label"] if lane and lane["label"] else tr(name, self.language)

    def hint(self, table: str, name: str) -> str:
        """What to fill in, from the field's lane (empty when the template has none)."""
        lane = self.lane(LANE_OF.get((table, name), ""))
        return lane["hint"] if lane else ""

    def spec(self, table: str, name: str, kind: str = "text", **more: Any) -> FieldSpec:
        """A :class:`FieldSpec` of a built-in field, labelled in the template's words."""
        return FieldSpec(name, kind, label=self.label(table, name), hint=self.hint(table, name), **more)

    def fields(self, table: str, step: str) -> list[TemplateField]:
        """The template's own fields of ``table`` that the form of ``step`` shows."""
        if self.template is None:
            return []
        return [f for f in self.template.fields().of(table) if f.form_step == step]

    def extra_specs(self, journey: Journey, table: str, step: str) -> list[FieldSpec]:
        """The template's own fields of ``table`` shown in ``step``, as form fields."""
        return [extra_spec(f, journey, self.language) for f in self.fields(table, step)]


def extra_spec(field: TemplateField, journey: Journey, language: str) -> FieldSpec:
    """A template field as a form field (``extra.<id>``): text as a text box, a choice,
    yes/no or a point of the scale as a dropdown with "-" for empty."""
    label, hint = field.name(language), field.hint_text(language)
    name = EXTRA_PREFIX + field.id
    options: list[tuple[str, Any]]
    if field.kind == CHOICE:
        options = [(o.text(language), o.id) for o in field.options]
    elif field.kind == YESNO:
        options = [(tr("yes", language), True), (tr("no", language), False)]
    elif field.kind == SCALE:
        options = [(f"{p.emoji} {p.label}".strip(), p.score) for p in journey.scale]
    else:
        return FieldSpec(name, "area", label=label, hint=hint)
    choices = [("-", ""), *options]
    return FieldSpec(name, "choice", options=lambda: choices, label=label, hint=hint)
