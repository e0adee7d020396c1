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
from .stored import path_sources, touchpoint_names
from .texts import TEXTS as PATH_TEXTS

#: An unmapped event is a finding when it is at least this share of the mapped events.
FREQUENT_SHARE = 0.05

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
    "unreached": (
        "Geen enkele klantreis komt bij {name}, al staat het op de kaart.",
        "No case reaches {name}, although it is on the map.",
    ),
    "frequent": (
        "{event} staat niet op de kaart maar komt {count} keer voor.",
        "{event} is not on the map but occurs {count} times.",
    ),
})  # fmt: skip


def path_findings(figures: dict[str, Any], names: dict[str, str], language: str) -> list[str]:
    """Plain-text findings: touchpoints no case reaches, frequent unmapped events."""
    out = []
    for tp in figures["touchpoints"]:
        if tp["reached"] == 0:
            out.append(TEXTS.text("unreached", language, name=names.get(tp["id"], tp["id"])))
    mapped_events = max(sum(f["count"] for f in figures["follows"]) + figures["cases"], 1)
    for event, count in figures["unmapped"].items():
        if count >= FREQUENT_SHARE * mapped_events:
            out.append(TEXTS.text("frequent", language, event=event, count=count))
    return out


def paths_section(
    journey: Journey, persona: str, scenario: str, language: str, chart_html: Callable[[Any], str]
) -> str:
    """The section's HTML, or "" when no event log has paths of this journey."""
    t = lambda code, **kw: TEXTS.text(code, language, **kw)  # noqa: E731
    parts = []
    names = touchpoint_names(journey, persona, scenario)
    for source in path_sources(journey, persona, scenario):
        figures = source["paths"]["personas"][persona]
        cases = figures["cases"]
        share = figures["deviations"]["conforming"] / cases if cases else 0.0
        intro = t("intro", source=source["id"], period=source.get("period") or "–",
                  cases=PATH_TEXTS.counted("case", cases, language),
                  rows=figures["rows_read"], share=f"{number(100 * share, language, 0)}%")  # fmt: skip
        parts.append(f"<p>{escape(intro)}</p>")
        parts.append(chart_html(reach_chart(figures, journey, persona, scenario)))
        parts.append(chart_html(flow_chart(figures, journey, persona, scenario)))
        parts.append(chart_html(deviation_chart(figures, language)))
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
        parts.append(
            f'<h3>{escape(t("variants"))}</h3><table class="kr-table"><thead><tr><th>{escape(t("path"))}</th>'
            f"<th>{escape(t('cases'))}</th><th>{escape(t('share'))}</th></tr></thead><tbody>{rows}</tbody></table>"
        )
        findings = path_findings(figures, names, language)
        if findings:
            items = "".join(f"<li>{escape(f)}</li>" for f in findings)
            parts.append(f"<h3>{escape(t('findings'))}</h3><ul>{items}</ul>")
    if not parts:
        return ""
    people = journey_word(journey.template, "people", language)
    return f"<h2>{escape(t('heading', people=people))}</h2>\n" + "\n".join(parts)
