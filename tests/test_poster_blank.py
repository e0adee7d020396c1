"""The blank canvas of every template, read back from the PDF: one landscape sheet
with the template's rows and hints, its phases, the smiley scale and fields to fill in."""

from __future__ import annotations

from pathlib import Path

import pytest
from pdf_helpers import emoji_pixels, fonts, missing_words, page_sizes_mm, page_words, reader

import klantreis
from klantreis.poster import blank_pdf, export_pdf

SIZES_MM = {"A3": (420, 297), "A2": (594, 420), "A1": (841, 594), "A0": (1189, 841)}


def check_blank(template_id: str, paper: str, language: str = "nl") -> None:
    """Everything a blank canvas must show, on one sheet of ``paper``."""
    template = klantreis.get_template(template_id)
    data = blank_pdf(klantreis.new_journey(template_id, language=language), paper)
    pdf = reader(data)
    assert len(pdf.pages) == 1, f"{template_id} on {paper} takes {len(pdf.pages)} pages"
    width, height = page_sizes_mm(pdf)[0]
    assert (round(width), round(height)) == SIZES_MM[paper]
    words = page_words(pdf, 0)
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
