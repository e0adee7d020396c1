"""Importing event logs: every figure of the paths against an independent pandas
computation of the definitions, hand-counted small logs, and the edge cases (unknown
events, unreadable timestamps, empty cases, ties, duplicates, big logs in partitions)."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from paths_support import MAPPING, assert_close, comparable, generated_log, journey, reference

import klantreis
from klantreis.errors import JourneyError
from klantreis.evidence import store_import
from klantreis.paths import read_events, stored_paths
from klantreis.paths import stream as stream_module


def figures_of(tmp_path: Path, log: pd.DataFrame, name: str = "log.csv", **options: object) -> dict:
    path = tmp_path / name
    log.to_csv(path, index=False, **options)  # type: ignore[arg-type]
    result = read_events(journey(), path, MAPPING, persona="p", imported="2026-04-01")
    return result.source["paths"]["personas"]["p"]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_every_figure_matches_an_independent_pandas_computation(tmp_path: Path, seed: int) -> None:
    log = generated_log(seed)
    ours = figures_of(tmp_path, log)
    theirs = reference(log)
    assert theirs["duplicates"] > 0 and theirs["unreadable"] > 0
    assert all(theirs["deviations"].values()), theirs["deviations"]  # every class occurs
    assert_close(comparable(ours), theirs)


def test_a_hand_counted_log(tmp_path: Path) -> None:
    rows = [
        # v1 follows the map: a b d (c is a side touchpoint, e has no event)
        ("v1", "2026-03-01T10:00:00", "search"),
        ("v1", "2026-03-01T10:00:00", "search"),  # duplicate: counts once
        ("v1", "2026-03-01T11:00:00", "compare"),
        ("v1", "2026-03-01T11:30:00", "compare"),  # a repeat: collapsed
        ("v1", "2026-03-01T13:00:00", "order"),
        ("v1", "2026-03-01T14:00:00", "faq"),  # after the path: not ad hoc
        # v2 skips b: missing
        ("v2", "2026-03-02T10:00:00", "newsletter"),  # before the path: not ad hoc
        ("v2", "2026-03-02T10:00:00", "search"),
        ("v2", "2026-03-02T12:00:00", "order"),
        # v3 goes back: irregular (also has an unmapped event inside)
        ("v3", "2026-03-03T10:00:00", "compare"),
        ("v3", "2026-03-03T10:30:00", "faq"),
        ("v3", "2026-03-03T11:00:00", "search"),
        # v4 has an unmapped event between a and b: ad hoc
        ("v4", "2026-03-04T10:00:00", "search"),
        ("v4", "2026-03-04T10:00:00", "faq"),  # a tie: after search in file order
        ("v4", "2026-03-04T10:00:00", "compare"),
        # v5: only unmapped events and an unreadable time: no case
        ("v5", "2026-03-05T10:00:00", "faq"),
        ("v5", "gisteren", "search"),
        # v6: a tie in time, file order decides: b then a -> irregular
        ("v6", "2026-03-06T10:00:00", "compare"),
        ("v6", "2026-03-06T10:00:00", "search"),
        # v7: the side touchpoint c between a and d, b skipped -> missing
        ("v7", "2026-03-07T10:00:00", "search"),
        ("v7", "2026-03-07T10:05:00", "chat_open"),
        ("v7", "2026-03-07T10:10:00", "order"),
        # v8: one touchpoint only: conforming
        ("v8", "2026-03-08T10:00:00", "compare"),
    ]
    log = pd.DataFrame(rows, columns=["visitor", "ts", "name"])
    figures = figures_of(tmp_path, log)
    assert figures["rows_read"] == 23
    assert figures["unreadable"] == 1
    assert figures["duplicates"] == 1
    assert figures["cases"] == 7
    assert figures["deviations"] == {"conforming": 2, "missing": 2, "irregular": 2, "adhoc": 1}
    assert figures["unmapped"] == {"faq": 4, "newsletter": 1}
    reach = {tp["id"]: (tp["reached"], tp["share"]) for tp in figures["touchpoints"]}
    assert reach == {"a": (6, 0.857), "b": (5, 0.714), "c": (1, 0.143), "d": (3, 0.429)}
    follows = {(f["from"], f["to"]): f["count"] for f in figures["follows"]}
    assert follows == {
        ("a", "b"): 2,
        ("b", "d"): 1,
        ("a", "d"): 1,
        ("b", "a"): 2,
        ("a", "c"): 1,
        ("c", "d"): 1,
    }
    assert figures["variants"][0] == {"path": ["b", "a"], "cases": 2}
    a = figures["touchpoints"][0]
    # a -> next: v1 1h, v2 2h, v4 0h, v7 5min: median 0.542, p90 1.7 (linear)
    assert a["median_hours_to_next"] == pytest.approx(0.542, abs=1e-3)
    assert a["p90_hours_to_next"] == pytest.approx(1.7, abs=1e-3)


def test_spilled_partitions_and_parquet_give_the_same_figures(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = generated_log(7, cases=300)
    whole = figures_of(tmp_path, log)
    original = stream_module._tally
    monkeypatch.setattr(stream_module, "PARTITION_BYTES", 2000)
    spilled = []
    monkeypatch.setattr(stream_module, "_tally", lambda *a: spilled.append(1) or original(*a))
    monkeypatch.setattr("klantreis.paths.logfile.CHUNK_ROWS", 97)
    assert figures_of(tmp_path, log, "log2.csv") == whole
    assert len(spilled) > 5  # one tally per partition
    pytest.importorskip("pyarrow")
    path = tmp_path / "log.parquet"
    log.to_parquet(path)
    parquet = read_events(journey(), path, MAPPING, persona="p").source["paths"]["personas"]["p"]
    assert parquet == whole


def test_semicolons_and_cp1252_as_excel_writes_them(tmp_path: Path) -> None:
    log = generated_log(4, cases=60)
    log["name"] = log["name"].replace({"faq": "veelgestelde vragen é"})
    assert figures_of(tmp_path, log, sep=";", encoding="cp1252") == figures_of(tmp_path, log, "b.csv")


def test_patterns_on_a_page_column_and_personas_from_a_column(tmp_path: Path) -> None:
    log = pd.DataFrame(
        [
            ("1", "2026-03-01 10:00", "page_view", "/zoek?q=fiets", "Pim"),
            ("1", "2026-03-01 10:05", "page_view", "/vergelijk/2", "Pim"),
            ("1", "2026-03-01 10:09", "page_view", "/contact", "Pim"),
            ("1", "2026-03-01 10:10", "checkout", "", "Pim"),
            ("2", "01-03-2026 11:00", "page_view", "/ZOEK", "Quinty"),
            ("2", "01-03-2026 11:30", "checkout", "", "Quinty"),
            ("3", "01-03-2026 11:30", "checkout", "", "onbekend"),
        ],
        columns=["visitor", "ts", "event", "page", "wie"],
    )
    path = tmp_path / "web.csv"
    log.to_csv(path, index=False)
    mapping = {
        "kind": "events",
        "columns": {"case": "visitor", "time": "ts", "event": "event", "page": "page", "persona": "wie"},
        "events": {"page_view:/zoek*": "a", "page_view:/vergelijk*": "b", "checkout": "d"},
        "personas": {"Pim": "p", "Quinty": "q"},
    }
    result = read_events(journey(), path, mapping)
    personas = result.source["paths"]["personas"]
    assert personas["p"]["deviations"] == {"conforming": 0, "missing": 0, "irregular": 0, "adhoc": 1}
    assert personas["p"]["unmapped"] == {"page_view:/contact": 1}
    assert personas["q"]["variants"] == [{"path": ["a", "d"], "cases": 1}]
    assert personas["q"]["deviations"]["conforming"] == 1  # q's map has no b
    assert result.source["skipped"] == {"unmapped_persona": 1}


def test_a_mapping_to_a_touchpoint_the_journey_lacks_is_refused_and_the_file_unchanged(
    tmp_path: Path,
) -> None:
    from paths_support import save_project

    from klantreis.paths.commands import import_events_file

    project = save_project(tmp_path)
    before = project.read_bytes()
    generated_log(1, 20).to_csv(tmp_path / "log.csv", index=False)
    (tmp_path / "map.yaml").write_text(
        "kind: events\ncolumns: {case: visitor, time: ts, event: name}\n"
        "events:\n  search: a\n  login: inloggen\n",
        encoding="utf-8",
    )
    with pytest.raises(JourneyError) as err:
        import_events_file(project, tmp_path / "log.csv", tmp_path / "map.yaml", persona="p")
    assert "'login'" in str(err.value) and "'inloggen'" in str(err.value) and "map.yaml" in str(err.value)
    assert project.read_bytes() == before


def test_unreadable_timestamps_are_named_by_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "tijden.csv"
    path.write_text(
        "visitor,ts,name\nv1,2026-03-01T10:00,search\nv1,morgen,order\nv2,??,search\n", encoding="utf-8"
    )
    result = read_events(journey(), path, MAPPING, persona="p")
    report = result.report()
    assert "regel 3, regel 4" in report and "2 tijdstip niet te lezen" in report
    path.write_text("visitor,ts,name\nv1,morgen,search\nv1,later,order\n", encoding="utf-8")
    with pytest.raises(JourneyError, match="tijden.csv.*regel 2.*'morgen'"):
        read_events(journey(), path, MAPPING, persona="p")


def test_a_log_without_one_mapped_event_is_refused_listing_the_events(tmp_path: Path) -> None:
    path = tmp_path / "leeg.csv"
    path.write_text("visitor,ts,name\nv1,2026-03-01T10:00,faq\nv2,2026-03-01T10:00,faq\n", encoding="utf-8")
    with pytest.raises(JourneyError, match="'faq' \\(2\\)"):
        read_events(journey(), path, MAPPING, persona="p")


def test_the_stored_source_round_trips_byte_for_byte_and_reimport_replaces_it(tmp_path: Path) -> None:
    j = journey()
    path = tmp_path / "log.csv"
    generated_log(5, 80).to_csv(path, index=False)
    store_import(j, read_events(j, path, MAPPING, persona="p", source="web", imported="2026-04-01"))
    project = tmp_path / "p.yaml"
    klantreis.save(j, project)
    first = project.read_bytes()
    again = klantreis.load(project)
    store_import(again, read_events(again, path, MAPPING, persona="p", source="web", imported="2026-05-01"))
    klantreis.save(again, project)
    assert project.read_bytes() == first
    record, figures = stored_paths(klantreis.load(project), "p")
    assert record["id"] == "web" and figures["cases"] > 0
    text = first.decode("utf-8")
    assert "v00" not in text  # no case ids are stored
    json.dumps(record)  # plain data


def test_a_log_has_its_own_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "groot.csv"
    generated_log(3, 200).to_csv(path, index=False)
    with pytest.raises(JourneyError, match="groot.csv: het log is 0 MB, meer dan de grens van 0.001 MB"):
        read_events(journey(), path, MAPPING, persona="p", max_mb=0.001)
    assert read_events(journey(), path, MAPPING, persona="p", max_mb=None).source["rows_read"] > 0


def test_a_folder_of_parquet_files_with_typed_timestamps(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    log = generated_log(9, 120)
    whole = figures_of(tmp_path, log)
    typed = log.assign(ts=pd.to_datetime(log["ts"], format="ISO8601", errors="coerce"))
    folder = tmp_path / "deel"
    folder.mkdir()
    half = len(typed) // 2
    typed.iloc[:half].to_parquet(folder / "a.parquet")
    typed.iloc[half:].to_parquet(folder / "b.parquet")
    figures = read_events(journey(), folder, MAPPING, persona="p").source["paths"]["personas"]["p"]
    assert figures == whole
