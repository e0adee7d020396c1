"""Charts in JupyterLab without internet: Altair's default renderer loads Vega from a
CDN, so klantreis hands the spec to JupyterLab's own, bundled Vega-Lite viewer."""

from __future__ import annotations

from typing import Any

import altair as alt

#: The Vega-Lite mimetype JupyterLab 4 renders itself (it has no viewer for v6 yet).
VEGALITE_MIME = "application/vnd.vegalite.v5+json"
VEGALITE_V5_SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"
RENDERER = "klantreis"


def notebook_bundle(spec: dict[str, Any], text: str = "") -> dict[str, Any]:
    """A display mimebundle that JupyterLab draws offline with its bundled Vega-Lite.

    The spec keeps its content; only ``$schema`` names v5, the version JupyterLab's
    viewer accepts (the charts use nothing its Vega-Lite cannot draw), and the viewer
    shows no save menu: its button is an icon without a name for screen readers (charts
    are saved with :func:`klantreis.charts.save_chart` and the reports)."""
    title = spec.get("title")
    label = text or (title.get("text") if isinstance(title, dict) else title) or "chart"
    found = spec.get("usermeta")
    meta: dict[str, Any] = found if isinstance(found, dict) else {}
    options = {**meta.get("embedOptions", {}), "actions": False}
    shown = {**spec, "$schema": VEGALITE_V5_SCHEMA, "usermeta": {**meta, "embedOptions": options}}
    return {VEGALITE_MIME: shown, "text/plain": f"<{label}>"}


def _render(spec: dict[str, Any], **_: Any) -> dict[str, Any]:
    return notebook_bundle(spec)


def enable_offline_renderer() -> None:
    """Make Altair show charts through :func:`notebook_bundle` (called when
    :mod:`klantreis.charts` is imported; ``alt.renderers.enable("default")`` undoes it)."""
    if RENDERER not in alt.renderers.names():
        alt.renderers.register(RENDERER, _render)
    alt.renderers.enable(RENDERER)
