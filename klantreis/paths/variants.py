"""The distinct paths (variants) of a log with their counts, kept compact: a path short
enough is coded exactly as one integer (its map positions + 1 as the digits of a number
in base ``size``, the longest map's size + 1), so a variant costs 16 bytes (code and
count) in a numpy array, not a Python object; only the rare longer paths are kept as
bytes in a Counter. Memory grows with the number of distinct paths, never with the
number of cases or rows.
"""

from __future__ import annotations

import math
from collections import Counter

import numpy as np

#: Paths with the same count compared at a time to find the first ones.
TIE_BLOCK = 100_000


class VariantCounts:
    """Counts of distinct paths per persona index."""

    def __init__(self, personas: int, size: int) -> None:
        self.size = max(size, 1) + 1
        #: The most steps a path coded as one integer can have: size ** longest < 2 ** 62.
        self.longest = max(1, int(62 // math.log2(self.size)))
        self.codes = [np.zeros(0, dtype=np.int64) for _ in range(personas)]
        self.counts = [np.zeros(0, dtype=np.int64) for _ in range(personas)]
        self.long: list[Counter[bytes]] = [Counter() for _ in range(personas)]

    def add(self, steps: np.ndarray, start: np.ndarray, end: np.ndarray, personas: np.ndarray) -> None:
        """Count the paths ``steps[start[i]:end[i]]`` (map positions) of cases of
        persona index ``personas[i]``."""
        length = end - start
        short = length <= self.longest
        if not short.all():
            raw = steps.astype(np.int16).tobytes()
            for i in np.flatnonzero(~short).tolist():
                self.long[int(personas[i])][raw[2 * start[i] : 2 * end[i]]] += 1
        if not short.any():
            return
        case_of_step = np.repeat(np.arange(len(length)), length)
        place = np.minimum(np.arange(len(steps)) - start[case_of_step], self.longest)
        digit = (steps + 1).astype(np.int64) * np.power(np.int64(self.size), place.astype(np.int64))
        digit[~short[case_of_step]] = 0
        code = np.add.reduceat(digit, start)
        for p in np.flatnonzero(np.bincount(personas[short])).tolist():
            mine = short & (personas == p)
            self._fold(p, code[mine], np.ones(int(mine.sum()), dtype=np.int64))

    def merge(self, other: VariantCounts) -> None:
        """Add the counts of ``other`` (same personas and map size)."""
        for p in range(len(self.codes)):
            self._fold(p, other.codes[p], other.counts[p])
            self.long[p].update(other.long[p])

    def _fold(self, p: int, codes: np.ndarray, counts: np.ndarray) -> None:
        both = np.concatenate([self.codes[p], codes])
        weight = np.concatenate([self.counts[p], counts])
        self.codes[p], inverse = np.unique(both, return_inverse=True)
        summed = np.bincount(inverse.ravel(), weights=weight, minlength=len(self.codes[p]))
        self.counts[p] = summed.astype(np.int64)

    def top(self, persona: int, n: int) -> tuple[list[tuple[int, list[int]]], int, int]:
        """The ``n`` most frequent paths of ``persona`` as ``(count, positions)``, most
        frequent first and equal counts by path; then how many other paths there are
        and how many cases follow them."""
        codes, counts = self.codes[persona], self.counts[persona]
        long = self.long[persona]
        total_variants = len(codes) + len(long)
        if not total_variants:
            return [], 0, 0
        all_counts = np.concatenate([counts, np.fromiter(long.values(), dtype=np.int64, count=len(long))])
        threshold = int(np.sort(all_counts)[::-1][min(n, total_variants) - 1])
        # every path that can be among the top n: those above the n-th count, and of
        # those at it, the first by path (found in blocks, without a list per path)
        above = codes[counts > threshold].tolist()
        tied = codes[counts == threshold]
        room = n - int((counts > threshold).sum())
        kept: list[int] = []
        for first in range(0, len(tied), TIE_BLOCK):
            kept = self._first_paths(np.concatenate([tied[first : first + TIE_BLOCK], kept]), room)
        found = {int(code): self._decode(code) for code in [*above, *kept]}
        candidates = [(int(counts[np.searchsorted(codes, code)]), path) for code, path in found.items()]
        candidates += [
            (c, np.frombuffer(raw, dtype=np.int16).tolist()) for raw, c in long.items() if c >= threshold
        ]
        candidates.sort(key=lambda v: (-v[0], v[1]))
        top = candidates[:n]
        return top, total_variants - len(top), int(all_counts.sum()) - sum(c for c, _ in top)

    def _first_paths(self, codes: np.ndarray, k: int) -> list[int]:
        """The codes of the ``k`` first paths in path order (as Python compares lists:
        a path before its own continuations)."""
        if k <= 0 or not len(codes):
            return []
        digits = np.empty((self.longest, len(codes)), dtype=np.int16)
        left = codes.astype(np.int64)
        for place in range(self.longest):
            left, digit = np.divmod(left, self.size)
            digits[place] = digit - 1  # -1: past the path's end, before every position
        order = np.lexsort(digits[::-1])
        return [int(c) for c in codes[order[:k]]]

    def _decode(self, code: int) -> list[int]:
        path = []
        code = int(code)
        while code:
            code, digit = divmod(code, self.size)
            path.append(digit - 1)
        return path
