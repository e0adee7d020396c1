"""The report's section "Wat klanten echt doen" / "What customers actually do": for
every event log with paths of this persona and scenario, the reach per touchpoint in
the map's order, the observed steps, the four classes, the top paths with their share
and the findings (a touchpoint no case reaches, a frequent event not on the map). Empty
when no such source exists. All user text is escaped."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any

from ..messages import Catalog, number
from ..model import Journey
from ..templates import journey_word
from .charts import deviation_chart, flow_chart, reach_chart
from .findings import path_findings
from .stored import path_sources, touchpoint_names
from .texts import TEXTS as PATH_TEXTS

TEXTS = Catalog("paths_report", {
    "heading": ("Wat {people} echt doen", "What {people} actually do"),
    "intro": (
        "Bron {source} ({period}): {cases} uit {rows} gebeurtenissen. {share} volgt "
        "de kaart.",
        "Source {source} ({period}): {cases} from {rows} events. {share} follow the map.",
    ),
    "variants": ("Meest gevolgde paden", "Most frequent paths"),
    "path": ("Pad", "Path"),
    "cases": ("Klantreizen", "Cases"),
    "share": ("Aandeel", "Share"),
    "other": ("{variants} andere paden", "{variants} other paths"),
    "findings": ("Bevindingen", "Findings"),
})  # fmt: skip


def section_parts(
    journey: Journey, persona: str, scenario: str, language: str, heading: str = "h2"
) -> list[Any]:
    """The section in order: HTML snippets (str, user text escaped) and the charts
    (Altair) between them; [] when no event log has paths of this journey. The report
    and the workbook's evidence step show the same parts."""
    t = lambda code, **kw: TEXTS.text(code, language, **kw)  # noqa: E731
    parts: list[Any] = []
    names = touchpoint_names(journey, persona, scenario)
    for source in path_sources(journey, persona, scenario):
        figures = source["paths"]["personas"][persona]
        cases = figures["cases"]
        share = figures["deviations"]["conforming"] / cases if cases else 0.0
        intro = t("intro", source=source["id"], period=source.get("period") or "–",
                  cases=PATH_TEXTS.counted("case", cases, language),
                  rows=figures["rows_read"], share=f"{number(100 * share, language, 0)}%")  # fmt: skip
        parts.append(f"<p>{escape(intro)}</p>")
        parts.append(reach_chart(figures, journey, persona, scenario))
        parts.append(flow_chart(figures, journey, persona, scenario))
        parts.append(deviation_chart(figures, language))
        parts.append(variants_table(figures, names, language))
        findings = path_findings(figures, names, language)
        if findings:
            items = "".join(f"<li>{escape(f)}</li>" for f in findings)
            parts.append(f"<h3>{escape(t('findings'))}</h3><ul>{items}</ul>")
    if not parts:
        return []
    people = journey_word(journey.template, "people", language)
    return [f"<{heading}>{escape(t('heading', people=people))}</{heading}>", *parts]


def variants_table(figures: dict[str, Any], names: dict[str, str], language: str) -> str:
    """The most frequent paths (touchpoint names) with their cases and share, and the
    other paths as one row, under a heading."""
    t = lambda code, **kw: TEXTS.text(code, language, **kw)  # noqa: E731
    cases = figures["cases"] or 1
    rows = "".join(
        f"<tr><td>{escape(' → '.join(names.get(tp, tp) for tp in v['path']))}</td>"
        f"<td>{v['cases']}</td><td>{number(100 * v['cases'] / cases, language, 0)}%</td></tr>"
        for v in figures["variants"][:10]
    )
    other = figures.get("other_variants") or {}
    if other.get("variants"):
        rows += (
            f"<tr><td>{escape(t('other', variants=other['variants']))}</td><td>{other['cases']}</td>"
            f"<td>{number(100 * other['cases'] / cases, language, 0)}%</td></tr>"
        )
    return (
        f'<h3>{escape(t("variants"))}</h3><table class="kr-table"><thead><tr><th>{escape(t("path"))}</th>'
        f"<th>{escape(t('cases'))}</th><th>{escape(t('share'))}</th></tr></thead><tbody>{rows}</tbody></table>"
    )


def paths_section(
    journey: Journey, persona: str, scenario: str, language: str, chart_html: Callable[[Any], str]
) -> str:
    """The section's HTML (charts through ``chart_html``), or "" when no event log has
    paths of this journey."""
    parts = section_parts(journey, persona, scenario, language)
    return "\n".join(p if isinstance(p, str) else chart_html(p) for p in parts)
