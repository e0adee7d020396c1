"""Turning the distinct values of a column into keys, numbers, counts, scores and dates.

Each function here looks at ONE distinct value; the importers apply them to a column's
distinct values (see :class:`klantreis.evidence.reading.Column`) and spread the results
over the rows with an array lookup, so a million rows cost a handful of conversions.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import warnings
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ..model import ScalePoint

#: Answers that mean "no answer" in Dutch and English survey exports: skipped, never 0.
DONT_KNOW = (
    "weet niet", "weet ik niet", "n.v.t.", "n.v.t", "nvt", "niet van toepassing",
    "geen mening", "geen antwoord", "zeg ik liever niet", "wil ik niet zeggen",
    "n/a", "na", "don't know", "dont know", "do not know", "not applicable",
    "no opinion", "prefer not to say", "-", "?",
)

_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)$")
_GROUPED = re.compile(r"^\d{1,3}([.,\u00a0 ']\d{3})+$")
_ISO_DATE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}")


def is_empty(value: Any) -> bool:
    """True for None, NaN/NaT and text that is only whitespace."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def key(value: Any) -> str | None:
    """The matching key of a value: text case-folded with whitespace collapsed and
    emoji variation selectors dropped; numbers written plainly (``7.0`` -> ``"7"``);
    ``None`` when empty. Mapping keys and file values meet through this key."""
    if is_empty(value):
        return None
    if isinstance(value, bool | np.bool_):
        return str(bool(value)).lower()
    if isinstance(value, int | np.integer):
        return str(int(value))
    if isinstance(value, float | np.floating):
        number = float(value)
        return str(int(number)) if number.is_integer() else repr(number)
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    text = " ".join(str(value).replace("\ufe0f", "").split()).casefold()
    return text or None


def label(value: Any) -> str:
    """A value as the user wrote it, for messages and summaries (``7.0`` -> ``"7"``)."""
    if isinstance(value, float | np.floating) and float(value).is_integer():
        return str(int(value))
    if isinstance(value, int | np.integer):
        return str(int(value))
    return " ".join(str(value).split())


def number(value: Any) -> float | None:
    """A number from a cell: numbers as they are, text like ``"3,5"`` or ``" 4 "`` with
    a decimal comma or point; ``None`` when it is not a number."""
    if isinstance(value, bool | np.bool_) or is_empty(value):
        return None
    if isinstance(value, int | float | np.integer | np.floating):
        result = float(value)
        return None if math.isnan(result) else result
    text = str(value).strip().replace("\u00a0", "")
    if not _NUMBER.match(text):
        return None
    return float(text.replace(",", "."))


def count(value: Any) -> float | None:
    """A count from a cell: like :func:`number`, but digits grouped in threes ("1.234",
    "1,234", "1 234") are thousands, as analytics exports write them; ``None`` when it
    is not a count (text, negative)."""
    if isinstance(value, str) and _GROUPED.match(value.strip()):
        return float(re.sub(r"\D", "", value))
    result = number(value)
    return result if result is not None and result >= 0 else None


@dataclass(frozen=True)
class Score:
    """What one distinct answer means: a score, or why it has none."""

    value: float = math.nan
    reason: str = ""  # "", "empty", "dont_know", "out_of_scale" or "unknown"


class ScoreReader:
    """Reads answers on a journey's scale: numbers within the scale, the scale's labels
    and emoji, the mapping's ``answers`` (label -> score, or empty to skip) and its
    ``skip`` list; "weet niet" and friends are skipped."""

    def __init__(
        self,
        scale: list[ScalePoint],
        answers: Mapping[str, float | None] | None = None,
        skip: list[str] | None = None,
    ):
        scores = [p.score for p in scale]
        self.low, self.high = min(scores), max(scores)
        self.known: dict[str, float] = {}
        for point in scale:
            for name in (point.label, point.emoji):
                k = key(name)
                if k:
                    self.known[k] = float(point.score)
        self.answers = dict(answers or {})
        self.skip = {key(v) for v in (*DONT_KNOW, *(skip or ()))} - {None}

    def read(self, value: Any) -> Score:
        """The score of one answer."""
        k = key(value)
        if k is None:
            return Score(reason="empty")
        if k in self.answers:
            mapped = self.answers[k]
            return Score(reason="dont_know") if mapped is None else Score(float(mapped))
        if k in self.skip:
            return Score(reason="dont_know")
        n = number(value)
        if n is not None:
            return Score(n) if self.low <= n <= self.high else Score(reason="out_of_scale")
        if k in self.known:
            return Score(self.known[k])
        return Score(reason="unknown")


def parse_dates(values: list[Any]) -> np.ndarray:
    """``datetime64[ns]`` per value; NaT for empty and unreadable ones. Day first
    ("03-02-2026" is 3 February), unless the text starts with a year (ISO)."""
    series = pd.Series([None if is_empty(v) or number(v) is not None else v for v in values],
                       dtype=object)
    first = next((v for v in series if isinstance(v, str)), "")
    dayfirst = not _ISO_DATE.match(first.strip())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # pandas warns when it guesses a format
        try:
            parsed = pd.to_datetime(series, errors="coerce", dayfirst=dayfirst)
            missing = parsed.isna() & series.notna()
            if missing.any():
                again = pd.to_datetime(series[missing], errors="coerce", dayfirst=dayfirst,
                                       format="mixed")
                parsed = parsed.astype(object).where(~missing, again)
                parsed = pd.to_datetime(parsed)
        except (ValueError, TypeError):
            parsed = pd.Series([_one_date(v, dayfirst) for v in series])
        if getattr(parsed.dt, "tz", None) is not None:
            parsed = parsed.dt.tz_localize(None)
    return np.asarray(parsed, dtype="datetime64[ns]")


def _one_date(value: Any, dayfirst: bool) -> pd.Timestamp:
    if value is None:
        return pd.NaT
    try:
        stamp = pd.Timestamp(pd.to_datetime(value, dayfirst=dayfirst))
    except (ValueError, TypeError, OverflowError):
        return pd.NaT
    return stamp.tz_localize(None) if stamp.tzinfo is not None else stamp
