"""The emotion curve: how each persona feels at each touchpoint, phase by phase."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import altair as alt

from ..model import Journey
from ._common import (
    BAND_FILLS,
    PAIN_COLOUR,
    PALETTE,
    STAR,
    Layout,
    build_layout,
    js_list,
    label_expr,
    no_validation,
    scale_bounds,
    scale_labels,
    select_series,
    series_labels,
    series_rows,
    texts,
    unit,
    with_datasets,
)
from ._curve_data import by_series, curve_annotations, fit_label, mark_pain, point_rows
from ._phase_marks import phase_mark_layers, phase_marks

#: Pixels per touchpoint on the x axis (the default width of the curve).
STEP = 80
#: With ``width=``: the narrowest and widest step the curve is fitted to.
MIN_STEP, MAX_STEP = 32, 200
#: Pixels per character of a phase name (11 px bold), to fit the names to their band.
CHAR_WIDTH = 6.5
#: Pixels per line of a wrapped phase name.
LINE_HEIGHT = 13


def emotion_curve(
    journey: Journey,
    persona: str | Sequence[str] | None = None,
    scenario: str | Sequence[str] | None = None,
    *,
    step: int = STEP,
    height: int = 300,
    width: int | None = None,
) -> alt.LayerChart:
    """The emotion curve of one or more journeys, touchpoints in journey order.

    ``persona`` / ``scenario``: ``None`` overlays every persona / scenario; a str or a
    list selects. Series are matched on touchpoint id within a phase, so "current" and
    "desired" share x positions. The chart shows:

    - phase bands with the phase names;
    - one line per "persona – scenario" (Okabe-Ito colours, dashes per scenario when
      several scenarios are shown), broken where a touchpoint has no emotion (a gap,
      never a zero);
    - crucial touchpoints as large stars, the others as dots;
    - pain points ringed: the lowest score of each series when it is below the middle
      of the scale;
    - "piek"/"peak" and "eind"/"end" labels for the peak-end rule: the peak is the most
      intense moment (furthest from the middle; on a tie the lower, then the earlier),
      the end is the last touchpoint with an emotion;
    - tooltips with persona, scenario, phase, touchpoint, channel, emotion, why, thoughts;
    - the overall experience of a phase, when the template asks for it (a phase field
      on the scale), as a dashed line across the phase at that score.

    ``step`` is the width in pixels per touchpoint, ``height`` the plot height.
    ``width`` (pixels) instead fits the plot to that width: the step becomes
    ``width`` divided by the number of touchpoint places (within 32 to 200). Phase
    names are never cut to fit their band: they wrap onto up to three lines.
    """
    pairs = select_series(journey, persona, scenario)
    return curve_chart(journey, pairs, step=step, height=height, width=width)


def curve_chart(
    journey: Journey,
    pairs: list[tuple[str, str]],
    *,
    step: int = STEP,
    height: int = 300,
    compact_padding: int | None = None,
    width: int | None = None,
) -> alt.LayerChart:
    """The emotion curve for explicit (persona, scenario) pairs.

    With ``compact_padding`` (pixels), the chart is drawn for the canvas: no title,
    legends or touchpoint labels, a fixed plot area of ``slots * step`` pixels and the
    y axis inside a left padding of that width, so it lines up with the table columns.
    ``width`` fits the plot to that many pixels (see :func:`emotion_curve`).
    """
    with no_validation():
        return _build_curve(journey, pairs, step, height, compact_padding, width)


def _build_curve(
    journey: Journey,
    pairs: list[tuple[str, str]],
    step: int,
    height: int,
    compact_padding: int | None,
    fit_width: int | None,
) -> alt.LayerChart:
    t = texts(journey)
    rows = series_rows(journey, pairs)
    layout = build_layout(journey, rows)
    if fit_width:
        step = max(MIN_STEP, min(MAX_STEP, fit_width // max(len(layout.slots), 1)))
    low, high, middle = scale_bounds(journey)
    labels = scale_labels(journey)
    names = series_labels(journey, pairs)
    points = point_rows(journey, rows, layout, names, t)
    groups = by_series(points)
    mark_pain(groups, middle)
    notes = curve_annotations(groups, middle, t)
    for point in points:
        del point["_series"]
    compact = compact_padding is not None

    n = len(layout.slots)
    x_scale = alt.Scale(domain=[-0.5, n - 0.5], nice=False, zero=False)
    spans = layout.phase_spans()
    for span in spans:
        span["x"] = span["start"]
        span["fill"] = BAND_FILLS[span["shade"]]
    # Constant styling comes from the data with ``scale=None`` (cheaper for Altair to
    # validate than conditions), and filtered views are separate small data sets.
    phase_labels = [
        {"x": span["middle"], "label": fit_label(span["phase"], int(span["slots"] * step / CHAR_WIDTH))}
        for span in spans
    ]
    # Room above the highest score for the phase names: more when they wrap.
    lines = max((len(p["label"]) if isinstance(p["label"], list) else 1 for p in phase_labels), default=1)
    top = high + 0.9 + (lines - 1) * LINE_HEIGHT * (high - low + 1.5) / height
    y_scale = alt.Scale(domain=[low - 0.6, top], nice=False, zero=False)
    x_axis = (
        None
        if compact
        else alt.Axis(
            values=list(range(n)),
            labelExpr=_x_label_expr(layout),
            labelAngle=-35,
            labelAlign="right",
            labelLimit=150,
            labelOverlap=False,
            grid=False,
            ticks=False,
            domain=False,
            title=None,
        )
    )
    y_axis = alt.Axis(
        values=sorted(labels),
        labelExpr=label_expr(labels),
        title=None if compact else t["emotion"],
        grid=True,
        gridDash=[2, 3],
        labelLimit=(compact_padding or 150) - 10,
        domain=False,
        ticks=False,
    )
    width = max(n, 1) * step
    # Shared x/y on the layer chart, so the (costly to validate) axes and scales are
    # written once; every data set has an ``x`` column (slot position).
    shared = {
        "x": alt.X("x:Q", scale=x_scale, axis=x_axis),
        "y": alt.Y("emotion:Q", scale=y_scale, axis=y_axis),
    }

    bands = unit(
        "phases",
        {"type": "rect", "stroke": "white", "strokeWidth": 2},
        {
            "x2": alt.X2("end:Q"),
            "y": alt.YValue(0),
            "y2": alt.Y2Value(height),
            "fill": alt.Fill("fill:N", scale=None),
            "tooltip": alt.Tooltip("phase:N", title=t["phase"]),
        },
    )
    band_labels = unit(
        "phase_labels",
        {"type": "text", "baseline": "top", "fontWeight": "bold", "fontSize": 11, "color": "#444"},
        {"y": alt.YValue(4), "text": alt.Text("label:N")},
    )

    color = alt.Color(
        "series:N",
        scale=alt.Scale(domain=names or [""], range=PALETTE),
        legend=None if compact else alt.Legend(title=t["series"], orient="bottom", columns=2, labelLimit=400),
    )
    scenarios = list(dict.fromkeys(r["scenario"] for r in points))
    line_enc: dict[str, Any] = {"color": color, "detail": alt.Detail("series:N")}
    if len(scenarios) > 1:
        line_enc["strokeDash"] = alt.StrokeDash(
            "scenario:N",
            scale=alt.Scale(domain=scenarios),
            legend=None if compact else alt.Legend(title=t["scenario"], orient="bottom", labelLimit=300),
        )
    line = unit(
        "points", {"type": "line", "strokeWidth": 2.5, "invalid": "break-paths-filter-domains"}, line_enc
    )
    pains = [
        {"x": p["x"], "emotion": p["emotion"], "marker": t["pain"], "series": p["series"]}
        for p in points
        if p["pain"]
    ]
    rings = unit(
        "pains",
        {"type": "point", "filled": False, "size": 520, "strokeWidth": 2.5, "opacity": 1},
        {
            "stroke": alt.Stroke(
                "marker:N",
                scale=alt.Scale(domain=[t["pain"]], range=[PAIN_COLOUR]),
                legend=None if compact else alt.Legend(title=None, orient="bottom"),
            )
        },
    )
    dots = unit(
        "points",
        # invalid="filter": touchpoints without an emotion get no dot (the line breaks)
        {
            "type": "point",
            "filled": True,
            "opacity": 1,
            "stroke": "white",
            "strokeWidth": 1,
            "invalid": "filter",
        },  # fmt: skip
        {
            "color": alt.Color("series:N"),
            "shape": alt.Shape(
                "kind:N",
                scale=alt.Scale(domain=[t["regular"], t["crucial"]], range=["circle", STAR]),
                legend=None if compact else alt.Legend(title=t["touchpoint_kind"], orient="bottom"),
            ),
            "size": alt.Size("size:Q", scale=None),
            "tooltip": [
                alt.Tooltip(f"{name}:N", title=t[key])
                for name, key in (
                    ("persona", "persona"),
                    ("scenario", "scenario"),
                    ("phase", "phase"),
                    ("touchpoint", "touchpoint"),
                    ("channel", "channel"),
                    ("emotion_label", "emotion"),
                    ("why", "why"),
                    ("thoughts", "thoughts"),
                )
            ],
        },
    )
    note_text = unit(
        "notes",
        {"type": "text", "dy": -20, "fontSize": 11, "fontWeight": "bold", "color": "#222"},
        {"text": alt.Text("text:N"), "tooltip": alt.Tooltip("series:N", title=t["series"])},
    )
    marks = phase_marks(journey, spans)  # the overall experience per phase, if asked for
    layers = [bands, band_labels, *(phase_mark_layers(compact, t) if marks else []),
              line, rings, dots, note_text]  # fmt: skip
    if not points:
        layers.append(
            unit(
                [{"text": t["no_touchpoints"]}],
                {"type": "text", "fontSize": 14, "color": "#777"},
                {"x": alt.XValue(width / 2), "y": alt.YValue(height / 2), "text": alt.Text("text:N")},
            )
        )

    chart: dict[str, Any] = {
        "encoding": alt.FacetedEncoding(**shared),
        "width": width,
        "height": height,
        "view": alt.ViewBackground(stroke=None),
    }
    if compact:
        chart["autosize"] = alt.AutoSizeParams(type="none")
        chart["padding"] = {"left": compact_padding, "right": 0, "top": 6, "bottom": 6}
    else:
        subtitle = names[0] if len(names) == 1 else f"{len(names)} × {t['series'].lower()}"
        chart["title"] = alt.TitleParams(t["emotion_curve"], subtitle=subtitle, anchor="start")
    return with_datasets(
        alt.LayerChart(layer=layers, **chart),
        phases=spans,
        phase_labels=phase_labels,
        points=points,
        pains=pains,
        notes=notes,
        **({"phase_marks": marks} if marks else {}),
    )


def _x_label_expr(layout: Layout) -> str:
    names = [layout.names.get((p, tid), "") if tid else "" for p, tid in layout.slots]
    return js_list(names) + "[datum.value]"
