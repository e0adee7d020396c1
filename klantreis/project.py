"""Creating a project file from a template, and summarising one: the one way to
make a new project, used by ``klantreis new`` and by the workbook's start step."""

from __future__ import annotations

import os
from pathlib import Path

from .errors import JourneyError
from .fields import TABLES
from .messages import Catalog
from .model import Journey
from .projectfile import save
from .templates import new_journey

TEXTS = Catalog("project", {
    "exists": (
        "{path} bestaat al; kies een andere naam, open het bestaande project, of overschrijf "
        "het met --force",
        "{path} already exists; choose another name, open the existing project, or overwrite "
        "it with --force",
    ),
    "suffix": ("{path}: een projectbestand eindigt op .yaml", "{path}: a project file ends in .yaml"),
    "folder": (
        "de map {folder} bestaat niet; maak die eerst aan",
        "folder {folder} does not exist; create it first",
    ),
    "summary": (
        "{title}: {personas}, {scenarios}, {phases}, {touchpoints}, {opportunities}",
        "{title}: {personas}, {scenarios}, {phases}, {touchpoints}, {opportunities}",
    ),
})  # fmt: skip


def create_project(
    path: str | os.PathLike[str], template: str, *, title: str = "", language: str = "nl", force: bool = False
) -> Path:
    """Write a new project file made from ``template``. Refused when the file exists
    (unless ``force``), does not end in ``.yaml``/``.yml``, or its folder is missing."""
    path = Path(path)
    if path.suffix.lower() not in (".yaml", ".yml"):
        raise JourneyError(TEXTS.msg("suffix", path=path), language=language)
    if path.exists() and not force:
        raise JourneyError(TEXTS.msg("exists", path=path), language=language)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise JourneyError(TEXTS.msg("folder", folder=folder), language=language)
    return save(new_journey(template, title=title, language=language), path)


def summary(journey: Journey) -> str:
    """A one-line summary: title and the number of personas, scenarios, phases, touchpoints."""
    tables = ("personas", "scenarios", "phases", "touchpoints", "opportunities")
    counts = {t: TABLES[t].counted(len(journey.records(t)), journey.language) for t in tables}
    return TEXTS.text("summary", journey.language, title=journey.title, **counts)
