"""Observed journeys: an event log (web, app or system events) held against the team's
map. Each case's path is computed and classed as conforming, missing (a touchpoint
skipped), irregular (out of the map's order) or adhoc (an event off the map between its
first and last touchpoint), after Halvorsrud et al. (2016). Only aggregates are stored.
See docs/paths.md.

    >>> result = read_events(journey, "weblog.csv", mapping="weblog.yaml", persona="student")
    >>> store_import(journey, result)            # klantreis.evidence.store_import
    >>> figures = stored_paths(journey, "student")[1]
"""

from __future__ import annotations

from .importing import read_events
from .mapping import EventMapping, as_event_mapping
from .stored import path_sources, stored_paths

__all__ = ["EventMapping", "as_event_mapping", "path_sources", "read_events", "stored_paths"]
