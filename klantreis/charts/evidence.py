"""Charts of the evidence: the assumed emotion curve next to the measured one, and the
touchpoints ranked by evidence of pain. Both read :mod:`klantreis.evidence.figures`.

- :func:`evidence_curve`: the team's curve of one persona × scenario, with the measured
  mean as a second (dashed) line and its 95% interval as a band, aligned by touchpoint
  id; touchpoints whose assumed score lies outside the interval are flagged, those with
  fewer than ``min_n`` answers are drawn hollow and marked "te weinig antwoorden".
- :func:`pain_ranking`: touchpoints ranked by dissatisfaction × calls per month.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import altair as alt

from ..errors import JourneyError
from ..evidence.figures import MIN_N, NO_ASSUMPTION, NOT_CONFIRMED, TOO_FEW, UNMEASURED, journey_evidence
from ..evidence.metric_figures import labelled, metric_figures
from ..evidence.wording import count_notes, number, score_text, word
from ..messages import Catalog
from ..model import Journey
from ._aria import described
from ._common import (
    PAGE_WIDTH,
    PAIN_COLOUR,
    build_layout,
    no_validation,
    scale_bounds,
    select_series,
    series_labels,
    series_rows,
    texts,
    unit,
    with_datasets,
)
from ._curve_rows import LabelStyle, Overlay, RowPlacer
from ._locale import localized
from ._placement import text_size
from .emotion import curve_chart
from .palette import ASSUMED, MUTED_TEXT, WARNING_TEXT

MEASURED_COLOUR = "#333333"
#: The interval band's width as a share of the room per touchpoint.
BAND_SHARE = 0.4
#: Font sizes (px) of the "too few answers" labels and the "⚠" flags.
FEW_FONT, FLAG_FONT = 10, 15
#: Font size (px) of the "n=22" beside each measured point.
COUNT_FONT = 9
#: The pain ranking: its plot's narrowest width, the room for the touchpoints' names
#: and between a bar and its label (px).
RANKING_WIDTH, PLACE_LIMIT, LABEL_GAP = 360, 240, 6

TEXTS = Catalog("charts_evidence", {
    "curve_title": ("Aanname en meting", "Assumption and measurement"),
    "pain_title": ("Waar het pijn doet", "Where it hurts"),
    "pain_subtitle": (
        "ontevredenheid (gemeten, anders de aanname) × gesprekken per maand",
        "dissatisfaction (measured, else the assumption) × calls per month",
    ),
    "pain": ("Pijn (ontevredenheid × contact)", "Pain (dissatisfaction × contact)"),
    "basis": ("Score", "Score"),
    "no_evidence": ("nog geen bewijs", "no evidence yet"),
    "no_journey": ("Er is geen klantreis om te tekenen.", "There is no journey to draw."),
    "status": ("Status", "Status"),
    "figures": ("Cijfers", "Figures"),
    "sources": ("Bronnen", "Sources"),
})  # fmt: skip


def _pair(journey: Journey, persona: str | None, scenario: str | None) -> tuple[str, str]:
    pairs = select_series(journey, persona, scenario)
    if not pairs:
        raise JourneyError(TEXTS.msg("no_journey"), language=journey.language)
    return pairs[0]


def evidence_curve(
    journey: Journey,
    persona: str | None = None,
    scenario: str | None = None,
    *,
    source: str | None = None,
    min_n: int = MIN_N,
    step: int | None = None,
    height: int = 300,
    width: int | None = None,
) -> alt.LayerChart | alt.VConcatChart:
    """The emotion curve of one journey (default: the first persona and scenario with
    touchpoints) with the measured scores of ``source`` (None: every source, pooled).

    On top of :func:`~klantreis.charts.emotion_curve` (and fitted to the page like it):
    the measured mean as a dashed dark line through the touchpoints with at least
    ``min_n`` answers, its 95% interval as a grey band at each of them, a "⚠" and a
    dashed red rule from the assumed to the measured score where the assumption lies
    outside the interval, and a hollow point labelled "te weinig antwoorden" where
    fewer than ``min_n`` answered. The labels are placed where they touch no line,
    band or other label; every measured point has its n beside it ("n=22", data set
    ``counts``), so it is there in print too. Named data sets: ``measured`` (one row per touchpoint:
    ``emotion`` the trusted mean, ``low``/``high`` its interval), ``few`` and ``flags``
    (``emotion`` the assumed, ``measured`` the measured score).
    """
    persona, scenario = _pair(journey, persona, scenario)
    lang = journey.language
    with no_validation():
        overlay = measured_overlay(journey, persona, scenario, source, min_n)
        chart = curve_chart(journey, [(persona, scenario)], step=step, height=height, width=width,
                            overlay=overlay)  # fmt: skip
        series = series_labels(journey, [(persona, scenario)])[0]
        wave = source or word("all_sources", lang)
        notes = [
            word("flag_note", lang),
            word("few_note", lang, min_n=min_n),
            word("sources", lang, sources=wave),
        ]
        key = chart.title.subtitle[-1]
        metrics = [labelled(f, lang) for f in metric_figures(journey, persona, scenario, source)]
        chart.title = alt.TitleParams(
            TEXTS.text("curve_title", lang), anchor="start",
            subtitle=[series, *([" · ".join(metrics)] if metrics else []), " · ".join(notes), key],
        )  # fmt: skip
        return chart


def measured_overlay(
    journey: Journey,
    persona: str,
    scenario: str,
    source: str | None = None,
    min_n: int = MIN_N,
    compact: bool = False,
) -> Overlay:
    """The measured scores of one journey drawn over its emotion curve (see
    :func:`evidence_curve`); ``compact`` (the canvas and the poster): the measured
    means, their intervals and hollow points for too few answers, each with its n
    beside it ("n=22"), without flags or other labels."""
    lang = journey.language
    evidence = journey_evidence(journey, persona, scenario, source, min_n)
    layout = build_layout(journey, series_rows(journey, [(persona, scenario)]))
    measured, few, flags, counts = [], [], [], []
    for row in evidence.rows:
        score, state = row["score"], row["status"]
        x = layout.index(row["phase"], row["id"])
        trusted = state not in (UNMEASURED, TOO_FEW)
        common = {
            "x": x,
            "id": row["id"],
            "touchpoint": row["name"],
            "n": score.n if score else None,
            "status": word(state, lang),
            "figures": " · ".join(count_notes(row, lang)),
            "measured_label": score_text(score, lang, row["assumed"]),
            "assumed": row["assumed"],
            "sources": ", ".join(row["score_sources"]),
        }
        measured.append(
            {
                **common,
                "emotion": score.mean if trusted else None,
                "low": score.ci_low if trusted else None,
                "high": score.ci_high if trusted else None,
                "measure": word("measured_band", lang),
            }
        )
        if trusted or (compact and score is not None):  # n beside every measured point (print)
            counts.append({**common, "emotion": score.mean, "n_label": f"n={score.n}"})
        if state == TOO_FEW:
            few.append(
                {
                    **common,
                    "emotion": score.mean,
                    "label": f"{word(TOO_FEW, lang)} (n={score.n})",
                    "lines": [word(TOO_FEW, lang), f"(n={score.n})"],
                }
            )
        if state == NOT_CONFIRMED and not compact:
            flags.append({**common, "emotion": row["assumed"], "measured": score.mean, "mark": "⚠"})
    tooltip = [alt.Tooltip(f"{name}:N", title=title) for name, title in (
        ("touchpoint", texts(journey)["touchpoint"]),
        ("measured_label", word("measured", lang).capitalize()),
        ("status", TEXTS.text("status", lang)),
        ("figures", TEXTS.text("figures", lang)),
        ("sources", TEXTS.text("sources", lang)),
    )]  # fmt: skip

    def layers(name: Callable[[str], str], step: float, legends: bool) -> list[Any]:
        legend = alt.Legend(title=None, orient="bottom", labelLimit=400) if legends else None
        return [
            unit(name("measured"), {"type": "rule", "opacity": 0.2, "color": MEASURED_COLOUR,
                                    "strokeCap": "butt", "strokeWidth": round(BAND_SHARE * step)},
                 {"y": alt.Y("low:Q"), "y2": alt.Y2("high:Q")}),
            # the interval's ends as ticks: the translucent band alone is under 3:1 on white
            *(unit(name("measured"), {"type": "tick", "orient": "horizontal", "thickness": 1.5,
                                      "size": round(BAND_SHARE * step), "color": MEASURED_COLOUR},
                   {"y": alt.Y(f"{end}:Q")}) for end in ("low", "high")),
            unit(name("measured"), {"type": "line", "strokeWidth": 2, "color": MEASURED_COLOUR,
                                    "invalid": "break-paths-filter-domains"},
                 {"strokeDash": alt.StrokeDash("measure:N", scale=alt.Scale(range=[[6, 3]]),
                                               legend=legend)}),
            unit(name("measured"), {"type": "point", "filled": True, "size": 45, "color": MEASURED_COLOUR,
                                    "invalid": "filter"}, {"tooltip": tooltip}),
            unit(name("few"), {"type": "point", "filled": False, "size": 60, "strokeWidth": 1.5,
                               "color": "#888"}, {"tooltip": tooltip}),
            *([] if compact else [unit(name("few"), {"type": "text", "baseline": "top", "fontSize": FEW_FONT,
                                                     "lineHeight": FEW_FONT * 1.25, "color": "#555"},
                 {"x": alt.X("label_x:Q"), "y": alt.Y("label_y:Q"), "text": alt.Text("lines:N")})]),
            unit(name("counts"), {"type": "text", "baseline": "top", "fontSize": COUNT_FONT,
                                  "color": MEASURED_COLOUR},
                 {"x": alt.X("label_x:Q"), "y": alt.Y("label_y:Q"), "text": alt.Text("n_label:N")}),
            unit(name("flags"), {"type": "rule", "strokeDash": [2, 2], "strokeWidth": 2,
                                 "color": PAIN_COLOUR}, {"y2": alt.Y2("measured:Q")}),
            unit(name("flags"), {"type": "text", "baseline": "top", "fontSize": FLAG_FONT,
                                 "color": WARNING_TEXT},
                 {"x": alt.X("label_x:Q"), "y": alt.Y("label_y:Q"), "text": alt.Text("mark:N"),
                  "tooltip": tooltip}),
        ]  # fmt: skip

    def avoid(placer: RowPlacer, data: dict[str, list[dict[str, Any]]]) -> None:
        step = placer.frame.step
        placer.avoid_lines(data["measured"], None, 2)
        placer.avoid_points(data["measured"], lambda _: 4)
        placer.avoid_points(data["few"], lambda _: 5)
        for row in data["measured"]:
            if row["low"] is not None:
                placer.avoid_band(row["x"], row["low"], row["high"], round(BAND_SHARE * step))
        for row in data["flags"]:
            placer.avoid_rule(row["x"], row["emotion"], row["x"], row["measured"], 2)

    counted: dict[str, tuple[str, LabelStyle, float]] = {
        "counts": ("n_label", LabelStyle(COUNT_FONT, clearance=2), 4)
    }
    return Overlay(
        datasets={"measured": measured, "few": few, "flags": flags, "counts": counts}, layers=layers,
        avoid=avoid,
        labels=counted if compact else {"few": ("lines", LabelStyle(FEW_FONT, clearance=3), 5), **counted,
                                        "flags": ("mark", LabelStyle(FLAG_FONT * 1.3, clearance=2), 5)},
    )  # fmt: skip


def _ranking_room(rows: list[dict[str, Any]]) -> tuple[int, float]:
    """The plot width (px) and the x domain's end that leave room for every bar's
    label right of its bar, inside the plot (and the chart inside a report page)."""
    labels = [text_size(r["label"], 10)[0] + LABEL_GAP for r in rows]
    width = int(min(PAGE_WIDTH - PLACE_LIMIT - 40, max(RANKING_WIDTH, *(w + 80 for w in labels), 0)))
    top = max((r["pain"] for r in rows), default=0) or 1.0
    for row, label in zip(rows, labels, strict=True):
        if width - label > 10:
            top = max(top, row["pain"] * width / (width - label))
    return width, top


def pain_ranking(
    journey: Journey,
    persona: str | None = None,
    scenario: str | None = None,
    *,
    source: str | None = None,
    min_n: int = MIN_N,
    limit: int = 12,
) -> alt.LayerChart:
    """The touchpoints of one journey ranked by evidence of pain: dissatisfaction (how
    far the score lies below the top of the scale, 0 to 1; the measured mean when it
    rests on at least ``min_n`` answers, else the assumed emotion) times calls per
    month (or calls, when the sources have no period). Touchpoints without calls rank
    after those with calls, by dissatisfaction. At most ``limit`` bars; data set
    ``ranking`` holds every ranked touchpoint with ``rank``, ``pain``, ``basis``."""
    persona, scenario = _pair(journey, persona, scenario)
    lang = journey.language
    low, high, _ = scale_bounds(journey)
    evidence = journey_evidence(journey, persona, scenario, source, min_n)
    ranked = []
    for row in evidence.rows:
        score, state = row["score"], row["status"]
        measured = state not in (UNMEASURED, TOO_FEW)
        value = score.mean if measured and score else row["assumed"]
        if value is None or not (row["has_counts"] or measured):
            continue
        gap = (high - value) / ((high - low) or 1)
        volume = row["calls_per_month"] if row["calls_per_month"] is not None else (row["calls"] or 0)
        ranked.append({
            "id": row["id"], "touchpoint": row["name"], "gap": round(gap, 3),
            "volume": round(float(volume), 2), "pain": round(gap * float(volume), 3),
            "basis": word("measured" if measured else "assumed", lang),
            "score": number(value, lang), "status": word(state, lang) if state != NO_ASSUMPTION else "",
            "label": " · ".join([f"⌀ {number(value, lang)}" if measured
                                 else f"{word('assumed', lang)} {number(value, lang, 0)}",
                                 *count_notes(row, lang)]),
        })  # fmt: skip
    ranked.sort(key=lambda r: (-r["pain"], -r["gap"], r["touchpoint"]))
    for rank, row in enumerate(ranked, 1):
        row["rank"] = rank
        row["place"] = f"{rank}. {row['touchpoint']}"
    shown = ranked[:limit]
    with no_validation():
        y = alt.Y("place:N", sort=[r["place"] for r in shown], title=None,
                  axis=alt.Axis(labelLimit=PLACE_LIMIT))  # fmt: skip
        width, top = _ranking_room(shown)
        x = alt.X(
            "pain:Q",
            title=TEXTS.text("pain", lang),
            scale=alt.Scale(domain=[0, top], nice=False),
            axis=alt.Axis(format=",.1f"),
        )  # one decimal, in the journey's language
        colour = alt.Color(
            "basis:N",
            title=TEXTS.text("basis", lang),
            legend=alt.Legend(orient="bottom"),
            scale=alt.Scale(
                domain=[word("measured", lang), word("assumed", lang)], range=[PAIN_COLOUR, ASSUMED]
            ),
        )
        tooltip = [alt.Tooltip(f"{f}:N", title=title) for f, title in (
            ("touchpoint", texts(journey)["touchpoint"]), ("label", TEXTS.text("figures", lang)),
            ("status", TEXTS.text("status", lang)))]  # fmt: skip
        layers = [
            unit("ranking", {"type": "bar"}, {"x": x, "y": y, "color": colour, "tooltip": tooltip}),
            unit(
                "ranking",
                {"type": "text", "align": "left", "dx": 4, "fontSize": 10, "color": "#333"},
                {"x": x, "y": y, "text": alt.Text("label:N")},
            ),
        ]
        if not shown:
            layers = [
                unit(
                    [{"text": TEXTS.text("no_evidence", lang)}],
                    {"type": "text", "fontSize": 14, "color": MUTED_TEXT},
                    {"text": alt.Text("text:N")},
                )
            ]
        chart = alt.LayerChart(
            layer=layers,
            width=width,
            height=max(len(shown), 1) * 24,
            title=alt.TitleParams(
                TEXTS.text("pain_title", lang),
                anchor="start",
                subtitle=[
                    series_labels(journey, [(persona, scenario)])[0],
                    TEXTS.text("pain_subtitle", lang),
                ],
            ),
        )
        return described(localized(with_datasets(chart, ranking=shown), lang))
