"""The tables of a journey and the generic changes on them: :meth:`~JourneyTables.add`,
:meth:`~JourneyTables.update` and :meth:`~JourneyTables.remove` by table and key, each
checked by the :class:`~klantreis.store.TableStore` (where the rules live), raising
the first broken rule in the project's language.

:class:`JourneyTables` is the base of :class:`~klantreis.named_changes.NamedChanges`
(``add_persona``, ``copy_journey``, ...), which is the base of
:class:`~klantreis.model.Journey` (the metadata): each layer uses only what the
layers under it define. Pure: no I/O.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from .errors import JourneyError
from .messages import Catalog
from .store import Key, Record, TableStore

TEXTS = Catalog("tables", {
    "last_scenario": (
        "een project heeft minstens één scenario nodig; voeg eerst een ander toe",
        "a project needs at least one scenario; add another one first",
    ),
})  # fmt: skip


class JourneyTables:
    """The records of a journey's tables, changed only through the store's rules.
    ``language`` is the language its refusals speak."""

    def __init__(self, language: str, store: TableStore):
        self.language = language
        self._store = store

    # --------------------------------------------------------------- reading
    @property
    def store(self) -> TableStore:
        """The table store behind the tables. Validation and the file format use it;
        change a journey through its methods, not through the store."""
        return self._store

    def records(self, table: str) -> list[Record]:
        """The records of ``table`` as dicts of stored values, in order (read only)."""
        return self._store.records(table)

    def ids(self, table: str) -> list[str]:
        """The ids of a table, in order (touchpoint ids may repeat across journeys)."""
        return list(self._store.ids(table))

    @property
    def default_scenario(self) -> str:
        """The id of the first scenario, used where a touchpoint names none."""
        return self._store.ids("scenarios")[0]

    def require(self, table: str, item_id: str) -> None:
        """Refuse an id that ``table`` does not have, naming the known ones."""
        with self._speaking():
            self._store.get(table, (item_id,))

    def name_of(self, table: str, item_id: str) -> str:
        """The display name of a persona, phase or scenario (its id when unnamed)."""
        at = self._store.position(table, (item_id,))
        name = self._store.records(table)[at].get("name") if at is not None else ""
        return str(name) if name else item_id

    def position(self, table: str, key: Key) -> int:
        """Where the record with ``key`` stands in ``table`` (0 is first)."""
        with self._speaking():
            self._store.get(table, key)
        return self._store.position(table, key)  # type: ignore[return-value]

    # ------------------------------------------------------------- changes
    def add(self, table: str, record: dict[str, Any], position: int | None = None) -> None:
        """Add a record to ``table`` (at ``position``, default the end); refused when a
        field does not fit, its key is in use or a reference is unknown. The typed
        methods (``add_touchpoint``, ...) say the same with named arguments."""
        with self._speaking():
            self._store.add(table, record, position)

    def update(self, table: str, key: Key, **changes: Any) -> None:
        """Change fields of the record of ``table`` with ``key`` (``(id,)``; for a
        touchpoint ``(id, persona, scenario)``)."""
        with self._speaking():
            self._store.update(table, key, changes)

    def remove(self, table: str, key: Key, *, with_dependants: bool = False) -> None:
        """Remove the record of ``table`` with ``key``; with ``with_dependants`` the
        records that belong to it go along (a persona's or scenario's touchpoints)."""
        if table == "scenarios" and len(self._store.records("scenarios")) == 1:
            raise JourneyError(TEXTS.msg("last_scenario"), language=self.language)
        with self._speaking():
            self._store.remove(table, key, cascade=with_dependants)

    def move(self, table: str, key: Key, position: int) -> None:
        """Move the record of ``table`` with ``key`` to ``position`` (0 is first)."""
        with self._speaking():
            self._store.move(table, key, position)

    # ------------------------------------------------------------- internals
    def _tp_key(self, id: str, persona: str, scenario: str | None) -> tuple[str, str, str]:
        """A touchpoint's key; no scenario means the first one."""
        return (id, persona, scenario or self.default_scenario)

    @contextlib.contextmanager
    def _speaking(self) -> Iterator[None]:
        """Errors raised inside speak the project's language."""
        try:
            yield
        except JourneyError as err:
            if err.language is None:
                err.language = self.language
            raise
