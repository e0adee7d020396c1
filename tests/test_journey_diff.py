"""``klantreis diff OLD NEW``: what changed record by record, its exit codes like
``diff``'s, ``--json``, and the same as git's diff driver."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from klantreis import save
from klantreis.cli import main
from klantreis.fileformat import from_dict, to_dict
from klantreis.journeydiff import diff
from tests.conftest import build_small_journey
from tests.test_git_merge import ENV, git, klantreis


def versions(tmp_path: Path) -> tuple[Path, Path]:
    old, new = tmp_path / "oud.yaml", tmp_path / "nieuw.yaml"
    save(build_small_journey(), old)
    j = build_small_journey()
    j.update_touchpoint("balie", "toerist", emotion=4, why="Geen rij meer </script>")
    j.remove_touchpoint("app", "toerist")
    j.add_touchpoint("chat", "toerist", "huren", "Chatten over een kinderzitje", emotion=3)
    j.update_opportunity("o1", impact=5)
    j.set_title("Fietsverhuur De Spaak – 2027")
    save(j, new)
    return old, new


def test_changes_are_listed_per_persona_and_scenario_with_the_emotion_delta(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = versions(tmp_path)
    assert main(["diff", str(old), str(new)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[:2] == ["project:", "    title: 'Fietsverhuur De Spaak' → 'Fietsverhuur De Spaak – 2027'"]
    group = out[out.index("toerist / current:") :]
    assert "  - touchpoint app (App installeren)" in group
    assert "  + touchpoint chat (Chatten over een kinderzitje)" in group
    assert "    emotion: 2 → 4 (+2)" in group
    assert "    why: 'Lange rij 😩' → 'Geen rij meer </script>'" in group
    assert "    impact: 4 → 5" in out
    assert main(["diff", str(old), str(old)]) == 0
    assert capsys.readouterr().out.strip() == "geen verschil"


def test_json_for_tools(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old, new = versions(tmp_path)
    assert main(["diff", str(old), str(new), "--json"]) == 1
    changes = json.loads(capsys.readouterr().out)
    kinds = {(c["kind"], c["record"]) for c in changes}
    assert ("added", "touchpoints[chat@toerist/current]") in kinds
    assert ("removed", "touchpoints[app@toerist/current]") in kinds
    balie = next(c for c in changes if c["record"] == "touchpoints[balie@toerist/current]")
    assert {"field": "emotion", "old": 2, "new": 4} in balie["fields"]


def test_a_moved_touchpoint_is_named_as_moved() -> None:
    data = to_dict(build_small_journey())
    moved = dict(data, touchpoints=[data["touchpoints"][1], data["touchpoints"][0], *data["touchpoints"][2:]])
    from_dict(moved)  # still a valid project
    changes = diff(data, moved)
    assert [c.kind for c in changes] == ["moved"] and changes[0].key[0] in ("website", "balie")


def test_an_invalid_file_is_exit_2_with_its_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old, _ = versions(tmp_path)
    bad = tmp_path / "kapot.yaml"
    bad.write_text("klantreis: 1\ntitle: [\n", encoding="utf-8")
    assert main(["diff", str(old), str(bad)]) == 2
    assert "kapot.yaml:3: dit is geen geldige YAML" in capsys.readouterr().err


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_git_diff_uses_it_after_git_setup_with_diff(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q", "-b", "main")
    old, new = versions(tmp_path)
    (tmp_path / "plain.yaml").write_text("a: 1\n", encoding="utf-8")
    git(tmp_path, "add", "oud.yaml", "plain.yaml")
    git(tmp_path, "commit", "-q", "-m", "start")
    assert klantreis(tmp_path, "git-setup", "--diff").returncode == 0
    assert (tmp_path / ".gitattributes").read_text(
        encoding="utf-8"
    ) == "*.yaml merge=klantreis diff=klantreis\n"
    shutil.copy(new, old)
    (tmp_path / "plain.yaml").write_text("a: 2\n", encoding="utf-8")
    shown = subprocess.run(
        ["git", "diff"], cwd=tmp_path, env=ENV, capture_output=True, text=True, check=False
    )
    assert shown.returncode == 0, shown.stderr
    assert "klantreis diff oud.yaml" in shown.stdout and "emotion: 2 → 4 (+2)" in shown.stdout
    assert "-a: 1\n+a: 2" in shown.stdout  # a YAML file that is no project: a line diff
