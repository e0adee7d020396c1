"""Benchmark: importing a survey with klantreis.evidence, against plain pandas.

Two survey files are generated in a temporary folder for examples/sportschool.yaml:

- *long*: 1,000,000 rows ``respondent, persona, touchpoint, score`` (about 3% empty
  answers, scores 1-5), imported without a mapping;
- *wide*: 200,000 respondents, a segment column and 12 question columns (numbers 1-5,
  about 3% empty), imported with a mapping (segments -> personas, columns -> touchpoints);
- *survey-tool export*: the same size as exported by the common survey tool (three
  header rows, BOM, metadata columns, ResponseId, Finished, choice texts), imported with
  a mapping; plain pandas skips the two extra header rows, keeps finished responses and
  maps the choice texts before the groupby.

"Plain" is what a researcher would write by hand: ``pandas.read_csv`` followed by
``groupby(...).agg(["mean", "std", "count"])`` on the same file. The import does more
(sha256 of the file, encoding and separator sniffing, value checks, skip counts,
journey checks, t-intervals), so the target is a ratio of at most 2, and under 5 s for
the million rows. Best of ``--runs`` runs. A third line, for information, adds a date
column with a timestamp per respondent to the long file.

    python benchmarks/bench_evidence.py [--runs 3] [--rows 1000000] [--wide-rows 200000]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

import klantreis
from klantreis.evidence import read_survey

ROOT = Path(__file__).resolve().parent.parent
TARGET_RATIO = 2.0
TARGET_SECONDS = 5.0
SEGMENTS = {"Ik studeer": "student", "Ik ben met pensioen": "senior", "Ik werk en heb kinderen": "ouder"}


#: Answers per respondent in the long file (each about another touchpoint).
ANSWERS_EACH = 5


def make_long(path: Path, rows: int, journey: klantreis.Journey, seed: int = 1) -> None:
    """A long survey: five answers per respondent, each about another touchpoint of the
    respondent's persona's journey, persona and touchpoint ids, about 3% empty answers."""
    rng = np.random.default_rng(seed)
    personas = np.array(journey.ids("personas"))
    respondent = np.arange(rows) // ANSWERS_EACH
    persona = rng.integers(0, len(personas), respondent[-1] + 1)[respondent]
    start = rng.integers(0, 1_000, respondent[-1] + 1)[respondent] + np.arange(rows) % ANSWERS_EACH
    touchpoint = np.empty(rows, dtype=object)
    for i, pid in enumerate(personas):
        own = np.array(list(journey.journey(pid, "huidig")["id"]), dtype=object)
        mine = persona == i
        touchpoint[mine] = own[start[mine] % len(own)]
    scores = rng.integers(1, 6, rows).astype(object)
    scores[rng.random(rows) < 0.03] = ""
    pd.DataFrame(
        {
            "respondent": respondent + 1,
            "persona": personas[persona],
            "touchpoint": touchpoint,
            "score": scores,
        }
    ).to_csv(path, index=False)


def make_wide(path: Path, rows: int, questions: list[str], seed: int = 2) -> None:
    """A wide survey: one respondent per row, a segment and one column per question."""
    rng = np.random.default_rng(seed)
    segments = np.array(list(SEGMENTS))
    data: dict[str, Any] = {
        "Respondent ID": np.arange(1, rows + 1),
        "Segment": segments[rng.integers(0, len(segments), rows)],
    }
    for question in questions:
        answers = rng.integers(1, 6, rows).astype(float)
        answers[rng.random(rows) < 0.03] = np.nan
        data[question] = answers
    pd.DataFrame(data).to_csv(path, index=False, float_format="%.0f")


def make_export(path: Path, rows: int, questions: list[str], seed: int = 3) -> dict[str, Any]:
    """A survey tool's wide export of ``rows`` respondents: three header rows (tags,
    question texts, ImportId JSON), a BOM, metadata columns (dates, ResponseId,
    Progress, Finished, ...), the segment and the answers as choice texts; about 4%
    unfinished. Returns the mapping that imports it."""
    rng = np.random.default_rng(seed)
    labels = np.array(["Zeer ontevreden", "Ontevreden", "Neutraal", "Tevreden", "Zeer tevreden", "Weet niet"])
    finished = rng.random(rows) >= 0.04
    stamps = pd.Timestamp("2026-04-01") + pd.to_timedelta(np.arange(rows) * 7, unit="s")
    data: dict[str, Any] = {
        "StartDate": stamps.strftime("%Y-%m-%d %H:%M:%S"),
        "RecordedDate": stamps.strftime("%Y-%m-%d %H:%M:%S"),
        "Progress": np.where(finished, 100, 45),
        "Finished": np.where(finished, "True", "False"),
        "ResponseId": [f"R_{i:08x}" for i in range(rows)],
        "UserLanguage": "NL",
        "Q1": np.array(list(SEGMENTS))[rng.integers(0, len(SEGMENTS), rows)],
    }
    for i, _ in enumerate(questions):
        data[f"Q{i + 2}"] = labels[rng.integers(0, len(labels), rows)]
    frame = pd.DataFrame(data)
    texts = [*frame.columns[:6], "Welke situatie past het best bij u?", *questions]
    imports = [f'{{"ImportId":"{c}"}}' for c in frame.columns]
    head = pd.DataFrame([texts, imports], columns=frame.columns)
    pd.concat([head, frame]).to_csv(path, index=False, encoding="utf-8-sig")
    return {
        "columns": {"persona": "Q1"},
        "questions": {f"Q{i + 2}": q.removeprefix("Vraag over ") for i, q in enumerate(questions)},
        "answers": {str(label): i + 1 for i, label in enumerate(labels[:5])} | {"Weet niet": None},
        "personas": SEGMENTS,
    }


def best(runs: int, fn: Callable[[], Any]) -> float:
    """The fastest of ``runs`` timings of ``fn()``, in seconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def report(name: str, ours: float, plain: float, limit: float | None = None, target: bool = True) -> bool:
    """Print one line; return whether the targets are met (``target``: has any)."""
    ratio = ours / plain
    ok = ratio <= TARGET_RATIO and (limit is None or ours < limit)
    extra = f", target < {limit:.0f} s" if limit else ""
    verdict = f"(target ≤ {TARGET_RATIO:.0f}{extra})  {'ok' if ok else 'MISSED'}" if target else "(no target)"
    print(f"{name:<28} import {ours:6.3f} s   plain pandas {plain:6.3f} s   ratio {ratio:4.2f} {verdict}")
    return ok or not target


def make_nps(path: Path, rows: int, seed: int = 4) -> None:
    """A long NPS file (``respondent, persona, score``): one answer 0–10 per respondent."""
    rng = np.random.default_rng(seed)
    frame = pd.DataFrame({
        "respondent": [f"R{i:07d}" for i in range(rows)],
        "persona": rng.choice(["student", "senior", "ouder"], rows),
        "score": rng.integers(0, 11, rows),
    })  # fmt: skip
    frame.to_csv(path, index=False)


def plain_nps(path: Path) -> pd.DataFrame:
    """NPS per persona in plain pandas, respondents once: % 9–10 minus % 0–6."""
    frame = pd.read_csv(path).drop_duplicates("respondent")
    kind = np.where(frame["score"] >= 9, 1, np.where(frame["score"] <= 6, -1, 0))
    return frame.assign(kind=kind).groupby("persona")["kind"].agg(["mean", "count"])


def add_timestamps(path: Path, target: Path) -> None:
    """``path`` with a column ``datum``: one timestamp per respondent, as exports write it."""
    frame = pd.read_csv(path)
    stamps = pd.Timestamp("2026-04-01") + pd.to_timedelta(frame["respondent"] * 7, unit="s")
    frame["datum"] = stamps.dt.strftime("%d-%m-%Y %H:%M:%S")
    frame.to_csv(target, index=False)


def main() -> None:
    """Generate the files, time both ways, print times and ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--wide-rows", type=int, default=200_000)
    args = parser.parse_args()
    journey = klantreis.load(ROOT / "examples" / "sportschool.yaml")
    touchpoints = list(journey.journey("student", "huidig")["id"])[:12]  # some not in every journey
    questions = [f"Vraag over {tp}" for tp in touchpoints]
    mapping = {
        "columns": {"persona": "Segment"},
        "questions": {q: q.removeprefix("Vraag over ") for q in questions},
        "personas": SEGMENTS,
    }
    with tempfile.TemporaryDirectory() as folder:
        long_path, wide_path = Path(folder) / "lang.csv", Path(folder) / "breed.csv"
        make_long(long_path, args.rows, journey)
        make_wide(wide_path, args.wide_rows, questions)
        print(
            f"long: {args.rows:,} rows, {long_path.stat().st_size / 1e6:.1f} MB; "
            f"wide: {args.wide_rows:,} rows x {len(questions)} questions, "
            f"{wide_path.stat().st_size / 1e6:.1f} MB"
        )

        def plain_long() -> pd.DataFrame:
            frame = pd.read_csv(long_path)
            return frame.groupby(["persona", "touchpoint"])["score"].agg(["mean", "std", "count"])

        def plain_wide() -> pd.DataFrame:
            frame = pd.read_csv(wide_path)
            return frame.groupby("Segment")[questions].agg(["mean", "std", "count"])

        result = read_survey(journey, long_path)
        print(
            f"  long import: {len(result.evidence)} aggregates, {result.source['rows_skipped']:,} rows "
            f"skipped {result.source['skipped']}"
        )
        ok = report(
            "long (1M rows)" if args.rows == 1_000_000 else f"long ({args.rows:,})",
            best(args.runs, lambda: read_survey(journey, long_path)),
            best(args.runs, plain_long),
            TARGET_SECONDS,
        )
        result = read_survey(journey, wide_path, mapping=mapping)
        print(f"  wide import: {len(result.evidence)} aggregates, skipped {result.source['skipped']}")
        ok &= report(
            "wide (200k rows)" if args.wide_rows == 200_000 else f"wide ({args.wide_rows:,})",
            best(args.runs, lambda: read_survey(journey, wide_path, mapping=mapping)),
            best(args.runs, plain_wide),
        )
        export = Path(folder) / "export.csv"
        export_mapping = make_export(export, args.wide_rows, questions)
        result = read_survey(journey, export, mapping=export_mapping)
        print(f"  survey-tool export: {len(result.evidence)} aggregates, skipped {result.source['skipped']}")
        tags = list(export_mapping["questions"])
        scores = {str(k): v for k, v in export_mapping["answers"].items()}

        def plain_export() -> pd.DataFrame:
            frame = pd.read_csv(export, skiprows=[1, 2], encoding="utf-8-sig")
            frame = frame[frame["Finished"]]
            answers = frame[tags].apply(lambda column: column.map(scores))
            return answers.groupby(frame["Q1"]).agg(["mean", "std", "count"])

        ok &= report(
            "survey-tool export (200k)" if args.wide_rows == 200_000 else f"export ({args.wide_rows:,})",
            best(args.runs, lambda: read_survey(journey, export, mapping=export_mapping)),
            best(args.runs, plain_export),
        )
        nps = Path(folder) / "nps.csv"
        make_nps(nps, args.wide_rows)
        result = read_survey(journey, nps, metric="nps")
        print(f"  NPS import: {len(result.evidence)} aggregates, skipped {result.source['skipped']}")
        # for information: 200,000 distinct respondent ids are read as text and checked for
        # repeated and conflicting answers, which costs about as much again as reading them
        report(
            "NPS long (200k rows)" if args.wide_rows == 200_000 else f"NPS ({args.wide_rows:,})",
            best(args.runs, lambda: read_survey(journey, nps, metric="nps")),
            best(args.runs, lambda: plain_nps(nps)),
            target=False,
        )
        # for information: a date column of ~200,000 distinct timestamps (the import checks
        # every date and finds the period; plain pandas here does not parse them)
        dated = Path(folder) / "lang-met-datum.csv"
        add_timestamps(long_path, dated)
        report(
            "long + timestamps",
            best(args.runs, lambda: read_survey(journey, dated)),
            best(
                args.runs,
                lambda: (
                    pd.read_csv(dated)
                    .groupby(["persona", "touchpoint"])["score"]
                    .agg(["mean", "std", "count"])
                ),
            ),
            target=False,
        )
    print("all targets met" if ok else "a target was missed")


if __name__ == "__main__":
    main()
