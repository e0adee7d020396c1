"""A template's own phase fields on the canvas: the values a template puts in one of
its rows (e.g. the research-driven template's success criteria under the phase's
goal), each labelled on a line of its own."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape

from ..model import Journey
from ._words import fit_text


def lane_values(journey: Journey, lane: str, phase: dict[str, Any]) -> list[tuple[str, str]]:
    """``(label, value)`` of the phase's template fields shown in row ``lane``."""
    declared, lang = journey.template_fields, journey.language
    extra = phase.get("extra") or {}
    if declared is None or not isinstance(extra, dict):
        return []
    pairs = [(f.name(lang), f.display(extra.get(f.id), lang, journey.scale))
             for f in declared.of("phases") if f.lane == lane]  # fmt: skip
    return [(label, value) for label, value in pairs if value]


def lane_fields(journey: Journey, lane: str, phase: dict[str, Any], room: float, typeset: bool) -> Markup:
    """The phase's template fields in row ``lane``, each on a line of its own under the
    row's text, labelled, fitted to ``room`` em and typeset like the rest of the canvas."""
    out = Markup("")
    for label, value in lane_values(journey, lane, phase):
        out += (
            Markup("<br><b>")
            + escape(label)
            + Markup(":</b> ")
            + fit_text(value, room, journey.language, typeset=typeset)
        )
    return out
