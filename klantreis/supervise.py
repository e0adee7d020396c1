"""Run a Jupyter server (JupyterLab, Voilà) as a child process that any stop signal
stops completely: the server, every kernel it started, and so its port.

The server runs in its own process group (a new session), so a Ctrl-C in the
terminal reaches only this process; on SIGINT, SIGTERM or SIGHUP it sends SIGTERM to
the server's group (Jupyter servers shut their kernels down on SIGTERM), waits, and
kills what is left. Kernels run in sessions of their own, so the processes below the
server are looked up in ``/proc`` while it runs and stopped as well if they outlive it.

SIGKILL (``kill -9``) cannot be caught. So that it too stops the server, on Linux the
server is started with a parent-death signal: when this process dies, however it
dies, the kernel sends the server SIGTERM, and the server shuts its kernels down.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
_PROC = Path("/proc")
_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def run_server(
    command: Sequence[str],
    env: Mapping[str, str] | None = None,
    *,
    grace: float = 15.0,
    scan_every: float = 2.0,
) -> int:
    """Start ``command`` in its own process group and wait until it stops.

    On SIGINT, SIGTERM or SIGHUP the server's group gets SIGTERM; after ``grace``
    seconds (or a second signal) SIGKILL. Processes started below the server that are
    still alive when it has stopped (kernels) are stopped too. Returns the server's
    exit code, or 0 when a stop signal ended it.
    """
    process = subprocess.Popen(
        list(command),
        env=dict(env) if env is not None else None,
        start_new_session=True,
        preexec_fn=_parent_death_signal(os.getpid()),
    )
    state = {"signals": 0, "deadline": float("inf")}
    below: dict[int, str] = {}

    def stop(signum: int, _frame: object) -> None:
        state["signals"] += 1
        below.update(descendants(process.pid))
        if state["signals"] == 1:
            state["deadline"] = time.monotonic() + grace
            _signal_group(process.pid, signal.SIGTERM)
        else:
            _signal_group(process.pid, signal.SIGKILL)

    previous = {sig: signal.signal(sig, stop) for sig in STOP_SIGNALS}
    try:
        next_scan = 0.0
        while True:
            try:
                code = process.wait(timeout=0.2)
                break
            except subprocess.TimeoutExpired:
                pass
            now = time.monotonic()
            if now >= state["deadline"]:
                _signal_group(process.pid, signal.SIGKILL)
                state["deadline"] = float("inf")
            if now >= next_scan:
                below.update(descendants(process.pid))
                next_scan = now + scan_every
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        if process.poll() is None:  # an exception in the loop itself: never leave it running
            _signal_group(process.pid, signal.SIGKILL)
            process.wait()
        _signal_group(process.pid, signal.SIGKILL)  # helpers left in the server's group
        stop_processes(below)
    return 0 if state["signals"] else code


def _parent_death_signal(parent: int) -> Callable[[], None] | None:
    """A function for the child, between fork and exec: ask Linux to send it SIGTERM
    when ``parent`` dies, and end at once if that happened already. None elsewhere."""
    if not sys.platform.startswith("linux"):
        return None
    libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)

    def arrange() -> None:
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
        if os.getppid() != parent:  # died before the line above: too late for the signal
            os._exit(1)

    return arrange


def _signal_group(pgid: int, signum: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, signum)


def descendants(pid: int) -> dict[int, str]:
    """The processes below ``pid`` (children, grandchildren, ...) as ``{pid: start
    time}``; empty where ``/proc`` is not available."""
    parents: dict[int, list[tuple[int, str]]] = {}
    for entry in _proc_entries():
        parents.setdefault(entry[1], []).append((entry[0], entry[2]))
    found: dict[int, str] = {}
    todo = [pid]
    while todo:
        for child, started in parents.get(todo.pop(), []):
            if child not in found:
                found[child] = started
                todo.append(child)
    return found


def _proc_entries() -> Iterable[tuple[int, int, str]]:
    """(pid, parent pid, start time) of every process in ``/proc``."""
    if not _PROC.is_dir():
        return
    for folder in _PROC.iterdir():
        if folder.name.isdigit():
            stat = _stat(int(folder.name))
            if stat is not None:
                yield int(folder.name), stat[0], stat[1]


def _stat(pid: int) -> tuple[int, str] | None:
    """(parent pid, start time) of ``pid`` from ``/proc/PID/stat``; None when gone."""
    try:
        text = (_PROC / str(pid) / "stat").read_text()
    except OSError:
        return None
    fields = text[text.rindex(")") + 2 :].split()  # after "pid (name) "
    return int(fields[1]), fields[19]


def alive(pid: int, started: str) -> bool:
    """True while process ``pid`` with start time ``started`` runs (not a zombie, and
    not a later process that got the same number)."""
    try:
        text = (_PROC / str(pid) / "stat").read_text()
    except OSError:
        return False
    fields = text[text.rindex(")") + 2 :].split()
    return fields[0] != "Z" and fields[19] == started


def stop_processes(processes: Mapping[int, str], wait: float = 5.0) -> None:
    """SIGTERM the still running ``{pid: start time}`` processes, SIGKILL after ``wait``."""
    running = {pid: started for pid, started in processes.items() if alive(pid, started)}
    for signum, limit in ((signal.SIGTERM, wait), (signal.SIGKILL, 2.0)):
        for pid in running:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(pid, signum)
        deadline = time.monotonic() + limit
        while running and time.monotonic() < deadline:
            time.sleep(0.05)
            running = {pid: s for pid, s in running.items() if alive(pid, s)}
        if not running:
            return
