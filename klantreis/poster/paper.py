"""Paper sizes for posters (landscape) and the type size that goes with each: type
grows with the sheet, a little slower than the sheet, so a bigger sheet holds both
bigger letters and a few more columns."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import JourneyError
from .texts import TEXTS

#: Points per millimetre.
PT_PER_MM = 72 / 25.4


@dataclass(frozen=True)
class Paper:
    """A landscape sheet: ``width`` x ``height`` in millimetres."""

    name: str
    width: float
    height: float

    @property
    def scale(self) -> float:
        """The sheet's size relative to A3."""
        return self.width / 420

    @property
    def margin(self) -> float:
        """The margin on every side, in millimetres."""
        return round(10 * self.scale**0.5, 1)

    @property
    def font_pt(self) -> float:
        """The size of the canvas text, in points (7 pt on A3, about 15 pt on A0)."""
        return round(7 * self.scale**0.75, 1)

    @property
    def content_pt(self) -> tuple[float, float]:
        """The printable width and height inside the margins, in points."""
        return (self.width - 2 * self.margin) * PT_PER_MM, (self.height - 2 * self.margin) * PT_PER_MM


PAPERS = {
    "A3": Paper("A3", 420, 297),
    "A2": Paper("A2", 594, 420),
    "A1": Paper("A1", 841, 594),
    "A0": Paper("A0", 1189, 841),
}


def get_paper(name: str | None) -> Paper:
    """The paper named ``name`` (A3 when None; case does not matter)."""
    key = (name or "A3").strip().upper()
    if key not in PAPERS:
        raise JourneyError(TEXTS.msg("unknown_paper", paper=name))
    return PAPERS[key]
