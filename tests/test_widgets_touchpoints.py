"""The touchpoints form: per phase add, edit, remove, reorder; copy between journeys."""

from __future__ import annotations

from pathlib import Path

from klantreis import load, new_journey, save
from klantreis.session import ProjectSession
from klantreis.widgets import TouchpointsForm


def _touchpoint(path: Path, tid: str, persona: str, scenario: str) -> dict:
    tps = load(path).touchpoints
    rows = tps[(tps["id"] == tid) & (tps["persona"] == persona) & (tps["scenario"] == scenario)]
    assert len(rows) == 1
    return rows.iloc[0].to_dict()


def test_add_a_touchpoint_with_every_field(project: Path) -> None:
    form = TouchpointsForm(ProjectSession.open(project), persona="senior")
    assert (form.persona, form.scenario, form.phase.value) == ("senior", "huidig", "orientatie")
    lst = form.touchpoints
    lst.new_name.value = "Folder in de brievenbus"
    lst.add_button.click()
    assert lst.selected == "folder-in-de-brievenbus"
    assert "Website" in lst.fields["channel"].options  # the template's suggestions
    lst.fields["channel"].value = "Folder"
    lst.fields["online"].value = False
    lst.fields["owned"].value = True
    lst.fields["partner"].value = "Drukkerij"
    lst.fields["action"].value = "Leest de folder"
    lst.fields["frequency"].value = "1x per jaar"
    lst.fields["backstage"].value = "Marketing verspreidt"
    lst.fields["data"].value = "5000 folders"
    lst.fields["importance"].value = "side"
    saved = _touchpoint(project, "folder-in-de-brievenbus", "senior", "huidig")
    assert saved["phase"] == "orientatie" and saved["name"] == "Folder in de brievenbus"
    assert saved["channel"] == "Folder" and saved["online"] is False and saved["owned"] is True
    assert (saved["partner"], saved["action"], saved["frequency"]) == (
        "Drukkerij", "Leest de folder", "1x per jaar")
    assert (saved["backstage"], saved["data"], saved["importance"]) == (
        "Marketing verspreidt", "5000 folders", "side")
    lst.fields["online"].value = ""  # back to unknown
    assert "online" not in _raw_touchpoint(project, "folder-in-de-brievenbus")


def _raw_touchpoint(path: Path, tid: str) -> str:
    text = path.read_text(encoding="utf-8")
    start = text.index(f"- id: {tid}")
    return text[start: text.index("\n  - ", start + 1)]


def test_move_within_phase_and_to_another_phase(project: Path) -> None:
    form = TouchpointsForm(ProjectSession.open(project), persona="student")
    lst = form.touchpoints
    first, second = [key for _, key in lst.select.options][:2]
    lst.select.value = second
    lst.up.click()
    order = load(project).journey("student", "huidig")["id"].tolist()
    assert order.index(second) < order.index(first)
    lst.fields["phase"].value = "aanschaf"
    assert _touchpoint(project, second, "student", "huidig")["phase"] == "aanschaf"
    assert form.phase.value == "aanschaf" and lst.selected == second


def test_remove_and_refused_duplicate(project: Path) -> None:
    form = TouchpointsForm(ProjectSession.open(project), persona="student")
    lst = form.touchpoints
    lst.select.value = "google-zoeken"
    lst.remove_button.click()
    assert "google-zoeken" not in load(project).journey("student", "huidig")["id"].tolist()
    before = project.read_text(encoding="utf-8")
    lst.new_name.value = "Nog een keer"
    lst.new_id.value = "website-bezoek"
    lst.add_button.click()
    assert "al in gebruik voor persona 'student'" in form.status.text
    lst.new_id.value = "Geen geldig id!"
    lst.add_button.click()
    assert "kan geen id zijn" in form.status.text
    assert project.read_text(encoding="utf-8") == before


def test_copy_touchpoints_to_another_persona_and_scenario(project: Path) -> None:
    form = TouchpointsForm(ProjectSession.open(project))
    form.copy_from.persona.value = "senior"
    form.copy_to.persona.value = "senior"
    form.copy_to.scenario.value = "gewenst"
    form.copy_button.click()
    saved = load(project)
    assert saved.journey("senior", "gewenst")["id"].tolist() == (
        saved.journey("senior", "huidig")["id"].tolist())
    assert "gekopieerd" in form.copy_result.value
    before = project.read_text(encoding="utf-8")
    form.copy_button.click()  # target not empty now
    assert form.status.kind == "error" and "heeft al" in form.status.text
    assert project.read_text(encoding="utf-8") == before
    form.copy_replace.value = True
    form.copy_button.click()
    assert form.status.kind == "ok"


def test_empty_project_explains_what_comes_first(tmp_path: Path) -> None:
    project = save(new_journey("canvas", "Leeg"), tmp_path / "leeg.yaml")
    form = TouchpointsForm(ProjectSession.open(project))
    assert "Voeg eerst een persona toe" in form.notice.value
    assert form.touchpoints.add_button.disabled
