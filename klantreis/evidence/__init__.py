"""Evidence: survey exports, call logs, web analytics and interview quotes, read into
aggregates per persona × scenario × touchpoint (or phase) that sit next to the team's
assumed journey.

Each ``read_*`` function reads one raw file (CSV or .xlsx) with an optional mapping file
and returns an :class:`EvidenceImport`: the ``source`` record, the ``evidence``
(aggregate) records, the ``quotes`` and a :class:`Summary`. The journey is only read;
storing the records is the model's job. See docs/evidence.md.

    >>> result = read_survey(journey, "enquete.csv", mapping="enquete.yaml")
    >>> print(result.report())
"""

from __future__ import annotations

from .calls import read_calls
from .interviews import read_interviews
from .mapping import KINDS, EvidenceMapping, load_mapping, mapping_from_data
from .records import EVIDENCE_FIELDS, METRICS, QUOTE_FIELDS, SOURCE_FIELDS, EvidenceImport, Summary
from .stats import t975, t_quantile
from .survey import read_survey
from .units import REASONS
from .web import read_web

#: The reader of each kind, for callers that take the kind as an argument (the CLI).
READERS = {
    "survey": read_survey,
    "calls": read_calls,
    "web": read_web,
    "interviews": read_interviews,
}

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
    "load_mapping",
    "mapping_from_data",
    "read_calls",
    "read_interviews",
    "read_survey",
    "read_web",
    "t975",
    "t_quantile",
]
