"""Any stop signal stops ``klantreis lab``, ``app`` and ``wall`` completely: the real
command in a real process, with a real kernel; after ``kill`` the port is free and no
kernel is left. Also what the app and wall servers answer over HTTP."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from klantreis.resources import data_dir, example_path
from klantreis.supervise import descendants

sys.path.insert(0, str(Path(__file__).resolve().parent / "browser"))
from app_driver import kernels_below, port_is_free, running, running_pids  # noqa: E402

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc")]


def some_kernels_below(pid: int, timeout: float = 60) -> list[int]:
    """The kernel processes below ``pid``, once there is at least one."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = kernels_below(pid)
        if found:
            return found
        time.sleep(0.2)
    raise AssertionError("no kernel was started")


def assert_stopped(server, kernels: list[int], signum: int) -> None:  # type: ignore[no-untyped-def]
    code = server.stop(signum)
    assert code == 0
    deadline = time.monotonic() + 10
    while running_pids(kernels) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert running_pids(kernels) == [], "a kernel outlived its server"
    assert port_is_free(server.port)


def get(url: str, headers: dict[str, str] | None = None, data: bytes | None = None) -> tuple[int, bytes]:
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=120) as reply:
            return reply.status, reply.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()


def test_lab_stops_with_its_kernels_on_sigterm(tmp_path: Path) -> None:
    """Also: as root (CI runs as root, as does a container) klantreis adds --allow-root
    itself and says so in one line; JupyterLab starts and answers."""
    project = Path(shutil.copy(example_path("sportschool"), tmp_path / "reis.yaml"))
    options = ["--IdentityProvider.token=geheim", "--ServerApp.ip=127.0.0.1"]
    as_root = hasattr(os, "geteuid") and os.geteuid() == 0
    bundled = {p.name: p.stat().st_mtime_ns for p in data_dir("workbook").iterdir()}
    with running("lab", project, tmp_path / "logs", *options, ready_path="api/status") as server:
        auth = {"Authorization": "token geheim"}
        status, body = get(f"{server.url}api/kernels", auth, data=b"{}")
        assert status == 201, body
        kernels = some_kernels_below(server.process.pid)
        status, body = get(f"{server.url}api/contents/06_emoties.ipynb", auth)
        assert status == 200 and json.loads(body)["path"] == "06_emoties.ipynb"
        assert_stopped(server, kernels, signal.SIGTERM)
    log = server.log.read_text(encoding="utf-8")
    root_line = (
        "klantreis draait als root (bijvoorbeeld in een container); JupyterLab start daarom met "
        "--allow-root\n"
    )
    assert (root_line in log) == as_root, log
    assert "Running as root is not recommended" not in log
    assert (tmp_path / "reis-werkmap" / "06_emoties.ipynb").is_file()
    assert {p.name: p.stat().st_mtime_ns for p in data_dir("workbook").iterdir()} == bundled


def test_app_serves_steps_and_stops_with_its_kernels_on_sighup(tmp_path: Path) -> None:
    project = tmp_path / "nieuw.yaml"
    with running("app", project, tmp_path / "logs") as server:
        status, body = get(server.url)
        assert status == 200 and b'name="template"' in body  # the create form
        status, body = get(server.step_url("doel"))
        assert status == 200 and b'action="/klantreis/create"' in body  # back to the start page
        shutil.copy(example_path("sportschool"), project)
        status, body = get(server.url)
        assert b"Nieuwe leden bij Sportschool Vitaal" in body and b"/voila/render/06_emoties.ipynb" in body
        status, body = get(server.step_url("doel"))
        assert status == 200
        assert b'<nav class="kr-app-nav">' in body and b'lang="nl"' in body
        assert b"Run All Cells" not in body  # the JupyterLab instructions are left out
        assert b"cdn.jsdelivr" not in body
        status, _ = get(f"{server.url}voila/render/rapport.ipynb")
        assert status == 404
        kernels = some_kernels_below(server.process.pid)
        assert_stopped(server, kernels, signal.SIGHUP)


def test_app_stops_with_its_kernels_even_on_sigkill(tmp_path: Path) -> None:
    """``kill -9`` cannot be caught: the server gets SIGTERM from Linux instead (a
    parent-death signal) and shuts its kernels down."""
    project = Path(shutil.copy(example_path("sportschool"), tmp_path / "reis.yaml"))
    with running("app", project, tmp_path / "logs") as server:
        assert get(server.step_url("doel"))[0] == 200
        some_kernels_below(server.process.pid)
        below = list(descendants(server.process.pid))  # the server, its kernels, warm ones
        server.process.kill()
        server.process.wait()
        deadline = time.monotonic() + 20
        while running_pids(below) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert running_pids(below) == [], "the server or a kernel outlived kill -9"
        assert port_is_free(server.port)


def test_wall_answers_only_what_changed_and_stops_on_sigint(tmp_path: Path) -> None:
    project = Path(shutil.copy(example_path("sportschool"), tmp_path / "reis.yaml"))
    with running("wall", project, tmp_path / "logs") as server:
        status, body = get(server.url)
        assert status == 200 and b"klantreis-canvas" in body and b"<button" not in body
        status, body = get(f"{server.url}klantreis/wall/data?persona=senior&scenario=huidig&since=")
        first = json.loads(body)
        assert "Henk (67)" in first["html"] and first["version"]
        status, body = get(f"{server.url}klantreis/wall/data?persona=senior&since={first['version']}")
        assert "html" not in json.loads(body)  # nothing changed, nothing sent
        status, _ = get(server.step_url("doel"))
        assert status == 404  # the wall serves no forms
        assert_stopped(server, [], signal.SIGINT)
