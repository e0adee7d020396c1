"""Export a journey to a spreadsheet (one sheet per table), JSON or a folder of CSV
files, and import such a workbook back, so a team can fill the tables elsewhere."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd

from . import limits
from .atomic import write_atomic
from .coercion import missing
from .errors import JourneyError, Problem, ValidationError
from .fields import HEAD, INT, LIST, MAPPING, SCALE_STEP, SCOPE, TABLES, VERSION
from .fileformat import loads, to_dict
from .messages import Catalog
from .model import Journey
from .projectfile import decode, save
from .sheetfiles import read_csv_folder, read_xlsx, write_csv_folder, write_xlsx
from .template_fields import EXTRA
from .templates import template_fields, template_scale
from .validation import journey_from_data
from .yamlio import Lines
from .yamlio import Path as FieldPath

TEXTS = Catalog("exchange", {
    "export_suffix": (
        "{target}: naar {suffix!r} kan niet worden geëxporteerd; kies .xlsx, .json, .yaml of een map",
        "{target}: cannot export to {suffix!r}; use .xlsx, .json, .yaml or a folder",
    ),
    "import_suffix": (
        "{source}: {suffix!r} kan niet worden ingelezen; kies .xlsx, .json, .yaml of een map met CSV's",
        "{source}: cannot import {suffix!r}; use .xlsx, .json, .yaml or a folder of CSVs",
    ),
    "missing": ("{source}: dit bestand bestaat niet", "{source}: no such file"),
    "json": ("dit is geen geldige JSON ({reason})", "this is not valid JSON ({reason})"),
    "no_project": (
        "het blad 'project' (key, value) ontbreekt",
        "the sheet 'project' (key, value) is missing",
    ),
    "columns": (
        "het blad '{sheet}' heeft in de eerste rij de kolommen {columns} nodig; ontbreekt: {missing}",
        "the sheet '{sheet}' needs the columns {columns} in its first row; missing: {missing}",
    ),
    "exists": (
        "{target} bestaat al; overschrijf het met --force",
        "{target} already exists; use --force to overwrite it",
    ),
    "not_json": (
        "blad {sheet}, rij {row}, kolom {column}: hier hoort een JSON-object zoals "
        "{{\"empty\": 3}} ({reason})",
        "sheet {sheet}, row {row}, column {column}: this must be a JSON object such as "
        "{{\"empty\": 3}} ({reason})",
    ),
})  # fmt: skip

TABLE_NAMES = tuple(TABLES)
#: The rows of the sheet ``project`` (key, value): the version, the project's own
#: fields, the scope's (``scope_start``) and the review's notes.
PROJECT_KEYS = (VERSION.name, *HEAD.names, *(f"{SCOPE.name}_{name}" for name in SCOPE.names), "review_notes")


def sheets(journey: Journey) -> dict[str, pd.DataFrame]:
    """The journey as flat tables: ``project`` (key/value), ``scale``, one sheet per
    table, and ``review`` (question/answer). List fields hold one item per line; the
    fields a template adds have a column each (``extra.ttsc``); other mapping fields
    (an evidence source's ``skipped`` and ``mapping``) hold JSON text."""
    data = to_dict(journey)
    project = {
        VERSION.name: data[VERSION.name],
        **{name: data.get(name, "") for name in HEAD.names},
        **{f"{SCOPE.name}_{name}": data[SCOPE.name][name] for name in SCOPE.names},
        "review_notes": data["review"]["notes"],
    }
    out = {
        "project": pd.DataFrame({"key": list(project), "value": [str(v) for v in project.values()]}),
        "scale": pd.DataFrame(data["scale"], columns=SCALE_STEP.names),
    }
    for table in TABLE_NAMES:
        columns = [f.name for f in TABLES[table].fields]
        rows = []
        for record in data.get(table, []):
            row = {}
            for spec in TABLES[table].fields:
                value = record.get(spec.name)
                if spec.kind == MAPPING and not spec.declared:  # declared: a column per field
                    value = json.dumps(value, ensure_ascii=False) if value else None
                row[spec.name] = "\n".join(value) if spec.kind == LIST and value else value
            rows.append(row)
        columns, rows = _spread_extra(journey, table, columns, rows)
        out[table] = pd.DataFrame(rows, columns=columns).astype(
            {f.name: "Int64" for f in TABLES[table].fields if f.kind == INT}
        )
    answers = data["review"]["answers"]
    out["review"] = pd.DataFrame({"question": list(answers), "answer": list(answers.values())})
    return out


def export_journey(journey: Journey, target: str | Path) -> list[Path]:
    """Write ``journey`` to ``target``: ``.xlsx``, ``.json``, ``.yaml`` or a folder (one
    CSV per table). Returns the files written."""
    target = Path(target)
    suffix = target.suffix.lower()
    if suffix == ".json":
        text = json.dumps(to_dict(journey), ensure_ascii=False, indent=2) + "\n"
        return [write_atomic(target, text)]
    if suffix in (".yaml", ".yml"):
        return [save(journey, target)]
    if suffix == ".xlsx":
        return [write_xlsx(sheets(journey), target)]
    if suffix == "":
        return write_csv_folder(sheets(journey), target)
    raise JourneyError(TEXTS.msg("export_suffix", target=target, suffix=suffix))


def read_journey(source: str | Path) -> Journey:
    """Read a journey from ``.yaml``, ``.json``, ``.xlsx`` or a folder of CSV files."""
    source = Path(source)
    suffix = source.suffix.lower()
    if source.is_dir():
        tables = read_csv_folder(source, ("project", "scale", "review", *TABLE_NAMES))
        return journey_from_tables(tables, str(source))
    if not source.exists():
        raise JourneyError(TEXTS.msg("missing", source=source))
    if suffix in (".yaml", ".yml"):
        return loads(decode(limits.read_bytes(source), str(source)), str(source))
    if suffix == ".json":
        try:
            data = json.loads(decode(limits.read_bytes(source), str(source)))
        except json.JSONDecodeError as err:
            message = TEXTS.msg("json", reason=err.msg)
            raise ValidationError([Problem("", message, err.lineno, str(source))]) from None
        return journey_from_data(
            data, None, str(source), template_scale=template_scale, template_fields=template_fields
        )
    if suffix == ".xlsx":
        return journey_from_tables(read_xlsx(source), str(source))
    raise JourneyError(TEXTS.msg("import_suffix", source=source, suffix=suffix))


def journey_from_tables(tables: dict[str, pd.DataFrame], source: str) -> Journey:
    """Build a journey from the flat tables :func:`sheets` makes (as read back from a
    spreadsheet or CSV files). Problems name the sheet row as their line."""
    if "project" not in tables:
        raise ValidationError([Problem("project", TEXTS.msg("no_project"), None, source)])
    _require_columns(tables, "project", ("key", "value"), source)
    project = {
        str(k): _cell(v) for k, v in zip(tables["project"]["key"], tables["project"]["value"], strict=True)
    }
    data: dict[str, Any] = {
        VERSION.name: _int_or_text(project.get(VERSION.name)),
        **{name: project.get(name) for name in HEAD.names},
        SCOPE.name: {name: project.get(f"{SCOPE.name}_{name}") for name in SCOPE.names},
    }
    lines: dict[FieldPath, int] = {}
    if "scale" in tables and len(tables["scale"]):
        data["scale"] = [{name: r.get(name) for name in SCALE_STEP.names} for r in _rows(tables["scale"])]
    for table in TABLE_NAMES:
        if table in tables:
            rows = [_gather_extra(r) for r in _rows(tables[table])]
            data[table] = [{k: v for k, v in r.items() if v is not None} for r in rows]
            for i in range(len(rows)):
                lines[(table, i)] = i + 2
            _read_mappings(table, data[table], source)
    answers = {}
    if "review" in tables:
        _require_columns(tables, "review", ("question", "answer"), source)
        answers = {str(r["question"]): r.get("answer") or "" for r in _rows(tables["review"])}
    data["review"] = {"answers": answers, "notes": project.get("review_notes") or ""}
    return journey_from_data(
        data, Lines.known(lines), source, template_scale=template_scale, template_fields=template_fields
    )


def _spread_extra(
    journey: Journey, table: str, columns: list[str], rows: list[dict[str, Any]]
) -> tuple[list[str], list[dict[str, Any]]]:
    """The ``extra`` values of a table as one column per template field
    (``extra.ttsc``): the fields the template declares, then any other key in use."""
    if not any(f.declared for f in TABLES[table].fields):
        return columns, rows
    declared = journey.template_fields.of(table) if journey.template_fields else ()
    keys = [f.id for f in declared]
    for row in rows:
        keys += [k for k in row.get(EXTRA) or {} if k not in keys]
    at = columns.index(EXTRA)
    names = [f"{EXTRA}.{k}" for k in keys]
    spread = [
        {**{k: v for k, v in row.items() if k != EXTRA},
         **{f"{EXTRA}.{k}": (row.get(EXTRA) or {}).get(k) for k in keys}}
        for row in rows
    ]  # fmt: skip
    return [*columns[:at], *names, *columns[at + 1 :]], spread


def _gather_extra(row: dict[str, Any]) -> dict[str, Any]:
    """A sheet row with its ``extra.<field>`` columns folded back into ``extra``."""
    prefix = f"{EXTRA}."
    if not any(k.startswith(prefix) for k in row):
        return row
    out = {k: v for k, v in row.items() if not k.startswith(prefix)}
    extra = {k[len(prefix) :]: v for k, v in row.items() if k.startswith(prefix) and v is not None}
    if extra:
        out[EXTRA] = extra
    return out


def _read_mappings(table: str, records: list[dict[str, Any]], source: str) -> None:
    """Turn the JSON text of mapping fields back into dicts; text that is no JSON
    object is reported with its sheet, row and column."""
    fields = [f.name for f in TABLES[table].fields if f.kind == MAPPING]
    problems = []
    for row, record in enumerate(records, start=2):
        for name in fields:
            text = record.get(name)
            if not isinstance(text, str):
                continue
            try:
                value = json.loads(text)
            except json.JSONDecodeError as err:
                value, reason = None, err.msg
            else:
                reason = "" if isinstance(value, dict) else type(value).__name__
            if reason:
                message = TEXTS.msg("not_json", sheet=table, row=row, column=name, reason=reason)
                problems.append(Problem(f"{table}.{name}", message, row, source))
            else:
                record[name] = value
    if problems:
        raise ValidationError(problems)


def _require_columns(
    tables: dict[str, pd.DataFrame], sheet: str, columns: tuple[str, ...], source: str
) -> None:
    missing = [c for c in columns if c not in tables[sheet].columns]
    if missing:
        message = TEXTS.msg("columns", sheet=sheet, columns=", ".join(columns), missing=", ".join(missing))
        raise ValidationError([Problem(sheet, message, 1, source)])


def _rows(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return [{str(k): _cell(v) for k, v in row.items()} for row in frame.to_dict("records")]


def _cell(value: Any) -> Any:
    if missing(value) or value == "":
        return None
    return value


def _int_or_text(value: Any) -> Any:
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def import_journey(source: str | Path, target: str | Path, *, force: bool = False) -> Path:
    """Read ``source`` (see :func:`read_journey`) and save it as project file ``target``;
    refuses to overwrite an existing file unless ``force``."""
    target = Path(target)
    if target.exists() and not force:
        raise JourneyError(TEXTS.msg("exists", target=target))
    return save(read_journey(source), target)
