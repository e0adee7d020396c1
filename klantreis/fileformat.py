"""The project file's text: ``loads``/``dumps`` between YAML text and a journey, and
``to_dict``/``from_dict`` for the plain data in between. Pure: reading and writing
files is :mod:`klantreis.projectfile`'s job.

``dumps`` writes the canonical format (:mod:`klantreis.yamlio`). Given a
:class:`RecordTexts` (a :class:`~klantreis.projectfile.ProjectFile` holds one),
``loads`` and ``dumps`` remember the text of every record there, so saving after an
edit writes only the records that changed.
"""

from __future__ import annotations

from typing import Any

from .conflictmarks import conflict_problems, has_markers
from .errors import JourneyError, ValidationError
from .fields import BOOL, TABLES, Field
from .model import Journey
from .store import Record
from .templates import template_fields, template_scale
from .validation import journey_from_data
from .version import FORMAT_VERSION
from .yamlio import Lines, NeedsReference, parse, reference, writer


class RecordTexts:
    """The text of each record of one journey as last read or written, by the record's
    identity (records are never changed in place, so an unchanged record keeps its
    text). Pass the same one to :func:`loads` and every later :func:`dumps` of that
    journey; a cache only: without it the text is the same, made from scratch."""

    def __init__(self) -> None:
        self._texts: dict[int, tuple[Record, str]] = {}

    def get(self, record: Record) -> str | None:
        """The text of ``record`` when it was read or written as it is now."""
        hit = self._texts.get(id(record))
        return hit[1] if hit is not None and hit[0] is record else None

    def keep(self, texts: dict[int, tuple[Record, str]]) -> None:
        """Remember ``texts`` (``{id(record): (record, text)}``) instead of the old ones."""
        self._texts = texts

    def __len__(self) -> int:
        return len(self._texts)


def loads(text: str, source: str | None = None, *, texts: RecordTexts | None = None) -> Journey:
    """Parse project-file text into a :class:`Journey`; every problem is reported with
    its line (``source`` names the file in messages). ``texts`` is filled with the
    text of each record, for the next :func:`dumps`. A file with git's conflict
    markers gets one problem per conflict (see :mod:`klantreis.conflictmarks`)."""
    if has_markers(text):
        raise ValidationError(conflict_problems(text, source))
    data, lines = parse(text, source)
    journey = journey_from_data(
        data, lines, source, template_scale=template_scale, template_fields=template_fields
    )
    if texts is not None:
        texts.keep(_read_texts(journey, data, lines))
    return journey


def _read_texts(journey: Journey, data: dict[str, Any], lines: Lines) -> dict[int, tuple[Record, str]]:
    """The text of each record read from canonical text, so the first save after
    loading writes only what changed. A record's text is kept only when the record
    is written exactly as it was read."""
    texts: dict[int, tuple[Record, str]] = {}
    for table, spec in TABLES.items():
        items = lines.item_texts(table)
        records = journey.records(table)
        if not items or len(items) != len(records):
            continue
        for record, raw, text in zip(records, data[table], items, strict=True):
            if compact(spec.fields, record) == raw:
                texts[id(record)] = (record, text)
    return texts


def from_dict(data: Any, source: str | None = None) -> Journey:
    """Build a journey from plain data (as :func:`to_dict` gives); validates everything."""
    return journey_from_data(
        data, None, source, template_scale=template_scale, template_fields=template_fields
    )


def _head(journey: Journey) -> dict[str, Any]:
    data: dict[str, Any] = {"klantreis": FORMAT_VERSION, "title": journey.title}
    for name in ("goal", "owner", "status"):  # optional: left out while empty
        if getattr(journey, name):
            data[name] = getattr(journey, name)
    data["language"] = journey.language
    if journey.template:
        data["template"] = journey.template
    if journey.min_difference is not None:
        data["min_difference"] = journey.min_difference
    data["scope"] = journey.scope
    data["scale"] = _scale(journey)
    return data


def _scale(journey: Journey) -> list[dict[str, Any]]:
    """The scale's steps; a level's meaning only when the template does not already
    say it (reading the file takes the template's meanings back)."""
    declared: dict[int, str] = {}
    if journey.template:
        try:
            declared = {p.score: p.meaning for p in template_scale(journey.template, journey.language)}
        except JourneyError:
            declared = {}
    steps = []
    for p in journey.scale:
        step: dict[str, Any] = {"score": p.score, "label": p.label, "emoji": p.emoji}
        if p.meaning and p.meaning != declared.get(p.score):
            step["meaning"] = p.meaning
        steps.append(step)
    return steps


def to_dict(journey: Journey) -> dict[str, Any]:
    """The journey as plain data in file order; empty optional fields are left out."""
    data = _head(journey)
    for table, spec in TABLES.items():
        if journey.records(table) or not spec.optional:
            data[table] = [compact(spec.fields, r) for r in journey.records(table)]
    data["review"] = journey.review
    return data


def compact(fields: tuple[Field, ...], record: Record) -> Record:
    """A record as written: required fields and fields whose default depends on
    other records always, the others only when not empty."""
    out: Record = {}
    for f in fields:
        value = record[f.name]
        empty = value in (None, "", [], {}) or (f.kind == BOOL and value is False)
        if f.required or f.first_by_default or not empty:
            out[f.name] = value
    return out


def dumps(journey: Journey, *, texts: RecordTexts | None = None) -> str:
    """The project-file text of a journey: canonical YAML, the same bytes every time.
    With ``texts`` (as :func:`loads` or the last ``dumps`` left it) a record that has
    not changed is not written again; ``texts`` then holds the new texts."""
    try:
        return _dumps(journey, texts if texts is not None else RecordTexts())
    except NeedsReference:
        return reference.dump(to_dict(journey))


def _dumps(journey: Journey, known: RecordTexts) -> str:
    parts = [writer.dump(_head(journey))]
    texts: dict[int, tuple[Record, str]] = {}
    for table, spec in TABLES.items():
        records = journey.records(table)
        if not records:
            if not spec.optional:
                parts.append(f"{table}: []\n")
            continue
        parts.append(f"{table}:\n")
        for record in records:
            text = known.get(record)
            if text is None:
                text = writer.item_text(compact(spec.fields, record), 2)
            texts[id(record)] = (record, text)
            parts.append(text)
    parts.append(writer.entry_text("review", journey.review))
    known.keep(texts)
    return "".join(parts)
