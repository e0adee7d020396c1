"""The journey model: metadata plus pandas tables, kept consistent by its methods.

Pure: no file or network I/O here (see :mod:`klantreis.fileformat` for that).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from .errors import JourneyError
from .fields import (
    INT,
    SINGULAR,
    TABLES,
    FieldValueError,
    coerce,
    empty_frame,
    fields_of,
    frame_from_records,
    record_from_row,
)

LANGUAGES = ("nl", "en")
DEFAULT_SCENARIO = {"nl": "Huidige situatie", "en": "Current situation"}

#: Which tables refer to a table, and through which column.
REFERRERS: dict[str, tuple[tuple[str, str], ...]] = {
    "personas": (("touchpoints", "persona"),),
    "scenarios": (("touchpoints", "scenario"),),
    "phases": (("touchpoints", "phase"), ("opportunities", "phase")),
    "touchpoints": (("opportunities", "touchpoint"),),
    "opportunities": (),
}


@dataclass
class ScalePoint:
    """One step of the emotion scale: a score, its label and a smiley."""

    score: int
    label: str
    emoji: str = ""


DEFAULT_SCALE = {
    "nl": [
        ScalePoint(1, "zeer negatief", "😠"),
        ScalePoint(2, "negatief", "🙁"),
        ScalePoint(3, "neutraal", "😐"),
        ScalePoint(4, "positief", "🙂"),
        ScalePoint(5, "zeer positief", "😄"),
    ],
    "en": [
        ScalePoint(1, "very negative", "😠"),
        ScalePoint(2, "negative", "🙁"),
        ScalePoint(3, "neutral", "😐"),
        ScalePoint(4, "positive", "🙂"),
        ScalePoint(5, "very positive", "😄"),
    ],
}


@dataclass
class Journey:
    """A customer journey project: who, what, which phases, and every touchpoint.

    The tables (``personas``, ``phases``, ``scenarios``, ``touchpoints``,
    ``opportunities``) are pandas DataFrames with fixed columns and dtypes. Change
    them through the ``add_*``, ``update_*``, ``remove_*`` and ``move_*`` methods,
    which refuse changes that would make the journey inconsistent.
    """

    title: str
    goal: str = ""
    language: str = "nl"
    template: str = ""
    scope: dict[str, str] = field(default_factory=lambda: {"start": "", "end": ""})
    scale: list[ScalePoint] = field(default_factory=list)
    review: dict[str, Any] = field(default_factory=lambda: {"answers": {}, "notes": ""})
    personas: pd.DataFrame = field(default_factory=lambda: empty_frame("personas"))
    phases: pd.DataFrame = field(default_factory=lambda: empty_frame("phases"))
    scenarios: pd.DataFrame = field(default_factory=lambda: empty_frame("scenarios"))
    touchpoints: pd.DataFrame = field(default_factory=lambda: empty_frame("touchpoints"))
    opportunities: pd.DataFrame = field(default_factory=lambda: empty_frame("opportunities"))

    def __post_init__(self) -> None:
        if self.language not in LANGUAGES:
            raise JourneyError(
                f"language must be one of {', '.join(LANGUAGES)}, not {self.language!r}"
            )
        if not self.scale:
            self.scale = [
                ScalePoint(p.score, p.label, p.emoji) for p in DEFAULT_SCALE[self.language]
            ]
        if self.scenarios.empty:
            self.scenarios = frame_from_records(
                "scenarios", [{"id": "current", "name": DEFAULT_SCENARIO[self.language]}]
            )

    # ------------------------------------------------------------------ scale
    def score(self, value: Any) -> int | None:
        """The score for an emotion given as score, label or emoji (None when empty)."""
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        try:
            if pd.isna(value):
                return None
        except (TypeError, ValueError):
            pass
        scores = [p.score for p in self.scale]
        if isinstance(value, str):
            wanted = value.strip().lower()
            for p in self.scale:
                if wanted in (p.label.lower(), p.emoji):
                    return p.score
        try:
            number = coerce(fields_of("touchpoints")["emotion"], value)
        except FieldValueError:
            number = None
        if number in scores:
            return int(number)
        known = ", ".join(f"{p.score} ({p.label})" for p in self.scale)
        raise JourneyError(f"emotion {value!r} is not on the scale; use one of: {known}")

    def scale_point(self, score: int | None) -> ScalePoint | None:
        """The scale point with this score, or None."""
        return next((p for p in self.scale if p.score == score), None)

    # --------------------------------------------------------------- lookups
    def ids(self, table: str) -> list[str]:
        """The ids of a table, in order (touchpoint ids may repeat across journeys)."""
        return [str(v) for v in getattr(self, table)["id"]]

    @property
    def default_scenario(self) -> str:
        """The id of the first scenario, used where a touchpoint names none."""
        return self.ids("scenarios")[0]

    def journey(self, persona: str | None = None, scenario: str | None = None) -> pd.DataFrame:
        """Touchpoints of one persona and scenario in journey order (phase order, then
        file order), with ``step``, ``phase_name``, ``phase_order`` and ``label`` columns.

        ``None`` means the first persona / scenario.
        """
        persona = persona or (self.ids("personas") or [""])[0]
        scenario = scenario or self.default_scenario
        tps = self.touchpoints
        rows = tps[(tps["persona"] == persona) & (tps["scenario"] == scenario)]
        return self._in_journey_order(rows)

    def _in_journey_order(self, rows: pd.DataFrame) -> pd.DataFrame:
        order = {pid: i for i, pid in enumerate(self.ids("phases"))}
        names = dict(zip(self.phases["id"], self.phases["name"], strict=True))
        out = rows.copy()
        out["phase_order"] = out["phase"].map(order).astype("Int64")
        out["phase_name"] = [names.get(p) or p for p in out["phase"]]
        out["_row"] = range(len(out))
        out = out.sort_values(["phase_order", "_row"], kind="stable").drop(columns="_row")
        labels = {p.score: p.label for p in self.scale}
        out["label"] = [labels.get(int(e)) if pd.notna(e) else None for e in out["emotion"]]
        out.insert(0, "step", range(1, len(out) + 1))
        return out.reset_index(drop=True)

    def journeys(self) -> list[tuple[str, str]]:
        """Every (persona, scenario) pair that has touchpoints, in persona then scenario order."""
        present = set(zip(self.touchpoints["persona"], self.touchpoints["scenario"], strict=True))
        return [
            (p, s) for p in self.ids("personas") for s in self.ids("scenarios") if (p, s) in present
        ]

    def require(self, table: str, item_id: str) -> None:
        """Refuse an id that ``table`` does not have, naming the known ones."""
        self._index(table, item_id)

    def name_of(self, table: str, item_id: str) -> str:
        """The display name of a persona, phase or scenario (its id when unnamed)."""
        frame = getattr(self, table)
        hit = frame.loc[frame["id"] == item_id, "name"]
        name = hit.iloc[0] if len(hit) else None
        return str(name) if name is not None and pd.notna(name) and str(name) else item_id

    # ------------------------------------------------------------ mutations
    def add_persona(self, id: str, name: str = "", **fields: Any) -> None:
        """Add a persona; refused when the id exists or a field is invalid."""
        self._add("personas", {"id": id, "name": name, **fields})

    def update_persona(self, id: str, /, **changes: Any) -> None:
        """Change fields of a persona (``id=`` renames it and its touchpoints' references)."""
        self._update("personas", self._index("personas", id), changes)

    def remove_persona(self, id: str, *, with_touchpoints: bool = False) -> None:
        """Remove a persona; refused while it has touchpoints unless ``with_touchpoints``."""
        self._remove("personas", id, cascade=with_touchpoints)

    def add_phase(
        self, id: str, name: str = "", *, position: int | None = None, **fields: Any
    ) -> None:
        """Add a phase at ``position`` (default: at the end)."""
        self._add("phases", {"id": id, "name": name, **fields}, position)

    def update_phase(self, id: str, /, **changes: Any) -> None:
        """Change fields of a phase (``id=`` renames it everywhere)."""
        self._update("phases", self._index("phases", id), changes)

    def remove_phase(self, id: str) -> None:
        """Remove a phase; refused while touchpoints or opportunities are in it."""
        self._remove("phases", id)

    def move_phase(self, id: str, position: int) -> None:
        """Move a phase to ``position`` (0 is first)."""
        self._move("phases", self._index("phases", id), position)

    def add_scenario(self, id: str, name: str = "") -> None:
        """Add a scenario (e.g. the desired situation, or a competitor)."""
        self._add("scenarios", {"id": id, "name": name})

    def update_scenario(self, id: str, /, **changes: Any) -> None:
        """Rename a scenario (``name=``) or change its id (``id=``)."""
        self._update("scenarios", self._index("scenarios", id), changes)

    def remove_scenario(self, id: str, *, with_touchpoints: bool = False) -> None:
        """Remove a scenario; refused while it has touchpoints, or when it is the last one."""
        if len(self.scenarios) == 1:
            raise JourneyError("a project needs at least one scenario; add another one first")
        self._remove("scenarios", id, cascade=with_touchpoints)

    def add_touchpoint(
        self,
        id: str,
        persona: str,
        phase: str,
        name: str,
        *,
        scenario: str | None = None,
        position: int | None = None,
        **fields: Any,
    ) -> None:
        """Add a touchpoint to a persona's journey (scenario default: the first one).

        ``emotion`` may be a score, a label or an emoji of the scale.
        """
        record = {"id": id, "persona": persona, "scenario": scenario or self.default_scenario}
        self._add("touchpoints", {**record, "phase": phase, "name": name, **fields}, position)

    def update_touchpoint(
        self, id: str, persona: str, /, scenario: str | None = None, **changes: Any
    ) -> None:
        """Change fields of one touchpoint of one persona's journey."""
        self._update("touchpoints", self._tp_index(id, persona, scenario), changes)

    def remove_touchpoint(self, id: str, persona: str, scenario: str | None = None) -> None:
        """Remove one touchpoint; refused while an opportunity refers to it and no other
        journey has a touchpoint with that id."""
        index = self._tp_index(id, persona, scenario)
        if (self.touchpoints["id"] == id).sum() == 1:
            self._refuse_if_referred("touchpoints", id)
        self.touchpoints = self.touchpoints.drop(index=index).reset_index(drop=True)

    def move_touchpoint(
        self, id: str, persona: str, scenario: str | None = None, step: int = -1
    ) -> None:
        """Move a touchpoint ``step`` places earlier (negative) or later within its phase."""
        index = self._tp_index(id, persona, scenario)
        row = self.touchpoints.loc[index]
        tps = self.touchpoints
        same = tps.index[
            (tps["persona"] == row["persona"])
            & (tps["scenario"] == row["scenario"])
            & (tps["phase"] == row["phase"])
        ].tolist()
        here = same.index(index)
        target = min(max(here + step, 0), len(same) - 1)
        if target != here:
            order = list(tps.index)
            order.remove(index)
            neighbour = same[target]
            at = order.index(neighbour) + (1 if target > here else 0)
            order.insert(at, index)
            self.touchpoints = tps.loc[order].reset_index(drop=True)

    def copy_journey(
        self,
        persona: str,
        scenario: str,
        to_persona: str,
        to_scenario: str,
        *,
        replace: bool = False,
    ) -> int:
        """Copy one journey's touchpoints to another persona and/or scenario as a start.

        Returns the number copied. Refused when the target already has touchpoints,
        unless ``replace``.
        """
        for table, key in (("personas", persona), ("personas", to_persona)):
            self._index(table, key)
        for key in (scenario, to_scenario):
            self._index("scenarios", key)
        if (persona, scenario) == (to_persona, to_scenario):
            raise JourneyError("choose another persona or scenario to copy to")
        tps = self.touchpoints
        target = (tps["persona"] == to_persona) & (tps["scenario"] == to_scenario)
        if target.any() and not replace:
            raise JourneyError(
                f"persona {to_persona!r} already has {int(target.sum())} touchpoints in "
                f"scenario {to_scenario!r}; remove them first or copy with replace"
            )
        source = tps[(tps["persona"] == persona) & (tps["scenario"] == scenario)].copy()
        source["persona"] = to_persona
        source["scenario"] = to_scenario
        self.touchpoints = pd.concat([tps[~target], source], ignore_index=True)
        return len(source)

    def add_opportunity(self, id: str, description: str, **fields: Any) -> None:
        """Add an opportunity (kans): description, touchpoint, phase, impact, effort, owner."""
        self._add("opportunities", {"id": id, "description": description, **fields})

    def update_opportunity(self, id: str, /, **changes: Any) -> None:
        """Change fields of an opportunity."""
        self._update("opportunities", self._index("opportunities", id), changes)

    def remove_opportunity(self, id: str) -> None:
        """Remove an opportunity."""
        self._remove("opportunities", id)

    def set_answer(self, question: str, text: str) -> None:
        """Store the answer to a review question of the template."""
        answers = dict(self.review.get("answers") or {})
        answers[question] = str(text)
        self.review = {**self.review, "answers": answers}

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Write the journey to a project file, atomically (see :func:`klantreis.save`)."""
        from .fileformat import save  # the model itself does no I/O

        return save(self, path)

    # ------------------------------------------------------------- internals
    def _index(self, table: str, item_id: str) -> int:
        frame = getattr(self, table)
        hits = frame.index[frame["id"] == item_id].tolist()
        if not hits:
            known = ", ".join(self.ids(table)) or "none yet"
            raise JourneyError(f"unknown {SINGULAR[table]} {item_id!r}; known: {known}")
        return int(hits[0])

    def _tp_index(self, id: str, persona: str, scenario: str | None) -> int:
        scenario = scenario or self.default_scenario
        tps = self.touchpoints
        hits = tps.index[
            (tps["id"] == id) & (tps["persona"] == persona) & (tps["scenario"] == scenario)
        ].tolist()
        if not hits:
            raise JourneyError(
                f"persona {persona!r} has no touchpoint {id!r} in scenario {scenario!r}"
            )
        return int(hits[0])

    def _coerce(self, table: str, values: dict[str, Any], required: bool) -> dict[str, Any]:
        known = fields_of(table)
        out: dict[str, Any] = {}
        for name, value in values.items():
            if name not in known:
                raise JourneyError(
                    f"{SINGULAR[table]} has no field {name!r}; known: {', '.join(known)}"
                )
            spec = known[name]
            try:
                if table == "touchpoints" and name == "emotion":
                    score = self.score(value)
                    out[name] = pd.NA if score is None else score
                    continue
                out[name] = coerce(spec, value)
            except FieldValueError as err:
                raise JourneyError(f"{SINGULAR[table]} field {name!r} {err}") from None
        if required:
            for spec in TABLES[table]:
                if spec.required and spec.name not in out:
                    raise JourneyError(f"{SINGULAR[table]} field {spec.name!r} is required")
        return out

    def _check_refs(self, table: str, record: dict[str, Any]) -> None:
        for spec in TABLES[table]:
            value = record.get(spec.name)
            if spec.ref and value and value not in self.ids(spec.ref):
                known = ", ".join(dict.fromkeys(self.ids(spec.ref))) or "none yet"
                raise JourneyError(
                    f"unknown {SINGULAR[spec.ref]} {value!r} in field {spec.name!r}; known: {known}"
                )

    def _check_unique(self, table: str, record: dict[str, Any], skip: int | None = None) -> None:
        frame = getattr(self, table)
        mask = frame["id"] == record["id"]
        if table == "touchpoints":
            mask &= (frame["persona"] == record["persona"]) & (
                frame["scenario"] == record["scenario"]
            )
        if skip is not None:
            mask &= frame.index != skip
        if mask.any():
            where = (
                f" for persona {record['persona']!r} in scenario {record['scenario']!r}"
                if table == "touchpoints"
                else ""
            )
            raise JourneyError(f"{SINGULAR[table]} id {record['id']!r} is already in use{where}")

    def _add(self, table: str, values: dict[str, Any], position: int | None = None) -> None:
        record = self._coerce(table, values, required=True)
        self._check_unique(table, record)
        self._check_refs(table, record)
        frame = getattr(self, table)
        row = frame_from_records(table, [record])
        at = len(frame) if position is None else max(0, min(position, len(frame)))
        parts = [p for p in (frame.iloc[:at], row, frame.iloc[at:]) if len(p)]
        setattr(self, table, pd.concat(parts, ignore_index=True) if len(parts) > 1 else row)

    def _update(self, table: str, index: int, changes: dict[str, Any]) -> None:
        frame = getattr(self, table)
        current = record_from_row(table, frame.loc[index])
        coerced = self._coerce(table, changes, required=False)
        for spec in TABLES[table]:
            if spec.required and spec.name in changes and coerced.get(spec.name) in ("", None):
                raise JourneyError(f"{SINGULAR[table]} field {spec.name!r} is required")
        merged = {**current, **coerced}
        self._check_unique(table, merged, skip=index)
        self._check_refs(table, merged)
        old_id, new_id = current["id"], merged["id"]
        for name, value in coerced.items():
            spec = fields_of(table)[name]
            frame.at[index, name] = (
                list(value)
                if isinstance(value, list)
                else (pd.NA if value is None and spec.kind == INT else value)
            )
        if new_id != old_id and not (table == "touchpoints" and (frame["id"] == old_id).any()):
            for ref_table, column in REFERRERS[table]:
                ref_frame = getattr(self, ref_table)
                ref_frame.loc[ref_frame[column] == old_id, column] = new_id

    def _remove(self, table: str, item_id: str, cascade: bool = False) -> None:
        index = self._index(table, item_id)
        if cascade:
            tps = self.touchpoints
            column = SINGULAR[table]
            keep = tps[tps[column] != item_id]
            gone = set(tps.loc[tps[column] == item_id, "id"]) - set(keep["id"])
            used = sorted(gone & set(self.opportunities["touchpoint"]))
            if used:
                raise JourneyError(
                    f"{SINGULAR[table]} {item_id!r} has touchpoints that opportunities refer "
                    f"to ({', '.join(used)}); move or remove those opportunities first"
                )
            self.touchpoints = keep.reset_index(drop=True)
        self._refuse_if_referred(table, item_id)
        setattr(self, table, getattr(self, table).drop(index=index).reset_index(drop=True))

    def _refuse_if_referred(self, table: str, item_id: str) -> None:
        for ref_table, column in REFERRERS[table]:
            count = int((getattr(self, ref_table)[column] == item_id).sum())
            if count:
                raise JourneyError(
                    f"{SINGULAR[table]} {item_id!r} still has {count} {ref_table}; "
                    f"move or remove those first"
                )

    def _move(self, table: str, index: int, position: int) -> None:
        frame = getattr(self, table)
        order = [i for i in frame.index if i != index]
        order.insert(max(0, min(position, len(order))), index)
        setattr(self, table, frame.loc[order].reset_index(drop=True))
