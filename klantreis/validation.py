"""Check a project's raw data (as read from YAML, JSON or a spreadsheet) and build a
:class:`~klantreis.model.Journey` from it, reporting every problem with its place.

The record rules are the model's own (:class:`~klantreis.store.TableStore`): every
record goes through the same coercion and the same key and reference checks as
``journey.add_touchpoint``, but here every problem is collected, with its field path
and line, instead of stopping at the first.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from .coercion import coerce, coerce_group, unknown_field
from .errors import FieldValueError, FormatVersionError, JourneyError, Problem, ValidationError
from .fields import ANSWER, FILE_KEYS, HEAD, REVIEW, SCOPE, TABLES
from .messages import DEFAULT_LANGUAGE, Catalog, Msg
from .model import Journey
from .scale import Scale, read_scale
from .template_fields import TemplateFields
from .version import FORMAT_VERSION, __version__

Path = tuple[str | int, ...]
#: ``template_scale(template_id, language)``: the scale of a template, or a
#: :class:`~klantreis.errors.JourneyError` for an unknown template.
TemplateScale = Callable[[str, str], Scale]
#: ``template_fields(template_id)``: the fields a template adds to phases, personas
#: and touchpoints, or a :class:`~klantreis.errors.JourneyError` for an unknown template.
TemplateFieldsOf = Callable[[str], TemplateFields]

TOP_LEVEL = FILE_KEYS

TEXTS = Catalog("validation", {
    "empty": (
        "het bestand is leeg; maak een project met `klantreis new BESTAND --template ID`",
        "the file is empty; create a project with `klantreis new FILE --template ID`",
    ),
    "not_mapping": (
        "een projectbestand is een koppeling (title: ..., phases: ...), geen {kind}",
        "a project file must be a mapping (title: ..., phases: ...), not {kind}",
    ),
    "no_version": (
        "het formaatnummer ontbreekt; zet `klantreis: {version}` op de eerste regel",
        "missing format version; add `klantreis: {version}` as the first line",
    ),
    "bad_version": (
        "het formaatnummer moet een heel getal zijn, zoals {version}, niet {value!r}",
        "the format version must be a whole number such as {version}, not {value!r}",
    ),
    "newer": (
        "{where}: dit project gebruikt formaatversie {value}; daarvoor is een nieuwere klantreis "
        "nodig (dit is klantreis {this}, die versie {version} leest); werk bij met "
        "`pip install -U klantreis`",
        "{where}: this project uses format version {value}, which needs a newer klantreis (this "
        "is klantreis {this}, which reads version {version}); upgrade with `pip install -U klantreis`",
    ),
    "scope": ("moet een koppeling zijn met `start` en `end`", "must be a mapping with `start` and `end`"),
    "table": (
        "moet een lijst van {table} zijn, elk beginnend met `- id: ...`",
        "must be a list of {table}, each starting with `- id: ...`",
    ),
    "record": (
        "elke {table} is een koppeling van velden, geen {kind}",
        "each {table} must be a mapping of fields, not {kind}",
    ),
    "review": (
        "moet een koppeling zijn met `answers` en `notes`",
        "must be a mapping with `answers` and `notes`",
    ),
    "this_file": ("dit bestand", "this file"),
})  # fmt: skip


class LineMap(Protocol):
    """Where fields stand in the text (see :class:`klantreis.yamlio.Lines`)."""

    def line_of(self, path: Path) -> int | None: ...  # noqa: D102


def fmt_path(path: Path) -> str:
    """``("touchpoints", 3, "phase")`` -> ``"touchpoints[3].phase"``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


class _Checker:
    def __init__(self, lines: LineMap | None, source: str | None):
        self.lines = lines
        self.source = source
        self.problems: list[Problem] = []

    def add(self, path: Path, message: Msg | str) -> None:
        line = self.lines.line_of(path) if self.lines is not None else None
        self.problems.append(Problem(fmt_path(path), message, line, self.source))

    def group(self, path: Path, problems: list[tuple[str, Msg | str]]) -> None:
        """Add the problems a group's fields (:func:`~klantreis.coercion.coerce_group`) had."""
        for name, reason in problems:
            self.add((*path, name), reason)

    def fail(self, language: str | None) -> ValidationError:
        return ValidationError(self.problems, language=language)


def journey_from_data(
    data: Any,
    lines: LineMap | None = None,
    source: str | None = None,
    *,
    template_scale: TemplateScale | None = None,
    template_fields: TemplateFieldsOf | None = None,
) -> Journey:
    """Build a journey from raw project data, or raise :class:`ValidationError` listing
    every problem (and :class:`FormatVersionError` for a file from a newer klantreis).
    ``template_scale`` gives the scale of the file's template when the file has none
    of its own, and refuses unknown templates; without it any template id is taken.
    ``template_fields`` gives the fields the template adds, against which the records'
    ``extra`` values are checked; without it (or without a template) any plain values
    are kept."""
    check = _Checker(lines, source)
    if data is None:
        check.add((), TEXTS.msg("empty"))
        raise check.fail(None)
    if not isinstance(data, dict):
        check.add((), TEXTS.msg("not_mapping", kind=type(data).__name__))
        raise check.fail(None)
    _check_version(data, check)
    for key in data:
        if key not in TOP_LEVEL:
            check.add((str(key),), unknown_field(str(key), TOP_LEVEL))
    head, problems = coerce_group(HEAD, {k: data[k] for k in HEAD.names if k in data})
    check.group((), problems)
    language = head["language"] or DEFAULT_LANGUAGE
    template_id = head["template"]
    scale: Scale | None = None
    if data.get("scale") is not None:
        scale, wrong = read_scale(data["scale"])
        for place, reason in wrong:
            check.add(("scale", *place), reason)
    declared: TemplateFields | None = None
    try:
        if template_id and template_scale is not None:
            template_default = template_scale(template_id, language)
            scale = scale.with_meanings(template_default) if scale is not None else template_default
        if template_id and template_fields is not None:
            declared = template_fields(template_id)
    except JourneyError as err:
        check.add(("template",), err.message)
    journey = Journey(
        title=head["title"] or "?",
        goal=head["goal"],
        owner=head["owner"],
        status=head["status"],
        min_difference=head["min_difference"],
        language=language,
        template=template_id,
        scope=_scope(data.get("scope"), check),
        scale=scale or None,
        template_fields=declared,
    )
    journey.review = _review(data.get("review"), check)
    store = journey.store
    for table in TABLES:
        records = _records(table, data.get(table), journey, check)
        if table == "scenarios" and not records:
            continue  # the Journey made the default scenario
        store.load(table, [])
        for i, record in records:
            for name, message in store.problems(table, record):
                check.add((table, i, name), message)
            store.append_loaded(table, record)
    if check.problems:
        raise check.fail(language)
    return journey


def _check_version(data: dict[str, Any], check: _Checker) -> None:
    version = data.get("klantreis")
    if version is None:
        check.add(("klantreis",), TEXTS.msg("no_version", version=FORMAT_VERSION))
    elif isinstance(version, bool) or not isinstance(version, int) or version < 1:
        check.add(("klantreis",), TEXTS.msg("bad_version", version=FORMAT_VERSION, value=version))
    elif version > FORMAT_VERSION:
        line = check.lines.line_of(("klantreis",)) if check.lines is not None else None
        where = (check.source or TEXTS.msg("this_file")) if not line else f"{check.source or ''}:{line}"
        raise FormatVersionError(
            TEXTS.msg("newer", where=where, value=version, this=__version__, version=FORMAT_VERSION)
        )


def _scope(value: Any, check: _Checker) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        check.add(("scope",), TEXTS.msg("scope"))
        return {}
    scope, problems = coerce_group(SCOPE, value)
    check.group(("scope",), problems)
    return scope


def _records(table: str, value: Any, journey: Journey, check: _Checker) -> list[tuple[int, dict[str, Any]]]:
    if value is None:
        return []
    spec = TABLES[table]
    if not isinstance(value, list):
        check.add((table,), TEXTS.msg("table", table=spec.nouns))
        return []
    store = journey.store
    records = []
    for i, item in enumerate(value):
        if not isinstance(item, dict):
            kind = type(item).__name__
            check.add((table, i), TEXTS.msg("record", table=spec.noun, kind=kind))
            continue
        known = item
        if any(not spec.has(key) for key in item):
            for key in item:
                if not spec.has(key):
                    check.add((table, i, str(key)), unknown_field(str(key), spec.names))
            known = {k: v for k, v in item.items() if spec.has(k)}
        record, problems = store.coerce_all(table, known, partial=False)
        for name, message in problems:
            check.add((table, i, *name.split(".")), message)
        records.append((i, record))
    return records


def _review(value: Any, check: _Checker) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        check.add(("review",), TEXTS.msg("review"))
        return {}
    review, problems = coerce_group(REVIEW, value)
    check.group(("review",), problems)
    answers = {}
    for question, answer in review["answers"].items():
        try:
            answers[str(question)] = coerce(ANSWER, answer)
        except FieldValueError as err:
            check.add(("review", "answers", str(question)), err.message)
    return {"answers": answers, "notes": review["notes"]}
