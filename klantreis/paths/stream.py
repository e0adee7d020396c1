"""Streaming an event log into a :class:`~klantreis.paths.compute.Tally` with memory
bounded independently of the file's size.

Each chunk of rows is coded into a few integers per row (persona, a 64-bit hash of the
case id, time, row number, event id, touchpoint code). When the log is small they stay
in memory; otherwise they are spilled to temporary files, one per partition of case
hashes, so every case lands whole in one partition; each partition is then tallied on
its own. Peak memory is one chunk of text plus one partition of codes and its tally's
arrays; the hours to the next touchpoint go to a temporary file too
(:mod:`klantreis.paths.quantiles`) and the distinct paths are kept as integer codes
(:mod:`klantreis.paths.variants`).
"""

from __future__ import annotations

import math
import tempfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from .compute import Batch, MapOrder, Tally, positions, tally_batch
from .logfile import LogFile, parse_times

#: Bytes of log per partition of coded rows: a partition's codes and the arrays its
#: tally makes stay a few hundred MB.
PARTITION_BYTES = 32 * 1024 * 1024
#: A log up to this size keeps its codes in memory (no temporary files).
IN_MEMORY_BYTES = 64 * 1024 * 1024
RECORD = np.dtype(
    [("persona", "i2"), ("case", "u8"), ("time", "i8"), ("order", "i8"), ("event", "i8"), ("target", "i8")]
)
#: How many unreadable rows the summary names by line.
SHOW_UNREADABLE = 5
#: Skip reasons of rows that belong to no persona of the import.
PERSONA_REASONS = ("no_persona", "unmapped_persona", "other_persona")


@dataclass
class Coder:
    """What turns the cells of a chunk into codes: the mapping's ``place`` (event, page)
    -> touchpoint id or None; ``persona_of`` (persona cell) -> persona index, or a skip
    reason; the global event ids and their display names."""

    targets: list[str]
    place: Callable[[str, str | None], str | None]
    show: Callable[[str, str | None], str]
    persona_of: Callable[[str | None], int | str]
    events: dict[tuple[str, str | None], int] = field(default_factory=dict)
    names: list[str] = field(default_factory=list)
    codes: list[int] = field(default_factory=list)

    def event_id(self, event: str, page: str | None) -> int:
        """The global id of an (event, page) pair, given on first sight."""
        key = (event, page)
        if key not in self.events:
            self.events[key] = len(self.names)
            self.names.append(self.show(event, page))
            target = self.place(event, page)
            self.codes.append(-1 if target is None else self.targets.index(target))
        return self.events[key]


@dataclass
class StreamResult:
    """What streaming a log gave: the tally and per persona index the rows read and the
    skip counts, plus the first unreadable rows' places and the digest."""

    tally: Tally
    rows: int
    persona_rows: Counter[int]
    skipped: Counter[str]
    persona_skipped: dict[int, Counter[str]]
    unreadable_at: list[str]
    unreadable_example: str


def stream(
    log: LogFile,
    roles: dict[str, str],
    coder: Coder,
    maps: list[MapOrder],
    partition_bytes: int | None = None,
    chunk_rows: int | None = None,
) -> StreamResult:
    """Read ``log`` (columns by role in ``roles``) chunk by chunk and tally its cases
    (``partition_bytes``: log bytes per partition, default :data:`PARTITION_BYTES`;
    ``chunk_rows``: rows per chunk, default :data:`~klantreis.paths.logfile.CHUNK_ROWS`)."""
    size = partition_bytes or PARTITION_BYTES
    parts = 1 if log.size <= min(IN_MEMORY_BYTES, size) else math.ceil(log.size / size)
    table = positions(maps, coder.targets)
    tally = Tally(maps)
    result = StreamResult(tally, 0, Counter(), Counter(), {}, [], "")
    wanted = list(dict.fromkeys(roles.values()))
    with tempfile.TemporaryDirectory(prefix="klantreis-paths-") as tmp:
        spill = [Path(tmp) / f"part-{i}.bin" for i in range(parts)] if parts > 1 else []
        if spill:
            tally.spill_gaps(Path(tmp) / "hours-to-next.bin")
        kept: list[np.ndarray] = []
        for start, frame in log.chunks(wanted, chunk_rows):
            coded = code_chunk(frame, start, roles, coder, log, result)
            if not spill:
                kept.append(coded)
                continue
            # each partition's rows, in file order (one stable sort, not a mask per partition)
            which = (coded["case"] % np.uint64(parts)).astype(np.int64)
            order = np.argsort(which, kind="stable")
            bounds = np.searchsorted(which[order], np.arange(parts + 1))
            for i in np.flatnonzero(np.diff(bounds)).tolist():
                with spill[i].open("ab") as handle:
                    coded[order[bounds[i] : bounds[i + 1]]].tofile(handle)
        for path in spill:
            if path.exists():
                _tally(tally, np.fromfile(path, dtype=RECORD), table, coder)
        if kept:
            _tally(tally, np.concatenate(kept), table, coder)
        tally.finish()
    return result


def _tally(tally: Tally, records: np.ndarray, table: np.ndarray, coder: Coder) -> None:
    target = np.asarray(coder.codes, dtype=np.int64)[records["event"]] if len(records) else records["target"]
    batch = Batch(records["persona"].astype(np.int64), records["case"], records["time"], records["order"],
                  records["event"], target)  # fmt: skip
    tally_batch(tally, batch, table)


def code_chunk(
    frame: pd.DataFrame, start: int, roles: dict[str, str], coder: Coder, log: LogFile, result: StreamResult
) -> np.ndarray:
    n = len(frame)
    result.rows += n
    keep = np.ones(n, dtype=bool)
    persona = np.zeros(n, dtype=np.int64)
    reason = np.full(n, "", dtype=object)

    def skip(mask: np.ndarray, why: str) -> None:
        fresh = mask & keep
        reason[fresh] = why
        keep[fresh] = False

    if "persona" in roles:
        codes, uniques = pd.factorize(frame[roles["persona"]].astype(object), use_na_sentinel=True)
        looked = [coder.persona_of(str(u)) for u in uniques] + [coder.persona_of(None)]
        per_row = np.array(looked, dtype=object)[codes]
        is_skip = np.array([isinstance(v, str) for v in per_row], dtype=bool)
        for why in {v for v in looked if isinstance(v, str)}:
            skip(per_row == why, why)
        persona[~is_skip] = per_row[~is_skip].astype(np.int64)
    else:
        persona[:] = coder.persona_of(None)
    case_col = frame[roles["case"]]
    skip(case_col.isna().to_numpy(), "no_case")
    event_col = frame[roles["event"]]
    skip(event_col.isna().to_numpy(), "no_event")
    times = parse_times(frame[roles["time"]])
    bad = (times == np.datetime64("NaT", "ns").view(np.int64)) & keep
    if bad.any():
        rows = np.flatnonzero(bad)
        room = SHOW_UNREADABLE - len(result.unreadable_at)
        result.unreadable_at += [log.where(start + int(r)) for r in rows[:room]]
        if not result.unreadable_example:
            result.unreadable_example = str(frame[roles["time"]].iloc[int(rows[0])])
    skip(bad, "unreadable")
    known = ~np.isin(reason, PERSONA_REASONS)
    rows_of = np.bincount(persona[known])
    unreadable_of = np.bincount(persona[bad & known], minlength=len(rows_of))
    for p in np.flatnonzero(rows_of):
        result.persona_rows[int(p)] += int(rows_of[p])
        if unreadable_of[p]:
            result.persona_skipped.setdefault(int(p), Counter())["unreadable"] += int(unreadable_of[p])
    for why, count in zip(*np.unique(reason[~keep], return_counts=True), strict=True):
        result.skipped[str(why)] += int(count)
    rows = np.flatnonzero(keep)
    events = event_col.to_numpy(dtype=object)[rows]
    pages = frame[roles["page"]].to_numpy(dtype=object)[rows] if "page" in roles else None
    e_codes, e_uniques = pd.factorize(events)
    if pages is None:
        ids = np.array([coder.event_id(str(e), None) for e in e_uniques], dtype=np.int64)
        event_ids = ids[e_codes] if len(e_codes) else np.zeros(0, dtype=np.int64)
    else:
        p_codes, p_uniques = pd.factorize(pages, use_na_sentinel=True)
        pair = e_codes.astype(np.int64) * (len(p_uniques) + 1) + (p_codes + 1)
        u_pairs, inverse = np.unique(pair, return_inverse=True)
        ids = np.array(
            [
                coder.event_id(
                    str(e_uniques[k // (len(p_uniques) + 1)]),
                    None if k % (len(p_uniques) + 1) == 0 else str(p_uniques[k % (len(p_uniques) + 1) - 1]),
                )
                for k in u_pairs
            ],
            dtype=np.int64,
        )
        event_ids = ids[inverse.ravel()] if len(inverse) else np.zeros(0, dtype=np.int64)
    out = np.empty(len(rows), dtype=RECORD)
    out["persona"] = persona[rows]
    out["case"] = pd.util.hash_pandas_object(case_col.iloc[rows], index=False, categorize=False).to_numpy()
    out["time"] = times[rows]
    out["order"] = start + rows
    out["event"] = event_ids
    out["target"] = -1
    return out
