"""A folder of Parquet files tallied on a Dask cluster (a LocalCluster in this process)
gives the same figures as the local import, and what cannot run there is named."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest
from paths_support import MAPPING, generated_log, journey, save_project

from klantreis.errors import JourneyError
from klantreis.paths import read_events


def test_a_parquet_folder_on_a_dask_cluster_gives_the_local_figures(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    pytest.importorskip("dask.dataframe")
    distributed = pytest.importorskip("distributed")
    log = generated_log(5, cases=300)
    folder = tmp_path / "log"
    folder.mkdir()
    for i, start in enumerate(range(0, len(log), 250)):  # cases, ties and duplicates across files
        log.iloc[start : start + 250].to_parquet(folder / f"part-{i:02d}.parquet")
    local = read_events(journey(), folder, MAPPING, persona="p", imported="2026-04-01")
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None
    ) as cluster:
        address = cluster.scheduler_address
        remote = read_events(
            journey(), folder, MAPPING, persona="p", imported="2026-04-01", scheduler=address
        )
    assert remote.source == local.source
    assert remote.summary == local.summary
    figures = remote.source["paths"]["personas"]["p"]
    assert figures["cases"] > 200 and figures["duplicates"] > 0 and figures["unreadable"] > 0


def test_a_csv_log_with_a_scheduler_is_refused_by_name(tmp_path: Path) -> None:
    path = tmp_path / "log.csv"
    generated_log(1, cases=20).to_csv(path, index=False)
    with pytest.raises(JourneyError, match="log.csv: --scheduler reads a folder of Parquet files"):
        read_events(journey("en"), path, MAPPING, persona="p", scheduler="tcp://127.0.0.1:1")


def test_a_scheduler_that_is_not_there_is_named(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    pytest.importorskip("distributed")
    generated_log(1, cases=20).to_parquet(tmp_path / "log.parquet")
    project = save_project(tmp_path, "en")
    (tmp_path / "map.yaml").write_text(
        "kind: events\ncolumns: {case: visitor, time: ts, event: name}\n"
        "events: {search: a, compare: b, chat_open: c, order: d}\n",
        encoding="utf-8",
    )
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    done = subprocess.run(
        [str(Path(sys.executable).parent / "klantreis"), "evidence", "import", str(project),
         str(tmp_path / "log.parquet"),
         "--kind", "events", "--mapping", str(tmp_path / "map.yaml"), "--persona", "p", "--scenario", "s",
         "--scheduler", f"tcp://127.0.0.1:{port}"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert f"no Dask scheduler reached at tcp://127.0.0.1:{port}" in done.stderr
