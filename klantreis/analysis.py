"""What is still missing in a journey: used by the review step and the report. Pure."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .model import Journey
from .templates import journey_word

NO_PERSONAS = "no_personas"
PERSONA_WITHOUT_JOURNEY = "persona_without_journey"
PHASE_WITHOUT_TOUCHPOINTS = "phase_without_touchpoints"
TOUCHPOINT_WITHOUT_EMOTION = "touchpoint_without_emotion"
TOUCHPOINT_WITHOUT_REASON = "touchpoint_without_reason"
TOUCHPOINT_WITHOUT_EVIDENCE = "touchpoint_without_evidence"

_MESSAGES = {
    NO_PERSONAS: ("Er is nog geen persona.", "There is no persona yet."),
    PERSONA_WITHOUT_JOURNEY: (
        "Persona {persona} heeft nog geen touchpoints.",
        "Persona {persona} has no touchpoints yet.",
    ),
    PHASE_WITHOUT_TOUCHPOINTS: (
        "Fase {phase} heeft geen touchpoints voor {persona} ({scenario}).",
        "Phase {phase} has no touchpoints for {persona} ({scenario}).",
    ),
    TOUCHPOINT_WITHOUT_EMOTION: (
        "Touchpoint {touchpoint} van {persona} ({scenario}) heeft nog geen emotie.",
        "Touchpoint {touchpoint} of {persona} ({scenario}) has no emotion yet.",
    ),
    TOUCHPOINT_WITHOUT_REASON: (
        "Touchpoint {touchpoint} van {persona} ({scenario}) heeft nog geen toelichting bij de emotie.",
        "Touchpoint {touchpoint} of {persona} ({scenario}) has no explanation for its emotion yet.",
    ),
    TOUCHPOINT_WITHOUT_EVIDENCE: (
        "Voor touchpoint {touchpoint} van {persona} ({scenario}) is nog niets gemeten: geen "
        "enquête, {contact}, webstatistiek of interview.",
        "Nothing has been measured yet for touchpoint {touchpoint} of {persona} ({scenario}): "
        "no survey, {contact}, web statistics or interview.",
    ),
}


@dataclass(frozen=True)
class Gap:
    """One missing piece. ``kind`` is one of the module constants; the other fields
    are ids (empty when they do not apply)."""

    kind: str
    persona: str = ""
    scenario: str = ""
    phase: str = ""
    touchpoint: str = ""

    def describe(self, journey: Journey, language: str = "nl") -> str:
        """A sentence for the team, with names instead of ids."""
        nl, en = _MESSAGES[self.kind]
        touchpoint = self.touchpoint
        tps = journey.touchpoints
        mask = (tps["id"] == self.touchpoint) & (tps["persona"] == self.persona)
        hit = tps.loc[mask & (tps["scenario"] == self.scenario), "name"]
        if len(hit):
            touchpoint = str(hit.iloc[0])
        return (en if language == "en" else nl).format(
            persona=journey.name_of("personas", self.persona),
            scenario=journey.name_of("scenarios", self.scenario),
            phase=journey.name_of("phases", self.phase),
            touchpoint=touchpoint,
            contact=journey_word(journey.template, "contact", language),
        )


def missing(journey: Journey) -> list[Gap]:
    """Everything still to fill in: personas without a journey, phases without
    touchpoints (per journey that has touchpoints), touchpoints without an emotion,
    touchpoints with an emotion but no reason, and, once the project has evidence,
    touchpoints without any measured figure. In persona, scenario, phase order."""
    if journey.personas.empty:
        return [Gap(NO_PERSONAS)]
    gaps: list[Gap] = []
    pairs = journey.journeys()
    measured = _measured(journey)
    for persona in journey.ids("personas"):
        mine = [(p, s) for p, s in pairs if p == persona]
        if not mine:
            gaps.append(Gap(PERSONA_WITHOUT_JOURNEY, persona=persona))
        for _, scenario in mine:
            gaps.extend(_journey_gaps(journey, persona, scenario, measured))
    return gaps


def _measured(journey: Journey) -> set[tuple[str, str, str]] | None:
    """The (persona, scenario, touchpoint) triples with a figure from some evidence
    source; None when the project has no evidence (then nothing is missing there)."""
    if not journey.ids("sources"):
        return None
    records = journey.records("evidence")
    return {(r["persona"], r["scenario"], r["touchpoint"]) for r in records if r["touchpoint"]}


def _journey_gaps(
    journey: Journey, persona: str, scenario: str, measured: set[tuple[str, str, str]] | None = None
) -> list[Gap]:
    rows = journey.journey(persona, scenario)
    used = set(rows["phase"])
    gaps = [
        Gap(PHASE_WITHOUT_TOUCHPOINTS, persona, scenario, phase=phase)
        for phase in journey.ids("phases")
        if phase not in used
    ]
    for _, row in rows.iterrows():
        where = {
            "persona": persona,
            "scenario": scenario,
            "phase": str(row["phase"]),
            "touchpoint": str(row["id"]),
        }
        if pd.isna(row["emotion"]):
            gaps.append(Gap(TOUCHPOINT_WITHOUT_EMOTION, **where))
        elif not str(row["why"] if pd.notna(row["why"]) else "").strip():
            gaps.append(Gap(TOUCHPOINT_WITHOUT_REASON, **where))
        if measured is not None and (persona, scenario, str(row["id"])) not in measured:
            gaps.append(Gap(TOUCHPOINT_WITHOUT_EVIDENCE, **where))
    return gaps
