"""The tables of a journey and their fields: the single source of every rule about
records. The model, validation, the file format, the three-way merge, the JSON
Schema and the spreadsheet exchange all read these definitions.

A table lists its fields in file order, the fields that identify a record (its
``key``: a touchpoint is one persona's, in one scenario), and which fields refer to
another table's ids. :data:`TABLES` is in dependency order: a table refers only to
tables before it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pandas as pd

from .errors import FieldValueError
from .messages import Catalog, Msg

if TYPE_CHECKING:
    from .scale import Scale

SLUG_RE = re.compile(r"^[A-Za-z0-9_-]+$")

TEXT = "text"
SLUG = "slug"
LIST = "list"
BOOL = "bool"
OPTBOOL = "optbool"
INT = "int"
FLOAT = "float"
SCORE = "score"  #: a score of the journey's emotion scale (given as score, label or smiley)
MAPPING = "mapping"

TEXTS = Catalog("fields", {
    "required": ("is verplicht en mag niet leeg zijn", "is required and may not be empty"),
    "not_id": ("moet een id (tekst) zijn, geen {kind}", "must be an id (text), not {kind}"),
    "bad_id": (
        "{text!r} kan geen code zijn: gebruik alleen letters zonder accenten, cijfers en "
        "streepjes, zonder spaties (bijvoorbeeld {example!r})",
        "{text!r} cannot be a code: use only letters without accents, digits and dashes, "
        "no spaces (for example {example!r})",
    ),
    "not_text": ("moet tekst zijn, geen {kind}", "must be text, not {kind}"),
    "choice": (
        "{text!r} kan hier niet; kies uit: {choices}",
        "{text!r} is not allowed; use one of: {choices}",
    ),
    "not_list": ("moet een lijst met teksten zijn, geen {kind}", "must be a list of texts, not {kind}"),
    "list_items": ("moet een lijst met teksten zijn", "must be a list of texts"),
    "not_bool": ("moet ja of nee zijn (true/false), niet {value!r}", "must be true or false, not {value!r}"),
    "not_int": ("moet een heel getal zijn, niet {value!r}", "must be a whole number, not {value!r}"),
    "bounds": (
        "moet tussen {low} en {high} liggen, niet {number}",
        "must be between {low} and {high}, not {number}",
    ),
    "not_float": ("moet een getal zijn, niet {value!r}", "must be a number, not {value!r}"),
    "not_mapping": (
        "moet een koppeling (sleutel: waarde) zijn, geen {kind}",
        "must be a mapping (key: value), not {kind}",
    ),
    "a_mapping": ("een koppeling", "a mapping"),
    "a_list": ("een lijst", "a list"),
    "a_number": ("een getal", "a number"),
    "a_bool": ("ja/nee", "true/false"),
    "a_text": ("tekst", "text"),
    # table names: singular, plural
    "phases": ("fase", "phase"),
    "phases+": ("fasen", "phases"),
    "personas": ("persona", "persona"),
    "personas+": ("persona's", "personas"),
    "scenarios": ("scenario", "scenario"),
    "scenarios+": ("scenario's", "scenarios"),
    "touchpoints": ("touchpoint", "touchpoint"),
    "touchpoints+": ("touchpoints", "touchpoints"),
    "opportunities": ("kans", "opportunity"),
    "opportunities+": ("kansen", "opportunities"),
    "phases-": ("een andere fase", "another phase"),
    "personas-": ("een andere persona", "another persona"),
    "scenarios-": ("een ander scenario", "another scenario"),
    "touchpoints-": ("een ander touchpoint", "another touchpoint"),
    "opportunities-": ("een andere kans", "another opportunity"),
})  # fmt: skip


@dataclass(frozen=True)
class Field:
    """A column of a journey table, as stored in the project file.

    ``ref`` names the table whose ids this field refers to; ``cascade`` says that a
    record goes along when the record it refers to is removed with its dependants
    (a persona's touchpoints). ``first_by_default`` fills an empty value with the
    first id of the referred table (a touchpoint's scenario)."""

    name: str
    kind: str = TEXT
    required: bool = False
    ref: str | None = None
    choices: tuple[str, ...] | None = None
    bounds: tuple[int, int] | None = None
    cascade: bool = False
    first_by_default: bool = False

    @property
    def dtype(self) -> Any:
        """The pandas dtype of this column."""
        return _DTYPES[self.kind]

    @property
    def empty(self) -> Any:
        """The stored value of this field when the file leaves it out."""
        if self.kind == LIST:
            return []
        if self.kind == MAPPING:
            return {}
        return _EMPTY[self.kind]


_DTYPES = {
    TEXT: "string", SLUG: "string", LIST: "object", BOOL: "bool", OPTBOOL: "boolean",
    INT: "Int64", SCORE: "Int64", FLOAT: "Float64", MAPPING: "object",
}  # fmt: skip
_EMPTY: dict[str, Any] = {TEXT: "", SLUG: "", BOOL: False, OPTBOOL: None, INT: None, SCORE: None, FLOAT: None}


@dataclass(frozen=True)
class Table:
    """A journey table: its fields in file order and the fields that identify a record."""

    name: str
    fields: tuple[Field, ...]
    key: tuple[str, ...] = ("id",)
    ordered: bool = True  #: the order of the records means something (it is kept)

    def field(self, name: str) -> Field:
        """The field ``name`` (KeyError when the table has none)."""
        return self._by_name[name]  # type: ignore[attr-defined, no-any-return]

    def has(self, name: str) -> bool:
        """True when the table has a field ``name``."""
        return name in self._by_name  # type: ignore[attr-defined, no-any-return]

    @property
    def names(self) -> list[str]:
        """The field names in file order."""
        return [f.name for f in self.fields]

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_name", {f.name: f for f in self.fields})

    @property
    def noun(self) -> Msg:
        """The table's name for one record ("fase", "phase")."""
        return TEXTS.msg(self.name)

    @property
    def nouns(self) -> Msg:
        """The table's name for several records ("fasen", "phases")."""
        return TEXTS.msg(self.name + "+")

    @property
    def another(self) -> Msg:
        """"een andere fase", "another phase"."""
        return TEXTS.msg(self.name + "-")

    def key_of(self, record: dict[str, Any]) -> tuple[str, ...]:
        """The identity of ``record`` in this table."""
        return tuple(str(record.get(k) or "") for k in self.key)


TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        Table("phases", (
            Field("id", SLUG, required=True),
            Field("name"),
            Field("duration"),
            Field("user_goal"),
            Field("description"),
        )),
        Table("personas", (
            Field("id", SLUG, required=True),
            Field("name"),
            Field("description"),
            Field("role"),
            Field("context"),
            Field("needs", LIST),
            Field("frustrations", LIST),
        )),
        Table("scenarios", (
            Field("id", SLUG, required=True),
            Field("name"),
        )),
        Table("touchpoints", (
            Field("id", SLUG, required=True),
            Field("persona", SLUG, required=True, ref="personas", cascade=True),
            Field("scenario", SLUG, ref="scenarios", cascade=True, first_by_default=True),
            Field("phase", SLUG, required=True, ref="phases"),
            Field("name", required=True),
            Field("channel"),
            Field("online", OPTBOOL),
            Field("owned", OPTBOOL),
            Field("partner"),
            Field("action"),
            Field("frequency"),
            Field("emotion", SCORE),
            Field("why"),
            Field("thoughts"),
            Field("ideas"),
            Field("backstage"),
            Field("data"),
            Field("critical", BOOL),
            Field("importance", TEXT, choices=("main", "side")),
        ), key=("id", "persona", "scenario")),
        Table("opportunities", (
            Field("id", SLUG, required=True),
            Field("touchpoint", SLUG, ref="touchpoints"),
            Field("phase", SLUG, ref="phases"),
            Field("description", required=True),
            Field("impact", INT, bounds=(1, 5)),
            Field("effort", INT, bounds=(1, 5)),
            Field("owner"),
            Field("status"),
        )),
    )
}  # fmt: skip

TABLE_NAMES = tuple(TABLES)


def referrers(table: str) -> list[tuple[str, Field]]:
    """The ``(table, field)`` pairs whose values refer to ids of ``table``."""
    return [(t.name, f) for t in TABLES.values() for f in t.fields if f.ref == table]


# ------------------------------------------------------------------ values
def coerce(field: Field, value: Any, scale: Scale | None = None) -> Any:
    """Turn a value read from a file, a spreadsheet or a form into the field's stored
    value (``str``, ``int``/``float``/``bool`` or None, ``list[str]``, ``dict``), or
    raise :class:`~klantreis.errors.FieldValueError` saying what is expected.
    A ``score`` field needs the journey's ``scale``."""
    kind = field.kind
    if kind == TEXT and type(value) is str:  # the common case, first
        if field.required and not value.strip():
            raise FieldValueError(TEXTS.msg("required"))
        if field.choices and value and value not in field.choices:
            raise FieldValueError(TEXTS.msg("choice", text=value, choices=", ".join(field.choices)))
        return value
    if _missing(value):
        if field.required:
            raise FieldValueError(TEXTS.msg("required"))
        return field.empty
    if kind == SLUG:
        return _slug(field, value)
    if kind == TEXT:
        if isinstance(value, bool | dict | list | tuple):
            raise FieldValueError(TEXTS.msg("not_text", kind=_kind_of(value)))
        return coerce(field, str(value))
    if kind == LIST:
        return _list(value)
    if kind in (BOOL, OPTBOOL):
        return _bool(kind, value)
    if kind == INT:
        number = _as_int(value)
        if number is None:
            raise FieldValueError(TEXTS.msg("not_int", value=value))
        if field.bounds and not field.bounds[0] <= number <= field.bounds[1]:
            low, high = field.bounds
            raise FieldValueError(TEXTS.msg("bounds", low=low, high=high, number=number))
        return number
    if kind == SCORE:
        if scale is None:
            raise AssertionError(f"field {field.name} needs the scale")  # pragma: no cover
        return scale.parse(value)
    if kind == FLOAT:
        return _float(value)
    if kind == MAPPING:
        if not isinstance(value, dict):
            raise FieldValueError(TEXTS.msg("not_mapping", kind=_kind_of(value)))
        return value
    raise AssertionError(f"unknown field kind {kind}")  # pragma: no cover


def _slug(field: Field, value: Any) -> str:
    if type(value) is not str:
        if isinstance(value, bool) or not isinstance(value, str | int):
            raise FieldValueError(TEXTS.msg("not_id", kind=_kind_of(value)))
        value = str(value)
    if not value:
        if field.required:
            raise FieldValueError(TEXTS.msg("required"))
        return value
    if not SLUG_RE.match(value):
        raise FieldValueError(TEXTS.msg("bad_id", text=value, example=slugify(value)))
    return value


def _list(value: Any) -> list[str]:
    if isinstance(value, str):
        return [line.strip() for line in value.splitlines() if line.strip()]
    if not isinstance(value, list | tuple):
        raise FieldValueError(TEXTS.msg("not_list", kind=_kind_of(value)))
    items = []
    for item in value:
        if isinstance(item, dict | list) or item is None:
            raise FieldValueError(TEXTS.msg("list_items"))
        items.append(str(item))
    return items


def _bool(kind: str, value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    if hasattr(value, "dtype") and str(value) in ("True", "False"):
        return str(value) == "True"
    if isinstance(value, str):
        word = value.strip().lower()
        if word in _BOOL_WORDS:
            return _BOOL_WORDS[word]
        if kind == OPTBOOL and not word:
            return None
    raise FieldValueError(TEXTS.msg("not_bool", value=value))


def _float(value: Any) -> float:
    if isinstance(value, bool):
        raise FieldValueError(TEXTS.msg("not_float", value=value))
    if isinstance(value, str):
        value = value.strip().replace(",", ".")
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise FieldValueError(TEXTS.msg("not_float", value=value)) from None
    if number != number or number in (float("inf"), float("-inf")):
        raise FieldValueError(TEXTS.msg("not_float", value=value))
    return number


_BOOL_WORDS = {
    "true": True, "false": False, "ja": True, "nee": False, "yes": True, "no": False,
    "1": True, "0": False, "online": True, "offline": False,
}  # fmt: skip


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
    except (TypeError, ValueError, OverflowError):
        return None
    return None


def _missing(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, list | tuple | dict | str):
        return False
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _kind_of(value: Any) -> Any:
    if isinstance(value, bool):
        return TEXTS.msg("a_bool")
    if isinstance(value, dict):
        return TEXTS.msg("a_mapping")
    if isinstance(value, list | tuple):
        return TEXTS.msg("a_list")
    if isinstance(value, int | float):
        return TEXTS.msg("a_number")
    return type(value).__name__


def slugify(text: str) -> str:
    """A valid id made from ``text`` ("Oriëntatie & keuze" -> "orientatie-keuze")."""
    plain = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^A-Za-z0-9_-]+", "-", plain).strip("-").lower()
    return slug or "item"


# ------------------------------------------------------------------ frames
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
            out[f.name] = "" if _missing(value) else str(value)
        elif f.kind == BOOL:
            out[f.name] = bool(value)
        elif _missing(value):
            out[f.name] = None
        elif f.kind == OPTBOOL:
            out[f.name] = bool(value)
        elif f.kind == FLOAT:
            out[f.name] = float(value)
        else:
            out[f.name] = int(value)
    return out
