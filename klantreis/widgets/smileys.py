"""The smileys of a journey's emotion scale: a colour per score, from red for a
problem to green for good (by what each level means), and the buttons the emotion step draws for them
(see :mod:`.emotion_sheet`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..model import ScalePoint

#: Colours from the lowest to the highest point of a scale (red, orange, dark amber, olive
#: green, green); scales with another number of points are spread over them. Each,
#: and each mix of two neighbours, is a mark of at least 3:1 on white and on its own
#: tint (WCAG 1.4.11; tests/test_contrast.py checks every template's scale).
SCALE_COLOURS = ("#c62828", "#d84315", "#a86800", "#558b2f", "#2e7d32")


#: Where each meaning of a level lies in :data:`SCALE_COLOURS` (a range: several
#: levels with one meaning are spread over it, the lowest first).
MEANING_COLOURS = {"problem": (0.0, 1.0), "neutral": (2.0, 2.0), "fine": (3.0, 3.0), "good": (3.0, 4.0)}


def scale_colours(scale: Sequence[ScalePoint]) -> dict[int, str]:
    """A colour per score. When the scale says what its levels mean, by that: a
    problem red to orange, neutral amber, fine light green, good green (a scale with
    "fine" levels keeps light green for them and gives "good" the greener part).
    Otherwise by position: the lowest score red, the middle amber, the highest green."""
    scores = sorted(p.score for p in scale)
    if not scores:
        return {}
    if any(p.meaning for p in scale):
        return _by_meaning(scale)
    low, high = scores[0], scores[-1]
    last = len(SCALE_COLOURS) - 1
    return {score: _at(0.0 if high == low else (score - low) / (high - low) * last) for score in scores}


def _by_meaning(scale: Sequence[ScalePoint]) -> dict[int, str]:
    plain = scale_colours([ScalePoint(p.score, p.label) for p in scale])
    has_fine = any(p.meaning == "fine" for p in scale)
    out = {}
    for meaning, (start, end) in MEANING_COLOURS.items():
        if meaning == "good" and has_fine:
            start = end - 0.5
        here = sorted(p.score for p in scale if p.meaning == meaning)
        for i, score in enumerate(here):
            share = i / (len(here) - 1) if len(here) > 1 else float(meaning == "good")
            out[score] = _at(start + (end - start) * share)
    return {p.score: out.get(p.score, plain[p.score]) for p in scale}


def _at(where: float) -> str:
    last = len(SCALE_COLOURS) - 1
    below = min(int(where), last - 1)
    return _mix(SCALE_COLOURS[below], SCALE_COLOURS[below + 1], where - below)


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
