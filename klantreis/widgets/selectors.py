"""Choose which journey (persona and scenario) a form shows."""

from __future__ import annotations

import ipywidgets as w

from ..errors import JourneyError
from ..model import Journey
from .checks import thing
from .record_list import named_items
from .texts import tr


class JourneySelector:
    """Persona and scenario dropdowns. ``persona.value``/``scenario.value`` are ids."""

    def __init__(self, journey: Journey, language: str, persona: str = "", scenario: str = ""):
        self.language = language
        style = {"description_width": "80px"}
        self.persona = w.Dropdown(description=tr("persona", language), style=style)
        self.scenario = w.Dropdown(description=tr("scenario", language), style=style)
        self.widget = w.HBox([self.persona, self.scenario])
        self.update(journey, persona, scenario)

    def update(self, journey: Journey, persona: str = "", scenario: str = "") -> None:
        """Refresh the choices from ``journey``, keeping (or setting) the selection.
        Refused with :class:`JourneyError` when a requested id does not exist."""
        for dropdown, table, wanted in (
            (self.persona, "personas", persona),
            (self.scenario, "scenarios", scenario),
        ):
            ids = journey.ids(table)
            if wanted and wanted not in ids:
                known = ", ".join(ids) or tr("nothing_yet", self.language)
                raise JourneyError(tr("unknown_item", self.language, thing=thing(table, self.language),
                                      id=wanted, known=known))
            keep = wanted or dropdown.value
            dropdown.options = named_items(journey, table)
            dropdown.value = keep if keep in ids else (ids[0] if ids else None)
