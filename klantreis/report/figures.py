"""Key figures of one journey, for the report and the index page."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from ..evidence.figures import refuted_values
from ..evidence.wording import word
from ..messages import number
from ..model import Journey


@dataclass(frozen=True)
class KeyFigures:
    """What a reader wants to see first about a journey. The lowest and highest
    points and the pain points count a touchpoint whose assumption the measurement
    refutes with its measured mean (named with "(gemeten 3,9)"), never with the
    refuted assumption (see :func:`klantreis.evidence.figures.refuted_values`)."""

    touchpoints: int
    with_emotion: int
    mean_emotion: float | None
    lowest: list[str]
    lowest_score: int | None
    highest: list[str]
    highest_score: int | None
    crucial: list[str]
    not_owned: list[str]
    #: The touchpoints whose level is a problem on the journey's scale (by what the
    #: template says its levels mean), lowest first; never a level that passes.
    pain_points: list[str]
    #: The measured mean of the lowest point, when that is a measured value (a refuted
    #: assumption's touchpoint); None when the lowest point is the team's assumption.
    lowest_measured: float | None = None
    #: Touchpoint id -> the measured mean used instead of its refuted assumption.
    measured: dict[str, float] = field(default_factory=dict)


def key_figures(journey: Journey, persona: str, scenario: str) -> KeyFigures:
    """Touchpoint count, mean emotion, lowest and highest points (names), crucial,
    not-owned touchpoints and pain points of one persona's journey in one scenario."""
    rows = journey.journey(persona, scenario)
    scored = rows[rows["emotion"].notna()]
    mean = float(scored["emotion"].astype(float).mean()) if len(scored) else None
    measured = refuted_values(journey, persona, scenario)
    lang = journey.language
    # (value, assumed score, name) per touchpoint with an emotion, in journey order
    points = []
    for row in scored.to_dict("records"):
        tid, name = str(row["id"]), str(row["name"])
        if tid in measured:
            value = measured[tid]
            name = f"{name} ({word('measured', lang)} {number(value, lang)})"
        else:
            value = float(row["emotion"])
        points.append((value, int(row["emotion"]), name, tid in measured))
    low = min((p[0] for p in points), default=None)
    high = max((p[0] for p in points), default=None)

    def at(value: float | None) -> list[tuple[float, int, str, bool]]:
        return [p for p in points if value is not None and p[0] == value]

    def score_of(value: float | None) -> int | None:
        if value is None:
            return None
        exact = [p[1] for p in at(value) if not p[3]]
        return exact[0] if exact else _nearest(journey, value)

    lows = at(low)
    problems = sorted((p for p in points if journey.scale.is_problem(p[0])), key=lambda p: p[0])
    return KeyFigures(
        touchpoints=len(rows),
        with_emotion=len(scored),
        mean_emotion=None if mean is None else round(mean, 2),
        lowest=[p[2] for p in lows],
        lowest_score=score_of(low),
        highest=[p[2] for p in at(high)],
        highest_score=score_of(high),
        crucial=_names(rows[rows["critical"]]),
        not_owned=_names(rows[rows["owned"].eq(False).fillna(False).astype(bool)]),
        pain_points=[p[2] for p in problems],
        lowest_measured=low if lows and all(p[3] for p in lows) else None,
        measured=measured,
    )


def _nearest(journey: Journey, value: float) -> int | None:
    """The scale point nearest a measured mean (for its emoji and label)."""
    scores = [p.score for p in journey.scale]
    return min(scores, key=lambda s: (abs(s - value), s)) if scores else None


def _names(rows: pd.DataFrame) -> list[str]:
    return [str(n) for n in rows["name"]]
