"""Show charts and HTML in the report notebook so that nbconvert's page draws them
offline with the Vega JavaScript that the page carries once."""

from __future__ import annotations

import hashlib
import json
from html import escape
from typing import Any

from ..charts.export import script_json
from ..model import Journey
from .texts import t

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


def curve_table(journey: Journey, pairs: list[tuple[str, str]]) -> str:
    """The emotion curve's points as a table under a disclosure button (reachable and
    opened with the keyboard): phase, touchpoint, score and its label, per journey."""
    from ..charts.describe import curve_points

    lang = journey.language
    head = "".join(f'<th scope="col">{escape(t(k, lang))}</th>' for k in ("phase", "touchpoint", "emotion"))
    rows = [
        f"<tr><td>{escape(p['phase'])}</td><td>{escape(p['touchpoint'])}</td>"
        f"<td>{escape(_score(p))}</td></tr>"
        for p in curve_points(journey, pairs)
    ]
    return (
        f'<details class="kr-curve-data"><summary>{escape(t("curve_data", lang))}</summary>\n'
        f'<table class="kr-table"><tr>{head}</tr>\n{"".join(rows)}\n</table></details>'
    )


def _score(point: dict[str, Any]) -> str:
    return "" if point["emotion"] is None else f"{point['emotion']} {point['label']}".strip()
