"""What every report page carries inline: the Vega JavaScript (once per page) and CSS."""

from __future__ import annotations

REPORT_CSS = """
body.jp-Notebook { margin: 0 auto; padding: 1rem 2rem; }
/* The canvas brings its own table style; JupyterLab's right-aligned cells must not win. */
.jp-RenderedHTMLCommon .klantreis-canvas table { margin: 0; max-width: none; }
.jp-RenderedHTMLCommon .klantreis-canvas th, .jp-RenderedHTMLCommon .klantreis-canvas td {
  text-align: left; padding: 4px 5px; }
.jp-RenderedHTMLCommon .klantreis-canvas thead th { color: #fff; }
.kr-chart { margin: 0.5rem 0 1.5rem; }
.kr-figures { display: flex; gap: 1rem; flex-wrap: wrap; margin: 1rem 0; }
.kr-figure { border: 1px solid #ccc; border-radius: 6px; padding: 0.5rem 1rem;
  min-width: 9rem; max-width: 24rem; }
.kr-figure b { display: block; font-size: 1.5rem; }
table.kr-table { border-collapse: collapse; margin: 0.5rem 0 1rem; max-width: 100%; }
/* a long compound breaks inside a cell rather than pushing the table past the page */
table.kr-table th, table.kr-table td { overflow-wrap: anywhere; }
table.kr-table th, table.kr-table td, .jp-RenderedHTMLCommon table.kr-table th,
.jp-RenderedHTMLCommon table.kr-table td { border: 1px solid #ccc; padding: 4px 8px; vertical-align: top;
  text-align: left; }
@media print { .kr-chart { break-inside: avoid; } }
"""


def vega_javascript() -> str:
    """The offline Vega/Vega-Lite/vega-embed script for report pages, for the Vega-Lite
    version Altair writes (built once by vl-convert, then cached; see
    :func:`klantreis.charts.export.vega_bundle`)."""
    from ..charts.export import altair_vl_version, vega_bundle

    return vega_bundle(altair_vl_version())
