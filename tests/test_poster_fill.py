"""The poster as a print product, read back from the PDF as a printer sees it: the
content fills the sheet, the sheets of one poster are equally full, and the type is
big enough to read from two metres at A1 and A0."""

from __future__ import annotations

from pathlib import Path

import pytest
from pdf_helpers import MM, ink_box, reader, text_sizes

import klantreis
from klantreis import Journey
from klantreis.charts import canvas
from klantreis.poster import PAPERS, poster_pdf
from klantreis.poster.paper import ROLES

EXAMPLES = Path(__file__).parent.parent / "examples"
#: Content must cover at least this share of the printable width and height.
FULL = 0.85


def long_journey(count: int = 40) -> Journey:
    """A generated journey of ``count`` touchpoints with real Dutch text of every kind."""
    j = klantreis.new_journey("canvas", "Energieleverancier Stroomlijn")
    j.add_persona("ria", "Ria (67), weduwe")
    phases = j.ids("phases")
    texts = [
        "Belt 's ochtends de klantenservice over de jaarafrekening (1,0–5,0 kWh per dag)",
        "Leest het besparingsrapport en twijfelt aan de cijfers",
        "Vraagt haar zoon om 2 à 3x per week mee te kijken",
        "Krijgt een mond-tot-mondreclame-aanbieding via de buurvrouw",
    ]
    for i in range(count):
        j.add_touchpoint(f"t{i}", "ria", phases[i * len(phases) // count], f"Stap {i}: afrekening bekijken",
                         emotion=1 + i % 5, channel="Helpdesk (telefoon en e-mail)" if i % 3 else "App",
                         online=i % 2 == 0, critical=i % 9 == 0, action=texts[i % 4],
                         why=texts[(i + 1) % 4])  # fmt: skip
    return j


def printable_mm(paper: str) -> tuple[float, float]:
    width, height = PAPERS[paper].content_pt
    return width / MM, height / MM


def check_full(data: bytes, paper: str) -> list[float]:
    """Every sheet's content covers at least FULL of the printable area; returns the
    height each sheet's content takes (mm)."""
    pdf = reader(data)
    width, height = printable_mm(paper)
    used = []
    for page in range(len(pdf.pages)):
        left, top, right, bottom = ink_box(data, page)
        assert (right - left) >= FULL * width, (paper, page, right - left, width)
        assert (bottom - top) >= FULL * height, (paper, page, bottom - top, height)
        used.append(bottom - top)
    return used


@pytest.fixture(scope="module")
def sportschool() -> Journey:
    return klantreis.load(EXAMPLES / "sportschool.yaml")


@pytest.mark.parametrize("paper", ["A3", "A1"])
def test_an_example_poster_fills_its_sheet(sportschool: Journey, paper: str) -> None:
    data = poster_pdf(sportschool, "senior", "huidig", paper)
    assert len(reader(data).pages) == 1
    check_full(data, paper)


@pytest.mark.slow
@pytest.mark.parametrize("paper", ["A3", "A1", "A0"])
def test_a_long_journey_fills_equally_full_sheets(paper: str) -> None:
    data = poster_pdf(long_journey(), paper=paper)
    used = check_full(data, paper)
    assert max(used) - min(used) < 0.03 * printable_mm(paper)[1], used  # equally full


@pytest.mark.slow
def test_sheet_counts_follow_the_number_of_touchpoints(sportschool: Journey) -> None:
    """Two journeys of 15 touchpoints on the same template take the same number of
    sheets: the layout fits the text by its size, not by its length."""
    counts = {p: len(reader(poster_pdf(sportschool, p, "huidig", "A3")).pages) for p in ("senior", "ouder")}
    assert counts["senior"] == counts["ouder"], counts


@pytest.mark.parametrize("paper", ["A3", "A1", "A0"])
def test_type_reads_from_a_distance(sportschool: Journey, paper: str) -> None:
    least = PAPERS[paper].font_pt
    data = poster_pdf(sportschool, "student", "huidig", paper)
    words = text_sizes(data, 0)
    assert len(words) > 100
    small = [(w, s) for w, s in words if s < least * ROLES["small"] - 0.1]
    assert not small, small[:10]
    sizes = dict(words)
    title = max(s for w, s in words if w in sportschool.title.split())
    assert title >= least * ROLES["title"] - 0.1
    for phase in sportschool.phases["name"]:
        word = max(phase.split(), key=len)
        assert sizes[word] >= least * 1.3 - 0.1, (phase, sizes[word])
    names = [s for w, s in words if w in {"Proefles", "Inschrijven"}]
    assert names and min(names) >= least * ROLES["name"] * 0.85 - 0.1, names
    if paper == "A0":  # the yardsticks for reading at two metres
        assert title >= 78 and min(names) >= 22 and least >= 18


def test_every_sheet_has_a_print_footer(monkeypatch: pytest.MonkeyPatch) -> None:
    from pdf_helpers import missing_words, page_words

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1780000000")  # 2026-05-28
    j = long_journey(30)
    pdf = reader(poster_pdf(j, paper="A3"))
    pages = len(pdf.pages)
    assert pages >= 2
    for number in range(pages):
        words = page_words(pdf, number)
        footer = (
            f"Energieleverancier Stroomlijn · Ria (67), weduwe × Huidige situatie · 2026-05-28 · "
            f"klantreis {klantreis.__version__} · blad {number + 1} van {pages}"
        )
        assert not missing_words(footer, words), (number, missing_words(footer, words))


def test_a_poster_shows_only_its_own_journeys_opportunities() -> None:
    """The page for side-entrants is the side-entrant's opportunity: not on the
    starter's canvas (the poster's table), though both journeys have its touchpoint."""
    j = klantreis.load(EXAMPLES / "medewerker.yaml")
    page = "salaris tijdens en na de opleiding"
    assert page not in canvas(j, "starter", "huidig").to_html()
    assert page in canvas(j, "zij-instromer", "huidig").to_html()
