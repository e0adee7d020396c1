"""A project opened for editing: the journey, its file, and saving after each change.

Several notebooks or browser tabs may have the same project open. Each
:class:`ProjectSession` holds its journey and its
:class:`~klantreis.projectfile.ProjectFile` (the text it last read or wrote, the
records' texts, the lock); :meth:`save` goes through
:func:`klantreis.projectfile.save_merged`, which takes the project's lock, merges
this session's changes onto whatever others saved in between, and refuses (keeping
the edits in memory) when both changed the same field.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from .errors import JourneyError
from .fileformat import dumps
from .merge import Prefer
from .model import Journey
from .project import create_project
from .projectfile import ProjectFile, SaveConflict, open_project, save_merged
from .templates import Template, get_template

__all__ = ["ProjectSession", "SaveConflict", "SaveResult"]

T = TypeVar("T")


@dataclass(frozen=True)
class SaveResult:
    """What a save did: when, and whether it merged changes made elsewhere."""

    saved_at: datetime
    merged: bool


class ProjectSession:
    """One notebook's view of a project file: load, change through the model, save.
    ``file`` is what the session knows of the file (see
    :class:`~klantreis.projectfile.ProjectFile`)."""

    def __init__(self, journey: Journey, file: ProjectFile):
        self.journey = journey
        self.file = file
        self.saved_at: datetime | None = None
        self._listeners: list[Callable[[], None]] = []

    @property
    def path(self) -> Path:
        """The project file."""
        return self.file.path

    # ----------------------------------------------------------- opening
    @classmethod
    def open(cls, path: str | os.PathLike[str]) -> ProjectSession:
        """Open an existing project file (errors name the file and the line)."""
        return cls(*open_project(path))

    @classmethod
    def create(
        cls, path: str | os.PathLike[str], template: str, title: str = "", language: str = "nl"
    ) -> ProjectSession:
        """Create a new project file from a template (see
        :func:`klantreis.project.create_project`) and open it."""
        create_project(path, template, title=title, language=language)
        session = cls.open(path)
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
        return self.file.changed_on_disk()

    def unsaved(self) -> bool:
        """True when the journey holds changes the file does not (a save failed)."""
        return dumps(self.journey, texts=self.file.record_texts) != self.file.text

    # ------------------------------------------------------------ editing
    def apply(self, change: Callable[[Journey], T]) -> T:
        """Run ``change`` on the journey; on any error the journey is left exactly as it
        was and the error propagates. Does not save (call :meth:`save`)."""
        before = self.journey.snapshot()
        try:
            return change(self.journey)
        except BaseException:
            self.journey.restore(before)
            raise

    def save(self, prefer: Prefer = None) -> SaveResult:
        """Write the journey, merging with changes saved to the file since it was read.
        Raises :class:`SaveConflict` (nothing written, journey unchanged) when the same
        field changed on both sides, unless ``prefer`` picks a side; raises
        :class:`~klantreis.errors.JourneyError` when the file on disk or the merged
        result is invalid, or the file stays locked by another program's save."""
        saved = save_merged(self.journey, self.file, prefer=prefer)
        self.saved_at = saved.saved_at
        if saved.merged:
            self._notify()
        return SaveResult(saved.saved_at, saved.merged)

    def reload(self) -> None:
        """Throw away unsaved edits and read the file again (the journey object stays
        the same, so forms holding it see the file's content)."""
        journey, self.file = open_project(self.path)
        self.journey.restore(journey.snapshot())
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
            **{t: len(j.records(t)) for t in ("personas", "phases", "scenarios", "touchpoints")},
        }
