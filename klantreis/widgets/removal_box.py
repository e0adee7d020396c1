"""Deleting from a list editor in two steps, with a way back.

"Verwijderen" first asks "‘Sanne’ verwijderen?" (saying how many touchpoints go
along) with "Ja, verwijderen" and "Annuleren"; after a removal, "Ongedaan maken"
puts the item back, touchpoints included. Both are saved like any other change.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

import ipywidgets as w

from ..fields import TABLES
from .removal import Removed, display_name, going_along, put_back, refusal, take_out

if TYPE_CHECKING:
    from .record_list import RecordList

BOX_LAYOUT = {"width": "300px"}


class RemovalBox:
    """The confirm step and the undo button of one :class:`RecordList`.

    ``pending`` is the id waiting for confirmation (None when not asking), ``last``
    what the latest removal took away (None once undone)."""

    def __init__(self, records: RecordList):
        self.records = records
        form = records.form
        self.pending: str | None = None
        self.last: Removed | None = None
        self.question = w.HTML()
        fit = {"width": "auto"}
        self.yes = w.Button(
            description=form.t("yes_remove"), button_style="danger", icon="trash", layout=w.Layout(**fit)
        )
        self.cancel = w.Button(description=form.t("cancel"), layout=w.Layout(**fit))
        self.confirm_box = w.VBox(
            [self.question, w.HBox([self.yes, self.cancel])],
            layout=w.Layout(display="none", **BOX_LAYOUT),
        )
        self.undo_text = w.HTML()
        self.undo_button = w.Button(description=form.t("undo"), icon="undo", layout=w.Layout(**fit))
        self.undo_box = w.VBox(
            [self.undo_text, self.undo_button], layout=w.Layout(display="none", **BOX_LAYOUT)
        )
        self.yes.on_click(form.safely(lambda _: self.confirm()))
        self.cancel.on_click(form.safely(lambda _: self.stop_asking()))
        self.undo_button.on_click(form.safely(lambda _: self.undo()))
        self.widget = w.VBox([self.confirm_box, self.undo_box])

    @property
    def _where(self) -> tuple[str, str] | None:
        ops = self.records.ops
        return ops.where() if ops.where else None

    def ask(self) -> None:
        """Ask to confirm removing the selected item (or say why it cannot go)."""
        records, form = self.records, self.records.form
        key = records.selected
        if key is None:
            form.refuse("nothing_selected", at=records.list_notice)
            return
        table = records.ops.table
        problem = refusal(form.journey, table, key, self._where)
        records.list_notice.clear()
        if problem:
            form.show_refusal(form.t("not_removed", message=problem.text(form.language)),
                              records.list_notice, unsaved=False)  # fmt: skip
            return
        text = form.t("remove_question", name=display_name(records.ops.read(key)))
        going = sum(t == "touchpoints" for t, _, _ in going_along(form.journey, table, key))
        if going:
            text += " " + form.t(
                "remove_cascade", touchpoints=TABLES["touchpoints"].counted(going, form.language)
            )
        self.question.value = f"<b>{html.escape(text)}</b>"
        self.pending = key
        self.confirm_box.layout.display = "flex"
        records.remove_button.layout.display = "none"

    def stop_asking(self) -> None:
        """Hide the confirm step (after "Annuleren", or when the selection changes)."""
        self.pending = None
        self.confirm_box.layout.display = "none"
        self.records.remove_button.layout.display = ""

    def confirm(self) -> None:
        """Remove the item waiting for confirmation, and offer to undo it."""
        records, form = self.records, self.records.form
        key, where = self.pending, self._where
        self.stop_asking()
        if key is None:
            return
        taken: list[Removed] = []
        table = records.ops.table
        keys = [k for _, k in records.select.options]
        after = keys[keys.index(key) + 1 :] + keys[: keys.index(key)][::-1] if key in keys else []
        if not form.commit(lambda j: taken.append(take_out(j, table, key, where)),
                           at=records.list_notice):  # fmt: skip
            return
        self.last = taken[0]
        count = sum(table == "touchpoints" for table, _, _ in self.last.along)
        key_text = "removed_with" if count else "removed"
        counted = TABLES["touchpoints"].counted(count, form.language)
        self.undo_text.value = html.escape(form.t(key_text, name=self.last.name, touchpoints=counted))
        self.undo_box.layout.display = "flex"
        with form.filling():
            records.refresh(records.nearest(after))

    def undo(self) -> None:
        """Put the last removed item back (with its touchpoints) and select it."""
        records, form = self.records, self.records.form
        removed = self.last
        if removed is None:
            return
        if not form.commit(lambda j: put_back(j, removed), at=records.list_notice):
            return
        self.last = None
        self.undo_box.layout.display = "none"
        records.list_notice.show("ok", form.t("restored", name=removed.name))
        with form.filling():
            records.refresh(removed.id)
