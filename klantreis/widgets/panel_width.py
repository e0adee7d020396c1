"""How wide the curve's panel is in the browser, so the curve is drawn to fit it.

The emotion curve places its labels in pixels (see :mod:`klantreis.charts`), so it is
drawn for one width; a fixed width ran past a notebook panel narrowed by the file
browser. :class:`PanelWidth` (anywidget, its JavaScript ships in the package) reports
the panel's width from the browser, again after every resize; the curve redraws at
that width.
"""

from __future__ import annotations

from pathlib import Path

import anywidget
import traitlets

HERE = Path(__file__).parent


class PanelWidth(anywidget.AnyWidget):
    """``width``: the panel's width in px as the browser last reported it (0: not yet)."""

    _esm = HERE / "panel_width.js"
    width = traitlets.Int(0).tag(sync=True)
