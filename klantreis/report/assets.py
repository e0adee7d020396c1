"""What every report page carries inline: the Vega JavaScript (once per page) and CSS."""

from __future__ import annotations

from functools import cache

REPORT_CSS = """
body.jp-Notebook { max-width: 1400px; margin: 0 auto; padding: 1rem 2rem; }
.kr-chart { margin: 0.5rem 0 1.5rem; }
.kr-figures { display: flex; gap: 1rem; flex-wrap: wrap; margin: 1rem 0; }
.kr-figure { border: 1px solid #ccc; border-radius: 6px; padding: 0.5rem 1rem; min-width: 9rem; }
.kr-figure b { display: block; font-size: 1.5rem; }
table.kr-table { border-collapse: collapse; margin: 0.5rem 0 1rem; }
table.kr-table th, table.kr-table td { border: 1px solid #ccc; padding: 4px 8px; vertical-align: top;
  text-align: left; }
@media print { .kr-chart { break-inside: avoid; } }
"""


@cache
def vega_javascript() -> str:
    """Vega, Vega-Lite and Vega-Embed as one offline script defining ``window.vegaEmbed``.

    Wrapped in a function so its top-level names cannot clash with anything else on the
    page. Built once per process by vl-convert (a few seconds), then cached.
    """
    import vl_convert

    bundle = vl_convert.javascript_bundle("window.vegaEmbed = vegaEmbed;")
    return "(function () {\n" + bundle.replace("</script", "<\\/script") + "\n})();"
