"""Where the bundled data lives: templates, the workbook and the examples."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """The folder ``templates``, ``workbook`` or ``examples``: inside an installed
    wheel under ``klantreis/_data``, in a source checkout at the repository root."""
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"klantreis data folder {name!r} is missing from this installation")


def example_path(name: str) -> Path:
    """The path of a bundled example project, e.g. ``example_path("sportschool")``."""
    path = data_dir("examples") / f"{name}.yaml"
    if not path.is_file():
        known = ", ".join(sorted(p.stem for p in data_dir("examples").glob("*.yaml")))
        raise FileNotFoundError(f"no example {name!r}; bundled examples: {known}")
    return path
