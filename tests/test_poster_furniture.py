"""Print furniture read back from the poster PDF: the persona card, a legend that
explains each mark the poster uses (and no mark it does not), and assembly marks on
posters of several sheets only."""

from __future__ import annotations

from pathlib import Path

import pytest
from pdf_helpers import reader
from test_poster_fill import long_journey

import klantreis
from klantreis import Journey
from klantreis.poster import poster_pdf

EXAMPLES = Path(__file__).parent.parent / "examples"

#: The legend's words for each mark.
CRUCIAL = "getinte kolom en oranje lijn bovenaan"
SIDE = "grijze tekst: bijzaak"
PAIN = "kring: pijnpunt"
LOW, END = "dal: het laagste punt", "eind: het laatste moment"
PHASE_LINE = "gestippelde lijn: de fase als geheel beleefd"
MEASURED = "gemeten cijfers uit de bronnen"
#: The assembly labels in the margins.
JOINS_RIGHT, JOINS_LEFT = "sluit hier rechts aan", "sluit hier links aan"


def page_texts(data: bytes) -> list[str]:
    """Each page's text, white space made single spaces."""
    return [" ".join(page.extract_text().replace("\u00a0", " ").split()) for page in reader(data).pages]


def glue_strip(data: bytes, page: int) -> bool:
    """Whether the middle of the page's right margin is grey (the glue strip)."""
    import pypdfium2 as pdfium

    from klantreis.poster import get_paper

    document = pdfium.PdfDocument(data)
    try:
        image = document[page].render(scale=36 / 72).to_pil().convert("L")
    finally:
        document.close()
    per_mm = image.width / 420
    x = image.width - int(get_paper("A3").margin / 2 * per_mm)
    return 200 < image.getpixel((x, image.height // 2)) < 250


@pytest.fixture(scope="module")
def sportschool() -> Journey:
    return klantreis.load(EXAMPLES / "sportschool.yaml")


@pytest.fixture(scope="module")
def student_a3(sportschool: Journey) -> list[str]:
    return page_texts(poster_pdf(sportschool, "student", "huidig", "A3"))


def test_the_persona_card_shows_who_travels(student_a3: list[str]) -> None:
    (text,) = student_a3
    for words in (
        "Sanne (22), student",
        "Sanne studeert pedagogiek aan de hogeschool",
        "Rol: Voltijdstudent met bijbaan",
        "Context: Regelt alles op haar telefoon",
        "Behoeften: Een betaalbaar abonnement dat maandelijks opzegbaar is; Groepslessen",
        "Frustraties: Lange contracten en inschrijfgeld",
        "Klantsegment: Jongeren en studenten",  # a field the template adds
    ):
        assert words in text, words


def test_the_8_element_card_shows_the_desired_role() -> None:
    j = klantreis.new_journey("kaart8-medewerker", "Onboarding")
    j.add_persona("nieuw", "Nieuwe verpleegkundige", extra={"gewenste-rol": "Coach van nieuwe collega's"})
    j.add_touchpoint("t1", "nieuw", j.ids("phases")[0], "Eerste werkdag", emotion=4)
    (text,) = page_texts(poster_pdf(j, paper="A3"))
    assert "Gewenste rol in het proces: Coach van nieuwe collega’s" in text


def test_the_legend_explains_each_mark_the_poster_uses(student_a3: list[str]) -> None:
    (text,) = student_a3
    for entry in (CRUCIAL, SIDE, PAIN, LOW, END, PHASE_LINE, MEASURED):
        assert entry in text, entry


def test_the_legend_leaves_out_marks_the_poster_does_not_use() -> None:
    j = klantreis.new_journey("canvas", "Rustig")
    j.add_persona("p", "Pim")
    phases = j.ids("phases")
    for i in range(4):
        j.add_touchpoint(f"t{i}", "p", phases[i % len(phases)], f"Stap {i}", emotion=4 + i % 2)
    (text,) = page_texts(poster_pdf(j, paper="A3"))
    for entry in (CRUCIAL, SIDE, PAIN, PHASE_LINE, MEASURED, LOW):
        assert entry not in text, entry
    assert END in text and "Emotie:" in text
    j.update_touchpoint("t1", "p", "huidig", critical=True, emotion=1)
    j.update_phase(phases[0], extra={"ervaring": 2})
    (text,) = page_texts(poster_pdf(j, paper="A3"))
    for entry in (CRUCIAL, PAIN, PHASE_LINE, LOW):
        assert entry in text, entry


def test_assembly_marks_on_posters_of_several_sheets_only(student_a3: list[str]) -> None:
    assert JOINS_RIGHT not in student_a3[0] and JOINS_LEFT not in student_a3[0]
    data = poster_pdf(long_journey(40), paper="A3")
    pages = page_texts(data)
    assert len(pages) == 3
    # the grey glue strip in the right margin of every sheet but the last
    assert [glue_strip(data, page) for page in range(3)] == [True, True, False]
    assert "blad 2 sluit hier rechts aan" in pages[0] and JOINS_LEFT not in pages[0]
    assert "blad 1 sluit hier links aan" in pages[1] and "blad 3 sluit hier rechts aan" in pages[1]
    assert "blad 2 sluit hier links aan" in pages[2] and JOINS_RIGHT not in pages[2]
