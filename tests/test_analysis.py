"""What is still missing in a journey."""

from __future__ import annotations

from klantreis import Journey, new_journey
from klantreis.analysis import (
    NO_PERSONAS,
    PERSONA_WITHOUT_JOURNEY,
    PHASE_WITHOUT_TOUCHPOINTS,
    TOUCHPOINT_WITHOUT_EMOTION,
    TOUCHPOINT_WITHOUT_REASON,
    Gap,
    missing,
)


def test_empty_project_misses_personas() -> None:
    assert missing(new_journey("canvas")) == [Gap(NO_PERSONAS)]


def test_small_journey_gaps(journey: Journey) -> None:
    gaps = missing(journey)
    assert not [g for g in gaps if g.kind == PERSONA_WITHOUT_JOURNEY]  # both have touchpoints
    # forens only has the balie touchpoint in phase huren
    assert Gap(PHASE_WITHOUT_TOUCHPOINTS, "forens", "current", phase="orientatie") in gaps
    assert Gap(PHASE_WITHOUT_TOUCHPOINTS, "forens", "current", phase="terugbrengen") in gaps
    # the toerist's desired journey only has balie
    assert Gap(PHASE_WITHOUT_TOUCHPOINTS, "toerist", "gewenst", phase="orientatie") in gaps
    # balie has a reason, website has none
    website = Gap(TOUCHPOINT_WITHOUT_REASON, "toerist", "current", "orientatie", "website")
    assert website in gaps
    assert not [
        g for g in gaps if g.touchpoint == "balie" and g.persona == "toerist" and g.scenario == "current"
    ]


def test_persona_without_journey_and_touchpoint_without_emotion(journey: Journey) -> None:
    journey.add_persona("student", "Sam")
    journey.add_touchpoint("folder", "forens", "huren", "Folder")
    gaps = missing(journey)
    assert Gap(PERSONA_WITHOUT_JOURNEY, persona="student") in gaps
    folder = Gap(TOUCHPOINT_WITHOUT_EMOTION, "forens", "current", "huren", "folder")
    assert folder in gaps
    assert Gap(TOUCHPOINT_WITHOUT_REASON, "forens", "current", "huren", "folder") not in gaps


def test_descriptions_use_names_in_both_languages(journey: Journey) -> None:
    gap = Gap(TOUCHPOINT_WITHOUT_REASON, "toerist", "current", "orientatie", "website")
    assert gap.describe(journey) == (
        "Touchpoint Website bekijken van Tom, toerist (Huidige situatie) heeft nog geen "
        "toelichting bij de emotie."
    )
    phase = Gap(PHASE_WITHOUT_TOUCHPOINTS, "forens", "current", phase="orientatie")
    assert phase.describe(journey, "en") == (
        "Phase Oriëntatie has no touchpoints for Fien, forens (Huidige situatie)."
    )
