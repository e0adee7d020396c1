"""What an import may attach figures to: the journey's personas, touchpoints and phases
in one scenario, with which (persona, touchpoint) pairs exist and in which order they
come. Read from the public Journey API only; the journey is never changed."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ..model import Journey
from . import values

TOUCHPOINT = "touchpoint"
PHASE = "phase"
#: A figure of the whole journey (an NPS per persona): neither touchpoint nor phase.
JOURNEY = "journey"


@dataclass(frozen=True, order=True)
class Target:
    """Where a figure belongs: a touchpoint id, a phase id or the journey (id "")."""

    kind: str
    id: str


@dataclass
class Scope:
    """The personas, touchpoints and phases of ``journey`` in ``scenario``.

    ``targets`` grows as importers ask for indexes; :meth:`valid` tells which
    (persona, target) pairs exist in the journey of that persona and scenario.
    """

    journey: Journey
    scenario: str
    personas: list[str] = field(init=False)
    touchpoints: list[str] = field(init=False)
    phases: list[str] = field(init=False)
    targets: list[Target] = field(init=False, default_factory=list)
    _index: dict[Target, int] = field(init=False, default_factory=dict)
    _pairs: set[tuple[str, str]] = field(init=False)
    _order: dict[tuple[str, Target | None], tuple[int, int]] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        j = self.journey
        self.personas = j.ids("personas")
        self.phases = j.ids("phases")
        self.touchpoints = list(dict.fromkeys(j.ids("touchpoints")))
        tps = j.touchpoints
        rows = tps[tps["scenario"] == self.scenario]
        self._pairs = set(zip(rows["persona"].astype(str), rows["id"].astype(str), strict=True))

    # ------------------------------------------------------------ lookups
    def index(self, target: Target) -> int:
        """The index of ``target`` in :attr:`targets` (added when new)."""
        if target not in self._index:
            self._index[target] = len(self.targets)
            self.targets.append(target)
        return self._index[target]

    def valid(self) -> np.ndarray:
        """``valid[persona, target]``: the target is in that persona's journey (phases
        and the journey always are)."""
        matrix = np.zeros((len(self.personas), max(len(self.targets), 1)), dtype=bool)
        for t, target in enumerate(self.targets):
            for p, persona in enumerate(self.personas):
                matrix[p, t] = target.kind in (PHASE, JOURNEY) or (persona, target.id) in self._pairs
        return matrix

    def order(self, persona: str, target: Target) -> tuple[int, int, int, str]:
        """Sort key: persona order, then the journey order of the target (a phase
        before its touchpoints; the whole journey first)."""
        if target.kind == JOURNEY:
            return (self.personas.index(persona), -1, 0, "")
        if (persona, None) not in self._order:
            self._learn_order(persona)
        rank = self._order.get((persona, target), (len(self.phases) + 1, 0))
        return (self.personas.index(persona), *rank, target.id)

    def _learn_order(self, persona: str) -> None:
        phase_rank = {p: i for i, p in enumerate(self.phases)}
        self._order[(persona, None)] = (0, 0)
        for phase in self.phases:
            self._order[(persona, Target(PHASE, phase))] = (phase_rank[phase], 0)
        steps = self.journey.journey(persona, self.scenario)
        for step, tp, phase in zip(steps["step"], steps["id"], steps["phase"], strict=True):
            rank = phase_rank.get(str(phase), len(self.phases))
            self._order[(persona, Target(TOUCHPOINT, str(tp)))] = (rank, int(step))

    # ------------------------------------------------------------ matching ids
    def id_keys(self, allow_phase: bool) -> dict[str, Target]:
        """Matching keys of the touchpoint ids (and phase ids), for files without a
        mapping: a value equal to an id (case and spaces aside) is that id."""
        keys: dict[str, Target] = {}
        if allow_phase:
            keys.update({values.key(p) or p: Target(PHASE, p) for p in self.phases})
        keys.update({values.key(t) or t: Target(TOUCHPOINT, t) for t in self.touchpoints})
        return keys

    def persona_keys(self) -> dict[str, str]:
        """Matching keys of the persona ids and names -> persona id."""
        keys: dict[str, str] = {}
        for pid in self.personas:
            for name in (self.journey.name_of("personas", pid), pid):
                k = values.key(name)
                if k:
                    keys[k] = pid
        return keys
