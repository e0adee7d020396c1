"""Benchmark: printing a poster and a blank canvas, against WeasyPrint rendering the
same HTML alone.

For an example journey (``sportschool.yaml``, the student's current journey: 16
touchpoints) on A3 and A0, and for a blank Canvas on A1, the script times the whole
``poster_pdf`` / ``blank_pdf`` call, and then "plain": WeasyPrint turning the final
HTML of that poster into a PDF once, without klantreis's layout (planning the sheets,
measuring, growing the type to fill the page). The ratio is the cost of that layout.
Medians over ``--runs`` runs, of the wall time and of the processor time (the
ratio is of processor times, which a busy machine does not change); the targets
(issue 23) are 5 s for a poster on A3, 10 s on A0 and 3 s for a blank canvas.

    python benchmarks/bench_poster.py [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import klantreis
from klantreis.charts import canvas
from klantreis.poster import blank_pdf, get_paper, poster_pdf
from klantreis.poster.blank import blank_html
from klantreis.poster.render import pdf_bytes, render
from klantreis.poster.sheets import plan, sheets_html

EXAMPLE = Path(__file__).parent.parent / "examples" / "sportschool.yaml"
TARGETS = {"poster A3": 5.0, "poster A0": 10.0, "blank A1": 3.0}


def median_seconds(work: Callable[[], Any], runs: int) -> tuple[float, float]:
    """The median wall time and the median processor time (this process, all its
    threads) of ``work`` over ``runs`` runs. On a busy machine the wall time grows with
    the load; the processor time is what the work itself costs."""
    walls, cpus = [], []
    for _ in range(runs):
        start, cpu = time.perf_counter(), time.process_time()
        work()
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def weasyprint_alone(html: str) -> bytes:
    """The PDF of ``html`` as WeasyPrint makes it, nothing else."""
    return bytes(pdf_bytes(render(html)))


def main() -> None:
    """Time each case and print it with its ratio against plain WeasyPrint."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    journey = klantreis.load(EXAMPLE)
    printed = canvas(journey, "student", "huidig")
    printed.typeset = True
    blank = klantreis.new_journey("canvas")
    cases: dict[str, tuple[Callable[[], Any], str]] = {}
    for paper in ("A3", "A0"):
        sheet = get_paper(paper)
        html = sheets_html(printed, sheet, plan(printed, sheet))
        cases[f"poster {paper}"] = (partial(poster_pdf, journey, "student", "huidig", sheet), html)
    cases["blank A1"] = (partial(blank_pdf, blank, "A1"), blank_html(blank, get_paper("A1")))
    print(
        f"load average (1, 5, 15 min): {', '.join(f'{v:.1f}' for v in os.getloadavg())},",
        f"{os.cpu_count()} cores",
    )
    print(
        f"{'case':<10} {'klantreis':>10} {'(cpu)':>7} {'WeasyPrint':>11} {'(cpu)':>7}",
        f"{'ratio':>6} {'target':>7}",
    )
    for name, (work, html) in cases.items():
        ours, ours_cpu = median_seconds(work, runs)
        plain, plain_cpu = median_seconds(partial(weasyprint_alone, html), runs)
        verdict = "ok" if ours <= TARGETS[name] else "SLOW"
        target = TARGETS[name]
        print(
            f"{name:<10} {ours:>9.1f}s {ours_cpu:>6.1f}s {plain:>10.1f}s {plain_cpu:>6.1f}s "
            f"{ours_cpu / plain_cpu:>6.1f} {target:>6.0f}s {verdict}"
        )


if __name__ == "__main__":
    main()
