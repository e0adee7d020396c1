"""Print the canvas: a journey as a landscape vector PDF poster (A3 to A0), and the
empty canvas of a method for a workshop at the wall.

- :func:`poster_pdf`: one journey's canvas (lanes as rows, phases and touchpoints as
  columns, the emotion curve under them), over as many sheets as it needs.
- :func:`blank_pdf`: a template's (or a project's) empty canvas on one sheet.
- :func:`export_pdf`: what ``klantreis export ... --to x.pdf`` calls.

Fonts are embedded (DejaVu Sans; the smileys as Noto Color Emoji bitmaps) and
nothing is loaded from the network (WeasyPrint renders the HTML canvas with CSS
paged media).
"""

from __future__ import annotations

import os
from pathlib import Path

from ..atomic import write_atomic
from ..errors import JourneyError
from ..model import Journey
from .paper import PAPERS, Paper, get_paper
from .render import pdf_bytes
from .texts import TEXTS

__all__ = ["PAPERS", "Paper", "blank_pdf", "export_pdf", "get_paper", "poster_pdf"]


def poster_pdf(journey: Journey, persona: str | None = None, scenario: str | None = None,
               paper: str | Paper = "A3", *, source: str = "") -> bytes:  # fmt: skip
    """The PDF of one journey's canvas: ``persona`` in ``scenario`` (default: the first
    persona with touchpoints and its first scenario) on ``paper`` (A3, A2, A1, A0).
    ``source`` names the project in error messages."""
    from ..charts.canvas import canvas
    from .sheets import poster_document

    sheet = paper if isinstance(paper, Paper) else get_paper(paper)
    where = source or journey.title
    for table, item in (("personas", persona), ("scenarios", scenario)):
        if item is not None and item not in journey.ids(table):
            known = ", ".join(journey.ids(table)) or "-"
            raise JourneyError(TEXTS.msg(f"unknown_{table[:-1]}", source=where, item=item, known=known))
    if not journey.ids("personas"):
        raise JourneyError(TEXTS.msg("no_personas", source=where))
    printed = canvas(journey, persona, scenario)
    printed.typeset = True
    return pdf_bytes(poster_document(printed, sheet))


#: The paper of a blank canvas when none is named: big enough for sticky notes.
BLANK_PAPER = "A1"


def blank_pdf(journey: Journey, paper: str | Paper = BLANK_PAPER, row_mm: float | None = None) -> bytes:
    """The PDF of an empty canvas with the journey's lanes, phases and scale (make one
    from a template with ``klantreis.new_journey(template_id)``): rows at least
    ``row_mm`` high (default: 80 mm on A1 and A0, on A3 and A2 the rows share one
    sheet), over a second sheet when they need it."""
    from .blank import blank_document

    sheet = paper if isinstance(paper, Paper) else get_paper(paper)
    return pdf_bytes(blank_document(journey, sheet, row_mm))


def export_pdf(
    target: str | os.PathLike[str],
    project: str | os.PathLike[str] | Journey | None = None,
    *,
    paper: str | None = None,
    persona: str | None = None,
    scenario: str | None = None,
    blank: bool = False,
    template: str | None = None,
    language: str | None = None,
    row_mm: float | None = None,
) -> Path:
    """Write a poster (``project``'s journey) or, with ``blank``, an empty canvas (of
    ``project``, or of ``template`` in ``language``; on A1 unless ``paper`` says
    otherwise, rows at least ``row_mm`` high) to ``target`` (.pdf); returns it.

    Everything is checked before anything is drawn, and the file is written whole
    (via a temporary file) or not at all.
    """
    path = Path(target)
    _check_target(path)
    sheet = get_paper(paper or (BLANK_PAPER if blank else None))
    if row_mm is not None and (not blank or row_mm <= 0 or row_mm > sheet.height / 2):
        raise JourneyError(TEXTS.msg("bad_row_height", height=sheet.height / 2))
    if template is not None and not blank:
        raise JourneyError(TEXTS.msg("template_needs_blank"))
    if blank and (persona is not None or scenario is not None):
        raise JourneyError(TEXTS.msg("blank_has_no_journey"))
    if project is None and not (blank and template):
        raise JourneyError(TEXTS.msg("need_project"))
    if project is not None and template is not None:
        raise JourneyError(TEXTS.msg("template_needs_blank"))
    if project is None:
        journey = _template_journey(str(template), language)
        source = ""
    elif isinstance(project, Journey):
        journey, source = project, ""
    else:
        from ..projectfile import load

        journey, source = load(project), str(project)
    data = (
        blank_pdf(journey, sheet, row_mm)
        if blank
        else poster_pdf(journey, persona, scenario, sheet, source=source)
    )
    return write_atomic(path, data)


def _check_target(path: Path) -> None:
    if path.suffix.lower() != ".pdf":
        raise JourneyError(TEXTS.msg("not_pdf", path=str(path)))
    if path.is_dir():
        raise JourneyError(TEXTS.msg("is_folder", path=str(path)))
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise JourneyError(TEXTS.msg("no_folder", path=str(path), folder=str(folder)))


def _template_journey(template_id: str, language: str | None) -> Journey:
    from ..messages import current_language
    from ..templates import list_templates, new_journey

    known = [t.id for t in list_templates()]
    if template_id not in known:
        raise JourneyError(TEXTS.msg("unknown_template", item=template_id, known=", ".join(known)))
    return new_journey(template_id, language=language or current_language())
