"""The opportunity matrix: impact against effort, with the four classic quadrants."""

from __future__ import annotations

from typing import Any

import altair as alt

from ..model import Journey
from ._aria import described
from ._common import PALETTE, names_of, no_validation, shorten, text_of, texts, unit, with_datasets
from ._locale import localized
from ._placement import Box, Placer, text_size
from .palette import MUTED_TEXT

MIDPOINT = 3
#: Font size (px) of the opportunities' labels, and the radius of their points.
LABEL_FONT, POINT_RADIUS = 10, 7.5
LOWEST, HIGHEST = 1, 5


def quadrant(impact: int | None, effort: int | None) -> str | None:
    """The quadrant key of an opportunity: quick_wins (high impact, low effort),
    big_projects, fill_ins (low impact, low effort), avoid; borderline on the midline."""
    if impact is None or effort is None:
        return None
    if impact == MIDPOINT or effort == MIDPOINT:
        return "borderline"
    if impact > MIDPOINT:
        return "quick_wins" if effort < MIDPOINT else "big_projects"
    return "fill_ins" if effort < MIDPOINT else "avoid"


def opportunity_rows(
    journey: Journey, persona: str | None = None, scenario: str | None = None
) -> list[dict[str, Any]]:
    """The opportunities as plain rows, with the phase name (from the opportunity or its
    touchpoint), touchpoint name, quadrant and a short label; in file order. With
    ``persona`` (and ``scenario``): only that journey's own opportunities and those for
    every journey, with its touchpoints' names; without: all of them."""
    t = texts(journey)
    ops = journey.opportunities if persona is None else journey.opportunities_of(persona, scenario)
    tp_phase: dict[str, str] = {}
    tp_name: dict[str, str] = {}
    own: list[dict[Any, Any]] = (
        [] if persona is None else journey.journey(persona, scenario).to_dict("records")
    )
    for tp in [*journey.records("touchpoints")[::-1], *own]:  # the journey's own names win
        tp_phase[tp["id"]], tp_name[tp["id"]] = tp["phase"], tp["name"]
    phase_names = names_of(journey, "phases")
    rows = []
    for op in ops.to_dict("records"):
        impact = None if text_of(op["impact"]) == "" else int(op["impact"])
        effort = None if text_of(op["effort"]) == "" else int(op["effort"])
        touchpoint = text_of(op["touchpoint"])
        phase = text_of(op["phase"]) or tp_phase.get(touchpoint, "")
        kind = quadrant(impact, effort)
        rows.append(
            {
                "id": text_of(op["id"]),
                "description": text_of(op["description"]),
                "label": shorten(text_of(op["description"]), 32),
                "impact": impact,
                "effort": effort,
                "phase": phase_names.get(phase, phase) or "–",
                "touchpoint": text_of(tp_name.get(touchpoint, touchpoint)),
                "owner": text_of(op["owner"]),
                "status": text_of(op["status"]),
                "quadrant": kind,
                "quadrant_label": t[kind] if kind else t["unrated"].lower(),
            }
        )
    return rows


def opportunity_matrix(
    journey: Journey, persona: str | None = None, scenario: str | None = None, *, size: int = 520
) -> alt.LayerChart:
    """Opportunities by impact (y) and effort (x), both 1-5, with rules at the midpoint
    3 and the quadrants named: snelle winst / quick wins (high impact, little
    effort), grote projecten / major projects, kleine klussen / fill-ins and vermijden / avoid.

    Points are coloured by phase and labelled with the shortened description; points
    on the same spot are spread out a little. Opportunities without impact or effort
    are named in the subtitle. ``size`` is the width and height of the plot in pixels.
    ``persona`` / ``scenario``: one journey's opportunities (see :func:`opportunity_rows`).
    """
    with no_validation():
        return _build(journey, size, persona, scenario)


def _spread(rows: list[dict[str, Any]]) -> None:
    """Give points on the same (effort, impact) spot a small vertical offset each."""
    spots: dict[tuple[int, int], list[dict[str, Any]]] = {}
    for row in rows:
        spots.setdefault((row["effort"], row["impact"]), []).append(row)
    for group in spots.values():
        gap = min(0.2, 0.8 / max(len(group) - 1, 1))
        for i, row in enumerate(group):
            row["x"] = float(row["effort"])
            row["y"] = row["impact"] + (i - (len(group) - 1) / 2) * gap


def _place_labels(rows: list[dict[str, Any]], quadrants: list[dict[str, Any]], lo: float, hi: float,
                  size: int, mid: float) -> None:  # fmt: skip
    """Give each opportunity's label a spot (``label_x``/``label_y``) next to its point
    that touches no other label, point, quadrant name or the dividing lines."""
    scale = size / (hi - lo)

    def px(x: float, y: float) -> tuple[float, float]:
        return (x - lo) * scale, (hi - y) * scale

    placer = Placer(size, size)
    placer.avoid_line([px(mid, lo), px(mid, hi)], 1.5)
    placer.avoid_line([px(lo, mid), px(hi, mid)], 1.5)
    for q in quadrants:
        w, h = text_size(q["name"], 13, bold=True)
        x, y = px(q["label_x"], q["label_y"])
        placer.avoid_box(Box(x - w / 2, y - h / 2, x + w / 2, y + h / 2))
    for row in rows:
        placer.avoid_circle(*px(row["x"], row["y"]), POINT_RADIUS)
    for row in rows:
        x, y = px(row["x"], row["y"])
        w, h = text_size(row["label"], LABEL_FONT)
        box = placer.place(x, y, (w, h), POINT_RADIUS + 2) or Box(x + 9, y - h / 2, x + 9 + w, y + h / 2)
        cx, cy = box.centre
        row["label_x"], row["label_y"] = cx / scale + lo, hi - cy / scale


def _build(journey: Journey, size: int, persona: str | None, scenario: str | None) -> alt.LayerChart:
    t = texts(journey)
    rows = opportunity_rows(journey, persona, scenario)
    rated = [r for r in rows if r["quadrant"] is not None]
    unrated = [r for r in rows if r["quadrant"] is None]
    _spread(rated)
    lo, hi = LOWEST - 0.5, HIGHEST + 0.5
    mid = MIDPOINT
    domain = [lo, hi]
    ticks = list(range(LOWEST, HIGHEST + 1))
    shared = {
        "x": alt.X(
            "x:Q",
            scale=alt.Scale(domain=domain, nice=False, zero=False),
            axis=alt.Axis(values=ticks, title=t["effort"], grid=False),
        ),
        "y": alt.Y(
            "y:Q",
            scale=alt.Scale(domain=domain, nice=False, zero=False),
            axis=alt.Axis(values=ticks, title=t["impact"], grid=False),
        ),
    }
    quadrants: list[dict[str, Any]] = [
        {"key": "quick_wins", "x": lo, "x2": mid, "y": mid, "y2": hi, "tint": "#e6f2ea"},
        {"key": "big_projects", "x": mid, "x2": hi, "y": mid, "y2": hi, "tint": "#f4f4f4"},
        {"key": "fill_ins", "x": lo, "x2": mid, "y": lo, "y2": mid, "tint": "#fafafa"},
        {"key": "avoid", "x": mid, "x2": hi, "y": lo, "y2": mid, "tint": "#fbeee6"},
    ]
    for q in quadrants:
        q["name"] = t[q["key"]]
        q["label_x"] = (q["x"] + q["x2"]) / 2
        q["label_y"] = q["y2"] - 0.18 if q["y"] == mid else q["y"] + 0.18
    areas = unit(
        "quadrants",
        {"type": "rect"},
        {"x2": alt.X2("x2:Q"), "y2": alt.Y2("y2:Q"), "fill": alt.Fill("tint:N", scale=None)},
    )
    names = unit(
        "quadrants",
        {"type": "text", "fontSize": 13, "fontWeight": "bold", "color": MUTED_TEXT},
        {"text": alt.Text("name:N")},
        [{"calculate": "datum.label_x", "as": "x"}, {"calculate": "datum.label_y", "as": "y"}],
    )
    rule = {"type": "rule", "color": "#888", "strokeDash": [4, 3]}
    crossing = [{"x": mid, "y": mid}]
    vertical = unit(crossing, rule, {"y": alt.YValue(0), "y2": alt.Y2Value(size)})
    horizontal = unit(crossing, rule, {"x": alt.XValue(0), "x2": alt.X2Value(size)})
    phases = list(dict.fromkeys(r["phase"] for r in rated))
    points = unit(
        "opportunities",
        {"type": "circle", "size": 150, "opacity": 0.95, "stroke": "white", "strokeWidth": 1},
        {
            "color": alt.Color(
                "phase:N",
                scale=alt.Scale(domain=phases or ["–"], range=PALETTE),
                legend=alt.Legend(title=t["phase"], orient="right") if phases else None,
            ),
            "tooltip": [
                alt.Tooltip("description:N", title=t["opportunity"]),
                alt.Tooltip("phase:N", title=t["phase"]),
                alt.Tooltip("touchpoint:N", title=t["touchpoint"]),
                alt.Tooltip("impact:Q", title=t["impact"]),
                alt.Tooltip("effort:Q", title=t["effort"]),
                alt.Tooltip("quadrant_label:N", title=t["quadrant"]),
                alt.Tooltip("owner:N", title=t["owner"]),
                alt.Tooltip("status:N", title=t["status"]),
            ],
        },
    )
    _place_labels(rated, quadrants, lo, hi, size, mid)
    labels = unit(
        "opportunities",
        {"type": "text", "fontSize": LABEL_FONT, "color": "#333"},
        {"x": alt.X("label_x:Q"), "y": alt.Y("label_y:Q"), "text": alt.Text("label:N")},
    )
    layers = [areas, names, vertical, horizontal, points, labels]
    if unrated:
        subtitle = f"{t['unrated']}: " + "; ".join(shorten(r["description"], 40) for r in unrated)
    elif not rows:
        subtitle = t["no_opportunities"]
    else:
        subtitle = ""
    chart = alt.LayerChart(
        layer=layers,
        encoding=alt.FacetedEncoding(**shared),
        width=size,
        height=size,
        title=alt.TitleParams(t["opportunity_matrix"], subtitle=shorten(subtitle, 160), anchor="start"),
        view=alt.ViewBackground(stroke=None),
    )
    return described(
        localized(with_datasets(chart, quadrants=quadrants, opportunities=rated), journey.language)
    )
