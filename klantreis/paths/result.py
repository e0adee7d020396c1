"""The figures of one persona's paths, as plain data: what ``klantreis paths --json``
prints and what the source record keeps (aggregates only, never a case id or event).

Keys: ``cases, rows_read, unreadable, duplicates, unmapped`` (event -> count),
``touchpoints`` (``{id, reached, share, median_hours_to_next, p90_hours_to_next}`` in
map order, the observable ones), ``follows`` (``{from, to, count}``), ``variants``
(``{path, cases}``, most frequent first, at most :data:`TOP_VARIANTS`),
``other_variants`` (``{variants, cases}`` beyond those) and ``deviations``
(``{conforming, missing, irregular, adhoc}``).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import numpy as np

from ..evidence.records import rounded
from .compute import CLASSES, Tally

TOP_VARIANTS = 20


def persona_figures(
    tally: Tally, persona: int, rows: int, unreadable: int, unmapped: Counter[str]
) -> dict[str, Any]:
    """The figures of persona index ``persona`` from the tally of a whole log."""
    m = tally.maps[persona]
    cases = int(tally.cases[persona])
    gaps = tally.hours_to_next(persona)
    touchpoints = []
    for i, tp in enumerate(m.ids):
        if not m.observed[i]:
            continue
        reached = int(tally.reached[persona][i])
        median, p90 = gaps[i]
        touchpoints.append({
            "id": tp,
            "reached": reached,
            "share": rounded(reached / cases) if cases else 0.0,
            "median_hours_to_next": rounded(median),
            "p90_hours_to_next": rounded(p90),
        })  # fmt: skip
    follows = tally.follows[persona]
    pairs = [(int(follows[a, b]), a, b) for a, b in zip(*np.nonzero(follows), strict=True)]
    pairs.sort(key=lambda x: (-x[0], x[1], x[2]))
    top, other_variants, other_cases = tally.variants.top(persona, TOP_VARIANTS)
    return {
        "cases": cases,
        "rows_read": int(rows),
        "unreadable": int(unreadable),
        "duplicates": int(tally.duplicates[persona]),
        "unmapped": dict(sorted(unmapped.items(), key=lambda kv: (-kv[1], kv[0]))),
        "touchpoints": touchpoints,
        "follows": [{"from": m.ids[a], "to": m.ids[b], "count": n} for n, a, b in pairs],
        "variants": [{"path": [m.ids[i] for i in path], "cases": n} for n, path in top],
        "other_variants": {"variants": other_variants, "cases": other_cases},
        "deviations": {c: int(tally.classes[persona][k]) for k, c in enumerate(CLASSES)},
    }
