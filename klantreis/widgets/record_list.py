"""A reusable list editor: pick an item, edit its fields in place, add, remove, reorder.

Used for personas, scenarios, phases, touchpoints and opportunities. Every field is
saved when it is committed (focus leaves the field, or Enter); new items get an id
made from their name unless the user types one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import ipywidgets as w

from ..fields import record_from_row
from ..model import Journey
from .ids import unique_id

if TYPE_CHECKING:
    from .form import StepForm

LABEL_STYLE = {"description_width": "170px"}
FIELD_LAYOUT = {"width": "95%"}


@dataclass(frozen=True)
class FieldSpec:
    """One editable field: its model name, widget kind and (for choices) its options.

    ``kind`` is ``text``, ``area`` (multi-line), ``lines`` (a list, one item per line),
    ``choice`` (a dropdown of ``(label, value)`` pairs; the value ``""`` stands for
    "empty") or ``combo`` (free text with suggestions). ``options`` is called on
    every refresh, so choices stay current.
    """

    name: str
    kind: str = "text"
    required: bool = False
    options: Callable[[], list[Any]] | None = None


@dataclass(frozen=True)
class RecordOps:
    """How a :class:`RecordList` reads and changes its records in the journey."""

    items: Callable[[], list[tuple[str, str]]]
    read: Callable[[str], dict[str, Any]]
    ids: Callable[[], list[str]]
    add: Callable[[Journey, str, str], Any]
    update: Callable[[Journey, str, dict[str, Any]], Any]
    remove: Callable[[Journey, str], Any]
    move: Callable[[Journey, str, int], Any] | None = None


def named_items(journey: Journey, table: str) -> list[tuple[str, str]]:
    """``(name, id)`` pairs of a table's records, in order, for a list or a dropdown."""
    return [(journey.name_of(table, i), i) for i in journey.ids(table)]


def read_record(journey: Journey, table: str, item_id: str) -> dict[str, Any]:
    """The stored values of the record of ``table`` with id ``item_id``."""
    frame = getattr(journey, table)
    return record_from_row(table, frame[frame["id"] == item_id].iloc[0])


class RecordList:
    """List + field editor + add row, bound to a form (for saving and messages)."""

    def __init__(
        self, form: StepForm, ops: RecordOps, fields: list[FieldSpec], new_label: str = "new_name"
    ):
        self.form = form
        self.ops = ops
        self.specs = {spec.name: spec for spec in fields}
        self.select = w.Select(options=[], rows=7, layout=w.Layout(width="340px"))
        self.up = w.Button(description=form.t("up"), icon="arrow-up")
        self.down = w.Button(description=form.t("down"), icon="arrow-down")
        self.remove_button = w.Button(description=form.t("remove"), icon="trash")
        self.id_label = w.HTML()
        self.fields: dict[str, w.ValueWidget] = {s.name: self._make(s) for s in fields}
        self.new_name = w.Text(placeholder=form.t(new_label), layout=w.Layout(width="340px"))
        self.new_id = w.Text(placeholder="id (optioneel)" if form.language == "nl" else
                             "id (optional)", layout=w.Layout(width="160px"))
        self.add_button = w.Button(description=form.t("add"), icon="plus", button_style="primary")

        self.select.observe(form.safely(lambda _: self._load_fields()), names="value")
        self.up.on_click(form.safely(lambda _: self._move(-1)))
        self.down.on_click(form.safely(lambda _: self._move(1)))
        self.remove_button.on_click(form.safely(lambda _: self._remove()))
        self.add_button.on_click(form.safely(lambda _: self._add()))
        for name, widget in self.fields.items():
            widget.observe(form.safely(lambda _, n=name: self._changed(n)), names="value")
        buttons = [self.up, self.down] if ops.move else []
        self.widget = w.VBox([
            w.HBox([self.select, w.VBox([*buttons, self.remove_button, self.id_label])]),
            w.VBox(list(self.fields.values())),
            w.HBox([self.new_name, self.new_id, self.add_button]),
        ])

    # ------------------------------------------------------------ display
    @property
    def selected(self) -> str | None:
        """The id of the selected item, or None."""
        return self.select.value

    def refresh(self, select: str | None = None) -> None:
        """Show the current items (keeping or setting the selection) and their fields.
        Call inside ``form.filling()``."""
        keep = select or self.selected
        items = self.ops.items()
        self.select.options = items
        keys = [key for _, key in items]
        self.select.value = keep if keep in keys else (keys[0] if keys else None)
        self._load_fields()

    def _load_fields(self) -> None:
        key = self.selected
        record = self.ops.read(key) if key else {}
        with self.form.filling():
            self.id_label.value = f"<code>id: {key}</code>" if key else ""
            for name, widget in self.fields.items():
                spec = self.specs[name]
                if spec.options:
                    options = spec.options()
                    widget.options = options
                widget.value = _to_widget(spec, record.get(name), getattr(widget, "options", None))
                widget.disabled = key is None
            for button in (self.up, self.down, self.remove_button):
                button.disabled = key is None

    # ------------------------------------------------------------ changes
    def _changed(self, name: str) -> None:
        key = self.selected
        if key is None:
            self.form.refuse("nothing_selected")
            return
        value = self.fields[name].value
        if isinstance(value, str):
            value = value.strip()
        if self.specs[name].required and not value:
            self.form.refuse("empty_name")
            return
        if self.specs[name].kind == "choice" and value == "":
            value = None
        if self.form.commit(lambda j: self.ops.update(j, key, {name: value})):
            with self.form.filling():
                self.refresh(key)

    def _add(self) -> None:
        name = self.new_name.value.strip()
        if not name:
            self.form.refuse("empty_name")
            return
        new_id = self.new_id.value.strip() or unique_id(name, self.ops.ids())
        if self.form.commit(lambda j: self.ops.add(j, new_id, name)):
            with self.form.filling():
                self.new_name.value = ""
                self.new_id.value = ""
                self.refresh(new_id)

    def _remove(self) -> None:
        key = self.selected
        if key is None:
            self.form.refuse("nothing_selected")
            return
        if self.form.commit(lambda j: self.ops.remove(j, key)):
            with self.form.filling():
                self.refresh()

    def _move(self, step: int) -> None:
        key = self.selected
        if key is None or self.ops.move is None:
            self.form.refuse("nothing_selected")
            return
        move = self.ops.move
        if self.form.commit(lambda j: move(j, key, step)):
            with self.form.filling():
                self.refresh(key)

    # ------------------------------------------------------------ widgets
    def _make(self, spec: FieldSpec) -> w.ValueWidget:
        common: dict[str, Any] = {
            "description": self.form.t(spec.name),
            "style": LABEL_STYLE,
            "layout": w.Layout(**FIELD_LAYOUT),
        }
        if spec.kind == "choice":
            return w.Dropdown(options=spec.options() if spec.options else [], **common)
        if spec.kind == "combo":
            return w.Combobox(
                options=spec.options() if spec.options else [], ensure_option=False,
                continuous_update=False, **common,
            )
        if spec.kind in ("area", "lines"):
            return w.Textarea(continuous_update=False, rows=3, **common)
        return w.Text(continuous_update=False, **common)


def _to_widget(spec: FieldSpec, value: Any, options: Any) -> Any:
    if spec.kind == "lines":
        return "\n".join(value or [])
    if spec.kind == "choice":
        values = [o[1] if isinstance(o, tuple) else o for o in options or []]
        value = "" if value is None else value
        return value if value in values else (values[0] if values else None)
    return "" if value is None else str(value)
