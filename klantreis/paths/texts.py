"""The texts of event-log import and path analysis, in Dutch and English: every
message names the file and, where it can, the line, column, key or value."""

from __future__ import annotations

from typing import Any, NoReturn

from ..errors import JourneyError
from ..messages import Catalog

TEXTS = Catalog(
    "paths",
    {
        # ---- the log file
        "log_type": (
            "{file}: een gebeurtenissenlog is een CSV-bestand (.csv, .tsv, .txt), een "
            "Parquet-bestand (.parquet) of een map met Parquet-bestanden.",
            "{file}: an event log is a CSV file (.csv, .tsv, .txt), a Parquet file "
            "(.parquet) or a folder of Parquet files.",
        ),
        "log_too_big": (
            "{file}: het log is {size} MB, meer dan de grens van {limit} MB. Geef een hogere "
            "grens met --max-log-mb (0: geen grens).",
            "{file}: the log is {size} MB, more than the limit of {limit} MB. Give a higher "
            "limit with --max-log-mb (0: no limit).",
        ),
        "scheduler_parquet": (
            "{file}: met --scheduler wordt een map met Parquet-bestanden gelezen (of één "
            "Parquet-bestand), geen CSV; zet het log om of lees het zonder --scheduler.",
            "{file}: --scheduler reads a folder of Parquet files (or one Parquet file), "
            "not CSV; convert the log or read it without --scheduler.",
        ),
        "no_parquet": (
            "{file}: om Parquet te lezen is pyarrow nodig: pip install 'klantreis[events]'.",
            "{file}: reading Parquet needs pyarrow: pip install 'klantreis[events]'.",
        ),
        "column_missing": (
            "{file}: de kolom {column!r} (rol '{role}' in {mapping}) staat niet in het "
            "bestand. Kolommen: {columns}.",
            "{file}: the column {column!r} (role '{role}' in {mapping}) is not in the file. "
            "Columns: {columns}.",
        ),
        "no_readable_time": (
            "{file}: geen enkel tijdstip in kolom {column!r} is te lezen (bijvoorbeeld "
            "{where}: {value!r}). Schrijf tijdstippen als 2026-03-01T09:40:00 of 01-03-2026 09:40.",
            "{file}: not one timestamp in column {column!r} can be read (for example "
            "{where}: {value!r}). Write timestamps as 2026-03-01T09:40:00 or 01-03-2026 09:40.",
        ),
        "no_events": (
            "{file}: geen enkele gebeurtenis is aan een touchpoint van deze reis gekoppeld. "
            "Niet gekoppeld: {unmapped}.",
            "{file}: not one event is mapped to a touchpoint of this journey. Not mapped: {unmapped}.",
        ),
        "line": ("regel {line}", "line {line}"),
        "row": ("rij {row}", "row {row}"),
        # ---- the mapping
        "mapping_shape": (
            "{mapping}: {key} moet {expected} zijn, niet {value!r}.",
            "{mapping}: {key} must be {expected}, not {value!r}.",
        ),
        "expected_pairs": ("een lijst 'naam: waarde'", "a list of 'name: value'"),
        "expected_text": ("een tekst", "a text"),
        "expected_events": ("'events'", "'events'"),
        "mapping_key": (
            "{mapping}: onbekende sleutel {key!r}; een koppelbestand voor gebeurtenissen kent {allowed}.",
            "{mapping}: unknown key {key!r}; a mapping for events knows {allowed}.",
        ),
        "mapping_role": (
            "{mapping}: columns → {role!r} is geen rol; rollen: {allowed}.",
            "{mapping}: columns → {role!r} is no role; roles: {allowed}.",
        ),
        "mapping_needs": (
            "{mapping}: columns moet de kolom noemen voor {roles}.",
            "{mapping}: columns must name the column for {roles}.",
        ),
        "mapping_no_events": (
            "{mapping}: 'events' koppelt geen enkele gebeurtenis aan een touchpoint.",
            "{mapping}: 'events' maps no event to a touchpoint.",
        ),
        "mapping_pattern_column": (
            "{mapping}: events → {item!r} is een patroon op een tweede kolom; noem die kolom "
            "in columns als 'page'.",
            "{mapping}: events → {item!r} is a pattern on a second column; name that column "
            "in columns as 'page'.",
        ),
        "mapping_touchpoint": (
            "{mapping}: events → {item!r} wijst naar touchpoint {value!r}, maar de reis van "
            "{persona} in scenario {scenario} heeft dat touchpoint niet. Touchpoints: {known}. "
            "Het project is niet veranderd.",
            "{mapping}: events → {item!r} points at touchpoint {value!r}, but the journey of "
            "{persona} in scenario {scenario} has no such touchpoint. Touchpoints: {known}. "
            "The project is unchanged.",
        ),
        "mapping_persona": (
            "{mapping}: personas → {item!r} wijst naar persona {value!r}, die het project niet "
            "kent. Persona's: {known}.",
            "{mapping}: personas → {item!r} points at persona {value!r}, which the project does "
            "not know. Personas: {known}.",
        ),
        "persona_needed": (
            "Het project heeft meer persona's ({known}); zeg met --persona wiens reis het log "
            "beschrijft, of noem een persona-kolom in het koppelbestand.",
            "The project has several personas ({known}); say with --persona whose journey the "
            "log describes, or name a persona column in the mapping.",
        ),
        "unknown_id": (
            "Onbekende {what} {value!r}; bekend: {known}.",
            "Unknown {what} {value!r}; known: {known}.",
        ),
        "what_persona": ("persona", "persona"),
        "what_scenario": ("scenario", "scenario"),
        "what_source": ("bron met paden", "source with paths"),
        "no_paths": (
            "Het project heeft geen gebeurtenissenlog voor persona {persona} in scenario "
            "{scenario}. Lees er een in met: klantreis evidence import PROJECT LOG --kind events "
            "--mapping MAP.yaml",
            "The project has no event log for persona {persona} in scenario {scenario}. "
            "Import one with: klantreis evidence import PROJECT LOG --kind events "
            "--mapping MAP.yaml",
        ),
        "several_sources": (
            "Het project heeft meer gebeurtenissenlogs voor {persona} in {scenario}: {known}. "
            "Kies er een met --source.",
            "The project has several event logs for {persona} in {scenario}: {known}. "
            "Choose one with --source.",
        ),
        # ---- summary and table
        "case": ("klantreis", "case"),
        "case+": ("klantreizen", "cases"),
        "summary": (
            "{file} ingelezen als gebeurtenissenlog (bron {source}): {rows}; klantreizen: {cases}.",
            "{file} imported as an event log (source {source}): {rows}; cases: {cases}.",
        ),
        "summary_skipped": ("Overgeslagen: {reasons}.", "Skipped: {reasons}."),
        "summary_unreadable_where": (
            "Tijdstip niet te lezen op: {where}.",
            "Timestamp unreadable at: {where}.",
        ),
        "summary_unmapped": ("Niet gekoppelde gebeurtenissen: {values}.", "Unmapped events: {values}."),
        "skip_unreadable": ("tijdstip niet te lezen", "timestamp unreadable"),
        "skip_duplicates": ("dubbele rij", "duplicate row"),
        "skip_no_case": ("geen klant-id", "no case id"),
        "skip_no_event": ("geen gebeurtenis", "no event"),
        "skip_no_persona": ("persona leeg", "persona empty"),
        "skip_unmapped_persona": ("persona niet gekoppeld", "persona not mapped"),
        "skip_other_persona": ("andere persona", "another persona"),
        "head": (
            "Paden van {persona} in {scenario} (bron {source}, {period}): {cases} uit {rows}.",
            "Paths of {persona} in {scenario} (source {source}, {period}): {cases} from {rows}.",
        ),
        "col_touchpoint": ("touchpoint", "touchpoint"),
        "col_reached": ("bereikt", "reached"),
        "col_share": ("aandeel", "share"),
        "col_median": ("mediaan uur tot volgende", "median hours to next"),
        "col_p90": ("p90 uur", "p90 hours"),
        "deviations": ("Afwijkingen van de kaart", "Deviations from the map"),
        "class_conforming": ("volgt de kaart", "follows the map"),
        "class_missing": ("slaat een touchpoint over", "skips a touchpoint"),
        "class_irregular": ("andere volgorde", "irregular order"),
        "class_adhoc": ("iets buiten de kaart", "something off the map"),
        "variants": ("Meest gevolgde paden", "Most frequent paths"),
        "other_variants": (
            "{variants} andere paden: {cases}",
            "{variants} other paths: {cases}",
        ),
        "follows": ("Stappen tussen touchpoints", "Steps between touchpoints"),
        "unmapped": ("Niet op de kaart", "Not on the map"),
        "none": ("geen", "none"),
        "more": ("en {count} meer", "and {count} more"),
    },
)


def text(code: str, language: str, /, **params: Any) -> str:
    """The text ``code`` in ``language``."""
    return TEXTS.text(code, language, **params)


def fail(code: str, language: str, /, **params: Any) -> NoReturn:
    """Raise :class:`JourneyError` with the text ``code`` in ``language``."""
    raise JourneyError(TEXTS.text(code, language, **params))
