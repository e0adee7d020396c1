"""User-facing messages in Dutch and English.

Every module that shows text to a user keeps its texts in a :class:`Catalog` of
``code -> (Dutch, English)`` pairs, next to the code that uses them. A message is
either rendered at once (:meth:`Catalog.text`) or kept as a :class:`Msg` that renders
in whatever language the reader needs: errors carry a ``Msg``, so a form shows them in
the project's language and the command line in the user's.

The language of a message nobody chose a language for is :func:`current_language`:
the value set with :func:`use_language`, else ``$KLANTREIS_LANG``, else Dutch.
This module imports nothing from klantreis: every layer may use it.
"""

from __future__ import annotations

import contextlib
import difflib
import os
import string
from collections.abc import Iterator, Mapping, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"
LANGUAGE_ENV = "KLANTREIS_LANG"

_chosen: ContextVar[str | None] = ContextVar("klantreis_language", default=None)

#: Every catalog made, by name: a test checks that each text has both languages and
#: that the two use the same placeholders.
CATALOGS: dict[str, Catalog] = {}


def current_language() -> str:
    """The language for messages when the caller names none (see the module text)."""
    chosen = _chosen.get()
    if chosen:
        return chosen
    env = os.environ.get(LANGUAGE_ENV, "").strip().lower()[:2]
    return env if env in LANGUAGES else DEFAULT_LANGUAGE


@contextlib.contextmanager
def use_language(language: str | None) -> Iterator[None]:
    """Render messages in ``language`` inside the ``with`` block (``None``: no change)."""
    if language not in LANGUAGES:
        yield
        return
    token = _chosen.set(language)
    try:
        yield
    finally:
        _chosen.reset(token)


@dataclass(frozen=True)
class Msg:
    """A message not yet rendered: a catalog, a code and its values. Values may be
    ``Msg`` themselves (a reason inside a sentence); they render in the same language."""

    catalog: Catalog = field(repr=False)
    code: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def render(self, language: str | None = None) -> str:
        """The message in ``language`` (default: :func:`current_language`)."""
        return self.catalog.text(self.code, language, **self.params)

    def __str__(self) -> str:
        return self.render()


class _Counted(Msg):
    """A count with its noun (see :meth:`Catalog.count`)."""

    def render(self, language: str | None = None) -> str:
        """ "1 citaat" or "3 citaten" in ``language``."""
        return self.catalog.counted(self.code, self.params["count"], language)


class Catalog:
    """The texts of one module: ``{code: (nl, en)}`` with ``str.format`` placeholders."""

    def __init__(self, name: str, texts: Mapping[str, tuple[str, str]]):
        self.name = name
        self.texts = dict(texts)
        CATALOGS[name] = self

    def text(self, code: str, language: str | None = None, /, **params: Any) -> str:
        """The text ``code`` in ``language`` with its placeholders filled in."""
        language = language if language in LANGUAGES else current_language()
        nl, en = self.texts[code]
        values = {k: (v.render(language) if isinstance(v, Msg) else v) for k, v in params.items()}
        return (en if language == "en" else nl).format(**values)

    def counted(self, noun: str, count: float, language: str | None = None, shown: str | None = None) -> str:
        """``count`` followed by the noun ``noun``: its singular (code ``noun``) for exactly
        one, its plural (code ``noun+``) otherwise: "1 citaat", "3 citaten", "0 fasen".
        The one plural rule: every count a user reads goes through here. ``shown`` is the
        number as written (e.g. with a decimal comma), default ``count`` itself."""
        return (
            f"{count if shown is None else shown} {self.text(noun if count == 1 else noun + '+', language)}"
        )

    def count(self, noun: str, count: float) -> Msg:
        """:meth:`counted`, to be rendered later in the reader's language (a value
        inside a message whose language is not known yet)."""
        return _Counted(self, noun, {"count": count})

    def msg(self, code: str, /, **params: Any) -> Msg:
        """The message ``code``, to be rendered later in the reader's language."""
        if code not in self.texts:
            raise KeyError(f"{self.name}: no message {code!r}")
        return Msg(self, code, params)

    def table(self, language: str | None = None) -> dict[str, str]:
        """Every text in ``language``, unformatted, by code (for code that looks texts up
        by key, such as the chart labels)."""
        language = language if language in LANGUAGES else current_language()
        return {code: (en if language == "en" else nl) for code, (nl, en) in self.texts.items()}

    def __contains__(self, code: object) -> bool:
        return code in self.texts


def placeholders(text: str) -> set[str]:
    """The placeholder names in a ``str.format`` text (for consistency checks)."""
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(text) if name}


_HINTS = Catalog("messages", {
    "did_you_mean": (" (bedoel je {close!r}?)", " (did you mean {close!r}?)"),
})  # fmt: skip


def did_you_mean(word: str, known: Sequence[str]) -> Msg | str:
    """`` (bedoel je 'title'?)`` when ``word`` looks like one of ``known`` (a typo),
    else nothing: to follow "unknown field 'titel'" in a message."""
    close = difflib.get_close_matches(str(word), list(known), n=1)
    return _HINTS.msg("did_you_mean", close=close[0]) if close else ""


def number(value: float | int | None, language: str, decimals: int = 1) -> str:
    """``value`` as a reader of ``language`` writes it: a decimal comma and thousands
    grouped with a point in Dutch ("1.234,5"), the other way round in English
    ("1,234.5"); "–" for None."""
    if value is None:
        return "–"
    text = f"{value:,.{decimals}f}"
    if language == "en":
        return text
    return text.replace(",", "_").replace(".", ",").replace("_", ".")
