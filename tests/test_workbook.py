"""Every workbook notebook runs headless with papermill and shows its form."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import nbformat
import papermill
import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "workbook").glob("[0-9][0-9]_*.ipynb"))  # the step notebooks
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"


def test_workbook_has_every_step_and_is_committed_clean() -> None:
    assert [p.stem for p in NOTEBOOKS] == [
        "00_start",
        "01_doel",
        "02_persona",
        "03_scope",
        "04_fasen",
        "05_touchpoints",
        "06_emoties",
        "07_review",
        "08_bewijs",
    ]
    for path in NOTEBOOKS:
        nb = nbformat.read(path, as_version=4)
        assert nb.metadata.kernelspec.name == "python3"
        params = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
        assert len(params) == 1
        assert params[0].source == 'project = ""\npersona = ""\nscenario = ""\nlanguage = ""\nevidence = ""'
        for cell in nb.cells:
            if cell.cell_type == "code":
                assert cell.outputs == [] and cell.execution_count is None


@pytest.mark.slow
@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs_headless_and_shows_the_form(notebook: Path, tmp_path: Path) -> None:
    project = Path(shutil.copy(ROOT / "examples" / "sportschool.yaml", tmp_path / "reis.yaml"))
    before = project.read_text(encoding="utf-8")
    output = tmp_path / "out.ipynb"
    papermill.execute_notebook(
        str(notebook),
        str(output),
        parameters={"project": str(project), "persona": "student"},
        kernel_name="python3",
        progress_bar=False,
        cwd=str(tmp_path),
    )
    nb = nbformat.read(output, as_version=4)
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert not [o for o in outputs if o.output_type == "stream" and o.name == "stderr"]
    assert any(WIDGET_MIME in o.get("data", {}) for o in outputs)
    text = json.dumps([o.get("data", {}) for o in outputs])
    assert "Traceback" not in text
    assert project.read_text(encoding="utf-8") == before  # showing a form saves nothing
