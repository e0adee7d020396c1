"""Charts as one image for a screen reader: named by a description of what they show
(Vega writes it as the SVG's ``aria-label``), their marks hidden from the reader (a
mark container without items would be an unnamed image; the points' values are in the
description and in the table beside the chart)."""

from __future__ import annotations

from typing import Any

import altair as alt


def title_text(chart: Any) -> str:
    """The chart's title and subtitle as one line of text ("" when it has none)."""
    title = chart.title
    if isinstance(title, str):
        return title
    if not isinstance(title, alt.TitleParams):
        return ""
    parts: list[Any] = []
    for value in (title.text, title.subtitle):
        if isinstance(value, str):
            parts.append(value)
        elif isinstance(value, list):
            parts.extend(value)
    return ". ".join(str(p) for p in parts if str(p).strip())


def described(chart: Any, description: str = "") -> Any:
    """``chart`` (an Altair top-level chart) as one named image: ``description`` (by
    default its title and subtitle) as its accessible name, no ARIA roles on its marks
    and guides; returns the chart."""
    chart.description = description or title_text(chart)
    config = chart.config if isinstance(chart.config, alt.Config) else alt.Config()
    config.aria = False
    config.mark = alt.MarkConfig(aria=False)
    chart.config = config
    return chart
