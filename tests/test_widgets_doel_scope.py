"""The doel and scope forms: title, goal, scenarios, start and end."""

from __future__ import annotations

import re
from pathlib import Path

from klantreis import load, new_journey, save
from klantreis.session import ProjectSession
from klantreis.widgets import DoelForm, ScopeForm


def test_goal_and_title_are_saved_on_commit(project: Path) -> None:
    form = DoelForm(ProjectSession.open(project))
    form.goal.value = "Minder opzeggingen in het eerste jaar"
    form.title.value = "Nieuwe leden"
    saved = load(project)
    assert saved.goal == "Minder opzeggingen in het eerste jaar"
    assert saved.title == "Nieuwe leden"
    assert form.status.kind == "ok" and form.status.text.startswith("Opgeslagen om ")


def test_every_save_changes_the_status_line_even_within_a_second(project: Path) -> None:
    form = DoelForm(ProjectSession.open(project))
    form.goal.value = "Eerste versie"
    first = form.status.text
    assert re.fullmatch(r"Opgeslagen om \d\d:\d\d:\d\d \(wijziging 1\)", first)
    form.goal.value = "Tweede versie"
    assert form.status.text != first and form.status.text.endswith("(wijziging 2)")
    classes = set(form.status.message._dom_classes)
    form.goal.value = "Derde versie"
    assert form.status.text.endswith("(wijziging 3)")
    assert set(form.status.message._dom_classes) != classes  # the flash restarts per save
    assert load(project).goal == "Derde versie"


def test_empty_title_is_refused_and_nothing_saved(project: Path) -> None:
    before = project.read_text(encoding="utf-8")
    form = DoelForm(ProjectSession.open(project))
    form.title.value = "   "
    assert form.title_notice.text == "Niet opgeslagen: veld 'title': is verplicht en mag niet leeg zijn"
    assert form.goal_notice.text == ""  # only next to the field that caused it
    assert form.status.kind == "error" and "⚠" in form.status.text
    assert project.read_text(encoding="utf-8") == before
    form.title.value = "Nieuwe leden"
    assert form.title_notice.text == "" and form.status.kind == "ok"


def test_owner_and_status_are_saved_and_a_status_can_be_cleared(project: Path) -> None:
    form = DoelForm(ProjectSession.open(project))
    labels = [label for label, _ in form.project_status.options]
    assert labels == ["–", "concept", "in uitvoering", "afgerond"]
    form.owner.value = "  Team Leden & Service – Anouk  "
    form.project_status.value = "in_progress"
    saved = load(project)
    assert (saved.owner, saved.status) == ("Team Leden & Service – Anouk", "in_progress")
    assert "\nstatus: in_progress\n" in project.read_text(encoding="utf-8")
    form.project_status.value = ""
    assert load(project).status == "" and "\nstatus:" not in project.read_text(encoding="utf-8")
    english = DoelForm(ProjectSession.open(project), language="en")
    assert english.owner.value == "Team Leden & Service – Anouk"
    assert [label for label, _ in english.project_status.options][1:] == ["draft", "in progress", "done"]
    assert (english.owner.description, english.project_status.description) == ("Owner", "Status")


def test_scenarios_add_rename_remove(project: Path) -> None:
    form = DoelForm(ProjectSession.open(project))
    lst = form.scenarios
    lst.new_name.value = "Bij de buurman"
    lst.add_button.click()
    assert lst.selected == "bij-de-buurman"
    assert load(project).name_of("scenarios", "bij-de-buurman") == "Bij de buurman"
    lst.fields["name"].value = "Concurrent B"
    assert load(project).name_of("scenarios", "bij-de-buurman") == "Concurrent B"
    lst.remove_button.click()
    lst.removal.yes.click()
    assert "bij-de-buurman" not in load(project).ids("scenarios")
    assert lst.new_name.value == ""


def test_a_taken_scenario_code_is_refused_and_alike_names_are_told_apart(project: Path) -> None:
    before = project.read_text(encoding="utf-8")
    form = DoelForm(ProjectSession.open(project), language="en")
    lst = form.scenarios
    lst.new_name.value = "Nog een"
    lst.new_id.value = "huidig"
    lst.add_button.click()
    assert lst.add_notice.text == (
        "Not saved: the code 'huidig' already belongs to another scenario; choose another code"
    )
    assert project.read_text(encoding="utf-8") == before
    lst.new_id.value = ""
    lst.new_name.value = "Huidige  situatie"
    lst.add_button.click()
    assert load(project).ids("scenarios") == ["huidig", "gewenst", "concurrent", "huidige-situatie"]
    labels = [label for label, _ in lst.select.options]
    assert "Huidige situatie (huidig)" in labels and "Huidige  situatie (huidige-situatie)" in labels


def test_removing_a_scenario_asks_first_takes_its_touchpoints_and_can_be_undone(
    project: Path,
) -> None:
    before = load(project)
    form = DoelForm(ProjectSession.open(project))
    lst = form.scenarios
    lst.select.value = "gewenst"
    lst.remove_button.click()
    count = len(before.touchpoints[before.touchpoints["scenario"] == "gewenst"])
    assert lst.removal.pending == "gewenst"
    assert f"Ook de {count} touchpoints ervan worden verwijderd" in lst.removal.question.value
    assert lst.remove_button.layout.display == "none"
    lst.removal.cancel.click()
    assert "gewenst" in load(project).ids("scenarios") and lst.removal.pending is None
    lst.remove_button.click()
    lst.removal.yes.click()
    gone = load(project)
    assert "gewenst" not in gone.ids("scenarios")
    assert not (gone.touchpoints["scenario"] == "gewenst").any()
    assert f"met {count} touchpoints" in lst.removal.undo_text.value
    lst.removal.undo_button.click()
    back = load(project)
    assert set(back.ids("scenarios")) == set(before.ids("scenarios"))
    assert back.touchpoints.equals(before.touchpoints)  # same rows, same order
    assert lst.selected == "gewenst" and "is terug" in lst.list_notice.text


def test_the_last_scenario_cannot_be_removed(tmp_path: Path) -> None:
    journey = new_journey("canvas", "Leeg")
    journey.remove_scenario("concurrent")
    project = save(journey, tmp_path / "leeg.yaml")
    form = DoelForm(ProjectSession.open(project))
    form.scenarios.remove_button.click()
    assert form.scenarios.removal.pending is None
    assert "minstens één scenario" in form.scenarios.list_notice.text


def test_the_models_refusal_shows_in_the_form_language(project: Path) -> None:
    form = DoelForm(ProjectSession.open(project), language="en")
    form.title.value = " "
    assert form.title_notice.text == "Not saved: field 'title': is required and may not be empty"


def test_scope_start_and_end(project: Path) -> None:
    form = ScopeForm(ProjectSession.open(project), language="en")
    form.start.value = "Sees an ad "
    form.end.value = "First month done"
    assert load(project).scope == {"start": "Sees an ad", "end": "First month done"}
    assert re.fullmatch(r"Saved at \d\d:\d\d:\d\d \(change 2\)", form.status.text)
    again = ScopeForm(ProjectSession.open(project))
    assert (again.start.value, again.end.value) == ("Sees an ad", "First month done")
