"""JupyterLab in a real browser: the emoties step renders, a click is saved."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from klantreis import load

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "sportschool.yaml"

pytestmark = [
    pytest.mark.browser,
]


def test_emoties_step_in_jupyterlab(tmp_path: Path) -> None:
    from lab_driver import capture_emoties

    project = Path(shutil.copy(EXAMPLE, tmp_path / "sportschool.yaml"))
    before = load(project).journey("student", "huidig")["emotion"].tolist()
    capture = capture_emoties(project, tmp_path / "emoties.png")
    assert capture.project_changed
    after = load(project).journey("student", "huidig")["emotion"].tolist()
    assert after[0] != before[0] and after[1:] == before[1:]  # the first row's smiley
    assert capture.image.stat().st_size > 20_000
