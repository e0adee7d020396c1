"""A step page's connection to its kernel holds while the participant does nothing.

The server pings every page's kernel connection and closes one that stops answering.
With a timeout as long as the ping interval it closed every healthy connection at its
first check, and every tab reconnected each 30 s. Here the interval is one second
(``KLANTREIS_PING_SECONDS``), so a few seconds idle cover several pings; the page
must keep its one connection, and the server log must not mention a ping timeout.
"""

from __future__ import annotations

import os
import shutil
import signal
import time
import urllib.request
from contextlib import suppress
from pathlib import Path

import pytest
from app_driver import (
    click_smiley,
    commit_text,
    emotion_row,
    garage_project,
    kernels_below,
    open_step,
    running,
    stored_touchpoint,
    stored_value,
    wait_for_file,
)
from chromium import launch

from klantreis import load
from klantreis.app.server import PING_ENV

pytestmark = [pytest.mark.browser, pytest.mark.slow]

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "sportschool.yaml"
PING_SECONDS = 1.0
IDLE_PINGS = 6


def test_an_idle_page_keeps_its_connection(tmp_path: Path) -> None:
    from playwright.sync_api import WebSocket, sync_playwright

    project = Path(shutil.copy(EXAMPLE, tmp_path / "sportschool.yaml"))
    env = {PING_ENV: str(PING_SECONDS)}
    with running("app", project, tmp_path / "logs", env=env) as server, sync_playwright() as pw:
        browser = launch(pw)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.set_default_timeout(60_000)
            opened: list[str] = []
            closed: list[str] = []

            def kernel_socket(ws: WebSocket) -> None:
                if "/api/kernels/" in ws.url:
                    opened.append(ws.url)
                    ws.on("close", lambda _: closed.append(ws.url))

            page.on("websocket", kernel_socket)
            open_step(page, server, "emoties")
            assert len(opened) == 1, opened
            page.wait_for_timeout(1000 * PING_SECONDS * IDLE_PINGS)  # (events arrive meanwhile)
            assert closed == [], "the server closed the idle page's kernel connection"
            assert len(opened) == 1, f"the page reconnected: {opened}"
            with urllib.request.urlopen(f"{server.url}favicon.ico", timeout=10) as icon:  # no 404 per page
                assert icon.headers["Content-Type"] == "image/svg+xml" and b"<svg" in icon.read()
            log = server.log.read_text(errors="replace")
            assert "ping" not in log.lower(), log  # no timeout, and no warning about the settings
            # and the connection still carries an edit to the file
            click_smiley(page, "Story van een huisgenoot", "blij")
            key = ("instagram-vriendin", "student", "huidig")
            wait_for_file(project, lambda j: stored_value(j, key, "emotion") == 5, what="the smiley, idle")
        finally:
            browser.close()


def _is_edit(message: str | bytes) -> bool:
    """Whether a kernel-socket message from the page carries an emotion sheet's edit."""
    text = message if isinstance(message, str) else message.decode("utf-8", "replace")
    return "comm_msg" in text and '"kind":"edit"' in text


def test_an_edit_lost_with_the_connection_is_sent_again_when_it_comes_back(tmp_path: Path) -> None:
    """A smiley is clicked just as the connection drops: the edit never reaches the
    kernel. When the page's connection comes back (the same kernel), the sheet sends
    it again, the file gets the value and the row says it was sent again."""
    from playwright.sync_api import WebSocketRoute, sync_playwright

    project = Path(shutil.copy(EXAMPLE, tmp_path / "sportschool.yaml"))
    key = ("instagram-vriendin", "student", "huidig")
    held: list[str | bytes] = []  # edits the "network" lost
    passed: list[str | bytes] = []  # edits that reached the server
    sockets: list[WebSocketRoute] = []
    hold = [False]

    def kernel_socket(ws: WebSocketRoute) -> None:
        server = ws.connect_to_server()
        sockets.append(ws)

        def to_server(message: str | bytes) -> None:
            if _is_edit(message):
                (held if hold[0] else passed).append(message)
                if hold[0]:
                    return
            server.send(message)

        ws.on_message(to_server)

    with running("app", project, tmp_path / "logs") as server, sync_playwright() as pw:
        browser = launch(pw)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.set_default_timeout(60_000)
            page.route_web_socket("**/api/kernels/**", kernel_socket)
            open_step(page, server, "emoties")
            assert stored_value(load(project), key, "emotion") != 5
            hold[0] = True
            click_smiley(page, "Story van een huisgenoot", "blij")
            deadline = time.monotonic() + 10
            while not held and time.monotonic() < deadline:
                page.wait_for_timeout(50)
            assert len(held) == 1 and passed == []
            hold[0] = False
            sockets[-1].close(reason="network gone")  # the page reconnects
            # (the routed sockets need Playwright's loop: wait in the page, not in time.sleep)
            deadline = time.monotonic() + 60
            while stored_value(load(project), key, "emotion") != 5:
                assert time.monotonic() < deadline, "the re-sent smiley never reached the file"
                page.wait_for_timeout(200)
            assert len(sockets) == 2 and len(passed) == 1, (len(sockets), len(passed))
            row = emotion_row(page, "Story van een huisgenoot")
            expect_text = "De verbinding viel even weg; deze wijziging is daarna opnieuw verstuurd."
            row.locator(".kr-row-notice", has_text=expect_text).wait_for(state="visible", timeout=10_000)
        finally:
            browser.close()


def _kernel_of(page_kernel: str, server_pid: int) -> int:
    """The process of the kernel whose id is ``page_kernel`` (its connection file is
    named after it)."""
    for pid in kernels_below(server_pid):
        with suppress(OSError):
            if page_kernel.encode() in Path(f"/proc/{pid}/cmdline").read_bytes():
                return pid
    raise AssertionError(f"no kernel process for {page_kernel}")


def test_edits_pending_when_the_kernel_dies_are_named_as_not_saved(tmp_path: Path) -> None:
    """The page's kernel hangs (SIGSTOP) while a participant clicks two smileys and
    types a why, then dies (SIGKILL; the server starts a new, empty kernel). None of
    those edits was acknowledged: each row with such edits names its unsaved fields
    (and not a field saved before the kernel hung), the form takes no click, and the
    project file is exactly as it was before the kernel hung."""
    from playwright.sync_api import WebSocket, sync_playwright

    project = garage_project(tmp_path / "garage.yaml", ("ophalen", "Auto ophalen"))
    sent: list[str] = []  # edits the page sent over its kernel connection
    kernel_ids: list[str] = []

    def kernel_socket(ws: WebSocket) -> None:
        if "/api/kernels/" in ws.url:
            kernel_ids.append(ws.url.split("/api/kernels/")[1].split("/")[0])
            ws.on("framesent", lambda payload: sent.append("edit") if _is_edit(payload) else None)

    with running("app", project, tmp_path / "logs") as server, sync_playwright() as pw:
        browser = launch(pw)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.set_default_timeout(30_000)
            page.on("websocket", kernel_socket)
            open_step(page, server, "emoties")
            kernel = _kernel_of(kernel_ids[-1], server.process.pid)
            first, last = emotion_row(page, "Afspraak maken"), emotion_row(page, "Auto ophalen")
            # a why saved first: it must not be named later
            saved_why = "De sleutel lag klaar"
            commit_text(last.get_by_label("Waarom"), saved_why)
            wait_for_file(
                project, lambda j: stored_touchpoint(j, "ophalen")["why"] == saved_why, what="the why"
            )
            status = page.locator(".kr-status").first
            status.filter(has_text="Opgeslagen").wait_for(state="visible")  # (the kernel answered)
            before = project.read_bytes()

            os.kill(kernel, signal.SIGSTOP)  # the kernel hangs: nothing is acknowledged now
            try:
                first.locator('.kr-smiley[data-score="5"]').click()
                commit_text(first.get_by_label("Waarom"), "Binnen een minuut geregeld")
                last.locator('.kr-smiley[data-score="1"]').click()
                deadline = time.monotonic() + 10
                while len(sent) < 4 and time.monotonic() < deadline:
                    page.wait_for_timeout(50)
                assert len(sent) == 4, f"the page sent {len(sent)} edits, not 1 + 3"
            finally:
                os.kill(kernel, signal.SIGKILL)  # the kernel dies

            emotion = first.locator(".kr-smileys").get_attribute("aria-label")
            named = {
                first: f"‘{emotion}’, ‘Waarom’",
                last: f"‘{emotion}’",
            }
            for row, fields in named.items():
                notice = row.locator(".kr-row-notice")
                notice.filter(has_text="Niet opgeslagen").wait_for(state="visible")
                assert notice.get_attribute("role") == "alert"
                assert (
                    f"Niet opgeslagen: de verbinding met de server viel weg voordat {fields} aankwam. "
                    "Herlaad de pagina" in notice.inner_text()
                ), notice.inner_text()
            line = page.locator(".kr-connection-line").first
            assert "De verbinding met de server is weg — herlaad de pagina" in line.inner_text()
            assert page.evaluate(
                "() => document.querySelector('.kr-emotion-sheet').closest('.kr-form').inert"
            ), "the form still takes input"
            # a real click on a smiley of the inert form reaches nothing
            box = first.locator('.kr-smiley[data-score="2"]').bounding_box()
            assert box is not None
            page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
            page.wait_for_timeout(500)
            assert len(sent) == 4, "a click on the dead form was sent"
            assert first.locator('.kr-smiley[data-score="2"]').get_attribute("aria-pressed") == "false"
            assert project.read_bytes() == before, "the project file changed after the kernel hung"
        finally:
            browser.close()
