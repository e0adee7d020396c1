"""The report pages and the index pass axe-core's WCAG 2.0/2.1 A and AA rules in
Chromium, in Dutch and in English: contrast of every text (the canvas's grey notes on
tinted columns too), a name for every picture (the curve under the canvas, vega's
marks) and for the chart menu's button. axe-core is the copy that the PyPI package
``axe-playwright-python`` bundles; nothing is fetched."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import klantreis

sys.path.insert(0, str(Path(__file__).resolve().parent))
from axe_check import axe_violations, describe  # noqa: E402
from chromium import launch  # noqa: E402

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "sportschool.yaml"

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.xdist_group("accessibility_report")]


@pytest.fixture(scope="module", params=["nl", "en"])
def report(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The gym's student in both scenarios (so the index compares them in a chart),
    built in the language of the parameter: the index and the two report pages."""
    folder = tmp_path_factory.mktemp(f"report-{request.param}")
    text = EXAMPLE.read_text(encoding="utf-8").replace("language: nl", f"language: {request.param}", 1)
    project = folder / "sportschool.yaml"
    project.write_text(text, encoding="utf-8")
    results = klantreis.build(project, folder / "out", ["student"], ["huidig", "gewenst"], jobs=2)
    assert all(r.ok for r in results), [r.error for r in results]
    return [folder / "out" / "index.html", *(r.html for r in results)]


def test_report_and_index_have_no_axe_violations(report: list[Path]) -> None:
    from playwright.sync_api import sync_playwright

    found = []
    with sync_playwright() as pw:
        browser = launch(pw)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            for path in report:
                page.goto(path.resolve().as_uri())
                page.wait_for_function(
                    "() => [...document.querySelectorAll('.kr-chart, .klantreis-chart')]"
                    ".every(el => el.querySelector('svg'))"
                )
                page.wait_for_timeout(300)  # the menu is named once vega-embed is done
                violations = axe_violations(page)
                if violations:
                    found.append(f"{path.parent.name}/{path.name}:\n{describe(violations)}")
        finally:
            browser.close()
    assert not found, "\n".join(found)


def page_violations(page, path: Path) -> list[str]:  # type: ignore[no-untyped-def]
    """axe's findings on one page, once its charts are drawn."""
    page.goto(path.resolve().as_uri())
    page.wait_for_function(
        "() => [...document.querySelectorAll('.kr-chart, .klantreis-chart')]"
        ".every(el => el.querySelector('svg'))"
    )
    page.wait_for_timeout(300)
    violations = axe_violations(page)
    return [f"{path.parent.name}/{path.name}:\n{describe(violations)}"] if violations else []


@pytest.mark.parametrize("language", ["nl", "en"])
def test_portfolio_and_chart_pages_have_no_axe_violations(tmp_path: Path, language: str) -> None:
    """The portfolio's overview (its heatmap's tinted cells) and its journey pages, and a
    chart saved as its own HTML page (``save_chart``)."""
    from playwright.sync_api import sync_playwright

    from klantreis.charts import emotion_curve, save_chart
    from klantreis.portfolio import build_portfolio

    projects = tmp_path / "projects"
    projects.mkdir()
    text = EXAMPLE.read_text(encoding="utf-8").replace("language: nl", f"language: {language}", 1)
    (projects / "sportschool.yaml").write_text(text, encoding="utf-8")
    result = build_portfolio([projects], tmp_path / "portfolio", language=language, workers=1)
    assert not result.failed, result.failed
    pages = [result.index, *sorted(p for p in result.index.parent.rglob("*.html") if p != result.index)]
    assert len(pages) > 1, pages
    chart = tmp_path / "curve.html"
    save_chart(emotion_curve(klantreis.load(projects / "sportschool.yaml"), "student", "huidig"), chart)
    found: list[str] = []
    with sync_playwright() as pw:
        browser = launch(pw)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            for path in [*pages, chart]:
                found += page_violations(page, path)
        finally:
            browser.close()
    assert not found, "\n".join(found)


@pytest.mark.xdist_group("accessibility_every_page")
@pytest.mark.parametrize("example", ["sportschool", "medewerker", "telers"])
def test_every_report_page_of_every_example_has_no_axe_violations(tmp_path: Path, example: str) -> None:
    """Every journey (persona × scenario) of each example (three templates, their own scale
    colours, evidence and observed paths where the example has them) and its index."""
    from playwright.sync_api import sync_playwright

    project = EXAMPLE.parent / f"{example}.yaml"
    results = klantreis.build(project, tmp_path / "out", jobs=2)
    assert all(r.ok for r in results), [r.error for r in results]
    assert len(results) >= 2  # every journey with touchpoints: the index compares them
    found: list[str] = []
    with sync_playwright() as pw:
        browser = launch(pw)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            for path in [tmp_path / "out" / "index.html", *(r.html for r in results)]:
                found += page_violations(page, path)
        finally:
            browser.close()
    assert not found, "\n".join(found)
