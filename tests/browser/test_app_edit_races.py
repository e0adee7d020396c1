"""Two participants on the emoties page of one journey, each on their own touchpoints,
in chromium: an edit never changes another touchpoint than the one its author touched.

Fifty rounds, as issue 20 asks. In round r participant B clicks a smiley on ``b{n}``,
then participant A types a *why* on ``a{n}`` (the same phase, so the same sheet) and
clicks a smiley on ``a{n}`` 150 ms later, then B clicks another touchpoint. A's *why*
save merges B's click from the file, and A's kernel sends A's browser the merged rows;
the smiley 150 ms later often leaves A's browser before those rows arrive. The old
page sent its whole (stale) list of rows with every edit, and the kernel saved every
difference from its own (merged) copy, so that click wrote B's older smiley back into
the file: the file watcher sees ``b{n}`` go back. Today the page sends only the one
field A changed, so nothing of B's can go back.

A watcher thread reads the project file all the time: no value it ever saw may later
be replaced by an older one, even for a moment, and every participant's last value
must reach the file. A types and blurs as a person does; the smiley clicks are sent
as DOM clicks without Playwright's actionability checks (each of those costs a few
round trips), so the 150 ms between A's *why* and smiley hold and 50 rounds stay fast.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from app_driver import (
    FileWatcher,
    commit_text,
    running,
    shots_on_failure,
    wait_usable,
    went_back,
)
from chromium import launch

from klantreis.session import ProjectSession

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ROUNDS = 50
ROWS_EACH = 6


def make_project(path: Path) -> None:
    session = ProjectSession.create(path, "canvas", "Twee deelnemers", "nl")

    def fill(journey: Any) -> None:
        journey.add_persona("student", "Student")
        phases = journey.ids("phases")
        for n in range(ROWS_EACH):
            for who in "ab":
                journey.add_touchpoint(
                    f"{who}{n}", "student", phases[n % len(phases)], f"Moment {who.upper()}{n}"
                )

    session.apply(fill)
    session.save()


def test_edits_of_two_participants_never_revert_each_other(tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    project = tmp_path / "reis.yaml"
    make_project(project)
    intended: dict[tuple[str, str], list[Any]] = {
        (f"{w}{n}", f): [None] for w in "ab" for n in range(ROWS_EACH) for f in ("emotion", "why")
    }
    watcher = FileWatcher(project)
    with running("app", project, tmp_path / "logs") as server, sync_playwright() as pw:
        browser = launch(pw)
        try:
            pages = {}
            for who in "ab":  # both open at once (each takes a warm kernel)
                page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
                page.set_default_timeout(60_000)
                page.goto(server.step_url("emoties"), wait_until="commit")
                pages[who] = page
            for page in pages.values():
                wait_usable(page)
            watcher.start()

            def row(who: str, n: int) -> Any:
                return pages[who].locator(f'.kr-row[data-id="{who}{n}"]')

            def smiley(who: str, n: int, visit: int) -> None:
                score = (n + visit) % 5 + 1  # never the same twice in a row
                row(who, n).locator(f'.kr-smiley[data-score="{score}"]').dispatch_event("click")
                intended[(f"{who}{n}", "emotion")].append(score)

            with shots_on_failure(tmp_path, pages):
                for r in range(ROUNDS):
                    n, visit = r % ROWS_EACH, r // ROWS_EACH
                    why = f"Ronde {r}: wachten/zoeken – {visit} 😅"
                    smiley("b", n, visit)  # B saves in A's sheet (same phase) just before A
                    commit_text(row("a", n).get_by_label("Waarom"), why)
                    intended[(f"a{n}", "why")].append(why)
                    pages["a"].wait_for_timeout(150)
                    smiley("a", n, visit)
                    smiley("b", (n + 3) % ROWS_EACH, visit + 1)

                deadline = time.monotonic() + 30  # every participant's last values reach the file
                while time.monotonic() < deadline and any(
                    watcher.seen.get(k, [None])[-1] != v[-1] for k, v in intended.items()
                ):
                    time.sleep(0.1)
        finally:
            watcher.stopping.set()
            browser.close()
    watcher.join(5)
    problems = {k: p for k, v in intended.items() if (p := went_back(v, watcher.seen.get(k, [None])))}
    problems |= {
        k: f"lost: {v[-1]!r} never reached the file (it held {watcher.seen.get(k)})"
        for k, v in intended.items()
        if k not in problems and watcher.seen.get(k, [None])[-1] != v[-1]
    }
    assert problems == {}, f"{len(problems)} values went back (file read {watcher.reads} times)"
