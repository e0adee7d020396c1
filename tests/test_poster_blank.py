"""The blank canvas of every template, read back from the PDF: one landscape sheet
with the template's rows and hints, its phases, the smiley scale and fields to fill in."""

from __future__ import annotations

from pathlib import Path

import pytest
from pdf_helpers import (
    all_words,
    emoji_pixels,
    fonts,
    missing_words,
    page_sizes_mm,
    page_words,
    reader,
    text_tops_mm,
)

import klantreis
from klantreis.errors import JourneyError
from klantreis.poster import blank_pdf, export_pdf
from klantreis.poster.blank import blank_lanes

SIZES_MM = {"A3": (420, 297), "A2": (594, 420), "A1": (841, 594), "A0": (1189, 841)}


def check_blank(template_id: str, paper: str, language: str = "nl") -> None:
    """Everything a blank canvas must show, on one sheet of ``paper``."""
    template = klantreis.get_template(template_id)
    data = blank_pdf(klantreis.new_journey(template_id, language=language), paper)
    pdf = reader(data)
    # A3 and A2: one sheet; A1 and A0 leave each row room for a sticky note, over two sheets at most
    assert len(pdf.pages) <= (1 if paper in ("A3", "A2") else 2), (
        f"{template_id} on {paper}: {len(pdf.pages)}"
    )
    for width, height in page_sizes_mm(pdf):
        assert (round(width), round(height)) == SIZES_MM[paper]
    words = all_words(pdf)
    expected = [template.name(language), *(["Persona:", "Scenario:", "Team:"])]
    expected += [lane["name"] for lane in template.lanes(language)]
    expected += [phase["name"] for phase in template.phases(language)]
    expected += [point.label for point in template.scale(language)]
    for text in expected:
        assert not missing_words(text, words), (template_id, text)
    hints = " ".join(lane["hint"] for lane in template.lanes(language))
    assert len(missing_words(hints, words)) < 0.1 * len(hints.split())  # a few hyphenated at most
    for point in template.scale(language):
        assert point.emoji in words
    used = fonts(pdf)
    assert used and all(used.values()), used
    assert emoji_pixels(data) > 20  # the smileys print in colour


def test_blank_canvas_of_every_template_on_a3(template_id: str) -> None:
    check_blank(template_id, "A3")


@pytest.mark.slow
@pytest.mark.parametrize("paper", ["A2", "A1", "A0"])
def test_blank_canvas_of_every_template_on_bigger_paper(template_id: str, paper: str) -> None:
    check_blank(template_id, paper)


def test_blank_canvas_in_english() -> None:
    check_blank("flanders", "A3", "en")


def test_blank_canvas_of_a_project_uses_its_phases(tmp_path: Path) -> None:
    j = klantreis.new_journey("flanders", "Kassen van morgen")
    j.add_phase("evaluatie", "Evaluatie na een jaar")
    words = page_words(reader(blank_pdf(j, "A3")), 0)
    for text in ("Kassen van morgen", "Evaluatie na een jaar", "Vooraf", "Ervaring"):
        assert not missing_words(text, words), text
    path = export_pdf(tmp_path / "leeg.pdf", j, blank=True)
    assert "Evaluatie" in page_words(reader(path.read_bytes()), 0)


def row_heights_mm(data: bytes, names: list[str]) -> list[float]:
    """The height of each row that has a row under it on the same sheet: the distance
    between the tops of their names (set at the top of their cells)."""
    tops = text_tops_mm(data, names)
    assert set(tops) == set(names), f"rows not found: {set(names) - set(tops)}"
    return [
        tops[b][1] - tops[a][1] for a, b in zip(names, names[1:], strict=False) if tops[a][0] == tops[b][0]
    ]


@pytest.mark.parametrize("method", ["canvas", "kaart8", "michels", "onderzoek", "flanders"])
def test_a_blank_canvas_is_made_for_sticky_notes(method: str, tmp_path: Path) -> None:
    """What `klantreis export --template X --blank --to x.pdf` suggests: A1, every row
    at least 80 mm high (a 76 mm note fits)."""
    path = export_pdf(tmp_path / "leeg.pdf", template=method, blank=True, language="nl")
    data = path.read_bytes()
    assert {(round(w), round(h)) for w, h in page_sizes_mm(reader(data))} == {SIZES_MM["A1"]}
    names = [lane["name"] for lane in blank_lanes(klantreis.new_journey(method))]
    heights = row_heights_mm(data, names)
    assert len(heights) >= len(names) - 2  # at most one row per sheet is not measured
    assert min(heights) >= 80 - 0.5, heights


def test_the_row_height_can_be_chosen(tmp_path: Path) -> None:
    path = export_pdf(tmp_path / "a.pdf", template="onderzoek", blank=True, paper="A0", row_mm=120)
    names = [lane["name"] for lane in blank_lanes(klantreis.new_journey("onderzoek"))]
    assert min(row_heights_mm(path.read_bytes(), names)) >= 120 - 0.5
    with pytest.raises(JourneyError, match="--row-height"):
        export_pdf(tmp_path / "b.pdf", template="onderzoek", blank=True, row_mm=0)


#: The rows, boxes and keys each method needs on its blank canvas.
METHOD_PARTS = {
    "canvas": ["Bij de grootste concurrent"],  # step 5 compares with the competitor
    "kaart8": ["Gewenste rol in het proces", "Wie is de persona?"],  # the profile: one of the 8
    "michels": ["Touch, Tell, Sell of Care:", "opvallen en in beeld komen", "aandacht en opvolging"],
    "flanders": ["Gebruiker of partner:", "☐ Eindgebruiker", "☐ Partner"],
}


@pytest.mark.parametrize("method", list(METHOD_PARTS))
def test_each_method_gets_the_rows_and_keys_it_needs(method: str) -> None:
    data = blank_pdf(klantreis.new_journey(method), "A3")
    words = page_words(reader(data), 0)
    for text in METHOD_PARTS[method]:
        assert not missing_words(text, words), (method, text)
    if method == "kaart8":  # the persona box is the first row, one cell over all phases
        assert blank_lanes(klantreis.new_journey(method))[0]["id"] == "persona"
    others = [t for t in METHOD_PARTS if t != method]
    for other in others:  # and no other method's
        for text in METHOD_PARTS[other][:1]:
            assert missing_words(text, words), (method, text)
