"""Check a project's raw data (as read from YAML, JSON or a spreadsheet) and build a
:class:`~klantreis.model.Journey` from it, reporting every problem with its place."""

from __future__ import annotations

import difflib
from typing import Any

import pandas as pd

from . import __version__
from .errors import FormatVersionError, Problem, ValidationError
from .fields import INT, SINGULAR, TABLES, FieldValueError, coerce, fields_of, frame_from_records
from .model import LANGUAGES, Journey, ScalePoint
from .yamlio import Path, line_of

FORMAT_VERSION = 1
TOP_LEVEL = (
    "klantreis", "title", "goal", "language", "template", "scope", "scale",
    "phases", "personas", "scenarios", "touchpoints", "opportunities", "review",
)  # fmt: skip


def fmt_path(path: Path) -> str:
    """``("touchpoints", 3, "phase")`` -> ``"touchpoints[3].phase"``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _unknown_key(key: str, known: tuple[str, ...] | list[str]) -> str:
    close = difflib.get_close_matches(str(key), known, n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    return f"unknown field {key!r}{hint}; known: {', '.join(known)}"


class _Checker:
    def __init__(self, lines: dict[Path, int] | None, source: str | None):
        self.lines = lines or {}
        self.source = source
        self.problems: list[Problem] = []

    def add(self, path: Path, message: str) -> None:
        self.problems.append(
            Problem(fmt_path(path), message, line_of(self.lines, path), self.source)
        )

    def text(self, data: dict[str, Any], key: str, required: bool = False) -> str:
        value = data.get(key)
        if value is None or value == "":
            if required:
                self.add((key,), "is required; give it a short text")
            return ""
        if isinstance(value, dict | list | bool):
            self.add((key,), "must be text")
            return ""
        return str(value)


def journey_from_data(
    data: Any, lines: dict[Path, int] | None = None, source: str | None = None
) -> Journey:
    """Build a journey from raw project data, or raise :class:`ValidationError` listing
    every problem (and :class:`FormatVersionError` for a file from a newer klantreis)."""
    from .templates import get_template  # templates import the model; avoid a cycle

    check = _Checker(lines, source)
    if data is None:
        check.add((), "the file is empty; create a project with `klantreis new FILE --template ID`")
        raise ValidationError(check.problems)
    if not isinstance(data, dict):
        check.add(
            (),
            f"a project file must be a mapping (title: ..., phases: ...), "
            f"not {type(data).__name__}",
        )
        raise ValidationError(check.problems)
    _check_version(data, check)
    for key in data:
        if key not in TOP_LEVEL:
            check.add((str(key),), _unknown_key(str(key), TOP_LEVEL))
    title = check.text(data, "title", required=True)
    goal = check.text(data, "goal")
    language = data.get("language") or "nl"
    if language not in LANGUAGES:
        check.add(
            ("language",), f"{language!r} is not supported; use one of: {', '.join(LANGUAGES)}"
        )
        language = "nl"
    template_id = check.text(data, "template")
    scale: list[ScalePoint] = []
    if template_id:
        try:
            scale = get_template(template_id).scale(language)
        except ValueError as err:
            check.add(("template",), str(err))
    scope = _scope(data.get("scope"), check)
    if data.get("scale") is not None:
        scale = _scale(data["scale"], check)
    journey = Journey(
        title=title or "?",
        goal=goal,
        language=language,
        template=template_id,
        scope=scope,
        scale=scale,
    )
    tables: dict[str, list[dict[str, Any]]] = {}
    for table in ("phases", "personas", "scenarios", "touchpoints", "opportunities"):
        tables[table] = _records(table, data.get(table), journey, check)
    if not tables["scenarios"]:
        tables["scenarios"] = [{"id": "current", "name": journey.scenarios["name"].iloc[0]}]
    first_scenario = tables["scenarios"][0].get("id", "current")
    for record in tables["touchpoints"]:
        record["scenario"] = record.get("scenario") or first_scenario
    _check_unique_and_refs(tables, check)
    journey.review = _review(data.get("review"), check)
    if check.problems:
        raise ValidationError(check.problems)
    for table, records in tables.items():
        setattr(journey, table, frame_from_records(table, records))
    return journey


def _check_version(data: dict[str, Any], check: _Checker) -> None:
    version = data.get("klantreis")
    if version is None:
        check.add(
            ("klantreis",),
            f"missing format version; add `klantreis: {FORMAT_VERSION}` as the first line",
        )
    elif isinstance(version, bool) or not isinstance(version, int) or version < 1:
        check.add(
            ("klantreis",),
            f"the format version must be a whole number such as {FORMAT_VERSION}, not {version!r}",
        )
    elif version > FORMAT_VERSION:
        line = line_of(check.lines, ("klantreis",))
        where = f"{check.source or 'this file'}" + (f":{line}" if line else "")
        raise FormatVersionError(
            f"{where}: this project uses format version {version}, which needs a newer "
            f"klantreis (this is klantreis {__version__}, which reads version {FORMAT_VERSION}); "
            "upgrade with `pip install -U klantreis`"
        )


def _scope(value: Any, check: _Checker) -> dict[str, str]:
    scope = {"start": "", "end": ""}
    if value is None:
        return scope
    if not isinstance(value, dict):
        check.add(("scope",), "must be a mapping with `start` and `end`")
        return scope
    for key, item in value.items():
        if key not in scope:
            check.add(("scope", str(key)), _unknown_key(str(key), ("start", "end")))
        elif item is not None:
            scope[key] = str(item)
    return scope


def _scale(value: Any, check: _Checker) -> list[ScalePoint]:
    if not isinstance(value, list) or len(value) < 2:
        check.add(("scale",), "must be a list of at least two {score, label, emoji} steps")
        return []
    points: list[ScalePoint] = []
    for i, item in enumerate(value):
        if not isinstance(item, dict):
            check.add(("scale", i), "must be a mapping {score, label, emoji}")
            continue
        for key in item:
            if key not in ("score", "label", "emoji"):
                check.add(
                    ("scale", i, str(key)), _unknown_key(str(key), ("score", "label", "emoji"))
                )
        score = item.get("score")
        if isinstance(score, bool) or not isinstance(score, int):
            check.add(("scale", i, "score"), f"must be a whole number, not {score!r}")
            continue
        if not item.get("label"):
            check.add(("scale", i, "label"), "is required (e.g. 'goed')")
        if score in [p.score for p in points]:
            check.add(("scale", i, "score"), f"score {score} appears twice in the scale")
        points.append(ScalePoint(score, str(item.get("label") or ""), str(item.get("emoji") or "")))
    return sorted(points, key=lambda p: p.score)


def _records(table: str, value: Any, journey: Journey, check: _Checker) -> list[dict[str, Any]]:
    if value is None:
        return []
    if not isinstance(value, list):
        check.add((table,), f"must be a list of {table}, each starting with `- id: ...`")
        return []
    known = fields_of(table)
    records = []
    for i, item in enumerate(value):
        if not isinstance(item, dict):
            check.add(
                (table, i),
                f"each {SINGULAR[table]} must be a mapping of fields, not {type(item).__name__}",
            )
            continue
        record: dict[str, Any] = {}
        for key in item:
            if key not in known:
                check.add((table, i, str(key)), _unknown_key(str(key), list(known)))
        for spec in TABLES[table]:
            raw = item.get(spec.name)
            try:
                if table == "touchpoints" and spec.name == "emotion":
                    score = journey.score(raw)
                    record[spec.name] = pd.NA if score is None else score
                else:
                    record[spec.name] = coerce(spec, raw)
            except (FieldValueError, ValueError) as err:
                check.add((table, i, spec.name), str(err))
                record[spec.name] = pd.NA if spec.kind == INT else spec.empty
        records.append(record)
    return records


def _check_unique_and_refs(tables: dict[str, list[dict[str, Any]]], check: _Checker) -> None:
    for table, records in tables.items():
        seen: dict[tuple[str, ...], int] = {}
        for i, record in enumerate(records):
            key: tuple[str, ...] = (record.get("id", ""),)
            if table == "touchpoints":
                key = (record.get("id", ""), record.get("persona", ""), record.get("scenario", ""))
            if key[0] and key in seen:
                where = f" for persona {key[1]!r} in scenario {key[2]!r}" if len(key) > 1 else ""
                check.add(
                    (table, i, "id"),
                    f"id {key[0]!r} is already used by {table}[{seen[key]}]"
                    f"{where}; ids must be unique",
                )
            seen.setdefault(key, i)
    ids = {
        t: [i for i in dict.fromkeys(r.get("id", "") for r in rs) if i] for t, rs in tables.items()
    }
    for table, records in tables.items():
        for i, record in enumerate(records):
            for spec in TABLES[table]:
                value = record.get(spec.name)
                if spec.ref and value and value not in ids[spec.ref]:
                    known = ", ".join(ids[spec.ref]) or f"none; add {spec.ref} first"
                    check.add(
                        (table, i, spec.name),
                        f"unknown {SINGULAR[spec.ref]} {value!r}; known: {known}",
                    )


def _review(value: Any, check: _Checker) -> dict[str, Any]:
    review: dict[str, Any] = {"answers": {}, "notes": ""}
    if value is None:
        return review
    if not isinstance(value, dict):
        check.add(("review",), "must be a mapping with `answers` and `notes`")
        return review
    for key in value:
        if key not in review:
            check.add(("review", str(key)), _unknown_key(str(key), ("answers", "notes")))
    answers = value.get("answers") or {}
    if not isinstance(answers, dict):
        check.add(("review", "answers"), "must be a mapping from question id to answer")
    else:
        for qid, answer in answers.items():
            if isinstance(answer, dict | list):
                check.add(("review", "answers", str(qid)), "must be text")
            else:
                review["answers"][str(qid)] = "" if answer is None else str(answer)
    notes = value.get("notes")
    review["notes"] = "" if notes is None else str(notes)
    return review
