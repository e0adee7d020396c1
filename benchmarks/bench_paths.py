"""Benchmark: importing an event log with klantreis.paths, against plain pandas.

A log of ``--rows`` events (default 1,000,000; about 150,000 visitors, 12 event names
of which 8 are on the map of examples/sportschool.yaml's student, about 1% duplicate
rows and 0.5% unreadable timestamps, rows not in time order) is generated in a
temporary folder. "Plain" is what an analyst would write by hand with pandas: read the
whole file, parse the times, drop duplicates, sort, then the same aggregates (paths,
reach, steps, variants, the four classes, hours to the next touchpoint) with groupby
and shift. The import does more (sha256, encoding and separator sniffing, checks,
bounded memory), so the target is a ratio of at most 2, and under 15 s here. Best of
``--runs`` runs.

With ``--gb N`` (default 1) it also writes a log of about N GB to a temporary folder in
``--tmp`` (default /tmp; in blocks of a million rows, which takes a few minutes) and
measures the peak resident memory of its import in a fresh process
(its ``VmHWM``, or ``getrusage(RUSAGE_CHILDREN)``; the target for 1 GB: under 1 GB). ``--gb 0`` skips
it; ``--big-log FILE`` measures an existing log instead. The load average is printed
with the figures: the machine may be shared.

    python benchmarks/bench_paths.py [--runs 3] [--rows 1000000] [--gb 1] [--big-log FILE]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

import klantreis
from klantreis.paths import read_events

ROOT = Path(__file__).resolve().parent.parent
TARGET_RATIO, TARGET_SECONDS = 2.0, 15.0
#: Bytes per row of a generated log, about.
ROW_BYTES = 47.6
EVENTS = {
    "home_view": "website-bezoek",
    "prices_view": "website-bezoek",
    "trial_booked": "proefles",
    "membership_signed": "inschrijven-balie",
    "welcome_mail_open": "welkomstmail",
    "app_login": "app-inloggen",
    "class_checkin": "groepsles",
    "pause_request": "abonnement-pauzeren",
}
OTHER = ["newsletter_signup", "chat_open", "jobs_view", "faq_view"]
MAPPING = {"kind": "events", "columns": {"case": "visitor_id", "time": "event_time", "event": "event_name"},
           "events": EVENTS}  # fmt: skip


def make_log(path: Path, rows: int, seed: int = 1) -> None:
    """A generated log (see the module's doc), written in blocks of a million rows."""
    rng = np.random.default_rng(seed)
    names = np.array([*EVENTS, *OTHER], dtype=object)
    weights = np.array([8, 5, 3, 3, 2, 4, 6, 1, 1, 2, 1, 2], dtype=float)
    start = np.datetime64("2026-01-01T00:00:00")
    with path.open("w", encoding="utf-8") as handle:
        handle.write("visitor_id,event_time,event_name\n")
        for offset in range(0, rows, 1_000_000):
            n = min(1_000_000, rows - offset)
            visitors = rng.integers(0, max(rows // 7, 1), n) + offset // 7
            # events roughly in map order per visitor: the time grows with the event's step
            event = rng.choice(len(names), n, p=weights / weights.sum())
            seconds = visitors % 5_000_000 * 7 + event * 3600 + rng.integers(0, 7200, n)
            stamps = np.datetime_as_string(start + seconds.astype("timedelta64[s]"), unit="s").astype(object)
            stamps[rng.random(n) < 0.005] = "onbekend"
            frame = pd.DataFrame({"visitor_id": [f"bezoeker-{v}" for v in visitors], "event_time": stamps,
                                  "event_name": names[event]})  # fmt: skip
            dup = frame.sample(frac=0.01, random_state=seed + offset)
            pd.concat([frame, dup]).iloc[:n].to_csv(handle, header=False, index=False)


def plain_pandas(path: Path, order: list[str], main: set[str]) -> dict[str, object]:
    """The same aggregates with plain pandas."""
    df = pd.read_csv(path)
    df["t"] = pd.to_datetime(df["event_time"], format="ISO8601", errors="coerce")
    df = df[df["t"].notna()].drop_duplicates(["visitor_id", "t", "event_name"])
    df["line"] = np.arange(len(df))
    df = df.sort_values(["visitor_id", "t", "line"])
    df["tp"] = df["event_name"].map(EVENTS)
    pos = {tp: i for i, tp in enumerate(order)}
    df["pos"] = df["tp"].map(pos)
    mapped = df[df["pos"].notna()]
    grp = df.groupby("visitor_id", sort=False)
    first = mapped.groupby("visitor_id")["line"].min()
    last = mapped.groupby("visitor_id")["line"].max()
    loose = (
        df[df["pos"].isna()].join(first.rename("f"), on="visitor_id").join(last.rename("l"), on="visitor_id")
    )
    adhoc = set(loose[(loose["line"] > loose["f"]) & (loose["line"] < loose["l"])]["visitor_id"])
    prev = mapped.groupby("visitor_id")["pos"].shift()
    path = mapped[prev.ne(mapped["pos"])]
    nxt = path.groupby("visitor_id")["pos"].shift(-1)
    gap = (path.groupby("visitor_id")["t"].shift(-1) - path["t"]).dt.total_seconds() / 3600
    irregular = set(path[nxt < path["pos"]]["visitor_id"])
    variants = path.groupby("visitor_id")["tp"].agg(" ".join).value_counts()
    reached = path.drop_duplicates(["visitor_id", "tp"])["tp"].value_counts()
    follows = pd.DataFrame({"a": path["pos"], "b": nxt}).dropna().value_counts()
    quantiles = gap.groupby(path["tp"]).quantile([0.5, 0.9])
    checked = np.cumsum([tp in main and tp in set(EVENTS.values()) for tp in order])
    span = path.groupby("visitor_id")["pos"].agg(["first", "last", "count"])
    missing = set(
        span.index[
            (checked[span["last"].astype(int)] - checked[span["first"].astype(int)] + 1) > span["count"]
        ]
    )
    return {"cases": len(span), "irregular": len(irregular), "adhoc": len(adhoc - irregular),
            "missing": len(missing - irregular - adhoc), "variants": len(variants), "reached": reached,
            "follows": follows, "quantiles": quantiles, "groups": grp.ngroups}  # fmt: skip


def best(runs: int, fn: object) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return min(times)


def peak_memory(log: Path) -> tuple[float, float, int]:
    """Peak resident memory (MB) of importing ``log`` in a fresh process, the seconds
    the import took there, and the cases it found. The peak is the child's own
    ``VmHWM`` (/proc), else ``getrusage(RUSAGE_CHILDREN)``: that one also counts the
    pages the child shared with this process between fork and exec."""
    code = (
        "import sys, time, klantreis\n"
        "from klantreis.paths import read_events\n"
        "sys.path.insert(0, sys.argv[2])\n"
        "from bench_paths import MAPPING\n"
        "j = klantreis.load(sys.argv[3])\n"
        "start = time.perf_counter()\n"
        "r = read_events(j, sys.argv[1], MAPPING, persona='student', scenario='huidig')\n"
        "seconds = time.perf_counter() - start\n"
        "try:\n"
        "    status = open('/proc/self/status').read().split('VmHWM:')[1].split()[0]\n"
        "except (OSError, IndexError):\n"
        "    status = '0'\n"
        "print(seconds, r.source['paths']['personas']['student']['cases'], int(status) / 1024)\n"
    )
    project = ROOT / "examples" / "sportschool.yaml"
    command = [sys.executable, "-c", code, str(log), str(Path(__file__).parent), str(project)]
    out = subprocess.run(command, check=True, capture_output=True, text=True)
    seconds, cases, hwm = out.stdout.split()
    peak = float(hwm) or resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return peak, float(seconds), int(cases)


def load() -> str:
    return "load average " + " ".join(f"{x:.1f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--gb", type=float, default=1.0, help="size of the big log in GB (0: skip)")
    parser.add_argument("--big-log", type=Path, help="an existing log (CSV, bench_paths' columns) to measure")
    parser.add_argument("--tmp", default="/tmp", help="folder for the generated logs")
    args = parser.parse_args()
    journey = klantreis.load(ROOT / "examples" / "sportschool.yaml")
    steps = journey.journey("student", "huidig")
    order = [str(t) for t in steps["id"]]
    main_tps = {str(t) for t, i in zip(steps["id"], steps["importance"], strict=True) if str(i) != "side"}
    print(f"{os.cpu_count()} CPUs, {load()}")
    with tempfile.TemporaryDirectory(dir=args.tmp, prefix="bench-paths-") as tmp:
        if args.rows:
            log = Path(tmp) / "events.csv"
            make_log(log, args.rows)
            size = log.stat().st_size / 1e6
            ours = best(
                args.runs, lambda: read_events(journey, log, MAPPING, persona="student", scenario="huidig")
            )
            plain = best(args.runs, lambda: plain_pandas(log, order, main_tps))
            ratio = ours / plain
            print(f"{args.rows:,} rows ({size:.0f} MB): klantreis {ours:.2f} s, plain pandas {plain:.2f} s, "
                  f"ratio {ratio:.2f} (target <= {TARGET_RATIO}, and < {TARGET_SECONDS:.0f} s)")  # fmt: skip
            print(f"  {load()}")
            log.unlink()
        big = args.big_log
        if big is None and args.gb:
            big = Path(tmp) / "big.csv"
            start = time.perf_counter()
            make_log(big, int(args.gb * 1e9 / ROW_BYTES))
            print(f"wrote {big.stat().st_size / 1e6:.0f} MB in {time.perf_counter() - start:.0f} s")
        if big is not None:
            rss, seconds, cases = peak_memory(big)
            mb = big.stat().st_size / 1e6
            print(f"{mb:.0f} MB log ({cases:,} cases): import {seconds:.0f} s, peak resident memory "
                  f"{rss:.0f} MB (target < 1000 MB; {rss / mb:.2f} of the file's size)")  # fmt: skip
            print(f"  {load()}")


if __name__ == "__main__":
    main()
