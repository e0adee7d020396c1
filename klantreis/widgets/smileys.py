"""The smileys of a journey's emotion scale: a colour per score, from red for the
lowest to green for the highest, and the buttons the emotion step draws for them
(see :mod:`.emotion_sheet`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..model import ScalePoint

#: Colours from the lowest to the highest point of a scale (red, orange, amber, light
#: green, green); scales with another number of points are spread over them.
SCALE_COLOURS = ("#c62828", "#ef6c00", "#f9a825", "#7cb342", "#2e7d32")


def scale_colours(scale: Sequence[ScalePoint]) -> dict[int, str]:
    """A colour per score: the lowest score red, the middle amber, the highest green."""
    scores = sorted(p.score for p in scale)
    if not scores:
        return {}
    low, high = scores[0], scores[-1]
    last = len(SCALE_COLOURS) - 1
    out = {}
    for score in scores:
        where = 0.0 if high == low else (score - low) / (high - low) * last
        below = min(int(where), last - 1)
        out[score] = _mix(SCALE_COLOURS[below], SCALE_COLOURS[below + 1], where - below)
    return out


def _mix(first: str, second: str, share: float) -> str:
    a = [int(first[i : i + 2], 16) for i in (1, 3, 5)]
    b = [int(second[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * share):02x}" for x, y in zip(a, b, strict=True))


def smiley_points(scale: Sequence[ScalePoint]) -> list[dict[str, Any]]:
    """The smiley buttons of a scale: score, emoji, label, colour (the scale's colour
    of that score) and tint (that colour, lighter: the chosen button's background)."""
    colours = scale_colours(scale)
    return [
        {"score": p.score, "emoji": p.emoji, "label": p.label,
         "colour": colours[p.score], "tint": _mix(colours[p.score], "#ffffff", 0.78)}
        for p in scale
    ]  # fmt: skip
