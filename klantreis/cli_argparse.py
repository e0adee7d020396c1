"""argparse in the project's language: usage lines, help, and argparse's own errors
(a missing or unknown command, an invalid choice with a "did you mean", an unknown
option) in Dutch or English.

argparse looks every text it shows up through ``gettext`` at the moment it shows it
(the module-level ``_`` and ``ngettext``). :func:`speaking` puts :data:`ARGPARSE`'s
texts in their place while a :class:`Parser` is built, parses or prints, and puts
gettext back afterwards. Which language the command line speaks is decided before
parsing, by :func:`cli_language`.
"""

from __future__ import annotations

import argparse
import contextlib
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, NoReturn

from .messages import LANGUAGES, Catalog, Msg, current_language, did_you_mean

#: argparse's own texts (its gettext message ids, in English as argparse spells
#: them) by code; ``tests/test_cli_language.py`` checks that argparse still uses each.
ARGPARSE_IDS = {
    "usage": "usage: ",
    "positionals": "positional arguments",
    "options": "options",
    "help": "show this help message and exit",
    "error": "%(prog)s: error: %(message)s\n",
    "argument": "argument %(argument_name)s: %(message)s",
    "required": "the following arguments are required: %s",
    "one_required": "one of the arguments %s is required",
    "unrecognized": "unrecognized arguments: %s",
    "not_allowed": "not allowed with argument %s",
    "ignored": "ignored explicit argument %r",
    "one": "expected one argument",
    "at_most_one": "expected at most one argument",
    "at_least_one": "expected at least one argument",
    "n": "expected %s argument",
    "n_plural": "expected %s arguments",
    "ambiguous": "ambiguous option: %(option)s could match %(matches)s",
    "unexpected": "unexpected option string: %s",
    "invalid_value": "invalid %(type)s value: %(value)r",
}

ARGPARSE = Catalog("argparse", {
    "usage": ("gebruik: ", ARGPARSE_IDS["usage"]),
    "positionals": ("argumenten", ARGPARSE_IDS["positionals"]),
    "options": ("opties", ARGPARSE_IDS["options"]),
    "help": ("toon deze uitleg en stop", ARGPARSE_IDS["help"]),
    "error": ("%(prog)s: fout: %(message)s\n", ARGPARSE_IDS["error"]),
    "argument": ("%(argument_name)s: %(message)s", ARGPARSE_IDS["argument"]),
    "required": ("dit ontbreekt nog: %s", ARGPARSE_IDS["required"]),
    "one_required": ("een van deze is nodig: %s", ARGPARSE_IDS["one_required"]),
    "unrecognized": ("onbekende optie of argument: %s", ARGPARSE_IDS["unrecognized"]),
    "not_allowed": ("kan niet samen met %s", ARGPARSE_IDS["not_allowed"]),
    "ignored": ("deze optie neemt geen waarde, dus niet %r", ARGPARSE_IDS["ignored"]),
    "one": ("hier hoort een waarde achter", ARGPARSE_IDS["one"]),
    "at_most_one": ("hier hoort hoogstens één waarde achter", ARGPARSE_IDS["at_most_one"]),
    "at_least_one": ("hier hoort minstens één waarde achter", ARGPARSE_IDS["at_least_one"]),
    "n": ("hier hoort %s waarde achter", ARGPARSE_IDS["n"]),
    "n_plural": ("hier horen %s waarden achter", ARGPARSE_IDS["n_plural"]),
    "ambiguous": ("onduidelijke optie: %(option)s kan %(matches)s zijn", ARGPARSE_IDS["ambiguous"]),
    "unexpected": ("onverwachte optie: %s", ARGPARSE_IDS["unexpected"]),
    "invalid_value": ("%(value)r is geen geldig %(type)s", ARGPARSE_IDS["invalid_value"]),
})  # fmt: skip

TEXTS = Catalog("cli_argparse", {
    "unknown_command": (
        "onbekende opdracht {value!r}{hint}; kies uit: {choices}",
        "unknown command {value!r}{hint}; choose from: {choices}",
    ),
    "invalid_choice": (
        "{value!r} is hier geen keuze{hint}; kies uit: {choices}",
        "invalid choice: {value!r}{hint}; choose from: {choices}",
    ),
    "more": ("Uitleg: {prog} --help", "Help: {prog} --help"),
    "whole_number": ("geheel getal", "whole number"),
    "number": ("getal", "number"),
})  # fmt: skip

_CODES = {text: code for code, text in ARGPARSE_IDS.items()}


def _translate(text: str, language: str) -> str:
    code = _CODES.get(text)
    return ARGPARSE.table(language)[code] if code else text


@contextlib.contextmanager
def speaking(language: str) -> Iterator[None]:
    """argparse's texts in ``language`` inside the ``with`` block."""
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]

    def plural(singular: str, plural: str, count: int) -> str:
        return _translate(singular if count == 1 else plural, language)

    argparse._ = lambda text: _translate(text, language)  # type: ignore[attr-defined]
    argparse.ngettext = plural  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


class Parser(argparse.ArgumentParser):
    """An ``ArgumentParser`` that speaks ``language`` in its help and its errors, says
    "did you mean" for an invalid choice, and remembers its option names (to suggest
    one for a mistyped option)."""

    def __init__(self, *args: Any, language: str, **kwargs: Any):
        self.language = language
        self.option_names: list[str] = []
        #: other words for choices (a Dutch word for a command), to suggest the choice
        self.synonyms: dict[str, str] = {}
        with speaking(language):
            super().__init__(*args, **kwargs)

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        """As argparse's, remembering the option names."""
        self.option_names += [a for a in args if isinstance(a, str) and a.startswith("-")]
        return super().add_argument(*args, **kwargs)

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        """As argparse's, in this parser's language."""
        with speaking(self.language):
            return super().parse_known_args(args, namespace)

    def format_usage(self) -> str:
        """The usage line, in this parser's language."""
        with speaking(self.language):
            return super().format_usage()

    def format_help(self) -> str:
        """The whole help, in this parser's language."""
        with speaking(self.language):
            return super().format_help()

    def error(self, message: str) -> NoReturn:
        """Print the usage, the error and where to find help; exit with code 2."""
        self.print_usage(sys.stderr)
        text = _translate(ARGPARSE_IDS["error"], self.language) % {"prog": self.prog, "message": message}
        self.exit(2, text + TEXTS.text("more", self.language, prog=self.prog) + "\n")

    def unknown(self, extra: Sequence[str]) -> NoReturn:
        """Refuse arguments this command does not take, suggesting a known option for
        a mistyped one."""
        options = [word.split("=")[0] for word in extra if word.startswith("-")]
        hints = [did_you_mean(option, self.option_names) for option in options]
        hint = next((h.render(self.language) for h in hints if isinstance(h, Msg)), "")
        text = _translate(ARGPARSE_IDS["unrecognized"], self.language) % " ".join(extra)
        self.error(text + hint)

    def _check_value(self, action: argparse.Action, value: Any) -> None:
        if action.choices is None or value in action.choices:
            return
        choices = [str(c) for c in action.choices]
        meant = self.synonyms.get(str(value).lower())
        hint = did_you_mean(meant, [meant]) if meant else did_you_mean(str(value), choices)
        params = {"value": value, "hint": hint, "choices": ", ".join(choices)}
        if isinstance(action, argparse._SubParsersAction):
            raise argparse.ArgumentError(None, TEXTS.text("unknown_command", self.language, **params))
        raise argparse.ArgumentError(action, TEXTS.text("invalid_choice", self.language, **params))


def number_type(kind: type[int] | type[float], language: str) -> Callable[[str], Any]:
    """``int`` or ``float`` for an option, named in ``language`` in argparse's
    "not a valid ..." message."""

    def convert(text: str) -> Any:
        return kind(text)

    convert.__name__ = TEXTS.text("whole_number" if kind is int else "number", language)
    return convert


_LANGUAGE_LINE = re.compile(r"""^language:[ \t]*["']?(nl|en)["']?[ \t]*(?:#.*)?$""", re.M)


def cli_language(argv: Sequence[str]) -> str:
    """The language the command line speaks for ``argv``, decided before parsing:
    ``--language`` when given, else the language of the first project file named
    (an English project gets English help and errors), else
    :func:`~klantreis.messages.current_language` (``$KLANTREIS_LANG``, else Dutch)."""
    words = list(argv)
    if "--" in words:
        words = words[: words.index("--")]
    for i, word in enumerate(words):
        name, _, value = word.partition("=")
        if len(name) >= 4 and "--language".startswith(name):
            value = value or (words[i + 1] if i + 1 < len(words) else "")
            if value in LANGUAGES:
                return value
    for word in words:
        if not word.startswith("-") and word.lower().endswith((".yaml", ".yml")):
            found = project_language(word)
            if found:
                return found
    return current_language()


def project_language(path: str) -> str | None:
    """The ``language:`` of a project file, read from its text without loading it
    (None when the file cannot be read or does not say)."""
    try:
        with Path(path).open("rb") as handle:
            head = handle.read(256 * 1024).decode("utf-8", "replace")
    except OSError:
        return None
    match = _LANGUAGE_LINE.search(head)
    return match.group(1) if match else None
