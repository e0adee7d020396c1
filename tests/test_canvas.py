"""The printable canvas: plain HTML with escaped user text and the aligned curve as SVG."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import klantreis
from klantreis import Journey, JourneyError
from klantreis.charts import Canvas, canvas, save_chart
from klantreis.charts.canvas import DEFAULT_LANES, LANE_PX, STEP_PX


@pytest.fixture
def j() -> Journey:
    j = klantreis.new_journey("canvas", "Fietsenwinkel")
    j.add_persona("anna", "Anna")
    j.add_touchpoint("zoeken", "anna", "orientatie", "Zoeken op Google", emotion=3, channel="Google",
                     online=True, owned=False, partner="Google", action="Zoekt 's avonds",
                     frequency="2x", thoughts="Welke fiets?", data="40% via mobiel")  # fmt: skip
    j.add_touchpoint("winkel", "anna", "aanschaf", "Winkelbezoek", emotion=1, channel="Winkel",
                     online=False, owned=True, critical=True, why="Lang wachten\nen geen koffie")  # fmt: skip
    j.add_touchpoint("rit", "anna", "gebruik", "Eerste rit", importance="side")
    j.add_opportunity("o1", "Afspraak online plannen", touchpoint="winkel", impact=5, effort=2)
    return j


@pytest.fixture
def page(j: Journey) -> str:
    return canvas(j).to_html()


def test_canvas_has_phases_durations_and_touchpoints(page: str) -> None:
    for text in ("Oriëntatie", "Aanschaf", "Nazorg", "2 tot 4 weken", "1 tot 3 dagen",
                 "Zoeken op Google", "Winkelbezoek", "Eerste rit"):  # fmt: skip
        assert text in page, text
    assert '<th scope="col" colspan="1" class="kr-phase kr-shade-0">Oriëntatie' in page


def test_canvas_lanes_come_from_the_template(j: Journey, page: str) -> None:
    lanes = [lane["id"] for lane in canvas(j).lanes()]
    template = [lane["id"] for lane in klantreis.get_template("canvas").lanes("nl")]
    assert lanes == [*template, "opportunities"]  # opportunities added: the journey has one
    names = re.findall(r'<th scope="row"[^>]*>([^<]*)</th>', page)
    assert names[:2] == ["Doel van de klant", "Touchpoints"]
    assert names[-1] == "Kansen"


def test_canvas_without_known_template_uses_default_lanes(j: Journey) -> None:
    j.template = "bestaat-niet"
    lanes = [lane["id"] for lane in canvas(j).lanes()]
    assert lanes == [*DEFAULT_LANES, "data", "opportunities"]
    j.template = ""
    j.language = "en"
    assert canvas(j).lanes()[0]["name"] == "Customer's goal"


def test_canvas_cells_show_the_touchpoint_fields(page: str) -> None:
    assert "🌐 online" in page and "🏢 offline" in page
    assert "van derden" in page and "partner: Google" in page
    assert "Zoekt &#39;s avonds" in page and "⟳ 2x" in page
    assert "😠</span> boos" in page
    assert "Lang wachten<br>en geen koffie" in page  # line breaks kept
    assert "40% via mobiel" in page and "Welke fiets?" in page
    assert 'class="kr-crucial"' in page and "★" in page
    assert 'class="kr-side"' in page
    assert "geen emotie" in page
    assert "Afspraak online plannen" in page and "impact 5" in page


def test_canvas_escapes_user_text(j: Journey) -> None:
    j.update_touchpoint("zoeken", "anna", name="<script>alert(1)</script>", why='"><img src=x>')
    j.update_phase("aanschaf", name="Kopen & <b>betalen</b>")
    html = canvas(j).to_html()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img src=x>" not in html and "<b>betalen</b>" not in html
    # (a long word is kept whole in a span of its own)
    assert '>Kopen &amp; <span class="kr-word">&lt;b&gt;betalen&lt;/b&gt;</span>' in html
    assert "<script" not in html  # no JavaScript at all


def test_canvas_curve_is_inline_svg_aligned_with_the_columns(j: Journey, page: str) -> None:
    assert page.count("<svg") == 1
    assert re.search(r'<svg[^>]*viewBox="0 0 (\d+)', page)
    width = int(re.search(r'<svg[^>]*viewBox="0 0 (\d+)', page).group(1))
    slots = 5  # three touchpoints + two empty phases (one slot each)
    assert width == LANE_PX + slots * STEP_PX
    cols = re.findall(r'<col style="width:([\d.]+)%">', page)
    assert len(cols) == slots + 1
    assert float(cols[0]) == pytest.approx(100 * LANE_PX / width, abs=1e-3)
    assert page.count('class="kr-empty"') == 2 * 6  # two empty phases x six per-touchpoint lanes
    assert "@page { size: A3 landscape" in page


def test_canvas_picks_persona_and_scenario(j: Journey) -> None:
    j.add_persona("bert", "Bert")
    j.add_touchpoint("app", "bert", "gebruik", "App openen", scenario="concurrent", emotion=4)
    first = canvas(j)
    assert (first.persona, first.scenario) == ("anna", "huidig")
    bert = canvas(j, "bert")
    assert (bert.persona, bert.scenario) == ("bert", "concurrent")
    assert "App openen" in bert._repr_html_() and "Zoeken op Google" not in bert._repr_html_()
    with pytest.raises(JourneyError, match="persona .* bestaat niet"):
        canvas(j, "niemand")
    empty = canvas(j, "anna", "concurrent")  # no touchpoints there: empty columns
    assert isinstance(empty, Canvas) and "Zoeken op Google" not in empty.to_html()


def test_canvas_saves_as_html_only(j: Journey, tmp_path: Path) -> None:
    c = canvas(j)
    assert save_chart(c, tmp_path / "c.html").read_text("utf-8") == c.to_html()
    assert c.save(tmp_path / "d.html").read_text("utf-8").startswith("<!DOCTYPE html>")
    with pytest.raises(ValueError, match="only be saved as .html"):
        save_chart(c, tmp_path / "c.png")


def test_canvas_svg_follows_edits(j: Journey) -> None:
    c = canvas(j)
    first = c.curve_svg()
    assert c.curve_svg() is first  # cached while nothing changed
    j.update_touchpoint("rit", "anna", emotion=5)
    assert c.curve_svg() != first
