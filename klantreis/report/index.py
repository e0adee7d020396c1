"""``index.html`` of a build: every journey with its key figures and a link, and the
comparison charts (all personas; each persona's scenarios side by side)."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from ..atomic import write_atomic
from ..charts.export import charts_html_page
from ..messages import number
from ..model import Journey
from ..templates import journey_uses
from .assets import REPORT_CSS
from .evidence_index import measured_comparison
from .evidence_metrics import metrics_comparison
from .figures import key_figures
from .texts import t

if TYPE_CHECKING:
    from ..builder import JourneyResult


def index_html(journey: Journey, results: list[JourneyResult], evidence: str = "") -> str:
    """The index page as one self-contained HTML document; with evidence in the
    project, the personas compared on measured scores (of source ``evidence`` only,
    when given)."""
    from ..charts import emotion_curve

    lang = journey.language
    crucial = journey_uses(journey.template, "critical")
    columns = (
        "persona",
        "scenario",
        "touchpoints",
        "mean_emotion",
        "lowest",
        *(["crucial"] if crucial else []),
    )
    head = "".join(f"<th>{escape(t(k, lang))}</th>" for k in columns)
    rows = []
    for result in results:
        f = key_figures(journey, result.persona, result.scenario)
        mean = number(f.mean_emotion, lang)
        lowest = ", ".join(f.lowest) or "–"
        if f.lowest_score is not None and f.lowest_measured is None:  # else named "(gemeten …)"
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
            *([escape(", ".join(f.crucial)) or "–"] if crucial else []),
        ]
        rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + f"<td>{link}</td></tr>")
    charts: list[Any] = []
    built = [(r.persona, r.scenario) for r in results]
    personas = list(dict.fromkeys(p for p, _ in built))
    first = journey.default_scenario
    if len([p for p, s in built if s == first]) > 1:
        charts.append(Markup(f"<h2>{escape(t('all_personas', lang))}</h2>"))
        charts.append(emotion_curve(journey, personas, first))
    for persona in personas:
        scenarios = [s for p, s in built if p == persona]
        if len(scenarios) > 1:
            name = journey.name_of("personas", persona)
            charts.append(Markup(f"<h2>{escape(t('scenarios_of', lang, name=name))}</h2>"))
            charts.append(emotion_curve(journey, persona, scenarios))
    table = (
        f"<p>{escape(journey.goal)}</p>\n<h2>{escape(t('journeys', lang))}</h2>\n"
        f'<table class="kr-table"><tr>{head}<th></th></tr>\n{"".join(rows)}\n</table>\n'
        f"<style>{REPORT_CSS}</style>"
        + measured_comparison(journey, built, evidence or None)
        + metrics_comparison(journey, built, evidence or None)
    )
    return charts_html_page(journey.title, charts, extra_html=Markup(table), language=lang)


def write_index(journey: Journey, results: list[JourneyResult], out: Path, evidence: str = "") -> Path:
    """Write ``out/index.html``; returns its path."""
    return write_atomic(Path(out) / "index.html", index_html(journey, results, evidence))
