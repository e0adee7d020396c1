"""The emotion step in app mode with the keyboard alone (WCAG 2.1.1, 2.4.7, 4.1.2): from
the top of the page, Tab and Shift+Tab reach one touchpoint's smileys and its "why"
field, Enter and Space choose a smiley, typing fills in why; the project file holds
what was chosen and typed. The focused smiley shows a focus ring, and each smiley
button is named by its word on the scale ("zeer negatief"), not by its emoji."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from app_driver import (
    emotion_row,
    garage_project,
    open_step,
    running,
    shot,
    shots_on_failure,
    stored_touchpoint,
    wait_for_file,
)

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = [pytest.mark.browser, pytest.mark.slow]

WHY = "Rekening klopte niet – 2 à 3 keer gebeld / geen antwoord"
SCALE = ["zeer negatief", "negatief", "neutraal", "positief", "zeer positief"]

#: What has the keyboard focus: a smiley (its row's heading and score) or a field
#: (its row's heading and label), or its tag name.
FOCUSED = """() => {
  const el = document.activeElement;
  if (!el) return "";
  const row = el.closest(".kr-row");
  const heading = row ? row.querySelector(".kr-head b").textContent : "";
  if (el.classList.contains("kr-smiley")) return `smiley ${heading} ${el.dataset.score}`;
  const label = el.closest(".kr-field");
  if (label) return `field ${heading} ${label.querySelector(".kr-field-label").textContent}`;
  return el.tagName.toLowerCase();
}"""

#: The focused element's focus ring: its outline, or a box shadow.
RING = """() => {
  const style = getComputedStyle(document.activeElement);
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
  return {outline, shadow: style.boxShadow !== "none", text: `${style.outline} / ${style.boxShadow}`};
}"""


def move_to(page: Page, target: str, key: str = "Tab", limit: int = 200) -> list[str]:
    """Press ``key`` until ``target`` (see :data:`FOCUSED`) has the focus; the stops on
    the way."""
    stops: list[str] = []
    for _ in range(limit):
        page.keyboard.press(key)
        stops.append(str(page.evaluate(FOCUSED)))
        if stops[-1] == target:
            return stops
    raise AssertionError(f"{key} never reached {target!r}; it stopped at {stops[-12:]}")


def test_one_touchpoint_with_the_keyboard_alone(tmp_path: Path) -> None:
    from chromium import launch
    from playwright.sync_api import sync_playwright

    project = garage_project(tmp_path / "reis.yaml", ("rekening", "Rekening betalen"))

    def stored(journey) -> dict:  # type: ignore[no-untyped-def]
        return stored_touchpoint(journey, "rekening")

    with running("app", project, tmp_path / "logs") as server, sync_playwright() as pw:
        browser = launch(pw)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.set_default_timeout(30_000)
            with shots_on_failure(tmp_path, {"emoties": page}):
                open_step(page, server, "emoties")
                row = emotion_row(page, "Rekening betalen")
                # every smiley button is named by its word on the scale
                for word in SCALE:
                    assert row.get_by_role("button", name=word, exact=True).count() == 1, word

                move_to(page, "smiley 2. Rekening betalen 1")
                ring = page.evaluate(RING)
                assert ring["outline"] or ring["shadow"], f"no focus ring: {ring['text']}"
                page.keyboard.press("Enter")
                wait_for_file(project, lambda j: stored(j)["emotion"] == 1, what="zeer negatief, by Enter")

                move_to(page, "field 2. Rekening betalen Waarom")
                page.keyboard.type(WHY)
                page.keyboard.press("Tab")  # leaving the field commits it
                wait_for_file(project, lambda j: stored(j)["why"] == WHY, what="why, typed")

                move_to(page, "smiley 2. Rekening betalen 4", key="Shift+Tab")
                page.keyboard.press("Space")
                journey = wait_for_file(
                    project, lambda j: stored(j)["emotion"] == 4, what="positief, by Space"
                )
                assert stored(journey)["why"] == WHY
                assert stored_touchpoint(journey, "afspraak")["emotion"] is None  # the other row is untouched
                pressed = row.get_by_role("button", pressed=True)
                assert pressed.count() == 1
                assert pressed.get_attribute("data-score") == "4"
                shot(page, tmp_path, "toetsenbord")
        finally:
            browser.close()
