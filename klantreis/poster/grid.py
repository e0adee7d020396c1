"""A poster sheet's canvas as a CSS grid whose parts come phase by phase, so a tagged
PDF (whose tags follow the document's order) reads the canvas as it is meant: the lane
names, then for each phase its heading and its cells (the phase's own cells, then per
touchpoint its lanes top to bottom), then the curve. Every part is placed on the grid
by row and column, so the sheet looks as the canvas's table does (see
:meth:`klantreis.charts.canvas.Canvas.table`, which the screen keeps)."""

from __future__ import annotations

from markupsafe import escape

from ..charts._canvas_grid import Grid
from ..charts._canvas_style import PHASE_LANES
from ..charts._canvas_svg import crop_svg, inline_svg
from ..charts.canvas import Canvas

#: The grid's own rules: every cell draws its right and bottom line, the heads their
#: top line and the first column its left one, so neighbouring cells share one line as
#: in a table with collapsed borders.
GRID_CSS = """
.klantreis-canvas .kr-grid { display: grid; clear: both; }
.klantreis-canvas .kr-grid > * { margin: 0; border-right: 1px solid #d0d0d0; border-bottom: 1px solid #d0d0d0;
  padding: .33em .42em; overflow-wrap: break-word; word-break: normal; hyphens: manual;
  font-size: 1em; line-height: inherit; }
.klantreis-canvas .kr-grid > .kr-head { background: #2f4858; color: #fff; text-align: left; font-weight: bold;
  display: flex; flex-direction: column; justify-content: flex-end; }
.klantreis-canvas .kr-grid > .kr-head { border-top: 1px solid #d0d0d0; }
.klantreis-canvas .kr-grid > .kr-corner, .klantreis-canvas .kr-grid > .kr-lane-name {
  border-left: 1px solid #d0d0d0; }
.klantreis-canvas .kr-grid > .kr-head.kr-shade-1 { background: #456a80; }
.klantreis-canvas .kr-grid > .kr-lane-name { background: #f2f2f2; text-align: left; font-weight: 600; }
.klantreis-canvas .kr-grid > .kr-crucial { background: #fff6df; }
.klantreis-canvas .kr-grid > .kr-side { color: #666; }
.klantreis-canvas .kr-grid > .kr-empty { background: repeating-linear-gradient(45deg, #fafafa, #fafafa 6px,
  #f0f0f0 6px, #f0f0f0 12px); }
.klantreis-canvas .kr-grid > .kr-curve { padding: 0; border-right: none; border-bottom: none; }
.klantreis-canvas .kr-grid > .kr-curve svg { display: block; width: 100%; height: auto; }
"""


def _place(row: int, column: int, span: int = 1) -> str:
    end = f" / span {span}" if span > 1 else ""
    return f"grid-row:{row};grid-column:{column}{end}"


def _track(height: float | None) -> str:
    return f"minmax({height:.2f}pt, auto)" if height else "auto"


def curve_parts(
    svg: str, start: int, stop: int, lane: float, step: float, label: str
) -> list[tuple[int, int, str]]:
    """The curve's parts as ``(first column, columns, html)``: from the first column on
    one part with axis and curve; further on, the axis under the lane names (hidden
    from screen readers) and the curve's part for these columns beside it."""
    count = stop - start
    if start == 0:
        return [(1, count + 1, inline_svg(crop_svg(svg, 0, lane + count * step), label=label))]
    axis = inline_svg(crop_svg(svg, 0, lane), label=label, hidden=True)
    part = inline_svg(crop_svg(svg, lane + start * step, count * step), label=label)
    return [(1, 1, axis), (2, count, part)]


def grid_html(canvas: Canvas, grid: Grid, start: int, stop: int, *, cols: tuple[str, str], word_em: float,
              curve: list[tuple[int, int, str]], sizes: tuple[float, float] = (1.0, 1.0),
              heights: dict[str, float] | None = None) -> str:  # fmt: skip
    """The sheet's canvas for the columns ``start`` to ``stop`` (not included) as a grid
    (arguments as :meth:`Canvas.table`'s; ``curve`` from :func:`curve_parts`). Every
    part carries ``data-row``: the lane id, ``""`` for the phase heads, ``-`` for the
    curve (what :mod:`._measure` reads)."""
    heights = heights or {}
    lanes = grid.lanes
    spans = grid.spans_between(start, stop)
    row_of = {lane["id"]: number for number, lane in enumerate(lanes, start=2)}
    curve_row = len(lanes) + 2
    parts = [f'<div class="kr-head kr-corner" data-row="" style="{_place(1, 1)}"></div>']
    for lane in lanes:
        hint = f' title="{escape(lane["hint"])}"' if lane.get("hint") else ""
        parts.append(
            f'<div class="kr-lane-name" data-row="{escape(lane["id"])}"{hint} '
            f'style="{_place(row_of[lane["id"]], 1)}">{escape(lane["name"])}</div>'
        )
    touch_lanes = [lane["id"] for lane in lanes if lane["id"] not in PHASE_LANES]
    first_touch = row_of[touch_lanes[0]] if touch_lanes else curve_row
    for span in spans:
        phase = grid.phases.get(span["phase_id"], {})
        column = span["first"] - start + 2
        name, duration = canvas.phase_head(grid, span, word_em, sizes[0])
        parts.append(
            f'<h3 class="kr-head kr-phase kr-shade-{span["shade"]}" data-row="" '
            f'style="{_place(1, column, span["slots"])}"><span>{name}</span>{duration}</h3>'
        )
        # the cells of the phase's own lanes (its goal, its opportunities), as the table's
        phase_cells = {
            lane_id: f'<div data-row="{escape(lane_id)}" style="{_place(number, column, span["slots"])}">'
            f"{canvas._phase_cell(lane_id, span, phase, word_em)}</div>"
            for lane_id, number in row_of.items()
            if lane_id in PHASE_LANES
        }
        parts += [html for lane_id, html in phase_cells.items() if row_of[lane_id] < first_touch]
        for slot in range(span["first"], span["last"] + 1):
            row = grid.by_slot.get(slot)
            for lane_id in touch_lanes:
                place = _place(row_of[lane_id], slot - start + 2)
                if row is None:
                    parts.append(f'<div class="kr-empty" data-row="{escape(lane_id)}" style="{place}"></div>')
                    continue
                classes = ["kr-crucial"] if row["critical"] else []
                if row.get("importance") == "side":
                    classes.append("kr-side")
                content = canvas._touchpoint_cell(lane_id, row, word_em, sizes[1])
                parts.append(
                    f'<div class="{" ".join([*classes, "kr-cell-" + lane_id])}" data-row="{escape(lane_id)}" '
                    f'style="{place}">{content}</div>'
                )
        parts += [html for lane_id, html in phase_cells.items() if row_of[lane_id] > first_touch]
    for column, count, svg in curve:
        place = _place(curve_row, column, count)
        parts.append(f'<div class="kr-curve" data-row="-" style="{place}">{svg}</div>')
    rows = " ".join([_track(heights.get("")), *(_track(heights.get(lane["id"])) for lane in lanes), "auto"])
    columns = f"{cols[0]} repeat({stop - start}, {cols[1]})"
    return (
        f'<div class="kr-grid" style="grid-template-columns:{columns};grid-template-rows:{rows}">\n'
        + "\n".join(parts)
        + "\n</div>"
    )
