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


class _Decline(Exception):
    pass


#: ``{key: [(first line, end line), ...]}``: where each item of a top-level list stands.
Spans = dict[str, list[tuple[int, int]]]


def read(text: str, spans: Spans | None = None) -> Any:
    """The data of canonical ``text``, or :data:`DECLINED`. When ``spans`` is given,
    it is filled with the lines of each item of the top-level lists."""
    if not text.endswith("\n") or _OUTSIDE.search(text):
        return DECLINED
    lines = text.split("\n")
    lines.pop()
    reader = _Reader(lines, spans)
    try:
        data = reader.mapping(0)
    except _Decline:
        return DECLINED
    if reader.at != len(lines) or not data:
        return DECLINED
    return data


class _Reader:
    def __init__(self, lines: list[str], spans: Spans | None):
        self.lines = lines
        self.at = 0
        self.spans = spans
        self.top_key = ""

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
        lines, pad = self.lines, " " * indent
        while self.at < len(lines):
            line = lines[self.at]
            if len(line) <= indent or line[indent] == " " or not line.startswith(pad):
                break
            content = line[indent:]
            if content[0] == "-" and (len(content) == 1 or content[1] == " "):
                break
            self.at += 1
            if indent == 0:
                self.top_key = content.partition(":")[0]
            key, value = self.entry(content, indent)
            if key in out:
                raise _Decline
            out[key] = value
        return out

    def entry(self, content: str, indent: int) -> tuple[str, Any]:
        colon = content.find(":")
        while colon != -1 and colon + 1 < len(content) and content[colon + 1] != " ":
            colon = content.find(":", colon + 1)
        if colon == -1:
            raise _Decline
        key = content[:colon]
        if key not in _KEYS and not _good_key(key):
            raise _Decline
        if colon + 1 == len(content):
            return key, self.block(indent + 2)
        return key, self.value(content[colon + 2 :], indent)

    def block(self, indent: int) -> Any:
        content = self._indented(indent)
        if content is None:
            raise _Decline  # "key:" with nothing under it reads as null; the writer says null
        if content == "-" or content.startswith("- "):
            return self.sequence(indent)
        return self.mapping(indent)

    def sequence(self, indent: int) -> list[Any]:
        out: list[Any] = []
        spans = self.spans.setdefault(self.top_key, []) if self.spans is not None and indent == 2 else None
        while True:
            content = self._indented(indent)
            if content is None or not (content == "-" or content.startswith("- ")):
                return out
            if spans is not None:
                if spans:
                    spans[-1] = (spans[-1][0], self.at)
                spans.append((self.at, len(self.lines)))
            self.at += 1
            rest = content[2:]
            if not rest or rest.startswith("- ") or rest == "-":
                raise _Decline
            if rest[0] not in "'\"" and _is_entry(rest) and not _is_scalar(rest, indent):
                key, value = self.entry(rest, indent + 2)
                item = {key: value}
                more = self.mapping(indent + 2)
                if key in more:
                    raise _Decline
                item.update(more)
                out.append(item)
            else:
                out.append(self.value(rest, indent))
            if spans is not None:
                spans[-1] = (spans[-1][0], self.at)

    def value(self, rest: str, indent: int) -> Any:
        if not rest:
            raise _Decline  # "key: " with nothing after the space: the writer says null
        if rest == "[]":
            return []
        if rest == "{}":
            return {}
        if rest == "|-":
            return self.literal(indent)
        if rest[0] in "'\"":
            ok, value = read_quoted(rest, indent)
        else:
            hit = _PLAIN.get(rest)
            if hit is None:
                if len(_PLAIN) > 100_000:
                    _PLAIN.clear()
                hit = _PLAIN[rest] = read_plain(rest)
            ok, value = hit
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


#: Keys and plain tokens already checked (a project repeats its field names and many
#: of its values: channels, booleans, scores).
_KEYS: set[str] = set()
_PLAIN: dict[str, tuple[bool, Any]] = {}


def _good_key(key: str) -> bool:
    try:
        good = bool(key) and len(key) < 128 and style_of(key, key=True) == "plain"
    except NeedsReference:
        return False
    if good and len(_KEYS) < 10_000:
        _KEYS.add(key)
    return good


def _is_entry(text: str) -> bool:
    """True when ``text`` has a ':' followed by a space or the end (a ``key: value``)."""
    return ": " in text or text.endswith(":")


def _is_scalar(rest: str, indent: int) -> bool:
    """True when a list item's text is a plain scalar the writer would write so (a
    plain scalar never holds ': ', so this only matters for text ending in ':')."""
    ok, _ = read_plain(rest)
    return ok
