"""Words that fit their column: how wide a word is, and text made ready for narrow
table cells so it wraps between words, never inside one.

Widths are measured in em with the advance widths of DejaVu Sans (the canvas's print
font, also the widest of the usual sans-serif fonts, so a column sized for it fits
others too). When the font file cannot be found a per-letter estimate is used.
A word too wide for its column is hyphenated at Dutch (or English) syllable breaks
(soft hyphens from Pyphen's dictionaries); words joined by a hyphen or slash
("E-mail", "in/uit") are kept on one line.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterable
from functools import cache
from typing import Any

from markupsafe import Markup, escape

#: The font the widths are measured in, as fontconfig names it.
MEASURE_FONT = "DejaVu Sans"
#: Em per letter when the font cannot be read: regular and bold.
_FALLBACK = {False: 0.64, True: 0.72}
#: Em for a character the font lacks (an emoji, drawn by the emoji font).
_EMOJI_EM = 1.25
_JOINED = re.compile(r"[-/‐‑]")


@cache
def _font_file(bold: bool) -> str | None:
    """The file fontconfig picks for the measure font, if it is DejaVu Sans."""
    fc_match = shutil.which("fc-match")
    if fc_match is None:
        return None
    pattern = f"{MEASURE_FONT}:bold" if bold else MEASURE_FONT
    try:
        found = subprocess.run(
            [fc_match, "--format=%{file}", pattern], capture_output=True, text=True, timeout=10, check=True
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return found if "dejavusans" in found.lower().replace("-", "").replace("_", "") else None


@cache
def _advances(bold: bool) -> dict[int, float] | None:
    """Advance width in em per code point of the measure font (None: not readable)."""
    path = _font_file(bold)
    if path is None:
        return None
    try:
        from fontTools.ttLib import TTFont

        with TTFont(path) as font:
            upem = font["head"].unitsPerEm
            metrics = font["hmtx"].metrics
            return {code: metrics[name][0] / upem for code, name in font.getBestCmap().items()}
    except Exception:  # a broken or unexpected font file: estimate instead
        return None


def word_em(word: str, bold: bool = False) -> float:
    """The width of ``word`` in em (1 em = the font size)."""
    advances = _advances(bold)
    if advances is None:
        return len(word) * _FALLBACK[bold]
    return sum(advances.get(ord(char), _EMOJI_EM) for char in word)


def longest_word_em(texts: Iterable[Any], bold: bool = False) -> float:
    """The width in em of the widest word in ``texts`` (0 when there are none)."""
    return max((word_em(word, bold) for text in texts for word in str(text or "").split()), default=0.0)


@cache
def _dictionary(language: str) -> Any:
    import pyphen

    return pyphen.Pyphen(lang="en_GB" if language == "en" else "nl_NL")


def fit_text(value: Any, max_em: float, language: str = "nl", bold: bool = False) -> Markup:
    """``value`` as escaped HTML that wraps at word boundaries in a column ``max_em``
    wide: line breaks are kept; a word joined by a hyphen or slash stays on one line
    when it fits; a word wider than the column gets soft hyphens at its syllables."""
    lines = str(value if value is not None else "").strip().splitlines()
    return Markup("<br>").join(
        Markup(" ").join(_fit_word(word, max_em, language, bold) for word in line.split()) for line in lines
    )


def _fit_word(word: str, max_em: float, language: str, bold: bool) -> Markup:
    width = word_em(word, bold)
    if width <= max_em:
        if _JOINED.search(word):
            return Markup('<span class="kr-word">') + escape(word) + Markup("</span>")
        return escape(word)
    parts = _JOINED.split(word)
    if len(parts) > 1:  # break at its own hyphens/slashes first
        seps = _JOINED.findall(word)
        pieces = [
            _fit_word(p + sep, max_em, language, bold) for p, sep in zip(parts, [*seps, ""], strict=True)
        ]
        return Markup("").join(pieces)
    syllables = _dictionary(language).inserted(word, hyphen="\u00ad")
    return escape(syllables)


def lines_needed(value: Any, width_em: float, bold: bool = False) -> int:
    """About how many lines ``value`` takes in a column ``width_em`` wide (breaking
    between words; a word wider than the column counts as several lines)."""
    space = word_em(" ", bold)
    total = 0
    for line in str(value if value is not None else "").splitlines() or [""]:
        count, used = 1, 0.0
        for word in line.split():
            width = word_em(word, bold)
            if used and used + space + width > width_em:
                count, used = count + 1, 0.0
            if width > width_em:
                count += int(width // max(width_em, 0.1))
                width = width % max(width_em, 0.1)
            used = used + space + width if used else width
        total += count
    return total
