"""Shared helpers for the charts: labels in two languages, the colour palette, which
journeys (persona x scenario series) to draw, one x order of touchpoints, and fast
construction of Altair objects."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

import altair as alt
import pandas as pd
from altair.utils.schemapi import SchemaBase

from ..model import Journey
from ._texts import TEXTS as TEXTS  # re-exported for the chart modules
from ._texts import texts as texts
from .palette import PAIN, SERIES

#: The series colours and the pain point colour (see :mod:`.palette`).
PALETTE, PAIN_COLOUR = SERIES, PAIN
BAND_FILLS = ("#f2f2f2", "#fbfbfb")
#: The width (px) every chart of a report fits: a 1280 px window's page, and A4
#: landscape inside 10 mm margins (1047 CSS px) when printed.
PAGE_WIDTH = 1000

#: A five-pointed star as an SVG path in the unit square, for Vega's ``shape``.
STAR = (
    "M0,-1L0.2245,-0.309L0.9511,-0.309L0.3633,0.118L0.5878,0.809L0,0.382"
    "L-0.5878,0.809L-0.3633,0.118L-0.9511,-0.309L-0.2245,-0.309Z"
)


def plain(value: Any) -> Any:
    """``value`` as a JSON-friendly Python value: pandas NA and NaN become None."""
    if value is None or value is pd.NA:
        return None
    if isinstance(value, list | tuple | dict):
        return value
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        return value
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def text_of(value: Any) -> str:
    """``value`` as a stripped string ('' for missing values)."""
    value = plain(value)
    return "" if value is None else str(value).strip()


def shorten(value: str, limit: int) -> str:
    """``value`` cut to ``limit`` characters with an ellipsis."""
    value = " ".join(str(value).split())
    return value if len(value) <= limit else value[: max(limit - 1, 1)].rstrip() + "…"


def js_string(value: str) -> str:
    """A Vega expression string literal for ``value``."""
    return json.dumps(str(value), ensure_ascii=False)


def js_list(values: Iterable[str]) -> str:
    """A Vega expression array literal of strings."""
    return "[" + ",".join(js_string(v) for v in values) + "]"


def label_expr(mapping: dict[int, str], default: str = "") -> str:
    """A Vega ``labelExpr`` mapping axis values to texts (a chain of ternaries)."""
    expr = js_string(default)
    for value, label in reversed(list(mapping.items())):
        expr = f"datum.value == {value} ? {js_string(label)} : {expr}"
    return expr


def scale_labels(journey: Journey) -> dict[int, str]:
    """Scale score -> "emoji label" (the label stays readable when emoji do not render)."""
    return {p.score: f"{p.emoji} {p.label}".strip() for p in journey.scale}


def scale_bounds(journey: Journey) -> tuple[int, int, float]:
    """Lowest score, highest score and midpoint of the journey's scale."""
    scores = [p.score for p in journey.scale] or [1, 5]
    low, high = min(scores), max(scores)
    return low, high, (low + high) / 2


# ------------------------------------------------------------------ selection
def select_series(
    journey: Journey,
    persona: str | Sequence[str] | None = None,
    scenario: str | Sequence[str] | None = None,
) -> list[tuple[str, str]]:
    """The (persona, scenario) pairs with touchpoints that match the selection (see
    :meth:`Journey.select`): ``None`` selects every persona / scenario, a str or a list
    selects those; unknown ids are refused naming the known ones."""
    return journey.select(persona, scenario)


def names_of(journey: Journey, table: str) -> dict[str, str]:
    """Display names by id for ``personas``, ``phases`` or ``scenarios`` (the id when
    unnamed), in one pass (``journey.name_of`` filters the table per call)."""
    frame = getattr(journey, table)
    return {
        str(i): text_of(n) or str(i)
        for i, n in zip(frame["id"].tolist(), frame["name"].tolist(), strict=True)
    }


def series_labels(journey: Journey, pairs: Iterable[tuple[str, str]]) -> list[str]:
    """The legend names of journeys: "persona name – scenario name" per pair."""
    personas, scenarios = names_of(journey, "personas"), names_of(journey, "scenarios")
    return [f"{personas.get(p, p)} – {scenarios.get(s, s)}" for p, s in pairs]


def series_rows(journey: Journey, pairs: Iterable[tuple[str, str]]) -> list[dict[str, Any]]:
    """Touchpoints of the given journeys as plain dicts: series in the given order, each
    in journey order (phase order, then file order). Adds ``phase_order`` and ``series``
    (the index of the pair)."""
    rank = {pair: i for i, pair in enumerate(pairs)}
    if not rank:
        return []
    tps = journey.touchpoints
    keys = zip(tps["persona"].tolist(), tps["scenario"].tolist(), strict=True)
    chosen = [(i, rank[k]) for i, k in enumerate(keys) if k in rank]
    phase_rank = {pid: i for i, pid in enumerate(journey.ids("phases"))}
    subset = tps.iloc[[i for i, _ in chosen]]
    columns = {name: subset[name].tolist() for name in subset.columns}
    rows = []
    for n, (_, series) in enumerate(chosen):
        row = {name: plain(values[n]) for name, values in columns.items()}
        row["phase_order"] = phase_rank.get(row["phase"], len(phase_rank))
        row["series"] = series
        row["_file"] = n
        rows.append(row)
    rows.sort(key=lambda r: (r["series"], r["phase_order"], r["_file"]))
    for row in rows:
        del row["_file"]
    return rows


def unit(
    data: str | list[dict[str, Any]],
    mark: dict[str, Any],
    encoding: dict[str, Any] | None = None,
    transform: list[dict[str, Any]] | None = None,
) -> alt.Chart:
    """A single-view layer, built in one go: ``data`` is the name of a top-level data
    set (or inline rows), ``mark`` a mark definition, ``transform`` a list of
    Vega-Lite transforms as dicts. Unlike ``alt.Chart().mark_x().encode()`` chains,
    this does not deep-copy the chart at every step (that dominated build time)."""
    source = alt.Data(name=data) if isinstance(data, str) else alt.Data(values=data)
    kwargs: dict[str, Any] = {"data": source, "mark": alt.MarkDef(**mark)}
    if encoding:
        kwargs["encoding"] = alt.FacetedEncoding(**encoding)
    if transform:
        kwargs["transform"] = transform
    return alt.Chart(**kwargs)


# --------------------------------------------------------------------- layout
@dataclass
class Layout:
    """One x order of touchpoints shared by several journeys.

    Every phase gets the touchpoint ids of all series, merged so that each series keeps
    its own order (a touchpoint only one series has is placed after its predecessor in
    that series). A phase without touchpoints gets one empty slot, so it stays visible.
    ``slots`` lists ``(phase_id, touchpoint_id or None)``; the slot index is the x value.
    """

    phases: list[tuple[str, str]]  # (id, name)
    slots: list[tuple[str, str | None]] = field(default_factory=list)
    names: dict[tuple[str, str], str] = field(default_factory=dict)

    def index(self, phase: str, touchpoint: str) -> int:
        """The x position of a touchpoint of a phase."""
        return self._index[(phase, touchpoint)]

    def phase_spans(self) -> list[dict[str, Any]]:
        """Per phase: id, name, first and last slot, slot count, shade (0/1)."""
        spans = []
        for number, (pid, name) in enumerate(self.phases):
            xs = [i for i, (p, _) in enumerate(self.slots) if p == pid]
            spans.append(
                {
                    "phase_id": pid,
                    "phase": name,
                    "first": xs[0],
                    "last": xs[-1],
                    "slots": len(xs),
                    "start": xs[0] - 0.5,
                    "end": xs[-1] + 0.5,
                    "middle": (xs[0] + xs[-1]) / 2,
                    "shade": number % 2,
                    "empty": all(t is None for p, t in self.slots if p == pid),
                }
            )
        return spans

    def __post_init__(self) -> None:
        self._index: dict[tuple[str, str], int] = {}


def build_layout(journey: Journey, rows: list[dict[str, Any]]) -> Layout:
    """The shared x order for ``rows`` (as from :func:`series_rows`)."""
    phase_ids = journey.ids("phases")
    names = names_of(journey, "phases")
    layout = Layout(phases=[(pid, names[pid]) for pid in phase_ids])
    per_phase: dict[str, list[str]] = {pid: [] for pid in phase_ids}
    cursor: dict[tuple[int, str], int] = {}
    for row in rows:
        pid, tid = row["phase"], row["id"]
        if pid not in per_phase:  # pragma: no cover - the model keeps references valid
            per_phase[pid] = []
            layout.phases.append((pid, pid))
        keys = per_phase[pid]
        where = (row["series"], pid)
        if tid in keys:
            cursor[where] = keys.index(tid)
        else:
            at = cursor.get(where, -1) + 1
            keys.insert(at, tid)
            cursor[where] = at
            layout.names[(pid, tid)] = text_of(row.get("name")) or tid
    for pid, _ in layout.phases:
        slots: list[str | None] = [*per_phase[pid]]
        for tid in slots or [None]:
            if tid is not None:
                layout._index[(pid, tid)] = len(layout.slots)
            layout.slots.append((pid, tid))
    return layout


class InlineRows(SchemaBase):
    """The rows of one named data set. Altair's ``to_dict`` passes them on as they are
    (plain JSON values already) instead of inspecting every single value, which made
    serialising a 500-touchpoint chart several times slower. The finished spec, rows
    included, is still validated against the Vega-Lite schema."""

    _schema: ClassVar[dict[str, Any]] = {"type": "array", "items": {"type": "object"}}
    _class_is_valid_at_instantiation: ClassVar[bool] = False

    def __init__(self, rows: list[dict[str, Any]]) -> None:
        super().__init__(list(rows))

    @property
    def rows(self) -> list[dict[str, Any]]:
        """The rows (plain dicts)."""
        return self._args[0]

    def to_dict(self, validate: bool = True, *, ignore: Any = None, context: Any = None) -> Any:
        """The rows as a list of (shallow-copied) dicts."""
        return [dict(row) for row in self._args[0]]


def with_datasets(chart: Any, **datasets: list[dict[str, Any]]) -> Any:
    """Attach inline data sets (referred to by ``alt.Data(name=...)``) to a top-level
    chart, without copying or validating them (that is what keeps the charts fast)."""
    current = chart.datasets if isinstance(chart.datasets, dict) else {}
    chart.datasets = {**current, **{name: InlineRows(rows) for name, rows in datasets.items()}}
    return chart


@contextlib.contextmanager
def no_validation() -> Iterator[None]:
    """Build Altair objects without validating each one on creation (Altair's debug
    mode); the finished chart is still validated by ``to_dict()``."""
    try:
        from altair.utils.schemapi import debug_mode
    except ImportError:  # pragma: no cover - older or newer Altair
        yield
        return
    with debug_mode(False):
        yield
