"""The workbook's forms in JupyterLab, in chromium: what only a browser shows.

- A form whose kernel is gone says so and takes no input: after a kernel restart a
  click on a smiley is not shown as chosen, nothing is saved, and one line in the
  project's language says to run the cell again.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "sportschool.yaml"

pytestmark = [pytest.mark.browser, pytest.mark.slow]

RESTART_JS = """async () => {
  const panel = window.jupyterapp.shell.currentWidget;
  await panel.sessionContext.session.kernel.restart();
}"""


def workbook_copy(folder: Path, *notebooks: str) -> Path:
    """A folder with the workbook's ``notebooks`` (all steps when none are named)."""
    from klantreis.resources import data_dir

    folder.mkdir()
    for notebook in sorted(data_dir("workbook").glob("[0-9][0-9]_*.ipynb")):
        if not notebooks or notebook.stem in notebooks:
            shutil.copy(notebook, folder / notebook.name)
    return folder


def test_a_form_whose_kernel_restarted_says_so_and_takes_no_click(tmp_path: Path) -> None:
    from chromium import launch
    from lab_driver import run_notebook, running_lab
    from playwright.sync_api import sync_playwright

    project = Path(shutil.copy(EXAMPLE, tmp_path / "sportschool.yaml"))
    workbook = workbook_copy(tmp_path / "workbook", "06_emoties")
    with tempfile.TemporaryDirectory() as logs, running_lab(workbook, project, Path(logs)) as url, \
            sync_playwright() as pw:  # fmt: skip
        browser = launch(pw)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.set_default_timeout(120_000)
            run_notebook(page, f"{url}/lab/tree/06_emoties.ipynb?reset")
            line = page.locator(".kr-connection-line").first
            assert line.is_hidden()
            before = project.read_text(encoding="utf-8")
            page.evaluate(RESTART_JS)
            line.wait_for(state="visible", timeout=30_000)
            assert line.inner_text().startswith("De verbinding met Python is weg — voer de cel opnieuw uit")
            row = page.locator(".kr-smileys").first
            target = row.locator('.kr-smiley[aria-pressed="false"]').last
            target.click(force=True, timeout=5_000)
            page.keyboard.press("Enter")
            page.wait_for_timeout(1500)
            assert target.get_attribute("aria-pressed") == "false"
            assert not target.evaluate("e => e.classList.contains('kr-chosen')")
            assert page.locator(".kr-form.kr-offline").count() >= 1
            assert page.locator(".kr-form").first.evaluate("e => e.inert")
            page.screenshot(path=str(tmp_path / "after-restart.png"))
            # the line stays on screen where the user works, also further down the form
            page.locator(".kr-smileys").nth(4).scroll_into_view_if_needed()
            page.wait_for_timeout(300)
            box = line.bounding_box()
            assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= 1000
            page.screenshot(path=str(tmp_path / "further-down.png"))
            assert project.read_text(encoding="utf-8") == before
        finally:
            browser.close()
