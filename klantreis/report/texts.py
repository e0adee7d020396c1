"""Headings and labels of the reports, in Dutch and English."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "goal": {"nl": "Doel", "en": "Goal"},
    "scope": {"nl": "Scope", "en": "Scope"},
    "start": {"nl": "Start", "en": "Start"},
    "end": {"nl": "Einde", "en": "End"},
    "persona": {"nl": "Persona", "en": "Persona"},
    "scenario": {"nl": "Scenario", "en": "Scenario"},
    "role": {"nl": "Rol", "en": "Role"},
    "context": {"nl": "Context", "en": "Context"},
    "needs": {"nl": "Behoeften", "en": "Needs"},
    "frustrations": {"nl": "Frustraties", "en": "Frustrations"},
    "canvas": {"nl": "De reis op het canvas", "en": "The journey on the canvas"},
    "curve": {"nl": "Emotiecurve", "en": "Emotion curve"},
    "channels": {"nl": "Kanalen per fase", "en": "Channels per phase"},
    "comparison": {
        "nl": "Vergelijking met andere scenario's",
        "en": "Comparison with other scenarios",
    },
    "review": {"nl": "Review", "en": "Review"},
    "findings": {"nl": "Bevindingen", "en": "Findings"},
    "opportunities": {"nl": "Kansen", "en": "Opportunities"},
    "notes": {"nl": "Notities", "en": "Notes"},
    "no_answer": {"nl": "(nog geen antwoord)", "en": "(no answer yet)"},
    "none": {"nl": "Geen.", "en": "None."},
    "touchpoints": {"nl": "Touchpoints", "en": "Touchpoints"},
    "mean_emotion": {"nl": "Gemiddelde emotie", "en": "Mean emotion"},
    "lowest": {"nl": "Dieptepunt", "en": "Lowest point"},
    "highest": {"nl": "Hoogtepunt", "en": "Peak"},
    "crucial": {"nl": "Cruciale touchpoints", "en": "Crucial touchpoints"},
    "without_emotion": {"nl": "Zonder emotie", "en": "Without emotion"},
    "pain_points": {"nl": "Pijnpunten", "en": "Pain points"},
    "not_owned": {
        "nl": "Touchpoints buiten de organisatie",
        "en": "Touchpoints outside the organisation",
    },
    "missing": {"nl": "Nog open", "en": "Still missing"},
    "description": {"nl": "Omschrijving", "en": "Description"},
    "touchpoint": {"nl": "Touchpoint", "en": "Touchpoint"},
    "phase": {"nl": "Fase", "en": "Phase"},
    "impact": {"nl": "Impact", "en": "Impact"},
    "effort": {"nl": "Inspanning", "en": "Effort"},
    "owner": {"nl": "Eigenaar", "en": "Owner"},
    "status": {"nl": "Status", "en": "Status"},
    "index_title": {"nl": "Klantreizen", "en": "Customer journeys"},
    "journeys": {"nl": "Reizen", "en": "Journeys"},
    "all_personas": {"nl": "Alle persona's vergeleken", "en": "All personas compared"},
    "scenarios_of": {"nl": "Scenario's van {name}", "en": "Scenarios of {name}"},
    "open_report": {"nl": "rapport", "en": "report"},
    "failed": {"nl": "mislukt", "en": "failed"},
    "method_fields": {
        "nl": "Wat de methode per fase en touchpoint vraagt",
        "en": "What the method asks per phase and touchpoint",
    },
}


def t(key: str, language: str, **values: str) -> str:
    """The text ``key`` in ``language`` (Dutch when there is no translation)."""
    entry = TEXTS[key]
    return entry.get(language, entry["nl"]).format(**values)
