"""The workbook's forms in JupyterLab, in chromium: what only a browser shows.

- A form whose kernel is gone says so and takes no input: after a kernel restart a
  click on a smiley is not shown as chosen, nothing is saved, and one line in the
  project's language says to run the cell again.
- Every step fits the notebook panel with the file browser open, at a 1,400 and a
  1,000 px wide window: no element of any step's output ends past the panel's right
  edge, and the notebook does not scroll sideways.
"""

from __future__ import annotations

import json
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


#: Per output of the notebook (one step each): the visible elements whose box reaches
#: past the notebook panel's right edge (more than 1 px), with their class and where
#: they end; and whether the notebook can scroll sideways.
OVERFLOW_JS = """() => {
  const panel = window.jupyterapp.shell.currentWidget.node;
  const notebook = panel.querySelector('.jp-Notebook');
  const right = notebook.getBoundingClientRect().right;
  const found = {};
  panel.querySelectorAll('.jp-Cell-outputArea').forEach((area, index) => {
    const out = [];
    for (const el of area.querySelectorAll('*')) {
      const box = el.getBoundingClientRect();
      if (!box.width || !box.height || getComputedStyle(el).visibility === 'hidden') continue;
      if (box.right > right + 1) {
        const name = typeof el.className === 'string' ? el.className : el.className.baseVal;
        out.push(`${el.tagName}.${name} ends at ${Math.round(box.right)} > ${Math.round(right)}`);
      }
    }
    if (out.length) found[index] = out.slice(0, 6);
  });
  const scroller = panel.querySelector('.jp-WindowedPanel-outer') || notebook;
  return { found, sideways: scroller.scrollWidth - scroller.clientWidth };
}"""


def steps_notebook(folder: Path) -> Path:
    """One notebook that shows every step's form (one kernel, one page: fast)."""
    from klantreis.templates import WORKBOOK_STEPS

    cells = [
        {"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [],
         "source": f"from klantreis.widgets import show_step\nshow_step({step!r});"}
        for step in WORKBOOK_STEPS
    ]  # fmt: skip
    notebook = {"cells": cells, "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3",
                "language": "python"}}, "nbformat": 4, "nbformat_minor": 5}  # fmt: skip
    folder.mkdir()
    (folder / "alle_stappen.ipynb").write_text(json.dumps(notebook), encoding="utf-8")
    return folder


def test_every_step_fits_the_notebook_panel_with_the_file_browser_open(tmp_path: Path) -> None:
    from chromium import launch
    from lab_driver import run_notebook, running_lab
    from playwright.sync_api import sync_playwright

    from klantreis.templates import WORKBOOK_STEPS

    project = Path(shutil.copy(EXAMPLE, tmp_path / "sportschool.yaml"))
    workbook = steps_notebook(tmp_path / "workbook")
    problems: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as logs, running_lab(workbook, project, Path(logs)) as url, \
            sync_playwright() as pw:  # fmt: skip
        browser = launch(pw)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.set_default_timeout(180_000)
            run_notebook(page, f"{url}/lab/tree/alle_stappen.ipynb?reset", ".kr-smiley", file_browser=True)
            page.wait_for_function(
                f"() => document.querySelectorAll('.kr-form').length >= {len(WORKBOOK_STEPS)}"
            )
            page.locator(".kr-curve-panel .vega-embed").wait_for()
            for width in (1400, 1000):
                page.set_viewport_size({"width": width, "height": 1000})
                page.wait_for_timeout(3000)  # the curve is drawn again at the panel's new width
                panel = page.locator(".jp-Notebook").bounding_box()
                assert panel is not None and panel["width"] < width - 250  # the file browser is open
                found = page.evaluate(OVERFLOW_JS)
                for index, offenders in found["found"].items():
                    problems[f"{WORKBOOK_STEPS[int(index)]} at {width} px"] = offenders
                if found["sideways"] > 0:
                    problems[f"sideways scroll at {width} px"] = found["sideways"]
                page.screenshot(path=str(tmp_path / f"steps-{width}.png"), full_page=True)
        finally:
            browser.close()
    (tmp_path / "problems.json").write_text(json.dumps(problems, indent=1), encoding="utf-8")
    assert not problems, problems
