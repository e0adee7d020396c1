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

from .errors import FormatVersionError, JourneyError, Problem, ValidationError
from .fields import TABLES
from .messages import LANGUAGES, Catalog, Msg, did_you_mean
from .model import Journey
from .scale import Scale, ScalePoint
from .template_fields import TemplateFields
from .version import FORMAT_VERSION, __version__

Path = tuple[str | int, ...]
#: ``template_scale(template_id, language)``: the scale of a template, or a
#: :class:`~klantreis.errors.JourneyError` for an unknown template.
TemplateScale = Callable[[str, str], Scale]
#: ``template_fields(template_id)``: the fields a template adds to phases, personas
#: and touchpoints, or a :class:`~klantreis.errors.JourneyError` for an unknown template.
TemplateFieldsOf = Callable[[str], TemplateFields]

TOP_LEVEL = (
    "klantreis", "title", "goal", "language", "template", "scope", "scale",
    *TABLES, "review",
)  # fmt: skip

TEXTS = Catalog("validation", {
    "unknown_key": (
        "onbekend veld {key!r}{hint}; bekend: {known}",
        "unknown field {key!r}{hint}; known: {known}",
    ),
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
    "title": ("is verplicht; geef een korte titel", "is required; give it a short text"),
    "text": ("moet tekst zijn", "must be text"),
    "language": (
        "{value!r} wordt niet ondersteund; kies uit: {known}",
        "{value!r} is not supported; use one of: {known}",
    ),
    "scope": ("moet een koppeling zijn met `start` en `end`", "must be a mapping with `start` and `end`"),
    "scale": (
        "moet een lijst zijn van minstens twee stappen {{score, label, emoji}}",
        "must be a list of at least two {{score, label, emoji}} steps",
    ),
    "scale_item": (
        "moet een koppeling zijn {{score, label, emoji}}",
        "must be a mapping {{score, label, emoji}}",
    ),
    "score": ("moet een heel getal zijn, niet {value!r}", "must be a whole number, not {value!r}"),
    "label": ("is verplicht (bijvoorbeeld 'goed')", "is required (e.g. 'goed')"),
    "score_twice": ("score {score} staat twee keer in de schaal", "score {score} appears twice in the scale"),
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
    "answers": (
        "moet een koppeling zijn van vraag-id naar antwoord",
        "must be a mapping from question id to answer",
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


def _unknown_key(key: str, known: tuple[str, ...] | list[str]) -> Msg:
    return TEXTS.msg("unknown_key", key=key, hint=did_you_mean(key, known), known=", ".join(known))


class _Checker:
    def __init__(self, lines: LineMap | None, source: str | None):
        self.lines = lines
        self.source = source
        self.problems: list[Problem] = []

    def add(self, path: Path, message: Msg | str) -> None:
        line = self.lines.line_of(path) if self.lines is not None else None
        self.problems.append(Problem(fmt_path(path), message, line, self.source))

    def text(self, data: dict[str, Any], key: str, required: bool = False) -> str:
        value = data.get(key)
        if value is None or value == "":
            if required:
                self.add((key,), TEXTS.msg("title"))
            return ""
        if isinstance(value, dict | list | bool):
            self.add((key,), TEXTS.msg("text"))
            return ""
        return str(value)

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
            check.add((str(key),), _unknown_key(str(key), TOP_LEVEL))
    language = data.get("language") or "nl"
    if language not in LANGUAGES:
        check.add(("language",), TEXTS.msg("language", value=language, known=", ".join(LANGUAGES)))
        language = "nl"
    template_id = check.text(data, "template")
    scale: Scale | None = None
    if data.get("scale") is not None:
        scale = _scale(data["scale"], check)
    declared: TemplateFields | None = None
    try:
        if template_id and template_scale is not None:
            template_default = template_scale(template_id, language)
            scale = scale if scale is not None else template_default
        if template_id and template_fields is not None:
            declared = template_fields(template_id)
    except JourneyError as err:
        check.add(("template",), err.message)
    journey = Journey(
        title=check.text(data, "title", required=True) or "?",
        goal=check.text(data, "goal"),
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
    scope = {"start": "", "end": ""}
    if value is None:
        return scope
    if not isinstance(value, dict):
        check.add(("scope",), TEXTS.msg("scope"))
        return scope
    for key, item in value.items():
        if key not in scope:
            check.add(("scope", str(key)), _unknown_key(str(key), ("start", "end")))
        elif isinstance(item, dict | list):
            check.add(("scope", key), TEXTS.msg("text"))
        elif item is not None:
            scope[key] = str(item)
    return scope


def _scale(value: Any, check: _Checker) -> Scale | None:
    if not isinstance(value, list) or len(value) < 2:
        check.add(("scale",), TEXTS.msg("scale"))
        return None
    points: list[ScalePoint] = []
    for i, item in enumerate(value):
        if not isinstance(item, dict):
            check.add(("scale", i), TEXTS.msg("scale_item"))
            continue
        for key in item:
            if key not in ("score", "label", "emoji"):
                check.add(("scale", i, str(key)), _unknown_key(str(key), ("score", "label", "emoji")))
        score = item.get("score")
        if isinstance(score, bool) or not isinstance(score, int):
            check.add(("scale", i, "score"), TEXTS.msg("score", value=score))
            continue
        if not item.get("label"):
            check.add(("scale", i, "label"), TEXTS.msg("label"))
        if score in [p.score for p in points]:
            check.add(("scale", i, "score"), TEXTS.msg("score_twice", score=score))
        points.append(ScalePoint(score, str(item.get("label") or ""), str(item.get("emoji") or "")))
    return Scale(points) if len(points) >= 2 else None


def _records(
    table: str, value: Any, journey: Journey, check: _Checker
) -> list[tuple[int, dict[str, Any]]]:
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
                    check.add((table, i, str(key)), _unknown_key(str(key), spec.names))
            known = {k: v for k, v in item.items() if spec.has(k)}
        record, problems = store.coerce_all(table, known, partial=False)
        for name, message in problems:
            check.add((table, i, *name.split(".")), message)
        records.append((i, record))
    return records


def _review(value: Any, check: _Checker) -> dict[str, Any]:
    review: dict[str, Any] = {"answers": {}, "notes": ""}
    if value is None:
        return review
    if not isinstance(value, dict):
        check.add(("review",), TEXTS.msg("review"))
        return review
    for key in value:
        if key not in review:
            check.add(("review", str(key)), _unknown_key(str(key), ("answers", "notes")))
    answers = value.get("answers") or {}
    if not isinstance(answers, dict):
        check.add(("review", "answers"), TEXTS.msg("answers"))
    else:
        for qid, answer in answers.items():
            if isinstance(answer, dict | list):
                check.add(("review", "answers", str(qid)), TEXTS.msg("text"))
            else:
                review["answers"][str(qid)] = "" if answer is None else str(answer)
    notes = value.get("notes")
    if isinstance(notes, dict | list):
        check.add(("review", "notes"), TEXTS.msg("text"))
    else:
        review["notes"] = "" if notes is None else str(notes)
    return review
