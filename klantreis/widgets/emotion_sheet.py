"""The rows of the emotion step as one widget.

Per touchpoint the step shows a heading, the smiley buttons, a "crucial moment"
toggle, a message line and the text fields (why, thoughts, ideas, and the template's
own fields of this step). Built from ipywidgets that is about ten widget models per
touchpoint, and with 150 touchpoints the browser spent seconds creating them. One
:class:`EmotionSheet` (anywidget: its JavaScript and CSS ship in the package, nothing
loads from the internet) draws all rows from one list of plain values instead.

The state it syncs:

- ``config``: what every row shows the same: the smileys (:func:`.smileys.smiley_points`),
  the words on the buttons, the fields (``name``, ``label``, ``kind``: ``text``,
  ``area`` or ``choice`` with option labels; a choice is sent as its option's index)
  and per kind of message its ``style`` and ``mark`` (those of :mod:`.notice`);
- ``rows``: per touchpoint ``id``, ``heading``, ``context``, ``emotion``, ``critical``,
  the text fields and ``extra`` (the template's fields);
- ``notices``: a message per row id (``kind`` and ``text``).

An edit in the browser changes ``rows``, as :meth:`EmotionSheet.edit` does from
Python; the sheet tells its ``on_edit`` callback which field of which row changed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import anywidget
import traitlets

HERE = Path(__file__).parent
#: The fields of a row besides the template's (``extra.<id>``) that an edit can change.
ROW_FIELDS = ("emotion", "critical", "why", "thoughts", "ideas")


class EmotionSheet(anywidget.AnyWidget):
    """The rows of the emotion step (see the module text). ``on_edit(row_id, field)``
    is called for each field an edit changed, after ``rows`` holds the new value."""

    _esm = HERE / "emotion_sheet.js"
    _css = HERE / "emotion_sheet.css"
    config = traitlets.Dict().tag(sync=True)
    rows = traitlets.List(traitlets.Dict()).tag(sync=True)
    notices = traitlets.Dict().tag(sync=True)

    def __init__(self, config: dict[str, Any], on_edit: Callable[[str, str], None], **widget: Any):
        super().__init__(config=config, **widget)
        self.add_class("kr-emotion-sheet")
        self.on_edit = on_edit
        self._showing = False
        self.observe(self._on_rows, names="rows")

    def row(self, row_id: str) -> dict[str, Any]:
        """The shown values of row ``row_id``."""
        return next(r for r in self.rows if r["id"] == row_id)

    def edit(self, row_id: str, field: str, value: Any) -> None:
        """Change one field of one row as a click or an entry in the browser does."""
        self.rows = [_with(r, field, value) if r["id"] == row_id else r for r in self.rows]

    def show(self, rows: list[dict[str, Any]]) -> None:
        """Show ``rows`` (the stored values; not treated as edits) and clear the messages."""
        self._showing = True
        try:
            self.notices = {}
            self.rows = rows
        finally:
            self._showing = False

    def notify(self, row_id: str, kind: str, text: str) -> None:
        """Show a message under row ``row_id`` (``kind``: error, ok or info)."""
        self.notices = {**self.notices, row_id: {"kind": kind, "text": text}}

    def unnotify(self, row_id: str) -> None:
        """Hide the message under row ``row_id``."""
        if row_id in self.notices:
            self.notices = {k: v for k, v in self.notices.items() if k != row_id}

    def _on_rows(self, change: dict[str, Any]) -> None:
        if self._showing:
            return
        before = {r["id"]: r for r in change["old"]}
        for row in change["new"]:
            old = before.get(row["id"])
            if old is None:
                continue
            for field in changed_fields(old, row):
                self.on_edit(row["id"], field)


def changed_fields(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """The fields (``extra.<id>`` for the template's) whose value differs."""
    names = [f for f in ROW_FIELDS if old.get(f) != new.get(f)]
    extra_old, extra_new = old.get("extra") or {}, new.get("extra") or {}
    names += [f"extra.{k}" for k in extra_new if extra_old.get(k) != extra_new[k]]
    return names


def _with(row: dict[str, Any], field: str, value: Any) -> dict[str, Any]:
    if field.startswith("extra."):
        return {**row, "extra": {**(row.get("extra") or {}), field[len("extra.") :]: value}}
    return {**row, field: value}


class RowNotice:
    """The message line under one row of a sheet, used like a :class:`.notice.Notice`
    (``kind`` and ``text`` hold what it shows, ``""`` when hidden)."""

    def __init__(self, sheet: EmotionSheet, row_id: str):
        self.sheet, self.row_id = sheet, row_id
        self.kind = self.text = ""

    def show(self, kind: str, text: str) -> None:
        """Show ``text`` as an ``error``, ``ok`` or ``info`` message."""
        self.kind, self.text = kind, text
        self.sheet.notify(self.row_id, kind, text)

    def error(self, text: str) -> None:
        """Show a refusal."""
        self.show("error", text)

    def clear(self) -> None:
        """Hide the message."""
        if self.kind:
            self.kind = self.text = ""
            self.sheet.unnotify(self.row_id)
