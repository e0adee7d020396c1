"""Smiley buttons for the emotion scale of a journey."""

from __future__ import annotations

import ipywidgets as w

from ..model import ScalePoint


class EmotionPicker:
    """One toggle button per scale point (smiley and label); ``buttons.value`` is the
    chosen score, or None. ``clear`` removes the choice."""

    def __init__(self, scale: list[ScalePoint], value: int | None = None, clear_label: str = "×"):
        self.buttons = w.ToggleButtons(
            options=[(f"{p.emoji} {p.label}".strip(), p.score) for p in scale],
            tooltips=[p.label for p in scale],
            value=value if value in {p.score for p in scale} else None,
            style={"button_width": "auto"},
        )
        self.clear = w.Button(icon="times", tooltip=clear_label, layout=w.Layout(width="36px"))
        self.clear.on_click(lambda _: setattr(self.buttons, "value", None))
        self.widget = w.HBox([self.buttons, self.clear])

    @property
    def value(self) -> int | None:
        """The chosen score, or None."""
        return self.buttons.value

    @value.setter
    def value(self, score: int | None) -> None:
        self.buttons.value = score
