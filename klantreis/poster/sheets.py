"""A journey's canvas laid out over landscape sheets that it fills: as many touchpoint
columns per sheet as fit with every word whole at the paper's least type size, the
same column width on every sheet (so sheets hung side by side line up), the lane
names repeated on each sheet and the emotion curve cut to each sheet's columns.

The sizes are then solved for the sheet: the text grows (as far as its words still
fit their columns) until the rows fill the page, and what is left goes to the rows,
the same height on every sheet, so the sheets of one poster are equally full and
their rows line up on the wall."""

from __future__ import annotations

import datetime as dt
import math
import os
from dataclasses import dataclass, replace
from typing import Any

from markupsafe import Markup, escape

from ..charts._canvas_style import CANVAS_CSS, CELL_PAD_EM
from ..charts._words import longest_word_em, word_em
from ..charts.canvas import Canvas
from ..evidence.metric_figures import journey_line
from ._measure import SheetHeights, measure
from .furniture import assembly_attrs, assembly_css, legend_html, persona_card
from .grid import GRID_CSS, curve_parts, grid_html
from .paper import PHASE_MIN_EM, ROLES, Paper
from .render import EMOJI_FAMILY, FONT_FAMILY, render
from .texts import TEXTS

#: Curve units per point of text size: the curve's labels (10-11 units) come out
#: about 1.5 times as big as the canvas text, its faces big enough to see on a wall.
CURVE_UNITS_PER_EM = 7.0
#: Size of the curve's axis labels, and the room beside them, in curve units.
AXIS_LABEL_UNITS = 10
AXIS_ROOM_UNITS = 16
#: The curve's share of the printable height: at least, and at most when the rows
#: leave room.
CURVE_SHARE, CURVE_MAX_SHARE = 0.15, 0.25
#: The text grows until the content is this share of the printable height; the rest
#: of the page goes to the rows. Text at most this many times the least size.
FILL, MAX_GROWTH = 0.97, 3.0
#: Attempts at fitting each sheet's columns on one page before letting rows flow on.
MAX_ATTEMPTS = 4
#: The curve chart's padding above and below its plot (curve units; see the
#: ``padding`` of ``charts.emotion``'s compact chart): its SVG is this much taller.
CURVE_PAD_UNITS = 12


@dataclass(frozen=True)
class SheetLayout:
    """How a journey's columns are spread over sheets; widths in points."""

    columns: int  # touchpoint columns in the journey
    per_sheet: int  # touchpoint columns on a (full) sheet
    unit: float  # points per curve unit
    lane_units: int  # width of the lane-name column in curve units
    step_units: int  # width of a touchpoint column in curve units
    size: float = 0.0  # the body text, in points
    slot_em: float = 0.0  # the narrowest touchpoint column its words allow (em)

    @property
    def sheets(self) -> int:
        """The number of sheets."""
        return math.ceil(self.columns / self.per_sheet)

    @property
    def largest(self) -> float:
        """The biggest body text (points) whose words still fit these columns."""
        return self.step_units * self.unit / self.slot_em if self.slot_em else self.size

    def ranges(self) -> list[tuple[int, int]]:
        """The columns of each sheet: ``(start, stop)``."""
        return [(s, min(s + self.per_sheet, self.columns)) for s in range(0, self.columns, self.per_sheet)]


def plan(canvas: Canvas, paper: Paper, sheets: int | None = None, size: float | None = None) -> SheetLayout:
    """Spread the canvas's columns over the fewest sheets on which every column is at
    least as wide as its longest word with body text of ``size`` points (default: the
    paper's least), or over ``sheets`` sheets, when more."""
    grid = canvas.grid()
    size = size or paper.font_pt
    label_em, slot_em = canvas.column_em(grid)
    # a phase name is at least PHASE_MIN_EM: its columns together hold its longest word
    phases = max(
        (longest_word_em([s["phase"]], True) * PHASE_MIN_EM / s["slots"] for s in grid.spans), default=0.0
    )
    slot_em = max(slot_em, phases + CELL_PAD_EM)
    width, _ = paper.content_pt
    unit = size / CURVE_UNITS_PER_EM
    # the lane names, and the curve's scale labels under them, fit in the first column
    axis = max((word_em(f"{p.emoji} {p.label}") for p in canvas.journey.scale), default=0)
    label = max(label_em * size, (axis * AXIS_LABEL_UNITS + AXIS_ROOM_UNITS) * unit)
    fit = max(1, int((width - label) // (slot_em * size)))
    count = max(1, math.ceil(grid.columns / fit), sheets or 1)
    per_sheet = math.ceil(grid.columns / count)
    lane_units = math.ceil(label / unit)
    return SheetLayout(
        columns=grid.columns,
        per_sheet=per_sheet,
        unit=unit,
        lane_units=lane_units,
        step_units=int((width - lane_units * unit) / per_sheet // unit),
        size=size,
        slot_em=slot_em,
    )


def line_pt(paper: Paper) -> float:
    """The width of the poster's lines on ``paper``, in points."""
    return max(0.5, round(0.5 * paper.scale**0.5, 2))


def poster_css(paper: Paper, font_pt: float | None = None) -> str:
    """Page and type rules of a poster on ``paper`` with text of ``font_pt`` points
    (default: the paper's); the canvas's own CSS comes first."""
    line = line_pt(paper)
    return f"""{CANVAS_CSS}
@page {{ size: {paper.width}mm {paper.height}mm; margin: {paper.margin}mm; }}
html {{ font-family: {FONT_FAMILY}; }}
body {{ margin: 0; }}
.kr-sheet {{ break-after: page; }}
.kr-sheet:last-child {{ break-after: auto; }}
.kr-poster .klantreis-canvas {{ font-family: {FONT_FAMILY}; font-size: {font_pt or paper.font_pt}pt;
  line-height: 1.25; }}
.kr-poster .klantreis-canvas table {{ min-width: 0; }}
.kr-poster .klantreis-canvas th, .kr-poster .klantreis-canvas td {{ border-width: {line}pt; }}
.kr-poster .klantreis-canvas tr.kr-curve td {{ border: none; }}
.kr-poster .klantreis-canvas tr.kr-lane-touchpoints td.kr-crucial {{
  border-top: {3 * line}pt solid #b86e00; }}
{GRID_CSS}
.kr-poster .klantreis-canvas .kr-grid > * {{ border-width: {line}pt; }}
.kr-poster .klantreis-canvas .kr-grid > .kr-crucial.kr-cell-touchpoints {{
  border-top: {3 * line}pt solid #b86e00; }}
.kr-poster .kr-emoji {{ font-family: {EMOJI_FAMILY}; }}
.kr-poster .kr-scale {{ white-space: nowrap; }}
.kr-poster .kr-key-crucial {{ border-top: {3 * line}pt solid #b86e00; }}
.kr-poster .kr-ring {{ color: #D55E00; }}
.kr-poster .kr-persona {{ float: right; width: 50%; margin: 0 0 .4em 1em; padding: .2em .4em;
  border: {line}pt solid #999; font-size: {ROLES["small"]}em; line-height: 1.2; }}
.kr-poster .klantreis-canvas table {{ clear: both; }}
.kr-poster .kr-persona-head {{ font-weight: 600; color: #555; text-transform: uppercase; }}
.kr-poster .kr-persona-name {{ font-weight: 600; }}
"""


#: The type of a journey poster: a title to read across the room, bold phase names.
WALL_CSS = f"""
.kr-poster .klantreis-canvas h2 {{ font-size: {ROLES["title"]}em; line-height: 1.1; margin: 0 0 .5em 0; }}
.kr-poster .klantreis-canvas .kr-meta {{ font-size: 1.3em; }}
.kr-poster .klantreis-canvas thead th {{ vertical-align: bottom; }}
.kr-poster .kr-footer {{ margin: .6em 0 0 0; padding-top: .3em; border-top: .5pt solid #999; color: #555;
  font-size: {ROLES["small"]}em; text-align: right; }}
"""


def footer_html(canvas: Canvas, sheet: str) -> str:
    """The print line at the foot of a sheet: the project, persona × scenario, the
    date it was printed, the klantreis version and ``sheet`` ("blad 1 van 2")."""
    from ..version import __version__

    journey = canvas.journey
    parts = [
        journey.title,
        f"{journey.name_of('personas', canvas.persona)} × {journey.name_of('scenarios', canvas.scenario)}",
        print_date().isoformat(),
        f"klantreis {__version__}",
        sheet,
    ]
    return f'<p class="kr-footer">{" · ".join(escape(p) for p in parts)}</p>'


def print_date() -> dt.date:
    """Today, or the day of ``SOURCE_DATE_EPOCH`` when set (a reproducible build)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.date.today()


@dataclass(frozen=True)
class Fill:
    """The sizes solved for one poster, in points: the curve's height and the least
    height of the head row and of each lane (the same on every sheet)."""

    curve: float
    rows: tuple[tuple[str, float], ...] = ()


def sheets_html(
    canvas: Canvas, paper: Paper, layout: SheetLayout, fill: Fill | None = None, *, measuring: bool = False
) -> str:
    """The poster as one HTML document: one ``section`` per sheet. ``measuring``: only
    to measure the rows, so the curve is an empty box as tall as the curve would be
    (drawing it is what takes time; it is drawn once, for the final poster)."""
    journey = canvas.journey
    grid = canvas.grid()
    measured = journey_line(journey, canvas.persona, canvas.scenario, canvas.evidence)  # NPS, CSAT, CES
    unit = layout.unit
    size = layout.size or paper.font_pt
    curve_pt = fill.curve if fill else CURVE_SHARE * paper.content_pt[1]
    curve_units = max(60, round(curve_pt / unit) - 20)
    svg = "" if measuring else _curve_svg(canvas, layout, curve_units)
    cols = (f"{layout.lane_units * unit:.3f}pt", f"{layout.step_units * unit:.3f}pt")
    room = layout.step_units * unit / size - CELL_PAD_EM
    scale = " · ".join(
        f'<span class="kr-scale"><span class="kr-emoji">{escape(p.emoji)}</span> {escape(p.label)}</span>'
        for p in sorted(journey.scale, key=lambda p: -p.score)
    )
    legend = legend_html(canvas, grid, Markup(scale))
    card = persona_card(canvas)
    ranges = layout.ranges()
    assembly = assembly_css(len(ranges), line_pt(paper))
    heights = dict(fill.rows) if fill else {}
    sections = []
    for number, (start, stop) in enumerate(ranges, start=1):
        sheet = TEXTS.text("sheet", journey.language, number=number, total=len(ranges))
        table = grid_html(
            canvas,
            grid,
            start,
            stop,
            cols=cols,
            word_em=room,
            curve=(
                _curve_boxes(start, stop, (curve_units + CURVE_PAD_UNITS) * unit)
                if measuring
                else curve_parts(svg, start, stop, layout.lane_units, layout.step_units, canvas.curve_label())
            ),
            sizes=(ROLES["phase"], ROLES["name"]),
            heights=heights,
        )
        width = (layout.lane_units + (stop - start) * layout.step_units) * unit
        sections.append(
            f"<section{assembly_attrs(number, len(ranges), journey.language)}>"
            f'<div class="klantreis-canvas" style="width:{width:.3f}pt">\n'
            f"{card}\n<h2>{escape(journey.title)}</h2>\n"
            f"{canvas.meta_html(measured, persona_box=False)}\n{table}\n{legend}\n"
            f"{footer_html(canvas, sheet)}\n</div></section>"
        )
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(journey.language)}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(journey.title)} – {escape(canvas.label())}</title>\n"
        f"<style>{poster_css(paper, size)}{WALL_CSS}{assembly}</style>\n</head>\n"
        f'<body class="kr-poster">\n{chr(10).join(sections)}\n</body>\n</html>\n'
    )


def _curve_svg(canvas: Canvas, layout: SheetLayout, height: int) -> str:
    """The emotion curve drawn for these columns, ``height`` curve units tall."""
    from ..charts.export import chart_svg

    chart = canvas.curve_chart(step=layout.step_units, height=height, lane=layout.lane_units)
    return chart_svg(_without_phase_labels(chart.to_dict()))


def _curve_boxes(start: int, stop: int, height: float) -> list[tuple[int, int, str]]:
    """Empty boxes in place of the curve's parts (see ``curve_parts``), ``height`` points tall."""
    box = f'<div style="height:{height:.3f}pt"></div>'
    if start == 0:
        return [(1, stop - start + 1, box)]
    return [(1, 1, box), (2, stop - start, box)]


def poster_document(canvas: Canvas, paper: Paper) -> Any:
    """The rendered poster (a ``weasyprint.Document``), filling its sheets.

    First the columns go over the fewest sheets that hold them at the paper's least
    type size; when a sheet's text runs longer than the page, over more sheets (wider
    columns, shorter rows), and after a few tries the rows simply go on on the next
    page (the grid's heads are not repeated there). Then the text grows to fill the
    page, and the rows take what is left."""
    layout = plan(canvas, paper)
    for _ in range(MAX_ATTEMPTS):
        document = render(sheets_html(canvas, paper, layout, measuring=True))
        if len(document.pages) <= layout.sheets or layout.per_sheet == 1:
            break
        fewer = max(1, layout.per_sheet - max(1, layout.per_sheet // 4))
        layout = plan(canvas, paper, sheets=math.ceil(layout.columns / fewer))
    if len(document.pages) > layout.sheets:
        return render(sheets_html(canvas, paper, layout))  # rows go on over pages: nothing to fill
    available = paper.content_pt[1]
    curve = CURVE_SHARE * available
    heights = measure(document)
    grown = _grow(canvas, paper, layout, heights, curve)
    if grown is not None:
        layout, heights = grown
    final = render(sheets_html(canvas, paper, layout, _fill(heights, available, curve)))
    if len(final.pages) > layout.sheets:  # measured without the curve, and it was off
        heights = measure(render(sheets_html(canvas, paper, layout, Fill(curve))))
        final = render(sheets_html(canvas, paper, layout, _fill(heights, available, curve)))
    return final


def _grow(
    canvas: Canvas, paper: Paper, layout: SheetLayout, heights: SheetHeights, curve: float
) -> tuple[SheetLayout, SheetHeights] | None:
    """The layout with bigger text that still fits the sheets, and its heights (None:
    the text stays as it is). The text's height grows about with the square of its
    size (taller lines, and more of them in the same columns)."""
    available = paper.content_pt[1]
    text = heights.total - heights.curve
    room = FILL * available - curve
    if text <= 0 or text >= room * 0.95:
        return None
    factor = min(math.sqrt(room / text), MAX_GROWTH)
    for _ in range(2):
        size = min(layout.size * factor, layout.largest)
        if size <= layout.size * 1.03:
            return None
        bigger = plan(canvas, paper, sheets=layout.sheets, size=round(size, 2))
        if bigger.sheets != layout.sheets or bigger.largest < bigger.size:
            bigger = replace(bigger, size=round(min(size, bigger.largest), 2))
            if bigger.sheets != layout.sheets:
                return None
        document = render(sheets_html(canvas, paper, bigger, Fill(curve), measuring=True))
        found = measure(document)
        if len(document.pages) == layout.sheets and found.total <= available:
            return bigger, found
        factor = 1 + (factor - 1) / 2
    return None


def _fill(heights: SheetHeights, available: float, curve: float) -> Fill:
    """Every row as tall as its tallest cell on any sheet, and the page's rest shared
    by the curve (half, up to its largest share) and the lanes (in proportion to
    their height)."""
    slack = max(0.0, available * 0.99 - heights.total)
    taller = min(slack / 2, CURVE_MAX_SHARE * available - curve)
    slack -= taller
    lanes = sum(h for key, h in heights.rows if key)
    rows = tuple((key, h + (slack * h / lanes if key and lanes else 0.0)) for key, h in heights.rows)
    return Fill(curve + taller, rows)


def _without_phase_labels(spec: dict[str, Any]) -> dict[str, Any]:
    """The curve without the phase names in its bands: the sheet's column heads show
    them, and a phase cut by the sheet's edge would cut its name too."""
    layers = [layer for layer in spec.get("layer", []) if layer.get("data", {}).get("name") != "phase_labels"]
    return {**spec, "layer": layers}
