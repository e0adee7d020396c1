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
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ..coercion import missing
from ..model import ScalePoint

#: Answers that mean "no answer" in Dutch and English survey exports: skipped, never 0.
DONT_KNOW = (
    "weet niet",
    "weet ik niet",
    "n.v.t.",
    "n.v.t",
    "nvt",
    "niet van toepassing",
    "geen mening",
    "geen antwoord",
    "zeg ik liever niet",
    "wil ik niet zeggen",
    "n/a",
    "na",
    "don't know",
    "dont know",
    "do not know",
    "not applicable",
    "no opinion",
    "prefer not to say",
    "-",
    "?",
)

_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)$")
_GROUPED = re.compile(r"^\d{1,3}([.,\u00a0 ']\d{3})+$")
_ISO_DATE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}")


def is_empty(value: Any) -> bool:
    """True for None, NaN/NaT and text that is only whitespace."""
    return not value.strip() if isinstance(value, str) else missing(value)


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
        scale: Sequence[ScalePoint],
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
        if k in self.skip or ("/" in k and all(part.strip() in self.skip for part in k.split("/"))):
            return Score(reason="dont_know")  # also "Weet niet / n.v.t."
        n = number(value)
        if n is not None:
            return Score(n) if self.low <= n <= self.high else Score(reason="out_of_scale")
        if k in self.known:
            return Score(self.known[k])
        return Score(reason="unknown")


_DUTCH_MONTHS = {
    "januari": "January",
    "februari": "February",
    "maart": "March",
    "mrt": "Mar",
    "mei": "May",
    "juni": "June",
    "juli": "July",
    "augustus": "August",
    "oktober": "October",
    "okt": "Oct",
}
_DUTCH_MONTH = re.compile(r"\b(" + "|".join(_DUTCH_MONTHS) + r")\b", re.IGNORECASE)


def parse_days(values: list[Any]) -> tuple[np.ndarray, np.ndarray]:
    """Per value: its day (``datetime64[ns]`` at midnight; NaT when none) and whether
    something was written that is no date. Times are cut off first ("03-01-2026 09:40"
    -> "03-01-2026"), so a log of a million timestamps parses its few hundred days."""
    keys: list[Any] = []
    written: list[bool] = []
    for value in values:
        if isinstance(value, str):
            text = value.strip()
            keys.append(_day_part(text) if text else None)
            written.append(bool(text))
        elif is_empty(value):
            keys.append(None)
            written.append(False)
        else:
            keys.append(value.date() if isinstance(value, dt.datetime) else value)
            written.append(True)
    codes, days = pd.factorize(pd.Series(keys, dtype=object), use_na_sentinel=True)
    parsed = np.append(parse_dates(list(days)), np.datetime64("NaT", "ns"))[codes]
    return parsed, np.array(written, dtype=bool) & np.isnat(parsed)


def _day_part(text: str) -> str:
    colon = text.find(":")
    if colon < 0:
        return text
    cut = max(text.rfind(" ", 0, colon), text.rfind("T", 0, colon))
    return text[:cut].rstrip(", ") if cut > 0 else text


def parse_dates(values: list[Any]) -> np.ndarray:
    """``datetime64[ns]`` per value; NaT for empty and unreadable ones. Day first
    ("03-02-2026" is 3 February) unless the text starts with a year (ISO); Dutch month
    names ("5 maart 2026") are understood."""
    fast = _all_at_once(values)
    if fast is not None:
        return fast
    series = pd.Series([_date_text(v) for v in values], dtype=object)
    iso = series.map(lambda v: isinstance(v, str) and bool(_ISO_DATE.match(v)))
    parsed = pd.Series(pd.NaT, index=series.index, dtype="datetime64[ns]")
    for part, dayfirst in ((series[iso], False), (series[~iso & series.notna()], True)):
        if len(part):
            parsed[part.index] = _to_datetime(part, dayfirst)
    return np.asarray(parsed, dtype="datetime64[ns]")


def _all_at_once(values: list[Any]) -> np.ndarray | None:
    """All values in one pandas call when they are text or dates in one format (a log
    of a million timestamps); None when any fails, for the careful way."""
    if pd.api.types.infer_dtype(values, skipna=True) not in ("string", "datetime", "date"):
        return None
    series = pd.Series(values, dtype=object)
    first = next((v for v in values if isinstance(v, str)), "")
    try:
        parsed = _to_datetime_once(series, dayfirst=not _ISO_DATE.match(first.strip()))
    except (ValueError, TypeError, OverflowError):
        return None
    if (parsed.isna() & series.notna()).any():
        return None
    return np.asarray(parsed, dtype="datetime64[ns]")


def _to_datetime_once(series: pd.Series, dayfirst: bool) -> pd.Series:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # pandas warns when it guesses a format
        parsed = pd.to_datetime(series, errors="coerce", dayfirst=dayfirst)
    if getattr(parsed.dt, "tz", None) is not None:
        parsed = parsed.dt.tz_localize(None)
    return parsed


def _date_text(value: Any) -> Any:
    if is_empty(value) or number(value) is not None:
        return None  # a bare number is no date
    if isinstance(value, str):
        return _DUTCH_MONTH.sub(lambda m: _DUTCH_MONTHS[m.group(1).lower()], value.strip())
    return value


def _to_datetime(part: pd.Series, dayfirst: bool) -> pd.Series:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # pandas warns when it guesses a format
        try:
            parsed = pd.to_datetime(part, errors="coerce", dayfirst=dayfirst)
            if parsed.isna().any():
                again = pd.to_datetime(
                    part[parsed.isna()], errors="coerce", dayfirst=dayfirst, format="mixed"
                )
                parsed = pd.to_datetime(parsed.astype(object).where(parsed.notna(), again))
            if getattr(parsed.dt, "tz", None) is not None:
                parsed = parsed.dt.tz_localize(None)
        except (ValueError, TypeError):
            parsed = pd.Series([_one_date(v, dayfirst) for v in part], index=part.index)
    return parsed.astype("datetime64[ns]")


def _one_date(value: Any, dayfirst: bool) -> Any:  # a Timestamp, or NaT
    if value is None:
        return pd.NaT
    try:
        stamp = pd.Timestamp(pd.to_datetime(value, dayfirst=dayfirst))
    except (ValueError, TypeError, OverflowError):
        return pd.NaT
    return stamp.tz_localize(None) if stamp.tzinfo is not None else stamp
