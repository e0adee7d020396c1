"""Every step's form in JupyterLab (the outputs of the step notebooks, run on the gym
example) passes axe-core's WCAG 2.0/2.1 A and AA rules in Chromium, in Dutch and in
English. JupyterLab's own interface around the forms is not ours and is not checked.
axe-core is the copy bundled in ``axe-playwright-python``."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from app_driver import STEP_NOTEBOOKS  # noqa: E402
from axe_check import axe_violations, describe  # noqa: E402
from chromium import launch  # noqa: E402
from lab_driver import run_notebook, running_lab  # noqa: E402
from test_accessibility_app import project_in  # noqa: E402

from klantreis.resources import data_dir  # noqa: E402

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_step_forms_in_jupyterlab_have_no_axe_violations(tmp_path: Path, language: str) -> None:
    from playwright.sync_api import sync_playwright

    project = project_in(language, tmp_path)
    workbook = tmp_path / "workbook"
    workbook.mkdir()
    # the start notebook's form too (the app shows the start page instead)
    notebooks = {"start": "00_start.ipynb", **STEP_NOTEBOOKS}
    for notebook in notebooks.values():
        shutil.copy(data_dir("workbook") / notebook, workbook)
    found: list[str] = []
    with running_lab(workbook, project, tmp_path, timeout=240) as url, sync_playwright() as pw:
        browser = launch(pw)
        try:
            page = browser.new_page(viewport={"width": 1366, "height": 900})
            page.set_default_timeout(180_000)
            for step, notebook in notebooks.items():
                run_notebook(page, f"{url}/lab/tree/{notebook}?reset", ready=".jp-OutputArea .widget-button")
                page.wait_for_timeout(1000)  # charts draw after the form
                violations = axe_violations(page, ".jp-OutputArea-output")
                if violations:
                    found.append(f"{step}:\n{describe(violations)}")
        finally:
            browser.close()
    assert not found, "\n".join(found)
