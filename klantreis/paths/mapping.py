"""The mapping file of an event log: which columns hold the case, the time and the event
(and optionally a page and a persona), and which events are which touchpoint::

    kind: events
    columns: {case: visitor_id, time: event_time, event: event_name, page: page_path}
    events:                          # event name -> touchpoint id of this journey
      signup_complete: account
      "page_view:/catalogus*": zoeken   # event name : glob on the page column
    personas: {Studenten: student}   # optional, with columns.persona

An exact event name wins over patterns; patterns are tried in the order written.
Names and pages match without regard to case and extra spaces.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..evidence import values
from ..evidence.mapping import load_mapping
from .texts import fail, text

ROLES = ("case", "time", "event", "page", "persona")
#: Headers recognised for a role (compared as :func:`~klantreis.evidence.layouts.header_key`
#: does: without case, ``_-/.`` as spaces), for the workbook's form.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "case": ("case", "case id", "visitor", "visitor id", "bezoeker", "bezoeker id", "klant", "klant id",
             "customer", "customer id", "client id", "user", "user id", "session", "session id", "sessie"),
    "time": ("time", "timestamp", "event time", "tijd", "tijdstip", "tijdstempel", "datetime", "date",
             "datum", "datum tijd"),
    "event": ("event", "event name", "gebeurtenis", "gebeurtenisnaam", "actie", "action", "activity"),
    "page": ("page", "page path", "pagina", "paginapad", "url", "page location"),
    "persona": ("persona", "segment", "doelgroep", "klantgroep", "klanttype", "customer segment"),
}  # fmt: skip
REQUIRED_ROLES = ("case", "time", "event")
KEYS = ("kind", "columns", "events", "personas")
_GLOB = set("*?[")


@dataclass(frozen=True)
class EventMapping:
    """A checked event mapping: ``columns`` role -> column name, ``exact`` matching key
    of an event name -> touchpoint id, ``patterns`` (event key, page glob, touchpoint
    id) in the order written, ``personas`` matching key -> persona id."""

    file: str
    columns: dict[str, str]
    exact: dict[str, str]
    patterns: list[tuple[str, str, str]] = field(default_factory=list)
    personas: dict[str, str] = field(default_factory=dict)
    data: dict[str, Any] = field(default_factory=dict)

    @property
    def targets(self) -> list[tuple[str, str]]:
        """Every (mapping key as written, touchpoint id), for checks against the journey."""
        return [(str(k), str(v)) for k, v in self.data.get("events", {}).items()]

    @property
    def observable(self) -> list[str]:
        """The touchpoint ids some event maps to, without repeats."""
        return list(dict.fromkeys([*self.exact.values(), *(t for _, _, t in self.patterns)]))

    def has_patterns(self, event_key: str) -> bool:
        """Whether some pattern key names this event (so its pages tell it apart)."""
        return any(e == event_key for e, _, _ in self.patterns)

    def target(self, event: Any, page: Any = None) -> str | None:
        """The touchpoint id of an event (with its page, when the log has that column),
        or None when the mapping does not place it."""
        key = values.key(event)
        if key is None:
            return None
        if key in self.exact:
            return self.exact[key]
        if self.patterns:
            page_key = values.key(page) or ""
            for event_key, glob, tp in self.patterns:
                if event_key == key and fnmatch.fnmatchcase(page_key, glob):
                    return tp
        return None


def as_event_mapping(mapping: Any, language: str, name: str = "mapping") -> EventMapping:
    """A checked :class:`EventMapping` from a file path, a plain dict (called ``name`` in
    messages) or one already checked. Its shape is checked here; its ids against the
    journey on import."""
    if isinstance(mapping, EventMapping):
        return mapping
    if isinstance(mapping, str | Path):
        name = Path(mapping).name
        data = _raw_yaml(Path(mapping), language)
    else:
        data = mapping
    return _checked(data, name, language)


def find_event_columns(columns: list[str], mapping: Mapping[str, Any] | None = None) -> dict[str, str]:
    """Role -> column of a log's header: the mapping's ``columns`` where the file has
    them, else a header recognised by its name (:data:`SYNONYMS`); each column once."""
    from ..evidence.layouts import header_key

    named = dict((mapping or {}).get("columns") or {})
    found = {role: str(col) for role, col in named.items() if role in ROLES and col in columns}
    keys = {header_key(c): c for c in reversed(columns)}  # the first of equal headers
    for role in ROLES:
        if role in found:
            continue
        for synonym in SYNONYMS[role]:
            column = keys.get(synonym)
            if column is not None and column not in found.values():
                found[role] = column
                break
    return found


def _raw_yaml(path: Path, language: str) -> Any:
    # The evidence mapping loader reads the YAML with the same rules (only true/false are
    # booleans) and reports YAML errors with file and line; it refuses keys it does not
    # know, so the events keys are read as its plain data first.
    import yaml

    from ..evidence.mapping import _Loader

    try:
        raw = path.read_text(encoding="utf-8-sig")
    except OSError:
        load_mapping(path, language)  # raises the evidence import's message
        raise
    try:
        return yaml.load(raw, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError:
        load_mapping(path, language)  # raises the message with file and line
        raise


def _checked(data: Any, name: str, language: str) -> EventMapping:
    def wrong(key: str, expected: str, value: Any) -> None:
        fail("mapping_shape", language, mapping=name, key=key, expected=text(expected, language), value=value)

    if not isinstance(data, Mapping):
        wrong("mapping", "expected_pairs", data)
    for key in data:
        if key not in KEYS:
            fail("mapping_key", language, mapping=name, key=key, allowed=", ".join(KEYS))
    if data.get("kind", "events") != "events":
        wrong("kind", "expected_events", data.get("kind"))
    sections: dict[str, dict[str, str]] = {}
    for key in ("columns", "events", "personas"):
        section = data.get(key) or {}
        if not isinstance(section, Mapping):
            wrong(key, "expected_pairs", section)
        clean = {}
        for item, target in section.items():
            if not _scalar(item) or not _scalar(target):
                wrong(f"{key} → {item}", "expected_text", target)
            clean[values.label(item)] = values.label(target)
        sections[key] = clean
    columns = sections["columns"]
    for role in columns:
        if role not in ROLES:
            fail("mapping_role", language, mapping=name, role=role, allowed=", ".join(ROLES))
    missing = [r for r in REQUIRED_ROLES if r not in columns]
    if missing:
        fail("mapping_needs", language, mapping=name, roles=", ".join(missing))
    if not sections["events"]:
        fail("mapping_no_events", language, mapping=name)
    exact: dict[str, str] = {}
    patterns: list[tuple[str, str, str]] = []
    for item, tp in sections["events"].items():
        event, sep, glob = item.partition(":")
        if sep and "page" in columns:
            patterns.append((values.key(event) or "", values.key(glob) or "", tp))
            if not _GLOB & set(glob):
                exact.setdefault(values.key(item) or item, tp)  # also an event name with ':'
        elif sep and _GLOB & set(glob):
            fail("mapping_pattern_column", language, mapping=name, item=item)
        else:
            exact[values.key(item) or item] = tp
    personas = {values.key(k) or k: v for k, v in sections["personas"].items()}
    plain = {"kind": "events", **{k: v for k, v in sections.items() if v}}
    return EventMapping(name, columns, exact, patterns, personas, plain)


def _scalar(value: Any) -> bool:
    return isinstance(value, str | int | float) and not isinstance(value, bool)
