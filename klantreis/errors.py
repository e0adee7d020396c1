"""Errors klantreis raises for bad input: each says what is wrong and where.

Their messages are :class:`~klantreis.messages.Msg` values where the text comes from
klantreis itself, so the same error reads in Dutch in a Dutch project's form and in
English in an English one. ``str(error)`` uses the language the error was raised in
(the project's, where one is known), else :func:`~klantreis.messages.current_language`.
"""

from __future__ import annotations

from dataclasses import dataclass

from .messages import Catalog, Msg

TEXTS = Catalog("errors", {
    "line": ("regel {line}", "line {line}"),
    "count": ("{count} probleem", "{count} problem"),
    "counts": ("{count} problemen", "{count} problems"),
})  # fmt: skip


def render(message: Msg | str, language: str | None = None) -> str:
    """A message as text: a :class:`Msg` in ``language``, a plain string as it is."""
    return message.render(language) if isinstance(message, Msg) else str(message)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a project: where it is (``source`` file, ``line``, field
    ``path``), what is wrong and what to do (``message``)."""

    path: str
    message: Msg | str
    line: int | None = None
    source: str | None = None

    def text(self, language: str | None = None) -> str:
        """``file:line: field: message`` in ``language``."""
        where = self.source or ""
        if self.line is not None:
            where = f"{where}:{self.line}" if where else TEXTS.text("line", language, line=self.line)
        parts = [p for p in (where, self.path) if p]
        message = render(self.message, language)
        return f"{': '.join(parts)}: {message}" if parts else message

    def __str__(self) -> str:
        return self.text()


class JourneyError(ValueError):
    """A change to a journey or a project file was refused; the message says why.

    ``field`` names the field that caused it, when there is one (a form shows the
    message next to that field); ``language`` is the language to say it in."""

    def __init__(self, message: Msg | str, *, field: str | None = None, language: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field
        self.language = language

    def text(self, language: str | None = None) -> str:
        """The message in ``language`` (default: the error's own language)."""
        return render(self.message, language or self.language)

    def __str__(self) -> str:
        return self.text()


class ValidationError(JourneyError):
    """A project file or journey is invalid; ``problems`` lists every problem found."""

    def __init__(self, problems: list[Problem], *, language: str | None = None):
        self.problems = list(problems)
        super().__init__("", language=language)

    def text(self, language: str | None = None) -> str:
        """``N problems:`` and one line per problem, in ``language``."""
        language = language or self.language
        count = len(self.problems)
        head = TEXTS.text("count" if count == 1 else "counts", language, count=count)
        lines = "\n".join(f"  - {p.text(language)}" for p in self.problems)
        return f"{head}:\n{lines}"


class FormatVersionError(JourneyError):
    """The file was written for a newer format version than this klantreis reads."""


class FieldValueError(ValueError):
    """One value does not fit its field; ``message`` says what is expected. Raised
    by :func:`klantreis.coercion.coerce`; the model and validation add where it was.
    ``key`` names the entry of a mapping field that does not fit (``extra``'s ``ttsc``)."""

    def __init__(self, message: Msg | str, key: str | None = None):
        super().__init__(message)
        self.message = message
        self.key = key

    def __str__(self) -> str:
        return render(self.message)
