"""Ids for new items, made from their names so users need not type them."""

from __future__ import annotations

from collections.abc import Iterable

from ..coercion import slugify


def shortened(slug: str, max_length: int) -> str:
    """``slug`` cut to at most ``max_length`` characters at a word boundary (a
    hyphen), never inside a word; a single word longer than that is cut."""
    if len(slug) <= max_length:
        return slug
    cut = slug[: max_length + 1].rsplit("-", 1)[0] if "-" in slug[: max_length + 1] else ""
    return (cut or slug[:max_length]).strip("-_")


def unique_id(name: str, existing: Iterable[str], max_length: int = 40) -> str:
    """A valid id from ``name`` that is not in ``existing`` ("Sanne" -> "sanne", "sanne-2"),
    shortened at a word boundary when the name is long (see :func:`shortened`)."""
    taken = set(existing)
    base = shortened(slugify(name), max_length).strip("-_") or "item"
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate
