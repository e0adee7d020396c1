"""What changed between two versions of a project, record by record: records added,
removed and moved, fields changed with old -> new, touchpoints grouped per persona ×
scenario, an emotion change shown with its delta. Used by ``klantreis diff`` (also
as git's diff driver). Pure: works on :func:`klantreis.fileformat.to_dict` data."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any

from .fields import TABLES
from .merge import META_KEYS, describe_key, record_key
from .messages import Catalog

TEXTS = Catalog("journeydiff", {
    "project": ("project", "project"),
    "moved": ("verplaatst", "moved"),
    "same": ("geen verschil", "no difference"),
    "empty": ("(leeg)", "(empty)"),
})  # fmt: skip


@dataclass
class Change:
    """One record (or the project's own fields, ``table`` ''): ``kind`` is added,
    removed, changed or moved; ``fields`` holds ``(name, old, new)`` for changed ones."""

    kind: str
    table: str
    key: tuple[str, ...]
    fields: list[tuple[str, Any, Any]] = field(default_factory=list)

    @property
    def name(self) -> str:
        """``touchpoints[balie@toerist/huidig]``, or the table's name for the project's fields."""
        return describe_key(self.table, self.key) if self.key else self.table or "project"

    def as_json(self) -> dict[str, Any]:
        """The change as plain data for ``--json``."""
        return {
            "kind": self.kind, "table": self.table, "key": list(self.key), "record": self.name,
            "fields": [{"field": f, "old": o, "new": n} for f, o, n in self.fields],
        }  # fmt: skip


def _flat(record: dict[str, Any]) -> dict[str, Any]:
    """A record's fields, a mapping field's entries as ``extra.key``."""
    out: dict[str, Any] = {}
    for name, value in record.items():
        if isinstance(value, dict):
            out.update({f"{name}.{k}": v for k, v in value.items()})
        else:
            out[name] = value
    return out


def _fields(old: dict[str, Any], new: dict[str, Any]) -> list[tuple[str, Any, Any]]:
    a, b = _flat(old), _flat(new)
    return [(k, a.get(k), b.get(k)) for k in [*a, *(k for k in b if k not in a)] if a.get(k) != b.get(k)]


def diff(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    """Every change from ``old`` to ``new`` (project data), in file order."""
    changes: list[Change] = []
    head = lambda d: {k: d.get(k) for k in (*META_KEYS, "scope")}  # noqa: E731
    review = lambda d: {"answers": (d.get("review") or {}).get("answers") or {},  # noqa: E731
                        "notes": (d.get("review") or {}).get("notes", "")}  # fmt: skip
    for table, a, b in (("", head(old), head(new)), ("review", review(old), review(new))):
        if fields := _fields(a, b):
            changes.append(Change("changed", table, (), fields))
    for table in TABLES:
        before = {record_key(table, r): r for r in old.get(table) or []}
        after = {record_key(table, r): r for r in new.get(table) or []}
        common_old = [k for k in before if k in after]
        common_new = [k for k in after if k in before]
        matcher = difflib.SequenceMatcher(None, common_old, common_new, autojunk=False)
        kept = {
            k for block in matcher.get_matching_blocks() for k in common_old[block.a : block.a + block.size]
        }
        for key in before:
            if key not in after:
                changes.append(Change("removed", table, key, _fields(before[key], {})))
        for key, record in after.items():
            if key not in before:
                changes.append(Change("added", table, key, _fields({}, record)))
                continue
            if key not in kept:
                changes.append(Change("moved", table, key))
            if fields := _fields(before[key], record):
                changes.append(Change("changed", table, key, fields))
    return changes


def _value(value: Any, language: str) -> str:
    if value is None or value == "":
        return TEXTS.text("empty", language)
    if isinstance(value, bool | int | float):
        return str(value)
    text = str(value).replace("\n", " ")
    return repr(text[:77] + "..." if len(text) > 80 else text)


def _field_text(name: str, old: Any, new: Any, language: str) -> str:
    text = f"{name}: {_value(old, language)} → {_value(new, language)}"
    if name == "emotion" and isinstance(old, int | float) and isinstance(new, int | float):
        text += f" ({new - old:+g})"
    return text


def render(changes: list[Change], language: str) -> str:
    """The changes as text: touchpoints under their persona / scenario, others by table."""
    if not changes:
        return TEXTS.text("same", language)
    groups: dict[str, list[str]] = {}
    signs = {"added": "+", "removed": "-", "changed": "~", "moved": "↕"}
    for c in changes:
        if c.table == "touchpoints":
            group, label = f"{c.key[1]} / {c.key[2]}", f"touchpoint {c.key[0]}"
        else:
            group, label = c.table or TEXTS.text("project", language), c.name if c.key else ""
        if c.kind == "moved":
            lines = [f"↕ {label} {TEXTS.text('moved', language)}"]
        elif c.kind == "changed":
            lines = [f"~ {label}".rstrip() + ":"] if label else []
            lines += [("    " if label else "  ") + _field_text(*f, language) for f in c.fields]
        else:
            shown = next(
                (v for k, o, n in c.fields for v in (o, n) if k in ("name", "description") and v), ""
            )
            lines = [f"{signs[c.kind]} {label}" + (f" ({shown})" if shown else "")]
        groups.setdefault(group, []).extend(lines)
    out = []
    for group, lines in groups.items():
        out.append(f"{group}:")
        out += [f"  {line}" if not line.startswith("    ") else line for line in lines]
    return "\n".join(out)
