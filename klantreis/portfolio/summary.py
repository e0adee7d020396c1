"""What the portfolio needs to know of one project: per journey its counts, emotions
and evidence coverage; per opportunity its impact, effort and evidence. Plain data
(JSON-ready), so a worker on another machine can return it and the next build can
reuse it. Pure: no I/O.

Projects may use different emotion scales (1-5, 1-7, -2..2); the portfolio puts every
emotion on 1-5 (the lowest point of a project's scale is 1, the highest 5) so journeys
can be compared. A touchpoint at 2 or below on that scale is a pain point.
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from ..model import Journey

#: A touchpoint at or below this emotion (on 1-5) hurts.
PAIN = 2.0
#: The strength of an opportunity's evidence, strongest first.
STRENGTHS = ("measured", "quotes", "assumed")


def _value(value: Any) -> Any:
    """A cell as plain data: NaN and NA as None, numpy numbers as Python's."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return None
    return value.item() if hasattr(value, "item") else value


def on_five(journey: Journey, score: Any) -> float | None:
    """``score`` of the journey's scale on 1-5 (None when there is none)."""
    score = _value(score)
    scores = journey.scale.scores
    if score is None or not scores:
        return None
    low, high = min(scores), max(scores)
    return 3.0 if high == low else round(1 + 4 * (float(score) - low) / (high - low), 2)


def _mean(values: list[float]) -> float | None:
    return round(sum(values) / len(values), 2) if values else None


def _name(journey: Journey, table: str, item_id: str) -> str:
    record = next((r for r in journey.records(table) if r.get("id") == item_id), {})
    return str(record.get("name") or item_id)


def journey_page(slug: str, persona: str, scenario: str) -> str:
    """The page of one journey inside the portfolio folder (a relative link)."""
    return f"{slug}/{persona}--{scenario}.html"


def summarize(journey: Journey, project: str, slug: str) -> dict[str, Any]:
    """The portfolio's data of one project (``project``: its path as the user sees it;
    ``slug``: its folder in the portfolio)."""
    measured = {(e["persona"], e["scenario"], e["touchpoint"]) for e in journey.records("evidence")}
    journeys = []
    for persona, scenario in journey.journeys():
        frame = journey.journey(persona, scenario)
        steps = [
            {
                "id": row["id"],
                "name": str(row["name"]),
                "channel": str(_value(row["channel"]) or ""),
                "emotion": on_five(journey, row["emotion"]),
            }
            for _, row in frame.iterrows()
        ]
        emotions = [s["emotion"] for s in steps if s["emotion"] is not None]
        covered = sum((persona, scenario, s["id"]) in measured for s in steps)
        journeys.append({
            "persona": persona, "persona_name": _name(journey, "personas", persona),
            "scenario": scenario, "scenario_name": _name(journey, "scenarios", scenario),
            "page": journey_page(slug, persona, scenario), "touchpoints": len(steps),
            "average": _mean(emotions), "lowest": min(emotions) if emotions else None,
            "coverage": round(covered / len(steps), 3) if steps else 0.0, "steps": steps,
        })  # fmt: skip
    return {
        "project": project,
        "title": journey.title,
        "language": journey.language,
        "template": journey.template or "",
        "owner": journey.owner,
        "status": journey.status,
        "journeys": journeys,
        "opportunities": [_opportunity(journey, o, journeys) for o in journey.records("opportunities")],
    }


def _opportunity(journey: Journey, opp: dict[str, Any], journeys: list[dict[str, Any]]) -> dict[str, Any]:
    touchpoint, persona = opp.get("touchpoint") or "", opp.get("persona") or ""

    def about(record: dict[str, Any]) -> bool:
        return (
            bool(touchpoint) and record.get("touchpoint") == touchpoint and persona in ("", record["persona"])
        )

    if any(about(e) for e in journey.records("evidence")):
        strength = "measured"
    elif any(about(q) for q in journey.records("quotes")):
        strength = "quotes"
    else:
        strength = "assumed"
    linked = [
        j for j in journeys
        if persona in ("", j["persona"]) and (opp.get("scenario") or j["scenario"]) == j["scenario"]
        and (not touchpoint or any(s["id"] == touchpoint for s in j["steps"]))
    ] or journeys  # fmt: skip
    return {
        "id": opp["id"],
        "description": opp["description"],
        "impact": _value(opp.get("impact")),
        "effort": _value(opp.get("effort")),
        "owner": opp.get("owner") or "",
        "status": opp.get("status") or "",
        "touchpoint": touchpoint,
        "evidence": strength,
        "page": linked[0]["page"] if linked else "",
    }


def rank_opportunities(projects: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every project's opportunities in one list, most worth doing first: highest
    impact, then lowest effort, then the strongest evidence (a missing impact counts
    as the lowest, a missing effort as the highest)."""
    rows = [{**o, "project": p["project"], "title": p["title"]} for p in projects for o in p["opportunities"]]
    return sorted(rows, key=lambda o: (-(o["impact"] or 0), o["effort"] or 6, STRENGTHS.index(o["evidence"])))


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


def recurring(projects: list[dict[str, Any]], field: str, min_journeys: int = 2) -> list[dict[str, Any]]:
    """Channels (``field="channel"``) or touchpoint names (``"name"``) found in at least
    ``min_journeys`` journeys: how many journeys, the average emotion there, how many
    journeys it hurts in; most widespread first."""
    groups: dict[str, dict[str, Any]] = {}
    for p in projects:
        for j in p["journeys"]:
            for step in j["steps"]:
                if not step[field].strip():
                    continue
                group = groups.setdefault(_key(step[field]), {"label": step[field], "journeys": {}})
                group["journeys"].setdefault((p["project"], j["page"]), []).append(step["emotion"])
    out = []
    for group in groups.values():
        if len(group["journeys"]) < min_journeys:
            continue
        emotions = [e for values in group["journeys"].values() for e in values if e is not None]
        hurts = sum(any(e is not None and e <= PAIN for e in v) for v in group["journeys"].values())
        out.append({
            "label": group["label"], "journeys": len(group["journeys"]), "average": _mean(emotions),
            "hurts": hurts, "pages": sorted({page for _, page in group["journeys"]}),
        })  # fmt: skip
    return sorted(out, key=lambda g: (-g["journeys"], -g["hurts"], g["label"].casefold()))


def heatmap(projects: list[dict[str, Any]], channels: list[str]) -> list[dict[str, Any]]:
    """Per journey the average emotion at each of ``channels`` (None where it has none)."""
    rows = []
    wanted = {_key(c): c for c in channels}
    for p in projects:
        for j in p["journeys"]:
            cells: dict[str, list[float]] = {c: [] for c in channels}
            for step in j["steps"]:
                channel = wanted.get(_key(step["channel"]))
                if channel is not None and step["emotion"] is not None:
                    cells[channel].append(step["emotion"])
            rows.append({"project": p, "journey": j, "cells": [_mean(cells[c]) for c in channels]})
    return rows
