"""The example's web log: made by the script byte for byte, stored in
examples/sportschool.yaml as a fresh import gives it, and shown in the report."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pandas as pd
from paths_support import assert_close

import klantreis
from klantreis.paths import read_events, stored_paths
from klantreis.report.sections import Report

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "sportschool.yaml"
LOG = ROOT / "examples" / "paths" / "weblog-2026q1.csv"


def _script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("make_weblog", ROOT / "scripts" / "make_weblog.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_script_makes_the_shipped_log_byte_for_byte(tmp_path: Path) -> None:
    for path in _script().write(tmp_path):
        assert path.read_bytes() == (LOG.parent / path.name).read_bytes(), path.name
        assert path.stat().st_size < 100_000


def test_the_stored_paths_are_those_a_fresh_import_computes() -> None:
    journey = klantreis.load(EXAMPLE)
    record, figures = stored_paths(journey, "student", "huidig")
    fresh = read_events(journey, LOG, LOG.with_suffix(".yaml"), "weblog-2026q1", "student", "huidig",
                        imported=record["imported"])  # fmt: skip
    assert fresh.source == record
    log = pd.read_csv(LOG, sep=";", keep_default_na=False, na_values=[""])
    assert figures["rows_read"] == len(log)
    # every class occurs in the example, so the report has something to show
    assert all(figures["deviations"].values())
    assert_close(figures, {"unmapped": {"page_view:/vacatures": 47, "wachtwoord_vergeten": 31}})


def test_the_report_shows_what_customers_actually_do() -> None:
    html = Report(str(EXAMPLE), "student", "huidig").paths().html
    assert "<h2>Wat klanten echt doen</h2>" in html
    assert "240 klantreizen uit 1272 gebeurtenissen" in html
    assert "Meest gevolgde paden" in html and "Website bekijken op de telefoon" in html
    assert "page_view:/vacatures staat niet op de kaart maar komt 47 keer voor." in html
    assert Report(str(EXAMPLE), "senior", "huidig").paths().html == ""
