"""The channel map: which channels are used in which phase, how often, and how they feel."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import altair as alt

from ..errors import JourneyError
from ..model import Journey
from ..templates import get_template
from ._aria import described
from ._common import (
    js_list,
    js_string,
    label_expr,
    names_of,
    no_validation,
    scale_bounds,
    scale_labels,
    select_series,
    series_rows,
    shorten,
    text_of,
    texts,
    unit,
    with_datasets,
)
from ._locale import localized
from .palette import WARNING_TEXT

MARKERS = {"online": "🌐", "offline": "🏢", "mixed": "🌐🏢", "unknown": "·"}


def channel_map(
    journey: Journey,
    persona: str | Sequence[str] | None = None,
    scenario: str | Sequence[str] | None = None,
    *,
    cell: int = 78,
) -> alt.LayerChart:
    """Channels (rows) x phases (columns) of the selected journeys.

    Each cell shows the number of touchpoints (text) and their mean emotion (colour,
    diverging orange-blue, turning where the scale's problems end (see
    :attr:`klantreis.scale.Scale.balance`); grey when none is scored).
    Rows are labelled 🌐 online / 🏢 offline (🌐🏢 mixed); the "Soort"/"Kind" column says
    online/offline and owned/not owned (with partners) in words, and the "Totaal" column
    sums each channel over all phases. Channels of little value are printed bold in
    orange; value comes from what the team says, never from how often a channel is
    used (a channel used less can still matter): a mean emotion that is a problem on
    the journey's scale (by what its levels mean: Flanders' "voldoende" passes), or
    the channel named in the answer to the template's review question about channels
    that give little value (see :func:`named_low_value`). Phases
    without any touchpoint are marked "(leeg)" and stay as an empty column.
    ``persona``/``scenario``: ``None`` = all, or a str / list.
    """
    pairs = select_series(journey, persona, scenario)
    with no_validation():
        return _build(journey, pairs, cell)


def _build(journey: Journey, pairs: list[tuple[str, str]], cell: int) -> alt.LayerChart:
    t = texts(journey)
    low, high, _ = scale_bounds(journey)
    middle = journey.scale.balance
    labels = scale_labels(journey)
    rows = series_rows(journey, pairs)
    phase_ids = journey.ids("phases")
    phase_names = names_of(journey, "phases")
    channels: dict[str, dict[str, Any]] = {}
    for row in rows:
        name = text_of(row["channel"]) or t["no_channel"]
        info = channels.setdefault(
            name.casefold(), {"name": name, "online": set(), "owned": set(), "partners": [], "rows": []}
        )
        info["rows"].append(row)
        if row["online"] is not None:
            info["online"].add(bool(row["online"]))
        if row["owned"] is not None:
            info["owned"].add(bool(row["owned"]))
        partner = text_of(row["partner"])
        if partner and partner not in info["partners"]:
            info["partners"].append(partner)

    named = named_low_value(journey, [c["name"] for c in channels.values()])
    used_phases = {r["phase"] for r in rows}
    phase_label: dict[str, str] = {}
    for pid in phase_ids:
        name, number = phase_names[pid], 2
        while name in phase_label.values():  # two phases with one name stay apart
            name, number = f"{phase_names[pid]} ({number})", number + 1
        phase_label[pid] = name
    total_col = t["total"]
    columns = [*(phase_label[p] for p in phase_ids), total_col]

    cells: list[dict[str, Any]] = []
    row_labels: list[str] = []
    low_value: list[str] = []
    second_line: dict[str, str] = {}
    for info in channels.values():
        marker = _marker(info["online"])
        label = f"{MARKERS[marker]} {info['name']}"
        row_labels.append(label)
        kind = _kind_text(info, marker, t)
        second_line[label] = kind
        for pid in phase_ids:
            here = [r for r in info["rows"] if r["phase"] == pid]
            cells.append(_cell(label, phase_label[pid], here, kind, labels, t, "phase"))
        total = _cell(label, total_col, info["rows"], kind, labels, t, "total")
        cells.append(total)
        mean = total["mean"]
        if journey.scale.is_problem(mean) or info["name"] in named:
            low_value.append(label)
    if not row_labels:
        row_labels = [t["no_touchpoints"]]
    empty_cols = [phase_label[p] for p in phase_ids if p not in used_phases]
    is_empty_col = _listed(empty_cols)
    is_low_value = _listed(low_value)

    x = alt.X(
        "column:N",
        scale=alt.Scale(domain=columns),
        axis=alt.Axis(
            orient="top",
            labelAngle=0,
            labelLimit=cell - 4,
            labelExpr=f"{is_empty_col} ? [datum.value, {js_string(t['empty_phase'])}] : datum.value",
            title=None,
            domain=False,
            ticks=False,
            labelFontWeight={
                "condition": {"test": f"datum.value == {js_string(total_col)}", "value": "bold"},
                "value": "normal",
            },
            labelColor={
                "condition": {"test": is_empty_col, "value": WARNING_TEXT},
                "value": "#333",
            },
        ),
    )
    y = alt.Y(
        "channel:N",
        scale=alt.Scale(domain=row_labels),
        axis=alt.Axis(
            title=None,
            labelLimit=190,
            labelExpr=_two_lines(second_line),
            labelLineHeight=13,
            domain=False,
            ticks=False,
            labelFontWeight={
                "condition": {"test": is_low_value, "value": "bold"},
                "value": "normal",
            },
            labelColor={
                "condition": {"test": is_low_value, "value": WARNING_TEXT},
                "value": "#333",
            },
        ),
    )
    tooltip = [
        alt.Tooltip("channel:N", title=t["channel"]),
        alt.Tooltip("column:N", title=t["phase"]),
        alt.Tooltip("count:Q", title=t["count"]),
        alt.Tooltip("mean_label:N", title=t["mean_emotion"]),
        alt.Tooltip("kind:N", title=t["kind"]),
        alt.Tooltip("touchpoints:N", title=t["touchpoints"]),
    ]
    rect = {"type": "rect", "stroke": "white", "strokeWidth": 2}
    background = unit(
        "cells",
        rect,
        {
            "fill": alt.FillValue("#f3f3f3", condition={"test": "datum.count > 0", "value": "#cfcfcf"}),
            "tooltip": tooltip,
        },
    )
    heat = unit(
        "cells",
        rect,
        {
            "color": alt.Color(
                "mean:Q",
                scale=alt.Scale(scheme="blueorange", reverse=True, domain=[low, high], domainMid=middle),
                legend=alt.Legend(
                    title=t["mean_emotion"],
                    values=sorted(labels),
                    labelExpr=label_expr(labels),
                    orient="bottom",
                    gradientLength=220,
                ),
            ),
            "tooltip": tooltip,
        },
        [{"filter": "isValid(datum.mean)"}],
    )
    strong = max(1.0, (high - low) * 0.35)
    numbers = unit(
        "cells",
        {"type": "text", "fontSize": 11},
        {
            "text": alt.Text("text:N"),
            "color": alt.ColorValue(
                "#222",
                condition={
                    "test": f"isValid(datum.mean) && abs(datum.mean - {middle}) >= {strong}",
                    "value": "white",
                },
            ),
            "tooltip": tooltip,
        },
    )
    height = max(len(row_labels), 1) * 34
    divider = unit(
        [{"column": total_col}],
        {"type": "rule", "color": "#666", "strokeWidth": 1.5, "xOffset": -cell / 2},
        {"x": alt.X("column:N"), "y": alt.YValue(0), "y2": alt.Y2Value(height)},
    )
    note = f"{t['markers_note']} · {t['low_value_note']}"
    chart = alt.LayerChart(
        layer=[background, heat, numbers, divider],
        encoding=alt.FacetedEncoding(x=x, y=y),
        width=len(columns) * cell,
        height=height,
        title=alt.TitleParams(t["channel_map"], subtitle=note, anchor="start"),
        view=alt.ViewBackground(stroke=None),
    )
    return described(localized(with_datasets(chart, cells=cells), journey.language))


def named_low_value(journey: Journey, channels: list[str]) -> set[str]:
    """The ``channels`` the team named (as whole words, in any case) in its answers to
    the template's review questions about channels that give little value."""
    try:
        questions = get_template(journey.template).low_value_questions() if journey.template else []
    except JourneyError:
        questions = []
    answers = " \n ".join(str(journey.review["answers"].get(q) or "") for q in questions)
    return {
        name for name in channels
        if answers.strip() and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", answers, re.IGNORECASE)
    }  # fmt: skip


def _marker(online: set[bool]) -> str:
    if online == {True}:
        return "online"
    if online == {False}:
        return "offline"
    return "mixed" if online else "unknown"


def _kind_text(info: dict[str, Any], marker: str, t: dict[str, str]) -> str:
    parts = []
    if marker in ("online", "offline"):
        parts.append(t[marker])
    elif marker == "mixed":
        parts.append(t["online_mixed"])
    owned = info["owned"]
    if owned == {True}:
        parts.append(t["owned"])
    elif owned == {False}:
        parts.append(t["not_owned"])
    elif owned:
        parts.append(t["partly_owned"])
    if info["partners"]:
        parts.append(f"{t['partner']}: {', '.join(info['partners'])}")
    return " · ".join(parts)


def _cell(
    channel: str,
    column: str,
    rows: list[dict[str, Any]],
    kind: str,
    labels: dict[int, str],
    t: dict[str, str],
    part: str,
) -> dict[str, Any]:
    scores = [r["emotion"] for r in rows if r["emotion"] is not None]
    mean = round(sum(scores) / len(scores), 2) if scores else None
    nearest = labels.get(round(mean)) if mean is not None else None
    shown = "" if mean is None else f"{mean:.1f}".replace(".", t["decimal"])
    text = "" if not rows else f"{len(rows)} · {shown or '?'}"
    names = list(dict.fromkeys(text_of(r["name"]) for r in rows))
    return {
        "channel": channel,
        "column": column,
        "part": part,
        "count": len(rows),
        "mean": mean,
        "mean_label": f"{shown} ({nearest})" if nearest else shown,
        "text": text,
        "kind": kind,
        "touchpoints": shorten(", ".join(names), 160),
    }


def _two_lines(second: dict[str, str]) -> str:
    """A labelExpr giving each channel a second line (online/offline, owned)."""
    pairs = ",".join(f"{js_string(k)}:{js_string(shorten(v, 34))}" for k, v in second.items() if v)
    return f"[datum.value, ({{{pairs}}})[datum.value] || '']"


def _listed(values: list[str]) -> str:
    """A Vega test: is the axis label one of ``values``?"""
    return f"indexof({js_list(values)}, datum.value) >= 0"
