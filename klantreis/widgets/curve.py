"""The live emotion curve of the emoties form, drawn fast and kept in view.

The first curve used to take about 1.5 s, nearly all of it importing Altair: Altair
imports jsonschema, and jsonschema, when the optional ``rfc3987_syntax`` package is
installed (Jupyter installs it), compiles that package's IRI grammar at import time
(about 1 s, measured with ``python -X importtime``). :mod:`klantreis.charts`, through
which every Altair import passes, hides that optional package meanwhile; jsonschema
then simply has no "iri" format check in this process. Redraws skip the schema check
of the spec (the test suite validates the same spec), which is most of a redraw's
cost. See ``benchmarks/bench_curve.py``.
"""

from __future__ import annotations

from types import ModuleType
from typing import Any

import ipywidgets as w

from ..model import Journey

#: Pixels across the curve's plot may take in a notebook or app page; the chart
#: spreads its touchpoints over them.
CURVE_WIDTH = 900
#: Plot height: low enough that the curve and a row or two fit on a laptop screen.
CURVE_HEIGHT = 170

#: A picture of one transparent pixel sent along with the curve's spec. Without a
#: picture in the output, JupyterLab's Vega renderer (which Voilà uses) paints the
#: drawn chart into a PNG after every draw and stores it in the output: work and
#: memory for a picture nobody sees, on every redraw. It never shows instead of the
#: chart: the renderer prefers the Vega-Lite spec.
NO_PICTURE = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4//8/AwAI/AL+p5qgoAAAAABJRU5ErkJggg=="
)

#: Keeps the curve at the top of the screen while the rows below it scroll past.
#: Sticking needs every box around it to let it out: widget boxes and JupyterLab's
#: output area clip their content, so only the boxes that hold the curve are opened.
CURVE_CSS = """<style>
@media (min-height: 640px) {
  .kr-curve-panel { position: sticky; top: 0; z-index: 5; }
  /* a row (or field) brought into view, e.g. by Tab, lands below the curve */
  .kr-below-curve, .kr-below-curve * { scroll-margin-top: 400px; }
}
.kr-curve-panel { background: var(--jp-layout-color0, #fff); border-bottom: 1px solid #ddd;
  padding-bottom: 4px; }
.widget-box:has(.kr-curve-panel), .jp-OutputArea-output:has(.kr-curve-panel),
.jp-OutputArea-child:has(.kr-curve-panel), .jp-Cell-outputArea:has(.kr-curve-panel)
  { overflow: visible !important; }
</style>"""


def import_charts() -> ModuleType:
    """``klantreis.charts``, imported when the first curve is drawn (it brings in
    Altair; see :mod:`klantreis.charts` for how that import is kept fast)."""
    from .. import charts

    return charts


class CurvePanel:
    """An output area showing the emotion curve of one journey; ``widget`` sticks to
    the top of the scrolling page, so the curve stays in view."""

    def __init__(self, title: str, width: int = CURVE_WIDTH):
        self.title = title
        self.width = width
        self.output = w.Output()
        self.widget = w.VBox([w.HTML(CURVE_CSS), self.output])
        self.widget.add_class("kr-curve-panel")

    @property
    def spec(self) -> dict[str, Any] | None:
        """The Vega-Lite spec shown, or None when no curve is shown."""
        import_charts()
        from ..charts.notebook import VEGALITE_MIME

        outputs = self.output.outputs
        return outputs[0]["data"][VEGALITE_MIME] if outputs else None

    def draw(
        self, journey: Journey, persona: str | None, scenario: str | None, evidence: str | None = None
    ) -> None:
        """Show the curve of ``persona`` in ``scenario`` (nothing when it has no emotions);
        when the project has evidence, with the measured scores of source ``evidence``
        (None: all sources) next to it (see :func:`klantreis.charts.evidence_curve`)."""
        rows = journey.journey(persona, scenario) if persona else None
        if rows is None or rows.empty or rows["emotion"].isna().all():
            self.output.outputs = ()
            return
        charts = import_charts()
        if journey.ids("sources"):
            chart = charts.evidence_curve(
                journey, persona, scenario, source=evidence or None, width=self.width, height=CURVE_HEIGHT
            )
        else:
            chart = charts.emotion_curve(journey, persona, scenario, width=self.width, height=CURVE_HEIGHT)
        spec = chart.to_dict(validate=False)
        self.output.outputs = ({
            "output_type": "display_data",
            "data": {**charts.notebook_bundle(spec, self.title), "image/png": NO_PICTURE},
            "metadata": {},
        },)  # fmt: skip
