"""The texts of step 8, bewijs (evidence), in Dutch and English."""

from __future__ import annotations

from typing import Any

from ..messages import Catalog

TEXTS = Catalog("widgets_bewijs", {
    "intro": (
        "Leg naast wat het team aanneemt wat er gemeten is: een enquête, {contact} "
        "(contactredenen), webstatistiek of citaten uit interviews. Kies de soort, kies het "
        "bestand (CSV of Excel), controleer de koppeling van kolommen en waarden en klik op "
        "Inlezen. Het projectbestand bewaart alleen de totalen per touchpoint, nooit de "
        "antwoorden van één persoon.",
        "Put what was measured next to what the team assumes: a survey, {contact} "
        "(contact reasons), web statistics or interview quotes. Choose the kind and the file "
        "(CSV or Excel), check how columns and values map, and click Import. The project "
        "file keeps only the totals per touchpoint, never one person's answers.",
    ),
    "kind": ("Soort", "Kind"),
    "file": ("Bestand", "File"),
    "mapping_file": ("Koppelbestand (optioneel)", "Mapping file (optional)"),
    "choose_file": ("Kies een CSV- of Excel-bestand.", "Choose a CSV or Excel file."),
    "mapping_loaded": ("Koppelbestand {name} gelezen.", "Mapping file {name} read."),
    "source": ("Bronnaam", "Source name"),
    "source_tip": (
        "Een korte naam voor deze bron. Dezelfde naam opnieuw inlezen vervangt de cijfers; "
        "een nieuwe meting (golf) krijgt een nieuwe naam.",
        "A short name for this source. Importing under the same name replaces its figures; "
        "a new wave gets a new name.",
    ),
    "persona": ("Persona", "Persona"),
    "from_file": ("(uit het bestand)", "(from the file)"),
    "scenario": ("Scenario", "Scenario"),
    "preview": ("De eerste rijen van {name}", "The first rows of {name}"),
    "columns": ("Kolommen", "Columns"),
    "columns_tip": ("Welke kolom is wat? Laat leeg wat het bestand niet heeft.",
                    "Which column is what? Leave empty what the file does not have."),
    "no_column": ("(geen)", "(none)"),
    "values": ("Koppelen aan touchpoints", "Map to touchpoints"),
    "questions": ("Vragen (kolommen) → touchpoint", "Questions (columns) → touchpoint"),
    "value_targets": ("Waarden in {column} → touchpoint of fase",
                      "Values in {column} → touchpoint or phase"),
    "personas": ("Waarden in {column} → persona", "Values in {column} → persona"),
    "answers": ("Antwoorden → score", "Answers → score"),
    "skip_value": ("(niet gebruiken)", "(do not use)"),
    "skip_answer": ("(overslaan, zoals 'weet niet')", "(skip, like 'don't know')"),
    "phase": ("fase: {name}", "phase: {name}"),
    "import": ("Inlezen", "Import"),
    "imported": ("Ingelezen en opgeslagen.", "Imported and saved."),
    "result": ("Resultaat", "Result"),
    "sources": ("Bewijs in dit project", "Evidence in this project"),
    "remove_source": ("Bron verwijderen", "Remove source"),
    "mapping_name": ("de koppeling in het formulier", "the mapping in the form"),
})  # fmt: skip


def bt(key: str, language: str, **values: Any) -> str:
    """A text of this step in ``language``."""
    return TEXTS.text(key, language, **values)
