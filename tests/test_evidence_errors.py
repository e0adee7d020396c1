"""Bad input: each case stops the import with one message, in the journey's language,
that names the file, column, row, key or value at fault."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from evidence_support import sportschool, write

import klantreis
from klantreis import Journey, JourneyError
from klantreis.evidence import load_mapping, read_calls, read_interviews, read_survey, read_web

OK = "persona,touchpoint,score\nstudent,proefles,4\n"


@pytest.fixture(scope="module")
def nl() -> Journey:
    return sportschool("nl")


@pytest.fixture(scope="module")
def en() -> Journey:
    return sportschool("en")


def message(call: Callable[[], Any]) -> str:
    with pytest.raises(JourneyError) as info:
        call()
    return str(info.value)


@pytest.mark.parametrize("name", ["enquete.pdf", "enquete.xls", "enquete.json", "enquete"])
def test_a_file_that_is_not_csv_or_xlsx(nl, en, tmp_path: Path, name: str) -> None:
    path = write(tmp_path, name, OK)
    assert message(lambda: read_survey(nl, path)) == (
        f"{name}: dit is geen CSV- of Excel-bestand. Bewijs wordt gelezen uit .csv of .xlsx; "
        "sla het bestand in een van die vormen op."
    )
    assert message(lambda: read_calls(en, path)).startswith(f"{name}: this is not a CSV or Excel file.")


def test_an_excel_file_named_csv_a_binary_file_and_a_broken_xlsx(nl, tmp_path: Path) -> None:
    assert "lijkt een Excel-bestand met de extensie .csv" in message(
        lambda: read_survey(nl, write(tmp_path, "z.csv", "PK\x03\x04rest"))
    )
    binary = tmp_path / "b.csv"
    binary.write_bytes(b"persona\x00\x01\x02")
    assert message(lambda: read_survey(nl, binary)) == (
        "b.csv: dit is geen tekstbestand, dus geen CSV. Sla het op als CSV of .xlsx."
    )
    assert message(lambda: read_survey(nl, write(tmp_path, "b.xlsx", "no zip"))).startswith(
        "b.xlsx: het bestand kan niet gelezen worden:"
    )
    assert message(lambda: read_survey(nl, tmp_path / "weg.csv")).endswith("weg.csv: bestand niet gevonden.")


def test_a_broken_csv_names_the_row(nl, tmp_path: Path) -> None:
    text = message(lambda: read_survey(nl, write(tmp_path, "p.csv", OK + 'student,"proefles,4\n')))
    assert text.startswith("p.csv: het bestand kan niet gelezen worden:") and "row 2" in text


def test_a_missing_mapped_column(nl, en, tmp_path: Path) -> None:
    path = write(tmp_path, "golf.csv", OK)
    mapping = write(tmp_path, "golf.yaml", "columns:\n  persona: Segment\n")
    assert message(lambda: read_survey(nl, path, mapping=mapping)) == (
        "golf.csv: kolom 'Segment' uit golf.yaml (columns → persona) staat niet in het bestand. "
        "Kolommen in het bestand: 'persona', 'touchpoint', 'score'."
    )
    assert message(lambda: read_survey(en, path, mapping=mapping)) == (
        "golf.csv: column 'Segment' from golf.yaml (columns → persona) is not in the file. "
        "Columns in the file: 'persona', 'touchpoint', 'score'."
    )
    wide = write(tmp_path, "breed.csv", "Segment,Q1\nstudent,4\n")
    questions = {"questions": {"Q1": "proefles", "Q2": "groepsles"}, "columns": {"persona": "Segment"}}
    assert message(lambda: read_survey(nl, wide, mapping=questions)).startswith(
        "breed.csv: kolom 'Q2' uit mapping (questions → Q2) staat niet in het bestand."
    )


def test_an_unknown_touchpoint_in_a_mapping_names_it_and_lists_the_known_ones(nl, en, tmp_path: Path) -> None:
    path = write(tmp_path, "golf.csv", OK)
    mapping = write(tmp_path, "golf.yaml", "questions:\n  Hoe was de proefles?: proefless\n")
    text = message(lambda: read_survey(nl, path, mapping=mapping))
    assert text.startswith(
        "golf.yaml, questions → 'Hoe was de proefles?': touchpoint 'proefless' "
        "bestaat niet in deze klantreis. Bekende touchpoints: instagram-vriendin, "
    )
    assert "proefles, " in text
    assert message(lambda: read_survey(en, path, mapping=mapping)).startswith(
        "golf.yaml, questions → 'Hoe was de proefles?': touchpoint 'proefless' does not exist in this "
        "journey. Known touchpoints: "
    )
    calls = write(tmp_path, "calls.yaml", "reasons:\n  Opzeggen: {phase: einde}\n")
    assert "'einde' is geen touchpoint of fase van deze klantreis" in message(
        lambda: read_calls(nl, path, mapping=calls)
    )
    assert "Fasen: orientatie, aanschaf, gebruik, aanbeveling, aftersales." in message(
        lambda: read_calls(nl, path, mapping=calls)
    )


def test_an_unknown_persona_in_a_mapping(nl, en, tmp_path: Path) -> None:
    path = write(tmp_path, "golf.csv", OK)
    mapping = write(tmp_path, "golf.yaml", "personas:\n  18-25: studnet\n")
    assert message(lambda: read_web(nl, path, mapping=mapping)) == (
        "golf.yaml, personas → '18-25': persona 'studnet' bestaat niet in deze klantreis. "
        "Bekende persona's: student, senior, ouder."
    )
    assert message(lambda: read_web(en, path, mapping=mapping)) == (
        "golf.yaml, personas → '18-25': persona 'studnet' does not exist in this journey. "
        "Known personas: student, senior, ouder."
    )


def test_a_score_outside_the_scale_in_a_mapping(nl, tmp_path: Path) -> None:
    mapping = write(tmp_path, "golf.yaml", "answers:\n  Zeer tevreden: 7\n")
    assert message(lambda: read_survey(nl, write(tmp_path, "golf.csv", OK), mapping=mapping)) == (
        "golf.yaml, answers → 'Zeer tevreden': score 7 valt buiten de schaal van deze klantreis "
        "(1 (boos 😠), 2 (gefrustreerd 😞), 3 (neutraal 😐), 4 (tevreden 🙂), 5 (blij 😄))."
    )


def test_zero_usable_rows(nl, en, tmp_path: Path) -> None:
    path = write(
        tmp_path, "leeg.csv", "persona,touchpoint,score\nstudent,proefles,\nstudent,proefles,weet niet\n"
    )
    assert message(lambda: read_survey(nl, path)) == (
        "leeg.csv: geen enkele bruikbare rij (overgeslagen: 1 leeg, 1 weet niet / n.v.t.); "
        "er is niets ingelezen."
    )
    assert message(lambda: read_survey(en, path)) == (
        "leeg.csv: not a single usable row (skipped: 1 empty, 1 don't know / not applicable); "
        "nothing was imported."
    )
    header_only = write(tmp_path, "kop.csv", "persona,touchpoint,score\n")
    assert message(lambda: read_survey(nl, header_only)) == (
        "kop.csv: het bestand heeft geen rijen met gegevens; er is niets ingelezen."
    )
    assert message(lambda: read_survey(nl, write(tmp_path, "niets.csv", ""))) == (
        "niets.csv: het bestand heeft geen kopregel met kolomnamen."
    )
    unmapped = write(tmp_path, "calls.csv", "reden\nopeningstijden\n")
    assert "overgeslagen: 1 contactreden niet gekoppeld" in message(
        lambda: read_calls(nl, unmapped, persona="ouder")
    )


def test_without_a_mapping_what_cannot_be_matched_stops_the_import(nl, tmp_path: Path) -> None:
    labels = write(
        tmp_path,
        "l.csv",
        "persona,touchpoint,score\nstudent,proefles,Zeer tevreden\n"
        "student,proefles,Zeer tevreden\nstudent,proefles,4\n",
    )
    assert message(lambda: read_survey(nl, labels)).startswith(
        "l.csv, kolom 'score': deze antwoorden passen niet op de schaal: 'Zeer tevreden' (2). "
        "Koppel ze in een koppelbestand onder 'answers:'"
    )
    touchpoints = write(tmp_path, "t.csv", "persona,touchpoint,score\nstudent,Proefles!,4\n")
    assert message(lambda: read_survey(nl, touchpoints)).startswith(
        "t.csv, kolom 'touchpoint': deze waarden zijn geen touchpoint: 'Proefles!' (1). "
        "Koppel ze in een koppelbestand onder 'questions:'."
    )
    personas = write(tmp_path, "p.csv", "persona,touchpoint,score\nStudenten,proefles,4\n")
    assert message(lambda: read_survey(nl, personas)) == (
        "p.csv, kolom 'persona': deze waarden zijn geen persona: 'Studenten' (1). Koppel ze in een "
        "koppelbestand onder 'personas:'. Bekend: student, senior, ouder."
    )
    columns = write(tmp_path, "w.csv", "Respondent,proefles,Starttijd\n1,4,09:00\n")
    assert message(lambda: read_survey(nl, columns, persona="student")).startswith(
        "w.csv: deze kolommen zijn geen touchpoint van de klantreis: 'Starttijd'."
    )
    interviews = write(
        tmp_path, "i.csv", "interview,persona,touchpoint,quote,emotion\n1,senior,koffiehoek,Ja,prima\n"
    )
    assert message(lambda: read_interviews(nl, interviews)).startswith(
        "i.csv, kolom 'emotion': deze antwoorden passen niet op de schaal: 'prima' (1)."
    )


def test_rows_without_a_persona_need_the_persona_argument(nl, en, tmp_path: Path) -> None:
    path = write(tmp_path, "calls.csv", "reden\nkinderopvang\n")
    assert message(lambda: read_calls(nl, path)) == (
        "calls.csv: het bestand heeft geen kolom met de persona. Zeg voor wie de rijen gelden met "
        "persona= (of --persona). Persona's: student, senior, ouder."
    )
    assert "the file has no persona column" in message(lambda: read_calls(en, path))


def test_a_column_the_kind_needs_is_missing(nl, tmp_path: Path) -> None:
    path = write(tmp_path, "calls.csv", "Wat\nkinderopvang\n")
    assert message(lambda: read_calls(nl, path, persona="ouder")) == (
        "calls.csv: geen kolom gevonden voor de contactreden. Kolommen in het bestand: 'Wat'. "
        "Noem de kolom in een koppelbestand onder 'columns: {reason: ...}'."
    )
    assert "geen kolom gevonden voor het citaat" in message(
        lambda: read_interviews(nl, write(tmp_path, "i.csv", "interview,touchpoint\n1,koffiehoek\n"))
    )


def test_unknown_arguments(nl, tmp_path: Path) -> None:
    path = write(tmp_path, "golf.csv", OK)
    assert message(lambda: read_survey(nl, path, scenario="toekomst")) == (
        "Scenario 'toekomst' bestaat niet in deze klantreis. Bekend: huidig, gewenst, concurrent."
    )
    assert message(lambda: read_survey(nl, path, persona="tiener")) == (
        "Persona 'tiener' bestaat niet in deze klantreis. Bekend: student, senior, ouder."
    )
    assert message(lambda: read_survey(nl, path, source="golf 2!")) == (
        "bronnaam 'golf 2!' kan niet: gebruik alleen letters, cijfers, '-' en '_'."
    )


def test_mapping_file_shape(nl, en, tmp_path: Path) -> None:
    path = write(tmp_path, "golf.csv", OK)

    def bad(yaml_text: str, journey: Journey = nl) -> str:
        return message(lambda: read_survey(journey, path, mapping=write(tmp_path, "m.yaml", yaml_text)))

    assert bad("vragen: {}\n") == (
        "m.yaml: onbekende sleutel 'vragen'. Mogelijk: kind, format, metric, range, columns, "
        "questions, answers, skip, personas, quotes, reasons, pages, touchpoints."
    )
    assert bad("reasons: {}\n") == (
        "m.yaml: sleutel 'reasons' hoort niet bij survey. Voor survey: kind, "
        "format, metric, range, columns, questions, answers, skip, personas, quotes."
    )
    assert bad("kind: calls\n") == "m.yaml: dit koppelbestand is voor calls, niet voor survey."
    assert bad("format: breed\n") == "m.yaml, format: 'breed' kan niet; kies uit wide, long."
    assert bad("answers:\n  Goed: heel goed\n") == (
        "m.yaml, answers → Goed: verwacht een score (getal) of niets, maar er staat 'heel goed'."
    )
    assert bad("answers:\n  Goed: heel goed\n", en) == (
        "m.yaml, answers → Goed: expected a score (number) or nothing, found 'heel goed'."
    )
    assert bad("columns:\n  reden: Reden\n") == (
        "m.yaml, columns: 'reden' kan niet; kies uit respondent, persona, touchpoint, score, date."
    )
    assert bad("- a\n- b\n") == (
        "m.yaml: een koppelbestand is een lijst van sleutels zoals 'columns:' en 'answers:'."
    )
    assert re.match(
        r"m\.yaml, regel 3: dit is geen geldige YAML \(.+\)\. Kijk naar inspringing",
        bad("questions:\n  Q1: proefles\n bad: [\n"),
    )
    assert message(lambda: load_mapping(tmp_path / "weg.yaml", "nl")).endswith(
        "weg.yaml: koppelbestand niet gevonden."
    )


def test_a_mapping_target_that_is_both_a_touchpoint_and_a_phase(tmp_path: Path) -> None:
    journey = Journey(title="Verhuur")
    journey.add_phase("huren", "Huren")
    journey.add_persona("toerist", "Tom")
    journey.add_touchpoint("huren", "toerist", "huren", "Fiets huren")
    text = message(
        lambda: read_calls(
            journey, write(tmp_path, "c.csv", "reden\nx\n"), mapping={"reasons": {"Fiets huren": "huren"}}
        )
    )
    assert text == (
        "mapping, reasons → 'Fiets huren': 'huren' is zowel een touchpoint als een fase; "
        "schrijf {touchpoint: huren} of {phase: huren}."
    )
    ok = read_calls(
        journey,
        write(tmp_path, "c.csv", "reden\nFiets huren\n"),
        mapping={"reasons": {"Fiets huren": {"phase": "huren"}}},
    )
    assert (ok.evidence[0]["phase"], ok.evidence[0]["value"]) == ("huren", 1)


def test_yes_and_no_stay_text_in_a_mapping(tmp_path: Path) -> None:
    text = "answers:\n  Ja: 5\n  Nee: 1\n  Yes: 5\n  No: 1\n  On: 3\n"
    mapping = load_mapping(write(tmp_path, "m.yaml", text))
    assert mapping.data["answers"] == {"Ja": 5, "Nee": 1, "Yes": 5, "No": 1, "On": 3}


def test_errors_leave_the_journey_as_it_was(nl, tmp_path: Path) -> None:
    before = klantreis.dumps(nl)
    message(lambda: read_survey(nl, write(tmp_path, "x.csv", "persona,touchpoint,score\nx,y,z\n")))
    assert klantreis.dumps(nl) == before


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read(nl, tmp_path: Path, encoding: str) -> None:
    """Some exports write UTF-16 without a BOM: it is text, read as such (it used to be
    refused as "geen tekstbestand")."""
    text = "respondent\tpersona\ttouchpoint\tscore\n1\tstudent\tproefles\t4\n2\tstudent\tproefles\t2\n"
    text += "3\tstudent\tproefles\ttevreden\n"
    result = read_survey(nl, write(tmp_path, "export.csv", text, encoding))
    record = result.evidence[0]
    assert (record["touchpoint"], record["n"], record["value"]) == (
        "proefles",
        3,
        pytest.approx(3.333, abs=1e-3),
    )


def test_a_long_file_without_a_score_column_names_the_missing_column(nl, en, tmp_path: Path) -> None:
    path = write(tmp_path, "lang.csv", "respondent,persona,touchpoint,antwoordtekst\n1,student,proefles,4\n")
    said = message(lambda: read_survey(nl, path))
    assert said.startswith("lang.csv: geen kolom gevonden voor het antwoord (score).")
    assert "'touchpoint' is geen" not in said and "columns: {score: ...}" in said
    assert message(lambda: read_survey(en, path)).startswith(
        "lang.csv: no column found for the answer (score)."
    )
