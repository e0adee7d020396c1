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

An edit in the browser arrives as one message naming the row, the field, the new
value and the value it was changed from (``{"kind": "edit", "view", "seq", "id",
"field", "value", "old"}``); :meth:`EmotionSheet.edit` does the same from Python. The
sheet changes that one field in ``rows``, tells its ``on_edit`` callback, and answers
``{"kind": "ack", "view", "seq"}`` (every view of the sheet hears it). The browser
never sends ``rows`` itself: its copy may be older than the kernel's (a refresh after
merging others' saves still on its way), and comparing such a list with the kernel's
would turn other people's newer values back into old ones.

After a lost connection comes back, the browser sends every edit it has no
acknowledgement for again, with the same ``view`` (one per drawn sheet) and ``seq``.
The kernel may have applied it already (only the answer was lost): an edit it has
seen is answered again but never applied twice, so a re-sent old value cannot replace
a newer one typed meanwhile.
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


#: ``old`` when an edit does not say what it was changed from.
UNKNOWN = object()
#: How many browser edits a sheet remembers to recognise one sent again.
REMEMBERED_EDITS = 2000


class EmotionSheet(anywidget.AnyWidget):
    """The rows of the emotion step (see the module text). ``on_edit(row_id, field,
    replaced)`` is called for each edit that changes a value, after ``rows`` holds the
    new value; ``replaced`` is True when the field held another value than the one
    the person changed (someone else's, shown to them only after they started)."""

    _esm = HERE / "emotion_sheet.js"
    _css = HERE / "emotion_sheet.css"
    config = traitlets.Dict().tag(sync=True)
    rows = traitlets.List(traitlets.Dict()).tag(sync=True)
    notices = traitlets.Dict().tag(sync=True)

    def __init__(self, config: dict[str, Any], on_edit: Callable[[str, str, bool], None], **widget: Any):
        super().__init__(config=config, **widget)
        self.add_class("kr-emotion-sheet")
        self.on_edit = on_edit
        self._seen: dict[tuple[str, object], None] = {}  # (view, seq) of browser edits, oldest first
        self.on_msg(self._on_message)

    def row(self, row_id: str) -> dict[str, Any]:
        """The shown values of row ``row_id``."""
        return next(r for r in self.rows if r["id"] == row_id)

    def edit(self, row_id: str, field: str, value: Any, old: Any = UNKNOWN) -> None:
        """Change one field of one row as a click or an entry in the browser does
        (``old``: the value the person saw before; see the class text). Nothing
        happens for a row or field the sheet does not show, or an unchanged value."""
        if not _editable(field) or not any(r["id"] == row_id for r in self.rows):
            return
        current = _value(self.row(row_id), field)
        if value == current:
            return
        self.rows = [_with(r, field, value) if r["id"] == row_id else r for r in self.rows]
        self.on_edit(row_id, field, old is not UNKNOWN and old != current)

    def show(self, rows: list[dict[str, Any]]) -> None:
        """Show ``rows`` (the stored values; not treated as edits) and clear the messages."""
        self.notices = {}
        self.rows = rows

    def notify(self, row_id: str, kind: str, text: str) -> None:
        """Show a message under row ``row_id`` (``kind``: error, ok or info)."""
        self.notices = {**self.notices, row_id: {"kind": kind, "text": text}}

    def unnotify(self, row_id: str) -> None:
        """Hide the message under row ``row_id``."""
        if row_id in self.notices:
            self.notices = {k: v for k, v in self.notices.items() if k != row_id}

    def _on_message(self, _widget: Any, content: Any, _buffers: Any) -> None:
        """An edit from the browser (see the module text); always acknowledged, applied
        only the first time its ``view`` and ``seq`` arrive."""
        if not isinstance(content, dict) or content.get("kind") != "edit":
            return
        try:
            if self._first_time(content):
                row_id, field = content.get("id"), content.get("field")
                if isinstance(row_id, str) and isinstance(field, str):
                    self.edit(row_id, field, content.get("value"), content.get("old", UNKNOWN))
        finally:
            self.send({"kind": "ack", "view": content.get("view"), "seq": content.get("seq")})

    def _first_time(self, content: dict[str, Any]) -> bool:
        """Whether this browser edit arrives for the first time (and remember it)."""
        seq = content.get("seq")
        if not isinstance(seq, int):
            return True  # not numbered: nothing to recognise it by
        key = (str(content.get("view", "")), seq)
        if key in self._seen:
            return False
        self._seen[key] = None
        if len(self._seen) > REMEMBERED_EDITS:
            del self._seen[next(iter(self._seen))]
        return True


def _editable(field: str) -> bool:
    return field in ROW_FIELDS or (field.startswith("extra.") and len(field) > len("extra."))


def _value(row: dict[str, Any], field: str) -> Any:
    if field.startswith("extra."):
        return (row.get("extra") or {}).get(field[len("extra.") :])
    return row.get(field)


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
