"""Numbers in the journey's language for every Vega chart: one d3 format locale
(decimal comma and thousands point in Dutch, the English way in English), carried by
the spec itself (``usermeta.embedOptions.formatLocale``), so vega-embed (report pages,
``charts_html_page``, JupyterLab) and vl-convert (SVG, PNG, PDF, the poster) format
axes, tooltips and text labels alike."""

from __future__ import annotations

from typing import Any

#: d3-format locales by language (Dutch as in d3's nl-NL, English without a currency
#: of its own: klantreis's journeys count in euro).
FORMAT_LOCALES: dict[str, dict[str, Any]] = {
    "nl": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["€\u00a0", ""]},
    "en": {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["€", ""]},
}


def format_locale(language: str) -> dict[str, Any]:
    """The d3 format locale of ``language`` (Dutch when unknown)."""
    return FORMAT_LOCALES.get(language, FORMAT_LOCALES["nl"])


def localized(chart: Any, language: str) -> Any:
    """``chart`` (an Altair top-level chart) with the number format of ``language`` in
    its ``usermeta``; returns the chart."""
    meta = chart.usermeta if isinstance(chart.usermeta, dict) else {}
    options = {**meta.get("embedOptions", {}), "formatLocale": format_locale(language)}
    chart.usermeta = {**meta, "embedOptions": options}
    return chart


def spec_locale(spec: dict[str, Any]) -> dict[str, Any] | None:
    """The format locale a Vega-Lite spec carries (None: Vega's default, English)."""
    meta = spec.get("usermeta")
    options = meta.get("embedOptions") if isinstance(meta, dict) else None
    found = options.get("formatLocale") if isinstance(options, dict) else None
    return found if isinstance(found, dict) else None
