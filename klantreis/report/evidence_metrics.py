"""NPS, CSAT and CES in the report: a table in a journey's evidence section (where,
figure with its 95% interval and n, source) and, on the index page, the personas side
by side. All user text escaped."""

from __future__ import annotations

from html import escape

from ..evidence.metric_figures import WORDS, MetricFigure, metric_figures, metric_text, where_text
from ..model import Journey


def _w(code: str, lang: str) -> str:
    return escape(WORDS.text(code, lang))


def metrics_table(journey: Journey, persona: str, scenario: str, source: str | None = None) -> str:
    """The journey's NPS, CSAT and CES figures as a table ("" when it has none)."""
    figures = metric_figures(journey, persona, scenario, source)
    if not figures:
        return ""
    lang = journey.language
    head = "".join(f"<th>{_w(k, lang)}</th>" for k in ("where", "figure", "source"))
    rows = "".join(
        f"<tr><td>{escape(where_text(f, lang))}</td><td>{escape(metric_text(f, lang))}</td>"
        f"<td>{escape(f.source)}</td></tr>"
        for f in figures
    )
    return (
        f"<h3>{_w('heading', lang)}</h3><p>{_w('intro', lang)}</p>"
        f'<table class="kr-table kr-metrics"><tr>{head}</tr>{rows}</table>'
    )


def metrics_comparison(journey: Journey, pairs: list[tuple[str, str]], source: str | None = None) -> str:
    """The personas' NPS, CSAT and CES side by side: one row per metric and place, one
    column per journey ("" when none of them has such a figure)."""
    if not journey.ids("sources") or not pairs:
        return ""
    lang = journey.language
    columns = [metric_figures(journey, p, s, source) for p, s in pairs]
    rows: dict[tuple[str, str, str], str] = {}
    for figures in columns:
        for f in figures:
            rows.setdefault((f.level, f.target, f.metric), f"{f.metric.upper()} · {where_text(f, lang)}")
    if not rows:
        return ""
    several = len({s for _, s in pairs}) > 1
    head = [""]
    for p, s in pairs:
        name = journey.name_of("personas", p)
        head.append(name + (f" – {journey.name_of('scenarios', s)}" if several else ""))
    body = []
    for key, label in rows.items():
        cells = [label]
        for figures in columns:
            hits: list[MetricFigure] = [f for f in figures if (f.level, f.target, f.metric) == key]
            cells.append(" / ".join(metric_text(f, lang) for f in hits) or "–")
        body.append("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in cells) + "</tr>")
    header = "".join(f"<th>{escape(h)}</th>" for h in head)
    return (
        f"<h2>{_w('heading', lang)}</h2><p>{_w('intro', lang)}</p>"
        f'<table class="kr-table kr-metrics"><tr>{header}</tr>{"".join(body)}</table>'
    )
