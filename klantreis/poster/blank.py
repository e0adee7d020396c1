"""The empty canvas of a method, to start a workshop on paper: the title and fields to
fill in, the template's rows with their hints, the phases as columns, the smiley
scale (also as guide lines in the emotion row) and room to write, on one sheet."""

from __future__ import annotations

from typing import Any

from markupsafe import escape

from ..charts._canvas_style import CELL_PAD_EM, LABEL_MIN_EM
from ..charts._common import texts
from ..charts._words import fit_text, lines_needed, longest_word_em
from ..charts.canvas import canvas_lanes
from ..model import Journey
from ..templates import journey_uses
from .paper import Paper
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

BLANK_CSS = """
.kr-blank thead th .kr-about { display: block; font-weight: normal; font-size: .83em; opacity: .85;
  margin-top: .3em; }
.kr-blank tbody th .kr-hint { margin-top: .3em; line-height: 1.25; }
.kr-blank .kr-fields { margin: 0 0 .6em 0; color: #444; }
.kr-blank .kr-field { display: inline-block; width: 14em; border-bottom: .5pt solid #888;
  margin: 0 1.6em 0 .3em; }
.kr-blank td { padding: 0; }
.kr-blank .kr-band { border-top: .5pt dashed #c8c8c8; padding-left: .3em; }
.kr-blank .kr-band:first-child { border-top: none; }
.kr-blank .kr-band .kr-emoji { font-size: 1em; }
"""


def blank_document(journey: Journey, paper: Paper) -> Any:
    """The empty canvas, rendered (a ``weasyprint.Document``)."""
    return render(blank_html(journey, paper))


def blank_html(journey: Journey, paper: Paper) -> str:
    """The empty canvas of ``journey``'s template, phases and scale as an HTML page."""
    lang = journey.language
    t = texts(journey)
    size = round(paper.font_pt * BLANK_TYPE, 1)
    width, height = (v / size for v in paper.content_pt)  # in em
    lanes = canvas_lanes(journey)
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
    rows = _row_heights(needs, free)

    scale = sorted(journey.scale, key=lambda p: -p.score)
    body = []
    for lane, row_em in zip(lanes, rows, strict=True):
        hint = f'<span class="kr-hint">{fit_text(lane["hint"], (label - CELL_PAD_EM) / SMALL, lang)}</span>'
        cells = "".join(_cell(lane["id"], scale, row_em, size) for _ in phases)
        body.append(
            f'<tr class="kr-lane kr-lane-{escape(lane["id"])}" style="height:{row_em * size:.2f}pt">'
            f'<th scope="row">{escape(lane["name"])}{hint}</th>{cells}</tr>'
        )
    fields = "".join(
        f'{escape(name)}:<span class="kr-field">&#8203;</span>'
        for name in (t["persona"], t["scenario"], TEXTS.text("team", lang), TEXTS.text("date", lang))
    )
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
        f"{crucial}</p>\n</div></section>\n</body>\n</html>\n"
    )


def _row_heights(needs: list[float], free: float) -> list[float]:
    """Share ``free`` (em) among the rows, each at least what its name and hint need."""
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
