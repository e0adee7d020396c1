"""Errors klantreis raises for bad input: each says what is wrong and where."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a project: where it is, what is wrong, what to do."""

    path: str
    message: str
    line: int | None = None
    source: str | None = None

    def __str__(self) -> str:
        where = self.source or ""
        if self.line is not None:
            where = f"{where}:{self.line}" if where else f"line {self.line}"
        parts = [p for p in (where, self.path) if p]
        return f"{': '.join(parts)}: {self.message}" if parts else self.message


class JourneyError(ValueError):
    """A change to a journey or a project file was refused; the message says why."""


class ValidationError(JourneyError):
    """A project file or journey is invalid; ``problems`` lists every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        lines = "\n".join(f"  - {p}" for p in self.problems)
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        super().__init__(f"{count} {noun}:\n{lines}")


class FormatVersionError(JourneyError):
    """The file was written for a newer format version than this klantreis reads."""
