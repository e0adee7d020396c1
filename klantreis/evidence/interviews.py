"""Interview quotes: kept as text, with the number of distinct interviews per persona ×
touchpoint as the n, and, when quotes carry an emotion, the mean over interviews.

An interview that yields several quotes at one touchpoint counts once: its emotions
there are averaged first, so the mean and its interval are over interviews, the unit
that was sampled.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from ..model import Journey
from . import values
from .columns import require
from .context import (
    ImportContext,
    MappingArg,
    dates_per_row,
    mark_outside_journey,
    personas_per_row,
    prepare,
    read_roles,
    scores_per_row,
    targets_per_row,
)
from .records import EvidenceImport, count_records, finish, group_keys, rounded, score_records
from .units import CODE, Units


def read_interviews(
    journey: Journey,
    path: str | Path,
    mapping: MappingArg = None,
    source: str | None = None,
    persona: str | None = None,
    scenario: str | None = None,
    *,
    imported: str | None = None,
) -> EvidenceImport:
    """Read a table of interview quotes (interview id, persona, touchpoint, quote,
    optional emotion) into quote records, ``interviews`` counts and, where emotions are
    given, ``score`` means over interviews. An emotion outside the scale is dropped
    (the quote is kept) and counted as ``out_of_scale``. The other arguments work as in
    :func:`read_survey`."""
    ctx = prepare("interviews", journey, path, mapping, source, persona, scenario, imported)
    for role in ("interview", "touchpoint", "quote"):
        require(ctx.columns, role, ctx.file, ctx.language)
    roles = ["interview", "persona", "touchpoint", "quote", "emotion", "date"]
    rows = read_roles(ctx, roles, text_roles=("interview", "quote"))
    units = Units.per_row(rows)
    interview = ctx.read["interview"]
    interview_ids = [values.label(v) for v in interview.values]
    units.mark(interview.codes < 0, "no_interview")
    quote = ctx.read["quote"]
    texts = [str(v).strip() for v in quote.values]
    has_quote = quote.lookup([bool(t) for t in texts], False, bool)
    emotion, emotion_codes = _emotions(ctx, rows)
    units.mark(~has_quote & np.isnan(emotion), "empty_quote")
    dates, bad_dates = dates_per_row(ctx.read.get("date"), rows)
    units.mark(bad_dates, "invalid_date")
    units.persona, codes = personas_per_row(ctx, rows)
    units.mark_codes(codes)
    units.target, codes = targets_per_row(ctx, "touchpoint", "touchpoints", "unmapped_touchpoint",
                                          strict=True)
    units.mark_codes(codes)
    mark_outside_journey(ctx, units)

    usable = units.usable
    groups = group_keys(ctx, units)
    per_interview = groups * (len(interview.values) + 1) + interview.codes[usable]
    _, first = np.unique(per_interview, return_index=True)
    evidence = count_records(ctx, groups[first], "interviews")
    felt = ~np.isnan(emotion[usable])
    if felt.any():
        keys, inverse = np.unique(per_interview[felt], return_inverse=True)
        means = np.bincount(inverse, weights=emotion[usable][felt]) / np.bincount(inverse)
        evidence += score_records(ctx, keys // (len(interview.values) + 1), means)
    quotes = _quotes(ctx, units, interview.codes, interview_ids, quote, texts, emotion)
    dropped = int(((emotion_codes == CODE["out_of_scale"]) & usable).sum())
    return finish(ctx, units, rows, dates, evidence, quotes, {"out_of_scale": dropped})


def _emotions(ctx: ImportContext, rows: int) -> tuple[np.ndarray, np.ndarray]:
    if "emotion" not in ctx.read:
        return np.full(rows, np.nan), np.zeros(rows, dtype=np.int8)
    return scores_per_row(ctx, "emotion")


def _quotes(ctx: ImportContext, units: Units, interview_codes: np.ndarray, interview_ids: list[str],
            quote: Any, texts: list[str], emotion: np.ndarray) -> list[dict[str, Any]]:
    """One record per usable row with a quote, in file order."""
    rows = np.flatnonzero(units.usable & (quote.codes >= 0))
    out: list[dict[str, Any]] = []
    for row in rows:
        text = texts[quote.codes[row]]
        if not text:
            continue
        score = rounded(emotion[row])
        out.append({
            "id": f"{ctx.source_id}-{len(out) + 1}",
            "source": ctx.source_id,
            "interview": interview_ids[interview_codes[row]],
            "persona": ctx.scope.personas[units.persona[row]],
            "scenario": ctx.scenario,
            "touchpoint": ctx.scope.targets[units.target[row]].id,
            "text": text,
            "emotion": None if score is None else (int(score) if float(score).is_integer() else score),
        })
    return out
