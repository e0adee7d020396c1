"""klantreis as git's merge driver, tested with real git in a temporary repository:
two colleagues on their own branch, each adding a touchpoint and changing another."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from klantreis import load, save
from klantreis.conflictmarks import find_conflicts, mark
from klantreis.fileformat import dumps
from klantreis.gitmerge import is_project, merge_texts
from klantreis.model import Journey
from tests.conftest import build_small_journey

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")

BIN = Path(sys.executable).parent
ENV = {
    **os.environ,
    "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
    "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "t@example.org",
    "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "t@example.org",
    "KLANTREIS_LANG": "en",
}  # fmt: skip


def git(repo: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(["git", *args], cwd=repo, env=ENV, capture_output=True, text=True, check=False)
    if check and done.returncode != 0:
        raise AssertionError(f"git {' '.join(args)}: {done.stdout}{done.stderr}")
    return done


def klantreis(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / "klantreis"), *args], cwd=repo, env=ENV, capture_output=True, text=True, check=False
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    git(tmp_path, "init", "-q", "-b", "main")
    save(build_small_journey(), tmp_path / "reis.yaml")
    (tmp_path / "other.yaml").write_text("a: 1\nb: 2\nc: 3\nd: 4\ne: 5\n", encoding="utf-8")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "start")
    return tmp_path


def on_branch(repo: Path, branch: str, change: Callable[[Journey], None]) -> None:
    git(repo, "checkout", "-q", "-b", branch, "main")
    journey = load(repo / "reis.yaml")
    change(journey)
    save(journey, repo / "reis.yaml")
    git(repo, "commit", "-q", "-am", branch)


def anna(j: Journey) -> None:
    j.add_touchpoint("chat", "toerist", "huren", "Chatten over een kinderzitje", emotion=2, channel="Chat")
    j.update_touchpoint("website", "toerist", why="Prijzen staan er niet op / pas na 3–5 klikken")


def bram(j: Journey) -> None:
    j.add_touchpoint("sms", "toerist", "huren", "Sms'je: fiets staat klaar 🚲", emotion=5, channel="Sms")
    j.update_touchpoint("inleveren", "toerist", emotion=3)


def two_branches(repo: Path, first: Callable[[Journey], None], second: Callable[[Journey], None]) -> None:
    on_branch(repo, "anna", first)
    on_branch(repo, "bram", second)
    git(repo, "checkout", "-q", "anna")


def test_without_the_driver_git_stops_on_two_added_touchpoints(repo: Path) -> None:
    two_branches(repo, anna, bram)
    assert git(repo, "merge", "-q", "bram", check=False).returncode != 0


def test_with_the_driver_both_touchpoints_and_both_edits_are_kept(repo: Path) -> None:
    setup = klantreis(repo, "git-setup")
    assert setup.returncode == 0, setup.stderr
    git(repo, "add", ".gitattributes")
    git(repo, "commit", "-q", "-m", "driver")
    two_branches(repo, anna, bram)
    merged = git(repo, "merge", "-q", "--no-edit", "bram", check=False)
    assert merged.returncode == 0, merged.stdout + merged.stderr
    journey = load(repo / "reis.yaml")
    tps = journey.touchpoints.set_index("id")
    toerist = journey.journey("toerist")
    assert {"chat", "sms"} <= set(toerist["id"])
    assert tps.loc["website"]["why"] == "Prijzen staan er niet op / pas na 3–5 klikken"
    assert int(toerist.set_index("id").loc["inleveren"]["emotion"]) == 3
    assert (repo / "reis.yaml").read_text(encoding="utf-8") == dumps(journey)  # canonical text
    assert git(repo, "status", "--porcelain").stdout == ""


def test_the_same_field_changed_on_both_sides_is_a_conflict_validate_locates(repo: Path) -> None:
    klantreis(repo, "git-setup")
    git(repo, "add", ".gitattributes")
    git(repo, "commit", "-q", "-m", "driver")
    two_branches(
        repo,
        lambda j: (anna(j), j.update_touchpoint("balie", "toerist", emotion=1)),  # type: ignore[func-returns-value]
        lambda j: (bram(j), j.update_touchpoint("balie", "toerist", emotion=4)),  # type: ignore[func-returns-value]
    )
    merged = git(repo, "merge", "-q", "--no-edit", "bram", check=False)
    assert merged.returncode != 0
    assert "touchpoints[balie@toerist/current].emotion" in merged.stdout + merged.stderr
    text = (repo / "reis.yaml").read_text(encoding="utf-8")
    (block,) = find_conflicts(text)
    assert block.ours == ["    emotion: 1"] and block.theirs == ["    emotion: 4"]
    assert "chat" in text and "sms" in text  # the clean parts are merged already
    checked = klantreis(repo, "validate", "reis.yaml", "--language", "en")
    assert checked.returncode == 1
    assert f"reis.yaml:{block.line}:" in checked.stderr
    assert "touchpoints[balie@toerist/current]" in checked.stderr
    assert "`emotion: 1`" in checked.stderr and "`emotion: 4`" in checked.stderr
    assert "YAML" not in checked.stderr
    lines = text.splitlines(keepends=True)  # resolve: keep theirs
    start = block.line - 1
    resolved = lines[:start] + lines[start + 3 : start + 4] + lines[start + 5 :]
    (repo / "reis.yaml").write_text("".join(resolved), encoding="utf-8")
    assert int(load(repo / "reis.yaml").journey("toerist").set_index("id").loc["balie"]["emotion"]) == 4


def test_a_yaml_file_that_is_no_project_still_merges_as_text(repo: Path) -> None:
    klantreis(repo, "git-setup")
    git(repo, "add", ".gitattributes")
    git(repo, "commit", "-q", "-m", "driver")
    for branch, old, new in (("x", "a: 1", "a: 10"), ("y", "e: 5", "e: 50")):
        git(repo, "checkout", "-q", "-b", branch, "main")
        path = repo / "other.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
        git(repo, "commit", "-q", "-am", branch)
    merged = git(repo, "merge", "-q", "--no-edit", "x", check=False)
    assert merged.returncode == 0, merged.stderr
    assert (repo / "other.yaml").read_text(encoding="utf-8") == "a: 10\nb: 2\nc: 3\nd: 4\ne: 50\n"


def test_git_setup_writes_config_and_attributes_once(repo: Path) -> None:
    for _ in range(2):
        assert klantreis(repo, "git-setup", "--pattern", "reizen/*.yaml").returncode == 0
    driver = git(repo, "config", "merge.klantreis.driver").stdout.strip()
    assert driver == "klantreis merge-driver %O %A %B %P"
    assert (repo / ".gitattributes").read_text(encoding="utf-8") == "reizen/*.yaml merge=klantreis\n"


def test_git_setup_outside_a_repository_says_so(tmp_path: Path) -> None:
    done = klantreis(tmp_path, "git-setup")
    assert done.returncode == 1
    assert "not (inside) a git repository" in done.stderr and "Traceback" not in done.stderr


# ------------------------------------------------------------- pure pieces
def test_merge_texts_of_a_file_added_on_both_sides_uses_an_empty_base() -> None:
    j = build_small_journey()
    text = dumps(j)
    assert merge_texts("", text, text).text == text


def test_is_project_reads_only_the_head() -> None:
    assert is_project("# mijn reis\nklantreis: 1\ntitle: x\n")
    assert not is_project("title: x\nklantreis: 1\n")


def test_mark_wraps_only_the_lines_that_differ() -> None:
    ours = "a: 1\nb: 2\nc: 3\n"
    theirs = "a: 1\nb: 20\nc: 3\n"
    assert mark(ours, theirs) == "a: 1\n<<<<<<< ours\nb: 2\n=======\nb: 20\n>>>>>>> theirs\nc: 3\n"
    assert mark(ours, ours) == ours


def test_a_conflict_in_the_title_names_the_field_and_an_unclosed_block_is_reported(problems_of) -> None:
    text = dumps(build_small_journey())
    marked = mark(text, text.replace("title: Fietsverhuur De Spaak", "title: 'Fietsverhuur </script> & co'"))
    (problem,) = problems_of(marked)
    assert problem.line == 2 and "title" in problem.text("en") and "</script> & co" in problem.text("en")
    (unclosed,) = problems_of(text + "<<<<<<< ours\nx: 1\n")
    assert "does not end" in unclosed.text("en")


def test_a_record_changed_on_one_branch_and_removed_on_the_other_is_named_in_gits_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from klantreis.gitdriver import merge_driver

    base, ours, theirs = (tmp_path / n for n in ("base.yaml", "ours.yaml", "theirs.yaml"))
    save(build_small_journey(), base)
    j = build_small_journey()
    j.remove_touchpoint("app", "toerist")
    save(j, ours)
    j = build_small_journey()
    j.update_touchpoint("app", "toerist", why="Te veel stappen")
    save(j, theirs)
    assert merge_driver(base, ours, theirs, "reis.yaml") == 1
    assert "touchpoints[app@toerist/current] (changed on theirs, removed on ours)" in capsys.readouterr().err
    (block,) = find_conflicts(ours.read_text(encoding="utf-8"))
    assert block.ours == [] and "    why: Te veel stappen" in block.theirs
