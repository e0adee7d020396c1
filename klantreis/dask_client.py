"""Connecting to a Dask cluster (``--scheduler tcp://HOST:PORT``), for the portfolio's
builds and the tally of a big event log: one place that imports ``distributed`` and
says, in the project's language, when it is missing or the scheduler is not reached."""

from __future__ import annotations

from typing import Any

from .errors import JourneyError
from .messages import Catalog

TEXTS = Catalog("dask_client", {
    "no_dask": (
        "voor --scheduler is Dask nodig: pip install 'klantreis[cluster]'",
        "--scheduler needs Dask: pip install 'klantreis[cluster]'",
    ),
    "no_scheduler": (
        "geen Dask-scheduler bereikt op {address} ({reason}); start er een met `dask scheduler`",
        "no Dask scheduler reached at {address} ({reason}); start one with `dask scheduler`",
    ),
})  # fmt: skip


def connect(scheduler: str) -> Any:
    """A ``distributed.Client`` of the scheduler at ``scheduler``; close it when done.
    Raises :class:`~klantreis.errors.JourneyError` when Dask is not installed or no
    scheduler answers within 10 seconds."""
    try:
        from distributed import Client
    except ImportError:
        raise JourneyError(TEXTS.msg("no_dask")) from None
    try:
        return Client(scheduler, timeout="10s")
    except (OSError, TimeoutError) as err:
        raise JourneyError(TEXTS.msg("no_scheduler", address=scheduler, reason=err)) from None
