"""Helpers for the path tests: a small journey, generated event logs, and an independent
pandas computation of the definitions in docs/evidence.md ("Observed journeys")."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

import klantreis
from klantreis import Journey

#: The map of persona "p": a b c d e in this order; c is a side touchpoint, e has no event.
JOURNEY = """\
klantreis: 1
title: Webwinkel
language: {language}
phases:
  - id: kiezen
    name: Kiezen
  - id: kopen
    name: Kopen
personas:
  - id: p
    name: Pim
  - id: q
    name: Quinty
scenarios:
  - id: s
    name: Nu
touchpoints:
  - {{id: a, persona: p, scenario: s, phase: kiezen, name: Zoeken}}
  - {{id: b, persona: p, scenario: s, phase: kiezen, name: Vergelijken}}
  - {{id: c, persona: p, scenario: s, phase: kiezen, name: Chat, importance: side}}
  - {{id: d, persona: p, scenario: s, phase: kopen, name: Bestellen}}
  - {{id: e, persona: p, scenario: s, phase: kopen, name: Betalen}}
  - {{id: a, persona: q, scenario: s, phase: kiezen, name: Zoeken}}
  - {{id: d, persona: q, scenario: s, phase: kopen, name: Bestellen}}
"""
ORDER = ["a", "b", "c", "d", "e"]
MAIN = {"a", "b", "d", "e"}
EVENTS = {"search": "a", "compare": "b", "chat_open": "c", "order": "d"}
MAPPING = {"kind": "events", "columns": {"case": "visitor", "time": "ts", "event": "name"}, "events": EVENTS}


def journey(language: str = "nl") -> Journey:
    """The small journey above."""
    return klantreis.loads(JOURNEY.format(language=language), "webwinkel.yaml")


def save_project(folder: Path, language: str = "nl") -> Path:
    """The journey saved as a project file in ``folder``."""
    path = folder / "webwinkel.yaml"
    klantreis.save(journey(language), path)
    return path


def generated_log(seed: int, cases: int = 400) -> pd.DataFrame:
    """A log with every kind of case and row the definitions speak of: paths in and out
    of order, repeats, unmapped events before, inside and after a path, cases with only
    unmapped events, exact duplicate rows, unreadable timestamps and ties in time."""
    rng = random.Random(seed)
    names = [*EVENTS, "newsletter", "faq", "login"]
    rows: list[tuple[str, str, str]] = []
    base = pd.Timestamp("2026-03-01T08:00:00")
    for case in range(cases):
        t = base + pd.Timedelta(minutes=rng.randrange(0, 60 * 24 * 20))
        for _ in range(rng.randrange(1, 7)):
            if rng.random() < 0.2:
                pass  # a tie: the same time as the event before
            else:
                t += pd.Timedelta(minutes=rng.choice([1, 5, 30, 90, 600]))
            name = rng.choice(names)
            stamp = t.isoformat() if rng.random() < 0.97 else rng.choice(["gisteren", "31-02-2026 10:00", ""])
            rows.append((f"v{case:04d}", stamp, name))
            if rng.random() < 0.05:
                rows.append(rows[-1])  # an exact duplicate
    rng.shuffle(rows)  # a log's rows need not come in time order
    return pd.DataFrame(rows, columns=["visitor", "ts", "name"])


def reference(log: pd.DataFrame, events: dict[str, str] = EVENTS, order: list[str] = ORDER,
              main: set[str] = MAIN) -> dict[str, Any]:  # fmt: skip
    """The figures by the definitions, in plain pandas and Python, one case at a time."""
    observable = set(events.values())
    frame = log.assign(line=range(len(log)))
    times = pd.to_datetime(frame["ts"], format="ISO8601", errors="coerce")
    unreadable = int(times.isna().sum())
    frame = frame.assign(t=times)[times.notna()]
    duplicated = frame.duplicated(["visitor", "t", "name"])
    frame = frame[~duplicated].sort_values(["visitor", "t", "line"], kind="stable")
    frame["tp"] = frame["name"].map(events)
    position = {tp: i for i, tp in enumerate(order)}
    classes: Counter[str] = Counter()
    reached: Counter[str] = Counter()
    follows: Counter[tuple[str, str]] = Counter()
    variants: Counter[tuple[str, ...]] = Counter()
    gaps: dict[str, list[float]] = {tp: [] for tp in order}
    for _, group in frame.groupby("visitor", sort=False):
        tps, ts = list(group["tp"]), list(group["t"])
        mapped = [i for i, tp in enumerate(tps) if isinstance(tp, str)]
        if not mapped:
            continue
        path: list[str] = []
        starts: list[pd.Timestamp] = []
        for i in mapped:
            if not path or path[-1] != tps[i]:
                path.append(tps[i])
                starts.append(ts[i])
        variants[tuple(path)] += 1
        reached.update(set(path))
        for k in range(len(path) - 1):
            follows[(path[k], path[k + 1])] += 1
            gaps[path[k]].append((starts[k + 1] - starts[k]).total_seconds() / 3600)
        if any(position[b] < position[a] for a, b in zip(path, path[1:], strict=False)):
            classes["irregular"] += 1
        elif any(not isinstance(tps[i], str) for i in range(mapped[0] + 1, mapped[-1])):
            classes["adhoc"] += 1
        elif any(
            tp in main and tp in observable and tp not in path
            for tp in order[position[path[0]] : position[path[-1]] + 1]
        ):
            classes["missing"] += 1
        else:
            classes["conforming"] += 1
    cases = sum(classes.values())
    unmapped = frame[frame["tp"].isna()]["name"].value_counts()
    top = sorted(variants.items(), key=lambda kv: (-kv[1], [position[t] for t in kv[0]]))
    return {
        "cases": cases,
        "rows_read": len(log),
        "unreadable": unreadable,
        "duplicates": int(duplicated.sum()),
        "unmapped": {str(k): int(v) for k, v in unmapped.items()},
        "touchpoints": [
            {
                "id": tp,
                "reached": reached[tp],
                "share": round(reached[tp] / cases, 3),
                "median_hours_to_next": round(float(pd.Series(gaps[tp]).quantile(0.5)), 3)
                if gaps[tp]
                else None,
                "p90_hours_to_next": round(float(pd.Series(gaps[tp]).quantile(0.9)), 3) if gaps[tp] else None,
            }
            for tp in order
            if tp in observable
        ],
        "follows": {f"{a}>{b}": n for (a, b), n in follows.items()},
        "variants": [{"path": list(p), "cases": n} for p, n in top[:20]],
        "other_variants": {"variants": len(top[20:]), "cases": sum(n for _, n in top[20:])},
        "deviations": {c: classes[c] for c in ("conforming", "missing", "irregular", "adhoc")},
    }


def comparable(figures: dict[str, Any]) -> dict[str, Any]:
    """The figures with ``follows`` as a dict (the reference does not order them)."""
    out = dict(figures)
    out["follows"] = {f"{f['from']}>{f['to']}": f["count"] for f in figures["follows"]}
    return out


def assert_close(ours: dict[str, Any], theirs: dict[str, Any]) -> None:
    """Equal, hours within rounding."""
    assert ours.keys() >= theirs.keys()
    for key, value in theirs.items():
        if key == "touchpoints":
            for a, b in zip(ours[key], value, strict=True):
                for k in a:
                    if a[k] is None or isinstance(a[k], str):
                        assert a[k] == b[k], (key, a, b)
                    else:
                        assert np.isclose(a[k], b[k], atol=1e-3), (key, a, b)
        else:
            assert ours[key] == value, key
