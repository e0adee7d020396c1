"""Each project's own working copy of the workbook: made beside the project on first
open, never overwritten silently, refreshed only on request (with a backup)."""

from __future__ import annotations

import json
from pathlib import Path

from klantreis.resources import data_dir
from klantreis.workcopy import MANIFEST, folder_for, open_copy


def bundled_copy(tmp_path: Path) -> Path:
    """A stand-in for the bundled workbook that a test may change ("a newer klantreis")."""
    source = tmp_path / "bundled"
    source.mkdir()
    for notebook in data_dir("workbook").glob("*.ipynb"):
        (source / notebook.name).write_bytes(notebook.read_bytes())
    return source


def test_the_copy_lives_beside_the_project(tmp_path: Path) -> None:
    project = tmp_path / "reizen" / "mijnreis.yaml"
    assert folder_for(project) == tmp_path / "reizen" / "mijnreis-werkmap"
    copy = open_copy(project)
    bundled = sorted(p.name for p in data_dir("workbook").glob("*.ipynb"))
    assert copy.created and sorted(copy.added) == bundled
    assert sorted(p.name for p in copy.folder.glob("*.ipynb")) == bundled
    assert (copy.folder / "06_emoties.ipynb").read_bytes() == (
        data_dir("workbook") / "06_emoties.ipynb"
    ).read_bytes()
    assert "Werkmap gemaakt" in copy.messages("nl")[0]
    again = open_copy(project)
    assert not again.created and again.messages("nl") == []


def test_a_changed_notebook_is_never_overwritten_silently(tmp_path: Path) -> None:
    source, project = bundled_copy(tmp_path), tmp_path / "mijnreis.yaml"
    copy = open_copy(project, source=source)
    mine = copy.folder / "06_emoties.ipynb"
    mine.write_text(
        mine.read_text(encoding="utf-8").replace("# 6", "# 6 (with my notes)"), encoding="utf-8"
    )  # what JupyterLab's autosave does, more or less
    newer = source / "06_emoties.ipynb"
    newer.write_text(newer.read_text(encoding="utf-8").replace("# 6", "# 6 (new)"), encoding="utf-8")
    untouched = source / "01_doel.ipynb"
    untouched.write_text(untouched.read_text(encoding="utf-8").replace("# 1", "# 1 (new)"), encoding="utf-8")

    checked = open_copy(project, source=source)
    assert "with my notes" in mine.read_text(encoding="utf-8")  # kept
    assert checked.outdated == ["06_emoties.ipynb"]
    assert checked.updated == ["01_doel.ipynb"]  # the user never changed that one
    assert "(new)" in (copy.folder / "01_doel.ipynb").read_text(encoding="utf-8")
    messages = " ".join(checked.messages("en", "mijnreis.yaml"))
    assert "06_emoties.ipynb" in messages
    assert "klantreis lab mijnreis.yaml --refresh-workbook" in messages
    assert open_copy(project, source=source).outdated == ["06_emoties.ipynb"]  # says it every time

    refreshed = open_copy(project, source=source, refresh=True)
    assert refreshed.refreshed == ["06_emoties.ipynb"] and refreshed.backup is not None
    assert "(new)" in mine.read_text(encoding="utf-8")
    assert "with my notes" in (refreshed.backup / "06_emoties.ipynb").read_text(encoding="utf-8")
    assert open_copy(project, source=source).messages("nl") == []


def test_new_notebooks_are_added_and_the_manifest_records_versions(tmp_path: Path) -> None:
    source, project = bundled_copy(tmp_path), tmp_path / "mijnreis.yaml"
    copy = open_copy(project, source=source)
    (source / "08_extra.ipynb").write_bytes((source / "01_doel.ipynb").read_bytes())
    checked = open_copy(project, source=source)
    assert checked.added == ["08_extra.ipynb"]
    assert "Nieuw in de werkmap: 08_extra.ipynb" in checked.messages("nl")
    recorded = json.loads((copy.folder / MANIFEST).read_text(encoding="utf-8"))["files"]
    assert set(recorded) == {p.name for p in source.glob("*.ipynb")}


def test_without_a_project_the_copy_is_in_the_current_folder(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert folder_for(None) == tmp_path / "klantreis-werkmap"
