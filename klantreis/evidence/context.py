"""One import in progress: the checked arguments, the opened file, the mapping and the
journey scope, plus the steps every kind shares (persona per row, touchpoint or phase
per value, dates, touchpoints outside a persona's journey)."""

from __future__ import annotations

import datetime as dt
import fnmatch
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from ..coercion import slugify
from ..fields import SLUG_RE
from ..model import Journey
from . import values
from .columns import find_columns
from .mapping import (
    ALL_KEYS,
    EvidenceMapping,
    as_mapping,
    resolve_answers,
    resolve_personas,
    resolve_targets,
)
from .metrics import MetricReader, answer_range, check_metric, metric_notes, used_metric
from .reading import Column, SourceFile, open_source
from .scope import Scope, Target
from .texts import counted, fail, listing, text
from .units import CODE, Units, reason_codes

if TYPE_CHECKING:
    from .records import EvidenceImport

MappingArg = EvidenceMapping | Mapping[str, Any] | str | Path | None


@dataclass
class ImportContext:
    """Everything an importer needs, checked before a row is read."""

    kind: str
    journey: Journey
    language: str
    file: SourceFile
    mapping: EvidenceMapping | None
    source_id: str
    scenario: str
    persona: str | None
    scope: Scope
    columns: dict[str, str]
    imported: str
    include_partial: bool = False
    #: What the answers measure (:data:`~klantreis.evidence.metrics.SURVEY_METRICS`) and,
    #: for a metric other than ``score``, the range of its answers.
    metric: str = "score"
    metric_range: tuple[int, int] = (0, 10)
    notes: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    unmapped: dict[str, dict[str, float]] = field(default_factory=dict)
    used: dict[str, Any] = field(default_factory=dict)
    read: dict[str, Column] = field(default_factory=dict)
    _scores: values.ScoreReader | MetricReader | None = field(default=None, repr=False)

    def fail_unknown(
        self, column: str, unknown: dict[str, float], what: str, key: str, known: list[str]
    ) -> None:
        """Stop the import: values of ``column`` that match no ``what``."""
        fail(
            "values_unknown",
            self.language,
            file=self.file.name,
            column=column,
            what=text(f"what_{what}", self.language),
            values=counted(unknown, self.language),
            key=key,
            known=listing(known, self.language),
        )

    def note(self, code: str, **params: Any) -> None:
        """Add a line (the text ``code``) to the import's summary."""
        self.notes.append((code, params))

    def score_reader(self) -> values.ScoreReader | MetricReader:
        """Reads answers on the journey's scale (or, for NPS, CSAT and CES, on the
        metric's range) with the mapping's answers and skip list."""
        if self._scores is None:
            skip = self.mapping.section("skip") if self.mapping else []
            if self.metric != "score":
                raw = self.mapping.section("answers") if self.mapping else {}
                self._scores = MetricReader(*self.metric_range, raw, skip)
                return self._scores
            answers = resolve_answers(self.mapping, self.journey.scale, self.language)
            self._scores = values.ScoreReader(self.journey.scale, answers, skip)
        return self._scores

    def mapping_used(self) -> dict[str, Any]:
        """The mapping as used: the file's content plus the columns actually read (and
        the survey-tool layout found, when it is not a plain file)."""
        data = {**(self.mapping.data if self.mapping else {}), **self.used, "columns": dict(self.columns)}
        return {key: data[key] for key in (*ALL_KEYS, "layout") if key in data and key != "kind"}


#: Roles read as plain text rather than categorical: timestamps and respondent ids have
#: nearly as many distinct values as rows, which pandas' chunked categorical reading handles slowly.
TEXT_ROLES = ("date", "respondent")

Reader = Callable[..., "EvidenceImport"]


def reader(kind: str, body: Callable[[ImportContext], EvidenceImport]) -> Reader:
    """The public ``read_<kind>`` function: check the arguments and open the file
    (:func:`prepare`), then let ``body`` read it. ``body``'s docstring documents it."""

    def read(
        journey: Journey,
        path: str | Path,
        mapping: MappingArg = None,
        source: str | None = None,
        persona: str | None = None,
        scenario: str | None = None,
        *,
        imported: str | None = None,
        include_partial: bool = False,
        metric: str | None = None,
    ) -> EvidenceImport:
        ctx = prepare(kind, journey, path, mapping, source, persona, scenario, imported, metric)
        ctx.include_partial = include_partial
        return body(ctx)

    read.__name__ = read.__qualname__ = f"read_{kind}"
    read.__doc__ = (body.__doc__ or "") + ARGUMENTS_DOC
    read.__module__ = body.__module__
    return read


ARGUMENTS_DOC = """
    Arguments: ``journey`` (read, never changed); ``path`` (CSV or .xlsx); ``mapping``: a
    mapping file, its loaded :class:`EvidenceMapping` or a plain dict (see
    docs/evidence.md); ``source``: the source id (default: from the file name);
    ``persona``/``scenario``: whose journey the rows belong to when the file has no
    persona column (default scenario: the project's first); ``imported``: the import
    date (default: today); ``include_partial``: count a survey's incomplete responses
    (default: reported and left out); ``metric`` (surveys): ``score`` (default), ``nps``,
    ``csat`` or ``ces`` (or ``metric:`` in the mapping). Returns an :class:`EvidenceImport`; bad input raises
    :class:`~klantreis.errors.JourneyError` with a message in the journey's language.
    """


def prepare(
    kind: str,
    journey: Journey,
    path: str | Path,
    mapping: MappingArg,
    source: str | None,
    persona: str | None,
    scenario: str | None,
    imported: str | None,
    metric: str | None = None,
) -> ImportContext:
    """Check the arguments, read the mapping, open the file and find its columns."""
    language = journey.language
    metric = check_metric(metric, language, kind)
    scenario = scenario or journey.default_scenario
    _known_id(journey, "scenarios", "what_scenario", scenario, language)
    if persona:
        _known_id(journey, "personas", "what_persona_arg", persona, language)
    source_id = source if source is not None else slugify(Path(path).stem)
    if not SLUG_RE.match(source_id or ""):
        fail("bad_source_id", language, value=source_id)
    checked = as_mapping(mapping, kind, language)
    if checked and checked.data.get("metric") is not None and metric == "score":
        metric = check_metric(checked.data["metric"], language)
    scope = Scope(journey, scenario)
    if checked:
        # every id and score in the mapping is checked, used by this file or not
        for key in ("questions", "reasons", "pages", "touchpoints", "quotes"):
            resolve_targets(checked, key, scope, language)
        resolve_personas(checked, scope, language)
        if metric == "score":
            resolve_answers(checked, journey.scale, language)
    metric_range = answer_range(metric, checked, language) if metric != "score" else (0, 10)
    file = open_source(path, language)
    return ImportContext(
        kind=kind,
        journey=journey,
        language=language,
        file=file,
        mapping=checked,
        source_id=source_id,
        scenario=scenario,
        persona=persona or None,
        scope=scope,
        columns=find_columns(file, kind, checked, language),
        imported=imported or dt.date.today().isoformat(),
        metric=metric,
        metric_range=metric_range,
        used=used_metric(metric, metric_range, checked),
        notes=metric_notes(metric, metric_range),
    )


def _known_id(journey: Journey, table: str, what: str, value: str, language: str) -> None:
    ids = journey.ids(table)
    if value not in ids:
        fail(
            "unknown_argument", language, what=text(what, language), value=value, known=listing(ids, language)
        )


def note_layout(ctx: ImportContext) -> None:
    """Say in the summary which survey-tool layout the file has and which header rows
    were skipped; the layout is kept with the source's mapping."""
    layout = ctx.file.layout
    if layout.name != "plain":
        ctx.used["layout"] = layout.name
        ctx.note(f"note_layout_{layout.name}", extra=layout.extra_rows)


# ------------------------------------------------------------------ personas
def personas_per_row(ctx: ImportContext, rows: int) -> tuple[np.ndarray, np.ndarray]:
    """Per row: the persona index (-1: none) and a skip code (0: none); see
    :func:`distinct_personas`."""
    indexes, codes = distinct_personas(ctx)
    column = ctx.read.get("persona")
    if column is None:
        return np.full(rows, indexes[0]), np.zeros(rows, dtype=np.int8)
    return indexes[column.codes], codes[column.codes]


def distinct_personas(ctx: ImportContext) -> tuple[np.ndarray, np.ndarray]:
    """Per distinct value of the persona column (plus a last entry for the empty cell):
    the persona index (-1: none) and a skip code. Without a persona column: one entry.

    Without a persona column every row belongs to ``persona=`` (or the only persona).
    With one, values map through the mapping's ``personas`` or equal a persona id or
    name; other values are skipped and listed when the mapping has ``personas``, and
    stop the import when it has not. Rows of another persona than ``persona=`` are
    skipped as ``other_persona``.
    """
    scope = ctx.scope
    column = ctx.read.get("persona")
    if column is None:
        pid = ctx.persona or (scope.personas[0] if len(scope.personas) == 1 else None)
        if pid is None:
            fail(
                "persona_needed",
                ctx.language,
                file=ctx.file.name,
                known=listing(scope.personas, ctx.language),
            )
        return np.array([scope.personas.index(pid)]), np.zeros(1, dtype=np.int8)
    mapped = resolve_personas(ctx.mapping, scope, ctx.language)
    keys = {**scope.persona_keys(), **mapped}
    indexes: list[int] = []
    reasons: list[str] = []
    unknown: dict[str, float] = {}
    for value, count in zip(column.values, column.counts(), strict=True):
        k = values.key(value)
        pid = keys.get(k) if k else None
        reason = "" if pid else ("unmapped_persona" if k else "no_persona")
        if pid and ctx.persona and pid != ctx.persona:
            reason = "other_persona"
        if k and not pid:
            unknown[values.label(value)] = int(count)
        indexes.append(scope.personas.index(pid) if pid else -1)
        reasons.append(reason)
    name = ctx.columns["persona"]
    if unknown:
        if not mapped:
            ctx.fail_unknown(name, unknown, "persona", "personas", scope.personas)
        ctx.unmapped[name] = unknown
    return (
        np.array([*indexes, -1], dtype=np.int64),
        np.append(reason_codes(reasons), np.int8(CODE["no_persona"])),
    )


# ------------------------------------------------------------------ targets
def targets_per_row(
    ctx: ImportContext,
    role: str,
    key: str,
    unmapped_reason: str,
    strict: bool,
    weights: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Per row: the target index (-1: none) and a skip code, from the values of the
    column of ``role`` (touchpoint, reason or page).

    A value maps through the mapping's ``key`` section (exact, case aside; for ``pages``
    also globs such as ``/lid-worden*``), else equals a touchpoint id (or phase id, for
    reasons and pages). Values that match nothing are skipped and listed (``weights``:
    what to count per distinct value, default its rows); with ``strict`` and no mapping
    section they stop the import instead.
    """
    scope = ctx.scope
    column, name = ctx.read[role], ctx.columns[role]
    mapped = resolve_targets(ctx.mapping, key, scope, ctx.language)
    allow_phase = key in ("reasons", "pages")
    exact = {**scope.id_keys(allow_phase), **{k: t for k, t in mapped.items() if not _is_glob(k)}}
    globs = [(k, t) for k, t in mapped.items() if key == "pages" and _is_glob(k)]
    match = _matcher(exact, globs)
    counts = column.counts() if weights is None else weights
    indexes: list[int] = []
    reasons: list[str] = []
    unknown: dict[str, float] = {}
    for value, count in zip(column.values, counts, strict=True):
        k = values.key(value)
        target = match(k) if k else None
        if k and target is None:
            unknown[values.label(value)] = unknown.get(values.label(value), 0) + _whole(count)
        indexes.append(scope.index(target) if target else -1)
        reasons.append("" if target else (unmapped_reason if k else "empty"))
    if unknown:
        if strict and not mapped:
            ctx.fail_unknown(name, unknown, "touchpoint", key, scope.touchpoints)
        ctx.unmapped[name] = unknown
    return (
        column.lookup(indexes, -1, np.int64),
        column.lookup(reason_codes(reasons), CODE["empty"], np.int8),
    )


def _is_glob(pattern: str) -> bool:
    return any(ch in pattern for ch in "*?[")


def _matcher(exact: dict[str, Target], globs: list[tuple[str, Target]]) -> Callable[[str], Target | None]:
    def match(k: str) -> Target | None:
        if k in exact:
            return exact[k]
        return next((t for pattern, t in globs if fnmatch.fnmatchcase(k, pattern)), None)

    return match


def _whole(count: Any) -> int | float:
    number = float(count)
    return int(number) if number.is_integer() else round(number, 3)


# ------------------------------------------------------------------ reading, dates, journey
def read_roles(ctx: ImportContext, roles: list[str], text_roles: tuple[str, ...] = ()) -> int:
    """Read the columns of the ``roles`` found (nothing else) into ``ctx.read``; return
    the number of data rows."""
    wanted = {r: ctx.columns[r] for r in roles if r in ctx.columns}
    as_text = [wanted[r] for r in (*text_roles, *TEXT_ROLES) if r in wanted]
    rows, coded = ctx.file.read(list(wanted.values()), text=as_text)
    ctx.read = {r: coded[c] for r, c in wanted.items()}
    return rows


def dates_per_row(column: Column | None, rows: int) -> tuple[np.ndarray, np.ndarray]:
    """Per row: its date (NaT when none) and whether a date was written but unreadable."""
    if column is None:
        return np.full(rows, np.datetime64("NaT"), dtype="datetime64[ns]"), np.zeros(rows, dtype=bool)
    days, bad = values.parse_days(column.values)
    return column.lookup(days, np.datetime64("NaT"), "datetime64[ns]"), np.append(bad, False)[column.codes]


def place(
    ctx: ImportContext,
    units: Units,
    rows: int,
    role: str,
    key: str,
    unmapped_reason: str,
    strict: bool,
    weights: np.ndarray | None = None,
) -> np.ndarray:
    """Attribute per-row units: skip unreadable dates, give each unit its persona and
    its target (from the column of ``role``, see :func:`targets_per_row`) and skip
    touchpoints outside the persona's journey. Returns the date per row."""
    dates, bad_dates = dates_per_row(ctx.read.get("date"), rows)
    units.mark(bad_dates, "invalid_date")
    units.persona, codes = personas_per_row(ctx, rows)
    units.mark_codes(codes)
    units.target, codes = targets_per_row(ctx, role, key, unmapped_reason, strict, weights)
    units.mark_codes(codes)
    mark_outside_journey(ctx, units)
    return dates


def mark_outside_journey(ctx: ImportContext, units: Units) -> None:
    """Skip units whose touchpoint is not in the journey of their persona."""
    valid = ctx.scope.valid()
    if valid.all():
        return
    inside = np.append(valid.ravel(), True)  # the last entry answers for unplaced units
    key = units.persona * valid.shape[1] + units.target
    key[(units.persona < 0) | (units.target < 0)] = -1
    units.mark(~inside[key], "not_in_journey")
