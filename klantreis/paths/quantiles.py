"""Exact quantiles of many values in bounded memory: the hours from each path step to
the next, per (persona, map position), of a log of any size.

The values (float32, never negative) are written to a file as they come, beside a small
integer key. A quantile needs one or two values at known ranks of a key's sorted values;
they are found in three passes over the file, each narrowing the value's bit pattern by
11 bits with a histogram (for non-negative floats the bit patterns sort as the values
do). Memory is one block of the file plus a histogram of 2,048 counts per wanted rank,
whatever the number of values. The result equals ``np.quantile`` (linear method) of
the values as float64, to the last bit.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path

import numpy as np

RECORD = np.dtype([("key", "i4"), ("value", "f4")])
#: Records read from the file at a time (8 bytes each: 8 MB).
BLOCK = 1 << 20
_PASSES = ((21, 11), (10, 11), (0, 10))  # (shift, bits) of each pass, high bits first


class ValueFile:
    """Values per integer key ``0 <= key < keys``, appended in batches to ``path`` (or
    kept in memory when ``path`` is None), and their exact quantiles."""

    def __init__(self, keys: int, path: Path | None = None) -> None:
        self.keys = keys
        self.path = path
        self.counts = np.zeros(keys, dtype=np.int64)
        self._kept: list[np.ndarray] = []

    def add(self, key: np.ndarray, value: np.ndarray) -> None:
        """Append values (``value[i]`` under ``key[i]``)."""
        if not len(key):
            return
        records = np.empty(len(key), dtype=RECORD)
        records["key"], records["value"] = key, value
        self.counts += np.bincount(records["key"], minlength=self.keys)
        if self.path is None:
            self._kept.append(records)
            return
        with self.path.open("ab") as handle:
            records.tofile(handle)

    def blocks(self) -> Iterator[np.ndarray]:
        """The values as they were added, in blocks of records (``key``, ``value``)."""
        if self.path is None:
            return iter(self._kept)
        return _read_blocks(self.path)

    def quantiles(self, qs: tuple[float, ...]) -> list[list[float | None]]:
        """Per key, the quantile ``q`` of its values for every ``q`` in ``qs`` (None: the
        key has no values)."""
        wanted: dict[tuple[int, int], None] = {}
        for k in np.flatnonzero(self.counts).tolist():
            n = int(self.counts[k])
            for q in qs:
                lo, hi, _ = _ranks(n, q)
                wanted[(k, lo)] = wanted[(k, hi)] = None
        found = self._select(list(wanted))
        out: list[list[float | None]] = []
        for key in range(self.keys):
            n = int(self.counts[key])
            row: list[float | None] = []
            for q in qs:
                if not n:
                    row.append(None)
                    continue
                lo, hi, gamma = _ranks(n, q)
                row.append(_lerp(found[(key, lo)], found[(key, hi)], gamma))
            out.append(row)
        return out

    def _select(self, wanted: list[tuple[int, int]]) -> dict[tuple[int, int], float]:
        """The value of rank ``rank`` (0-based, in sorted order) of key ``key`` for every
        ``(key, rank)``, by three histogram passes over the values' bit patterns."""
        if not wanted:
            return {}
        keys = np.array([k for k, _ in wanted], dtype=np.int64)
        ranks = np.array([r for _, r in wanted], dtype=np.int64)
        prefix = np.zeros(len(wanted), dtype=np.int64)  # the bits found so far
        for shift, bits in _PASSES:
            # the groups: (key, prefix so far) shared by some wanted ranks
            group_code = keys << 32 | prefix
            groups, slot = np.unique(group_code, return_inverse=True)
            hist = np.zeros(len(groups) << bits, dtype=np.int64)
            for block in self.blocks():
                pattern = block["value"].view(np.uint32).astype(np.int64)
                code = block["key"].astype(np.int64) << 32 | (pattern >> (shift + bits) << (shift + bits))
                where = np.searchsorted(groups, code)
                where[where == len(groups)] = 0
                hit = groups[where] == code
                digit = (pattern[hit] >> shift) & ((1 << bits) - 1)
                hist += np.bincount(where[hit] << bits | digit, minlength=len(hist))
            table = hist.reshape(len(groups), 1 << bits).cumsum(axis=1)
            for i in range(len(wanted)):
                # values below this group's prefix were counted in earlier passes
                row = table[slot[i]]
                digit = int(np.searchsorted(row, ranks[i], side="right"))
                ranks[i] -= int(row[digit - 1]) if digit else 0
                prefix[i] |= digit << shift
        values = prefix.astype(np.uint32).view(np.float32).astype(np.float64)
        return {w: float(v) for w, v in zip(wanted, values, strict=True)}


def _read_blocks(path: Path) -> Iterator[np.ndarray]:
    with path.open("rb") as handle:
        while True:
            block = np.fromfile(handle, dtype=RECORD, count=BLOCK)
            if not len(block):
                return
            yield block


def _ranks(n: int, q: float) -> tuple[int, int, float]:
    """The two ranks and the weight numpy's linear quantile uses for ``n`` values."""
    virtual = (n - 1) * np.float64(q)
    if virtual >= n - 1:
        return n - 1, n - 1, 0.0
    below = max(math.floor(virtual), 0)
    return below, below + 1, float(virtual - below)


def _lerp(a: float, b: float, t: float) -> float:
    """numpy's ``_lerp``: the same float64 operations, so the same last bit."""
    diff = np.float64(b) - np.float64(a)
    if t >= 0.5:
        return float(np.float64(b) - diff * (1 - np.float64(t)))
    return float(np.float64(a) + diff * np.float64(t))
