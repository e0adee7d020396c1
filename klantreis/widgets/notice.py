"""A message area placed right under the field, button or row a message is about.

Refusals ("Vul eerst een naam in.") show in the :class:`Notice` of the thing that
caused them, not at the bottom of the form; the status line under the form keeps
the save state.
"""

from __future__ import annotations

import html
from typing import Protocol

import ipywidgets as w

_COLOURS = {
    "error": "color:#b71c1c;background:#fdecea;border-left:4px solid #c62828",
    "ok": "color:#1b5e20;background:#edf7ee;border-left:4px solid #2e7d32",
    "info": "color:#333;background:#f3f3f3;border-left:4px solid #888",
}
#: How a message of each kind looks (inline CSS) and the sign before its text; the
#: emotion step's rows show theirs the same way (see :mod:`.emotion_sheet`).
STYLES = {kind: f"{colours};padding:3px 8px;line-height:1.4;white-space:normal"
          for kind, colours in _COLOURS.items()}  # fmt: skip
MARKS = {"error": "⚠ ", "ok": "✓ ", "info": ""}


class MessageArea(Protocol):
    """Where a message about one thing shows: a :class:`Notice`, or the message line
    of a row in the emotion step (:class:`.emotion_sheet.RowNotice`)."""

    kind: str
    text: str

    def show(self, kind: str, text: str) -> None:
        """Show ``text`` as an ``error``, ``ok`` or ``info`` message."""

    def error(self, text: str) -> None:
        """Show a refusal."""

    def clear(self) -> None:
        """Hide the message."""


class Notice:
    """An initially hidden line of text; ``kind`` and ``text`` hold what it shows
    (``""`` when hidden), for tests and callers."""

    def __init__(self) -> None:
        self.kind = ""
        self.text = ""
        self.widget = w.HTML(layout=w.Layout(display="none", margin="2px 0 6px 0"))
        self.widget.add_class("kr-notice")

    def show(self, kind: str, text: str) -> None:
        """Show ``text`` as an ``error``, ``ok`` or ``info`` message."""
        self.kind, self.text = kind, text
        self.widget.value = (
            f'<div role="{"alert" if kind == "error" else "status"}" '
            f'style="{STYLES[kind]}">{MARKS[kind]}{html.escape(text)}</div>'
        )
        self.widget.layout.display = "block"

    def error(self, text: str) -> None:
        """Show a refusal."""
        self.show("error", text)

    def clear(self) -> None:
        """Hide the message."""
        if self.kind:
            self.kind = self.text = ""
            self.widget.value = ""
            self.widget.layout.display = "none"
