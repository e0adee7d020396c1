"""Survey-tool exports read as exported: one fixture per layout (three header rows with
ImportId JSON, two header rows, question codes, a form tool's export), built from the
tools' documented formats. Each must give the same figures per persona × touchpoint as
an independent computation over the complete responses, with no header row counted."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pandas as pd
import pytest
from evidence_support import assert_matches, find, sportschool, write

import klantreis
from klantreis.evidence import read_survey
from klantreis.evidence.layouts import detect_layout

LABELS = ["Zeer ontevreden", "Ontevreden", "Neutraal", "Tevreden", "Zeer tevreden"]
ANSWERS = {label: i + 1 for i, label in enumerate(LABELS)} | {"Weet niet": None}
SEGMENTS = {"Ik studeer": "student", "Ik werk en heb kinderen thuis": "ouder"}
Q_SEGMENT = "Welke situatie past het best bij u?"
Q_TRIAL = "Hoe tevreden bent u over de proefles?"
Q_CLASS = "Hoe tevreden bent u over de groepsles?"


def respondents() -> list[dict]:
    """40 respondents: segment, two answers as choice texts ("Weet niet" and empty
    included), finished or not; the same people in every layout."""
    people = []
    for i in range(40):
        segment = list(SEGMENTS)[i % 2]
        trial = ([*LABELS, "Weet niet"] * 7)[(i * 7) % 6 + (i % 3)]
        lesson = "" if i % 9 == 4 else LABELS[(i * 3 + 1) % 5]
        people.append(
            {
                "id": f"R_{i:04d}",
                "segment": segment,
                "trial": trial,
                "class": lesson,
                "finished": i % 8 != 7,  # 5 incomplete responses
                "day": 1 + i % 28,
                "note": f"Prima, één keer gebeld ({i})" if i % 5 == 0 else "",
            }
        )
    return people


def expected_scores(people: list[dict], question: str, include_partial: bool = False) -> dict:
    """persona -> the scores of ``question``, computed with pandas from the source data."""
    frame = pd.DataFrame(people)
    if not include_partial:
        frame = frame[frame["finished"]]
    frame = frame.assign(persona=frame["segment"].map(SEGMENTS), score=frame[question].map(ANSWERS))
    frame = frame.dropna(subset=["score"])
    return {p: list(group["score"]) for p, group in frame.groupby("persona")}


def mapping(persona: str, trial: str, lesson: str, date: str | None = None) -> dict:
    columns = {"persona": persona} | ({"date": date} if date else {})
    return {
        "kind": "survey",
        "format": "wide",
        "columns": columns,
        "questions": {trial: "proefles", lesson: "groepsles"},
        "answers": ANSWERS,
        "personas": SEGMENTS,
    }


def csv_text(rows: list[list[str]], separator: str = ",") -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=separator, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


def three_rows(people: list[dict]) -> str:
    """Column tags, question texts, ImportId JSON; metadata first; a BOM is added by
    the caller's encoding."""
    tags = ["StartDate", "EndDate", "Status", "IPAddress", "Progress", "Duration (in seconds)"]
    tags += ["Finished", "RecordedDate", "ResponseId", "UserLanguage", "Q1", "Q2", "Q3", "Q_Opmerking"]
    texts = ["Start Date", "End Date", "Response Type", "IP Address", "Progress"]
    texts += ["Duration (in seconds)", "Finished", "Recorded Date", "Response ID", "User Language"]
    texts += [Q_SEGMENT, Q_TRIAL, Q_CLASS, "Heeft u nog opmerkingen?"]
    ids = [json.dumps({"ImportId": t[0].lower() + t[1:]}) for t in tags[:10]]
    ids += [json.dumps({"ImportId": f"QID{i}"}) for i in (1, 2, 3)] + ['{"ImportId":"QID4_TEXT"}']
    rows = [tags, texts, ids]
    for p in people:
        stamp = f"2026-03-{p['day']:02d} 10:{p['day']:02d}:00"
        progress = "100" if p["finished"] else "40"
        rows.append(
            [stamp, stamp, "IP Address", "192.0.2.1", progress, "312", str(p["finished"]), stamp]
            + [p["id"], "NL", p["segment"], p["trial"], p["class"], p["note"]]
        )
    return csv_text(rows)


def two_rows(people: list[dict]) -> str:
    """Question texts with merged cells, then sub-questions; only complete responses
    (the tool's default export)."""
    meta = ["Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address", "Email Address"]
    matrix = "Hoe tevreden bent u over:"
    header = [*meta, Q_SEGMENT, matrix, ""]
    second = [""] * len(meta) + ["Response", "de proefles", "de groepsles"]
    rows = [header, second]
    for n, p in enumerate(p for p in people if p["finished"]):
        stamp = f"03/{p['day']:02d}/2026 10:00:00 AM"
        rows.append([str(11400000 + n), "4321", stamp, stamp, "192.0.2.1", ""])
        rows[-1] += [p["segment"], p["trial"], p["class"]]
    return csv_text(rows)


def codes(people: list[dict]) -> str:
    """Question codes with sub-question codes, metadata, an empty submitdate for an
    incomplete response; ';' as separator."""
    header = ["id", "submitdate", "lastpage", "startlanguage", "seed", "startdate", "datestamp"]
    header += ["G01Q01", "G01Q02[SQ001]", "G01Q02[SQ002]"]
    rows = [header]
    for n, p in enumerate(people):
        stamp = f"2026-03-{p['day']:02d} 10:00:00"
        rows.append([str(n + 1), stamp if p["finished"] else "", "2", "nl", "12345", stamp, stamp])
        rows[-1] += [p["segment"], p["trial"], p["class"]]
    return csv_text(rows, ";")


def form(people: list[dict]) -> str:
    """A form tool's export: timestamp, e-mail, the full question texts (completes only)."""
    rows = [["Tijdstempel", "E-mailadres", Q_SEGMENT, Q_TRIAL, Q_CLASS]]
    for p in people:
        if p["finished"]:
            rows.append([f"{p['day']}-3-2026 10:12:33", "", p["segment"], p["trial"], p["class"]])
    return csv_text(rows)


@pytest.fixture(scope="module")
def journey() -> klantreis.Journey:
    return sportschool()


LAYOUTS = {
    "three_rows": (three_rows, "utf-8-sig", mapping("Q1", "Q2", Q_CLASS)),
    "two_rows": (
        two_rows,
        "utf-8",
        mapping(
            Q_SEGMENT, "Hoe tevreden bent u over: - de proefles", "Hoe tevreden bent u over: - de groepsles"
        ),
    ),
    "codes": (codes, "utf-8", mapping("G01Q01", "G01Q02[SQ001]", "G01Q02[SQ002]")),
    "form": (form, "utf-8", mapping(Q_SEGMENT, Q_TRIAL, Q_CLASS)),
}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_each_layout_gives_the_figures_of_the_complete_responses(journey, tmp_path: Path, layout) -> None:
    build, encoding, mapped = LAYOUTS[layout]
    people = respondents()
    path = write(tmp_path, f"{layout}.csv", build(people), encoding)
    result = read_survey(journey, path, mapping=mapped, imported="2026-04-01")
    assert result.source["mapping"]["layout"] == layout
    complete = sum(p["finished"] for p in people)
    # no header row is read as data: the rows are the respondents in the file
    in_file = len(people) if layout in ("three_rows", "codes") else complete
    assert result.source["rows_read"] == in_file
    for question, touchpoint in (("trial", "proefles"), ("class", "groepsles")):
        for persona, scores in expected_scores(people, question).items():
            assert_matches(find(result.evidence, persona=persona, touchpoint=touchpoint), scores)
    dont_know = sum(p["finished"] and p["trial"] == "Weet niet" for p in people)
    assert result.source["skipped"].get("dont_know", 0) == dont_know
    empty = sum(p["finished"] and p["class"] == "" for p in people)
    assert result.source["skipped"].get("empty", 0) == empty
    if layout in ("three_rows", "codes"):
        # every answer of an incomplete response is skipped as such, empty or not
        assert result.source["skipped"]["incomplete"] == 2 * (len(people) - complete)
        assert "5 onvolledige responsen" in result.report()
    assert "kopregel" in result.report() or layout in ("codes", "form")


def test_incomplete_responses_count_with_include_partial(journey, tmp_path: Path) -> None:
    people = respondents()
    path = write(tmp_path, "export.csv", three_rows(people), "utf-8-sig")
    result = read_survey(journey, path, mapping=LAYOUTS["three_rows"][2], include_partial=True)
    for persona, scores in expected_scores(people, "trial", include_partial=True).items():
        assert_matches(find(result.evidence, persona=persona, touchpoint="proefles"), scores)
    assert "incomplete" not in result.source["skipped"]
    assert "5 onvolledige responsen (Finished/Progress) zijn meegeteld" in result.report()


def test_three_row_export_needs_no_skip_workaround_and_reads_question_texts(journey, tmp_path: Path) -> None:
    """The failure the issue reports: the question text and ImportId rows were read as
    answers. Mapping by question text works as well as by tag."""
    people = respondents()
    path = write(tmp_path, "export.csv", three_rows(people), "utf-8-sig")
    by_text = mapping(Q_SEGMENT, Q_TRIAL, Q_CLASS)
    result = read_survey(journey, path, mapping=by_text)
    assert result.source["rows_read"] == 40
    assert result.source["mapping"]["questions"] == {"Q2": "proefles", "Q3": "groepsles"}
    assert result.source["period"] == "2026-03-01/2026-03-28"
    for persona, scores in expected_scores(people, "trial").items():
        assert_matches(find(result.evidence, persona=persona, touchpoint="proefles"), scores)


def test_three_row_export_as_xlsx(journey, tmp_path: Path) -> None:
    people = respondents()
    rows = list(csv.reader(io.StringIO(three_rows(people))))
    path = tmp_path / "export.xlsx"
    pd.DataFrame(rows[1:], columns=rows[0]).to_excel(path, index=False)
    result = read_survey(journey, path, mapping=LAYOUTS["three_rows"][2])
    assert result.source["rows_read"] == 40
    for persona, scores in expected_scores(people, "class").items():
        assert_matches(find(result.evidence, persona=persona, touchpoint="groepsles"), scores)


def test_metadata_columns_are_not_questions_without_a_mapping(journey, tmp_path: Path) -> None:
    """Question columns named after touchpoint ids need no mapping; the tool's metadata
    columns are left out instead of being refused as unknown questions."""
    text = csv_text(
        [
            ["Tijdstempel", "E-mailadres", "persona", "proefles", "groepsles"],
            ["5-3-2026 10:00:00", "a@example.org", "student", "4", "5"],
            ["6-3-2026 11:00:00", "", "student", "2", "3"],
        ]
    )
    result = read_survey(journey, write(tmp_path, "form.csv", text))
    assert result.source["mapping"]["questions"] == {"proefles": "proefles", "groepsles": "groepsles"}
    assert_matches(find(result.evidence, persona="student", touchpoint="proefles"), [4, 2])
    assert result.source["period"] == "2026-03-05/2026-03-06"


@pytest.mark.parametrize(
    ("rows", "layout", "skipped"),
    [
        (
            [["Q1", "Q2"], ["Vraag een", "Vraag twee"], ['{"ImportId":"QID1"}', '{"ImportId":"QID2"}']],
            "three_rows",
            2,
        ),
        ([["id", "submitdate", "G01Q01"], ["1", "2026-01-01", "4"]], "codes", 0),
        ([["Timestamp", "Question?"], ["2026/01/01 10:00", "4"]], "form", 0),
        ([["respondent", "proefles"], ["1", "4"], ["2", "Response"]], "plain", 0),
        ([["Respondent ID", "Vraag", "Matrix", ""], ["", "Response", "a", "b"]], "two_rows", 1),
    ],
)
def test_layout_detection(rows, layout, skipped) -> None:
    found = detect_layout(rows)
    assert (found.name, found.extra_rows) == (layout, skipped)


def test_open_answers_become_quotes_linked_to_a_touchpoint(journey, tmp_path: Path) -> None:
    """`quotes: {Q_Opmerking: ...}` sends an open-text column to quotes with the
    respondent's persona; incomplete responses and empty cells give none."""
    people = respondents()
    path = write(tmp_path, "export.csv", three_rows(people), "utf-8-sig")
    mapped = LAYOUTS["three_rows"][2] | {"quotes": {"Q_Opmerking": "groepsles"}}
    result = read_survey(journey, path, mapping=mapped, source="golf")
    want = [p for p in people if p["finished"] and p["note"]]
    assert [q["text"] for q in result.quotes] == [p["note"] for p in want]
    assert [q["interview"] for q in result.quotes] == [p["id"] for p in want]
    assert [q["persona"] for q in result.quotes] == [SEGMENTS[p["segment"]] for p in want]
    assert {q["touchpoint"] for q in result.quotes} == {"groepsles"}
    assert result.quotes[0]["id"] == "golf-1" and result.quotes[0]["emotion"] is None
    assert result.source["mapping"]["quotes"] == {"Q_Opmerking": "groepsles"}
    by_text = mapping(Q_SEGMENT, Q_TRIAL, Q_CLASS) | {"quotes": {"Heeft u nog opmerkingen?": "proefles"}}
    assert len(read_survey(journey, path, mapping=by_text).quotes) == len(want)
