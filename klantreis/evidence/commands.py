"""What ``klantreis evidence import|list|remove`` do, on project files: read the project,
change it, save it. Saving goes through :func:`klantreis.projectfile.save_merged`,
which takes the project's lock and merges with whatever notebooks or other programs
saved since the project was read, so an import is safe while the workbook has the
project open. Bad input raises :class:`~klantreis.errors.JourneyError` before anything
is written."""

from __future__ import annotations

import os
from pathlib import Path

from ..projectfile import load, open_project, save_merged
from .storing import describe_sources, import_file, record_counts, remove_source
from .texts import TEXTS

PathLike = str | os.PathLike[str]


def import_evidence(
    project: PathLike,
    file: PathLike,
    kind: str,
    mapping: PathLike | None = None,
    source: str | None = None,
    persona: str | None = None,
    scenario: str | None = None,
    include_partial: bool = False,
    force: bool = False,
    metric: str | None = None,
) -> str:
    """Import ``file`` as evidence of ``kind`` into the project file ``project`` and save
    it; returns the summary in the project's language (rows read, skipped and why,
    touchpoints covered, values not mapped). On bad input nothing is written."""
    journey, project_file = open_project(project)
    summary = import_file(
        journey,
        kind,
        Path(file),
        Path(mapping) if mapping else None,
        source,
        persona,
        scenario,
        include_partial=include_partial,
        force=force,
        metric=metric,
    )
    save_merged(journey, project_file)
    return summary.report(journey.language, journey.template)


def list_evidence(project: PathLike) -> str:
    """The project's evidence sources, one line each, in the project's language."""
    journey = load(project)
    return describe_sources(journey)


def remove_evidence(project: PathLike, source: str) -> str:
    """Remove the source ``source`` (with its figures and quotes) from the project file
    and save it; returns what went, in the project's language."""
    journey, project_file = open_project(project)
    counts = remove_source(journey, source)
    save_merged(journey, project_file)
    return TEXTS.text("removed", journey.language, source=source, **record_counts(counts))
