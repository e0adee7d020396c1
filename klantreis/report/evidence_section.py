"""The report's section "Bewijs" / "Evidence": the sources with their dates and n, the
assumed-vs-measured curve, the touchpoints whose assumption the measurement does not
confirm (with three quotes each, from every interview source even when the report is
about one survey wave), those with too few answers, the top call reasons and the
touchpoints ranked by evidence of pain. All user text is escaped."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any

from ..evidence.figures import MIN_N, TOO_FEW, call_reasons, journey_evidence, quotes_of, selected_sources
from ..evidence.wording import kind_label, number, score_text
from ..messages import Catalog
from ..model import Journey
from ..templates import journey_word
from .evidence_metrics import metrics_table

TEXTS = Catalog("report_evidence", {
    "heading": ("Bewijs", "Evidence"),
    "heading_wave": ("Bewijs: bron {source}", "Evidence: source {source}"),
    "none": (
        "Dit project heeft nog geen bewijs. Lees een enquête, {contact}, webstatistiek of "
        "interviews in met `klantreis evidence import` of in stap 8 (Bewijs).",
        "This project has no evidence yet. Import a survey, {contact}, web statistics or "
        "interviews with `klantreis evidence import` or in step 8 (Evidence).",
    ),
    "nothing_here": (
        "De bronnen hebben geen cijfers voor deze persona in dit scenario.",
        "The sources have no figures for this persona in this scenario.",
    ),
    "sources": ("Bronnen", "Sources"),
    "source": ("Bron", "Source"),
    "kind": ("Soort", "Kind"),
    "file": ("Bestand", "File"),
    "period": ("Periode", "Period"),
    "imported": ("Ingelezen", "Imported"),
    "rows": ("Rijen gebruikt", "Rows used"),
    "figures_here": ("Cijfers voor deze reis", "Figures for this journey"),
    "flagged": ("Aanname niet bevestigd", "Assumption not confirmed"),
    "flagged_intro": (
        "Bij deze touchpoints ligt de aangenomen emotie buiten het 95%-interval van de meting "
        "(met minstens {min_n} antwoorden) en ligt het gemiddelde minstens {min_difference} "
        "schaalpunt van de aanname; een kleiner verschil heet 'klein verschil'.",
        "At these touchpoints the assumed emotion lies outside the 95% interval of the "
        "measurement (with at least {min_n} answers) and the mean lies at least "
        "{min_difference} scale points from the assumption; a smaller one is a 'small difference'.",
    ),
    "pain_no_calls": (
        "Er zijn geen klantcontactgegevens voor deze reis, dus geen rangorde van pijn: die "
        "weegt ontevredenheid met het aantal gesprekken. Importeer een klantcontactlog "
        "(klantreis evidence import ... --kind calls) om dit te vullen.",
        "There are no call data for this journey, so no ranking of pain: it weighs "
        "dissatisfaction by the number of calls. Import a call log "
        "(klantreis evidence import ... --kind calls) to fill it.",
    ),
    "none_flagged": ("Geen: waar genoeg is gemeten, klopt de aanname.",
                     "None: where enough was measured, the assumption holds."),
    "touchpoint": ("Touchpoint", "Touchpoint"),
    "assumed": ("Aanname", "Assumption"),
    "measured": ("Gemeten", "Measured"),
    "quotes": ("Wat {people} zeggen", "What {people} say"),
    "no_quotes": ("Geen citaten.", "No quotes."),
    "too_few": ("Te weinig antwoorden", "Too few answers"),
    "too_few_intro": (
        "Gemeten, maar met minder dan {min_n} antwoorden: nog geen uitspraak mogelijk.",
        "Measured, but with fewer than {min_n} answers: too early to tell.",
    ),
    "calls": ("Belangrijkste contactredenen", "Top call reasons"),
    "where": ("Touchpoint of fase", "Touchpoint or phase"),
    "reasons": ("Contactredenen", "Call reasons"),
    "count": ("Gesprekken", "Calls"),
    "phase": ("fase {name}", "phase {name}"),
    "unmapped": ("contactreden niet gekoppeld (alle persona's samen)",
                 "call reason not mapped (all personas together)"),
    "same_as_target": ("(de id zelf)", "(the id itself)"),
    "pain": ("Waar het pijn doet", "Where it hurts"),
})  # fmt: skip


def _t(code: str, lang: str, **params: Any) -> str:
    return escape(TEXTS.text(code, lang, **params))


def _table(head: list[str], rows: list[list[str]]) -> str:
    """A table of already escaped cells."""
    header = "".join(f"<th>{h}</th>" for h in head)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f'<table class="kr-table"><tr>{header}</tr>{body}</table>'


def evidence_section(
    journey: Journey,
    persona: str,
    scenario: str,
    language: str,
    *,
    source: str | None = None,
    min_n: int = MIN_N,
    chart_html: Callable[[Any], str],
) -> str:
    """The section as HTML; ``source``: one evidence source (a data wave), None for
    all; ``chart_html`` turns a chart into the page's HTML."""
    from ..charts.evidence import evidence_curve, pain_ranking

    lang = language
    heading = _t("heading_wave", lang, source=source) if source else _t("heading", lang)
    parts = [f"<h2>{heading}</h2>"]
    sources = selected_sources(journey, source)
    if not sources:
        contact = journey_word(journey.template, "contact", lang)
        return parts[0] + f"<p>{_t('none', lang, contact=contact)}</p>"
    evidence = journey_evidence(journey, persona, scenario, source, min_n)
    parts.append(_sources_table(journey, persona, scenario, sources, lang))
    metrics = metrics_table(journey, persona, scenario, source)
    if not evidence.any:
        return "\n".join([*parts, metrics or f"<p>{_t('nothing_here', lang)}</p>"])
    parts.append(chart_html(evidence_curve(journey, persona, scenario, source=source, min_n=min_n)))
    parts.append(metrics)
    parts.append(_flagged(journey, evidence, lang, source))
    few = [r for r in evidence.rows if r["status"] == TOO_FEW]
    if few:
        items = "".join(f"<li>{escape(r['name'])}: {escape(score_text(r['score'], lang))}</li>" for r in few)
        parts.append(
            f"<h3>{_t('too_few', lang)}</h3><p>{_t('too_few_intro', lang, min_n=min_n)}</p><ul>{items}</ul>"
        )
    parts.append(_calls(journey, persona, scenario, source, lang))
    if any(r["has_counts"] or r["score"] is not None for r in evidence.rows):
        parts.append(f"<h3>{_t('pain', lang)}</h3>")
        if any(r["calls"] for r in evidence.rows):
            parts.append(chart_html(pain_ranking(journey, persona, scenario, source=source, min_n=min_n)))
        else:  # every bar would be zero: say which data would fill the chart
            parts.append(f"<p>{_t('pain_no_calls', lang)}</p>")
    return "\n".join(p for p in parts if p)


def _sources_table(journey: Journey, persona: str, scenario: str, sources: list[str], lang: str) -> str:
    counts: dict[str, int] = {}
    for r in journey.records("evidence"):
        if (r["persona"], r["scenario"]) == (persona, scenario):
            counts[r["source"]] = counts.get(r["source"], 0) + 1
    for q in journey.records("quotes"):
        if (q["persona"], q["scenario"]) == (persona, scenario):
            counts[q["source"]] = counts.get(q["source"], 0) + 1
    rows = []
    wanted = set(sources)
    for s in journey.records("sources"):
        if s["id"] not in wanted:
            continue
        kind = kind_label(s["kind"], journey.template, lang)
        used = (s["rows_read"] or 0) - (s["rows_skipped"] or 0)
        period = str(s["period"] or "–").replace("/", " – ")
        rows.append(
            [
                escape(s["id"]),
                escape(kind),
                escape(s["file"]),
                escape(period),
                escape(s["imported"] or "–"),
                escape(f"{used} / {s['rows_read'] or 0}"),
                str(counts.get(s["id"], 0)),
            ]
        )
    head = [_t(k, lang) for k in ("source", "kind", "file", "period", "imported", "rows", "figures_here")]
    return f"<h3>{_t('sources', lang)}</h3>{_table(head, rows)}"


def _flagged(journey: Journey, evidence: Any, lang: str, source: str | None) -> str:
    flagged = evidence.flagged()
    parts = [f"<h3>{_t('flagged', lang)}</h3>"]
    if not flagged:
        return parts[0] + f"<p>{_t('none_flagged', lang)}</p>"
    difference = number(evidence.min_difference, lang)
    parts.append(f"<p>{_t('flagged_intro', lang, min_n=evidence.min_n, min_difference=difference)}</p>")
    labels = {p.score: f"{p.emoji} {p.label}".strip() for p in journey.scale}
    rows = [
        [
            escape(r["name"]),
            escape(f"{r['assumed']} ({labels.get(r['assumed'], '')})"),
            escape(score_text(r["score"], lang, r["assumed"])),
        ]
        for r in flagged
    ]
    parts.append(_table([_t(k, lang) for k in ("touchpoint", "assumed", "measured")], rows))
    # quotes give the figures of any wave a voice: from every source, unless the report
    # is about one interview source
    kinds = {s["id"]: s["kind"] for s in journey.records("sources")}
    quote_source = source if source and kinds.get(source) == "interviews" else None
    for r in flagged:
        quotes = quotes_of(journey, evidence.persona, evidence.scenario, r["id"], quote_source)
        people = journey_word(journey.template, "people", lang)
        parts.append(f"<h4>{escape(r['name'])}: {_t('quotes', lang, people=people).lower()}</h4>")
        if not quotes:
            parts.append(f"<p>{_t('no_quotes', lang)}</p>")
            continue
        items = []
        for q in quotes:
            feeling = labels.get(int(q["emotion"])) if q["emotion"] is not None else None
            tail = f" <small>({escape(q['interview'])}{', ' + escape(feeling) if feeling else ''})</small>"
            items.append(f"<li><q>{escape(q['text'])}</q>{tail}</li>")
        parts.append(f'<ul class="kr-quotes">{"".join(items)}</ul>')
    return "\n".join(parts)


def _calls(journey: Journey, persona: str, scenario: str, source: str | None, lang: str) -> str:
    reasons = call_reasons(journey, persona, scenario, source)
    if not reasons:
        return ""
    rows = []
    for r in reasons[:8] + [x for x in reasons[8:] if x["kind"] == "unmapped"]:
        if r["kind"] == "unmapped":
            where, why = _t("unmapped", lang), ""
        else:
            name = r["name"] if r["kind"] == "touchpoint" else TEXTS.text("phase", lang, name=r["name"])
            where = escape(name)
            why = escape(", ".join(r["reasons"])) if r["reasons"] else _t("same_as_target", lang)
        rows.append([where, why, escape(number(r["calls"], lang, 0))])
    head = [_t(k, lang) for k in ("where", "reasons", "count")]
    return f"<h3>{_t('calls', lang)}</h3>{_table(head, rows)}"
