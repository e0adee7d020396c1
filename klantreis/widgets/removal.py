"""Removing a record so it can be brought back: what a removal takes away (the record,
its place, and for a persona or scenario its touchpoints), and putting it back.

Everything goes through the model's methods, so a removal and its undo are checked
and saved like any other change.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from ..fields import record_from_row
from ..model import Journey
from .texts import short

#: Tables whose records own touchpoints (removed along with them), and the
#: touchpoint column that refers to them.
OWNERS = {"personas": "persona", "scenarios": "scenario"}


@dataclass(frozen=True)
class Removed:
    """A removed record: its table, stored values and position, and (for a persona or
    scenario) the touchpoints removed with it as ``(position, values)`` pairs."""

    table: str
    record: dict[str, Any]
    position: int
    touchpoints: list[tuple[int, dict[str, Any]]] = field(default_factory=list)

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


def rows_of(journey: Journey, table: str, item_id: str, where: tuple[str, str] | None) -> pd.Series:
    """Which rows of ``table`` are the record ``item_id`` (for touchpoints: in the
    journey ``where`` = (persona, scenario))."""
    frame = getattr(journey, table)
    mask = frame["id"] == item_id
    if table == "touchpoints" and where is not None:
        mask &= (frame["persona"] == where[0]) & (frame["scenario"] == where[1])
    return mask


def owned_touchpoints(journey: Journey, table: str, item_id: str) -> pd.DataFrame:
    """The touchpoints that go along when record ``item_id`` of ``table`` is removed."""
    tps = journey.touchpoints
    column = OWNERS.get(table)
    return tps[tps[column] == item_id] if column else tps.iloc[0:0]


def take_out(
    journey: Journey, table: str, item_id: str, where: tuple[str, str] | None = None
) -> Removed:
    """Remove a record (with its touchpoints, for a persona or scenario) and return
    what was removed, for :func:`put_back`."""
    frame = getattr(journey, table)
    position = int(frame.index[rows_of(journey, table, item_id, where)][0])
    record = record_from_row(table, frame.loc[position])
    owned = owned_touchpoints(journey, table, item_id)
    removed = Removed(
        table, record, position,
        [(int(i), record_from_row("touchpoints", row)) for i, row in owned.iterrows()],
    )  # fmt: skip
    if table == "personas":
        journey.remove_persona(item_id, with_touchpoints=True)
    elif table == "scenarios":
        journey.remove_scenario(item_id, with_touchpoints=True)
    elif table == "phases":
        journey.remove_phase(item_id)
    elif table == "opportunities":
        journey.remove_opportunity(item_id)
    elif table == "touchpoints":
        journey.remove_touchpoint(item_id, record["persona"], record["scenario"])
    else:  # pragma: no cover - the list editors use the tables above
        raise ValueError(f"cannot remove from {table}")
    return removed


def put_back(journey: Journey, removed: Removed) -> None:
    """Undo :func:`take_out`: add the record again, at its old place where the model
    allows a place, and its touchpoints at their old places."""
    values = dict(removed.record)
    item_id = values.pop("id")
    if removed.table == "personas":
        journey.add_persona(item_id, **values)
    elif removed.table == "scenarios":
        journey.add_scenario(item_id, values.get("name", ""))
    elif removed.table == "phases":
        journey.add_phase(item_id, position=removed.position, **values)
    elif removed.table == "opportunities":
        journey.add_opportunity(item_id, values.pop("description"), **values)
    elif removed.table == "touchpoints":
        _add_touchpoint(journey, removed.position, removed.record)
    for position, record in sorted(removed.touchpoints, key=lambda pair: pair[0]):
        _add_touchpoint(journey, position, record)


def _add_touchpoint(journey: Journey, position: int, record: dict[str, Any]) -> None:
    values = dict(record)
    journey.add_touchpoint(
        values.pop("id"), values.pop("persona"), values.pop("phase"), values.pop("name"),
        scenario=values.pop("scenario"), position=position, **values,
    )  # fmt: skip
