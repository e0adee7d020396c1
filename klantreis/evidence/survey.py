"""Survey exports: the mean score per persona × touchpoint with its 95% t-interval.

*Wide* files have one row per respondent and one column per question (as survey tools
export them); *long* files one row per answer (respondent, touchpoint, score). Answers
may be numbers, the scale's labels or emoji, or labels the mapping's ``answers`` turns
into scores. Empty answers, "weet niet" / "n.v.t." and values outside the scale are
skipped and counted, never read as 0.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import values
from .answers import scores_per_row
from .columns import require
from .context import (
    ImportContext,
    dates_per_row,
    personas_per_row,
    place,
    read_roles,
    reader,
)
from .mapping import resolve_targets
from .reading import Column, column_list
from .records import EvidenceImport, figure_records, finish, group_keys
from .responses import duplicate_rows, repeated_answers
from .scope import JOURNEY, Target
from .texts import TEXTS, counted, fail, listing
from .units import CODE, Units
from .wide import WIDE_ROLES, read_wide


def _read_survey(ctx: ImportContext) -> EvidenceImport:
    """Read a survey export, wide (a row per respondent, a column per question) or long
    (a row per answer: touchpoint and score), into ``score`` aggregates: mean, sample
    sd and 95% t-interval per persona × touchpoint. Without a mapping, columns named
    after touchpoint ids (wide) or the columns ``respondent, persona, touchpoint,
    score`` (long) are recognised, and anything that cannot be matched stops the import.
    """
    layout = ctx.mapping.data.get("format") if ctx.mapping else None
    if layout is None:
        if "touchpoint" in ctx.columns:  # a long file; without a score column it is a mistake
            require(ctx.columns, "score", ctx.file, ctx.language)
        layout = "long" if {"touchpoint", "score"} <= set(ctx.columns) else "wide"
        if ctx.metric != "score" and "score" in ctx.columns and "touchpoint" not in ctx.columns:
            layout = "long"  # respondent, persona, score: the metric of the whole journey
    ctx.used["format"] = layout
    return _long(ctx) if layout == "long" else read_wide(ctx, _question_columns(ctx))


def _long(ctx: ImportContext) -> EvidenceImport:
    whole_journey = ctx.metric != "score" and "touchpoint" not in ctx.columns
    for role in ("score",) if whole_journey else ("touchpoint", "score"):
        require(ctx.columns, role, ctx.file, ctx.language)
    rows = read_roles(ctx, ["respondent", "persona", "touchpoint", "score", "date"])
    units = Units.per_row(rows)
    respondent = ctx.read.get("respondent")
    if respondent is not None:
        _mark_repeats(ctx, units, respondent)
    units.value, codes = scores_per_row(ctx, "score")
    units.mark_codes(codes)
    if whole_journey:
        dates = _place_journey(ctx, units, rows)
    else:
        dates = place(ctx, units, rows, "touchpoint", "questions", "unmapped_question", strict=True)
    keys, scores = group_keys(ctx, units), units.value[units.usable]
    if respondent is not None:
        keys, scores = _per_respondent(ctx, units, respondent, keys, scores)
    evidence = figure_records(ctx, keys, scores)
    return finish(ctx, units, rows, dates, evidence)


def _mark_repeats(ctx: ImportContext, units: Units, respondent: Column) -> None:
    """Rows written twice count once; a respondent's repeated answer to a question
    counts once; different answers to one question count not at all (named)."""
    twins = duplicate_rows(list(ctx.read.values()))
    if twins.any():
        ctx.note(
            "note_duplicate_rows", rows=TEXTS.count("row", int(twins.sum())), column=ctx.columns["respondent"]
        )
        units.mark(twins, "duplicate")
    question = ctx.read.get("touchpoint") or Column(np.zeros(len(units.reason), dtype=np.int8), ["·"])
    person = respondent.codes.astype(np.int64)
    group = np.where(
        (person >= 0) & (question.codes >= 0), person * len(question.values) + question.codes, -1
    )
    repeat, conflicting = repeated_answers(group, ctx.read["score"].codes, units.reason == 0)
    units.mark(repeat == CODE["duplicate"], "duplicate")
    units.mark(repeat == CODE["conflict"], "conflict")
    if len(conflicting):
        conflicts: dict[str, float] = {}
        for g in conflicting:
            who, asked = divmod(int(g), len(question.values))
            name = f"{values.label(respondent.values[who])} ({values.label(question.values[asked])})"
            conflicts[name] = int(((group == g) & (ctx.read["score"].codes >= 0)).sum())
        ctx.note(
            "note_conflicts",
            answers=TEXTS.count("answer", int(sum(conflicts.values()))),
            respondents=counted(conflicts, ctx.language),
        )


def _place_journey(ctx: ImportContext, units: Units, rows: int) -> np.ndarray:
    """Attribute the rows of a file without a touchpoint column (``respondent, persona,
    score`` with ``--metric nps``) to the whole journey of their persona; returns the
    date per row."""
    dates, bad_dates = dates_per_row(ctx.read.get("date"), rows)
    units.mark(bad_dates, "invalid_date")
    units.persona, codes = personas_per_row(ctx, rows)
    units.mark_codes(codes)
    units.target = np.full(rows, ctx.scope.index(Target(JOURNEY, "")), dtype=np.int64)
    return dates


def _per_respondent(
    ctx: ImportContext, units: Units, respondent: Column, keys: np.ndarray, scores: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """One score per respondent and figure: where several questions feed a touchpoint,
    a respondent's answers there are averaged, so n counts people. Rows without a
    respondent id count as a respondent each."""
    rows = units.row[units.usable] if units.row is not None else np.arange(len(keys))
    person = respondent.codes[rows].astype(np.int64)
    person = np.where(person >= 0, person, len(respondent.values) + rows)
    pair, _ = pd.factorize(keys * (len(respondent.values) + len(units.reason) + 1) + person)
    means = np.bincount(pair, weights=scores) / np.bincount(pair)
    key_of_pair = np.zeros(len(means), dtype=np.int64)
    key_of_pair[pair] = keys
    return key_of_pair, means


def _question_columns(ctx: ImportContext) -> dict[str, Target]:
    """File column -> touchpoint for each question of a wide file: the mapping's
    ``questions`` (every column named must exist), else columns named after touchpoint
    ids (every other column, apart from respondent, persona and date, is an error)."""
    file, language = ctx.file, ctx.language
    role_columns = {c for r, c in ctx.columns.items() if r in WIDE_ROLES}
    if ctx.mapping and ctx.mapping.section("questions"):
        targets = resolve_targets(ctx.mapping, "questions", ctx.scope, language)
        found: dict[str, Target] = {}
        for item in ctx.mapping.section("questions"):
            column = file.find(item)
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
        if column in role_columns or column in file.layout.metadata:
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
