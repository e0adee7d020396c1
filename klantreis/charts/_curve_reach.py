"""The reach of an event log on the emotion curve: under each touchpoint the log can
see, the share of cases reaching it ("62%"), in a strip at the bottom of the plot that
no line, point or ring enters. Only for one persona × scenario with an event log (see
:mod:`klantreis.paths`); the first such source when there are several."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import altair as alt

from ..messages import Catalog, number
from ..model import Journey
from ..paths.stored import path_sources
from ..paths.texts import TEXTS as PATH_TEXTS
from ._common import build_layout, series_rows, unit
from ._curve_rows import Overlay, RowPlacer
from ._placement import Box

#: Room (px) below the lowest score for the reach labels, and their font size.
STRIP, FONT = 16, 10
REACH_COLOUR = "#555555"

TEXTS = Catalog("charts_reach", {
    "key": (
        "percentage onder een touchpoint: aandeel van de {cases} (bron {source}) dat er komt",
        "percentage under a touchpoint: share of the {cases} (source {source}) that reach it",
    ),
    "describe": (
        "Uit bron {source}: {highest} bereikt het grootste deel van de klantreizen ({high}), "
        "{lowest} het kleinste ({low}).",
        "From source {source}: {highest} is reached by the largest share of cases ({high}), "
        "{lowest} by the smallest ({low}).",
    ),
    "reach": ("Bereik", "Reach"),
})  # fmt: skip


def reach_rows(journey: Journey, persona: str, scenario: str) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """One row per observed touchpoint of the first event log of ``persona`` in
    ``scenario`` (``x`` its slot on the curve, ``reach`` the share, ``reach_label``
    the text), and the source record; ``([], {})`` without such a log."""
    sources = path_sources(journey, persona, scenario)
    if not sources:
        return [], {}
    source = sources[0]
    figures = source["paths"]["personas"][persona]
    rows = series_rows(journey, [(persona, scenario)])
    layout = build_layout(journey, rows)
    where = {r["id"]: (layout.index(r["phase"], r["id"]), r["name"] or r["id"]) for r in rows}
    out = []
    for tp in figures["touchpoints"]:
        if tp["id"] not in where:
            continue
        x, name = where[tp["id"]]
        label = f"{number(100 * tp['share'], journey.language, 0)}%"
        out.append({"x": x, "touchpoint": name, "reach": tp["share"], "reached": tp["reached"],
                    "reach_label": label})  # fmt: skip
    return out, source


def reach_overlay(
    journey: Journey, persona: str, scenario: str, height: int
) -> tuple[Overlay, str, str] | None:
    """The overlay drawing the reach (data set ``reach``) at the bottom of plots
    ``height`` px high, the key for the subtitle and a sentence for the description;
    None without an event log for this journey."""
    rows, source = reach_rows(journey, persona, scenario)
    if not rows:
        return None
    lang = journey.language
    t = lambda code, **kw: TEXTS.text(code, lang, **kw)  # noqa: E731
    cases = source["paths"]["personas"][persona]["cases"]
    key = t("key", cases=PATH_TEXTS.counted("case", cases, lang), source=source["id"])
    high = max(rows, key=lambda r: r["reach"])
    low = min(rows, key=lambda r: r["reach"])
    sentence = t("describe", source=source["id"], highest=f"'{high['touchpoint']}'", high=high["reach_label"],
                 lowest=f"'{low['touchpoint']}'", low=low["reach_label"])  # fmt: skip

    def layers(name: Callable[[str], str], step: float, legends: bool) -> list[Any]:
        tooltip = [alt.Tooltip("touchpoint:N"), alt.Tooltip("reached:Q", title=t("reach"))]
        return [
            unit(name("reach"), {"type": "text", "baseline": "bottom", "fontSize": FONT,
                                 "color": REACH_COLOUR},
                 {"x": alt.X("x:Q"), "y": alt.YValue(height - 2), "text": alt.Text("reach_label:N"),
                  "tooltip": tooltip}),
        ]  # fmt: skip

    def avoid(placer: RowPlacer, data: dict[str, list[dict[str, Any]]]) -> None:
        # the strip under the lowest score: the other labels keep off it
        frame = placer.frame
        placer.placer.avoid_box(Box(0, frame.height - STRIP, frame.width, frame.height))

    return Overlay(datasets={"reach": rows}, layers=layers, avoid=avoid, bottom=STRIP), key, sentence


def with_reach_key(chart: Any, key: str, sentence: str) -> Any:
    """``chart`` (the curve) with the reach's key under its subtitle and its sentence
    after its description."""
    title = chart.title
    title.subtitle = [*title.subtitle, key]
    chart.description = f"{chart.description} {sentence}"
    return chart
