"""klantreis: map a customer journey step by step, per persona and scenario."""

from __future__ import annotations

from typing import Any

from .errors import FormatVersionError, JourneyError, Problem, ValidationError
from .fileformat import dumps, from_dict, loads, to_dict
from .model import Journey
from .projectfile import ProjectFile, load, open_project, save, save_merged
from .scale import Scale, ScalePoint
from .templates import get_template, list_templates, new_journey
from .version import __version__


def build(
    project: Any, out: Any, personas: Any = None, scenarios: Any = None, jobs: Any = None, **options: Any
) -> Any:
    """Build an HTML report per persona × scenario of ``project`` into ``out``; see
    :func:`klantreis.builder.build` (imported on first use: it loads papermill)."""
    from .builder import build as _build

    return _build(project, out, personas, scenarios, jobs, **options)


__all__ = [
    "build",
    "FormatVersionError",
    "Journey",
    "JourneyError",
    "Problem",
    "ProjectFile",
    "Scale",
    "ScalePoint",
    "ValidationError",
    "__version__",
    "dumps",
    "from_dict",
    "get_template",
    "list_templates",
    "load",
    "loads",
    "new_journey",
    "open_project",
    "save",
    "save_merged",
    "to_dict",
]
