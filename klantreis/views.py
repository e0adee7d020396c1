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


def journey_opportunities(
    opportunities: list[Record], touchpoints: list[Record], persona: str, scenario: str
) -> list[Record]:
    """The opportunities of the journey of ``persona`` in ``scenario``, in file order:
    those of that persona and scenario, or left open for every persona / scenario,
    whose touchpoint (when they name one) is a touchpoint of this journey. So an
    opportunity without a persona, in a file from before opportunities had one,
    belongs to every journey that has its touchpoint: to one only, when one has it."""
    own = {r["id"] for r in touchpoints if r["persona"] == persona and r["scenario"] == scenario}
    return [
        r for r in opportunities
        if r.get("persona") in ("", None, persona) and r.get("scenario") in ("", None, scenario)
        and (not r.get("touchpoint") or r["touchpoint"] in own)
    ]  # fmt: skip
