"""Removing a record so it can be brought back: what a removal takes away (the record,
its place, and the records that go along with it, such as a persona's touchpoints),
and putting it back.

Everything goes through the model's generic ``add`` and ``remove``, so a removal and
its undo are checked and saved like any other change, by the model's own rules.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..errors import JourneyError
from ..fields import referrers
from ..model import Journey
from .texts import short

Key = tuple[str, ...]


@dataclass(frozen=True)
class Removed:
    """A removed record: its table, stored values and position, and the records
    removed with it, as ``(table, position, values)``, in the order they stood."""

    table: str
    record: dict[str, Any]
    position: int
    along: list[tuple[str, int, dict[str, Any]]] = field(default_factory=list)

    @property
    def id(self) -> str:
        """The id of the removed record."""
        return str(self.record["id"])

    @property
    def name(self) -> str:
        """The name people know the record by (description for an opportunity)."""
        return display_name(self.record)


def display_name(record: dict[str, Any]) -> str:
    """The name people know a record by (the description of an opportunity), short."""
    return short(str(record.get("name") or record.get("description") or record.get("id", "")))


def key_of(table: str, item_id: str, where: tuple[str, str] | None) -> Key:
    """The key of record ``item_id`` (for a touchpoint: in the journey ``where`` =
    (persona, scenario))."""
    return (item_id, *where) if table == "touchpoints" and where else (item_id,)


def going_along(journey: Journey, table: str, item_id: str) -> list[tuple[str, int, dict[str, Any]]]:
    """The records that a removal of ``item_id`` takes with it (the fields that
    ``cascade`` in :data:`klantreis.fields.TABLES`), with their positions."""
    along = []
    for ref_table, f in referrers(table):
        if f.cascade:
            records = journey.records(ref_table)
            along += [(ref_table, i, r) for i, r in enumerate(records) if r[f.name] == item_id]
    return along


def refusal(journey: Journey, table: str, item_id: str, where: tuple[str, str] | None) -> JourneyError | None:
    """Why the model would refuse this removal, or None: tried on the journey and
    undone at once, so the rule is the model's own."""
    before = journey.snapshot()
    try:
        journey.remove(table, key_of(table, item_id, where), with_dependants=True)
    except JourneyError as err:
        return err
    finally:
        journey.restore(before)
    return None


def take_out(journey: Journey, table: str, item_id: str, where: tuple[str, str] | None = None) -> Removed:
    """Remove a record (with what belongs to it) and return what was removed, for
    :func:`put_back`."""
    key = key_of(table, item_id, where)
    position = journey.position(table, key)
    record = dict(journey.records(table)[position])
    removed = Removed(table, record, position, going_along(journey, table, item_id))
    journey.remove(table, key, with_dependants=True)
    return removed


def put_back(journey: Journey, removed: Removed) -> None:
    """Undo :func:`take_out`: add the record again at its old place, then what went
    along at their old places."""
    journey.add(removed.table, removed.record, removed.position)
    for table, position, record in removed.along:
        journey.add(table, record, position)
