"""Big logs: the log is read in small chunks and its cases tallied per partition, and the
figures equal those of the whole file read at once and of an independent pandas
computation, also when a case, a tie or a duplicate row lies across a chunk's border;
the quantiles of the hours to the next touchpoint are exact from a spilled file."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from paths_support import MAPPING, assert_close, comparable, generated_log, journey, reference

from klantreis.paths import logfile, read_events
from klantreis.paths import stream as stream_module
from klantreis.paths.quantiles import ValueFile
from klantreis.paths.variants import VariantCounts

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


def test_variant_counts_keep_the_top_paths_with_ties_by_path_and_the_rest_counted(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("klantreis.paths.variants.TIE_BLOCK", 7)  # ties compared in blocks
    rng = np.random.default_rng(5)
    size = 40  # paths of more than 11 steps do not fit one integer: kept as bytes
    counts = VariantCounts(2, size)
    expected: list[Counter[tuple[int, ...]]] = [Counter(), Counter()]
    for _ in range(6):  # six partitions
        paths = [tuple(rng.integers(0, size, rng.choice([1, 2, 3, 14]))) for _ in range(300)]
        paths += [(0, 1), (0, 1), (3,)] * 5  # frequent ones
        personas = rng.integers(0, 2, len(paths))
        steps = np.array([s for path in paths for s in path], dtype=np.int64)
        start = np.cumsum([0] + [len(path) for path in paths[:-1]])
        end = start + [len(path) for path in paths]
        counts.add(steps, start, end, personas)
        for path, p in zip(paths, personas, strict=True):
            expected[p][tuple(int(s) for s in path)] += 1
    for p in range(2):
        ordered = sorted(expected[p].items(), key=lambda kv: (-kv[1], list(kv[0])))
        top, other, other_cases = counts.top(p, 20)
        assert top == [(n, list(path)) for path, n in ordered[:20]]
        assert (other, other_cases) == (len(ordered) - 20, sum(n for _, n in ordered[20:]))
