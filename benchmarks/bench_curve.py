"""Benchmark: how soon the emoties form shows its first emotion curve, and how long a
smiley click takes (save + redraw), in the kernel.

First curve: each run is a fresh Python process (as a fresh kernel is) that has
imported ``klantreis.widgets``; timed is building ``EmotiesForm`` on a copy of the
sportschool example, which draws the curve. "Plain" is the way it was done before:
Altair imported as usual (jsonschema then compiles the optional IRI grammar of
``rfc3987_syntax`` at import, when installed, as it is in a Jupyter environment).
Click: one smiley set (saved to the file and the curve redrawn) on a journey of 20
and of 150 touchpoints, median over ``--runs``.

    python benchmarks/bench_curve.py [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "sportschool.yaml"

FIRST_CURVE = """
import json, sys, time
from klantreis.session import ProjectSession
from klantreis.widgets import EmotiesForm
session = ProjectSession.open(sys.argv[1])
start = time.perf_counter()
if sys.argv[2] == "plain":
    import altair  # noqa: F401
form = EmotiesForm(session, persona="student")
assert form.curve.output.outputs, "no curve drawn"
print(json.dumps(time.perf_counter() - start))
"""


def first_curve(mode: str, project: Path) -> float:
    """Seconds from a ready session to the first curve, in a fresh process."""
    out = subprocess.run(
        [sys.executable, "-c", FIRST_CURVE, str(project), mode],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    return float(json.loads(out.stdout.strip().splitlines()[-1]))


def click_ms(touchpoints: int, runs: int, folder: Path) -> float:
    """Median milliseconds of one smiley click (save and redraw) on a journey of
    ``touchpoints`` touchpoints."""
    import klantreis
    from klantreis.session import ProjectSession
    from klantreis.widgets import EmotiesForm

    journey = klantreis.new_journey("canvas", "Benchmark")
    journey.add_persona("p", "P")
    phases = journey.ids("phases")
    for n in range(touchpoints):
        journey.add_touchpoint(f"t{n}", "p", phases[n * len(phases) // touchpoints], f"Touchpoint {n}",
                               emotion=1 + n % 5)  # fmt: skip
    path = klantreis.save(journey, folder / f"bench{touchpoints}.yaml")
    form = EmotiesForm(ProjectSession.open(path), persona="p")
    times = []
    for run in range(runs):
        row = form.rows[run % len(form.rows)]
        start = time.perf_counter()
        row.edit("emotion", 1 + (row.value("emotion") or 0) % 5)
        times.append((time.perf_counter() - start) * 1000)
        assert form.status.kind == "ok", form.status.text
    return statistics.median(times)


def main() -> None:
    """Print the first-curve times (fresh processes) and the click times."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        project = Path(shutil.copy(EXAMPLE, folder / "sportschool.yaml"))
        ours = statistics.median(first_curve("klantreis", project) for _ in range(args.runs))
        plain = statistics.median(first_curve("plain", project) for _ in range(args.runs))
        print(f"first curve (fresh kernel, median of {args.runs}): {ours * 1000:.0f} ms; "
              f"with Altair imported the plain way: {plain * 1000:.0f} ms "
              f"({ours / plain:.2f}x)")  # fmt: skip
        for size in (20, 150):
            print(f"smiley click, {size} touchpoints (save + redraw): "
                  f"{click_ms(size, max(args.runs, 5), folder):.0f} ms (target 300 ms)")  # fmt: skip


if __name__ == "__main__":
    main()
