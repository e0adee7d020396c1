"""The nearest match of a value in an evidence file among the journey's touchpoints
(or phases, or personas): what the bewijs step pre-selects for a value the file and
the mapping file do not place themselves ("Balie" -> "Inschrijven aan de balie").

Matching is by words in common, case and accent insensitive: the value and each
candidate's name and code are split into words; two words match when they are equal
or share a beginning of at least :data:`STEM` letters that is most of both words
("inschrijving" and "inschrijven"). Short words and common Dutch and English filler words do not count.
The candidate with the most matching words wins (counted in letters, so "reserveren"
in common beats "les"); a tie between candidates suggests
nothing, since the form should not guess.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterable

#: Letters two words must share from their start to count as the same word.
STEM = 6
#: The fewest letters in common for a suggestion: one short word ("les") is too little.
MIN_SHARED = 4
#: Words that say nothing about which touchpoint is meant.
FILLER = frozenset({
    "aan", "bij", "ben", "bent", "de", "den", "der", "des", "die", "een", "en", "heb", "hebt",
    "heeft", "het", "hoe", "in", "je", "jij", "jou", "jouw", "met", "na", "naar", "of", "om",
    "ons", "onze", "op", "over", "te", "tot", "uit", "uw", "van", "via", "voor", "vraag", "wat",
    "wie", "wij", "zijn", "and", "are", "for", "from", "how", "the", "to", "what", "with", "you",
    "your", "about",
})  # fmt: skip


def words(text: str) -> set[str]:
    """The meaningful words of ``text``: case-folded, without accents, no filler."""
    plain = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return {word for word in re.findall(r"[a-z0-9]+", plain) if len(word) > 2 and word not in FILLER}


def _same(a: str, b: str) -> bool:
    """Equal, or two forms of one word: a long common beginning that is most of both
    ("inschrijving", "inschrijven"; not "persoon", "persoonlijk")."""
    if a == b:
        return True
    common = len(os.path.commonprefix([a, b]))
    return common >= STEM and common >= 0.75 * max(len(a), len(b))


def shared(a: set[str], b: set[str]) -> int:
    """How much of ``a`` matches ``b``: the letters of the words of ``a`` that match a
    word of ``b`` (a long word in common says more than a short one)."""
    return sum(len(word) for word in a if any(_same(word, other) for other in b))


def nearest(value: str, candidates: Iterable[tuple[str, str]]) -> str:
    """The candidate (``(text, value)`` pairs; a text may hold a name and a code)
    sharing the most with ``value`` (see :func:`shared`); ``""`` when none shares a word or two
    different candidates share as many."""
    mine = words(value)
    best, best_score, tied = "", MIN_SHARED - 1, False
    for text, candidate in candidates:
        score = shared(mine, words(text))
        if score > best_score:
            best, best_score, tied = candidate, score, False
        elif score == best_score and score and candidate != best:
            tied = True
    return "" if tied else best
