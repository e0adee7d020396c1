"""Replacing a file atomically: the new content goes to a temporary file beside it,
is flushed to disk, and then takes the old file's place in one step. A crash, a full
disk or a killed process leaves either the old file or the new one, never a mix."""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

TEMP_SUFFIX = ".tmp"


def temp_prefix(path: Path) -> str:
    """The name every temporary file for ``path`` starts with (``.name.``)."""
    return f".{path.name}."


def write_atomic(path: str | os.PathLike[str], content: str | bytes) -> Path:
    """Replace ``path`` with ``content`` (text is written as UTF-8 with ``\\n`` line
    ends). On any error the old file stays as it was and the temporary file is gone.
    A new file gets the usual permissions (umask); an existing one keeps its own.
    An :class:`OSError` names ``path`` (never the temporary file)."""
    path = Path(path)
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        return _write(path, data)
    except OSError as err:
        # the same kind of error, naming the file the caller asked for rather than the
        # temporary one beside it (a full disk fails a write that names no file at all)
        raise OSError(err.errno, err.strerror, str(path)) from err


def _write(path: Path, data: bytes) -> Path:
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp = _create_temp(folder, temp_prefix(path))
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        # a new file keeps the mode it was created with: 0o666 minus the umask
        with contextlib.suppress(FileNotFoundError):
            os.chmod(tmp, path.stat().st_mode & 0o777)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _sync_folder(folder)
    return path


def remove_stale_temps(path: Path) -> int:
    """Remove temporary files a killed writer left beside ``path``; returns how many.
    Call it only while holding the file's lock, so no other writer is mid-write."""
    folder = path.parent if str(path.parent) else Path(".")
    removed = 0
    for stale in folder.glob(f"{_glob_escape(temp_prefix(path))}*{TEMP_SUFFIX}"):
        stale.unlink(missing_ok=True)
        removed += 1
    return removed


def _glob_escape(text: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in text)


def _sync_folder(folder: Path) -> None:
    """Flush the folder entry, so the rename survives a power cut (where supported)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _create_temp(folder: Path, prefix: str) -> tuple[int, Path]:
    for _ in range(100):
        tmp = folder / f"{prefix}{secrets.token_hex(6)}{TEMP_SUFFIX}"
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), tmp
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name in {folder}")  # pragma: no cover
