"""A step page's connection to its kernel holds while the participant does nothing.

The server pings every page's kernel connection and closes one that stops answering.
With a timeout as long as the ping interval it closed every healthy connection at its
first check, and every tab reconnected each 30 s. Here the interval is one second
(``KLANTREIS_PING_SECONDS``), so a few seconds idle cover several pings; the page
must keep its one connection, and the server log must not mention a ping timeout.
"""

from __future__ import annotations

import shutil
import urllib.request
from pathlib import Path

import pytest
from app_driver import click_smiley, open_step, running, stored_value, wait_for_file
from chromium import launch

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
