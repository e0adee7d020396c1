"""Benchmark: `klantreis portfolio` over many generated journeys, three ways.

- local processes (the default executor, 2 workers on 2 cores);
- a Dask local cluster (2 worker processes, 1 thread each; `klantreis[cluster]`),
  started before timing (its start-up is printed apart);
- the plain route a researcher would script: per journey one `papermill` CLI call and
  one `jupyter nbconvert --to html` call (bench_build.py's), in sequence. It is timed
  on `--plain-sample` journeys and scaled to all (it takes seconds per journey);
and the incremental rebuild (nothing changed) and the rebuild after one project changed.

    python benchmarks/bench_portfolio.py [--journeys 100] [--plain-sample 3]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

import klantreis
from klantreis.model import Journey
from klantreis.portfolio import build_portfolio

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_build import plain_route  # noqa: E402  (a sibling script, not a package)

CHANNELS = ["Website", "App", "Telefoon", "E-mail", "Balie", "Chat", "Brief", "Social media"]
PHASES = ["orientatie", "aanvraag", "gebruik", "service", "afscheid"]


def generated(i: int, rng: random.Random) -> Journey:
    """A project with one journey of 12 touchpoints over the shared channels."""
    j = Journey(title=f"Reis {i}: dienst {i % 7} – team {i % 5}", language="nl" if i % 3 else "en")
    for phase in PHASES:
        j.add_phase(phase, phase.title())
    j.add_persona("klant", f"Klant {i}")
    for t in range(12):
        j.add_touchpoint(
            f"tp{t}", "klant", PHASES[t % len(PHASES)], f"Stap {t} ({rng.choice(CHANNELS)})",
            channel=rng.choice(CHANNELS), emotion=rng.randint(1, 5),
        )  # fmt: skip
    for o in range(3):
        j.add_opportunity(f"o{o}", f"Kans {o} van reis {i}", touchpoint=f"tp{o * 4}",
                          impact=rng.randint(1, 5), effort=rng.randint(1, 5))  # fmt: skip
    return j


def timed(label: str, run: object) -> float:
    started = time.perf_counter()
    run()  # type: ignore[operator]
    seconds = time.perf_counter() - started
    print(f"{label:<52} {seconds:7.1f} s")
    return seconds


def main() -> None:
    """Build the generated portfolio each way and print times and ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--journeys", type=int, default=100)
    parser.add_argument("--plain-sample", type=int, default=3)
    args = parser.parse_args()
    rng = random.Random(26)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        projects = folder / "reizen"
        projects.mkdir()
        for i in range(args.journeys):
            klantreis.save(generated(i, rng), projects / f"reis-{i:03d}.yaml")
        print(f"journeys: {args.journeys} (one per project), 2 workers")
        local = timed("local processes", lambda: build_portfolio([projects], folder / "lokaal", workers=2))
        try:
            from distributed import LocalCluster
        except ImportError:
            dask = None
            print("Dask local cluster: skipped (pip install 'klantreis[cluster]')")
        else:
            started = time.perf_counter()
            cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
            print(
                f"{'  (Dask local cluster start-up, not counted)':<52} {time.perf_counter() - started:7.1f} s"
            )
            with cluster:
                address = cluster.scheduler_address
                dask = timed("Dask local cluster", lambda: build_portfolio([projects], folder / "dask",
                                                                             scheduler=address))  # fmt: skip
        sample = sorted(projects.glob("*.yaml"))[: args.plain_sample]
        (folder / "plain").mkdir()
        plain_sample = sum(plain_route(p, klantreis.load(p).journeys(), folder / "plain") for p in sample)
        plain = plain_sample / len(sample) * args.journeys
        print(f"{f'plain papermill + nbconvert (x{args.journeys}/{len(sample)} sampled)':<52} {plain:7.1f} s")
        again = timed("incremental rebuild, nothing changed",
                      lambda: build_portfolio([projects], folder / "lokaal", workers=2))  # fmt: skip
        klantreis.save(generated(10_000, rng), sample[0])
        one = timed("incremental rebuild, one project changed",
                    lambda: build_portfolio([projects], folder / "lokaal", workers=2))  # fmt: skip
    print(f"ratio local processes / plain:      {local / plain:.3f}")
    if dask is not None:
        print(f"ratio Dask local cluster / plain:   {dask / plain:.3f}")
        print(f"ratio Dask local cluster / local:   {dask / local:.2f}")
    print(f"ratio rebuild (unchanged) / full:   {again / local:.3f}")
    print(f"ratio rebuild (one changed) / full: {one / local:.3f}")


if __name__ == "__main__":
    main()
