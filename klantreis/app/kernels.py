"""Warm kernels for app mode, so a step page is usable sooner.

Starting a kernel and importing klantreis (pandas, ipywidgets, Altair) takes a
second or two before a step's form can even be built. The server keeps a few
kernels started and with those imports done; a page that opens takes one (it is
never given to a second page) and a new one is warmed in the background. When none
is ready yet (right after the server started, or when many participants open a page
at once) the page waits for the next one to finish warming: that kernel is already
part way, and starting yet another one beside it would only slow both down. The step
notebook itself still runs when the page opens, so every form shows the project
file as it is at that moment.

A page's kernel normally stops when its tab closes (the page says so as it unloads).
A tab that disappears without that (a laptop lid shut, a browser that crashed) leaves
its kernel running; once its connection is gone (closed, or closed by the server
after missed pings) and it did nothing for ``cull_idle_timeout`` seconds, the
server stops it (jupyter_server's culler). Warm kernels waiting for a page are
never culled.
"""

from __future__ import annotations

import asyncio
import os
from typing import Any

from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from jupyter_server.utils import ApiPath
from traitlets import Integer, Unicode

WARM_UP = "import klantreis.widgets, klantreis.charts, klantreis.widgets.show"


class WarmKernelManager(AsyncMappingKernelManager):
    """A kernel manager that hands out pre-started, pre-imported kernels."""

    warm_kernels = Integer(2, config=True, help="How many warm kernels to keep ready.")
    warm_kernel_name = Unicode("python3", config=True, help="The kernel spec of warm kernels.")

    def __init__(self, **kwargs: Any):
        super().__init__(**kwargs)
        self._warm: list[str] = []
        self._warming: set[asyncio.Task[None]] = set()
        self._unconnected: set[str] = set()

    async def start_kernel(  # type: ignore[override]  # jupyter_server's own override of it differs too
        self, *, kernel_id: str | None = None, path: str | None = None, **kwargs: Any
    ) -> str:
        """A warm kernel for a new page (of the asked kind): a ready one, else the next
        one that finishes warming; a fresh one when none is on its way. Either way a
        new warm kernel is started behind it."""
        wanted = kwargs.get("kernel_name") or self.warm_kernel_name
        if kernel_id is None and wanted == self.warm_kernel_name:
            ready = await self._take_warm()
            if ready is not None:
                return ready
        api_path = None if path is None else ApiPath(path)
        started = await super().start_kernel(kernel_id=kernel_id, path=api_path, **kwargs)
        self.fill()
        return str(started)

    async def _take_warm(self) -> str | None:
        """A ready warm kernel, waiting for one being warmed if needed; None when no
        kernel is ready or warming (warming is off, or it failed)."""
        while True:
            if self._warm:
                ready = self._warm.pop(0)
                self.fill()
                return ready
            warming = [task for task in self._warming if not task.done()]
            if not warming:
                return None
            await asyncio.wait(warming, return_when=asyncio.FIRST_COMPLETED)

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

    def fill(self) -> None:
        """Start warming kernels until the pool is full (in the background)."""
        while len(self._warm) + len(self._warming) < self.warm_kernels:
            task = asyncio.ensure_future(self._warm_one())
            self._warming.add(task)
            task.add_done_callback(self._warming.discard)

    async def _warm_one(self) -> None:
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
            return
        self._warm.append(kernel_id)
