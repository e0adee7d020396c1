"""Benchmark: app mode in a real browser (Debian's chromium), for a journey of 20 and
of 150 touchpoints.

- *page usable*: from opening a step page until its form shows every touchpoint
  (Voilà runs the step in a kernel, the widgets render): on the emoties page every
  touchpoint's smileys, on the touchpoints page every touchpoint in its list;
  target 3 s.
- *click → saved*: from clicking a smiley to the status line saying it was saved
  ("Opgeslagen om ..."), measured inside the page; target 300 ms at 150 touchpoints.
  Also *click → file*: until the project file on disk changed.

The server is the real ``klantreis app`` command on a generated project. Medians and
maxima over ``--pages`` page loads and ``--clicks`` clicks per size; the numbers are
printed against the targets (a ratio above 1.00 misses the target). The first page of
each size opens as soon as the server answers, while its kernels are still warming
and the browser has nothing cached, so it is usually the maximum; its time is also
printed on its own. Not a test: timings depend on the machine.

    python benchmarks/bench_app.py [--pages 3] [--clicks 8] [--sizes 20 150]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "browser"))

from app_driver import SMILEYS, running, wait_usable  # noqa: E402
from chromium import launch  # noqa: E402

from klantreis.session import ProjectSession  # noqa: E402

PAGE_TARGET_S = 3.0
CLICK_TARGET_MS = 300.0
SAVED = r"/Opgeslagen|Saved/"
#: Per step page measured: a test in the page that is true once the form shows all
#: ``n`` touchpoints.
USABLE = {
    "emoties": f"n => document.querySelectorAll({SMILEYS!r}).length >= n",
    "touchpoints": "n => document.querySelectorAll('select option').length >= n",
}

# Clicks the smiley `label` of row `index` and resolves with the milliseconds until the
# status line shows a saved message again (it is blanked first, so an unchanged text
# is not mistaken for a new save), or null after `limit` ms.
CLICK_JS = """
([index, label, limit]) => new Promise(resolve => {
  const rows = [...document.querySelectorAll(ROWS)];
  const button = [...rows[index].querySelectorAll('button')].find(b => b.textContent.includes(label));
  let status = document.querySelector('[data-kr-status]');
  if (!status) {
    status = [...document.querySelectorAll('.widget-html-content')]
      .filter(e => SAVED.test(e.textContent)).pop();
    if (!status) { resolve(-1); return; }
    status.dataset.krStatus = '1';
  }
  status.textContent = '';
  const start = performance.now();
  const seen = new MutationObserver(() => {
    if (SAVED.test(status.textContent)) { seen.disconnect(); resolve(performance.now() - start); }
  });
  seen.observe(status, {childList: true, subtree: true, characterData: true});
  button.click();
  setTimeout(() => { seen.disconnect(); resolve(null); }, limit);
})
""".replace("SAVED", SAVED).replace("ROWS", repr(SMILEYS))


def make_project(path: Path, touchpoints: int) -> Path:
    """A canvas project with one persona and ``touchpoints`` touchpoints over its phases."""
    session = ProjectSession.create(path, "canvas", f"Benchmark {touchpoints}", "nl")

    def fill(journey) -> None:  # type: ignore[no-untyped-def]
        journey.add_persona("p1", "Persona")
        phases = journey.ids("phases")
        for i in range(touchpoints):
            journey.add_touchpoint(
                f"tp{i + 1}",
                "p1",
                phases[i * len(phases) // touchpoints],
                f"Touchpoint {i + 1}",
                channel="Website",
                emotion=3,
            )

    session.apply(fill)
    session.save()
    return path


class FileWatch:
    """Notes (perf_counter) when the project file's modification time changes."""

    def __init__(self, path: Path):
        self.path, self.changes, self._stop = path, [], threading.Event()
        self._last = path.stat().st_mtime_ns
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            now = self.path.stat().st_mtime_ns
            if now != self._last:
                self._last = now
                self.changes.append(time.perf_counter())
            time.sleep(0.002)

    def after(self, moment: float, timeout: float = 5) -> float | None:
        """Seconds from ``moment`` to the first change after it."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            later = [c for c in self.changes if c > moment]
            if later:
                return later[0] - moment
            time.sleep(0.005)
        return None

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def measure(pw, size: int, pages: int, clicks: int, folder: Path) -> dict[str, list[float]]:  # type: ignore[no-untyped-def]
    """Page-usable and click timings for a journey of ``size`` touchpoints."""
    project = make_project(folder / f"bench{size}.yaml", size)
    results: dict[str, list[float]] = {"saved": [], "file": []}
    with running("app", project, folder / "logs") as server:
        browser = launch(pw)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        for step, shows_all in USABLE.items():
            results[step] = []
            for _ in range(pages):
                started = time.perf_counter()
                page.goto(server.step_url(step))
                wait_usable(page)
                page.wait_for_function(shows_all, arg=size, timeout=120_000, polling=20)
                results[step].append(time.perf_counter() - started)
        page.goto(server.step_url("emoties"))
        wait_usable(page)
        page.wait_for_function(USABLE["emoties"], arg=size, timeout=120_000)
        page.locator(SMILEYS).first.locator("button").first.click()  # first save
        page.wait_for_function(
            f"() => [...document.querySelectorAll('.widget-html-content')]"
            f".some(e => {SAVED}.test(e.textContent))",
            timeout=30_000,
        )
        watch = FileWatch(project)
        labels = ["blij", "boos"]
        for n in range(clicks):
            time.sleep(1.1)  # a new second, so the status line's text changes
            row = (n * 37) % size
            moment = time.perf_counter()
            saved_ms = page.evaluate(CLICK_JS, [row, labels[n % 2], 5000])
            to_file = watch.after(moment)
            if saved_ms is not None and saved_ms >= 0:
                results["saved"].append(saved_ms)
            if to_file is not None:
                results["file"].append(to_file * 1000)
        watch.stop()
        browser.close()
    return results


def describe(values: list[float], unit: str, target: float) -> str:
    """``median / max unit (median ÷ target)``, or n/a."""
    if not values:
        return "n/a (the status line did not change)"
    median = statistics.median(values)
    return f"{median:8.0f} median {max(values):8.0f} max {unit}  ({median / target:.2f} of target)"


def main() -> None:
    """Run the benchmark and print the table."""
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pages", type=int, default=3)
    parser.add_argument("--clicks", type=int, default=8)
    parser.add_argument("--sizes", type=int, nargs="+", default=[20, 150])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        for size in args.sizes:
            r = measure(pw, size, args.pages, args.clicks, Path(tmp))
            print(f"{size} touchpoints")
            for step in USABLE:
                times = describe([s * 1000 for s in r[step]], "ms", PAGE_TARGET_S * 1000)
                print(
                    f"  {step + ' page':<15}{times}   target {PAGE_TARGET_S:.0f} s;"
                    f" first {r[step][0] * 1000:.0f} ms"
                )
            print(
                f"  click → saved  {describe(r['saved'], 'ms', CLICK_TARGET_MS)}"
                f"   target {CLICK_TARGET_MS:.0f} ms at 150"
            )
            print(f"  click → file   {describe(r['file'], 'ms', CLICK_TARGET_MS)}")


if __name__ == "__main__":
    main()
