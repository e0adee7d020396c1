"""The canonical reader: project-file text exactly as :mod:`.writer` writes it, read
without PyYAML's per-character scanner.

It is strict on purpose. Every scalar must be spelled the way the writer would spell
its value, and every line must stand where the writer would put it; at the first
thing that differs (a comment, a tab, other indentation, flow lists, anchors, a
quoted key, ...) it returns :data:`DECLINED` and the caller parses the text with
PyYAML. So whatever it accepts, PyYAML reads the same way.
"""

from __future__ import annotations

import re
from typing import Any

from .scalars import LITERAL, NeedsReference, read_plain, read_quoted, spell_str, style_of

#: Returned for text this reader does not take; parse it with PyYAML instead.
DECLINED: Any = object()

# what the writer can put in a file: no control characters, no BOM, no NEL/LS/PS
_OUTSIDE = re.compile("[^\n\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010fffe]|\ufeff")
_KEY = re.compile(r"(.*?):(?: (.*))?")


class _Decline(Exception):
    pass


def read(text: str) -> Any:
    """The data of canonical ``text``, or :data:`DECLINED`."""
    if not text.endswith("\n") or _OUTSIDE.search(text):
        return DECLINED
    lines = text.split("\n")
    lines.pop()
    reader = _Reader(lines)
    try:
        data = reader.mapping(0)
    except _Decline:
        return DECLINED
    if reader.at != len(lines) or not data:
        return DECLINED
    return data


class _Reader:
    def __init__(self, lines: list[str]):
        self.lines = lines
        self.at = 0

    def _indented(self, indent: int) -> str | None:
        """The current line without its ``indent`` spaces, when it has exactly those."""
        if self.at >= len(self.lines):
            return None
        line = self.lines[self.at]
        if len(line) > indent and line[indent] != " " and line.startswith(" " * indent):
            return line[indent:]
        return None

    def mapping(self, indent: int) -> dict[str, Any]:
        out: dict[str, Any] = {}
        while True:
            content = self._indented(indent)
            if content is None or content == "-" or content.startswith("- "):
                return out
            self.at += 1
            key, value = self.entry(content, indent)
            if key in out:
                raise _Decline
            out[key] = value

    def entry(self, content: str, indent: int) -> tuple[str, Any]:
        match = _KEY.fullmatch(content)
        if not match:
            raise _Decline
        key, rest = match.group(1), match.group(2)
        try:
            if not key or len(key) >= 128 or style_of(key, key=True) != "plain":
                raise _Decline
        except NeedsReference:
            raise _Decline from None
        if rest is None:
            return key, self.block(indent + 2)
        return key, self.value(rest, indent)

    def block(self, indent: int) -> Any:
        content = self._indented(indent)
        if content is None:
            raise _Decline  # "key:" with nothing under it reads as null; the writer says null
        if content == "-" or content.startswith("- "):
            return self.sequence(indent)
        return self.mapping(indent)

    def sequence(self, indent: int) -> list[Any]:
        out: list[Any] = []
        while True:
            content = self._indented(indent)
            if content is None or not (content == "-" or content.startswith("- ")):
                return out
            self.at += 1
            rest = content[2:]
            if not rest or rest.startswith("- ") or rest == "-":
                raise _Decline
            if rest[0] not in "'\"" and _KEY.fullmatch(rest) and not _is_scalar(rest, indent):
                key, value = self.entry(rest, indent + 2)
                item = {key: value}
                more = self.mapping(indent + 2)
                if key in more:
                    raise _Decline
                item.update(more)
                out.append(item)
            else:
                out.append(self.value(rest, indent))

    def value(self, rest: str, indent: int) -> Any:
        if rest == "[]":
            return []
        if rest == "{}":
            return {}
        if rest == "|-":
            return self.literal(indent)
        if rest[0] in "'\"":
            ok, value = read_quoted(rest, indent)
        else:
            ok, value = read_plain(rest)
        if not ok:
            raise _Decline
        return value

    def literal(self, indent: int) -> str:
        pad = " " * (indent + 2)
        start = self.at
        lines = self.lines
        while self.at < len(lines) and (lines[self.at] == "" or lines[self.at].startswith(pad)):
            self.at += 1
        block = lines[start : self.at]
        if not block or block[-1] == "":
            raise _Decline
        value = "\n".join(line[len(pad) :] for line in block)
        try:
            spelled = spell_str(value, indent)
        except NeedsReference:
            raise _Decline from None
        if style_of(value) != LITERAL or spelled != "|-\n" + "\n".join(block):
            raise _Decline
        return value


def _is_scalar(rest: str, indent: int) -> bool:
    """True when a list item's text is a plain scalar the writer would write so (a
    plain scalar never holds ': ', so this only matters for text ending in ':')."""
    ok, _ = read_plain(rest)
    return ok
