"""YAML for project files: the canonical text klantreis writes, read and written fast,
and anything else a person may write read safely with PyYAML.

:func:`parse` first tries :mod:`.reader`, which accepts only text exactly as klantreis
writes it (and is several times faster than PyYAML); any other text goes through
:mod:`.reference`. :func:`dump` writes with :mod:`.writer`, which gives the same bytes
as PyYAML's emitter, and falls back to that emitter for what it does not spell.
Field lines for messages are computed only when a message needs one.
"""

from __future__ import annotations

from typing import Any

from . import reader, reference, writer
from .reference import Path
from .scalars import NeedsReference

__all__ = ["Lines", "NeedsReference", "Path", "dump", "parse"]


class Lines:
    """Where each field of a parsed text stands, computed on first use."""

    def __init__(self, text: str, spans: reader.Spans | None = None):
        self._text = text
        self._lines: dict[Path, int] | None = None
        self._spans = spans or {}
        self._split: list[str] | None = None

    def item_texts(self, key: str) -> list[str]:
        """The exact text of each item of the top-level list ``key``, when the
        canonical reader read the text (empty otherwise)."""
        spans = self._spans.get(key)
        if not spans:
            return []
        if self._split is None:
            self._split = [line + "\n" for line in self._text.split("\n")]
        split = self._split
        return ["".join(split[start:end]) for start, end in spans]

    @classmethod
    def known(cls, lines: dict[Path, int]) -> Lines:
        """Lines already known (for tables read from a spreadsheet: the sheet rows)."""
        made = cls("")
        made._lines = dict(lines)
        return made

    def line_of(self, path: Path) -> int | None:
        """The 1-based line of ``path`` or of its nearest parent that has one."""
        if self._lines is None:
            self._lines = reference.field_lines(self._text)
        lines = self._lines
        while path:
            if path in lines:
                return lines[path]
            path = path[:-1]
        return lines.get(())


def parse(text: str, source: str | None = None) -> tuple[Any, Lines]:
    """Parse project-file text; return the data and its :class:`Lines`. Malformed
    YAML, tags and aliases raise :class:`~klantreis.errors.ValidationError`."""
    spans: reader.Spans = {}
    data = reader.read(text, spans)
    if data is reader.DECLINED:
        return reference.parse(text, source), Lines(text)
    return data, Lines(text, spans)


def dump(data: dict[str, Any]) -> str:
    """The canonical text of project data (byte for byte what PyYAML's emitter gives)."""
    try:
        return writer.dump(data)
    except NeedsReference:
        return reference.dump(data)
