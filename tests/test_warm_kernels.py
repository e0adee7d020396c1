"""Warm kernels for app mode (klantreis.app.kernels), with real kernels: a page gets a
kernel that has klantreis imported already, also when it opens while that kernel is
still warming; the pool is refilled only after the room has opened its pages, one
kernel at a time; pages beyond the pool start their own kernels."""

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


async def pool_full(manager: WarmKernelManager, most_warming: list[int]) -> None:
    """Wait until the pool holds ``warm_kernels`` ready kernels, noting in
    ``most_warming`` the most kernels seen warming at the same moment."""
    while len(manager._warm) < manager.warm_kernels:
        most_warming.append(sum(not task.done() for task in manager._warming))
        await asyncio.sleep(0.05)


async def stop(manager: WarmKernelManager) -> None:
    if manager._refill is not None:
        manager._refill.cancel()
    for task in list(manager._warming):
        task.cancel()
    await manager.shutdown_all(now=True)


def test_a_page_opened_while_kernels_warm_gets_a_warmed_one(tmp_path: Path) -> None:
    async def run() -> None:
        manager = WarmKernelManager(warm_kernels=1, refill_delay=0, root_dir=str(tmp_path))
        try:
            manager.fill()  # as `klantreis app` does when it starts
            await asyncio.sleep(0.1)
            assert manager._warm == [] and len(manager._warming) == 1
            page = await manager.start_kernel()  # a page opens before the kernel is warm
            assert await imported_klantreis(manager, page) == "True"
            await pool_full(manager, [])
            second = await manager.start_kernel()  # ready at once, and warm too
            assert second != page and await imported_klantreis(manager, second) == "True"
        finally:
            await stop(manager)

    asyncio.run(run())


def test_the_pool_is_refilled_after_the_room_opened_one_kernel_at_a_time(tmp_path: Path) -> None:
    """Three participants open a step at once with two warm kernels: two get a warm one,
    the third starts its own (nothing is warming it could wait for). No kernel is
    warmed while pages open: only once no page asked for ``refill_delay`` seconds, and
    never two at the same moment (warming beside opening pages took their CPU)."""

    async def run() -> None:
        manager = WarmKernelManager(warm_kernels=2, refill_delay=2.0, root_dir=str(tmp_path))
        try:
            manager.fill()
            most_warming: list[int] = []
            await pool_full(manager, most_warming)
            assert max(most_warming) == 1
            warm = list(manager._warm)
            pages = await asyncio.gather(*(manager.start_kernel() for _ in range(3)))
            assert len(set(pages)) == 3 and set(warm) <= set(pages)
            for _ in range(10):  # within refill_delay of the last page: nothing warms
                assert not manager._warm and not any(not task.done() for task in manager._warming)
                assert sorted(manager.list_kernel_ids()) == sorted(pages)
                await asyncio.sleep(0.1)
            cold = (set(pages) - set(warm)).pop()
            assert await imported_klantreis(manager, cold) == "False"
            most_warming.clear()
            await pool_full(manager, most_warming)
            assert max(most_warming) == 1 and len(manager.list_kernel_ids()) == 5
        finally:
            await stop(manager)

    asyncio.run(run())


def test_without_warm_kernels_a_page_starts_its_own(tmp_path: Path) -> None:
    async def run() -> None:
        manager = WarmKernelManager(warm_kernels=0, root_dir=str(tmp_path))
        try:
            page = await manager.start_kernel()
            assert manager.list_kernel_ids() == [page] and not manager._warming
            assert await imported_klantreis(manager, page) == "False"
        finally:
            await stop(manager)

    asyncio.run(run())


def test_a_kernel_without_a_connection_is_stopped_the_warm_ones_stay(tmp_path: Path) -> None:
    """A tab that vanished without saying so (a laptop lid shut) leaves its kernel
    without a connection: the culler stops it once it saw it unconnected at two checks
    in a row. A kernel still connected, and the warm ones waiting for a page, stay."""

    async def run() -> None:
        manager = WarmKernelManager(
            warm_kernels=1, refill_delay=0, root_dir=str(tmp_path), cull_idle_timeout=1
        )
        try:
            manager.fill()
            await pool_full(manager, [])
            gone = await manager.start_kernel()
            await pool_full(manager, [])
            kept = await manager.start_kernel()
            await pool_full(manager, [])
            warm = list(manager._warm)
            manager._kernel_connections[kept] = 1  # a page still showing it
            await asyncio.sleep(1.5)  # idle for longer than the timeout
            await manager.cull_kernels()
            assert gone in manager  # one check without a connection: maybe reconnecting
            await manager.cull_kernels()
            assert gone not in manager
            assert kept in manager and all(k in manager for k in warm) and warm
        finally:
            await stop(manager)

    asyncio.run(run())
