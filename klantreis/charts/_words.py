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
import unicodedata
from collections.abc import Iterable
from functools import cache, lru_cache
from typing import Any

from markupsafe import Markup, escape

from ._typeset import NBSP, tokens

#: The font the widths are measured in, as fontconfig names it.
MEASURE_FONT = "DejaVu Sans"
#: Em per letter when the font cannot be read: regular and bold.
_FALLBACK = {False: 0.64, True: 0.72}
#: Em for a character the font lacks (an emoji, drawn by the emoji font).
_EMOJI_EM = 1.25
#: The marks that join the parts of a compound: hyphen, slash, Unicode hyphens, en dash.
_SEPARATORS = r"\-/\u2010\u2011\u2013"
_JOINED = re.compile(f"[{_SEPARATORS}]")


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


@lru_cache(maxsize=65536)
def word_em(word: str, bold: bool = False) -> float:
    """The width of ``word`` in em (1 em = the font size). A character the font lacks
    (an emoji, with its skin tone or joined parts) counts as one emoji's width."""
    advances = _advances(bold)
    if advances is None:
        return len(clusters(word)) * _FALLBACK[bold]
    width = 0.0
    for cluster in clusters(word):
        if all(ord(char) in advances for char in cluster):
            width += sum(advances[ord(char)] for char in cluster)
        else:
            width += _EMOJI_EM
    return width


def longest_word_em(texts: Iterable[Any], bold: bool = False) -> float:
    """The width in em of the widest word in ``texts`` (0 when there are none)."""
    return max((word_em(word, bold) for text in texts for word in str(text or "").split()), default=0.0)


def longest_part_em(texts: Iterable[Any], bold: bool = False, language: str = "nl") -> float:
    """As :func:`longest_word_em`, but a Dutch compound counts as its widest part
    and a hyphen ("Tevredenheids-|enquête"): it may break between its parts."""

    def width(word: str) -> float:
        parts = _compound_parts(word) if language == "nl" else [word]
        if len(parts) == 1:
            return word_em(word, bold)
        return max(word_em(part + "-", bold) for part in parts)

    return max((width(word) for text in texts for word in str(text or "").split()), default=0.0)


@cache
def _dictionary(language: str) -> Any:
    import pyphen

    return pyphen.Pyphen(lang="en_GB" if language == "en" else "nl_NL")


def fit_text(
    value: Any, max_em: float, language: str = "nl", bold: bool = False, typeset: bool = False
) -> Markup:
    """``value`` as escaped HTML that wraps at word boundaries in a column ``max_em``
    wide: line breaks are kept; a word joined by a hyphen or slash stays on one line
    when it fits; a word wider than the column gets soft hyphens at its syllables.
    With ``typeset`` (print), quotes become typographic and the words a reader keeps
    together stay on one line (see :mod:`._typeset`)."""
    lines = str(value if value is not None else "").strip().splitlines()
    if not typeset:
        return Markup("<br>").join(
            Markup(" ").join(_fit_word(word, max_em, language, bold) for word in line.split())
            for line in lines
        )
    return Markup("<br>").join(
        Markup(" ").join(
            _fit_token(token, max_em, language, bold)
            for token in no_lone_words(tokens(line, language), max_em, bold)
        )
        for line in lines
    )


#: Two words are joined against a lone word only when they fit this share of the
#: column (our widths leave out kerning: a little room to spare).
_PAIR_ROOM = 0.97


def no_lone_words(words: list[str], max_em: float, bold: bool = False) -> list[str]:
    """``words`` (tokens) with no word alone on a line in the middle or at the end of
    a text in a column ``max_em`` wide: where the lines, filled word by word as the
    renderer fills them, would leave a word on its own that fits on one line with the
    word before it, the two are joined by a no-break space, so that word moves down
    with it ("Dan doe ik / maar weer / de loopband." instead of "Dan doe ik maar /
    weer / de loopband."). A word too wide for a line with any other stays alone."""
    out = list(words)
    for _ in range(len(out)):
        lines = _greedy_lines(out, max_em, bold)
        lone = next(
            (
                i
                for i, (first, last) in enumerate(lines)
                if i and first == last and NBSP not in out[first] and lines[i - 1][1] > lines[i - 1][0]
                and word_em(f"{out[first - 1]} {out[first]}", bold) <= max_em * _PAIR_ROOM
            ),
            None,
        )  # fmt: skip
        if lone is None:
            break
        first = lines[lone][0]
        out[first - 1 : first + 1] = [out[first - 1] + NBSP + out[first]]
    return out


def _greedy_lines(words: list[str], max_em: float, bold: bool) -> list[tuple[int, int]]:
    """The (first, last) word index of each line, filled word by word; a word wider
    than the column takes its own line(s)."""
    lines: list[tuple[int, int]] = []
    start = 0
    for index in range(1, len(words) + 1):
        if index == len(words) or word_em(" ".join(words[start : index + 1]), bold) > max_em:
            lines.append((start, index - 1))
            start = index
    return lines


def _fit_token(token: str, max_em: float, language: str, bold: bool) -> Markup:
    """A run of words joined by no-break spaces: kept on one line when it fits the
    column, else its words fitted one by one."""
    if NBSP not in token:
        return _fit_word(token, max_em, language, bold)
    if word_em(token, bold) <= max_em:
        return Markup('<span class="kr-word">') + escape(token) + Markup("</span>")
    return Markup(" ").join(_fit_word(word, max_em, language, bold) for word in token.split(NBSP))


def _fit_word(word: str, max_em: float, language: str, bold: bool) -> Markup:
    """One word as HTML for a column ``max_em`` wide. A word made of parts joined by
    hyphens or slashes is kept in groups of parts that fit (each group on one line);
    a single part wider than the column is hyphenated at its syllables, and where the
    dictionary finds no break, between letters. Never recursive: every part is
    handled once, whatever the text."""
    if word_em(word, bold) <= max_em:
        if _JOINED.search(word):
            return Markup('<span class="kr-word">') + escape(word) + Markup("</span>")
        return escape(word)
    pieces: list[Markup] = []
    group = ""
    for part in _joined_parts(word):
        if group and word_em(group + part, bold) <= max_em:
            group += part
            continue
        if group:
            pieces.append(_kept_whole(group))
        group = part
        if word_em(part, bold) > max_em:
            pieces.append(escape(_hyphenated(part, max_em, language, bold)))
            group = ""
    if group:
        pieces.append(_kept_whole(group))
    return Markup("").join(pieces)


#: A part of a joined word with the hyphens or slashes after it ("kenteken-", "e-",
#: "mail"), or a run of separators with nothing before it ("</").
_PARTS = re.compile(rf"[^{_SEPARATORS}]+[{_SEPARATORS}]*|[{_SEPARATORS}]+")


def _joined_parts(word: str) -> list[str]:
    return _PARTS.findall(word)


def _kept_whole(text: str) -> Markup:
    if _JOINED.search(text) and len(_joined_parts(text)) > 1:
        return Markup('<span class="kr-word">') + escape(text) + Markup("</span>")
    return escape(text)


def _hyphenated(part: str, max_em: float, language: str, bold: bool) -> str:
    """``part`` with soft hyphens at its syllables; a syllable still wider than the
    column (a long code, a word the dictionary does not know) gets more soft hyphens
    between its letters, so no line is wider than the column."""
    parts = _compound_parts(part) if language == "nl" else [part]
    if len(parts) > 1 and all(word_em(p, bold) <= max_em for p in parts):
        return SOFT_HYPHEN.join(parts)  # a typesetter breaks between the parts first
    syllables = _dictionary(language).inserted(part, hyphen=SOFT_HYPHEN).split(SOFT_HYPHEN)
    out: list[str] = []
    for syllable in syllables:
        if word_em(syllable, bold) <= max_em:
            out.append(syllable)
            continue
        chunk = ""
        for cluster in clusters(syllable):
            if chunk and word_em(chunk + cluster, bold) > max_em:
                out.append(chunk)
                chunk = ""
            chunk += cluster
        if chunk:
            out.append(chunk)
    return SOFT_HYPHEN.join(out)


#: Where a Dutch compound's first part ends: a word ending in -ing, -heid, -teit,
#: -schap or -dom and the linking s ("besparings|rapport", "veiligheids|regels"),
#: before a part of at least four letters.
_COMPOUND = re.compile(r"(?:ing|heid|teit|schap|dom)s(?=[a-zà-ÿ]{4})", re.IGNORECASE)


def _compound_parts(word: str) -> list[str]:
    """``word`` cut where its parts meet (a guess from the linking s; the word
    whole when there is none)."""
    cuts = [m.end() for m in _COMPOUND.finditer(word) if m.end() >= 5]
    return [word[a:b] for a, b in zip([0, *cuts], [*cuts, len(word)], strict=True)]


#: A soft hyphen: the browser breaks there only when it must, and shows a hyphen.
SOFT_HYPHEN = "\u00ad"


def _joins_previous(char: str) -> bool:
    """True for characters that belong to the letter or emoji before them: combining
    marks, variation selectors, skin tones, emoji tags and what follows a zero-width
    joiner."""
    code = ord(char)
    return (
        unicodedata.combining(char) != 0
        or unicodedata.category(char) in ("Mn", "Mc", "Me")
        or 0xFE00 <= code <= 0xFE0F
        or 0x1F3FB <= code <= 0x1F3FF
        or 0xE0020 <= code <= 0xE007F
        or code == 0x200D
    )


def clusters(text: str) -> list[str]:
    """``text`` cut into what a reader sees as one character: a letter with its
    accents, an emoji with its skin tone or its zero-width-joined parts, a flag (two
    regional indicators). Breaking a line between two clusters never splits a
    character in two."""
    out: list[str] = []
    for char in text:
        if out and (
            _joins_previous(char)
            or out[-1].endswith("\u200d")
            or (_regional(char) and len(out[-1]) == 1 and _regional(out[-1]))
        ):
            out[-1] += char
        else:
            out.append(char)
    return out


def _regional(char: str) -> bool:
    return 0x1F1E6 <= ord(char) <= 0x1F1FF


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


def sized_name(text: str, room: float, size: float, language: str, typeset: bool = False) -> Markup:
    """A phase name at ``size`` em, smaller when its longest word needs it to fit
    ``room`` (em of the body text)."""
    widest = longest_word_em([text], bold=True)
    size = min(size, room / widest) if widest else size
    name = fit_text(text, room / size, language, True, typeset)
    if size == 1.0:
        return name
    return Markup(f'<span class="kr-phase-name" style="font-size:{size:.3f}em">') + name + Markup("</span>")


def row_height(value: float | None) -> str:
    """A row's least height (points) as a style attribute."""
    return f' style="height:{value:.2f}pt"' if value else ""
