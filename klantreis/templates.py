"""Canvas templates (``templates/*.yaml``): phases, lanes, scale, review questions and
guidance of each method, in Dutch and English; and new journeys made from them."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from .errors import JourneyError
from .messages import Catalog
from .model import Journey
from .resources import data_dir
from .scale import Scale, ScalePoint

TEXTS = Catalog("templates", {
    "unknown": ("onbekend sjabloon {id!r}; bekend: {known}", "unknown template {id!r}; known: {known}"),
})  # fmt: skip

STEPS = ("doel", "persona", "scope", "fasen", "touchpoints", "emoties", "review")
LANES = (
    "user_goal",
    "touchpoints",
    "interaction",
    "emotion",
    "backstage",
    "thoughts",
    "ideas",
    "data",
    "opportunities",
)


def text(value: Any, language: str) -> str:
    """The ``language`` version of a bilingual ``{nl: .., en: ..}`` text (or a plain str)."""
    if isinstance(value, dict):
        return str(value.get(language) or value.get("nl") or value.get("en") or "")
    return "" if value is None else str(value)


@dataclass(frozen=True)
class Template:
    """A canvas template as read from its YAML file."""

    id: str
    data: dict[str, Any]

    def name(self, language: str = "nl") -> str:
        """The template's name."""
        return text(self.data.get("name"), language)

    def description(self, language: str = "nl") -> str:
        """A one-line description of the template."""
        return text(self.data.get("description"), language)

    def phases(self, language: str = "nl") -> list[dict[str, str]]:
        """The template's phases as project-file records."""
        return [
            {
                "id": str(p["id"]),
                "name": text(p.get("name"), language),
                "duration": text(p.get("duration"), language),
                "user_goal": text(p.get("user_goal"), language),
                "description": text(p.get("description"), language),
            }
            for p in self.data.get("phases", [])
        ]

    def lanes(self, language: str = "nl") -> list[dict[str, str]]:
        """Canvas rows, top to bottom: ``{id, name, hint}``."""
        return [
            {
                "id": str(lane["id"]),
                "name": text(lane.get("name"), language),
                "hint": text(lane.get("hint"), language),
            }
            for lane in self.data.get("lanes", [])
        ]

    def scale(self, language: str = "nl") -> list[ScalePoint]:
        """The emotion scale, lowest score first."""
        return [
            ScalePoint(int(p["score"]), text(p.get("label"), language), str(p.get("emoji", "")))
            for p in self.data.get("scale", [])
        ]

    def scenarios(self, language: str = "nl") -> list[dict[str, str]]:
        """The scenarios a new project starts with."""
        return [
            {"id": str(s["id"]), "name": text(s.get("name"), language)}
            for s in self.data.get("scenarios", [])
        ]

    def review_questions(self, language: str = "nl") -> list[tuple[str, str]]:
        """``(id, question)`` pairs for the review step."""
        return [
            (str(q["id"]), text(q.get("text"), language))
            for q in self.data.get("review_questions", [])
        ]

    def guidance(self, step: str, language: str = "nl") -> str:
        """The explanation and tips for one workbook step (see :data:`STEPS`)."""
        return text((self.data.get("guidance") or {}).get(step), language)

    def channels(self, language: str = "nl") -> list[str]:
        """Suggested channels for the touchpoints form."""
        return [text(c, language) for c in self.data.get("channels", [])]


@cache
def _load_all(folder: Path) -> dict[str, Template]:
    found: dict[str, Template] = {}
    for path in sorted(folder.glob("*.yaml"), key=lambda p: p.stem):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        found[path.stem] = Template(path.stem, data)
    return found


def list_templates() -> list[Template]:
    """Every bundled template, sorted by id."""
    return list(_load_all(data_dir("templates")).values())


def get_template(template_id: str) -> Template:
    """The template with this id; a clear error names the known ones."""
    templates = _load_all(data_dir("templates"))
    if template_id not in templates:
        raise JourneyError(TEXTS.msg("unknown", id=template_id, known=", ".join(templates)))
    return templates[template_id]


def template_scale(template_id: str, language: str) -> Scale:
    """The emotion scale of a template (for a project file that names a template but
    has no scale of its own); unknown templates are refused naming the known ones."""
    return Scale(get_template(template_id).scale(language))


def new_journey(template_id: str, title: str = "", language: str = "nl") -> Journey:
    """A new, valid journey with the template's phases, scenarios, scale and review questions."""
    template = get_template(template_id)
    journey = Journey(
        title=title or template.name(language),
        language=language,
        template=template_id,
        scale=template.scale(language),
        phases=template.phases(language),
        scenarios=template.scenarios(language),
        review={"answers": {qid: "" for qid, _ in template.review_questions(language)}},
    )
    return journey
