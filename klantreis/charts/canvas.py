"""The journey canvas: phases as columns, the template's lanes as rows, one column per
touchpoint, and the emotion curve aligned underneath. Plain HTML and CSS (printable on
A3 landscape), the curve as inline SVG: no JavaScript needed.

The pieces (:meth:`Canvas.grid`, :meth:`Canvas.column_em`, the cells of
:meth:`Canvas.table`) are also what the PDF poster (:mod:`klantreis.poster`) lays out
over one or more sheets, as a grid read phase by phase (:mod:`klantreis.poster.grid`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from markupsafe import Markup, escape

from ..errors import JourneyError
from ..model import Journey
from ..templates import journey_uses
from ._canvas_evidence import data_notes, notes_html
from ._canvas_fields import lane_fields, lane_values
from ._canvas_grid import Grid, canvas_lanes
from ._canvas_method import key_html, method_html, touchpoint_labels
from ._canvas_opportunities import opportunity_list
from ._canvas_style import (
    CANVAS_CSS,
    CELL_PAD_EM,
    CURVE_HEIGHT,
    LABEL_MIN_EM,
    LANE_PX,
    NAME_SQUEEZE,
    PAGE_CSS,
    PHASE_LANES,
    PRINT_CSS,
    SCREEN_FONT_PX,
    SLOT_MIN_EM,
    STEP_PX,
    WORD_CAP_EM,
)
from ._canvas_style import DEFAULT_LANES as DEFAULT_LANES  # re-exported for callers
from ._canvas_svg import curve_cells, inline_svg
from ._common import (
    PAGE_WIDTH,
    build_layout,
    select_series,
    series_labels,
    series_rows,
    text_of,
    texts,
)
from ._curve_rows import wrap_slots
from ._emoji_font import with_emoji_font
from ._phase_marks import phase_marks
from ._texts import TEXTS
from ._words import fit_text, longest_part_em, longest_word_em, row_height, sized_name

#: The size of a chip's text (em of the cell's text) and what its padding and margin
#: take (em of its own text): see ``.kr-tag`` in the canvas CSS.
CHIP_EM, CHIP_PAD_EM = 0.83, 0.95
#: Touchpoint fields shown in the cells (besides the name, in bold).
_CELL_FIELDS = ("channel", "partner", "action", "frequency", "why", "thoughts", "ideas", "backstage", "data")


def canvas(
    journey: Journey, persona: str | None = None, scenario: str | None = None, evidence: str | None = None
) -> Canvas:
    """The canvas of one journey: ``persona`` in ``scenario``.

    ``None`` means the first persona (with touchpoints) and its first scenario. Lanes
    come from the journey's template (``get_template(journey.template).lanes()``);
    without a known template: user_goal, touchpoints, interaction, emotion, backstage,
    thoughts, ideas. Data and opportunities lanes are added when the journey has data /
    opportunities but the lanes lack them. The data lane also shows the measured
    figures of evidence source ``evidence`` (None: all sources; see
    :mod:`klantreis.evidence`). Display with ``_repr_html_`` in Jupyter, or write a
    page with :meth:`Canvas.to_html` / :meth:`Canvas.save`.
    """
    pairs = select_series(journey, persona, scenario)  # also checks the ids
    if pairs:
        return Canvas(journey, *pairs[0], evidence=evidence)
    first = persona or (journey.ids("personas") or [""])[0]
    if not first:
        raise JourneyError(TEXTS.msg("nothing_yet"), language=journey.language)
    return Canvas(journey, first, scenario or journey.default_scenario)


@dataclass
class Canvas:
    """A printable canvas of one journey (persona + scenario); see :func:`canvas`."""

    #: Page rules a page holding this canvas needs (used by ``charts_html_page``).
    print_css: ClassVar[str] = PRINT_CSS

    journey: Journey = field(repr=False)
    persona: str
    scenario: str
    _svg: tuple[str, str, str] | None = field(default=None, repr=False, compare=False)
    #: The evidence source whose figures the data lane shows (None: all).
    evidence: str | None = None
    _measured: dict[str, list[str]] = field(default_factory=dict, repr=False, compare=False)
    #: Set for print: typographic quotes, words that belong together on one line.
    typeset: bool = False

    # ------------------------------------------------------------ public API
    def lanes(self) -> list[dict[str, str]]:
        """The rows of the canvas: ``{id, name, hint}``, top to bottom."""
        self._measured = data_notes(self.journey, self.persona, self.scenario, self.evidence)
        return canvas_lanes(self.journey, self._rows(), bool(self._measured), (self.persona, self.scenario))

    def _opportunities(self) -> Any:
        """This journey's opportunities and those for every journey (a DataFrame)."""
        return self.journey.opportunities_of(self.persona, self.scenario)

    def grid(self) -> Grid:
        """The journey's touchpoints, columns, phases and lanes as the table needs them."""
        journey = self.journey
        rows = self._rows()
        layout = build_layout(journey, rows)
        phases = journey.phases.to_dict("records")
        self._measured = data_notes(journey, self.persona, self.scenario, self.evidence)
        return Grid(
            rows=rows,
            layout=layout,
            lanes=canvas_lanes(journey, rows, bool(self._measured), (self.persona, self.scenario)),
            spans=layout.phase_spans(),
            phases={str(p["id"]): p for p in phases},
            by_slot={layout.index(r["phase"], r["id"]): r for r in rows},
        )

    def column_em(self, grid: Grid) -> tuple[float, float]:
        """The narrowest lane-name column and touchpoint column (in em of the canvas
        text) in which every word fits: names whole (set a little smaller if need be),
        phase names whole, other words up to a cap (longer ones are hyphenated)."""
        label = longest_word_em([lane["name"] for lane in grid.lanes], bold=True)
        names = max(
            longest_part_em([r["name"] for r in grid.rows], True, self.journey.language),
            *(longest_word_em([s["phase"]], bold=True) / s["slots"] for s in grid.spans),
        )
        scale = {p.score: p.label for p in self.journey.scale}
        other = [r[f] for r in grid.rows for f in _CELL_FIELDS if f in r]
        other += [scale.get(r["emotion"], "") for r in grid.rows]
        other += [p.get(f) for p in grid.phases.values() for f in ("duration", "user_goal")]
        other += [v for p in grid.phases.values() for _, v in lane_values(self.journey, "user_goal", p)]
        other += self._opportunities()["description"].tolist()
        words = min(longest_word_em(other), WORD_CAP_EM)
        slot = max(SLOT_MIN_EM, names * NAME_SQUEEZE + CELL_PAD_EM, words + CELL_PAD_EM)
        return max(LABEL_MIN_EM, label + CELL_PAD_EM), slot

    def curve_chart(self, step: int = STEP_PX, height: int = CURVE_HEIGHT, lane: int = LANE_PX) -> Any:
        """The emotion curve drawn to line up with the table (an Altair chart): ``step``
        units per touchpoint column, the y axis in a ``lane``-wide left margin."""
        from .emotion import curve_chart

        overlay = None
        if self.journey.ids("sources"):  # the measured points with their n (print too)
            from .evidence import measured_overlay

            overlay = measured_overlay(self.journey, self.persona, self.scenario, self.evidence, compact=True)
        return curve_chart(
            self.journey, [(self.persona, self.scenario)], step=step, height=height, compact_padding=lane,
            overlay=overlay,
        )  # fmt: skip

    def curve_svg(self) -> str:
        """The aligned emotion curve as inline SVG; rendered again only when the journey's
        touchpoints, phases or scale changed since the last time."""
        return self._curve(self._rows())[1]

    def _curve(self, rows: list[dict[str, Any]]) -> tuple[str, str]:
        """(the curve as vl-convert drew it, as inline SVG), cached."""
        journey = self.journey
        key = repr((rows, journey.ids("phases"), journey.phases["name"].tolist(), journey.scale,
                    journey.records("evidence") if journey.ids("sources") else None))  # fmt: skip
        if self._svg is None or self._svg[0] != key:
            from .export import chart_svg

            raw = chart_svg(self.curve_chart())
            self._svg = (key, raw, inline_svg(raw, label=self.curve_label()))
        return self._svg[1], self._svg[2]

    def html_fragment(self, *, curve_first: bool = False, width: int | None = None) -> str:
        """The canvas as an HTML fragment with its (scoped) CSS; ``curve_first`` puts
        the emotion curve right under the phases instead of under the lanes (the wall
        does, so a room sees it without scrolling). With ``width`` (px) a long journey
        goes on over more tables, one under the other, each at most that wide with
        every word whole (broken between phases where they fit), as in a report page;
        without, the canvas is one table (printed on A3 landscape)."""
        return f"<style>{CANVAS_CSS}</style>\n{self._body(curve_first, width)}"

    def _repr_html_(self) -> str:
        return self.html_fragment(width=PAGE_WIDTH)

    def to_html(self) -> str:
        """A complete, self-contained HTML page (A3 landscape when printed)."""
        title = escape(f"{self.journey.title} – {self.label()}")
        return with_emoji_font(
            f'<!DOCTYPE html>\n<html lang="{escape(self.journey.language)}">\n<head>\n'
            f'<meta charset="utf-8">\n<title>{title}</title>\n'
            f"<style>{PAGE_CSS}{CANVAS_CSS}</style>\n</head>\n<body>\n{self._body()}\n</body>\n</html>\n"
        )

    def save(self, path: str | Path) -> Path:
        """Write :meth:`to_html` to ``path``."""
        path = Path(path)
        path.write_text(self.to_html(), encoding="utf-8")
        return path

    def curve_label(self) -> str:
        """The curve in words, for screen readers and a poster's alternative text (see
        :func:`klantreis.charts.describe.curve_description`)."""
        from .describe import curve_description

        return curve_description(self.journey, [(self.persona, self.scenario)])

    def label(self) -> str:
        """ "persona name – scenario name"."""
        return series_labels(self.journey, [(self.persona, self.scenario)])[0]

    def meta_html(self, extra: str = "", persona_box: bool = True) -> str:
        """The line under the title: persona and scenario (and ``extra``, escaped), then
        the template's persona fields placed there (see :mod:`._canvas_method`; without
        the persona box when ``persona_box`` is False)."""
        journey, t = self.journey, texts(self.journey)
        parts = [
            f"{t['persona']}: {journey.name_of('personas', self.persona)}",
            f"{t['scenario']}: {journey.name_of('scenarios', self.scenario)}",
        ]
        meta = f'<p class="kr-meta">{" · ".join(escape(p) for p in [*parts, extra] if p)}</p>'
        return str(Markup(meta) + method_html(journey, self.persona, persona_box))

    def legend_html(self, extra: str | Markup = "") -> str:
        """The legend under the canvas, one entry per mark the canvas and its curve use
        (``extra``: trusted HTML appended): the tinted column and star of a crucial
        touchpoint and a side issue's grey text (each only where the method asks for
        it), the pain point's ring, the phase's dashed line (when the template asks for it);
        then the key of the template's touchpoint labels (Touch, Tell, Sell, Care)."""
        t, template = texts(self.journey), self.journey.template
        parts = []
        if journey_uses(template, "critical"):
            parts.append(
                f'<span class="kr-swatch kr-crucial-swatch"><span class="kr-star">★</span></span> '
                f"{escape(t['legend_crucial'])}"
            )
        if journey_uses(template, "importance"):
            parts.append(f'<span class="kr-muted">{escape(t["legend_side"])}</span>')
        parts.append(f'<span style="color:#D55E00">◯</span> {escape(t["pain"])}')
        if phase_marks(self.journey, self.grid().spans):
            parts.append(f'<span class="kr-dash"></span> {escape(t["phase_mark_legend"])}')
        return str(Markup(f'<p class="kr-legend">{" · ".join(parts)}{extra}</p>') + key_html(self.journey))

    # ------------------------------------------------------------- building
    def _rows(self) -> list[dict[str, Any]]:
        return series_rows(self.journey, [(self.persona, self.scenario)])

    def _body(self, curve_first: bool = False, width: int | None = None) -> str:
        grid = self.grid()
        n = grid.columns
        label_em, slot_em = self.column_em(grid)

        def width_em(columns: int) -> float:
            """The smallest table width (em) at which both kinds of column are wide enough."""
            total = LANE_PX + columns * STEP_PX
            return max(label_em * total / LANE_PX, slot_em * total / STEP_PX)

        per_block = n
        if width:
            while per_block > 1 and width_em(per_block) * SCREEN_FONT_PX > width:
                per_block -= 1
        blocks = wrap_slots(grid.layout, per_block) if per_block < n else [(0, n)]
        raw, _ = self._curve(grid.rows)
        tables = []
        for start, stop in blocks:
            count = stop - start
            total = LANE_PX + count * STEP_PX
            cols = (f"{100 * LANE_PX / total:.4f}%", f"{100 * STEP_PX / total:.4f}%")
            table = self.table(grid, start, stop, cols=cols, word_em=slot_em - CELL_PAD_EM,
                               curve=curve_cells(raw, start, stop, LANE_PX, STEP_PX, self.curve_label()),
                               curve_first=curve_first)  # fmt: skip
            if len(blocks) > 1:  # every block's columns as wide as the widest block's
                share = 100 * total / (LANE_PX + per_block * STEP_PX)
                table = (f'<div class="kr-block" style="--kr-width-em: {width_em(count):.2f}; '
                         f'width: {share:.3f}%">\n{table}\n</div>')  # fmt: skip
            tables.append(table)
        return (
            f'<div class="klantreis-canvas" style="--kr-width-em: {width_em(per_block):.2f}">\n'
            f"<h2>{escape(self.journey.title)}</h2>\n{self.meta_html()}\n{chr(10).join(tables)}\n"
            f"{self.legend_html()}\n</div>"
        )

    def table(self, grid: Grid, start: int, stop: int, *, cols: tuple[str, str], word_em: float,
              curve: str, curve_first: bool = False, sizes: tuple[float, float] = (1.0, 1.0),
              heights: dict[str, float] | None = None) -> str:  # fmt: skip
        """The ``<table>`` for the columns ``start`` to ``stop`` (not included): ``cols``
        are the CSS widths of the lane-name column and of one touchpoint column,
        ``word_em`` the room for words in a column (em; wider words are hyphenated),
        ``curve`` the cells of the curve row (see ``curve_cells``), under the lanes or
        (``curve_first``) above them. ``sizes``: the size (em) of the phase names and
        of the touchpoint names, each set smaller where its longest word needs it;
        ``heights``: the least height (CSS) of the head row (``""``) and of lanes by id."""
        heights = heights or {}
        spans = grid.spans_between(start, stop)
        colgroup = [f'<col style="width:{cols[0]}">'] + [f'<col style="width:{cols[1]}">'] * (stop - start)
        head = ['<th scope="col"></th>']
        for span in spans:
            name, duration = self.phase_head(grid, span, word_em, sizes[0])
            head.append(
                f'<th scope="col" colspan="{span["slots"]}" class="kr-phase kr-shade-{span["shade"]}">'
                f"{name}{duration}</th>"
            )
        body = []
        for lane in grid.lanes:
            hint = f' title="{escape(lane["hint"])}"' if lane.get("hint") else ""
            cells = [f'<th scope="row"{hint}>{escape(lane["name"])}</th>']
            if lane["id"] in PHASE_LANES:
                for span in spans:
                    content = self._phase_cell(
                        lane["id"], span, grid.phases.get(span["phase_id"], {}), word_em
                    )
                    cells.append(f'<td colspan="{span["slots"]}">{content}</td>')
            else:
                for slot in range(start, stop):
                    row = grid.by_slot.get(slot)
                    if row is None:
                        cells.append('<td class="kr-empty"></td>')
                        continue
                    classes = ["kr-crucial"] if row["critical"] else []
                    if row.get("importance") == "side":
                        classes.append("kr-side")
                    cls = f' class="{" ".join(classes)}"' if classes else ""
                    content = self._touchpoint_cell(lane["id"], row, word_em, sizes[1])
                    cells.append(f"<td{cls}>{content}</td>")
            body.append(
                f'<tr class="kr-lane kr-lane-{escape(lane["id"])}"{row_height(heights.get(lane["id"]))}>'
                f"{''.join(cells)}</tr>"
            )
        body.insert(0 if curve_first else len(body), f'<tr class="kr-curve">{curve}</tr>')
        return (
            f"<table>\n<colgroup>{''.join(colgroup)}</colgroup>\n"
            f"<thead><tr{row_height(heights.get(''))}>{''.join(head)}</tr></thead>\n"
            f"<tbody>\n{chr(10).join(body)}\n</tbody>\n</table>"
        )

    def phase_head(
        self, grid: Grid, span: dict[str, Any], word_em: float, size: float
    ) -> tuple[Markup, Markup]:
        """A phase's head (table or poster grid): its name sized to the span's columns,
        "(vervolg)" on a continued sheet, and its duration line (empty without one)."""
        lang, duration = self.journey.language, text_of(grid.phases.get(span["phase_id"], {}).get("duration"))
        name = sized_name(span["phase"], word_em * span["slots"], size, lang, self.typeset)
        if span["continued"]:
            name += Markup(' <span class="kr-duration">(%s)</span>') % texts(self.journey)["continued"]
        return name, Markup('<span class="kr-duration">%s</span>') % duration if duration else Markup("")

    def _touchpoint_cell(self, lane: str, row: dict[str, Any], room: float, name_em: float = 1.0) -> Markup:
        t = texts(self.journey)
        lang = self.journey.language

        def fit(value: Any, bold: bool = False) -> Markup:
            return fit_text(value, room, lang, bold, self.typeset)

        if lane == "touchpoints":
            chip = room / CHIP_EM - CHIP_PAD_EM  # a chip's text is smaller, its padding takes room
            star = f'<span class="kr-star" title="{escape(t["crucial"])}">★</span>' if row["critical"] else ""
            tags = []
            if text_of(row["channel"]):
                tags.append(fit_text(row["channel"], chip, lang, typeset=self.typeset))
            if row["online"] is not None:
                tags.append(Markup("🌐 ") + t["online"] if row["online"] else Markup("🏢 ") + t["offline"])
            if row["owned"] is not None:
                tags.append(escape(t["owned"] if row["owned"] else t["not_owned"]))
            if text_of(row["partner"]):
                tags.append(fit_text(f"{t['partner']}: {row['partner']}", chip, lang, typeset=self.typeset))
            labels = [
                fit_text(v, chip, lang, typeset=self.typeset) for v in touchpoint_labels(self.journey, row)
            ]
            tag_html = "".join(f'<span class="kr-tag kr-label">{v}</span>' for v in labels)
            tag_html += "".join(f'<span class="kr-tag">{tag}</span>' for tag in tags)
            widest = longest_part_em([row["name"]], True, lang)
            size = min(name_em, room / widest) if widest else name_em
            style = f' style="font-size:{size:.3f}em"' if size != 1.0 else ""
            # the star is typeset with the name, so it never stands alone on a line
            text = f"★ {row['name']}" if star and self.typeset else row["name"]
            name = fit_text(text, max(room, widest * size) / size, lang, True, self.typeset)
            if star:  # print: the star is the first word's; on screen, before the name
                name = Markup(str(name).replace("★", star, 1)) if self.typeset else Markup(star + " ") + name
            return Markup(f'<span class="kr-name"{style}>{name}</span>{tag_html}')
        if lane == "interaction":
            out = fit(row["action"])
            if text_of(row["frequency"]):
                out += Markup('<br><span class="kr-muted">⟳ ') + fit(row["frequency"]) + Markup("</span>")
            return out
        if lane == "emotion":
            point = self.journey.scale_point(row["emotion"])
            if point is None:
                head = Markup('<span class="kr-muted">') + escape(t["no_emotion"]) + Markup("</span>")
            else:
                head = (
                    Markup('<span class="kr-emoji">')
                    + escape(point.emoji)
                    + Markup("</span> ")
                    + fit(point.label)
                )
            why = fit(row["why"])
            return head + (Markup("<br>") + why if why else Markup(""))
        if lane == "data":
            return notes_html(self._measured.get(row["id"], []), fit(row["data"]))
        if lane in row:
            return fit(row[lane])
        return Markup("")

    def _phase_cell(self, lane: str, span: dict[str, Any], phase: dict[str, Any], room: float) -> Markup:
        lang = self.journey.language
        room = room * span["slots"]
        if lane == "user_goal":
            goal = fit_text(phase.get("user_goal"), room, lang, typeset=self.typeset)
            return goal + lane_fields(self.journey, lane, phase, room, self.typeset)
        return opportunity_list(self.journey, self._opportunities(), span, room, self.typeset)
