"""What an operating-system error means for the person who typed the path.

Python's own text (``[Errno 20] Not a directory: 'uit/.x.xlsx.3f2a.tmp'``) names a
temporary file the user never chose and an errno nobody can act on. :func:`explain`
turns an :class:`OSError` into a message that names the file or folder the user gave
and says what to do. It looks at the file system to tell the cases apart (a path
whose folder is really a file, a folder that does not exist), so call it right where
the error is caught. This module imports nothing from klantreis but the messages.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from .messages import Catalog, Msg

TEXTS = Catalog("oserrors", {
    "not_folder": (
        "{path} is een bestand, geen map; kies een map (of een andere naam)",
        "{path} is a file, not a folder; choose a folder (or another name)",
    ),
    "is_folder": (
        "{path} is een map, geen bestand; geef de naam van een bestand",
        "{path} is a folder, not a file; give the name of a file",
    ),
    "no_folder": (
        "de map {path} bestaat niet; maak die eerst aan of kies een andere map",
        "folder {path} does not exist; create it first or choose another folder",
    ),
    "missing": ("{path} bestaat niet", "{path} does not exist"),
    "exists": ("{path} bestaat al; kies een andere naam", "{path} already exists; choose another name"),
    "read_only": (
        "{path} staat op een schijf of in een map die alleen gelezen kan worden; kies een map "
        "waarin je mag schrijven",
        "{path} is on a disk or in a folder that can only be read; choose a folder you can "
        "write to",
    ),
    "no_write": (
        "je mag niet schrijven in {path}; kies een andere map, of vraag om schrijfrechten",
        "you may not write in {path}; choose another folder, or ask for write permission",
    ),
    "no_read": (
        "je mag {path} niet lezen; vraag om leesrechten, of kies een ander bestand",
        "you may not read {path}; ask for read permission, or choose another file",
    ),
    "full": (
        "de schijf is vol: {path} kon niet worden geschreven; maak ruimte vrij en probeer "
        "het opnieuw",
        "the disk is full: {path} could not be written; free some space and try again",
    ),
    "too_long": (
        "de naam is te lang voor het bestandssysteem: {path}; kies een kortere naam",
        "the name is too long for the file system: {path}; choose a shorter name",
    ),
    "busy": (
        "{path} is in gebruik door een ander programma; sluit dat en probeer het opnieuw",
        "{path} is in use by another program; close it and try again",
    ),
    "other": (
        "{path} kon niet worden gelezen of geschreven ({reason})",
        "{path} could not be read or written ({reason})",
    ),
    "full_unnamed": (
        "de schijf is vol; maak ruimte vrij en probeer het opnieuw",
        "the disk is full; free some space and try again",
    ),
    "unnamed": (
        "een bestand kon niet worden gelezen of geschreven ({reason})",
        "a file could not be read or written ({reason})",
    ),
})  # fmt: skip

_NO_WRITE = {errno.EACCES, errno.EPERM}
_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
_BUSY = {errno.EBUSY, errno.ETXTBSY}


def explain(err: OSError, path: str | os.PathLike[str] | None = None) -> Msg:
    """What ``err`` means, naming the path the user gave. ``path`` is the file the
    caller was reading or writing, for errors that name no file (a full disk fails a
    ``write`` on an open file); a temporary file beside it is never named."""
    given = err.filename2 if err.filename2 is not None else err.filename
    named = Path(os.fsdecode(given)) if given is not None else None
    if named is None or _is_temporary(named):
        named = Path(path) if path is not None else (named.parent if named else None)
    code = err.errno
    if named is None:
        return TEXTS.msg("full_unnamed") if code in _FULL else TEXTS.msg("unnamed", reason=_reason(err))
    if code == errno.ENOTDIR:
        return TEXTS.msg("not_folder", path=_first_file(named) or named.parent)
    if code == errno.EEXIST:
        return TEXTS.msg("not_folder" if named.exists() and not named.is_dir() else "exists", path=named)
    if code == errno.EISDIR:
        return TEXTS.msg("is_folder", path=named)
    if code == errno.ENOENT:
        folder = named.parent if str(named.parent) else Path(".")
        if folder.is_dir():
            return TEXTS.msg("missing", path=named)
        return TEXTS.msg("no_folder", path=folder)
    if code == errno.EROFS:
        return TEXTS.msg("read_only", path=_folder(named))
    if code in _NO_WRITE:
        if named.is_file() and not os.access(named, os.R_OK):
            return TEXTS.msg("no_read", path=named)
        return TEXTS.msg("no_write", path=_folder(named))
    if code in _FULL:
        return TEXTS.msg("full", path=named)
    if code == errno.ENAMETOOLONG:
        return TEXTS.msg("too_long", path=named)
    if code in _BUSY:
        return TEXTS.msg("busy", path=named)
    return TEXTS.msg("other", path=named, reason=_reason(err))


def _reason(err: OSError) -> str:
    return err.strerror or type(err).__name__


def _is_temporary(path: Path) -> bool:
    """A temporary file klantreis writes beside a target (``.name.…tmp``)."""
    return path.name.startswith(".") and path.name.endswith(".tmp")


def _folder(path: Path) -> Path:
    """The folder a write into ``path`` needs: the path itself when it is one."""
    return path if path.is_dir() else path.parent if str(path.parent) else Path(".")


def _first_file(path: Path) -> Path | None:
    """The first part of ``path`` that exists as a file (so cannot hold the rest)."""
    for part in [*reversed(path.parents), path]:
        if str(part) not in ("", ".") and part.exists() and not part.is_dir():
            return part
    return None
