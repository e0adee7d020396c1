"""The emoties and review forms."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from klantreis import load
from klantreis.analysis import missing
from klantreis.charts.notebook import VEGALITE_MIME
from klantreis.model import ScalePoint
from klantreis.session import ProjectSession
from klantreis.widgets import EmotiesForm, ReviewForm
from klantreis.widgets.curve import (
    CURVE_CSS,
    CURVE_HEIGHT,
    CURVE_MARGIN,
    CURVE_WIDTH,
    MIN_CURVE_WIDTH,
    NO_PICTURE,
)
from klantreis.widgets.emotion_sheet import EmotionSheet
from klantreis.widgets.notice import STYLES
from klantreis.widgets.smileys import SCALE_COLOURS, scale_colours


def test_rows_follow_journey_order_and_show_saved_values(project: Path) -> None:
    form = EmotiesForm(ProjectSession.open(project), persona="student", scenario="huidig")
    expected = load(project).journey("student", "huidig")
    assert [r.id for r in form.rows] == expected["id"].tolist()
    first = form.rows[0]
    assert first.value("emotion") == int(expected.loc[0, "emotion"])
    assert first.value("why") == expected.loc[0, "why"]
    shown = first.shown()
    assert shown["heading"] == f"1. {expected.loc[0, 'name']}"
    assert shown["context"] == f"({expected.loc[0, 'phase_name']} · {expected.loc[0, 'channel']})"
    points = form.rows[0].sheet.config["points"]
    assert (points[0]["emoji"], points[0]["label"]) == ("😠", "boos")  # the template's scale
    assert [p["score"] for p in points] == [1, 2, 3, 4, 5]


def test_clicking_a_smiley_saves_and_redraws_the_curve(project: Path) -> None:
    form = EmotiesForm(ProjectSession.open(project), persona="student")
    row = form.row("website-bezoek")
    old_curve = form.curve.spec
    row.edit("emotion", 5)
    row.edit("why", "Prijzen staan nu op de homepage ")
    row.edit("thoughts", "Eindelijk!")
    row.edit("ideas", "Ook het rooster")
    row.edit("critical", True)
    tp = load(project).journey("student", "huidig").set_index("id").loc["website-bezoek"]
    assert (tp["emotion"], tp["why"], tp["thoughts"], tp["ideas"], tp["critical"]) == (
        5,
        "Prijzen staan nu op de homepage",
        "Eindelijk!",
        "Ook het rooster",
        True,
    )
    assert form.curve.spec != old_curve
    assert form.curve.output.outputs[0]["data"][VEGALITE_MIME] == form.curve.spec
    # a picture comes along, so the page's Vega renderer does not paint (and keep) one
    # after every redraw (tests/browser/test_app_memory.py)
    assert form.curve.output.outputs[0]["data"]["image/png"] == NO_PICTURE
    row.edit("emotion", None)  # the "×" button
    assert "emotion" not in _raw(project, "website-bezoek")
    # five saves: the crucial moment was on already, so that click changed nothing
    assert form.status.text.startswith("Opgeslagen om") and "(wijziging 5)" in form.status.text


def _browser_edit(
    sheet: EmotionSheet, seq: int, row_id: str, field: str, value: object, old: object, view: str = "v1"
) -> None:
    """The message emotion_sheet.js sends for one edit, as the kernel receives it."""
    content = {
        "kind": "edit",
        "view": view,
        "seq": seq,
        "id": row_id,
        "field": field,
        "value": value,
        "old": old,
    }
    sheet._handle_custom_msg(content, [])


def _answers(sheet: EmotionSheet, monkeypatch: pytest.MonkeyPatch) -> list[object]:
    sent: list[object] = []
    monkeypatch.setattr(sheet, "send", lambda content, buffers=None: sent.append(content))
    return sent


def test_the_browser_sends_one_field_and_the_sheet_stores_only_that(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    form = EmotiesForm(ProjectSession.open(project), persona="student")
    # The example's template asks for an overall experience per phase: a sheet per phase,
    # each under its phase's editors, together holding every row once.
    phases = load(project).ids("phases")
    assert list(form.sheets) == phases
    assert sum(len(sheet.rows) for sheet in form.sheets.values()) == len(form.rows)
    sheet = form.rows[-1].sheet
    assert form.row_box.children[-1] is sheet
    answers = _answers(sheet, monkeypatch)
    last = sheet.rows[-1]
    _browser_edit(sheet, 7, last["id"], "why", "Te druk", last["why"])
    _browser_edit(sheet, 8, last["id"], "emotion", 2, last["emotion"])
    _browser_edit(sheet, 9, "no-such-row", "why", "x", "")  # a stale page: ignored, still answered
    _browser_edit(sheet, 10, last["id"], "heading", "x", "")  # not a field a person edits
    assert answers == [{"kind": "ack", "view": "v1", "seq": n} for n in (7, 8, 9, 10)]
    tp = load(project).journey("student", "huidig").set_index("id").loc[last["id"]]
    assert (tp["why"], tp["emotion"]) == ("Te druk", 2)
    assert form.row(last["id"]).notice.kind == ""  # nobody else changed it


def test_an_edit_sent_again_after_a_reconnect_is_applied_once_and_answered_twice(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A lost connection comes back and the page sends its unacknowledged edits again:
    the kernel may have saved them already (only the answer was lost). Applied twice,
    a re-sent old value would undo the newer one typed meanwhile."""
    form = EmotiesForm(ProjectSession.open(project), persona="student")
    sheet = form.rows[0].sheet
    answers = _answers(sheet, monkeypatch)
    row = sheet.rows[0]
    _browser_edit(sheet, 1, row["id"], "why", "Te druk – 17:00/18:00 🏋️‍♀️ </script>", row["why"])
    _browser_edit(sheet, 2, row["id"], "why", "Toch rustig", "Te druk – 17:00/18:00 🏋️‍♀️ </script>")
    saves = form.status.text
    _browser_edit(sheet, 1, row["id"], "why", "Te druk – 17:00/18:00 🏋️‍♀️ </script>", row["why"])  # again
    assert answers == [{"kind": "ack", "view": "v1", "seq": n} for n in (1, 2, 1)]
    assert form.status.text == saves  # no third save
    assert _raw(project, row["id"]).count("Toch rustig") == 1
    assert "Te druk" not in _raw(project, row["id"])
    # another page's view numbers its edits from 1 too: its edit is its own
    _browser_edit(sheet, 1, row["id"], "why", "Van een ander tabblad", "Toch rustig", view="v2")
    assert "Van een ander tabblad" in _raw(project, row["id"])
    assert answers[-1] == {"kind": "ack", "view": "v2", "seq": 1}
    # what the row then says (emotion_sheet.js names the lost fields in place of {fields})
    assert sheet.config["resent_text"].startswith("De verbinding viel even weg")
    lost = sheet.config["lost_text"]
    assert lost.startswith("Niet opgeslagen:") and "{fields}" in lost


def test_a_stale_page_never_puts_old_values_back_in_other_rows(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two participants on the emoties page of one journey. The second one's save
    reaches the first one's kernel (a merge refreshes its rows), but not yet the first
    one's browser, which still shows the old value. That browser's next edit, of
    another row, must leave the second one's value in the file."""
    mine = EmotiesForm(ProjectSession.open(project), persona="student")
    theirs = EmotiesForm(ProjectSession.open(project), persona="student")
    stale = {key: [dict(r) for r in sheet.rows] for key, sheet in mine.sheets.items()}
    theirs.row("website-bezoek").edit("emotion", 5)
    first = mine.row("proefles")
    first.edit("why", "Leuke instructeur")  # merges theirs: my kernel's rows show 5 now
    assert mine.row("website-bezoek").value("emotion") == 5
    for key, sheet in mine.sheets.items():  # what the browser held (and sent, before)
        sheet.set_state({"rows": stale[key]})
    sheet = mine.row("kleedkamer").sheet
    _answers(sheet, monkeypatch)
    _browser_edit(sheet, 1, "kleedkamer", "emotion", 1, sheet.row("kleedkamer")["emotion"])
    saved = load(project).journey("student", "huidig").set_index("id")
    assert saved.loc["website-bezoek", "emotion"] == 5
    assert (saved.loc["proefles", "why"], saved.loc["kleedkamer", "emotion"]) == ("Leuke instructeur", 1)


def test_an_edit_over_a_value_the_person_had_not_seen_yet_says_so(project: Path) -> None:
    mine = EmotiesForm(ProjectSession.open(project), persona="student")
    theirs = EmotiesForm(ProjectSession.open(project), persona="student")
    seen = mine.row("website-bezoek").shown()["emotion"]
    theirs.row("website-bezoek").edit("emotion", 5)
    mine.row("proefles").edit("emotion", 3)  # merges theirs
    sheet = mine.row("website-bezoek").sheet
    _browser_edit(sheet, 1, "website-bezoek", "emotion", 1, seen)  # chosen on the old 'seen'
    row = mine.row("website-bezoek")
    assert load(project).journey("student", "huidig").set_index("id").loc["website-bezoek", "emotion"] == 1
    assert row.notice.kind == "info"
    assert row.notice.text.startswith("Emotie: iemand anders had dit intussen ook gewijzigd")


def test_a_refused_edit_shows_under_its_row_and_keeps_the_file(project: Path) -> None:
    form = EmotiesForm(ProjectSession.open(project), persona="student")
    row = form.rows[1]
    before = project.read_text(encoding="utf-8")
    row.edit("emotion", 9)  # not on the scale (a stale page, or a hand-made message)
    assert row.notice.kind == "error" and row.notice.text.startswith("Niet opgeslagen:")
    assert row.sheet.notices == {row.id: {"kind": "error", "text": row.notice.text}}
    # it looks like every other message in the forms: same colours, same sign
    assert row.sheet.config["notices"]["error"] == {"style": STYLES["error"], "mark": "⚠ "}
    assert project.read_text(encoding="utf-8") == before
    row.edit("emotion", 2)
    assert (
        row.sheet.notices == {}
        and load(project).journey("student", "huidig").set_index("id").loc[row.id, "emotion"] == 2
    )


def test_user_text_reaches_the_rows_as_text_only(project: Path) -> None:
    session = ProjectSession.open(project)
    tag = "<img src=x onerror=alert(1)>"
    session.apply(lambda j: j.update_touchpoint("website-bezoek", "student", "huidig", name=tag))
    form = EmotiesForm(session, persona="student")
    assert form.row("website-bezoek").shown()["heading"].endswith(tag)
    script = str(EmotionSheet._esm)
    assert "innerHTML" not in script and "textContent" in script


def _raw(path: Path, tid: str) -> str:
    text = path.read_text(encoding="utf-8")
    start = text.index(f"- id: {tid}")
    return text[start : text.index("\n  - ", start + 1)]


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


def test_review_counts_empty_scenarios_and_empty_steps_as_missing(project: Path) -> None:
    session = ProjectSession.open(project)
    session.apply(lambda j: (j.add_scenario("ideaal-2030", "Gewenste situatie 2030"), j.set_goal("")))
    session.save()
    form = ReviewForm(ProjectSession.open(project))
    assert "Scenario ‘Gewenste situatie 2030’ is nog leeg" in form.missing.value
    assert "Het doel is nog niet ingevuld (stap doel)." in form.missing.value
    assert "Niets: alle onderdelen zijn ingevuld." not in form.missing.value


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
        "app-inloggen",
        "gebruik",
        4,
        2,
    )
    assert (saved["owner"], saved["status"]) == ("App-team", "bezig")
    before = project.read_text(encoding="utf-8")
    lst.fields["description"].value = ""
    assert form.status.kind == "error"
    assert "vul eerst een naam in" in lst.notices["description"].text
    lst.new_name.value = "Dubbel"
    lst.new_id.value = "o1"
    lst.add_button.click()
    assert lst.add_notice.text == (
        "Niet opgeslagen: de code 'o1' hoort al bij een andere kans; kies een andere code"
    )
    assert project.read_text(encoding="utf-8") == before
    lst.remove_button.click()
    lst.removal.yes.click()
    assert oid not in load(project).ids("opportunities")


def test_smileys_carry_the_scale_colours_and_words_in_the_form_language(project: Path) -> None:
    form = EmotiesForm(ProjectSession.open(project), persona="student", language="en")
    sheet = form.rows[0].sheet
    points = sheet.config["points"]
    colours = [p["colour"] for p in points]
    assert colours[0] == SCALE_COLOURS[0] and colours[-1] == SCALE_COLOURS[-1]  # red ... green
    assert colours[2] == SCALE_COLOURS[2]
    assert all(p["tint"] != p["colour"] for p in points)
    assert (sheet.config["chosen_text"], sheet.config["clear_text"]) == ("chosen", "Clear Emotion")
    assert [f["label"] for f in sheet.config["fields"]] == ["Why", "Thoughts", "Ideas"]
    css = str(sheet._css)
    assert "aria-pressed" in str(sheet._esm)
    assert '"Noto Color Emoji"' in css and "Apple Color Emoji" in css and "Segoe UI Emoji" in css
    seven = scale_colours([ScalePoint(n, str(n), "🙂") for n in range(-3, 4)])
    assert list(seven) == list(range(-3, 4)) and seven[-3] == SCALE_COLOURS[0]
    assert seven[0] == SCALE_COLOURS[2] and seven[3] == SCALE_COLOURS[-1]


def test_a_crucial_moment_is_toggled_and_saved(project: Path) -> None:
    form = EmotiesForm(ProjectSession.open(project), persona="student")
    row = next(r for r in form.rows if not r.value("critical"))
    row.edit("critical", True)
    assert load(project).journey("student", "huidig").set_index("id").loc[row.id, "critical"]
    assert '.kr-crucial[aria-pressed="true"]' in str(form.rows[0].sheet._css)


def test_the_curve_takes_the_panels_width_and_stays_in_view(project: Path) -> None:
    form = EmotiesForm(ProjectSession.open(project), persona="student")
    spec = form.curve.spec
    assert CURVE_WIDTH - 60 < spec["width"] <= CURVE_WIDTH and spec["height"] == CURVE_HEIGHT
    # the browser reports the panel's width: the curve is drawn again to fit it
    form.curve.panel.width = 1070
    wide = form.curve.spec
    assert 1070 - CURVE_MARGIN - 60 < wide["width"] <= 1070 - CURVE_MARGIN
    assert wide["datasets"] == spec["datasets"] or wide["width"] != spec["width"]
    for panel in (700, 500):  # the file browser opened: narrower, the curve goes on over rows
        form.curve.panel.width = panel
        narrow = form.curve.spec
        widths = [row["width"] for row in narrow.get("vconcat", [narrow])]
        assert len(widths) > 1 and max(widths) <= max(panel - CURVE_MARGIN, MIN_CURVE_WIDTH)
    form.curve.panel.width = 0  # a hidden tab reports nothing new: the last curve stays
    assert "overflow: visible" not in CURVE_CSS and "overflow: clip" in CURVE_CSS
    names = [p["label"] for p in spec["datasets"]["phase_labels"]]
    assert names == load(project).phases["name"].tolist()  # "Oriëntatie", not "Oriëntat…"
    assert "kr-curve-panel" in form.curve.widget._dom_classes
    assert "position: sticky" in CURVE_CSS
    assert '"kr-row kr-below-curve"' in str(form.rows[0].sheet._esm)


def test_the_first_curve_does_not_compile_the_iri_grammar() -> None:
    code = (
        "import sys, klantreis.widgets.curve as c; c.import_charts(); "
        "print('altair' in sys.modules, 'jsonschema' in sys.modules, "
        "'rfc3987_syntax' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True", "True", "False"]


def test_an_opportunity_is_the_journeys_of_its_touchpoint_and_the_form_asks_when_several(
    project: Path,
) -> None:
    form = ReviewForm(ProjectSession.open(project))
    lst = form.opportunities
    lst.new_name.value = "Kinderopvang ook op zaterdag"
    lst.add_button.click()
    oid = lst.selected
    lst.fields["touchpoint"].value = "kinderopvang"  # only the parent has it
    saved = load(project).opportunities.set_index("id").loc[oid]
    assert (saved["persona"], saved["scenario"]) == ("ouder", "huidig")
    assert lst.fields["persona"].value == "ouder"
    names = {p: form.journey.name_of("personas", p) for p in ("student", "senior", "ouder")}
    assert names["ouder"] in form.belongs.value and "Kies" not in form.belongs.value
    assert names["student"] not in form.belongs.value
    lst.fields["persona"].value = ""  # back to every persona
    lst.fields["scenario"].value = ""
    lst.fields["touchpoint"].value = "website-bezoek"  # every persona has it
    saved = load(project).opportunities.set_index("id").loc[oid]
    assert (saved["persona"], saved["scenario"], saved["touchpoint"]) == ("", "", "website-bezoek")
    assert "Kies dat hierboven" in form.belongs.value
    assert all(name in form.belongs.value for name in names.values())
    lst.fields["persona"].value = "senior"
    assert load(project).opportunities.set_index("id").loc[oid, "persona"] == "senior"
    assert "Kies" not in form.belongs.value


def test_an_opportunitys_phase_follows_its_touchpoint_and_is_picked_by_hand_without_one(
    project: Path,
) -> None:
    form = ReviewForm(ProjectSession.open(project))
    lst = form.opportunities
    lst.new_name.value = "Rooster/kinderopvang — ook op za 9-12 uur 👨‍👩‍👧"
    lst.add_button.click()
    oid = lst.selected
    phase = lst.fields["phase"]
    assert not phase.disabled  # no touchpoint yet: the user picks the phase
    assert "De fase volgt het gekozen touchpoint" in lst.hints["phase"].value
    lst.fields["touchpoint"].value = "kinderopvang"
    saved = load(project).opportunities.set_index("id").loc[oid]
    assert (saved["touchpoint"], saved["phase"]) == ("kinderopvang", "gebruik")
    assert (phase.value, phase.disabled) == ("gebruik", True)
    lst.fields["touchpoint"].value = "vriendin-meenemen"  # another touchpoint, another phase
    assert load(project).opportunities.set_index("id").loc[oid, "phase"] == "aanbeveling"
    assert phase.value == "aanbeveling"
    lst.fields["touchpoint"].value = ""  # none: the phase stays, and is the user's to pick
    saved = load(project).opportunities.set_index("id").loc[oid]
    assert (saved["touchpoint"], saved["phase"]) == ("", "aanbeveling")
    assert not phase.disabled
    phase.value = "aftersales"
    assert load(project).opportunities.set_index("id").loc[oid, "phase"] == "aftersales"
