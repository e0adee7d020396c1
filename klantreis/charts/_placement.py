"""Placing a chart's text labels where they collide with nothing: not with another
label, a plotted line, a point, a ring or an interval band, and not outside the plot.

Vega-Lite draws a text at a fixed offset from its point, whatever lies there; so the
curve computes, in pixels, where each label goes (see :class:`Placer`) and draws it
there. Text widths are measured with the fonts' own advance widths
(:func:`klantreis.charts._words.word_em`)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from ._words import word_em

#: Room kept between a label and what it must not touch (px).
GAP = 2.0
#: Height of a line of text as a share of its font size.
LINE = 1.25
#: How far (px) from its point a label may go when the plot is crowded, and the grid
#: (px) searched for a free spot.
REACH, SCAN = 150, 6


@dataclass(frozen=True)
class Box:
    """An axis-aligned rectangle in pixels (y grows downwards)."""

    left: float
    top: float
    right: float
    bottom: float

    def grown(self, by: float) -> Box:
        """The box with ``by`` pixels more on every side."""
        return Box(self.left - by, self.top - by, self.right + by, self.bottom + by)

    def hits(self, other: Box) -> bool:
        """Whether the two boxes overlap."""
        return (
            self.left < other.right
            and other.left < self.right
            and self.top < other.bottom
            and (other.top < self.bottom)
        )

    def within(self, other: Box) -> bool:
        """Whether the box lies inside ``other``."""
        return (
            self.left >= other.left and self.right <= other.right
            and self.top >= other.top and self.bottom <= other.bottom
        )  # fmt: skip

    @property
    def centre(self) -> tuple[float, float]:
        """The middle of the box."""
        return (self.left + self.right) / 2, (self.top + self.bottom) / 2


def text_size(text: str | list[str], font_px: float, bold: bool = False) -> tuple[float, float]:
    """Width and height (px) of ``text`` (a list: one line each) set in ``font_px``
    pixels."""
    lines = text if isinstance(text, list) else [text]
    return max(word_em(line, bold) for line in lines) * font_px * 1.04 + 2, font_px * LINE * len(lines)


def _segment_hits(box: Box, a: tuple[float, float], b: tuple[float, float], half: float) -> bool:
    """Whether the segment a-b, ``half`` pixels thick on each side, touches ``box``."""
    box = box.grown(half)
    (x1, y1), (x2, y2) = a, b
    if max(x1, x2) < box.left or min(x1, x2) > box.right or max(y1, y2) < box.top or min(y1, y2) > box.bottom:
        return False
    steps = max(1, int(math.hypot(x2 - x1, y2 - y1) // 1.0))
    for i in range(steps + 1):
        x, y = x1 + (x2 - x1) * i / steps, y1 + (y2 - y1) * i / steps
        if box.left <= x <= box.right and box.top <= y <= box.bottom:
            return True
    return False


@dataclass
class Placer:
    """Collects what labels must avoid inside a plot of ``width`` x ``height`` pixels,
    then places labels one after another (each placed label is avoided by the next).
    """

    width: float
    height: float
    boxes: list[Box] = field(default_factory=list)
    segments: list[tuple[tuple[float, float], tuple[float, float], float]] = field(default_factory=list)

    def avoid_box(self, box: Box) -> None:
        """Keep labels off ``box`` (a point, a ring, a band, another label)."""
        self.boxes.append(box)

    def avoid_circle(self, x: float, y: float, radius: float) -> None:
        """Keep labels off a point or ring of ``radius`` pixels around (x, y)."""
        self.boxes.append(Box(x - radius, y - radius, x + radius, y + radius))

    def avoid_line(self, points: list[tuple[float, float]], width: float = 2.0) -> None:
        """Keep labels off a polyline of stroke ``width`` through ``points``."""
        for a, b in zip(points, points[1:], strict=False):
            self.segments.append((a, b, width / 2))

    def free(self, box: Box) -> bool:
        """Whether a label may take ``box``."""
        if not box.within(Box(0, 0, self.width, self.height)):
            return False
        padded = box.grown(GAP)
        if any(padded.hits(other) for other in self.boxes):
            return False
        return not any(_segment_hits(padded, a, b, half) for a, b, half in self.segments)

    def place(self, x: float, y: float, size: tuple[float, float], clearance: float) -> Box | None:
        """A free box of ``size`` (width, height) near the point (x, y), at least
        ``clearance`` pixels from it: above, below, then to the sides, then further
        away; None when there is no room at all. The box is avoided from now on."""
        w, h = size
        for distance in (clearance, clearance + h, clearance + 2.2 * h):
            for box in _candidates(x, y, w, h, distance):
                if self.free(box):
                    self.avoid_box(box)
                    return box
        # crowded: the nearest free spot within reach, scanning the plot
        offsets = range(-REACH, REACH + 1, SCAN)
        spots = [(x + dx, y + dy) for dx in offsets for dy in offsets]
        spots.sort(key=lambda p: math.hypot(p[0] - x, (p[1] - y) * 1.5))
        for cx, cy in spots:
            box = Box(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)
            if not box.grown(clearance).hits(Box(x, y, x, y)) and self.free(box):
                self.avoid_box(box)
                return box
        return None


def _candidates(x: float, y: float, w: float, h: float, d: float) -> list[Box]:
    """Boxes of w x h around (x, y) at distance ``d``: above, below, above/below shifted
    to either side, beside."""
    above = Box(x - w / 2, y - d - h, x + w / 2, y - d)
    below = Box(x - w / 2, y + d, x + w / 2, y + d + h)
    out = [above, below]
    for shift in (w / 2 - 4, -(w / 2 - 4)):
        out += [Box(b.left + shift, b.top, b.right + shift, b.bottom) for b in (above, below)]
    out += [Box(x + d, y - h / 2, x + d + w, y + h / 2), Box(x - d - w, y - h / 2, x - d, y + h / 2)]
    return out
