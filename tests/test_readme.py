"""The README's Python examples run as written, in a folder holding the examples."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BLOCKS = re.findall(r"```python\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)


def test_the_readme_has_python_examples() -> None:
    assert len(BLOCKS) >= 2


@pytest.mark.slow
@pytest.mark.parametrize("index", range(len(BLOCKS)))
def test_readme_python_block_runs(
    index: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    exec(compile(BLOCKS[index], f"README.md python block {index + 1}", "exec"), {})
    if "remove_phase" in BLOCKS[index]:
        assert "heeft nog" in capsys.readouterr().out
        assert (tmp_path / "mijnreis.yaml").is_file()
        assert (tmp_path / "rapport" / "index.html").is_file()


def test_the_readme_shows_the_dutch_help_of_build_as_it_is(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from klantreis.cli import main

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = re.search(r"`klantreis build --help`:\n\n```text\n(.*?)```", readme, re.S)
    assert shown, "the README's CLI section shows `klantreis build --help`"
    monkeypatch.setenv("COLUMNS", "88")
    monkeypatch.delenv("KLANTREIS_LANG", raising=False)
    with pytest.raises(SystemExit):
        main(["build", "--help"])
    assert shown.group(1) == capsys.readouterr().out
    assert shown.group(1).startswith("gebruik: klantreis build")
