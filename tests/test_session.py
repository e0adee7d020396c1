"""ProjectSession saving and the three-way merge behind it."""

from __future__ import annotations

from pathlib import Path

import pytest

from klantreis import Journey, JourneyError, dumps, load, save, to_dict
from klantreis.merge import merge
from klantreis.session import ProjectSession, SaveConflict


@pytest.fixture
def project(tmp_path: Path, journey: Journey) -> Path:
    """The small journey of conftest, saved to a temporary file."""
    return save(journey, tmp_path / "reis.yaml")


# ------------------------------------------------------------------ pure merge
def test_merge_applies_disjoint_edits_from_both_sides(journey: Journey) -> None:
    base = to_dict(journey)
    journey.update_persona("toerist", name="Tom (35), toerist")
    journey.add_phase("nazorg", "Nazorg")
    mine = to_dict(journey)
    other = load_dict(base)
    other.update_touchpoint("balie", "toerist", why="Rij van tien minuten")
    other.set_answer("verrassingen", "De rij")
    result = merge(base, mine, to_dict(other))
    assert result.ok
    merged = result.data
    assert _record(merged, "personas", "toerist")["name"] == "Tom (35), toerist"
    assert [p["id"] for p in merged["phases"]][-1] == "nazorg"
    balie = next(t for t in merged["touchpoints"]
                 if (t["id"], t["persona"], t["scenario"]) == ("balie", "toerist", "current"))
    assert balie["why"] == "Rij van tien minuten"
    assert merged["review"]["answers"] == {"verrassingen": "De rij"}


def test_merge_reports_the_same_field_changed_differently(journey: Journey) -> None:
    base = to_dict(journey)
    journey.update_persona("toerist", name="Mijn naam")
    journey.set_answer("q", "mijn antwoord")
    mine = to_dict(journey)
    other = load_dict(base)
    other.update_persona("toerist", name="Andere naam")
    other.set_answer("q", "ander antwoord")
    result = merge(base, mine, to_dict(other))
    assert result.conflicts == ["personas[toerist].name", "review.answers.q"]
    assert merge(base, mine, to_dict(other), prefer="mine").data["personas"][0]["name"] == "Mijn naam"
    theirs = merge(base, mine, to_dict(other), prefer="theirs").data
    assert theirs["personas"][0]["name"] == "Andere naam"


def test_merge_refuses_removing_what_the_other_side_changed(journey: Journey) -> None:
    base = to_dict(journey)
    journey.remove_opportunity("o1")
    other = load_dict(base)
    other.update_opportunity("o1", owner="Marketing")
    result = merge(base, to_dict(journey), to_dict(other))
    assert result.conflicts == ["opportunities[o1] (changed in another notebook, removed on the other side)"]


def test_merge_keeps_a_reorder_and_places_new_records(journey: Journey) -> None:
    base = to_dict(journey)
    journey.add_phase("nazorg", "Nazorg")  # mine: new phase at the end
    other = load_dict(base)
    other.move_phase("terugbrengen", 0)  # theirs: reorder
    result = merge(base, to_dict(journey), to_dict(other))
    assert result.ok
    assert [p["id"] for p in result.data["phases"]] == ["terugbrengen", "orientatie", "huren", "nazorg"]


def test_merge_refuses_two_different_reorders(journey: Journey) -> None:
    base = to_dict(journey)
    journey.move_phase("huren", 0)
    other = load_dict(base)
    other.move_phase("terugbrengen", 0)
    assert merge(base, to_dict(journey), to_dict(other)).conflicts == ["order of phases"]


def load_dict(data: dict) -> Journey:
    from klantreis import from_dict

    return from_dict(data)


def _record(data: dict, table: str, rid: str) -> dict:
    return next(r for r in data[table] if r["id"] == rid)


# ------------------------------------------------------------------- sessions
def test_unchanged_file_saves_normally(project: Path) -> None:
    session = ProjectSession.open(project)
    session.apply(lambda j: j.update_persona("forens", role="pendelaar"))
    result = session.save()
    assert not result.merged
    assert project.read_text(encoding="utf-8") == dumps(session.journey)
    assert load(project).personas.set_index("id").loc["forens", "role"] == "pendelaar"


def test_two_sessions_with_disjoint_edits_both_land_in_the_file(project: Path) -> None:
    first, second = ProjectSession.open(project), ProjectSession.open(project)
    first.apply(lambda j: j.update_persona("forens", role="pendelaar"))
    first.save()
    second.apply(lambda j: j.add_phase("nazorg", "Nazorg"))
    result = second.save()
    assert result.merged
    saved = load(project)
    assert saved.personas.set_index("id").loc["forens", "role"] == "pendelaar"
    assert saved.ids("phases")[-1] == "nazorg"
    # the merged journey becomes the session's journey
    assert second.journey.personas.set_index("id").loc["forens", "role"] == "pendelaar"
    assert not second.changed_on_disk()


def test_conflicting_edits_are_refused_and_nothing_is_lost(project: Path) -> None:
    first, second = ProjectSession.open(project), ProjectSession.open(project)
    first.apply(lambda j: j.update_persona("toerist", name="Tom uit Gent"))
    first.save()
    on_disk = project.read_text(encoding="utf-8")
    second.apply(lambda j: j.update_persona("toerist", name="Tom uit Berlijn"))
    with pytest.raises(SaveConflict) as info:
        second.save()
    assert "personas[toerist].name" in str(info.value)
    assert "Er is niets opgeslagen; je wijzigingen zijn bewaard" in str(info.value)
    assert "Nothing was saved; your changes are kept" in info.value.text("en")
    assert project.read_text(encoding="utf-8") == on_disk
    assert second.journey.name_of("personas", "toerist") == "Tom uit Berlijn"
    second.save(prefer="mine")
    assert load(project).name_of("personas", "toerist") == "Tom uit Berlijn"


def test_merge_that_breaks_references_is_refused(project: Path) -> None:
    first, second = ProjectSession.open(project), ProjectSession.open(project)
    first.apply(lambda j: j.add_phase("nazorg", "Nazorg"))
    first.save()
    second.apply(lambda j: j.add_phase("nazorg", "Nazorg"))
    second.save()  # same addition on both sides merges cleanly
    first_again = ProjectSession.open(project)
    first_again.apply(lambda j: j.remove_phase("nazorg"))
    second.apply(lambda j: j.add_touchpoint("bel", "forens", "nazorg", "Nabellen"))
    first_again.save()
    before = project.read_text(encoding="utf-8")
    with pytest.raises(JourneyError, match="de wijzigingen passen niet bij elkaar"):
        second.save()
    assert project.read_text(encoding="utf-8") == before
    assert "bel" in second.journey.ids("touchpoints")


def test_apply_rolls_back_a_refused_change(project: Path) -> None:
    session = ProjectSession.open(project)
    before = dumps(session.journey)

    def half_done(j: Journey) -> None:
        j.add_phase("nazorg", "Nazorg")
        j.update_persona("toerist", id="bad id")

    with pytest.raises(JourneyError):
        session.apply(half_done)
    assert dumps(session.journey) == before  # the added phase was undone too


def test_create_refuses_an_existing_file_and_save_recreates_a_removed_one(project: Path) -> None:
    with pytest.raises(JourneyError, match="bestaat al"):
        ProjectSession.create(project, "canvas")
    session = ProjectSession.open(project)
    project.unlink()
    session.save()
    assert load(project).title == session.journey.title
