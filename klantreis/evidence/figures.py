"""The stored evidence of one journey (persona × scenario), touchpoint by touchpoint:
the assumed emotion next to the measured score with its n and 95% interval, whether
the measurement confirms the assumption, and the counts (calls per month, visits,
interviews). Charts, the canvas, the report and the review read it from here. Pure:
reads the journey, changes nothing.

With several sources (data waves) the scores of a touchpoint are pooled as one sample:
n adds up, the mean is weighted by n, and the standard deviation and t-interval are
computed from each source's n, mean and sd. ``source=`` restricts everything to one
source.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..coercion import missing
from ..model import Journey
from .stats import t975

#: Below this many answers a measured score is shown as "too few answers", not as a
#: figure to trust; settable wherever figures are shown.
MIN_N = 10

#: The smallest difference (in scale points) between the measured mean and the assumed
#: score that refutes an assumption; a smaller one outside the interval is only a
#: "small difference". Settable wherever figures are shown.
MIN_DIFFERENCE = 0.5

#: Statuses of a touchpoint's measured score.
CONFIRMED = "confirmed"  # the assumed score lies inside the 95% interval
NOT_CONFIRMED = "not_confirmed"  # outside it, and at least min_difference away
SMALL_DIFFERENCE = "small_difference"  # outside it, but less than min_difference away
TOO_FEW = "too_few"  # measured, but with fewer than min_n answers (or no interval)
NO_ASSUMPTION = "no_assumption"  # measured, but the team assumed no emotion
UNMEASURED = "unmeasured"  # no score measured

#: The metrics that count (calls, visits, interviews), as opposed to scores, NPS, CSAT, CES.
COUNTS = ("calls", "visits", "interviews")

#: Days in an average month, for calls per month.
MONTH_DAYS = 365.25 / 12


@dataclass(frozen=True)
class Score:
    """A measured score: n, mean, sd and 95% interval (sd/interval None for n < 2)."""

    n: int
    mean: float
    sd: float | None
    ci_low: float | None
    ci_high: float | None


def project_min_difference(journey: Journey) -> float:
    """The meaningful difference of ``journey``'s flags: the project's, else 0.5."""
    own = journey.min_difference
    return MIN_DIFFERENCE if own is None else float(own)


def selected_sources(journey: Journey, source: str | None = None) -> list[str]:
    """The source ids to read: ``[source]`` (refused naming the known ids when the
    project has no such source) or every source."""
    if source:
        journey.require("sources", source)
        return [source]
    return journey.ids("sources")


def pooled(records: Iterable[dict[str, Any]], scale: tuple[float, float]) -> Score | None:
    """One :class:`Score` from several ``score`` records of the same touchpoint: their
    answers taken as one sample (exact for mean and sd; the interval a t-interval with
    n − 1 degrees of freedom, cut at the ends of ``scale`` (low, high))."""
    parts = [r for r in records if r.get("n") and r.get("value") is not None]
    if not parts:
        return None
    if len(parts) == 1:
        r = parts[0]
        return Score(
            int(r["n"]), float(r["value"]), _float(r["sd"]), _float(r["ci_low"]), _float(r["ci_high"])
        )
    n = sum(int(r["n"]) for r in parts)
    mean = sum(int(r["n"]) * float(r["value"]) for r in parts) / n
    squares = sum(
        (int(r["n"]) - 1) * float(r["sd"] or 0) ** 2 + int(r["n"]) * (float(r["value"]) - mean) ** 2
        for r in parts
    )
    if n < 2:
        return Score(n, mean, None, None, None)
    sd = math.sqrt(squares / (n - 1))
    half = float(t975(n - 1)) * sd / math.sqrt(n)
    return Score(
        n,
        round(mean, 3),
        round(sd, 3),
        round(max(scale[0], mean - half), 3),
        round(min(scale[1], mean + half), 3),
    )


def _float(value: Any) -> float | None:
    return None if value is None else float(value)


def months(period: str) -> float | None:
    """The length of a source's ``period`` (``YYYY-MM-DD/YYYY-MM-DD``, both days
    included) in months; None when it has none."""
    try:
        first, last = (dt.date.fromisoformat(p) for p in str(period).split("/"))
    except ValueError:
        return None
    return ((last - first).days + 1) / MONTH_DAYS


def status(
    assumed: int | None, score: Score | None, min_n: int = MIN_N, min_difference: float = MIN_DIFFERENCE
) -> str:
    """How a measured ``score`` relates to the ``assumed`` emotion (see the constants):
    an assumption is refuted only when the 95% interval excludes it *and* the mean lies
    at least ``min_difference`` scale points away; too few answers stay too few."""
    if score is None:
        return UNMEASURED
    if score.n < min_n or score.ci_low is None or score.ci_high is None:
        return TOO_FEW
    if assumed is None:
        return NO_ASSUMPTION
    if score.ci_low <= assumed <= score.ci_high:
        return CONFIRMED
    return NOT_CONFIRMED if abs(score.mean - assumed) >= min_difference else SMALL_DIFFERENCE


@dataclass
class JourneyEvidence:
    """The evidence of one journey; ``rows``: one dict per touchpoint in journey order
    with ``id, name, phase, step, assumed, score`` (a :class:`Score` or None),
    ``status``, ``score_sources``, ``calls``, ``calls_per_month`` (over ``calls_days``
    days of call logs), ``visits``,
    ``interviews`` (counts: None when not measured) and ``has_counts``."""

    journey: Journey
    persona: str
    scenario: str
    sources: list[str]
    min_n: int
    rows: list[dict[str, Any]]
    #: phase id -> metric -> count, for calls and visits a mapping sent to a phase
    phase_counts: dict[str, dict[str, float]]
    #: the smallest difference that refutes an assumption (see :func:`status`)
    min_difference: float = MIN_DIFFERENCE

    def row(self, touchpoint: str) -> dict[str, Any] | None:
        """The row of a touchpoint id."""
        return next((r for r in self.rows if r["id"] == touchpoint), None)

    def flagged(self) -> list[dict[str, Any]]:
        """Rows whose assumption the measurement does not confirm."""
        return [r for r in self.rows if r["status"] == NOT_CONFIRMED]

    def without_evidence(self) -> list[dict[str, Any]]:
        """Rows with no figure at all from the selected sources."""
        return [r for r in self.rows if r["score"] is None and not r["has_counts"]]

    @property
    def any(self) -> bool:
        """True when some touchpoint (or phase) of this journey has a figure."""
        return any(r["score"] is not None or r["has_counts"] for r in self.rows) or bool(self.phase_counts)


def journey_evidence(
    journey: Journey,
    persona: str,
    scenario: str,
    source: str | None = None,
    min_n: int = MIN_N,
    min_difference: float | None = None,
) -> JourneyEvidence:
    """The evidence of ``persona`` in ``scenario`` from ``source`` (None: all sources);
    ``min_n`` and ``min_difference`` set the flag rule (see :func:`status`); without
    ``min_difference`` the project's own (``min_difference:`` in the project file) or
    :data:`MIN_DIFFERENCE`."""
    if min_difference is None:
        min_difference = project_min_difference(journey)
    sources = selected_sources(journey, source)
    wanted = set(sources)
    kinds = {s["id"]: s for s in journey.records("sources") if s["id"] in wanted}
    call_months = [months(s["period"]) for s in kinds.values() if s["kind"] == "calls"]
    total_months = None if not call_months or None in call_months else sum(m for m in call_months if m)
    call_days = round(total_months * MONTH_DAYS) if total_months else None
    records = [
        r
        for r in journey.records("evidence")
        if r["source"] in wanted and r["persona"] == persona and r["scenario"] == scenario
    ]
    scores = [p.score for p in journey.scale] or [1, 5]
    scale = (min(scores), max(scores))
    by_touchpoint: dict[str, list[dict[str, Any]]] = {}
    phase_counts: dict[str, dict[str, float]] = {}
    for r in records:
        if r["touchpoint"]:
            by_touchpoint.setdefault(r["touchpoint"], []).append(r)
        elif r["phase"] and r["metric"] in COUNTS:
            per_metric = phase_counts.setdefault(r["phase"], {})
            per_metric[r["metric"]] = per_metric.get(r["metric"], 0) + (r["value"] or 0)
    rows = []
    steps = journey.journey(persona, scenario)
    for step in steps.to_dict("records"):
        mine = by_touchpoint.get(str(step["id"]), [])
        score_records = [r for r in mine if r["metric"] == "score"]
        score = pooled(score_records, scale)
        assumed = None if missing(step["emotion"]) else int(step["emotion"])
        counts = {m: _total(mine, m) for m in COUNTS}
        per_month = None
        if counts["calls"] is not None and total_months:
            per_month = counts["calls"] / total_months
        rows.append({
            "id": str(step["id"]), "name": str(step["name"]), "phase": str(step["phase"]),
            "step": int(step["step"]), "assumed": assumed, "score": score,
            "status": status(assumed, score, min_n, min_difference),
            "score_sources": list(dict.fromkeys(r["source"] for r in score_records)),
            **counts, "calls_per_month": per_month,
            "calls_days": call_days if per_month is not None else None,
            "has_counts": any(v is not None for v in counts.values()),
        })  # fmt: skip
    return JourneyEvidence(journey, persona, scenario, sources, min_n, rows, phase_counts, min_difference)


def refuted_values(
    journey: Journey, persona: str, scenario: str, source: str | None = None, min_n: int = MIN_N
) -> dict[str, float]:
    """Touchpoint id -> the measured mean, for the touchpoints whose assumption the
    measurement refutes (:data:`NOT_CONFIRMED`). Wherever a journey's peak, low point
    and pain points are found (the curve, the key figures, the report), such a
    touchpoint counts with this measured value, never with the refuted assumption.
    Empty when the project has no evidence."""
    if not journey.ids("sources"):
        return {}
    evidence = journey_evidence(journey, persona, scenario, source, min_n)
    return {r["id"]: float(r["score"].mean) for r in evidence.flagged()}


def _total(records: list[dict[str, Any]], metric: str) -> int | None:
    values = [r["value"] for r in records if r["metric"] == metric and r["value"] is not None]
    return int(round(sum(values))) if values else None


def call_reasons(
    journey: Journey, persona: str, scenario: str, source: str | None = None
) -> list[dict[str, Any]]:
    """Where this persona's calls go, most calls first: per touchpoint or phase its
    name, ``calls``, and the call reasons the sources' mappings send there
    (``reasons``). A last row ``unmapped`` holds the calls of the log's known personas
    whose reason no mapping placed (all personas together: the source keeps only the
    count), when there are any."""
    wanted = set(selected_sources(journey, source))
    sources = [s for s in journey.records("sources") if s["id"] in wanted and s["kind"] == "calls"]
    names = {str(r["id"]): str(r["name"]) for r in journey.journey(persona, scenario).to_dict("records")}
    reasons: dict[tuple[str, str], list[str]] = {}
    for s in sources:
        for reason, target in ((s.get("mapping") or {}).get("reasons") or {}).items():
            key = (
                ("phase", target["phase"])
                if isinstance(target, dict) and "phase" in target
                else ("touchpoint", target["touchpoint"] if isinstance(target, dict) else str(target))
            )
            reasons.setdefault(key, []).append(str(reason))
    totals: dict[tuple[str, str], int] = {}
    for r in journey.records("evidence"):
        mine = (r["persona"], r["scenario"]) == (persona, scenario)
        if mine and r["source"] in wanted and r["metric"] == "calls":
            key = ("touchpoint", r["touchpoint"]) if r["touchpoint"] else ("phase", r["phase"])
            totals[key] = totals.get(key, 0) + int(r["value"] or 0)
    rows: list[dict[str, Any]] = []
    for (kind, tid), calls in totals.items():
        name = names.get(tid, tid) if kind == "touchpoint" else journey.name_of("phases", tid)
        rows.append(
            {"kind": kind, "id": tid, "name": name, "calls": calls, "reasons": reasons.get((kind, tid), [])}
        )
    rows.sort(key=lambda r: (-r["calls"], r["name"]))
    unmapped = sum(int((s.get("skipped") or {}).get("unmapped_reason", 0)) for s in sources)
    if unmapped:
        rows.append({"kind": "unmapped", "id": "", "name": "", "calls": unmapped, "reasons": []})
    return rows


def quotes_of(
    journey: Journey, persona: str, scenario: str, touchpoint: str, source: str | None = None, limit: int = 3
) -> list[dict[str, Any]]:
    """Up to ``limit`` quotes about a touchpoint, from different interviews first, in
    file order."""
    wanted = set(selected_sources(journey, source))
    place = (persona, scenario, touchpoint)
    found = [
        q
        for q in journey.records("quotes")
        if q["source"] in wanted and (q["persona"], q["scenario"], q["touchpoint"]) == place
    ]
    seen: set[str] = set()
    first = []
    for q in found:
        if q["interview"] not in seen:
            seen.add(q["interview"])
            first.append(q)
    rest = [q for q in found if q not in first]
    return (first + rest)[:limit]
