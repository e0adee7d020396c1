"""The emoties and review forms."""

from __future__ import annotations

from pathlib import Path

from klantreis import load
from klantreis.analysis import missing
from klantreis.charts.notebook import VEGALITE_MIME
from klantreis.session import ProjectSession
from klantreis.widgets import EmotiesForm, ReviewForm


def test_rows_follow_journey_order_and_show_saved_values(project: Path) -> None:
    form = EmotiesForm(ProjectSession.open(project), persona="student", scenario="huidig")
    expected = load(project).journey("student", "huidig")
    assert [r.id for r in form.rows] == expected["id"].tolist()
    first = form.rows[0]
    assert first.picker.value == int(expected.loc[0, "emotion"])
    assert first.why.value == expected.loc[0, "why"]
    labels = [label for label, _ in first.picker.buttons.options]
    assert labels[0] == "😠 boos"  # the template's scale


def test_clicking_a_smiley_saves_and_redraws_the_curve(project: Path) -> None:
    form = EmotiesForm(ProjectSession.open(project), persona="student")
    row = form.row("website-bezoek")
    old_curve = form.curve.outputs[0]["data"][VEGALITE_MIME]
    row.picker.value = 5
    row.why.value = "Prijzen staan nu op de homepage"
    row.thoughts.value = "Eindelijk!"
    row.ideas.value = "Ook het rooster"
    row.critical.value = True
    tp = load(project).journey("student", "huidig").set_index("id").loc["website-bezoek"]
    assert (tp["emotion"], tp["why"], tp["thoughts"], tp["ideas"], tp["critical"]) == (
        5, "Prijzen staan nu op de homepage", "Eindelijk!", "Ook het rooster", True)
    assert form.curve.outputs[0]["data"][VEGALITE_MIME] != old_curve
    row.picker.clear.click()
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
    assert form.curve.outputs == ()


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
    lst.new_name.value = "Dubbel"
    lst.new_id.value = "o1"
    lst.add_button.click()
    assert "kans-id 'o1' is al in gebruik" in form.status.text
    assert project.read_text(encoding="utf-8") == before
    lst.remove_button.click()
    assert oid not in load(project).ids("opportunities")
