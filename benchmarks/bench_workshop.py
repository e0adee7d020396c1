"""Benchmark: a workshop in app mode, as a facilitator runs it.

One ``klantreis app`` on a generated project; ``--participants`` (default 10) open the
emoties page at the same moment, each in their own Chromium context, and then click a
smiley on one of their own touchpoints every 2–4 s for ``--seconds``. The clicking
runs inside each page (so participants really act at the same time); a thread reads
the project file all the time. Printed:

- *actions*, *lost* (a participant's last value of a touchpoint is not in the file at
  the end) and *reverted* (the file went back to an older value of a touchpoint);
- *click → saved*: median, p95 and max, from the click until the page's status line
  says it saved (target 500 ms);
- *pages served by the server alone*: first a server of its own (``--participants N``,
  settled: its warm kernels ready, as on a laptop started before the room arrives)
  gets N requests for the step at the same moment over plain HTTP, as from the
  participants' own devices; the seconds until each page, with its form, arrived
  (target 8 s), and the CPU of server and kernels;
- *page usable*: median and max from opening all pages at once in N Chromium contexts
  on this machine until each shows its smileys (target 8 s). Here the browsers share
  the server's cores: the figure shows the machine's whole load (all Chromium
  processes are counted), not what a participant with their own laptop waits.
  With ``--via-start S`` every tab opens the start page first and, S seconds later,
  all open the step at once (a room that read the start page; the time counts from
  the step). *opening CPU*: the CPU seconds the server, its kernels and the browser
  used until the pages were usable, and how busy the whole machine was;
- *server CPU per save*: CPU seconds of the server and all kernels (the merge and the
  page refresh of every save happen there) over the run, per save (target 100 ms),
  apart from the browsers' own CPU;
- memory (RSS) of the server, the kernels and the browser at the end.

Ratios above 1.00 miss the target. Not a test: timings depend on the machine (the
browsers share its cores with the server here).

    python benchmarks/bench_workshop.py [--participants 10] [--seconds 60] [--via-start S]

``--seconds 0``: only the page-usable part. The load average is printed with the
figures (on a shared machine they depend on it).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "browser"))

from app_driver import FileWatcher, running, went_back  # noqa: E402
from chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

from klantreis.session import ProjectSession  # noqa: E402
from klantreis.supervise import descendants  # noqa: E402

ROWS_EACH = 3
TARGETS = {"saved_p95_ms": 500.0, "usable_max_s": 8.0, "server_ms_per_save": 100.0}

# Clicks a smiley on one of this participant's rows every 2-4 s until `seconds` have
# passed; per click: [row id, score, ms until the status line said saved (or null)].
DRIVE_JS = """
async ([ids, seconds]) => {
  const done = [];
  const status = () => document.querySelector('.kr-status');
  const end = performance.now() + seconds * 1000;
  let n = 0;
  while (performance.now() < end) {
    await new Promise(r => setTimeout(r, 2000 + Math.random() * 2000));
    const id = ids[n % ids.length];
    const row = document.querySelector(`.kr-row[data-id="${id}"]`);
    const chosen = row.querySelector('.kr-chosen');
    const score = chosen ? (Number(chosen.dataset.score) % 5) + 1 : 1 + (n % 5);
    const line = status();
    const before = line ? line.textContent : '';
    const start = performance.now();
    const saved = new Promise(resolve => {
      if (!line) { resolve(null); return; }
      const seen = new MutationObserver(() => {
        if (line.textContent !== before && /Opgeslagen|Saved/.test(line.textContent)) {
          seen.disconnect(); resolve(performance.now() - start);
        }
      });
      seen.observe(line, {childList: true, subtree: true, characterData: true});
      setTimeout(() => { seen.disconnect(); resolve(null); }, 15000);
    });
    row.querySelector(`.kr-smiley[data-score="${score}"]`).click();
    done.push([id, score, await saved]);
    n += 1;
  }
  return done;
}
"""


def make_project(path: Path, participants: int) -> Path:
    """A canvas project with one persona and ``ROWS_EACH`` touchpoints per participant."""
    session = ProjectSession.create(path, "canvas", "Workshop", "nl")

    def fill(journey) -> None:  # type: ignore[no-untyped-def]
        journey.add_persona("p1", "Persona")
        phases = journey.ids("phases")
        for i in range(participants * ROWS_EACH):
            journey.add_touchpoint(f"tp{i}", "p1", phases[i % len(phases)], f"Moment {i}", emotion=3)

    session.apply(fill)
    session.save()
    return path


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU seconds of ``pids`` so far."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
        except (OSError, IndexError, ValueError):
            continue
    return total / os.sysconf("SC_CLK_TCK")


def rss_mb(pids: list[int]) -> float:
    """Resident memory of ``pids`` in MB."""
    total = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total / 1024


def marked(marker: str) -> list[int]:
    """The processes whose command line holds ``marker`` (the browser started here)."""
    found = []
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                if marker.encode() in (proc / "cmdline").read_bytes():
                    found.append(int(proc.name))
            except OSError:
                continue
    return found


def opening_cpu(pid: int, marker: str | None = None) -> dict[str, float]:
    """CPU seconds so far of the server, its kernels and (with its ``marker``) the browser."""
    family = descendants(pid)
    kernels = [p for p in family if is_kernel(p)]
    cpu = {
        "server": cpu_seconds([pid, *(p for p in family if p not in kernels)]),
        "kernels": cpu_seconds(kernels),
    }
    if marker is not None:
        cpu["browser"] = cpu_seconds(browser_processes(marker))
    return cpu


def browser_processes(marker: str) -> list[int]:
    """The browser started here with all its renderer, GPU and utility processes
    (only the first carries the marker on its command line)."""
    roots = marked(marker)
    return [*roots, *(p for root in roots for p in descendants(root))]


def machine_busy() -> float:
    """CPU seconds the whole machine has been busy (all cores) since boot."""
    fields = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    return (sum(fields) - fields[3] - fields[4]) / os.sysconf("SC_CLK_TCK")


def serve_at_once(url: str, n: int) -> list[float]:
    """Fetch ``url`` ``n`` times at the same moment over plain HTTP (as participants'
    own devices would; no browser on this machine); per request the seconds until
    the whole page, with the step's form in it, had arrived."""
    from concurrent.futures import ThreadPoolExecutor
    from urllib.request import urlopen

    def fetch(_: int) -> float:
        start = time.perf_counter()
        with urlopen(url, timeout=300) as response:
            body = response.read()
        if b"application/vnd.jupyter.widget-view+json" not in body:
            raise RuntimeError("a page arrived without its form")
        return time.perf_counter() - start

    with ThreadPoolExecutor(n) as pool:
        return sorted(pool.map(fetch, range(n)))


def server_alone(project: Path, logs: Path, n: int, pool: int) -> tuple[list[float], dict[str, float]]:
    """``n`` step pages requested at once from a settled server of their own (started
    for ``pool`` participants), over plain HTTP; the seconds until each arrived, and
    the CPU it cost."""
    with running("app", project, logs, f"--participants={pool}") as server:
        settle(server.process.pid)
        before = opening_cpu(server.process.pid)
        times = serve_at_once(server.step_url("emoties"), n)
        after = opening_cpu(server.process.pid)
    return times, {k: after[k] - before[k] for k in before}


def is_kernel(pid: int) -> bool:
    try:
        return b"ipykernel" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False


def settle(pid: int, timeout: float = 120) -> None:
    """Wait until the server and its kernels have (almost) stopped using CPU: its warm
    kernels are ready."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        before = cpu_seconds([pid, *descendants(pid)])
        time.sleep(1)
        if cpu_seconds([pid, *descendants(pid)]) - before < 0.05:
            return


def ratio(value: float, target: float) -> str:
    return f"{value / target:.2f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--participants", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--via-start", type=float, default=None, metavar="S")
    parser.add_argument(
        "--pool", type=int, default=None, metavar="K",
        help="start the app with --participants K (default: the number of participants)",
    )  # fmt: skip
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    n = args.participants
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        project = make_project(Path(tmp) / "workshop.yaml", n)
        marker = f"--kr-bench={uuid.uuid4().hex}"
        pool = n if args.pool is None else args.pool
        served, served_cpu = server_alone(project, Path(tmp) / "logs", n, pool)
        with running("app", project, Path(tmp) / "logs", f"--participants={pool}") as server:
            browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=[*CHROMIUM_ARGS, marker])
            pages = [
                browser.new_context(viewport={"width": 1280, "height": 900}).new_page() for _ in range(n)
            ]
            settle(server.process.pid)
            load_before = os.getloadavg()[0]
            if args.via_start is not None:
                for page in pages:
                    page.goto(server.url, wait_until="commit")
                time.sleep(args.via_start)
            open_cpu = opening_cpu(server.process.pid, marker)
            busy_before = machine_busy()
            started = time.perf_counter()
            for page in pages:
                page.goto(server.step_url("emoties"), wait_until="commit")
            usable: dict[int, float] = {}
            while len(usable) < n and time.perf_counter() - started < 180:
                for i, page in enumerate(pages):
                    if i not in usable and page.locator(".kr-smileys").count():
                        usable[i] = time.perf_counter() - started
                time.sleep(0.1)
            open_cpu = {k: v - open_cpu[k] for k, v in opening_cpu(server.process.pid, marker).items()}
            open_busy = machine_busy() - busy_before
            open_wall = time.perf_counter() - started
            watcher = FileWatcher(project)
            watcher.start()
            family = [server.process.pid, *descendants(server.process.pid)]
            cpu_before = cpu_seconds(family)
            pages = [page for i, page in enumerate(pages) if i in usable]  # the others never loaded
            for i, page in enumerate(pages):  # start every participant's clicking, then collect it
                page.evaluate(
                    "([f, a]) => { window.krBench = (new Function('return ' + f))()(a); }",
                    [DRIVE_JS.strip(), [[f"tp{i * ROWS_EACH + k}" for k in range(ROWS_EACH)], args.seconds]],
                )
            clicks = [c for page in pages for c in page.evaluate("window.krBench")]
            last = {tid: score for tid, score, _ in clicks}
            deadline = time.monotonic() + 30  # the last saves
            while time.monotonic() < deadline and any(
                watcher.seen.get((tid, "emotion"), [None])[-1] != score for tid, score in last.items()
            ):
                time.sleep(0.2)
            family = [server.process.pid, *descendants(server.process.pid)]
            cpu = cpu_seconds(family) - cpu_before
            kernels = [p for p in family if b"ipykernel" in Path(f"/proc/{p}/cmdline").read_bytes()]
            memory = {
                "server": rss_mb([server.process.pid]),
                "kernels": rss_mb(kernels),
                "browser": rss_mb(browser_processes(marker)),
            }
            watcher.stopping.set()
            browser.close()
    watcher.join(5)
    intended: dict[tuple[str, str], list[object]] = {}
    for tid, score, _ in clicks:
        intended.setdefault((tid, "emotion"), [3]).append(score)
    missing = {
        k[0]: (v, watcher.seen.get(k))
        for k, v in intended.items()
        if watcher.seen.get(k, [None])[-1] != v[-1]
    }
    lost = len(missing)
    for tid, (wanted, seen) in missing.items():
        print(f"lost: {tid} clicked {wanted}, the file held {seen}")
    reverted = sum(1 for k, v in intended.items() if went_back(v, watcher.seen.get(k, [3])))
    saved = sorted(ms for _, _, ms in clicks if ms is not None)
    p95 = saved[min(len(saved) - 1, int(0.95 * len(saved)))] if saved else float("nan")
    per_save = 1000 * cpu / max(1, len(saved))
    times = sorted(usable.values())
    via = "" if args.via_start is None else f", via the start page {args.via_start:.0f} s before"
    print(
        f"participants {n} (app started for {pool}), {args.seconds:.0f} s{via}:"
        f" {len(clicks)} actions, {len(saved)} saved"
    )
    print(f"load average (1 min): {load_before:.1f} before opening, {os.getloadavg()[0]:.1f} at the end")
    print(f"lost {lost}, reverted {reverted} (touchpoints; target 0)")
    if saved:
        print(
            f"click -> saved: median {statistics.median(saved):.0f} ms, p95 {p95:.0f} ms,"
            f" max {saved[-1]:.0f} ms"
            f"  (p95 / target: {ratio(p95, TARGETS['saved_p95_ms'])})"
        )
    print(
        f"pages served by the server alone ({n} at once over HTTP, browsers elsewhere): median"
        f" {statistics.median(served):.1f} s, max {served[-1]:.1f} s"
        f"  (max / target: {ratio(served[-1], TARGETS['usable_max_s'])}); CPU "
        + ", ".join(f"{k} {v:.1f} s" for k, v in served_cpu.items())
    )
    if times:
        print(
            f"page usable in {n} browsers on this machine ({len(times)}/{n}): median"
            f" {statistics.median(times):.1f} s, max {times[-1]:.1f} s"
            f"  (max / target: {ratio(times[-1], TARGETS['usable_max_s'])})"
        )
    print(
        f"opening CPU (s): {sum(open_cpu.values()):.1f} = "
        + ", ".join(f"{k} {v:.1f}" for k, v in open_cpu.items())
        + f"; the machine was busy {open_busy:.1f} CPU-s in {open_wall:.1f} s"
        f" ({open_busy / max(open_wall, 0.1) / (os.cpu_count() or 1):.0%} of {os.cpu_count()} cores)"
    )
    print(
        f"server + kernels CPU per save: {per_save:.0f} ms"
        f"  (/ target: {ratio(per_save, TARGETS['server_ms_per_save'])})"
    )
    print("memory (MB): " + ", ".join(f"{k} {v:.0f}" for k, v in memory.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
