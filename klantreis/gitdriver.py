"""klantreis inside git: the merge driver git runs for project files, and
``klantreis git-setup``, which registers it in a repository.

git runs ``klantreis merge-driver %O %A %B %P`` for every file ``.gitattributes``
gives ``merge=klantreis``: the ancestor's, ours' and theirs' version in temporary
files, and the file's name. The driver writes the result over ``%A`` and exits 0 when
the merge is clean, non-zero when it left conflicts (git then stops the merge as
usual). Files that are not klantreis projects (other ``*.yaml``), or a side that is
not a valid project, go to git's own line-by-line merge (``git merge-file``).
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from .atomic import write_atomic
from .errors import JourneyError
from .gitmerge import is_project, merge_texts
from .messages import Catalog

PathLike = str | os.PathLike[str]
DRIVER = "klantreis"
DEFAULT_PATTERNS = ("*.yaml",)

TEXTS = Catalog("gitdriver", {
    "conflicts": (
        "klantreis: {name}: {count} conflict(en); beide versies staan tussen <<<<<<< en >>>>>>>. "
        "Kies per conflict één versie en controleer met `klantreis validate {name}`:\n  {fields}",
        "klantreis: {name}: {count} conflict(s); both versions stand between <<<<<<< and >>>>>>>. "
        "Keep one version of each and check with `klantreis validate {name}`:\n  {fields}",
    ),
    "misfit": (
        "klantreis: {name}: de wijzigingen van beide kanten passen niet bij elkaar: {reason}",
        "klantreis: {name}: the changes of both sides do not fit together: {reason}",
    ),
    "as_text": (
        "klantreis: {name} is geen geldig klantreis-project ({reason}); git voegt het regel voor "
        "regel samen",
        "klantreis: {name} is not a valid klantreis project ({reason}); git merges it line by line",
    ),
    "no_repo": (
        "{folder} is geen git-repository (of ligt er niet in); ga naar de map van de repository, "
        "of maak er een met `git init`",
        "{folder} is not (inside) a git repository; go to the repository's folder, or make one "
        "with `git init`",
    ),
    "no_git": ("git is niet gevonden; installeer git", "git was not found; install git"),
    "driver_name": ("klantreis: samenvoegen per record", "klantreis: merge record by record"),
    "set_up": (
        "klantreis voegt nu {patterns} samen per record (git config merge.{driver}.driver; {attributes})",
        "klantreis now merges {patterns} record by record (git config merge.{driver}.driver; {attributes})",
    ),
})  # fmt: skip


def _decode(raw: bytes) -> str | None:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def merge_driver(base: PathLike, ours: PathLike, theirs: PathLike, name: str | None = None) -> int:
    """Merge the three versions git gives into ``ours``; 0 when clean, 1 with conflicts
    (or merged records that do not fit together: the file then fails
    ``klantreis validate`` with the reason)."""
    name = name or str(ours)
    texts = [_decode(Path(p).read_bytes()) for p in (base, ours, theirs)]
    b, o, t = texts
    if o is None or t is None or not (is_project(o) and is_project(t)):
        return _merge_as_text(base, ours, theirs)
    try:
        result = merge_texts(b or "", o, t, name)
    except JourneyError as err:
        print(TEXTS.text("as_text", name=name, reason=err.text().strip()), file=sys.stderr)
        return _merge_as_text(base, ours, theirs)
    write_atomic(ours, result.text)
    if result.conflicts:
        fields = "\n  ".join(_sides(c) for c in result.conflicts)
        print(TEXTS.text("conflicts", name=name, count=len(result.conflicts), fields=fields), file=sys.stderr)
    elif result.problem:
        print(TEXTS.text("misfit", name=name, reason=result.problem), file=sys.stderr)
    return 0 if result.clean else 1


#: The merge names its sides as a notebook's session sees them ("here" is the change
#: being applied, theirs' branch); in git's words:
_SIDES = {
    "(changed here, removed on the other side)": "(changed on theirs, removed on ours)",
    "(changed in another notebook, removed on the other side)": "(changed on ours, removed on theirs)",
}


def _sides(conflict: str) -> str:
    for session, git in _SIDES.items():
        conflict = conflict.replace(session, git)
    return conflict


def _merge_as_text(base: PathLike, ours: PathLike, theirs: PathLike) -> int:
    """git's own line merge into ``ours`` (conflict markers where lines clash)."""
    labels = ["-L", "ours", "-L", "base", "-L", "theirs"]
    done = subprocess.run(["git", "merge-file", *labels, str(ours), str(base), str(theirs)], check=False)
    return 0 if done.returncode == 0 else 1


@dataclass(frozen=True)
class Setup:
    """What ``git-setup`` did: the repository, and the ``.gitattributes`` lines added."""

    root: Path
    attributes: Path
    added: list[str]

    def summary(self, patterns: list[str]) -> str:
        """One sentence for the user."""
        return TEXTS.text("set_up", patterns=", ".join(patterns), driver=DRIVER, attributes=self.attributes)


def _git(folder: Path, *args: str) -> str:
    try:
        done = subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise JourneyError(TEXTS.msg("no_git")) from None
    if done.returncode != 0:
        raise JourneyError(TEXTS.msg("no_repo", folder=folder))
    return done.stdout.strip()


def git_setup(
    folder: PathLike = ".", patterns: list[str] | None = None, command: str = "klantreis", diff: bool = False
) -> Setup:
    """Register the merge driver (and the diff driver, ``klantreis diff``) in the
    repository around ``folder`` (its ``.git/config``) and give ``patterns`` (default
    ``*.yaml``) ``merge=klantreis`` in the repository's ``.gitattributes`` (and
    ``diff=klantreis`` with ``diff``). Running it again changes nothing."""
    folder = Path(folder)
    root = Path(_git(folder, "rev-parse", "--show-toplevel"))
    _git(root, "config", f"merge.{DRIVER}.name", TEXTS.text("driver_name"))
    _git(root, "config", f"merge.{DRIVER}.driver", f"{command} merge-driver %O %A %B %P")
    _git(root, "config", f"diff.{DRIVER}.command", f"{command} diff")
    attributes = root / ".gitattributes"
    text = attributes.read_text(encoding="utf-8") if attributes.exists() else ""
    present = {line.strip() for line in text.splitlines()}
    drivers = f"merge={DRIVER}" + (f" diff={DRIVER}" if diff else "")
    added = [f"{p} {drivers}" for p in patterns or DEFAULT_PATTERNS]
    added = [line for line in added if line not in present]
    if added:
        prefix = "" if not text or text.endswith("\n") else "\n"
        write_atomic(attributes, text + prefix + "".join(f"{line}\n" for line in added))
    return Setup(root, attributes, added)
