"""The emoties step in JupyterLab, in chromium: the smileys are large colour emoji, the
chosen one is clearly marked (border and background in the scale's colour, "✓ gekozen",
aria-pressed) and a click moves that mark, is saved and acknowledged in the status line;
the curve stays in view while working on the last rows. Screenshots go to the test's
temporary folder."""

from __future__ import annotations

import base64
import re
import shutil
import tempfile
from pathlib import Path

import pytest

from klantreis import load

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "sportschool.yaml"

pytestmark = [
    pytest.mark.browser,
]

#: Share of clearly coloured pixels in a picture (computed in the browser: no image
#: library needed). Grey, black and white pixels do not count.
COLOURED_SHARE_JS = """async (data) => {
  const img = new Image();
  img.src = "data:image/png;base64," + data;
  await img.decode();
  const canvas = document.createElement("canvas");
  canvas.width = img.width; canvas.height = img.height;
  const ctx = canvas.getContext("2d");
  ctx.drawImage(img, 0, 0);
  const px = ctx.getImageData(0, 0, img.width, img.height).data;
  let coloured = 0;
  for (let i = 0; i < px.length; i += 4) {
    const [r, g, b] = [px[i], px[i + 1], px[i + 2]];
    if (Math.max(r, g, b) - Math.min(r, g, b) > 60) coloured++;
  }
  return coloured / (px.length / 4);
}"""


def coloured_share(page, png: bytes) -> float:  # noqa: ANN001 - a Playwright page
    """The share of coloured pixels in ``png``."""
    return page.evaluate(COLOURED_SHARE_JS, base64.b64encode(png).decode())


def rgb(hex_colour: str) -> str:
    """A hex colour as the browser reports it ("rgb(198, 40, 40)")."""
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


def test_smileys_are_colour_emoji_and_the_choice_is_clearly_marked(tmp_path: Path) -> None:
    from chromium import launch
    from lab_driver import run_notebook, running_lab
    from playwright.sync_api import sync_playwright

    from klantreis.resources import data_dir
    from klantreis.widgets.smileys import scale_colours

    project = Path(shutil.copy(EXAMPLE, tmp_path / "sportschool.yaml"))
    journey = load(project)
    first = journey.journey("student", "huidig").iloc[0]
    colours = scale_colours(journey.scale)
    new_score = 5 if int(first["emotion"]) != 5 else 1
    workbook = tmp_path / "workbook"
    workbook.mkdir()
    shutil.copy(data_dir("workbook") / "06_emoties.ipynb", workbook)
    with tempfile.TemporaryDirectory() as logs, running_lab(workbook, project, Path(logs)) as url, \
            sync_playwright() as pw:  # fmt: skip
        browser = launch(pw)
        try:
            page = browser.new_page(viewport={"width": 1366, "height": 900})
            page.set_default_timeout(120_000)
            run_notebook(page, f"{url}/lab/tree/06_emoties.ipynb?reset")
            row = page.locator(".kr-smileys").first
            row.scroll_into_view_if_needed()
            page.wait_for_timeout(500)
            page.screenshot(path=str(tmp_path / "1-before.png"))

            # The saved emotion is the one marked, and only that one.
            pressed = row.locator('.kr-smiley[aria-pressed="true"]')
            assert pressed.count() == 1
            assert pressed.get_attribute("data-score") == str(int(first["emotion"]))

            # Large colour emoji: the emoji fonts, big, and really drawn in colour.
            other = row.locator('.kr-smiley[aria-pressed="false"]').first
            emoji = other.locator(".kr-emoji")
            style = emoji.evaluate(
                "e => { const s = getComputedStyle(e); return [s.fontFamily, s.fontSize]; }"
            )
            assert "Noto Color Emoji" in style[0] and float(style[1].rstrip("px")) >= 28
            assert coloured_share(page, emoji.screenshot()) > 0.05  # a black-and-white glyph: 0
            label = other.locator(".kr-label")
            assert coloured_share(page, label.screenshot()) < 0.02  # the text stays black

            # A click moves the mark and lands in the file.
            target = row.locator(f'.kr-smiley[data-score="{new_score}"]')
            target.click()
            page.wait_for_function(
                "el => el.getAttribute('aria-pressed') === 'true'", arg=target.element_handle()
            )

            def saved() -> int:
                return int(load(project).journey("student", "huidig").iloc[0]["emotion"])

            for _ in range(60):
                if saved() == new_score:
                    break
                page.wait_for_timeout(500)
            assert saved() == new_score
            assert row.locator('.kr-smiley[aria-pressed="true"]').count() == 1
            chosen = target.evaluate(
                "e => { const s = getComputedStyle(e); return [s.borderTopColor, s.borderTopWidth,"
                " s.backgroundColor, getComputedStyle(e.querySelector('.kr-mark')).visibility,"
                " e.querySelector('.kr-mark').textContent]; }"
            )
            assert chosen[0] == rgb(colours[new_score]) and float(chosen[1].rstrip("px")) >= 3
            assert chosen[2] not in ("rgb(255, 255, 255)", "rgba(0, 0, 0, 0)")
            assert chosen[3] == "visible" and chosen[4] == "✓ gekozen"
            before = row.locator(f'.kr-smiley[data-score="{int(first["emotion"])}"]')
            assert before.evaluate("e => getComputedStyle(e.querySelector('.kr-mark')).visibility") == (
                "hidden"
            )
            # The status line under the form acknowledges the save, with seconds, and flashes.
            status = page.locator(".widget-html").filter(has_text="Opgeslagen om").last
            assert re.fullmatch(r"Opgeslagen om \d\d:\d\d:\d\d \(wijziging 1\)",
                                status.inner_text().strip())  # fmt: skip
            assert status.evaluate("e => getComputedStyle(e).animationName") in ("kr-flash-a", "kr-flash-b")
            page.wait_for_timeout(800)
            page.screenshot(path=str(tmp_path / "2-after-click.png"))

            # Working on the last row, the curve is still on screen.
            last = page.locator(".kr-smileys").last
            last.scroll_into_view_if_needed()
            page.wait_for_timeout(800)
            page.screenshot(path=str(tmp_path / "3-last-row.png"))
            panel = page.locator(".kr-curve-panel").bounding_box()
            box = last.bounding_box()
            assert panel is not None and box is not None
            assert panel["y"] >= 0 and panel["y"] + panel["height"] <= box["y"] + 1
            assert page.locator(".kr-curve-panel .vega-embed").count() == 1
        finally:
            browser.close()
