"""Redrawing the emotion curve replaces the old drawing; nothing piles up in the page.

Every smiley click (and every save that merges someone else's changes) redraws the
curve. One tab clicking 40 smileys used to grow by ~50 MB of JavaScript heap and
~2,760 DOM nodes (~69 per redraw) that garbage collection could not free. Measured
here through the DevTools protocol after a forced collection: 40 clicks may add at
most 8 MB of heap and 600 DOM nodes, and the last click is in the file.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from app_driver import open_step, running, stored_value, wait_for_file
from chromium import launch

pytestmark = [pytest.mark.browser, pytest.mark.slow]

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "sportschool.yaml"
CLICKS = 40
MAX_HEAP_MB = 8
MAX_NODES = 600
#: a touchpoint of the page's first journey (student, huidig) and its smiley scores
ROW = ("proefles", "student", "huidig")
SCORES = (1, 2, 3, 4, 5)


def metrics(cdp: Any) -> dict[str, float]:
    """The page's heap and DOM after a full garbage collection."""
    cdp.send("HeapProfiler.collectGarbage")
    cdp.send("HeapProfiler.collectGarbage")
    found = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    return {
        "heap_mb": found["JSHeapUsedSize"] / 1e6,
        "nodes": found["Nodes"],
        "listeners": found["JSEventListeners"],
    }


def test_forty_curve_redraws_leave_the_page_as_big_as_it_was(tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    project = Path(shutil.copy(EXAMPLE, tmp_path / "sportschool.yaml"))
    with running("app", project, tmp_path / "logs") as server, sync_playwright() as pw:
        browser = launch(pw)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.set_default_timeout(60_000)
            open_step(page, server, "emoties")
            cdp = page.context.new_cdp_session(page)
            cdp.send("Performance.enable")
            row = page.locator(f'.kr-row[data-id="{ROW[0]}"]')
            curve = page.locator(".kr-curve-panel .vega-embed")
            curve.wait_for()
            before = metrics(cdp)
            score = 0
            for n in range(CLICKS):
                score = SCORES[n % len(SCORES)]
                row.locator(f'.kr-smiley[data-score="{score}"]').click()
                # saved (the status line counts the saves) before the next click
                page.get_by_text(f"(wijziging {n + 1})").wait_for()
            wait_for_file(project, lambda j: stored_value(j, ROW, "emotion") == score, what="the last click")
            page.wait_for_timeout(1000)  # the last redraw
            after = metrics(cdp)
        finally:
            browser.close()
    grown = {k: after[k] - before[k] for k in after}
    assert grown["heap_mb"] <= MAX_HEAP_MB, grown
    assert grown["nodes"] <= MAX_NODES, grown
