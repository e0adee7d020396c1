"""Importing an event log as evidence: the checks against the journey, the stream over
the log, and the source record with the paths of every persona found in it.

    >>> result = read_events(journey, "weblog.csv", mapping="weblog.yaml", persona="student")
    >>> print(result.report())
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from ..coercion import slugify
from ..evidence import values
from ..evidence.records import EvidenceImport, Summary
from ..evidence.texts import TEXTS as EVIDENCE_TEXTS
from ..evidence.texts import counted, listing
from ..evidence.texts import fail as evidence_fail
from ..fields import SLUG_RE
from ..model import Journey
from .compute import MapOrder
from .logfile import open_log
from .mapping import EventMapping, as_event_mapping
from .result import persona_figures
from .stored import map_order
from .stream import Coder, stream
from .texts import fail, text

#: The skip reasons of an event log, in the order the summary lists them.
SKIP_REASONS = (
    "unreadable",
    "duplicates",
    "no_case",
    "no_event",
    "no_persona",
    "unmapped_persona",
    "other_persona",
)


@dataclass(frozen=True)
class EventsSummary(Summary):
    """The summary of an event-log import: rows, cases per persona, what was skipped and
    the events not on the map."""

    cases: dict[str, int] = field(default_factory=dict)
    unreadable_at: list[str] = field(default_factory=list)
    events_unmapped: dict[str, int] = field(default_factory=dict)

    def report(self, language: str | None = None, template_id: str | None = None) -> str:
        """The summary as a few lines of text in ``language`` (default: the journey's);
        an event log is named the same in every template."""
        lang = language or self.language
        cases = ", ".join(f"{p}: {n}" for p, n in self.cases.items())
        lines = [
            text(
                "summary",
                lang,
                file=self.file,
                source=self.source,
                rows=EVIDENCE_TEXTS.counted("row", self.rows_read, lang),
                cases=cases,
            )
        ]
        if self.skipped:
            reasons = ", ".join(f"{n} {text(f'skip_{r}', lang)}" for r, n in self.skipped.items())
            lines.append(text("summary_skipped", lang, reasons=reasons))
        if self.unreadable_at:
            lines.append(text("summary_unreadable_where", lang, where=", ".join(self.unreadable_at)))
        if self.events_unmapped:
            lines.append(text("summary_unmapped", lang, values=counted(self.events_unmapped, lang)))
        return "\n".join(lines)


def read_events(
    journey: Journey,
    path: str | Path,
    mapping: Any = None,
    source: str | None = None,
    persona: str | None = None,
    scenario: str | None = None,
    *,
    imported: str | None = None,
    max_mb: float | None = None,
    chunk_rows: int | None = None,
    partition_bytes: int | None = None,
    scheduler: str | None = None,
) -> EvidenceImport:
    """Read an event log (CSV or Parquet: one row per event with a case id, a timestamp
    and an event name) and compute every case's path against the map of its persona in
    ``scenario``. ``mapping`` (required: a file, dict or :class:`EventMapping`) names the
    columns and maps events to touchpoints; every touchpoint it names must be on the
    journey. Returns an :class:`EvidenceImport` whose source record holds the paths
    (aggregates only) under ``paths``; the journey is not changed. ``chunk_rows`` (rows
    read at a time) and ``partition_bytes`` (log bytes per partition of cases) tune the
    memory used; the figures do not depend on them. ``scheduler`` (``tcp://HOST:PORT``)
    tallies a Parquet log on that Dask cluster (:mod:`klantreis.paths.cluster`)."""
    language = journey.language
    if mapping is None:
        fail("mapping_needs", language, mapping="--mapping", roles="case, time, event")
    scenario = scenario or journey.default_scenario
    _known(journey, "scenarios", "what_scenario", scenario, language)
    if persona:
        _known(journey, "personas", "what_persona", persona, language)
    source_id = source if source is not None else slugify(Path(path).stem)
    if not SLUG_RE.match(source_id or ""):
        evidence_fail("bad_source_id", language, value=source_id)
    checked = as_event_mapping(mapping, language)
    personas = journey.ids("personas")
    wanted = _personas(journey, checked, persona, language)
    maps = [_map_order(journey, p, scenario, checked) for p in personas]
    _check_targets(journey, checked, wanted, scenario, language)
    log = open_log(path, language, max_mb)
    for role, column in checked.columns.items():
        if column not in log.columns:
            fail("column_missing", language, file=log.name, column=column, role=role,
                 mapping=checked.file, columns=listing(log.columns, language, quote=True))  # fmt: skip
    coder = Coder(
        targets=checked.observable,
        place=checked.target if "page" in checked.columns else (lambda e, p: checked.target(e)),
        show=lambda e, p: f"{e}:{p}" if p is not None and checked.has_patterns(values.key(e) or "") else e,
        persona_of=_persona_reader(journey, checked, wanted, persona),
    )
    if scheduler:
        from .cluster import stream_dask

        streamed = stream_dask(log, dict(checked.columns), coder, maps, scheduler)
    else:
        streamed = stream(log, dict(checked.columns), coder, maps, partition_bytes, chunk_rows)
    tally = streamed.tally
    if streamed.rows == 0:
        evidence_fail("no_rows", language, file=log.name)
    if tally.first is None and streamed.unreadable_at:
        fail("no_readable_time", language, file=log.name, column=checked.columns["time"],
             where=streamed.unreadable_at[0], value=streamed.unreadable_example)  # fmt: skip
    figures: dict[str, Any] = {}
    all_unmapped: Counter[str] = Counter()
    for index, pid in enumerate(personas):
        if index not in streamed.persona_rows:
            continue
        unmapped: Counter[str] = Counter()
        for event, count in tally.unmapped[index].items():
            unmapped[coder.names[int(event)]] += int(count)
        all_unmapped.update(unmapped)
        figures[pid] = persona_figures(
            tally, index, streamed.persona_rows[index],
            streamed.persona_skipped.get(index, Counter())["unreadable"], unmapped,
        )  # fmt: skip
    if not any(f["cases"] for f in figures.values()):
        fail("no_events", language, file=log.name, unmapped=counted(all_unmapped, language))
    skipped = Counter(streamed.skipped)
    duplicates = int(tally.duplicates.sum())
    if duplicates:
        skipped["duplicates"] = duplicates
    skipped_sorted = {r: skipped[r] for r in SKIP_REASONS if skipped.get(r)}
    period = ""
    if tally.first is not None and tally.last is not None:
        first, last = (
            np.datetime_as_string(np.datetime64(t, "ns"), unit="D") for t in (tally.first, tally.last)
        )
        period = f"{first}/{last}"
    rows_skipped = sum(skipped_sorted.values())
    record: dict[str, Any] = {
        "id": source_id,
        "kind": "events",
        "file": log.name,
        "sha256": log.sha256,
        "rows_read": streamed.rows,
        "rows_skipped": rows_skipped,
        "skipped": skipped_sorted,
        "period": period,
        "imported": imported or dt.date.today().isoformat(),
        "mapping": {k: v for k, v in checked.data.items() if k != "kind"},
        "paths": {"scenario": scenario, "personas": figures},
    }
    summary = EventsSummary(
        kind="events", file=log.name, source=source_id, language=language, rows_read=streamed.rows,
        rows_skipped=rows_skipped, skipped=skipped_sorted, personas=list(figures),
        scenario=scenario, touchpoints=checked.observable, phases=[],
        cases={p: f["cases"] for p, f in figures.items()}, unreadable_at=streamed.unreadable_at,
        events_unmapped=dict(all_unmapped),
    )  # fmt: skip
    return EvidenceImport(record, [], [], summary)


def _known(journey: Journey, table: str, what: str, value: str, language: str) -> None:
    known = journey.ids(table)
    if value not in known:
        fail("unknown_id", language, what=text(what, language), value=value, known=listing(known, language))


def _personas(journey: Journey, mapping: EventMapping, persona: str | None, language: str) -> list[str]:
    """The personas whose rows are read: the one asked for, or those the persona column
    can map to, or the project's only persona."""
    personas = journey.ids("personas")
    if persona:
        return [persona]
    if "persona" in mapping.columns:
        for item, pid in mapping.personas.items():
            if pid not in personas:
                fail("mapping_persona", language, mapping=mapping.file, item=item, value=pid,
                     known=listing(personas, language))  # fmt: skip
        return list(dict.fromkeys(mapping.personas.values())) or personas
    if len(personas) != 1:
        fail("persona_needed", language, known=listing(personas, language))
    return personas


def _map_order(journey: Journey, persona: str, scenario: str, mapping: EventMapping) -> MapOrder:
    ids, main = map_order(journey, persona, scenario)
    observable = set(mapping.observable)
    return MapOrder(
        ids,
        np.array([t in observable for t in ids], dtype=bool),
        np.array([t in main for t in ids], dtype=bool),
    )


def _check_targets(
    journey: Journey, mapping: EventMapping, personas: list[str], scenario: str, language: str
) -> None:
    on_map: dict[str, list[str]] = {p: [str(t) for t in journey.journey(p, scenario)["id"]] for p in personas}
    for item, tp in mapping.targets:
        if not any(tp in ids for ids in on_map.values()):
            known = list(dict.fromkeys(t for ids in on_map.values() for t in ids))
            fail("mapping_touchpoint", language, mapping=mapping.file, item=item, value=tp,
                 persona=", ".join(personas), scenario=scenario, known=listing(known, language))  # fmt: skip


def _persona_reader(journey: Journey, mapping: EventMapping, wanted: list[str], persona: str | None) -> Any:
    personas = journey.ids("personas")
    if "persona" not in mapping.columns:
        only = personas.index(wanted[0])
        return lambda cell: only
    keys = dict(mapping.personas)
    if not keys:
        for pid in personas:
            for name in (journey.name_of("personas", pid), pid):
                k = values.key(name)
                if k:
                    keys[k] = pid

    def read(cell: str | None) -> int | str:
        if cell is None or values.key(cell) is None:
            return "no_persona"
        pid = keys.get(values.key(cell) or "")
        if pid is None:
            return "unmapped_persona"
        if persona and pid != persona:
            return "other_persona"
        return personas.index(pid)

    return read
