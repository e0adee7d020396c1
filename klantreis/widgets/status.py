"""The status line under every form: when it was saved, or why it was not."""

from __future__ import annotations

import html

import ipywidgets as w

from ..session import SaveResult
from .texts import tr

_COLOURS = {"ok": "#2e7d32", "info": "#555", "error": "#c62828", "conflict": "#c62828"}


class StatusLine:
    """A message area with a refresh button, and two buttons that resolve a save
    conflict. ``kind`` and ``text`` hold the last message, for tests and callers."""

    def __init__(self, language: str):
        self.language = language
        self.kind = "info"
        self.text = ""
        self.message = w.HTML()
        self.refresh_button = w.Button(
            description=tr("refresh", language), icon="refresh",
            tooltip=tr("refresh_tip", language), layout=w.Layout(width="auto"),
        )
        self.keep_mine = w.Button(description=tr("keep_mine", language), button_style="warning")
        self.take_theirs = w.Button(description=tr("take_theirs", language))
        self._choices = w.HBox([self.keep_mine, self.take_theirs])
        self._choices.layout.display = "none"
        self.widget = w.VBox(
            [w.HBox([self.refresh_button, self.message]), self._choices],
            layout=w.Layout(margin="8px 0 0 0"),
        )

    def show(self, kind: str, text: str) -> None:
        """Show ``text`` as an ``ok``, ``info``, ``error`` or ``conflict`` message."""
        self.kind, self.text = kind, text
        weight = "bold" if kind in ("error", "conflict") else "normal"
        self.message.value = (
            f'<span style="color:{_COLOURS[kind]};font-weight:{weight};line-height:28px">'
            f"{html.escape(text)}</span>"
        )
        self._choices.layout.display = "flex" if kind == "conflict" else "none"

    def saved(self, result: SaveResult) -> None:
        """Report a successful save ("Opgeslagen om 14:32")."""
        key = "saved_merged" if result.merged else "saved_at"
        self.show("ok", tr(key, self.language, time=result.saved_at.strftime("%H:%M")))

    def error(self, message: str) -> None:
        """Report refused input or a failed save."""
        self.show("error", message)

    def conflict(self, fields: list[str]) -> None:
        """Report a save refused because another notebook changed the same fields."""
        self.show("conflict", tr("conflict", self.language, fields=", ".join(fields)))
