"""Words in the canvas's narrow columns: measured, kept whole, hyphenated only at
syllables when a word is wider than its column, and always escaped."""

from __future__ import annotations

import re
from html import unescape

import pytest

import klantreis
from klantreis.charts import canvas
from klantreis.charts._words import fit_text, lines_needed, longest_word_em, word_em


def test_words_are_measured_in_em() -> None:
    assert word_em("mmmm") > word_em("iiii") * 2  # real letter widths, not a count
    assert word_em("Groepslessen", bold=True) > word_em("Groepslessen")
    assert longest_word_em(["een korte zin", "met Abonnementsverlenging erin"]) == word_em(
        "Abonnementsverlenging"
    )
    assert longest_word_em([None, ""]) == 0


def test_fit_text_keeps_words_whole_and_escapes() -> None:
    html = fit_text("Story van een <huisgenoot> & co\nna de les", 20)
    assert html == "Story van een &lt;huisgenoot&gt; &amp; co<br>na de les"
    assert "\u00ad" not in fit_text("Groepslessen spinning", 20)


def test_joined_words_stay_on_one_line() -> None:
    assert fit_text("E-mail en in/uit", 20) == (
        '<span class="kr-word">E-mail</span> en <span class="kr-word">in/uit</span>'
    )


def test_a_word_wider_than_its_column_is_hyphenated_at_its_syllables() -> None:
    dutch = fit_text("doktersverklaring", 5)
    assert dutch.replace("\u00ad", "-") == "dok-ters-ver-kla-ring"
    english = fit_text("notwithstanding", 5, "en")
    assert english.replace("\u00ad", "-") == "not-with-stand-ing"
    assert fit_text("doktersverklaring", 20) == "doktersverklaring"  # fits: left alone


def test_lines_needed_counts_wrapped_lines() -> None:
    assert lines_needed("", 10) == 1
    assert lines_needed("een twee drie", 100) == 1
    assert lines_needed("een twee drie", word_em("twee") + 0.1) == 3
    assert lines_needed("een\ntwee", 100) == 2


@pytest.fixture
def gym() -> klantreis.Journey:
    return klantreis.load(klantreis.resources.example_path("sportschool"))


def test_canvas_columns_are_wide_enough_for_every_name(gym: klantreis.Journey) -> None:
    c = canvas(gym, "student", "huidig")
    label_em, slot_em = c.column_em(c.grid())
    longest = longest_word_em(gym.journey("student", "huidig")["name"], bold=True)
    assert slot_em >= 0.85 * longest + 1
    assert label_em >= longest_word_em([lane["name"] for lane in c.lanes()], bold=True)
    page = c.to_html()
    width = float(re.search(r"--kr-width-em: ([\d.]+)", page).group(1))
    assert width * 110 / (150 + 16 * 110) >= slot_em - 0.01  # 16 columns at least that wide
    assert "overflow-wrap: anywhere" not in page and "hyphens: auto" not in page
    assert "Groepsles spinning" in page  # never broken letter by letter


def test_a_split_phase_says_it_continues(gym: klantreis.Journey) -> None:
    c = canvas(gym, "student", "huidig")
    grid = c.grid()
    spans = grid.spans_between(3, 9)
    assert spans[0]["continued"] and spans[0]["first"] == 3
    assert sum(s["slots"] for s in spans) == 6
    table = c.table(grid, 3, 9, cols=("10%", "15%"), word_em=8, curve="<td></td>")
    assert "(vervolg)" in table and table.count('<col style="width:15%">') == 6


def _lines(html: str) -> list[str]:
    """The pieces of fitted HTML that may end up on a line of their own."""
    text = unescape(re.sub(r"<[^>]+>", "", html))
    return [piece for chunk in text.split("\u00ad") for piece in re.split(r"(?<=[-/])", chunk) if piece]


@pytest.mark.parametrize(
    "word",
    [
        "kentekenwijzigingsbevestigings-e-mail",  # a part ending in its own hyphen
        "aanvraag/wijzigings/bevestigingsformulier/",
        "</script><script>alert('why')</script>",
        "-" * 40,
        "a" * 200,
        "👩\u200d👩\u200d👧\u200d👦" * 12,
    ],
)
def test_any_word_fits_without_losing_a_letter(word: str) -> None:
    html = str(fit_text(word, 4))
    assert "".join(_lines(html)) == word
    assert all(word_em(line) <= 4 for line in _lines(html) if len(line) > 1)


def test_a_compound_is_broken_between_its_parts_in_groups_that_fit() -> None:
    html = fit_text("klant-contact-centrum-medewerkersoverleg", word_em("klant-contact-") + 0.01)
    assert html.startswith('<span class="kr-word">klant-contact-</span>')
    assert "\u00ad" in html  # "medewerkersoverleg" is wider than the column: by syllables


def test_an_emoji_sequence_is_never_cut_in_two() -> None:
    family = "👩\u200d👩\u200d👧\u200d👦"
    assert word_em(family) == word_em("👍🏽") == word_em("🇳🇱")  # one emoji each
    html = str(fit_text(family * 6 + "👍🏽🇳🇱", 2))
    pieces = html.split("\u00ad")
    assert all(not p.startswith(("\u200d", "🏽")) and not p.endswith("\u200d") for p in pieces)
    assert "🇳🇱" in html
