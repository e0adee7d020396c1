"""The project file: ``loads``/``dumps`` on strings, ``load``/``save`` on files.

Saving is atomic: the new text goes to a temporary file beside the project, which
then replaces it, so a crash or a full disk never leaves a half-written project.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from .errors import JourneyError, Problem, ValidationError
from .fields import BOOL, LIST, OPTBOOL, TABLES, record_from_row
from .model import Journey
from .validation import FORMAT_VERSION, journey_from_data
from .yamlio import dump, parse

PathLike = str | os.PathLike[str]


def loads(text: str, source: str | None = None) -> Journey:
    """Parse project-file text into a :class:`Journey` (``source`` names it in errors)."""
    data, lines = parse(text, source)
    return journey_from_data(data, lines, source)


def load(path: PathLike) -> Journey:
    """Read a project file. Errors name the file and the line."""
    return loads(read_text(path), str(path))


def read_text(path: PathLike) -> str:
    """The text of a project file; a missing file, a folder or binary content gets a
    clear message naming the file."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise JourneyError(f"{path}: no such file; create one with `klantreis new {path}`") from None
    except IsADirectoryError:
        raise JourneyError(f"{path}: is a folder, not a project file") from None
    return decode(raw, str(path))


def decode(raw: bytes, source: str) -> str:
    """Project-file bytes as text; binary or non-UTF-8 content gets a clear error."""
    if b"\x00" in raw:
        raise ValidationError(
            [
                Problem(
                    "",
                    "this is a binary file, not a klantreis YAML "
                    "project (did you mean `klantreis import`?)",
                    None,
                    source,
                )
            ]
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise ValidationError(
            [Problem("", "the file is not UTF-8 text; save it as UTF-8", line, source)]
        ) from None


def to_dict(journey: Journey) -> dict[str, Any]:
    """The journey as plain data in file order; empty optional fields are left out."""
    data: dict[str, Any] = {"klantreis": FORMAT_VERSION, "title": journey.title}
    if journey.goal:
        data["goal"] = journey.goal
    data["language"] = journey.language
    if journey.template:
        data["template"] = journey.template
    data["scope"] = {"start": journey.scope.get("start", ""), "end": journey.scope.get("end", "")}
    data["scale"] = [{"score": p.score, "label": p.label, "emoji": p.emoji} for p in journey.scale]
    for table in ("phases", "personas", "scenarios", "touchpoints", "opportunities"):
        frame = getattr(journey, table)
        data[table] = [_compact(table, record_from_row(table, row)) for _, row in frame.iterrows()]
    data["review"] = {
        "answers": {str(k): str(v) for k, v in (journey.review.get("answers") or {}).items()},
        "notes": str(journey.review.get("notes") or ""),
    }
    return data


def _compact(table: str, record: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for spec in TABLES[table]:
        value = record[spec.name]
        keep = (
            spec.required
            or spec.name == "scenario"
            or (
                value is not None
                and value != ""
                and value != []
                and not (spec.kind == BOOL and not value)
            )
        )
        if spec.kind == OPTBOOL and value is None:
            keep = False
        if keep:
            out[spec.name] = list(value) if spec.kind == LIST else value
    return out


def from_dict(data: Any, source: str | None = None) -> Journey:
    """Build a journey from plain data (as :func:`to_dict` gives); validates everything."""
    return journey_from_data(data, None, source)


def dumps(journey: Journey) -> str:
    """The project-file text of a journey. Refuses an inconsistent journey (for example
    after a DataFrame was edited by hand) with the same messages as ``validate``."""
    data = to_dict(journey)
    journey_from_data(data, None, "journey")
    return dump(data)


def save(journey: Journey, path: PathLike) -> Path:
    """Write the journey to ``path`` atomically; returns the path."""
    return write_atomic(Path(path), dumps(journey))


def write_atomic(path: Path, text: str) -> Path:
    """Replace ``path`` with ``text`` via a temporary file in the same folder; on any
    error the old file stays as it was and the temporary file is removed."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o777)
        else:
            os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
