"""The HTML canvas (kaart.html) in a real browser: words wrap between words on
screen, and Chromium prints it on one A3 landscape sheet with every name whole."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import klantreis
from klantreis.report.standalone import export_map

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from chromium import launch  # noqa: E402
from pdf_helpers import missing_words, page_sizes_mm, page_words, reader  # noqa: E402

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "sportschool.yaml"

pytestmark = [
    pytest.mark.browser,
]

# Cells whose text is wider than the cell (a word sticking out), as the browser lays them out.
OVERFLOWING = """() => [...document.querySelectorAll('.klantreis-canvas tbody td, .klantreis-canvas th')]
  .filter(cell => cell.scrollWidth > cell.clientWidth + 1).map(cell => cell.textContent)"""


def test_canvas_wraps_between_words_and_prints_on_a3_landscape(tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    journey = klantreis.load(EXAMPLE)
    page_file = export_map(journey, tmp_path / "kaart.html", "student", "huidig")
    with sync_playwright() as p:
        browser = launch(p)
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            page.goto(page_file.resolve().as_uri())
            assert page.evaluate(OVERFLOWING) == []
            page.set_viewport_size({"width": 1512, "height": 1069})  # A3 inside 10 mm margins
            page.emulate_media(media="print")
            assert page.evaluate(OVERFLOWING) == []
            data = page.pdf(prefer_css_page_size=True, print_background=True)
        finally:
            browser.close()
    pdf = reader(data)
    width, height = page_sizes_mm(pdf)[0]
    assert (round(width), round(height)) == (420, 297)
    assert len(pdf.pages) == 1
    words = page_words(pdf, 0)
    for name in journey.journey("student", "huidig")["name"]:
        assert not missing_words(name, words), name
