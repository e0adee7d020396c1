"""One scalar of the canonical format: how the writer spells it, how the reader reads
it back. The rules are PyYAML's (its emitter's style choice and YAML 1.1's implicit
types), restated so a scalar costs a few regex calls instead of a character loop;
``tests/test_yamlio.py`` checks them against PyYAML itself."""

from __future__ import annotations

import math
import re
from typing import Any

import yaml

#: Lines longer than this may be folded by PyYAML's emitter (width 10,000); text that
#: could reach it goes through the reference emitter instead.
MAX_COLUMN = 9_000

STR_TAG = "tag:yaml.org,2002:str"
_RESOLVER = yaml.resolver.Resolver()

_BREAKS = "\n\x85\u2028\u2029"
_WHITE = "\0 \t\r" + _BREAKS
_SPECIAL = re.compile("[^\n\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010fffe]|\ufeff")
_LINE_BREAK = re.compile(f"[{_BREAKS}]")
_BREAK_SPACE = re.compile(f"[{_BREAKS}] ")
_SPACE_BREAK = re.compile(f" [{_BREAKS}]")
# ':' followed by white space or the end, '#' after white space (not at index 0)
_INNER_INDICATOR = re.compile(":(?:[\0 \t\r\n\x85\u2028\u2029]|\\Z)|(?<=[\0 \t\r\n\x85\u2028\u2029])#")
_FIRST_INDICATORS = "#,[]{}&*!|>'\"%@`"
# in double quotes: everything but printable ASCII and the BMP outside surrogates
_DQ_ESCAPE = re.compile('[^\x20-\x7e\xa0-\ud7ff\ue000-\ufffd]|["\\\\\x85\u2028\u2029\ufeff]')
_ESCAPES = {
    "\0": "0", "\x07": "a", "\x08": "b", "\x09": "t", "\x0a": "n", "\x0b": "v", "\x0c": "f",
    "\x0d": "r", "\x1b": "e", '"': '"', "\\": "\\", "\x85": "N", "\xa0": "_",
    "\u2028": "L", "\u2029": "P",
}  # fmt: skip

PLAIN, SINGLE, DOUBLE, LITERAL = "plain", "single", "double", "literal"


class NeedsReference(Exception):  # noqa: N818 - a signal, not an error
    """This value is outside what the fast writer spells exactly (a very long line, an
    unusual type): the caller uses PyYAML's emitter for the document instead."""


def is_implicit_str(text: str) -> bool:
    """True when ``text`` written plain reads back as a string (not a number, a
    boolean, null or a date)."""
    return _RESOLVER.resolve(yaml.ScalarNode, text, (True, False)) == STR_TAG


def _block_indicators(text: str) -> bool:
    if text.startswith(("---", "...")):
        return True
    first = text[0]
    followed = len(text) == 1 or text[1] in _WHITE
    if first in _FIRST_INDICATORS or (first in "?:-" and followed):
        return True
    return _INNER_INDICATOR.search(text, 1) is not None if len(text) > 1 else False


# Most texts (names, short sentences): no indicator, number-like start, colon, hash,
# control character or line break, and no space at the end. Plain, unless the whole
# text is a YAML 1.1 keyword.
_SIMPLE = re.compile(
    "[^\x00-\x20\x7f-\x9f#,\\[\\]{}&*!|>'\"%@`?:\\-0-9+.<=~\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff\U0010ffff]"
    "[^\x00-\x1f\x7f-\x9f:#\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff\U0010ffff]*"
)
_KEYWORD = re.compile(
    "yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL"
)
_STYLES: dict[str, str] = {}


def style_of(text: str, *, key: bool = False) -> str:
    """The style PyYAML's emitter (block context, unicode allowed) gives ``text`` as a
    mapping value or list item, or as a mapping key when ``key``; with klantreis's
    representer: ``"`` for text with NEL or Unicode line separators, ``|`` for
    multi-line text without surrounding white space or carriage returns."""
    if not key:
        style = _STYLES.get(text)
        if style is None:
            if len(_STYLES) > 200_000:
                _STYLES.clear()
            style = _STYLES[text] = _style_of(text, False)
        return style
    return _style_of(text, True)


def _style_of(text: str, key: bool) -> str:
    if not text:
        return SINGLE  # '' would read as null
    if text[-1] != " " and _SIMPLE.fullmatch(text) and not _KEYWORD.fullmatch(text):
        return PLAIN
    wanted = None
    if "\x85" in text or "\u2028" in text or "\u2029" in text:
        return DOUBLE
    if "\n" in text and text == text.strip() and "\r" not in text:
        wanted = LITERAL
    special = _SPECIAL.search(text) is not None
    space_break = _SPACE_BREAK.search(text) is not None
    break_space = _BREAK_SPACE.search(text) is not None
    line_breaks = _LINE_BREAK.search(text) is not None
    if wanted is None and not (key and line_breaks) and is_implicit_str(text):
        edges = text[0] in " \n" or text[-1] in " \n"
        plain_ok = not (edges or break_space or space_break or special or line_breaks)
        if plain_ok and not _block_indicators(text):
            return PLAIN
    if wanted == LITERAL:
        if not key and not (text[-1] == " " or space_break or special):
            return LITERAL
        return DOUBLE
    if not (break_space or space_break or special) and not (key and line_breaks):
        return SINGLE
    return DOUBLE


def spell_str(text: str, indent: int, *, key: bool = False) -> str:
    """``text`` as the emitter writes it at nesting ``indent`` (the column of its key
    or list dash): plain, quoted, or a ``|-`` block whose lines follow after a newline."""
    if len(text) + indent + 4 > MAX_COLUMN:
        raise NeedsReference("long text")
    style = style_of(text, key=key)
    if style == PLAIN:
        return text
    if style == SINGLE:
        return _single_quoted(text, indent + 2)
    if style == LITERAL:
        pad = " " * (indent + 2)
        lines = text.split("\n")
        return "|-\n" + "\n".join(pad + line if line else "" for line in lines)
    return _double_quoted(text)


def _single_quoted(text: str, indent: int) -> str:
    text = text.replace("'", "''")
    if "\n" not in text:
        return f"'{text}'"
    # a run of n line breaks is written as n + 1 of them (one folds into nothing),
    # then the indentation of the scalar
    pad = " " * indent
    return "'" + re.sub("\n+", lambda m: "\n" + m.group(0) + pad, text) + "'"


def _double_quoted(text: str) -> str:
    def escape(match: re.Match[str]) -> str:
        ch = match.group(0)
        if ch in _ESCAPES:
            return "\\" + _ESCAPES[ch]
        code = ord(ch)
        if code <= 0xFF:
            return f"\\x{code:02X}"
        if code <= 0xFFFF:
            return f"\\u{code:04X}"
        return f"\\U{code:08X}"

    return '"' + _DQ_ESCAPE.sub(escape, text) + '"'


def spell(value: Any, indent: int) -> str:
    """Any scalar of a project file as the emitter writes it (see :func:`spell_str`)."""
    if isinstance(value, str):
        return spell_str(value, indent)
    if value is True:
        return "true"
    if value is False:
        return "false"
    if value is None:
        return "null"
    if type(value) is int:
        return str(value)
    if type(value) is float:
        return spell_float(value)
    raise NeedsReference(type(value).__name__)


def spell_float(value: float) -> str:
    """A float as PyYAML's representer writes it (``.nan``, ``.inf``, ``1.0e-05``)."""
    if math.isnan(value):
        return ".nan"
    if math.isinf(value):
        return ".inf" if value > 0 else "-.inf"
    text = repr(value).lower()
    if "." not in text and "e" in text:
        text = text.replace("e", ".0e", 1)
    return text


# ---------------------------------------------------------------- reading back
_INT = re.compile(r"-?(?:0|[1-9][0-9]*)")
_FLOAT = re.compile(r"-?(?:0|[1-9][0-9]*)\.[0-9]+(?:e[-+][0-9]+)?")
_KEYWORDS: dict[str, Any] = {"true": True, "false": False, "null": None}


def read_plain(token: str) -> tuple[bool, Any]:
    """The value of a plain scalar token, when the writer would spell that value with
    exactly this token; ``(False, None)`` otherwise (the caller falls back)."""
    if token in _KEYWORDS:
        return True, _KEYWORDS[token]
    first = token[:1]
    if first.isdigit() or first == "-":
        if _INT.fullmatch(token):
            number = int(token)
            return str(number) == token, number
        if _FLOAT.fullmatch(token):
            value = float(token)
            return spell_float(value) == token, value
    try:
        return (bool(token) and spell_str(token, 0) == token), token
    except NeedsReference:
        return False, None


_SQ_BODY = re.compile("'((?:[^'\n]|'')*)'")
_DQ_UNESCAPE = re.compile(r"\\(x[0-9A-F]{2}|u[0-9A-F]{4}|U[0-9A-F]{8}|.)")
_UNESCAPES = {v: k for k, v in _ESCAPES.items()}


def read_quoted(token: str, indent: int) -> tuple[bool, Any]:
    """The string in a one-line quoted token, when the writer would quote it so."""
    if token[0] == "'":
        match = _SQ_BODY.fullmatch(token)
        if not match:
            return False, None
        value = match.group(1).replace("''", "'")
    else:
        if len(token) < 2 or token[-1] != '"':
            return False, None
        body = token[1:-1]

        def unescape(m: re.Match[str]) -> str:
            code = m.group(1)
            if code in _UNESCAPES:
                return _UNESCAPES[code]
            if len(code) > 1:
                return chr(int(code[1:], 16))
            raise ValueError(code)

        try:
            value = _DQ_UNESCAPE.sub(unescape, body)
        except ValueError:
            return False, None
    try:
        return spell_str(value, indent) == token, value
    except NeedsReference:
        return False, None
