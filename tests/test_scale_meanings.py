"""What a scale level means, as the template declares it: Flanders' "voldoende" is a
pass, so it is neither coloured nor listed as a problem; a scale without meanings
reads its levels by position, as before."""

from __future__ import annotations

from pathlib import Path

import klantreis
from klantreis import Journey, dumps, load, loads, new_journey
from klantreis.charts import channel_map, emotion_curve
from klantreis.model import ScalePoint
from klantreis.report.sections import Report
from klantreis.scale import Scale
from klantreis.session import ProjectSession
from klantreis.templates import get_template, list_templates
from klantreis.widgets import EmotiesForm
from klantreis.widgets.smileys import SCALE_COLOURS
from tests.test_render_any_text import _visible

RED, ORANGE, AMBER, LIGHT_GREEN, GREEN = SCALE_COLOURS


def flanders_journey() -> Journey:
    """A grower's journey: a fair that is negatief, two channels that are voldoende
    (one of them twice) and a website that is goed."""
    j = new_journey("flanders", title="Sensor voor kasklimaat")
    j.add_persona("teler", "Jan, tomatenteler")
    j.add_touchpoint("beurs", "teler", "vooraf", "Vakbeurs / demodag", channel="Vakbeurs", emotion="negatief")
    j.add_touchpoint("blad", "teler", "vooraf", "Artikel in vakblad", channel="Vakblad", emotion="voldoende")
    j.add_touchpoint("helpdesk", "teler", "tijdens-gebruik", "Helpdesk bellen", channel="Telefoon",
                     emotion="voldoende")  # fmt: skip
    j.add_touchpoint("site", "teler", "tijdens-gebruik", "Handleiding op de website", channel="Website",
                     emotion="goed")  # fmt: skip
    j.add_touchpoint(
        "afvoer", "teler", "achteraf", "Sensor afvoeren", channel="Telefoon", emotion="voldoende"
    )
    return j


def test_every_template_says_what_each_level_means() -> None:
    for template in list_templates():
        meanings = [p.meaning for p in template.scale()]
        assert all(m in ("problem", "neutral", "fine", "good") for m in meanings), template.id
        assert meanings[0] == "problem" and meanings[-1] == "good", template.id


def test_flanders_voldoende_is_a_pass_not_a_problem() -> None:
    scale = Scale(get_template("flanders").scale())
    assert [scale.meaning(s) for s in scale.scores] == ["problem", "fine", "good", "good"]
    assert scale.is_problem(1) and not scale.is_problem(2)
    assert scale.is_problem(1.5)  # a mean between negatief and voldoende
    # the five-point scales keep the midpoint rule they had
    five = Scale(get_template("canvas").scale())
    assert [five.is_problem(s) for s in five.scores] == [True, True, False, False, False]
    assert five.is_problem(2.9) and not five.is_problem(3)
    plain = Scale.default()
    assert [plain.meaning(s) for s in plain.scores] == ["problem", "problem", "neutral", "good", "good"]


def test_smileys_coloured_by_meaning(tmp_path: Path) -> None:
    path = tmp_path / "flanders.yaml"
    klantreis.save(flanders_journey(), path)
    form = EmotiesForm(ProjectSession.open(path), persona="teler")
    colours = {p["label"]: p["colour"] for p in form.rows[0].sheet.config["points"]}
    assert colours["negatief"] == RED
    assert colours["voldoende"] == LIGHT_GREEN  # a pass: not orange, not amber
    assert colours["uitstekend"] == GREEN
    assert colours["goed"] not in (RED, ORANGE, AMBER)
    # the five-point scale of the Canvas keeps red, orange, amber, light green, green
    canvas_path = tmp_path / "canvas.yaml"
    j = new_journey("canvas")
    j.add_persona("p")
    j.add_touchpoint("t", "p", j.ids("phases")[0], "T")
    klantreis.save(j, canvas_path)
    points = EmotiesForm(ProjectSession.open(canvas_path), persona="p").rows[0].sheet.config["points"]
    assert [p["colour"] for p in points] == list(SCALE_COLOURS)


def test_channel_map_flags_only_problem_channels_as_low_value() -> None:
    spec = channel_map(flanders_journey(), "teler").to_dict()
    low = spec["encoding"]["y"]["axis"]["labelFontWeight"]["condition"]["test"]
    assert "Vakbeurs" in low  # negatief
    for passing in ("Vakblad", "Telefoon", "Website"):  # voldoende, voldoende, goed
        assert passing not in low
    colour = next(layer for layer in spec["layer"] if layer.get("encoding", {}).get("color", {}).get("field"))
    # the colour turns between negatief and voldoende, so voldoende is on the good side
    assert colour["encoding"]["color"]["scale"]["domainMid"] == 1.5


def test_curve_rings_no_pass_and_names_no_pass_a_low() -> None:
    j = flanders_journey()
    points = emotion_curve(j, "teler").to_dict()["datasets"]["points"]
    assert [p["id"] for p in points if p["pain"]] == ["beurs"]
    # without the negatief fair the lowest level is voldoende: no pain point, no "dal"
    j.remove_touchpoint("beurs", "teler")
    spec = emotion_curve(j, "teler").to_dict()
    assert not [p for p in spec["datasets"]["points"] if p["pain"]]
    texts = " ".join(str(n["text"]) for n in spec["datasets"]["notes"])
    assert "dal" not in texts and "piek" in texts


def test_report_lists_only_problem_levels_as_pain_points(tmp_path: Path) -> None:
    path = tmp_path / "flanders.yaml"
    klantreis.save(flanders_journey(), path)
    findings = _visible(Report(str(path), "teler").findings().html)
    pain = findings.split("Pijnpunten", 1)[1].split("Touchpoints buiten de organisatie", 1)[0]
    assert "Vakbeurs / demodag" in pain
    for passing in ("Artikel in vakblad", "Helpdesk bellen", "Handleiding op de website"):
        assert passing not in pain


def test_file_keeps_the_templates_meanings_without_repeating_them() -> None:
    j = flanders_journey()
    text = dumps(j)
    assert "meaning" not in text  # the template says it
    again = loads(text)
    assert [p.meaning for p in again.scale] == ["problem", "fine", "good", "good"]
    # a scale of one's own with its own meanings is written and read back
    own = Journey(title="Eigen schaal", scale=[
        ScalePoint(1, "slecht", "", "problem"),
        ScalePoint(2, "matig", "", "fine"),
        ScalePoint(3, "prima", "", "good"),
    ])  # fmt: skip
    text = dumps(own)
    assert "meaning: fine" in text
    assert not loads(text).scale.is_problem(2)


def test_a_wrong_meaning_is_refused_naming_the_choices(problems_of) -> None:
    text = (
        "klantreis: 1\ntitle: x\nscale:\n- {score: 1, label: a, meaning: slecht}\n"
        "- {score: 2, label: b, meaning: good}\n"
    )
    (problem,) = problems_of(text)
    assert "slecht" in problem.text("nl") and "problem, neutral, fine, good" in problem.text("nl")


def test_a_saved_flanders_project_reads_voldoende_as_a_pass(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    klantreis.save(flanders_journey(), path)
    assert load(path).scale.problem_below == 2
