"""Debian's chromium for the browser tests and the README screenshots: where it is,
how it is started here (no sandbox as root, no background network on a closed
machine), and starting it through Playwright. Never a downloaded browser."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Playwright

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync",
]  # fmt: skip


def launch(pw: Playwright) -> Browser:
    """Start Debian's chromium headless."""
    if not CHROMIUM.exists():
        raise FileNotFoundError(f"{CHROMIUM} is missing; install Debian's chromium package")
    return pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
