"""Three-way merge of project data (as :func:`klantreis.fileformat.to_dict` gives it).

Used when two notebooks edit the same project: this session's changes (base -> mine)
are applied onto the version on disk (theirs). Records are matched by table and id
(touchpoints by id, persona and scenario); metadata and review answers field by field.
When both sides changed the same field differently, the merge reports a conflict
instead of choosing, unless the caller says which side to prefer. Pure: no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from .fields import HEAD, SCALE_STEP, TABLES

#: The values merged as a whole: the project's own fields, and the scale.
META_KEYS = (*HEAD.names, SCALE_STEP.name)
Prefer = Literal["mine", "theirs"] | None

_MISSING: Any = object()


@dataclass
class MergeResult:
    """The merged data and what could not be merged (empty when the merge is clean)."""

    data: dict[str, Any]
    conflicts: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when nothing conflicted."""
        return not self.conflicts


def record_key(table: str, record: dict[str, Any]) -> tuple[str, ...]:
    """The identity of a record (see :attr:`klantreis.fields.Table.key`)."""
    return TABLES[table].key_of(record)


def describe_key(table: str, key: tuple[str, ...]) -> str:
    """A readable name for a record, e.g. ``touchpoints[website@student/huidig]``."""
    rest = f"@{'/'.join(key[1:])}" if len(key) > 1 else ""
    return f"{table}[{key[0]}{rest}]"


def merge(
    base: dict[str, Any], mine: dict[str, Any], theirs: dict[str, Any], prefer: Prefer = None
) -> MergeResult:
    """Apply the changes base -> mine onto theirs.

    Conflicting fields are listed in :attr:`MergeResult.conflicts` and take theirs'
    value, unless ``prefer`` picks a side, in which case that side wins and the
    conflict list stays empty.
    """
    conflicts: list[str] = []
    out: dict[str, Any] = dict(theirs)
    for key in META_KEYS:
        _merge_value(key, base, mine, theirs, out, conflicts, prefer)
    out["scope"] = _merge_mapping(
        "scope",
        base.get("scope") or {},
        mine.get("scope") or {},
        theirs.get("scope") or {},
        conflicts,
        prefer,
    )
    for table in TABLES:
        out[table] = _merge_table(
            table,
            base.get(table) or [],
            mine.get(table) or [],
            theirs.get(table) or [],
            conflicts,
            prefer,
        )
    b_rev, m_rev, t_rev = (d.get("review") or {} for d in (base, mine, theirs))
    out["review"] = {
        "answers": _merge_mapping(
            "review.answers",
            b_rev.get("answers") or {},
            m_rev.get("answers") or {},
            t_rev.get("answers") or {},
            conflicts,
            prefer,
        ),
        "notes": _pick(
            "review.notes",
            b_rev.get("notes", ""),
            m_rev.get("notes", ""),
            t_rev.get("notes", ""),
            conflicts,
            prefer,
        ),
    }
    return MergeResult(out, conflicts)


def _pick(name: str, b: Any, m: Any, t: Any, conflicts: list[str], prefer: Prefer) -> Any:
    """The merged value of one field (``_MISSING`` when it should be absent)."""
    if m in (b, t):
        return t
    if t == b:
        return m
    if prefer == "mine":
        return m
    if prefer is None:
        conflicts.append(name)
    return t


def _merge_value(
    key: str,
    base: dict[str, Any],
    mine: dict[str, Any],
    theirs: dict[str, Any],
    out: dict[str, Any],
    conflicts: list[str],
    prefer: Prefer,
) -> None:
    value = _pick(
        key,
        base.get(key, _MISSING),
        mine.get(key, _MISSING),
        theirs.get(key, _MISSING),
        conflicts,
        prefer,
    )
    if value is _MISSING:
        out.pop(key, None)
    else:
        out[key] = value


def _merge_mapping(
    prefix: str,
    base: dict[str, Any],
    mine: dict[str, Any],
    theirs: dict[str, Any],
    conflicts: list[str],
    prefer: Prefer,
) -> dict[str, Any]:
    """Merge two flat mappings key by key, keeping theirs' key order, then new keys."""
    out: dict[str, Any] = {}
    keys = [*theirs, *(k for k in mine if k not in theirs)]
    keys += [k for k in base if k not in theirs and k not in mine]
    for key in keys:
        value = _pick(
            f"{prefix}.{key}",
            base.get(key, _MISSING),
            mine.get(key, _MISSING),
            theirs.get(key, _MISSING),
            conflicts,
            prefer,
        )
        if value is not _MISSING:
            out[key] = value
    return out


def _merge_record(
    table: str,
    name: str,
    base: dict[str, Any],
    mine: dict[str, Any],
    theirs: dict[str, Any],
    conflicts: list[str],
    prefer: Prefer,
) -> dict[str, Any]:
    """Merge one record field by field; a template's ``extra`` values key by key, so
    two notebooks filling in different template fields of one record both keep theirs."""
    nested = [f.name for f in TABLES[table].fields if f.declared]
    b, m, t = ({k: v for k, v in d.items() if k not in nested} for d in (base, mine, theirs))
    out = _merge_mapping(name, b, m, t, conflicts, prefer)
    for field_name in nested:
        values = _merge_mapping(
            f"{name}.{field_name}", base.get(field_name) or {}, mine.get(field_name) or {},
            theirs.get(field_name) or {}, conflicts, prefer,
        )  # fmt: skip
        if values:
            out[field_name] = values
    return out


def _merge_table(
    table: str,
    base: list[dict[str, Any]],
    mine: list[dict[str, Any]],
    theirs: list[dict[str, Any]],
    conflicts: list[str],
    prefer: Prefer,
) -> list[dict[str, Any]]:
    by_base = {record_key(table, r): r for r in base}
    by_mine = {record_key(table, r): r for r in mine}
    by_theirs = {record_key(table, r): r for r in theirs}
    merged: dict[tuple[str, ...], dict[str, Any]] = {}
    for key in {*by_base, *by_mine, *by_theirs}:
        name = describe_key(table, key)
        b = by_base.get(key, _MISSING)
        m = by_mine.get(key, _MISSING)
        t = by_theirs.get(key, _MISSING)
        if m is not _MISSING and t is not _MISSING:
            record = _merge_record(table, name, {} if b is _MISSING else b, m, t, conflicts, prefer)
            merged[key] = {k: record[k] for k in [*t, *(k for k in m if k not in t)] if k in record}
            continue
        present = m if t is _MISSING else t
        if b is _MISSING:
            merged[key] = present  # added on one side only
        elif present == b:
            continue  # removed on the other side, unchanged here
        else:
            side = "mine" if t is _MISSING else "theirs"
            if prefer == side:
                merged[key] = present
            elif prefer is None:
                where = "here" if side == "mine" else "in another notebook"
                conflicts.append(f"{name} (changed {where}, removed on the other side)")
    order = _merge_order(
        table,
        [record_key(table, r) for r in base],
        [record_key(table, r) for r in mine],
        [record_key(table, r) for r in theirs],
        set(merged),
        conflicts,
        prefer,
    )
    return [merged[key] for key in order]


def _merge_order(
    table: str,
    base: list[tuple[str, ...]],
    mine: list[tuple[str, ...]],
    theirs: list[tuple[str, ...]],
    keep: set[tuple[str, ...]],
    conflicts: list[str],
    prefer: Prefer,
) -> list[tuple[str, ...]]:
    """The record order: whichever side reordered wins; records new on the other
    side go before the record that follows them there (at the end when none does)."""
    common = [k for k in base if k in mine and k in theirs]
    mine_rel = [k for k in mine if k in common]
    theirs_rel = [k for k in theirs if k in common]
    if mine_rel in (common, theirs_rel):
        primary, secondary = theirs, mine
    elif theirs_rel == common or prefer == "mine":
        primary, secondary = mine, theirs
    else:
        if prefer is None:
            conflicts.append(f"order of {table}")
        primary, secondary = theirs, mine
    order = [k for k in primary if k in keep]
    placed = set(order)
    for i in range(len(secondary) - 1, -1, -1):
        key = secondary[i]
        if key not in keep or key in placed:
            continue
        after = next((k for k in secondary[i + 1 :] if k in placed), None)
        order.insert(len(order) if after is None else order.index(after), key)
        placed.add(key)
    return order
