"""User-facing labels of the charts, in Dutch and English (``journey.language``)."""

from __future__ import annotations

from ..messages import Catalog
from ..model import Journey

TEXTS = Catalog("charts", {
    "nothing_yet": (
        "er is nog niets te tekenen: voeg eerst een persona toe",
        "nothing to draw yet: add a persona first",
    ),
    "same_scenario": (
        "kies twee verschillende scenario's om te vergelijken",
        "choose two different scenarios to compare",
    ),
    "emotion_curve": ("Emotiecurve", "Emotion curve"),
    "describe_series": (
        "Emotiecurve van {series}: {touchpoints} met een emotie; laagste punt {lowest} "
        "({low}), hoogste {highest} ({high}), laatste {last} ({end}).",
        "Emotion curve of {series}: {touchpoints} with an emotion; lowest point {lowest} "
        "({low}), highest {highest} ({high}), last {last} ({end}).",
    ),
    "describe_empty": (
        "Emotiecurve van {series}: nog geen touchpoint met een emotie.",
        "Emotion curve of {series}: no touchpoint with an emotion yet.",
    ),
    "series": ("Persona – scenario", "Persona – scenario"),
    "persona": ("Persona", "Persona"),
    "scenario": ("Scenario", "Scenario"),
    "phase": ("Fase", "Phase"),
    "touchpoint": ("Touchpoint", "Touchpoint"),
    "channel": ("Kanaal", "Channel"),
    "emotion": ("Emotie", "Emotion"),
    "why": ("Waarom", "Why"),
    "thoughts": ("Gedachten", "Thoughts"),
    "crucial": ("cruciaal", "crucial"),
    "regular": ("overig", "other"),
    "touchpoint_kind": ("Touchpoint", "Touchpoint"),
    "pain": ("pijnpunt", "pain point"),
    "peak": ("piek", "peak"),
    "end": ("eind", "end"),
    "low": ("dal", "low"),
    "measured_mark": ("gemeten", "measured"),
    "key_peak": ("piek: het sterkste moment", "peak: the most intense moment"),
    "key_low": ("dal: het laagste punt", "low: the lowest point"),
    "key_end": ("eind: het laatste moment", "end: the last moment"),
    "key_bands": ("grijze banden: de fasen", "grey bands: the phases"),
    "phase_mark_legend": ("fase als geheel", "phase as a whole"),
    "no_touchpoints": ("geen touchpoints", "no touchpoints"),
    "no_emotion": ("geen emotie", "no emotion"),
    "channel_map": ("Kanalen per fase", "Channels per phase"),
    "no_channel": ("(geen kanaal)", "(no channel)"),
    "empty_phase": ("(leeg)", "(empty)"),
    "total": ("Totaal", "Total"),
    "kind": ("Soort", "Kind"),
    "count": ("Aantal touchpoints", "Touchpoints"),
    "mean_emotion": ("Gemiddelde emotie", "Mean emotion"),
    "touchpoints": ("Touchpoints", "Touchpoints"),
    "online": ("online", "online"),
    "offline": ("offline", "offline"),
    "online_mixed": ("online en offline", "online and offline"),
    "owned": ("eigen kanaal", "own channel"),
    "not_owned": ("van derden", "third-party"),
    "partly_owned": ("deels eigen", "partly owned"),
    "partner": ("partner", "partner"),
    "low_value": ("weinig waarde", "low value"),
    "low_value_note": (
        'vet = weinig waarde volgens het team (lage emotie, of genoemd bij de review)',
        'bold = little value according to the team (low emotion, or named in the review)',
    ),
    "markers_note": ("🌐 online · 🏢 offline", "🌐 online · 🏢 offline"),
    "scenario_delta": ("Verschil in emotie", "Change in emotion"),
    "change": ("Verschil", "Change"),
    "better": ("beter", "better"),
    "worse": ("slechter", "worse"),
    "same": ("gelijk", "same"),
    "new": ("nieuw", "new"),
    "dropped": ("vervallen", "dropped"),
    "no_score": ("geen score", "no score"),
    "status": ("Status", "Status"),
    "opportunity_matrix": ("Kansen: impact en inspanning", "Opportunities: impact and effort"),
    "impact": ("Impact", "Impact"),
    "effort": ("Inspanning", "Effort"),
    "owner": ("Eigenaar", "Owner"),
    "opportunity": ("Kans", "Opportunity"),
    "quadrant": ("Kwadrant", "Quadrant"),
    "quick_wins": ("snelle winst", "quick wins"),
    "big_projects": ("grote projecten", "major projects"),
    "fill_ins": ("kleine klussen", "fill-ins"),
    "avoid": ("vermijden", "avoid"),
    "borderline": ("grensgeval", "borderline"),
    "unrated": ("Nog niet ingeschat", "Not rated yet"),
    "no_opportunities": ("nog geen kansen", "no opportunities yet"),
    "duration": ("Duur", "Duration"),
    "frequency": ("hoe vaak", "how often"),
    "legend_crucial": ("cruciaal touchpoint", "crucial touchpoint"),
    "legend_side": ("bijzaak", "side issue"),
    "continued": ("vervolg", "continued"),
    "decimal": (",", "."),
    "not_filled_in": ("(niet ingevuld)", "(not filled in)"),
    "phase_overall": ("fase als geheel", "phase as a whole"),
    "side_by_side": ("{field}: de reizen naast elkaar", "{field}: the journeys side by side"),
})  # fmt: skip


def texts(journey: Journey) -> dict[str, str]:
    """The user-facing labels in the journey's language (Dutch when unknown)."""
    return TEXTS.table(journey.language)
