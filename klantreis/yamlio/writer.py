"""The canonical writer: project data as the same YAML text PyYAML's emitter gives
(see :mod:`.reference`), written directly. Block style, two-space indentation, lists
indented under their key, keys in the given order, one value per line.

:func:`item_text` writes one list item, so a caller can keep the text of records
that did not change and write only the ones that did."""

from __future__ import annotations

from typing import Any

from .scalars import PLAIN, NeedsReference, spell, style_of


def dump(data: dict[str, Any]) -> str:
    """The text of a top-level mapping; raises :class:`NeedsReference` for values the
    fast writer does not spell (the caller then uses the reference emitter)."""
    out: list[str] = []
    _mapping(data, 0, out)
    return "".join(out)


def entry_text(key: str, value: Any, indent: int = 0) -> str:
    """The lines of one ``key: value`` entry of a mapping at column ``indent``."""
    out: list[str] = []
    _entry(key, value, indent, out)
    return "".join(out)


def item_text(value: Any, indent: int) -> str:
    """The lines of one list item whose dash stands at column ``indent``."""
    out: list[str] = []
    _item(value, indent, out)
    return "".join(out)


def _key(key: Any) -> str:
    if not isinstance(key, str) or style_of(key, key=True) != PLAIN or len(key) >= 128:
        raise NeedsReference("key")
    return key


def _mapping(data: dict[str, Any], indent: int, out: list[str]) -> None:
    for key, value in data.items():
        _entry(key, value, indent, out)


def _entry(key: str, value: Any, indent: int, out: list[str]) -> None:
    head = " " * indent + _key(key) + ":"
    if isinstance(value, dict):
        if value:
            out.append(head + "\n")
            _mapping(value, indent + 2, out)
        else:
            out.append(head + " {}\n")
    elif isinstance(value, list):
        if value:
            out.append(head + "\n")
            for item in value:
                _item(item, indent + 2, out)
        else:
            out.append(head + " []\n")
    else:
        out.append(f"{head} {spell(value, indent)}\n")


def _item(value: Any, indent: int, out: list[str]) -> None:
    dash = " " * indent + "- "
    if isinstance(value, dict) and value:
        first = True
        for key, item in value.items():
            if first:
                text = entry_text(key, item, indent + 2)
                out.append(dash + text[indent + 2 :])
                first = False
            else:
                _entry(key, item, indent + 2, out)
    elif isinstance(value, dict | list):
        if value:
            raise NeedsReference("list in a list")
        out.append(dash + ("{}" if isinstance(value, dict) else "[]") + "\n")
    else:
        out.append(f"{dash}{spell(value, indent)}\n")
