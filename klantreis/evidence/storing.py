"""Storing evidence in a journey: one function per kind reads a file and puts its
source, aggregates and quotes into the journey, replacing the earlier figures of the
same source id. Importing the same file again changes nothing (the project file stays
byte for byte the same); a new data wave is a new source id.

    >>> journey, file = klantreis.open_project("project.yaml")
    >>> summary = import_survey(journey, "enquete.csv", mapping="enquete.yaml")
    >>> print(summary.report())
    >>> klantreis.save_merged(journey, file)

The journey is changed in memory only; saving is the caller's (``save_merged`` with the
journey's :class:`~klantreis.projectfile.ProjectFile`, or a
:class:`~klantreis.session.ProjectSession`), so several programs can have the project
open at once (see :mod:`klantreis.projectfile`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..fields import TEXTS as FIELD_TEXTS
from ..messages import Msg
from ..model import Journey
from .calls import read_calls
from .context import MappingArg
from .interviews import read_interviews
from .records import EvidenceImport, Summary
from .survey import read_survey
from .texts import TEXTS, fail, listing
from .web import read_web
from .wording import kind_label


def read_events(journey: Journey, path: str | Path, *args: Any, **kwargs: Any) -> EvidenceImport:
    """An event log's paths (see :func:`klantreis.paths.read_events`, which this calls)."""
    from ..paths.importing import read_events as read

    return read(journey, path, *args, **kwargs)


#: The reader of each kind, for callers that take the kind as an argument (the CLI).
READERS: dict[str, Callable[..., EvidenceImport]] = {
    "survey": read_survey,
    "calls": read_calls,
    "web": read_web,
    "interviews": read_interviews,
    "events": read_events,
}

#: The tables a source's records live in, in the order they are stored.
TABLES = ("sources", "evidence", "quotes")


def store_import(journey: Journey, result: EvidenceImport, force: bool = False) -> Summary:
    """Put ``result`` (from a ``read_*`` function) into ``journey``: the earlier source
    with the same id goes, with its figures and quotes, and the new records take its
    place in each table (new sources go at the end). When nothing but the import date
    differs, the earlier date is kept, so the file does not change. All or nothing: a
    refused record leaves the journey as it was.

    The same data under another source id would count twice: a file with the sha256 of
    another source, or a call log (or web export) whose period overlaps another one of
    its kind with figures at the same persona × touchpoint, is refused, naming that
    source; with ``force`` it is stored and the summary says so."""
    sid = result.source_id
    for code, params in find_twins(journey, result):
        if not force:
            fail(code, journey.language, **params)
        result.summary.notes.append((f"{code}_forced", params))
    before = journey.snapshot()
    old = {table: _records_of(journey, table, sid) for table in TABLES}
    where = {table: _first_position(journey, table, sid) for table in TABLES}
    try:
        if old["sources"]:
            journey.remove("sources", (sid,), with_dependants=True)
        new = {"sources": [result.source], "evidence": result.evidence, "quotes": result.quotes}
        for table in TABLES:
            at = where[table]
            for offset, record in enumerate(new[table]):
                journey.add(table, record, None if at is None else at + offset)
        if old["sources"] and _same_but_date(old, {t: _records_of(journey, t, sid) for t in TABLES}):
            journey.update("sources", (sid,), imported=old["sources"][0]["imported"])
    except BaseException:
        journey.restore(before)
        raise
    return result.summary


def find_twins(journey: Journey, result: EvidenceImport) -> list[tuple[str, dict[str, Any]]]:
    """The stored sources (under another id) that ``result`` would count again: the
    same file, or an overlapping log of the same counting kind (see
    :func:`store_import`), as (text code, parameters) pairs."""
    new = result.source
    places = {_place(r) for r in result.evidence}
    twins = []
    for old in journey.records("sources"):
        if old["id"] == new["id"]:
            continue
        where = {"file": new["file"], "source": new["id"], "other": old["id"], "other_file": old["file"]}
        if old["sha256"] and old["sha256"] == new["sha256"]:
            twins.append(("twin_file", where))
        elif old["kind"] == new["kind"] in COUNTED_KINDS and _overlap(old["period"], new["period"]):
            shared = places & {_place(r) for r in _records_of(journey, "evidence", old["id"])}
            if shared:
                twins.append(
                    (
                        "twin_period",
                        where | {"period": old["period"], "figures": TEXTS.count("figure", len(shared))},
                    )
                )
    return twins


#: Kinds whose figures are counts that add up over sources.
COUNTED_KINDS = ("calls", "web")


def _place(record: dict[str, Any]) -> tuple[str, str, str, str, str]:
    return record["persona"], record["scenario"], record["touchpoint"], record["phase"], record["metric"]


def _overlap(first: str, second: str) -> bool:
    if not first or not second:
        return False
    (a, b), (c, d) = first.split("/"), second.split("/")
    return a <= d and c <= b


def _records_of(journey: Journey, table: str, source: str) -> list[dict[str, Any]]:
    field = "id" if table == "sources" else "source"
    return [r for r in journey.records(table) if r.get(field) == source]


def _first_position(journey: Journey, table: str, source: str) -> int | None:
    field = "id" if table == "sources" else "source"
    return next((i for i, r in enumerate(journey.records(table)) if r.get(field) == source), None)


def _same_but_date(old: dict[str, list[dict[str, Any]]], new: dict[str, list[dict[str, Any]]]) -> bool:
    def undated(records: dict[str, list[dict[str, Any]]]) -> Any:
        return {
            t: [{k: v for k, v in r.items() if (t, k) != ("sources", "imported")} for r in rs]
            for t, rs in records.items()
        }

    return bool(undated(old) == undated(new))


def import_file(
    journey: Journey,
    kind: str,
    path: str | Path,
    mapping: MappingArg = None,
    source: str | None = None,
    persona: str | None = None,
    scenario: str | None = None,
    *,
    imported: str | None = None,
    include_partial: bool = False,
    force: bool = False,
    metric: str | None = None,
    max_mb: float | None = None,
) -> Summary:
    """Read ``path`` as evidence of ``kind`` (``survey``, ``calls``, ``web``,
    ``interviews`` or ``events``, an event log whose paths are held against the map:
    see docs/paths.md) and store it in ``journey`` (see :func:`store_import`); returns
    the summary. ``include_partial`` counts a survey's incomplete responses; ``metric``
    says what a survey's answers measure (``score``, ``nps``, ``csat``, ``ces``);
    ``max_mb`` limits an event log's size; ``force`` stores data that another source
    already holds (see :func:`store_import`). Bad input raises
    :class:`~klantreis.errors.JourneyError` and leaves the journey as it was."""
    if kind not in READERS:
        fail("unknown_kind", journey.language, kind=kind, known=", ".join(READERS))
    options: dict[str, Any] = {"include_partial": True} if include_partial else {}  # surveys only
    if metric:
        options["metric"] = metric  # surveys only
    if max_mb is not None:
        options["max_mb"] = max_mb  # event logs only
    result = READERS[kind](journey, path, mapping, source, persona, scenario, imported=imported, **options)
    return store_import(journey, result, force)


def _importer(kind: str) -> Callable[..., Summary]:
    def run(journey: Journey, path: str | Path, *args: Any, **kwargs: Any) -> Summary:
        return import_file(journey, kind, path, *args, **kwargs)

    run.__name__ = run.__qualname__ = f"import_{kind}"
    run.__doc__ = (
        f"``import_{kind}(journey, path, mapping=None, source=None, persona=None, scenario=None, "
        f"*, imported=None)``: read ``path`` with ``read_{kind}`` and store the result in "
        "``journey``, replacing the earlier figures of the same source id (see "
        ":func:`store_import`). Returns the :class:`Summary`; the journey is not saved."
    )
    return run


import_survey = _importer("survey")
import_calls = _importer("calls")
import_web = _importer("web")
import_interviews = _importer("interviews")
import_events = _importer("events")


def remove_source(journey: Journey, source: str) -> dict[str, int]:
    """Remove the source ``source`` with its figures and quotes; returns how many
    records of each table went. An unknown id is refused, naming the known ones."""
    if source not in journey.ids("sources"):
        fail(
            "unknown_source",
            journey.language,
            source=source,
            known=listing(journey.ids("sources"), journey.language),
        )
    counts = {table: len(_records_of(journey, table, source)) for table in TABLES}
    journey.remove("sources", (source,), with_dependants=True)
    return counts


def record_counts(counts: dict[str, int]) -> dict[str, Msg]:
    """The figures and quotes of a source (``{"evidence": n, "quotes": m}``, as
    :func:`remove_source` returns them) as counted words for a message: ``figures``
    ("1 cijfer") and ``quotes`` ("3 citaten"), in the language it is rendered in."""
    return {
        "figures": TEXTS.count("figure", counts["evidence"]),
        "quotes": FIELD_TEXTS.count("quotes", counts["quotes"]),
    }


@dataclass(frozen=True)
class SourceInfo:
    """One stored source as listed: id, kind, file, period, import date, rows read and
    skipped, and how many figures and quotes it holds."""

    id: str
    kind: str
    file: str
    period: str
    imported: str
    rows_read: int
    rows_skipped: int
    figures: int
    quotes: int
    personas: tuple[str, ...]
    #: An event log's cases with a path (all personas) and its scenario.
    cases: int = 0
    scenario: str = ""


def list_sources(journey: Journey) -> list[SourceInfo]:
    """The journey's evidence sources in file order."""
    figures: dict[str, list[dict[str, Any]]] = {}
    for record in journey.records("evidence"):
        figures.setdefault(record["source"], []).append(record)
    quotes: dict[str, int] = {}
    for record in journey.records("quotes"):
        quotes[record["source"]] = quotes.get(record["source"], 0) + 1
    return [
        SourceInfo(
            id=s["id"],
            kind=s["kind"],
            file=s["file"],
            period=s["period"],
            imported=s["imported"],
            rows_read=s["rows_read"] or 0,
            rows_skipped=s["rows_skipped"] or 0,
            figures=len(figures.get(s["id"], [])),
            quotes=quotes.get(s["id"], 0),
            personas=tuple(dict.fromkeys(r["persona"] for r in figures.get(s["id"], [])))
            or tuple((s.get("paths") or {}).get("personas") or ()),
            cases=sum(p["cases"] for p in ((s.get("paths") or {}).get("personas") or {}).values()),
            scenario=(s.get("paths") or {}).get("scenario") or "",
        )
        for s in journey.records("sources")
    ]


def describe_sources(journey: Journey, language: str | None = None) -> str:
    """The sources as lines of text, in ``language`` (default: the journey's)."""
    lang = language or journey.language
    sources = list_sources(journey)
    if not sources:
        return TEXTS.text("no_sources", lang)
    lines = []
    for s in sources:
        if s.kind == "events":  # paths, not figures: its cases and scenario
            lines.append(TEXTS.text(
                "source_line_events", lang, id=s.id, kind=kind_label(s.kind, journey.template, lang),
                file=s.file, period=s.period or "–", imported=s.imported or "–",
                read=TEXTS.counted("row", s.rows_read, lang), skipped=s.rows_skipped,
                cases=TEXTS.counted("case", s.cases, lang), scenario=s.scenario or "–",
                personas=", ".join(s.personas) or "–",
            ))  # fmt: skip
            continue
        lines.append(TEXTS.text(
            "source_line", lang, id=s.id, kind=kind_label(s.kind, journey.template, lang), file=s.file,
            period=s.period or "–", imported=s.imported or "–", read=TEXTS.counted("row", s.rows_read, lang),
            skipped=s.rows_skipped, personas=", ".join(s.personas) or "–", **record_counts(
                {"evidence": s.figures, "quotes": s.quotes}
            ),
        ))  # fmt: skip
    return "\n".join(lines)
