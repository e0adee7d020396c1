"""The kernel pool grows with the room (klantreis.app.kernels): every browser that
opens the start page counts as a participant, and a kernel is warmed for each while
they read it, also when the facilitator started the app for fewer people."""

from __future__ import annotations

import http.cookiejar
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from klantreis.app.handlers import SEAT_COOKIE
from klantreis.app.kernels import WarmKernelManager

sys.path.insert(0, str(Path(__file__).resolve().parent / "browser"))
from app_driver import garage_project, kernels_below, running  # noqa: E402

pytestmark = pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc")


class _Counting(WarmKernelManager):
    """The pool's arithmetic without starting kernels."""

    def fill(self) -> None:
        pass


def test_the_pool_is_as_large_as_the_participants_seen_on_the_start_page() -> None:
    manager = _Counting(warm_kernels=2, most_kernels=4)
    assert _Counting(warm_kernels=40, most_kernels=4).pool_size == 40  # --participants decides
    assert manager.pool_size == 2
    for browser in ("a", "b", "a", "c"):  # a reloads: still three participants
        manager.seat(browser)
    assert manager.pool_size == 3
    for browser in ("d", "e", "f"):
        manager.seat(browser)
    assert manager.pool_size == 4  # never more than most_kernels
    manager.seat_minutes = 0  # everyone seen long enough ago is no longer counted
    manager.seat("g")
    assert manager.pool_size == 2
    assert _Counting(warm_kernels=0).pool_size == 0  # warming switched off stays off


class Browser:
    """A browser as the server sees it: its own cookies, kept across redirects."""

    def __init__(self) -> None:
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))

    def open(self, url: str) -> None:
        with self.opener.open(url, timeout=60) as response:
            response.read()

    @property
    def seat(self) -> str:
        return next((c.value or "" for c in self.cookies if c.name == SEAT_COOKIE), "")


def kernel_count_stays(pid: int, count: int, seconds: float) -> bool:
    """Whether process ``pid`` has ``count`` kernels all through ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if len(kernels_below(pid)) != count:
            return False
        time.sleep(0.2)
    return True


def wait_for_kernel_count(pid: int, count: int, timeout: float = 120) -> int:
    deadline = time.monotonic() + timeout
    while (found := len(kernels_below(pid))) < count and time.monotonic() < deadline:
        time.sleep(0.2)
    return found


@pytest.mark.slow
def test_browsers_on_the_start_page_get_warm_kernels(tmp_path: Path) -> None:
    """Started for one participant; the check that the server answers opened the start
    page once (one browser). Each new browser on the start page adds a warm kernel, a
    reload does not."""
    project = garage_project(tmp_path / "reis.yaml", ("rekening", "Rekening betalen"))
    with running("app", project, tmp_path / "logs", "--participants=1") as server:
        pid = server.process.pid
        assert wait_for_kernel_count(pid, 1) == 1 and kernel_count_stays(pid, 1, 3)
        first = Browser()
        first.open(server.url)
        seat = first.seat
        first.open(server.url)  # a reload: the same participant
        assert seat and first.seat == seat
        assert wait_for_kernel_count(pid, 2) == 2 and kernel_count_stays(pid, 2, 4)
        Browser().open(server.url)
        Browser().open(server.url)  # two more browsers
        assert wait_for_kernel_count(pid, 4) == 4 and kernel_count_stays(pid, 4, 4)


def test_no_kernel_is_warmed_ahead_when_memory_is_short(monkeypatch: pytest.MonkeyPatch) -> None:
    import asyncio

    import klantreis.app.kernels as kernels

    real = kernels.available_memory_mb()
    assert real is None or real > 0  # the real reading, where there is one
    manager = WarmKernelManager(warm_kernels=3, spare_memory_mb=1024)
    monkeypatch.setattr(kernels, "available_memory_mb", lambda: 900)
    started: list[str] = []
    monkeypatch.setattr(manager, "_warm_one", lambda: started.append("kernel"))
    asyncio.run(manager._refill_pool())
    assert started == [] and manager._warm == []
