"""``index.html`` of a build: every journey with its key figures and a link, and the
comparison charts (all personas; each persona's scenarios side by side)."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from ..fileformat import write_atomic
from ..model import Journey
from .assets import REPORT_CSS, vega_javascript
from .display import chart_html
from .figures import key_figures
from .texts import t

if TYPE_CHECKING:
    from ..builder import JourneyResult


def index_html(journey: Journey, results: list[JourneyResult]) -> str:
    """The index page as one self-contained HTML document."""
    from ..charts import emotion_curve

    lang = journey.language
    head = "".join(
        f"<th>{escape(t(k, lang))}</th>"
        for k in ("persona", "scenario", "touchpoints", "mean_emotion", "lowest", "crucial")
    )
    rows = []
    for result in results:
        f = key_figures(journey, result.persona, result.scenario)
        mean = "–" if f.mean_emotion is None else f"{f.mean_emotion:.1f}"
        lowest = ", ".join(f.lowest) or "–"
        if f.lowest_score is not None:
            point = journey.scale_point(f.lowest_score)
            lowest = f"{point.emoji if point else ''} {lowest}".strip()
        href = f"{result.persona}/{result.scenario}.html"
        link = (
            f'<a href="{escape(href)}">{escape(t("open_report", lang))}</a>'
            if result.ok
            else f'<span title="{escape(result.error)}">⚠ {escape(t("failed", lang))}: '
            f"{escape(result.error)}</span>"
        )
        cells = [
            escape(journey.name_of("personas", result.persona)),
            escape(journey.name_of("scenarios", result.scenario)),
            str(f.touchpoints),
            mean,
            escape(lowest),
            escape(", ".join(f.crucial)) or "–",
        ]
        rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + f"<td>{link}</td></tr>")
    charts = []
    built = [(r.persona, r.scenario) for r in results]
    personas = list(dict.fromkeys(p for p, _ in built))
    first = journey.default_scenario
    if len([p for p, s in built if s == first]) > 1:
        charts.append(f"<h2>{escape(t('all_personas', lang))}</h2>")
        charts.append(chart_html(emotion_curve(journey, personas, first), lang))
    for persona in personas:
        scenarios = [s for p, s in built if p == persona]
        if len(scenarios) > 1:
            name = journey.name_of("personas", persona)
            charts.append(f"<h2>{escape(t('scenarios_of', lang, name=name))}</h2>")
            charts.append(chart_html(emotion_curve(journey, persona, scenarios), lang))
    return f"""<!DOCTYPE html>
<html lang="{escape(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{escape(journey.title)} – {escape(t("index_title", lang))}</title>
<style>
body {{ font-family: system-ui, sans-serif; max-width: 1400px; margin: 0 auto; padding: 1rem 2rem; }}
{REPORT_CSS}
</style>
<script type="text/javascript">
{vega_javascript()}
</script>
</head>
<body>
<h1>{escape(journey.title)}</h1>
<p>{escape(journey.goal)}</p>
<h2>{escape(t("journeys", lang))}</h2>
<table class="kr-table"><tr>{head}<th></th></tr>
{"".join(rows)}
</table>
{"".join(charts)}
</body>
</html>
"""


def write_index(journey: Journey, results: list[JourneyResult], out: Path) -> Path:
    """Write ``out/index.html``; returns its path."""
    return write_atomic(Path(out) / "index.html", index_html(journey, results))
