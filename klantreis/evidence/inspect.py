"""A first look at an evidence file before it is imported, for the workbook's form:
its columns, its first rows, which column plays which role, the distinct values of a
column with their counts, and the answers that need a score. Reads the file; never
changes the journey."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..model import Journey
from . import values
from .columns import ROLES, find_columns
from .mapping import EvidenceMapping, resolve_answers
from .reading import SourceFile, open_source

#: Rows shown in the preview.
PREVIEW_ROWS = 5
#: Distinct values offered for mapping, most frequent first.
VALUE_LIMIT = 40


@dataclass
class FileView:
    """An opened evidence file: ``columns``, ``preview`` (the first rows, as text) and
    ``roles`` (role -> column, as recognised for ``kind``)."""

    file: SourceFile
    kind: str
    columns: list[str]
    preview: pd.DataFrame
    roles: dict[str, str]

    @property
    def name(self) -> str:
        """The file's name."""
        return self.file.name

    def distinct(self, column: str, limit: int = VALUE_LIMIT) -> list[tuple[str, int]]:
        """The distinct non-empty values of ``column`` with their row counts, most
        frequent first (at most ``limit``)."""
        if column not in self.columns:
            return []
        _, coded = self.file.read([column], text=[column])
        col = coded.get(column)
        if col is None:
            return []
        counts: dict[str, int] = {}
        for value, count in zip(col.values, col.counts(), strict=True):
            label = values.label(value)
            if label:
                counts[label] = counts.get(label, 0) + int(count)
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]

    def unknown_answers(
        self, journey: Journey, columns: list[str], mapping: EvidenceMapping | None = None
    ) -> list[tuple[str, int]]:
        """Answers in ``columns`` that are no score, scale label, smiley, "don't know"
        or ``answers:`` entry of ``mapping``: these need a score before importing."""
        skip = mapping.section("skip") if mapping else []
        reader = values.ScoreReader(
            journey.scale, resolve_answers(mapping, journey.scale, journey.language), skip
        )
        found: dict[str, int] = {}
        for column in columns:
            for label, count in self.distinct(column, limit=10_000):
                if reader.read(label).reason == "unknown":
                    found[label] = found.get(label, 0) + count
        return sorted(found.items(), key=lambda kv: (-kv[1], kv[0]))[:VALUE_LIMIT]


def inspect_file(
    path: str | Path, kind: str, mapping: EvidenceMapping | None = None, language: str = "nl"
) -> FileView:
    """Open ``path`` (CSV or .xlsx) and look at it as evidence of ``kind``. Bad files
    raise :class:`~klantreis.errors.JourneyError` with the same messages as an import."""
    source = open_source(path, language)
    if kind == "events":  # an event log: the paths' own roles (case, time, event, ...)
        from ..paths.mapping import find_event_columns

        roles = find_event_columns(list(source.columns), mapping.data if mapping else None)
    else:
        roles = find_columns(source, kind, mapping, language)
    return FileView(source, kind, list(source.columns), _preview(source), roles)


def _preview(source: SourceFile) -> pd.DataFrame:
    if source._sheet is not None:
        frame = source._sheet.head(PREVIEW_ROWS)
    else:
        frame = source._read_csv(nrows=PREVIEW_ROWS, dtype=str)
    return frame.astype(object).where(frame.notna(), "").astype(str)


def role_names() -> dict[str, tuple[str, ...]]:
    """The roles of each kind (see :mod:`klantreis.evidence.columns`)."""
    return dict(ROLES)
