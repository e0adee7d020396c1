"""The doel and scope forms: title, goal, scenarios, start and end."""

from __future__ import annotations

from pathlib import Path

from klantreis import load
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


def test_empty_title_is_refused_and_nothing_saved(project: Path) -> None:
    before = project.read_text(encoding="utf-8")
    form = DoelForm(ProjectSession.open(project))
    form.title.value = "   "
    assert form.status.kind == "error"
    assert form.status.text == "Niet opgeslagen: de titel mag niet leeg zijn"
    assert project.read_text(encoding="utf-8") == before


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
    assert "bij-de-buurman" not in load(project).ids("scenarios")
    assert lst.new_name.value == ""


def test_duplicate_scenario_id_and_refused_removal_show_messages(project: Path) -> None:
    before = project.read_text(encoding="utf-8")
    form = DoelForm(ProjectSession.open(project))
    form.scenarios.new_name.value = "Nog een"
    form.scenarios.new_id.value = "huidig"
    form.scenarios.add_button.click()
    assert "scenario-id 'huidig' is al in gebruik" in form.status.text
    form.scenarios.select.value = "huidig"
    form.scenarios.remove_button.click()  # has touchpoints
    assert form.status.kind == "error" and "touchpoints" in form.status.text
    assert project.read_text(encoding="utf-8") == before
    assert form.journey.ids("scenarios") == ["huidig", "gewenst", "concurrent"]


def test_scope_start_and_end(project: Path) -> None:
    form = ScopeForm(ProjectSession.open(project), language="en")
    form.start.value = "Sees an ad "
    form.end.value = "First month done"
    assert load(project).scope == {"start": "Sees an ad", "end": "First month done"}
    assert form.status.text.startswith("Saved at ")
    again = ScopeForm(ProjectSession.open(project))
    assert (again.start.value, again.end.value) == ("Sees an ad", "First month done")
