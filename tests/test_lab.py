"""``klantreis.lab``: the command and environment that start JupyterLab."""

from __future__ import annotations

import sys
from pathlib import Path
from unittest import mock

import pytest

from klantreis import lab as lab_module
from klantreis.cli import main
from klantreis.resources import data_dir


def test_command_opens_the_workbook_folder() -> None:
    command = lab_module.lab_command(port=8899, open_browser=False, extra_args=["--debug"])
    assert command[:3] == [sys.executable, "-m", "jupyterlab"]
    assert f"--notebook-dir={data_dir('workbook')}" in command
    assert command[-3:] == ["--port=8899", "--no-browser", "--debug"]


def test_environment_names_the_absolute_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    env = lab_module.lab_environment("mijnreis.yaml")
    assert env["KLANTREIS_PROJECT"] == str(tmp_path / "mijnreis.yaml")
    assert env["KLANTREIS_WORKDIR"] == str(tmp_path)
    monkeypatch.setenv("KLANTREIS_PROJECT", "old.yaml")
    assert "KLANTREIS_PROJECT" not in lab_module.lab_environment(None)


def test_lab_opens_the_projects_own_copy_and_returns_the_exit_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    started: dict[str, object] = {}

    def fake_run_server(command: list[str], env: dict[str, str]) -> int:
        started.update(command=command, env=env)
        return 3

    monkeypatch.setattr(lab_module, "run_server", fake_run_server)
    project = tmp_path / "reis.yaml"
    assert lab_module.lab(project, open_browser=False, extra_args=["--allow-root"]) == 3
    command = started["command"]
    assert f"--notebook-dir={tmp_path / 'reis-werkmap'}" in command  # type: ignore[operator]
    assert command[-2:] == ["--no-browser", "--allow-root"]  # type: ignore[index]
    assert started["env"]["KLANTREIS_PROJECT"] == str(project)  # type: ignore[index]
    assert (tmp_path / "reis-werkmap" / "06_emoties.ipynb").is_file()
    assert "Werkmap gemaakt" in capsys.readouterr().err


@mock.patch("klantreis.lab.lab", return_value=0)
def test_cli_passes_unknown_arguments_to_jupyterlab(lab: mock.Mock) -> None:
    assert main(["lab", "p.yaml", "--allow-root", "--ServerApp.ip=0.0.0.0", "--no-browser"]) == 0
    lab.assert_called_once_with(
        "p.yaml",
        port=None,
        open_browser=False,
        extra_args=["--allow-root", "--ServerApp.ip=0.0.0.0"],
        refresh_workbook=False,
    )
    main(["lab", "--refresh-workbook", "--port", "9999"])
    assert lab.call_args.args == (None,)
    assert lab.call_args.kwargs["refresh_workbook"] is True and lab.call_args.kwargs["port"] == 9999


def test_other_commands_refuse_unknown_arguments(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["validate", "p.yaml", "--allow-root"])
    assert stop.value.code == 2
    assert "onbekende optie of argument: --allow-root" in capsys.readouterr().err


def test_idle_kernels_are_culled_unless_the_user_says_otherwise() -> None:
    command = lab_module.lab_command(extra_args=["--MappingKernelManager.cull_idle_timeout=0"])
    assert "--MappingKernelManager.cull_idle_timeout=1800" in command
    assert "--MappingKernelManager.cull_connected=True" in command  # also kernels of open tabs
    # the user's option comes later, so JupyterLab takes it
    assert command.index("--MappingKernelManager.cull_idle_timeout=0") > command.index(
        "--MappingKernelManager.cull_idle_timeout=1800"
    )
