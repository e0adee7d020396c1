"""The fields a template adds, in the report: on the persona card, per phase and per
touchpoint of the journey; and the grouped views the method asks for (users and
partners side by side, touchpoints by Touch, Tell, Sell or Care). All text escaped."""

from __future__ import annotations

from html import escape

from ..model import Journey
from ..template_fields import TemplateField
from .texts import t


def _fields(journey: Journey, table: str) -> list[TemplateField]:
    return list(journey.template_fields.of(table)) if journey.template_fields else []


def persona_extras(journey: Journey, persona: str, language: str) -> str:
    """The persona's template fields as ``<p><b>label:</b> value</p>`` lines."""
    record = next(p for p in journey.records("personas") if p["id"] == persona)
    return "".join(
        f"<p><b>{escape(f.name(language))}:</b> {escape(_shown(journey, f, record, language))}</p>"
        for f in _fields(journey, "personas")
        if _shown(journey, f, record, language)
    )


def template_tables(journey: Journey, persona: str, scenario: str, language: str) -> str:
    """Tables of the template's phase fields (one row per phase) and touchpoint fields
    (one row per touchpoint of this journey); empty when the template adds none."""
    parts = []
    phase_fields = _fields(journey, "phases")
    if phase_fields:
        rows = [(p["name"] or p["id"], p) for p in journey.records("phases")]
        parts.append(_table(journey, t("phase", language), phase_fields, rows, language))
    touchpoint_fields = _fields(journey, "touchpoints")
    if touchpoint_fields:
        steps = [(r["name"], r) for r in journey.journey(persona, scenario).to_dict("records")]
        parts.append(_table(journey, t("touchpoint", language), touchpoint_fields, steps, language))
    if not parts:
        return ""
    return f"<h2>{escape(t('method_fields', language))}</h2>\n" + "\n".join(parts)


def grouped_views(journey: Journey, persona: str, scenario: str) -> str:
    """The grouped views the template asks for (``group: true`` fields), as HTML."""
    from ..charts.grouped import grouped_fields, grouped_view

    return "\n".join(
        grouped_view(journey, f.id, persona, scenario).html_fragment() for f in grouped_fields(journey)
    )


def _table(journey: Journey, first: str, fields: list[TemplateField], rows: list[tuple[str, dict]],
           language: str) -> str:  # fmt: skip
    head = "".join(f"<th>{escape(h)}</th>" for h in [first, *(f.name(language) for f in fields)])
    body = "".join(
        "<tr>" + f"<td>{escape(str(name))}</td>"
        + "".join(f"<td>{escape(_shown(journey, f, record, language))}</td>" for f in fields) + "</tr>"
        for name, record in rows
    )  # fmt: skip
    return f'<table class="kr-table"><tr>{head}</tr>{body}</table>'


def _shown(journey: Journey, field: TemplateField, record: dict, language: str) -> str:
    value = (record.get("extra") or {}).get(field.id)
    return field.display(value, language, journey.scale)
