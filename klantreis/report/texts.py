"""Headings and labels of the reports, in Dutch and English."""

from __future__ import annotations

from ..messages import Catalog

TEXTS = Catalog("report", {
    "no_project": (
        "geef de parameter `project` het pad van een projectbestand (papermill: -p project "
        "mijnreis.yaml)",
        "set the parameter `project` to the path of a project file (papermill: -p project "
        "myjourney.yaml)",
    ),
    "map_suffix": (
        "{target}: een kaart wordt bewaard als {suffixes}",
        "{target}: a map is exported as {suffixes}",
    ),
    "goal": ("Doel", "Goal"),
    "scope": ("Scope", "Scope"),
    "start": ("Start", "Start"),
    "end": ("Einde", "End"),
    "persona": ("Persona", "Persona"),
    "scenario": ("Scenario", "Scenario"),
    "role": ("Rol", "Role"),
    "context": ("Context", "Context"),
    "needs": ("Behoeften", "Needs"),
    "frustrations": ("Frustraties", "Frustrations"),
    "canvas": ("De reis op het canvas", "The journey on the canvas"),
    "curve": ("Emotiecurve", "Emotion curve"),
    "curve_data": ("De punten van de emotiecurve als tabel", "The emotion curve's points as a table"),
    "emotion": ("Emotie", "Emotion"),
    "channels": ("Kanalen per fase", "Channels per phase"),
    "comparison": ("Vergelijking met andere scenario's", 'Comparison with other scenarios'),
    "review": ("Review", "Review"),
    "findings": ("Bevindingen", "Findings"),
    "opportunities": ("Kansen", "Opportunities"),
    "notes": ("Notities", "Notes"),
    "no_answer": ("(nog geen antwoord)", "(no answer yet)"),
    "none": ("Geen.", "None."),
    "touchpoints": ("Touchpoints", "Touchpoints"),
    "mean_emotion": ("Gemiddelde emotie", "Mean emotion"),
    "lowest": ("Dieptepunt", "Lowest point"),
    "highest": ("Hoogtepunt", "Peak"),
    "crucial": ("Cruciale touchpoints", "Crucial touchpoints"),
    "without_emotion": ("Zonder emotie", "Without emotion"),
    "pain_points": ("Pijnpunten", "Pain points"),
    "not_owned": ("Touchpoints buiten de organisatie", "Touchpoints outside the organisation"),
    "missing": ("Wat ontbreekt er nog?", "What is still missing?"),
    "description": ("Omschrijving", "Description"),
    "touchpoint": ("Touchpoint", "Touchpoint"),
    "phase": ("Fase", "Phase"),
    "impact": ("Impact", "Impact"),
    "effort": ("Inspanning", "Effort"),
    "owner": ("Eigenaar", "Owner"),
    "status": ("Status", "Status"),
    "journeys": ("Reizen", "Journeys"),
    "all_personas": ("Alle persona's vergeleken", 'All personas compared'),
    "scenarios_of": ("Scenario's van {name}", 'Scenarios of {name}'),
    "open_report": ("rapport", "report"),
    "failed": ("mislukt", "failed"),
    "method_fields": (
        'Wat de methode per fase en touchpoint vraagt',
        'What the method asks per phase and touchpoint',
    ),
})  # fmt: skip


def t(key: str, language: str, **values: str) -> str:
    """The text ``key`` in ``language``."""
    return TEXTS.text(key, language, **values)
