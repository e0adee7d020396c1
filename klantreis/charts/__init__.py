"""Charts of a journey, built with Altair (Vega-Lite) and plain HTML.

- :func:`emotion_curve`: the emotion per touchpoint, persona and scenario, with phases,
  crucial touchpoints, pain points, gaps and the peak and end.
- :func:`canvas`: the printable canvas (phases x lanes) with the curve underneath.
- :func:`channel_map`: channels x phases, number of touchpoints and mean emotion.
- :func:`scenario_delta`: change in emotion per touchpoint between two scenarios.
- :func:`opportunity_matrix`: opportunities by impact and effort.
- :func:`grouped_view`: phases x the options of a template's choice field (users and
  partners side by side; touchpoints by Touch, Tell, Sell or Care).
- :func:`evidence_curve`: the assumed curve next to the measured one, with 95% intervals.
- :func:`pain_ranking`: touchpoints ranked by dissatisfaction × calls per month.
- :func:`save_chart`: save as offline HTML, SVG, PNG (PDF, JSON).
- :func:`charts_html_page`: one offline HTML page with several charts and canvases,
  the Vega JavaScript embedded once.

Labels follow ``journey.language`` (Dutch or English). Importing this package makes
Altair show charts in JupyterLab through its own bundled Vega-Lite viewer, so they
draw without internet (see :mod:`klantreis.charts.notebook`).
"""

from __future__ import annotations

import sys

# Every import of Altair in klantreis passes here. Altair imports jsonschema, which,
# when the optional package rfc3987_syntax is installed (Jupyter installs it), builds
# that package's IRI grammar at import time: a second or more in every fresh kernel,
# before the first chart. klantreis never checks IRIs, so the package is hidden while
# Altair comes in (jsonschema then has no "iri" format check in this process), and
# shown again after, for code of the user's own.
_HIDE = "jsonschema" not in sys.modules and "rfc3987_syntax" not in sys.modules
if _HIDE:
    sys.modules["rfc3987_syntax"] = None  # type: ignore[assignment]  # "not installed"
try:
    from .canvas import Canvas, canvas
    from .channels import channel_map
    from .delta import scenario_delta
    from .emotion import emotion_curve
    from .evidence import evidence_curve, pain_ranking
    from .export import chart_png, chart_svg, charts_html_page, save_chart
    from .grouped import grouped_view
    from .notebook import enable_offline_renderer, notebook_bundle
    from .opportunities import opportunity_matrix
finally:
    if _HIDE:
        del sys.modules["rfc3987_syntax"]

enable_offline_renderer()

__all__ = [
    "Canvas",
    "canvas",
    "channel_map",
    "chart_png",
    "chart_svg",
    "charts_html_page",
    "emotion_curve",
    "evidence_curve",
    "enable_offline_renderer",
    "grouped_view",
    "notebook_bundle",
    "opportunity_matrix",
    "pain_ranking",
    "save_chart",
    "scenario_delta",
]
