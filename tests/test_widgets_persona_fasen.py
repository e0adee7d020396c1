"""The persona and fasen forms: list editors with add, edit, remove and reorder."""

from __future__ import annotations

from pathlib import Path

from klantreis import load, new_journey, save
from klantreis.session import ProjectSession
from klantreis.widgets import FasenForm, PersonaForm, TouchpointsForm


def test_add_and_edit_a_persona_with_every_field(project: Path) -> None:
    form = PersonaForm(ProjectSession.open(project))
    lst = form.personas
    lst.new_name.value = "Karim (41), ondernemer"
    lst.add_button.click()
    assert lst.selected == "karim-41-ondernemer"
    values = {
        "description": "Traint voor zijn werk",
        "role": "zzp'er",
        "context": "Druk",
        "needs": "flexibele tijden\n\nparkeren",
        "frustrations": "wachtrijen",
    }
    for name, value in values.items():
        lst.fields[name].value = value
    saved = load(project).personas.set_index("id").loc["karim-41-ondernemer"]
    assert saved["name"] == "Karim (41), ondernemer"
    assert saved["role"] == "zzp'er" and saved["context"] == "Druk"
    assert saved["needs"] == ["flexibele tijden", "parkeren"]
    assert saved["frustrations"] == ["wachtrijen"]


def test_a_typed_code_that_is_taken_or_unusable_is_refused_in_plain_words(project: Path) -> None:
    form = PersonaForm(ProjectSession.open(project))
    lst = form.personas
    before = project.read_text(encoding="utf-8")
    lst.new_name.value = "Iemand"
    lst.new_id.value = "senior"
    lst.add_button.click()
    assert lst.add_notice.text == (
        "Niet opgeslagen: de code 'senior' hoort al bij een andere persona; kies een andere code"
    )
    assert form.status.kind == "error" and "⚠" in form.status.text
    lst.new_id.value = "Geen geldig id!"
    lst.add_button.click()
    assert "gebruik alleen letters zonder accenten, cijfers en streepjes" in lst.add_notice.text
    assert "'geen-geldig-id'" in lst.add_notice.text
    assert "'-'" not in lst.add_notice.text and "is already in use" not in lst.add_notice.text
    assert project.read_text(encoding="utf-8") == before
    assert lst.new_name.value == "Iemand"  # the input stays, to fix it
    lst.new_id.value = ""
    lst.add_button.click()
    assert lst.selected == "iemand" and lst.add_notice.text == ""


def test_two_personas_with_the_same_name_are_told_apart_in_the_list(project: Path) -> None:
    form = PersonaForm(ProjectSession.open(project), language="en")
    lst = form.personas
    lst.new_name.value = "sanne (22),  Student"
    lst.add_button.click()
    assert lst.add_notice.text == ""
    labels = [label for label, _ in lst.select.options]
    assert "Sanne (22), student (student)" in labels
    assert "sanne (22),  Student (sanne-22-student)" in labels
    assert "Henk (67), gepensioneerd" in labels  # a name used once is shown as it is


def test_personas_sharing_a_name_in_the_file_show_their_code(tmp_path: Path) -> None:
    journey = new_journey("canvas", "Dubbel")
    journey.add_persona("sanne", "Sanne")
    journey.add_persona("sanne-2", "Sanne")
    journey.add_persona("henk", "Henk")
    form = PersonaForm(ProjectSession.open(save(journey, tmp_path / "d.yaml")))
    assert [label for label, _ in form.personas.select.options] == [
        "Sanne (sanne)",
        "Sanne (sanne-2)",
        "Henk",
    ]
    touchpoints = TouchpointsForm(form.session)
    assert [label for label, _ in touchpoints.selector.persona.options][:2] == [
        "Sanne (sanne)",
        "Sanne (sanne-2)",
    ]


def test_empty_names_are_refused(project: Path) -> None:
    before = project.read_text(encoding="utf-8")
    form = PersonaForm(ProjectSession.open(project), persona="senior")
    assert form.personas.selected == "senior"
    form.personas.add_button.click()
    assert form.personas.add_notice.text == "Niet opgeslagen: vul eerst een naam in."
    form.personas.fields["name"].value = " "
    assert form.personas.notices["name"].text == "Niet opgeslagen: vul eerst een naam in."
    assert form.personas.list_notice.text == ""  # each message in its own place
    form.personas.remove_button.click()  # refused too: the name's message stays
    assert form.personas.list_notice.kind == "error"
    assert form.personas.notices["name"].text == "Niet opgeslagen: vul eerst een naam in."
    assert project.read_text(encoding="utf-8") == before
    assert form.journey.name_of("personas", "senior") != ""
    form.personas.select.value = "ouder"  # the fields show saved values: message gone
    assert form.personas.notices["name"].text == ""


def test_removing_a_persona_asks_first_and_undo_brings_back_its_touchpoints(project: Path) -> None:
    journey = load(project)
    journey.add_persona("karim", "Karim (41), ondernemer", needs=["parkeren"])
    journey.copy_journey("ouder", "huidig", "karim", "huidig")
    save(journey, project)
    before, before_text = load(project), project.read_text(encoding="utf-8")
    count = int((before.touchpoints["persona"] == "karim").sum())
    form = PersonaForm(ProjectSession.open(project), persona="karim")
    lst = form.personas
    lst.remove_button.click()
    assert project.read_text(encoding="utf-8") == before_text  # nothing happens yet
    assert "‘Karim (41), ondernemer’ verwijderen?" in lst.removal.question.value
    assert f"Ook de {count} touchpoints ervan worden verwijderd" in lst.removal.question.value
    assert (lst.removal.yes.description, lst.removal.cancel.description) == ("Ja, verwijderen", "Annuleren")
    lst.select.value = "senior"  # choosing another persona cancels the question
    assert lst.removal.pending is None and lst.remove_button.layout.display != "none"
    lst.select.value = "karim"
    lst.remove_button.click()
    lst.removal.yes.click()
    gone = load(project)
    assert "karim" not in gone.ids("personas")
    assert not (gone.touchpoints["persona"] == "karim").any()
    assert lst.removal.undo_button.description == "Ongedaan maken"
    assert f"met {count} touchpoints" in lst.removal.undo_text.value
    lst.removal.undo_button.click()
    back = load(project)
    assert back.personas.set_index("id").loc["karim", "needs"] == ["parkeren"]
    assert back.touchpoints.equals(before.touchpoints)
    assert lst.selected == "karim"
    assert lst.removal.undo_box.layout.display == "none"


def test_a_persona_whose_touchpoint_an_opportunity_needs_is_not_removed(project: Path) -> None:
    form = PersonaForm(ProjectSession.open(project), persona="student")
    before = project.read_text(encoding="utf-8")
    form.personas.select.value = "student"
    saved = load(project)
    linked = set(saved.opportunities["touchpoint"].dropna())
    only_student = set(saved.touchpoints["id"]) - set(
        saved.touchpoints[saved.touchpoints["persona"] != "student"]["id"]
    )
    assert linked & only_student  # the example links an opportunity to such a touchpoint
    form.personas.remove_button.click()
    assert form.personas.removal.pending is None
    text = form.personas.list_notice.text
    assert text == (
        "Niet verwijderd: persona 'Sanne (22), student' heeft touchpoints waar kansen naar "
        "verwijzen (vriendin-meenemen); koppel die eerst aan iets anders of verwijder ze"
    )
    assert form.status.kind != "error"  # nothing is left unsaved
    assert project.read_text(encoding="utf-8") == before


def test_phases_start_from_the_template_and_can_be_changed(tmp_path: Path) -> None:
    project = save(new_journey("michels", "Test"), tmp_path / "m.yaml")
    form = FasenForm(ProjectSession.open(project))
    lst = form.phases
    assert [key for _, key in lst.select.options] == ["verwachtingen", "ervaringen", "engagement"]
    lst.select.value = "engagement"
    lst.up.click()
    assert load(project).ids("phases") == ["verwachtingen", "engagement", "ervaringen"]
    lst.fields["name"].value = "Betrokkenheid"
    lst.fields["duration"].value = "3 maanden"
    lst.fields["user_goal"].value = "Gezien worden"
    phase = load(project).phases.set_index("id").loc["engagement"]
    assert (phase["name"], phase["duration"], phase["user_goal"]) == (
        "Betrokkenheid",
        "3 maanden",
        "Gezien worden",
    )
    lst.new_name.value = "Nazorg"
    lst.add_button.click()
    lst.down.click()  # already last: stays
    lst.select.value = "verwachtingen"
    lst.fields["duration"].value = "2 weken"
    lst.remove_button.click()
    lst.removal.yes.click()
    assert load(project).ids("phases") == ["engagement", "ervaringen", "nazorg"]
    assert lst.removal.undo_text.value == "‘Verwachtingen’ is verwijderd."
    lst.removal.undo_button.click()
    back = load(project)
    assert back.ids("phases") == ["verwachtingen", "engagement", "ervaringen", "nazorg"]
    assert back.phases.set_index("id").loc["verwachtingen", "duration"] == "2 weken"


def test_phase_in_use_is_not_removed(project: Path) -> None:
    before = project.read_text(encoding="utf-8")
    form = FasenForm(ProjectSession.open(project), language="en")
    form.phases.remove_button.click()
    count = int((load(project).touchpoints["phase"] == "orientatie").sum())
    assert form.phases.list_notice.text == (
        f"Not removed: phase 'Oriëntatie' still has {count} touchpoints; move or remove those first"
    )
    assert form.phases.removal.pending is None
    assert project.read_text(encoding="utf-8") == before


def test_an_empty_list_says_what_to_do_first_and_the_add_row_comes_first(tmp_path: Path) -> None:
    from klantreis.widgets import StartForm

    path = tmp_path / "nieuw.yaml"
    start = StartForm(str(path), "nl")
    start.create_button.click()
    assert path.exists(), start.status.text
    form = PersonaForm(ProjectSession.open(path))
    personas = form.personas
    assert personas.widget.children[0].children[0] is personas.new_name  # the add row on top
    assert personas.empty_hint.layout.display == "block" and personas.editors.layout.display == "none"
    assert "Begin hierboven" in personas.empty_hint.value and "Toevoegen" in personas.empty_hint.value
    personas.new_name.value = "Sanne"
    personas.add_button.click()
    assert personas.empty_hint.layout.display == "none" and personas.editors.layout.display == "flex"
    assert not personas.fields["role"].disabled
