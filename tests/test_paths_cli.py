"""``klantreis evidence import --kind events`` and ``klantreis paths`` on real files: the
JSON output against the independent computation, the table in the project's language,
and bad input that exits 1 with a message and leaves the project file as it was."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from paths_support import MAPPING, assert_close, comparable, generated_log, reference, save_project

from klantreis.cli import main


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path, Path]:
    project = save_project(tmp_path)
    log = tmp_path / "weblog.csv"
    generated_log(11, 150).to_csv(log, index=False, sep=";")
    mapping = tmp_path / "weblog.yaml"
    mapping.write_text(yaml.safe_dump(MAPPING), encoding="utf-8")
    return project, log, mapping


def run(capsys: pytest.CaptureFixture[str], *words: str) -> tuple[int, str, str]:
    code = main([str(w) for w in words])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_import_then_paths_json_gives_every_figure(files, capsys) -> None:
    project, log, mapping = files
    code, out, _ = run(capsys, "evidence", "import", project, log, "--kind", "events", "--mapping", mapping,
                       "--persona", "p", "--scenario", "s", "--source", "web")  # fmt: skip
    assert code == 0 and "weblog.csv ingelezen als gebeurtenissenlog (bron web)" in out
    code, out, _ = run(capsys, "paths", project, "--persona", "p", "--scenario", "s", "--json")
    assert code == 0
    figures = json.loads(out)
    assert list(figures)[:6] == ["cases", "rows_read", "unreadable", "duplicates", "unmapped", "touchpoints"]
    assert_close(comparable(figures), reference(pd_log(log)))
    code, out, _ = run(capsys, "paths", project, "--persona", "p", "--source", "web", "--language", "en")
    assert code == 0
    assert (
        "Deviations from the map" in out and "follows the map" in out and "search" not in out.split("Not")[0]
    )


def pd_log(path: Path):  # the log as the reference reads it
    import pandas as pd

    return pd.read_csv(path, sep=";", keep_default_na=False, na_values=[""])


def test_a_bad_mapping_exits_1_and_leaves_the_project_as_it_was(files, capsys) -> None:
    project, log, mapping = files
    before = project.read_bytes()
    mapping.write_text(yaml.safe_dump({**MAPPING, "events": {"search": "zoeken"}}), encoding="utf-8")
    code, _, err = run(capsys, "evidence", "import", project, log, "--kind", "events", "--mapping", mapping,
                       "--persona", "p")  # fmt: skip
    assert code == 1 and "'zoeken'" in err and "weblog.yaml" in err
    assert project.read_bytes() == before


def test_paths_without_an_event_log_says_how_to_import_one(files, capsys) -> None:
    project, _, _ = files
    code, _, err = run(capsys, "paths", project, "--persona", "p")
    assert code == 1 and "klantreis evidence import" in err and "--kind events" in err
