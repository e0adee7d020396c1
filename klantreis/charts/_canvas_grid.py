"""What a canvas table is made of: its lanes (rows, from the journey's template) and
its grid (the touchpoints in journey order, their columns, the phases over them)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..errors import JourneyError
from ..model import Journey
from ..templates import get_template
from ._canvas_style import DEFAULT_LANES, LANE_NAMES
from ._common import Layout, text_of


def canvas_lanes(
    journey: Journey,
    rows: list[dict[str, Any]] | None = None,
    measured: bool = False,
    pair: tuple[str, str] | None = None,
) -> list[dict[str, str]]:
    """The rows of a canvas of ``journey``: ``{id, name, hint}``, top to bottom: the
    template's lanes (default lanes without a known template), plus data and
    opportunities lanes when ``rows`` hold data (or ``measured`` figures) / the journey
    has opportunities (of the journey ``pair``: persona, scenario; None: the first)."""
    lang = journey.language
    try:
        lanes = get_template(journey.template).lanes(lang) if journey.template else []
    except JourneyError:
        lanes = []
    names = LANE_NAMES.get(lang, LANE_NAMES["nl"])
    if not lanes:
        lanes = [{"id": lane, "name": names[lane], "hint": ""} for lane in DEFAULT_LANES]
    present = {lane["id"] for lane in lanes}
    if "data" not in present and (measured or any(text_of(r["data"]) for r in rows or [])):
        lanes.append({"id": "data", "name": names["data"], "hint": ""})
    if "opportunities" not in present and len(journey.opportunities_of(*(pair or (None, None)))):
        lanes.append({"id": "opportunities", "name": names["opportunities"], "hint": ""})
    return lanes


@dataclass
class Grid:
    """What a canvas table is made of (see :meth:`Canvas.grid`): the touchpoints in
    journey order, their columns (``layout.slots``), the phases over those columns and
    the lanes."""

    rows: list[dict[str, Any]]
    layout: Layout
    lanes: list[dict[str, str]]
    spans: list[dict[str, Any]]
    phases: dict[str, dict[str, Any]]
    by_slot: dict[int, dict[str, Any]]

    @property
    def columns(self) -> int:
        """The number of touchpoint columns (an empty phase has one)."""
        return len(self.layout.slots)

    def spans_between(self, start: int, stop: int) -> list[dict[str, Any]]:
        """The phase spans cut to the columns ``start`` to ``stop`` (not included), with
        ``continued`` (the phase began on an earlier page) and ``ids`` (touchpoints)."""
        out = []
        for span in self.spans:
            first, last = max(span["first"], start), min(span["last"], stop - 1)
            if first > last:
                continue
            ids = {self.by_slot[i]["id"] for i in range(first, last + 1) if i in self.by_slot}
            out.append({**span, "first": first, "last": last, "slots": last - first + 1,
                        "continued": first > span["first"], "ids": ids})  # fmt: skip
        return out
