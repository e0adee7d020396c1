"""Key figures of one journey, for the report and the index page."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from ..model import Journey


@dataclass(frozen=True)
class KeyFigures:
    """What a reader wants to see first about a journey."""

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


def key_figures(journey: Journey, persona: str, scenario: str) -> KeyFigures:
    """Touchpoint count, mean emotion, lowest and highest points (names), crucial,
    not-owned touchpoints and pain points of one persona's journey in one scenario."""
    rows = journey.journey(persona, scenario)
    scored = rows[rows["emotion"].notna()]
    low = int(scored["emotion"].min()) if len(scored) else None
    high = int(scored["emotion"].max()) if len(scored) else None
    mean = float(scored["emotion"].astype(float).mean()) if len(scored) else None

    def _problem(score: Any) -> bool:
        return journey.scale.is_problem(int(score))

    return KeyFigures(
        touchpoints=len(rows),
        with_emotion=len(scored),
        mean_emotion=None if mean is None else round(mean, 2),
        lowest=_names(scored[scored["emotion"] == low]) if low is not None else [],
        lowest_score=low,
        highest=_names(scored[scored["emotion"] == high]) if high is not None else [],
        highest_score=high,
        crucial=_names(rows[rows["critical"]]),
        not_owned=_names(rows[rows["owned"].eq(False).fillna(False).astype(bool)]),
        pain_points=_names(
            scored.loc[[_problem(e) for e in scored["emotion"]]].sort_values("emotion", kind="stable")
        )
        if len(scored)
        else [],
    )


def _names(rows: pd.DataFrame) -> list[str]:
    return [str(n) for n in rows["name"]]
