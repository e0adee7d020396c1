"""The journey poster (PDF), read back: paper size and orientation, every touchpoint
name whole, the template's row labels, embedded fonts, smileys that print, sheets
that continue, escaped user text, and bad input refused without half a file."""

from __future__ import annotations

import os
import socket
from pathlib import Path
from unittest import mock

import pytest
from pdf_helpers import (
    emoji_pixels,
    fonts,
    has_network_url,
    image_count,
    missing_words,
    page_sizes_mm,
    page_words,
    reader,
    table_cells,
)
from pdf_helpers import (
    layout_boxes as walk,
)

import klantreis
from klantreis import Journey, JourneyError
from klantreis.charts import canvas
from klantreis.messages import use_language
from klantreis.poster import PAPERS, export_pdf, get_paper, poster_pdf
from klantreis.poster.render import render
from klantreis.poster.sheets import plan, poster_document

SIZES_MM = {"A3": (420, 297), "A2": (594, 420), "A1": (841, 594), "A0": (1189, 841)}


def gym_journey() -> Journey:
    """A journey on the Customer Journey Canvas template with the things a poster shows."""
    j = klantreis.new_journey("canvas", "Fietsenwinkel De Spaak")
    j.add_persona("anna", "Anna (34), forens")
    j.add_touchpoint("zoeken", "anna", "orientatie", "Vergelijkingssite raadplegen", emotion=3,
                     channel="Google", online=True, owned=False, partner="Google",
                     action="Zoekt 's avonds op de bank", frequency="2x per week",
                     why="Veel keuze, maar onduidelijke prijzen")  # fmt: skip
    j.add_touchpoint("winkel", "anna", "aanschaf", "Winkelbezoek met proefrit", emotion=1,
                     channel="Winkel", online=False, owned=True, critical=True,
                     why="Lang wachten\nen geen koffie", thoughts="Had ik maar online besteld")  # fmt: skip
    j.add_touchpoint("levering", "anna", "aanschaf", "Thuisbezorging", emotion=4,
                     why="Netjes afgesteld 🚲", data="92% op tijd geleverd")  # fmt: skip
    j.add_touchpoint("rit", "anna", "gebruik", "Eerste rit naar kantoor", emotion=5, importance="side")
    j.add_opportunity("o1", "Afspraak voor de proefrit online plannen", touchpoint="winkel",
                      impact=5, effort=2)  # fmt: skip
    j.update_phase("gebruik", duration="Maanden")
    return j


@pytest.fixture(scope="module")
def gym() -> Journey:
    return gym_journey()


@pytest.fixture(scope="module", params=list(SIZES_MM))
def poster(request: pytest.FixtureRequest, gym: Journey) -> tuple[str, bytes]:
    return request.param, poster_pdf(gym, "anna", "huidig", request.param)


# ------------------------------------------------------------------ per paper size
def test_poster_is_landscape_on_the_chosen_paper(poster: tuple[str, bytes]) -> None:
    paper, data = poster
    pdf = reader(data)
    assert len(pdf.pages) == 1
    width, height = page_sizes_mm(pdf)[0]
    assert (round(width), round(height)) == SIZES_MM[paper]
    assert width > height


def test_poster_shows_every_touchpoint_whole_with_its_details(
    poster: tuple[str, bytes], gym: Journey
) -> None:
    _, data = poster
    words = page_words(reader(data), 0)
    for name in gym.journey("anna", "huidig")["name"]:
        assert not missing_words(name, words), name
    for text in ("Google", "online", "offline", "van derden", "partner: Google", "2x per week",
                 "boos", "tevreden", "Lang wachten", "en geen koffie", "92%", "Maanden",
                 "Afspraak voor de proefrit online plannen", "(impact 5, inspanning 2)",
                 "Persona: Anna (34), forens", "Huidige situatie", "Fietsenwinkel De Spaak"):  # fmt: skip
        assert not missing_words(text, words), text
    assert "★" in words  # the crucial touchpoint is marked


def test_poster_rows_are_the_templates_lanes_in_its_words(poster: tuple[str, bytes]) -> None:
    _, data = poster
    words = page_words(reader(data), 0)
    lanes = klantreis.get_template("canvas").lanes("nl")
    for lane in [*lanes, {"name": "Kansen"}]:  # opportunities: the journey has one
        assert not missing_words(lane["name"], words), lane["name"]
    for phase in klantreis.get_template("canvas").phases("nl"):
        assert not missing_words(phase["name"], words), phase["name"]


def test_poster_embeds_every_font_and_loads_nothing(poster: tuple[str, bytes]) -> None:
    _, data = poster
    pdf = reader(data)
    used = fonts(pdf)
    assert any("DejaVu" in name for name in used) and any("Emoji" in name for name in used)
    assert all(used.values()), used
    assert image_count(pdf) >= 5  # the smileys (and the online/offline marks) as bitmaps
    assert not has_network_url(data)


def test_type_grows_with_the_paper(gym: Journey) -> None:
    sizes = [PAPERS[p].font_pt for p in SIZES_MM]
    assert sizes == sorted(sizes) and sizes[-1] == 18  # 18 pt on A0, to read from two metres
    assert sizes[-1] == pytest.approx(sizes[0] * 1189 / 420, 0.02)  # in proportion to the sheet
    layouts = [plan(canvas(gym), PAPERS[p]) for p in SIZES_MM]
    widths = [layout.step_units * layout.unit for layout in layouts]
    assert widths == sorted(widths)  # columns widen with the sheet


# ------------------------------------------------------------------ layout
def test_smileys_print_in_colour(gym: Journey) -> None:
    assert emoji_pixels(poster_pdf(gym, paper="A3")) > 50
    # the measure is not fooled by the rest of the page: text alone has none
    assert emoji_pixels(render("<p>★ tekst in kleur</p>").write_pdf()) == 0
    assert emoji_pixels(render("<p>😄 tekst in kleur</p>").write_pdf()) > 0


def test_no_word_sticks_out_of_its_cell() -> None:
    from weasyprint.formatting_structure import boxes

    j = klantreis.load(Path(__file__).parent.parent / "examples" / "telers.yaml")
    j.update_touchpoint("dashboard-dagelijks", "teler", "huidig",
                        why="Het sensordashboardmeldingenoverzicht is onoverzichtelijk",
                        action="x" * 40)  # fmt: skip
    document = poster_document(canvas(j, "teler", "huidig"), get_paper("A3"))

    checked = 0
    for cell in table_cells(document):
        left = cell.border_box_x()
        right = left + cell.border_width()
        for text in walk(cell):
            if isinstance(text, boxes.TextBox):
                checked += 1
                assert left - 0.01 <= text.position_x, text.text
                assert text.position_x + text.width <= right + 0.01, text.text
    assert checked > 300


def test_user_text_is_escaped(gym: Journey) -> None:
    j = gym_journey()
    j.update_touchpoint("rit", "anna", name="<script>alert(1)</script>", why='"><img src="http://x/y.png">')
    words = page_words(reader(poster_pdf(j)), 0)
    text = " ".join(words)
    assert "<script>alert(1)</script>" in text
    assert "“><img" in text and "src=“http://x/" in text  # as text, with typographic quotes


def test_nothing_is_fetched_from_the_network() -> None:
    with mock.patch.object(socket.socket, "connect", side_effect=AssertionError("network")) as connect:
        document = render('<img src="http://127.0.0.1:9/x.png"><p>tekst</p>')
    assert len(document.pages) == 1
    connect.assert_not_called()


@pytest.mark.slow
def test_a_long_journey_continues_on_more_sheets_with_the_row_labels() -> None:
    j = klantreis.new_journey("canvas", "Lange reis")
    j.add_persona("pien", "Pien")
    phases = j.ids("phases")
    for i in range(60):
        j.add_touchpoint(f"t{i}", "pien", phases[i * len(phases) // 60], f"Stap{i} bij de klantenservice",
                         emotion=1 + i % 5, channel="Telefoon", critical=i % 7 == 0,
                         why="Omdat het wachten lang duurde en niemand terugbelde")  # fmt: skip
    pdf = reader(poster_pdf(j, paper="A3"))
    pages = len(pdf.pages)
    assert pages >= 2
    lanes = [lane["name"] for lane in klantreis.get_template("canvas").lanes("nl")]
    per_page = [page_words(pdf, number) for number in range(pages)]  # pypdf reads each page once
    for number, words in enumerate(per_page):
        for name in lanes:
            assert not missing_words(name, words), (number, name)
        assert not missing_words(f"blad {number + 1} van {pages}", words)
    words = [w for page in per_page for w in page]
    for i in range(60):
        assert f"Stap{i}" in words
    assert "(vervolg)" in words  # a phase cut by a sheet's edge says so
    assert all(
        size == (pytest.approx(420, abs=0.5), pytest.approx(297, abs=0.5)) for size in page_sizes_mm(pdf)
    )


def test_rows_too_tall_for_the_sheet_spread_over_more_sheets() -> None:
    j = klantreis.new_journey("canvas", "Veel tekst")
    j.add_persona("pien", "Pien")
    phases = j.ids("phases")
    story = " ".join(["Het duurde lang voordat iemand reageerde op haar vraag over de rekening"] * 6)
    for i in range(16):
        j.add_touchpoint(f"t{i}", "pien", phases[i * 5 // 16], f"Stap{i}", emotion=3,
                         why=story, thoughts=story, ideas=story)  # fmt: skip
    assert plan(canvas(j), get_paper("A3")).sheets == 1  # the words alone would fit one sheet
    pdf = reader(poster_pdf(j))
    pages = len(pdf.pages)
    assert pages > 1
    per_page = [page_words(pdf, number) for number in range(pages)]  # text read once: pypdf is slow here
    for number, words in enumerate(per_page):  # each sheet on one page: no rows pushed on to a next page
        assert not missing_words(f"blad {number + 1} van {pages}", words)
    everything = {w for words in per_page for w in words}
    assert all(f"Stap{i}" in everything for i in range(16))


# ------------------------------------------------------------------ bad input
@pytest.mark.parametrize(
    ("kwargs", "nl", "en"),
    [
        ({"paper": "B4"}, "onbekend papierformaat 'B4'", "unknown paper size 'B4'"),
        ({"persona": "niemand"}, "er is geen persona 'niemand'; wel: anna", "there is no persona 'niemand'"),
        ({"scenario": "later"}, "er is geen scenario 'later'", "there is no scenario 'later'"),
        ({"blank": True, "template": "bestaat-niet"}, "er is geen sjabloon 'bestaat-niet'",
         "there is no template 'bestaat-niet'"),
    ],
)  # fmt: skip
def test_bad_input_is_refused_and_the_old_file_kept(
    tmp_path: Path, gym: Journey, kwargs: dict, nl: str, en: str
) -> None:
    target = tmp_path / "poster.pdf"
    target.write_bytes(b"old poster")
    project = None if kwargs.get("template") else gym
    for language, expected in (("nl", nl), ("en", en)):
        with use_language(language):
            with pytest.raises(JourneyError) as err:
                export_pdf(target, project, **kwargs)
            assert expected in str(err.value)
    assert target.read_bytes() == b"old poster"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["poster.pdf"]


def test_target_must_be_a_pdf_in_an_existing_folder(tmp_path: Path, gym: Journey) -> None:
    (tmp_path / "map.pdf").mkdir()
    refused = [
        ({"target": tmp_path / "nergens" / "poster.pdf", "project": gym}, "de map .*nergens bestaat niet"),
        ({"target": tmp_path / "poster.png", "project": gym}, r"als \.pdf geschreven"),
        ({"target": tmp_path / "map.pdf", "project": gym}, "is een map"),
        ({"target": tmp_path / "poster.pdf"}, "geef een projectbestand"),
        ({"target": tmp_path / "poster.pdf", "project": gym, "template": "flanders"},
         "--template hoort bij --blank"),
        ({"target": tmp_path / "poster.pdf", "project": gym, "blank": True, "persona": "anna"},
         "geen persona of scenario"),
    ]  # fmt: skip
    for kwargs, message in refused:
        with use_language("nl"), pytest.raises(JourneyError, match=message):
            export_pdf(**kwargs)
    assert list(tmp_path.iterdir()) == [tmp_path / "map.pdf"]


def test_a_failed_render_leaves_no_file(tmp_path: Path, gym: Journey) -> None:
    target = tmp_path / "poster.pdf"
    target.write_bytes(b"old poster")
    with (
        mock.patch("klantreis.poster.pdf_bytes", side_effect=RuntimeError("crash")),
        pytest.raises(RuntimeError),
    ):
        export_pdf(target, gym)
    with mock.patch("os.replace", side_effect=OSError("no space left")), pytest.raises(OSError):
        export_pdf(target, gym)
    assert target.read_bytes() == b"old poster"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["poster.pdf"]


def test_export_writes_the_poster(tmp_path: Path, gym: Journey) -> None:
    path = export_pdf(tmp_path / "poster.pdf", gym, paper="a2")
    pdf = reader(path.read_bytes())
    assert (round(page_sizes_mm(pdf)[0][0]), round(page_sizes_mm(pdf)[0][1])) == (594, 420)
    assert "Winkelbezoek" in page_words(pdf, 0)
    mask = os.umask(0)
    os.umask(mask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~mask  # a normal file, not the temporary's mode
