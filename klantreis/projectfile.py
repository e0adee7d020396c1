"""Project files on disk: reading one, and saving one safely when several programs
(notebooks, a workshop's browser tabs, ``klantreis import``, scripts) save it at once.

A save takes the project's lock (a ``.NAME.lock`` file beside it, held with the
operating system's file locking, so a crashed program never leaves it locked), reads
the file as it is now, merges this program's changes onto it when someone else saved
since this program read it (see :mod:`klantreis.merge`), and replaces the file
atomically (see :mod:`klantreis.atomic`). So a save never replaces a version it has
not read, and changes to different records from different programs all survive;
the same field changed differently on two sides is refused as a
:class:`SaveConflict`, leaving the file as it was.
"""

from __future__ import annotations

import os
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import filelock

from .atomic import remove_stale_temps, write_atomic
from .errors import JourneyError, Problem, ValidationError
from .fileformat import dumps, from_dict, loads, to_dict
from .limits import read_bytes
from .merge import Prefer, merge
from .messages import Catalog
from .model import Journey

PathLike = str | os.PathLike[str]

#: Seconds a save waits for another program's save to finish before giving up.
LOCK_TIMEOUT = float(os.environ.get("KLANTREIS_LOCK_TIMEOUT", "5"))

TEXTS = Catalog("projectfile", {
    "missing": ("{path}: dit bestand bestaat niet; maak er een met `klantreis new {path}`",
                "{path}: no such file; create one with `klantreis new {path}`"),
    "folder": ("{path}: dit is een map, geen projectbestand", "{path}: is a folder, not a project file"),
    "binary": (
        "dit is een binair bestand, geen klantreis-project in YAML (bedoel je `klantreis import`?)",
        "this is a binary file, not a klantreis YAML project (did you mean `klantreis import`?)",
    ),
    "not_utf8": (
        "het bestand is geen UTF-8-tekst; sla het op als UTF-8",
        "the file is not UTF-8 text; save it as UTF-8",
    ),
    "busy": (
        "{path} wordt al meer dan {seconds:g} seconden door een ander programma opgeslagen "
        "(slot: {lock}). Er is niets opgeslagen; je wijzigingen zijn bewaard. Probeer het zo opnieuw.",
        "{path} has been being saved by another program for more than {seconds:g} seconds "
        "(lock: {lock}). Nothing was saved; your changes are kept. Try again in a moment.",
    ),
    "conflict": (
        "{path} is elders gewijzigd, en deze velden zijn daar en hier verschillend ingevuld: "
        "{fields}. Er is niets opgeslagen; je wijzigingen zijn bewaard.",
        "{path} was changed elsewhere, and these fields were changed differently there and "
        "here: {fields}. Nothing was saved; your changes are kept.",
    ),
    "misfit": (
        "{path} is elders gewijzigd en de wijzigingen passen niet bij elkaar ({reason}). "
        "Er is niets opgeslagen; je wijzigingen zijn bewaard.",
        "{path} was changed elsewhere and the changes do not fit together ({reason}). "
        "Nothing was saved; your changes are kept.",
    ),
})  # fmt: skip


class SaveConflict(JourneyError):
    """The file changed elsewhere and the same fields were changed here; nothing saved."""

    def __init__(self, path: Path, conflicts: list[str], language: str | None = None):
        self.path = path
        self.conflicts = list(conflicts)
        msg = TEXTS.msg("conflict", path=path, fields=", ".join(self.conflicts))
        super().__init__(msg, language=language)


@dataclass(frozen=True)
class Saved:
    """What a save wrote: the text now in the file, when, and whether it merged
    changes saved elsewhere (the journey then holds those changes too)."""

    text: str
    saved_at: datetime
    merged: bool


# ------------------------------------------------------------------ reading
def read_text(path: PathLike) -> str:
    """The text of a project file; a missing file, a folder or binary content gets a
    clear message naming the file."""
    path = Path(path)
    try:
        raw = read_bytes(path)  # refuses a file over the size limit before reading it
    except FileNotFoundError:
        raise JourneyError(TEXTS.msg("missing", path=path)) from None
    except IsADirectoryError:
        raise JourneyError(TEXTS.msg("folder", path=path)) from None
    return decode(raw, str(path))


def decode(raw: bytes, source: str) -> str:
    """Project-file bytes as text; binary or non-UTF-8 content gets a clear error."""
    if b"\x00" in raw:
        raise ValidationError([Problem("", TEXTS.msg("binary"), None, source)])
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise ValidationError([Problem("", TEXTS.msg("not_utf8"), line, source)]) from None


#: The file each journey was read from or last saved to, and that file's text then:
#: what a later save merges against.
_ORIGINS: weakref.WeakKeyDictionary[Journey, tuple[Path, str]] = weakref.WeakKeyDictionary()


def load(path: PathLike) -> Journey:
    """Read a project file. Errors name the file and the line. A later
    :func:`save` to the same file merges with what others saved in between."""
    text = read_text(path)
    journey = loads(text, str(path))
    _ORIGINS[journey] = (Path(path).resolve(), text)
    return journey


def origin_text(journey: Journey, path: PathLike) -> str | None:
    """The text of ``path`` when ``journey`` was read from it or last saved to it."""
    origin = _ORIGINS.get(journey)
    if origin and origin[0] == Path(path).resolve():
        return origin[1]
    return None


# ------------------------------------------------------------------ saving
#: One lock object per lock file in this process, so a save inside ``locked()`` in the
#: same thread takes it again instead of waiting for itself.
_LOCKS: dict[str, filelock.FileLock] = {}


@contextmanager
def locked(path: PathLike, timeout: float | None = None) -> Iterator[None]:
    """Hold the project's lock; other programs' saves wait. Gives up with a clear
    message after ``timeout`` seconds (default :data:`LOCK_TIMEOUT`)."""
    path = Path(path)
    wait = LOCK_TIMEOUT if timeout is None else timeout
    lock_path = path.with_name(f".{path.name}.lock")
    key = str(lock_path.resolve())
    lock = _LOCKS.get(key)
    if lock is None:
        lock = _LOCKS[key] = filelock.FileLock(lock_path)
    try:
        lock.acquire(timeout=wait)
    except filelock.Timeout:
        raise JourneyError(TEXTS.msg("busy", path=path, seconds=wait, lock=lock_path)) from None
    try:
        yield
    finally:
        lock.release()


def save(journey: Journey, path: PathLike, *, prefer: Prefer = None) -> Path:
    """Write the journey to ``path``. When it was read from that file (or saved to
    it before), changes saved there since by others are merged in, and the journey
    holds them afterwards; see :func:`save_merged`."""
    save_merged(journey, path, origin_text(journey, path), prefer=prefer)
    return Path(path)


def save_merged(
    journey: Journey, path: PathLike, base_text: str | None, *, prefer: Prefer = None
) -> Saved:
    """Save ``journey``, whose content started as ``base_text`` (None: overwrite).

    Under the project's lock: when the file no longer holds ``base_text``, this
    journey's changes since ``base_text`` are merged onto the file's content and the
    journey takes the result. Raises :class:`SaveConflict` (nothing written, journey
    unchanged) when the same field changed on both sides, unless ``prefer`` picks a
    side, and :class:`JourneyError` when the file on disk or the merged result is
    invalid."""
    path = Path(path)
    with locked(path):
        remove_stale_temps(path)
        try:
            disk: str | None = read_text(path)
        except JourneyError:
            disk = None  # removed or unreadable: write ours, nothing of theirs to keep
        merged = disk is not None and base_text is not None and disk != base_text
        if merged:
            assert disk is not None and base_text is not None
            journey.restore(_merged(journey, path, base_text, disk, prefer).snapshot())
        text = dumps(journey)  # after a merge too: the journey keeps the records' texts
        if text != disk:
            write_atomic(path, text)
    _ORIGINS[journey] = (path.resolve(), text)
    return Saved(text, datetime.now(), merged)


def _merged(journey: Journey, path: Path, base_text: str, disk: str, prefer: Prefer) -> Journey:
    theirs = to_dict(loads(disk, str(path)))
    base = to_dict(loads(base_text, str(path)))
    result = merge(base, to_dict(journey), theirs, prefer)
    if not result.ok:
        raise SaveConflict(path, result.conflicts, journey.language)
    try:
        return from_dict(result.data, str(path))
    except JourneyError as err:
        reason = err.text(journey.language)
        raise JourneyError(TEXTS.msg("misfit", path=path, reason=reason), language=journey.language) from None


Journey.saver = staticmethod(save)
