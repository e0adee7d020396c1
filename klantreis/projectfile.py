"""Project files on disk: reading one, and saving one safely when several programs
(notebooks, a workshop's browser tabs, ``klantreis import``, scripts) save it at once.

What a program knows of a file it edits is one explicit object, a
:class:`ProjectFile`: its path, the text it read, the text of each record and the
lock. :func:`open_project` returns one beside the journey; :func:`save_merged` saves
through it. A save takes the project's lock (a ``.NAME.lock`` file beside it, held with the
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
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import filelock

from .atomic import remove_stale_temps, write_atomic
from .errors import JourneyError, Problem, ValidationError
from .fileformat import RecordTexts, dumps, from_dict, loads, to_dict
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


# ------------------------------------------------------------ the file object
@dataclass(eq=False)
class ProjectFile:
    """A project file as this program knows it: where it is (``path``), the ``text``
    it held when this program last read or wrote it (what a save merges against;
    None when this program has not read it: a save then replaces the file), the text
    of each record then (``record_texts``: a save writes only records that changed)
    and the :attr:`lock` that makes saves take turns.

    :func:`open_project` gives one beside the journey it read; :func:`save_merged`
    saves through it. One program holds one per file it edits (a
    :class:`~klantreis.session.ProjectSession` holds its own)."""

    path: Path
    text: str | None = None
    record_texts: RecordTexts = field(default_factory=RecordTexts)

    def __post_init__(self) -> None:
        self.path = Path(self.path)

    @property
    def lock_path(self) -> Path:
        """The lock file beside the project: ``.NAME.lock``."""
        return lock_path_of(self.path)

    @property
    def lock(self) -> filelock.FileLock:
        """This process's lock object for the file (see :func:`process_lock`)."""
        return process_lock(self.lock_path)

    @contextmanager
    def locked(self, timeout: float | None = None) -> Iterator[None]:
        """Hold the project's lock; other programs' saves wait (see :func:`locked`)."""
        with locked(self.path, timeout):
            yield

    def changed_on_disk(self) -> bool:
        """True when the file no longer holds :attr:`text` (or cannot be read)."""
        try:
            return read_text(self.path) != self.text
        except JourneyError:
            return True


def open_project(path: PathLike) -> tuple[Journey, ProjectFile]:
    """Read a project file: the journey, and the :class:`ProjectFile` to save it back
    through, merging with what others saved in between (:func:`save_merged`). Errors
    name the file and the line."""
    text = read_text(path)
    file = ProjectFile(Path(path), text)
    return loads(text, str(path), texts=file.record_texts), file


def load(path: PathLike) -> Journey:
    """Read a project file (errors name the file and the line). To save it back while
    others may save it too, read it with :func:`open_project` instead."""
    return open_project(path)[0]


# ------------------------------------------------------------------ locking
#: This process's lock object per lock file, so a save inside ``locked()`` in the same
#: thread takes it again instead of waiting for itself. Keyed by process id too: a
#: forked child never uses (nor releases) a lock object of its parent's; filelock 4
#: refuses one that crossed a fork, and the parent may hold it at that moment.
_LOCKS: dict[tuple[int, str], filelock.FileLock] = {}
_LOCKS_GUARD = threading.Lock()


def _new_guard_after_fork() -> None:
    global _LOCKS_GUARD
    _LOCKS_GUARD = threading.Lock()  # another thread may have held it during the fork


os.register_at_fork(after_in_child=_new_guard_after_fork)


def lock_path_of(path: PathLike) -> Path:
    """The lock file beside a project file: ``.NAME.lock``."""
    path = Path(path)
    return path.with_name(f".{path.name}.lock")


def process_lock(lock_path: Path) -> filelock.FileLock:
    """The lock object of ``lock_path`` in this process: one per file and process, made
    on first use, so it is re-entrant within a thread and never shared with a child."""
    key = (os.getpid(), str(lock_path.resolve()))
    with _LOCKS_GUARD:
        lock = _LOCKS.get(key)
        if lock is None:
            lock = _LOCKS[key] = filelock.FileLock(lock_path)
    return lock


@contextmanager
def locked(path: PathLike, timeout: float | None = None) -> Iterator[None]:
    """Hold the project's lock; other programs' saves wait. Gives up with a clear
    message after ``timeout`` seconds (default :data:`LOCK_TIMEOUT`)."""
    wait = LOCK_TIMEOUT if timeout is None else timeout
    lock_path = lock_path_of(path)
    lock = process_lock(lock_path)
    try:
        lock.acquire(timeout=wait)
    except filelock.Timeout:
        raise JourneyError(TEXTS.msg("busy", path=path, seconds=wait, lock=lock_path)) from None
    try:
        yield
    finally:
        lock.release()


# ------------------------------------------------------------------ saving
def save(journey: Journey, path: PathLike) -> Path:
    """Write the journey to ``path``, replacing what the file holds (under the lock,
    atomically). To merge with changes others saved since the journey was read, save
    through its :class:`ProjectFile` (:func:`save_merged`) instead."""
    save_merged(journey, ProjectFile(Path(path)))
    return Path(path)


def save_merged(journey: Journey, file: ProjectFile, *, prefer: Prefer = None) -> Saved:
    """Save ``journey`` to ``file``, whose content it started as (``file.text``; None:
    replace what is there).

    Under the project's lock: when the file no longer holds ``file.text``, this
    journey's changes since then are merged onto the file's content and the journey
    takes the result. Raises :class:`SaveConflict` (nothing written, journey
    unchanged) when the same field changed on both sides, unless ``prefer`` picks a
    side, and :class:`JourneyError` when the file on disk or the merged result is
    invalid. Afterwards ``file`` knows the text written."""
    path = file.path
    with file.locked():
        remove_stale_temps(path)
        try:
            disk: str | None = read_text(path)
        except JourneyError:
            disk = None  # removed or unreadable: write ours, nothing of theirs to keep
        if disk is not None and file.text is not None and disk != file.text:
            journey.restore(_merged(journey, path, file.text, disk, prefer).snapshot())
            merged = True
        else:
            merged = False
        text = dumps(journey, texts=file.record_texts)  # after a merge too: keeps the records' texts
        if text != disk:
            write_atomic(path, text)
    file.text = text
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
