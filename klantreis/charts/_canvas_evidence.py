"""The measured figures in the canvas's data row: per touchpoint the score with its
interval and n, calls per month, visits and interviews, under the team's free text."""

from __future__ import annotations

from markupsafe import Markup, escape

from ..evidence.figures import MIN_N, journey_evidence
from ..evidence.metric_figures import touchpoint_notes
from ..evidence.wording import figure_notes
from ..model import Journey

FIGURES_CLASS = "kr-figures-measured"
#: Measured figures set apart from the team's free text above them (inline: the canvas
#: page, the report and the poster all show it without a stylesheet of their own).
FIGURES_STYLE = "display:block;margin-top:3px;padding-top:2px;border-top:1px dotted #9aa5ad;color:#37474f"


def data_notes(
    journey: Journey, persona: str, scenario: str, source: str | None = None, min_n: int = MIN_N
) -> dict[str, list[str]]:
    """Touchpoint id -> the measured figures as short texts (only touchpoints with
    figures); empty when the project has no evidence."""
    if not journey.ids("sources"):
        return {}
    evidence = journey_evidence(journey, persona, scenario, source, min_n)
    metrics = touchpoint_notes(journey, persona, scenario, source)  # NPS, CSAT, CES
    notes = {
        row["id"]: figure_notes(row, journey.language) + metrics.get(row["id"], []) for row in evidence.rows
    }
    return {tid: lines for tid, lines in notes.items() if lines}


def notes_html(lines: list[str], free_text: Markup) -> Markup:
    """The free text of the data field followed by the figures, one per line, escaped."""
    if not lines:
        return free_text
    items = Markup("<br>").join(escape(line) for line in lines)
    return (
        free_text
        + Markup(f'<span class="{FIGURES_CLASS}" style="{FIGURES_STYLE}">')
        + items
        + Markup("</span>")
    )
