"""Typesetting on the poster: chips that stay inside their column, no word or star left
alone on a line, and Dutch conventions (typographic quotes, "’s ochtends", ranges,
"2 à 3x" and a number with its unit kept together)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from pdf_helpers import layout_boxes as walk
from pdf_helpers import reader, table_cells
from test_poster_fill import long_journey

from klantreis.charts import canvas
from klantreis.charts._typeset import NBSP, curly_quotes, tokens
from klantreis.poster import get_paper, poster_pdf
from klantreis.poster.sheets import poster_document


def classes(box: Any) -> list[str]:
    element = getattr(box, "element", None)
    return (element.get("class") or "").split() if element is not None else []


@pytest.fixture(scope="module")
def document() -> Any:
    """A long journey with wide chips ("Helpdesk (telefoon en e-mail)",
    "Mond-tot-mondreclame") on A3, laid out."""
    j = long_journey(24)
    for i in range(0, 24, 4):
        j.update_touchpoint(f"t{i}", "ria", "huidig", partner="Mond-tot-mondreclame")
    printed = canvas(j, "ria", "huidig")
    printed.typeset = True  # as poster_pdf prints it
    return poster_document(printed, get_paper("A3"))


def test_chips_stay_inside_their_column_and_apart(document: Any) -> None:
    from weasyprint.formatting_structure import boxes

    checked = 0
    for cell in table_cells(document):
        left = cell.content_box_x()
        right = left + cell.width
        chips = [b for b in walk(cell) if isinstance(b, boxes.InlineBlockBox) and "kr-tag" in classes(b)]
        for chip in chips:
            checked += 1
            x = chip.border_box_x()
            assert left - 0.5 <= x and x + chip.border_width() <= right + 0.5, chip.element.text
        for a, b in zip(chips, chips[1:], strict=False):
            apart = (
                b.border_box_y() >= a.border_box_y() + a.border_height() - 0.5
                or b.border_box_x() >= a.border_box_x() + a.border_width() - 0.5
            )
            assert apart, (a.element.text, b.element.text)
    assert checked > 40


def test_no_star_or_single_word_alone_on_a_line(document: Any) -> None:
    from weasyprint.formatting_structure import boxes

    def lines_of(box: Any) -> Iterator[str]:
        """The text of every line in a cell, but not inside a chip (an inline block
        has lines of its own)."""
        for child in getattr(box, "children", None) or []:
            if isinstance(child, boxes.LineBox):
                yield "".join(t.text for t in walk(child) if isinstance(t, boxes.TextBox)).strip()
            if not isinstance(child, boxes.InlineBlockBox):
                yield from lines_of(child)

    lines = 0
    for cell in table_cells(document):
        for text in lines_of(cell):
            lines += 1
            assert text.replace("\u00a0", " ").strip() != "★"
    assert lines > 200


def test_dutch_quotes_and_words_kept_together() -> None:
    assert curly_quotes("Klik op 'Word lid' en \"bevestig\"") == "Klik op ‘Word lid’ en “bevestig”"
    assert curly_quotes("'s ochtends met de auto's") == "’s ochtends met de auto’s"
    assert curly_quotes('<img src="x.png">') == "<img src=“x.png”>"
    assert tokens("Belt 's ochtends 2 à 3x per week") == [
        "Belt", f"’s{NBSP}ochtends", f"2{NBSP}à{NBSP}3x", f"per{NBSP}week"
    ]  # fmt: skip
    assert tokens("verbruik 15 kWh per dag, kosten € 25") == [
        "verbruik", f"15{NBSP}kWh", "per", "dag,", "kosten", f"€{NBSP}25"
    ]  # fmt: skip
    assert tokens("twee woorden") == ["twee", "woorden"]  # two words may still break


def test_compounds_break_between_their_parts() -> None:
    from klantreis.charts._words import SOFT_HYPHEN, fit_text

    html = str(fit_text("Het besparingsrapport en de veiligheidsregels", 6.5, "nl"))
    assert f"besparings{SOFT_HYPHEN}rapport" in html and f"veiligheids{SOFT_HYPHEN}regels" in html
    assert SOFT_HYPHEN not in str(fit_text("rapport", 6.5, "nl"))


def test_the_pdf_keeps_dutch_phrases_on_one_line() -> None:
    pdf = reader(poster_pdf(long_journey(12), paper="A3"))
    lines = [
        line.replace(NBSP, " ").replace("\u00ad", "").strip()
        for page in pdf.pages
        for line in page.extract_text().splitlines()
    ]
    for phrase in ("’s ochtends", "(1,0–5,0 kWh", "2 à 3x", "★ Stap"):
        assert any(phrase in line for line in lines), phrase
    assert "'" not in " ".join(lines)  # typographic quotes only
    ends = ("’s", "–", " à", "★", " 2", " 15")
    assert not [line for line in lines if line.endswith(ends)]


def test_no_word_alone_on_a_line_when_it_fits_beside_the_word_before(document: Any) -> None:
    """ "…aanbieden; / geen / bonus meer…": a word on a line of its own in the middle of
    a text, though it and the last word of the line before fit on one line."""
    from weasyprint.formatting_structure import boxes

    from klantreis.charts._words import word_em

    checked = 0
    # the interaction row holds one text per cell: its lines are of one paragraph
    cells = [cell for cell in table_cells(document) if cell.element.get("data-row") == "interaction"]
    for cell in cells:
        lines = [
            "".join(t.text for t in walk(line) if isinstance(t, boxes.TextBox)).replace(NBSP, " ").split()
            for line in walk(cell)
            if isinstance(line, boxes.LineBox)
        ]
        size = cell.style["font_size"]
        for before, words in zip(lines, lines[1:], strict=False):
            checked += 1
            if len(words) == 1 and len(before) > 1:
                assert word_em(f"{before[-1]} {words[0]}") * size > cell.width * 0.97, (before, words)
    assert checked > 50


@pytest.mark.parametrize("width", [5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 12.0])
def test_words_are_joined_against_a_lone_word(width: float) -> None:
    from klantreis.charts._words import _greedy_lines, no_lone_words, word_em

    text = (
        "Online inschrijven in vijf minuten en een maandelijks opzegbaar abonnement actief aanbieden; "
        "geen bonus meer op jaarcontracten. Dan doe ik maar weer de loopband."
    )
    words = no_lone_words(tokens(text), width)
    assert " ".join(words).replace(NBSP, " ") == curly_quotes(text)  # nothing lost or moved
    lines = _greedy_lines(words, width, False)
    for (first, last), (start, stop) in zip(lines, lines[1:], strict=False):
        if start == stop and NBSP not in words[start] and last > first:
            assert word_em(f"{words[start - 1]} {words[start]}") > width * 0.97, words[start]
