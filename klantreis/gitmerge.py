"""Three versions of a project file merged record by record, as git's merge driver
needs it: the common ancestor (base), ours and theirs, as text.

The record-level merge is :func:`klantreis.merge.merge`: two colleagues who each add
a touchpoint, or change different fields, both keep their change, wherever in the
file it stands. Where both sides changed the same field differently, the result holds
git's conflict markers around just the lines that differ (see
:mod:`klantreis.conflictmarks`), and :attr:`TextMerge.conflicts` names them. Pure: no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .conflictmarks import mark
from .errors import JourneyError
from .fileformat import dumps, from_dict, loads, to_dict
from .merge import merge
from .yamlio import dump

_PROJECT_HEAD = re.compile(r"\A(?:\ufeff)?(?:[ \t]*(?:#.*)?\n)*klantreis:[ \t]*['\"]?\d")


def is_project(text: str) -> bool:
    """True when ``text`` starts as a klantreis project file does (``klantreis: N``)."""
    return bool(_PROJECT_HEAD.match(text))


@dataclass
class TextMerge:
    """The merged text; the fields both sides changed differently (``conflicts``, the
    text then holds conflict markers); ``problem``: why the merged records do not make
    a valid project (a touchpoint left in a phase the other side removed), or ''."""

    text: str
    conflicts: list[str] = field(default_factory=list)
    problem: str = ""

    @property
    def clean(self) -> bool:
        """True when the text is a valid project without conflicts."""
        return not self.conflicts and not self.problem


def merge_texts(base: str, ours: str, theirs: str, source: str | None = None) -> TextMerge:
    """Merge the changes base -> theirs onto ours (ours keeps its record order where
    theirs did not reorder). Raises :class:`~klantreis.errors.JourneyError` when ours
    or theirs is not a valid project; a base that is not one counts as empty (a
    file both sides added)."""
    mine = to_dict(loads(ours, source))
    other = to_dict(loads(theirs, source))
    try:
        common = to_dict(loads(base, source)) if base.strip() else {}
    except JourneyError:
        common = {}
    # merge() applies base -> its 'mine' onto its 'theirs': here theirs' changes onto ours.
    result = merge(common, other, mine)
    if result.ok:
        text, problem = _text(result.data, source)
        return TextMerge(text, [], problem)
    keep_ours = _text(merge(common, other, mine, prefer="theirs").data, source)[0]
    keep_theirs = _text(merge(common, other, mine, prefer="mine").data, source)[0]
    return TextMerge(mark(keep_ours, keep_theirs), result.conflicts)


def _text(data: dict[str, Any], source: str | None) -> tuple[str, str]:
    """The canonical text of merged data, and why it is not a valid project ('' if it is)."""
    try:
        return dumps(from_dict(data, source)), ""
    except JourneyError as err:
        return dump(data), err.text()
