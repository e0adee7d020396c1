"""The views the methods ask for: users and partners side by side (Flanders), touchpoints
by Touch, Tell, Sell or Care (Michels), the overall experience per phase on the curve
(Customer Journey Canvas), the scenario comparison in the review step; and channel
value from what the team says, never from a count."""

from __future__ import annotations

from pathlib import Path

import pytest

from klantreis import Journey, JourneyError, new_journey, save
from klantreis.charts import channel_map, emotion_curve
from klantreis.charts.grouped import grouped_fields, grouped_view
from klantreis.session import ProjectSession
from klantreis.widgets import ReviewForm


def low_value(journey: Journey) -> str:
    """The Vega test that prints a channel bold as "little value"."""
    return channel_map(journey).to_dict()["encoding"]["y"]["axis"]["labelFontWeight"]["condition"]["test"]


def flanders_channels() -> Journey:
    j = new_journey("flanders")
    j.add_persona("teler", "Koen")
    add = j.add_touchpoint
    for channel, count in (("Website", 6), ("Nieuwsbrief", 5), ("Telefoon", 5), ("Helpdesk", 5)):
        for i in range(count):  # channels used often
            add(f"{channel.lower()}{i}", "teler", "vooraf", f"{channel} {i}", channel=channel, online=True,
                emotion=3)  # fmt: skip
    add("beurs", "teler", "vooraf", "Vakbeurs", channel="Vakbeurs", online=False, emotion=4)  # once
    add("blad", "teler", "vooraf", "Vakblad", channel="Vakblad", online=False, emotion=1)  # disliked
    add("folder", "teler", "tijdens-gebruik", "Folder", channel="Folder", online=False, emotion=3)
    add("app", "teler", "tijdens-gebruik", "Appel", channel="App", online=True, emotion=3)
    return j


def test_a_channel_used_once_is_not_called_low_value_for_its_count():
    j = flanders_channels()
    counts = j.touchpoints["channel"].value_counts()
    assert counts["Vakbeurs"] * 2 < counts.median()  # what the old rule called low value
    test = low_value(j)
    assert '"🏢 Vakbeurs"' not in test  # used once, among channels used five times: still valuable
    assert '"🏢 Folder"' not in test
    assert '"🏢 Vakblad"' in test  # what the team felt: below the middle of the scale
    note = channel_map(j).to_dict()["title"]["subtitle"]
    assert "volgens het team" in note and "weinig touchpoints" not in note


def test_a_channel_the_team_names_in_the_low_value_question_is_marked():
    j = flanders_channels()
    j.set_answer("verbeterpunten", "De folder kan beter.")  # not the low-value question
    assert '"🏢 Folder"' not in low_value(j)
    j.set_answer("overbodige-kanalen", "De FOLDER leest niemand; de appelsapactie ook niet.")
    test = low_value(j)
    assert '"🏢 Folder"' in test
    assert '"🌐 App"' not in test  # "appelsap" is not the channel "App"


def test_users_and_partners_side_by_side():
    j = new_journey("flanders")
    j.add_persona("teler", "Koen <teler>", extra={"actor": "gebruiker"})
    j.add_persona("veiling", "Veiling Hoogstraten", extra={"actor": "Partner"})
    j.add_persona("adviseur", "Pieter")
    j.add_touchpoint("beurs", "teler", "vooraf", "Vakbeurs", channel="Beurs")
    j.add_touchpoint("rapport", "veiling", "tijdens-gebruik", "Kwaliteitsrapport")
    j.add_touchpoint("bezoek", "adviseur", "vooraf", "Bedrijfsbezoek")
    assert [f.id for f in grouped_fields(j)] == ["actor"]
    view = grouped_view(j, "actor")
    assert view.rows == [("gebruiker", "Eindgebruiker"), ("partner", "Partner"), ("", "(niet ingevuld)")]
    assert view.cells[("gebruiker", "vooraf")] == [("Vakbeurs", "Beurs", "Koen <teler>")]
    assert view.cells[("partner", "tijdens-gebruik")] == [("Kwaliteitsrapport", "", "Veiling Hoogstraten")]
    assert view.cells[("", "vooraf")] == [("Bedrijfsbezoek", "", "Pieter")]
    page = view.html_fragment()
    assert "Gebruiker of partner: de reizen naast elkaar" in page
    assert "Koen &lt;teler&gt;" in page and "<teler>" not in page
    assert "Vakbeurs <span class='kr-channel'>· Beurs</span>" in page
    assert [h for h in ("Vooraf", "Tijdens gebruik", "Achteraf") if f">{h}</th>" in page] == [
        "Vooraf", "Tijdens gebruik", "Achteraf"]  # fmt: skip


def test_michels_touchpoints_grouped_by_touch_tell_sell_care():
    j = new_journey("michels", language="en")
    j.add_persona("p", "Pim")
    j.add_touchpoint("ad", "p", "verwachtingen", "Advert", extra={"ttsc": "touch"})
    j.add_touchpoint("site", "p", "verwachtingen", "Website", extra={"ttsc": "tell"})
    j.add_touchpoint("mail", "p", "engagement", "Follow-up mail", extra={"ttsc": "care"})
    view = grouped_view(j, "ttsc")
    assert [label for _, label in view.rows] == ["Touch", "Tell", "Sell", "Care"]
    assert view.cells == {
        ("touch", "verwachtingen"): [("Advert", "", "")],
        ("tell", "verwachtingen"): [("Website", "", "")],
        ("care", "engagement"): [("Follow-up mail", "", "")],
    }
    assert view.title == "Touch, Tell, Sell or Care"
    with pytest.raises(JourneyError, match="no choice field 'memorabel'"):
        grouped_view(j, "memorabel")


def test_the_overall_experience_per_phase_is_drawn_on_the_curve():
    j = new_journey("canvas")
    j.add_persona("p", "Pim")
    j.add_touchpoint("a", "p", "orientatie", "Zoeken", emotion=4)
    j.add_touchpoint("b", "p", "orientatie", "Vergelijken", emotion=4)
    j.add_touchpoint("c", "p", "aanschaf", "Betalen", emotion=3)
    assert "phase_marks" not in emotion_curve(j).to_dict()["datasets"]  # none filled in yet
    j.update_phase("orientatie", extra={"ervaring": "gefrustreerd"})
    spec = emotion_curve(j).to_dict()
    marks = spec["datasets"]["phase_marks"]
    assert marks == [{
        "x": -0.5, "end": 1.5, "middle": 0.5, "emotion": 2, "phase": "Oriëntatie",
        "label": "Algemene ervaring in deze fase: 😞 gefrustreerd", "word": "fase als geheel: gefrustreerd",
        "legend": "fase als geheel",
    }]  # fmt: skip
    rule = next(layer for layer in spec["layer"] if layer["mark"]["type"] == "rule")
    assert rule["encoding"]["strokeDash"]["scale"]["range"] == [[6, 4]]  # dashed, and in the legend
    assert rule["encoding"]["x2"]["field"] == "end"
    # the word stands in the phase's head, under its name
    assert spec["datasets"]["phase_overall"] == [{"x": 0.5, "label": "fase als geheel: gefrustreerd"}]


def _review(tmp_path: Path, template_id: str, second: bool) -> ReviewForm:
    j = new_journey(template_id)
    j.add_persona("p", "Pim")
    first, other = j.ids("scenarios")[:2]
    phase = j.ids("phases")[0]
    j.add_touchpoint("a", "p", phase, "Eerste contact", emotion=2, scenario=first)
    if second:
        j.add_touchpoint("a", "p", phase, "Eerste contact", emotion=4, scenario=other)
    save(j, tmp_path / "reis.yaml")
    return ReviewForm(ProjectSession.open(tmp_path / "reis.yaml"))


def test_the_review_step_shows_the_scenario_comparison_for_methods_that_end_with_it(tmp_path):
    form = _review(tmp_path, "flanders", second=True)
    assert form.comparison is not None
    assert form.comparison.pairs == [("p", "huidig", "na-aanpassing")]
    (spec,) = form.comparison.specs
    assert [(r["id"], r["delta"]) for r in spec["datasets"]["rows"]] == [("a", 2)]
    assert "Pim: van ‘Huidige situatie’ naar ‘Na aanpassing’" in str(form.comparison.output.outputs)


def test_the_comparison_says_what_to_do_while_there_is_nothing_to_compare(tmp_path):
    form = _review(tmp_path, "canvas", second=False)
    assert form.comparison is not None and form.comparison.specs == []
    assert "Nog niets te vergelijken" in form.comparison.note.value


def test_methods_that_do_not_end_with_a_comparison_show_none(tmp_path):
    assert _review(tmp_path, "kaart8", second=True).comparison is None
