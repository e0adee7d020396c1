"""Benchmark: the workbook's edit loop on big projects.

For projects of 360, 2,000 and 5,000 touchpoints (generated, with the kinds of text a
team types: colons, quotes, emoji, multi-line notes) it times, as a workbook form does:

- open: ``ProjectSession.open`` (read, parse, validate everything);
- edit + save: one ``session.apply(update_touchpoint)`` + ``session.save()`` (lock,
  compare with the file, write only the changed records' text, atomic replace).

Each figure is the median of ``--runs`` runs, wall time and CPU time of this process
(on a busy machine wall time grows, CPU time hardly). Ratios are printed against the
figures measured before this work (issue 8: open 32 / 206 / 621 ms, edit + save
95 / 510 / 1,293 ms) and against plain PyYAML (``yaml.load`` with the C loader and
``yaml.dump`` of the same data). Targets at 5,000 touchpoints: edit + save ≤ 100 ms
median (ratio ≤ 0.1), open ≤ 300 ms.

    python benchmarks/bench_edit.py [--runs 5]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

import klantreis
from klantreis.session import ProjectSession

BEFORE = {360: (32.0, 95.0), 2000: (206.0, 510.0), 5000: (621.0, 1293.0)}
TEXTS = [
    "Omdat het zo gaat",
    "Lang wachten: 20 minuten aan de balie",
    "Fijn! 😄 Snel geholpen",
    "Eerst zoeken,\ndan bellen\nen daarna mailen",
    "De app crasht #bug",
    "Prijs 'te hoog'",
    "- geen idee",
    "Ja",
]


def make_project(touchpoints: int, seed: int = 1) -> klantreis.Journey:
    """A project with about ``touchpoints`` touchpoints: personas of 120 touchpoints
    each (60 per scenario), over the canvas template's five phases."""
    rnd = random.Random(seed)
    journey = klantreis.new_journey("canvas", "Benchmark")
    phases, scenarios = journey.ids("phases"), journey.ids("scenarios")
    personas = max(1, touchpoints // 120)
    per = touchpoints // (personas * len(scenarios))
    records: list[dict[str, Any]] = []
    for p in range(personas):
        journey.add_persona(f"p{p + 1}", f"Persona {p + 1}", description="Student, 22.\nWoont op kamers.")
        for scenario in scenarios:
            for i in range(per):
                records.append({
                    "id": f"tp{i + 1}", "persona": f"p{p + 1}", "scenario": scenario,
                    "phase": phases[i * len(phases) // per],
                    "name": f"Touchpoint {i + 1}: {rnd.choice(['website', 'app', 'balie'])}",
                    "channel": rnd.choice(["Website", "App", "Balie"]),
                    "online": rnd.random() < 0.6, "owned": rnd.random() < 0.7,
                    "emotion": None if rnd.random() < 1 / 12 else rnd.randint(1, 5),
                    "why": rnd.choice(TEXTS), "thoughts": rnd.choice(TEXTS),
                    "backstage": rnd.choice(TEXTS), "critical": rnd.random() < 0.15,
                })  # fmt: skip
    journey.touchpoints = records
    return journey


def median_ms(action: Callable[[int], Any], runs: int) -> tuple[float, float]:
    """Median wall and CPU milliseconds of ``action(i)`` over ``runs`` runs."""
    wall, cpu = [], []
    for i in range(runs):
        w, c = time.perf_counter(), time.process_time()
        action(i)
        wall.append((time.perf_counter() - w) * 1000)
        cpu.append((time.process_time() - c) * 1000)
    return statistics.median(wall), statistics.median(cpu)


def measure(size: int, folder: Path, runs: int) -> dict[str, float]:
    """Open and edit + save times for a project of ``size`` touchpoints."""
    path = folder / f"p{size}.yaml"
    klantreis.save(make_project(size), path)
    text = path.read_text(encoding="utf-8")
    out: dict[str, float] = {"touchpoints": size, "mb": len(text.encode()) / 1e6}
    out["open"], out["open_cpu"] = median_ms(lambda _: ProjectSession.open(path), runs)
    session = ProjectSession.open(path)
    records = list(session.journey.records("touchpoints"))

    def edit(i: int) -> None:
        r = records[(i * 37) % len(records)]
        session.apply(lambda j: j.update_touchpoint(r["id"], r["persona"], r["scenario"], why=f"edit {i}"))
        session.save()

    out["edit"], out["edit_cpu"] = median_ms(edit, runs)
    data = yaml.load(text, Loader=yaml.CSafeLoader)
    out["yaml_load"], _ = median_ms(lambda _: yaml.load(text, Loader=yaml.CSafeLoader), min(runs, 3))
    dump = {"Dumper": yaml.CSafeDumper, "allow_unicode": True, "sort_keys": False}
    out["yaml_dump"], _ = median_ms(lambda _: yaml.dump(data, **dump), min(runs, 3))
    return out


def main() -> None:
    """Print the table of figures and ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print(f"{'touchpoints':>11} {'MB':>5} | {'open ms':>8} {'cpu':>5} {'ratio':>6} {'vs PyYAML load':>15} | "
          f"{'edit+save ms':>12} {'cpu':>5} {'ratio':>6} {'vs PyYAML dump':>15}")  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        for size, (open_before, edit_before) in BEFORE.items():
            r = measure(size, Path(tmp), args.runs)
            print(
                f"{size:>11,} {r['mb']:>5.2f} | {r['open']:>8.0f} {r['open_cpu']:>5.0f} "
                f"{r['open'] / open_before:>6.2f} {r['open'] / r['yaml_load']:>15.2f} | "
                f"{r['edit']:>12.0f} {r['edit_cpu']:>5.0f} {r['edit'] / edit_before:>6.3f} "
                f"{r['edit'] / r['yaml_dump']:>15.3f}"
            )
    print("ratio: against the figures before (issue 8); targets at 5,000: ratio ≤ 0.1, open ≤ 300 ms.")
    print("vs PyYAML: against plain yaml.load / yaml.dump (C loader and emitter) of the same file.")


if __name__ == "__main__":
    main()
