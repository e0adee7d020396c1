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

from collections.abc import Callable
from types import ModuleType
from typing import Any

import ipywidgets as w

from ..model import Journey
from .panel_width import PanelWidth

#: Pixels across the curve's plot until the browser has said how wide its panel is.
CURVE_WIDTH = 640
#: The plot's width follows the panel's (:class:`.panel_width.PanelWidth`), minus
#: what the chart draws beside the plot (the emotion axis with its smileys, margins
#: and the chart's menu button), but never narrower than ``MIN_CURVE_WIDTH``; a panel
#: narrower still shows the curve scaled down to fit (``CURVE_CSS``).
CURVE_MARGIN = 240
MIN_CURVE_WIDTH = 320
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
#: output area are scroll boxes, so the boxes that hold the curve clip instead
#: (``overflow: clip`` makes no scroll box); nothing may stick out sideways: a curve
#: wider than its panel is scaled down to fit (``form.css``, for every chart in a form).
CURVE_CSS = """<style>
@media (min-height: 640px) {
  .kr-curve-panel { position: sticky; top: 0; z-index: 5; }
  /* a row (or field) brought into view, e.g. by Tab, lands below the curve */
  .kr-below-curve, .kr-below-curve * { scroll-margin-top: 400px; }
}
.kr-curve-panel { background: var(--jp-layout-color0, #fff); border-bottom: 1px solid #ddd;
  padding-bottom: 4px; max-width: 100%; box-sizing: border-box; }
.widget-box:has(.kr-curve-panel), .jp-OutputArea-output:has(.kr-curve-panel),
.jp-OutputArea-child:has(.kr-curve-panel), .jp-Cell-outputArea:has(.kr-curve-panel)
  { overflow: clip !important; }
</style>"""


def plot_width(panel: int) -> int:
    """The curve's plot width for a panel ``panel`` px wide (0: not known yet)."""
    if panel <= 0:
        return CURVE_WIDTH
    return max(MIN_CURVE_WIDTH, panel - CURVE_MARGIN)


def import_charts() -> ModuleType:
    """``klantreis.charts``, imported when the first curve is drawn (it brings in
    Altair; see :mod:`klantreis.charts` for how that import is kept fast)."""
    from .. import charts

    return charts


class CurvePanel:
    """An output area showing the emotion curve of one journey; ``widget`` sticks to
    the top of the scrolling page, so the curve stays in view, and the curve is drawn
    as wide as the panel is (again when the panel's width changes)."""

    def __init__(self, title: str, redraw: Callable[[], None] | None = None):
        self.title = title
        #: What draws the current curve again (the form's own draw, which looks up
        #: its current journey); called when the panel's width changes.
        self.redraw = redraw
        self.output = w.Output()
        self.panel = PanelWidth()
        self.widget = w.VBox([w.HTML(CURVE_CSS), self.panel, self.output])
        self.widget.add_class("kr-curve-panel")
        self.panel.observe(self._resized, names="width")

    @property
    def width(self) -> int:
        """The plot width the curve is drawn at (see :func:`plot_width`)."""
        return plot_width(self.panel.width)

    def _resized(self, change: dict[str, Any]) -> None:
        if self.redraw is not None and plot_width(change["old"]) != plot_width(change["new"]):
            self.redraw()

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
