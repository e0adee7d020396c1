"""The opportunities lane of the canvas: each opportunity of a phase where the phase
starts, one of a touchpoint beside its touchpoint, with its impact and effort."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape

from ..model import Journey
from ._common import text_of, texts
from ._words import fit_text


def opportunity_list(
    journey: Journey, opportunities: Any, span: dict[str, Any], room: float, typeset: bool
) -> Markup:
    """The opportunities (a DataFrame) that belong in the phase cell ``span`` as a list,
    each fitted to ``room`` em; empty markup when none belongs there."""
    t = texts(journey)
    items = []
    for op in opportunities.to_dict("records"):
        of_phase = text_of(op["phase"]) == span["phase_id"] and not span.get("continued")
        if of_phase or (not text_of(op["phase"]) and text_of(op["touchpoint"]) in span["ids"]):
            rating = []
            if text_of(op["impact"]):
                rating.append(f"{t['impact'].lower()} {op['impact']}")
            if text_of(op["effort"]):
                rating.append(f"{t['effort'].lower()} {op['effort']}")
            extra = (Markup(' <span class="kr-muted">(') + escape(", ".join(rating)) + Markup(")</span>")
                     if rating else Markup(""))  # fmt: skip
            text = fit_text(op["description"], room, journey.language, typeset=typeset)
            items.append(Markup("<li>") + text + extra + Markup("</li>"))
    return Markup("<ul>") + Markup("").join(items) + Markup("</ul>") if items else Markup("")
