"""The emotion curve in words, for screen readers and a tagged poster: per journey the
number of touchpoints with an emotion, the lowest and highest points (names and scale
labels) and the last one; and the curve's points as table rows."""

from __future__ import annotations

from typing import Any

from ..evidence.figures import refuted_values
from ..evidence.wording import word
from ..fields import TABLES
from ..messages import number
from ..model import Journey
from ._common import names_of, series_labels, series_rows, text_of
from ._texts import TEXTS


def curve_points(journey: Journey, pairs: list[tuple[str, str]]) -> list[dict[str, Any]]:
    """The curve's points in journey order: series label, phase, touchpoint, score and
    the scale's label for it ("" where a touchpoint has no emotion)."""
    labels = series_labels(journey, pairs)
    phases = names_of(journey, "phases")
    points = []
    for row in series_rows(journey, pairs):
        score = row.get("emotion")
        point = journey.scale_point(score) if score is not None else None
        points.append({
            "series": labels[row["series"]],
            "phase": phases.get(str(row["phase"]), str(row["phase"])),
            "touchpoint": text_of(row.get("name")),
            "emotion": None if point is None else point.score,
            "label": "" if point is None else text_of(point.label),
        })  # fmt: skip
    return points


def curve_description(journey: Journey, pairs: list[tuple[str, str]]) -> str:
    """The curve in a few sentences, one per journey, e.g. "Emotiecurve van Noor –
    Huidige situatie: 6 touchpoints met een emotie; laagste punt 'Melding' (zeer
    negatief), hoogste 'Tip van huisgenoten' (blij), laatste 'Afronding' (neutraal)."."""
    lang = journey.language
    points = curve_points(journey, pairs)
    # a refuted assumption counts with its measured mean, named so (as in the key figures)
    refuted = {pair: refuted_values(journey, *pair) for pair in pairs}
    for point, row in zip(points, series_rows(journey, pairs), strict=True):
        measured = refuted[(row["persona"], row["scenario"])].get(row["id"])
        if measured is not None and point["emotion"] is not None:
            point["emotion"] = measured
            point["label"] = f"{word('measured', lang)} {number(measured, lang)}"
    sentences = []
    for label in series_labels(journey, pairs):
        scored = [p for p in points if p["series"] == label and p["emotion"] is not None]
        if not scored:
            sentences.append(TEXTS.text("describe_empty", lang, series=label))
            continue
        low = min(p["emotion"] for p in scored)
        high = max(p["emotion"] for p in scored)
        sentences.append(
            TEXTS.text(
                "describe_series",
                lang,
                series=label,
                touchpoints=TABLES["touchpoints"].counted(len(scored), lang),
                lowest=_names(scored, low),
                low=_label(scored, low),
                highest=_names(scored, high),
                high=_label(scored, high),
                last=f"'{scored[-1]['touchpoint']}'",
                end=scored[-1]["label"],
            )  # fmt: skip
        )
    return " ".join(sentences)


def _names(points: list[dict[str, Any]], score: float) -> str:
    return ", ".join(f"'{p['touchpoint']}'" for p in points if p["emotion"] == score)


def _label(points: list[dict[str, Any]], score: float) -> str:
    return next(p["label"] for p in points if p["emotion"] == score)
