"""Field values: turning what a file, a spreadsheet or a form holds into a field's
stored value, or saying in plain words what is expected. The rules per field kind."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import pandas as pd

from .errors import FieldValueError
from .fields import BOOL, FLOAT, INT, LIST, MAPPING, OPTBOOL, SCORE, SLUG, SLUG_RE, TEXT, Field, Group
from .messages import LANGUAGES, Catalog, Msg, did_you_mean

if TYPE_CHECKING:
    from .scale import Scale

TEXTS = Catalog("values", {
    "required": ("is verplicht en mag niet leeg zijn", "is required and may not be empty"),
    "not_id": ("moet een id (tekst) zijn, geen {kind}", "must be an id (text), not {kind}"),
    "bad_id": (
        "{text!r} kan geen code zijn: gebruik alleen letters zonder accenten, cijfers en "
        "streepjes, zonder spaties (bijvoorbeeld {example!r})",
        "{text!r} cannot be a code: use only letters without accents, digits and dashes, "
        "no spaces (for example {example!r})",
    ),
    "not_text": ("moet tekst zijn, geen {kind}", "must be text, not {kind}"),
    "not_text_bool": (
        "moet tekst zijn, geen ja/nee-waarde; zet tekst als yes, no of true tussen aanhalingstekens "
        "('yes')",
        "must be text, not a true/false value; put text such as yes, no or true in quotes ('yes')",
    ),
    "unknown_key": (
        "onbekend veld {key!r}{hint}; bekend: {known}",
        "unknown field {key!r}{hint}; known: {known}",
    ),
    "choice": (
        "{text!r} is hier niet mogelijk; kies uit: {choices[nl]}",
        "{text!r} is not allowed; use one of: {choices[en]}",
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
})  # fmt: skip


def _choices(field: Field) -> dict[str, str]:
    """The choices of ``field`` per language, for a refusal: the stored keys, each with
    its words where they differ (``in_progress (in uitvoering)``)."""

    def listed(language: str) -> str:
        words = [(c, field.choice_word(c, language)) for c in field.choices or ()]
        return ", ".join(c if word == c else f"{c} ({word})" for c, word in words)

    return {language: listed(language) for language in LANGUAGES}


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
            raise FieldValueError(TEXTS.msg("choice", text=value, choices=_choices(field)))
        return value
    if missing(value):
        if field.required:
            raise FieldValueError(TEXTS.msg("required"))
        return field.empty
    if kind == SLUG:
        return _slug(field, value)
    if kind == TEXT:
        if isinstance(value, bool):  # YAML reads yes, no, true, on, off unquoted as true/false
            raise FieldValueError(TEXTS.msg("not_text_bool"))
        if isinstance(value, dict | list | tuple):
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
        real = _float(value)
        if field.bounds and not field.bounds[0] <= real <= field.bounds[1]:
            low, high = field.bounds
            raise FieldValueError(TEXTS.msg("bounds", low=low, high=high, number=value))
        return real
    if kind == MAPPING:
        if not isinstance(value, dict):
            raise FieldValueError(TEXTS.msg("not_mapping", kind=_kind_of(value)))
        return value
    raise AssertionError(f"unknown field kind {kind}")  # pragma: no cover


def coerce_group(
    group: Group, values: Mapping[Any, Any], *, partial: bool = False
) -> tuple[dict[str, Any], list[tuple[str, Msg | str]]]:
    """The values of a group's fields (the scope, a step of the scale, the review, the
    head of the file) as stored, and every problem as ``(field, reason)``: a key the
    group does not have, a value that does not fit its field. A whole group
    (``partial=False``) gets every field, a missing one as empty."""
    problems: list[tuple[str, Msg | str]] = [
        (str(k), unknown_field(str(k), group.names)) for k in values if not group.has(str(k))
    ]
    out: dict[str, Any] = {}
    for f in group.fields:
        if partial and f.name not in values:
            continue
        try:
            out[f.name] = coerce(f, values.get(f.name))
        except FieldValueError as err:
            problems.append((f.name, err.message))
            out[f.name] = f.empty
    return out, problems


def unknown_field(key: str, known: list[str] | tuple[str, ...]) -> Msg:
    """The message for a key that is not one of ``known``, with a hint when it looks
    like one (``unknown field 'titel' (did you mean 'title'?); known: ...``)."""
    return TEXTS.msg("unknown_key", key=key, hint=did_you_mean(key, known), known=", ".join(known))


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


def missing(value: Any) -> bool:
    """None, NaN or pandas' NA (an empty list, mapping or text is a value)."""
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
