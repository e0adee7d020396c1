"""The touchpoints form: the whole journey grouped by phase; add to a chosen phase, edit,
remove (with undo), reorder; copy between journeys."""

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
    assert (form.persona, form.scenario, form.add_phase.value) == ("senior", "huidig", "orientatie")
    lst = form.touchpoints
    lst.new_name.value = "Folder in de brievenbus"
    lst.add_button.click()
    assert lst.selected == "folder-in-de-brievenbus"
    assert "\u2003\u2003" in dict((k, v) for v, k in lst.select.options)["folder-in-de-brievenbus"]
    assert "Website" in lst.fields["channel"].options  # the template's suggestions
    lst.fields["channel"].value = "Folder"
    lst.fields["online"].value = False
    lst.fields["owned"].value = True
    lst.fields["partner"].value = "Drukkerij"
    lst.fields["action"].value = "Leest de folder"
    lst.fields["frequency"].value = "1x per jaar"
    lst.fields["backstage"].value = "Marketing verspreidt"
    lst.fields["data"].value = "5000 folders"
    lst.fields["critical"].value = True
    # the Canvas asks for the crucial touchpoints per phase, not for main and side matters
    assert "importance" not in lst.fields
    saved = _touchpoint(project, "folder-in-de-brievenbus", "senior", "huidig")
    assert saved["phase"] == "orientatie" and saved["name"] == "Folder in de brievenbus"
    assert saved["channel"] == "Folder" and saved["online"] is False and saved["owned"] is True
    assert (saved["partner"], saved["action"], saved["frequency"]) == (
        "Drukkerij",
        "Leest de folder",
        "1x per jaar",
    )
    assert (saved["backstage"], saved["data"], saved["critical"]) == (
        "Marketing verspreidt",
        "5000 folders",
        True,
    )
    lst.fields["online"].value = ""  # back to unknown
    assert "online" not in _raw_touchpoint(project, "folder-in-de-brievenbus")


def _raw_touchpoint(path: Path, tid: str) -> str:
    text = path.read_text(encoding="utf-8")
    start = text.index(f"- id: {tid}")
    return text[start : text.index("\n  - ", start + 1)]


def test_the_whole_journey_is_listed_grouped_by_phase(project: Path) -> None:
    form = TouchpointsForm(ProjectSession.open(project), persona="student")
    journey = load(project).journey("student", "huidig")
    options = form.touchpoints.select.options
    keys = [key for _, key in options]
    headings = [key for key in keys if key.startswith("#")]
    assert headings == ["#" + pid for pid in load(project).ids("phases")]  # journey order
    assert [key for key in keys if not key.startswith("#")] == journey["id"].tolist()
    for _, row in journey.iterrows():  # each touchpoint under its own phase heading
        above = [k for k in keys[: keys.index(row["id"])] if k.startswith("#")][-1]
        assert above == "#" + row["phase"]
    labels = dict((key, label) for label, key in options)
    here = journey[journey["phase"] == "orientatie"]
    crucial = int(here["critical"].sum())
    assert crucial  # the example marks crucial touchpoints: the heading counts them
    assert labels["#orientatie"] == f"▼ Oriëntatie ({len(here)}, waarvan {crucial} ★ cruciaal)"
    first = journey.loc[0]
    assert labels[first["id"]].strip() == f"1. {first['name']}" + (" ★" if first["critical"] else "")
    for _, row in journey[journey["critical"]].iterrows():
        assert labels[row["id"]].endswith(" ★")
    form.touchpoints.select.value = journey["id"].iloc[-1]  # nothing vanishes on choosing
    assert [key for _, key in form.touchpoints.select.options] == keys


def test_choosing_a_phase_heading_adds_the_new_touchpoint_there(project: Path) -> None:
    form = TouchpointsForm(ProjectSession.open(project), persona="student")
    lst = form.touchpoints
    lst.select.value = "#aftersales"
    assert lst.selected is None and form.add_phase.value == "aftersales"
    assert lst.fields["name"].disabled and lst.remove_button.disabled
    lst.new_name.value = "Opzegbevestiging per mail"
    lst.add_button.click()
    saved = _touchpoint(project, "opzegbevestiging-per-mail", "student", "huidig")
    assert saved["phase"] == "aftersales"
    keys = [key for _, key in lst.select.options]
    assert keys.index("#aftersales") < keys.index("opzegbevestiging-per-mail")
    lst.select.value = "proefles"  # choosing a touchpoint: new ones go to its phase
    assert form.add_phase.value == _touchpoint(project, "proefles", "student", "huidig")["phase"]
    form.add_phase.value = "gebruik"  # or choose the phase directly
    lst.new_name.value = "Sauna"
    lst.add_button.click()
    assert _touchpoint(project, "sauna", "student", "huidig")["phase"] == "gebruik"


def test_move_within_phase_and_to_another_phase(project: Path) -> None:
    form = TouchpointsForm(ProjectSession.open(project), persona="student")
    lst = form.touchpoints
    first, second = [key for _, key in lst.select.options if not key.startswith("#")][:2]
    lst.select.value = second
    lst.up.click()
    order = load(project).journey("student", "huidig")["id"].tolist()
    assert order.index(second) < order.index(first)
    lst.fields["phase"].value = "aanschaf"
    assert _touchpoint(project, second, "student", "huidig")["phase"] == "aanschaf"
    keys = [key for _, key in lst.select.options]
    assert lst.selected == second
    assert [k for k in keys[: keys.index(second)] if k.startswith("#")][-1] == "#aanschaf"


def test_remove_with_undo_and_refused_codes(project: Path) -> None:
    before = load(project)
    form = TouchpointsForm(ProjectSession.open(project), persona="student")
    lst = form.touchpoints
    lst.select.value = "google-zoeken"
    lst.remove_button.click()
    assert lst.removal.question.value == "<b>‘Reviews lezen op Google Maps’ verwijderen?</b>"
    order = before.journey("student", "huidig")["id"].tolist()
    lst.removal.yes.click()
    assert "google-zoeken" not in load(project).journey("student", "huidig")["id"].tolist()
    assert lst.selected == order[order.index("google-zoeken") + 1]  # its neighbour, not the top
    assert "google-zoeken" in load(project).journey("student", "gewenst")["id"].tolist()
    lst.removal.undo_button.click()
    assert load(project).touchpoints.equals(before.touchpoints)  # back in its place
    assert lst.selected == "google-zoeken"
    text = project.read_text(encoding="utf-8")
    lst.new_name.value = "Nog een keer"
    lst.new_id.value = "website-bezoek"
    lst.add_button.click()
    assert lst.add_notice.text == (
        "Niet opgeslagen: de code 'website-bezoek' hoort al bij een ander touchpoint voor persona "
        "'student' in scenario 'huidig'; kies een andere code"
    )
    lst.new_id.value = "Geen geldig id!"
    lst.add_button.click()
    assert "kan geen code zijn: gebruik alleen letters" in lst.add_notice.text
    assert project.read_text(encoding="utf-8") == text


def test_a_touchpoint_an_opportunity_needs_is_not_removed(project: Path) -> None:
    journey = load(project)
    for source in journey.ids("sources"):  # figures refer to touchpoints too; not the point here
        journey.remove("sources", (source,), with_dependants=True)
    linked = journey.opportunities.set_index("id").loc["o1", "touchpoint"]
    owners = journey.touchpoints[journey.touchpoints["id"] == linked]
    for _, row in owners.iloc[1:].iterrows():  # leave one journey with that touchpoint
        journey.remove_touchpoint(linked, row["persona"], row["scenario"])
    save(journey, project)
    persona, scenario = owners.iloc[0]["persona"], owners.iloc[0]["scenario"]
    form = TouchpointsForm(ProjectSession.open(project), persona=persona, scenario=scenario)
    form.touchpoints.select.value = linked
    form.touchpoints.remove_button.click()
    assert form.touchpoints.removal.pending is None
    assert form.touchpoints.list_notice.text.startswith("Niet verwijderd: touchpoint '")
    assert form.touchpoints.list_notice.text.endswith("heeft nog 1 kansen; verplaats of verwijder die eerst")
    assert linked in load(project).journey(persona, scenario)["id"].tolist()


def test_copy_touchpoints_to_another_persona_and_scenario(project: Path) -> None:
    form = TouchpointsForm(ProjectSession.open(project))
    form.copy_from.persona.value = "senior"
    form.copy_to.persona.value = "senior"
    form.copy_to.scenario.value = "gewenst"
    form.copy_button.click()
    saved = load(project)
    assert saved.journey("senior", "gewenst")["id"].tolist() == (
        saved.journey("senior", "huidig")["id"].tolist()
    )
    count = len(saved.journey("senior", "gewenst"))
    assert form.copy_notice.text == f"{count} touchpoints gekopieerd."
    before = project.read_text(encoding="utf-8")
    form.copy_button.click()  # target not empty now
    assert form.copy_notice.text == (
        f"Niet opgeslagen: daar staan al {count} touchpoints. Zet een vinkje bij "
        "‘Bestaande touchpoints vervangen’ als je ze wilt vervangen."
    )
    form.copy_to.scenario.value = "huidig"
    form.copy_button.click()
    assert "kies een andere persona of een ander scenario" in form.copy_notice.text
    assert project.read_text(encoding="utf-8") == before
    form.copy_to.scenario.value = "gewenst"
    form.copy_replace.value = True
    form.copy_button.click()
    assert form.status.kind == "ok" and form.copy_notice.kind == "ok"


def test_empty_project_explains_what_comes_first(tmp_path: Path) -> None:
    project = save(new_journey("canvas", "Leeg"), tmp_path / "leeg.yaml")
    form = TouchpointsForm(ProjectSession.open(project))
    assert "Voeg eerst een persona toe" in form.notice.value
    assert form.touchpoints.add_button.disabled


def test_a_code_made_from_a_long_name_ends_at_a_word_boundary() -> None:
    from klantreis.widgets.ids import unique_id

    name = "Instagram-advertentie: kinderen lenen graag samen boeken"
    code = unique_id(name, [])
    assert code == "instagram-advertentie-kinderen-lenen" and len(code) <= 40
    assert unique_id(name, [code]) == f"{code}-2"
    assert unique_id("Klantcontactcentrumwachtrijmeldingsbevestigingsberichtenservice", []) == (
        "klantcontactcentrumwachtrijmeldingsbeves"  # one word longer than 40: cut
    )
    assert unique_id("Eén kop koffie ☕ / 2 à 3 keer", []) == "een-kop-koffie-2-a-3-keer"
