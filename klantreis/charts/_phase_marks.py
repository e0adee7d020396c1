"""The overall experience of a phase on the emotion curve.

A template may ask for a phase's overall experience on the emotion scale (a phase
field of kind ``scale``: the Customer Journey Canvas asks for the emotion per
touchpoint and the overall experience per phase). The curve then draws it as a dashed
line across the phase's band at that score, labelled with the scale's word, so the
team sees it beside the touchpoints: a phase can feel worse as a whole than most of
its moments, or better.
"""

from __future__ import annotations

from typing import Any

import altair as alt

from ..model import Journey
from ..template_fields import SCALE
from ._common import texts, unit

MARK_COLOUR = "#444444"


def phase_marks(journey: Journey, spans: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per phase (``spans`` from ``Layout.phase_spans``) and per scale field of
    the template that the phase has filled in: ``x``/``end`` (the band), ``emotion``
    (the score), ``label`` (the field's name and the scale's word), ``word`` (the short
    text drawn above the line) and ``phase``."""
    declared = journey.template_fields
    fields = [f for f in declared.of("phases") if f.kind == SCALE] if declared else []
    if not fields:
        return []
    lang, t = journey.language, texts(journey)
    extras = {p["id"]: p["extra"] or {} for p in journey.records("phases")}
    rows = []
    for span in spans:
        for f in fields:
            score = extras.get(span["phase_id"], {}).get(f.id)
            point = journey.scale_point(score)
            if point is None:
                continue
            rows.append({
                "x": span["start"], "end": span["end"], "middle": span["middle"],
                "emotion": point.score, "phase": span["phase"],
                "label": f"{f.name(lang)}: {point.emoji} {point.label}".strip(),
                "word": f"{t['phase_overall']}: {point.label}",
            })  # fmt: skip
    return rows


def phase_mark_layers(compact: bool, t: dict[str, str]) -> list[Any]:
    """The layers drawing the rows of :func:`phase_marks` (data set ``phase_marks``):
    a dashed line over the band and, outside the canvas, the scale's word above it."""
    line = unit(
        "phase_marks",
        {"type": "rule", "strokeDash": [6, 4], "strokeWidth": 3, "color": MARK_COLOUR, "opacity": 0.8},
        {
            "x2": alt.X2("end:Q"),
            "tooltip": [alt.Tooltip("phase:N", title=t["phase"]), alt.Tooltip("label:N", title=t["emotion"])],
        },  # fmt: skip
    )
    if compact:
        return [line]
    word = unit(
        "phase_marks",
        {"type": "text", "dy": -8, "fontSize": 10, "fontStyle": "italic", "color": MARK_COLOUR},
        {"x": alt.X("middle:Q"), "text": alt.Text("word:N")},
    )
    return [line, word]
