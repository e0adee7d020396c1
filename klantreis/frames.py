"""Journey tables as pandas DataFrames: fixed columns and dtypes per table, and back
to plain records."""

from __future__ import annotations

from typing import Any

import pandas as pd

from .coercion import missing
from .fields import BOOL, FLOAT, LIST, MAPPING, OPTBOOL, SLUG, TABLES, TEXT


def empty_frame(table: str) -> pd.DataFrame:
    """An empty DataFrame with the columns and dtypes of ``table``."""
    return frame_from_records(table, [])


def frame_from_records(table: str, records: list[dict[str, Any]]) -> pd.DataFrame:
    """A DataFrame of ``table`` from stored records (missing fields empty)."""
    columns: dict[str, pd.Series] = {}
    for f in TABLES[table].fields:
        values = [r.get(f.name, f.empty) for r in records]
        if f.kind in (LIST, MAPPING):
            columns[f.name] = pd.Series(values, dtype="object")
        else:
            columns[f.name] = pd.Series(values, dtype=f.dtype)
    return pd.DataFrame(columns)


def record_from_row(table: str, row: pd.Series) -> dict[str, Any]:
    """The stored values of one DataFrame row, in plain Python types."""
    out: dict[str, Any] = {}
    for f in TABLES[table].fields:
        value = row[f.name]
        if f.kind == LIST:
            out[f.name] = [str(v) for v in value] if isinstance(value, list | tuple) else []
        elif f.kind == MAPPING:
            out[f.name] = dict(value) if isinstance(value, dict) else {}
        elif f.kind in (TEXT, SLUG):
            out[f.name] = "" if missing(value) else str(value)
        elif f.kind == BOOL:
            out[f.name] = bool(value)
        elif missing(value):
            out[f.name] = None
        elif f.kind == OPTBOOL:
            out[f.name] = bool(value)
        elif f.kind == FLOAT:
            out[f.name] = float(value)
        else:
            out[f.name] = int(value)
    return out
