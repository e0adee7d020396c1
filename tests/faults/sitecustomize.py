"""Simulated file-system faults for the command-line tests (never imported by klantreis).

A test that puts this folder on ``PYTHONPATH`` and sets ``KLANTREIS_TEST_FAULT`` to
``KIND:FOLDER`` runs the real ``klantreis`` command while the operating system
refuses writes under FOLDER the way it would:

- ``readonly``: a read-only disk or mount (``EROFS``);
- ``denied``: a folder the user may not write to (``EACCES``; as root, which CI is,
  ``chmod`` cannot take that right away);
- ``full``: a full disk: a file is created, but writing it fails (``ENOSPC``).

Reading stays allowed everywhere, as on a real read-only folder.
"""

from __future__ import annotations

import builtins
import errno
import io
import os

_KIND, _, _FOLDER = os.environ.get("KLANTREIS_TEST_FAULT", "").partition(":")
_CODES = {"readonly": errno.EROFS, "denied": errno.EACCES, "full": errno.ENOSPC}
_WRITES = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC


def _inside(path: object) -> bool:
    try:
        full = os.path.abspath(os.fsdecode(path))  # type: ignore[arg-type]
    except TypeError:
        return False
    return full == _FOLDER or full.startswith(_FOLDER.rstrip(os.sep) + os.sep)


def _refuse(path: object) -> None:
    raise OSError(_CODES[_KIND], os.strerror(_CODES[_KIND]), os.fsdecode(path))  # type: ignore[arg-type]


def _install() -> None:
    real_open, real_mkdir, real_replace, real_rename = os.open, os.mkdir, os.replace, os.rename
    real_fsync, real_write, real_builtin_open = os.fsync, os.write, builtins.open

    def fd_path(fd: int) -> str:
        try:
            return os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            return ""

    if _KIND == "full":

        def fsync(fd: int) -> None:
            if _inside(fd_path(fd)):
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            real_fsync(fd)

        def write(fd: int, data: bytes) -> int:
            if data and _inside(fd_path(fd)):
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            return real_write(fd, data)

        def full_open(file, mode="r", *args, **kwargs):  # type: ignore[no-untyped-def]
            handle = real_builtin_open(file, mode, *args, **kwargs)
            if isinstance(file, str | bytes | os.PathLike) and _inside(file) and set(mode) & set("wax+"):
                handle.close()
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            return handle

        os.fsync, os.write = fsync, write
        builtins.open = io.open = full_open
        return

    def opening(path, flags, *args, **kwargs):  # type: ignore[no-untyped-def]
        if flags & _WRITES and _inside(path):
            _refuse(path)
        return real_open(path, flags, *args, **kwargs)

    def mkdir(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if _inside(path) and not os.path.isdir(path):
            _refuse(path)
        return real_mkdir(path, *args, **kwargs)

    def moving(real):  # type: ignore[no-untyped-def]
        def move(src, dst, *args, **kwargs):  # type: ignore[no-untyped-def]
            if _inside(src) or _inside(dst):
                _refuse(dst)
            return real(src, dst, *args, **kwargs)

        return move

    def builtin_open(file, mode="r", *args, **kwargs):  # type: ignore[no-untyped-def]
        if isinstance(file, str | bytes | os.PathLike) and _inside(file) and set(mode) & set("wax+"):
            _refuse(file)
        return real_builtin_open(file, mode, *args, **kwargs)

    os.open, os.mkdir = opening, mkdir
    os.replace, os.rename = moving(real_replace), moving(real_rename)
    builtins.open = io.open = builtin_open


if _KIND in _CODES and _FOLDER:
    _install()
