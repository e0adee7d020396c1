"""The texts of the evidence import, in Dutch and English, and the helpers that raise
them: every message names the file and, where it can, the column, row or value."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, NoReturn

from ..errors import JourneyError
from ..messages import Catalog

#: How many values a message lists before it says "and N more".
LIST_LIMIT = 12

TEXTS = Catalog(
    "evidence",
    {
        # ---- files
        "file_missing": ("{file}: bestand niet gevonden.", "{file}: no such file."),
        "file_type": (
            "{file}: dit is geen CSV- of Excel-bestand. Bewijs wordt gelezen uit .csv of .xlsx; "
            "sla het bestand in een van die vormen op.",
            "{file}: this is not a CSV or Excel file. Evidence is read from .csv or .xlsx; "
            "save the file in one of those formats.",
        ),
        "file_zip_as_csv": (
            "{file}: dit lijkt een Excel-bestand met de extensie .csv. Geef het de extensie .xlsx "
            "of sla het in Excel op als CSV.",
            "{file}: this looks like an Excel file named .csv. Rename it to .xlsx or save it "
            "from Excel as CSV.",
        ),
        "file_not_text": (
            "{file}: dit is geen tekstbestand, dus geen CSV. Sla het op als CSV of .xlsx.",
            "{file}: this is not a text file, so not a CSV. Save it as CSV or .xlsx.",
        ),
        "file_unreadable": (
            "{file}: het bestand kan niet gelezen worden: {detail}",
            "{file}: the file cannot be read: {detail}",
        ),
        "file_empty": (
            "{file}: het bestand heeft geen kopregel met kolomnamen.",
            "{file}: the file has no header row with column names.",
        ),
        # ---- columns
        "column_missing": (
            "{file}: kolom {column!r} uit {mapping} ({key}) staat niet in het bestand. "
            "Kolommen in het bestand: {columns}.",
            "{file}: column {column!r} from {mapping} ({key}) is not in the file. "
            "Columns in the file: {columns}.",
        ),
        "role_missing": (
            "{file}: geen kolom gevonden voor {role}. Kolommen in het bestand: {columns}. "
            "Noem de kolom in een koppelbestand onder 'columns: {{{key}: ...}}'.",
            "{file}: no column found for {role}. Columns in the file: {columns}. "
            "Name the column in a mapping file under 'columns: {{{key}: ...}}'.",
        ),
        "columns_unmatched": (
            "{file}: deze kolommen zijn geen touchpoint van de klantreis: {columns}. Geef een "
            "koppelbestand met 'questions:' of noem de kolommen naar een touchpoint-id. "
            "Bekende touchpoints: {known}.",
            "{file}: these columns are not touchpoints of the journey: {columns}. Give a mapping "
            "file with 'questions:' or name the columns after a touchpoint id. "
            "Known touchpoints: {known}.",
        ),
        "no_questions": (
            "{file}: geen enkele kolom is een vraag over een touchpoint. Geef een koppelbestand "
            "met 'questions:' (kolom: touchpoint-id).",
            "{file}: no column is a question about a touchpoint. Give a mapping file with "
            "'questions:' (column: touchpoint id).",
        ),
        # ---- values in the file
        "values_unknown": (
            "{file}, kolom {column!r}: deze waarden zijn geen {what}: {values}. Koppel ze in een "
            "koppelbestand onder '{key}:'. Bekend: {known}.",
            "{file}, column {column!r}: these values are not a {what}: {values}. Map them in a "
            "mapping file under '{key}:'. Known: {known}.",
        ),
        "answers_unknown": (
            "{file}, kolom {column!r}: deze antwoorden passen niet op de schaal: {values}. "
            "Koppel ze in een koppelbestand onder 'answers:' (bijvoorbeeld 'Tevreden: 4') of zet "
            "ze onder 'skip:'. De schaal: {scale}.",
            "{file}, column {column!r}: these answers do not fit the scale: {values}. Map them "
            "in a mapping file under 'answers:' (for example 'Satisfied: 4') or list them under "
            "'skip:'. The scale: {scale}.",
        ),
        "no_usable": (
            "{file}: geen enkele bruikbare rij (overgeslagen: {skipped}); er is niets ingelezen.",
            "{file}: not a single usable row (skipped: {skipped}); nothing was imported.",
        ),
        "no_rows": (
            "{file}: het bestand heeft geen rijen met gegevens; er is niets ingelezen.",
            "{file}: the file has no data rows; nothing was imported.",
        ),
        "persona_needed": (
            "{file}: het bestand heeft geen kolom met de persona. Zeg voor wie de rijen gelden "
            "met persona= (of --persona). Persona's: {known}.",
            "{file}: the file has no persona column. Say whose journey the rows belong to with "
            "persona= (or --persona). Personas: {known}.",
        ),
        "unknown_argument": (
            "{what} {value!r} bestaat niet in deze klantreis. Bekend: {known}.",
            "{what} {value!r} does not exist in this journey. Known: {known}.",
        ),
        "bad_source_id": (
            "bronnaam {value!r} kan niet: gebruik alleen letters, cijfers, '-' en '_'.",
            "source id {value!r} is not allowed: use only letters, digits, '-' and '_'.",
        ),
        # ---- mapping files
        "mapping_missing": ("{mapping}: koppelbestand niet gevonden.", "{mapping}: no such mapping file."),
        "mapping_yaml": (
            "{mapping}, regel {line}: dit is geen geldige YAML ({detail}). Kijk naar inspringing, "
            "dubbele punten en aanhalingstekens.",
            "{mapping}, line {line}: this is not valid YAML ({detail}). Check indentation, colons "
            "and quotes.",
        ),
        "mapping_not_dict": (
            "{mapping}: een koppelbestand is een lijst van sleutels zoals 'columns:' en 'answers:'.",
            "{mapping}: a mapping file is a set of keys such as 'columns:' and 'answers:'.",
        ),
        "mapping_key_unknown": (
            "{mapping}: onbekende sleutel {key!r}. Mogelijk: {allowed}.",
            "{mapping}: unknown key {key!r}. Allowed: {allowed}.",
        ),
        "mapping_key_kind": (
            "{mapping}: sleutel {key!r} hoort niet bij {kind}. Voor {kind}: {allowed}.",
            "{mapping}: key {key!r} does not belong to {kind}. For {kind}: {allowed}.",
        ),
        "mapping_kind": (
            "{mapping}: dit koppelbestand is voor {mapped}, niet voor {kind}.",
            "{mapping}: this mapping file is for {mapped}, not for {kind}.",
        ),
        "mapping_choice": (
            "{mapping}, {key}: {value!r} kan niet; kies uit {allowed}.",
            "{mapping}, {key}: {value!r} is not allowed; choose from {allowed}.",
        ),
        "mapping_type": (
            "{mapping}, {key}: verwacht {expected}, maar er staat {value!r}.",
            "{mapping}, {key}: expected {expected}, found {value!r}.",
        ),
        "mapping_touchpoint": (
            "{mapping}, {key} → {item!r}: touchpoint {value!r} bestaat niet in deze klantreis. "
            "Bekende touchpoints: {known}.",
            "{mapping}, {key} → {item!r}: touchpoint {value!r} does not exist in this journey. "
            "Known touchpoints: {known}.",
        ),
        "mapping_target": (
            "{mapping}, {key} → {item!r}: {value!r} is geen touchpoint of fase van deze klantreis. "
            "Touchpoints: {known}. Fasen: {phases}.",
            "{mapping}, {key} → {item!r}: {value!r} is not a touchpoint or phase of this journey. "
            "Touchpoints: {known}. Phases: {phases}.",
        ),
        "mapping_ambiguous": (
            "{mapping}, {key} → {item!r}: {value!r} is zowel een touchpoint als een fase; schrijf "
            "{{touchpoint: {value}}} of {{phase: {value}}}.",
            "{mapping}, {key} → {item!r}: {value!r} is both a touchpoint and a phase; write "
            "{{touchpoint: {value}}} or {{phase: {value}}}.",
        ),
        "mapping_persona": (
            "{mapping}, {key} → {item!r}: persona {value!r} bestaat niet in deze klantreis. "
            "Bekende persona's: {known}.",
            "{mapping}, {key} → {item!r}: persona {value!r} does not exist in this journey. "
            "Known personas: {known}.",
        ),
        "mapping_score": (
            "{mapping}, {key} → {item!r}: score {value!r} valt buiten de schaal van deze "
            "klantreis ({scale}).",
            "{mapping}, {key} → {item!r}: score {value!r} is outside this journey's scale ({scale}).",
        ),
        "expected_score": ("een score (getal) of niets", "a score (number) or nothing"),
        "expected_text": ("een tekst", "a text"),
        "expected_pairs": ("een lijst 'waarde: id'", "a list of 'value: id'"),
        "expected_target": (
            "een touchpoint-id, {{touchpoint: id}} of {{phase: id}}",
            "a touchpoint id, {{touchpoint: id}} or {{phase: id}}",
        ),
        # ---- summary
        "kind_survey": ("enquête", "survey"),
        "kind_calls": ("klantcontact", "calls"),
        "kind_web": ("webstatistiek", "web analytics"),
        "kind_interviews": ("interviews", "interviews"),
        "kind_events": ("gebeurtenissenlog", "event log"),
        "role_respondent": ("de respondent", "the respondent"),
        "role_persona": ("de persona", "the persona"),
        "role_touchpoint": ("het touchpoint", "the touchpoint"),
        "role_score": ("het antwoord (score)", "the answer (score)"),
        "role_date": ("de datum", "the date"),
        "role_reason": ("de contactreden", "the call reason"),
        "role_page": ("de pagina of gebeurtenis", "the page or event"),
        "role_count": ("het aantal", "the count"),
        "role_interview": ("het interview", "the interview"),
        "role_quote": ("het citaat", "the quote"),
        "role_emotion": ("de emotie", "the emotion"),
        "what_persona": ("persona", "persona"),
        "what_touchpoint": ("touchpoint", "touchpoint"),
        "what_scenario": ("Scenario", "Scenario"),
        "what_persona_arg": ("Persona", "Persona"),
        "summary_head": (
            "{file} ({kind}, bron {source}): {read} gelezen, {skipped} overgeslagen.",
            "{file} ({kind}, source {source}): {read} read, {skipped} skipped.",
        ),
        "summary_skipped": ("Overgeslagen {unit}: {reasons}.", "Skipped {unit}: {reasons}."),
        "unit_answers": ("antwoorden", "answers"),
        "unit_rows": ("rijen", "rows"),
        # ---- counted nouns (singular, plural: see Catalog.counted)
        "row": ("rij", "row"),
        "row+": ("rijen", "rows"),
        "figure": ("cijfer", "figure"),
        "figure+": ("cijfers", "figures"),
        "case": ("klantreis", "case"),
        "case+": ("klantreizen", "cases"),
        "answer": ("antwoord", "answer"),
        "answer+": ("antwoorden", "answers"),
        "summary_covered": (
            "Met cijfers: {touchpoints} (persona {personas}, scenario {scenario}).",
            "With figures: {touchpoints} (persona {personas}, scenario {scenario}).",
        ),
        "summary_unmapped": (
            "Niet gekoppeld in kolom {column!r}: {values}.",
            "Not mapped in column {column!r}: {values}.",
        ),
        "note_layout_three_rows": (
            "Export met drie kopregels herkend (kolomcodes, vraagteksten, ImportId): de {extra} "
            "extra kopregels zijn overgeslagen; vragen mogen met code of vraagtekst gekoppeld worden.",
            "Export with three header rows recognised (column tags, question texts, ImportId): "
            "the {extra} extra header rows were skipped; questions may be mapped by tag or text.",
        ),
        "note_layout_two_rows": (
            "Export met twee kopregels herkend (vraag en deelvraag): de {extra} extra kopregel is "
            "overgeslagen; een kolom heet 'vraag - deelvraag'.",
            "Export with two header rows recognised (question and sub-question): the {extra} "
            "extra header row was skipped; a column is called 'question - sub-question'.",
        ),
        "note_layout_codes": (
            "Export met vraagcodes herkend (zoals G01Q02); metadata zoals id, submitdate en "
            "lastpage telt niet als antwoord.",
            "Export with question codes recognised (such as G01Q02); metadata such as id, "
            "submitdate and lastpage is not counted as an answer.",
        ),
        "note_layout_form": (
            "Formulier-export herkend (vraagteksten en een tijdstempel); tijdstempel, e-mail en "
            "naam tellen niet als antwoord.",
            "Form export recognised (question texts and a timestamp); timestamp, e-mail and name "
            "are not counted as answers.",
        ),
        "note_partial": (
            "{count} onvolledige responsen (Finished/Progress) zijn niet meegeteld; "
            "--include-partial telt ze mee.",
            "{count} incomplete responses (Finished/Progress) were left out; --include-partial counts them.",
        ),
        "note_partial_kept": (
            "{count} onvolledige responsen (Finished/Progress) zijn meegeteld (--include-partial).",
            "{count} incomplete responses (Finished/Progress) were counted (--include-partial).",
        ),
        "note_duplicate_rows": (
            "Rijen die een eerdere rij precies herhalen (zelfde respondent in kolom {column!r}, "
            "zelfde antwoorden) zijn één keer geteld: {rows}.",
            "Rows that repeat an earlier row exactly (same respondent in column {column!r}, "
            "same answers) were counted once: {rows}.",
        ),
        "note_conflicts": (
            "Tegenstrijdige antwoorden op dezelfde vraag, niet meegeteld ({answers}): {respondents}.",
            "Conflicting answers to the same question, left out ({answers}): {respondents}.",
        ),
        "none": ("geen", "none"),
        "more": ("en nog {count}", "and {count} more"),
        "phase_prefix": ("fase {id}", "phase {id}"),
        # ---- stored sources (import, list, remove)
        "unknown_kind": (
            "soort bewijs {kind!r} bestaat niet; kies uit {known}.",
            "evidence kind {kind!r} does not exist; choose from {known}.",
        ),
        "unknown_source": (
            "bron {source!r} staat niet in dit project. Bronnen: {known}.",
            "source {source!r} is not in this project. Sources: {known}.",
        ),
        "twin_file": (
            "{file} is hetzelfde bestand (zelfde sha256) als bron {other!r} ({other_file}); onder "
            "bronnaam {source!r} zou alles dubbel tellen. Lees het in als bron {other!r} om die te "
            "vervangen, of gebruik --force als het echt een tweede bron is.",
            "{file} is the same file (same sha256) as source {other!r} ({other_file}); as source "
            "{source!r} everything would count twice. Import it as source {other!r} to replace "
            "that one, or use --force if it really is a second source.",
        ),
        "twin_period": (
            "{file} overlapt met bron {other!r} ({other_file}, periode {period}); dubbel geteld "
            "zouden worden: {figures} voor dezelfde persona en hetzelfde touchpoint. Lees het in "
            "als bron {other!r} om die te vervangen, of gebruik --force als het andere contacten zijn.",
            "{file} overlaps source {other!r} ({other_file}, period {period}); counted twice would "
            "be: {figures} for the same persona and touchpoint. Import it as source {other!r} "
            "to replace that one, or use --force if these are other contacts.",
        ),
        "twin_file_forced": (
            "Let op: hetzelfde bestand als bron {other!r}; toch ingelezen (--force).",
            "Note: the same file as source {other!r}; imported anyway (--force).",
        ),
        "twin_period_forced": (
            "Let op: overlapt met bron {other!r} (periode {period}); toch ingelezen (--force).",
            "Note: overlaps source {other!r} (period {period}); imported anyway (--force).",
        ),
        "no_sources": ("Dit project heeft nog geen bewijs.", "This project has no evidence yet."),
        "source_line": (
            "{id}: {kind}, {file}, periode {period}, ingelezen {imported}; {read} "
            "({skipped} overgeslagen), {figures}, {quotes}; persona's: {personas}",
            "{id}: {kind}, {file}, period {period}, imported {imported}; {read} "
            "({skipped} skipped), {figures}, {quotes}; personas: {personas}",
        ),
        "source_line_events": (
            "{id}: {kind}, {file}, periode {period}, ingelezen {imported}; {read} "
            "({skipped} overgeslagen), paden van {cases} in scenario {scenario}; persona's: {personas}",
            "{id}: {kind}, {file}, period {period}, imported {imported}; {read} "
            "({skipped} skipped), paths of {cases} in scenario {scenario}; personas: {personas}",
        ),
        "removed": (
            "Bron {source} verwijderd, met {figures} en {quotes}.",
            "Removed source {source}, with {figures} and {quotes}.",
        ),
        "saved": ("Opgeslagen in {path}.", "Saved to {path}."),
        # ---- skip reasons (codes are stored in the project file; these are shown)
        "reason_empty": ("leeg", "empty"),
        "reason_dont_know": ("weet niet / n.v.t.", "don't know / not applicable"),
        "reason_out_of_scale": ("buiten de schaal", "outside the scale"),
        "reason_invalid_count": ("geen geldig aantal", "not a valid count"),
        "reason_invalid_date": ("geen geldige datum", "not a valid date"),
        "reason_incomplete": ("onvolledige respons", "incomplete response"),
        "reason_duplicate": ("dubbele respons", "duplicate response"),
        "reason_conflict": (
            "tegenstrijdige antwoorden van één respondent",
            "conflicting answers of one respondent",
        ),
        "reason_no_interview": ("geen interview-id", "no interview id"),
        "reason_empty_quote": ("geen citaat en geen emotie", "no quote and no emotion"),
        "reason_no_persona": ("persona leeg", "persona empty"),
        "reason_unmapped_persona": ("persona niet gekoppeld", "persona not mapped"),
        "reason_other_persona": ("andere persona dan gevraagd", "another persona than asked"),
        "reason_unmapped_question": ("vraag niet gekoppeld", "question not mapped"),
        "reason_unmapped_reason": ("contactreden niet gekoppeld", "call reason not mapped"),
        "reason_unmapped_page": ("pagina niet gekoppeld", "page not mapped"),
        "reason_unmapped_touchpoint": ("touchpoint niet gekoppeld", "touchpoint not mapped"),
        "reason_not_in_journey": (
            "touchpoint hoort niet bij de reis van deze persona",
            "touchpoint is not in this persona's journey",
        ),
    },
)


def text(code: str, language: str, /, **params: Any) -> str:
    """The text ``code`` in ``language``."""
    return TEXTS.text(code, language, **params)


def fail(code: str, language: str, /, **params: Any) -> NoReturn:
    """Raise :class:`JourneyError` with the text ``code`` rendered in ``language``."""
    raise JourneyError(TEXTS.text(code, language, **params))


def listing(items: Iterable[Any], language: str, quote: bool = False) -> str:
    """Items joined with commas, at most :data:`LIST_LIMIT` of them ("and N more")."""
    items = list(items)
    shown = [repr(str(i)) if quote else str(i) for i in items[:LIST_LIMIT]]
    if len(items) > LIST_LIMIT:
        shown.append(text("more", language, count=len(items) - LIST_LIMIT))
    return ", ".join(shown) if shown else text("none", language)


def counted(counts: Mapping[Any, float], language: str) -> str:
    """``'value' (count)`` pairs, most frequent first, at most :data:`LIST_LIMIT`."""
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))
    return listing([f"{str(k)!r} ({v})" for k, v in ordered], language)
