"""The units an import counts (a survey answer, a call, a page row, a quote): per unit
its row, persona, target and value, and why it was skipped (0: it was not)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

#: Skip reasons in the order they are checked; stored as these codes in the source's
#: ``skipped`` (see klantreis.evidence.texts for what the user reads).
REASONS = (
    "empty",
    "dont_know",
    "out_of_scale",
    "invalid_count",
    "invalid_date",
    "incomplete",
    "duplicate",
    "conflict",
    "no_interview",
    "empty_quote",
    "no_persona",
    "unmapped_persona",
    "other_persona",
    "unmapped_question",
    "unmapped_reason",
    "unmapped_page",
    "unmapped_touchpoint",
    "not_in_journey",
)
#: Reasons that skip a whole response, whatever each answer in it says.
WHOLE_RESPONSE = ("incomplete", "duplicate", "conflict")
CODE = {reason: i + 1 for i, reason in enumerate(REASONS)}


@dataclass
class Units:
    """Parallel arrays, one entry per unit. ``persona`` and ``target`` index the
    scope's personas and targets (-1: none); ``reason`` is 0 or a :data:`CODE`.

    ``weight`` (optional) says how many identical units an entry stands for: a wide
    survey is reduced to its distinct (persona, answer) combinations per question
    before anything else is done, so 200,000 respondents cost a few hundred entries.
    Such units have no ``row``; the importer then tells which rows were used.
    """

    row: np.ndarray | None
    persona: np.ndarray
    target: np.ndarray
    value: np.ndarray
    reason: np.ndarray
    weight: np.ndarray | None = None

    @classmethod
    def per_row(cls, rows: int) -> Units:
        """One unit per row, nothing attributed yet."""
        return cls(
            row=np.arange(rows),
            persona=np.full(rows, -1, dtype=np.int64),
            target=np.full(rows, -1, dtype=np.int64),
            value=np.full(rows, np.nan),
            reason=np.zeros(rows, dtype=np.int8),
        )

    def mark(self, where: np.ndarray, reason: str) -> None:
        """Skip the units in ``where`` for ``reason``, unless skipped already."""
        self.reason[(self.reason == 0) & where] = CODE[reason]

    def mark_codes(self, codes: np.ndarray) -> None:
        """Skip each unit with a non-zero code in ``codes``, unless skipped already."""
        free = self.reason == 0
        self.reason[free] = codes[free]

    @property
    def usable(self) -> np.ndarray:
        """Units that count."""
        return self.reason == 0

    def skipped(self) -> dict[str, int]:
        """Reason code -> number of skipped units, in :data:`REASONS` order."""
        counts = np.bincount(self.reason, weights=self.weight, minlength=len(REASONS) + 1)
        return {r: int(counts[CODE[r]]) for r in REASONS if counts[CODE[r]]}

    def usable_weights(self) -> np.ndarray | None:
        """The weights of the usable units (None: one each)."""
        return None if self.weight is None else self.weight[self.usable]

    def rows_used(self, rows: int) -> np.ndarray:
        """Per file row: whether at least one of its units counts."""
        used = np.zeros(rows, dtype=bool)
        if self.row is not None:
            used[self.row[self.usable]] = True
        return used


def reason_codes(reasons: list[str]) -> np.ndarray:
    """``reasons`` (one per distinct value; "" for none) as an array of codes."""
    return np.array([CODE.get(r, 0) for r in reasons], dtype=np.int8)
