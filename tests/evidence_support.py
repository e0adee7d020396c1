"""Helpers for the evidence tests: the example journey, small raw files written in a
temporary folder, and an independent computation of mean, sd and 95% interval."""

from __future__ import annotations

import math
import statistics
from pathlib import Path

import klantreis
from klantreis import Journey

ROOT = Path(__file__).resolve().parent.parent
SPORTSCHOOL = ROOT / "examples" / "sportschool.yaml"
EVIDENCE_DIR = ROOT / "examples" / "evidence"

#: Two-sided 95% critical values of Student's t, from a printed table (3 decimals).
T_TABLE = {
    1: 12.706,
    2: 4.303,
    3: 3.182,
    4: 2.776,
    5: 2.571,
    6: 2.447,
    7: 2.365,
    8: 2.306,
    9: 2.262,
    10: 2.228,
    11: 2.201,
    12: 2.179,
    13: 2.160,
    14: 2.145,
    15: 2.131,
    16: 2.120,
    17: 2.110,
    18: 2.101,
    19: 2.093,
    20: 2.086,
    21: 2.080,
    22: 2.074,
    23: 2.069,
    24: 2.064,
    25: 2.060,
    26: 2.056,
    27: 2.052,
    28: 2.048,
    29: 2.045,
    30: 2.042,
    40: 2.021,
    50: 2.009,
    60: 2.000,
    80: 1.990,
    100: 1.984,
    120: 1.980,
}


def t_value(df: int) -> float:
    """The table value; between rows interpolated in 1/df (as the table's users do);
    beyond it the normal quantile with its first correction."""
    if df in T_TABLE:
        return T_TABLE[df]
    if df > 120:
        z = 1.959964
        return z + (z**3 + z) / (4 * df)
    low = max(k for k in T_TABLE if k < df)
    high = min(k for k in T_TABLE if k > df)
    share = (1 / low - 1 / df) / (1 / low - 1 / high)
    return T_TABLE[low] + share * (T_TABLE[high] - T_TABLE[low])


def sportschool(language: str = "nl") -> Journey:
    """examples/sportschool.yaml, in Dutch or (its language switched) English."""
    text = SPORTSCHOOL.read_text(encoding="utf-8")
    if language == "en":
        text = text.replace("\nlanguage: nl\n", "\nlanguage: en\n", 1)
    return klantreis.loads(text, str(SPORTSCHOOL))


def write(folder: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    """Write ``text`` to ``folder/name`` with ``encoding`` (no newline translation)."""
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return path


def expected(values: list[float], low: float = 1, high: float = 5) -> dict[str, float | int | None]:
    """n, mean, sd and 95% interval computed with the statistics module and the t
    table, the interval cut at the scale's ends, like the project file stores them."""
    n = len(values)
    mean = statistics.fmean(values)
    if n < 2:
        return {"n": n, "value": mean, "sd": None, "ci_low": None, "ci_high": None}
    sd = statistics.stdev(values)
    half = t_value(n - 1) * sd / math.sqrt(n)
    return {
        "n": n,
        "value": mean,
        "sd": sd,
        "ci_low": max(low, mean - half),
        "ci_high": min(high, mean + half),
    }


def assert_matches(record: dict, values: list[float], tolerance: float = 2e-3) -> None:
    """``record`` (an evidence record) agrees with :func:`expected` for ``values``."""
    want = expected(values)
    assert record["n"] == want["n"]
    for key in ("value", "sd", "ci_low", "ci_high"):
        if want[key] is None:
            assert record[key] is None, key
        else:
            assert abs(record[key] - want[key]) <= tolerance, (key, record[key], want[key])


def find(records: list[dict], **where: str) -> dict:
    """The one record with these field values."""
    hits = [r for r in records if all(r[k] == v for k, v in where.items())]
    assert len(hits) == 1, (where, hits)
    return hits[0]
