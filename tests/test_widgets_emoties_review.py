"""The emoties and review forms."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from klantreis import load
from klantreis.analysis import missing
from klantreis.charts.notebook import VEGALITE_MIME
from klantreis.model import ScalePoint
from klantreis.session import ProjectSession
from klantreis.widgets import EmotiesForm, ReviewForm
from klantreis.widgets.curve import CURVE_CSS, CURVE_HEIGHT, CURVE_WIDTH
from klantreis.widgets.emotion_picker import SCALE_COLOURS, scale_colours


def test_rows_follow_journey_order_and_show_saved_values(project: Path) -> None:
    form = EmotiesForm(ProjectSession.open(project), persona="student", scenario="huidig")
    expected = load(project).journey("student", "huidig")
    assert [r.id for r in form.rows] == expected["id"].tolist()
    first = form.rows[0]
    assert first.picker.value == int(expected.loc[0, "emotion"])
    assert first.why.value == expected.loc[0, "why"]
    points = first.picker.points
    assert (points[0]["emoji"], points[0]["label"]) == ("😠", "boos")  # the template's scale
    assert [p["score"] for p in points] == [1, 2, 3, 4, 5]


def test_clicking_a_smiley_saves_and_redraws_the_curve(project: Path) -> None:
    form = EmotiesForm(ProjectSession.open(project), persona="student")
    row = form.row("website-bezoek")
    old_curve = form.curve.spec
    row.picker.value = 5
    row.why.value = "Prijzen staan nu op de homepage"
    row.thoughts.value = "Eindelijk!"
    row.ideas.value = "Ook het rooster"
    row.critical.value = True
    tp = load(project).journey("student", "huidig").set_index("id").loc["website-bezoek"]
    assert (tp["emotion"], tp["why"], tp["thoughts"], tp["ideas"], tp["critical"]) == (
        5, "Prijzen staan nu op de homepage", "Eindelijk!", "Ook het rooster", True)
    assert form.curve.spec != old_curve
    assert form.curve.output.outputs[0]["data"][VEGALITE_MIME] == form.curve.spec
    row.picker.clear()
    assert "emotion" not in _raw(project, "website-bezoek")


def _raw(path: Path, tid: str) -> str:
    text = path.read_text(encoding="utf-8")
    start = text.index(f"- id: {tid}")
    return text[start: text.index("\n  - ", start + 1)]


def test_switching_persona_rebuilds_rows(project: Path) -> None:
    form = EmotiesForm(ProjectSession.open(project), persona="student", language="en")
    form.selector.persona.value = "senior"
    assert [r.id for r in form.rows] == load(project).journey("senior", "huidig")["id"].tolist()
    form.selector.scenario.value = "concurrent"
    form.selector.persona.value = "ouder"
    assert form.rows == [] and "no touchpoints" in form.notice.value
    assert form.curve.spec is None


def test_review_answers_notes_and_missing(project: Path) -> None:
    form = ReviewForm(ProjectSession.open(project), language="en")
    assert "verrassingen" in form.answers
    form.answers["verrassingen"].value = "Mond-tot-mond"
    form.notes.value = "Workshop"
    saved = load(project)
    assert saved.review["answers"]["verrassingen"] == "Mond-tot-mond"
    assert saved.review["notes"] == "Workshop"
    gaps = missing(saved)
    assert form.missing.value.count("<li>") == len(gaps)


def test_opportunity_add_edit_and_refusals(project: Path) -> None:
    form = ReviewForm(ProjectSession.open(project))
    lst = form.opportunities
    lst.new_name.value = "Wachtlijst met pushbericht"
    lst.add_button.click()
    oid = lst.selected
    assert oid == "wachtlijst-met-pushbericht"
    lst.fields["touchpoint"].value = "app-inloggen"
    lst.fields["phase"].value = "gebruik"
    lst.fields["impact"].value = 4
    lst.fields["effort"].value = 2
    lst.fields["owner"].value = "App-team"
    lst.fields["status"].value = "bezig"
    saved = load(project).opportunities.set_index("id").loc[oid]
    assert (saved["touchpoint"], saved["phase"], saved["impact"], saved["effort"]) == (
        "app-inloggen", "gebruik", 4, 2)
    assert (saved["owner"], saved["status"]) == ("App-team", "bezig")
    before = project.read_text(encoding="utf-8")
    lst.fields["description"].value = ""
    assert form.status.kind == "error"
    assert "vul eerst een naam in" in lst.notices["description"].text
    lst.new_name.value = "Dubbel"
    lst.new_id.value = "o1"
    lst.add_button.click()
    assert lst.add_notice.text == (
        "Niet opgeslagen: de code 'o1' hoort al bij een andere kans; kies een andere code")
    assert project.read_text(encoding="utf-8") == before
    lst.remove_button.click()
    lst.removal.yes.click()
    assert oid not in load(project).ids("opportunities")


def test_smileys_carry_the_scale_colours_and_words_in_the_form_language(project: Path) -> None:
    form = EmotiesForm(ProjectSession.open(project), persona="student", language="en")
    picker = form.rows[0].picker
    colours = [p["colour"] for p in picker.points]
    assert colours[0] == SCALE_COLOURS[0] and colours[-1] == SCALE_COLOURS[-1]  # red ... green
    assert colours[2] == SCALE_COLOURS[2]
    assert all(p["tint"] != p["colour"] for p in picker.points)
    assert (picker.chosen_text, picker.clear_text) == ("chosen", "Clear emotion")
    assert 'aria-pressed' in picker._esm and '"Noto Color Emoji"' in picker._css
    assert "Apple Color Emoji" in picker._css and "Segoe UI Emoji" in picker._css
    seven = scale_colours([ScalePoint(n, str(n), "🙂") for n in range(-3, 4)])
    assert list(seven) == list(range(-3, 4)) and seven[-3] == SCALE_COLOURS[0]
    assert seven[0] == SCALE_COLOURS[2] and seven[3] == SCALE_COLOURS[-1]


def test_a_crucial_moment_shows_in_colour(project: Path) -> None:
    form = EmotiesForm(ProjectSession.open(project), persona="student")
    row = next(r for r in form.rows if not r.critical.value)
    assert row.critical.button_style == ""
    row.critical.value = True
    assert row.critical.button_style == "warning"
    assert load(project).journey("student", "huidig").set_index("id").loc[row.id, "critical"]


def test_the_curve_uses_the_width_and_stays_in_view(project: Path) -> None:
    form = EmotiesForm(ProjectSession.open(project), persona="student")
    spec = form.curve.spec
    assert CURVE_WIDTH - 60 < spec["width"] <= CURVE_WIDTH and spec["height"] == CURVE_HEIGHT
    names = [p["label"] for p in spec["datasets"]["phase_labels"]]
    assert names == load(project).phases["name"].tolist()  # "Oriëntatie", not "Oriëntat…"
    assert "kr-curve-panel" in form.curve.widget._dom_classes
    assert "position: sticky" in CURVE_CSS
    assert all("kr-below-curve" in row.widget._dom_classes for row in form.rows)


def test_the_first_curve_does_not_compile_the_iri_grammar() -> None:
    code = (
        "import sys, klantreis.widgets.curve as c; c.import_charts(); "
        "print('altair' in sys.modules, 'jsonschema' in sys.modules, "
        "'rfc3987_syntax' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True", "True", "False"]
