"""Interview quotes: kept as text, with the number of distinct interviews per persona ×
touchpoint as the n, and, when quotes carry an emotion, the mean over interviews.

An interview that yields several quotes at one touchpoint counts once: its emotions
there are averaged first, so the mean and its interval are over interviews, the unit
that was sampled.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from . import values
from .answers import scores_per_row
from .columns import require
from .context import ImportContext, place, read_roles, reader
from .records import EvidenceImport, count_records, finish, group_keys, rounded, score_records
from .units import CODE, Units


def _read_interviews(ctx: ImportContext) -> EvidenceImport:
    """Read a table of interview quotes (interview id, touchpoint, quote, optional
    persona, emotion and date) into quote records, ``interviews`` counts (distinct
    interviews) and, where emotions are given, ``score`` means over interviews. An
    emotion outside the scale is dropped (the quote is kept) and counted as
    ``out_of_scale``; touchpoint values must be ids unless the mapping's
    ``touchpoints`` places them.
    """
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
    dates = place(ctx, units, rows, "touchpoint", "touchpoints", "unmapped_touchpoint", strict=True)

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


def _quotes(
    ctx: ImportContext,
    units: Units,
    interview_codes: np.ndarray,
    interview_ids: list[str],
    quote: Any,
    texts: list[str],
    emotion: np.ndarray,
) -> list[dict[str, Any]]:
    """One record per usable row with a quote, in file order."""
    rows = np.flatnonzero(units.usable & (quote.codes >= 0))
    out: list[dict[str, Any]] = []
    for row in rows:
        text = texts[quote.codes[row]]
        if not text:
            continue
        score = rounded(emotion[row])
        out.append(
            {
                "id": f"{ctx.source_id}-{len(out) + 1}",
                "source": ctx.source_id,
                "interview": interview_ids[interview_codes[row]],
                "persona": ctx.scope.personas[units.persona[row]],
                "scenario": ctx.scenario,
                "touchpoint": ctx.scope.targets[units.target[row]].id,
                "text": text,
                "emotion": None if score is None else (int(score) if float(score).is_integer() else score),
            }
        )
    return out


read_interviews = reader("interviews", _read_interviews)
