"""Records, their keys and what a reference names: the key a reference field points at,
whether a loose reference (its persona or scenario left open) matches a key, and the
named parts of a key for messages. Pure; used by the table store."""

from __future__ import annotations

from typing import Any

from .fields import TABLES, Field

#: A record: every field of its table, by name, as stored.
Record = dict[str, Any]
#: What identifies a record in its table: ``(id,)``, for a touchpoint ``(id, persona, scenario)``.
Key = tuple[str, ...]


def target(f: Field, record: Record) -> Key:
    """The key of the record that field ``f`` of ``record`` refers to."""
    return (str(record.get(f.name) or ""), *(str(record.get(w) or "") for w in f.ref_with))


def matches(want: Key, key: Key) -> bool:
    """True when ``key`` is what the reference ``want`` names; an empty part of
    ``want`` (a loose reference's persona or scenario left open) matches any."""
    return all(w == k or (i > 0 and not w) for i, (w, k) in enumerate(zip(want, key, strict=True)))


def describe(table: str, key: Key) -> dict[str, str]:
    """The named parts of a key, for messages (``id``, and ``persona``/``scenario``)."""
    return dict(zip(TABLES[table].key, key, strict=True))
