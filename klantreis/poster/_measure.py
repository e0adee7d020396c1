"""How tall a rendered poster's parts came out: its rows on every sheet, read from
WeasyPrint's boxes, so the layout can give each sheet what the page has left."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

#: WeasyPrint lays out in CSS pixels: points per pixel.
PT_PER_PX = 0.75


@dataclass(frozen=True)
class SheetHeights:
    """The heights (points) of a poster whose rows line up over its sheets: each row
    (``""`` the phase heads, else a lane id) as tall as on its tallest sheet, the
    curve's row, and the whole (title, table and legend) of the fullest sheet."""

    rows: tuple[tuple[str, float], ...]
    curve: float
    total: float


def _boxes(box: Any) -> Iterator[Any]:
    yield box
    for child in getattr(box, "children", None) or []:
        yield from _boxes(child)


def _row_key(box: Any) -> str | None:
    """The row of a part of the sheet's grid: a lane id, ``""`` for the phase heads,
    ``-`` for the curve (None: not a part of the grid; see :mod:`.grid`)."""
    element = getattr(box, "element", None)
    if element is None or getattr(box, "element_tag", None) not in ("div", "h3"):
        return None
    key = element.get("data-row")
    return None if key is None else str(key)


def measure(document: Any) -> SheetHeights:
    """The heights of ``document``'s sheets (one page each): a row is as tall as its
    tallest part (every part of a grid row is stretched to the row's height)."""
    rows: dict[str, float] = {}
    curve = 0.0
    rests = []
    for page in document.pages:
        top = page._page_box.content_box_y()
        used = 0.0
        here: dict[str, float] = {}
        for box in _boxes(page._page_box):
            if getattr(box, "element_tag", None) == "section":
                used = max(used, box.position_y + box.margin_height() - top)
            key = _row_key(box)
            if key is not None:
                here[key] = max(here.get(key, 0.0), box.margin_height())
        drawn = here.pop("-", 0.0)
        curve = max(curve, drawn)
        for key, height in here.items():
            rows[key] = max(rows.get(key, 0.0), height)
        rests.append(used - sum(here.values()) - drawn)
    total = max(rests, default=0.0) + sum(rows.values()) + curve
    return SheetHeights(
        tuple((key, height * PT_PER_PX) for key, height in rows.items()), curve * PT_PER_PX, total * PT_PER_PX
    )
