"""Storing evidence in a journey: import_* put sources, figures and quotes in the
project file; importing the same file again changes no byte; a changed file replaces
the earlier figures; removing a source takes its figures and quotes along."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest
import yaml
from evidence_support import EVIDENCE_DIR, ROOT, SPORTSCHOOL, sportschool, write

import klantreis
from klantreis import JourneyError
from klantreis.evidence import (
    describe_sources,
    import_calls,
    import_interviews,
    import_survey,
    import_web,
    list_sources,
    remove_source,
)

SURVEY = EVIDENCE_DIR / "enquete-2026-voorjaar.csv"
SURVEY_MAP = EVIDENCE_DIR / "enquete-2026-voorjaar.yaml"


def bare() -> klantreis.Journey:
    """The example journey without its evidence."""
    journey = sportschool()
    for source in journey.ids("sources"):
        remove_source(journey, source)
    return journey


def saved(journey: klantreis.Journey) -> dict:
    return yaml.safe_load(klantreis.dumps(journey))


def long_survey(folder: Path, rows: list[tuple[str, str, str, str]], name: str = "golf.csv") -> Path:
    text = "respondent,persona,touchpoint,score\n" + "".join(f"{a},{b},{c},{d}\n" for a, b, c, d in rows)
    return write(folder, name, text)


def test_the_example_project_carries_the_four_imported_sources() -> None:
    data = yaml.safe_load(SPORTSCHOOL.read_text(encoding="utf-8"))
    assert [s["id"] for s in data["sources"]] == [
        "enquete-2026-voorjaar",
        "klantcontact-2026q1",
        "webstatistiek-2026q1",
        "interviews-2026",
        "weblog-2026q1",  # the event log of scripts/make_weblog.py (docs/paths.md)
    ]
    assert {s["kind"] for s in data["sources"]} == {"survey", "calls", "web", "interviews", "events"}
    assert all(len(s["sha256"]) == 64 for s in data["sources"])
    assert len(data["quotes"]) == 56


def test_the_example_evidence_is_made_again_byte_for_byte(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("make_evidence", ROOT / "scripts" / "make_evidence.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    project = Path(shutil.copy(SPORTSCHOOL, tmp_path / "sportschool.yaml"))
    script.import_all(project, EVIDENCE_DIR)
    assert project.read_bytes() == SPORTSCHOOL.read_bytes()
    journey = bare()
    klantreis.save(journey, tmp_path / "bare.yaml")
    script.import_all(tmp_path / "bare.yaml", EVIDENCE_DIR)
    spec = importlib.util.spec_from_file_location("make_weblog", ROOT / "scripts" / "make_weblog.py")
    weblog = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(weblog)
    log = ROOT / "examples" / "paths" / "weblog-2026q1.csv"
    weblog.import_log(tmp_path / "bare.yaml", log, log.with_suffix(".yaml"))  # docs/paths.md
    assert (tmp_path / "bare.yaml").read_bytes() == SPORTSCHOOL.read_bytes()


def test_import_stores_source_figures_and_summary() -> None:
    journey = bare()
    summary = import_survey(journey, SURVEY, mapping=SURVEY_MAP, imported="2026-05-04")
    assert summary.rows_read == 120 and summary.source == "enquete-2026-voorjaar"
    data = saved(journey)
    assert data["sources"][0]["id"] == "enquete-2026-voorjaar"
    assert data["sources"][0]["rows_read"] == 120 and data["sources"][0]["imported"] == "2026-05-04"
    assert data["sources"][0]["skipped"]["dont_know"] == 121
    scores = [e for e in data["evidence"] if e["metric"] == "score"]
    assert len(scores) == 21 and all(e["source"] == "enquete-2026-voorjaar" for e in scores)
    frame = journey.evidence
    assert {
        "source",
        "persona",
        "scenario",
        "touchpoint",
        "metric",
        "n",
        "value",
        "ci_low",
        "ci_high",
    } <= set(frame.columns)


def test_reimporting_the_same_file_changes_no_byte_even_on_another_day(tmp_path: Path) -> None:
    journey = bare()
    import_calls(
        journey,
        EVIDENCE_DIR / "klantcontact-2026q1.csv",
        mapping=EVIDENCE_DIR / "klantcontact-2026q1.yaml",
        imported="2026-05-04",
    )
    import_survey(journey, SURVEY, mapping=SURVEY_MAP, imported="2026-05-04")
    first = klantreis.dumps(journey)
    import_calls(
        journey,
        EVIDENCE_DIR / "klantcontact-2026q1.csv",
        mapping=EVIDENCE_DIR / "klantcontact-2026q1.yaml",
        imported="2026-06-30",
    )
    assert klantreis.dumps(journey) == first  # same place, same figures, first import date kept


def test_a_changed_file_replaces_the_earlier_figures_of_its_source(tmp_path: Path) -> None:
    journey = bare()
    rows = [(f"r{i}", "student", "proefles", "4") for i in range(12)]
    rows += [(f"r{i}", "student", "app-inloggen", "2") for i in range(12)]
    import_survey(journey, long_survey(tmp_path, rows), imported="2026-05-04")
    import_web(
        journey,
        EVIDENCE_DIR / "webstatistiek-2026q1.csv",
        mapping=EVIDENCE_DIR / "webstatistiek-2026q1.yaml",
        imported="2026-05-04",
    )
    rows = [(f"r{i}", "student", "proefles", "2") for i in range(15)]
    import_survey(journey, long_survey(tmp_path, rows), imported="2026-06-01")
    data = saved(journey)
    golf = [e for e in data["evidence"] if e["source"] == "golf"]
    assert [(e["touchpoint"], e["n"], e["value"]) for e in golf] == [("proefles", 15, 2.0)]
    assert data["sources"][0]["id"] == "golf" and data["sources"][0]["imported"] == "2026-06-01"
    assert data["sources"][0]["rows_read"] == 15
    assert [s["id"] for s in data["sources"]] == ["golf", "webstatistiek-2026q1"]  # kept its place


def test_a_new_wave_is_a_new_source(tmp_path: Path) -> None:
    journey = bare()
    path = long_survey(tmp_path, [(f"r{i}", "student", "proefles", "4") for i in range(3)])
    import_survey(journey, path, source="golf-1")
    with pytest.raises(JourneyError, match="hetzelfde bestand"):  # the same file would count twice
        import_survey(journey, path, source="golf-2")
    path = long_survey(tmp_path, [(f"r{i}", "student", "proefles", "3") for i in range(4)])
    import_survey(journey, path, source="golf-2")
    assert journey.ids("sources") == ["golf-1", "golf-2"]
    assert sorted(journey.evidence["source"]) == ["golf-1", "golf-2"]


def test_remove_source_takes_figures_and_quotes_along() -> None:
    journey = sportschool()
    counts = remove_source(journey, "interviews-2026")
    assert counts == {"sources": 1, "evidence": 48, "quotes": 56}
    data = saved(journey)
    assert "interviews-2026" not in [s["id"] for s in data["sources"]]
    assert "quotes" not in data  # an empty table is left out of the file
    assert all(e["source"] != "interviews-2026" for e in data["evidence"])
    with pytest.raises(JourneyError, match="interviews-2026.*enquete-2026-voorjaar"):
        remove_source(journey, "interviews-2026")


def test_a_touchpoint_with_figures_cannot_be_removed_silently() -> None:
    journey = sportschool()
    with pytest.raises(JourneyError, match="Koffie na de training.*2 metingen"):
        journey.remove("touchpoints", ("koffiehoek", "senior", "huidig"))
    assert "koffiehoek" in set(journey.journey("senior", "huidig")["id"])


def test_a_refused_import_leaves_the_journey_as_it_was(tmp_path: Path) -> None:
    journey = sportschool()
    before = klantreis.dumps(journey)
    bad = long_survey(tmp_path, [("r1", "student", "proefles", "tja")])
    with pytest.raises(JourneyError, match="tja"):
        import_survey(journey, bad)
    with pytest.raises(JourneyError, match="nee.csv"):
        import_interviews(journey, tmp_path / "nee.csv")
    assert klantreis.dumps(journey) == before


def test_save_load_save_with_evidence_is_byte_for_byte(tmp_path: Path) -> None:
    text = SPORTSCHOOL.read_text(encoding="utf-8")
    journey = klantreis.loads(text)
    assert klantreis.dumps(journey) == text
    klantreis.save(journey, tmp_path / "a.yaml")
    assert (tmp_path / "a.yaml").read_text(encoding="utf-8") == text
    again = klantreis.load(tmp_path / "a.yaml")
    klantreis.save(again, tmp_path / "b.yaml")
    assert (tmp_path / "b.yaml").read_bytes() == (tmp_path / "a.yaml").read_bytes()


def test_list_and_describe_sources_in_both_languages() -> None:
    journey = sportschool()
    listed = {s.id: s for s in list_sources(journey)}
    assert listed["klantcontact-2026q1"].period == "2026-01-02/2026-03-31"
    assert listed["interviews-2026"].quotes == 56 and listed["interviews-2026"].figures == 48
    assert listed["enquete-2026-voorjaar"].personas == ("student", "senior", "ouder")
    dutch = describe_sources(journey)
    assert (
        "klantcontact-2026q1: klantcontact, klantcontact-2026q1.csv, periode 2026-01-02/2026-03-31"
    ) in dutch
    english = describe_sources(sportschool("en"))
    assert "klantcontact-2026q1: calls, klantcontact-2026q1.csv, period 2026-01-02/2026-03-31" in english
    assert describe_sources(bare()) == "Dit project heeft nog geen bewijs."
