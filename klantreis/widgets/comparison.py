"""The scenario comparison in the review step, for methods that end with it (Flanders:
repeat the map after the changes and compare; the Customer Journey Canvas: compare with
the biggest competitor).

For every persona with touchpoints in more than one scenario: per phase the mean
emotion in both scenarios and the difference (:func:`phase_means`; a competitor's
journey has touchpoints of its own, so the phases are what the two have in common),
then the change per touchpoint found in both (:func:`klantreis.charts.scenario_delta`).
"""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as w

from ..messages import number
from ..model import Journey
from .curve import import_charts
from .texts import tr


def comparisons(journey: Journey) -> list[tuple[str, str, str]]:
    """``(persona, from scenario, to scenario)`` for each persona: from its first
    scenario with touchpoints to each later one."""
    out = []
    for persona in journey.ids("personas"):
        scenarios = [s for p, s in journey.journeys() if p == persona]
        out += [(persona, scenarios[0], other) for other in scenarios[1:]]
    return out


def phase_means(journey: Journey, persona: str, scenario: str) -> dict[str, float | None]:
    """The mean emotion per phase id (every phase, in order) of one journey; None for a
    phase without a scored touchpoint."""
    rows = journey.journey(persona, scenario)
    out: dict[str, float | None] = {}
    for phase in journey.ids("phases"):
        scores = [float(e) for e in rows.loc[rows["phase"] == phase, "emotion"].dropna()]
        out[phase] = sum(scores) / len(scores) if scores else None
    return out


def phase_table(journey: Journey, persona: str, before: str, after: str, language: str) -> str:
    """The per-phase comparison as an HTML table: phase, mean emotion in ``before``
    and in ``after`` (Dutch or English decimals), and the difference with its sign."""
    first, second = phase_means(journey, persona, before), phase_means(journey, persona, after)
    head = [tr("per_phase_head", language)] + [
        tr("mean_in", language, scenario=journey.name_of("scenarios", s)) for s in (before, after)
    ] + [tr("difference", language)]  # fmt: skip
    rows = []
    for phase in first:
        a, b = first[phase], second[phase]
        diff = "–" if a is None or b is None else ("+" if b > a else "") + number(b - a, language)
        cells = [journey.name_of("phases", phase), number(a, language), number(b, language), diff]
        rows.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>")
    header = "".join(f"<th>{html.escape(h)}</th>" for h in head)
    return f'<table class="kr-phase-comparison"><tr>{header}</tr>{"".join(rows)}</table>'


class ComparisonPanel:
    """A heading, a line saying what to do while there is nothing to compare, and one
    chart per comparison (``specs``: their Vega-Lite specs, in order)."""

    def __init__(self, language: str):
        self.language = language
        self.note = w.HTML()
        self.output = w.Output()
        self.pairs: list[tuple[str, str, str]] = []
        self.widget = w.VBox([w.HTML(f"<h4>{tr('comparison', language)}</h4>"), self.note, self.output])

    @property
    def specs(self) -> list[dict[str, Any]]:
        """The Vega-Lite specs shown, one per comparison."""
        import_charts()
        from ..charts.notebook import VEGALITE_MIME

        return [out["data"][VEGALITE_MIME] for out in self.output.outputs if VEGALITE_MIME in out["data"]]

    def draw(self, journey: Journey) -> None:
        """Show the comparisons of ``journey`` (or say how to get one)."""
        self.pairs = comparisons(journey)
        if not self.pairs:
            self.note.value = f"<i>{html.escape(tr('no_comparison', self.language))}</i>"
            self.output.outputs = ()
            return
        self.note.value = ""
        charts = import_charts()
        outputs = []
        for persona, before, after in self.pairs:
            chart = charts.scenario_delta(journey, persona, before, after)
            title = tr(
                "comparison_of", self.language, persona=journey.name_of("personas", persona),
                before=journey.name_of("scenarios", before), after=journey.name_of("scenarios", after),
            )  # fmt: skip
            table = phase_table(journey, persona, before, after, self.language)
            heading = {"text/html": f"<b>{html.escape(title)}</b>{table}", "text/plain": title}
            for data in (heading, charts.notebook_bundle(chart.to_dict(validate=False), title)):
                outputs.append({"output_type": "display_data", "data": data, "metadata": {}})
        self.output.outputs = tuple(outputs)
