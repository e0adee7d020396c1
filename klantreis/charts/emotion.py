"""The emotion curve: how each persona feels at each touchpoint, phase by phase."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import altair as alt

from ..model import Journey
from ._aria import described
from ._common import (
    BAND_FILLS,
    PAGE_WIDTH,
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
from ._curve_data import CRUCIAL_SIZE, DOT_SIZE, by_series, curve_annotations, mark_pain, point_rows
from ._curve_reach import reach_overlay, with_reach_key
from ._curve_rows import (
    DOT_RADIUS,
    LINE_HEIGHT,
    RING_RADIUS,
    STAR_RADIUS,
    LabelStyle,
    Overlay,
    RowFrame,
    RowPlacer,
    axis_room,
    cut,
    fit_rows,
    phase_heads,
    y_domain,
)
from ._locale import localized
from ._phase_marks import phase_mark_layers, phase_marks
from .describe import curve_description
from .palette import MUTED_TEXT

#: Pixels per touchpoint of a curve drawn with a fixed ``step`` (the canvas's is its own).
STEP = 80
#: With ``width=``: the narrowest and widest step the curve is fitted to.
MIN_STEP, MAX_STEP = 32, 200
#: Room (px) right of the plot.
RIGHT_PAD = 8
#: Phase names (bold) and the phase's overall experience (italic) in the heads.
NAME_FONT, NOTE_FONT = 11, 11


def emotion_curve(
    journey: Journey,
    persona: str | Sequence[str] | None = None,
    scenario: str | Sequence[str] | None = None,
    *,
    step: int | None = None,
    height: int = 300,
    width: int | None = None,
) -> alt.LayerChart | alt.VConcatChart:
    """The emotion curve of one or more journeys, touchpoints in journey order.

    ``persona`` / ``scenario``: ``None`` overlays every persona / scenario; a str or a
    list selects. Series are matched on touchpoint id within a phase, so "current" and
    "desired" share x positions. The chart shows:

    - phase bands with the phase names and, when the template asks for it (a phase
      field on the scale), the phase's overall experience under the name and as a
      dashed line across the phase at that score ("fase als geheel" in the legend);
    - one line per "persona – scenario" (Okabe-Ito colours, dashes per scenario when
      several scenarios are shown), broken where a touchpoint has no emotion (a gap,
      never a zero);
    - crucial touchpoints as large stars, the others as dots;
    - pain points ringed: the lowest score of each series when that level is a
      problem on the scale (by what the template says its levels mean);
    - "piek"/"peak" and "eind"/"end" labels for the peak-end rule: the peak is the most
      intense moment (furthest from where the scale turns from problem to fine; on a
      tie the lower, then the earlier), named "dal"/"low" when it is a problem; the end is the last touchpoint
      with an emotion. Labels are placed where they touch no line, point or other
      label, and stay inside the plot; the subtitle explains them;
    - tooltips with persona, scenario, phase, touchpoint, channel, emotion, why, thoughts.

    The curve fits ``width`` pixels (default: a report page, 1000 px, axis included;
    given, ``width`` is the plot's width): the step per touchpoint is the width
    divided by the touchpoints (within 32 to 200 px), and a long journey goes on
    over more rows, broken between phases, rather than getting narrower than 36 px a
    touchpoint. ``step`` instead draws a fixed number of pixels per touchpoint on
    one row. ``height`` is the plot height (per row). Phase names are never cut to
    fit their band: they wrap onto up to three lines. Numbers follow the journey's
    language.
    """
    pairs = select_series(journey, persona, scenario)
    reach = reach_overlay(journey, *pairs[0], height) if len(pairs) == 1 else None
    chart = curve_chart(journey, pairs, step=step, height=height, width=width, overlay=reach and reach[0])
    return with_reach_key(chart, *reach[1:]) if reach else chart


def curve_chart(
    journey: Journey,
    pairs: list[tuple[str, str]],
    *,
    step: int | None = None,
    height: int = 300,
    compact_padding: int | None = None,
    width: int | None = None,
    overlay: Overlay | None = None,
) -> alt.LayerChart | alt.VConcatChart:
    """The emotion curve for explicit (persona, scenario) pairs (see
    :func:`emotion_curve`; ``overlay`` adds layers, e.g. the evidence).

    With ``compact_padding`` (pixels), the chart is drawn for the canvas: no title,
    legends, touchpoint labels or labels in the plot, a fixed plot area of
    ``slots * step`` pixels (``step`` default 80) and the y axis inside a left padding
    of that width, so it lines up with the table columns.
    """
    with no_validation():
        return _build_curve(journey, pairs, step, height, compact_padding, width, overlay)


def default_plot_width(journey: Journey) -> int:
    """The plot width that makes a curve of ``journey`` as wide as a report page."""
    return PAGE_WIDTH - axis_room(list(scale_labels(journey).values())) - RIGHT_PAD


def _build_curve(
    journey: Journey,
    pairs: list[tuple[str, str]],
    step: int | None,
    height: int,
    compact_padding: int | None,
    fit_width: int | None,
    overlay: Overlay | None,
) -> alt.LayerChart | alt.VConcatChart:
    t = texts(journey)
    compact = compact_padding is not None
    rows = series_rows(journey, pairs)
    layout = build_layout(journey, rows)
    names = series_labels(journey, pairs)
    points = point_rows(journey, rows, layout, names, t)
    groups = by_series(points)
    mark_pain(groups, journey.scale)
    notes = curve_annotations(groups, journey.scale, t)
    n = len(layout.slots)
    if compact or step:
        step, ranges = step or STEP, [(0, n)]
    else:
        step, ranges = fit_rows(layout, fit_width or default_plot_width(journey), MIN_STEP, MAX_STEP)
    spans = layout.phase_spans()
    for span in spans:
        span["x"] = span["start"]
        span["fill"] = BAND_FILLS[span["shade"]]
    data: dict[str, list[dict[str, Any]]] = {
        "phases": spans,
        "points": points,
        "pains": [
            {
                "x": p["x"],
                "emotion": p["_value"],
                "marker": t["pain"],
                "series": p["series"],
                "measured": p["_measured"],
            }
            for p in points
            if p["pain"]
        ],  # fmt: skip
        "notes": notes,
        "phase_marks": phase_marks(journey, spans),  # the overall experience per phase, if asked for
        **(overlay.datasets if overlay else {}),
    }
    for point in points:
        del point["_series"], point["_value"], point["_measured"]
    scenarios = list(dict.fromkeys(r["scenario"] for r in points))
    charts = []
    for number, (start, stop) in enumerate(ranges):
        suffix = "" if len(ranges) == 1 else f"-{number + 1}"
        part = {name: cut(values, start, stop) for name, values in data.items()}
        # every row has the shared legends (Vega-Lite draws them once for all rows); the
        # dashes' own legends (resolved per row) go with the last row only
        last = number == len(ranges) - 1
        row_chart, part = _row(journey, t, part, layout, (start, stop), step, height, compact_padding,
                           names, scenarios, legends=not compact, overlay=overlay, suffix=suffix,
                           dash_legends=last and not compact)  # fmt: skip
        charts.append((row_chart, {f"{name}{suffix}": values for name, values in part.items()}))
    subtitle = names[0] if len(names) == 1 else f"{len(names)} × {t['series'].lower()}"
    kinds = {kind for note in notes for kind in note["kinds"]}
    key = " · ".join(t[f"key_{k}"] for k in ("peak", "low", "end") if k in kinds)
    title = alt.TitleParams(t["emotion_curve"], subtitle=[subtitle, f"{key} · {t['key_bands']}" if key
                                                          else t["key_bands"]], anchor="start")  # fmt: skip
    chart: alt.LayerChart | alt.VConcatChart
    if len(charts) == 1:
        chart, datasets = charts[0]
        if not compact:
            chart.title = title
    else:
        datasets = {name: rows for _, part in charts for name, rows in part.items()}
        chart = alt.VConcatChart(title=title, spacing=24)
        chart.vconcat = [c for c, _ in charts]  # as the rows' layers: no copies needed
    chart = localized(with_datasets(chart, **datasets), journey.language)
    return described(chart, curve_description(journey, pairs))


def _row(
    journey: Journey,
    t: dict[str, str],
    data: dict[str, list[dict[str, Any]]],
    layout: Layout,
    slots: tuple[int, int],
    step: int,
    height: int,
    compact_padding: int | None,
    names: list[str],
    scenarios: list[str],
    *,
    legends: bool,
    overlay: Overlay | None,
    suffix: str,
    dash_legends: bool,
) -> tuple[alt.LayerChart, dict[str, list[dict[str, Any]]]]:
    """One row of the curve (slots ``start`` to ``stop``) and its data sets."""
    start, stop = slots
    compact = compact_padding is not None
    low, high, _ = scale_bounds(journey)
    labels = scale_labels(journey)
    spans = data["phases"]
    heads, overall, name_lines, overall_lines = (  # on the canvas, its table heads name the phases
        ([], [], 0, 0) if compact else phase_heads(spans, data["phase_marks"], step, t["continued"])
    )
    head = 6 + name_lines * LINE_HEIGHT + overall_lines * LINE_HEIGHT
    bottom, top = y_domain(low, high, height, head, overlay.bottom if overlay else 0)
    frame = RowFrame(start, stop, step, height, head, bottom, top)
    data["phase_labels"] = heads
    data["phase_overall"] = overall
    data["notes"] = [] if compact else data["notes"]  # cut columns could cut a label in two
    placer = RowPlacer(frame)
    _avoid_curve(placer, data)
    if overlay:
        overlay.avoid(placer, data)
    data["notes"] = placer.place(data["notes"], LabelStyle(11, bold=True, clearance=4), RING_RADIUS)
    for labelled, (field_name, style, radius) in overlay.labels.items() if overlay else []:
        data[labelled] = placer.place(data[labelled], style, radius, field_name)
    n = stop - start
    width = max(n, 1) * step

    def name(dataset: str) -> str:
        return f"{dataset}{suffix}"

    room = axis_room(list(labels.values()))
    x_axis = None if compact else alt.Axis(
        values=list(range(start, stop)), labelExpr=_x_label_expr(layout), labelAngle=-35, labelAlign="right",
        labelLimit=min(150, int((room + step / 2) / 0.82)), labelOverlap=False, grid=False, ticks=False,
        domain=False, title=None,
    )  # fmt: skip
    y_axis = alt.Axis(
        values=sorted(labels), labelExpr=label_expr(labels), title=None if compact else t["emotion"],
        grid=True, gridDash=[2, 3], labelLimit=(compact_padding or 150) - 10, domain=False, ticks=False,
    )  # fmt: skip
    shared = {
        "x": alt.X("x:Q", scale=alt.Scale(domain=[start - 0.5, stop - 0.5], nice=False, zero=False),
                   axis=x_axis),
        "y": alt.Y("emotion:Q", scale=alt.Scale(domain=[bottom, top], nice=False, zero=False), axis=y_axis),
    }  # fmt: skip
    overall_y = 4 + name_lines * LINE_HEIGHT
    layers = _layers(t, name, height, overall_y, names, scenarios, (legends, dash_legends), compact,
                     bool(data["phase_marks"]))  # fmt: skip
    if overlay:
        layers += overlay.layers(name, step, dash_legends)
    if not data["points"] and not compact and start == 0:
        layers.append(unit(
            [{"text": t["no_touchpoints"]}], {"type": "text", "fontSize": 14, "color": MUTED_TEXT},
            {"x": alt.XValue(width / 2), "y": alt.YValue((head + height) / 2), "text": alt.Text("text:N")},
        ))  # fmt: skip
    top_level: dict[str, Any] = {
        "encoding": alt.FacetedEncoding(**shared),
        "width": width,
        "height": height,
        "view": alt.ViewBackground(stroke=None),
        # scenario dashes, the phases' dashed line and the evidence's each keep their legend
        "resolve": alt.Resolve(
            scale=alt.ScaleResolveMap(strokeDash="independent"),
            legend=alt.LegendResolveMap(strokeDash="independent"),
        ),
    }
    if compact:
        top_level["autosize"] = alt.AutoSizeParams(type="none")
        top_level["padding"] = {"left": compact_padding, "right": 0, "top": 6, "bottom": 6}
    if not data["phase_marks"]:  # no phase asks for it: no data sets for it either
        del data["phase_marks"], data["phase_overall"]
    chart = alt.LayerChart(**top_level)
    # The layers' own data, no params, no sizes: what LayerChart(layer=...) would move
    # up or merge there is nothing to; so the layers go in without its deep copies.
    chart.layer = layers
    return chart, data


def _avoid_curve(placer: RowPlacer, data: dict[str, list[dict[str, Any]]]) -> None:
    """What the curve's own labels must keep off: the lines, points, rings and the
    dashed lines of the phases."""
    placer.avoid_lines(data["points"], "series", 2.5)
    placer.avoid_points(data["points"], lambda p: STAR_RADIUS if p["crucial"] else DOT_RADIUS)
    placer.avoid_points(data["pains"], lambda p: RING_RADIUS)
    for mark in data["phase_marks"]:
        placer.avoid_rule(mark["x"], mark["emotion"], mark["end"], mark["emotion"], 3)


def _layers(
    t: dict[str, str],
    name: Callable[[str], str],
    height: int,
    overall_y: int,
    names: list[str],
    scenarios: list[str],
    legends: tuple[bool, bool],
    compact: bool,
    with_marks: bool,
) -> list[Any]:
    """The layers of one row of the curve (data sets named through ``name``);
    ``legends``: whether the row has the shared legends, and the dashes' legends."""

    def legend(**options: Any) -> alt.Legend | None:
        return alt.Legend(orient="bottom", **options) if legends[0] else None

    bands = unit(
        name("phases"),
        {"type": "rect", "stroke": "white", "strokeWidth": 2},
        {"x2": alt.X2("end:Q"), "y": alt.YValue(0), "y2": alt.Y2Value(height),
         "fill": alt.Fill("fill:N", scale=None), "tooltip": alt.Tooltip("phase:N", title=t["phase"])},
    )  # fmt: skip
    head_style = {"type": "text", "baseline": "top", "fontSize": NAME_FONT, "lineHeight": LINE_HEIGHT}
    band_labels = unit(
        name("phase_labels"), {**head_style, "fontWeight": "bold", "color": "#444"},
        {"y": alt.YValue(4), "text": alt.Text("label:N")},
    )  # fmt: skip
    color = alt.Color(
        "series:N", scale=alt.Scale(domain=names or [""], range=PALETTE),
        legend=legend(title=t["series"], columns=1, labelLimit=320),
    )  # fmt: skip
    line_enc: dict[str, Any] = {"color": color, "detail": alt.Detail("series:N")}
    if len(scenarios) > 1:
        line_enc["strokeDash"] = alt.StrokeDash(
            "scenario:N",
            scale=alt.Scale(domain=scenarios),
            legend=alt.Legend(orient="bottom", title=t["scenario"], labelLimit=240, columns=1)
            if legends[1]
            else None,
        )
    line = unit(
        name("points"),
        {"type": "line", "strokeWidth": 2.5, "invalid": "break-paths-filter-domains"},
        line_enc,
    )
    rings = unit(
        name("pains"),
        {"type": "point", "filled": False, "size": 520, "strokeWidth": 2.5, "opacity": 1},
        {"stroke": alt.Stroke("marker:N", scale=alt.Scale(domain=[t["pain"]], range=[PAIN_COLOUR]),
                              legend=legend(title=None))},
    )  # fmt: skip
    tooltip = [
        alt.Tooltip(f"{field_name}:N", title=t[key])
        for field_name, key in (
            ("persona", "persona"), ("scenario", "scenario"), ("phase", "phase"),
            ("touchpoint", "touchpoint"), ("channel", "channel"), ("emotion_label", "emotion"),
            ("why", "why"), ("thoughts", "thoughts"),
        )
    ]  # fmt: skip
    kinds = [t["regular"], t["crucial"]]
    dots = unit(
        name("points"),
        # invalid="filter": touchpoints without an emotion get no dot (the line breaks)
        {"type": "point", "filled": True, "opacity": 1, "stroke": "white", "strokeWidth": 1,
         "invalid": "filter"},
        {"color": alt.Color("series:N"),
         # one legend for shape and size: its symbols are the marks (small dot, large star)
         "shape": alt.Shape("kind:N", legend=legend(title=t["touchpoint_kind"]),
                            scale=alt.Scale(domain=kinds, range=["circle", STAR])),
         "size": alt.Size("kind:N", legend=legend(title=t["touchpoint_kind"]),
                          scale=alt.Scale(domain=kinds, range=[DOT_SIZE, CRUCIAL_SIZE])),
         "tooltip": tooltip},
    )  # fmt: skip
    layers = [bands, band_labels]
    if with_marks:
        if not compact:
            layers.append(unit(
                name("phase_overall"), {**head_style, "fontStyle": "italic", "color": "#444"},
                {"y": alt.YValue(overall_y), "text": alt.Text("label:N")},
            ))  # fmt: skip
        layers += phase_mark_layers(name("phase_marks"), legends[1], t)
    layers += [line, rings, dots]
    # the peak-end labels (on the canvas too)
    layers.append(unit(
        name("notes"), {"type": "text", "baseline": "top", "fontSize": 11, "fontWeight": "bold",
                        "color": "#222"},
        {"x": alt.X("label_x:Q"), "y": alt.Y("label_y:Q"), "text": alt.Text("text:N"),
         "tooltip": alt.Tooltip("series:N", title=t["series"])},
    ))  # fmt: skip
    return layers


def _x_label_expr(layout: Layout) -> str:
    names = [layout.names.get((p, tid), "") if tid else "" for p, tid in layout.slots]
    return js_list(names) + "[datum.value]"
