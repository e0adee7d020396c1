"""Several programs saving one project at once, tested with real processes (as the
notebooks and browser tabs of a workshop do), and saves killed halfway."""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import time
from pathlib import Path
from typing import Any

import pytest

from klantreis import JourneyError, dumps, load, loads
from klantreis.projectfile import SaveConflict, locked, read_text
from klantreis.resources import example_path
from klantreis.session import ProjectSession

CTX = multiprocessing.get_context("fork")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the gym example (75 touchpoints over three personas)."""
    path = tmp_path / "sportschool.yaml"
    path.write_bytes(example_path("sportschool").read_bytes())
    return path


@pytest.fixture(autouse=True)
def _patient_saves(monkeypatch: pytest.MonkeyPatch) -> None:
    """Writers wait up to a minute for each other's saves (forked writers inherit it):
    on a busy machine a turn can take longer than the 5 seconds a user waits, and these
    tests are about what is saved, not how fast."""
    monkeypatch.setattr("klantreis.projectfile.LOCK_TIMEOUT", 60.0)


def _touchpoints(path: Path) -> list[tuple[str, str, str]]:
    return [(r["id"], r["persona"], r["scenario"]) for r in load(path).records("touchpoints")]


def _edit_different_touchpoints(
    path: str, mine: list[tuple[str, str, str]], tag: str, start: Any, session: ProjectSession | None = None
) -> None:
    """One workbook session: an edit to each of ``mine``, saved after each, no pauses.
    A forked writer may go on with the ``session`` it inherited instead of opening one."""
    session = session or ProjectSession.open(path)
    start.wait()
    for i, (tid, persona, scenario) in enumerate(mine):
        why = f"{tag}-{i}"
        session.apply(lambda j, t=tid, p=persona, s=scenario, w=why: j.update_touchpoint(t, p, s, why=w))
        session.save()


@pytest.mark.slow
def test_concurrent_sessions_editing_different_touchpoints_lose_nothing(project: Path) -> None:
    keys = _touchpoints(project)
    workers, per_worker = 3, 25 if len(keys) < 150 else 50
    per_worker = min(per_worker, len(keys) // workers)
    rounds = 2  # each worker edits its touchpoints twice: 50 edits per worker
    start = CTX.Barrier(workers)
    processes = []
    for w in range(workers):
        mine = keys[w * per_worker : (w + 1) * per_worker] * rounds
        p = CTX.Process(target=_edit_different_touchpoints, args=(str(project), mine, f"w{w}", start))
        processes.append(p)
        p.start()
    for p in processes:
        p.join(120)
        assert p.exitcode == 0, "a worker failed to save"
    final = {(r["id"], r["persona"], r["scenario"]): r["why"] for r in load(project).records("touchpoints")}
    for w in range(workers):
        for i, key in enumerate(keys[w * per_worker : (w + 1) * per_worker]):
            last = i + per_worker * (rounds - 1)
            assert final[key] == f"w{w}-{last}", (key, final[key])
    assert workers * per_worker * rounds >= 150


@pytest.mark.slow
def test_writers_forked_after_the_parent_saved_lose_nothing(project: Path) -> None:
    """A script saves, then forks workers (multiprocessing's default on Linux): every
    worker's saves land. With filelock 4 a lock object shared across the fork would
    refuse every save in the workers ('inherited across fork')."""
    parent = ProjectSession.open(project)
    parent.apply(lambda j: j.update_persona("student", role="voor de werkers"))
    parent.save()  # this process now holds its lock object for the file
    keys = _touchpoints(project)
    writers, edits = 3, 30
    start = CTX.Barrier(writers)
    processes = []
    for w in range(writers):
        mine = keys[w * edits : (w + 1) * edits]
        inherited = parent if w == 0 else None  # one goes on with the parent's session
        args = (str(project), mine, f"w{w}", start, inherited)
        processes.append(CTX.Process(target=_edit_different_touchpoints, args=args))
        processes[-1].start()
    for p in processes:
        p.join(180)
        assert p.exitcode == 0, "a forked writer could not save"
    final = {(r["id"], r["persona"], r["scenario"]): r["why"] for r in load(project).records("touchpoints")}
    for w in range(writers):
        for i, key in enumerate(keys[w * edits : (w + 1) * edits]):
            assert final[key] == f"w{w}-{i}", (key, final[key])
    parent.apply(lambda j: j.update_persona("student", role="na de werkers"))
    parent.save()  # the parent saves again, merging all 90 edits
    assert parent.journey.records("touchpoints") == load(project).records("touchpoints")
    assert _role(project.read_text(encoding="utf-8")) == "na de werkers"


def _edit_the_same_field(path: str, tag: str, edits: int, start: Any, log: Any) -> None:
    """Edit one field again and again. Log what the file held just before each save
    and what this session believed it held; on a conflict take the other version (as
    a user pressing "take the other version") and go on."""
    session = ProjectSession.open(path)
    start.wait()
    for i in range(edits):
        value = f"{tag}-{i}"
        session.apply(lambda j, v=value: j.update_persona("student", role=v))
        base = _role(session.file.text or "")  # what this session believes the file holds
        with locked(path):  # re-entrant: the save takes the same lock inside
            before = _role(read_text(path))  # what the file holds
            try:
                session.save()
                log.put(("saved", tag, value, before, base))
            except SaveConflict:
                log.put(("conflict", tag, value, before, base))
                session.reload()
        time.sleep(random.uniform(0, 0.005))


def _role(text: str) -> str:
    journey = loads(text)
    return str(next(r["role"] for r in journey.records("personas") if r["id"] == "student"))


@pytest.mark.slow
def test_concurrent_edits_of_the_same_field_are_reported_never_dropped(project: Path) -> None:
    workers, edits = 2, 30
    start, log = CTX.Barrier(workers), CTX.Queue()
    processes = [
        CTX.Process(target=_edit_the_same_field, args=(str(project), f"p{w}", edits, start, log))
        for w in range(workers)
    ]
    for p in processes:
        p.start()
    entries = [log.get(timeout=120) for _ in range(workers * edits)]
    for p in processes:
        p.join(60)
        assert p.exitcode == 0
    saved = [e for e in entries if e[0] == "saved"]
    conflicts = [e for e in entries if e[0] == "conflict"]
    assert len(saved) + len(conflicts) == workers * edits
    # a save never replaced a value it had not seen: when the file held another value
    # than the session believed, the save was refused as a conflict
    for _, tag, value, before, base in saved:
        assert before == base, f"{tag} overwrote {before!r} with {value!r} without having seen it"
    for _, tag, _value, before, base in conflicts:
        assert before != base, f"{tag}: a conflict without a change elsewhere"
    assert conflicts, "two sessions editing one field at full speed never met: test too weak"
    assert _role(project.read_text(encoding="utf-8")) in {e[2] for e in saved}


def _save_forever(path: str, trial: int, ready: Any) -> None:
    session = ProjectSession.open(path)
    ready.set()
    i = 0
    while True:
        i += 1
        role, description = f"proef {trial} versie {i}", "x" * (i % 500)
        session.apply(lambda j, r=role, d=description: j.update_persona("student", role=r, description=d))
        session.save()


def _kill_writers(project: Path, trials: int) -> None:
    """Start a writer that saves again and again, kill it (SIGKILL) at a random moment,
    ``trials`` times: the file is always one whole version, and the next save clears
    what the killed writers left behind."""
    rng = random.Random(20261123)
    folder = project.parent
    landed = 0
    for trial in range(trials):
        ready = CTX.Event()
        p = CTX.Process(target=_save_forever, args=(str(project), trial, ready))
        p.start()
        assert ready.wait(30)
        time.sleep(rng.uniform(0, 0.12))
        os.kill(p.pid, signal.SIGKILL)
        p.join(10)
        text = project.read_text(encoding="utf-8")
        journey = loads(text)  # always a whole project file
        assert dumps(journey) == text  # exactly one complete version, not a mix
        landed += _role(text).startswith(f"proef {trial} ")
    assert landed >= trials // 2, f"only {landed} of {trials} writers saved before the kill: the kills missed"
    # what killed writers left behind is cleared by the next save
    session = ProjectSession.open(project)
    session.apply(lambda j: j.update_persona("student", role="na de crash"))
    session.save()
    assert [p.name for p in folder.iterdir() if p.name.endswith(".tmp")] == []
    assert sorted(p.name for p in folder.iterdir()) == [".sportschool.yaml.lock", "sportschool.yaml"]


def test_a_save_killed_at_any_moment_leaves_the_old_or_the_new_file(project: Path) -> None:
    _kill_writers(project, 15)


@pytest.mark.slow
@pytest.mark.longrun
def test_sixty_saves_killed_at_any_moment(project: Path) -> None:
    """The same with 60 kills: runs with ``pytest -m longrun``."""
    _kill_writers(project, 60)


def _hold_lock(path: str, ready: Any, seconds: float) -> None:
    with locked(path):
        ready.set()
        time.sleep(seconds)


def test_a_lock_left_by_a_killed_program_does_not_block(project: Path) -> None:
    ready = CTX.Event()
    p = CTX.Process(target=_hold_lock, args=(str(project), ready, 60))
    p.start()
    assert ready.wait(30)
    os.kill(p.pid, signal.SIGKILL)
    p.join(10)
    session = ProjectSession.open(project)
    session.apply(lambda j: j.update_persona("student", role="na het slot"))
    started = time.perf_counter()
    session.save()
    assert time.perf_counter() - started < 2
    assert _role(project.read_text(encoding="utf-8")) == "na het slot"


def test_a_lock_held_too_long_gives_a_clear_message_and_writes_nothing(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("klantreis.projectfile.LOCK_TIMEOUT", 0.3)
    before = project.read_bytes()
    ready = CTX.Event()
    p = CTX.Process(target=_hold_lock, args=(str(project), ready, 3))
    p.start()
    try:
        assert ready.wait(30)
        session = ProjectSession.open(project)
        session.apply(lambda j: j.update_persona("student", role="wacht"))
        started = time.perf_counter()
        with pytest.raises(JourneyError) as info:
            session.save()
        assert time.perf_counter() - started < 2
    finally:
        p.join(10)
    assert "wordt al meer dan 0.3 seconden door een ander programma opgeslagen" in str(info.value)
    assert "je wijzigingen zijn bewaard" in str(info.value)
    assert project.read_bytes() == before
    assert session.journey.records("personas")[0]["role"] == "wacht"  # kept in memory
    session.save()  # the other program is done: now it saves
    assert _role(project.read_text(encoding="utf-8")) == "wacht"
