"""One journey's map as a standalone file, without papermill: the canvas with its
emotion curve as an HTML page, or the emotion curve as an SVG/PNG image for slides."""

from __future__ import annotations

from pathlib import Path

from ..atomic import write_atomic
from ..errors import JourneyError
from ..model import Journey
from .texts import TEXTS

MAP_SUFFIXES = (".html", ".htm", ".svg", ".png")


def export_map(
    journey: Journey, target: str | Path, persona: str | None = None, scenario: str | None = None
) -> Path:
    """Write the map of one journey (default: the first persona and scenario) to
    ``target``: ``.html`` is the canvas page, ``.svg``/``.png`` the emotion curve."""
    from ..charts import canvas, emotion_curve, save_chart

    persona = persona or (journey.ids("personas") or [""])[0]
    scenario = scenario or journey.default_scenario
    journey.require("personas", persona)
    journey.require("scenarios", scenario)
    target = Path(target)
    suffix = target.suffix.lower()
    if suffix not in MAP_SUFFIXES:
        message = TEXTS.msg("map_suffix", target=target, suffixes=", ".join(MAP_SUFFIXES))
        raise JourneyError(message, language=journey.language)
    if suffix in (".html", ".htm"):
        return write_atomic(target, canvas(journey, persona, scenario).to_html())
    save_chart(emotion_curve(journey, persona, scenario), target)
    return target
