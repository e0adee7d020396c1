"""The observed paths in step 8 (bewijs): when the project has an event log for the
chosen journey, the same figures as the report's section "Wat klanten echt doen" (the
reach per touchpoint, the steps taken, the four classes, the most frequent paths and
the findings; see :mod:`klantreis.paths.report`), drawn with JupyterLab's own Vega-Lite
viewer. Nothing shows without such a log."""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from ..model import Journey
from .bewijs_tables import TABLE_STYLE
from .curve import NO_PICTURE, import_charts


class PathsPanel:
    """An output area (``output``) holding the section's parts in order: HTML (text/html)
    and charts (Vega-Lite specs); ``specs`` and ``html`` read them back."""

    def __init__(self) -> None:
        self.output = w.Output()
        self.widget = w.VBox([self.output])

    def draw(self, journey: Journey, personas: list[str], scenario: str | None, language: str) -> None:
        """Show the paths of each of ``personas`` in ``scenario`` that an event log has."""
        from ..paths.report import section_parts
        from ..paths.stored import path_sources

        scenario = scenario or journey.default_scenario
        wanted = [p for p in personas if scenario and path_sources(journey, p, scenario)]
        if not wanted:
            self.output.outputs = ()
            return
        charts = import_charts()
        outputs: list[dict[str, Any]] = [_html(TABLE_STYLE)]
        for persona in wanted:
            for part in section_parts(journey, persona, scenario, language, heading="h4"):
                if isinstance(part, str):
                    outputs.append(_html(part))
                    continue
                spec = part.to_dict(validate=False)
                data = {**charts.notebook_bundle(spec), "image/png": NO_PICTURE}
                outputs.append({"output_type": "display_data", "data": data, "metadata": {}})
        self.output.outputs = tuple(outputs)

    @property
    def specs(self) -> list[dict[str, Any]]:
        """The Vega-Lite specs shown, in order."""
        from ..charts.notebook import VEGALITE_MIME

        return [o["data"][VEGALITE_MIME] for o in self.output.outputs if VEGALITE_MIME in o["data"]]

    @property
    def html(self) -> str:
        """The HTML shown (text and tables), as one string."""
        return "\n".join(o["data"]["text/html"] for o in self.output.outputs if "text/html" in o["data"])


def _html(text: str) -> dict[str, Any]:
    return {"output_type": "display_data", "data": {"text/html": text, "text/plain": ""}, "metadata": {}}
