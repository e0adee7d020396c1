"""The rows of the emotion step in app mode, in chromium, with a template that adds a
field of its own to that step (Michels: "Blijft dit moment hangen?", yes or no): the
field is in each row, labelled in the project's language, and what a participant
picks, types (pressing Enter) or clicks lands in the project file, for that row only."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_driver import emotion_row, garage_project, open_step, running, shot, stored_touchpoint, wait_for_file

pytestmark = [pytest.mark.browser]


WHY = "Sleutel lag klaar, rekening was uitgelegd"


def stored(journey) -> dict:  # type: ignore[no-untyped-def]
    """The stored values of the touchpoint the test edits."""
    return stored_touchpoint(journey, "ophalen")


def test_template_fields_and_texts_in_the_emotion_rows(tmp_path: Path) -> None:
    from chromium import launch
    from playwright.sync_api import sync_playwright

    project = garage_project(tmp_path / "reis.yaml", ("ophalen", "Auto ophalen"))
    with running("app", project, tmp_path / "logs") as server, sync_playwright() as pw:
        browser = launch(pw)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.set_default_timeout(30_000)
            console: list[str] = []
            page.on("console", lambda message: console.append(message.text))
            open_step(page, server, "emoties")
            row = emotion_row(page, "Auto ophalen")
            stick = row.get_by_label("Blijft dit moment hangen?")
            assert stick.locator("option").all_inner_texts() == ["-", "ja", "nee"]
            stick.select_option(label="ja")
            wait_for_file(project, lambda j: (stored(j)["extra"] or {}).get("memorabel") is True,
                          what="the template's field")  # fmt: skip
            why = row.get_by_label("Waarom")
            why.fill(WHY)
            why.press("Enter")
            wait_for_file(project, lambda j: stored(j)["why"] == WHY, what="why, after Enter")
            row.get_by_role("button", name="positief", exact=True).click()
            journey = wait_for_file(project, lambda j: stored(j)["emotion"] == 4, what="smiley")
            assert stored_touchpoint(journey, "afspraak")["emotion"] is None  # the other row is untouched
            assert row.locator('.kr-smiley[aria-pressed="true"]').inner_text().startswith("🙂")
            page.locator(".kr-curve-panel .vega-embed").wait_for()  # the first emotion draws the curve
            shot(page, tmp_path, "emotie-rijen")
            # one widget manager: no "Unsatisfied version ... of shared singleton module
            # @jupyter-widgets/base" (nor a widget module missing); the remaining notes
            # about JupyterLab's own modules are Voilà's (docs/workshop.md)
            assert [m for m in console if "@jupyter-widgets/" in m] == [], console
        finally:
            browser.close()
