"""``klantreis portfolio``: find every project file under the paths given, build each
journey's page through an executor (local processes, or a Dask cluster), and write the
overview page. Incremental: a project whose file and klantreis version are the same as
at the last build (``portfolio.json`` in the output folder) is not built again."""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from ..atomic import write_atomic
from ..gitmerge import is_project
from ..limits import read_bytes
from ..version import __version__
from .jobs import Job, run_dask, run_local
from .overview import render

PathLike = str | os.PathLike[str]
MANIFEST = "portfolio.json"
INDEX = "index.html"
SUFFIXES = (".yaml", ".yml")


@dataclass
class PortfolioResult:
    """What a build did: the overview page, the projects built, those reused from the
    last build, and those that failed (with the reason)."""

    index: Path
    built: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)


def find_projects(paths: list[PathLike], skip: Path | None = None) -> list[Path]:
    """The project files among ``paths``: files as given, folders searched recursively
    for ``*.yaml``/``*.yml`` files that start as a klantreis project (hidden folders and
    ``skip`` left out)."""
    found: list[Path] = []
    for path in map(Path, paths):
        if not path.is_dir():
            found.append(path)
            continue
        for candidate in sorted(path.rglob("*")):
            inside = candidate.relative_to(path).parts
            if candidate.suffix.lower() not in SUFFIXES or any(p.startswith(".") for p in inside):
                continue
            if skip is not None and skip.resolve() in candidate.resolve().parents:
                continue
            if candidate.is_file() and _looks_like_project(candidate):
                found.append(candidate)
    return list(dict.fromkeys(found))


def _looks_like_project(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return is_project(handle.read(4096).decode("utf-8-sig", "replace"))
    except OSError:
        return False


def _slug(name: str, taken: set[str]) -> str:
    """A folder name for a project: its path below the projects' common folder."""
    base = re.sub(r"[^A-Za-z0-9_-]+", "-", str(Path(name).with_suffix(""))).strip("-") or "p"
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    taken.add(slug)
    return slug


def last_change(path: Path) -> str:
    """The date of the last commit that changed ``path`` when git knows it, else the
    file's modification date (YYYY-MM-DD)."""
    try:
        done = subprocess.run(
            ["git", "log", "-1", "--format=%cs", "--", path.name],
            cwd=path.parent, capture_output=True, text=True, check=False, timeout=30,
        )  # fmt: skip
        if done.returncode == 0 and done.stdout.strip():
            return done.stdout.strip()
    except (OSError, subprocess.SubprocessError):
        pass
    return datetime.fromtimestamp(path.stat().st_mtime).date().isoformat()


def _manifest(out: Path) -> dict[str, Any]:
    try:
        data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) and data.get("klantreis") == __version__ else {}


Runner = Callable[[list[Job]], Iterator[tuple[Job, dict[str, Any]]]]


def build_portfolio(
    paths: list[PathLike],
    out: PathLike,
    *,
    language: str = "nl",
    scheduler: str | None = None,
    workers: int | None = None,
    planned: Callable[[int], None] | None = None,
    progress: Callable[[str], None] | None = None,
) -> PortfolioResult:
    """Build the portfolio of every project under ``paths`` into ``out``: a page per
    journey and ``index.html``. ``scheduler`` (``tcp://HOST:PORT``) runs the builds on
    a Dask cluster, else up to ``workers`` local processes. ``planned(n)`` is called
    with the number of projects to build, ``progress(key)`` after each."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    old = _manifest(out).get("projects", {})
    result = PortfolioResult(out / INDEX)
    entries: dict[str, dict[str, Any]] = {}
    jobs: list[Job] = []
    taken: set[str] = set()
    files = {p.as_posix(): p for p in find_projects(paths, skip=out)}
    common = os.path.commonpath([p.resolve().parent for p in files.values()]) if files else ""
    for key, path in files.items():
        data = read_bytes(path)
        digest = hashlib.sha256(data).hexdigest()
        before = old.get(key, {})
        slug = before.get("slug") if before.get("slug") not in taken else None
        slug = slug or _slug(os.path.relpath(path.resolve(), common), taken)
        taken.add(slug)
        if before.get("sha256") == digest and all((out / p).is_file() for p in before.get("pages", [])):
            entries[key] = before
            result.reused.append(key)
        else:
            entries[key] = {"sha256": digest, "slug": slug}
            jobs.append(Job(key, slug, data))
    if planned is not None:
        planned(len(jobs))
    runner: Runner = (
        (lambda js: run_dask(js, scheduler)) if scheduler else (lambda js: run_local(js, workers))
    )
    for job, outcome in runner(jobs):
        if "error" in outcome:
            result.failed[job.key] = outcome["error"]
            entries.pop(job.key)
        else:
            for page, html in outcome["pages"].items():
                (out / page).parent.mkdir(parents=True, exist_ok=True)
                write_atomic(out / page, html)
            entries[job.key].update(summary=outcome["summary"], pages=sorted(outcome["pages"]))
            result.built.append(job.key)
        if progress is not None:
            progress(job.key)
    projects = []
    for key in files:
        if key in entries:
            projects.append({**entries[key]["summary"], "changed": last_change(files[key])})
    manifest = {"klantreis": __version__, "projects": entries}
    write_atomic(out / MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True))
    write_atomic(result.index, render(projects, result.failed, language))
    return result
