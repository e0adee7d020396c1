"""A wide survey file (a row per respondent, a column per question), read fast and
counted per respondent.

Each question is reduced to its distinct (row class, answer) pairs: a row class is a
value of the persona column with the row's skip code (unreadable date, incomplete
response, duplicate, conflicting answer), so every unit of a class and answer is treated
alike and counted once with its weight; 200,000 respondents cost a few hundred units.
Where several questions feed one touchpoint, each respondent's answers there are
averaged first, so n counts people, not answers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from . import values
from .answers import distinct_scores
from .context import (
    TEXT_ROLES,
    ImportContext,
    dates_per_row,
    distinct_personas,
    mark_outside_journey,
    note_layout,
)
from .mapping import resolve_targets
from .reading import Column, column_list
from .records import EvidenceImport, figure_records, finish, group_keys
from .responses import completion_columns, duplicate_rows, incomplete_rows, repeated_answers
from .scope import Target
from .texts import TEXTS, counted, fail
from .units import CODE, WHOLE_RESPONSE, Units

#: The columns of a wide file that are not questions.
WIDE_ROLES = ("respondent", "persona", "date")
#: The skip codes a whole row (or a respondent's answer to one question) can carry.
ROW_CODES = np.array([0, CODE["invalid_date"], *(CODE[r] for r in WHOLE_RESPONSE)], dtype=np.int8)
_KIND_OF = np.zeros(max(CODE.values()) + 1, dtype=np.int64)
_KIND_OF[ROW_CODES] = np.arange(len(ROW_CODES))


@dataclass
class _Pooled:
    """Per row, the sum and number of usable answers at each touchpoint fed by several
    questions."""

    rows: int
    sums: dict[int, np.ndarray] = field(default_factory=dict)
    counts: dict[int, np.ndarray] = field(default_factory=dict)

    def add(self, target: int, ok: np.ndarray, score: np.ndarray) -> None:
        self.sums.setdefault(target, np.zeros(self.rows))
        self.counts.setdefault(target, np.zeros(self.rows))
        self.sums[target][ok] += score[ok]
        self.counts[target][ok] += 1


def read_wide(ctx: ImportContext, questions: dict[str, Target]) -> EvidenceImport:
    """Read the ``questions`` (file column -> touchpoint) of a wide file into ``score``
    aggregates per persona × touchpoint (see the module's docstring)."""
    ctx.columns = {r: c for r, c in ctx.columns.items() if r in WIDE_ROLES}
    completion = completion_columns(ctx.file)
    open_answers = quote_columns(ctx)
    rows, coded = ctx.file.read(
        [*ctx.columns.values(), *questions, *completion, *open_answers],
        text=[*(c for r, c in ctx.columns.items() if r in TEXT_ROLES), *open_answers],
    )
    ctx.read = {r: coded[c] for r, c in ctx.columns.items()}
    note_layout(ctx)
    person_of, person_code = distinct_personas(ctx)
    segment = ctx.read.get("persona")
    segment_of_row = (
        segment.codes.astype(np.int64) % len(person_of)
        if segment is not None
        else np.zeros(rows, dtype=np.int64)
    )
    dates, bad_dates = dates_per_row(ctx.read.get("date"), rows)
    row_code = _row_codes(ctx, coded, completion, bad_dates, rows)
    kinds = len(ROW_CODES)
    class_persona = np.repeat(person_of, kinds)
    class_code = np.repeat(person_code, kinds)
    class_row_code = np.tile(ROW_CODES, len(person_of))
    class_ok = (class_code == 0) & (class_row_code == 0)
    targets = [ctx.scope.index(t) for t in questions.values()]  # before valid(): it adds them
    inside = np.vstack([ctx.scope.valid(), np.zeros((1, len(ctx.scope.targets)), dtype=bool)])
    pooled = _Pooled(rows)
    shared = {t for t in targets if targets.count(t) > 1}
    conflicts: dict[str, int] = {}
    used_rows = np.zeros(rows, dtype=bool)
    parts = []
    for column, target in zip(questions, targets, strict=True):
        scores, codes = distinct_scores(ctx, coded[column], column)
        answer = coded[column].codes.astype(np.int64) % len(scores)
        question_code = _repeats(ctx, coded[column], row_code, column, conflicts)
        row_class = segment_of_row * kinds + _KIND_OF[question_code]
        counts = np.bincount(row_class * len(scores) + answer, minlength=len(class_ok) * len(scores))
        present = np.flatnonzero(counts)
        cls, ans = np.divmod(present, len(scores))
        parts.append((cls, np.full(len(present), target), scores[ans], codes[ans], counts[present]))
        ok = (class_ok & inside[class_persona, target])[row_class] & (codes == 0)[answer]
        used_rows |= ok
        if target in shared:
            pooled.add(target, ok, scores[answer])
    if conflicts:
        ctx.note(
            "note_conflicts",
            answers=TEXTS.count("answer", sum(conflicts.values())),
            respondents=counted(conflicts, ctx.language),
        )
    cls, targets_of, value, reason, weight = (np.concatenate(p) for p in zip(*parts, strict=True))
    whole = np.isin(class_row_code, [CODE[r] for r in WHOLE_RESPONSE])[cls]
    units = Units(
        row=None,
        persona=class_persona[cls],
        target=targets_of.astype(np.int64),
        value=value,
        reason=np.where(whole, class_row_code[cls], reason).astype(np.int8),  # before "weet niet"
        weight=weight.astype(float),
    )
    units.mark_codes(class_row_code[cls])
    units.mark_codes(class_code[cls])
    mark_outside_journey(ctx, units)
    ctx.used["questions"] = {column: t.id for column, t in questions.items()}
    persona_of_row = class_persona[segment_of_row * kinds]
    evidence = figure_records(ctx, *_figures(ctx, units, pooled, persona_of_row))
    row_ok = class_ok[segment_of_row * kinds + _KIND_OF[row_code]]
    quotes = _quotes(ctx, open_answers, coded, persona_of_row, row_ok, inside)
    return finish(ctx, units, rows, dates, evidence, quotes, used_rows=used_rows)


def quote_columns(ctx: ImportContext) -> dict[str, Target]:
    """File column -> touchpoint for the open answers the mapping's ``quotes`` sends to
    quotes (``quotes: {Q_Opmerking: melding}``); a column the file lacks is an error."""
    if not ctx.mapping or not ctx.mapping.section("quotes"):
        return {}
    targets = resolve_targets(ctx.mapping, "quotes", ctx.scope, ctx.language)
    found: dict[str, Target] = {}
    for item in ctx.mapping.section("quotes"):
        column = ctx.file.find(item)
        if column is None:
            fail(
                "column_missing",
                ctx.language,
                file=ctx.file.name,
                column=item,
                mapping=ctx.mapping.file,
                key=f"quotes → {item}",
                columns=column_list(ctx.file.columns, ctx.language),
            )
        found[column] = targets[values.key(item) or item]
    ctx.used["quotes"] = {column: t.id for column, t in found.items()}
    return found


def _quotes(
    ctx: ImportContext,
    open_answers: dict[str, Target],
    coded: dict[str, Column],
    persona_of_row: np.ndarray,
    row_ok: np.ndarray,
    inside: np.ndarray,
) -> list[dict[str, Any]]:
    """One quote per non-empty open answer of a counted response, in file order, with
    the respondent (or row number) as ``interview`` and the row's persona."""
    respondent = ctx.read.get("respondent")
    found: list[tuple[int, str, Target]] = []
    for column, target in open_answers.items():
        cells = coded[column]
        index = ctx.scope.index(target)
        ok = row_ok & (cells.codes >= 0) & inside[persona_of_row, index]
        for at in np.flatnonzero(ok).tolist():
            said = " ".join(str(cells.values[cells.codes[at]]).split())
            if said:
                found.append((at, said, target))
    found.sort(key=lambda item: item[0])
    quotes = []
    for number, (row, text, target) in enumerate(found, 1):
        who: Any = (
            respondent.values[respondent.codes[row]] if respondent and respondent.codes[row] >= 0 else row + 1
        )
        quotes.append({
            "id": f"{ctx.source_id}-{number}", "source": ctx.source_id, "interview": values.label(who),
            "persona": ctx.scope.personas[persona_of_row[row]], "scenario": ctx.scenario,
            "touchpoint": target.id, "text": text, "emotion": None,
        })  # fmt: skip
    return quotes


def _row_codes(
    ctx: ImportContext, coded: dict[str, Column], completion: dict[str, str], bad: np.ndarray, rows: int
) -> np.ndarray:
    """Per row: unreadable date, incomplete response (unless ``include_partial``) or a
    repeat of an earlier row of the same respondent, as a skip code (0: none)."""
    code = np.where(bad, CODE["invalid_date"], 0).astype(np.int8)
    partial = incomplete_rows(coded, completion, rows)
    if partial.any():
        ctx.note("note_partial_kept" if ctx.include_partial else "note_partial", count=int(partial.sum()))
        if not ctx.include_partial:
            code[(code == 0) & partial] = CODE["incomplete"]
    if "respondent" in ctx.read:
        twins = duplicate_rows(list(coded.values()))
        if twins.any():
            ctx.note(
                "note_duplicate_rows",
                rows=TEXTS.count("row", int(twins.sum())),
                column=ctx.columns["respondent"],
            )
            code[(code == 0) & twins] = CODE["duplicate"]
    return code


def _repeats(
    ctx: ImportContext, answers: Column, row_code: np.ndarray, column: str, conflicts: dict[str, int]
) -> np.ndarray:
    """The row codes for one question: a respondent's repeated answer is a duplicate,
    different answers are a conflict (recorded in ``conflicts`` per respondent)."""
    respondent = ctx.read.get("respondent")
    if respondent is None:
        return row_code
    repeat, conflicting = repeated_answers(respondent.codes.astype(np.int64), answers.codes, row_code == 0)
    for group in conflicting:
        rows = (respondent.codes == group) & (repeat == CODE["conflict"]) & (answers.codes >= 0)
        name = f"{values.label(respondent.values[group])} ({column})"
        conflicts[name] = conflicts.get(name, 0) + int(rows.sum())
    return np.where(row_code == 0, repeat, row_code).astype(np.int8)


def _figures(
    ctx: ImportContext, units: Units, pooled: _Pooled, persona_of_row: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray | None]:
    """Group keys, values and weights for :func:`figure_records`: the units of
    touchpoints with one question, and one mean per respondent where several feed one."""
    keys = group_keys(ctx, units)
    scores = units.value[units.usable]
    weights = units.usable_weights()
    if not pooled.sums:
        return keys, scores, weights
    width = max(len(ctx.scope.targets), 1)
    single = ~np.isin(keys % width, list(pooled.sums))
    key_parts, score_parts = [keys[single]], [scores[single]]
    weight_parts = [weights[single] if weights is not None else np.ones(int(single.sum()))]
    for target, sums in pooled.sums.items():
        answered = pooled.counts[target] > 0
        key_parts.append(persona_of_row[answered] * width + target)
        score_parts.append(sums[answered] / pooled.counts[target][answered])
        weight_parts.append(np.ones(int(answered.sum())))
    return np.concatenate(key_parts), np.concatenate(score_parts), np.concatenate(weight_parts)
