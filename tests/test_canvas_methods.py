"""Each method's own fields on its canvas and poster, where its template puts them
(``canvas:`` and ``lane:`` on a field): Michels' Touch, Tell, Sell or Care on each
touchpoint with a key, onderzoek's success criteria and tested status per phase,
Flanders' users and partners side by side, the 8-element card's desired role in the
persona box. Read from the canvas's HTML and from the poster PDF's text."""

from __future__ import annotations

import re

import pytest
from pdf_helpers import all_words, missing_words, reader

import klantreis
from klantreis.charts.canvas import canvas
from klantreis.errors import JourneyError
from klantreis.poster import poster_pdf
from klantreis.templates import _declared_fields


def michels() -> klantreis.Journey:
    j = klantreis.new_journey("michels", "Festivalkaartjes")
    j.add_persona("fan", "Fan Fleur")
    phases = j.ids("phases")
    j.add_touchpoint("ad", "fan", phases[0], "Instagram-advertentie", extra={"ttsc": "touch"})
    j.add_touchpoint("site", "fan", phases[0], "Programmapagina", extra={"ttsc": "tell"})
    j.add_touchpoint("shop", "fan", phases[-1], "Ticketshop", extra={"ttsc": "sell"})
    j.add_touchpoint("mail", "fan", phases[-1], "Bedankmail", extra={"ttsc": "care"})
    return j


def onderzoek() -> klantreis.Journey:
    j = klantreis.new_journey("onderzoek", "Verhuizen en verzekeren")
    j.add_persona("huurder", "Huurder Sam")
    first, second = j.ids("phases")[:2]
    j.add_touchpoint("brief", "huurder", first, "Brief van de verhuurder")
    j.update_phase(first, extra={"succescriteria": "weet binnen een dag wat te regelen", "getoetst": True})
    j.update_phase(second, extra={"succescriteria": "vergelijkt zonder jargon", "getoetst": False})
    return j


def flanders() -> klantreis.Journey:
    j = klantreis.new_journey("flanders", "Kassen van morgen")
    j.add_persona("teler", "Teler Koen", extra={"actor": "gebruiker"})
    j.add_persona("veiling", "Veiling Hoogstraten", extra={"actor": "partner"})
    j.add_persona("zaadhuis", "Zaadhuis Rijk", extra={"actor": "partner"})
    j.add_touchpoint("beurs", "teler", j.ids("phases")[0], "Vakbeurs")
    return j


def kaart8() -> klantreis.Journey:
    j = klantreis.new_journey("kaart8", "Vergunning aanvragen")
    j.add_persona("ondernemer", "Ondernemer Aysel", extra={"gewenste-rol": "regisseur van haar aanvraag"})
    j.add_touchpoint("loket", "ondernemer", j.ids("phases")[0], "Digitaal loket")
    return j


def text_of(html: str) -> str:
    """The words of an HTML fragment as a reader sees them (tags and soft hyphens out)."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html).replace("\u00ad", "")).replace("&#39;", "'")


#: Per method: the journey, its persona, the values that must be on the canvas and the
#: poster, and the key (legend) words.
CASES = {
    "michels": (
        michels, "fan", ["Touch", "Tell", "Sell", "Care"],
        ["Touch, Tell, Sell of Care", "opvallen en in beeld komen", "kopen of aanmelden makkelijk maken"],
    ),
    "onderzoek": (
        onderzoek, "huurder",
        ["weet binnen een dag wat te regelen", "vergelijkt zonder jargon", "Kwantitatief getoetst"], [],
    ),
    "flanders": (
        flanders, "teler",
        ["Teler Koen", "Veiling Hoogstraten", "Zaadhuis Rijk", "Eindgebruiker", "Partner"], [],
    ),
    "kaart8": (kaart8, "ondernemer", ["Gewenste rol in het proces", "regisseur van haar aanvraag"], []),
}  # fmt: skip


@pytest.mark.parametrize("method", list(CASES))
def test_the_methods_fields_are_on_the_html_canvas(method: str) -> None:
    make, persona, values, key = CASES[method]
    html = canvas(make(), persona).to_html()
    assert "&lt;" not in html  # the blocks are markup, not escaped text
    words = text_of(html)
    for value in [*values, *key]:
        assert value in words, (method, value)


def test_each_touchpoint_carries_its_label_and_the_key_explains_all_four() -> None:
    html = canvas(michels(), "fan").html_fragment()
    chips = re.findall(r'<span class="kr-tag kr-label">([^<]+)</span>', html)
    # one chip per touchpoint (in journey order), then the four in the key
    assert chips[:4] == ["Touch", "Tell", "Sell", "Care"]
    key = html[html.index('class="kr-legend kr-key"') :]
    meanings = [("Touch", "opvallen en in beeld komen"), ("Care", "aandacht en opvolging na het contact")]
    for option, meaning in meanings:
        assert f">{option}</span> {meaning}" in key


def test_onderzoek_shows_criteria_and_tested_status_in_the_phase_row() -> None:
    html = canvas(onderzoek(), "huurder").html_fragment()
    row = re.search(r'<tr class="kr-lane kr-lane-user_goal">(.*?)</tr>', html, re.S)
    assert row is not None
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row.group(1), re.S)
    assert "Kwantitatief getoetst:</b> ja" in cells[0] and "weet binnen een dag" in text_of(cells[0])
    assert "Kwantitatief getoetst:</b> nee" in cells[1]


def test_flanders_sets_users_and_partners_side_by_side_marking_this_journey() -> None:
    html = canvas(flanders(), "veiling").html_fragment()
    cols = re.findall(r'<div class="(kr-side-col[^"]*)"><b>([^<]+)</b><br>(.*?)</div>', html)
    assert [(c[1], re.sub(r"<[^>]+>", "", c[2])) for c in cols] == [
        ("Eindgebruiker", "Teler Koen"),
        ("Partner", "Veiling Hoogstraten, Zaadhuis Rijk"),
    ]
    assert cols[1][0].endswith("kr-this") and "<b>Veiling Hoogstraten</b>" in cols[1][2]


def test_kaart8_desired_role_is_in_the_persona_box_and_absent_when_empty() -> None:
    html = canvas(kaart8(), "ondernemer").html_fragment()
    box = re.search(r'<div class="kr-persona-box">(.*?)</div>', html, re.S)
    assert box is not None and "Ondernemer Aysel" in box.group(1)
    assert "regisseur van haar aanvraag" in box.group(1)
    j = kaart8()
    j.add_persona("ander", "Zonder rol")
    j.add_touchpoint("x", "ander", j.ids("phases")[0], "Loket")
    assert '<div class="kr-persona-box">' not in canvas(j, "ander").html_fragment()


def test_a_template_without_placed_fields_gets_no_key_or_box() -> None:
    j = klantreis.new_journey("canvas", "Fietsen")
    j.add_persona("p", "Piet", extra={"segment": "forens"})
    j.add_touchpoint("t", "p", j.ids("phases")[0], "Website")
    html = canvas(j, "p").html_fragment()
    for block in ('class="kr-legend kr-key"', '<div class="kr-persona-box"', '<div class="kr-sides"'):
        assert block not in html


def test_a_new_template_places_its_fields_without_code() -> None:
    fields = _declared_fields("nieuw", {
        "touchpoints": [{"id": "rol", "kind": "choice", "canvas": "label",
                         "label": {"nl": "Rol", "en": "Role"},
                         "options": [{"id": "a", "label": {"nl": "A", "en": "A"}},
                                     {"id": "b", "label": {"nl": "B", "en": "B"}}]}],
    }, ["touchpoints"])  # fmt: skip
    assert fields[0].canvas == "label"
    for table, item in [
        ("touchpoints", {"canvas": "persona"}),
        ("personas", {"canvas": "side_by_side"}),  # side by side needs a choice
        ("phases", {"canvas": "label"}),
    ]:
        with pytest.raises(JourneyError, match="canvas"):
            _declared_fields("nieuw", {table: [{"id": "x", "label": {"nl": "X", "en": "X"}, **item}]}, [])


@pytest.mark.slow
@pytest.mark.parametrize("method", list(CASES))
def test_the_methods_fields_are_on_the_poster(method: str) -> None:
    make, persona, values, key = CASES[method]
    words = all_words(reader(poster_pdf(make(), persona, paper="A3")))
    for value in [*values, *key]:
        assert not missing_words(value, words), (method, value, missing_words(value, words))


@pytest.mark.slow
def test_the_poster_names_the_desired_role_once_on_its_persona_card() -> None:
    """The poster's persona card carries the template's persona fields, so the canvas's
    persona box is left out there: the role is printed once, not twice."""
    words = all_words(reader(poster_pdf(kaart8(), "ondernemer", paper="A3")))
    assert words.count("regisseur") == 1
