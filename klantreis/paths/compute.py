"""The path of every case and how it deviates from the map, computed with numpy on one
batch of coded events (every event of a case is in the same batch; see
:mod:`klantreis.paths.stream`). The definitions are those of docs/evidence.md
("Observed journeys"):

- duplicates (same case, time and event) count once;
- a case's path is its mapped touchpoints in time order (ties in file order) with
  consecutive repeats collapsed;
- one class per case, tested in this order: irregular, adhoc, missing, conforming.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from .quantiles import ValueFile
from .variants import VariantCounts

CLASSES = ("conforming", "missing", "irregular", "adhoc")
CONFORMING, MISSING, IRREGULAR, ADHOC = range(4)
NS_PER_HOUR = 3_600_000_000_000


@dataclass(frozen=True)
class MapOrder:
    """One persona's map: ``ids`` its touchpoints in journey order; ``observed[i]`` and
    ``main[i]`` whether an event maps to touchpoint i and whether it is a main one."""

    ids: list[str]
    observed: np.ndarray
    main: np.ndarray

    @property
    def checked(self) -> np.ndarray:
        """Cumulative count of main observable touchpoints up to each position (with a
        leading 0), for the 'missing' test."""
        return np.concatenate([[0], np.cumsum(self.observed & self.main)])


@dataclass
class Batch:
    """Coded events, one entry per readable row: ``persona`` index, ``case`` (a 64-bit
    hash of the case id), ``time`` (ns), ``order`` (row number in the file), ``event``
    (global id of the event name and page) and ``target`` (global touchpoint code, -1:
    not mapped)."""

    persona: np.ndarray
    case: np.ndarray
    time: np.ndarray
    order: np.ndarray
    event: np.ndarray
    target: np.ndarray

    def take(self, index: np.ndarray) -> Batch:
        """The entries at ``index``."""
        return Batch(
            *(getattr(self, n)[index] for n in ("persona", "case", "time", "order", "event", "target"))
        )

    @staticmethod
    def concat(batches: list[Batch]) -> Batch:
        """The batches as one."""
        names = ("persona", "case", "time", "order", "event", "target")
        return Batch(*(np.concatenate([getattr(b, n) for b in batches]) for n in names))


@dataclass
class Tally:
    """The aggregates of every batch so far, per persona index."""

    maps: list[MapOrder]
    cases: np.ndarray = field(init=False)
    classes: np.ndarray = field(init=False)
    duplicates: np.ndarray = field(init=False)
    reached: list[np.ndarray] = field(init=False)
    follows: list[np.ndarray] = field(init=False)
    variants: VariantCounts = field(init=False)
    unmapped: list[Counter[int]] = field(init=False)
    gaps: ValueFile = field(init=False)
    quantiles: list[list[float | None]] | None = field(init=False, default=None)
    first: int | None = None
    last: int | None = None

    def __post_init__(self) -> None:
        n = len(self.maps)
        self.cases = np.zeros(n, dtype=np.int64)
        self.classes = np.zeros((n, len(CLASSES)), dtype=np.int64)
        self.duplicates = np.zeros(n, dtype=np.int64)
        self.reached = [np.zeros(len(m.ids), dtype=np.int64) for m in self.maps]
        self.follows = [np.zeros((len(m.ids), len(m.ids)), dtype=np.int64) for m in self.maps]
        self.unmapped = [Counter() for _ in self.maps]
        self.gaps = ValueFile(len(self.maps) * self.width)
        self.variants = VariantCounts(len(self.maps), self.width)

    @property
    def width(self) -> int:
        """Map positions per persona in the keys of :attr:`gaps`: the longest map's size."""
        return max((len(m.ids) for m in self.maps), default=1)

    def spill_gaps(self, path: Path) -> None:
        """Write the hours to the next touchpoint to ``path`` rather than keep them."""
        self.gaps = ValueFile(len(self.maps) * self.width, path)

    def hours_to_next(self, persona: int) -> list[tuple[float | None, float | None]]:
        """Per touchpoint position of ``persona``'s map, the median and 90th percentile
        of the hours to the next touchpoint of every path step that leaves it (exact, as
        ``np.quantile``; None when no step leaves it)."""
        self.finish()
        assert self.quantiles is not None
        first = persona * self.width
        return [(q[0], q[1]) for q in self.quantiles[first : first + len(self.maps[persona].ids)]]

    def add(self, other: Tally) -> None:
        """Add the tally of other cases of the same maps (another partition's)."""
        self.cases += other.cases
        self.classes += other.classes
        self.duplicates += other.duplicates
        for mine, theirs in ((self.reached, other.reached), (self.follows, other.follows)):
            for p, counts in enumerate(theirs):
                mine[p] += counts
        for p, unmapped in enumerate(other.unmapped):
            self.unmapped[p].update(unmapped)
        self.variants.merge(other.variants)
        for block in other.gaps.blocks():
            self.gaps.add(block["key"], block["value"])
        for t in (other.first, other.last):
            if t is not None:
                self.first = t if self.first is None else min(self.first, t)
                self.last = t if self.last is None else max(self.last, t)

    def finish(self) -> None:
        """Compute the quantiles of the hours to the next touchpoint (before a spilled
        file of them is removed)."""
        if self.quantiles is None:
            self.quantiles = self.gaps.quantiles((0.5, 0.9))


def positions(maps: list[MapOrder], targets: list[str]) -> np.ndarray:
    """``table[persona, code + 1]``: the position on that persona's map of the global
    touchpoint code (-1: not on its map; column 0 is for unmapped events)."""
    table = np.full((len(maps), len(targets) + 1), -1, dtype=np.int64)
    for p, m in enumerate(maps):
        where = {tp: i for i, tp in enumerate(m.ids)}
        for code, tp in enumerate(targets):
            table[p, code + 1] = where.get(tp, -1)
    return table


def tally_batch(tally: Tally, batch: Batch, table: np.ndarray) -> None:
    """Add the cases of ``batch`` (all events of each of its cases) to ``tally``."""
    if not len(batch.case):
        return
    times = batch.time
    tally.first = int(times.min()) if tally.first is None else min(tally.first, int(times.min()))
    tally.last = int(times.max()) if tally.last is None else max(tally.last, int(times.max()))
    b = batch if (np.diff(batch.order) > 0).all() else batch.take(np.argsort(batch.order, kind="stable"))
    # one key per (persona, case): the case hash mixed with the persona
    key = b.case ^ (b.persona.astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15))
    # duplicates: the same persona, case, time and event count once (the first in the file)
    dup = pd.DataFrame({"key": key, "time": b.time, "event": b.event}).duplicated().to_numpy()
    np.add.at(tally.duplicates, b.persona[dup], 1)
    keep = np.flatnonzero(~dup)
    b, key = b.take(keep), key[keep]
    # by case, then time; lexsort is stable, so ties keep the file's order
    index = np.lexsort((b.time, key))
    b, key = b.take(index), key[index]
    pos = table[b.persona, b.target + 1]
    new_case = np.ones(len(pos), dtype=bool)
    new_case[1:] = key[1:] != key[:-1]
    case_of = np.cumsum(new_case) - 1
    n_cases = int(case_of[-1]) + 1
    case_persona = b.persona[new_case]
    mapped = pos >= 0
    loose_persona, loose_event = b.persona[~mapped], b.event[~mapped]
    for lp in np.flatnonzero(np.bincount(loose_persona)).tolist():
        counts = np.bincount(loose_event[loose_persona == lp])
        events = np.flatnonzero(counts)
        tally.unmapped[lp].update(dict(zip(events.tolist(), counts[events].tolist(), strict=True)))
    rows = np.flatnonzero(mapped)
    if not len(rows):
        return
    mc, mp = case_of[rows], pos[rows]
    # first and last mapped row of each case, for ad-hoc events between them
    has_path = np.zeros(n_cases, dtype=bool)
    has_path[mc] = True
    first_row = np.full(n_cases, -1)
    last_row = np.full(n_cases, -1)
    starts = np.ones(len(rows), dtype=bool)
    starts[1:] = mc[1:] != mc[:-1]
    ends = np.ones(len(rows), dtype=bool)
    ends[:-1] = mc[1:] != mc[:-1]
    first_row[mc[starts]] = rows[starts]
    last_row[mc[ends]] = rows[ends]
    loose = np.flatnonzero(~mapped)
    lc = case_of[loose]
    inside = has_path[lc] & (loose > first_row[lc]) & (loose < last_row[lc])
    adhoc = np.zeros(n_cases, dtype=bool)
    adhoc[lc[inside]] = True
    # the path: consecutive repeats collapsed, each step at its first event's time
    keep = starts.copy()
    keep[1:] |= mp[1:] != mp[:-1]
    pc, pp, pt = mc[keep], mp[keep], b.time[rows][keep]
    same = pc[1:] == pc[:-1]
    irregular = np.zeros(n_cases, dtype=bool)
    irregular[pc[1:][same & (pp[1:] < pp[:-1])]] = True
    # missing: a main observable touchpoint between the first and last step is absent
    path_start = np.flatnonzero(np.r_[True, ~same])
    path_end = np.r_[path_start[1:], len(pc)]
    cases = pc[path_start]
    personas = case_persona[cases]
    checked = [m.checked for m in tally.maps]
    missing = np.zeros(n_cases, dtype=bool)
    step_checked = np.zeros(len(pp), dtype=np.int64)
    for p, m in enumerate(tally.maps):
        on = case_persona[pc] == p
        step_checked[on] = (m.observed & m.main)[pp[on]]
    per_case_checked = np.add.reduceat(step_checked, path_start) if len(pp) else np.zeros(0, dtype=np.int64)
    first_pos, last_pos = pp[path_start], pp[path_end - 1]
    for p in range(len(tally.maps)):
        on = personas == p
        span = checked[p][last_pos[on] + 1] - checked[p][first_pos[on]]
        missing[cases[on]] = span > per_case_checked[on]
    cls = np.full(n_cases, CONFORMING)
    cls[missing] = MISSING
    cls[adhoc] = ADHOC
    cls[irregular] = IRREGULAR
    for p in range(len(tally.maps)):
        on = personas == p
        tally.cases[p] += int(on.sum())
        tally.classes[p] += np.bincount(cls[cases[on]], minlength=len(CLASSES))
        size = len(tally.maps[p].ids)
        steps = case_persona[pc] == p
        seen = distinct(pc[steps] * size + pp[steps])
        tally.reached[p] += np.bincount(seen % size, minlength=size)
        pair = same & steps[1:]
        tally.follows[p] += np.bincount(pp[:-1][pair] * size + pp[1:][pair], minlength=size * size).reshape(
            size, size
        )
    pair = np.flatnonzero(same)
    hours = ((pt[pair + 1] - pt[pair]) / NS_PER_HOUR).astype(np.float32)
    tally.gaps.add(case_persona[pc[pair]] * tally.width + pp[pair], hours)
    tally.variants.add(pp, path_start, path_end, personas)


def distinct(values: np.ndarray) -> np.ndarray:
    """The distinct values, sorted. (``np.unique`` without counts takes a hash-based
    path in numpy 2.3+ that is tens of times slower than sorting on large int arrays.)"""
    ordered = np.sort(values)
    if not len(ordered):
        return ordered
    return ordered[np.r_[True, ordered[1:] != ordered[:-1]]]
