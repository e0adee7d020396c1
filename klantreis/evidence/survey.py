"""Survey exports: the mean score per persona × touchpoint with its 95% t-interval.

*Wide* files have one row per respondent and one column per question (as survey tools
export them); *long* files one row per answer (respondent, touchpoint, score). Answers
may be numbers, the scale's labels or emoji, or labels the mapping's ``answers`` turns
into scores. Empty answers, "weet niet" / "n.v.t." and values outside the scale are
skipped and counted, never read as 0.
"""

from __future__ import annotations

import numpy as np

from . import values
from .columns import header_key, require
from .context import (
    TEXT_ROLES,
    ImportContext,
    dates_per_row,
    distinct_personas,
    distinct_scores,
    mark_outside_journey,
    place,
    read_roles,
    reader,
    scores_per_row,
)
from .mapping import resolve_targets
from .reading import column_list
from .records import EvidenceImport, finish, group_keys, score_records
from .scope import Target
from .texts import fail, listing
from .units import Units

#: The columns of a wide file that are not questions.
_WIDE_ROLES = ("respondent", "persona", "date")


def _read_survey(ctx: ImportContext) -> EvidenceImport:
    """Read a survey export, wide (a row per respondent, a column per question) or long
    (a row per answer: touchpoint and score), into ``score`` aggregates: mean, sample
    sd and 95% t-interval per persona × touchpoint. Without a mapping, columns named
    after touchpoint ids (wide) or the columns ``respondent, persona, touchpoint,
    score`` (long) are recognised, and anything that cannot be matched stops the import.
    """
    layout = ctx.mapping.data.get("format") if ctx.mapping else None
    if layout is None:
        layout = "long" if {"touchpoint", "score"} <= set(ctx.columns) else "wide"
    ctx.used["format"] = layout
    return _long(ctx) if layout == "long" else _wide(ctx)


def _long(ctx: ImportContext) -> EvidenceImport:
    for role in ("touchpoint", "score"):
        require(ctx.columns, role, ctx.file, ctx.language)
    rows = read_roles(ctx, ["persona", "touchpoint", "score", "date"])
    units = Units.per_row(rows)
    units.value, codes = scores_per_row(ctx, "score")
    units.mark_codes(codes)
    dates = place(ctx, units, rows, "touchpoint", "questions", "unmapped_question", strict=True)
    evidence = score_records(ctx, group_keys(ctx, units), units.value[units.usable])
    return finish(ctx, units, rows, dates, evidence)


def _wide(ctx: ImportContext) -> EvidenceImport:
    """A wide file, reduced per question to its distinct (row class, answer) pairs: a
    row class is a value of the persona column with a readable date or not, so every
    unit of a class and answer is treated alike and counted once with its weight."""
    questions = _question_columns(ctx)
    ctx.columns = {r: c for r, c in ctx.columns.items() if r in _WIDE_ROLES}
    roles = {r: c for r, c in ctx.columns.items() if r != "respondent"}
    rows, coded = ctx.file.read(
        [*roles.values(), *questions], text=[c for r, c in roles.items() if r in TEXT_ROLES]
    )
    ctx.read = {r: coded[c] for r, c in roles.items()}
    person_of, person_code = distinct_personas(ctx)
    segment = ctx.read.get("persona")
    segment_of_row = (
        segment.codes.astype(np.int64) % len(person_of)
        if segment is not None
        else np.zeros(rows, dtype=np.int64)
    )
    dates, bad_dates = dates_per_row(ctx.read.get("date"), rows)
    row_class = segment_of_row * 2 + bad_dates
    classes = 2 * len(person_of)
    class_persona = np.repeat(person_of, 2)
    class_code = np.repeat(person_code, 2)
    class_bad = np.tile([False, True], len(person_of))
    targets = [ctx.scope.index(t) for t in questions.values()]
    inside = np.vstack([ctx.scope.valid(), np.zeros((1, len(ctx.scope.targets)), dtype=bool)])
    class_ok = (class_code == 0) & ~class_bad
    used_rows = np.zeros(rows, dtype=bool)
    parts = []
    for column, target in zip(questions, targets, strict=True):
        scores, codes = distinct_scores(ctx, coded[column], column)
        answer = coded[column].codes.astype(np.int64) % len(scores)
        counts = np.bincount(row_class * len(scores) + answer, minlength=classes * len(scores))
        present = np.flatnonzero(counts)
        cls, ans = np.divmod(present, len(scores))
        parts.append((cls, np.full(len(present), target), scores[ans], codes[ans], counts[present]))
        ok_here = class_ok & inside[class_persona, target]
        used_rows |= ok_here[row_class] & (codes == 0)[answer]
    cls, targets_of, value, reason, weight = (np.concatenate(p) for p in zip(*parts, strict=True))
    units = Units(
        row=None,
        persona=class_persona[cls],
        target=targets_of.astype(np.int64),
        value=value,
        reason=reason.astype(np.int8),
        weight=weight.astype(float),
    )
    units.mark(class_bad[cls], "invalid_date")
    units.mark_codes(class_code[cls])
    mark_outside_journey(ctx, units)
    ctx.used["questions"] = {column: t.id for column, t in questions.items()}
    evidence = score_records(ctx, group_keys(ctx, units), units.value[units.usable], units.usable_weights())
    return finish(ctx, units, rows, dates, evidence, used_rows=used_rows)


def _question_columns(ctx: ImportContext) -> dict[str, Target]:
    """File column -> touchpoint for each question of a wide file: the mapping's
    ``questions`` (every column named must exist), else columns named after touchpoint
    ids (every other column, apart from respondent, persona and date, is an error)."""
    file, language = ctx.file, ctx.language
    role_columns = {c for r, c in ctx.columns.items() if r in _WIDE_ROLES}
    if ctx.mapping and ctx.mapping.section("questions"):
        targets = resolve_targets(ctx.mapping, "questions", ctx.scope, language)
        by_key = {header_key(c): c for c in reversed(file.columns)}
        exact = {c.strip(): c for c in reversed(file.columns)}
        found: dict[str, Target] = {}
        for item in ctx.mapping.section("questions"):
            column = exact.get(item.strip()) or by_key.get(header_key(item))
            if column is None:
                fail(
                    "column_missing",
                    language,
                    file=file.name,
                    column=item,
                    mapping=ctx.mapping.file,
                    key=f"questions → {item}",
                    columns=column_list(file.columns, language),
                )
            found[column] = targets[values.key(item) or item]
        return found
    ids = ctx.scope.id_keys(allow_phase=False)
    found, unmatched = {}, []
    for column in file.columns:
        if column in role_columns:
            continue
        target = ids.get(values.key(column) or "")
        if target is None:
            unmatched.append(column)
        else:
            found[column] = target
    if unmatched:
        fail(
            "columns_unmatched",
            language,
            file=file.name,
            columns=column_list(unmatched, language),
            known=listing(ctx.scope.touchpoints, language),
        )
    if not found:
        fail("no_questions", language, file=file.name)
    return found


read_survey = reader("survey", _read_survey)
