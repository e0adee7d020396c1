"""klantreis.supervise with stand-in servers in real processes: a stop signal stops
the server, the processes it started in sessions of their own (as Jupyter starts
kernels), and a server or kernel that ignores SIGTERM."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc")

SERVER = """
import signal, subprocess, sys, time
ignore = sys.argv[2] == "stubborn"
kernel = ("import signal, time\\n"
          + ("signal.signal(signal.SIGTERM, signal.SIG_IGN)\\n" if ignore else "")
          + "time.sleep(600)")
child = subprocess.Popen([sys.executable, "-c", kernel], start_new_session=True)
if ignore:
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
else:
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # leaves its "kernel" behind
open(sys.argv[1], "w").write(str(child.pid))
time.sleep(600)
"""


def alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def supervised(tmp_path: Path, kind: str) -> tuple[subprocess.Popen[bytes], int]:
    """``run_server`` (grace 1 s) on the stand-in server, in its own process; returns
    it and the pid of the server's "kernel"."""
    script, pidfile = tmp_path / "server.py", tmp_path / "kernel.pid"
    script.write_text(SERVER, encoding="utf-8")
    code = (
        "import sys; from klantreis.supervise import run_server; "
        f"sys.exit(run_server([sys.executable, {str(script)!r}, {str(pidfile)!r}, {kind!r}], grace=1))"
    )
    process = subprocess.Popen([sys.executable, "-c", code])
    deadline = time.monotonic() + 30
    while not (pidfile.exists() and pidfile.read_text()) and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.3)  # let the signal handlers settle
    return process, int(pidfile.read_text())


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_a_stop_signal_stops_server_and_kernel(tmp_path: Path, signum: int) -> None:
    process, kernel = supervised(tmp_path, "polite")
    assert alive(kernel)
    process.send_signal(signum)
    assert process.wait(timeout=30) == 0
    assert not alive(kernel)


def test_a_stubborn_server_and_kernel_are_killed(tmp_path: Path) -> None:
    process, kernel = supervised(tmp_path, "stubborn")
    started = time.monotonic()
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=30) == 0
    assert not alive(kernel)
    assert time.monotonic() - started < 15
