"""Scenario delta: per touchpoint, how much better or worse one scenario feels than another."""

from __future__ import annotations

from typing import Any

import altair as alt

from ..errors import JourneyError
from ..model import Journey
from ._aria import described
from ._common import (
    BAND_FILLS,
    TEXTS,
    build_layout,
    js_list,
    names_of,
    no_validation,
    scale_bounds,
    scale_labels,
    select_series,
    series_rows,
    text_of,
    texts,
    unit,
    with_datasets,
)
from ._locale import localized
from .palette import BETTER, WORSE

#: Colour-blind safe: blue for better, orange for worse (Okabe-Ito), grey for equal.
DELTA_COLOURS = {"better": BETTER, "worse": WORSE}
ROW_PX = 26


def scenario_delta(
    journey: Journey,
    persona: str,
    from_scenario: str,
    to_scenario: str,
    *,
    width: int = 420,
) -> alt.LayerChart:
    """The change in emotion per touchpoint from ``from_scenario`` to ``to_scenario``
    (e.g. current -> desired) for one persona.

    Touchpoints are matched by id and listed top to bottom in journey order, with the
    phases as bands. Bars diverge from zero: blue = better, orange = worse; the text
    says by how much. Touchpoints in only one scenario are listed as "nieuw"/"new" or
    "vervallen"/"dropped", those without a score in either as "geen score"/"no score".
    Tooltips show both scores.
    """
    select_series(journey, persona, [from_scenario, to_scenario])  # checks the ids
    if from_scenario == to_scenario:
        raise JourneyError(TEXTS.msg("same_scenario"), language=journey.language)
    with no_validation():
        return _build(journey, persona, from_scenario, to_scenario, width)


def delta_rows(journey: Journey, persona: str, from_scenario: str, to_scenario: str) -> list[dict[str, Any]]:
    """One row per touchpoint id of either scenario, in journey order, with both scores,
    the change and a status: better, worse, same, new, dropped or no_score."""
    t = texts(journey)
    labels: dict[Any, str] = scale_labels(journey)  # looked up with a score or None
    before = series_rows(journey, [(persona, from_scenario)])
    after = series_rows(journey, [(persona, to_scenario)])
    old = {r["id"]: r for r in before}
    new = {r["id"]: r for r in after}
    # A touchpoint that moved phase keeps its place from the first scenario.
    placed = before + [{**r, "phase": old[r["id"]]["phase"]} if r["id"] in old else r for r in after]
    layout = build_layout(journey, placed)
    phase_names = dict(layout.phases)
    out: list[dict[str, Any]] = []
    for phase, tid in layout.slots:
        if tid is None:
            continue
        a, b = old.get(tid), new.get(tid)
        sa = a["emotion"] if a else None
        sb = b["emotion"] if b else None
        if a is None:
            status = "new"
        elif b is None:
            status = "dropped"
        elif sa is None or sb is None:
            status = "no_score"
        else:
            status = "better" if sb > sa else "worse" if sb < sa else "same"
        delta = sb - sa if sa is not None and sb is not None else None
        row = b or a or {}
        out.append(
            {
                "y": len(out),
                "id": tid,
                "touchpoint": text_of(row.get("name")) or tid,
                "phase_id": phase,
                "phase": phase_names.get(phase, phase),
                "from_score": sa,
                "to_score": sb,
                "from_label": labels.get(sa, "–"),
                "to_label": labels.get(sb, "–"),
                "delta": delta,
                "status": status,
                "status_label": t[status],
                "text": (f"{delta:+d}" if delta else "0") if delta is not None else t[status],
            }
        )
    return out


def _build(
    journey: Journey, persona: str, from_scenario: str, to_scenario: str, width: int
) -> alt.LayerChart:
    t = texts(journey)
    low, high, _ = scale_bounds(journey)
    rows = delta_rows(journey, persona, from_scenario, to_scenario)
    n = max(len(rows), 1)
    height = n * ROW_PX
    reach = max(high - low, 1)
    scenario_names = names_of(journey, "scenarios")
    from_name, to_name = scenario_names[from_scenario], scenario_names[to_scenario]

    bands: list[dict[str, Any]] = []
    for row in rows:
        if bands and bands[-1]["phase_id"] == row["phase_id"]:
            bands[-1]["y2"] = row["y"] + 0.5
        else:
            bands.append(
                {
                    "phase_id": row["phase_id"],
                    "phase": row["phase"],
                    "y": row["y"] - 0.5,
                    "y2": row["y"] + 0.5,
                    "shade": len(bands) % 2,
                }
            )
    names = js_list(r["touchpoint"] for r in rows) + "[datum.value]"
    shared = {
        "x": alt.X(
            "delta:Q",
            scale=alt.Scale(domain=[-reach - 0.6, reach + 0.6], nice=False),
            axis=alt.Axis(
                values=list(range(-reach, reach + 1)),
                title=t["change"],
                labelExpr="datum.value > 0 ? '+' + datum.value : '' + datum.value",
            ),
        ),
        "y": alt.Y(
            "y:Q",
            scale=alt.Scale(domain=[-0.5, n - 0.5], reverse=True, nice=False, zero=False),
            axis=alt.Axis(
                values=list(range(len(rows))),
                labelExpr=names,
                title=None,
                grid=False,
                ticks=False,
                domain=False,
                labelLimit=220,
                labelOverlap=False,
            ),
        ),
    }
    band_rects = unit(
        "bands",
        {"type": "rect"},
        {
            "x": alt.XValue(0),
            "x2": alt.X2Value(width),
            "y2": alt.Y2("y2:Q"),
            "fill": alt.FillValue(
                BAND_FILLS[1], condition={"test": "datum.shade == 0", "value": BAND_FILLS[0]}
            ),
        },
    )
    band_names = unit(
        "bands",
        {
            "type": "text",
            "align": "right",
            "baseline": "top",
            "dx": -4,
            "dy": 3,
            "fontSize": 10,
            "fontStyle": "italic",
            "color": "#666",
        },  # fmt: skip
        {"x": alt.XValue(width), "text": alt.Text("phase:N")},
    )
    zero = unit(
        [{"delta": 0}], {"type": "rule", "color": "#444"}, {"y": alt.YValue(0), "y2": alt.Y2Value(height)}
    )
    tooltip = [
        alt.Tooltip("touchpoint:N", title=t["touchpoint"]),
        alt.Tooltip("phase:N", title=t["phase"]),
        alt.Tooltip("from_label:N", title=from_name),
        alt.Tooltip("to_label:N", title=to_name),
        alt.Tooltip("text:N", title=t["change"]),
        alt.Tooltip("status_label:N", title=t["status"]),
    ]
    bars = unit(
        "rows",
        {"type": "bar", "height": ROW_PX * 0.6},
        {
            "x2": alt.X2Datum(0),
            "color": alt.Color(
                "status_label:N",
                scale=alt.Scale(
                    domain=[t["better"], t["worse"]],
                    range=[DELTA_COLOURS["better"], DELTA_COLOURS["worse"]],
                ),
                legend=alt.Legend(title=None, orient="bottom"),
            ),
            "tooltip": tooltip,
        },
        [{"filter": "isValid(datum.delta) && datum.delta != 0"}],
    )
    text = {"text": alt.Text("text:N"), "tooltip": tooltip}
    right = unit(
        "rows",
        {"type": "text", "align": "left", "dx": 4, "fontSize": 11},
        text,
        [{"filter": "isValid(datum.delta) && datum.delta > 0"}],
    )
    left = unit(
        "rows",
        {"type": "text", "align": "right", "dx": -4, "fontSize": 11},
        text,
        [{"filter": "isValid(datum.delta) && datum.delta < 0"}],
    )
    others = unit(
        "rows",
        {"type": "text", "align": "left", "dx": 5, "fontSize": 11, "fontStyle": "italic", "color": "#444"},
        text,
        [{"filter": "!isValid(datum.delta) || datum.delta == 0"}, {"calculate": "0", "as": "delta"}],
    )
    chart = alt.LayerChart(
        layer=[band_rects, band_names, zero, bars, right, left, others],
        encoding=alt.FacetedEncoding(**shared),
        width=width,
        height=height,
        title=alt.TitleParams(
            f"{t['scenario_delta']}: {from_name} → {to_name}",
            subtitle=names_of(journey, "personas")[persona],
            anchor="start",
        ),
        view=alt.ViewBackground(stroke=None),
    )
    return described(localized(with_datasets(chart, rows=rows, bands=bands), journey.language))
