"""The layouts survey tools export, recognised from a file's first rows.

- ``three_rows``: column tags (``Q1``, ``StartDate``), the question texts, then a row of
  ``{"ImportId": ...}`` JSON before the answers (the common survey platform's CSV);
- ``two_rows``: the question texts with merged (empty) cells, then the sub-questions or
  choices (``Response``, ``Open-Ended Response``, a matrix row) before the answers;
- ``codes``: one header row of question codes (``Q1``, ``G01Q02``, ``Q3[SQ001]``) with
  the open-source tool's metadata (``id``, ``submitdate``, ``lastpage``, ...);
- ``form``: one header row of full question texts and a timestamp column (the form
  tools: ``Timestamp``/``Tijdstempel``, or ``Start time`` and ``Completion time``);
- ``plain``: anything else (one header row).

Each layout says how many rows head the file, the name of each column, the question
text behind a code where the export gives one, and which columns are metadata (dates,
response id, progress, finished, language, IP, e-mail) rather than answers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

LAYOUTS = ("plain", "three_rows", "two_rows", "codes", "form")

#: Metadata headers of the survey tools (as :func:`header_key` writes them).
METADATA = frozenset(
    {
        # three_rows exports
        "startdate", "enddate", "recordeddate", "responseid", "status", "ipaddress", "progress",
        "finished", "duration (in seconds)", "recipientlastname", "recipientfirstname",
        "recipientemail", "externalreference", "externaldatareference", "locationlatitude",
        "locationlongitude", "distributionchannel", "userlanguage", "q recaptchascore",
        "q relevantidduplicate", "q relevantidduplicatescore", "q relevantidfraudscore",
        # two_rows exports
        "respondent id", "collector id", "start date", "end date", "ip address",
        "email address", "first name", "last name", "custom data 1",
        # codes exports
        "id", "submitdate", "lastpage", "startlanguage", "seed", "datestamp", "ipaddr", "refurl",
        # form exports, English and Dutch
        "timestamp", "tijdstempel", "start time", "completion time", "last modified time",
        "begintijd", "tijd van voltooien", "laatst gewijzigd", "email", "e mail", "e mailadres",
        "name", "naam", "language", "taal",
    }
)  # fmt: skip

#: What a two_rows export writes under a single-answer question.
_RESPONSE_WORDS = frozenset({"response", "open-ended response", "antwoord", "reactie", "open antwoord"})
_CODE = re.compile(r"^(?:G\d+)?Q\d+[A-Za-z0-9_]*(?:\[[^\]]*\])?$", re.IGNORECASE)
_IMPORT_ID = re.compile(r'^\s*\{\s*"ImportId"\s*:', re.IGNORECASE)
_FORM_STAMPS = frozenset({"timestamp", "tijdstempel"})
_FORM_PAIRS = ({"start time", "completion time"}, {"begintijd", "tijd van voltooien"})


@dataclass(frozen=True)
class Layout:
    """How a file is laid out: ``header_rows`` rows before the data, the column
    ``names`` to use (None: the file's own header), the question text per column where
    the export has one (``labels``) and the ``metadata`` columns."""

    name: str = "plain"
    header_rows: int = 1
    names: list[str] | None = None
    labels: dict[str, str] = field(default_factory=dict)
    metadata: frozenset[str] = frozenset()

    @property
    def extra_rows(self) -> int:
        """Header rows beyond the first, which a plain reading would count as data."""
        return self.header_rows - 1


def header_key(name: object) -> str:
    """A header as compared with known headers: case-folded, ``_-/.`` as spaces."""
    return " ".join(re.sub(r"[_\-/.]+", " ", str(name)).split()).casefold()


def detect_layout(rows: list[list[str]]) -> Layout:
    """The layout of a file whose first rows (header included) are ``rows``."""
    if not rows:
        return Layout()
    header = [cell.strip() for cell in rows[0]]
    keys = [header_key(cell) for cell in header]
    metadata = frozenset(c for c, k in zip(header, keys, strict=True) if k in METADATA)
    second = _padded(rows, 1, len(header))
    third = _padded(rows, 2, len(header))
    if any(_IMPORT_ID.match(cell) for cell in third):
        names = _unique(header)
        labels = {n: q.strip() for n, q in zip(names, second, strict=True) if q.strip()}
        return Layout("three_rows", 3, names, labels, _named(names, keys))
    if _merged_header(header, second):
        names, labels = _two_row_names(header, second)
        return Layout("two_rows", 2, names, labels, _named(names, keys))
    questions = [h for h, k in zip(header, keys, strict=True) if h and k not in METADATA]
    if questions and all(_CODE.match(h) for h in questions) and metadata:
        return Layout("codes", 1, None, {}, metadata)
    key_set = set(keys)
    if key_set & _FORM_STAMPS or any(pair <= key_set for pair in _FORM_PAIRS):
        return Layout("form", 1, None, {}, metadata)
    return Layout("plain", 1, None, {}, metadata)


def _padded(rows: list[list[str]], index: int, width: int) -> list[str]:
    row = rows[index] if index < len(rows) else []
    return [*row[:width], *[""] * max(0, width - len(row))]


def _merged_header(header: list[str], second: list[str]) -> bool:
    """A header with empty (merged) cells after a question, each filled in the row
    below, and a row below that names responses rather than giving answers."""
    gaps = [i for i, cell in enumerate(header) if not cell and i > 0]
    if not gaps or not all(second[i].strip() for i in gaps):
        return False
    if any(cell.strip().casefold() in _RESPONSE_WORDS for cell in second):
        return True
    described = [i for i, cell in enumerate(header) if header_key(cell) in METADATA]
    return bool(described) and not any(second[i].strip() for i in described)


def _two_row_names(header: list[str], second: list[str]) -> tuple[list[str], dict[str, str]]:
    names: list[str] = []
    question = ""
    for cell, sub in zip(header, second, strict=True):
        question = cell or question
        sub = sub.strip()
        names.append(question if not sub or sub.casefold() in _RESPONSE_WORDS else f"{question} - {sub}")
    names = _unique(names)
    return names, {n: n for n in names}


def _unique(names: list[str]) -> list[str]:
    """Names made unique the way pandas does it (``Q1``, ``Q1.1``, ...)."""
    seen: dict[str, int] = {}
    out = []
    for name in names:
        name = name or "Unnamed"
        if name in seen:
            seen[name] += 1
            name = f"{name}.{seen[name]}"
        else:
            seen[name] = 0
        out.append(name)
    return out


def _named(names: list[str], keys: list[str]) -> frozenset[str]:
    return frozenset(n for n, k in zip(names, keys, strict=True) if k in METADATA)
