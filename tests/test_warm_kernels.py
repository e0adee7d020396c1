"""Warm kernels for app mode (klantreis.app.kernels), with real kernels: a page gets a
kernel that has klantreis imported already, also when it opens while that kernel is
still warming (it waits for it instead of starting yet another kernel)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from klantreis.app.kernels import WarmKernelManager

IMPORTED = "import sys; print('klantreis.widgets.show' in sys.modules)"


async def imported_klantreis(manager: WarmKernelManager, kernel_id: str) -> str:
    """What the kernel prints when asked whether klantreis's forms are imported."""
    client = manager.get_kernel(kernel_id).client()
    client.start_channels()
    out: list[str] = []
    try:
        await client.wait_for_ready(timeout=60)
        await client.execute_interactive(
            IMPORTED, timeout=60,
            output_hook=lambda msg: out.append(msg["content"].get("text", "")),
        )  # fmt: skip
    finally:
        client.stop_channels()
    return "".join(out).strip()


def test_a_page_opened_while_kernels_warm_gets_a_warmed_one(tmp_path: Path) -> None:
    async def run() -> None:
        manager = WarmKernelManager(warm_kernels=1, root_dir=str(tmp_path))
        try:
            manager.fill()  # as `klantreis app` does when it starts
            assert manager._warm == [] and len(manager._warming) == 1
            page = await manager.start_kernel()  # a page opens before the kernel is warm
            assert await imported_klantreis(manager, page) == "True"
            # no third kernel: the page's (the warmed one) and the next one warming
            assert len(manager.list_kernel_ids()) <= 2 and len(manager._warming) == 1
            await asyncio.wait(list(manager._warming))
            second = await manager.start_kernel()  # ready at once, and warm too
            assert second != page and await imported_klantreis(manager, second) == "True"
        finally:
            await manager.shutdown_all(now=True)
            for task in list(manager._warming):
                task.cancel()

    asyncio.run(run())


def test_without_warm_kernels_a_page_starts_its_own(tmp_path: Path) -> None:
    async def run() -> None:
        manager = WarmKernelManager(warm_kernels=0, root_dir=str(tmp_path))
        try:
            page = await manager.start_kernel()
            assert manager.list_kernel_ids() == [page] and not manager._warming
            assert await imported_klantreis(manager, page) == "False"
        finally:
            await manager.shutdown_all(now=True)

    asyncio.run(run())


def test_a_kernel_without_a_connection_is_stopped_the_warm_ones_stay(tmp_path: Path) -> None:
    """A tab that vanished without saying so (a laptop lid shut) leaves its kernel
    without a connection: the culler stops it once it saw it unconnected at two checks
    in a row. A kernel still connected, and the warm ones waiting for a page, stay."""

    async def run() -> None:
        manager = WarmKernelManager(warm_kernels=1, root_dir=str(tmp_path), cull_idle_timeout=1)
        try:
            manager.fill()
            await asyncio.wait(list(manager._warming))
            gone, kept = await manager.start_kernel(), await manager.start_kernel()
            await asyncio.wait(list(manager._warming))
            warm = list(manager._warm)
            manager._kernel_connections[kept] = 1  # a page still showing it
            await asyncio.sleep(1.5)  # idle for longer than the timeout
            await manager.cull_kernels()
            assert gone in manager  # one check without a connection: maybe reconnecting
            await manager.cull_kernels()
            assert gone not in manager
            assert kept in manager and all(k in manager for k in warm) and warm
        finally:
            await manager.shutdown_all(now=True)

    asyncio.run(run())
