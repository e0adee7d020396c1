"""The status line under every form: when it was saved, or why it was not.

Every save is acknowledged visibly, even two within one second: the line gives the
time with seconds and counts the saves ("Opgeslagen om 14:32:05 (wijziging 3)"),
and it flashes green once per save.
"""

from __future__ import annotations

import html

import ipywidgets as w

from ..session import SaveResult
from .texts import tr

_COLOURS = {"ok": "#2e7d32", "info": "#555", "error": "#c62828", "conflict": "#c62828"}

#: Two identical animations under two names: switching between them restarts the
#: flash on every save (re-adding the same class would not).
STATUS_CSS = """<style>
@keyframes kr-flash-a { from { background-color: #a5d6a7; } to { background-color: transparent; } }
@keyframes kr-flash-b { from { background-color: #a5d6a7; } to { background-color: transparent; } }
.kr-flash-a { animation: kr-flash-a 1.5s ease-out; border-radius: 4px; }
.kr-flash-b { animation: kr-flash-b 1.5s ease-out; border-radius: 4px; }
</style>"""


class StatusLine:
    """A message area with a refresh button, and two buttons that resolve a save
    conflict. ``kind`` and ``text`` hold the last message, ``saves`` the number of
    saves shown so far, for tests and callers."""

    def __init__(self, language: str):
        self.language = language
        self.kind = "info"
        self.text = ""
        self.saves = 0
        self.message = w.HTML(layout=w.Layout(padding="0 6px"))
        self.message.add_class("kr-status")  # found by benchmarks/bench_workshop.py
        self.refresh_button = w.Button(
            description=tr("refresh", language),
            icon="refresh",
            tooltip=tr("refresh_tip", language),
            layout=w.Layout(width="auto"),
        )
        self.keep_mine = w.Button(description=tr("keep_mine", language), button_style="warning")
        self.take_theirs = w.Button(description=tr("take_theirs", language))
        self._choices = w.HBox([self.keep_mine, self.take_theirs])
        self._choices.layout.display = "none"
        self.widget = w.VBox(
            [w.HTML(STATUS_CSS), w.HBox([self.refresh_button, self.message]), self._choices],
            layout=w.Layout(margin="8px 0 0 0"),
        )

    def show(self, kind: str, text: str) -> None:
        """Show ``text`` as an ``ok``, ``info``, ``error`` or ``conflict`` message."""
        self.kind, self.text = kind, text
        weight = "bold" if kind in ("error", "conflict") else "normal"
        self.message.value = (
            f'<span role="status" style="color:{_COLOURS[kind]};font-weight:{weight};'
            f'line-height:28px">{html.escape(text)}</span>'
        )
        self._choices.layout.display = "flex" if kind == "conflict" else "none"

    def saved(self, result: SaveResult) -> None:
        """Report a successful save ("Opgeslagen om 14:32:05 (wijziging 3)") and flash."""
        self.saves += 1
        key = "saved_merged" if result.merged else "saved_at"
        time = result.saved_at.strftime("%H:%M:%S")
        self.show("ok", tr(key, self.language, time=time, count=self.saves))
        old, new = ("kr-flash-a", "kr-flash-b") if self.saves % 2 == 0 else ("kr-flash-b", "kr-flash-a")
        self.message.remove_class(old)
        self.message.add_class(new)

    def error(self, message: str) -> None:
        """Report refused input or a failed save."""
        self.show("error", message)

    def conflict(self, fields: list[str]) -> None:
        """Report a save refused because another notebook changed the same fields."""
        self.show("conflict", tr("conflict", self.language, fields=", ".join(fields)))
