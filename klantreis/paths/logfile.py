"""Reading an event log in chunks of rows, whatever its size: CSV (encoding and
separator found as for the other evidence files, from the first megabyte) or Parquet (a
file or a folder of files, through pyarrow). Only the columns the mapping names are
read; every chunk is a DataFrame with those columns as text (or timestamps, when a
Parquet column is typed so) and the file's row number of its first row."""

from __future__ import annotations

import codecs
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..evidence.reading import CSV_SUFFIXES, sniff_separator
from .texts import fail, text

PARQUET_SUFFIXES = (".parquet", ".pq")
CHUNK_ROWS = 100_000
_SAMPLE = 1 << 20


@dataclass
class LogFile:
    """An event log opened for reading: its files, kind, digest and header."""

    path: Path
    parts: list[Path]
    parquet: bool
    size: int
    sha256: str
    columns: list[str]
    language: str = "nl"
    encoding: str = ""
    separator: str = ""

    @property
    def name(self) -> str:
        """The file (or folder) name without the folders above it."""
        return self.path.name

    def where(self, row: int) -> str:
        """Where data row ``row`` (0-based) is, for messages: a CSV line or a row number."""
        if self.parquet:
            return text("row", self.language, row=row + 1)
        return text("line", self.language, line=row + 2)

    def chunks(self, columns: list[str], rows: int | None = None) -> Iterator[tuple[int, pd.DataFrame]]:
        """``(first row number, chunk)`` for every chunk of ``rows`` rows (default
        :data:`CHUNK_ROWS`)."""
        rows = rows or CHUNK_ROWS
        start = 0
        if self.parquet:
            import pyarrow.parquet as pq

            for part in self.parts:
                for batch in pq.ParquetFile(part).iter_batches(batch_size=rows, columns=columns):
                    frame = batch.to_pandas()
                    yield start, frame
                    start += len(frame)
            return
        reader = pd.read_csv(
            self.path,
            sep=self.separator,
            encoding=self.encoding,
            usecols=columns,
            dtype=object,  # plain Python strings: cheaper than building Arrow strings
            keep_default_na=False,
            na_values=[""],
            engine="c",
            chunksize=rows,
        )
        with reader:
            for frame in reader:
                yield start, frame
                start += len(frame)


def open_log(path: str | Path, language: str, max_mb: float | None = None) -> LogFile:
    """Open an event log: check its kind and size, compute its digest (streaming),
    find a CSV's encoding and separator, and read its header."""
    path = Path(path)
    if path.is_dir():
        parts = sorted(p for p in path.iterdir() if p.suffix.lower() in PARQUET_SUFFIXES)
        if not parts:
            fail("log_type", language, file=path.name)
        parquet = True
    elif path.suffix.lower() in PARQUET_SUFFIXES:
        parts, parquet = [path], True
    elif path.suffix.lower() in CSV_SUFFIXES:
        parts, parquet = [path], False
    else:
        fail("log_type", language, file=path.name)
    if not path.exists():
        from ..evidence.texts import fail as evidence_fail

        evidence_fail("file_missing", language, file=str(path))
    size = sum(p.stat().st_size for p in parts)
    if max_mb and size > max_mb * 1_000_000:
        fail("log_too_big", language, file=path.name, size=round(size / 1_000_000), limit=max_mb)
    digest = hashlib.sha256()
    for part in parts:
        with part.open("rb") as handle:
            for block in iter(lambda h=handle: h.read(_SAMPLE), b""):  # type: ignore[misc]
                digest.update(block)
    log = LogFile(path, parts, parquet, size, digest.hexdigest(), [], language)
    if parquet:
        try:
            import pyarrow.parquet as pq
        except ImportError:
            fail("no_parquet", language, file=path.name)
        log.columns = list(pq.ParquetFile(parts[0]).schema_arrow.names)
        return log
    with path.open("rb") as handle:
        sample = handle.read(_SAMPLE)
    log.encoding = sample_encoding(sample)
    text = sample.decode(log.encoding, errors="ignore")
    log.separator = sniff_separator(text, truncated=size > len(sample))
    first = text.splitlines()[0] if text.strip() else ""
    log.columns = [c.strip('"') for c in first.split(log.separator)] if first else []
    if not log.columns:
        from ..evidence.texts import fail as evidence_fail

        evidence_fail("file_empty", language, file=path.name)
    return log


def sample_encoding(sample: bytes) -> str:
    """The encoding of a file from its first bytes: by byte-order mark, else UTF-8 when
    the sample decodes (a character cut at the end aside), else cp1252."""
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
    except UnicodeDecodeError:
        return "cp1252"
    return "utf-8"


_DAY_FIRST = (
    "%d-%m-%Y %H:%M:%S",
    "%d-%m-%Y %H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%d-%m-%Y",
    "%d/%m/%Y",
)


def parse_times(column: pd.Series) -> np.ndarray:
    """Nanoseconds since 1970 (UTC) per cell; ``NaT``'s integer where a cell is empty or
    no timestamp. ISO 8601 (with or without offset) first, then day-first dates
    (``03-01-2026 09:40`` is 3 January) for the cells that are left."""
    if isinstance(column.dtype, pd.DatetimeTZDtype) or pd.api.types.is_datetime64_any_dtype(column):
        parsed = column
    else:
        text = column.astype(object)
        parsed = pd.to_datetime(text, format="ISO8601", utc=True, errors="coerce")
        left = np.flatnonzero(parsed.isna().to_numpy() & text.notna().to_numpy())
        for fmt in _DAY_FIRST:
            if not len(left):
                break
            again = pd.to_datetime(text.iloc[left], format=fmt, utc=True, errors="coerce")
            found = again.notna().to_numpy()
            parsed.iloc[left[found]] = again[found]
            left = left[~found]
    if isinstance(parsed.dtype, pd.DatetimeTZDtype):
        parsed = parsed.dt.tz_convert("UTC").dt.tz_localize(None)
    return np.asarray(parsed.to_numpy(dtype="datetime64[ns]")).view(np.int64)


def no_time() -> Any:
    """The integer a missing timestamp has after :func:`parse_times`."""
    return np.datetime64("NaT", "ns").view(np.int64)
