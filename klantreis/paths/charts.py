"""Charts of observed paths (Altair specs; no external service):

- :func:`reach_chart`: the map's touchpoints in the map's order with the share of cases
  reaching each (a funnel that keeps the map's order, not the order of the counts);
- :func:`flow_chart`: the main observed steps as arcs between touchpoints on the map's
  line, width by count; steps along the map above the line in blue, deviating steps
  (backwards, or past a main touchpoint) below it in a second colour;
- :func:`deviation_chart`: the four classes as bars with their counts.

Each takes the stored figures of one persona (:func:`klantreis.paths.stored_paths`)
and the journey (for names); tests assert on the data and encodings.
"""

from __future__ import annotations

import json
import math
from typing import Any

import altair as alt

from ..charts._common import PAGE_WIDTH, PAIN_COLOUR, PALETTE
from ..messages import Catalog
from ..model import Journey
from .compute import CLASSES
from .stored import map_order, touchpoint_names

ON_MAP, OFF_MAP = PALETTE[0], PAIN_COLOUR
#: How many steps the flow chart draws at most (the most frequent).
TOP_FLOWS = 25
#: Pixels left of the plot that the first slanted name may take (the charts' width
#: leaves them free, so chart and names fit the page's width).
LEFT_ROOM = 170
#: The longest name drawn in full (longer ones end in "…").
NAME_LIMIT = 220
#: The distance between two neighbouring names across their slant (a line of 10 px type).
NAME_GAP = 14
SLANT = 35

TEXTS = Catalog("paths_charts", {
    "reach_title": ("Wie komt waar: aandeel klantreizen per touchpoint",
                    "Who gets where: share of cases per touchpoint"),
    "flow_title": ("Gevolgde stappen (dikte: aantal)", "Steps taken (width: count)"),
    "class_title": ("Afwijkingen van de kaart", "Deviations from the map"),
    "touchpoint": ("Touchpoint", "Touchpoint"),
    "share": ("Aandeel", "Share"),
    "reached": ("Bereikt", "Reached"),
    "count": ("Aantal", "Count"),
    "kind": ("Soort stap", "Kind of step"),
    "along": ("volgens de kaart", "along the map"),
    "deviating": ("afwijkend", "deviating"),
    "class": ("Klasse", "Class"),
    "class_conforming": ("volgt de kaart", "follows the map"),
    "class_missing": ("slaat over", "skips"),
    "class_irregular": ("andere volgorde", "other order"),
    "class_adhoc": ("buiten de kaart", "off the map"),
})  # fmt: skip


def _t(code: str, language: str) -> str:
    return TEXTS.text(code, language)


def along_map(source: str, target: str, order: list[str], main: set[str], observed: set[str]) -> bool:
    """Whether a step follows the map: forward, passing no main touchpoint that events
    show (one the log could have seen being skipped)."""
    a, b = order.index(source), order.index(target)
    return b > a and not any(t in main and t in observed for t in order[a + 1 : b])


def name_axis(count: int, width: float) -> dict[str, Any]:
    """Axis properties that name every one of ``count`` touchpoints ``width`` px apart in
    all: slanted where neighbours are far enough apart, upright where they are close;
    never leaving names out (Vega's overlap removal would keep only a few of them)."""
    step = width / max(count, 1)
    slanted = step * math.sin(math.radians(SLANT)) >= NAME_GAP
    angle = -SLANT if slanted else -90
    # the first name may reach LEFT_ROOM px left of the plot, half a step from the edge
    reach = (LEFT_ROOM + step / 2) / math.cos(math.radians(SLANT)) if slanted else NAME_LIMIT
    upright: dict[str, Any] = {} if slanted else {"title": None}  # Vega would draw it on the names
    return {
        **upright,
        "labelAngle": angle,
        "labelAlign": "right",
        "labelBaseline": "top" if slanted else "middle",
        "labelLimit": int(min(NAME_LIMIT, reach)),
        "labelOverlap": False,
        "labelFontSize": 10,
    }


def reach_chart(figures: dict[str, Any], journey: Journey, persona: str, scenario: str) -> alt.Chart:
    """Bars of the share of cases reaching each observable touchpoint, in map order."""
    lang = journey.language
    names = touchpoint_names(journey, persona, scenario)
    rows = [
        {"step": i + 1, "touchpoint": tp["id"], "name": names[tp["id"]], "share": tp["share"],
         "reached": tp["reached"]}
        for i, tp in enumerate(figures["touchpoints"])
    ]  # fmt: skip
    order = [r["name"] for r in rows]
    width = min(PAGE_WIDTH - LEFT_ROOM, 90 * max(len(rows), 3))
    base = alt.Chart(alt.Data(values=rows)).encode(
        x=alt.X(
            "name:N", sort=order, title=_t("touchpoint", lang), axis=alt.Axis(**name_axis(len(rows), width))
        ),
        # room above 100 % for the bar's label, ticks only up to 100 %
        y=alt.Y(
            "share:Q",
            title=_t("share", lang),
            axis=alt.Axis(format="%", values=[0, 0.25, 0.5, 0.75, 1]),
            scale=alt.Scale(domain=[0, 1.15], nice=False),
        ),
    )
    bars = base.mark_bar(color=ON_MAP).encode(
        tooltip=[
            alt.Tooltip("name:N", title=_t("touchpoint", lang)),
            alt.Tooltip("reached:Q", title=_t("reached", lang)),
            alt.Tooltip("share:Q", title=_t("share", lang), format=".0%"),
        ]  # fmt: skip
    )
    labels = base.mark_text(dy=-6, baseline="bottom").encode(text=alt.Text("share:Q", format=".0%"))
    return (bars + labels).properties(title=_t("reach_title", lang), width=width)


def flow_rows(figures: dict[str, Any], journey: Journey, persona: str, scenario: str) -> list[dict[str, Any]]:
    """Three points per step (start, top of the arc, end) for the :func:`flow_chart`."""
    order, main = map_order(journey, persona, scenario)
    observed = {tp["id"] for tp in figures["touchpoints"]}
    rows = []
    for k, f in enumerate(figures["follows"][:TOP_FLOWS]):
        a, b = order.index(f["from"]), order.index(f["to"])
        along = along_map(f["from"], f["to"], order, main, observed)
        height = (1 if along else -1) * (0.3 + 0.25 * abs(b - a))
        for point, (x, y) in enumerate(((a, 0.0), ((a + b) / 2, height), (b, 0.0))):
            rows.append({"flow": k, "point": point, "x": x, "y": y, "from": f["from"], "to": f["to"],
                         "count": f["count"], "along": along})  # fmt: skip
    return rows


def flow_chart(figures: dict[str, Any], journey: Journey, persona: str, scenario: str) -> alt.LayerChart:
    """The observed steps as arcs over the map's line of touchpoints (see module doc)."""
    lang = journey.language
    order, _ = map_order(journey, persona, scenario)
    names = touchpoint_names(journey, persona, scenario)
    rows = flow_rows(figures, journey, persona, scenario)
    for r in rows:
        r["kind"] = _t("along" if r["along"] else "deviating", lang)
    nodes = [{"x": i, "y": 0.0, "name": names[tp], "touchpoint": tp} for i, tp in enumerate(order)]
    kinds = [_t("along", lang), _t("deviating", lang)]
    # the touchpoints' names on the x axis under the arcs (slanted, as in the reach
    # chart, or upright when many), so they never sit on an arc or on each other
    width = min(PAGE_WIDTH - LEFT_ROOM, 110 * max(len(order), 3))
    x_axis = alt.X(
        "x:Q",
        title=_t("touchpoint", lang),
        scale=alt.Scale(domain=[-0.5, len(order) - 0.5], nice=False, zero=False),
        axis=alt.Axis(
            values=list(range(len(order))),
            labelExpr=f"{json.dumps([n['name'] for n in nodes], ensure_ascii=False)}[datum.value]",
            grid=False,
            **name_axis(len(order), width),
        ),
    )
    arcs = (
        alt.Chart(alt.Data(values=rows))
        .mark_line(interpolate="basis", opacity=0.9)  # 3:1 on white, also off the map
        .encode(
            x=x_axis,
            y=alt.Y("y:Q", axis=None),
            detail="flow:N",
            order="point:Q",
            # legends above the plot, so the chart keeps the page's width (as the reach chart)
            strokeWidth=alt.StrokeWidth(
                "count:Q",
                title=_t("count", lang),
                scale=alt.Scale(range=[1, 14]),
                legend=alt.Legend(orient="top"),
            ),
            color=alt.Color(
                "kind:N",
                title=_t("kind", lang),
                scale=alt.Scale(domain=kinds, range=[ON_MAP, OFF_MAP]),
                legend=alt.Legend(orient="top"),
            ),
            tooltip=["from:N", "to:N", alt.Tooltip("count:Q", title=_t("count", lang))],
        )
    )
    dots = (
        alt.Chart(alt.Data(values=nodes))
        .mark_circle(size=120, color="#333333")
        .encode(x=x_axis, y=alt.Y("y:Q", axis=None))
    )
    return (arcs + dots).properties(title=_t("flow_title", lang), width=width, height=260)


def deviation_chart(figures: dict[str, Any], language: str) -> alt.Chart:
    """The four classes as horizontal bars with their counts."""
    rows = [
        {"class": c, "label": _t(f"class_{c}", language), "cases": figures["deviations"][c]} for c in CLASSES
    ]
    colours = [ON_MAP, OFF_MAP, OFF_MAP, OFF_MAP]
    base = alt.Chart(alt.Data(values=rows)).encode(
        y=alt.Y("label:N", sort=[r["label"] for r in rows], title=_t("class", language)),
        # room right of the longest bar for its count
        x=alt.X(
            "cases:Q",
            title=_t("count", language),
            scale=alt.Scale(domain=[0, max(1, *(r["cases"] for r in rows)) * 1.2], nice=False),
        ),
    )
    bars = base.mark_bar().encode(
        color=alt.Color(
            "label:N", legend=None, scale=alt.Scale(domain=[r["label"] for r in rows], range=colours)
        )
    )
    labels = base.mark_text(align="left", dx=4).encode(text="cases:Q")
    return (bars + labels).properties(title=_t("class_title", language), width=420)
