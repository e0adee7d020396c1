"""The survey metrics besides the mean score: Net Promoter Score, CSAT and CES, each
with n (respondents) and a 95% interval.

- ``nps``: answers 0–10; % promoters (9–10) − % detractors (0–6), in points (−100 to
  100), with the adjusted-Wald interval (:func:`~klantreis.evidence.stats.nps_interval`);
- ``csat``: answers on a scale (1–5 unless the mapping's ``range`` says otherwise); the
  share (in %) of the top two levels, with the Wilson interval;
- ``ces``: answers on a scale (1–7 unless ``range`` says otherwise); the mean, with the
  Student-t interval, cut at the ends of the range.

An answer outside the metric's range stops the import, naming the file, the line and
the column: for these metrics the range is part of the question, so a 12 is a mistake
in the file, not an answer to leave out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import JourneyError
from ..fields import METRICS
from ..messages import Catalog
from . import values
from .reading import Column, SourceFile
from .stats import group_scores, nps_interval, wilson_interval

if TYPE_CHECKING:
    from .mapping import EvidenceMapping

#: The metrics an import can compute from survey answers (``--metric``, ``metric:``).
SURVEY_METRICS = ("score", "nps", "csat", "ces")
assert set(SURVEY_METRICS) <= set(METRICS)
#: The answers' range per metric; ``csat`` and ``ces`` may set another with ``range:``.
RANGES: dict[str, tuple[int, int]] = {"nps": (0, 10), "csat": (1, 5), "ces": (1, 7)}
#: NPS: promoters answer at least this, detractors at most ``DETRACTOR``.
PROMOTER, DETRACTOR = 9, 6

TEXTS = Catalog(
    "evidence_metrics",
    {
        "out_of_range": (
            "{file}, regel {line}, kolom {column!r}: {value!r} ligt buiten {low}–{high}, "
            "het bereik van {metric}. Verbeter het antwoord in het bestand of laat het leeg.",
            "{file}, line {line}, column {column!r}: {value!r} lies outside {low}–{high}, the "
            "range of {metric}. Correct the answer in the file or leave it empty.",
        ),
        "bad_metric": (
            "De maat {value!r} bestaat niet; kies uit {allowed}.",
            "There is no metric {value!r}; choose from {allowed}.",
        ),
        "metric_kind": (
            "Een maat (--metric {metric}) hoort bij een enquête, niet bij {kind}.",
            "A metric (--metric {metric}) belongs to a survey, not to {kind}.",
        ),
        "bad_range": (
            "{mapping}, range: {value!r} is geen bereik; schrijf twee hele getallen, laag en "
            "hoog, zoals [1, 7].",
            "{mapping}, range: {value!r} is not a range; write two whole numbers, low and "
            "high, such as [1, 7].",
        ),
        "range_nps": (
            "{mapping}, range: het bereik van NPS ligt vast (0–10).",
            "{mapping}, range: the range of NPS is fixed (0–10).",
        ),
        "note_metric_nps": (
            "Maat: NPS (0–10; promotors 9–10, criticasters 0–6), per respondent.",
            "Metric: NPS (0–10; promoters 9–10, detractors 0–6), per respondent.",
        ),
        "note_metric_csat": (
            "Maat: CSAT, het aandeel antwoorden {top} op de schaal {low}–{high}, per respondent.",
            "Metric: CSAT, the share of answers {top} on the scale {low}–{high}, per respondent.",
        ),
        "note_metric_ces": (
            "Maat: CES, het gemiddelde op de schaal {low}–{high}, per respondent.",
            "Metric: CES, the mean on the scale {low}–{high}, per respondent.",
        ),
        "whole_journey": ("de hele reis", "the whole journey"),
        "metric_nps": (
            "NPS (0–10; promotors 9–10, criticasters 0–6)",
            "NPS (0–10; promoters 9–10, detractors 0–6)",
        ),
        "metric_csat": (
            "CSAT (schaal {low}–{high}; aandeel van de twee hoogste antwoorden, {top})",
            "CSAT (scale {low}–{high}; share of the top two answers, {top})",
        ),
        "metric_ces": ("CES (schaal {low}–{high}; gemiddelde)", "CES (scale {low}–{high}; mean)"),
    },
)


def check_metric(metric: str | None, language: str, kind: str = "survey") -> str:
    """``metric`` (None: ``score``) when it is a survey metric (and the import a
    survey's); else refused."""
    if metric in (None, "", "score"):
        return "score"
    if kind != "survey":
        raise JourneyError(TEXTS.text("metric_kind", language, metric=metric, kind=kind))
    if metric not in SURVEY_METRICS:
        raise JourneyError(
            TEXTS.text("bad_metric", language, value=metric, allowed=", ".join(SURVEY_METRICS))
        )
    return str(metric)


def answer_range(metric: str, mapping: EvidenceMapping | None, language: str) -> tuple[int, int]:
    """The range of the answers of ``metric``: the mapping's ``range`` for CSAT and CES,
    else :data:`RANGES`."""
    given = mapping.data.get("range") if mapping else None
    if given is None:
        return RANGES[metric]
    file = mapping.file if mapping else "mapping"
    if metric == "nps":
        raise JourneyError(TEXTS.text("range_nps", language, mapping=file))
    ok = (
        isinstance(given, list | tuple)
        and len(given) == 2
        and all(isinstance(v, int) and not isinstance(v, bool) for v in given)
        and given[0] < given[1]
    )
    if not ok:
        raise JourneyError(TEXTS.text("bad_range", language, mapping=file, value=given))
    return int(given[0]), int(given[1])


def describe(metric: str, low: int, high: int, language: str) -> str:
    """The metric in words, with its range (and for CSAT which answers count as top two)."""
    return TEXTS.text(f"metric_{metric}", language, low=low, high=high, top=f"{high - 1}–{high}")


def used_metric(metric: str, bounds: tuple[int, int], mapping: EvidenceMapping | None) -> dict[str, Any]:
    """What the source's ``mapping`` keeps of the metric: its name and a range given."""
    if metric == "score":
        return {}
    return {"metric": metric, **({"range": list(bounds)} if mapping and "range" in mapping.data else {})}


def metric_notes(metric: str, bounds: tuple[int, int]) -> list[tuple[str, dict[str, Any]]]:
    """The summary's line that says which metric was computed, on which range."""
    if metric == "score":
        return []
    low, high = bounds
    return [(f"note_metric_{metric}", {"low": low, "high": high, "top": f"{high - 1}–{high}"})]


def refuse_outside(
    results: Sequence[Any],
    column: Column,
    name: str,
    file: SourceFile,
    language: str,
    metric: str,
    bounds: tuple[int, int],
) -> None:
    """Stop the import at the first answer outside the metric's range (``results``: one
    read answer per distinct value of ``column``), naming file, line and column."""
    outside = [i for i, r in enumerate(results) if r.reason == "out_of_range"]
    if not outside:
        return
    first = int(np.flatnonzero(np.isin(column.codes, outside))[0])
    raise JourneyError(
        TEXTS.text(
            "out_of_range",
            language,
            file=file.name,
            line=file.line(first),
            column=name,
            value=values.label(column.values[column.codes[first]]),
            low=bounds[0],
            high=bounds[1],
            metric=metric.upper(),
        )
    )


@dataclass(frozen=True)
class Answer:
    """One answer read for a metric: its value, or why it has none (``reason``:
    ``empty``, ``dont_know``, ``out_of_range`` or ``unknown``)."""

    value: float = float("nan")
    reason: str = ""


class MetricReader:
    """Reads answers on a metric's range: numbers, the mapping's ``answers`` (label ->
    number, or empty to skip) and "weet niet" and friends (skipped)."""

    def __init__(
        self,
        low: int,
        high: int,
        answers: Mapping[str, Any] | None = None,
        skip: Sequence[str] | None = None,
    ):
        self.low, self.high = low, high
        self.answers = {values.key(k) or k: v for k, v in (answers or {}).items()}
        self.skip = {values.key(v) for v in (*values.DONT_KNOW, *(skip or ()))} - {None}

    def read(self, value: Any) -> Answer:
        """The value of one answer."""
        k = values.key(value)
        if k is None:
            return Answer(reason="empty")
        if k in self.answers:
            mapped = self.answers[k]
            if mapped is None:
                return Answer(reason="dont_know")
            value = mapped
        elif k in self.skip or ("/" in k and all(part.strip() in self.skip for part in k.split("/"))):
            return Answer(reason="dont_know")
        n = values.number(value)
        if n is None:
            return Answer(reason="unknown")
        if not self.low <= n <= self.high:
            return Answer(n, "out_of_range")
        return Answer(float(n))


@dataclass(frozen=True)
class Figure:
    """One metric's figure for a group: n, value, sd (CES only) and 95% interval."""

    key: int
    n: int
    value: float
    sd: float | None
    ci_low: float
    ci_high: float


def figures(
    metric: str,
    low: int,
    high: int,
    keys: np.ndarray,
    answers: np.ndarray,
    weights: np.ndarray | None = None,
) -> list[Figure]:
    """Per distinct group in ``keys``: the figure of ``metric`` from ``answers`` (one per
    respondent; ``weights``: how many respondents an entry stands for)."""
    keys = np.asarray(keys, dtype=np.int64)
    answers = np.asarray(answers, dtype=np.float64)
    w = np.ones(len(answers)) if weights is None else np.asarray(weights, dtype=np.float64)
    if not len(keys):
        return []
    if metric == "ces":
        stats = group_scores(keys, answers, w)
        out = []
        for k, n, m, sd, lo, hi in zip(
            stats.keys, stats.n, stats.mean, stats.sd, stats.ci_low, stats.ci_high, strict=True
        ):
            single = n < 2
            out.append(
                Figure(
                    int(k),
                    int(n),
                    float(m),
                    None if single else float(sd),
                    float("nan") if single else max(low, float(lo)),
                    float("nan") if single else min(high, float(hi)),
                )
            )
        return out
    size = int(keys.max()) + 1
    n_all = np.rint(np.bincount(keys, weights=w, minlength=size)).astype(np.int64)
    if metric == "nps":
        top = np.rint(np.bincount(keys, weights=w * (answers >= PROMOTER), minlength=size))
        bottom = np.rint(np.bincount(keys, weights=w * (answers <= DETRACTOR), minlength=size))
    else:  # csat: the top two levels of the range
        top = np.rint(np.bincount(keys, weights=w * (answers >= high - 1), minlength=size))
        bottom = np.zeros(size)
    out = []
    for k in np.flatnonzero(n_all):
        n = int(n_all[k])
        if metric == "nps":
            value = 100 * (top[k] - bottom[k]) / n
            lo, hi = nps_interval(int(top[k]), int(bottom[k]), n)
        else:
            value = 100 * top[k] / n
            lo, hi = (100 * b for b in wilson_interval(float(top[k]), n))
        out.append(Figure(int(k), n, float(value), None, float(lo), float(hi)))
    return out
