"""The portfolio's overview page: every journey, the channels and touchpoints that
recur across journeys (with a heatmap journeys × channels), the pain points that recur,
and one ranked list of all opportunities. One offline HTML file: no script, no
external resource, every user text escaped, links relative to the folder."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from markupsafe import Markup, escape

from ..fields import TABLES, status_label
from ..messages import Catalog
from .summary import heatmap as heatmap_rows
from .summary import rank_opportunities, recurring

#: At most this many channels are columns of the heatmap (the most widespread).
HEATMAP_CHANNELS = 20

TEXTS = Catalog("portfolio_page", {
    "title": ("Portfolio van klantreizen", "Journey portfolio"),
    "lead": ("{projects}, {journeys}, {opportunities}. Emoties staan op "
             "een schaal van 1 tot 5, ook als een project een andere schaal gebruikt.",
             "{projects}, {journeys}, {opportunities}. Emotions are "
             "on a 1 to 5 scale, also where a project uses another scale."),
    "journeys": ("Alle reizen", "All journeys"),
    # counted nouns (singular, plural: see Catalog.counted)
    "n_project": ("project", "project"), "n_project+": ("projecten", "projects"),
    "n_journey": ("reis", "journey"), "n_journey+": ("reizen", "journeys"),
    "project": ("Project", "Project"), "journey": ("Reis", "Journey"), "template": ("Sjabloon", "Template"),
    "touchpoints": ("Touchpoints", "Touchpoints"), "average": ("Gem. emotie", "Avg. emotion"),
    "lowest": ("Laagste", "Lowest"), "coverage": ("Met metingen", "Measured"),
    "changed": ("Laatst gewijzigd", "Last change"),
    "channels": ("Kanalen die in meer reizen terugkomen", "Channels that recur across journeys"),
    "heatmap": ("Emotie per reis en kanaal", "Emotion per journey and channel"),
    "names": ("Touchpoints die in meer reizen terugkomen", "Touchpoints that recur across journeys"),
    "pains": ("Pijnpunten die terugkomen (emotie 2 of lager in meer reizen)",
              "Pain points that recur (emotion 2 or lower in several journeys)"),
    "channel": ("Kanaal", "Channel"), "name": ("Touchpoint", "Touchpoint"),
    "in_journeys": ("Reizen", "Journeys"), "hurts": ("Doet pijn in", "Hurts in"),
    "ranking": ("Alle kansen, belangrijkste eerst", "All opportunities, most important first"),
    "ranking_note": ("Gesorteerd op impact (hoog eerst), dan moeite (laag eerst), dan bewijs.",
                     "Sorted by impact (high first), then effort (low first), then evidence."),
    "rank": ("#", "#"), "opportunity": ("Kans", "Opportunity"), "impact": ("Impact", "Impact"),
    "effort": ("Moeite", "Effort"), "evidence": ("Bewijs", "Evidence"), "owner": ("Eigenaar", "Owner"),
    "status": ("Status", "Status"),
    "measured": ("gemeten", "measured"), "quotes": ("citaten", "quotes"), "assumed": ("aanname", "assumed"),
    "none": ("geen", "none"),
    "failed": ("Niet gelukt", "Failed"),
})  # fmt: skip

CSS = """
body{font-family:system-ui,sans-serif;margin:2rem;color:#222;max-width:90rem}
table{border-collapse:collapse;margin:1rem 0;font-size:.9rem}
th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f3f3} td.n{text-align:right;font-variant-numeric:tabular-nums}
.heat td.n{min-width:3rem;text-align:center} .fail{color:#a00}
"""


def _number(value: float | None, language: str, digits: int = 1) -> str:
    if value is None:
        return "–"
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if language == "nl" else text


def _percent(value: float, language: str) -> str:
    return f"{round(value * 100)} %" if language == "nl" else f"{round(value * 100)}%"


def _colour(value: float | None) -> str:
    """Red (1) through yellow (3) to green (5); light grey when there is no value."""
    if value is None:
        return "#f6f6f6"
    t = max(0.0, min(1.0, (value - 1) / 4))
    hue = round(120 * t)
    return f"hsl({hue},70%,80%)"


def _table(head: list[str], rows: list[list[Markup]], cls: str = "") -> Markup:
    cells = "".join(f"<th>{escape(h)}</th>" for h in head)
    body = "".join("<tr>" + "".join(str(c) for c in row) + "</tr>" for row in rows)
    attr = f' class="{cls}"' if cls else ""
    return Markup(f"<table{attr}><thead><tr>{cells}</tr></thead><tbody>{body}</tbody></table>")


def _td(value: Any, numeric: bool = False, style: str = "") -> Markup:
    cls = ' class="n"' if numeric else ""
    css = f' style="{escape(style)}"' if style else ""
    return Markup(f"<td{cls}{css}>{escape(value)}</td>")


def _link(href: str, text: str) -> Markup:
    return Markup(f'<a href="{escape(href)}">{escape(text)}</a>')


def render(projects: list[dict[str, Any]], failures: dict[str, str], language: str) -> str:
    """The overview page of ``projects`` (summaries, with ``changed`` set per project);
    ``failures`` names projects that could not be built, with the reason."""

    def t(code: str, **params: Any) -> str:
        return TEXTS.text(code, language, **params)

    journeys = [(p, j) for p in projects for j in p["journeys"]]
    ranked = rank_opportunities(projects)
    parts = [f"<h1>{escape(t('title'))}</h1>"]
    lead = t(
        "lead",
        projects=TEXTS.counted("n_project", len(projects), language),
        journeys=TEXTS.counted("n_journey", len(journeys), language),
        opportunities=TABLES["opportunities"].counted(len(ranked), language),
    )
    parts.append(f"<p>{escape(lead)}</p>")
    parts.append(f"<h2>{escape(t('journeys'))}</h2>")
    parts.append(_journey_table(journeys, t, language))
    channels = recurring(projects, "channel")
    parts.append(f"<h2>{escape(t('channels'))}</h2>")
    parts.append(_recurring_table(channels, t("channel"), t, language))
    parts.append(f"<h2>{escape(t('heatmap'))}</h2>")
    parts.append(_heatmap(projects, [c["label"] for c in channels[:HEATMAP_CHANNELS]], t, language))
    parts.append(f"<h2>{escape(t('names'))}</h2>")
    parts.append(_recurring_table(recurring(projects, "name"), t("name"), t, language))
    pains = [g for g in [*channels, *recurring(projects, "name")] if g["hurts"] >= 2]
    parts.append(f"<h2>{escape(t('pains'))}</h2>")
    parts.append(_recurring_table(pains, f"{t('channel')} / {t('name')}", t, language))
    parts.append(f"<h2>{escape(t('ranking'))}</h2><p>{escape(t('ranking_note'))}</p>")
    parts.append(_ranking(ranked, t))
    if failures:
        items = "".join(f"<li>{escape(k)}: {escape(v)}</li>" for k, v in sorted(failures.items()))
        parts.append(f'<h2 class="fail">{escape(t("failed"))}</h2><ul class="fail">{items}</ul>')
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(language)}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{escape(t('title'))}</title><style>{CSS}</style></head>"
        f"<body>{''.join(str(p) for p in parts)}</body></html>\n"
    )


Texts = Callable[..., str]


def _journey_table(journeys: list[tuple[dict[str, Any], dict[str, Any]]], t: Texts, language: str) -> Markup:
    rows = [
        [
            _td(p["title"] or p["project"]),
            Markup("<td>")
            + _link(j["page"], f"{j['persona_name']} · {j['scenario_name']}")
            + Markup("</td>"),
            _td(p["template"]),
            _td(p.get("owner", "")),
            _td(status_label(p.get("status", ""), language)),
            _td(j["touchpoints"], True),
            _td(_number(j["average"], language), True, f"background:{_colour(j['average'])}"),
            _td(_number(j["lowest"], language), True, f"background:{_colour(j['lowest'])}"),
            _td(_percent(j["coverage"], language), True),
            _td(p.get("changed", "")),
        ]
        for p, j in journeys
    ]
    head = [
        "project",
        "journey",
        "template",
        "owner",
        "status",
        "touchpoints",
        "average",
        "lowest",
        "coverage",
        "changed",
    ]
    return _table([t(h) for h in head], rows)


def _recurring_table(groups: list[dict[str, Any]], label: str, t: Texts, language: str) -> Markup:
    if not groups:
        return Markup(f"<p>{escape(t('none'))}</p>")
    rows = [
        [
            _td(g["label"]),
            _td(g["journeys"], True),
            _td(_number(g["average"], language), True, f"background:{_colour(g['average'])}"),
            _td(g["hurts"], True),
        ]
        for g in groups
    ]
    return _table([label, t("in_journeys"), t("average"), t("hurts")], rows)


def _heatmap(projects: list[dict[str, Any]], channels: list[str], t: Texts, language: str) -> Markup:
    if not channels:
        return Markup(f"<p>{escape(t('none'))}</p>")
    rows = []
    for row in heatmap_rows(projects, channels):
        j = row["journey"]
        name = f"{row['project']['title']}: {j['persona_name']} · {j['scenario_name']}"
        cells = [_td(_number(v, language), True, f"background:{_colour(v)}") for v in row["cells"]]
        rows.append([Markup("<td>") + _link(j["page"], name) + Markup("</td>"), *cells])
    return _table([t("journey"), *channels], rows, "heat")


def _ranking(ranked: list[dict[str, Any]], t: Texts) -> Markup:
    rows = [
        [
            _td(i, True),
            Markup("<td>") + _link(o["page"], o["description"]) + Markup("</td>"),
            _td(o["title"] or o["project"]),
            _td("–" if o["impact"] is None else o["impact"], True),
            _td("–" if o["effort"] is None else o["effort"], True),
            _td(t(o["evidence"])),
            _td(o["owner"]),
            _td(o["status"]),
        ]
        for i, o in enumerate(ranked, 1)
    ]
    head = ["rank", "opportunity", "project", "impact", "effort", "evidence", "owner", "status"]
    return _table([t(h) for h in head], rows)
