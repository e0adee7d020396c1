"""The persona and fasen forms: list editors with add, edit, remove and reorder."""

from __future__ import annotations

from pathlib import Path

from klantreis import load, new_journey, save
from klantreis.session import ProjectSession
from klantreis.widgets import FasenForm, PersonaForm


def test_add_and_edit_a_persona_with_every_field(project: Path) -> None:
    form = PersonaForm(ProjectSession.open(project))
    lst = form.personas
    lst.new_name.value = "Karim (41), ondernemer"
    lst.add_button.click()
    assert lst.selected == "karim-41-ondernemer"
    values = {"description": "Traint voor zijn werk", "role": "zzp'er", "context": "Druk",
              "needs": "flexibele tijden\n\nparkeren", "frustrations": "wachtrijen"}
    for name, value in values.items():
        lst.fields[name].value = value
    saved = load(project).personas.set_index("id").loc["karim-41-ondernemer"]
    assert saved["name"] == "Karim (41), ondernemer"
    assert saved["role"] == "zzp'er" and saved["context"] == "Druk"
    assert saved["needs"] == ["flexibele tijden", "parkeren"]
    assert saved["frustrations"] == ["wachtrijen"]


def test_same_name_gets_a_unique_id_but_a_typed_duplicate_id_is_refused(project: Path) -> None:
    form = PersonaForm(ProjectSession.open(project))
    lst = form.personas
    lst.new_name.value = "Student"
    lst.add_button.click()
    assert lst.selected == "student-2"
    before = project.read_text(encoding="utf-8")
    lst.new_name.value = "Iemand"
    lst.new_id.value = "senior"
    lst.add_button.click()
    assert form.status.kind == "error"
    assert "persona-id 'senior' is al in gebruik" in form.status.text
    assert project.read_text(encoding="utf-8") == before
    assert lst.new_name.value == "Iemand"  # the input stays, to fix it


def test_empty_names_are_refused(project: Path) -> None:
    before = project.read_text(encoding="utf-8")
    form = PersonaForm(ProjectSession.open(project), persona="senior")
    assert form.personas.selected == "senior"
    form.personas.add_button.click()
    assert form.status.text == "Niet opgeslagen: Vul eerst een naam in."
    form.personas.fields["name"].value = " "
    assert form.status.kind == "error"
    assert project.read_text(encoding="utf-8") == before
    assert form.journey.name_of("personas", "senior") != ""


def test_persona_with_touchpoints_is_not_removed(project: Path) -> None:
    form = PersonaForm(ProjectSession.open(project))
    form.personas.remove_button.click()
    assert "student" in load(project).ids("personas")
    assert "touchpoints" in form.status.text


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
        "Betrokkenheid", "3 maanden", "Gezien worden")
    lst.new_name.value = "Nazorg"
    lst.add_button.click()
    lst.down.click()  # already last: stays
    lst.select.value = "verwachtingen"
    lst.remove_button.click()
    assert load(project).ids("phases") == ["engagement", "ervaringen", "nazorg"]


def test_phase_in_use_is_not_removed(project: Path) -> None:
    before = project.read_text(encoding="utf-8")
    form = FasenForm(ProjectSession.open(project))
    form.phases.remove_button.click()
    assert form.status.kind == "error" and "orientatie" in form.status.text
    assert project.read_text(encoding="utf-8") == before
