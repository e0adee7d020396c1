"""The emotion curve laid out on a page: how many pixels per touchpoint, which
touchpoints go on which row when a long journey wraps, the data of one row, and
where its labels go so that they collide with nothing (see :mod:`._placement`)."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ._common import Layout
from ._curve_data import CRUCIAL_SIZE, fit_label
from ._placement import Box, Placer, text_size
from ._words import word_em

#: Pixels per character of a phase name (11 px bold), to fit the names to their band.
CHAR_WIDTH = 6.5
#: Pixels per line of the phase heads.
LINE_HEIGHT = 13
#: Room (px) above the highest score and below the lowest, besides the heads.
MARGIN = 22
#: The step below which a fitted curve goes on over another row.
WRAP_STEP = 36
#: Ring (pain point) and point radii in pixels, for keeping labels off them.
RING_RADIUS, DOT_RADIUS, STAR_RADIUS = 13.5, 5.0, math.sqrt(CRUCIAL_SIZE) / 1.6


def fit_rows(layout: Layout, plot: int, min_step: int, max_step: int) -> tuple[int, list[tuple[int, int]]]:
    """The step (px per touchpoint) and the rows ``(first slot, stop)`` of a curve
    fitted to ``plot`` pixels: one row while every touchpoint gets at least
    ``WRAP_STEP`` pixels, else as many rows as needed (see :func:`wrap_slots`)."""
    rows = wrap_slots(layout, max(1, plot // WRAP_STEP))
    # the same step on every row, so rows line up
    widest = max(stop - start for start, stop in rows)
    return max(min_step, min(max_step, plot // max(widest, 1))), rows


def wrap_slots(layout: Layout, per_row: int) -> list[tuple[int, int]]:
    """The slots of ``layout`` in rows of at most ``per_row``: ``(first, stop)`` each,
    broken between phases where a phase fits a row whole, within a phase otherwise."""
    rows: list[tuple[int, int]] = []
    start = 0
    for span in layout.phase_spans():
        first, stop = span["first"], span["last"] + 1
        while stop - start > per_row:
            if first > start:  # end the row where this phase begins
                rows.append((start, first))
                start = first
            else:  # the phase alone is longer than a row: cut it
                rows.append((start, start + per_row))
                start = first = start + per_row
    rows.append((start, max(len(layout.slots), start + 1)))
    return rows


def cut(rows: list[dict[str, Any]], start: int, stop: int) -> list[dict[str, Any]]:
    """The rows of a data set on slots ``start`` to ``stop``: points by ``x``; bands and
    lines (with ``end``) cut to the row."""
    out = []
    for row in rows:
        if "end" in row and "x" in row:
            lo, hi = max(row["x"], start - 0.5), min(row["end"], stop - 0.5)
            if lo < hi:
                cut_row = {**row, "x": lo, "end": hi, "middle": (lo + hi) / 2}
                if lo > row["x"]:  # it began on an earlier row
                    cut_row["continued"] = True
                out.append(cut_row)
        elif start <= row["x"] < stop:
            out.append(row)
    return out


def phase_heads(
    spans: list[dict[str, Any]], marks: list[dict[str, Any]], step: float, continued: str
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], int, int]:
    """The phase names over the bands of one row, and under them the phase's overall
    experience ("fase als geheel: …"), each wrapped to its band. A phase that began on
    an earlier row says "(vervolg)". Returns both data sets and their line counts."""
    names, overall = [], []
    for span in spans:
        chars = int((span["end"] - span["x"]) * step / CHAR_WIDTH)
        name = span["phase"] + (f" ({continued})" if span.get("continued") else "")
        names.append({"x": span["middle"], "label": fit_label(name, chars)})
        words = [m["word"] for m in marks
                 if m["phase"] == span["phase"] and m["x"] <= span["middle"] <= m["end"]]  # fmt: skip
        if words:
            overall.append({"x": span["middle"], "label": fit_label(" · ".join(words), chars)})

    def lines(rows: list[dict[str, Any]]) -> int:
        return max((len(r["label"]) if isinstance(r["label"], list) else 1 for r in rows), default=0)

    return names, overall, lines(names), lines(overall)


@dataclass
class RowFrame:
    """One row of the curve in pixels: slots ``start`` to ``stop``, ``step`` pixels per
    slot, a plot ``height`` whose top ``head`` pixels hold the phase heads, and the y
    domain ``(bottom, top)`` in scale units."""

    start: int
    stop: int
    step: float
    height: float
    head: float
    bottom: float
    top: float

    @property
    def width(self) -> float:
        """The plot's width in pixels."""
        return (self.stop - self.start) * self.step

    def px(self, x: float, y: float) -> tuple[float, float]:
        """Pixel position of slot ``x`` at score ``y``."""
        return (x - self.start + 0.5) * self.step, (self.top - y) / (self.top - self.bottom) * self.height

    def units(self, px: float, py: float) -> tuple[float, float]:
        """Slot and score of a pixel position (the inverse of :meth:`px`)."""
        return px / self.step + self.start - 0.5, self.top - py / self.height * (self.top - self.bottom)


def y_domain(low: float, high: float, height: float, head: float, foot: float = 0) -> tuple[float, float]:
    """The y domain that leaves ``head`` pixels at the top for the phase heads, ``foot``
    at the bottom, and ``MARGIN`` pixels beyond the lowest and the highest score."""
    room = max(height - head - foot - 2 * MARGIN, 40)
    per_px = (high - low) / room if high > low else 1 / room
    return low - (MARGIN + foot) * per_px, high + (MARGIN + head) * per_px


@dataclass
class LabelStyle:
    """How the labels of one data set look: font size (px), bold, clearance (px) from
    their point."""

    font: float
    bold: bool = False
    clearance: float = 6.0


@dataclass
class RowPlacer:
    """Places the labels of one row (see :class:`Placer`), in data units."""

    frame: RowFrame
    placer: Placer = field(init=False)

    def __post_init__(self) -> None:
        self.placer = Placer(self.frame.width, self.frame.height)
        self.placer.avoid_box(Box(0, 0, self.frame.width, self.frame.head + 2))

    def avoid_points(self, rows: list[dict[str, Any]], radius: Callable[[dict[str, Any]], float]) -> None:
        """Keep labels off these points (``x``/``emotion``), each ``radius(row)`` big."""
        for row in rows:
            if row.get("emotion") is not None:
                self.placer.avoid_circle(*self.frame.px(row["x"], row["emotion"]), radius(row))

    def avoid_lines(self, rows: list[dict[str, Any]], key: str | None, width: float) -> None:
        """Keep labels off the lines through ``rows`` (one per value of ``key``),
        broken where a row has no ``emotion``."""
        groups: dict[Any, list[tuple[float, float] | None]] = {}
        for row in sorted(rows, key=lambda r: r["x"]):
            point = None if row.get("emotion") is None else self.frame.px(row["x"], row["emotion"])
            groups.setdefault(row.get(key) if key else None, []).append(point)
        for points in groups.values():
            run: list[tuple[float, float]] = []
            for point in [*points, None]:
                if point is None:
                    self.placer.avoid_line(run, width)
                    run = []
                else:
                    run.append(point)

    def avoid_rule(self, x1: float, y1: float, x2: float, y2: float, width: float) -> None:
        """Keep labels off a straight line between two (slot, score) positions."""
        self.placer.avoid_line([self.frame.px(x1, y1), self.frame.px(x2, y2)], width)

    def avoid_band(self, x: float, low: float, high: float, width_px: float) -> None:
        """Keep labels off an interval band ``width_px`` wide at slot ``x``."""
        left, top = self.frame.px(x, high)
        _, bottom = self.frame.px(x, low)
        self.placer.avoid_box(Box(left - width_px / 2, top, left + width_px / 2, bottom))

    def place(self, rows: list[dict[str, Any]], style: LabelStyle, anchor: float,
              text: str = "text") -> list[dict[str, Any]]:  # fmt: skip
        """``rows`` (``x``, ``emotion`` and the label in field ``text``) with
        ``label_x``/``label_y``: where the label's middle and top go (draw it with
        ``baseline: top``); ``anchor`` is the radius of the point it labels. A label
        with no free room goes above it."""
        out = []
        for row in rows:
            x, y = self.frame.px(row["x"], row["emotion"])
            size = text_size(row[text] if isinstance(row[text], list) else str(row[text]), style.font,
                             style.bold)  # fmt: skip
            box = self.placer.place(x, y, size, anchor + style.clearance)
            if box is None:
                box = Box(x - size[0] / 2, y - anchor - size[1], x + size[0] / 2, y - anchor)
            lx, ly = self.frame.units(box.centre[0], box.top)
            out.append({**row, "label_x": lx, "label_y": ly})
        return out


def axis_room(labels: list[str]) -> int:
    """Pixels the y axis takes left of the plot: its labels (10 px), title and gaps."""
    return math.ceil(max((word_em(label) for label in labels), default=3) * 10.5) + 34


@dataclass
class Overlay:
    """More to draw on the curve (the evidence does; see
    :func:`klantreis.charts.evidence_curve`): ``datasets`` of rows with an ``x`` slot,
    ``layers(name, step, legends)`` drawing them (``name`` maps a data set's name to
    the name it has in this row), ``avoid(placer, data)`` telling the label placer
    what to keep labels off, and ``labels``: per data set, its label field, style and
    the radius of the points it labels."""

    datasets: dict[str, list[dict[str, Any]]]
    layers: Callable[[Callable[[str], str], float, bool], list[Any]]
    avoid: Callable[[RowPlacer, dict[str, list[dict[str, Any]]]], None]
    labels: dict[str, tuple[str, LabelStyle, float]] = field(default_factory=dict)
    #: Pixels to keep free below the lowest score (a strip for the overlay's labels).
    bottom: float = 0
