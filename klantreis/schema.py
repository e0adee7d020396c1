"""The JSON Schema of the project file, generated from the field definitions and,
for the ``extra`` fields, from each bundled template's declarations."""

from __future__ import annotations

from typing import Any

from .fields import (
    ANSWER,
    BOOL,
    FLOAT,
    HEAD,
    INT,
    LIST,
    MAPPING,
    OPTBOOL,
    REVIEW,
    SCALE_MIN,
    SCALE_STEP,
    SCOPE,
    SCORE,
    SLUG,
    TABLES,
    VERSION,
    Field,
    Group,
)
from .template_fields import CHOICE, SCALE, TABLE_STEPS, YESNO, TemplateField
from .templates import list_templates
from .version import FORMAT_VERSION

SCORE_SCHEMA = {
    "type": ["integer", "string", "null"],
    "description": "a score of the scale, or one of its labels or emoji",
}

SLUG_PATTERN = "^[A-Za-z0-9_-]+$"


def _field_schema(field: Field) -> dict[str, Any]:
    if field.kind == SLUG:
        return {"type": ["string", "integer"], "pattern": SLUG_PATTERN}
    if field.kind == LIST:
        return {"type": "array", "items": {"type": "string"}}
    if field.kind == BOOL:
        return {"type": "boolean"}
    if field.kind == OPTBOOL:
        return {"type": ["boolean", "null"]}
    if field.kind == SCORE:
        return dict(SCORE_SCHEMA)
    if field.declared:
        return {
            "type": "object",
            "description": "the values of the fields the template adds (see `fields` in its file)",
            "propertyNames": {"pattern": SLUG_PATTERN},
            "additionalProperties": {"type": ["string", "number", "boolean"]},
        }
    if field.kind == FLOAT:
        bounds = {"minimum": field.bounds[0], "maximum": field.bounds[1]} if field.bounds else {}
        return {"type": ["number", "null"], **bounds}
    if field.kind == MAPPING:
        return {"type": "object"}
    if field.kind == INT:
        schema: dict[str, Any] = {"type": "integer" if field.required else ["integer", "null"]}
        if field.bounds:
            schema.update(minimum=field.bounds[0], maximum=field.bounds[1])
        return schema
    schema = {"type": "string", "minLength": 1} if field.required else {"type": ["string", "null"]}
    if field.choices:
        schema["enum"] = list(field.choices) if field.required else [*field.choices, "", None]
    return schema


def _group_schema(group: Group) -> dict[str, Any]:
    """A mapping holding the fields of ``group`` and no others."""
    return {
        "type": "object",
        "additionalProperties": False,
        **({"required": required} if (required := [f.name for f in group.fields if f.required]) else {}),
        "properties": {f.name: _field_schema(f) for f in group.fields},
    }


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a klantreis project file. It checks shapes and
    types; references between tables and unique ids are checked by ``klantreis validate``."""
    tables = {}
    for table, spec in TABLES.items():
        fields = spec.fields
        tables[table] = {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": [f.name for f in fields if f.required],
                "properties": {f.name: _field_schema(f) for f in fields},
            },
        }
    review = _group_schema(REVIEW)
    review["properties"]["answers"] = {"type": "object", "additionalProperties": _field_schema(ANSWER)}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://klantreis.invalid/schema/project-v1.json",
        "title": "klantreis project file",
        "type": "object",
        "additionalProperties": False,
        "required": [VERSION.name, *(f.name for f in HEAD.fields if f.required)],
        "properties": {
            VERSION.name: {"const": FORMAT_VERSION},
            **{f.name: _field_schema(f) for f in HEAD.fields},
            SCOPE.name: _group_schema(SCOPE),
            SCALE_STEP.name: {"type": "array", "minItems": SCALE_MIN, "items": _group_schema(SCALE_STEP)},
            **tables,
            REVIEW.name: review,
        },
        "allOf": [_template_rule(t.id, list(t.fields())) for t in list_templates()],
    }


def _template_rule(template_id: str, fields: list[TemplateField]) -> dict[str, Any]:
    """When a file names this template, its records' ``extra`` holds only the fields
    the template declares, each of its kind."""
    tables = {}
    for table in TABLE_STEPS:
        declared = {f.id: _extra_schema(f) for f in fields if f.table == table}
        extra = {"type": "object", "additionalProperties": False, "properties": declared}
        tables[table] = {"type": "array", "items": {"properties": {"extra": extra}}}
    return {
        "if": {"required": ["template"], "properties": {"template": {"const": template_id}}},
        "then": {"properties": tables},
    }


def _extra_schema(field: TemplateField) -> dict[str, Any]:
    if field.kind == CHOICE:
        return {"enum": [o.id for o in field.options]}
    if field.kind == YESNO:
        return {"type": "boolean"}
    if field.kind == SCALE:
        return dict(SCORE_SCHEMA)
    return {"type": "string"}
