"""The tables of a journey and their fields: one definition used by the model,
the file format, validation, the JSON Schema and spreadsheet import/export."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import pandas as pd

SLUG_RE = re.compile(r"^[A-Za-z0-9_-]+$")

TEXT = "text"
SLUG = "slug"
LIST = "list"
BOOL = "bool"
OPTBOOL = "optbool"
INT = "int"


@dataclass(frozen=True)
class Field:
    """A column of a journey table, as stored in the project file."""

    name: str
    kind: str = TEXT
    required: bool = False
    ref: str | None = None
    choices: tuple[str, ...] | None = None
    bounds: tuple[int, int] | None = None

    @property
    def dtype(self) -> Any:
        """The pandas dtype of this column."""
        return {
            TEXT: "string",
            SLUG: "string",
            LIST: "object",
            BOOL: "bool",
            OPTBOOL: "boolean",
            INT: "Int64",
        }[self.kind]

    @property
    def empty(self) -> Any:
        """The value of this field when the file leaves it out."""
        return {TEXT: "", SLUG: "", LIST: [], BOOL: False, OPTBOOL: pd.NA, INT: pd.NA}[self.kind]


TABLES: dict[str, tuple[Field, ...]] = {
    "phases": (
        Field("id", SLUG, required=True),
        Field("name"),
        Field("duration"),
        Field("user_goal"),
        Field("description"),
    ),
    "personas": (
        Field("id", SLUG, required=True),
        Field("name"),
        Field("description"),
        Field("role"),
        Field("context"),
        Field("needs", LIST),
        Field("frustrations", LIST),
    ),
    "scenarios": (
        Field("id", SLUG, required=True),
        Field("name"),
    ),
    "touchpoints": (
        Field("id", SLUG, required=True),
        Field("persona", SLUG, required=True, ref="personas"),
        Field("scenario", SLUG, ref="scenarios"),
        Field("phase", SLUG, required=True, ref="phases"),
        Field("name", required=True),
        Field("channel"),
        Field("online", OPTBOOL),
        Field("owned", OPTBOOL),
        Field("partner"),
        Field("action"),
        Field("frequency"),
        Field("emotion", INT),
        Field("why"),
        Field("thoughts"),
        Field("ideas"),
        Field("backstage"),
        Field("data"),
        Field("critical", BOOL),
        Field("importance", TEXT, choices=("main", "side")),
    ),
    "opportunities": (
        Field("id", SLUG, required=True),
        Field("touchpoint", SLUG, ref="touchpoints"),
        Field("phase", SLUG, ref="phases"),
        Field("description", required=True),
        Field("impact", INT, bounds=(1, 5)),
        Field("effort", INT, bounds=(1, 5)),
        Field("owner"),
        Field("status"),
    ),
}

#: Singular nouns, for messages ("unknown phase 'x'").
SINGULAR = {
    "phases": "phase",
    "personas": "persona",
    "scenarios": "scenario",
    "touchpoints": "touchpoint",
    "opportunities": "opportunity",
}


def fields_of(table: str) -> dict[str, Field]:
    """The fields of ``table`` by name, in file order."""
    return {f.name: f for f in TABLES[table]}


class FieldValueError(ValueError):
    """A single value does not fit its field; the message says what is expected."""


def coerce(field: Field, value: Any) -> Any:
    """Turn a value read from a file or a form into the field's stored value.

    Emotion labels are resolved by the caller (they depend on the scale); here an
    ``int`` field accepts integers and digit strings only.
    """
    if value is None or (not isinstance(value, list | tuple) and _is_na(value)):
        if field.required:
            raise FieldValueError("is required and may not be empty")
        return field.empty
    kind = field.kind
    if kind == SLUG:
        if isinstance(value, bool) or not isinstance(value, str | int):
            raise FieldValueError(f"must be an id (text), not {_type_name(value)}")
        text = str(value)
        if text == "" and field.required:
            raise FieldValueError("is required and may not be empty")
        if text and not SLUG_RE.match(text):
            raise FieldValueError(
                f"{text!r} is not a valid id: use only letters, digits, '-' and '_' "
                f"(for example {slugify(text)!r})"
            )
        return text
    if kind == TEXT:
        if isinstance(value, (bool, dict | list)):
            raise FieldValueError(f"must be text, not {_type_name(value)}")
        text = str(value)
        if field.required and not text.strip():
            raise FieldValueError("is required and may not be empty")
        if field.choices and text and text not in field.choices:
            raise FieldValueError(
                f"{text!r} is not allowed; use one of: {', '.join(field.choices)}"
            )
        return text
    if kind == LIST:
        if isinstance(value, str):
            return [line.strip() for line in value.splitlines() if line.strip()]
        if not isinstance(value, list | tuple):
            raise FieldValueError(f"must be a list of texts, not {_type_name(value)}")
        items = []
        for item in value:
            if isinstance(item, dict | list) or item is None:
                raise FieldValueError("must be a list of texts")
            items.append(str(item))
        return items
    if kind in (BOOL, OPTBOOL):
        if isinstance(value, bool):
            return value
        if hasattr(value, "dtype") and str(value) in ("True", "False"):
            return bool(value)
        if isinstance(value, str) and value.strip().lower() in _BOOL_WORDS:
            return _BOOL_WORDS[value.strip().lower()]
        if kind == OPTBOOL and isinstance(value, str) and not value.strip():
            return pd.NA
        raise FieldValueError(f"must be true or false, not {value!r}")
    if kind == INT:
        number = _as_int(value)
        if number is None:
            raise FieldValueError(f"must be a whole number, not {value!r}")
        if field.bounds and not field.bounds[0] <= number <= field.bounds[1]:
            low, high = field.bounds
            raise FieldValueError(f"must be between {low} and {high}, not {number}")
        return number
    raise AssertionError(f"unknown field kind {kind}")  # pragma: no cover


_BOOL_WORDS = {
    "true": True,
    "false": False,
    "ja": True,
    "nee": False,
    "yes": True,
    "no": False,
    "1": True,
    "0": False,
    "online": True,
    "offline": False,
}


def _as_int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and re.fullmatch(r"\s*-?\d+\s*", value):
        return int(value)
    try:
        if float(value).is_integer():  # numpy integers, "4.0" from a CSV file
            return int(float(value))
    except (TypeError, ValueError):
        return None
    return None


def _is_na(value: Any) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _type_name(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    return {dict: "a mapping", list: "a list", int: "a number", float: "a number"}.get(
        type(value), type(value).__name__
    )


def slugify(text: str) -> str:
    """A valid id made from ``text`` ("Oriëntatie & keuze" -> "orientatie-keuze")."""
    import unicodedata

    plain = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^A-Za-z0-9_-]+", "-", plain).strip("-").lower()
    return slug or "item"


def empty_frame(table: str) -> pd.DataFrame:
    """An empty DataFrame with the columns and dtypes of ``table``."""
    return pd.DataFrame({f.name: pd.Series([], dtype=f.dtype) for f in TABLES[table]})


def frame_from_records(table: str, records: list[dict[str, Any]]) -> pd.DataFrame:
    """A DataFrame of ``table`` from already coerced records (missing fields empty)."""
    columns: dict[str, pd.Series] = {}
    for f in TABLES[table]:
        values = [r.get(f.name, f.empty) for r in records]
        if f.kind == LIST:
            series = pd.Series([list(v) for v in values], dtype="object")
        else:
            series = pd.Series(values, dtype=f.dtype)
        columns[f.name] = series
    return pd.DataFrame(columns)


def record_from_row(table: str, row: pd.Series) -> dict[str, Any]:
    """The stored values of one DataFrame row, in plain Python types."""
    out: dict[str, Any] = {}
    for f in TABLES[table]:
        value = row[f.name]
        if f.kind == LIST:
            out[f.name] = list(value) if isinstance(value, list | tuple) else []
        elif f.kind in (TEXT, SLUG):
            out[f.name] = "" if _is_na(value) else str(value)
        elif f.kind == BOOL:
            out[f.name] = bool(value)
        elif f.kind == OPTBOOL:
            out[f.name] = None if _is_na(value) else bool(value)
        else:
            out[f.name] = None if _is_na(value) else int(value)
    return out
