"""Paper sizes for posters (landscape) and the smallest type that goes with each: type
grows in proportion to the sheet, so a poster on A0 reads from as far away (about two
metres) as one on A3 from arm's length. The layout (:mod:`.sheets`) sets the text
bigger than this minimum when the journey leaves room on the sheet."""

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
        """The smallest size of the canvas's body text, in points: 18 pt on A0 (to
        read from two metres), 12.7 pt on A1, 9 pt on A2, 6.4 pt on A3 (headings are
        bigger, see :data:`ROLES`)."""
        return round(18 * self.width / 1189, 1)

    @property
    def content_pt(self) -> tuple[float, float]:
        """The printable width and height inside the margins, in points."""
        return (self.width - 2 * self.margin) * PT_PER_MM, (self.height - 2 * self.margin) * PT_PER_MM


#: The size of each kind of text on a poster, in em of the body text: at the least
#: body size on A0 a title of about 80 pt, phase names of 40 pt, touchpoint names of
#: 26 pt; chips, durations and the legend never below 0.83 em.
ROLES = {"title": 4.0, "phase": 2.0, "name": 1.3, "small": 0.83}
#: A phase name too long for its columns is set smaller, down to this size (em).
PHASE_MIN_EM = 1.3


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
