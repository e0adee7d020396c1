"""PyYAML, the reference: safe parsing of any YAML a person may write, field lines for
messages, and the canonical emitter that :mod:`.writer` reproduces faster.

Only plain YAML is accepted: tags that would build Python objects are refused, and so
are aliases (``*name``): klantreis never writes them, and a few lines of them can
expand to billions of items. Both are found while scanning, before anything is built.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from ..errors import Problem, ValidationError
from ..messages import Catalog
from .wording import describe

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Path = tuple[str | int, ...]

TEXTS = Catalog("yamlio", {
    "tag": (
        "{tag}; een projectbestand bevat alleen gewone tekst, getallen, lijsten en "
        "koppelingen (geen YAML-tags zoals !!python/...)",
        "{tag}; a project file may hold only plain text, numbers, lists and mappings "
        "(no YAML tags such as !!python/...)",
    ),
    "alias": (
        "hier staat een YAML-verwijzing (*{name}); die zijn niet toegestaan in een "
        "projectbestand: klantreis schrijft ze nooit, en een paar regels ervan kunnen "
        "uitgroeien tot miljarden waarden. Schrijf de waarden voluit.",
        "this is a YAML alias (*{name}); aliases are not allowed in a project file: "
        "klantreis never writes them, and a few lines of them can expand to billions "
        "of items. Write the values out in full.",
    ),
    "syntax": (
        "dit is geen geldige YAML ({what}); kijk rond deze regel naar inspringing, "
        "dubbele punten en aanhalingstekens",
        "this is not valid YAML ({what}); check indentation, colons and quotes around "
        "this line",
    ),
    "invalid": ("dit is geen geldige YAML: {what}", "this is not valid YAML: {what}"),
    "character": (
        "hier staat een teken dat niet in een YAML-bestand mag (U+{code:04X}); "
        "haal het weg of schrijf de tekst opnieuw",
        "this is a character a YAML file may not hold (U+{code:04X}); "
        "remove it or type the text again",
    ),
})  # fmt: skip

# An anchor or alias token follows white space, a flow indicator or a line start.
_MAYBE_ALIAS = re.compile(r"(?:^|[\s\[\]{},:])[&*]", re.M)


def parse(text: str, source: str | None = None) -> Any:
    """Parse YAML text safely; malformed YAML, tags and aliases raise
    :class:`ValidationError` naming the line."""
    try:
        if _MAYBE_ALIAS.search(text):
            _refuse_aliases(text, source)
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            return None if node is None else loader.construct_document(node)
        finally:
            loader.dispose()
    except yaml.constructor.ConstructorError as err:
        if (err.problem or "").startswith("could not determine a constructor"):
            line = err.problem_mark.line + 1 if err.problem_mark else None
            raise _error(TEXTS.msg("tag", tag=err.problem), line, source) from None
        raise _syntax(err, source) from None
    except yaml.MarkedYAMLError as err:
        raise _syntax(err, source) from None
    except yaml.reader.ReaderError as err:
        line = text[: err.position].count("\n") + 1
        raise _error(TEXTS.msg("character", code=err.character), line, source) from None
    except yaml.YAMLError as err:
        raise _error(TEXTS.msg("invalid", what=str(err)), None, source) from None


def _syntax(err: yaml.MarkedYAMLError, source: str | None) -> ValidationError:
    """A syntax error at its line, the parser's words in the reader's language."""
    mark = err.problem_mark or err.context_mark
    what = describe(err.context, err.problem)
    return _error(TEXTS.msg("syntax", what=what), mark.line + 1 if mark else None, source)


def _refuse_aliases(text: str, source: str | None) -> None:
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent):
            line = event.start_mark.line + 1 if event.start_mark else None
            raise _error(TEXTS.msg("alias", name=event.anchor), line, source)


def _error(message: Any, line: int | None, source: str | None) -> ValidationError:
    return ValidationError([Problem("", message, line, source)])


def field_lines(text: str) -> dict[Path, int]:
    """A map from field path (``("touchpoints", 3, "phase")``) to its 1-based line, for
    text that :func:`parse` accepted."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    finally:
        loader.dispose()
    lines: dict[Path, int] = {}
    if node is not None:
        _walk(node, (), lines)
    return lines


def _walk(node: yaml.Node, path: Path, lines: dict[Path, int]) -> None:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            name = key.value if isinstance(key, yaml.ScalarNode) else str(key)
            _walk(value, (*path, name), lines)
            lines[(*path, name)] = key.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _walk(item, (*path, i), lines)


class _Dumper(yaml.SafeDumper):
    """Block style, lists indented under their key, multi-line text as ``|`` blocks.

    The pure-Python emitter on purpose: libyaml's writes emoji as ``\\U0001F642``
    escapes, and a project file must keep them as characters."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if any(ch in value for ch in "\x85\u2028\u2029"):
        # YAML reads these as line breaks and folds them in '...' or | text: escape them
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"')
    style = "|" if "\n" in value and value == value.strip() and "\r" not in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def dump(data: Any) -> str:
    """YAML text for ``data``: UTF-8 characters kept, keys in the given order, one
    value per line (no folding), so a change shows as a small diff."""
    return yaml.dump(
        data,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=10_000,
        indent=2,
    )
