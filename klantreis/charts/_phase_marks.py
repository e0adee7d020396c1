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
                "legend": t["phase_mark_legend"],
            })  # fmt: skip
    return rows


def phase_mark_layers(data: str, legend: bool, t: dict[str, str]) -> list[Any]:
    """The layer drawing the rows of :func:`phase_marks` (data set ``data``): a dashed
    line over the band, in the legend as "fase als geheel" (with ``legend``). The
    scale's word stands in the phase's head, under its name (see the curve), where no
    line or point can strike it through."""
    dash = alt.StrokeDash(
        "legend:N",
        scale=alt.Scale(domain=[t["phase_mark_legend"]], range=[[6, 4]]),
        legend=alt.Legend(title=None, orient="bottom", symbolStrokeWidth=2.5) if legend else None,
    )
    line = unit(
        data,
        {"type": "rule", "strokeWidth": 3, "color": MARK_COLOUR, "opacity": 0.8},
        {"x2": alt.X2("end:Q"), "strokeDash": dash,
         "tooltip": [alt.Tooltip("phase:N", title=t["phase"]), alt.Tooltip("label:N", title=t["emotion"])]},
    )  # fmt: skip
    return [line]
