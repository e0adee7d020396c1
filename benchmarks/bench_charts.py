"""Benchmark: building the klantreis charts, against a plain Altair line chart.

A project of 500 touchpoints (10 personas x 2 scenarios x 25) is generated in memory.
For the whole project the script times every chart (build, then ``to_dict()`` with
Altair's schema validation, as Jupyter does to display it), and for a single edit
(one emotion changed with ``journey.update_touchpoint``) the rebuild of that one
journey's emotion curve. "Plain" is the tool it replaces: an ``alt.Chart(DataFrame)``
line chart of the same data, without phases, gaps, tooltips or annotations. Medians
over ``--runs`` runs; the one-journey target is 100 ms.

    python benchmarks/bench_charts.py [--runs 15]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import time
from collections.abc import Callable
from typing import Any

import altair as alt

import klantreis
from klantreis import Journey
from klantreis.charts import canvas, channel_map, emotion_curve, opportunity_matrix, scenario_delta
from klantreis.frames import frame_from_records

TARGET_MS = 100.0
CHANNELS = ["Website", "App", "E-mail", "Telefoon", "Balie", "Instagram", "Google", "Brief"]


def make_project(personas: int = 10, scenarios: int = 2, per_journey: int = 25, seed: int = 1) -> Journey:
    """A synthetic project: every persona in every scenario with ``per_journey``
    touchpoints over the canvas template's five phases; about 1 in 12 lacks an emotion."""
    rnd = random.Random(seed)
    journey = klantreis.new_journey("canvas", "Benchmark")
    phases = journey.ids("phases")
    for s in range(len(journey.ids("scenarios")), scenarios):
        journey.add_scenario(f"scenario{s + 1}", f"Scenario {s + 1}")
    records: list[dict[str, Any]] = []
    for p in range(personas):
        journey.add_persona(f"p{p + 1}", f"Persona {p + 1}")
        for scenario in journey.ids("scenarios")[:scenarios]:
            for i in range(per_journey):
                records.append(
                    {
                        "id": f"tp{i + 1}",
                        "persona": f"p{p + 1}",
                        "scenario": scenario,
                        "phase": phases[i * len(phases) // per_journey],
                        "name": f"Touchpoint {i + 1}",
                        "channel": rnd.choice(CHANNELS),
                        "online": rnd.random() < 0.6,
                        "owned": rnd.random() < 0.7,
                        "emotion": None if rnd.random() < 1 / 12 else rnd.randint(1, 5),
                        "why": "Omdat het zo gaat",
                        "thoughts": "Hmm",
                        "critical": rnd.random() < 0.15,
                    }
                )
    journey.touchpoints = frame_from_records("touchpoints", records)
    for o in range(20):
        journey.add_opportunity(
            f"o{o + 1}", f"Kans nummer {o + 1}", phase=rnd.choice(phases),
            impact=rnd.randint(1, 5), effort=rnd.randint(1, 5),
        )  # fmt: skip
    return journey


CPU: list[float] = []  # CPU time of the last median_ms call (ms), see below


def median_ms(action: Callable[[], Any], runs: int) -> float:
    """Median wall time of ``action`` in milliseconds (after one warm-up run). The median
    CPU time of this process is left in ``CPU[0]``: on a busy machine (other processes on
    the same cores) wall time grows, CPU time hardly."""
    action()
    wall, cpu = [], []
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        action()
        cpu.append((time.process_time() - started_cpu) * 1000)
        wall.append((time.perf_counter() - started) * 1000)
    CPU[:] = [statistics.median(cpu)]
    return statistics.median(wall)


def plain_line(journey: Journey, persona: str | None = None, scenario: str | None = None) -> dict:
    """The plain tool: an Altair line chart of the emotions straight from a DataFrame."""
    if persona is None:
        frames = [journey.journey(p, s) for p, s in journey.journeys()]
        import pandas as pd

        data = pd.concat(frames, ignore_index=True)
        data["series"] = data["persona"] + " – " + data["scenario"]
    else:
        data = journey.journey(persona, scenario)
        data["series"] = persona
    data = data[["step", "emotion", "series", "name"]]
    chart = alt.Chart(data).mark_line(point=True).encode(x="step:O", y="emotion:Q", color="series:N")
    return chart.to_dict()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="repetitions per timing (median)")
    args = parser.parse_args()
    runs = args.runs

    journey = make_project()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"load average {load:.1f} on {os.cpu_count()} cores (wall times grow with it)")
    personas = journey.ids("personas")
    first, second = journey.ids("scenarios")[:2]
    print(
        f"project: {len(journey.touchpoints)} touchpoints, {len(journey.journeys())} journeys, "
        f"{len(journey.opportunities)} opportunities; median of {runs} runs\n"
    )

    whole: dict[str, Callable[[], Any]] = {
        "emotion_curve (all 20 journeys)": lambda: emotion_curve(journey),
        "channel_map (all journeys)": lambda: channel_map(journey),
        "opportunity_matrix": lambda: opportunity_matrix(journey),
        "scenario_delta (x 10 personas)": lambda: [
            scenario_delta(journey, p, first, second) for p in personas
        ],
    }
    print(f"{'whole project':34} {'build':>9} {'+to_dict':>9}")
    total_build = total_full = 0.0
    for name, build in whole.items():
        build_ms = median_ms(build, runs)

        def full(build: Callable[[], Any] = build) -> None:
            built = build()
            for chart in built if isinstance(built, list) else [built]:
                chart.to_dict()

        full_ms = median_ms(full, runs)
        total_build += build_ms
        total_full += full_ms
        print(f"{name:34} {build_ms:8.1f}ms {full_ms:8.1f}ms")
    print(f"{'all charts':34} {total_build:8.1f}ms {total_full:8.1f}ms")
    canvas_ms = median_ms(lambda: canvas(journey, personas[0], first).to_html(), max(3, runs // 3))
    print(f"{'canvas, one journey (HTML + SVG)':34} {canvas_ms:8.1f}ms")
    plain_all = median_ms(lambda: plain_line(journey), runs)
    print(f"{'plain Altair line, all journeys':34} {'':9} {plain_all:8.1f}ms")
    print(f"ratio emotion curve / plain (all journeys): "
          f"{median_ms(lambda: emotion_curve(journey).to_dict(), runs) / plain_all:.1f}x\n")  # fmt: skip

    # A single edit: one emotion changes, the one-journey curve is rebuilt.
    persona = personas[3]
    scores = iter(range(10**6))

    def edit_and_rebuild() -> dict:
        # What the emoties form does on a click: no schema re-validation of our own spec.
        journey.update_touchpoint("tp7", persona, first, emotion=next(scores) % 5 + 1)
        return emotion_curve(journey, persona, first).to_dict(validate=False)

    def edit_and_rebuild_validated() -> dict:
        journey.update_touchpoint("tp7", persona, first, emotion=next(scores) % 5 + 1)
        return emotion_curve(journey, persona, first).to_dict()

    def edit_only() -> None:
        journey.update_touchpoint("tp7", persona, first, emotion=next(scores) % 5 + 1)

    def plain_edit() -> dict:
        journey.update_touchpoint("tp7", persona, first, emotion=next(scores) % 5 + 1)
        return plain_line(journey, persona, first)

    print("single edit (update_touchpoint + one-journey emotion curve)   wall       cpu")
    timings = {}
    for name, action in (
        ("update_touchpoint alone", edit_only),
        ("emotion_curve build", lambda: emotion_curve(journey, persona, first)),
        ("edit + build + to_dict (as the emoties form)", edit_and_rebuild),
        ("edit + build + to_dict(validate=True)", edit_and_rebuild_validated),
        ("plain Altair line: edit + chart", plain_edit),
    ):
        timings[name] = (median_ms(action, runs), CPU[0])
        print(f"  {name:56} {timings[name][0]:8.1f}ms {timings[name][1]:8.1f}ms")
    ours, ours_cpu = timings["edit + build + to_dict (as the emoties form)"]
    plain = timings["plain Altair line: edit + chart"][0]
    print(f"  {'ratio klantreis / plain (wall)':56} {ours / plain:8.1f}x")
    verdict = "yes" if ours < TARGET_MS else "NO"
    print(
        f"one-journey curve under {TARGET_MS:.0f} ms: {verdict} ({ours:.1f} ms wall, {ours_cpu:.1f} ms cpu)"
    )


if __name__ == "__main__":
    main()
