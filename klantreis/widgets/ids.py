"""Ids for new items, made from their names so users need not type them."""

from __future__ import annotations

from collections.abc import Iterable

from ..coercion import slugify


def unique_id(name: str, existing: Iterable[str], max_length: int = 40) -> str:
    """A valid id from ``name`` that is not in ``existing`` ("Sanne" -> "sanne", "sanne-2")."""
    taken = set(existing)
    base = slugify(name)[:max_length].strip("-_") or "item"
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate
