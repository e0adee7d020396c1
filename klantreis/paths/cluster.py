"""The same tally on a Dask cluster, for a folder of Parquet files bigger than one
machine: Dask dataframe reads the files, each partition is coded on a worker as a chunk
is locally (:func:`klantreis.paths.stream.code_chunk`), Dask's shuffle brings every
row of a case to one partition, each partition is tallied on a worker
(:func:`klantreis.paths.compute.tally_batch`) and the tallies are added up here.

Before that, two small passes: the distinct event names (and pages) are given their
ids here, so every worker codes them alike, and the partitions' lengths give each row
its number in the folder (ties in time keep the files' order, as locally).
"""

from __future__ import annotations

import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..dask_client import connect
from .compute import Batch, MapOrder, Tally, positions, tally_batch
from .logfile import LogFile
from .stream import RECORD, SHOW_UNREADABLE, Coder, StreamResult, code_chunk
from .texts import fail


def stream_dask(
    log: LogFile, roles: dict[str, str], coder: Coder, maps: list[MapOrder], scheduler: str
) -> StreamResult:
    """Tally the Parquet log ``log`` on the Dask cluster at ``scheduler``
    (``tcp://HOST:PORT``); the figures equal :func:`klantreis.paths.stream.stream`'s."""
    if not log.parquet:
        fail("scheduler_parquet", log.language, file=log.name)
    client = connect(scheduler)
    import dask
    import dask.dataframe as dd
    from distributed import as_completed

    try:
        wanted = list(dict.fromkeys(roles.values()))
        frame = dd.read_parquet([str(p) for p in log.parts], columns=wanted)
        named = [roles["event"], *([roles["page"]] if "page" in roles else [])]
        for row in frame[named].drop_duplicates().compute().itertuples(index=False):
            event, page = row[0], row[1] if len(row) > 1 else None
            if not pd.isna(event):
                coder.event_id(str(event), None if page is None or pd.isna(page) else str(page))
        lengths = frame.map_partitions(len).compute().tolist()
        starts = np.cumsum([0, *lengths[:-1]]).tolist()
        coded = [
            dask.delayed(_code)(part, int(start), roles, coder, log)
            for part, start in zip(frame.to_delayed(), starts, strict=True)
        ]
        records = dd.from_delayed([dask.delayed(_first)(c) for c in coded], meta=_empty())
        shuffled = records.shuffle("case", npartitions=max(1, records.npartitions))
        table = positions(maps, coder.targets)
        codes = np.asarray(coder.codes, dtype=np.int64)
        tallies = [dask.delayed(_tally)(part, maps, table, codes) for part in shuffled.to_delayed()]
        # one graph, so each partition is read and coded once
        futures = client.compute([*(dask.delayed(_second)(c) for c in coded), *tallies])
        stats = client.gather(futures[: len(coded)])
        tally = Tally(maps)
        with tempfile.TemporaryDirectory(prefix="klantreis-paths-") as tmp:
            # each partition's tally is added as it comes and let go: the client holds
            # one at a time beside the sum (the hours to the next touchpoint on disk)
            tally.spill_gaps(Path(tmp) / "hours-to-next.bin")
            for future in as_completed(futures[len(coded) :]):
                tally.add(future.result())
                future.release()
            tally.finish()
    finally:
        client.close()
    result = StreamResult(tally, 0, Counter(), Counter(), {}, [], "")
    for part in stats:  # in the files' order
        result.rows += part.rows
        result.persona_rows.update(part.persona_rows)
        result.skipped.update(part.skipped)
        for p, skipped in part.persona_skipped.items():
            result.persona_skipped.setdefault(p, Counter()).update(skipped)
        result.unreadable_at = (result.unreadable_at + part.unreadable_at)[:SHOW_UNREADABLE]
        result.unreadable_example = result.unreadable_example or part.unreadable_example
    return result


def _empty() -> pd.DataFrame:
    return pd.DataFrame(np.empty(0, dtype=RECORD))


def _code(frame: pd.DataFrame, start: int, roles: dict[str, str], coder: Coder, log: LogFile) -> Any:
    stats = StreamResult(Tally([]), 0, Counter(), Counter(), {}, [], "")
    known = len(coder.names)
    coded = code_chunk(frame.reset_index(drop=True), start, roles, coder, log, stats)
    assert len(coder.names) == known, "an event the first pass did not see"
    return pd.DataFrame(coded), stats


def _first(pair: tuple[pd.DataFrame, StreamResult]) -> pd.DataFrame:
    return pair[0]


def _second(pair: tuple[pd.DataFrame, StreamResult]) -> StreamResult:
    return pair[1]


def _tally(frame: pd.DataFrame, maps: list[MapOrder], table: np.ndarray, codes: np.ndarray) -> Tally:
    tally = Tally(maps)
    event = frame["event"].to_numpy(dtype=np.int64)
    batch = Batch(frame["persona"].to_numpy(dtype=np.int64), frame["case"].to_numpy(dtype=np.uint64),
                  frame["time"].to_numpy(dtype=np.int64), frame["order"].to_numpy(dtype=np.int64), event,
                  codes[event] if len(event) else event)  # fmt: skip
    tally_batch(tally, batch, table)
    return tally
