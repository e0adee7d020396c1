"""Mapping files: YAML that says how a raw file's columns and values become touchpoints,
phases, personas and scores. One shape per kind (see docs/evidence.md)::

    kind: survey                  # optional; checked against the import
    format: wide                  # survey only: wide or long (found out when left out)
    metric: nps                   # survey only: score (default), nps, csat or ces
    range: [1, 7]                 # survey only: the answers' range for csat or ces
    columns: {persona: Leeftijd}  # role -> column name in the file
    questions: {...}              # survey: column (wide) or value (long) -> touchpoint id
    answers: {...}                # survey, interviews: answer label -> score (empty: skip)
    skip: [...]                   # survey, interviews: more "don't know" answers
    personas: {...}               # all kinds: value of the persona column -> persona id
    reasons: {...}                # calls: call reason -> touchpoint id or {phase: id}
    pages: {...}                  # web: page name or glob -> touchpoint id or {phase: id}
    touchpoints: {...}            # interviews: value -> touchpoint id
    quotes: {...}                 # survey (wide): open-answer column -> touchpoint id

:func:`load_mapping` checks the shape; :func:`resolve_targets`, :func:`resolve_personas`
and :func:`resolve_answers` check the ids and scores against a journey.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..messages import current_language
from ..model import ScalePoint
from . import values
from .metrics import SURVEY_METRICS
from .scope import JOURNEY, PHASE, TOUCHPOINT, Scope, Target
from .texts import fail, listing, text

KINDS = ("survey", "calls", "web", "interviews")

#: Which keys a mapping file may have, per kind.
KIND_KEYS: dict[str, tuple[str, ...]] = {
    "survey": (
        "kind",
        "format",
        "metric",
        "range",
        "columns",
        "questions",
        "answers",
        "skip",
        "personas",
        "quotes",
    ),
    "calls": ("kind", "columns", "reasons", "personas"),
    "web": ("kind", "columns", "pages", "personas"),
    "interviews": ("kind", "columns", "touchpoints", "answers", "skip", "personas"),
}
ALL_KEYS = tuple(dict.fromkeys(k for keys in KIND_KEYS.values() for k in keys))
FORMATS = ("wide", "long")
_ID_MAPS = ("questions", "personas", "touchpoints", "quotes")
_TARGET_MAPS = ("reasons", "pages")


class _Loader(yaml.SafeLoader):
    """Safe YAML where only true/false are booleans, so answer labels such as ``Ja``,
    ``Yes``, ``Nee`` or ``Off`` stay text."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)


@dataclass(frozen=True)
class EvidenceMapping:
    """A checked mapping: ``data`` is the plain, normalised content (stored with the
    source), ``file`` the name used in messages."""

    data: dict[str, Any]
    file: str = "mapping"

    @property
    def kind(self) -> str | None:
        """The kind the mapping was written for, if it says."""
        return self.data.get("kind")

    def section(self, key: str) -> Any:
        """The value under ``key`` (an empty dict or list when absent)."""
        return self.data.get(key, [] if key == "skip" else {})


def load_mapping(path: str | Path, language: str | None = None) -> EvidenceMapping:
    """Read and check the shape of a mapping file (YAML); messages name the file, the
    key and the value. Ids and scores are checked against the journey on import."""
    path = Path(path)
    language = language or current_language()
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        fail("mapping_missing", language, mapping=str(path))
    except (OSError, UnicodeDecodeError) as err:
        fail("mapping_yaml", language, mapping=path.name, line="?", detail=str(err))
    try:
        data = yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        detail = " ".join(x for x in (err.context, err.problem) if x)
        fail("mapping_yaml", language, mapping=path.name, line=mark.line + 1 if mark else "?", detail=detail)
    except yaml.YAMLError as err:
        fail("mapping_yaml", language, mapping=path.name, line="?", detail=str(err))
    return mapping_from_data(data if data is not None else {}, path.name, language)


def mapping_from_data(data: Any, file: str = "mapping", language: str | None = None) -> EvidenceMapping:
    """A checked :class:`EvidenceMapping` from plain data (a dict as in the YAML file)."""
    language = language or current_language()
    if not isinstance(data, Mapping):
        fail("mapping_not_dict", language, mapping=file)
    clean: dict[str, Any] = {}
    for raw_key, value in data.items():
        key = str(raw_key)
        if key not in ALL_KEYS:
            fail("mapping_key_unknown", language, mapping=file, key=key, allowed=", ".join(ALL_KEYS))
        clean[key] = _check_section(key, value, file, language)
    return EvidenceMapping(clean, file)


def as_mapping(
    mapping: EvidenceMapping | Mapping[str, Any] | str | Path | None, kind: str, language: str
) -> EvidenceMapping | None:
    """The mapping given to an import (object, plain dict or file path), checked for
    ``kind``: its ``kind:`` must match and it may only have that kind's keys."""
    if mapping is None:
        return None
    if isinstance(mapping, str | Path):
        mapping = load_mapping(mapping, language)
    elif not isinstance(mapping, EvidenceMapping):
        mapping = mapping_from_data(mapping, language=language)
    if mapping.kind and mapping.kind != kind:
        fail("mapping_kind", language, mapping=mapping.file, mapped=mapping.kind, kind=kind)
    for key in mapping.data:
        if key not in KIND_KEYS[kind]:
            fail(
                "mapping_key_kind",
                language,
                mapping=mapping.file,
                key=key,
                kind=kind,
                allowed=", ".join(KIND_KEYS[kind]),
            )
    return mapping


def _check_section(key: str, value: Any, file: str, language: str) -> Any:
    def wrong(expected: str, found: Any = value, where: str = key) -> None:
        fail(
            "mapping_type", language, mapping=file, key=where, expected=text(expected, language), value=found
        )

    if key == "kind":
        if value not in KINDS:
            fail("mapping_choice", language, mapping=file, key=key, value=value, allowed=", ".join(KINDS))
        return value
    if key == "metric":
        if value not in SURVEY_METRICS:
            allowed = ", ".join(SURVEY_METRICS)
            fail("mapping_choice", language, mapping=file, key=key, value=value, allowed=allowed)
        return value
    if key == "range":
        return value  # checked with the metric (klantreis.evidence.metrics.answer_range)
    if key == "format":
        if value not in FORMATS:
            fail("mapping_choice", language, mapping=file, key=key, value=value, allowed=", ".join(FORMATS))
        return value
    if key == "skip":
        items = value if isinstance(value, list) else [value]
        for item in items:
            if not _is_scalar(item):
                wrong("expected_text", item)
        return [values.label(i) for i in items]
    if not isinstance(value, Mapping):
        wrong("expected_pairs")
    clean: dict[str, Any] = {}
    for item, target in value.items():
        where = f"{key} → {values.label(item)}"
        if not _is_scalar(item):
            wrong("expected_text", item, key)
        if key == "answers":
            if target is not None and (isinstance(target, bool) or values.number(target) is None):
                wrong("expected_score", target, where)
            target = None if target is None else _plain_number(values.number(target))
        elif key == "questions" and isinstance(target, Mapping):
            target = _check_target(target, where, file, language)
        elif key == "columns" or key in _ID_MAPS:
            if not _is_scalar(target) or target is None:
                wrong("expected_text", target, where)
            target = values.label(target)
        elif key in _TARGET_MAPS:
            target = _check_target(target, where, file, language)
        clean[values.label(item)] = target
    return clean


def _check_target(target: Any, where: str, file: str, language: str) -> Any:
    if isinstance(target, Mapping):
        if (
            len(target) != 1
            or next(iter(target)) not in (TOUCHPOINT, PHASE)
            or not _is_scalar(next(iter(target.values())))
        ):
            fail(
                "mapping_type",
                language,
                mapping=file,
                key=where,
                expected=text("expected_target", language),
                value=target,
            )
        kind, value = next(iter(target.items()))
        return {kind: values.label(value)}
    if not _is_scalar(target) or target is None:
        fail(
            "mapping_type",
            language,
            mapping=file,
            key=where,
            expected=text("expected_target", language),
            value=target,
        )
    return values.label(target)


def _is_scalar(value: Any) -> bool:
    return isinstance(value, str | int | float) and not isinstance(value, bool)


def _plain_number(number: float | None) -> float | int | None:
    if number is None:
        return None
    return int(number) if float(number).is_integer() else number


# ------------------------------------------------------------------ against a journey
def resolve_targets(
    mapping: EvidenceMapping | None, key: str, scope: Scope, language: str
) -> dict[str, Target]:
    """The mapping's ``key`` section as matching key -> :class:`Target`; unknown ids
    raise an error naming the mapping file, the key, the item and the known ids.
    ``reasons`` and ``pages`` may point at phases; the others only at touchpoints."""
    if mapping is None:
        return {}
    allow_phase = key in _TARGET_MAPS
    touchpoints, phases = set(scope.touchpoints), set(scope.phases)
    known = listing(scope.touchpoints, language)
    resolved: dict[str, Target] = {}
    for item, target in mapping.section(key).items():
        where = {"mapping": mapping.file, "key": key, "item": item}
        if isinstance(target, dict):
            kind, tid = next(iter(target.items()))
        elif key == "questions" and target == JOURNEY and target not in touchpoints:
            resolved[values.key(item) or item] = Target(JOURNEY, "")
            continue
        else:
            tid = target
            in_tp, in_phase = tid in touchpoints, allow_phase and tid in phases
            if in_tp and in_phase:
                fail("mapping_ambiguous", language, value=tid, **where)
            kind = PHASE if in_phase else TOUCHPOINT
        if kind == PHASE and tid not in phases or kind == TOUCHPOINT and tid not in touchpoints:
            if allow_phase:
                fail(
                    "mapping_target",
                    language,
                    value=tid,
                    known=known,
                    phases=listing(scope.phases, language),
                    **where,
                )
            fail("mapping_touchpoint", language, value=tid, known=known, **where)
        resolved[values.key(item) or item] = Target(kind, tid)
    return resolved


def resolve_personas(mapping: EvidenceMapping | None, scope: Scope, language: str) -> dict[str, str]:
    """The mapping's ``personas`` as matching key -> persona id; unknown ids refused."""
    if mapping is None:
        return {}
    resolved: dict[str, str] = {}
    for item, pid in mapping.section("personas").items():
        if pid not in scope.personas:
            fail(
                "mapping_persona",
                language,
                mapping=mapping.file,
                key="personas",
                item=item,
                value=pid,
                known=listing(scope.personas, language),
            )
        resolved[values.key(item) or item] = pid
    return resolved


def resolve_answers(
    mapping: EvidenceMapping | None, scale: Sequence[ScalePoint], language: str
) -> dict[str, float | None]:
    """The mapping's ``answers`` as matching key -> score (None: skip); a score that is
    not on the journey's scale is refused."""
    if mapping is None:
        return {}
    scores = {p.score for p in scale}
    resolved: dict[str, float | None] = {}
    for item, score in mapping.section("answers").items():
        if score is not None and score not in scores:
            fail(
                "mapping_score",
                language,
                mapping=mapping.file,
                key="answers",
                item=item,
                value=score,
                scale=describe_scale(scale),
            )
        resolved[values.key(item) or item] = None if score is None else float(score)
    return resolved


def describe_scale(scale: Sequence[ScalePoint]) -> str:
    """``1 (boos 😠), 2 (gefrustreerd 😞), ...`` for messages."""
    return ", ".join(f"{p.score} ({' '.join(x for x in (p.label, p.emoji) if x)})" for p in scale)
