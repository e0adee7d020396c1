"""Dutch (and English) typesetting of a cell's text before it is fitted to its column:
typographic quotes and apostrophes, and the words a reader expects on one line kept
together with no-break spaces ("’s ochtends", "2 à 3x", "15 kWh", "€ 25", the last two
words of a text).

A run of words joined by no-break spaces is one *token*: it is measured, and moved to
the next line, as a whole (see :func:`klantreis.charts._words.fit_text`)."""

from __future__ import annotations

import re

#: A no-break space: the line never breaks there.
NBSP = "\u00a0"
#: Opening and closing quotes per language; the apostrophe is the closing single quote.
_QUOTES = {"nl": ("‘", "’", "“", "”"), "en": ("‘", "’", "“", "”")}
#: A quote is opening at the start of the text or after a space, an opening bracket
#: or quote, or a sign ("=", ":", "/").
_OPENS_AFTER = " \t\n([{‘“=:/<" + NBSP
#: Dutch clipped articles, which belong to the next word ("’s ochtends", "’t huis").
_CLIPPED = re.compile(r"^['’](s|t|n)$", re.IGNORECASE)
#: A number (with decimals, a sign, a bracket or a range: "(1,0–5,0", "-3", "10.000").
_NUMBER = re.compile(r"^[(\[]?[-+±~≈]?\d[\d.,]*([–-]\d[\d.,]*)?%?$")
#: Marks that go with the number after them.
_BEFORE_NUMBER = {"€", "$", "£", "nr.", "no.", "p.", "blz.", "ca.", "±", "~", "≈"}
#: The word between two numbers in a range ("2 à 3", "2 tot 3" stays breakable).
_BETWEEN = {"à", "a", "–", "-", "x", "×"}
#: A unit after a number is a short word (or a symbol): "3x", "km", "uur", "kWh".
_UNIT_LETTERS = 4


def curly_quotes(text: str, language: str = "nl") -> str:
    """``text`` with straight quotes made typographic: ‘…’, “…” and the apostrophe ’
    (in "’s ochtends", "auto’s", "don’t")."""
    open1, close1, open2, close2 = _QUOTES.get(language, _QUOTES["nl"])
    out = []
    for index, char in enumerate(text):
        if char in "'\"":
            before = text[index - 1] if index else " "
            opening = before in _OPENS_AFTER
            if char == "'":
                after = text[index + 1 : index + 3]
                # "'s ochtends", "'t", "'n": an apostrophe, not an opening quote
                clipped = bool(re.match(r"[stn](\W|$)", after, re.IGNORECASE))
                char = open1 if opening and not clipped else close1
            else:
                char = open2 if opening else close2
        out.append(char)
    return "".join(out)


def _is_number(word: str) -> bool:
    return bool(_NUMBER.match(word))


def _is_unit(word: str) -> bool:
    letters = word.rstrip(".,;:)")
    return 0 < len(letters) <= _UNIT_LETTERS and not _is_number(word) and letters.lower() not in {"en", "of"}


def _joins(left: str, right: str) -> bool:
    """Whether the line must not break between ``left`` and ``right``."""
    if _CLIPPED.match(left) or left == "★":
        return True
    if left in _BEFORE_NUMBER and right[:1].isdigit():
        return True
    if _is_number(left) and (right in _BETWEEN or _is_unit(right) or right[:1].isdigit()):
        return True
    return left in _BETWEEN and right[:1].isdigit()


def tokens(line: str, language: str = "nl") -> list[str]:
    """The words of one line of text, typographic quotes in them, the words that stay
    together joined by no-break spaces into one token, and the last two words of the
    line joined when the line has more than two (so no word stands alone on the last
    line)."""
    words = curly_quotes(line, language).split()
    out: list[str] = []
    for word in words:
        if out and _joins(out[-1].rsplit(NBSP, 1)[-1], word):
            out[-1] += NBSP + word
        else:
            out.append(word)
    if len(out) > 2 and NBSP not in out[-1] and NBSP not in out[-2]:
        out[-2:] = [out[-2] + NBSP + out[-1]]
    return out
