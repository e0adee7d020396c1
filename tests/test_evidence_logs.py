"""Call logs and web analytics: counts per touchpoint or phase, unmapped reasons and
pages listed with their counts, globs, Dutch thousands, periods."""

from __future__ import annotations

from pathlib import Path

import pytest
from evidence_support import find, sportschool, write

import klantreis
from klantreis.evidence import read_calls, read_web

CALLS = """Datum,Abonnement,Contactreden
02-01-2026,Student Flex,Abonnement pauzeren
05-01-2026,Student Flex,Abonnement pauzeren
07-01-2026,65+ Fit,Abonnement pauzeren
09-01-2026,Student Flex,Opzeggen
11-01-2026,Gezin,Opzeggen
20-02-2026,Gezin,Openingstijden
21-02-2026,Student Flex,Openingstijden
22-02-2026,Student Flex,Parkeren
23-02-2026,Standaard,Abonnement pauzeren
24-02-2026,Gezin,Roosterwijziging
25-02-2026,65+ Fit,Roosterwijziging
26-02-2026,Gezin,
"""
CALL_MAPPING = """kind: calls
columns: {persona: Abonnement}
reasons:
  Abonnement pauzeren: abonnement-pauzeren
  Opzeggen: {phase: aftersales}
  roosterwijziging: roosterwijziging
personas:
  Student Flex: student
  65+ Fit: senior
  Gezin: ouder
"""


@pytest.fixture(scope="module")
def journey() -> klantreis.Journey:
    return sportschool()


def test_calls_are_counted_per_persona_and_touchpoint_or_phase(journey, tmp_path: Path) -> None:
    result = read_calls(
        journey, write(tmp_path, "calls.csv", CALLS), mapping=write(tmp_path, "calls.yaml", CALL_MAPPING)
    )
    counts = {(r["persona"], r["touchpoint"] or f"phase:{r['phase']}"): r["value"] for r in result.evidence}
    assert counts == {
        ("student", "abonnement-pauzeren"): 2,
        ("student", "phase:aftersales"): 1,
        ("senior", "abonnement-pauzeren"): 1,
        ("ouder", "phase:aftersales"): 1,
        ("ouder", "roosterwijziging"): 1,
    }
    for r in result.evidence:
        assert r["metric"] == "calls" and r["n"] == r["value"]
        assert r["sd"] is None and r["ci_low"] is None and r["ci_high"] is None
    assert result.source["period"] == "2026-01-02/2026-02-26"


def test_unmapped_reasons_are_listed_with_their_counts(journey, tmp_path: Path) -> None:
    result = read_calls(
        journey, write(tmp_path, "calls.csv", CALLS), mapping=write(tmp_path, "calls.yaml", CALL_MAPPING)
    )
    assert result.summary.unmapped == {
        "Contactreden": {"Openingstijden": 2, "Parkeren": 1},
        "Abonnement": {"Standaard": 1},
    }
    assert result.source["skipped"] == {
        "empty": 1,
        "unmapped_persona": 1,
        "unmapped_reason": 3,
        "not_in_journey": 1,
    }  # the senior has no roosterwijziging
    assert result.source["rows_skipped"] == 6
    report = result.report()
    assert "Niet gekoppeld in kolom 'Contactreden': 'Openingstijden' (2), 'Parkeren' (1)." in report
    assert "'Standaard' (1)" in report
    assert "Not mapped in column 'Contactreden'" in result.report("en")


def test_calls_without_mapping_match_touchpoint_and_phase_ids(journey, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "log.csv",
        "datum;reden\n2026-03-01;kinderopvang\n2026-03-02;Aftersales\n2026-03-03;iets anders\n",
    )
    result = read_calls(journey, path, persona="ouder")
    assert [(r["touchpoint"], r["phase"], r["value"]) for r in result.evidence] == [
        ("kinderopvang", "", 1),
        ("", "aftersales", 1),
    ]
    assert result.summary.unmapped == {"reden": {"iets anders": 1}}
    assert result.source["mapping"] == {"columns": {"date": "datum", "reason": "reden"}}


def test_unreadable_dates_are_skipped_and_counted(journey, tmp_path: Path) -> None:
    path = write(
        tmp_path, "log.csv", "datum,reden\n03-01-2026,kinderopvang\ngisteren,kinderopvang\n,kinderopvang\n"
    )
    result = read_calls(journey, path, persona="ouder")
    assert find(result.evidence, touchpoint="kinderopvang")["value"] == 2
    assert result.source["skipped"] == {"invalid_date": 1}
    assert result.source["period"] == "2026-01-03/2026-01-03"  # "gisteren" is no date


WEB = """Week;Doelgroep;Paginapad;Weergaven
2026-01-05;Studenten;/;1.266
2026-01-05;Studenten;/abonnementen;1.131
2026-01-05;Studenten;/abonnementen/student;702
2026-01-05;Studenten;/Lid-Worden;40
2026-01-05;Studenten;/blog/tips;15
2026-01-12;Studenten;/;1.000
2026-01-12;Studenten;/blog/meer-tips;5
2026-01-12;65-plussers;/;300
2026-01-12;65-plussers;/proefles;12
2026-01-12;Studenten;/abonnementen/student;veel
"""
WEB_MAPPING = """kind: web
columns: {date: Week}
pages:
  /abonnementen/student: prijs-vergelijken
  /abonnementen*: website-bezoek
  /: website-bezoek
  /lid-worden*: {phase: aanschaf}
  /proefles: proefles
personas: {Studenten: student, 65-plussers: senior}
"""


def test_web_visits_with_exact_names_and_globs(journey, tmp_path: Path) -> None:
    result = read_web(
        journey, write(tmp_path, "web.csv", WEB), mapping=write(tmp_path, "web.yaml", WEB_MAPPING)
    )
    visits = {(r["persona"], r["touchpoint"] or f"phase:{r['phase']}"): r["value"] for r in result.evidence}
    assert visits == {
        ("student", "website-bezoek"): 1266 + 1131 + 1000,
        ("student", "prijs-vergelijken"): 702,  # the exact name wins over the glob above it
        ("student", "phase:aanschaf"): 40,  # case does not matter
        ("senior", "website-bezoek"): 300,
    }
    assert all(r["metric"] == "visits" and r["n"] == r["value"] for r in result.evidence)
    assert result.summary.unmapped == {"Paginapad": {"/blog/tips": 15, "/blog/meer-tips": 5}}
    assert result.source["skipped"] == {"invalid_count": 1, "unmapped_page": 2, "not_in_journey": 1}
    assert result.source["period"] == "2026-01-05/2026-01-12"


def test_web_without_count_column_counts_rows(journey, tmp_path: Path) -> None:
    path = write(tmp_path, "events.csv", "event\ngroepsles\ngroepsles\nproefles\n")
    result = read_web(journey, path, persona="ouder")
    assert [(r["touchpoint"], r["value"]) for r in result.evidence] == [("proefles", 1), ("groepsles", 2)]


def test_counts_with_thousands_and_decimals(journey, tmp_path: Path) -> None:
    path = write(
        tmp_path, "w.csv", 'page,count\ngroepsles,"1,234"\ngroepsles,1 000\ngroepsles,7\ngroepsles,-3\n'
    )
    result = read_web(journey, path, persona="ouder")
    assert find(result.evidence, touchpoint="groepsles")["value"] == 1234 + 1000 + 7
    assert result.source["skipped"] == {"invalid_count": 1}


def test_dates_in_the_forms_exports_write_them(journey, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "log.csv",
        "tijdstip;reden\n03-01-2026 09:40;kinderopvang\n"
        "2026-01-02T23:30:00+01:00;kinderopvang\n5 maart 2026;kinderopvang\n"
        "31/03/2026 8:05;kinderopvang\n",
    )
    result = read_calls(journey, path, persona="ouder")
    assert result.source["period"] == "2026-01-02/2026-03-31"
    assert result.source["skipped"] == {}


def test_dates_from_an_xlsx_sheet(journey, tmp_path: Path) -> None:
    import datetime as dt

    import pandas as pd

    path = tmp_path / "log.xlsx"
    pd.DataFrame(
        {
            "Datum": [dt.datetime(2026, 1, 3, 10, 0), dt.datetime(2026, 2, 1), "15-02-2026"],
            "Contactreden": ["kinderopvang"] * 3,
        }
    ).to_excel(path, index=False)
    result = read_calls(journey, path, persona="ouder")
    assert result.source["period"] == "2026-01-03/2026-02-15"
    assert find(result.evidence, touchpoint="kinderopvang")["value"] == 3
