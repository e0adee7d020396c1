"""Each template's workbook forms speak that method: on a new project, the labels and
hints shown are the template's own (its rows and its fields), its own fields are form
fields that save, reload and appear in the report, and the employee journey never
speaks of the customer."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import ipywidgets as w
import pytest

from klantreis import get_template, load
from klantreis.report.sections import Report
from klantreis.session import ProjectSession
from klantreis.template_fields import SCALE, YESNO
from klantreis.templates import STEPS
from klantreis.widgets import EmotiesForm, FasenForm, PersonaForm, ReviewForm, TouchpointsForm
from klantreis.widgets.emotion_sheet import EmotionSheet
from klantreis.widgets.show import explanation, make_form
from klantreis.widgets.wording import LANE_OF


def texts_in(widget: Any) -> list[str]:
    """Every text a user can see in a widget tree: labels, placeholders, HTML, options,
    tooltips and the smiley buttons' words."""
    out: list[str] = []
    if isinstance(widget, EmotionSheet):
        config = widget.config
        out += [config["group_label"], config["chosen_text"], config["clear_text"], config["critical_text"]]
        out += [p["label"] for p in config["points"]]
        out += [f["label"] for f in config["fields"]]
        out += [option for f in config["fields"] for option in f.get("options", [])]
        out += [text for row in widget.rows for text in (row["heading"], row["context"])]
    for name in ("description", "placeholder", "tooltip"):
        value = getattr(widget, name, None)
        if isinstance(value, str):
            out.append(value)
    if isinstance(widget, w.HTML | w.Label | w.HTMLMath):
        out.append(html.unescape(re.sub(r"<[^>]+>", " ", widget.value)))
    if isinstance(widget, w.Text | w.Textarea) and widget.value:
        out.append(widget.value)
    for option in getattr(widget, "options", ()) or ():
        out.append(str(option[0] if isinstance(option, tuple) else option))
    for child in getattr(widget, "children", ()):
        out += texts_in(child)
    return out


def hint_texts(widget: Any) -> str:
    return " ".join(texts_in(widget))


@pytest.fixture(params=["nl", "en"])
def language(request) -> str:
    return request.param


def new_project(tmp_path: Path, template_id: str, language: str) -> Path:
    """A new project of ``template_id`` with one persona, one touchpoint in each phase,
    and a second scenario for that persona (as a team has at the review)."""
    path = tmp_path / "reis.yaml"
    session = ProjectSession.create(path, template_id, language=language)
    persona = PersonaForm(session).personas
    persona.new_name.value = "Pim"
    persona.add_button.click()
    form = TouchpointsForm(session, persona="pim")
    for phase in session.journey.ids("phases"):
        form.add_phase.value = phase
        form.touchpoints.new_name.value = f"Contact in {phase}"
        form.touchpoints.add_button.click()
    scenarios = session.journey.ids("scenarios")
    session.apply(lambda j: j.copy_journey("pim", scenarios[0], "pim", scenarios[1]))
    session.save()
    return path


def test_forms_label_their_fields_with_the_template_rows(template_id, language, tmp_path):
    template = get_template(template_id)
    lanes = {lane["id"]: lane for lane in template.lanes(language)}
    path = new_project(tmp_path, template_id, language)
    session = ProjectSession.open(path)
    fasen = FasenForm(session).phases
    tps = TouchpointsForm(session, persona="pim")
    emoties = EmotiesForm(session, persona="pim")
    editors = {
        "phases": (fasen.fields, fasen.hints),
        "touchpoints": (tps.touchpoints.fields, tps.touchpoints.hints),
    }
    checked = 0
    for (table, name), lane_id in LANE_OF.items():
        if lane_id not in lanes:
            continue
        lane = lanes[lane_id]
        if table == "touchpoints" and name in ("thoughts", "ideas"):
            fields = {f["name"]: f["label"] for f in emoties.rows[0].sheet.config["fields"]}
            assert fields[name] == lane["name"]
        elif name == "emotion":
            assert emoties.rows[0].sheet.config["group_label"] == lane["name"]
            assert lane["hint"] in hint_texts(emoties.widget)
        else:
            fields, hints = editors[table]
            # a row that also shows another field names the form field its own way
            assert fields[name].description == lane["label"], (table, name)
            assert lane["hint"] in hint_texts(hints[name])
        checked += 1
    assert checked >= 4  # every template names the goal, interaction and emotion rows
    assert lanes["touchpoints"]["name"] in hint_texts(tps.widget)
    assert lanes["touchpoints"]["hint"] in hint_texts(tps.widget)
    if "opportunities" in lanes:
        review = ReviewForm(session)
        assert lanes["opportunities"]["name"] in hint_texts(review.widget)
    # the guidance above each form is the template's, in the project's language
    for step in STEPS:  # the method's steps (08_bewijs is the evidence import, not the method)
        assert template.guidance(step, language) in explanation(step, session, language)


def test_template_fields_are_form_fields_that_save_reload_and_reach_the_report(template_id, tmp_path):
    template = get_template(template_id)
    path = new_project(tmp_path, template_id, "nl")
    session = ProjectSession.open(path)
    scenario = session.journey.default_scenario
    forms = {step: make_form(step, session, persona="pim") for step in ("persona", "fasen", "touchpoints",
                                                                         "emoties", "review")}  # fmt: skip
    chosen = []
    for field in template.fields():
        form = forms[field.form_step]
        widget = editor_of(form, field)
        assert widget.description == field.name("nl")
        assert field.hint_text("nl") in hint_texts(form.widget)
        value = {YESNO: True, SCALE: session.journey.scale.scores[-1]}.get(
            field.kind, field.options[-1].id if field.options else f"{field.name('nl')} ingevuld"
        )
        widget.value = value
        chosen.append((field, value))
    saved = load(path)
    report = Report(str(path), "pim", scenario)
    shown = report.header().html + report.template_fields().html + report.groups().html
    for field, value in chosen:
        record = saved.records(field.table)[0]
        if field.table == "touchpoints":
            record = saved.journey("pim", scenario).to_dict("records")[0]
        assert record["extra"][field.id] == value, field.id
        assert field.name("nl") in shown
        assert field.display(value, "nl", saved.scale) in shown, field.id


def editor_of(form: Any, field: Any) -> w.ValueWidget:
    """The widget that edits ``field`` of the first record in ``form``."""
    name = f"extra.{field.id}"
    if isinstance(form, PersonaForm):
        return form.personas.fields[name]
    if isinstance(form, FasenForm):
        return form.phases.fields[name]
    if isinstance(form, TouchpointsForm):
        form.touchpoints.select.value = form.touchpoints.ops.ids()[0]
        return form.touchpoints.fields[name]
    assert isinstance(form, EmotiesForm | ReviewForm)
    if field.table == "phases":
        return form.phase_editors[form.journey.ids("phases")[0]].widgets[field.id]
    return RowField(form.rows[0], name)


class RowField:
    """A template field of an emotion row, used like a widget (``description``, and
    ``value`` to set it as a participant does)."""

    def __init__(self, row: Any, name: str):
        self.row, self.name = row, name

    @property
    def description(self) -> str:
        """The field's label in the row."""
        return next(f["label"] for f in self.row.sheet.config["fields"] if f["name"] == self.name)

    @property
    def value(self) -> Any:
        """The value as the model takes it."""
        return self.row.value(self.name)

    @value.setter
    def value(self, value: Any) -> None:
        self.row.edit(self.name, value)


def test_the_michels_touchpoint_form_offers_touch_tell_sell_care(tmp_path):
    session = ProjectSession.open(new_project(tmp_path, "michels", "nl"))
    form = TouchpointsForm(session, persona="pim")
    ttsc = form.touchpoints.fields["extra.ttsc"]
    assert [label for label, _ in ttsc.options] == ["-", "Touch", "Tell", "Sell", "Care"]
    assert ttsc.description == "Touch, Tell, Sell of Care"
    labels = [f.description for f in form.touchpoints.fields.values()]
    assert "Wat doet de klant" in labels and "Interne afstemming" in labels and "Meetpunten" in labels


def test_the_employee_journey_never_speaks_of_the_customer(language, tmp_path):
    path = new_project(tmp_path, "kaart8-medewerker", language)
    session = ProjectSession.open(path)
    shown = []
    for step in STEPS:  # the method's steps (08_bewijs is the evidence import, not the method)
        form = make_form(step, session, persona="pim")
        if isinstance(form, TouchpointsForm):
            for key in form.touchpoints.ops.ids():  # every touchpoint's fields
                form.touchpoints.select.value = key
                shown += texts_in(form.widget)
        shown += texts_in(form.widget) + [explanation(step, session, language)]
    word = "klant" if language == "nl" else "customer"
    assert [text for text in shown if word in text.lower()] == []
    assert any("medewerker" in text.lower() or "employee" in text.lower() for text in shown)


def test_the_crucial_tick_is_in_the_touchpoints_step_and_counted_per_phase(tmp_path):
    session = ProjectSession.open(new_project(tmp_path, "canvas", "nl"))
    form = TouchpointsForm(session, persona="pim")
    lst = form.touchpoints
    lst.select.value = "contact-in-aanschaf"
    assert lst.fields["critical"].description == "Cruciaal moment"
    lst.fields["critical"].value = True
    assert load(session.path).journey("pim", "huidig").set_index("id").loc["contact-in-aanschaf", "critical"]
    labels = dict((key, label) for label, key in lst.select.options)
    assert labels["#aanschaf"] == "▼ Aanschaf (1, waarvan 1 ★ cruciaal)"
    assert labels["#orientatie"] == "▼ Oriëntatie (1)"
    assert labels["contact-in-aanschaf"].endswith(" ★")


@pytest.mark.parametrize(
    ("method", "field_id", "first", "second", "line"),
    [
        ("michels", "ttsc", "touch", "care", "Touch, Tell, Sell of Care: Touch 2 · Tell 0 · Sell 0 · Care 1"),
        ("michels-ttsc", "michels-fase", "ervaringen", "engagement",
         "Verwachting, ervaring of betrokkenheid: Verwachtingen 0 · Ervaringen 2 · Betrokkenheid 1"),
    ],
)  # fmt: skip
def test_the_touchpoints_list_shows_and_counts_the_field_the_template_tallies(
    method, field_id, first, second, line, tmp_path
):
    session = ProjectSession.open(new_project(tmp_path, method, "nl"))
    form = TouchpointsForm(session, persona="pim")
    lst, name = form.touchpoints, f"extra.{field_id}"
    ids = lst.ops.ids()
    assert f"nog leeg {len(ids)}" in " ".join(texts_in(form.tally))  # nothing chosen yet
    lst.select.value = ids[0]
    lst.new_name.value = "Story/advertentie — 50+ 👩‍🦳"
    lst.add_button.click()  # a fourth touchpoint, in the first one's phase
    for tid, value in zip([ids[0], ids[1], lst.selected, ids[2]], [first, first, first, second], strict=True):
        lst.select.value = tid
        lst.fields[name].value = value
    lst.select.value = ids[1]
    lst.fields[name].value = ""  # emptied again: counted as empty
    shown = " ".join(" ".join(texts_in(form.tally)).split())
    assert line in shown and f"nog leeg {len(ids) - 2}" in shown
    saved = load(session.path).journey("pim", "huidig").set_index("id")["extra"]
    assert [saved[tid].get(field_id) for tid in ids[:3]] == [first, None, second]
    label = form.tally_field.option(first).text("nl")
    labels = {key: text for text, key in lst.select.options}
    assert labels[ids[0]].endswith(f"Contact in {session.journey.ids('phases')[0]} · {label}")
    assert labels[ids[1]].endswith(f"Contact in {session.journey.ids('phases')[1]}")


def test_a_template_without_a_tallied_field_shows_no_count(tmp_path):
    form = TouchpointsForm(ProjectSession.open(new_project(tmp_path, "canvas", "nl")), persona="pim")
    assert form.tally_field is None and form.tally.value == ""
