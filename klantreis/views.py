"""Read-only views of a journey's records that charts, reports and forms share: one
persona's journey in order, and which journeys exist. Pure."""

from __future__ import annotations

from typing import Any

import pandas as pd

from .frames import frame_from_records
from .scale import Scale

Record = dict[str, Any]


def journey_frame(
    touchpoints: list[Record], phases: list[Record], scale: Scale, persona: str, scenario: str
) -> pd.DataFrame:
    """The touchpoints of one persona in one scenario in journey order (phase order,
    then file order), with ``step``, ``phase_name``, ``phase_order`` and ``label``."""
    order = {p["id"]: i for i, p in enumerate(phases)}
    names = {p["id"]: p["name"] or p["id"] for p in phases}
    rows = [r for r in touchpoints if r["persona"] == persona and r["scenario"] == scenario]
    rows.sort(key=lambda r: order.get(r["phase"], len(order)))  # stable: file order within a phase
    out = frame_from_records("touchpoints", rows)
    out["phase_order"] = pd.array([order.get(r["phase"]) for r in rows], dtype="Int64")
    out["phase_name"] = [names.get(r["phase"], r["phase"]) for r in rows]
    labels = {p.score: p.label for p in scale}
    out["label"] = [labels.get(r["emotion"]) if r["emotion"] is not None else None for r in rows]
    out.insert(0, "step", range(1, len(out) + 1))
    return out


def journey_pairs(
    touchpoints: list[Record], personas: list[str], scenarios: list[str]
) -> list[tuple[str, str]]:
    """Every (persona, scenario) pair that has touchpoints, in persona then scenario order."""
    present = {(r["persona"], r["scenario"]) for r in touchpoints}
    return [(p, s) for p in personas for s in scenarios if (p, s) in present]
