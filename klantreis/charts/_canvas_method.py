"""Each method's own fields on the canvas, where its template puts them (``canvas:``
on a field, see :data:`klantreis.template_fields.CANVAS_PLACES`): a labelled chip on
each touchpoint and a key explaining the options (Michels' Touch, Tell, Sell and
Care), a persona's values in a persona box (the 8-element card's desired role), the
personas of each option side by side (Flanders' users and partners). A phase's values
go in a row through ``lane`` (see :mod:`._canvas_fields`). Nothing here knows a
template by name: a new template places its fields with the same keys."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape

from ..model import Journey
from ..template_fields import TemplateField
from ._common import text_of


def placed(journey: Journey, table: str, place: str) -> list[TemplateField]:
    """The template's fields of ``table`` that the canvas shows at ``place``."""
    declared = journey.template_fields
    return [f for f in declared.of(table) if f.canvas == place] if declared is not None else []


def _extra(record: dict[str, Any]) -> dict[str, Any]:
    extra = record.get("extra")
    return extra if isinstance(extra, dict) else {}


def touchpoint_labels(journey: Journey, row: dict[str, Any]) -> list[str]:
    """The chips a touchpoint gets from fields placed ``label``: the option's label
    (Touch, Tell, Sell or Care), empty values left out."""
    lang = journey.language
    values = _extra(row)
    shown = (
        f.display(values.get(f.id), lang, journey.scale) for f in placed(journey, "touchpoints", "label")
    )
    return [value for value in shown if value]


def key_html(journey: Journey) -> Markup:
    """The key under the canvas for every field placed ``label``: its name, then each
    option with what it means ("Touch: opvallen en in beeld komen")."""
    lang = journey.language
    parts = []
    for f in placed(journey, "touchpoints", "label"):
        options = " · ".join(
            f'<span class="kr-tag kr-label">{escape(o.text(lang))}</span>'
            + (f" {escape(o.hint_text(lang))}" if o.hint_text(lang) else "")
            for o in f.options
        )
        parts.append(f'<p class="kr-legend kr-key"><b>{escape(f.name(lang))}</b>: {options}</p>')
    return Markup("\n".join(parts))


def persona_fields_html(journey: Journey, persona: str) -> Markup:
    """The persona's values of fields placed ``persona`` (the desired role), as a small
    box with the persona's name: a block a persona card can take in whole. Empty when
    the template places none there or the persona has none of them filled in."""
    lang = journey.language
    record = _persona(journey, persona)
    values = _extra(record)
    lines = [
        (f.name(lang), f.display(values.get(f.id), lang, journey.scale))
        for f in placed(journey, "personas", "persona")
    ]
    lines = [(label, value) for label, value in lines if value]
    if not lines:
        return Markup("")
    body = "".join(f"<br><b>{escape(label)}:</b> {escape(value)}" for label, value in lines)
    name = escape(text_of(record.get("name")) or persona)
    return Markup(f'<div class="kr-persona-box"><b>{name}</b>{body}</div>')


def side_by_side_html(journey: Journey, persona: str) -> Markup:
    """For each field placed ``side_by_side``: one column per option naming the
    personas with that value, side by side; the column of this journey's persona
    tinted and its name in bold. Empty when no persona has a value."""
    lang = journey.language
    personas = journey.personas.to_dict("records")
    out = []
    for f in placed(journey, "personas", "side_by_side"):
        if not any(_extra(p).get(f.id) for p in personas):
            continue
        mine = _extra(_persona(journey, persona)).get(f.id)
        cols = []
        for option in f.options:
            names = [
                f"<b>{escape(p['name'])}</b>" if p["id"] == persona else str(escape(p["name"]))
                for p in personas
                if _extra(p).get(f.id) == option.id
            ]
            cls = "kr-side-col kr-this" if option.id == mine else "kr-side-col"
            cols.append(
                f'<div class="{cls}"><b>{escape(option.text(lang))}</b><br>{", ".join(names) or "–"}</div>'
            )
        out.append(
            f'<div class="kr-sides" role="group" aria-label="{escape(f.name(lang))}">{"".join(cols)}</div>'
        )
    return Markup("\n".join(out))


def method_html(journey: Journey, persona: str, persona_box: bool = True) -> Markup:
    """What goes beside the title: the persona box (unless ``persona_box`` is False: a
    poster's persona card shows those fields already) and the side-by-side columns."""
    box = persona_fields_html(journey, persona) if persona_box else Markup("")
    blocks = [b for b in (box, side_by_side_html(journey, persona)) if b]
    return Markup(f'<div class="kr-method">{"".join(blocks)}</div>') if blocks else Markup("")


def _persona(journey: Journey, persona: str) -> dict[str, Any]:
    return next((p for p in journey.personas.to_dict("records") if p["id"] == persona), {})
