"""Convert an executed report notebook to one self-contained HTML page (nbconvert,
in-process): no CDN, code hidden unless asked, the Vega JavaScript inlined once."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import nbformat

from ..charts._emoji_font import with_emoji_font
from .assets import REPORT_CSS, vega_javascript

TEMPLATE_DIR = Path(__file__).parent / "nbtemplate"


@cache
def _exporter(with_code: bool, language: str) -> Any:  # nbconvert's HTMLExporter (untyped)
    from nbconvert import HTMLExporter

    return HTMLExporter(
        language_code=language,
        template_name="klantreis",
        extra_template_basedirs=[str(TEMPLATE_DIR)],
        exclude_input=not with_code,
        exclude_input_prompt=not with_code,
        exclude_output_prompt=True,
        embed_images=True,
    )


def notebook_to_html(
    notebook: str | Path,
    html: str | Path,
    *,
    with_code: bool = False,
    title: str = "",
    language: str = "nl",
) -> Path:
    """Write ``html`` from the executed ``notebook``; returns the HTML path."""
    node = nbformat.read(str(notebook), as_version=4)
    if title:
        node.metadata["title"] = title
    resources = {
        "klantreis_css": REPORT_CSS,
        "klantreis_vega_js": vega_javascript(),
        "metadata": {"name": Path(notebook).stem},
    }
    body, _ = _exporter(with_code, language).from_notebook_node(node, resources=resources)
    body = with_emoji_font(body)  # the page's emoji in colour for every reader
    html = Path(html)
    html.write_text(body, encoding="utf-8")
    return html
