"""The named changes of a journey: ``add_persona``, ``update_touchpoint``,
``copy_journey`` and the like, with the arguments each table needs. Each is said once,
in terms of the generic :meth:`~klantreis.tables.JourneyTables.add`,
:meth:`~klantreis.tables.JourneyTables.update` and
:meth:`~klantreis.tables.JourneyTables.remove` (the rules themselves live in
:mod:`klantreis.store`)."""

from __future__ import annotations

from typing import Any

from .errors import JourneyError
from .fields import TABLES
from .messages import Catalog
from .tables import JourneyTables

TEXTS = Catalog("named_changes", {
    "same_journey": (
        "kies een andere persona of een ander scenario om naar te kopiëren",
        "choose another persona or scenario to copy to",
    ),
    "target_full": (
        "persona {persona!r} heeft al {touchpoints[nl]} in scenario {scenario!r}; verwijder die "
        "eerst of kopieer met vervangen",
        "persona {persona!r} already has {touchpoints[en]} in scenario {scenario!r}; remove them "
        "first or copy with replace",
    ),
})  # fmt: skip


class NamedChanges(JourneyTables):
    """The named changes of a journey's tables; :class:`~klantreis.model.Journey` adds
    the metadata."""

    def add_persona(self, id: str, name: str = "", *, position: int | None = None, **fields: Any) -> None:
        """Add a persona; refused when the id exists or a field is invalid."""
        self.add("personas", {"id": id, "name": name, **fields}, position)

    def update_persona(self, id: str, /, **changes: Any) -> None:
        """Change fields of a persona (``id=`` renames it and its touchpoints' references)."""
        self.update("personas", (id,), **changes)

    def remove_persona(self, id: str, *, with_touchpoints: bool = False) -> None:
        """Remove a persona; refused while it has touchpoints unless ``with_touchpoints``."""
        self.remove("personas", (id,), with_dependants=with_touchpoints)

    def add_phase(self, id: str, name: str = "", *, position: int | None = None, **fields: Any) -> None:
        """Add a phase at ``position`` (default: at the end)."""
        self.add("phases", {"id": id, "name": name, **fields}, position)

    def update_phase(self, id: str, /, **changes: Any) -> None:
        """Change fields of a phase (``id=`` renames it everywhere)."""
        self.update("phases", (id,), **changes)

    def remove_phase(self, id: str) -> None:
        """Remove a phase; refused while touchpoints or opportunities are in it."""
        self.remove("phases", (id,))

    def move_phase(self, id: str, position: int) -> None:
        """Move a phase to ``position`` (0 is first)."""
        self.move("phases", (id,), position)

    def add_scenario(self, id: str, name: str = "", *, position: int | None = None) -> None:
        """Add a scenario (e.g. the desired situation, or a competitor)."""
        self.add("scenarios", {"id": id, "name": name}, position)

    def update_scenario(self, id: str, /, **changes: Any) -> None:
        """Rename a scenario (``name=``) or change its id (``id=``)."""
        self.update("scenarios", (id,), **changes)

    def remove_scenario(self, id: str, *, with_touchpoints: bool = False) -> None:
        """Remove a scenario; refused while it has touchpoints, or when it is the last one."""
        self.remove("scenarios", (id,), with_dependants=with_touchpoints)

    def add_touchpoint(
        self, id: str, persona: str, phase: str, name: str, *, scenario: str | None = None,
        position: int | None = None, **fields: Any,
    ) -> None:  # fmt: skip
        """Add a touchpoint to a persona's journey (scenario default: the first one).
        ``emotion`` may be a score, a label or an emoji of the scale."""
        values = {"id": id, "persona": persona, "scenario": scenario, "phase": phase, "name": name}
        self.add("touchpoints", {**values, **fields}, position)

    def update_touchpoint(
        self, id: str, persona: str, /, scenario: str | None = None, **changes: Any
    ) -> None:
        """Change fields of one touchpoint of one persona's journey."""
        self.update("touchpoints", self._tp_key(id, persona, scenario), **changes)

    def remove_touchpoint(self, id: str, persona: str, scenario: str | None = None) -> None:
        """Remove one touchpoint; refused while an opportunity refers to it and no other
        journey has a touchpoint with that id."""
        self.remove("touchpoints", self._tp_key(id, persona, scenario))

    def move_touchpoint(self, id: str, persona: str, scenario: str | None = None, step: int = -1) -> None:
        """Move a touchpoint ``step`` places earlier (negative) or later within its phase."""
        key = self._tp_key(id, persona, scenario)
        with self._speaking():
            record = self._store.get("touchpoints", key)
        records = self._store.records("touchpoints")
        group = (record["persona"], record["scenario"], record["phase"])
        same = [i for i, r in enumerate(records) if (r["persona"], r["scenario"], r["phase"]) == group]
        here = same.index(records.index(record))
        target = min(max(here + step, 0), len(same) - 1)
        if target != here:
            self.move("touchpoints", key, same[target])

    def copy_journey(
        self, persona: str, scenario: str, to_persona: str, to_scenario: str,
        *, replace: bool = False,
    ) -> int:  # fmt: skip
        """Copy one journey's touchpoints to another persona and/or scenario as a start.
        Returns the number copied. Refused when the target already has touchpoints,
        unless ``replace``."""
        with self._speaking():
            for table, item in (("personas", persona), ("personas", to_persona),
                                ("scenarios", scenario), ("scenarios", to_scenario)):  # fmt: skip
                self._store.get(table, (item,))
            if (persona, scenario) == (to_persona, to_scenario):
                raise JourneyError(TEXTS.msg("same_journey"))
            records = self._store.records("touchpoints")
            target = [r for r in records if (r["persona"], r["scenario"]) == (to_persona, to_scenario)]
            if target and not replace:
                raise JourneyError(TEXTS.msg(
                    "target_full", persona=to_persona, scenario=to_scenario,
                    touchpoints=TABLES["touchpoints"].counted_all(len(target)),
                ))  # fmt: skip
            copies = [
                {**r, "persona": to_persona, "scenario": to_scenario}
                for r in records if (r["persona"], r["scenario"]) == (persona, scenario)
            ]  # fmt: skip
            # checked like any other change: refused while an opportunity or a figure
            # refers to a replaced touchpoint that no copy stands in for
            self._store.replace("touchpoints", target, copies)
        return len(copies)

    def set_extra(self, table: str, key: tuple[str, ...], field: str, value: Any) -> None:
        """Fill in one field the template adds (``extra``) on the record of ``table``
        with ``key``; an empty value (None or "") clears it. The others stay as they are."""
        with self._speaking():
            current = self._store.get(table, key).get("extra") or {}
        extra = {k: v for k, v in current.items() if k != field}
        if value is not None and value != "":
            extra = {**current, field: value}
        self.update(table, key, extra=extra)

    def add_opportunity(
        self, id: str, description: str, *, position: int | None = None, **fields: Any
    ) -> None:
        """Add an opportunity (kans): description, touchpoint, phase, impact, effort, owner."""
        self.add("opportunities", {"id": id, "description": description, **fields}, position)

    def update_opportunity(self, id: str, /, **changes: Any) -> None:
        """Change fields of an opportunity."""
        self.update("opportunities", (id,), **changes)

    def remove_opportunity(self, id: str) -> None:
        """Remove an opportunity."""
        self.remove("opportunities", (id,))
