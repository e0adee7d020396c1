"""Respondents counted once: rows written twice (a bad join), a respondent's repeated or
conflicting answers, several questions feeding one touchpoint, and the same data
imported twice under two source names."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
from evidence_support import EVIDENCE_DIR, assert_matches, find, sportschool, write

import klantreis
from klantreis.errors import JourneyError
from klantreis.evidence import import_calls, import_survey, read_survey


@pytest.fixture()
def journey() -> klantreis.Journey:
    return sportschool()


def long_rows(people: int) -> list[tuple[str, str, str, int]]:
    """``people`` respondents, each answering proefles and groepsles once."""
    rows = []
    for i in range(people):
        persona = ("student", "ouder")[i % 2]
        rows.append((f"r{i}", persona, "proefles", 1 + (i * 7) % 5))
        rows.append((f"r{i}", persona, "groepsles", 1 + (i * 3) % 5))
    return rows


def as_csv(rows: list[tuple]) -> str:
    return "respondent,persona,touchpoint,score\n" + "".join(",".join(map(str, r)) + "\n" for r in rows)


def test_a_bad_join_repeating_every_respondent_counts_each_once(journey, tmp_path: Path) -> None:
    """The issue's case: every respondent repeated many times must not shrink the
    interval; n is the number of people."""
    rows = long_rows(50)
    joined = rows * 300
    result = read_survey(journey, write(tmp_path, "joined.csv", as_csv(joined)))
    frame = pd.DataFrame(rows, columns=["respondent", "persona", "touchpoint", "score"])
    for (persona, touchpoint), group in frame.groupby(["persona", "touchpoint"]):
        assert_matches(find(result.evidence, persona=persona, touchpoint=touchpoint), list(group["score"]))
    assert result.source["skipped"]["duplicate"] == len(joined) - len(rows)
    assert f"zijn één keer geteld: {len(joined) - len(rows)} rijen." in result.report()


def test_conflicting_answers_are_named_and_left_out(journey, tmp_path: Path) -> None:
    rows = long_rows(10)
    rows.append(("r3", "ouder", "proefles", 5))  # r3 answered 2 before: a conflict
    rows.append(("r4", "student", "groepsles", 3))  # r4 answered 3 before: a repeat
    result = read_survey(journey, write(tmp_path, "conflict.csv", as_csv(rows)))
    frame = pd.DataFrame(long_rows(10), columns=["respondent", "persona", "touchpoint", "score"])
    kept = frame[~((frame.respondent == "r3") & (frame.touchpoint == "proefles"))]
    for (persona, touchpoint), group in kept.groupby(["persona", "touchpoint"]):
        assert_matches(find(result.evidence, persona=persona, touchpoint=touchpoint), list(group["score"]))
    assert result.source["skipped"]["conflict"] == 2
    assert result.source["skipped"]["duplicate"] == 1
    assert (
        "Tegenstrijdige antwoorden op dezelfde vraag, niet meegeteld (2 antwoorden): 'r3 (proefles)' (2)"
        in (result.report())
    )


def test_several_questions_on_one_touchpoint_count_respondents(journey, tmp_path: Path) -> None:
    """Two questions about the trial lesson: n is the people who answered either, and
    each person's answers are averaged first."""
    text = (
        "respondent,persona,proefles,Q7\n"
        "1,student,4,2\n2,student,5,\n3,student,,3\n4,student,1,5\n5,student,weet niet,weet niet\n"
    )
    mapped = {"questions": {"proefles": "proefles", "Q7": "proefles"}}
    result = read_survey(journey, write(tmp_path, "wide.csv", text), mapping=mapped)
    assert_matches(find(result.evidence, persona="student", touchpoint="proefles"), [3, 5, 3, 3])
    long = "respondent,persona,touchpoint,score\n1,student,A,4\n1,student,B,2\n2,student,A,5\n3,student,B,3\n"
    mapped = {"questions": {"A": "proefles", "B": "proefles"}}
    result = read_survey(journey, write(tmp_path, "long.csv", long), mapping=mapped)
    assert_matches(find(result.evidence, persona="student", touchpoint="proefles"), [3, 5, 3])


def test_wide_export_with_repeated_respondents(journey, tmp_path: Path) -> None:
    text = (
        "ResponseId,persona,proefles,groepsles\n"
        "R1,student,4,5\nR2,student,2,3\nR1,student,4,5\nR3,student,5,1\nR3,student,3,1\nR4,student,1,\n"
        "R4,student,,2\n"
    )
    result = read_survey(journey, write(tmp_path, "wide.csv", text))
    # R1 exact twice; R3 conflicts on proefles only; R4's rows complete each other
    assert_matches(find(result.evidence, persona="student", touchpoint="proefles"), [4, 2, 1])
    assert_matches(find(result.evidence, persona="student", touchpoint="groepsles"), [5, 3, 1, 2])
    assert result.source["skipped"]["conflict"] == 2
    assert "'R3 (proefles)' (2)" in result.report()
    assert "een eerdere rij precies herhalen" in result.report()
    assert "zijn één keer geteld: 1 rij." in result.report()  # one row, not "1 rijen"


def test_the_same_file_under_two_source_names_is_refused(journey, tmp_path: Path) -> None:
    path = write(tmp_path, "golf.csv", as_csv(long_rows(12)))
    import_survey(journey, path, source="golf-1")
    copy = tmp_path / "golf-kopie.csv"
    shutil.copy(path, copy)
    before = journey.snapshot()
    with pytest.raises(JourneyError, match=r"golf-kopie.csv is hetzelfde bestand .* als bron 'golf-1'"):
        import_survey(journey, copy, source="golf-2")
    assert journey.snapshot() == before
    import_survey(journey, path, source="golf-1")  # replacing the same source is fine
    summary = klantreis.evidence.import_file(journey, "survey", copy, source="golf-2", force=True)
    assert "hetzelfde bestand als bron 'golf-1'" in summary.report()


def test_an_overlapping_call_log_is_refused(journey, tmp_path: Path) -> None:
    """The example project holds the Q1 call log as 'klantcontact-2026q1'; the same calls
    exported again (other bytes) or the same file under another name would double them."""
    log = EVIDENCE_DIR / "klantcontact-2026q1.csv"
    mapping = EVIDENCE_DIR / "klantcontact-2026q1.yaml"
    calls = sum(r["n"] for r in journey.records("evidence") if r["metric"] == "calls")
    text = log.read_bytes().decode("utf-8-sig")
    other = write(tmp_path, "export-2.csv", text)  # same calls, no BOM: other bytes
    with pytest.raises(JourneyError, match=r"export-2.csv overlapt met bron 'klantcontact-2026q1'"):
        import_calls(journey, other, mapping=mapping, source="kc-b")
    with pytest.raises(JourneyError, match=r"hetzelfde bestand \(zelfde sha256\)"):
        import_calls(journey, log, mapping=mapping, source="kc-c")
    assert sum(r["n"] for r in journey.records("evidence") if r["metric"] == "calls") == calls
    assert not {"kc-b", "kc-c"} & set(journey.ids("sources"))
