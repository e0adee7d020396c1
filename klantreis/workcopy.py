"""Each project's own working copy of the workbook notebooks.

JupyterLab saves notebooks as you work (outputs, widget state). So that this never
writes into the repository or the installed package, ``klantreis lab`` opens a copy
of the bundled workbook in a folder beside the project file (``mijnreis.yaml`` ->
``mijnreis-werkmap/``), made on first open. A notebook in it is never overwritten
silently: when the bundled workbook has a newer version of a notebook you changed,
klantreis says so and how to refresh it (``--refresh-workbook``, which first moves
your copies into a backup folder); a notebook you never changed is brought up to
date, and the message says which.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from .messages import Catalog
from .resources import data_dir

MANIFEST = ".klantreis-werkmap.json"
SUFFIX = "-werkmap"
DEFAULT_FOLDER = "klantreis-werkmap"

TEXTS = Catalog(
    "workcopy",
    {
        "created": ("Werkmap gemaakt: {folder}", "Workbook folder created: {folder}"),
        "added": ("Nieuw in de werkmap: {names}", "New in the workbook folder: {names}"),
        "updated": (
            "Bijgewerkt naar de nieuwe versie (je had ze niet veranderd): {names}",
            "Updated to the new version (you had not changed them): {names}",
        ),
        "outdated": (
            "Let op: deze versie van klantreis heeft nieuwere notebooks dan je werkmap {folder}: "
            "{names}. Je eigen versies blijven staan. Vernieuwen kan met `klantreis lab {project} "
            "--refresh-workbook`; je huidige notebooks gaan dan eerst naar een map 'oud-…' in de werkmap.",
            "Note: this version of klantreis has newer notebooks than your workbook folder {folder}: "
            "{names}. Your own versions stay as they are. To refresh them, run `klantreis lab "
            "{project} --refresh-workbook`; your current notebooks are first moved to an 'oud-…' "
            "folder inside the workbook folder.",
        ),
        "refreshed": (
            "Vernieuwd: {names}; je vorige versies staan in {backup}",
            "Refreshed: {names}; your previous versions are in {backup}",
        ),
    },
)


@dataclass
class WorkCopy:
    """The working copy of a project and what opening it did."""

    folder: Path
    created: bool = False
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    outdated: list[str] = field(default_factory=list)
    refreshed: list[str] = field(default_factory=list)
    backup: Path | None = None

    def messages(self, language: str | None = None, project: str = "PROJECT") -> list[str]:
        """What the user should hear about this copy, in ``language``."""
        out = []
        if self.created:
            out.append(TEXTS.text("created", language, folder=self.folder))
        if self.added and not self.created:
            out.append(TEXTS.text("added", language, names=", ".join(self.added)))
        if self.updated:
            out.append(TEXTS.text("updated", language, names=", ".join(self.updated)))
        if self.refreshed:
            out.append(TEXTS.text("refreshed", language, names=", ".join(self.refreshed), backup=self.backup))
        if self.outdated:
            out.append(
                TEXTS.text(
                    "outdated", language, folder=self.folder, names=", ".join(self.outdated), project=project
                )
            )
        return out


def folder_for(project: str | os.PathLike[str] | None) -> Path:
    """Where the working copy of ``project`` lives: ``<name>-werkmap`` beside the
    project file; without a project, ``klantreis-werkmap`` in the current folder."""
    if not project:
        return Path.cwd() / DEFAULT_FOLDER
    path = Path(project).expanduser().resolve()
    return path.with_name(path.stem + SUFFIX)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _bundled(source: Path | None) -> dict[str, Path]:
    folder = source or data_dir("workbook")
    return {p.name: p for p in sorted(folder.glob("*.ipynb"))}


def open_copy(
    project: str | os.PathLike[str] | None,
    *,
    refresh: bool = False,
    folder: Path | None = None,
    source: Path | None = None,
) -> WorkCopy:
    """Create or check the working copy of ``project``'s workbook and return it.

    New notebooks are copied in; notebooks the user never changed follow the bundled
    version; changed ones are listed as ``outdated`` (and replaced, after a backup,
    only when ``refresh``). ``source`` is the bundled workbook (default: the package's).
    """
    target = folder or folder_for(project)
    result = WorkCopy(target, created=not target.exists())
    target.mkdir(parents=True, exist_ok=True)
    manifest_path = target / MANIFEST
    try:
        recorded: dict[str, str] = json.loads(manifest_path.read_text(encoding="utf-8"))["files"]
    except (OSError, ValueError, KeyError, TypeError):
        recorded = {}
    for name, bundled in _bundled(source).items():
        copy, new_digest = target / name, _digest(bundled)
        if not copy.exists():
            shutil.copyfile(bundled, copy)
            result.added.append(name)
        elif recorded.get(name) == new_digest:
            continue
        elif recorded.get(name) == _digest(copy):  # the user never changed it
            shutil.copyfile(bundled, copy)
            result.updated.append(name)
        elif _digest(copy) == new_digest:
            pass  # already the new version
        elif refresh:
            result.backup = result.backup or target / f"oud-{datetime.now():%Y%m%d-%H%M%S}"
            result.backup.mkdir(exist_ok=True)
            shutil.move(copy, result.backup / name)
            shutil.copyfile(bundled, copy)
            result.refreshed.append(name)
        else:
            result.outdated.append(name)
            continue  # keep the old digest: it stays "outdated" until refreshed
        recorded[name] = new_digest
    manifest = {"files": recorded, "note": "klantreis: versions of the bundled notebooks copied here"}
    manifest_path.write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return result
