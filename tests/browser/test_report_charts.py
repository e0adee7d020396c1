"""Every chart of a built report, as a reader sees it in Chromium: at a 1280 px window
each chart fits the page (no sideways scrolling, no text shrunk to unreadable size),
no two texts overlap, no text leaves its chart or crosses a plotted line or interval
band; printed on A4 landscape nothing is cut off. Checked on one or more journeys of
every example and on a generated journey of 40 touchpoints, each built once."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

import klantreis

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from chart_boxes import PROBLEMS  # noqa: E402
from chromium import launch  # noqa: E402
from pdf_helpers import reader  # noqa: E402

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.xdist_group("report_charts")]

#: The journeys built per example: at least one each; where an example has them, two
#: personas (the index compares them) and two scenarios of one persona.
JOURNEYS = {
    "sportschool": [("student", "huidig"), ("student", "gewenst"), ("senior", "huidig")],
    "medewerker": [("starter", "huidig")],
    "telers": [("teler", "huidig")],
}
LONG = 40
#: A4 landscape inside 10 mm margins, in CSS pixels (96 per inch).
A4_WIDTH_PX = round((297 - 20) / 25.4 * 96)
A4_HEIGHT_PX = round((210 - 20) / 25.4 * 96)


def long_journey(folder: Path) -> Path:
    """The gym example with the student's current journey grown to 40 touchpoints, named
    the way civil servants write (long compounds, hyphens and slashes), emotions going
    up and down, and the senior's journey beside it."""
    journey = klantreis.load(EXAMPLES / "sportschool.yaml")
    rows = journey.journey("student", "huidig")
    phases = journey.ids("phases")
    names = [
        "Aanmeldings-/inschrijvingsformulier invullen",
        "Kentekenwijzigingsbevestigings-e-mail lezen",
        "Bellen met het klant-contact-centrum (14 030)",
        "'s Avonds de app/website vergelijken",
        "Betalen: € 12,50 per maand",
        "Wachten",
        "Herinnering na 2–3 dagen",
    ]
    number = 0
    while len(rows) + number < LONG:
        phase = phases[number % len(phases)]
        journey.add_touchpoint(
            f"extra-{number}", "student", phase, f"{names[number % len(names)]} ({number + 1})",
            emotion=[1, 5, 2, 4, 3][number % 5], critical=number % 4 == 0, channel="Website",
        )  # fmt: skip
        number += 1
    return klantreis.save(journey, folder / "lang.yaml")


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Path]]:
    """Every example's report (the journeys of ``JOURNEYS``) and the long journey's,
    built once: name -> the index and the journeys' pages."""
    folder = tmp_path_factory.mktemp("reports")
    projects = {name: EXAMPLES / f"{name}.yaml" for name in JOURNEYS}
    projects["lang"] = long_journey(folder)
    wanted = {**JOURNEYS, "lang": [("student", "huidig"), ("senior", "huidig")]}
    pages = {}
    for name, project in projects.items():
        pairs = wanted[name]
        out = folder / name
        personas = sorted({p for p, _ in pairs})
        scenarios = sorted({s for _, s in pairs})
        results = klantreis.build(project, out, personas, scenarios, jobs=2)
        built = [r for r in results if (r.persona, r.scenario) in pairs]
        assert all(r.ok for r in built), [r.error for r in built]
        pages[name] = [out / "index.html", *(r.html for r in built)]
    return pages


def _problems(page, path: Path, width: int) -> list[str]:
    page.goto(path.resolve().as_uri())
    page.wait_for_timeout(300)  # vega-embed draws asynchronously
    page.wait_for_function(
        "() => [...document.querySelectorAll('.kr-chart, .klantreis-chart')]"
        ".every(el => el.querySelector('svg'))"
    )
    return [f"{path.parent.name}/{path.name}: {p}" for p in page.evaluate(PROBLEMS, width)]


@pytest.mark.parametrize("name", [*JOURNEYS, "lang"])
def test_every_chart_fits_and_no_label_collides(reports: dict[str, list[Path]], name: str) -> None:
    from playwright.sync_api import sync_playwright

    problems: list[str] = []
    with sync_playwright() as p:
        browser = launch(p)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            for path in reports[name]:
                problems += _problems(page, path, 1280)
            # printed: the layout at A4 landscape's width, and the PDF itself
            page.set_viewport_size({"width": A4_WIDTH_PX, "height": A4_HEIGHT_PX})
            page.emulate_media(media="print")
            for path in reports[name]:
                problems += [f"print: {p}" for p in _problems(page, path, A4_WIDTH_PX)]
                data = page.pdf(
                    format="A4",
                    landscape=True,
                    print_background=True,
                    margin={side: "10mm" for side in ("top", "bottom", "left", "right")},
                )
                assert len(reader(data).pages) >= 1
                problems += [f"PDF of {path.parent.name}/{path.name}: {c}" for c in _cut_characters(data)]
        finally:
            browser.close()
    assert not problems, "\n".join(problems)


def _cut_characters(data: bytes) -> list[str]:
    """Characters of a PDF that lie (partly) outside their page."""
    import pypdfium2 as pdfium

    cut = []
    document = pdfium.PdfDocument(data)
    for number in range(len(document)):
        page = document[number]
        width, height = page.get_size()
        text = page.get_textpage()
        for index in range(text.count_chars()):
            left, bottom, right, top = text.get_charbox(index)
            outside = left < -0.5 or right > width + 0.5 or bottom < -0.5 or top > height + 0.5
            if right - left > 0 and outside:
                char = text.get_text_range(index, 1)
                cut.append(f"page {number + 1}: {char!r} at {left:.0f}–{right:.0f} pt")
    return cut


#: Per chart titled with one of the given titles: the x axis names Vega drew visibly
#: (its overlap removal hides the names it drops with opacity 0); the names are the
#: axis labels drawn slanted or upright, the y axis's are level.
AXIS_NAMES = """(titles) => [...document.querySelectorAll('.vega-embed svg.marks')]
    .map(svg => [svg.querySelector('.role-title-text text'), svg])
    .filter(([t]) => t && titles.includes(t.textContent.trim()))
    .map(([t, svg]) => [t.textContent.trim(), [...svg.querySelectorAll('.role-axis-label text')]
        .filter(el => /rotate/.test(el.getAttribute('transform') || '')
                      && getComputedStyle(el).opacity !== '0' && el.getAttribute('opacity') !== '0'
                      && el.textContent.trim() !== '' && el.getBBox().width > 0)
        .map(el => el.textContent.trim())])"""


@pytest.mark.parametrize("name", ["sportschool", "lang"])
def test_the_observed_path_charts_name_every_touchpoint(reports: dict[str, list[Path]], name: str) -> None:
    """The flow chart names every touchpoint of the map, the reach chart every observed
    one, in the map's order and in full where they fit (their overlaps and widths are
    checked above); the long journey's 40 names too."""
    from playwright.sync_api import sync_playwright

    from klantreis.paths import stored_paths
    from klantreis.paths.charts import TEXTS as CHART_TEXTS
    from klantreis.paths.stored import touchpoint_names

    page_file = next(p for p in reports[name] if p.parts[-2:] == ("student", "huidig.html"))
    project = EXAMPLES / "sportschool.yaml" if name == "sportschool" else page_file.parents[2] / "lang.yaml"
    journey = klantreis.load(project)
    names = touchpoint_names(journey, "student", "huidig")
    figures = stored_paths(journey, "student", "huidig")[1]
    wanted = {
        CHART_TEXTS.text("flow_title", "nl"): list(names.values()),
        CHART_TEXTS.text("reach_title", "nl"): [names[tp["id"]] for tp in figures["touchpoints"]],
    }
    with sync_playwright() as p:
        browser = launch(p)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(page_file.resolve().as_uri())
            page.wait_for_function("() => document.querySelectorAll('.vega-embed svg').length > 3")
            drawn = dict(page.evaluate(AXIS_NAMES, list(wanted)))
        finally:
            browser.close()
    assert set(drawn) == set(wanted)
    for title, expected in wanted.items():
        shown = [n.rstrip("…") for n in drawn[title]]
        assert len(shown) == len(expected), (title, drawn[title])
        pairs = zip(shown, expected, strict=True)
        assert all(e.startswith(s) and len(s) >= min(len(e), 20) for s, e in pairs), (title, drawn[title])


#: The numbers on the charts' axes, as drawn.
NUMBER_TICKS = """() => [...document.querySelectorAll('.vega-embed .role-axis-label text')]
    .map(t => t.textContent).filter(t => /^[\\d.,]+$/.test(t))"""
#: Colourful pixels of an element's screenshot (an emoji drawn in colour has many;
#: a black outline none).
COLOURFUL = 60


def _colourful_pixels(png: bytes) -> int:
    import io

    from PIL import Image

    data = Image.open(io.BytesIO(png)).convert("RGB").tobytes()
    pixels = (data[i : i + 3] for i in range(0, len(data), 3))
    return sum(1 for pixel in pixels if max(pixel) - min(pixel) > 80)


def test_report_numbers_are_dutch_and_every_face_is_in_colour(reports: dict[str, list[Path]]) -> None:
    from playwright.sync_api import sync_playwright

    page_file = next(p for p in reports["sportschool"] if p.parts[-2:] == ("student", "huidig.html"))
    journey = klantreis.load(EXAMPLES / "sportschool.yaml")
    with sync_playwright() as p:
        browser = launch(p)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(page_file.resolve().as_uri())
            page.wait_for_function("() => document.querySelectorAll('.vega-embed svg').length > 3")
            # the charts' number format reached Vega: the pain axis reads 0,5 1,0 1,5 …
            ticks = page.evaluate(NUMBER_TICKS)
            english = [t for t in ticks if re.fullmatch(r"\d+\.\d+", t)]
            assert any("," in t for t in ticks) and not english, ticks
            page.evaluate("document.fonts.ready")
            for point in journey.scale:  # each face of the scale, in the canvas and the cards
                spans = page.locator(".klantreis-canvas .kr-emoji", has_text=point.emoji)
                if spans.count():
                    assert _colourful_pixels(spans.first.screenshot()) > COLOURFUL, point.emoji
            tile = page.locator(".kr-figure b").nth(2)
            assert _colourful_pixels(tile.screenshot()) > COLOURFUL
        finally:
            browser.close()


def test_an_english_report_chart_has_english_numbers(tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    from klantreis.charts import charts_html_page, pain_ranking

    journey = klantreis.load(EXAMPLES / "sportschool.yaml")
    journey.language = "en"
    path = tmp_path / "en.html"
    charts_html_page("Pain", [pain_ranking(journey, "student", "huidig")], language="en", path=path)
    with sync_playwright() as p:
        browser = launch(p)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(path.resolve().as_uri())
            page.wait_for_function("() => document.querySelector('.vega-embed svg')")
            ticks = page.evaluate(NUMBER_TICKS)
            decimals = [t for t in ticks if re.fullmatch(r"\d+\.\d+", t)]
            assert decimals and not any("," in t for t in ticks), ticks
        finally:
            browser.close()
