"""The project's owner and status: optional head fields, kept through the file, the
spreadsheet and a merge; a status outside the known set is refused with its place."""

from __future__ import annotations

from pathlib import Path

import pytest

from klantreis import JourneyError, dumps, from_dict, load, loads, save, to_dict
from klantreis.exchange import export_journey, read_journey, sheets
from klantreis.fields import STATUSES, status_label
from klantreis.merge import merge
from klantreis.model import Journey

OWNER = "Team Klantcontact / CX – Anouk 👩‍💼 'de Vries' & co"


def test_owner_and_status_survive_save_and_load_in_their_place(journey: Journey, tmp_path: Path) -> None:
    journey.owner, journey.status = OWNER, "in_progress"
    path = save(journey, tmp_path / "reis.yaml")
    text = path.read_text(encoding="utf-8")
    keys = [line.split(":")[0] for line in text.splitlines() if line and line[0].isalpha()]
    assert keys[:4] == ["klantreis", "title", "goal", "owner"] and keys[4] == "status"
    again = load(path)
    assert (again.owner, again.status) == (OWNER, "in_progress")
    assert dumps(again) == text  # byte-stable


def test_a_project_without_them_is_written_as_before(journey: Journey) -> None:
    text = dumps(journey)
    assert "\nowner:" not in text and "\nstatus:" not in text
    assert (loads(text).owner, loads(text).status) == ("", "")


def test_owner_and_status_go_through_the_spreadsheet(journey: Journey, tmp_path: Path) -> None:
    journey.owner, journey.status = OWNER, "done"
    project = sheets(journey)["project"]
    assert dict(zip(project["key"], project["value"], strict=True))["status"] == "done"
    (path,) = export_journey(journey, tmp_path / "reis.xlsx")
    again = read_journey(path)
    assert (again.owner, again.status) == (OWNER, "done")
    assert dumps(again) == dumps(journey)


@pytest.mark.parametrize("bad", ["afgerond", "Done", "klaar!"])
def test_a_wrong_status_in_the_file_is_refused_with_file_line_and_field(problems_of, bad: str) -> None:
    (problem,) = problems_of(f"klantreis: 1\ntitle: Reis\nowner: Anouk\nstatus: {bad}\n", "team/reis.yaml")
    assert (problem.source, problem.line, problem.path) == ("team/reis.yaml", 4, "status")
    assert str(problem) == (
        f"team/reis.yaml:4: status: {bad!r} is hier niet mogelijk; "
        "kies uit: draft (concept), in_progress (in uitvoering), done (afgerond)"
    )
    assert problem.text("en").endswith("use one of: draft, in_progress (in progress), done")


def test_a_wrong_status_from_code_is_refused_and_changes_nothing(journey: Journey) -> None:
    journey.status = "draft"
    with pytest.raises(JourneyError) as refused:
        journey.set_status("bijna klaar")
    assert refused.value.field == "status" and journey.status == "draft"
    assert refused.value.text("nl").startswith("veld 'status': 'bijna klaar' is hier niet mogelijk")
    journey.status = ""  # empty: no status
    assert "\nstatus:" not in dumps(journey)


def test_every_status_has_words_in_both_languages() -> None:
    assert [status_label(s, "nl") for s in STATUSES] == ["concept", "in uitvoering", "afgerond"]
    assert [status_label(s, "en") for s in STATUSES] == ["draft", "in progress", "done"]
    assert status_label("", "nl") == ""


def test_owner_and_status_merge_like_the_title(journey: Journey) -> None:
    base = to_dict(journey)
    mine, theirs = loads(dumps(journey)), loads(dumps(journey))
    mine.owner, theirs.status = OWNER, "draft"
    merged = merge(base, to_dict(mine), to_dict(theirs))
    assert merged.ok
    again = from_dict(merged.data)
    assert (again.owner, again.status) == (OWNER, "draft")
    mine.status = "done"
    both = merge(base, to_dict(mine), to_dict(theirs))
    assert [c for c in both.conflicts if "status" in c] and both.data["status"] == "draft"
