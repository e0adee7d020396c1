"""Choose which journey (persona and scenario) a form shows."""

from __future__ import annotations

import ipywidgets as w

from ..model import Journey
from .record_list import named_items
from .texts import tr


class JourneySelector:
    """Persona and scenario dropdowns. ``persona.value``/``scenario.value`` are ids."""

    def __init__(self, journey: Journey, language: str, persona: str = "", scenario: str = ""):
        style = {"description_width": "80px"}
        self.persona = w.Dropdown(description=tr("persona", language), style=style)
        self.scenario = w.Dropdown(description=tr("scenario", language), style=style)
        self.widget = w.HBox([self.persona, self.scenario])
        self.update(journey, persona, scenario)

    def update(self, journey: Journey, persona: str = "", scenario: str = "") -> None:
        """Refresh the choices from ``journey``, keeping (or setting) the selection.
        Refused with :class:`~klantreis.errors.JourneyError` when a requested id does
        not exist."""
        for dropdown, table, wanted in (
            (self.persona, "personas", persona),
            (self.scenario, "scenarios", scenario),
        ):
            ids = journey.ids(table)
            if wanted:
                journey.require(table, wanted)
            keep = wanted or dropdown.value
            dropdown.options = named_items(journey, table)
            dropdown.value = keep if keep in ids else (ids[0] if ids else None)
