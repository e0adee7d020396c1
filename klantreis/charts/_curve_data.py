"""The data behind the emotion curve: one row per touchpoint and series, pain points,
and the peak and end of each series (peak-end rule)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..evidence.figures import refuted_values
from ..model import Journey
from ._common import Layout, names_of, scale_labels, shorten, text_of

if TYPE_CHECKING:
    from ..scale import Scale

#: Symbol areas (square pixels) of ordinary and crucial touchpoints.
DOT_SIZE, CRUCIAL_SIZE = 70, 260


def fit_label(name: str, chars: int, max_lines: int = 3) -> str | list[str]:
    """A phase name fitted to ``chars`` characters a line: as is, or wrapped at spaces
    over up to ``max_lines`` lines, a word longer than a line split with a hyphen. Only
    a name that needs even more lines is shortened, with an ellipsis."""
    chars = max(chars, 4)
    if len(name) <= chars:
        return name
    lines: list[str] = []
    current = ""
    for word in name.split():
        if current and len(current) + 1 + len(word) <= chars:
            current += " " + word
            continue
        if current:
            lines.append(current)
        while len(word) > chars:
            lines.append(word[: chars - 1] + "-")
            word = word[chars - 1 :]
        current = word
    lines.append(current)
    if len(lines) > max_lines:
        lines = [*lines[: max_lines - 1], shorten(" ".join(lines[max_lines - 1 :]), chars)]
    return lines if len(lines) > 1 else lines[0]


def point_rows(
    journey: Journey,
    rows: list[dict[str, Any]],
    layout: Layout,
    names: list[str],
    t: dict[str, str],
) -> list[dict[str, Any]]:
    """One row per touchpoint of each series (``rows`` from ``series_rows``): its x
    slot in ``layout``, the series name from ``names``, display names, the emotion
    (None for a gap) with its label, tooltip texts, and the crucial marker and size."""
    labels = scale_labels(journey)
    phase_names = dict(layout.phases)
    persona_names = names_of(journey, "personas")
    scenario_names = names_of(journey, "scenarios")
    pairs = {(row["persona"], row["scenario"]) for row in rows}
    refuted = {pair: refuted_values(journey, *pair) for pair in pairs}
    out = []
    for row in rows:
        emotion = row["emotion"]
        crucial = bool(row["critical"])
        measured = refuted[(row["persona"], row["scenario"])].get(row["id"]) if emotion is not None else None
        out.append(
            {
                "x": layout.index(row["phase"], row["id"]),
                "id": row["id"],
                "series": names[row["series"]],
                "persona": persona_names.get(row["persona"], row["persona"]),
                "scenario": scenario_names.get(row["scenario"], row["scenario"]),
                "phase": phase_names.get(row["phase"], row["phase"]),
                "touchpoint": text_of(row["name"]),
                "channel": text_of(row["channel"]),
                "emotion": None if emotion is None else int(emotion),
                "emotion_label": t["no_emotion"] if emotion is None else labels.get(int(emotion)),
                "why": text_of(row["why"]),
                "thoughts": text_of(row["thoughts"]),
                "crucial": crucial,
                "kind": t["crucial"] if crucial else t["regular"],
                "size": CRUCIAL_SIZE if crucial else DOT_SIZE,
                "pain": False,
                # where the peak, low and pain points are found: the measured mean of a
                # refuted assumption, else the assumed emotion
                "_value": measured if measured is not None else emotion,
                "_measured": measured is not None,
                "_series": row["series"],
            }
        )
    return out


def by_series(points: list[dict[str, Any]]) -> dict[int, list[dict[str, Any]]]:
    """The points that have an emotion, grouped by series number, in journey order."""
    groups: dict[int, list[dict[str, Any]]] = {}
    for point in points:
        if point["emotion"] is not None:
            groups.setdefault(point["_series"], []).append(point)
    return groups


def mark_pain(groups: dict[int, list[dict[str, Any]]], scale: Scale) -> None:
    """Flag the lowest score(s) of each series (``groups`` from :func:`by_series`) as
    pain points, when that score is a problem on the scale. A refuted assumption counts
    with its measured mean (``_value``), never with the refuted score."""
    for scored in groups.values():
        lowest = min(p["_value"] for p in scored)
        if scale.is_problem(lowest):
            for p in scored:
                p["pain"] = p["_value"] == lowest


def curve_annotations(
    groups: dict[int, list[dict[str, Any]]], scale: Scale, t: dict[str, str]
) -> list[dict[str, Any]]:
    """Peak and end texts per series (``groups`` from :func:`by_series`), merged where
    several land on the same spot. The peak is the most intense moment (furthest
    from the scale's :attr:`~klantreis.scale.Scale.balance`); when that is a problem
    on the scale it is the journey's low point and named so ("dal"/"low"), never
    "piek". A refuted assumption counts with its measured mean: the label goes at that
    value and says so ("dal (gemeten)")."""
    spots: dict[tuple[int, float], dict[str, Any]] = {}
    middle = scale.balance
    for scored in groups.values():
        peak = min(
            enumerate(scored), key=lambda ip: (-abs(ip[1]["_value"] - middle), ip[1]["_value"], ip[0])
        )[1]
        end = scored[-1]
        intense = "low" if scale.is_problem(peak["_value"]) else "peak"
        for point, kind in ((peak, intense), (end, "end")):
            spot = spots.setdefault(
                (point["x"], point["_value"]),
                {"x": point["x"], "emotion": point["_value"], "kinds": [], "series": [],
                 "measured": point["_measured"]},
            )  # fmt: skip
            if kind not in spot["kinds"]:
                spot["kinds"].append(kind)
            if point["series"] not in spot["series"]:
                spot["series"].append(point["series"])
    notes = []
    for spot in spots.values():
        kinds = [k for k in ("peak", "low", "end") if k in spot["kinds"]]
        mark = f" ({t['measured_mark']})" if spot["measured"] else ""
        notes.append(
            {
                "x": spot["x"],
                "emotion": spot["emotion"],
                "measured": spot["measured"],
                "text": " + ".join(t[k] for k in kinds) + mark,
                "kinds": kinds,
                "series": ", ".join(spot["series"]),
            }
        )
    return sorted(notes, key=lambda n: (n["x"], n["emotion"]))
