"""``klantreis lab``: start JupyterLab on the project's own copy of the workbook.

Extra command-line arguments go to JupyterLab unchanged (``--allow-root``,
``--ServerApp.ip=0.0.0.0``, ...). Any stop signal stops JupyterLab and its kernels
(see :mod:`klantreis.supervise`).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

from .messages import current_language
from .resources import data_dir
from .supervise import run_server
from .widgets.start import PROJECT_ENV, WORKDIR_ENV
from .workcopy import open_copy


def lab_command(
    *,
    port: int | None = None,
    open_browser: bool = True,
    extra_args: Sequence[str] = (),
    workbook: str | os.PathLike[str] | None = None,
) -> list[str]:
    """The command line that starts JupyterLab on ``workbook`` (default: the bundled
    workbook folder); ``extra_args`` come last, so they win over these options."""
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


def project_language(project: str | os.PathLike[str] | None) -> str:
    """The language of ``project`` when it can be read, else the default one."""
    if project and Path(project).is_file():
        from . import load

        try:
            return load(project).language
        except Exception:  # noqa: BLE001 - a broken file gets its own message later
            pass
    return current_language()


def lab(
    project: str | os.PathLike[str] | None,
    *,
    port: int | None = None,
    open_browser: bool = True,
    extra_args: Sequence[str] = (),
    refresh_workbook: bool = False,
) -> int:
    """Start JupyterLab on ``project``'s working copy of the workbook and wait until
    it stops; returns JupyterLab's exit code (0 after a stop signal)."""
    copy = open_copy(project, refresh=refresh_workbook)
    for message in copy.messages(project_language(project), str(project or "")):
        print(message, file=sys.stderr)
    command = lab_command(port=port, open_browser=open_browser, extra_args=extra_args, workbook=copy.folder)
    return run_server(command, lab_environment(project))
