"""Interview quotes: kept as text, n = distinct interviews, mean emotion over interviews."""

from __future__ import annotations

from pathlib import Path

import pytest
from evidence_support import assert_matches, find, sportschool, write

import klantreis
from klantreis.evidence import read_interviews

QUOTES = """Interview,Persona,Touchpoint,Citaat,Emotie
001,senior,koffiehoek,"Koffie na het sporten, daar kom ik voor.",5
001,senior,koffiehoek,De koffie is wel slap.,3
002,senior,koffiehoek,Gezellig.,😄
003,senior,koffiehoek,Ik drink geen koffie.,
003,senior,app-inloggen,"Die app, nee.",😠
004,senior,app-inloggen,Mijn kleindochter deed het.,2
004,senior,app-inloggen,,
005,senior,app-inloggen,Te kleine letters.,8
,senior,app-inloggen,Zonder interview.,2
006,student,koffiehoek,Welke koffiehoek?,3
"""


@pytest.fixture(scope="module")
def journey() -> klantreis.Journey:
    return sportschool()


def test_n_is_the_number_of_distinct_interviews(journey, tmp_path: Path) -> None:
    result = read_interviews(journey, write(tmp_path, "interviews.csv", QUOTES))
    counts = find(result.evidence, touchpoint="koffiehoek", metric="interviews")
    assert (counts["n"], counts["value"], counts["sd"], counts["ci_low"]) == (3, 3, None, None)
    assert find(result.evidence, touchpoint="app-inloggen", metric="interviews")["n"] == 3


def test_the_mean_emotion_is_over_interviews(journey, tmp_path: Path) -> None:
    result = read_interviews(journey, write(tmp_path, "interviews.csv", QUOTES))
    # interview 001 said 5 and 3 (mean 4), 002 said 😄 (5), 003 gave no emotion here
    assert_matches(find(result.evidence, touchpoint="koffiehoek", metric="score"), [4, 5])
    # 005's 8 is off the scale: dropped, the quote kept
    assert_matches(find(result.evidence, touchpoint="app-inloggen", metric="score"), [1, 2])
    assert result.source["skipped"] == {
        "no_interview": 1,
        "empty_quote": 1,
        "not_in_journey": 1,
        "out_of_scale": 1,
    }
    assert result.source["rows_skipped"] == 3


def test_quotes_are_kept_as_text(journey, tmp_path: Path) -> None:
    result = read_interviews(journey, write(tmp_path, "interviews.csv", QUOTES), source="gesprekken")
    assert result.quotes[0] == {
        "id": "gesprekken-1",
        "source": "gesprekken",
        "interview": "001",
        "persona": "senior",
        "scenario": "huidig",
        "touchpoint": "koffiehoek",
        "text": "Koffie na het sporten, daar kom ik voor.",
        "emotion": 5,
    }
    assert [q["text"] for q in result.quotes] == [
        "Koffie na het sporten, daar kom ik voor.",
        "De koffie is wel slap.",
        "Gezellig.",
        "Ik drink geen koffie.",
        "Die app, nee.",
        "Mijn kleindochter deed het.",
        "Te kleine letters.",
    ]
    assert [q["emotion"] for q in result.quotes] == [5, 3, 5, None, 1, 2, None]
    assert len({q["id"] for q in result.quotes}) == len(result.quotes)


def test_interview_ids_keep_their_leading_zeros_from_xlsx_text_too(journey, tmp_path: Path) -> None:
    import pandas as pd

    path = tmp_path / "gesprekken.xlsx"
    pd.DataFrame(
        {
            "interview": ["007", "007", 8],
            "persona": ["ouder"] * 3,
            "touchpoint": ["kinderopvang"] * 3,
            "quote": ["a", "b", "c"],
            "emotion": [1, 2, "boos"],
        }
    ).to_excel(path, index=False)
    result = read_interviews(journey, path)
    assert [q["interview"] for q in result.quotes] == ["007", "007", "8"]
    assert_matches(find(result.evidence, metric="score"), [1.5, 1])
