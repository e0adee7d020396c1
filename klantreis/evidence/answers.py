"""The answers of a survey (or the emotions of interview quotes) as numbers: on the
journey's scale, or on the range of an NPS, CSAT or CES question; each distinct value
converted once. Text that is no answer stops the import, naming the values; an answer
outside a metric's range stops it naming the line."""

from __future__ import annotations

import numpy as np

from . import values
from .context import ImportContext
from .mapping import describe_scale
from .metrics import refuse_outside
from .reading import Column
from .texts import counted, fail
from .units import CODE, reason_codes


def scores_per_row(ctx: ImportContext, role: str) -> tuple[np.ndarray, np.ndarray]:
    """Per row of the column of ``role``: the score on the journey's scale (NaN: none)
    and a skip code (empty, dont_know, out_of_scale). Text that is no score, label,
    emoji, ``answers:`` entry or "don't know" stops the import, naming the values."""
    column, name = ctx.read[role], ctx.columns[role]
    return column_scores(ctx, column, name)


def column_scores(ctx: ImportContext, column: Column, name: str) -> tuple[np.ndarray, np.ndarray]:
    """:func:`scores_per_row` for any column."""
    scores, codes = distinct_scores(ctx, column, name)
    return scores[column.codes], codes[column.codes]


def distinct_scores(ctx: ImportContext, column: Column, name: str) -> tuple[np.ndarray, np.ndarray]:
    """Score and skip code per distinct value of ``column``, plus a last entry for the
    empty cell (so ``result[column.codes]`` gives them per row)."""
    reader = ctx.score_reader()
    results = [reader.read(v) for v in column.values]
    refuse_outside(results, column, name, ctx.file, ctx.language, ctx.metric, ctx.metric_range)
    unknown = {
        values.label(v): int(c)
        for v, r, c in zip(column.values, results, column.counts(), strict=True)
        if r.reason == "unknown"
    }
    if unknown:
        fail(
            "answers_unknown",
            ctx.language,
            file=ctx.file.name,
            column=name,
            values=counted(unknown, ctx.language),
            scale=describe_scale(ctx.journey.scale),
        )
    return (
        np.array([*(r.value for r in results), np.nan], dtype=float),
        np.append(reason_codes([r.reason for r in results]), np.int8(CODE["empty"])),
    )
