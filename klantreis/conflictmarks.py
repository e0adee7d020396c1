"""Git-style conflict markers in a project file: writing them around just the lines
two versions disagree on, and finding them again to name each conflict.

:func:`mark` takes two canonical texts of one journey that differ only where a merge
could not choose (see :mod:`klantreis.gitmerge`) and wraps each differing stretch in
``<<<<<<< ours`` / ``=======`` / ``>>>>>>> theirs``. :func:`conflict_problems` finds
such blocks in a file and says, per block, its line, the record it is in (a
touchpoint by id, persona and scenario) and both values, so ``klantreis validate``
names the conflicts instead of reporting a YAML syntax error. Pure: no I/O.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from .errors import Problem
from .messages import Catalog, Msg

OURS, SEP, THEIRS = "<<<<<<<", "=======", ">>>>>>>"

TEXTS = Catalog("conflictmarks", {
    "conflict": (
        "hier staat een onopgelost merge-conflict in {record}: aan de ene kant {ours}, aan de "
        "andere kant {theirs}. Kies één versie, haal de regels <<<<<<<, ======= en >>>>>>> weg "
        "en controleer opnieuw.",
        "an unresolved merge conflict in {record}: one side has {ours}, the other {theirs}. "
        "Keep one version, remove the <<<<<<<, ======= and >>>>>>> lines and validate again.",
    ),
    "unclosed": (
        "een merge-conflict zonder einde: er ontbreekt een regel ======= of >>>>>>>",
        "a merge conflict that does not end: a ======= or >>>>>>> line is missing",
    ),
    "nothing": ("(niets)", "(nothing)"),
    "the_file": ("het begin van het bestand", "the top of the file"),
})  # fmt: skip

_ITEM = re.compile(r"^  - (\w+): ?(.*)$")
_FIELD = re.compile(r"^ {4}(\w+): ?(.*)$")
_TOP = re.compile(r"^(\w+):")
_KEY_FIELDS = ("id", "persona", "scenario", "source", "touchpoint", "metric")


def mark(ours: str, theirs: str, ours_label: str = "ours", theirs_label: str = "theirs") -> str:
    """``ours`` with each stretch of lines where ``theirs`` differs wrapped in conflict
    markers (ours' lines, then theirs'). Equal texts come back unchanged."""
    a, b = ours.splitlines(keepends=True), theirs.splitlines(keepends=True)
    out: list[str] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out += a[i1:i2]
            continue
        out += [f"{OURS} {ours_label}\n", *a[i1:i2], f"{SEP}\n", *b[j1:j2], f"{THEIRS} {theirs_label}\n"]
    return "".join(out)


def has_markers(text: str) -> bool:
    """True when a line of ``text`` starts a conflict block."""
    return text.startswith(OURS) or f"\n{OURS}" in text


@dataclass(frozen=True)
class Conflict:
    """One conflict block: its first line (1-based), the record it is in and both sides."""

    line: int
    record: str
    ours: list[str]
    theirs: list[str]
    closed: bool = True


def find_conflicts(text: str) -> list[Conflict]:
    """Every conflict block in ``text``, in file order."""
    lines = text.splitlines()
    found: list[Conflict] = []
    i = 0
    while i < len(lines):
        if not lines[i].startswith(OURS):
            i += 1
            continue
        sides: tuple[list[str], list[str]] = ([], [])
        start, side = i, 0
        i += 1
        while i < len(lines) and not lines[i].startswith(THEIRS):
            if lines[i].startswith(SEP) and side == 0:
                side = 1
            else:
                sides[side].append(lines[i])
            i += 1
        closed = i < len(lines) and side == 1
        found.append(Conflict(start + 1, _record_at(lines, start, sides), sides[0], sides[1], closed))
        i += 1
    return found


def _record_at(lines: list[str], start: int, sides: tuple[list[str], list[str]]) -> str:
    """``table[id@persona/scenario]`` of the record a block starts in (or top-level key)."""
    table, item = "", [line for side in sides for line in side if _ITEM.match(line)][:1]
    first = next((line for side in sides for line in side[:1]), "")
    if _TOP.match(first):
        return first.split(":", 1)[0]
    j = start - 1
    while j >= 0 and not _TOP.match(lines[j]):
        if not item and _ITEM.match(lines[j]):
            item = [lines[j]]
            item += [line for line in lines[j + 1 : start] if _FIELD.match(line)]
        j -= 1
    if j >= 0:
        table = lines[j].split(":", 1)[0]
    if not item:
        return table or TEXTS.text("the_file")
    if len(item) == 1:  # the whole record is in the block: its key fields follow there
        block = next(side for side in sides if item[0] in side)
        item += [line for line in block[block.index(item[0]) + 1 :] if _FIELD.match(line)]
    values = {}
    for line in item:
        match = _ITEM.match(line) or _FIELD.match(line)
        if match and match.group(1) in _KEY_FIELDS and match.group(1) not in values:
            values[match.group(1)] = match.group(2).strip("'\"")
    first_key = next(iter(values.values()), "?")
    rest = [values[k] for k in ("persona", "scenario") if k in values]
    return f"{table}[{first_key}{'@' + '/'.join(rest) if rest else ''}]"


def _side(lines: list[str]) -> Msg | str:
    shown = "; ".join(line.strip().removeprefix("- ") for line in lines if line.strip())
    if not shown:
        return TEXTS.msg("nothing")
    return f"`{shown[:157] + '...' if len(shown) > 160 else shown}`"


def conflict_problems(text: str, source: str | None) -> list[Problem]:
    """One :class:`~klantreis.errors.Problem` per conflict block in ``text``."""
    problems = []
    for c in find_conflicts(text):
        if not c.closed:
            problems.append(Problem("", TEXTS.msg("unclosed"), c.line, source))
            continue
        msg = TEXTS.msg("conflict", record=c.record, ours=_side(c.ours), theirs=_side(c.theirs))
        problems.append(Problem("", msg, c.line, source))
    return problems
