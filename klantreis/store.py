"""The table store: the records of every journey table, and the operations on them,
written once for all tables and driven by :data:`klantreis.fields.TABLES`.

Records are plain dicts holding every field of their table. A record is never
changed in place: an update puts a new dict in its place. So a snapshot (for undo,
or to roll back a refused change) is a shallow copy of the lists, and a writer can
remember the text of a record by its identity. Pure: no I/O.

The rules live here and only here: a record's key is unique in its table, its
references point at ids that exist, and nothing refers to a record that is removed.
The model raises the first broken rule; validation collects them all.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import pandas as pd

from .coercion import coerce
from .errors import FieldValueError, JourneyError
from .fields import TABLES, Field, referrers
from .frames import frame_from_records
from .keys import Key, Record, describe, matches, target
from .messages import Msg
from .store_texts import TEXTS, label, plural, singular
from .template_fields import TemplateFields, check_extra

if TYPE_CHECKING:
    from .scale import Scale

__all__ = ["Key", "Record", "TableStore", "describe", "target"]


class TableStore:
    """The records of every table, kept consistent by :meth:`add`, :meth:`update`,
    :meth:`remove` and :meth:`move`. ``scale`` reads emotion scores;
    ``template_fields`` are the fields the template adds (None: not known, so any
    plain values are kept)."""

    def __init__(self, scale: Scale, template_fields: TemplateFields | None = None):
        self.scale = scale
        self.template_fields = template_fields
        self._records: dict[str, list[Record]] = {name: [] for name in TABLES}
        self._frames: dict[str, pd.DataFrame] = {}
        self._ids: dict[str, list[str]] = {}
        self._keys: dict[str, dict[Key, int]] = {}
        self._idsets: dict[str, set[str]] = {}
        self._by_id: dict[str, dict[str, list[Key]]] = {}

    # --------------------------------------------------------------- reading
    def records(self, table: str) -> list[Record]:
        """The records of ``table`` in order. Read them; change them through the store."""
        return self._records[table]

    def frame(self, table: str) -> pd.DataFrame:
        """The records of ``table`` as a DataFrame with fixed columns and dtypes (a
        copy you may change freely; the store keeps its own)."""
        if table not in self._frames:
            self._frames[table] = frame_from_records(table, self._records[table])
        return self._frames[table].copy(deep=False)

    def ids(self, table: str) -> list[str]:
        """The ids of ``table`` in order (touchpoint ids repeat across journeys)."""
        if table not in self._ids:
            self._ids[table] = [r.get("id", "") for r in self._records[table]]
        return self._ids[table]

    def position(self, table: str, key: Key) -> int | None:
        """Where the record with ``key`` stands, or None."""
        if table not in self._keys:
            spec = TABLES[table]
            self._keys[table] = {spec.key_of(r): i for i, r in enumerate(self._records[table])}
        return self._keys[table].get(key)

    def get(self, table: str, key: Key) -> Record:
        """The record with ``key``; refused naming the known ids when there is none."""
        at = self.position(table, key)
        if at is None:
            raise self._unknown(table, key)
        return self._records[table][at]

    def require_all(self, table: str, ids: list[str]) -> None:
        """Refuse the ids ``table`` does not have, all in one message."""
        unknown = [i for i in dict.fromkeys(ids) if i not in self._id_set(table)]
        if len(unknown) == 1:
            raise self._unknown(table, (unknown[0],))
        if unknown:
            known = ", ".join(self.ids(table)) or TEXTS.msg("none_yet")
            raise JourneyError(TEXTS.msg(
                "unknown_many", tables=plural(table),
                ids=", ".join(map(repr, unknown)), known=known,
            ))  # fmt: skip

    def referred(self, f: Field, record: Record) -> list[Key]:
        """The keys of the records that field ``f`` (a reference completed by
        ``f.ref_with``) of ``record`` points at: one, none, or for a loose reference
        with an open persona or scenario every journey's record with that id."""
        want = target(f, record)
        if not want[0]:
            return []
        if all(want) or not f.loose:
            return [want] if self.position(str(f.ref), want) is not None else []
        return [key for key in self._keys_with_id(str(f.ref), want[0]) if matches(want, key)]

    def snapshot(self) -> dict[str, list[Record]]:
        """The records as they are now (cheap: records are never changed in place)."""
        return {t: list(rs) for t, rs in self._records.items()}

    def restore(self, snapshot: dict[str, list[Record]]) -> None:
        """Go back to a :meth:`snapshot`."""
        self._records = {t: list(rs) for t, rs in snapshot.items()}
        self._forget(*TABLES)

    # ----------------------------------------------------------------- rules
    def coerce(self, table: str, values: dict[str, Any], *, partial: bool) -> Record:
        """``values`` as stored values, or the first problem as :class:`JourneyError`.
        A whole record (``partial=False``) gets every field, empty ones included."""
        record, problems = self.coerce_all(table, values, partial=partial)
        if problems:
            name, reason = problems[0]
            name = name.split(".")[0]  # "extra.ttsc": the entry ttsc of the field extra
            if TABLES[table].has(name):
                reason = TEXTS.msg("field", table=singular(table), name=name, reason=reason)
            raise JourneyError(reason, field=name)
        return record

    def coerce_all(
        self, table: str, values: dict[str, Any], *, partial: bool
    ) -> tuple[Record, list[tuple[str, Msg | str]]]:
        """Like :meth:`coerce`, but every problem as ``(field, reason)``; a problem in one
        entry of a mapping field names it as ``field.entry``."""
        spec = TABLES[table]
        problems: list[tuple[str, Msg | str]] = []
        for name in values:
            if not spec.has(name):
                problems.append((name, TEXTS.msg(
                    "no_field", table=singular(table), name=name, known=", ".join(spec.names)
                )))  # fmt: skip
        out: Record = {}
        for f in spec.fields:
            if f.name not in values:
                if partial:
                    continue
                if not (f.required or f.first_by_default):
                    out[f.name] = f.empty  # the common case when loading: left out as empty
                    continue
            value = values.get(f.name)
            if f.first_by_default and not value:
                value = (self.ids(f.ref) or [""])[0] if f.ref else value
            try:
                if f.declared:
                    out[f.name] = self._extra(table, value)
                else:
                    out[f.name] = coerce(f, value, self.scale)
            except FieldValueError as err:
                problems.append((f"{f.name}.{err.key}" if err.key else f.name, err.message))
                out[f.name] = f.empty
        return out, problems

    def problems(self, table: str, record: Record, *, replacing: Key | None = None) -> list[tuple[str, Msg]]:
        """What ``record`` would break in ``table``: a key in use, unknown references.
        ``replacing`` is the key of the record it replaces, if any."""
        spec = TABLES[table]
        found: list[tuple[str, Msg]] = []
        key = spec.key_of(record)
        if key[0] and key != replacing and self.position(table, key) is not None:
            if spec.has_ids:
                where = TEXTS.msg("where", **describe(table, key)) if len(key) > 1 else ""
                found.append(("id", TEXTS.msg("in_use", other=spec.another, id=key[0], where=where)))
            else:
                what = ", ".join(f"{k}: {v}" for k, v in zip(spec.key, key, strict=True) if v)
                found.append((spec.key[0], TEXTS.msg("twice", table=spec.noun, what=what)))
        for f in spec.fields:
            value = record.get(f.name)
            if not (f.ref and value):
                continue
            if value not in self._id_set(f.ref):
                known = ", ".join(dict.fromkeys(self.ids(f.ref))) or TEXTS.msg("none_yet")
                found.append((f.name, TEXTS.msg("unknown", table=singular(f.ref), id=value, known=known)))
            elif f.ref_with and not self.referred(f, record):
                parts = describe(f.ref, target(f, record))
                found.append((f.name, TEXTS.msg("not_in_journey", table=singular(f.ref), **parts)))
        return found

    # ------------------------------------------------------------- changing
    def load(self, table: str, records: Iterable[Record]) -> None:
        """Put already checked records in ``table`` (validation uses this)."""
        self._records[table] = list(records)
        self._forget(table)

    def append_loaded(self, table: str, record: Record) -> None:
        """Append a record validation has checked (keeps the lookups up to date
        instead of rebuilding them, so loading stays linear)."""
        records = self._records[table]
        records.append(record)
        self._frames.pop(table, None)
        if table in self._ids:
            self._ids[table].append(record.get("id", ""))
        if table in self._keys:
            self._keys[table].setdefault(TABLES[table].key_of(record), len(records) - 1)
        if table in self._idsets:
            self._idsets[table].add(record.get("id", ""))
        self._by_id.pop(table, None)

    def add(self, table: str, values: dict[str, Any], position: int | None = None) -> Record:
        """Add a record (at ``position``, default the end); refused when a field does
        not fit, its key is in use or a reference is unknown."""
        record = self._fill_open_parts(table, self.coerce(table, values, partial=False))
        self._check(table, record)
        records = self._records[table]
        at = len(records) if position is None else max(0, min(position, len(records)))
        records.insert(at, record)
        self._forget(table)
        return record

    def update(self, table: str, key: Key, changes: dict[str, Any]) -> Record:
        """Change fields of the record with ``key``. A new id is carried over to the
        records that refer to the old one, once no record has the old id any more."""
        at = self._at(table, key)
        old = self._records[table][at]
        new = self._follow_reference(table, {**old, **self.coerce(table, changes, partial=True)}, changes)
        self._check(table, new, replacing=key)
        self._records[table][at] = new
        self._forget(table)
        if TABLES[table].has_ids and new["id"] != old["id"]:
            self._rename_references(table, old, new)
        return new

    def remove(self, table: str, key: Key, *, cascade: bool = False) -> Record:
        """Remove a record. Refused while other records refer to it, unless
        ``cascade`` and they go along (a persona's touchpoints and figures); also
        refused when what goes along is referred to in turn (an opportunity linked
        to one of the persona's touchpoints)."""
        record = self._records[table][self._at(table, key)]
        going: dict[str, dict[int, Record]] = {table: {id(record): record}}
        for ref_table, f in referrers(table):
            using = self._dangling(ref_table, f, table, going)
            if not using:
                continue
            if not (cascade and f.cascade):
                raise JourneyError(TEXTS.msg(
                    "still_used", table=singular(table), name=label(record), count=len(using),
                    others=plural(ref_table),
                ))  # fmt: skip
            going.setdefault(ref_table, {}).update((id(r), r) for r in using)
        for gone_table in [t for t in going if t != table]:
            for other, f in referrers(gone_table):
                staying = going.get(other, {})
                left = [r for r in self._dangling(other, f, gone_table, going) if id(r) not in staying]
                if left:
                    ids = ", ".join(sorted({str(r[f.name]) for r in left}))
                    raise JourneyError(TEXTS.msg(
                        "cascade_used", table=singular(table), name=label(record),
                        others=plural(other), ids=ids,
                    ))  # fmt: skip
        for gone_table, records in going.items():
            self._records[gone_table] = [r for r in self._records[gone_table] if id(r) not in records]
            self._forget(gone_table)
        return record

    def move(self, table: str, key: Key, position: int) -> None:
        """Move a record to ``position`` (0 is first)."""
        at = self._at(table, key)
        records = self._records[table]
        record = records.pop(at)
        records.insert(max(0, min(position, len(records))), record)
        self._forget(table)

    def replace(self, table: str, going: Iterable[Record], coming: Iterable[dict[str, Any]]) -> None:
        """Remove the records ``going`` of ``table`` and add ``coming`` at the end as one
        change, all or nothing: each new record checked as :meth:`add` checks it, and
        refused, listing them, while other records refer to a removed one that no new
        one stands in for (an opportunity on a touchpoint id no touchpoint has now)."""
        before, gone = self._records[table], {id(r) for r in going}
        self.load(table, [r for r in before if id(r) not in gone])
        try:
            for values in coming:
                self.add(table, values)
            for ref_table, f in referrers(table):
                lost = {
                    repr(str(r[f.name]))
                    for r in self._records[ref_table]
                    if r[f.name]
                    and not (self.referred(f, r) if f.ref_with else r[f.name] in self._id_set(table))
                }
                if lost:
                    raise JourneyError(
                        TEXTS.msg(
                            "replaced_used",
                            table=plural(table),
                            others=plural(ref_table),
                            ids=", ".join(sorted(lost)),
                        ),
                        field="id",
                    )
        except JourneyError:
            self.load(table, before)
            raise

    # ------------------------------------------------------------- internals
    def _fill_open_parts(self, table: str, record: Record, only: Field | None = None) -> Record:
        """Fill the open persona / scenario of a loose reference (of every one, or
        ``only`` that one) when only one journey has the record it names (an
        opportunity on a touchpoint only the student has is the student's)."""
        for f in [only] if only else TABLES[table].fields:
            if not (f.loose and record.get(f.name)) or all(record.get(w) for w in f.ref_with):
                continue
            found = self.referred(f, record)
            fill = {}
            for i, part in enumerate(f.ref_with, start=1):
                values = {key[i] for key in found}
                if not record.get(part) and len(values) == 1:
                    fill[part] = values.pop()
            record = {**record, **fill}
        return record

    def _follow_reference(self, table: str, record: Record, changes: dict[str, Any]) -> Record:
        """After a loose reference changed (an opportunity moved to another
        touchpoint), the persona / scenario it no longer fits are opened again and
        filled in from the new record, unless the change sets them itself."""
        for f in TABLES[table].fields:
            if not (f.loose and f.name in changes and record.get(f.name)):
                continue
            if not self.referred(f, record):
                record = {**record, **{part: "" for part in f.ref_with if part not in changes}}
            record = self._fill_open_parts(table, record, only=f)
        return record

    def _keys_with_id(self, table: str, id_: str) -> list[Key]:
        """The keys of the records of ``table`` with id ``id_`` (every journey's)."""
        if table not in self._by_id:
            spec = TABLES[table]
            found = self._by_id.setdefault(table, {})
            for r in self._records[table]:
                found.setdefault(r.get("id", ""), []).append(spec.key_of(r))
        return self._by_id[table].get(id_, [])

    def _extra(self, table: str, value: Any) -> dict[str, Any]:
        declared = None if self.template_fields is None else self.template_fields.of(table)
        return check_extra(declared, singular(table), value, self.scale)

    def _check(self, table: str, record: Record, replacing: Key | None = None) -> None:
        problems = self.problems(table, record, replacing=replacing)
        if problems:
            name, message = problems[0]
            raise JourneyError(message, field=name)

    def _at(self, table: str, key: Key) -> int:
        at = self.position(table, key)
        if at is None:
            raise self._unknown(table, key)
        return at

    def _unknown(self, table: str, key: Key) -> JourneyError:
        if len(key) > 1:
            return JourneyError(TEXTS.msg("no_record", **describe(table, key)))
        known = ", ".join(self.ids(table)) or TEXTS.msg("none_yet")
        return JourneyError(TEXTS.msg("unknown", table=singular(table), id=key[0], known=known))

    def _id_set(self, table: str) -> set[str]:
        if table not in self._idsets:
            self._idsets[table] = set(self.ids(table))
        return self._idsets[table]

    def _dangling(
        self, ref_table: str, f: Field, table: str, going: dict[str, dict[int, Record]]
    ) -> list[Record]:
        """The records of ``ref_table`` whose field ``f`` points at a record of ``table``
        that is going, and at nothing once it is gone (a plain id reference still
        points somewhere while another record has that id or key)."""
        gone = going.get(table, {})
        if not gone:
            return []
        if f.ref_with:
            keys = {TABLES[table].key_of(r) for r in gone.values()}
            return [r for r in self._records[ref_table] if r[f.name] and self._loses(f, r, keys)]
        staying = {r.get("id") for r in self._records[table] if id(r) not in gone}
        ids = {r.get("id") for r in gone.values()} - staying
        return [r for r in self._records[ref_table] if r[f.name] in ids]

    def _loses(self, f: Field, record: Record, going: set[Key]) -> bool:
        """True when the reference ``f`` of ``record`` points only at records whose
        keys are ``going`` (a loose one may still point at another journey's)."""
        referred = self.referred(f, record)
        return bool(referred) and all(key in going for key in referred)

    def _rename_references(self, table: str, old: Record, new: Record) -> None:
        """Point the records that referred to ``old`` at ``new``."""
        for ref_table, f in referrers(table):
            if not f.ref_with and old["id"] in self._id_set(table):
                continue  # another record still has the old id: the references stay
            old_key = TABLES[table].key_of(old)
            records = self._records[ref_table]
            changed = False
            for i, r in enumerate(records):
                if f.ref_with:  # a loose reference follows once nothing else fits it
                    hit = matches(target(f, r), old_key) and not self.referred(f, r)
                else:
                    hit = r[f.name] == old["id"]
                if hit:
                    records[i] = {**r, f.name: new["id"]}
                    changed = True
            if changed:
                self._forget(ref_table)

    def _forget(self, *tables: str) -> None:
        for table in tables:
            self._frames.pop(table, None)
            self._ids.pop(table, None)
            self._keys.pop(table, None)
            self._idsets.pop(table, None)
            self._by_id.pop(table, None)
