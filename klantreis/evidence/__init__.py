"""Evidence: survey exports, call logs, web analytics and interview quotes, read into
aggregates per persona × scenario × touchpoint (or phase) that sit next to the team's
assumed journey.

Each ``read_*`` function reads one raw file (CSV or .xlsx) with an optional mapping file
and returns an :class:`EvidenceImport`: the ``source`` record, the ``evidence``
(aggregate) records, the ``quotes`` and a :class:`Summary`; the journey is only read.
Each ``import_*`` function reads the same way and stores the records in the journey,
replacing the earlier figures of that source (:mod:`klantreis.evidence.storing`).
See docs/evidence.md.

    >>> result = read_survey(journey, "enquete.csv", mapping="enquete.yaml")
    >>> print(result.report())
    >>> import_survey(journey, "enquete.csv", mapping="enquete.yaml")  # stored
"""

from __future__ import annotations

from .calls import read_calls
from .interviews import read_interviews
from .mapping import KINDS, EvidenceMapping, load_mapping, mapping_from_data
from .records import EVIDENCE_FIELDS, METRICS, QUOTE_FIELDS, SOURCE_FIELDS, EvidenceImport, Summary
from .stats import t975, t_quantile
from .storing import (
    READERS,
    SourceInfo,
    describe_sources,
    import_calls,
    import_events,
    import_file,
    import_interviews,
    import_survey,
    import_web,
    list_sources,
    remove_source,
    store_import,
)
from .survey import read_survey
from .units import REASONS
from .web import read_web

__all__ = [
    "EVIDENCE_FIELDS",
    "QUOTE_FIELDS",
    "SOURCE_FIELDS",
    "KINDS",
    "METRICS",
    "READERS",
    "REASONS",
    "EvidenceImport",
    "EvidenceMapping",
    "Summary",
    "SourceInfo",
    "describe_sources",
    "import_calls",
    "import_events",
    "import_file",
    "import_interviews",
    "import_survey",
    "import_web",
    "list_sources",
    "load_mapping",
    "mapping_from_data",
    "read_calls",
    "read_interviews",
    "read_survey",
    "read_web",
    "remove_source",
    "store_import",
    "t975",
    "t_quantile",
]
