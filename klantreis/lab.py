"""``klantreis lab``: start JupyterLab on the workbook with a project chosen."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from .resources import data_dir
from .widgets.start import PROJECT_ENV, WORKDIR_ENV


def lab_command(
    *,
    port: int | None = None,
    open_browser: bool = True,
    extra_args: Sequence[str] = (),
    workbook: str | os.PathLike[str] | None = None,
) -> list[str]:
    """The command line that starts JupyterLab on the workbook folder (or ``workbook``)."""
    folder = workbook or data_dir("workbook")
    command = [sys.executable, "-m", "jupyterlab", f"--notebook-dir={folder}"]
    if port is not None:
        command.append(f"--port={port}")
    if not open_browser:
        command.append("--no-browser")
    return [*command, *extra_args]


def lab_environment(project: str | os.PathLike[str] | None) -> dict[str, str]:
    """The environment for JupyterLab: ``KLANTREIS_PROJECT`` is the absolute project
    path (the file may not exist yet: 00_start creates it), ``KLANTREIS_WORKDIR`` the
    current folder, for relative paths typed in 00_start."""
    env = dict(os.environ)
    env[WORKDIR_ENV] = os.getcwd()
    if project:
        env[PROJECT_ENV] = str(Path(project).expanduser().resolve())
    else:
        env.pop(PROJECT_ENV, None)
    return env


def lab(
    project: str | os.PathLike[str] | None,
    *,
    port: int | None = None,
    open_browser: bool = True,
    extra_args: Sequence[str] = (),
) -> int:
    """Start JupyterLab on the workbook with ``project`` and wait until it stops;
    returns JupyterLab's exit code (0 after a normal shutdown or Ctrl-C)."""
    command = lab_command(port=port, open_browser=open_browser, extra_args=extra_args)
    process = subprocess.Popen(command, env=lab_environment(project))
    try:
        return process.wait()
    except KeyboardInterrupt:
        process.terminate()
        process.wait()
        return 0
