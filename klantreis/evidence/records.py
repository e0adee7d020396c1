"""What an import returns: the source record, the aggregate (evidence) records, the quote
records and a summary a person can read. Records are plain dicts with the project-file
keys, floats rounded to 3 decimals so a project file diffs cleanly."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from ..fields import METRICS
from .context import ImportContext
from .metrics import TEXTS as METRIC_TEXTS
from .metrics import figures
from .scope import JOURNEY, PHASE, TOUCHPOINT, Target
from .stats import group_counts, group_scores
from .texts import TEXTS, counted, fail, listing, text
from .units import Units
from .wording import kind_label

DECIMALS = 3

#: The keys of the three record kinds, in the order they are written.
SOURCE_FIELDS = (
    "id",
    "kind",
    "file",
    "sha256",
    "rows_read",
    "rows_skipped",
    "skipped",
    "period",
    "imported",
    "mapping",
)
EVIDENCE_FIELDS = (
    "source",
    "persona",
    "scenario",
    "touchpoint",
    "phase",
    "metric",
    "n",
    "value",
    "sd",
    "ci_low",
    "ci_high",
)
QUOTE_FIELDS = ("id", "source", "interview", "persona", "scenario", "touchpoint", "text", "emotion")


def rounded(value: Any) -> float | None:
    """A float rounded to :data:`DECIMALS`, or None for NaN/None."""
    if value is None:
        return None
    number = float(value)
    return None if math.isnan(number) else round(number, DECIMALS) + 0.0


@dataclass(frozen=True)
class Summary:
    """What an import read, skipped and covered (``skipped`` counts answers for a
    survey, rows otherwise; ``unmapped``: column -> value -> rows, or visits for web)."""

    kind: str
    file: str
    source: str
    language: str
    rows_read: int
    rows_skipped: int
    skipped: dict[str, int]
    personas: list[str]
    scenario: str
    touchpoints: list[str]
    phases: list[str]
    unmapped: dict[str, dict[str, float]] = field(default_factory=dict)
    notes: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    #: Some figure is of the whole journey (an NPS per persona), not of a touchpoint.
    whole_journey: bool = False

    def report(self, language: str | None = None, template_id: str | None = None) -> str:
        """The summary as a few lines of text in ``language`` (default: the journey's),
        each kind named in the words of the journey's template (``template_id``)."""
        lang = language or self.language
        lines = [
            text(
                "summary_head",
                lang,
                file=self.file,
                kind=kind_label(self.kind, template_id, lang),
                source=self.source,
                read=TEXTS.counted("row", self.rows_read, lang),
                skipped=TEXTS.counted("row", self.rows_skipped, lang),
            )
        ]
        if self.skipped:
            reasons = ", ".join(f"{n} {text(f'reason_{r}', lang)}" for r, n in self.skipped.items())
            unit = text("unit_answers" if self.kind == "survey" else "unit_rows", lang)
            lines.append(text("summary_skipped", lang, unit=unit, reasons=reasons))
        covered = self.touchpoints + [text("phase_prefix", lang, id=p) for p in self.phases]
        if self.whole_journey:
            covered.insert(0, METRIC_TEXTS.text("whole_journey", lang))
        lines.append(
            text(
                "summary_covered",
                lang,
                touchpoints=listing(covered, lang),
                personas=", ".join(self.personas),
                scenario=self.scenario,
            )
        )
        for column, counts in self.unmapped.items():
            lines.append(text("summary_unmapped", lang, column=column, values=counted(counts, lang)))
        lines.extend(
            (METRIC_TEXTS if code in METRIC_TEXTS else TEXTS).text(code, lang, **params)
            for code, params in self.notes
        )
        return "\n".join(lines)


@dataclass(frozen=True)
class EvidenceImport:
    """The result of reading one evidence file; the journey is not changed. Storing
    it (replacing earlier figures of the same ``source["id"]``) is the model's job."""

    source: dict[str, Any]
    evidence: list[dict[str, Any]]
    quotes: list[dict[str, Any]]
    summary: Summary

    @property
    def source_id(self) -> str:
        """The id every record of this import carries as ``source``."""
        return str(self.source["id"])

    def report(self, language: str | None = None) -> str:
        """The summary as text (see :meth:`Summary.report`)."""
        return self.summary.report(language)

    def evidence_frame(self) -> pd.DataFrame:
        """The evidence records as a DataFrame (columns :data:`EVIDENCE_FIELDS`), e.g.
        for a preview before the records are stored."""
        return pd.DataFrame(self.evidence, columns=list(EVIDENCE_FIELDS))


def target_of(record: dict[str, Any]) -> Target:
    """The :class:`Target` an evidence record is about."""
    if record["touchpoint"]:
        return Target(TOUCHPOINT, record["touchpoint"])
    return Target(PHASE, record["phase"]) if record["phase"] else Target(JOURNEY, "")


def group_keys(ctx: ImportContext, units: Units) -> np.ndarray:
    """One integer per (persona, target) for the usable units."""
    width = max(len(ctx.scope.targets), 1)
    ok = units.usable
    return units.persona[ok] * width + units.target[ok]


def _place(ctx: ImportContext, key: int) -> tuple[str, Target]:
    width = max(len(ctx.scope.targets), 1)
    return ctx.scope.personas[key // width], ctx.scope.targets[key % width]


def record(
    ctx: ImportContext,
    key: int,
    metric: str,
    n: int,
    value: Any,
    sd: Any = None,
    ci_low: Any = None,
    ci_high: Any = None,
) -> dict[str, Any]:
    """One evidence record for the group ``key`` (see :func:`group_keys`)."""
    persona, target = _place(ctx, key)
    return {
        "source": ctx.source_id,
        "persona": persona,
        "scenario": ctx.scenario,
        "touchpoint": target.id if target.kind == TOUCHPOINT else "",
        "phase": target.id if target.kind == PHASE else "",
        "metric": metric,
        "n": int(n),
        "value": value,
        "sd": rounded(sd),
        "ci_low": rounded(ci_low),
        "ci_high": rounded(ci_high),
    }


def score_records(
    ctx: ImportContext, keys: np.ndarray, scores: np.ndarray, weights: np.ndarray | None = None
) -> list[dict[str, Any]]:
    """``score`` records: n, mean, sample sd and 95% t-interval per group. The interval
    is cut off at the ends of the scale: the mean cannot lie outside it, so the cut
    interval still holds the mean at least 95% of the time."""
    if not len(keys):
        return []
    stats = group_scores(keys, scores, weights)
    scale = [p.score for p in ctx.journey.scale]
    with np.errstate(invalid="ignore"):
        low = np.clip(stats.ci_low, min(scale), max(scale))
        high = np.clip(stats.ci_high, min(scale), max(scale))
    return [
        record(ctx, int(k), "score", int(n), rounded(m), sd, lo, hi)
        for k, n, m, sd, lo, hi in zip(stats.keys, stats.n, stats.mean, stats.sd, low, high, strict=True)
    ]


def figure_records(
    ctx: ImportContext, keys: np.ndarray, scores: np.ndarray, weights: np.ndarray | None = None
) -> list[dict[str, Any]]:
    """The import's metric per group: ``score`` records (:func:`score_records`), or the
    NPS, CSAT or CES of the respondents' answers (:mod:`klantreis.evidence.metrics`)."""
    if ctx.metric == "score":
        return score_records(ctx, keys, scores, weights)
    low, high = ctx.metric_range
    return [
        record(ctx, f.key, ctx.metric, f.n, rounded(f.value), f.sd, f.ci_low, f.ci_high)
        for f in figures(ctx.metric, low, high, keys, scores, weights)
    ]


def count_records(
    ctx: ImportContext, keys: np.ndarray, metric: str, weights: np.ndarray | None = None
) -> list[dict[str, Any]]:
    """Count records (``calls``, ``visits``, ``interviews``): value = n = the count."""
    present, totals = group_counts(keys, weights)
    out = []
    for k, total in zip(present, totals, strict=True):
        count = int(round(float(total)))
        out.append(record(ctx, int(k), metric, count, count))
    return out


def finish(
    ctx: ImportContext,
    units: Units,
    rows: int,
    dates: np.ndarray,
    evidence: list[dict[str, Any]],
    quotes: list[dict[str, Any]] | None = None,
    extra_skipped: dict[str, int] | None = None,
    used_rows: np.ndarray | None = None,
) -> EvidenceImport:
    """Check that something was usable, then build the records and the summary
    (``used_rows``: which rows counted, when the units do not say)."""
    skipped = units.skipped()
    for reason, count in (extra_skipped or {}).items():
        if count:
            skipped[reason] = skipped.get(reason, 0) + count
    if rows == 0:
        fail("no_rows", ctx.language, file=ctx.file.name)
    if not units.usable.any():
        reasons = ", ".join(f"{n} {text(f'reason_{r}', ctx.language)}" for r, n in skipped.items())
        fail("no_usable", ctx.language, file=ctx.file.name, skipped=reasons or text("none", ctx.language))
    used_rows = units.rows_used(rows) if used_rows is None else used_rows
    order = {m: i for i, m in enumerate(METRICS)}
    evidence = sorted(
        evidence,
        key=lambda r: (
            *ctx.scope.order(r["persona"], target_of(r)),
            order[r["metric"]],
        ),
    )
    rows_skipped = int(rows - used_rows.sum())
    source = {
        "id": ctx.source_id,
        "kind": ctx.kind,
        "file": ctx.file.name,
        "sha256": ctx.file.sha256,
        "rows_read": int(rows),
        "rows_skipped": rows_skipped,
        "skipped": skipped,
        "period": period(dates),
        "imported": ctx.imported,
        "mapping": ctx.mapping_used(),
    }
    touchpoints = list(dict.fromkeys(r["touchpoint"] for r in evidence if r["touchpoint"]))
    summary = Summary(
        kind=ctx.kind,
        file=ctx.file.name,
        source=ctx.source_id,
        language=ctx.language,
        rows_read=int(rows),
        rows_skipped=rows_skipped,
        skipped=skipped,
        personas=list(dict.fromkeys(r["persona"] for r in evidence)),
        scenario=ctx.scenario,
        touchpoints=touchpoints,
        phases=list(dict.fromkeys(r["phase"] for r in evidence if r["phase"])),
        unmapped=ctx.unmapped,
        notes=ctx.notes,
        whole_journey=any(not r["touchpoint"] and not r["phase"] for r in evidence),
    )
    return EvidenceImport(source, evidence, quotes or [], summary)


def period(dates: np.ndarray) -> str:
    """``YYYY-MM-DD/YYYY-MM-DD`` from the first to the last readable date in the file
    (skipped rows too: the file covers that period, whatever was counted); "" when
    there are none."""
    known = dates[~np.isnat(dates)] if len(dates) else dates
    if not len(known):
        return ""
    first, last = (np.datetime_as_string(d, unit="D") for d in (known.min(), known.max()))
    return f"{first}/{last}"
