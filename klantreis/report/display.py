"""Show charts and HTML in the report notebook so that nbconvert's page draws them
offline with the Vega JavaScript that the page carries once."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from ..charts.export import script_json

FALLBACK = {
    "nl": "Deze grafiek verschijnt in het HTML-rapport (klantreis build).",
    "en": "This chart appears in the HTML report (klantreis build).",
}


def chart_html(chart: Any, language: str = "nl") -> str:
    """An HTML snippet that draws ``chart`` (an Altair chart or a Vega-Lite dict) with the
    page's ``vegaEmbed``; the element id is derived from the spec, so output is stable."""
    spec = chart if isinstance(chart, dict) else chart.to_dict()
    data = script_json(spec)
    element = "kr-" + hashlib.sha1(data.encode("utf-8")).hexdigest()[:12]
    fallback = json.dumps(FALLBACK.get(language, FALLBACK["nl"]))
    return (
        f'<div class="kr-chart" id="{element}"></div>\n'
        '<script type="text/javascript">(function () {\n'
        f'  var el = document.getElementById("{element}");\n'
        f"  var spec = {data};\n"
        '  if (window.vegaEmbed) { window.vegaEmbed(el, spec, {actions: false, renderer: "svg"}); }\n'
        f"  else {{ el.textContent = {fallback}; }}\n"
        "})();</script>"
    )
