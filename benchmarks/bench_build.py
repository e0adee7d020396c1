"""Benchmark: `klantreis build` against the plain route it replaces.

The plain route is what a researcher would script by hand: for every journey, one
`papermill` CLI call and one `jupyter nbconvert --to html` CLI call, in sequence.
`klantreis build` runs journeys in parallel worker processes and converts in-process.
Both run on the same project (an example with at least 6 journeys) in one run; the
script prints both times, their ratio (target: at most 0.5 on 2 cores) and the
per-journey cost split of `klantreis build` (kernel start, execution, conversion).

    python benchmarks/bench_build.py [--example sportschool] [--journeys 6]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import klantreis
from klantreis.resources import data_dir, example_path


def project_with_journeys(source: Path, count: int, folder: Path) -> Path:
    """A copy of ``source`` with at least ``count`` journeys (copying journeys to
    scenarios a persona does not have yet, when needed)."""
    journey = klantreis.load(source)
    existing = journey.journeys()
    for persona in journey.ids("personas"):
        for scenario in journey.ids("scenarios"):
            if len(journey.journeys()) >= count:
                break
            if (persona, scenario) not in journey.journeys():
                first = next(s for p, s in existing if p == persona)
                journey.copy_journey(persona, first, persona, scenario)
    path = folder / "project.yaml"
    klantreis.save(journey, path)
    return path


def plain_route(project: Path, pairs: list[tuple[str, str]], out: Path) -> float:
    """papermill CLI + nbconvert CLI per journey, in sequence; returns seconds."""
    notebook = data_dir("workbook") / "rapport.ipynb"
    bindir = Path(sys.executable).parent
    started = time.perf_counter()
    for persona, scenario in pairs:
        executed = out / f"{persona}-{scenario}.ipynb"
        subprocess.run(
            [
                str(bindir / "papermill"),
                str(notebook),
                str(executed),
                "-p",
                "project",
                str(project),
                "-p",
                "persona",
                persona,
                "-p",
                "scenario",
                scenario,
                "--no-progress-bar",
            ],
            check=True,
            capture_output=True,
        )
        subprocess.run(
            [str(bindir / "jupyter"), "nbconvert", "--to", "html", str(executed)],
            check=True,
            capture_output=True,
        )
    return time.perf_counter() - started


def klantreis_route(project: Path, out: Path) -> tuple[float, list[dict[str, float]]]:
    """`klantreis build` in a fresh interpreter (like the CLI); returns seconds and the
    per-journey timings."""
    code = (
        "import json, sys, klantreis\n"
        f"results = klantreis.build({str(project)!r}, {str(out)!r})\n"
        "assert all(r.ok for r in results), [r.error for r in results]\n"
        "print(json.dumps([r.timings for r in results]))\n"
    )
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    return seconds, json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    """Run both routes once and print the comparison."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--example", default="sportschool")
    parser.add_argument("--journeys", type=int, default=6)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        project = project_with_journeys(example_path(args.example), args.journeys, folder)
        pairs = klantreis.load(project).journeys()
        (folder / "plain").mkdir()
        plain = plain_route(project, pairs, folder / "plain")
        ours, timings = klantreis_route(project, folder / "klantreis")
        shutil.rmtree(folder / "plain", ignore_errors=True)
    print(f"journeys:                         {len(pairs)}")
    print(f"plain route (papermill + nbconvert CLIs, sequential): {plain:6.1f} s")
    print(f"klantreis build:                                      {ours:6.1f} s")
    print(f"ratio klantreis / plain: {ours / plain:.2f}  (target <= 0.50)")
    for key in ("kernel_start", "execute", "convert"):
        values = [t.get(key, 0.0) for t in timings]
        print(f"  per journey {key:<13} mean {sum(values) / len(values):5.2f} s")


if __name__ == "__main__":
    main()
