"""The print furniture around a poster's table: the persona card (who travels this
journey), and the legend that explains every mark this poster uses, and only those,
with the key of the template's touchpoint labels."""

from __future__ import annotations

from markupsafe import Markup, escape

from ..charts._canvas_evidence import FIGURES_STYLE
from ..charts._canvas_grid import Grid
from ..charts._canvas_method import key_html
from ..charts._common import build_layout, series_labels, texts
from ..charts._curve_data import by_series, curve_annotations, mark_pain, point_rows
from ..charts._phase_marks import phase_marks
from ..charts._typeset import curly_quotes
from ..charts.canvas import Canvas
from .texts import TEXTS

#: The persona's own fields on its card, in this order.
PERSONA_FIELDS = ("role", "context", "needs", "frustrations")


def persona_card(canvas: Canvas) -> str:
    """The persona's card: name, description, role, context, needs and frustrations,
    and the fields the template adds (such as the 8-element card's desired role);
    only what the persona has."""
    journey, lang = canvas.journey, canvas.journey.language
    record = next((p for p in journey.records("personas") if p["id"] == canvas.persona), {})

    def typeset(text: str) -> Markup:
        return escape(curly_quotes(text, lang))

    name = str(record.get("name") or canvas.persona)
    parts = [f'<span class="kr-persona-name">{typeset(name)}</span>']
    if record.get("description"):
        parts.append(f'<span class="kr-persona-about">{typeset(str(record["description"]))}</span>')
    fields = []
    for key in PERSONA_FIELDS:
        value = record.get(key)
        shown = "; ".join(str(v) for v in value if str(v).strip()) if isinstance(value, list) else value
        if shown:
            fields.append((TEXTS.text(f"persona_{key}", lang), str(shown)))
    declared = journey.template_fields
    extra = record.get("extra") or {}
    if declared is not None and isinstance(extra, dict):
        for f in declared.of("personas"):
            value = f.display(extra.get(f.id), lang, journey.scale)
            if value:
                fields.append((f.name(lang), value))
    parts += [f"<b>{typeset(label)}:</b> {typeset(value)}" for label, value in fields]
    title = escape(texts(journey)["persona"])
    return f'<div class="kr-persona"><span class="kr-persona-head">{title}</span> {" · ".join(parts)}</div>'


def legend_html(canvas: Canvas, grid: Grid, scale: Markup) -> str:
    """The legend: the smiley scale (``scale``, trusted HTML), then one entry for each
    mark that appears on this poster, then the template's key of its touchpoint labels."""
    journey, lang = canvas.journey, canvas.journey.language
    t = texts(journey)
    entries = [Markup(f"{escape(TEXTS.text('scale', lang))}: ") + scale]
    if any(row["critical"] for row in grid.rows):
        entries.append(
            Markup('<span class="kr-swatch kr-crucial-swatch kr-key-crucial">')
            + Markup('<span class="kr-star">★</span></span> ')
            + escape(TEXTS.text("key_crucial", lang))
        )
    if any(row.get("importance") == "side" for row in grid.rows):
        entries.append(
            Markup('<span class="kr-muted">') + escape(TEXTS.text("key_side", lang)) + Markup("</span>")
        )
    points = point_rows(journey, grid.rows, build_layout(journey, grid.rows), series_labels(
        journey, [(canvas.persona, canvas.scenario)]), t)  # fmt: skip
    groups = by_series(points)
    mark_pain(groups, journey.scale)
    if any(p["pain"] for p in points):
        entries.append(Markup('<span class="kr-ring">◯</span> ') + escape(TEXTS.text("key_pain", lang)))
    kinds = {kind for note in curve_annotations(groups, journey.scale, t) for kind in note["kinds"]}
    entries += [escape(t[f"key_{kind}"]) for kind in ("peak", "low", "end") if kind in kinds]
    if phase_marks(journey, grid.spans):
        entries.append(Markup('<span class="kr-dash"></span> ') + escape(TEXTS.text("key_phase_mark", lang)))
    if canvas._measured:
        entries.append(
            Markup(f'<span style="{FIGURES_STYLE};display:inline">')
            + escape(TEXTS.text("key_measured", lang))
            + Markup("</span>")
        )
    # then the key of the template's own labels on touchpoints (Touch/Tell/Sell/Care)
    # (in the f-string: adding Markup to a str would escape the legend's own HTML)
    return f'<p class="kr-legend">{Markup(" · ").join(entries)}</p>{key_html(journey)}'


def assembly_css(sheets: int, line: float) -> str:
    """Page rules for a poster of several sheets (none for one): alignment marks at the
    four corners of each sheet's printable area, a glue strip in the right margin of
    every sheet but the last (the next sheet is laid over it up to the dashed line),
    and the neighbours named in the top margin (see :func:`assembly_attrs`)."""
    if sheets < 2:
        return ""
    mark = f"{line}pt solid #000"
    corners = "".join(
        f"@{v}-{h}-corner {{ content: ''; border-{'bottom' if v == 'top' else 'top'}: {mark}; "
        f"border-{'right' if h == 'left' else 'left'}: {mark}; }}\n"
        for v in ("top", "bottom")
        for h in ("left", "right")
    )
    return (
        f"@page {{ {corners}"
        "@top-left { content: string(kr-prev); font-size: 7pt; color: #555; vertical-align: middle; }\n"
        "@top-right { content: string(kr-next); font-size: 7pt; color: #555; vertical-align: middle; }\n}\n"
        f"@page kr-glue {{ @right-middle {{ content: ''; background: #eeeeee; "
        f"border-left: {line}pt dashed #000; }} }}\n"
        ".kr-sheet { string-set: kr-prev attr(data-prev), kr-next attr(data-next); }\n"
        ".kr-sheet.kr-glued { page: kr-glue; }\n"
    )


def assembly_attrs(number: int, total: int, language: str) -> str:
    """The attributes of sheet ``number`` (of ``total``) that name its neighbours in the
    margins, and that give it a glue strip when another sheet joins on its right."""
    if total < 2:
        return ' class="kr-sheet"'
    prev = TEXTS.text("assembly_prev", language, number=number - 1) if number > 1 else ""
    after = TEXTS.text("assembly_next", language, number=number + 1) if number < total else ""
    glued = ' class="kr-sheet kr-glued"' if number < total else ' class="kr-sheet"'
    return f'{glued} data-prev="{escape(prev)}" data-next="{escape(after)}"'
