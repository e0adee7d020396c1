"""Big logs: the log is read in small chunks and its cases tallied per partition, and the
figures equal those of the whole file read at once and of an independent pandas
computation, also when a case, a tie or a duplicate row lies across a chunk's border;
the quantiles of the hours to the next touchpoint are exact from a spilled file."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from paths_support import MAPPING, assert_close, comparable, generated_log, journey, reference

from klantreis.paths import logfile, read_events
from klantreis.paths import stream as stream_module
from klantreis.paths.quantiles import ValueFile

CHUNK = 7


def across_borders(seed: int) -> pd.DataFrame:
    """A generated log, with pairs of rows put exactly across the borders of chunks of
    :data:`CHUNK` rows: an exact duplicate, and a tie (same case and time, two
    events whose order in the file decides the path)."""
    rng = random.Random(seed)
    rows = [tuple(r) for r in generated_log(seed, cases=250).itertuples(index=False)]
    pairs = []
    for n in range(40):
        t = pd.Timestamp("2026-04-01T09:00") + pd.Timedelta(minutes=7 * n)
        case = f"w{n:03d}"
        first, second = rng.sample(["search", "compare", "order", "faq"], 2)
        pairs.append(((case, t.isoformat(), first), (case, t.isoformat(), first)))  # duplicate
        pairs.append(((case, (t + pd.Timedelta(hours=1)).isoformat(), first),
                      (case, (t + pd.Timedelta(hours=1)).isoformat(), second)))  # fmt: skip
    out: list[tuple] = []
    for pair in pairs:
        while len(out) % CHUNK != CHUNK - 1:  # the pair's first row ends a chunk
            out.append(rows.pop())
        out += pair
    out += rows
    return pd.DataFrame(out, columns=["visitor", "ts", "name"])


def test_tiny_chunks_and_partitions_give_the_figures_of_the_whole_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = across_borders(3)
    path = tmp_path / "log.csv"
    log.to_csv(path, index=False)
    whole = read_events(journey(), path, MAPPING, persona="p", chunk_rows=len(log) + 1)
    chunk_sizes: list[int] = []
    tallied: list[int] = []
    chunks, tally = logfile.LogFile.chunks, stream_module._tally

    def counting_chunks(self: logfile.LogFile, columns: list[str], rows: int | None = None):  # type: ignore[no-untyped-def]
        for start, frame in chunks(self, columns, rows):
            chunk_sizes.append(len(frame))
            yield start, frame

    monkeypatch.setattr(logfile.LogFile, "chunks", counting_chunks)

    def counting_tally(t: object, records: np.ndarray, *rest: object) -> None:
        tallied.append(len(records))
        tally(t, records, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(stream_module, "_tally", counting_tally)
    small = read_events(journey(), path, MAPPING, persona="p", chunk_rows=CHUNK, partition_bytes=3000)
    # read in chunks of at most CHUNK rows, tallied in partitions of part of the cases
    assert max(chunk_sizes) == CHUNK and sum(chunk_sizes) == len(log)
    assert len(tallied) > 5 and max(tallied) < len(log) / 3
    ours = small.source["paths"]["personas"]["p"]
    assert ours == whole.source["paths"]["personas"]["p"]
    theirs = reference(log)
    assert theirs["duplicates"] >= 40 and theirs["deviations"]["irregular"] > 0
    assert_close(comparable(ours), theirs)
    assert small.summary.skipped == whole.summary.skipped


@pytest.mark.parametrize("spilled", [False, True])
def test_quantiles_from_a_file_equal_numpy_to_the_last_bit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, spilled: bool
) -> None:
    monkeypatch.setattr("klantreis.paths.quantiles.BLOCK", 5)  # many blocks per pass
    rng = np.random.default_rng(4)
    for trial in range(60):
        keys, n = 4, int(rng.integers(0, 80))
        key = rng.integers(0, keys - 1, n)  # the last key has no values
        kind = trial % 3
        if kind == 0:
            values = rng.exponential(30, n)
        elif kind == 1:
            values = rng.integers(0, 4, n) / 3  # many ties
        else:
            values = rng.random(n) * 1e-4  # tiny, zero exponent bits shared
        values = values.astype(np.float32)
        file = ValueFile(keys, tmp_path / f"v{trial}.bin" if spilled else None)
        for i in range(0, n, 9):
            file.add(key[i : i + 9], values[i : i + 9])
        got = file.quantiles((0.5, 0.9))
        for k in range(keys):
            mine = values[key == k].astype(np.float64)
            assert got[k] == [float(np.quantile(mine, q)) if len(mine) else None for q in (0.5, 0.9)]
