"""``klantreis app`` passes axe-core's WCAG 2.0/2.1 A and AA rules in Chromium, in
Dutch and in English: the page that creates a project, the start page, every step
(with the gym example's data, so the lists, the emotion rows and the charts are
filled) and the wall. axe-core is the copy bundled in ``axe-playwright-python``."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from app_driver import STEP_NOTEBOOKS, running, wait_usable  # noqa: E402
from axe_check import axe_violations, describe  # noqa: E402
from chromium import launch  # noqa: E402

import klantreis  # noqa: E402
from klantreis.app.pages import create_page  # noqa: E402

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "sportschool.yaml"

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def project_in(language: str, folder: Path) -> Path:
    """A copy of the gym example whose project language is ``language``."""
    text = EXAMPLE.read_text(encoding="utf-8").replace("language: nl", f"language: {language}", 1)
    path = folder / "sportschool.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("language", ["nl", "en"])
def test_app_pages_have_no_axe_violations(tmp_path: Path, language: str) -> None:
    from playwright.sync_api import sync_playwright

    project = project_in(language, tmp_path)
    assert klantreis.load(project).language == language
    found: list[str] = []
    with running("app", project, tmp_path / "logs") as server, sync_playwright() as pw:
        browser = launch(pw)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.set_default_timeout(120_000)

            def check(name: str) -> None:
                violations = axe_violations(page)
                if violations:
                    found.append(f"{name}:\n{describe(violations)}")

            # the form that makes a new project (the start page when there is none yet)
            error = "Kies een sjabloon" if language == "nl" else "Choose a template"
            page.set_content(create_page("nieuw <b>.yaml", server.url, "", language, error=error))
            check("create")
            page.goto(server.url)
            check("start")
            for step in STEP_NOTEBOOKS:
                page.goto(server.step_url(step))
                wait_usable(page)
                page.wait_for_timeout(500)  # charts draw after the form
                check(step)
            page.goto(f"{server.url}klantreis/wall")
            page.locator(".klantreis-canvas").first.wait_for()
            check("wall")
        finally:
            browser.close()
    assert not found, "\n".join(found)
