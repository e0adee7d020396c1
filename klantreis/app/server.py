"""The app-mode server: Voilà serving the workbook's step notebooks (each browser tab
its own kernel; no code, no kernel menu), plus klantreis's own start page and wall.

Run by ``klantreis app`` / ``klantreis wall`` as a child process
(``python -m klantreis.app.server app|wall PROJECT --port N --host H``); the token or
password hash comes in through the environment (see :mod:`klantreis.app.access`).
In ``wall`` mode only the wall (and the login page) is served.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from pathlib import Path
from typing import Any

from tornado import web
from tornado.ioloop import IOLoop
from traitlets.config import Config
from voila.app import Voila
from voila.tornado.kernel_websocket_handler import VoilaKernelWebsocketHandler

from ..messages import current_language
from ..resources import data_dir
from ..widgets.start import PROJECT_ENV
from ..widgets.texts import tr
from ..workshop_size import DEFAULT_PARTICIPANTS
from .access import PASSWORD_ENV, TOKEN_ENV, is_local, share_urls
from .handlers import routes
from .pages import NAV_CSS, nav_bar, step_notebooks
from .texts import TEXTS

SHARE = Path(__file__).resolve().parent / "share"
TEMPLATE = "klantreis"
#: Seconds between the server's keep-alive pings on each page's kernel connection
#: (an environment variable, so a test can make it short).
PING_ENV = "KLANTREIS_PING_SECONDS"
PING_SECONDS = 30.0
#: How many ping intervals a connection may stay silent before the server closes it.
PING_PATIENCE = 3
#: Seconds a page's kernel may run without any connection and without doing anything
#: before the server stops it (a tab closed without saying so, e.g. a shut laptop).
CULL_ENV = "KLANTREIS_CULL_SECONDS"
CULL_SECONDS = 300
#: How long the server waits for a step's output after its kernel said the step ran.
#: The output (the form) is read from the kernel's stream only as fast as a busy server
#: gets to it: with ten pages opening on a two-core laptop, nbclient's default of 4 s
#: ran out and a page came up without its form, for good.
OUTPUT_WAIT_SECONDS = 120
#: Voilà's own routes a wall-only server keeps: logging in, and the login page's styles.
_WALL_KEEPS = ("/login", "/logout", "/voila/static/")


class KernelSocket(VoilaKernelWebsocketHandler):
    """A page's connection to its kernel, kept alive by jupyter_server's pings only.

    tornado reads the same ``ping_interval``/``ping_timeout`` as jupyter_server does,
    but as seconds (jupyter_server means milliseconds), and warns in the log that the
    timeout may not exceed the interval; its own pinging is left off here."""

    def get_websocket_protocol(self) -> Any:
        """tornado's protocol without tornado's keep-alive (see the class text)."""
        protocol = super().get_websocket_protocol()
        params = getattr(protocol, "params", None)
        if params is not None:
            params.ping_interval = params.ping_timeout = None
        return protocol


class KlantreisServer(Voila):
    """Voilà with klantreis's pages and a check on every step page it renders."""

    def __init__(self, *, project: Path, mode: str = "app", **kwargs: Any):
        super().__init__(**kwargs)
        self.project = project
        self.mode = mode
        self.notebooks: dict[str, str] = {}

    def initialize(self, argv: list[str] | None = None) -> None:
        """Voilà's start-up, then the hook that prepares each step page."""
        super().initialize(argv)
        self.notebooks = step_notebooks(Path(self.root_dir))
        self.voila_configuration.prelaunch_hook = self.prepare_page
        signal.signal(signal.SIGHUP, self._handle_signal_stop)

    def init_settings(self) -> dict[str, Any]:
        """Voilà's settings plus what klantreis's pages need."""
        settings = super().init_settings()
        settings["klantreis_project"] = str(self.project)
        settings["klantreis_notebooks"] = self.notebooks
        settings.update(ping_settings())
        return settings

    def init_handlers(self) -> list[Any]:
        """klantreis's pages first (so ``/`` is the start page or the wall), then
        Voilà's; a wall-only server drops Voilà's notebook and kernel routes."""
        handlers = super().init_handlers()
        wall_only = self.mode == "wall"
        if wall_only:
            handlers = [h for h in handlers if any(k in h[0] for k in _WALL_KEEPS)]
        socket = VoilaKernelWebsocketHandler
        handlers = [(h[0], KernelSocket, *h[2:]) if h[1] is socket else h for h in handlers]
        return [*routes(self.server_url, wall_only=wall_only), *handlers]

    def prepare_page(self, handler: web.RequestHandler, notebook: Any, cwd: str) -> Any:
        """Before a step page runs: only step notebooks, only once the project exists
        (else back to the start page), no Markdown cells (their text is for
        JupyterLab), the page in the project's language with the navigation bar.
        Also sets the ``_xsrf`` cookie: without it the request Voilà's page sends
        when it closes is refused, and its kernel would keep running."""
        from .. import load
        from ..errors import JourneyError

        _ = handler.xsrf_token  # sets the _xsrf cookie (see above)
        name = Path(handler.request.path).name
        step = next((s for s, nb in self.notebooks.items() if nb == name), None)
        if step is None:
            raise web.HTTPError(404)
        if not self.project.exists():
            handler.redirect(self.base_url)
            raise web.Finish()
        notebook.cells = [cell for cell in notebook.cells if cell.cell_type == "code"]
        try:
            journey = load(self.project)
        except JourneyError:
            return notebook  # the step's form explains what is wrong with the file
        notebook.metadata["title"] = f"{tr('step_' + step, journey.language)} – {journey.title}"
        notebook.metadata["klantreis"] = {
            "language": journey.language,
            "nav": nav_bar(journey, self.base_url, self.notebooks, step),
            "css": NAV_CSS,
        }
        return notebook

    def start(self) -> None:
        """Say where to open it once the server listens, warm kernels, then serve."""
        IOLoop.current().add_callback(self._announce)
        if self.mode == "app":
            IOLoop.current().add_callback(self._warm_kernels)
        super().start()

    def _warm_kernels(self) -> None:
        fill = getattr(self.kernel_manager, "fill", None)
        if fill is not None:
            fill()

    def _announce(self) -> None:
        language = current_language()
        token = self.token or ""
        urls = share_urls(self.ip, self.port, self.base_url, token)
        print(TEXTS.text("open_at", language, mode=self.mode, url=urls[0]), flush=True)
        for url in urls[1:]:
            print(TEXTS.text("network_at", language, url=url), flush=True)
        if not is_local(self.ip) and len(urls) == 1 and self.ip in ("0.0.0.0", "::", ""):
            print(TEXTS.text("network_unknown", language), flush=True)
        print(TEXTS.text("stop_hint", language), flush=True)


def ping_settings(environ: dict[str, str] | None = None) -> dict[str, int]:
    """jupyter_server's keep-alive settings (milliseconds) for the kernel connections.

    At every ping the server closes a connection whose last answer (pong) is older
    than the timeout. The first answer can only come after the first ping, so a
    timeout as long as the interval closed every healthy connection at its first
    check (every tab reconnected each 30 s). The timeout is ``PING_PATIENCE``
    intervals: only a connection that missed several pings in a row is closed."""
    seconds = _seconds((os.environ if environ is None else environ).get(PING_ENV, ""), PING_SECONDS)
    interval = max(1, round(1000 * seconds))
    return {"ws_ping_interval": interval, "ws_ping_timeout": PING_PATIENCE * interval}


def _seconds(text: str, default: float) -> float:
    """A positive number of seconds from an environment variable, else ``default``."""
    try:
        seconds = float(text) if text else default
    except ValueError:
        return default
    return seconds if seconds > 0 else default


def server_config(
    host: str, port: int, *, open_browser: bool = False, participants: int = DEFAULT_PARTICIPANTS
) -> Config:
    """Voilà's settings for app mode: our template, light theme, one fixed port
    (no silent move to another one), only errors in the log, a warm kernel ready for
    each of ``participants`` (see :mod:`klantreis.app.kernels`), talking over Unix
    sockets (named after each kernel's own connection file, so kernels started at the
    same moment never share one), patience for a busy server's step output, token or
    password from the environment."""
    config = Config()
    config.KernelManager.transport = "ipc"
    config.Voila.ip = host
    config.Voila.port = port
    config.Voila.port_retries = 0
    config.Voila.open_browser = open_browser
    config.Voila.log_level = "ERROR"
    config.VoilaConfiguration.template = TEMPLATE
    config.VoilaConfiguration.multi_kernel_manager_class = "klantreis.app.kernels.WarmKernelManager"
    cull = _seconds(os.environ.get(CULL_ENV, ""), CULL_SECONDS)
    config.WarmKernelManager.cull_idle_timeout = max(1, round(cull))
    config.WarmKernelManager.cull_interval = max(1, min(60, round(cull / 2)))
    config.WarmKernelManager.cull_connected = False
    config.WarmKernelManager.warm_kernels = max(0, participants)
    config.VoilaExecutor.iopub_timeout = OUTPUT_WAIT_SECONDS
    config.VoilaConfiguration.theme = "light"
    config.VoilaConfiguration.show_tracebacks = False
    token = os.environ.get(TOKEN_ENV, "")
    config.Voila.token = token or None
    password_hash = os.environ.get(PASSWORD_ENV, "")
    if password_hash:
        config.PasswordIdentityProvider.hashed_password = password_hash
    return config


def main(argv: list[str] | None = None) -> int:
    """Start the server (see the module text); returns when it stops."""
    parser = argparse.ArgumentParser(prog="python -m klantreis.app.server")
    parser.add_argument("mode", choices=("app", "wall"))
    parser.add_argument("project", type=Path)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--host", required=True)
    parser.add_argument("--browser", action="store_true", help="open a browser on this computer")
    parser.add_argument("--participants", type=int, default=DEFAULT_PARTICIPANTS, help="warm kernels to keep")
    args = parser.parse_args(argv)
    project = args.project.expanduser().resolve()
    os.environ[PROJECT_ENV] = str(project)
    os.environ["JUPYTER_PATH"] = os.pathsep.join(
        p for p in (str(SHARE), os.environ.get("JUPYTER_PATH", "")) if p
    )
    config = server_config(args.host, args.port, open_browser=args.browser, participants=args.participants)
    server = KlantreisServer(project=project, mode=args.mode, config=config)
    server.initialize([str(data_dir("workbook"))])
    server.start()
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
