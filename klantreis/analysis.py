"""What is still missing in a journey: used by the review step and the report. Pure."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .model import Journey

NO_PERSONAS = "no_personas"
PERSONA_WITHOUT_JOURNEY = "persona_without_journey"
PHASE_WITHOUT_TOUCHPOINTS = "phase_without_touchpoints"
TOUCHPOINT_WITHOUT_EMOTION = "touchpoint_without_emotion"
TOUCHPOINT_WITHOUT_REASON = "touchpoint_without_reason"

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
        )


def missing(journey: Journey) -> list[Gap]:
    """Everything still to fill in: personas without a journey, phases without
    touchpoints (per journey that has touchpoints), touchpoints without an emotion,
    and touchpoints with an emotion but no reason. In persona, scenario, phase order."""
    if journey.personas.empty:
        return [Gap(NO_PERSONAS)]
    gaps: list[Gap] = []
    pairs = journey.journeys()
    for persona in journey.ids("personas"):
        mine = [(p, s) for p, s in pairs if p == persona]
        if not mine:
            gaps.append(Gap(PERSONA_WITHOUT_JOURNEY, persona=persona))
        for _, scenario in mine:
            gaps.extend(_journey_gaps(journey, persona, scenario))
    return gaps


def _journey_gaps(journey: Journey, persona: str, scenario: str) -> list[Gap]:
    rows = journey.journey(persona, scenario)
    used = set(rows["phase"])
    gaps = [
        Gap(PHASE_WITHOUT_TOUCHPOINTS, persona, scenario, phase=phase)
        for phase in journey.ids("phases")
        if phase not in used
    ]
    for _, row in rows.iterrows():
        where = {"persona": persona, "scenario": scenario, "phase": str(row["phase"]),
                 "touchpoint": str(row["id"])}
        if pd.isna(row["emotion"]):
            gaps.append(Gap(TOUCHPOINT_WITHOUT_EMOTION, **where))
        elif not str(row["why"] if pd.notna(row["why"]) else "").strip():
            gaps.append(Gap(TOUCHPOINT_WITHOUT_REASON, **where))
    return gaps
