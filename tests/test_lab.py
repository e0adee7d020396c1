"""``klantreis.lab``: the command and environment that start JupyterLab."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from klantreis import lab as lab_module
from klantreis.resources import data_dir


def test_command_opens_the_workbook_folder() -> None:
    command = lab_module.lab_command(port=8899, open_browser=False, extra_args=["--debug"])
    assert command[:3] == [sys.executable, "-m", "jupyterlab"]
    assert f"--notebook-dir={data_dir('workbook')}" in command
    assert command[-3:] == ["--port=8899", "--no-browser", "--debug"]


def test_environment_names_the_absolute_project(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    env = lab_module.lab_environment("mijnreis.yaml")
    assert env["KLANTREIS_PROJECT"] == str(tmp_path / "mijnreis.yaml")
    assert env["KLANTREIS_WORKDIR"] == str(tmp_path)
    monkeypatch.setenv("KLANTREIS_PROJECT", "old.yaml")
    assert "KLANTREIS_PROJECT" not in lab_module.lab_environment(None)


def test_lab_returns_the_exit_code(monkeypatch: pytest.MonkeyPatch) -> None:
    started: dict[str, object] = {}

    class FakeProcess:
        def __init__(self, command: list[str], env: dict[str, str]):
            started.update(command=command, env=env)

        def wait(self) -> int:
            return 3

    monkeypatch.setattr(lab_module.subprocess, "Popen", FakeProcess)
    assert lab_module.lab("reis.yaml", open_browser=False) == 3
    assert "--no-browser" in started["command"]  # type: ignore[operator]
    assert str(started["env"]["KLANTREIS_PROJECT"]).endswith("reis.yaml")  # type: ignore[index]
