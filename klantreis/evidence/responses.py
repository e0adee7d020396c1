"""Which responses of a survey count: complete ones (a survey tool's ``Finished``,
``Progress`` or ``submitdate`` says so), each respondent once."""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import values
from .layouts import header_key
from .reading import Column, SourceFile
from .units import CODE

#: Values of a ``Finished`` column that mean the response was not finished.
_NOT_FINISHED = frozenset({"false", "0", "nee", "no", "onwaar", "n"})


def completion_columns(file: SourceFile) -> dict[str, str]:
    """The columns that tell whether a response is complete: ``finished``, ``progress``
    and (for the ``codes`` layout) ``submitdate``, as column -> which of the three."""
    found: dict[str, str] = {}
    for column in file.columns:
        k = header_key(column)
        if k in ("finished", "progress") or (k == "submitdate" and file.layout.name == "codes"):
            found.setdefault(k, column)
    return {column: k for k, column in found.items()}


def incomplete_rows(columns: dict[str, Column], which: dict[str, str], rows: int) -> np.ndarray:
    """Per row: whether the response is incomplete (``Finished`` false, ``Progress``
    under 100, or no ``submitdate``); ``columns`` holds the columns ``which`` names."""
    incomplete = np.zeros(rows, dtype=bool)
    for name, k in which.items():
        column = columns[name]
        if k == "finished":
            flags = [values.key(v) in _NOT_FINISHED for v in column.values]
            incomplete |= column.lookup(flags, False, bool)
        elif k == "progress":
            numbers = [values.number(v) for v in column.values]
            incomplete |= column.lookup([x is not None and x < 100 for x in numbers], False, bool)
        else:
            incomplete |= column.codes < 0
    return incomplete


def duplicate_rows(columns: list[Column]) -> np.ndarray:
    """Per row: whether an earlier row holds exactly the same cells in ``columns`` (a
    row written twice, as a bad join or a double export does)."""
    if not columns:
        return np.zeros(0, dtype=bool)
    key = np.zeros(len(columns[0].codes), dtype=np.int64)
    size = 1
    for column in columns:
        width = len(column.values) + 1
        if size * width >= 2**62:  # renumber the combined key before it could overflow
            key, uniques = pd.factorize(key)
            key, size = key.astype(np.int64), len(uniques)
        key = key * width + (column.codes.astype(np.int64) + 1)
        size *= width
    return np.asarray(pd.Series(key).duplicated(keep="first"))


def repeated_answers(
    group: np.ndarray, answer: np.ndarray, considered: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """One respondent answering one question more than once.

    ``group`` is per row the respondent (and question) as an integer (-1: unknown),
    ``answer`` the answer's code (-1: empty); only ``considered`` rows take part.
    Returns per row 0, :data:`CODE` ``duplicate`` (a repeat of the same answer, or an
    empty repeat: the first answer counts) or ``conflict`` (the respondent gave
    different answers: none of them counts), and the groups in conflict.
    """
    codes = np.zeros(len(group), dtype=np.int8)
    rows = np.flatnonzero(considered & (group >= 0))
    index, _ = pd.factorize(group[rows])
    repeated = np.bincount(index)[index] > 1 if len(rows) else np.zeros(0, dtype=bool)
    if not repeated.any():
        return codes, np.zeros(0, dtype=np.int64)
    frame = pd.DataFrame({"group": group[rows][repeated], "answer": answer[rows][repeated]})
    frame["row"] = rows[repeated]
    filled = frame[frame["answer"] >= 0]
    distinct = filled.groupby("group")["answer"].nunique()
    conflicting = distinct.index[distinct.to_numpy() > 1].to_numpy()
    in_conflict = frame["group"].isin(conflicting).to_numpy()
    codes[frame["row"].to_numpy()[in_conflict]] = CODE["conflict"]
    rest = frame[~in_conflict]
    # the row that counts: the first with an answer, else the first row
    ordered = rest.assign(empty=rest["answer"] < 0).sort_values(["group", "empty", "row"], kind="stable")
    keep = ordered.drop_duplicates("group")["row"].to_numpy()
    codes[np.setdiff1d(rest["row"].to_numpy(), keep)] = CODE["duplicate"]
    return codes, conflicting
