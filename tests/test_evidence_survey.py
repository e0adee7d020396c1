"""Survey imports: long and wide files, labels and emoji, skipped answers, the source
record, encodings and separators, .xlsx, and that the journey is only read."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd
import pytest
from evidence_support import assert_matches, find, sportschool, write

import klantreis
from klantreis.evidence import read_survey

LONG = """respondent,persona,touchpoint,score
1,student,proefles,4
2,student,proefles,5
3,student,proefles,2
4,student,proefles,
5,student,proefles,weet niet
6,student,proefles,N.v.t.
7,student,proefles,9
8,student,groepsles,tevreden
9,student,groepsles,😄
10,student,groepsles,🙂
11,senior,groepsles,3
12,senior,koffiehoek,1
13,student,koffiehoek,4
"""


@pytest.fixture(scope="module")
def journey() -> klantreis.Journey:
    return sportschool()


def test_long_file_without_mapping_gives_means_with_intervals(journey, tmp_path: Path) -> None:
    result = read_survey(journey, write(tmp_path, "golf-1.csv", LONG), imported="2026-05-01")
    assert_matches(find(result.evidence, persona="student", touchpoint="proefles"), [4, 5, 2])
    assert_matches(find(result.evidence, persona="student", touchpoint="groepsles"), [4, 5, 4])
    single = find(result.evidence, persona="senior", touchpoint="groepsles")
    assert (single["n"], single["value"], single["sd"], single["ci_low"]) == (1, 3.0, None, None)
    assert {r["metric"] for r in result.evidence} == {"score"}
    assert all(r["scenario"] == "huidig" and r["phase"] == "" for r in result.evidence)


def test_skipped_answers_are_counted_by_reason_never_as_zero(journey, tmp_path: Path) -> None:
    result = read_survey(journey, write(tmp_path, "golf-1.csv", LONG))
    assert result.source["skipped"] == {
        "empty": 1,
        "dont_know": 2,
        "out_of_scale": 1,
        "not_in_journey": 1,
    }  # koffiehoek is not the student's
    assert result.source["rows_read"] == 13
    assert result.source["rows_skipped"] == 5
    proefles = find(result.evidence, persona="student", touchpoint="proefles")
    assert proefles["n"] == 3 and proefles["value"] == pytest.approx(3.667, abs=1e-3)
    assert result.summary.skipped == result.source["skipped"]
    assert result.summary.touchpoints == ["proefles", "groepsles", "koffiehoek"]


def test_source_record(journey, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "Enquête Golf 2.csv",
        "respondent,persona,touchpoint,score,datum\n"
        "1,ouder,groepsles,5,14-03-2026\n2,ouder,groepsles,4,02-03-2026\n3,ouder,groepsles,,31-03-2026\n",
    )
    result = read_survey(journey, path, imported="2026-04-02")
    assert result.source == {
        "id": "enquete-golf-2",
        "kind": "survey",
        "file": "Enquête Golf 2.csv",
        "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
        "rows_read": 3,
        "rows_skipped": 1,
        "skipped": {"empty": 1},
        "period": "2026-03-02/2026-03-31",  # the file's dates, skipped rows included
        "imported": "2026-04-02",
        "mapping": {
            "format": "long",
            "columns": {
                "respondent": "respondent",
                "persona": "persona",
                "touchpoint": "touchpoint",
                "score": "score",
                "date": "datum",
            },
        },
    }
    assert result.source_id == "enquete-golf-2"
    assert read_survey(journey, path, source="golf-2").source["id"] == "golf-2"
    assert all(r["source"] == "golf-2" for r in read_survey(journey, path, source="golf-2").evidence)


def test_the_journey_is_only_read(journey, tmp_path: Path) -> None:
    before = klantreis.dumps(journey)
    read_survey(journey, write(tmp_path, "golf-1.csv", LONG))
    assert klantreis.dumps(journey) == before


def test_wide_file_with_mapping_labels_and_segments(journey, tmp_path: Path) -> None:
    data = write(
        tmp_path,
        "wide.csv",
        (
            "Respondent;Leeftijd;Hoe was de proefles?;Groepsles;NPS\n"
            "1;18-25;Tevreden;Zeer tevreden;8\n"
            "2;18-25;Zeer ontevreden;Tevreden;3\n"
            "3;18-25;Weet niet;Ontevreden;7\n"
            "4;65+;Neutraal;Zeer tevreden;9\n"
            "5;65+;;Tevreden;9\n"
            "6;Anders;Tevreden;Tevreden;6\n"
            "7;18-25;Geen mening;Zeer tevreden;6\n"
        ),
    )
    mapping = write(
        tmp_path,
        "wide.yaml",
        (
            "kind: survey\ncolumns: {persona: Leeftijd}\n"
            "questions:\n  Hoe was de proefles?: proefles\n  Groepsles: groepsles\n"
            "answers: {Zeer ontevreden: 1, Ontevreden: 2, Neutraal: 3, Tevreden: 4, Zeer tevreden: 5}\n"
            "personas: {18-25: student, 65+: senior}\n"
        ),
    )
    result = read_survey(journey, data, mapping=mapping)
    assert_matches(find(result.evidence, persona="student", touchpoint="proefles"), [4, 1])
    assert_matches(find(result.evidence, persona="student", touchpoint="groepsles"), [5, 4, 2, 5])
    assert_matches(find(result.evidence, persona="senior", touchpoint="groepsles"), [5, 4])
    # senior has no proefles in this journey: its one answer is skipped, not attached
    assert result.source["skipped"] == {
        "empty": 1,
        "dont_know": 2,
        "unmapped_persona": 2,
        "not_in_journey": 1,
    }
    assert result.summary.unmapped == {"Leeftijd": {"Anders": 1}}
    assert result.source["rows_skipped"] == 1
    assert result.source["mapping"]["questions"] == {
        "Hoe was de proefles?": "proefles",
        "Groepsles": "groepsles",
    }
    assert result.source["mapping"]["personas"] == {"18-25": "student", "65+": "senior"}
    assert "NPS" not in str(result.source["mapping"])


def test_wide_file_without_mapping_uses_touchpoint_ids_and_persona_argument(journey, tmp_path: Path) -> None:
    path = write(tmp_path, "ids.csv", "respondent,groepsles,kinderopvang\n1,4,1\n2,5,\n3,😐,😠\n")
    result = read_survey(journey, path, persona="ouder")
    assert_matches(find(result.evidence, touchpoint="groepsles"), [4, 5, 3])
    assert_matches(find(result.evidence, touchpoint="kinderopvang"), [1, 1])
    assert {r["persona"] for r in result.evidence} == {"ouder"}
    assert result.source["mapping"]["format"] == "wide"


def test_scenario_argument(journey, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "gewenst.csv",
        "persona,touchpoint,score\nstudent,online-inschrijven,4\nstudent,online-inschrijven,5\n",
    )
    result = read_survey(journey, path, scenario="gewenst")
    assert find(result.evidence, touchpoint="online-inschrijven")["scenario"] == "gewenst"
    # online-inschrijven is not in the student's current journey
    with pytest.raises(klantreis.JourneyError, match="geen enkele bruikbare rij"):
        read_survey(journey, path)


def test_persona_argument_keeps_only_that_personas_rows(journey, tmp_path: Path) -> None:
    result = read_survey(journey, write(tmp_path, "golf-1.csv", LONG), persona="senior")
    assert {r["persona"] for r in result.evidence} == {"senior"}
    assert result.source["skipped"]["other_persona"] == 7  # student rows with a usable answer


def test_cp1252_semicolons_and_decimal_commas(journey, tmp_path: Path) -> None:
    text = (
        "Respondent;Segment;Touchpoint;Score;Opmerking\r\n"
        "1;student;groepsles;3,5;Prima, maar café te duur\r\n"
        "2;student;groepsles;4,5;Één keer vol\r\n"
        "3;student;groepsles;4;\r\n"
    )
    result = read_survey(journey, write(tmp_path, "excel.csv", text, "cp1252"))
    assert_matches(find(result.evidence, touchpoint="groepsles"), [3.5, 4.5, 4])


@pytest.mark.parametrize(
    "encoding, separator",
    [("utf-8-sig", ","), ("utf-8", "\t"), ("utf-16", "\t"), ("cp1252", ","), ("utf-8", "|")],
)
def test_encodings_and_separators(journey, tmp_path: Path, encoding: str, separator: str) -> None:
    rows = [
        ["persona", "touchpoint", "score"],
        ["senior", "koffiehoek", "blij"],
        ["senior", "koffiehoek", "Tevreden"],
        ["senior", "koffiehoek", "2"],
    ]
    text = "".join(separator.join(r) + "\n" for r in rows)
    result = read_survey(journey, write(tmp_path, "s.csv", text, encoding))
    assert_matches(find(result.evidence, touchpoint="koffiehoek"), [5, 4, 2])


def test_quoted_separators_inside_cells(journey, tmp_path: Path) -> None:
    text = (
        'persona,touchpoint,score,note\nsenior,koffiehoek,4,"lekker, warm"\nsenior,koffiehoek,5,"x, y, z"\n'
    )
    result = read_survey(journey, write(tmp_path, "q.csv", text))
    assert_matches(find(result.evidence, touchpoint="koffiehoek"), [4, 5])


def test_xlsx(journey, tmp_path: Path) -> None:
    path = tmp_path / "golf.xlsx"
    pd.DataFrame(
        {
            "Persona": ["ouder", "ouder", "ouder", None],
            "Touchpoint": ["groepsles"] * 3 + [None],
            "Score": [5, 4.0, "tevreden", None],
        }
    ).to_excel(path, index=False)
    result = read_survey(journey, path)
    assert_matches(find(result.evidence, touchpoint="groepsles"), [5, 4, 4])
    assert result.source["rows_read"] == 3  # the empty row at the end is not a row


def test_mapping_as_plain_dict_and_answers_that_skip(journey, tmp_path: Path) -> None:
    path = write(tmp_path, "d.csv", "Klant,Vraag,Antwoord\nA,Q1,Goed\nB,Q1,Slecht\nC,Q1,Geen idee\n")
    mapping = {
        "columns": {"respondent": "Klant"},
        "questions": {"Q1": "groepsles"},
        "answers": {"Goed": 5, "Slecht": 1, "Geen idee": None},
    }
    result = read_survey(journey, path, mapping=mapping, persona="student")
    assert_matches(find(result.evidence, touchpoint="groepsles"), [5, 1])
    assert result.source["skipped"] == {"dont_know": 1}


def test_long_file_with_mapping_skips_and_lists_unmapped_questions(journey, tmp_path: Path) -> None:
    path = write(tmp_path, "l.csv", "persona,vraag,antwoord\nstudent,Q1,4\nstudent,Q2,5\nstudent,Q2,3\n")
    result = read_survey(journey, path, mapping={"questions": {"Q1": "proefles"}})
    assert result.summary.unmapped == {"vraag": {"Q2": 2}}
    assert result.source["skipped"] == {"unmapped_question": 2}


def test_summary_report_in_both_languages(journey, tmp_path: Path) -> None:
    result = read_survey(journey, write(tmp_path, "golf-1.csv", LONG))
    nl = result.report()
    assert "golf-1.csv (enquête, bron golf-1): 13 rijen gelezen, 5 rijen overgeslagen." in nl
    assert "1 leeg, 2 weet niet / n.v.t., 1 buiten de schaal" in nl
    en = result.report("en")
    assert "13 rows read, 5 rows skipped" in en and "2 don't know / not applicable" in en


def test_many_rows_are_read_without_row_loops(journey, tmp_path: Path) -> None:
    n = 30_000
    frame = pd.DataFrame(
        {
            "persona": ["ouder", "senior"] * (n // 2),
            "touchpoint": ["groepsles"] * n,
            "score": [1, 2, 3, 4, 5, ""] * (n // 6),
        }
    )
    path = tmp_path / "big.csv"
    frame.to_csv(path, index=False)
    result = read_survey(journey, path)
    scores = pd.to_numeric(frame["score"], errors="coerce")
    for persona in ("ouder", "senior"):
        values = scores[(frame["persona"] == persona)].dropna().tolist()
        assert_matches(find(result.evidence, persona=persona, touchpoint="groepsles"), values)
    assert result.source["skipped"] == {"empty": n // 6}


def test_combined_dont_know_answers_are_skipped(journey, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "c.csv",
        "persona,touchpoint,score\nsenior,koffiehoek,Weet niet / N.v.t.\nsenior,koffiehoek,4\n",
    )
    result = read_survey(journey, path)
    assert result.source["skipped"] == {"dont_know": 1}
