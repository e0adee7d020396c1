"""Reading an evidence file (CSV or .xlsx) into coded columns, robustly and fast.

CSV files come from survey tools, call-centre systems and Excel, so the reader finds out
for itself: the encoding (UTF-8 with or without BOM, UTF-16 from Excel's "Unicode text",
else cp1252 as Excel writes it on Dutch Windows), and the separator (``,`` ``;`` tab or
``|``, sniffed from the first rows). Decimal commas are left to the value conversion
(:mod:`klantreis.evidence.values`), which sees each distinct value once.

Every column is read as a :class:`Column`: integer codes per row plus the distinct
values (pandas' C parser with a categorical dtype), so later steps convert a handful of
distinct values instead of every row.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .layouts import Layout, detect_layout, header_key
from .texts import fail, listing

CSV_SUFFIXES = (".csv", ".tsv", ".txt")
EXCEL_SUFFIXES = (".xlsx", ".xlsm")
SEPARATORS = (";", ",", "\t", "|")
_SNIFF_BYTES = 64 * 1024
_SNIFF_ROWS = 50
_LAYOUT_ROWS = 3


@dataclass(frozen=True)
class Column:
    """One column of a file: ``codes[row]`` indexes ``values``; -1 means an empty cell."""

    codes: np.ndarray  # a signed integer dtype, as small as the number of values allows
    values: list[Any]

    def lookup(self, converted: Iterable[Any], empty: Any, dtype: Any = None) -> np.ndarray:
        """Per row, the converted value of its cell; ``converted`` holds one result per
        distinct value (in ``values`` order) and ``empty`` is used for empty cells."""
        table = np.array([*converted, empty], dtype=dtype)
        return table[self.codes]

    def counts(self) -> np.ndarray:
        """How many rows hold each distinct value."""
        return np.bincount(self.codes[self.codes >= 0], minlength=len(self.values))


@dataclass
class SourceFile:
    """An evidence file opened for reading: its bytes' digest and its header."""

    path: Path
    raw: bytes = field(repr=False)
    language: str
    sha256: str = ""
    columns: list[str] = field(default_factory=list)
    encoding: str = ""
    separator: str = ""
    layout: Layout = field(default_factory=Layout)
    #: After :meth:`read`: per data row read, its position among the file's data rows
    #: (None: every row was kept), for :meth:`line`.
    kept: np.ndarray | None = field(default=None, repr=False)
    _sheet: pd.DataFrame | None = field(default=None, repr=False)

    @property
    def name(self) -> str:
        """The file name without folders, as stored in the source record."""
        return self.path.name

    def find(self, name: str) -> str | None:
        """The column called ``name``: as written, else ignoring case, spaces, ``_`` and
        ``-``, else the column whose question text (in a survey tool's extra header
        row) is ``name``; None when there is none."""
        labels = self.layout.labels
        for texts in ({c: c for c in self.columns}, {c: labels[c] for c in self.columns if c in labels}):
            exact = {str(t).strip(): c for c, t in reversed(texts.items())}
            by_key = {header_key(t): c for c, t in reversed(texts.items())}
            hit = exact.get(name.strip()) or by_key.get(header_key(name))
            if hit is not None:
                return hit
        return None

    def read(self, wanted: list[str], text: Iterable[str] = ()) -> tuple[int, dict[str, Column]]:
        """The number of data rows and the ``wanted`` columns as :class:`Column`.

        CSV columns named in ``text`` keep their cells as written (no number parsing), for
        values such as Dutch thousands ("1.234") that must not become 1.234. Rows empty in
        every wanted column (Excel's trailing ``;;;`` lines) are dropped.
        """
        wanted = list(dict.fromkeys(wanted))
        text = set(text)
        if self._sheet is not None:
            frame = self._sheet[wanted]
            coded = {c: _factorize(frame[c]) for c in wanted}
        else:
            dtypes = {c: ("str" if c in text else "category") for c in wanted}
            frame = self._read_csv(usecols=wanted, dtype=dtypes)
            coded = {c: _from_csv(frame[c]) for c in wanted}
        if not coded:
            return 0, {}
        filled = np.zeros(len(next(iter(coded.values())).codes), dtype=bool)
        for column in coded.values():
            filled |= column.codes >= 0
        self.kept = None
        if not filled.all():
            coded = {c: Column(col.codes[filled], col.values) for c, col in coded.items()}
            self.kept = np.flatnonzero(filled)
        return int(filled.sum()), coded

    def line(self, row: int) -> int:
        """The line (of a CSV; the row of a sheet) of data row ``row`` of the last
        :meth:`read`, counting the header rows, from 1."""
        position = int(self.kept[row]) if self.kept is not None else int(row)
        return self.layout.header_rows + 1 + position

    def _read_csv(self, **options: Any) -> pd.DataFrame:
        if self.layout.names is not None and "nrows" not in options:
            options |= {"header": None, "names": self.layout.names, "skiprows": self.layout.header_rows}
        try:
            return pd.read_csv(
                io.BytesIO(self.raw),
                sep=self.separator,
                encoding=self.encoding,
                engine="c",
                keep_default_na=False,
                na_values=[""],
                skipinitialspace=False,
                **options,
            )
        except pd.errors.EmptyDataError:
            fail("file_empty", self.language, file=self.name)
        except (pd.errors.ParserError, UnicodeError, ValueError) as err:
            detail = str(err).strip().splitlines()[-1] if str(err).strip() else type(err).__name__
            fail("file_unreadable", self.language, file=self.name, detail=detail)


def open_source(path: str | Path, language: str) -> SourceFile:
    """Open an evidence file: read its bytes once (for the sha256), find its encoding and
    separator (CSV) or load its first sheet (.xlsx), and read its header."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in CSV_SUFFIXES + EXCEL_SUFFIXES:
        fail("file_type", language, file=path.name)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        fail("file_missing", language, file=str(path))
    except OSError as err:
        fail("file_unreadable", language, file=path.name, detail=err.strerror or str(err))
    source = SourceFile(path, raw, language, sha256=hashlib.sha256(raw).hexdigest())
    if suffix in EXCEL_SUFFIXES:
        source._sheet = _read_sheet(raw, path.name, language)
        source.columns = [str(c) for c in source._sheet.columns]
        source._sheet.columns = source.columns
        head = source._sheet.head(_LAYOUT_ROWS - 1).fillna("").astype(str).values.tolist()
        source.layout = detect_layout([source.columns, *head])
        if source.layout.names is not None:
            source._sheet = source._sheet.iloc[source.layout.extra_rows :]
            source.columns = source._sheet.columns = source.layout.names
        return source
    if raw.startswith(b"PK\x03\x04"):
        fail("file_zip_as_csv", language, file=path.name)
    source.encoding = detect_encoding(raw)
    if not source.encoding.startswith("utf-16") and b"\x00" in raw[:_SNIFF_BYTES]:
        fail("file_not_text", language, file=path.name)
    sample = raw[:_SNIFF_BYTES].decode(source.encoding, errors="ignore")
    source.separator = sniff_separator(sample, truncated=len(raw) > _SNIFF_BYTES)
    header = source._read_csv(nrows=0)
    source.columns = [str(c) for c in header.columns]
    if not source.columns:
        fail("file_empty", language, file=path.name)
    first = _first_rows(sample, source.separator, len(raw) > _SNIFF_BYTES)[:_LAYOUT_ROWS]
    source.layout = detect_layout(first)
    if source.layout.names is not None:
        source.columns = source.layout.names
    return source


def detect_encoding(raw: bytes) -> str:
    """The text encoding of ``raw``: by its byte-order mark, else UTF-8 when it decodes,
    else cp1252 (Excel's "CSV" on Windows), else latin-1 (which decodes anything)."""
    if raw.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    without_bom = _utf16_without_bom(raw[:_SNIFF_BYTES])
    if without_bom:
        return without_bom
    for encoding in ("utf-8", "cp1252"):
        try:
            raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        return encoding
    return "latin-1"


def _utf16_without_bom(sample: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` when ``sample`` looks like UTF-16 text without a
    byte-order mark (a zero byte beside nearly every ASCII character), else None."""
    even, odd = sample[0::2], sample[1::2]
    if len(odd) < 2:
        return None
    zeros_even, zeros_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if zeros_odd > 0.5 and zeros_even < 0.05:
        return "utf-16-le"
    if zeros_even > 0.5 and zeros_odd < 0.05:
        return "utf-16-be"
    return None


def sniff_separator(sample: str, truncated: bool = False) -> str:
    """The separator of a CSV sample: the candidate that splits the first rows into the
    same number (above one) of fields, the most fields winning; ``,`` when none does."""
    best, best_fields = ",", 1
    for separator in SEPARATORS:
        rows = _first_rows(sample, separator, truncated)
        if not rows:
            continue
        fields = len(rows[0])
        if fields > best_fields and all(len(r) == fields for r in rows):
            best, best_fields = separator, fields
    if best_fields == 1:
        # no candidate is consistent: take the one that splits the header most
        header = sample.splitlines()[0] if sample.strip() else ""
        counts = {s: header.count(s) for s in SEPARATORS}
        top = max(counts, key=lambda s: counts[s])
        best = top if counts[top] else ","
    return best


def _first_rows(sample: str, separator: str, truncated: bool) -> list[list[str]]:
    reader = csv.reader(io.StringIO(sample), delimiter=separator)
    rows: list[list[str]] = []
    try:
        for row in reader:
            if row and any(cell.strip() for cell in row):
                rows.append(row)
            if len(rows) > _SNIFF_ROWS:
                break
    except csv.Error:
        return []
    if truncated and len(rows) > 1:
        rows = rows[:-1]  # the sample may end halfway a row
    return rows[:_SNIFF_ROWS]


def _read_sheet(raw: bytes, name: str, language: str) -> pd.DataFrame:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about styles it ignores
            frame = pd.read_excel(io.BytesIO(raw), sheet_name=0, engine="openpyxl", dtype=object)
    except Exception as err:  # openpyxl raises many types for a broken file
        fail("file_unreadable", language, file=name, detail=str(err) or type(err).__name__)
    if frame.columns.empty:
        fail("file_empty", language, file=name)
    return frame


def _from_csv(series: pd.Series) -> Column:
    if isinstance(series.dtype, pd.CategoricalDtype):
        return Column(np.asarray(series.cat.codes), list(series.cat.categories))
    return _factorize(series)


def _factorize(series: pd.Series) -> Column:
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    return Column(np.asarray(codes, dtype=np.int64), np.asarray(uniques, dtype=object).tolist())


def column_list(columns: list[str], language: str) -> str:
    """The file's column names, quoted, for messages."""
    return listing(columns, language, quote=True)
