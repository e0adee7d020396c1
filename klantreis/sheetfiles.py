"""Flat tables to and from ``.xlsx`` workbooks and folders of CSV files, safely.

Writing: text never becomes a formula. An ``.xlsx`` stores text as string cells. A CSV
file has no cell types, and Excel or LibreOffice run a cell that starts with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return as a formula when they open it, so such
a text is written with a leading apostrophe (see :func:`neutralise`), which
:func:`restore` removes again on import: the round trip loses nothing.

Reading: the size of the file (and, for ``.xlsx``, what it unpacks to) is checked
before anything is parsed, and the rows of each table are counted while they stream
in (see :mod:`klantreis.limits`). Anything wrong with the file is a
:class:`~klantreis.errors.JourneyError` naming the file, the table and the line.
"""

from __future__ import annotations

import contextlib
import csv
import io
import re
import warnings
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any
from xml.parsers import expat

import pandas as pd

from . import limits
from .atomic import write_atomic
from .coercion import missing
from .errors import JourneyError
from .messages import Catalog

# OWASP's CSV-injection list: a cell starting with one of these is run as a formula.
FORMULA_START = "=+-@\t\r"
# A text gets the apostrophe when it starts with a formula character, after any
# number of apostrophes: then "=x" is written "'=x" and "'=x" is written "''=x",
# while "'s-Hertogenbosch" (an apostrophe not before a formula character) stays as it is.
_MARKED = re.compile(r"'*[=+\-@\t\r]")
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_ROW, _CELL = f"{_MAIN} row", f"{_MAIN} c"
_COLUMN = re.compile(r"[A-Za-z]{1,7}")

TEXTS = Catalog("sheetfiles", {
    "unreadable": (
        "{file}: dit spreadsheet kan niet gelezen worden ({reason}); is het een .xlsx-"
        "bestand uit Excel of LibreOffice?",
        "{file}: cannot read this spreadsheet ({reason}); is it an .xlsx file from Excel "
        "or LibreOffice?",
    ),
    "control": (
        "{field} bevat een stuurteken dat een spreadsheet niet kan opslaan; haal het "
        "eerst weg",
        "{field} holds a control character that a spreadsheet cannot store; remove it "
        "first",
    ),
    "not_utf8": (
        "{file}:{line}: dit is geen UTF-8-tekst; sla het CSV-bestand op als UTF-8",
        "{file}:{line}: this is not UTF-8 text; save the CSV file as UTF-8",
    ),
    "bad_csv": (
        "{file}:{line}: dit is geen geldig CSV-bestand ({reason})",
        "{file}:{line}: this is not a valid CSV file ({reason})",
    ),
    "too_wide": (
        "{file}:{line}: deze rij heeft {count} cellen, de kopregel maar {width}; "
        "zet elke waarde in een kolom met een naam",
        "{file}:{line}: this row has {count} cells but the header only {width}; put every "
        "value in a column that has a name",
    ),
    "twice": (
        "{file}: {table}: de kolom {name!r} staat twee keer in de kopregel",
        "{file}: {table}: the column {name!r} appears twice in the header",
    ),
    "wide_sheet": (
        "{file}: een werkblad ({member}) heeft een rij met een cel in kolom {column}; "
        "een tabel heeft hooguit {limit} kolommen, dus klantreis leest dit bestand niet",
        "{file}: a worksheet ({member}) has a row with a cell in column {column}; a table "
        "has at most {limit} columns, so klantreis does not read this file",
    ),
    "unnamed": (
        "{file}: {table}: kolom {column} heeft waarden maar geen naam in de kopregel",
        "{file}: {table}: column {column} has values but no name in the header",
    ),
})  # fmt: skip


def neutralise(text: str) -> str:
    """``text`` as a CSV cell that no spreadsheet runs as a formula: a text starting
    with ``= + - @``, a tab or a carriage return (after any apostrophes) gets one
    leading apostrophe. Every other text stays as it is. :func:`restore` undoes it."""
    return "'" + text if _MARKED.match(text) else text


def restore(cell: str) -> str:
    """The text :func:`neutralise` made ``cell`` from: the one leading apostrophe it
    added is removed; any other cell stays as it is."""
    return cell[1:] if cell.startswith("'") and _MARKED.match(cell) else cell


# ------------------------------------------------------------------ CSV
def write_csv_folder(tables: dict[str, pd.DataFrame], target: Path) -> list[Path]:
    """One CSV file per table in folder ``target``; every text is quoted (so a line
    break inside a cell cannot end the row) and :func:`neutralise`\\ d."""
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name, frame in tables.items():
        safe = frame.copy()
        for column in safe.columns:
            if not pd.api.types.is_numeric_dtype(safe[column].dtype):  # numbers stay numbers
                safe[column] = safe[column].map(lambda v: neutralise(v) if isinstance(v, str) else v)
        text = safe.to_csv(index=False, quoting=csv.QUOTE_NONNUMERIC)
        written.append(write_atomic(target / f"{name}.csv", text))
    return written


def read_csv_folder(folder: Path, names: Sequence[str]) -> dict[str, pd.DataFrame]:
    """The tables ``names`` from the CSV files ``<name>.csv`` in ``folder`` that exist,
    as text (empty cells as ``""``), with :func:`restore` applied to every cell."""
    paths = [folder / f"{name}.csv" for name in names if (folder / f"{name}.csv").is_file()]
    limits.check_files_size(folder, paths)
    return {path.stem: _read_csv(path) for path in paths}


def _read_csv(path: Path) -> pd.DataFrame:
    source = str(path)
    # A cell may be as long as the file may be large (the csv default is 128 kB).
    old_limit = csv.field_size_limit(int(limits.max_mb() * limits.MB))
    reader = None
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle, strict=True)
            rows = _nonblank(limits.limit_rows(reader, source, path.name, header=True))
            header = next(rows, None) or []
            body = []
            for row in rows:
                if len(row) > len(header):
                    raise JourneyError(TEXTS.msg("too_wide", file=source, width=len(header),
                                                  line=reader.line_num, count=len(row)))  # fmt: skip
                body.append([restore(cell) for cell in row])
    except UnicodeDecodeError:
        raise JourneyError(TEXTS.msg("not_utf8", file=source, line=_bad_line(path))) from None
    except csv.Error as err:
        line = reader.line_num if reader else 1
        raise JourneyError(TEXTS.msg("bad_csv", file=source, line=line, reason=err)) from None
    finally:
        csv.field_size_limit(old_limit)
    return _frame(header, body, source, path.name)


def _bad_line(path: Path) -> int:
    """The line of the first byte that is not UTF-8 (the file is within the limit)."""
    raw = path.read_bytes()
    try:
        raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        return raw[: err.start + (3 if raw.startswith(b"\xef\xbb\xbf") else 0)].count(b"\n") + 1
    return 1


def _nonblank(rows: Iterable[list[str]]) -> Iterator[list[str]]:
    return (row for row in rows if row)


# ------------------------------------------------------------------ xlsx
def write_xlsx(tables: dict[str, pd.DataFrame], target: Path) -> Path:
    """One sheet per table in workbook ``target`` (written atomically); text is
    stored as string cells, so a text starting with ``=`` is never a formula."""
    from openpyxl import Workbook
    from openpyxl.utils.exceptions import IllegalCharacterError

    book = Workbook()
    for empty in book.worksheets:  # the sheet a new workbook starts with
        book.remove(empty)
    for name, frame in tables.items():
        sheet = book.create_sheet(name)
        sheet.append(list(frame.columns))
        for i, row in enumerate(frame.itertuples(index=False), start=2):
            for j, value in enumerate(row, start=1):
                cell = sheet.cell(row=i, column=j)
                try:
                    cell.value = None if missing(value) else value
                except IllegalCharacterError:
                    field = f"{name}[{i - 2}].{frame.columns[j - 1]}"
                    raise JourneyError(TEXTS.msg("control", field=field)) from None
                if isinstance(value, str):
                    cell.data_type = "s"  # text starting with '=' stays text, not a formula
        sheet.freeze_panes = "A2"
    data = io.BytesIO()
    book.save(data)
    return write_atomic(target, data.getvalue())


def read_xlsx(path: Path) -> dict[str, pd.DataFrame]:
    """Every sheet of workbook ``path`` as a table: the first row names the columns;
    empty cells read as ``""``, whole numbers as ``int``, error cells (``#N/A``) as
    ``None``. Refused before unpacking when too large (see :mod:`klantreis.limits`)."""
    limits.check_zip(path)
    from openpyxl import load_workbook

    source = str(path)
    tables = {}
    try:
        _check_columns(path)
        with warnings.catch_warnings():
            # openpyxl warns about features it skips (styles, extensions); not our business
            warnings.simplefilter("ignore")
            book = load_workbook(path, read_only=True, data_only=True, keep_links=False)
            try:
                for sheet in book.worksheets:
                    # the stored size of a sheet may lie; rows are padded to it otherwise
                    sheet.reset_dimensions()
                    with contextlib.closing(sheet.iter_rows()) as cells:
                        rows = _nonblank(
                            [_value(c) for c in _trimmed(row)]
                            for row in limits.limit_rows(cells, source, sheet.title, header=True)
                        )
                        header = [("" if v is None else str(v)) for v in next(rows, [])]
                        body = list(rows)
                    tables[str(sheet.title)] = _frame(header, body, source, str(sheet.title))
            finally:
                book.close()
    except JourneyError:
        raise
    except Exception as err:  # openpyxl raises many kinds for a damaged file
        raise JourneyError(TEXTS.msg("unreadable", file=source, reason=err)) from None
    return tables


def _check_columns(path: Path) -> None:
    """Refuse a workbook with a row that reaches beyond :data:`limits.MAX_COLUMNS`
    (or holds more cells than that), streaming over every XML part of the archive
    before openpyxl sees it: openpyxl pads each row to its last cell, so a few bytes
    (``<c r="XFD1"/>``) would otherwise become 16,384 cells per row."""
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            if info.filename.lower().endswith(".xml"):
                with archive.open(info) as member:
                    _scan_rows(member, str(path), info.filename)


def _scan_rows(member: IO[bytes], source: str, name: str) -> None:
    cells = 0

    def start(tag: str, attrs: dict[str, str]) -> None:
        nonlocal cells
        if tag == _ROW:
            cells = 0
        elif tag == _CELL:
            cells += 1
            letters = _COLUMN.match(attrs.get("r", ""))
            column = _column_number(letters.group()) if letters else cells
            if max(cells, column) > limits.MAX_COLUMNS:
                raise JourneyError(TEXTS.msg("wide_sheet", file=source, member=name,
                                              column=max(cells, column),
                                              limit=limits.MAX_COLUMNS))  # fmt: skip

    parser = expat.ParserCreate(namespace_separator=" ")
    parser.StartElementHandler = start
    with contextlib.suppress(expat.ExpatError):  # a damaged part: openpyxl will say so
        parser.ParseFile(member)


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - ord("A") + 1
    return number


def _trimmed(row: Sequence[Any]) -> Sequence[Any]:
    end = len(row)
    while end and row[end - 1].value is None:
        end -= 1
    return row[:end]


def _value(cell: Any) -> Any:
    """A cell's value as pandas' Excel reader gave it (kept for compatibility)."""
    if cell.value is None:
        return ""
    if cell.data_type == "e":
        return None
    if cell.data_type == "n" and isinstance(cell.value, float) and cell.value.is_integer():
        return int(cell.value)
    return cell.value


# ------------------------------------------------------------------ shared
def _frame(header: list[str], body: list[list[Any]], source: str, table: str) -> pd.DataFrame:
    """The table with named columns; a column without a name is dropped when empty
    and refused when it holds values; a name used twice is refused."""
    width = max([len(header), *(len(row) for row in body)])
    header = header + [""] * (width - len(header))
    keep = []
    for i, name in enumerate(header):
        if name == "":
            if any(i < len(row) and row[i] not in ("", None) for row in body):
                raise JourneyError(TEXTS.msg("unnamed", file=source, table=table,
                                              column=i + 1))  # fmt: skip
            continue
        if name in header[:i]:
            raise JourneyError(TEXTS.msg("twice", file=source, table=table, name=name))
        keep.append(i)
    columns = [header[i] for i in keep]
    rows = [[row[i] if i < len(row) else "" for i in keep] for row in body]
    return pd.DataFrame(rows, columns=columns, dtype=object)
