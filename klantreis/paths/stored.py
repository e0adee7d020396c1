"""Finding the stored paths of a persona and scenario among a journey's sources."""

from __future__ import annotations

from typing import Any

from ..evidence.texts import listing
from ..model import Journey
from .texts import fail


def map_order(journey: Journey, persona: str, scenario: str) -> tuple[list[str], set[str]]:
    """The touchpoints of a persona's map in the journey's order (as on the canvas), and
    the main ones (those not marked ``importance: side``)."""
    steps = journey.journey(persona, scenario)
    ids = [str(t) for t in steps["id"]]
    importance = steps["importance"] if "importance" in steps else [None] * len(ids)
    return ids, {t for t, i in zip(ids, importance, strict=True) if str(i) != "side"}


def touchpoint_names(journey: Journey, persona: str, scenario: str) -> dict[str, str]:
    """Touchpoint id -> its name on the persona's map (the id when it has none)."""
    steps = journey.journey(persona, scenario)
    return {str(i): str(n) if n else str(i) for i, n in zip(steps["id"], steps["name"], strict=True)}


def path_sources(journey: Journey, persona: str, scenario: str) -> list[dict[str, Any]]:
    """The event-log sources that hold paths of ``persona`` in ``scenario``, in file order."""
    found = []
    for source in journey.records("sources"):
        paths = source.get("paths") or {}
        if (
            source.get("kind") == "events"
            and paths.get("scenario") == scenario
            and persona in paths.get("personas", {})
        ):
            found.append(source)
    return found


def stored_paths(
    journey: Journey, persona: str | None = None, scenario: str | None = None, source: str | None = None
) -> tuple[dict[str, Any], dict[str, Any]]:
    """``(source record, figures)`` of the paths of ``persona`` (default: the only persona)
    in ``scenario`` (default: the first), from ``source`` (default: the only event log
    that has them). Refuses, naming the known ids, when there are none or several."""
    lang = journey.language
    personas = journey.ids("personas")
    if persona is None:
        if len(personas) != 1:
            fail("persona_needed", lang, known=listing(personas, lang))
        persona = personas[0]
    elif persona not in personas:
        fail("unknown_id", lang, what="persona", value=persona, known=listing(personas, lang))
    scenario = scenario or journey.default_scenario
    if scenario not in journey.ids("scenarios"):
        fail(
            "unknown_id", lang, what="scenario", value=scenario, known=listing(journey.ids("scenarios"), lang)
        )
    found = path_sources(journey, persona, scenario)
    if source is not None:
        chosen = [s for s in found if s["id"] == source]
        if not chosen:
            fail(
                "unknown_id", lang, what="source", value=source, known=listing([s["id"] for s in found], lang)
            )
        found = chosen
    if not found:
        fail("no_paths", lang, persona=persona, scenario=scenario)
    if len(found) > 1:
        fail(
            "several_sources",
            lang,
            persona=persona,
            scenario=scenario,
            known=listing([s["id"] for s in found], lang),
        )
    record = found[0]
    return record, record["paths"]["personas"][persona]
