"""Project files on disk: create one from a template, summarise one."""

from __future__ import annotations

from pathlib import Path

from .errors import JourneyError
from .fileformat import save
from .model import Journey
from .templates import new_journey


def create_project(
    path: str | Path, template: str, *, title: str = "", language: str = "nl", force: bool = False
) -> Path:
    """Write a new project file made from ``template``; refuses to overwrite an
    existing file unless ``force``."""
    path = Path(path)
    if path.exists() and not force:
        raise JourneyError(
            f"{path} already exists; choose another name or use --force to overwrite it"
        )
    if path.suffix.lower() not in (".yaml", ".yml"):
        raise JourneyError(f"{path}: a project file ends in .yaml")
    journey = new_journey(template, title=title, language=language)
    return save(journey, path)


def summary(journey: Journey) -> str:
    """A one-line summary: title and the number of personas, scenarios, phases, touchpoints."""
    counts = {
        "personas": len(journey.personas),
        "scenarios": len(journey.scenarios),
        "phases": len(journey.phases),
        "touchpoints": len(journey.touchpoints),
        "opportunities": len(journey.opportunities),
    }
    parts = ", ".join(f"{n} {name}" for name, n in counts.items())
    return f"{journey.title}: {parts}"
