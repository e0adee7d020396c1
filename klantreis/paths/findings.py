"""What an event log found that the team should look at: a touchpoint on the map that
no case reaches, and an event not on the map that occurs often. Listed in the report's
section (:mod:`.report`) and in the review step, for every journey with such a log."""

from __future__ import annotations

from typing import Any

from ..messages import Catalog
from ..model import Journey
from .stored import path_sources, touchpoint_names

#: An unmapped event is a finding when it is at least this share of the mapped events.
FREQUENT_SHARE = 0.05

TEXTS = Catalog("paths_findings", {
    "unreached": (
        "Geen enkele klantreis komt bij {name}, al staat het op de kaart.",
        "No case reaches {name}, although it is on the map.",
    ),
    "frequent": (
        "{event} staat niet op de kaart maar komt {count} keer voor.",
        "{event} is not on the map but occurs {count} times.",
    ),
    "review_heading": ("Bevindingen uit gebeurtenissenlogs", "Findings from event logs"),
    "review_where": ("{persona} ({scenario}), bron {source}", "{persona} ({scenario}), source {source}"),
})  # fmt: skip


def path_findings(figures: dict[str, Any], names: dict[str, str], language: str) -> list[str]:
    """Plain-text findings: touchpoints no case reaches, frequent unmapped events."""
    out = []
    for tp in figures["touchpoints"]:
        if tp["reached"] == 0:
            out.append(TEXTS.text("unreached", language, name=names.get(tp["id"], tp["id"])))
    mapped_events = max(sum(f["count"] for f in figures["follows"]) + figures["cases"], 1)
    for event, count in figures["unmapped"].items():
        if count >= FREQUENT_SHARE * mapped_events:
            out.append(TEXTS.text("frequent", language, event=event, count=count))
    return out


def review_findings(journey: Journey, language: str) -> list[str]:
    """The findings of every journey's event logs (see :func:`path_findings`), each
    saying whose journey and which source, for the review step."""
    out = []
    for persona, scenario in journey.journeys():
        names = touchpoint_names(journey, persona, scenario)
        for source in path_sources(journey, persona, scenario):
            who, when = journey.name_of("personas", persona), journey.name_of("scenarios", scenario)
            where = TEXTS.text("review_where", language, persona=who, scenario=when, source=source["id"])
            figures = source["paths"]["personas"][persona]
            out += [f"{where}: {finding}" for finding in path_findings(figures, names, language)]
    return out
