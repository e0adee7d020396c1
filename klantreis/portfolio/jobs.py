"""The work of one project, and the executors that run many of them.

:func:`build_project` takes a project file's bytes and returns plain data: the
portfolio summary and each journey's page as HTML. It reads and writes no file, so it
runs the same in a local process or on a Dask worker on another machine (which only
needs klantreis installed). :func:`run_local` runs jobs in local processes;
:func:`run_dask` on the Dask cluster a scheduler address names (the optional extra
``klantreis[cluster]``). Both yield each result as it arrives.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from typing import Any

from ..dask_client import connect
from ..errors import JourneyError


@dataclass(frozen=True)
class Job:
    """One project to build: its key (path as the user sees it), folder name and bytes."""

    key: str
    slug: str
    data: bytes


def build_project(key: str, slug: str, data: bytes) -> dict[str, Any]:
    """Summary and pages of one project: ``{"summary": ..., "pages": {path: html}}``,
    or ``{"error": message}`` when the project cannot be read or drawn."""
    from ..charts import canvas
    from ..fileformat import loads
    from ..projectfile import decode
    from .summary import journey_page, summarize

    try:
        journey = loads(decode(data, key), key)
        pages = {
            journey_page(slug, persona, scenario): canvas(journey, persona, scenario).to_html()
            for persona, scenario in journey.journeys()
        }
        return {"summary": summarize(journey, key, slug), "pages": pages}
    except JourneyError as err:
        return {"error": err.text().strip()}


def _run(job: Job) -> dict[str, Any]:
    return build_project(job.key, job.slug, job.data)


def run_local(jobs: list[Job], workers: int | None = None) -> Iterator[tuple[Job, dict[str, Any]]]:
    """Run ``jobs`` in up to ``workers`` local processes (default: the cores)."""
    if not jobs:
        return
    workers = max(1, min(workers or os.cpu_count() or 1, len(jobs)))
    if workers == 1:
        for job in jobs:
            yield job, _run(job)
        return
    # spawn, never fork: a process that has drawn a chart holds vl-convert's threads,
    # and a forked child that draws again waits forever on their locks
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        futures = {pool.submit(_run, job): job for job in jobs}
        for future in as_completed(futures):
            yield futures[future], future.result()


def run_dask(jobs: list[Job], scheduler: str) -> Iterator[tuple[Job, dict[str, Any]]]:
    """Run ``jobs`` on the Dask cluster at ``scheduler`` (``tcp://HOST:PORT``): the
    project files go as bytes, the pages come back as HTML."""
    client = connect(scheduler)
    from distributed import as_completed as dask_completed

    try:
        futures = {
            client.submit(build_project, job.key, job.slug, job.data, key=f"klantreis-{i}-{job.slug}"): job
            for i, job in enumerate(jobs)
        }
        for future in dask_completed(list(futures)):
            yield futures[future], future.result()
    finally:
        client.close()
