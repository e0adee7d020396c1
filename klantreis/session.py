"""A project opened for editing: the journey, its file, and safe saving.

Two notebooks may have the same project open. Each :class:`ProjectSession` remembers
the text it last read or wrote; when the file changed in between, :meth:`save` merges
this session's changes onto the file's new content (see :mod:`klantreis.merge`) or,
when both changed the same field, refuses and keeps the edits in memory.
"""

from __future__ import annotations

import copy
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from .errors import JourneyError
from .fileformat import dumps, from_dict, loads, read_text, to_dict, write_atomic
from .merge import Prefer, merge
from .model import Journey
from .templates import Template, get_template, new_journey

T = TypeVar("T")


class SaveConflict(JourneyError):
    """The file changed elsewhere and the same fields were changed here; nothing saved."""

    def __init__(self, path: Path, conflicts: list[str]):
        self.path = path
        self.conflicts = list(conflicts)
        super().__init__(
            f"{path} was changed in another notebook, and these fields were changed "
            f"differently there and here: {', '.join(self.conflicts)}. Nothing was saved; "
            f"your edits are kept in this notebook."
        )


@dataclass(frozen=True)
class SaveResult:
    """What a save did: when, and whether it merged changes made elsewhere."""

    saved_at: datetime
    merged: bool


class ProjectSession:
    """One notebook's view of a project file: load, change through the model, save."""

    def __init__(self, path: str | os.PathLike[str], journey: Journey, text: str):
        self.path = Path(path)
        self.journey = journey
        self.base_text = text
        self.saved_at: datetime | None = None
        self._listeners: list[Callable[[], None]] = []

    # ----------------------------------------------------------- opening
    @classmethod
    def open(cls, path: str | os.PathLike[str]) -> ProjectSession:
        """Open an existing project file (errors name the file and the line)."""
        path = Path(path)
        text = read_text(path)
        return cls(path, loads(text, str(path)), text)

    @classmethod
    def create(
        cls, path: str | os.PathLike[str], template: str, title: str = "", language: str = "nl"
    ) -> ProjectSession:
        """Create a new project file from a template; refused when the file exists."""
        path = Path(path)
        if path.exists():
            raise JourneyError(f"{path} already exists; open it instead of creating it")
        if not path.parent.is_dir():
            raise JourneyError(f"folder {path.parent} does not exist")
        journey = new_journey(template, title, language)
        text = dumps(journey)
        write_atomic(path, text)
        session = cls(path, journey, text)
        session.saved_at = datetime.now()
        return session

    # ------------------------------------------------------------ helpers
    @property
    def template(self) -> Template | None:
        """The project's canvas template, or None when it names none (or an unknown one)."""
        try:
            return get_template(self.journey.template) if self.journey.template else None
        except JourneyError:
            return None

    def on_change(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` after a save brought in changes made elsewhere."""
        self._listeners.append(callback)

    def changed_on_disk(self) -> bool:
        """True when the file no longer holds the text this session last read or wrote."""
        try:
            return read_text(self.path) != self.base_text
        except JourneyError:
            return True

    # ------------------------------------------------------------ editing
    def apply(self, change: Callable[[Journey], T]) -> T:
        """Run ``change`` on the journey; on any error the journey is left exactly as it
        was and the error propagates. Does not save (call :meth:`save`)."""
        before = copy.deepcopy(self.journey)
        try:
            return change(self.journey)
        except BaseException:
            self.journey = before
            raise

    def save(self, prefer: Prefer = None) -> SaveResult:
        """Write the journey atomically, merging with changes made to the file since it
        was read. Raises :class:`SaveConflict` (nothing written, journey unchanged) when
        the same field changed on both sides, unless ``prefer`` picks a side; raises
        :class:`JourneyError` when the file on disk or the merged result is invalid."""
        mine_text = dumps(self.journey)  # also refuses an inconsistent journey
        try:
            disk_text: str | None = read_text(self.path)
        except JourneyError:
            disk_text = None  # removed or unreadable: write ours, nothing of theirs to keep
        merged = disk_text is not None and disk_text != self.base_text
        if merged:
            assert disk_text is not None
            journey, text = self._merged(disk_text, prefer)
        else:
            journey, text = self.journey, mine_text
        write_atomic(self.path, text)
        self.journey, self.base_text = journey, text
        self.saved_at = datetime.now()
        if merged:
            self._notify()
        return SaveResult(self.saved_at, merged)

    def _merged(self, disk_text: str, prefer: Prefer) -> tuple[Journey, str]:
        """The merged journey and its text (this session's changes onto the file's)."""
        theirs = to_dict(loads(disk_text, str(self.path)))
        base = to_dict(loads(self.base_text, str(self.path))) if self.base_text else theirs
        result = merge(base, to_dict(self.journey), theirs, prefer)
        if not result.ok:
            raise SaveConflict(self.path, result.conflicts)
        try:
            journey = from_dict(result.data, str(self.path))
            return journey, dumps(journey)
        except JourneyError as err:
            raise JourneyError(
                f"{self.path} was changed in another notebook and the changes do not fit "
                f"together ({err}). Nothing was saved; your edits are kept in this notebook."
            ) from None

    def reload(self) -> None:
        """Throw away unsaved edits and read the file again."""
        fresh = ProjectSession.open(self.path)
        self.journey, self.base_text = fresh.journey, fresh.base_text
        self._notify()

    def _notify(self) -> None:
        for callback in list(self._listeners):
            callback()

    def info(self) -> dict[str, Any]:
        """A short summary: path, title, language, template and table sizes."""
        j = self.journey
        return {
            "path": str(self.path.resolve()),
            "title": j.title,
            "language": j.language,
            "template": j.template,
            **{t: len(getattr(j, t)) for t in ("personas", "phases", "scenarios", "touchpoints")},
        }
