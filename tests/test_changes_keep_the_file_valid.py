"""No change can make the project file invalid: random sequences of every public change
(add, update, rename, remove and move records, copy a journey with and without
replacing, template fields, the project's own fields, replacing a whole table,
evidence import and removal) are applied as a notebook applies them, each followed by
a save; after every save the file loads, validates and is written back byte for byte,
and holds what the notebook holds."""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

import klantreis
from klantreis import JourneyError, dumps, loads, new_journey, to_dict
from klantreis.evidence.storing import import_file, remove_source
from klantreis.fields import STATUSES, TABLES
from klantreis.session import ProjectSession

PERSONAS = ["p1", "p2", "p3"]
SCENARIOS = ["huidig", "gewenst", "s3"]
PHASES = ["verwachtingen", "ervaringen", "engagement", "f4"]
TOUCHPOINTS = ["a", "b", "c", "d"]
OPPORTUNITIES = ["o1", "o2"]
SOURCES = ["golf-a", "golf-b"]

persona = st.sampled_from(PERSONAS)
scenario = st.sampled_from(SCENARIOS)
phase = st.sampled_from(PHASES)
touchpoint = st.sampled_from(TOUCHPOINTS)
#: what people type: Dutch compounds, YAML keywords, emoji, numbers and ranges, lines
text = st.sampled_from([
    "", "Balie", "ja", "yes", "no", "true", "Off", "~", "null", "3", "1-3 dagen", "5/7",
    "inschrijf-/betaalpagina", "😀👩‍👩‍👧", "zorgverzekeringsmaatschappij", "a: b", "# niet", "- lijst",
    "twee\nregels", " spatie ", "'quote'",
])  # fmt: skip
emotion = st.one_of(st.none(), st.integers(0, 6), st.sampled_from(["positief", "😐", "boos"]))


def _start(folder: Path) -> Path:
    """A project with the method of Michels (template fields on touchpoints), two
    personas with touchpoints in two scenarios and an opportunity."""
    journey = new_journey("michels", title="Bibliotheek")
    journey.add_persona("p1", "Pien")
    journey.add_persona("p2", "Piet")
    for i, (tid, who, where) in enumerate([("a", "p1", "huidig"), ("b", "p1", "huidig"),
                                           ("a", "p2", "huidig"), ("c", "p2", "gewenst")]):  # fmt: skip
        journey.add_touchpoint(tid, who, PHASES[i % 3], f"Touchpoint {tid}", scenario=where, emotion=3)
    journey.add_opportunity("o1", "Sneller lenen", touchpoint="b", phase="ervaringen")
    path = folder / "reis.yaml"
    klantreis.save(journey, path)
    return path


class EveryChangeKeepsTheFileValid(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="klantreis-changes-"))
        self.path = _start(self.folder)
        self.session = ProjectSession.open(self.path)
        self.saves = 0

    def teardown(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)

    # ------------------------------------------------------------ helpers
    @property
    def journey(self) -> klantreis.Journey:
        return self.session.journey

    def change(self, change: Any) -> None:
        """Apply a change as a form does (a refusal changes nothing) and save."""
        with contextlib.suppress(JourneyError):  # refused: the session's journey stays as it was
            self.session.apply(change)
        self.session.save()
        self.saves += 1

    def pick(self, data: st.DataObject, table: str, pool: list[str]) -> str:
        """Mostly an id ``table`` has, sometimes any id of ``pool`` (maybe unknown)."""
        ids = sorted(set(self.journey.ids(table)))
        known = bool(ids) and data.draw(st.integers(0, 4)) > 0
        return data.draw(st.sampled_from(ids if known else pool))

    def existing(self, data: st.DataObject, table: str) -> tuple[str, ...] | None:
        """The key of a record of ``table`` that exists, or None when there is none."""
        records = self.journey.records(table)
        if not records:
            return None
        record = data.draw(st.sampled_from(records))
        return TABLES[table].key_of(record)

    # ----------------------------------------------------- the project's own
    @rule(field=st.sampled_from(["title", "goal", "owner", "status", "start", "end", "notes", "answer"]),
          value=st.one_of(text, st.sampled_from(STATUSES)))  # fmt: skip
    def set_text(self, field: str, value: str) -> None:
        setters = {
            "title": lambda j: j.set_title(value), "goal": lambda j: j.set_goal(value),
            "owner": lambda j: j.set_owner(value), "status": lambda j: j.set_status(value),
            "start": lambda j: j.set_scope(start=value), "end": lambda j: j.set_scope(end=value),
            "notes": lambda j: j.set_review_notes(value),
            "answer": lambda j: j.set_answer("verbeterpunten", value),
        }  # fmt: skip
        self.change(setters[field])

    @rule(value=st.one_of(st.none(), st.floats(-1, 12, allow_nan=False), st.sampled_from([0.5, 1.0, 0.25])))
    def set_min_difference(self, value: float | None) -> None:
        self.change(lambda j: j.set_min_difference(value))

    # ----------------------------------------------- personas, phases, scenarios
    @rule(table=st.sampled_from(["personas", "phases", "scenarios"]),
          id=st.sampled_from(PERSONAS + PHASES + SCENARIOS), name=text,
          position=st.one_of(st.none(), st.integers(0, 3)))  # fmt: skip
    def add_record(self, table: str, id: str, name: str, position: int | None) -> None:
        self.change(lambda j: j.add(table, {"id": id, "name": name}, position))

    @rule(data=st.data(), table=st.sampled_from(["personas", "phases", "scenarios"]),
          new_id=st.one_of(st.none(), st.sampled_from(PERSONAS + PHASES + SCENARIOS)), name=text)  # fmt: skip
    def update_or_rename(self, data: st.DataObject, table: str, new_id: str | None, name: str) -> None:
        key = self.existing(data, table)
        if key is not None:
            changes = {"name": name} if new_id is None else {"id": new_id}
            self.change(lambda j: j.update(table, key, **changes))

    @rule(data=st.data(), table=st.sampled_from(["personas", "phases", "scenarios", "opportunities"]),
          with_dependants=st.booleans())  # fmt: skip
    def remove_record(self, data: st.DataObject, table: str, with_dependants: bool) -> None:
        key = self.existing(data, table)
        if key is not None:
            self.change(lambda j: j.remove(table, key, with_dependants=with_dependants))

    @rule(data=st.data(), position=st.integers(0, 4))
    def move_phase(self, data: st.DataObject, position: int) -> None:
        key = self.existing(data, "phases")
        if key is not None:
            self.change(lambda j: j.move_phase(key[0], position))

    # ------------------------------------------------------------ touchpoints
    @rule(data=st.data(), id=touchpoint, name=text, feeling=emotion, critical=st.booleans(),
          online=st.sampled_from([None, True, False, "ja", "misschien"]))  # fmt: skip
    def add_touchpoint(self, data: st.DataObject, id: str, name: str, feeling: Any, critical: bool,
                       online: Any) -> None:  # fmt: skip
        who = self.pick(data, "personas", PERSONAS)
        where = self.pick(data, "scenarios", SCENARIOS)
        in_phase = self.pick(data, "phases", PHASES)
        values = {"scenario": where, "emotion": feeling, "critical": critical, "online": online}
        self.change(lambda j: j.add_touchpoint(id, who, in_phase, name or "Naamloos", **values))

    @rule(data=st.data(), field=st.sampled_from(["id", "phase", "name", "why", "emotion", "channel"]),
          value=st.one_of(text, touchpoint, phase, emotion))  # fmt: skip
    def update_touchpoint(self, data: st.DataObject, field: str, value: Any) -> None:
        key = self.existing(data, "touchpoints")
        if key is not None:
            self.change(lambda j: j.update_touchpoint(*key, **{field: value}))

    @rule(data=st.data())
    def remove_touchpoint(self, data: st.DataObject) -> None:
        key = self.existing(data, "touchpoints")
        if key is not None:
            self.change(lambda j: j.remove_touchpoint(*key))

    @rule(data=st.data(), step=st.sampled_from([-2, -1, 1, 2]))
    def move_touchpoint(self, data: st.DataObject, step: int) -> None:
        key = self.existing(data, "touchpoints")
        if key is not None:
            self.change(lambda j: j.move_touchpoint(*key, step=step))

    @rule(data=st.data(), replace=st.booleans())
    def copy_journey(self, data: st.DataObject, replace: bool) -> None:
        """Copy a journey onto another one, mostly one that has touchpoints already."""
        pairs = st.tuples(persona, scenario)
        journeys = self.journey.journeys()
        origin = data.draw(st.sampled_from(journeys) if journeys else pairs)
        to = data.draw(st.one_of(st.sampled_from(journeys), pairs) if journeys else pairs)
        self.change(lambda j: j.copy_journey(*origin, *to, replace=replace))

    @rule(data=st.data(), field=st.sampled_from(["ttsc", "memorabel", "onbekend"]),
          value=st.sampled_from([None, "", "touch", "TELL", "ja", True, False, "nee", "?"]))  # fmt: skip
    def set_extra(self, data: st.DataObject, field: str, value: Any) -> None:
        key = self.existing(data, "touchpoints")
        if key is not None:
            self.change(lambda j: j.set_extra("touchpoints", key, field, value))

    @rule(data=st.data(), drop=st.booleans())
    def assign_table(self, data: st.DataObject, drop: bool) -> None:
        """``journey.touchpoints = frame``, as a script does, with or without a row."""
        table = data.draw(st.sampled_from(["touchpoints", "personas", "opportunities"]))

        def assign(j: klantreis.Journey) -> None:
            frame = getattr(j, table)
            setattr(j, table, frame.iloc[1:] if drop and len(frame) else frame)

        self.change(assign)

    # ---------------------------------------------------------- opportunities
    @rule(data=st.data(), id=st.sampled_from(OPPORTUNITIES), impact=st.sampled_from([None, 1, 5, 6, "3"]))
    def add_opportunity(self, data: st.DataObject, id: str, impact: Any) -> None:
        """An opportunity on a touchpoint, of every journey or (persona given) of one."""
        linked = self.pick(data, "touchpoints", TOUCHPOINTS)
        whose = self.pick(data, "personas", PERSONAS) if data.draw(st.booleans()) else None
        values = {"touchpoint": linked, "phase": self.pick(data, "phases", PHASES), "persona": whose}
        self.change(lambda j: j.add_opportunity(id, "Beter", impact=impact, **values))

    @rule(data=st.data(), unlink=st.booleans())
    def relink_opportunity(self, data: st.DataObject, unlink: bool) -> None:
        key = self.existing(data, "opportunities")
        linked = None if unlink else self.pick(data, "touchpoints", TOUCHPOINTS)
        if key is not None:
            self.change(lambda j: j.update_opportunity(key[0], touchpoint=linked))

    # --------------------------------------------------------------- evidence
    @rule(data=st.data(), sid=st.sampled_from(SOURCES), size=st.integers(1, 6))
    def import_survey(self, data: st.DataObject, sid: str, size: int) -> None:
        """A survey wave, mostly about touchpoints the journey has."""
        csv = self.folder / f"{sid}.csv"
        lines = []
        for i in range(size):
            key = self.existing(data, "touchpoints") if data.draw(st.integers(0, 4)) else None
            tid, who = key[:2] if key else (data.draw(touchpoint), data.draw(persona))
            lines.append(f"r{i},{who},{tid},{data.draw(st.integers(1, 5))}")
        csv.write_text("respondent,persona,touchpoint,score\n" + "\n".join(lines) + "\n", encoding="utf-8")
        self.change(lambda j: import_file(j, "survey", csv, source=sid, imported="2026-05-01"))

    @precondition(lambda self: self.journey.ids("sources"))
    @rule(data=st.data())
    def remove_source(self, data: st.DataObject) -> None:
        sid = self.pick(data, "sources", SOURCES)
        self.change(lambda j: remove_source(j, sid))

    # ------------------------------------------------------------- the check
    @invariant()
    def the_file_loads_validates_and_round_trips(self) -> None:
        text = self.path.read_text(encoding="utf-8")
        journey = loads(text, str(self.path))  # parses and validates every rule
        assert dumps(journey) == text, "the file is not written back byte for byte"
        assert to_dict(journey) == to_dict(self.journey), "the file does not hold what the session holds"
        assert to_dict(klantreis.load(self.path)) == to_dict(journey)


EveryChangeKeepsTheFileValid.TestCase.settings = settings(
    max_examples=40, stateful_step_count=25, deadline=None, derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)  # fmt: skip
test_every_change_keeps_the_file_valid = EveryChangeKeepsTheFileValid.TestCase


def test_the_changes_reach_every_kind_of_change() -> None:
    """The machine's rules cover the public changes a journey has (a new named change
    needs a rule here, else this test fails)."""
    machine_rules = set(vars(EveryChangeKeepsTheFileValid))
    changes = {name for name in dir(klantreis.Journey) if name.split("_")[0] in
               ("add", "update", "remove", "move", "copy", "set")}  # fmt: skip
    covered = {
        "add", "add_persona", "add_phase", "add_scenario", "add_touchpoint", "add_opportunity",
        "update", "update_persona", "update_phase", "update_scenario", "update_touchpoint",
        "update_opportunity", "remove", "remove_persona", "remove_phase", "remove_scenario",
        "remove_touchpoint", "remove_opportunity", "move", "move_phase", "move_touchpoint",
        "copy_journey", "set_extra", "set_title", "set_goal", "set_owner", "set_status",
        "set_min_difference", "set_scope", "set_answer",
        "set_review_notes",
    }  # fmt: skip
    assert changes <= covered, f"no rule for {sorted(changes - covered)}"
    assert {"copy_journey", "set_extra", "import_survey", "remove_source", "assign_table"} <= machine_rules
