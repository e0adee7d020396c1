"""Warm kernels for app mode, so a room of participants gets its pages quickly.

Starting a kernel and importing klantreis (pandas, ipywidgets, Altair) costs two to
three CPU-seconds before a step's form can even be built; ten participants opening
a step together would wait for ten of those. The server therefore keeps a pool of
kernels started, with those imports done: as many as the room has participants
(``klantreis app --participants N``). A page that opens takes one (never given to a
second page); the step notebook itself still runs when the page opens, so every
form shows the project file as it is at that moment.

The pool is refilled *after* the room has opened its pages, and one kernel at a
time: only once no page asked for a kernel for ``refill_delay`` seconds (15; a page
still loads for a while after it got its kernel). So warming never takes the CPU from
pages that are opening (on a two-core laptop, ten kernels warming beside ten opening
pages made every page wait). When a room moves on to the next step, its old pages'
kernels stop and the refilled pool serves the new pages.

When more pages open than kernels are ready, a page waits for a kernel that is
already warming (it is part way) as long as there are fewer such pages than warming
kernels; any further page starts a kernel of its own.

A page's kernel normally stops when its tab closes (the page says so as it unloads).
A tab that disappears without that (a laptop lid shut, a browser that crashed) leaves
its kernel running; once its connection is gone (closed, or closed by the server
after missed pings) and it did nothing for ``cull_idle_timeout`` seconds, the server
stops it (jupyter_server's culler). Warm kernels waiting for a page are never culled.
"""

from __future__ import annotations

import asyncio
import os
import time
from typing import Any

from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from jupyter_server.utils import ApiPath
from traitlets import Float, Integer, Unicode

from ..workshop_size import ROOM_GROWS_TO

WARM_UP = "import klantreis.widgets, klantreis.charts, klantreis.widgets.show"


class WarmKernelManager(AsyncMappingKernelManager):
    """A kernel manager that hands out pre-started, pre-imported kernels."""

    warm_kernels = Integer(2, config=True, help="How many warm kernels to keep ready.")
    warm_kernel_name = Unicode("python3", config=True, help="The kernel spec of warm kernels.")
    refill_delay = Float(
        15.0, config=True, help="Seconds without a page asking for a kernel before the pool is refilled."
    )

    seat_minutes = Float(
        180.0, config=True, help="Minutes a browser that opened the start page counts as a participant."
    )
    most_kernels = Integer(
        ROOM_GROWS_TO, config=True, help="The largest the pool grows with the browsers on the start page."
    )
    spare_memory_mb = Integer(
        1024, config=True, help="No kernel is warmed ahead when less memory than this is available."
    )

    def __init__(self, **kwargs: Any):
        super().__init__(**kwargs)
        self._seats: dict[str, float] = {}  # browser -> time.monotonic() it opened the start page
        self._warm: list[str] = []
        self._warming: set[asyncio.Task[bool]] = set()
        self._unconnected: set[str] = set()
        self._waiting = 0  # pages waiting for a kernel that is warming
        self._last_asked = 0.0  # time.monotonic() of the last page that asked for a kernel
        self._refill: asyncio.Task[None] | None = None

    async def start_kernel(  # type: ignore[override]  # jupyter_server's own override of it differs too
        self, *, kernel_id: str | None = None, path: str | None = None, **kwargs: Any
    ) -> str:
        """A warm kernel for a new page (of the asked kind): a ready one, else one that
        is warming (see the module text); else a fresh one. The pool is refilled once
        the room has opened its pages."""
        wanted = kwargs.get("kernel_name") or self.warm_kernel_name
        if kernel_id is None and wanted == self.warm_kernel_name:
            ready = await self._take_warm()
            if ready is not None:
                return ready
        api_path = None if path is None else ApiPath(path)
        started = await super().start_kernel(kernel_id=kernel_id, path=api_path, **kwargs)
        self._last_asked = time.monotonic()  # its page is only now starting to load
        self.fill()
        return str(started)

    async def _take_warm(self) -> str | None:
        """A ready warm kernel, or one being warmed while fewer pages wait for one than
        are warming; None otherwise (the page starts its own). While it asks, and from
        when it got an answer, the pool is not refilled (see ``refill_delay``)."""
        self._last_asked = time.monotonic()
        try:
            while True:
                if self._warm:
                    ready = self._warm.pop(0)
                    self.fill()
                    return ready
                warming = [task for task in self._warming if not task.done()]
                if self._waiting >= len(warming):
                    return None
                self._waiting += 1
                try:
                    await asyncio.wait(warming, return_when=asyncio.FIRST_COMPLETED)
                finally:
                    self._waiting -= 1
        finally:
            self._last_asked = time.monotonic()

    async def cull_kernel_if_idle(self, kernel_id: str) -> None:
        """jupyter_server's check of an idle kernel, for a kernel that had no connection
        at this check and the one before (a tab that is reconnecting after a wifi
        hiccup keeps its kernel); warm kernels are skipped."""
        if kernel_id in self._warm or self._kernel_connections.get(kernel_id, 0):
            self._unconnected.discard(kernel_id)
            return
        if kernel_id not in self._unconnected:
            self._unconnected.add(kernel_id)
            return
        await super().cull_kernel_if_idle(kernel_id)
        if kernel_id not in self:
            self._unconnected.discard(kernel_id)

    def seat(self, browser: str) -> None:
        """A browser (an id from its cookie) opened the start page: count it as a
        participant and grow the pool when the room is larger than it."""
        now = time.monotonic()
        self._seats[browser] = now
        for old in [b for b, seen in self._seats.items() if now - seen > 60 * self.seat_minutes]:
            del self._seats[old]
        self.fill()

    @property
    def pool_size(self) -> int:
        """How many warm kernels to keep: ``warm_kernels``, or the participants seen on
        the start page when there are more (at most ``most_kernels``)."""
        if self.warm_kernels <= 0:
            return 0
        return max(self.warm_kernels, min(len(self._seats), self.most_kernels))

    def fill(self) -> None:
        """Make sure the pool is being refilled (in the background; see the module text)."""
        if self.pool_size > 0 and (self._refill is None or self._refill.done()):
            self._refill = asyncio.ensure_future(self._refill_pool())

    def _missing(self) -> int:
        return self.pool_size - len(self._warm) - sum(not task.done() for task in self._warming)

    async def _refill_pool(self) -> None:
        """Warm kernels one after another until the pool is full, each only once no page
        asked for a kernel for ``refill_delay`` seconds."""
        while self._missing() > 0:
            quiet = self._last_asked + self.refill_delay - time.monotonic()
            if quiet > 0:
                await asyncio.sleep(quiet)
                continue
            free = available_memory_mb()
            if free is not None and free < self.spare_memory_mb:
                self.log.warning("klantreis: only %d MB of memory free; no more kernels warmed ahead", free)
                return
            task = asyncio.ensure_future(self._warm_one())
            self._warming.add(task)
            task.add_done_callback(self._warming.discard)
            await asyncio.wait([task])
            if task.cancelled() or not task.result():
                return  # warming failed: pages start their own kernels (see _warm_one)

    async def _warm_one(self) -> bool:
        """Start a kernel, import klantreis in it and add it to the pool; False when
        that failed (logged)."""
        try:
            kernel_id = await super().start_kernel(
                kernel_name=self.warm_kernel_name, path=ApiPath(""), env=dict(os.environ)
            )
            # an AsyncKernelClient (the types say the blocking one)
            client: Any = self.get_kernel(kernel_id).client()
            client.start_channels()
            try:
                await client.wait_for_ready(timeout=120)
                await client.execute_interactive(WARM_UP, store_history=False, timeout=120)
            finally:
                client.stop_channels()
        except Exception as err:  # noqa: BLE001 - pages then start their own kernels
            self.log.warning("klantreis: could not warm a kernel: %s", err)
            return False
        self._warm.append(kernel_id)
        return True


def available_memory_mb() -> int | None:
    """The memory the system can still give (MB), from /proc/meminfo; None where that
    is not known."""
    try:
        with open("/proc/meminfo", encoding="ascii") as info:
            for line in info:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) // 1024
    except (OSError, ValueError):
        return None
    return None
