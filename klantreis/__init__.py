"""klantreis: map a customer journey step by step, per persona and scenario."""

from __future__ import annotations

__version__ = "0.1.0"

from .errors import FormatVersionError, JourneyError, Problem, ValidationError  # noqa: E402
from .fileformat import dumps, from_dict, load, loads, save, to_dict  # noqa: E402
from .model import Journey, ScalePoint  # noqa: E402
from .templates import get_template, list_templates, new_journey  # noqa: E402


def build(project, out, personas=None, scenarios=None, jobs=None, **options):  # type: ignore[no-untyped-def]
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
    "save",
    "to_dict",
]
