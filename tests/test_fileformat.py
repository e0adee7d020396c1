"""The project file: stable bytes, unicode, key order, atomic and consistent saves."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

import klantreis.atomic as atomic
from klantreis import JourneyError, ValidationError, dumps, load, loads, new_journey, save, to_dict


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


# ------------------------------------------------------------ stable bytes
def test_example_save_load_save_identical_bytes(example_path, tmp_path):
    journey = load(example_path)
    first = save(journey, tmp_path / "een.yaml").read_bytes()
    second = save(load(tmp_path / "een.yaml"), tmp_path / "twee.yaml").read_bytes()
    assert first == second


def test_example_keeps_every_value(example_path):
    journey = load(example_path)
    again = loads(dumps(journey))
    for table in ("phases", "personas", "scenarios", "touchpoints", "opportunities"):
        assert getattr(again, table).equals(getattr(journey, table)), table
    assert (again.title, again.goal, again.scope, again.scale, again.review) == (
        journey.title, journey.goal, journey.scope, journey.scale, journey.review,
    )  # fmt: skip


@pytest.mark.parametrize("language", ["nl", "en"])
def test_template_project_save_load_save_identical(template_id, language, tmp_path):
    path = save(new_journey(template_id, language=language), tmp_path / "nieuw.yaml")
    text = path.read_text(encoding="utf-8")
    assert dumps(load(path)) == text
    save(load(path), path)
    assert path.read_text(encoding="utf-8") == text


def test_saved_text_of_small_journey(journey):
    text = dumps(journey)
    assert text.startswith("klantreis: 1\ntitle: Fietsverhuur De Spaak\n")
    assert (
        "  - id: balie\n"
        "    persona: toerist\n"
        "    scenario: current\n"
        "    phase: huren\n"
        "    name: Fiets ophalen aan de balie\n"
        "    emotion: 2\n"
        "    why: Lange rij 😩\n"
        "    critical: true\n"
        "    importance: main\n"
    ) in text
    assert "    needs:\n      - kaart\n      - snel weg\n" in text
    # empty optional fields are left out, booleans only when set
    website = text.split("  - id: website\n")[1].split("  - id:")[0]
    assert "online: true" in website and "owned" not in website and "critical" not in website


def test_top_level_and_field_key_order(journey):
    text = dumps(journey)
    top = [line.split(":")[0] for line in text.splitlines() if line and line[0] not in " -"]
    assert top == ["klantreis", "title", "goal", "language", "scope", "scale", "phases",
                   "personas", "scenarios", "touchpoints", "opportunities", "review"]  # fmt: skip
    opportunity = text.split("opportunities:\n")[1].split("review:")[0]
    keys = [line.strip(" -").split(":")[0] for line in opportunity.splitlines()]
    assert keys == ["id", "touchpoint", "phase", "description", "impact", "effort", "owner",
                    "status"]  # fmt: skip


def test_unicode_kept_as_characters(journey):
    journey.update_phase("orientatie", description="Één “slimme” keuze — 🚲✨ naïef")
    journey.add_persona("zoe", "Zoë Ångström 👩🏽‍🦰")
    text = dumps(journey)
    assert "description: Één “slimme” keuze — 🚲✨ naïef\n" in text
    assert "name: Zoë Ångström 👩🏽‍🦰\n" in text
    assert "\\u" not in text and "\\U" not in text
    again = loads(text)
    assert again.name_of("personas", "zoe") == "Zoë Ångström 👩🏽‍🦰"


def test_file_is_utf8_with_newline_line_endings(journey, tmp_path):
    raw = save(journey, tmp_path / "reis.yaml").read_bytes()
    assert "Lange rij 😩".encode() in raw and "Oriëntatie".encode() in raw
    assert b"\r\n" not in raw and raw.endswith(b"\n")


@pytest.mark.parametrize(
    "text",
    ["  spaties vooraan", "regel 1\nregel 2", "regel\n", "'enkel' en \"dubbel\"", "a: b # c",
     "- lijstje", "ja", "no", "123", "~", "null", "@x", "tab\there", "\ttab", "é\u00a0nbsp"],
)  # fmt: skip
def test_tricky_text_survives(journey, text):
    journey.update_touchpoint("website", "toerist", thoughts=text, name=text + "!")
    again = loads(dumps(journey))
    row = again.touchpoints.iloc[0]
    assert (row["thoughts"], row["name"]) == (text, text + "!")
    assert dumps(again) == dumps(journey)


def test_multiline_text_written_as_block(journey):
    journey.update_touchpoint("website", "toerist", thoughts="Regel 1\nRegel 2")
    assert "    thoughts: |-\n      Regel 1\n      Regel 2\n" in dumps(journey)


# ------------------------------------------------------------ atomic save
def test_failed_replace_leaves_old_file_and_no_temp(journey, tmp_example, monkeypatch):
    before = tmp_example.read_bytes()

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", broken_replace)
    with pytest.raises(OSError, match="No space left"):
        save(journey, tmp_example)
    assert tmp_example.read_bytes() == before
    assert leftovers(tmp_example.parent) == []


def test_failed_write_midway_leaves_old_file_and_no_temp(journey, tmp_example, monkeypatch):
    before = tmp_example.read_bytes()
    real_fsync = os.fsync
    calls = []

    def crash(fd):
        calls.append(fd)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", crash)
    with pytest.raises(OSError):
        save(journey, tmp_example)
    monkeypatch.setattr(atomic.os, "fsync", real_fsync)
    assert calls, "save must fsync the temporary file before replacing"
    assert tmp_example.read_bytes() == before
    assert leftovers(tmp_example.parent) == []


def test_interrupt_mid_save_leaves_old_file(journey, tmp_example, monkeypatch):
    before = tmp_example.read_bytes()

    def interrupted(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(atomic.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        save(journey, tmp_example)
    assert tmp_example.read_bytes() == before
    assert leftovers(tmp_example.parent) == []


def test_a_table_changed_by_hand_is_checked_when_assigned(journey):
    before = dumps(journey)
    frame = journey.touchpoints
    frame.loc[1, "phase"] = "nergens"
    with pytest.raises(JourneyError, match="fase 'nergens' bestaat niet; bekend: orientatie, huren"):
        journey.touchpoints = frame
    assert dumps(journey) == before  # refused as a whole
    frame = journey.personas
    frame.loc[1, "id"] = "toerist"
    with pytest.raises(JourneyError, match="de code 'toerist' hoort al bij een andere persona"):
        journey.personas = frame
    frame = journey.personas
    frame.loc[1, "id"] = "pendelaar"  # the touchpoints still name 'forens'
    with pytest.raises(JourneyError, match=r"touchpoints verwijzen nog naar persona's die hierdoor "
                       r"verdwijnen \('forens'\)"):  # fmt: skip
        journey.personas = frame
    assert dumps(journey) == before
    frame = journey.touchpoints
    frame.loc[1, "name"] = "Nieuwe naam"
    journey.touchpoints = frame
    assert journey.touchpoints.loc[1, "name"] == "Nieuwe naam"


def test_the_tables_returned_are_copies(journey):
    frame = journey.touchpoints
    frame.loc[0, "name"] = "Alleen in deze kopie"
    assert journey.touchpoints.loc[0, "name"] != "Alleen in deze kopie"


def test_save_keeps_file_mode(journey, tmp_path):
    path = tmp_path / "reis.yaml"
    path.write_text("oud\n", encoding="utf-8")
    path.chmod(0o640)
    save(journey, path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert load(path).title == "Fietsverhuur De Spaak"


def test_new_file_mode_follows_umask(journey, tmp_path):
    old = os.umask(0o027)
    try:
        path = save(journey, tmp_path / "nieuw.yaml")
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_save_in_current_folder(journey, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    save(journey, "reis.yaml")
    assert load("reis.yaml").title == journey.title
    assert leftovers(tmp_path) == []


# ------------------------------------------------------------ load errors
def test_load_missing_file(tmp_path):
    path = tmp_path / "weg.yaml"
    with pytest.raises(JourneyError, match=f"{path}: dit bestand bestaat niet; maak er een met "
                       f"`klantreis new {path}`"):  # fmt: skip
        load(path)


def test_load_folder(tmp_path):
    with pytest.raises(JourneyError, match="dit is een map, geen projectbestand"):
        load(tmp_path)


def test_load_errors_name_the_file(tmp_path):
    path = tmp_path / "fout.yaml"
    path.write_text("klantreis: 1\ntitle: T\nlanguage: de\n", encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        load(path)
    assert str(info.value.problems[0]) == f"{path}:3: language: 'de' is hier niet mogelijk; " \
        "kies uit: nl, en"  # fmt: skip


def test_text_the_fast_writer_hands_over_is_written_by_the_reference_writer(journey, tmp_path):
    """A text longer than PyYAML's line width (a pasted interview, 12,000 characters)
    is beyond the fast writer: the whole file is then written by PyYAML itself, which
    folds the line; it still loads, round-trips byte for byte and saves through a
    ProjectFile like any other."""
    import klantreis
    from klantreis.yamlio import reference

    story = " ".join(["Ik belde drie keer en kreeg steeds een ander antwoord over mijn fiets."] * 170)
    assert len(story) > 10_000
    journey.update_touchpoint("balie", "toerist", why=story)
    text = dumps(journey)
    assert text == reference.dump(to_dict(journey))  # PyYAML's bytes
    assert "why: Ik belde drie keer" in text and story not in text  # folded over lines
    again = loads(text)
    assert again.journey("toerist").set_index("id").loc["balie", "why"] == story
    assert dumps(again) == text
    path = klantreis.save(journey, tmp_path / "reis.yaml")
    opened, file = klantreis.open_project(path)
    opened.update_touchpoint("balie", "toerist", why="Kort")  # back within the fast writer's reach
    klantreis.save_merged(opened, file)
    assert path.read_text(encoding="utf-8") == dumps(loads(path.read_text(encoding="utf-8")))
    assert "why: Kort\n" in path.read_text(encoding="utf-8")
