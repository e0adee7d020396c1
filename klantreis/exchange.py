"""Export a journey to a spreadsheet (one sheet per table), JSON or a folder of CSV
files, and import such a workbook back, so a team can fill the tables elsewhere."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pandas as pd

from .atomic import write_atomic
from .errors import JourneyError, Problem, ValidationError
from .fields import INT, LIST, TABLES
from .fileformat import loads, to_dict
from .model import Journey
from .projectfile import decode, save
from .templates import template_scale
from .validation import journey_from_data
from .yamlio import Lines
from .yamlio import Path as FieldPath

TABLE_NAMES = tuple(TABLES)
PROJECT_KEYS = ("klantreis", "title", "goal", "language", "template", "scope_start", "scope_end",
                "review_notes")  # fmt: skip


def sheets(journey: Journey) -> dict[str, pd.DataFrame]:
    """The journey as flat tables: ``project`` (key/value), ``scale``, one sheet per
    table, and ``review`` (question/answer). List fields hold one item per line."""
    data = to_dict(journey)
    project = {
        "klantreis": data["klantreis"],
        "title": data["title"],
        "goal": data.get("goal", ""),
        "language": data["language"],
        "template": data.get("template", ""),
        "scope_start": data["scope"]["start"],
        "scope_end": data["scope"]["end"],
        "review_notes": data["review"]["notes"],
    }
    out = {
        "project": pd.DataFrame(
            {"key": list(project), "value": [str(v) for v in project.values()]}
        ),
        "scale": pd.DataFrame(data["scale"], columns=["score", "label", "emoji"]),
    }
    for table in TABLE_NAMES:
        columns = [f.name for f in TABLES[table].fields]
        rows = []
        for record in data[table]:
            row = {}
            for spec in TABLES[table].fields:
                value = record.get(spec.name)
                row[spec.name] = "\n".join(value) if spec.kind == LIST and value else value
            rows.append(row)
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
        return [_write_xlsx(sheets(journey), target)]
    if suffix == "":
        target.mkdir(parents=True, exist_ok=True)
        written = []
        for name, frame in sheets(journey).items():
            # quote every text, so a carriage return inside a cell cannot end the row
            text = frame.to_csv(index=False, quoting=csv.QUOTE_NONNUMERIC)
            written.append(write_atomic(target / f"{name}.csv", text))
        return written
    raise JourneyError(
        f"{target}: cannot export to {suffix!r}; use .xlsx, .json, .yaml or a folder"
    )


def _write_xlsx(tables: dict[str, pd.DataFrame], target: Path) -> Path:
    from openpyxl import Workbook
    from openpyxl.utils.exceptions import IllegalCharacterError

    book = Workbook()
    book.remove(book.active)
    for name, frame in tables.items():
        sheet = book.create_sheet(name)
        sheet.append(list(frame.columns))
        for i, row in enumerate(frame.itertuples(index=False), start=2):
            for j, value in enumerate(row, start=1):
                cell = sheet.cell(row=i, column=j)
                try:
                    cell.value = None if _is_missing(value) else value
                except IllegalCharacterError:
                    raise JourneyError(
                        f"{name}[{i - 2}].{frame.columns[j - 1]} holds a control character "
                        "that a spreadsheet cannot store; remove it first"
                    ) from None
                if isinstance(value, str):
                    cell.data_type = "s"  # text starting with '=' stays text, not a formula
        sheet.freeze_panes = "A2"
    tmp = target.with_name(f".{target.name}.tmp")
    try:
        book.save(tmp)
        tmp.replace(target)
    finally:
        tmp.unlink(missing_ok=True)
    return target


def _is_missing(value: Any) -> bool:
    try:
        return value is None or bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def read_journey(source: str | Path) -> Journey:
    """Read a journey from ``.yaml``, ``.json``, ``.xlsx`` or a folder of CSV files."""
    source = Path(source)
    suffix = source.suffix.lower()
    if source.is_dir():
        tables = {}
        for name in ("project", "scale", "review", *TABLE_NAMES):
            path = source / f"{name}.csv"
            if path.exists():
                tables[name] = pd.read_csv(path, dtype=str, keep_default_na=False)
        return journey_from_tables(tables, str(source))
    if not source.exists():
        raise JourneyError(f"{source}: no such file")
    if suffix in (".yaml", ".yml"):
        return loads(decode(source.read_bytes(), str(source)), str(source))
    if suffix == ".json":
        try:
            data = json.loads(decode(source.read_bytes(), str(source)))
        except json.JSONDecodeError as err:
            raise ValidationError(
                [Problem("", f"this is not valid JSON ({err.msg})", err.lineno, str(source))]
            ) from None
        return journey_from_data(data, None, str(source), template_scale=template_scale)
    if suffix == ".xlsx":
        try:
            tables = pd.read_excel(source, sheet_name=None, dtype=object, keep_default_na=False)
        except Exception as err:  # openpyxl raises many kinds for a damaged file
            raise JourneyError(f"{source}: cannot read this spreadsheet ({err})") from None
        return journey_from_tables(tables, str(source))
    raise JourneyError(
        f"{source}: cannot import {suffix!r}; use .xlsx, .json, .yaml or a folder of CSVs"
    )


def journey_from_tables(tables: dict[str, pd.DataFrame], source: str) -> Journey:
    """Build a journey from the flat tables :func:`sheets` makes (as read back from a
    spreadsheet or CSV files). Problems name the sheet row as their line."""
    if "project" not in tables:
        raise ValidationError(
            [Problem("project", "the sheet 'project' (key, value) is missing", None, source)]
        )
    project = {
        str(k): _cell(v)
        for k, v in zip(tables["project"]["key"], tables["project"]["value"], strict=True)
    }
    data: dict[str, Any] = {
        "klantreis": _int_or_text(project.get("klantreis")),
        "title": project.get("title"),
        "goal": project.get("goal"),
        "language": project.get("language"),
        "template": project.get("template"),
        "scope": {"start": project.get("scope_start"), "end": project.get("scope_end")},
    }
    lines: dict[FieldPath, int] = {}
    if "scale" in tables and len(tables["scale"]):
        data["scale"] = [
            {
                "score": _int_or_text(r.get("score")),
                "label": r.get("label"),
                "emoji": r.get("emoji") or "",
            }
            for r in _rows(tables["scale"])
        ]
    for table in TABLE_NAMES:
        if table in tables:
            rows = _rows(tables[table])
            data[table] = [{k: v for k, v in r.items() if v is not None} for r in rows]
            for i in range(len(rows)):
                lines[(table, i)] = i + 2
    answers = {}
    if "review" in tables:
        answers = {str(r["question"]): r.get("answer") or "" for r in _rows(tables["review"])}
    data["review"] = {"answers": answers, "notes": project.get("review_notes") or ""}
    return journey_from_data(data, Lines.known(lines), source, template_scale=template_scale)


def _rows(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return [{str(k): _cell(v) for k, v in row.items()} for row in frame.to_dict("records")]


def _cell(value: Any) -> Any:
    if _is_missing(value) or value == "":
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
        raise JourneyError(f"{target} already exists; use --force to overwrite it")
    return save(read_journey(source), target)
