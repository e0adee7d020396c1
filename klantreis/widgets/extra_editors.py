"""Editors of the fields a template adds, outside the list editors: a phase's fields
where the method asks for them (the overall experience per phase in the emotion step,
"tested or not" in the review step). A touchpoint's fields in its emotion row are
drawn by that row (:mod:`.emotion_sheet`).

Each change sets that one field of that one record (:meth:`Journey.set_extra`) and is
saved at once, like every change in the forms; a refusal shows under the editors.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

import ipywidgets as w

from ..template_fields import TemplateField
from .notice import Notice
from .record_list import EXTRA_PREFIX, FieldSpec, field_widget, widget_value
from .wording import extra_spec

if TYPE_CHECKING:
    from .form import StepForm


class ExtraEditors:
    """Widgets for the template ``fields`` of one record of ``table`` (``key``):
    ``widgets`` by field id, ``notice`` for refusals, all in ``widget``."""

    def __init__(self, form: StepForm, table: str, key: tuple[str, ...], fields: list[TemplateField],
                 record: dict[str, Any]):  # fmt: skip
        self.form, self.table, self.key = form, table, key
        self.specs: dict[str, FieldSpec] = {f.id: extra_spec(f, form.journey, form.language) for f in fields}
        self.widgets: dict[str, w.ValueWidget] = {
            fid: field_widget(spec, spec.label) for fid, spec in self.specs.items()
        }
        self.notice = Notice()
        self.show(record)
        for fid, widget in self.widgets.items():
            widget.observe(form.safely(lambda _, f=fid: self._changed(f)), names="value")
        self.widget = w.VBox([*self.widgets.values(), self.notice.widget])

    def show(self, record: dict[str, Any]) -> None:
        """Show the record's stored values (not treated as edits)."""
        extra = record.get("extra") or {}
        with self.form.filling():
            for fid, widget in self.widgets.items():
                spec = self.specs[fid]
                if spec.options:
                    widget.options = spec.options()
                widget.value = widget_value(spec, extra.get(fid), getattr(widget, "options", None))

    def _changed(self, field_id: str) -> None:
        value = self.widgets[field_id].value
        value = value.strip() if isinstance(value, str) else value
        self.form.commit(lambda j: j.set_extra(self.table, self.key, field_id, value), at=self.notice)


def field_hints(fields: list[TemplateField], language: str) -> w.HTML:
    """The label and hint of each field once, above editors that repeat per record."""
    items = [
        f"<li><b>{html.escape(f.name(language))}</b>: {html.escape(f.hint_text(language))}</li>"
        if f.hint_text(language) else f"<li><b>{html.escape(f.name(language))}</b></li>"
        for f in fields
    ]  # fmt: skip
    return w.HTML(f'<ul class="kr-hint">{"".join(items)}</ul>' if items else "")


def extra_names(fields: list[TemplateField]) -> list[str]:
    """The form field names (``extra.<id>``) of template fields."""
    return [EXTRA_PREFIX + f.id for f in fields]
