"""How much klantreis reads from one file, and the checks that refuse more.

A project file, spreadsheet or CSV folder someone sends you must not be able to fill
the memory or hang the workbook, so every reader checks its input *before* parsing it:

- a file (or the CSV files of a folder together) may be at most :data:`MAX_FILE_MB`
  megabytes on disk (1 MB = 1,048,576 bytes);
- an ``.xlsx`` is a zip archive: what it unpacks to counts against the same limit,
  so a small "zip bomb" that unpacks to gigabytes is refused before it is unpacked;
- a table (a sheet, a CSV file) may have at most :data:`MAX_ROWS` rows, counted while
  the rows stream in, so a huge table is refused without loading it; a sheet may use
  at most :data:`MAX_COLUMNS` columns.

The limits can be raised for the rare real case: ``--max-mb`` on the command line,
the environment variables ``KLANTREIS_MAX_MB`` and ``KLANTREIS_MAX_ROWS``, or in code
``with use_limits(max_mb=200): klantreis.load(path)``.
"""

from __future__ import annotations

import contextlib
import os
import stat
import zipfile
from collections.abc import Iterable, Iterator
from contextvars import ContextVar
from pathlib import Path
from typing import TypeVar

from .errors import JourneyError
from .messages import Catalog

MAX_FILE_MB = 50
MAX_ROWS = 100_000
#: Columns a sheet may use: far more than any table has (a column that is not a field
#: of its table is refused anyway), few enough that a row cannot be made huge.
MAX_COLUMNS = 100
MAX_MB_ENV = "KLANTREIS_MAX_MB"
MAX_ROWS_ENV = "KLANTREIS_MAX_ROWS"
MB = 1024 * 1024

T = TypeVar("T")

_chosen_mb: ContextVar[float | None] = ContextVar("klantreis_max_mb", default=None)
_chosen_rows: ContextVar[int | None] = ContextVar("klantreis_max_rows", default=None)

TEXTS = Catalog("limits", {
    "file": (
        "{file} is {size}; klantreis leest bestanden tot {limit} MB en heeft het niet "
        "geopend. Is het echt een klantreis? Verhoog de grens dan met --max-mb {more} "
        "(of de omgevingsvariabele {env}={more}).",
        "{file} is {size}; klantreis reads files up to {limit} MB and did not open it. "
        "If it really is a journey, raise the limit with --max-mb {more} "
        "(or the environment variable {env}={more}).",
    ),
    "folder": (
        "{file}: de CSV-bestanden in deze map zijn samen {size}; klantreis leest tot "
        "{limit} MB en heeft ze niet geopend. Verhoog de grens zo nodig met --max-mb "
        "{more} (of de omgevingsvariabele {env}={more}).",
        "{file}: the CSV files in this folder are {size} together; klantreis reads up to "
        "{limit} MB and did not open them. If needed, raise the limit with --max-mb {more} "
        "(or the environment variable {env}={more}).",
    ),
    "unpacked": (
        "{file} is {packed} maar pakt uit tot {size}; klantreis pakt een spreadsheet uit "
        "tot {limit} MB en heeft dit bestand niet uitgepakt (het kan een 'zip-bom' zijn). "
        "Vertrouw je het bestand, verhoog de grens dan met --max-mb {more} "
        "(of de omgevingsvariabele {env}={more}).",
        "{file} is {packed} but unpacks to {size}; klantreis unpacks a spreadsheet up to "
        "{limit} MB and did not unpack this one (it may be a 'zip bomb'). If you trust "
        "the file, raise the limit with --max-mb {more} "
        "(or the environment variable {env}={more}).",
    ),
    "rows": (
        "{file}: {table} heeft meer dan {limit} rijen; zoveel heeft een klantreis nooit "
        "nodig, dus klantreis leest niet verder. Klopt dat toch, verhoog de grens "
        "dan met de omgevingsvariabele {env}={more}.",
        "{file}: {table} has more than {limit} rows; a journey never needs that many, so "
        "klantreis stopped reading. If it really does, raise the limit with the "
        "environment variable {env}={more}.",
    ),
    "bad_limit": (
        "{name} moet een positief getal zijn, niet {value!r}",
        "{name} must be a positive number, not {value!r}",
    ),
})  # fmt: skip


def max_mb(limit_mb: float | None = None) -> float:
    """The size limit in MB: ``limit_mb`` if given, else the one set with
    :func:`use_limits`, else ``$KLANTREIS_MAX_MB``, else :data:`MAX_FILE_MB`."""
    value = _first(limit_mb, _chosen_mb.get(), MAX_MB_ENV)
    return MAX_FILE_MB if value is None else _positive(value, "--max-mb / " + MAX_MB_ENV, float)


def max_rows(limit: int | None = None) -> int:
    """The row limit per table: ``limit``, else :func:`use_limits`, else
    ``$KLANTREIS_MAX_ROWS``, else :data:`MAX_ROWS`."""
    value = _first(limit, _chosen_rows.get(), MAX_ROWS_ENV)
    return MAX_ROWS if value is None else int(_positive(value, MAX_ROWS_ENV, int))


@contextlib.contextmanager
def use_limits(max_mb: float | None = None, max_rows: int | None = None) -> Iterator[None]:
    """Use these limits inside the ``with`` block (``None`` keeps the current one)."""
    if max_mb is not None:
        _positive(max_mb, "--max-mb", float)
    if max_rows is not None:
        _positive(max_rows, MAX_ROWS_ENV, int)
    tokens = (_chosen_mb.set(max_mb), _chosen_rows.set(max_rows))
    try:
        yield
    finally:
        _chosen_rows.reset(tokens[1])
        _chosen_mb.reset(tokens[0])


def check_file_size(path: str | os.PathLike[str], limit_mb: float | None = None) -> None:
    """Refuse a file larger than the limit, from its size on disk (nothing is read).
    A missing path or a folder passes: the caller reports those in its own words."""
    try:
        info = os.stat(path)
    except OSError:
        return
    if stat.S_ISREG(info.st_mode):
        _refuse_over("file", info.st_size, path, limit_mb)


def check_files_size(
    folder: str | os.PathLike[str], files: Iterable[Path], limit_mb: float | None = None
) -> None:
    """Refuse ``files`` (the CSV files of ``folder``) when together over the limit."""
    total = 0
    for file in files:
        with contextlib.suppress(OSError):
            total += os.stat(file).st_size
    _refuse_over("folder", total, folder, limit_mb)


def read_bytes(path: str | os.PathLike[str], limit_mb: float | None = None) -> bytes:
    """The bytes of a file after :func:`check_file_size`; reads at most one byte past
    the limit, so a file that grows meanwhile (or a pipe) cannot get past it either."""
    check_file_size(path, limit_mb)
    limit = int(max_mb(limit_mb) * MB)
    with open(path, "rb") as handle:
        raw = handle.read(limit + 1)
    _refuse_over("file", len(raw), path, limit_mb)
    return raw


def check_zip(path: str | os.PathLike[str], limit_mb: float | None = None) -> None:
    """Refuse an ``.xlsx`` (a zip archive) over the limit on disk, or whose members
    unpack to more than the limit together. Only the archive's table of contents is
    read. Python's zip reader never yields more than a member's listed size, so a
    member cannot unpack to more than the table of contents says."""
    check_file_size(path, limit_mb)
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (OSError, zipfile.BadZipFile, ValueError):
        return  # not a readable zip: the spreadsheet reader says so in its own words
    limit = max_mb(limit_mb)
    if unpacked > limit * MB:
        packed = _size(os.stat(path).st_size)
        raise JourneyError(TEXTS.msg("unpacked", **_values(path, unpacked, limit),
                                      packed=packed))  # fmt: skip


def limit_rows(
    rows: Iterable[T], source: str, table: str, limit: int | None = None, *, header: bool = False
) -> Iterator[T]:
    """Yield ``rows`` (the rows of one table, blank ones included; with ``header``
    the first is the header and does not count), refusing the table as soon as it
    has more rows than the limit: the rest is never read."""
    most = max_rows(limit)
    for count, row in enumerate(rows, start=0 if header else 1):
        if count > most:
            raise JourneyError(TEXTS.msg("rows", file=source, table=table, limit=most,
                                          env=MAX_ROWS_ENV, more=most * 2))  # fmt: skip
        yield row


def _refuse_over(code: str, size: int, path: str | os.PathLike[str], limit_mb: float | None) -> None:
    limit = max_mb(limit_mb)
    if size > limit * MB:
        raise JourneyError(TEXTS.msg(code, **_values(path, size, limit)))


def _values(path: str | os.PathLike[str], size: int, limit: float) -> dict[str, object]:
    more = max(int(size / MB) + 1, int(limit) + 1)
    return {"file": os.fspath(path), "size": _size(size), "limit": f"{limit:g}",
            "env": MAX_MB_ENV, "more": more}  # fmt: skip


def _size(size: int) -> str:
    if size >= 1024 * MB:
        return f"{size / (1024 * MB):.1f} GB"
    if size >= MB:
        return f"{size / MB:.1f} MB"
    return f"{size / 1024:.0f} kB"


def _first(given: float | None, chosen: float | None, env: str) -> float | str | None:
    if given is not None:
        return given
    if chosen is not None:
        return chosen
    return os.environ.get(env, "").strip() or None


def _positive(value: float | str, name: str, kind: type) -> float:
    try:
        number = kind(value)
    except (TypeError, ValueError):
        number = 0
    if not number > 0 or number != number or number == float("inf"):
        raise JourneyError(TEXTS.msg("bad_limit", name=name, value=value))
    return number
