"""The texts of step 8, bewijs (evidence), in Dutch and English."""

from __future__ import annotations

from typing import Any

from ..messages import Catalog

TEXTS = Catalog("widgets_bewijs", {
    "intro": (
        "Leg naast wat het team aanneemt wat er gemeten is: een enquête (een score, NPS, "
        "CSAT of CES), {contact} (contactredenen), webstatistiek, citaten uit interviews of "
        "een gebeurtenissenlog van website of app (de paden die {people} echt volgden). Kies "
        "de soort, kies het bestand (CSV of Excel), controleer de koppeling van kolommen en "
        "waarden en klik op Inlezen. Het projectbestand bewaart alleen de totalen per "
        "touchpoint, nooit de antwoorden of klikken van één persoon.",
        "Put what was measured next to what the team assumes: a survey (a score, NPS, CSAT "
        "or CES), {contact} (contact reasons), web statistics, interview quotes or an event "
        "log of a website or app (the paths {people} really took). Choose the kind and the "
        "file (CSV or Excel), check how columns and values map, and click Import. The "
        "project file keeps only the totals per touchpoint, never one person's answers or "
        "clicks.",
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
    "value_targets": ("Waarden in {column} → touchpoint", "Values in {column} → touchpoint"),
    "value_targets_phases": ("Waarden in {column} → touchpoint of fase",
                             "Values in {column} → touchpoint or phase"),
    "suggested": (
        "Voorgesteld op grond van woorden die de waarde en het touchpoint delen, controleer "
        "ze: {values}.",
        "Suggested by the words the value and the touchpoint share, check them: {values}.",
    ),
    "pending": (
        "Nog niet gekoppeld: {values}. Kies hierboven waar ze horen; wat op "
        "‘(niet gebruiken)’ blijft staan, wordt niet meegeteld.",
        "Not mapped yet: {values}. Choose above where they belong; what stays at "
        "‘(do not use)’ is not counted.",
    ),
    "unmapped_in_form": (
        "in kolom ‘{column}’ staan waarden die nog nergens bij horen: {values}. Kies bij "
        "‘{section}’ hierboven voor elk een touchpoint of ‘(niet gebruiken)’, en klik "
        "opnieuw op Inlezen.",
        "column ‘{column}’ holds values that do not belong anywhere yet: {values}. Choose a "
        "touchpoint or ‘(do not use)’ for each under ‘{section}’ above, and click Import "
        "again.",
    ),
    "answers_in_form": (
        "in kolom ‘{column}’ staan antwoorden die niet op de schaal passen: {values}. Kies "
        "bij ‘Antwoorden → score’ hierboven een score of ‘overslaan’, en klik opnieuw op "
        "Inlezen.",
        "column ‘{column}’ holds answers that do not fit the scale: {values}. Choose a "
        "score or ‘skip’ under ‘Answers → score’ above, and click Import again.",
    ),
    "mapping_saved": (
        "De koppeling is bewaard in {path}. Kies dat bestand bij ‘Koppelbestand’ voor de "
        "volgende meting, dan staat alles meteen goed.",
        "The mapping is saved in {path}. Choose that file as ‘Mapping file’ for the next "
        "wave, and everything is mapped at once.",
    ),
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
    "r_what": ("Wat", "What"),
    "r_value": ("Uitkomst", "Outcome"),
    "r_file": ("Bestand", "File"),
    "r_source": ("Bron", "Source"),
    "r_read": ("Bruikbare rijen", "Usable rows"),
    "r_skipped": ("Overgeslagen {unit}", "Skipped {unit}"),
    "r_covered": ("Met cijfers", "With figures"),
    "r_unmapped": ("Niet gekoppeld in ‘{column}’", "Not mapped in ‘{column}’"),
    "s_source": ("Bron", "Source"),
    "s_period": ("Periode", "Period"),
    "s_rows": ("Rijen gebruikt", "Rows used"),
    "s_figures": ("Cijfers", "Figures"),
    "s_quotes": ("Citaten", "Quotes"),
    "metric": ("Maat", "Metric"),
    "metric_tip": (
        "Wat de antwoorden meten: een score op de schaal van het project (gemiddelde), of "
        "NPS (0–10), CSAT of CES.",
        "What the answers measure: a score on the project's scale (mean), or NPS (0–10), "
        "CSAT or CES.",
    ),
    "metric_score": ("score (gemiddelde op de schaal)", "score (mean on the scale)"),
    "metric_nps": ("NPS (0–10)", "NPS (0–10)"),
    "metric_csat": ("CSAT (tevredenheid)", "CSAT (satisfaction)"),
    "metric_ces": ("CES (moeite)", "CES (effort)"),
    "r_metric": ("Gemeten: {persona}", "Measured: {persona}"),
    "events_role_case": ("de klant of sessie (case)", "the customer or session (case)"),
    "events_role_time": ("het tijdstip", "the time"),
    "events_role_event": ("de gebeurtenis", "the event"),
    "events_role_page": ("de pagina (optioneel)", "the page (optional)"),
    "events_role_persona": ("de persona (optioneel)", "the persona (optional)"),
    "by_page": (
        "Per pagina gekoppeld volgens het koppelbestand: {values}.",
        "Mapped by page as the mapping file says: {values}.",
    ),
    "events_persona": (
        "zeg wiens reis het log beschrijft: kies hierboven een persona, of kies een kolom "
        "voor de persona.",
        "say whose journey the log describes: choose a persona above, or choose a column "
        "for the persona.",
    ),
    "r_cases": ("Klantreizen: {persona}", "Customer journeys: {persona}"),
    "r_not_on_map": ("Niet op de kaart", "Not on the map"),
    "mapping_name": ("de koppeling in het formulier", "the mapping in the form"),
})  # fmt: skip


def bt(key: str, language: str, **values: Any) -> str:
    """A text of this step in ``language``."""
    return TEXTS.text(key, language, **values)
