"""Drive ``klantreis app`` in Debian's chromium as a workshop participant would.

Shared by the browser tests, ``benchmarks/bench_app.py`` and ``scripts/make_images.py``
(they put this folder on ``sys.path``). The server is the real command line in a
real process; pages are found by what a person sees (labels, button texts,
placeholders), so the tests read like the workshop they stand for.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from chromium import free_port

from klantreis import load
from klantreis.coercion import missing
from klantreis.model import Journey

if TYPE_CHECKING:
    from playwright.sync_api import Locator, Page

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
STEP_NOTEBOOKS = {
    "doel": "01_doel.ipynb", "persona": "02_persona.ipynb", "scope": "03_scope.ipynb",
    "fasen": "04_fasen.ipynb", "touchpoints": "05_touchpoints.ipynb",
    "emoties": "06_emoties.ipynb", "review": "07_review.ipynb", "bewijs": "08_bewijs.ipynb",
}  # fmt: skip


def port_is_free(port: int) -> bool:
    """True when nothing listens on ``port`` on localhost."""
    with socket.socket() as sock:
        sock.settimeout(1)
        return sock.connect_ex(("127.0.0.1", port)) != 0


def klantreis_command(*args: str) -> list[str]:
    """The installed ``klantreis`` command (the one beside this Python) with ``args``."""
    script = Path(sys.executable).with_name("klantreis")
    if script.exists():
        return [str(script), *args]
    return [sys.executable, "-c", "import sys; from klantreis.cli import main; sys.exit(main())", *args]


@dataclass
class Server:
    """A running ``klantreis app``/``wall``/``lab`` process."""

    process: subprocess.Popen[bytes]
    port: int
    log: Path

    @property
    def url(self) -> str:
        """The start page's address (ends with ``/``)."""
        return f"http://127.0.0.1:{self.port}/"

    def step_url(self, step: str) -> str:
        """The address of a step page."""
        return f"{self.url}voila/render/{STEP_NOTEBOOKS[step]}"

    def stop(self, signum: int = signal.SIGTERM, timeout: float = 30) -> int:
        """Send ``signum`` to the command (as ``kill`` would) and wait until it ends."""
        if self.process.poll() is None:
            self.process.send_signal(signum)
        try:
            return self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            raise


@contextmanager
def running(
    command: str,
    project: Path,
    logs: Path,
    *options: str,
    timeout: float = 90,
    ready_path: str = "",
    env: dict[str, str] | None = None,
) -> Iterator[Server]:
    """Run ``klantreis COMMAND PROJECT --port P --no-browser OPTIONS`` until the block
    ends (``env``: more environment variables); yield once it answers HTTP at
    ``ready_path``. An app is started for two participants unless OPTIONS say how
    many (the tests open one or two pages; fewer kernels warming beside them)."""
    logs.mkdir(parents=True, exist_ok=True)
    if command == "app" and not any(o.startswith("--participants") for o in options):
        options = (*options, "--participants=2")
    port = free_port()
    args = klantreis_command(command, str(project), f"--port={port}", "--no-browser", *options)
    log = logs / f"{command}-{port}.log"
    with open(log, "wb") as out:
        process = subprocess.Popen(
            args, stdout=out, stderr=subprocess.STDOUT, cwd=project.parent, env={**os.environ, **(env or {})}
        )
    server = Server(process, port, log)
    try:
        wait_for_http(f"{server.url}{ready_path}", process, timeout, log)
        yield server
    finally:
        server.stop()


def garage_project(path: Path, last: tuple[str, str]) -> Path:
    """A Michels project at ``path``: persona Pim with two touchpoints, "Afspraak maken"
    in the first phase and ``last`` (id, name) at the counter in the last phase."""
    from klantreis.session import ProjectSession

    session = ProjectSession.create(path, "michels", "Een bezoek aan de garage", "nl")

    def fill(journey: Journey) -> None:
        journey.add_persona("pim", "Pim")
        first, final = journey.ids("phases")[0], journey.ids("phases")[-1]
        journey.add_touchpoint("afspraak", "pim", first, "Afspraak maken", channel="Telefoon")
        journey.add_touchpoint(last[0], "pim", final, last[1], channel="Balie")

    session.apply(fill)
    session.save()
    return path


def wait_for_http(url: str, process: subprocess.Popen[bytes], timeout: float, log: Path) -> None:
    """Wait until ``url`` answers (any HTTP status counts)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server stopped ({process.returncode}):\n{log.read_text()}")
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError(f"no answer from {url} within {timeout:.0f} s:\n{log.read_text()}")


def wait_for_file(
    project: Path, check: Callable[[Journey], Any], timeout: float = 20, what: str = ""
) -> Journey:
    """Read the project file until ``check(journey)`` is true; return that journey."""
    deadline = time.monotonic() + timeout
    journey: Journey | None = None
    while True:
        try:
            journey = load(project)
            if check(journey):
                return journey
        except (OSError, ValueError):
            pass
        if time.monotonic() > deadline:
            raise AssertionError(f"the project file never showed {what or check}")
        time.sleep(0.1)


# ------------------------------------------------------------------ browser
class Watch:
    """What a page did that it should not: dialogs (``alert``) and requests that left
    this computer."""

    def __init__(self) -> None:
        self.dialogs: list[str] = []
        self.outside: list[str] = []

    def page(self, page: Page) -> Page:
        """Watch ``page``; returns it."""

        def dialog(d: Any) -> None:
            self.dialogs.append(d.message)
            d.dismiss()

        page.on("dialog", dialog)
        page.on(
            "request",
            lambda r: (
                None
                if r.url.startswith(("http://127.0.0.1", "data:", "blob:", "file:", "ws://127.0.0.1"))
                else self.outside.append(r.url)
            ),
        )
        return page


def wait_usable(page: Page, timeout: float = 60) -> None:
    """Wait until Voilà has run the step and its form's buttons are on screen."""
    page.wait_for_selector("#rendered_cells", state="visible", timeout=timeout * 1000)
    page.locator(".widget-button").first.wait_for(state="visible", timeout=timeout * 1000)


def open_step(page: Page, server: Server, step: str) -> None:
    """Open a step page and wait until its form can be used."""
    page.goto(server.step_url(step))
    wait_usable(page)


def commit_text(field: Locator, text: str) -> None:
    """Type ``text`` into a field and leave it (that commits it, as for a person)."""
    field.fill(text)
    field.blur()


def add_item(page: Page, placeholder: str, name: str, button: str = "Toevoegen") -> None:
    """Type a name into a list editor's "new" field and press its add button, then wait
    (up to 20 s) until the form has emptied the field, as a person sees it empty before
    typing the next name: the field is sent when it is left, so a name typed before the
    kernel emptied it would be emptied too."""
    field = page.get_by_placeholder(placeholder, exact=True)
    field.fill(name)
    row = page.locator(".widget-hbox", has=field).last
    row.get_by_role("button", name=button).click()
    deadline = time.monotonic() + 20
    while field.input_value() and time.monotonic() < deadline:
        time.sleep(0.05)


def choose(page: Page, label: str, option: str) -> None:
    """Pick ``option`` (its visible text) in the first dropdown labelled ``label``."""
    page.get_by_label(label, exact=True).first.select_option(label=option)


_OPTIONS = (
    "t => [...document.querySelectorAll('option')]"
    ".filter(o => o.textContent.replace(/[\\u00a0\\u2003]/g, ' ').includes(t)).length"
)


def options_with(page: Page, text: str, timeout: float = 10) -> int:
    """How many list or dropdown entries show ``text`` (ipywidgets writes spaces in
    them as non-breaking spaces), once there is at least one."""
    page.wait_for_function(f"t => ({_OPTIONS})(t) > 0", arg=text, timeout=timeout * 1000)
    return int(page.evaluate(_OPTIONS, text))


#: The smiley buttons of one touchpoint.
SMILEYS = ".kr-smileys"


def choose_new_phase(page: Page, phase: str) -> None:
    """Pick the phase a new touchpoint goes to (the "in fase" picker next to the add
    button, or the phase filter of older versions of the form)."""
    picker = page.get_by_label("in fase", exact=True)
    if picker.count():
        picker.first.select_option(label=phase)
    else:
        choose(page, "Fase", phase)


def emotion_row(page: Page, name: str) -> Locator:
    """The emoties step's block of one touchpoint (found by its name)."""
    return page.locator(".kr-row", has=page.locator(".kr-head", has_text=name)).last


def click_smiley(page: Page, name: str, label: str) -> None:
    """Click the smiley ``label`` (e.g. "tevreden") of touchpoint ``name``."""
    emotion_row(page, name).locator("button", has_text=label).click()


def stored_touchpoint(journey: Journey, key: str, by: str = "id") -> dict[str, Any]:
    """The stored values of the touchpoint whose ``by`` (id, name) is ``key``, as plain
    Python values (None where nothing is filled in)."""
    row = journey.touchpoints.set_index(by).loc[key]
    out: dict[str, Any] = {}
    for name, value in row.items():
        if missing(value):
            value = None
        elif hasattr(value, "item"):  # a numpy scalar, e.g. numpy.bool_
            value = value.item()
        out[str(name)] = value
    return out


def stored_value(journey: Journey, key: tuple[str, str, str], field: str) -> Any:
    """The stored value of ``field`` of the touchpoint ``key`` (id, persona, scenario),
    None where nothing is filled in."""
    frame = journey.touchpoints
    rows = frame[(frame["id"] == key[0]) & (frame["persona"] == key[1]) & (frame["scenario"] == key[2])]
    value = rows.iloc[0][field]
    if isinstance(value, str | dict | list):
        return value
    if missing(value):
        return None
    return value.item() if hasattr(value, "item") else value


class FileWatcher(threading.Thread):
    """Reads the project file over and over; ``seen`` holds, per (touchpoint id,
    field), each value in the order the file held them (set ``stopping`` to end)."""

    def __init__(self, path: Path):
        super().__init__(daemon=True)
        self.path = path
        self.seen: dict[tuple[str, str], list[Any]] = {}
        self.reads = 0
        self.stopping = threading.Event()

    def run(self) -> None:
        last = ""
        while not self.stopping.is_set():
            try:
                text = self.path.read_text(encoding="utf-8")
            except OSError:
                continue
            if text != last:
                last = text
                self.reads += 1
                for tp in yaml.load(text, Loader=_LOADER).get("touchpoints") or []:
                    for field in ("emotion", "why"):
                        values = self.seen.setdefault((tp["id"], field), [])
                        value = tp.get(field)
                        if not values or values[-1] != value:
                            values.append(value)
            time.sleep(0.01)


def went_back(intended: list[Any], seen: list[Any]) -> str:
    """Where the file went back to an older value than one it already held: the values
    seen must follow the order they were set in (skipping some is fine)."""
    at = 0
    for value in seen:
        later = [i for i in range(at, len(intended)) if intended[i] == value]
        if not later:
            return f"{value!r} came back after {intended[at]!r} (set in order: {intended})"
        at = later[0]
    return ""


def shot(page: Page, folder: Path | None, name: str) -> None:
    """A full-page screenshot ``folder/name.png`` (nothing when ``folder`` is None);
    patient, as a full page on a loaded machine took longer than Playwright's 30 s."""
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(folder / f"{name}.png"), full_page=True, timeout=120_000)


@contextmanager
def shots_on_failure(folder: Path, pages: dict[str, Page]) -> Iterator[None]:
    """On an error inside the block, a screenshot of every page (``failure-NAME.png``)."""
    try:
        yield
    except BaseException:
        for name, page in pages.items():
            with suppress(Exception):  # the original error matters more
                shot(page, folder, f"failure-{name}")
        raise


def kernels_below(pid: int) -> list[int]:
    """The kernel processes running below process ``pid`` now."""
    from klantreis.supervise import descendants

    found = []
    for child in descendants(pid):
        try:
            if b"ipykernel" in Path(f"/proc/{child}/cmdline").read_bytes():
                found.append(child)
        except OSError:
            continue
    return running_pids(found)


def wait_for_kernels(pid: int, at_most: int, timeout: float = 15) -> int:
    """The number of kernels below ``pid`` once it is at most ``at_most`` (or when
    ``timeout`` seconds have passed)."""
    deadline = time.monotonic() + timeout
    while len(kernels := kernels_below(pid)) > at_most and time.monotonic() < deadline:
        time.sleep(0.2)
    return len(kernels)


def running_pids(pids: list[int]) -> list[int]:
    """Those of ``pids`` that still run (zombies do not count)."""
    alive = []
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            alive.append(pid)
    return alive
