"""Safe YAML parsing that remembers line numbers, and a canonical, diff-friendly dump."""

from __future__ import annotations

from typing import Any

import yaml

from .errors import Problem, ValidationError

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Path = tuple[str | int, ...]


def parse(text: str, source: str | None = None) -> tuple[Any, dict[Path, int]]:
    """Parse YAML safely; return the data and a map from field path to 1-based line.

    Only plain YAML is accepted: tags that would build Python objects are refused.
    Malformed YAML raises :class:`ValidationError` with the line of the problem.
    """
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        data = None if node is None else loader.construct_document(node)
    except yaml.constructor.ConstructorError as err:
        line = err.problem_mark.line + 1 if err.problem_mark else None
        tag = getattr(err, "problem", "") or "an unknown tag"
        raise ValidationError(
            [
                Problem(
                    "",
                    f"{tag}; a project file may hold only plain text, numbers, lists "
                    "and mappings (no YAML tags such as !!python/...)",
                    line,
                    source,
                )
            ]
        ) from None
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else None
        what = " ".join(x for x in (err.context, err.problem) if x)
        raise ValidationError(
            [
                Problem(
                    "",
                    f"this is not valid YAML ({what}); check indentation, colons and "
                    "quotes around this line",
                    line,
                    source,
                )
            ]
        ) from None
    except yaml.YAMLError as err:
        raise ValidationError(
            [Problem("", f"this is not valid YAML: {err}", None, source)]
        ) from None
    lines: dict[Path, int] = {}
    if node is not None:
        _walk(node, (), lines)
    return data, lines


def _walk(node: yaml.Node, path: Path, lines: dict[Path, int]) -> None:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            name = key.value if isinstance(key, yaml.ScalarNode) else str(key)
            lines[(*path, name)] = key.start_mark.line + 1
            _walk(value, (*path, name), lines)
            lines[(*path, name)] = key.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _walk(item, (*path, i), lines)


def line_of(lines: dict[Path, int], path: Path) -> int | None:
    """The line of ``path`` or of its nearest parent that has one."""
    while path:
        if path in lines:
            return lines[path]
        path = path[:-1]
    return lines.get(())


class _Dumper(yaml.SafeDumper):
    """Block style, lists indented under their key, multi-line text as ``|`` blocks.

    The pure-Python emitter on purpose: libyaml's writes emoji as ``\U0001F642``
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
