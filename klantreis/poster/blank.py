"""The empty canvas of a method, to start a workshop on paper: the title and fields to
fill in, the template's rows with their hints (and the rows only a blank canvas has,
such as the Canvas's competitor), a persona box where the method places persona
fields, the phases as columns, the smiley scale (also as guide lines in the emotion
row), the key of the labels the method puts on touchpoints (Touch, Tell, Sell, Care)
and room for sticky notes: on A1 and A0 every row is at least :data:`ROW_MM` high
(a 76 mm note fits), the rows going on over a second sheet when they need it."""

from __future__ import annotations

from typing import Any

from markupsafe import escape

from ..charts._canvas_method import key_html, placed
from ..charts._canvas_style import CELL_PAD_EM, LABEL_MIN_EM
from ..charts._common import texts
from ..charts._words import fit_text, lines_needed, longest_word_em
from ..charts.canvas import canvas_lanes
from ..errors import JourneyError
from ..model import Journey
from ..templates import get_template, journey_uses
from .paper import PT_PER_MM, Paper
from .render import render
from .sheets import poster_css
from .texts import TEXTS

#: Line height of the canvas text (as in the poster CSS).
LINE = 1.25
#: The lane-name column of a blank canvas is wide enough for its hints.
BLANK_LABEL_EM = 17.0
#: Font sizes (em) of hints and phase descriptions, and of durations.
SMALL, DURATION = 0.83, 0.92
#: A blank canvas has few words: its type is this much bigger than a poster's.
BLANK_TYPE = 1.2
#: Title and field line, and the legend (em), with some slack.
TITLE_EM, LEGEND_EM = 5.0, 2.6
#: The least height of a row (mm) on paper made for the wall (A1 and A0): a 76 mm
#: sticky note fits with room to spare. Smaller paper shares its height among the rows.
ROW_MM = 80.0
#: The smallest sheet (height, mm) whose rows get :data:`ROW_MM` unless told otherwise.
WALL_HEIGHT_MM = 594

BLANK_CSS = """
.kr-blank thead th .kr-about { display: block; font-weight: normal; font-size: .83em; opacity: .85;
  margin-top: .3em; }
.kr-blank tbody th .kr-hint { margin-top: .3em; line-height: 1.25; }
.kr-blank .kr-fields { margin: 0 0 .6em 0; color: #444; }
.kr-blank .kr-field { display: inline-block; width: 14em; border-bottom: .5pt solid #888;
  margin: 0 1.6em 0 .3em; }
.kr-blank td { padding: 0; }
.kr-blank th, .kr-blank td { border-color: #767676; }
.kr-blank .kr-box { color: #444; }
.kr-blank .kr-band { border-top: .5pt dashed #c8c8c8; padding-left: .3em; }
.kr-blank .kr-band:first-child { border-top: none; }
.kr-blank .kr-band .kr-emoji { font-size: 1em; }
"""


def blank_document(journey: Journey, paper: Paper, row_mm: float | None = None) -> Any:
    """The empty canvas, rendered (a ``weasyprint.Document``)."""
    return render(blank_html(journey, paper, row_mm))


def row_least_mm(paper: Paper, row_mm: float | None = None) -> float:
    """The least height of a blank canvas's rows on ``paper`` (mm): ``row_mm`` when
    given, else :data:`ROW_MM` on A1 and A0 and none (the rows share one sheet) on
    smaller paper."""
    if row_mm is not None:
        return row_mm
    return ROW_MM if paper.height >= WALL_HEIGHT_MM else 0.0


def blank_lanes(journey: Journey) -> list[dict[str, str]]:
    """The rows of the blank canvas: a persona box when the method places persona
    fields there (the 8-element card's desired role), the canvas's rows, then the
    rows only a blank canvas has (the Canvas's biggest competitor)."""
    lang = journey.language
    lanes = canvas_lanes(journey)
    fields = placed(journey, "personas", "persona")
    if fields:
        hint = " · ".join([TEXTS.text("persona_hint", lang), *(f.name(lang) for f in fields)])
        lanes.insert(0, {"id": "persona", "name": TEXTS.text("persona_box", lang), "hint": hint, "box": "1"})
    try:
        extra = get_template(journey.template).blank_lanes(lang) if journey.template else []
    except JourneyError:
        extra = []
    return lanes + extra


def blank_html(journey: Journey, paper: Paper, row_mm: float | None = None) -> str:
    """The empty canvas of ``journey``'s template, phases and scale as an HTML page;
    rows at least ``row_mm`` high (see :func:`row_least_mm`)."""
    lang = journey.language
    t = texts(journey)
    size = round(paper.font_pt * BLANK_TYPE, 1)
    width, height = (v / size for v in paper.content_pt)  # in em
    least = row_least_mm(paper, row_mm) * PT_PER_MM / size  # in em
    lanes = blank_lanes(journey)
    phases = journey.phases.to_dict("records") or [{"id": "", "name": ""}]
    label = max(
        BLANK_LABEL_EM, LABEL_MIN_EM, longest_word_em([lane["name"] for lane in lanes], True) + CELL_PAD_EM
    )
    column = (width - label) / len(phases)
    room = column - CELL_PAD_EM

    head = ["<th></th>"]
    head_em = 0.0
    for number, phase in enumerate(phases):
        name, duration, about = (str(phase.get(k) or "") for k in ("name", "duration", "description"))
        head_em = max(
            head_em,
            lines_needed(name, room, True) * LINE
            + (lines_needed(duration, room / DURATION) * DURATION * LINE if duration else 0)
            + (lines_needed(about, room / SMALL) * SMALL * LINE + 0.3 if about else 0),
        )
        head.append(
            f'<th scope="col" class="kr-phase kr-shade-{number % 2}">{fit_text(name, room, lang, True)}'
            + (f'<span class="kr-duration">{escape(duration)}</span>' if duration else "")
            + (f'<span class="kr-about">{fit_text(about, room / SMALL, lang)}</span>' if about else "")
            + "</th>"
        )
    needs = [
        (lines_needed(lane["name"], label - CELL_PAD_EM, True) * LINE
         + lines_needed(lane.get("hint"), (label - CELL_PAD_EM) / SMALL) * SMALL * LINE + 0.3 + CELL_PAD_EM)
        for lane in lanes
    ]  # fmt: skip
    free = height - TITLE_EM - LEGEND_EM - head_em - CELL_PAD_EM - 0.04 * height
    rows = _row_heights([max(n, least) for n in needs], free)

    scale = sorted(journey.scale, key=lambda p: -p.score)
    body = []
    for lane, row_em in zip(lanes, rows, strict=True):
        hint = f'<span class="kr-hint">{fit_text(lane["hint"], (label - CELL_PAD_EM) / SMALL, lang)}</span>'
        if lane.get("box"):  # one box over every phase
            cells = f'<td colspan="{len(phases)}"></td>'
        else:
            cells = "".join(_cell(lane["id"], scale, row_em, size) for _ in phases)
        body.append(
            f'<tr class="kr-lane kr-lane-{escape(lane["id"])}" style="height:{row_em * size:.2f}pt">'
            f'<th scope="row">{escape(lane["name"])}{hint}</th>{cells}</tr>'
        )
    fields = "".join(
        f'{escape(name)}:<span class="kr-field">&#8203;</span>'
        for name in (t["persona"], t["scenario"], TEXTS.text("team", lang), TEXTS.text("date", lang))
    ) + _choices(journey)
    legend = " · ".join(
        f'<span class="kr-scale"><span class="kr-emoji">{escape(p.emoji)}</span> {escape(p.label)}</span>'
        for p in scale
    )
    crucial = (
        f" · {escape(TEXTS.text('crucial_hint', lang))}" if journey_uses(journey.template, "critical") else ""
    )
    cols = f'<col style="width:{label * size:.2f}pt">' + f'<col style="width:{column * size:.2f}pt">' * len(
        phases
    )
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(journey.title)}</title>\n"
        f"<style>{poster_css(paper, size)}{BLANK_CSS}</style>\n</head>\n"
        f'<body class="kr-poster kr-blank">\n<section class="kr-sheet"><div class="klantreis-canvas">\n'
        f'<h2>{escape(journey.title)}</h2>\n<p class="kr-fields">{fields}</p>\n'
        f"<table>\n<colgroup>{cols}</colgroup>\n<thead><tr>{''.join(head)}</tr></thead>\n"
        f"<tbody>\n{chr(10).join(body)}\n</tbody>\n</table>\n"
        f'<p class="kr-legend">{escape(TEXTS.text("scale", lang))}: {legend}'
        f"{crucial}</p>\n{key_html(journey)}\n</div></section>\n</body>\n</html>\n"
    )


def _choices(journey: Journey) -> str:
    """A box to tick per option of the persona fields set side by side (Flanders: is
    this journey an end user's or a partner's?)."""
    lang = journey.language
    return "".join(
        f'<span class="kr-box">{escape(f.name(lang))}: '
        + " ".join(f"☐ {escape(o.text(lang))}" for o in f.options)
        + "</span>"
        for f in placed(journey, "personas", "side_by_side")
    )


def _row_heights(needs: list[float], free: float) -> list[float]:
    """Share ``free`` (em) among the rows, each at least what it needs (its name and
    hint, a sticky note); rows that need more than ``free`` go on over more sheets."""
    share = free / max(len(needs), 1)
    for _ in range(len(needs)):
        big = [n for n in needs if n > share]
        rest = len(needs) - len(big)
        if not rest:
            break
        fair = (free - sum(big)) / rest
        if fair == share:
            break
        share = fair
    return [max(n, share) for n in needs]


def _cell(lane: str, scale: list[Any], row_em: float, size: float) -> str:
    """An empty cell; in the emotion row one guide line per point of the scale."""
    if lane != "emotion" or not scale:
        return "<td></td>"
    band = (row_em - 0.2) * size / len(scale)
    bands = "".join(
        f'<div class="kr-band" style="height:{band:.2f}pt">'
        f'<span class="kr-emoji">{escape(p.emoji)}</span></div>'
        for p in scale
    )
    return f"<td>{bands}</td>"
