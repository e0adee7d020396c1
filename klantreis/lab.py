"""``klantreis lab``: start JupyterLab on the project's own copy of the workbook.

Extra command-line arguments go to JupyterLab unchanged (``--ServerApp.ip=0.0.0.0``,
...). Run as root (normal in a container), it adds ``--allow-root`` itself, which
JupyterLab otherwise demands before it starts, and says so in one line. Any stop
signal stops JupyterLab and its kernels (see :mod:`klantreis.supervise`).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

from .messages import Catalog, current_language
from .resources import data_dir
from .supervise import run_server
from .widgets.start import PROJECT_ENV, WORKDIR_ENV
from .workcopy import open_copy

TEXTS = Catalog("lab", {
    "as_root": (
        "klantreis draait als root (bijvoorbeeld in een container); JupyterLab start daarom "
        "met --allow-root",
        "klantreis runs as root (for example in a container), so JupyterLab starts with "
        "--allow-root",
    ),
})  # fmt: skip

ALLOW_ROOT = "--allow-root"
#: Minutes a kernel may sit idle before JupyterLab shuts it down (``klantreis lab``).
CULL_MINUTES = 30
#: JupyterLab's own culling, so eight open step notebooks do not hold eight kernels
#: all day: a kernel idle for :data:`CULL_MINUTES` (no cell run, no click in a form),
#: even with its tab open, is shut down; its form then says the connection is gone
#: and to run the cell again (see :mod:`klantreis.widgets.connection`). Options given
#: on the command line come later and win (``--MappingKernelManager.cull_idle_timeout=0``
#: turns culling off).
CULL_ARGS = (
    f"--MappingKernelManager.cull_idle_timeout={CULL_MINUTES * 60}",
    "--MappingKernelManager.cull_interval=60",
    "--MappingKernelManager.cull_connected=True",
)


def running_as_root() -> bool:
    """True when this process runs as root (where there are users at all)."""
    return hasattr(os, "geteuid") and os.geteuid() == 0


def root_arguments(extra_args: Sequence[str], as_root: bool) -> list[str]:
    """What JupyterLab needs to start as root: ``--allow-root``, unless the user
    already passed it (in any spelling) or this is not root."""
    given = any(a.split("=")[0].lower() in (ALLOW_ROOT, "--serverapp.allow_root") for a in extra_args)
    return [ALLOW_ROOT] if as_root and not given else []


def lab_command(
    *,
    port: int | None = None,
    open_browser: bool = True,
    extra_args: Sequence[str] = (),
    workbook: str | os.PathLike[str] | None = None,
) -> list[str]:
    """The command line that starts JupyterLab on ``workbook`` (default: the bundled
    workbook folder) with idle kernels culled (:data:`CULL_ARGS`); ``extra_args``
    come last, so they win over these options."""
    folder = workbook or data_dir("workbook")
    command = [sys.executable, "-m", "jupyterlab", f"--notebook-dir={folder}", *CULL_ARGS]
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
    language = project_language(project)
    for message in copy.messages(language, str(project or "")):
        print(message, file=sys.stderr)
    root = root_arguments(extra_args, running_as_root())
    if root:
        print(TEXTS.text("as_root", language), file=sys.stderr)
    command = lab_command(
        port=port, open_browser=open_browser, extra_args=[*root, *extra_args], workbook=copy.folder
    )
    return run_server(command, lab_environment(project))
