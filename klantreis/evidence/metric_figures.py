"""The NPS, CSAT and CES figures of one journey (persona × scenario), for the report,
the index, the curve and the poster: per figure where it belongs (the whole journey, a
phase or a touchpoint), n, the value and its 95% interval, in words. Pure: reads the
journey, changes nothing. Figures of several sources are shown side by side (an NPS
cannot be pooled from its stored figures), each naming its source."""

from __future__ import annotations

from dataclasses import dataclass

from ..messages import Catalog, number
from ..model import Journey
from .figures import selected_sources

#: The metrics shown here, in this order.
SHOWN = ("nps", "csat", "ces")
JOURNEY_LEVEL, PHASE_LEVEL, TOUCHPOINT_LEVEL = "journey", "phase", "touchpoint"

WORDS = Catalog("evidence_metric_words", {
    "nps": ("NPS {value} ({low} tot {high}, n={n})", "NPS {value} ({low} to {high}, n={n})"),
    "csat": ("CSAT {value}% ({low}–{high}%, n={n})", "CSAT {value}% ({low}–{high}%, n={n})"),
    "ces": ("CES {value} ({low}–{high}, n={n})", "CES {value} ({low}–{high}, n={n})"),
    "ces_single": ("CES {value} (n={n})", "CES {value} (n={n})"),
    "journey": ("hele reis", "whole journey"),
    "phase": ("fase {name}", "phase {name}"),
    "heading": ("NPS, CSAT en CES", "NPS, CSAT and CES"),
    "intro": (
        "Met 95%-interval en het aantal respondenten (n). NPS: % promotors (9–10) min % "
        "criticasters (0–6), adjusted-Wald-interval; CSAT: aandeel van de twee hoogste "
        "antwoorden, Wilson-interval; CES: gemiddelde, t-interval.",
        "With 95% interval and the number of respondents (n). NPS: % promoters (9–10) minus "
        "% detractors (0–6), adjusted-Wald interval; CSAT: share of the top two answers, "
        "Wilson interval; CES: mean, t-interval.",
    ),
    "where": ("Waar", "Where"),
    "figure": ("Cijfer", "Figure"),
    "source": ("Bron", "Source"),
})  # fmt: skip


@dataclass(frozen=True)
class MetricFigure:
    """One stored NPS, CSAT or CES figure of a journey."""

    metric: str
    level: str  # JOURNEY_LEVEL, PHASE_LEVEL or TOUCHPOINT_LEVEL
    target: str  # the phase or touchpoint id ("" for the journey)
    name: str  # the phase or touchpoint name ("" for the journey)
    n: int
    value: float
    ci_low: float | None
    ci_high: float | None
    source: str


def metric_figures(
    journey: Journey, persona: str, scenario: str, source: str | None = None
) -> list[MetricFigure]:
    """The journey's NPS, CSAT and CES figures from ``source`` (None: all sources): the
    whole journey's first, then per phase and per touchpoint in journey order."""
    wanted = set(selected_sources(journey, source))
    steps = journey.journey(persona, scenario)
    order = {str(t): i for i, t in enumerate(steps["id"])}
    phases = {p: i for i, p in enumerate(journey.ids("phases"))}
    names = dict(zip(steps["id"].astype(str), steps["name"].astype(str), strict=True))
    found = []
    for r in journey.records("evidence"):
        if r["metric"] not in SHOWN or r["source"] not in wanted or r["value"] is None:
            continue
        if (r["persona"], r["scenario"]) != (persona, scenario):
            continue
        if r["touchpoint"]:
            level, target = TOUCHPOINT_LEVEL, str(r["touchpoint"])
            name = str(names.get(target, target))
            rank = (2, order.get(target, len(order)))
        elif r["phase"]:
            level, target, name = PHASE_LEVEL, r["phase"], str(journey.name_of("phases", r["phase"]))
            rank = (1, phases.get(target, len(phases)))
        else:
            level, target, name, rank = JOURNEY_LEVEL, "", "", (0, 0)
        figure = MetricFigure(
            r["metric"], level, target, name, int(r["n"] or 0), float(r["value"]),
            r["ci_low"], r["ci_high"], r["source"],
        )  # fmt: skip
        found.append(((*rank, SHOWN.index(r["metric"])), figure))
    return [f for _, f in sorted(found, key=lambda item: item[0])]


def metric_text(figure: MetricFigure, language: str) -> str:
    """ "NPS +12 (−3 tot +27, n=67)", "CSAT 78% (70–85%, n=80)", "CES 3,4 (3,1–3,7, n=40)"."""
    if figure.metric == "nps":
        low, high = figure.ci_low, figure.ci_high
        return WORDS.text(
            "nps", language, value=_signed(figure.value, language), n=figure.n,
            low=_signed(low, language) if low is not None else "?",
            high=_signed(high, language) if high is not None else "?",
        )  # fmt: skip
    decimals = 0 if figure.metric == "csat" else 1
    if figure.ci_low is None or figure.ci_high is None:
        return WORDS.text("ces_single", language, value=number(figure.value, language, decimals), n=figure.n)
    return WORDS.text(
        figure.metric, language, value=number(figure.value, language, decimals), n=figure.n,
        low=number(figure.ci_low, language, decimals), high=number(figure.ci_high, language, decimals),
    )  # fmt: skip


def _signed(value: float, language: str) -> str:
    """An NPS in whole points with its sign: +12, −3, 0."""
    whole = round(value)
    if whole == 0:
        return "0"
    return ("+" if whole > 0 else "−") + number(abs(whole), language, 0)


def where_text(figure: MetricFigure, language: str) -> str:
    """Where a figure belongs, in words: "hele reis", "fase Gebruik" or the touchpoint."""
    if figure.level == JOURNEY_LEVEL:
        return WORDS.text("journey", language)
    if figure.level == PHASE_LEVEL:
        return WORDS.text("phase", language, name=figure.name)
    return figure.name


def labelled(figure: MetricFigure, language: str) -> str:
    """The figure with where it belongs: "hele reis: NPS +12 (−3 tot +27, n=67)"."""
    return f"{where_text(figure, language)}: {metric_text(figure, language)}"


def journey_line(journey: Journey, persona: str, scenario: str, source: str | None = None) -> str:
    """The whole journey's figures on one line ("" when there are none), for a title."""
    figures = [f for f in metric_figures(journey, persona, scenario, source) if f.level == JOURNEY_LEVEL]
    return " · ".join(metric_text(f, journey.language) for f in figures)


def touchpoint_notes(
    journey: Journey, persona: str, scenario: str, source: str | None = None
) -> dict[str, list[str]]:
    """Touchpoint id -> its NPS, CSAT and CES figures as short texts."""
    notes: dict[str, list[str]] = {}
    for f in metric_figures(journey, persona, scenario, source):
        if f.level == TOUCHPOINT_LEVEL:
            notes.setdefault(f.target, []).append(metric_text(f, journey.language))
    return notes
