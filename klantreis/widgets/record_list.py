"""A reusable list editor: pick an item, edit its fields in place, add, remove, reorder.

Used for personas, scenarios, phases, touchpoints and opportunities. Every field is
saved when it is committed (focus leaves the field, or Enter); new items get a code
(id) made from their name unless the user types one. A refusal shows right under the
field, the add row or the list buttons that caused it. Removing asks first and can
be undone (:mod:`.removal_box`). The list may hold group headings (the phases of a
journey); choosing one selects no item.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import ipywidgets as w

from ..model import Journey
from ..template_fields import EXTRA
from .ids import unique_id
from .removal_box import RemovalBox

if TYPE_CHECKING:
    from .form import StepForm
    from .notice import Notice

LABEL_STYLE = {"description_width": "170px"}
FIELD_LAYOUT = {"width": "95%"}

#: List keys starting with this are group headings, not items (ids cannot hold it).
HEADING = "#"
#: The prefix of a form field that holds a field the template adds (``extra.ttsc``).
EXTRA_PREFIX = f"{EXTRA}."
HINT_STYLE = "color:#555;font-size:0.9em;margin:-2px 0 4px 174px;max-width:60em"


def heading_key(group: str) -> str:
    """The list key of the heading of ``group``."""
    return HEADING + group


def heading_group(key: Any) -> str | None:
    """The group of a heading key, or None when ``key`` is not a heading."""
    return key[len(HEADING) :] if isinstance(key, str) and key.startswith(HEADING) else None


@dataclass(frozen=True)
class FieldSpec:
    """One editable field: its model name, widget kind and (for choices) its options.

    ``kind`` is ``text``, ``area`` (multi-line), ``lines`` (a list, one item per line),
    ``choice`` (a dropdown of ``(label, value)`` pairs; the value ``""`` stands for
    "empty"), ``combo`` (free text with suggestions) or ``check`` (yes/no). ``options``
    is called on every refresh, so choices stay current. ``label`` and ``hint`` are
    the template's words for the field (see :mod:`.wording`); without a label the
    form's generic word is used. A ``name`` starting with ``extra.`` is a field the
    template adds.
    """

    name: str
    kind: str = "text"
    required: bool = False
    options: Callable[[], list[Any]] | None = None
    label: str = ""
    hint: str = ""


@dataclass(frozen=True)
class RecordOps:
    """How a :class:`RecordList` reads and changes the records of ``table``.

    ``where`` gives the journey (persona, scenario) shown, for touchpoints;
    ``on_select`` is told every key chosen in the list, headings included."""

    table: str
    items: Callable[[], list[tuple[str, str]]]
    read: Callable[[str], dict[str, Any]]
    ids: Callable[[], list[str]]
    add: Callable[[Journey, str, str], Any]
    update: Callable[[Journey, str, dict[str, Any]], Any]
    move: Callable[[Journey, str, int], Any] | None = None
    where: Callable[[], tuple[str, str]] | None = None
    on_select: Callable[[str | None], Any] | None = None


def table_ops(
    form: StepForm,
    table: str,
    add: Callable[[Journey, str, str], Any],
    update: Callable[[Journey, str, dict[str, Any]], Any],
    **more: Any,
) -> RecordOps:
    """The :class:`RecordOps` of a whole table of the form's journey (items listed by
    name); ``more`` sets ``move`` or replaces ``items``."""
    return RecordOps(
        **{
            "table": table,
            "items": lambda: named_items(form.journey, table),
            "read": lambda item_id: read_record(form.journey, table, item_id),
            "ids": lambda: form.journey.ids(table),
            "add": add,
            "update": update,
            **more,
        }
    )


def name_key(name: str) -> str:
    """What names are compared by, to tell two alike apart: case and extra spaces do
    not count."""
    return " ".join(name.split()).casefold()


def named_items(journey: Journey, table: str) -> list[tuple[str, str]]:
    """``(name, id)`` pairs of a table's records, in order, for a list or a dropdown.
    Names that several records share get their code added, so each can be told apart."""
    ids = journey.ids(table)
    names = [journey.name_of(table, i) for i in ids]
    seen = Counter(name_key(n) for n in names)
    return [(f"{n} ({i})" if seen[name_key(n)] > 1 else n, i) for n, i in zip(names, ids, strict=True)]


def read_record(journey: Journey, table: str, key: str | tuple[str, ...]) -> dict[str, Any]:
    """The stored values of the record of ``table`` with id (or key) ``key``."""
    key = (key,) if isinstance(key, str) else key
    return dict(journey.records(table)[journey.position(table, key)])


def touchpoint_items(journey: Journey) -> list[tuple[str, str]]:
    """``(name, id)`` once per touchpoint id, in file order, for a dropdown: the name
    alone, with the code added where several touchpoints share a name (a touchpoint
    id used in several journeys shows the name it first has)."""
    seen: dict[str, str] = {}
    for r in journey.records("touchpoints"):
        seen.setdefault(r["id"], str(r["name"] or r["id"]))
    count = Counter(name_key(n) for n in seen.values())
    return [(f"{n} ({i})" if count[name_key(n)] > 1 else n, i) for i, n in seen.items()]


class RecordList:
    """List + field editor + add row, bound to a form (for saving and messages).

    ``notices`` holds the message area under each field, ``add_notice`` the one under
    the add row, ``list_notice`` the one beside the list; ``removal`` the confirm and
    undo steps. ``add_extras`` are widgets placed in the add row after the name."""

    def __init__(
        self, form: StepForm, ops: RecordOps, fields: list[FieldSpec],
        new_label: str = "new_name", add_extras: Sequence[w.Widget] = (), rows: int = 7,
    ):  # fmt: skip
        self.form = form
        self.ops = ops
        self.specs = {spec.name: spec for spec in fields}
        # the tooltip is the list's name for screen readers (it has no visible label)
        self.select = w.Select(
            options=[], rows=rows, tooltip=form.t("list_tip"), layout=w.Layout(width="340px")
        )
        self.up = w.Button(description=form.t("up"), icon="arrow-up")
        self.down = w.Button(description=form.t("down"), icon="arrow-down")
        self.remove_button = w.Button(description=form.t("remove"), icon="trash")
        self.id_label = w.HTML()
        self.list_notice = form.new_notice()
        self.removal = RemovalBox(self)
        self.fields: dict[str, w.ValueWidget] = {
            s.name: field_widget(s, s.label or form.t(s.name)) for s in fields
        }
        self.hints: dict[str, w.HTML] = {s.name: hint_widget(s.hint) for s in fields}
        self.notices: dict[str, Notice] = {s.name: form.new_notice() for s in fields}
        # sent once, when the field is left (Tab, a click on "add") or Enter is pressed:
        # a value sent per keystroke is buffered while the kernel is busy, and the add
        # button's click, sent at once, overtook it (a fast typist lost the last letters)
        self.new_name = w.Text(
            placeholder=form.t(new_label), continuous_update=False, layout=w.Layout(width="340px")
        )
        self.new_id = w.Text(
            placeholder=form.t("code"),
            tooltip=form.t("code_tip"),
            continuous_update=False,
            layout=w.Layout(width="160px"),
        )
        self.add_button = w.Button(description=form.t("add"), icon="plus", button_style="primary")
        self.add_notice = form.new_notice()

        self.select.observe(form.safely(lambda _: self._selection_changed()), names="value")
        self.up.on_click(form.safely(lambda _: self._move(-1)))
        self.down.on_click(form.safely(lambda _: self._move(1)))
        self.remove_button.on_click(form.safely(lambda _: self.removal.ask()))
        self.add_button.on_click(form.safely(lambda _: self._add()))
        for name, widget in self.fields.items():
            widget.observe(form.safely(lambda _, n=name: self._changed(n)), names="value")
        buttons = [self.up, self.down] if ops.move else []
        side = [*buttons, self.remove_button, self.removal.widget, self.id_label,
                self.list_notice.widget]  # fmt: skip
        editors = [part for name in self.fields
                   for part in (self.fields[name], self.hints[name], self.notices[name].widget)]  # fmt: skip
        #: Shown instead of the fields while the list is empty: what to do first.
        self.empty_hint = w.HTML(form.t("empty_list", name=form.t(new_label)))
        self.empty_hint.add_class("kr-hint")
        self.editors = w.VBox(editors)
        # the add row comes first: in a long form it is never a scroll away
        self.widget = w.VBox(
            [
                w.HBox([self.new_name, *add_extras, self.new_id, self.add_button]),
                self.add_notice.widget,
                self.empty_hint,
                w.HBox([self.select, w.VBox(side, layout=w.Layout(max_width="320px"))]),
                self.editors,
            ]
        )

    # ------------------------------------------------------------ display
    @property
    def selected(self) -> str | None:
        """The id of the selected item, or None (nothing, or a heading, is chosen)."""
        key = self.select.value
        return None if key is None or heading_group(key) is not None else key

    def refresh(self, select: str | None = None) -> None:
        """Show the current items (keeping or setting the selection) and their fields.
        Call inside ``form.filling()``."""
        keep = select or self.select.value
        items = self.ops.items()
        self.select.options = items
        keys = [key for _, key in items]
        first = next((k for k in keys if heading_group(k) is None), keys[0] if keys else None)
        self.select.value = keep if keep in keys else first
        self._load_fields()

    def nearest(self, candidates: list[str]) -> str | None:
        """The first of ``candidates`` (list keys, nearest first) still in the list,
        preferring items to headings; None when none is."""
        keys = set(self.ops.ids())
        return next((k for k in candidates if k in keys), None) or next(
            (k for k in candidates if heading_group(k) is not None), None
        )

    def _selection_changed(self) -> None:
        self.removal.stop_asking()
        self._load_fields()

    def _load_fields(self) -> None:
        key = self.selected
        record = self.ops.read(key) if key else {}
        for notice in self.notices.values():
            notice.clear()  # the fields show saved values again
        with self.form.filling():
            self.id_label.value = f"<code>{self.form.t('code_of', code=key)}</code>" if key else ""
            for name, widget in self.fields.items():
                spec = self.specs[name]
                if spec.options:
                    options = spec.options()
                    widget.options = options
                value = extra_value(record, name)
                widget.value = widget_value(spec, value, getattr(widget, "options", None))
                widget.disabled = key is None
            for button in (self.up, self.down, self.remove_button):
                button.disabled = key is None
            empty = not self.ops.ids()
            self.empty_hint.layout.display = "block" if empty else "none"
            self.editors.layout.display = "none" if empty else "flex"
        if self.ops.on_select:
            self.ops.on_select(self.select.value)

    # ------------------------------------------------------------ changes
    def _changed(self, name: str) -> None:
        key, notice = self.selected, self.notices[name]
        if key is None:
            self.form.refuse("nothing_selected", at=notice)
            return
        value = self.fields[name].value
        if isinstance(value, str):
            value = value.strip()
        if self.specs[name].required and not value:
            self.form.refuse("empty_name", at=notice)
            return
        if self.specs[name].kind == "choice" and value == "":
            value = None
        if self.form.commit(lambda j: self._store(j, key, name, value), at=notice):
            with self.form.filling():
                self.refresh(key)

    def _store(self, journey: Journey, key: str, name: str, value: Any) -> None:
        """Change one field of the record ``key``; a template field is set on its own,
        leaving the record's other template fields as they are."""
        if name.startswith(EXTRA_PREFIX):
            where = self.ops.where() if self.ops.where else ()
            journey.set_extra(self.ops.table, (key, *where), name[len(EXTRA_PREFIX) :], value)
        else:
            self.ops.update(journey, key, {name: value})

    def _add(self) -> None:
        form, notice = self.form, self.add_notice
        name = self.new_name.value.strip()
        if not name:
            form.refuse("empty_name", at=notice)
            return
        new_id = self.new_id.value.strip() or unique_id(name, self.ops.ids())
        if form.commit(lambda j: self.ops.add(j, new_id, name), at=notice):
            with form.filling():
                self.new_name.value = ""
                self.new_id.value = ""
                self.refresh(new_id)

    def _move(self, step: int) -> None:
        key = self.selected
        if key is None or self.ops.move is None:
            self.form.refuse("nothing_selected", at=self.list_notice)
            return
        move = self.ops.move
        if self.form.commit(lambda j: move(j, key, step), at=self.list_notice):
            with self.form.filling():
                self.refresh(key)


def field_widget(spec: FieldSpec, description: str) -> w.ValueWidget:
    """The widget that edits a field of kind ``spec.kind``, labelled ``description``."""
    common: dict[str, Any] = {
        "description": description,
        "style": LABEL_STYLE,
        "layout": w.Layout(**FIELD_LAYOUT),
    }
    if spec.kind == "choice":
        return w.Dropdown(options=spec.options() if spec.options else [], **common)
    if spec.kind == "combo":
        return w.Combobox(
            options=spec.options() if spec.options else [],
            ensure_option=False,
            continuous_update=False,
            **common,
        )
    if spec.kind == "check":
        return w.Checkbox(indent=True, **common)
    if spec.kind in ("area", "lines"):
        return w.Textarea(continuous_update=False, rows=3, **common)
    return w.Text(continuous_update=False, **common)


def hint_widget(hint: str) -> w.HTML:
    """What to fill in, in small type under a field (empty when there is no hint)."""
    text = html.escape(hint)
    return w.HTML(f'<div class="kr-hint" style="{HINT_STYLE}">{text}</div>' if hint else "")


def extra_value(record: dict[str, Any], name: str) -> Any:
    """The value of form field ``name`` in a stored record (``extra.<id>`` reads the
    template's field from the record's ``extra``)."""
    if name.startswith(EXTRA_PREFIX):
        return (record.get(EXTRA) or {}).get(name[len(EXTRA_PREFIX) :])
    return record.get(name)


def widget_value(spec: FieldSpec, value: Any, options: Any) -> Any:
    """A stored value as the widget of ``spec`` shows it (``options``: its choices)."""
    if spec.kind == "check":
        return bool(value)
    if spec.kind == "lines":
        return "\n".join(value or [])
    if spec.kind == "choice":
        values = [o[1] if isinstance(o, tuple) else o for o in options or []]
        value = "" if value is None else value
        return value if value in values else (values[0] if values else None)
    return "" if value is None else str(value)
