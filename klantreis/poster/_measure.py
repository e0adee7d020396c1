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
    """The lane id of a table row box ("" for the head row; None: not a row or the
    curve's)."""
    if getattr(box, "element_tag", None) != "tr":
        return None
    classes = (box.element.get("class") or "").split()
    lane = [c[len("kr-lane-") :] for c in classes if c.startswith("kr-lane-")]
    if lane:
        return lane[0]
    return None if "kr-curve" in classes else ""


def measure(document: Any) -> SheetHeights:
    """The heights of ``document``'s sheets (one page each)."""
    rows: dict[str, float] = {}
    curve = 0.0
    rests = []
    for page in document.pages:
        top = page._page_box.content_box_y()
        used = 0.0
        in_rows = 0.0
        for box in _boxes(page._page_box):
            if getattr(box, "element_tag", None) == "section":
                used = max(used, box.position_y + box.margin_height() - top)
            if getattr(box, "element_tag", None) != "tr":
                continue
            key = _row_key(box)
            in_rows += box.height
            if key is None:
                curve = max(curve, box.height)
            else:
                rows[key] = max(rows.get(key, 0.0), box.height)
        rests.append(used - in_rows)
    total = max(rests, default=0.0) + sum(rows.values()) + curve
    return SheetHeights(
        tuple((key, height * PT_PER_PX) for key, height in rows.items()), curve * PT_PER_PX, total * PT_PER_PX
    )
