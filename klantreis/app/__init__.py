"""App mode: the workbook as a web app for a workshop (``klantreis app``), and the
wall (``klantreis wall``). Both run :mod:`klantreis.app.server` as a child process
that any stop signal stops with all its kernels (see :mod:`klantreis.supervise`)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from ..errors import JourneyError
from ..lab import project_language
from ..supervise import run_server
from ..widgets.connection import APP_ENV
from ..widgets.start import PROJECT_ENV, WORKDIR_ENV
from ..workshop_size import MAX_PARTICIPANTS
from .access import DEFAULT_HOST, Access, decide_access
from .texts import TEXTS

APP_PORT = 8866
WALL_PORT = 8867


def server_command(
    mode: str, project: Path, port: int, host: str, *, open_browser: bool, participants: int | None = None
) -> list[str]:
    """The command line of the server process (``participants``: warm kernels to keep;
    the server's default when None)."""
    command = [
        sys.executable,
        "-m",
        "klantreis.app.server",
        mode,
        str(project),
        "--port",
        str(port),
        "--host",
        host,
    ]
    if participants is not None:
        command += ["--participants", str(participants)]
    return [*command, "--browser"] if open_browser else command


def serve(
    mode: str,
    project: str | os.PathLike[str],
    *,
    port: int | None = None,
    host: str = DEFAULT_HOST,
    token: str | None = None,
    password: bool = False,
    open_browser: bool = True,
    participants: int | None = None,
) -> int:
    """Serve ``project`` in ``mode`` (``app`` or ``wall``) until a stop signal; prints
    the warnings and the made-up token or password first. ``participants``: how many
    people open a page at the same moment (app mode keeps a warm kernel ready for
    each). Returns the exit code."""
    path = Path(project).expanduser().resolve()
    language = project_language(path)
    port = port if port is not None else (APP_PORT if mode == "app" else WALL_PORT)
    if not 0 < port < 65536:
        raise JourneyError(TEXTS.text("bad_port", language, port=port))
    if participants is not None and not 0 < participants <= MAX_PARTICIPANTS:
        raise JourneyError(TEXTS.text("bad_participants", language, n=participants, most=MAX_PARTICIPANTS))
    access = decide_access(host, token, password, language=language)
    for note in access.notes:
        print(note, file=sys.stderr, flush=True)
    command = server_command(mode, path, port, host, open_browser=open_browser, participants=participants)
    return run_server(command, server_environment(path, access))


def server_environment(project: Path, access: Access) -> dict[str, str]:
    """The server's environment: the project for every kernel, and the access rules."""
    env = dict(os.environ)
    env[PROJECT_ENV] = str(project)
    env[WORKDIR_ENV] = os.getcwd()
    env[APP_ENV] = "1"  # the forms' messages say "reload the page", not "run the cell"
    env.update(access.environment())
    return env
