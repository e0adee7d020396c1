"""A journey's canvas laid out over landscape sheets: as many touchpoint columns per
sheet as fit with every word whole, the same column width on every sheet (so sheets
hung side by side line up), the lane names repeated on each sheet and the emotion
curve cut to each sheet's columns."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from ..charts._canvas_style import CANVAS_CSS, CELL_PAD_EM
from ..charts._canvas_svg import curve_cells
from ..charts._words import word_em
from ..charts.canvas import Canvas
from .paper import Paper
from .render import EMOJI_FAMILY, FONT_FAMILY, render
from .texts import TEXTS

#: Curve units per point of text size: the curve's labels (10-11 units) come out
#: about as big as the canvas text.
CURVE_UNITS_PER_EM = 9.5
#: Size of the curve's axis labels, and the room beside them, in curve units.
AXIS_LABEL_UNITS = 10
AXIS_ROOM_UNITS = 16
#: Height of the curve in curve units.
CURVE_UNITS_HIGH = 150
#: Attempts at fitting each sheet's columns on one page before letting rows flow on.
MAX_ATTEMPTS = 4


@dataclass(frozen=True)
class SheetLayout:
    """How a journey's columns are spread over sheets; widths in points."""

    columns: int  # touchpoint columns in the journey
    per_sheet: int  # touchpoint columns on a (full) sheet
    unit: float  # points per curve unit
    lane_units: int  # width of the lane-name column in curve units
    step_units: int  # width of a touchpoint column in curve units

    @property
    def sheets(self) -> int:
        """The number of sheets."""
        return math.ceil(self.columns / self.per_sheet)

    def ranges(self) -> list[tuple[int, int]]:
        """The columns of each sheet: ``(start, stop)``."""
        return [(s, min(s + self.per_sheet, self.columns)) for s in range(0, self.columns, self.per_sheet)]


def plan(canvas: Canvas, paper: Paper, sheets: int | None = None) -> SheetLayout:
    """Spread the canvas's columns over the fewest sheets on which every column is at
    least as wide as its longest word (or over ``sheets`` sheets, when more)."""
    grid = canvas.grid()
    size = paper.font_pt
    label_em, slot_em = canvas.column_em(grid)
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
    )


def poster_css(paper: Paper, font_pt: float | None = None) -> str:
    """Page and type rules of a poster on ``paper`` with text of ``font_pt`` points
    (default: the paper's); the canvas's own CSS comes first."""
    line = max(0.5, round(0.5 * paper.scale**0.5, 2))
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
  border-top: {3 * line}pt solid #E69F00; }}
.kr-poster .kr-emoji {{ font-family: {EMOJI_FAMILY}; }}
.kr-poster .kr-scale {{ white-space: nowrap; }}
"""


def sheets_html(canvas: Canvas, paper: Paper, layout: SheetLayout) -> str:
    """The poster as one HTML document: one ``section`` per sheet."""
    from ..charts.export import chart_svg

    journey = canvas.journey
    grid = canvas.grid()
    unit = layout.unit
    chart = canvas.curve_chart(step=layout.step_units, height=CURVE_UNITS_HIGH, lane=layout.lane_units)
    svg = chart_svg(_without_phase_labels(chart.to_dict()))
    cols = (f"{layout.lane_units * unit:.3f}pt", f"{layout.step_units * unit:.3f}pt")
    room = layout.step_units * unit / paper.font_pt - CELL_PAD_EM
    scale = " · ".join(
        f'<span class="kr-scale"><span class="kr-emoji">{escape(p.emoji)}</span> {escape(p.label)}</span>'
        for p in sorted(journey.scale, key=lambda p: -p.score)
    )
    legend = canvas.legend_html(Markup(" · ") + Markup(scale))
    ranges = layout.ranges()
    sections = []
    for number, (start, stop) in enumerate(ranges, start=1):
        sheet = (
            TEXTS.text("sheet", journey.language, number=number, total=len(ranges)) if len(ranges) > 1 else ""
        )
        table = canvas.table(
            grid,
            start,
            stop,
            cols=cols,
            word_em=room,
            curve=curve_cells(svg, start, stop, layout.lane_units, layout.step_units, canvas.curve_label()),
        )
        width = (layout.lane_units + (stop - start) * layout.step_units) * unit
        sections.append(
            f'<section class="kr-sheet"><div class="klantreis-canvas" style="width:{width:.3f}pt">\n'
            f"<h2>{escape(journey.title)}</h2>\n{canvas.meta_html(sheet)}\n{table}\n{legend}\n</div></section>"
        )
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(journey.language)}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(journey.title)} – {escape(canvas.label())}</title>\n"
        f"<style>{poster_css(paper)}</style>\n</head>\n"
        f'<body class="kr-poster">\n{chr(10).join(sections)}\n</body>\n</html>\n'
    )


def poster_document(canvas: Canvas, paper: Paper) -> Any:
    """The rendered poster (a ``weasyprint.Document``). When a sheet's text runs
    longer than the page, the columns are spread over more sheets (wider columns,
    shorter rows) and it is laid out again; after a few tries the rows simply go on on
    the next page, the column heads and lane names repeated."""
    layout = plan(canvas, paper)
    for _ in range(MAX_ATTEMPTS):
        document = render(sheets_html(canvas, paper, layout))
        if len(document.pages) <= layout.sheets or layout.per_sheet == 1:
            break
        fewer = max(1, layout.per_sheet - max(1, layout.per_sheet // 4))
        layout = plan(canvas, paper, sheets=math.ceil(layout.columns / fewer))
    return document


def _without_phase_labels(spec: dict[str, Any]) -> dict[str, Any]:
    """The curve without the phase names in its bands: the sheet's column heads show
    them, and a phase cut by the sheet's edge would cut its name too."""
    layers = [layer for layer in spec.get("layer", []) if layer.get("data", {}).get("name") != "phase_labels"]
    return {**spec, "layer": layers}
