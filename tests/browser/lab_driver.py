"""Screenshots of the workbook in a real browser (JupyterLab + Debian's chromium).

Used by the browser tests and by ``python scripts/make_images.py`` (which regenerates
the README image ``docs/img/emoties.png``).

This starts JupyterLab on a temporary copy of the workbook with a temporary copy of
the sportschool example, opens ``06_emoties.ipynb`` in chromium (via Playwright,
using ``/usr/bin/chromium``; no browser is downloaded), runs all cells, clicks a
smiley, checks that the project file changed, and saves a screenshot.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from chromium import free_port, launch

from klantreis.lab import lab_command, lab_environment
from klantreis.resources import data_dir, example_path

if TYPE_CHECKING:
    from playwright.sync_api import Page


@dataclass(frozen=True)
class Capture:
    """What a screenshot run did: the image, and the project text before and after."""

    image: Path
    before: str
    after: str

    @property
    def project_changed(self) -> bool:
        """True when the click in the browser was saved to the project file."""
        return self.before != self.after


@contextmanager
def running_lab(workbook: Path, project: Path, logs: Path, timeout: float = 90) -> Iterator[str]:
    """Run JupyterLab (no browser, no token) on ``workbook`` with ``project``; yield its
    URL, and stop it afterwards."""
    port = free_port()
    extra = [
        "--ServerApp.ip=127.0.0.1", "--IdentityProvider.token=", "--ServerApp.password=",
        "--LabApp.expose_app_in_browser=True", "--ServerApp.disable_check_xsrf=True",
    ]  # fmt: skip
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        extra.append("--allow-root")
    env = lab_environment(project)
    env["JUPYTERLAB_WORKSPACES_DIR"] = str(logs / "workspaces")
    env["JUPYTERLAB_SETTINGS_DIR"] = str(_quiet_settings(logs / "settings"))
    command = lab_command(port=port, open_browser=False, extra_args=extra, workbook=workbook)
    with open(logs / "jupyterlab.log", "wb") as log:
        process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}"
        try:
            _wait_for(f"{url}/api/status", process, timeout)
            yield url
        finally:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _quiet_settings(folder: Path) -> Path:
    """JupyterLab user settings without the "news" pop-up, so it stays out of images."""
    target = folder / "@jupyterlab" / "apputils-extension"
    target.mkdir(parents=True, exist_ok=True)
    (target / "notification.jupyterlab-settings").write_text(
        '{"fetchNews": "false", "checkForUpdates": false}', encoding="utf-8"
    )
    return folder


def _wait_for(url: str, process: subprocess.Popen[bytes], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"JupyterLab stopped with exit code {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.5)
    raise TimeoutError(f"JupyterLab did not answer at {url} within {timeout:.0f} s")


def capture_emoties(project: Path, image: Path, *, timeout: float = 120) -> Capture:
    """Open 06_emoties.ipynb on ``project`` in chromium, run it, click a smiley, wait
    until the project file changes, and save a screenshot to ``image``."""
    from playwright.sync_api import sync_playwright

    before = project.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        workbook = Path(tmp) / "workbook"
        workbook.mkdir()
        for notebook in data_dir("workbook").glob("[0-9][0-9]_*.ipynb"):
            shutil.copy(notebook, workbook / notebook.name)
        with running_lab(workbook, project, Path(tmp)) as url, sync_playwright() as pw:
            browser = launch(pw)
            try:
                page = browser.new_page(viewport={"width": 1400, "height": 1000})
                page.set_default_timeout(timeout * 1000)
                # as JupyterLab starts: the file browser open beside the notebook
                run_notebook(page, f"{url}/lab/tree/06_emoties.ipynb?reset", file_browser=True)
                _click_smiley(page)
                after = _wait_for_change(project, before, timeout)
                page.wait_for_timeout(1500)  # let the redrawn curve settle
                _show_form(page)
                image.parent.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(image))
            finally:
                browser.close()
    return Capture(image, before, after)


def run_notebook(page: Page, url: str, ready: str = ".kr-smiley", *, file_browser: bool = False) -> None:
    """Open the notebook at ``url`` in JupyterLab, show or hide the file browser (as
    ``file_browser`` says), run all cells, and wait until an element matching
    ``ready`` shows."""
    page.goto(url)
    page.wait_for_selector(".jp-Notebook .jp-Cell")
    page.wait_for_function(
        "() => { const w = window.jupyterapp && window.jupyterapp.shell.currentWidget;"
        " return w && w.sessionContext && w.sessionContext.session"
        " && w.sessionContext.session.kernel"
        " && w.sessionContext.session.kernel.status === 'idle'; }"
    )
    page.evaluate(
        "async (open) => { const app = window.jupyterapp;"
        " if (open) await app.commands.execute('filebrowser:activate');"
        " else if (app.commands.isToggled('application:toggle-left-area'))"
        "   await app.commands.execute('application:toggle-left-area');"
        " await app.commands.execute('notebook:run-all-cells'); }",
        file_browser,
    )
    page.wait_for_selector(ready)


def _click_smiley(page: Page) -> None:
    """Click the last smiley of the first row that is not chosen yet."""
    row = page.locator(".kr-smileys").first
    row.locator('.kr-smiley[aria-pressed="false"]').last.click()


def _wait_for_change(project: Path, before: str, timeout: float) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        after = project.read_text(encoding="utf-8")
        if after != before:
            return after
        time.sleep(0.25)
    raise TimeoutError("the click in the browser did not change the project file")


def _show_form(page: Page) -> None:
    """Scroll the notebook so the explanation and the form fill the screenshot."""
    page.locator(".jp-OutputArea-output").first.scroll_into_view_if_needed()
    page.evaluate(
        "() => { const out = document.querySelector('.jp-OutputArea');"
        " const scroller = document.querySelector('.jp-WindowedPanel-outer');"
        " if (out && scroller) { scroller.scrollTop += out.getBoundingClientRect().top - 90; } }"
    )
    page.wait_for_timeout(500)


def main(argv: list[str] | None = None) -> int:
    """Command line: regenerate the README screenshot of the emoties step."""
    parser = argparse.ArgumentParser(
        prog="python tests/browser/lab_driver.py",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--out", type=Path, default=Path("docs/img/emoties.png"))
    parser.add_argument(
        "--project",
        type=Path,
        default=None,
        help="project to use (default: a copy of the sportschool example)",
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "sportschool.yaml"
        shutil.copy(args.project or example_path("sportschool"), project)
        capture = capture_emoties(project, args.out)
    print(f"saved {capture.image} (project file changed: {capture.project_changed})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
