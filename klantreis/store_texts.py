"""What the table store says when a change breaks a rule, Dutch and English, and the
names it uses for records and tables in those messages."""

from __future__ import annotations

from typing import Any

from .fields import TABLES
from .messages import Catalog, Msg

TEXTS = Catalog("store", {
    "no_field": (
        "{table} heeft geen veld {name!r}; wel: {known}",
        "{table} has no field {name!r}; known: {known}",
    ),
    "field": ("{table}, veld {name!r}: {reason}", "{table} field {name!r}: {reason}"),
    "unknown": ("{table} {id!r} bestaat niet; bekend: {known}", "unknown {table} {id!r}; known: {known}"),
    "unknown_many": (
        "{tables} {ids} bestaan niet; bekend: {known}",
        "unknown {tables} {ids}; known: {known}",
    ),
    "none_yet": ("nog geen", "none yet"),
    "in_use": (
        "de code {id!r} hoort al bij {other}{where}; kies een andere code",
        "the code {id!r} already belongs to {other}{where}; choose another code",
    ),
    "twice": ("deze {table} staat er al ({what})", "this {table} is there already ({what})"),
    "where": (
        " voor persona {persona!r} in scenario {scenario!r}",
        " for persona {persona!r} in scenario {scenario!r}",
    ),
    "no_record": (
        "persona {persona!r} heeft geen touchpoint {id!r} in scenario {scenario!r}",
        "persona {persona!r} has no touchpoint {id!r} in scenario {scenario!r}",
    ),
    "not_in_journey": (
        "persona {persona!r} heeft geen {table} {id!r} in scenario {scenario!r}",
        "persona {persona!r} has no {table} {id!r} in scenario {scenario!r}",
    ),
    "still_used": (
        "{table} {name!r} heeft nog {count} {others}; verplaats of verwijder die eerst",
        "{table} {name!r} still has {count} {others}; move or remove those first",
    ),
    "replaced_used": (
        "{others} verwijzen nog naar {table} die hierdoor verdwijnen ({ids}); koppel die eerst "
        "aan iets anders of verwijder ze",
        "{others} still refer to {table} that this would remove ({ids}); link those to "
        "something else or remove them first",
    ),
    "cascade_used": (
        "{table} {name!r} heeft touchpoints waar {others} naar verwijzen ({ids}); "
        "koppel die eerst aan iets anders of verwijder ze",
        "{table} {name!r} has touchpoints that {others} refer to ({ids}); link those to "
        "something else or remove them first",
    ),
})  # fmt: skip


def label(record: dict[str, Any]) -> str:
    """What people call a record in a message: its name, else its id."""
    return str(record.get("name") or record.get("id") or "")


def singular(table: str) -> Msg:
    """A table's name for one record, in messages ("touchpoint")."""
    return TABLES[table].noun


def plural(table: str) -> Msg:
    """A table's name for several records, in messages ("kansen")."""
    return TABLES[table].nouns
