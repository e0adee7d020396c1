"""Event logs beside the other evidence: imported from Python with ``import_file`` like
every kind, listed by ``klantreis evidence list`` with their cases, rows and period, and
their findings in the review step."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
import yaml
from paths_support import MAPPING, journey, save_project

import klantreis
from klantreis.cli import main
from klantreis.errors import JourneyError
from klantreis.evidence import import_events, import_file, list_sources, store_import
from klantreis.paths import read_events, stored_paths
from klantreis.paths.findings import review_findings
from klantreis.session import ProjectSession
from klantreis.widgets import ReviewForm

ROWS = [
    ("v1", "2026-03-01T10:00", "search"), ("v1", "2026-03-01T11:00", "compare"),
    ("v1", "2026-03-02T12:00", "order"),
    ("v2", "2026-03-03T10:00", "compare"), ("v2", "2026-03-03T11:00", "search"),
    ("v3", "2026-03-04T10:00", "search"), ("v3", "2026-03-04T10:30", "chat_open"),
    ("v3", "2026-03-04T11:00", "order"),
    ("v4", "2026-03-05T10:00", "search"), ("v4", "2026-03-05T10:10", "login"),
    ("v4", "2026-03-05T10:20", "login"), ("v4", "2026-03-05T10:30", "compare"),
    ("v4", "2026-03-05T10:30", "compare"), ("v5", "gisteren", "search"),
]  # fmt: skip


@pytest.fixture
def log(tmp_path: Path) -> Path:
    path = tmp_path / "weblog.csv"
    pd.DataFrame(ROWS, columns=["visitor", "ts", "name"]).to_csv(path, index=False)
    return path


def test_import_file_takes_events_like_every_other_kind(log: Path) -> None:
    j = journey()
    summary = import_file(j, "events", log, MAPPING, "web", "p", "s")
    assert summary.source == "web"
    record, figures = stored_paths(j, "p", "s")
    assert record["kind"] == "events" and record["rows_read"] == 14
    assert figures["cases"] == 4 and figures["duplicates"] == 1 and figures["unreadable"] == 1
    assert figures["deviations"] == {"conforming": 1, "missing": 1, "irregular": 1, "adhoc": 1}
    # the same as reading and storing it by hand
    by_hand = journey()
    store_import(by_hand, read_events(by_hand, log, MAPPING, "web", "p", "s"))
    assert klantreis.dumps(by_hand) == klantreis.dumps(j)
    again = journey()
    import_events(again, log, MAPPING, "web", "p", "s")
    assert klantreis.dumps(again) == klantreis.dumps(j)
    # a mapping to a touchpoint the journey lacks: refused, the journey as it was
    before = klantreis.dumps(j)
    with pytest.raises(JourneyError, match="zoeken"):
        import_file(j, "events", log, {**MAPPING, "events": {"search": "zoeken"}}, "web", "p", "s")
    assert klantreis.dumps(j) == before
    with pytest.raises(JourneyError, match="events"):  # the known kinds name it
        import_file(j, "nonsense", log, MAPPING)


def test_evidence_list_shows_an_event_logs_cases_rows_and_period(tmp_path: Path, log: Path, capsys) -> None:
    project = save_project(tmp_path)
    mapping = tmp_path / "weblog.yaml"
    mapping.write_text(yaml.safe_dump(MAPPING), encoding="utf-8")
    assert main(["evidence", "import", str(project), str(log), "--kind", "events", "--mapping", str(mapping),
                 "--persona", "p", "--scenario", "s", "--source", "web"]) == 0  # fmt: skip
    capsys.readouterr()
    assert main(["evidence", "list", str(project)]) == 0
    out = capsys.readouterr().out
    assert ("web: gebeurtenissenlog, weblog.csv, periode 2026-03-01/2026-03-05, ingelezen ") in out
    assert "14 rijen (2 overgeslagen), paden van 4 klantreizen in scenario s; persona's: p" in out
    english = yaml.safe_load(project.read_text(encoding="utf-8"))
    english["language"] = "en"
    project.write_text(yaml.safe_dump(english, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert main(["evidence", "list", str(project)]) == 0
    out = capsys.readouterr().out
    assert "web: event log, weblog.csv, period 2026-03-01/2026-03-05" in out
    assert "14 rows (2 skipped), paths of 4 cases in scenario s; personas: p" in out
    listed = list_sources(klantreis.load(project))[0]
    assert (listed.cases, listed.scenario, listed.personas) == (4, "s", ("p",))


def test_the_review_lists_unreached_touchpoints_and_frequent_unmapped_events(
    tmp_path: Path, log: Path
) -> None:
    j = journey()
    j.add_touchpoint("f", "p", "kopen", "Retourneren", scenario="s")
    mapping = {**MAPPING, "events": {**MAPPING["events"], "return": "f"}}
    import_file(j, "events", log, mapping, "web", "p", "s")
    assert review_findings(j, "nl") == [
        "Pim (Nu), bron web: Geen enkele klantreis komt bij Retourneren, al staat het op de kaart.",
        "Pim (Nu), bron web: login staat niet op de kaart maar komt 2 keer voor.",
    ]
    assert (
        review_findings(j, "en")[0]
        == "Pim (Nu), source web: No case reaches Retourneren, although it is on the map."
    )
    project = tmp_path / "webwinkel.yaml"
    klantreis.save(j, project)
    form = ReviewForm(ProjectSession.open(project))
    shown = form.path_findings.value
    assert "<h4>Bevindingen uit gebeurtenissenlogs</h4>" in shown
    assert (
        "<li>Pim (Nu), bron web: Geen enkele klantreis komt bij Retourneren, al staat het op de kaart.</li>"
        in shown
    )
    assert "login staat niet op de kaart maar komt 2 keer voor." in shown
    # without an event log the review shows no such heading
    plain = tmp_path / "plain.yaml"
    klantreis.save(journey(), plain)
    assert ReviewForm(ProjectSession.open(plain)).path_findings.value == ""


def test_the_review_of_the_example_names_its_frequent_unmapped_page(tmp_path: Path) -> None:
    examples = Path(__file__).resolve().parents[1] / "examples"
    project = Path(shutil.copy(examples / "sportschool.yaml", tmp_path / "sportschool.yaml"))
    form = ReviewForm(ProjectSession.open(project), language="en")
    assert "page_view:/vacatures is not on the map but occurs 47 times." in form.path_findings.value
