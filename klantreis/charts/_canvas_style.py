"""Lane names and the CSS of the canvas (screen, and print on A3 landscape)."""

from __future__ import annotations

#: Lanes used when the journey's template is unknown (in this order).
DEFAULT_LANES = ("user_goal", "touchpoints", "interaction", "emotion", "backstage", "thoughts", "ideas")

LANE_NAMES = {
    "nl": {
        "user_goal": "Doel van de klant",
        "touchpoints": "Touchpoints",
        "interaction": "Wat doet de klant",
        "emotion": "Emotie",
        "backstage": "Backstage",
        "thoughts": "Gedachten",
        "ideas": "Ideeën",
        "data": "Data",
        "opportunities": "Kansen",
    },
    "en": {
        "user_goal": "Customer's goal",
        "touchpoints": "Touchpoints",
        "interaction": "What the customer does",
        "emotion": "Emotion",
        "backstage": "Backstage",
        "thoughts": "Thoughts",
        "ideas": "Ideas",
        "data": "Data",
        "opportunities": "Opportunities",
    },
}

#: Lanes with one cell per phase; the others have one cell per touchpoint.
PHASE_LANES = ("user_goal", "opportunities")

#: Width of the lane-name column and of one touchpoint column, in SVG pixels; the
#: table uses the same proportions, so the curve's points sit under their columns.
LANE_PX = 150
STEP_PX = 110
CURVE_HEIGHT = 170
#: The canvas's text size on screen (px; 12px in ``CANVAS_CSS``).
SCREEN_FONT_PX = 12

#: Narrowest lane-name and touchpoint columns (em), and what a cell's padding and
#: borders take from a column (em): columns get wider when a word needs it.
LABEL_MIN_EM = 9.0
SLOT_MIN_EM = 7.5
CELL_PAD_EM = 1.0
#: Words wider than this (em) are hyphenated rather than widening every column.
WORD_CAP_EM = 8.5
#: A touchpoint name is never hyphenated: a name whose longest word is too wide for
#: its column is set smaller, down to this fraction (columns widen beyond that).
NAME_SQUEEZE = 0.85

CANVAS_CSS = """
.klantreis-canvas { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans",
  sans-serif; font-size: 12px; color: #222; }
.klantreis-canvas h2 { font-size: 1.5em; margin: 0 0 .15em 0; }
.klantreis-canvas .kr-meta { margin: 0 0 .6em 0; color: #555; }
.klantreis-canvas table { width: 100%; table-layout: fixed; border-collapse: collapse;
  min-width: calc(var(--kr-width-em, 0) * 1em); }
.klantreis-canvas th, .klantreis-canvas td { border: 1px solid #d0d0d0; padding: .33em .42em;
  vertical-align: top; overflow-wrap: break-word; word-break: normal; hyphens: manual; }
.klantreis-canvas .kr-word { white-space: nowrap; }
.klantreis-canvas thead th { background: #2f4858; color: #fff; text-align: left; }
.klantreis-canvas thead th.kr-shade-1 { background: #456a80; }
.klantreis-canvas .kr-duration { display: block; font-weight: normal; font-size: .92em; opacity: .9; }
.klantreis-canvas tbody th { background: #f2f2f2; text-align: left; font-weight: 600; }
.klantreis-canvas tbody th .kr-hint { display: block; font-weight: normal; color: #666;
  font-size: .83em; }
.klantreis-canvas td.kr-crucial { background: #fff6df; }
.klantreis-canvas tr.kr-lane-touchpoints td.kr-crucial { box-shadow: inset 0 3px 0 #b86e00; }
.klantreis-canvas td.kr-side { color: #666; }
.klantreis-canvas td.kr-empty { background: repeating-linear-gradient(45deg, #fafafa, #fafafa 6px,
  #f0f0f0 6px, #f0f0f0 12px); }
.klantreis-canvas .kr-name { font-weight: 600; display: block; }
.klantreis-canvas .kr-star { color: #995c00; }
.klantreis-canvas .kr-tag { display: inline-block; margin: .17em .25em 0 0; padding: 0 .33em;
  border-radius: 3px; background: #eef2f5; font-size: .83em; }
.klantreis-canvas .kr-emoji { font-size: 1.33em; }
.klantreis-canvas .kr-muted { color: #595959; }
.klantreis-canvas ul { margin: 0; padding-left: 1.2em; }
.klantreis-canvas tr.kr-curve td { padding: 0; border: none; }
.klantreis-canvas tr.kr-curve svg { display: block; width: 100%; height: auto; }
.klantreis-canvas .kr-block { margin: 0 0 .8em 0; }
.klantreis-canvas .kr-swatch { display: inline-block; padding: 0 .3em; border: 1px solid #d0d0d0; }
.klantreis-canvas .kr-crucial-swatch { background: #fff6df; box-shadow: inset 0 3px 0 #b86e00; }
.klantreis-canvas .kr-dash { display: inline-block; width: 1.8em; vertical-align: middle;
  border-top: 3px dashed #444; }
.klantreis-canvas .kr-legend { margin: .5em 0 0 0; color: #555; font-size: .92em; }
.klantreis-canvas .kr-label { background: #2f4858; color: #fff; }
.klantreis-canvas .kr-key b { font-weight: 600; }
.klantreis-canvas .kr-persona-box { display: inline-block; vertical-align: top; margin: 0 1.5em .6em 0;
  padding: .3em .6em; border: 1px solid #767676; }
.klantreis-canvas .kr-sides { display: inline-flex; vertical-align: top; margin: 0 0 .6em 0; }
.klantreis-canvas .kr-side-col { padding: .3em .6em; border: 1px solid #767676; min-width: 10em; }
.klantreis-canvas .kr-side-col + .kr-side-col { border-left: none; }
.klantreis-canvas .kr-side-col.kr-this { background: #fff6df; }
@media print {
  /* small enough that the widest words fit the page's width (100vw when printing) */
  .klantreis-canvas { font-size: min(8.5pt, calc(100vw / var(--kr-width-em, 1))); }
  .klantreis-canvas table { min-width: 0; }
  .klantreis-canvas tbody tr { break-inside: avoid; }
  .klantreis-canvas * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""

PRINT_CSS = "@page { size: A3 landscape; margin: 10mm; }\n"
PAGE_CSS = PRINT_CSS + "body { margin: 16px; }\n@media print { body { margin: 0; } }\n"
