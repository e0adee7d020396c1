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
    balie = next(
        t
        for t in merged["touchpoints"]
        if (t["id"], t["persona"], t["scenario"]) == ("balie", "toerist", "current")
    )
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


# ------------------------------------------------- prefer: each side of each kind of conflict
def _three_sides(journey: Journey, mine_change, theirs_change) -> tuple[dict, dict, dict]:
    base = to_dict(journey)
    other = load_dict(base)
    mine_change(journey)
    theirs_change(other)
    return base, to_dict(journey), to_dict(other)


@pytest.mark.parametrize("prefer", [None, "mine", "theirs"])
def test_a_record_changed_here_and_removed_there_follows_prefer(journey: Journey, prefer) -> None:
    base, mine, theirs = _three_sides(
        journey, lambda j: j.update_phase("terugbrengen", name="Inleveren"),
        lambda j: (j.remove_touchpoint("inleveren", "toerist"), j.remove_phase("terugbrengen")),
    )  # fmt: skip
    result = merge(base, mine, theirs, prefer)
    phases = [p["id"] for p in result.data["phases"]]
    if prefer is None:
        assert result.conflicts == ["phases[terugbrengen] (changed here, removed on the other side)"]
    else:
        assert result.ok
        assert ("terugbrengen" in phases) == (prefer == "mine")
        if prefer == "mine":
            assert _record(result.data, "phases", "terugbrengen")["name"] == "Inleveren"


@pytest.mark.parametrize("prefer", [None, "mine", "theirs"])
def test_a_record_removed_here_and_changed_there_follows_prefer(journey: Journey, prefer) -> None:
    base, mine, theirs = _three_sides(
        journey, lambda j: j.remove_opportunity("o1"), lambda j: j.update_opportunity("o1", status="klaar"),
    )  # fmt: skip
    result = merge(base, mine, theirs, prefer)
    if prefer is None:
        changed = "opportunities[o1] (changed in another notebook, removed on the other side)"
        assert result.conflicts == [changed]
    else:
        assert result.ok and [o["id"] for o in result.data["opportunities"]] == (
            ["o1"] if prefer == "theirs" else []
        )


@pytest.mark.parametrize(("prefer", "order"), [
    ("mine", ["terugbrengen", "orientatie", "huren"]),
    ("theirs", ["huren", "orientatie", "terugbrengen"]),
])  # fmt: skip
def test_two_reorders_follow_prefer(journey: Journey, prefer, order) -> None:
    base, mine, theirs = _three_sides(
        journey, lambda j: j.move_phase("terugbrengen", 0), lambda j: j.move_phase("huren", 0)
    )
    result = merge(base, mine, theirs, prefer)
    assert result.ok and [p["id"] for p in result.data["phases"]] == order
    assert load_dict(result.data)  # and the result is a valid journey


@pytest.mark.parametrize("prefer", ["mine", "theirs"])
def test_review_notes_and_scope_follow_prefer(journey: Journey, prefer) -> None:
    def change(text: str):
        return lambda j: (j.set_review_notes(text), j.set_scope(start=text), j.set_title(text))

    base, mine, theirs = _three_sides(journey, change("hier"), change("daar"))
    assert merge(base, mine, theirs).conflicts == ["title", "scope.start", "review.notes"]
    data = merge(base, mine, theirs, prefer).data
    expected = "hier" if prefer == "mine" else "daar"
    assert (data["title"], data["scope"]["start"], data["review"]["notes"]) == (expected,) * 3


# ---------------------------------------------------------------- reloading
def test_reload_throws_away_unsaved_edits_and_reads_the_file_again(project: Path) -> None:
    session, other = ProjectSession.open(project), ProjectSession.open(project)
    journey = session.journey
    heard: list[str] = []
    session.on_change(lambda: heard.append("reloaded"))
    session.apply(lambda j: j.update_persona("toerist", name="Niet bewaard"))
    other.apply(lambda j: j.update_persona("forens", role="pendelaar"))
    other.save()
    session.reload()
    assert session.journey is journey  # forms holding it see the file's content
    assert journey.name_of("personas", "toerist") == "Tom, toerist"
    assert journey.personas.set_index("id").loc["forens", "role"] == "pendelaar"
    assert heard == ["reloaded"]
    assert not session.changed_on_disk() and not session.unsaved()
    session.apply(lambda j: j.update_persona("toerist", role="fietser"))
    assert not session.save().merged  # the session knows the text it reloaded
    assert load(project).personas.set_index("id").loc["forens", "role"] == "pendelaar"


def test_reload_of_a_broken_file_says_why_and_keeps_the_session(project: Path) -> None:
    session = ProjectSession.open(project)
    session.apply(lambda j: j.update_persona("toerist", name="Nog niet bewaard"))
    project.write_text("klantreis: 1\ntitle: [kapot\n", encoding="utf-8")
    with pytest.raises(JourneyError):
        session.reload()
    assert session.journey.name_of("personas", "toerist") == "Nog niet bewaard"


def test_a_session_saves_only_the_records_that_changed(project: Path, monkeypatch) -> None:
    """The session's ProjectFile keeps each record's text: a save writes the changed
    record anew and reuses the text of every other one."""
    from klantreis.yamlio import writer

    session = ProjectSession.open(project)
    written: list[dict] = []
    item_text = writer.item_text
    monkeypatch.setattr(writer, "item_text", lambda record, indent: written.append(record) or item_text(
        record, indent))  # fmt: skip
    session.apply(lambda j: j.update_touchpoint("balie", "forens", why="Druk"))
    session.save()
    assert [(r["id"], r["persona"]) for r in written] == [("balie", "forens")]
    assert project.read_text(encoding="utf-8") == dumps(load(project))
