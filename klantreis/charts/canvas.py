"""The journey canvas: phases as columns, the template's lanes as rows, one column per
touchpoint, and the emotion curve aligned underneath. Plain HTML and CSS (printable on
A3 landscape), the curve as inline SVG: no JavaScript needed."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from markupsafe import Markup, escape

from ..errors import JourneyError
from ..model import Journey
from ..templates import get_template
from ._canvas_style import (
    CANVAS_CSS,
    CURVE_HEIGHT,
    DEFAULT_LANES,
    LANE_NAMES,
    LANE_PX,
    PAGE_CSS,
    PHASE_LANES,
    PRINT_CSS,
    STEP_PX,
)
from ._common import (
    build_layout,
    select_series,
    series_labels,
    series_rows,
    text_of,
    texts,
)

_ids = itertools.count(1)


def canvas(journey: Journey, persona: str | None = None, scenario: str | None = None) -> Canvas:
    """The canvas of one journey: ``persona`` in ``scenario``.

    ``None`` means the first persona (with touchpoints) and its first scenario. Lanes
    come from the journey's template (``get_template(journey.template).lanes()``);
    without a known template: user_goal, touchpoints, interaction, emotion, backstage,
    thoughts, ideas. Data and opportunities lanes are added when the journey has data /
    opportunities but the lanes lack them. Display with ``_repr_html_`` in Jupyter,
    or write a page with :meth:`Canvas.to_html` / :meth:`Canvas.save`.
    """
    pairs = select_series(journey, persona, scenario)  # also checks the ids
    if pairs:
        return Canvas(journey, *pairs[0])
    first = persona or (journey.ids("personas") or [""])[0]
    if not first:
        raise JourneyError("nothing to draw yet: add a persona first")
    return Canvas(journey, first, scenario or journey.default_scenario)


@dataclass
class Canvas:
    """A printable canvas of one journey (persona + scenario); see :func:`canvas`."""

    #: Page rules a page holding this canvas needs (used by ``charts_html_page``).
    print_css: ClassVar[str] = PRINT_CSS

    journey: Journey = field(repr=False)
    persona: str
    scenario: str
    _svg: tuple[str, str] | None = field(default=None, repr=False, compare=False)

    # ------------------------------------------------------------ public API
    def lanes(self) -> list[dict[str, str]]:
        """The rows of the canvas: ``{id, name, hint}``, top to bottom."""
        return self._lanes(self._rows())

    def _lanes(self, rows: list[dict[str, Any]]) -> list[dict[str, str]]:
        journey = self.journey
        lang = journey.language
        try:
            lanes = get_template(journey.template).lanes(lang) if journey.template else []
        except JourneyError:
            lanes = []
        names = LANE_NAMES.get(lang, LANE_NAMES["nl"])
        if not lanes:
            lanes = [{"id": lane, "name": names[lane], "hint": ""} for lane in DEFAULT_LANES]
        present = {lane["id"] for lane in lanes}
        if "data" not in present and any(text_of(r["data"]) for r in rows):
            lanes.append({"id": "data", "name": names["data"], "hint": ""})
        if "opportunities" not in present and len(journey.opportunities):
            lanes.append({"id": "opportunities", "name": names["opportunities"], "hint": ""})
        return lanes

    def curve_chart(self) -> Any:
        """The emotion curve drawn to line up with the table (an Altair chart)."""
        from .emotion import curve_chart

        return curve_chart(
            self.journey,
            [(self.persona, self.scenario)],
            step=STEP_PX,
            height=CURVE_HEIGHT,
            compact_padding=LANE_PX,
        )

    def curve_svg(self) -> str:
        """The aligned emotion curve as inline SVG; rendered again only when the journey's
        touchpoints, phases or scale changed since the last time."""
        return self._curve_svg(self._rows())

    def _curve_svg(self, rows: list[dict[str, Any]]) -> str:
        journey = self.journey
        key = repr((rows, journey.ids("phases"), journey.phases["name"].tolist(), journey.scale))
        if self._svg is None or self._svg[0] != key:
            from .export import chart_svg

            svg = _inline_svg(chart_svg(self.curve_chart()), f"kr{next(_ids)}")
            self._svg = (key, svg)
        return self._svg[1]

    def html_fragment(self, *, curve_first: bool = False) -> str:
        """The canvas as an HTML fragment with its (scoped) CSS; ``curve_first`` puts
        the emotion curve right under the phases instead of under the lanes (the wall
        does, so a room sees it without scrolling)."""
        return f"<style>{CANVAS_CSS}</style>\n{self._body(curve_first)}"

    def _repr_html_(self) -> str:
        return self.html_fragment()

    def to_html(self) -> str:
        """A complete, self-contained HTML page (A3 landscape when printed)."""
        title = escape(f"{self.journey.title} – {self._label()}")
        return (
            f'<!DOCTYPE html>\n<html lang="{escape(self.journey.language)}">\n<head>\n'
            f'<meta charset="utf-8">\n<title>{title}</title>\n'
            f"<style>{PAGE_CSS}{CANVAS_CSS}</style>\n</head>\n<body>\n{self._body()}\n</body>\n</html>\n"
        )

    def save(self, path: str | Path) -> Path:
        """Write :meth:`to_html` to ``path``."""
        path = Path(path)
        path.write_text(self.to_html(), encoding="utf-8")
        return path

    # ------------------------------------------------------------- building
    def _label(self) -> str:
        return series_labels(self.journey, [(self.persona, self.scenario)])[0]

    def _rows(self) -> list[dict[str, Any]]:
        return series_rows(self.journey, [(self.persona, self.scenario)])

    def _body(self, curve_first: bool = False) -> str:
        journey = self.journey
        t = texts(journey)
        rows = self._rows()
        layout = build_layout(journey, rows)
        by_slot = {layout.index(r["phase"], r["id"]): r for r in rows}
        spans = layout.phase_spans()
        phases = {
            pid: r for pid, r in zip(journey.phases["id"], journey.phases.to_dict("records"), strict=True)
        }
        n = len(layout.slots)
        total = LANE_PX + n * STEP_PX
        cols = [f'<col style="width:{100 * LANE_PX / total:.4f}%">'] + [
            f'<col style="width:{100 * STEP_PX / total:.4f}%">' for _ in range(n)
        ]
        head = ['<th scope="col"></th>']
        for span in spans:
            phase = phases.get(span["phase_id"], {})
            duration = text_of(phase.get("duration"))
            head.append(
                f'<th scope="col" colspan="{span["slots"]}" class="kr-phase kr-shade-{span["shade"]}">'
                f"{escape(span['phase'])}"
                + (f'<span class="kr-duration">{escape(duration)}</span>' if duration else "")
                + "</th>"
            )
        body = []
        for lane in self._lanes(rows):
            hint = f' title="{escape(lane["hint"])}"' if lane.get("hint") else ""
            cells = [f'<th scope="row"{hint}>{escape(lane["name"])}</th>']
            if lane["id"] in PHASE_LANES:
                for span in spans:
                    content = self._phase_cell(lane["id"], span, phases.get(span["phase_id"], {}), rows)
                    cells.append(f'<td colspan="{span["slots"]}">{content}</td>')
            else:
                for slot in range(n):
                    row = by_slot.get(slot)
                    if row is None:
                        cells.append('<td class="kr-empty"></td>')
                        continue
                    classes = ["kr-crucial"] if row["critical"] else []
                    if row.get("importance") == "side":
                        classes.append("kr-side")
                    cls = f' class="{" ".join(classes)}"' if classes else ""
                    cells.append(f"<td{cls}>{self._touchpoint_cell(lane['id'], row)}</td>")
            body.append(f'<tr class="kr-lane kr-lane-{escape(lane["id"])}">{"".join(cells)}</tr>')
        curve = f'<tr class="kr-curve"><td colspan="{n + 1}">{self._curve_svg(rows)}</td></tr>'
        if curve_first:
            body.insert(0, curve)
        else:
            body.append(curve)
        meta = " · ".join(
            [
                f"{escape(t['persona'])}: {escape(journey.name_of('personas', self.persona))}",
                f"{escape(t['scenario'])}: {escape(journey.name_of('scenarios', self.scenario))}",
            ]
        )
        legend = (
            f'<span class="kr-star">★</span> {escape(t["legend_crucial"])} · '
            f'<span class="kr-muted">{escape(t["legend_side"])}</span> · '
            f'<span style="color:#D55E00">◯</span> {escape(t["pain"])}'
        )
        return (
            '<div class="klantreis-canvas">\n'
            f'<h2>{escape(journey.title)}</h2>\n<p class="kr-meta">{meta}</p>\n'
            f"<table>\n<colgroup>{''.join(cols)}</colgroup>\n"
            f"<thead><tr>{''.join(head)}</tr></thead>\n"
            f"<tbody>\n{chr(10).join(body)}\n</tbody>\n</table>\n"
            f'<p class="kr-legend">{legend}</p>\n</div>'
        )

    def _touchpoint_cell(self, lane: str, row: dict[str, Any]) -> Markup:
        t = texts(self.journey)
        if lane == "touchpoints":
            star = (
                f'<span class="kr-star" title="{escape(t["crucial"])}">★ </span>' if row["critical"] else ""
            )
            tags = []
            if text_of(row["channel"]):
                tags.append(escape(row["channel"]))
            if row["online"] is not None:
                tags.append(Markup("🌐 ") + t["online"] if row["online"] else Markup("🏢 ") + t["offline"])
            if row["owned"] is not None:
                tags.append(escape(t["owned"] if row["owned"] else t["not_owned"]))
            if text_of(row["partner"]):
                tags.append(escape(f"{t['partner']}: {row['partner']}"))
            tag_html = "".join(f'<span class="kr-tag">{tag}</span>' for tag in tags)
            return Markup(f'<span class="kr-name">{star}{escape(row["name"])}</span>{tag_html}')
        if lane == "interaction":
            out = _text(row["action"])
            if text_of(row["frequency"]):
                out += Markup('<br><span class="kr-muted">⟳ ') + escape(row["frequency"]) + Markup("</span>")
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
                    + escape(point.label)
                )
            why = _text(row["why"])
            return head + (Markup("<br>") + why if why else Markup(""))
        if lane in row:
            return _text(row[lane])
        return Markup("")

    def _phase_cell(
        self, lane: str, span: dict[str, Any], phase: dict[str, Any], rows: list[dict[str, Any]]
    ) -> Markup:
        if lane == "user_goal":
            return _text(phase.get("user_goal"))
        ops = self.journey.opportunities
        ids_here = {r["id"] for r in rows if r["phase"] == span["phase_id"]}
        items = []
        for op in ops.to_dict("records"):
            if text_of(op["phase"]) == span["phase_id"] or (
                not text_of(op["phase"]) and text_of(op["touchpoint"]) in ids_here
            ):
                t = texts(self.journey)
                rating = []
                if text_of(op["impact"]):
                    rating.append(f"{t['impact'].lower()} {op['impact']}")
                if text_of(op["effort"]):
                    rating.append(f"{t['effort'].lower()} {op['effort']}")
                extra = (
                    Markup(' <span class="kr-muted">(') + escape(", ".join(rating)) + Markup(")</span>")
                    if rating
                    else Markup("")
                )
                items.append(Markup("<li>") + _text(op["description"]) + extra + Markup("</li>"))
        return Markup("<ul>") + Markup("").join(items) + Markup("</ul>") if items else Markup("")


def _text(value: Any) -> Markup:
    """Escaped text with line breaks kept."""
    return Markup("<br>").join(escape(line) for line in text_of(value).splitlines())


def _inline_svg(svg: str, prefix: str) -> str:
    """Make a vl-convert SVG fit its container (width 100 %) and give its ids a unique
    prefix, so several inline SVGs can share one page."""
    svg = re.sub(r"<\?xml[^>]*>\s*", "", svg)
    svg = re.sub(r'(<svg\b[^>]*?)\swidth="[^"]*"', r"\1", svg, count=1)
    svg = re.sub(r'(<svg\b[^>]*?)\sheight="[^"]*"', r"\1", svg, count=1)
    svg = re.sub(r'\bid="([^"]+)"', lambda m: f'id="{prefix}-{m.group(1)}"', svg)
    svg = re.sub(r"url\(#([^)]+)\)", lambda m: f"url(#{prefix}-{m.group(1)})", svg)
    svg = re.sub(r'href="#([^"]+)"', lambda m: f'href="#{prefix}-{m.group(1)}"', svg)
    return svg.replace("<svg", '<svg role="img" preserveAspectRatio="xMinYMin meet"', 1)
