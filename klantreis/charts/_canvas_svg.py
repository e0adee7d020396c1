"""The canvas's emotion curve as inline SVG, cut to the columns of one page."""

from __future__ import annotations

import itertools
import re

from markupsafe import escape

_ids = itertools.count(1)


def inline_svg(svg: str, prefix: str | None = None, label: str = "", *, hidden: bool = False) -> str:
    """Make a vl-convert SVG fit its container (width 100 %) and give its ids a unique
    prefix, so several inline SVGs can share one page. ``label`` names the picture:
    as its ``<title>`` (a tagged PDF's alternative text) and, unless ``hidden``, as an
    image's name for screen readers; ``hidden`` (or no label) hides it from them (a
    repeated axis: the named part says what the picture shows)."""
    prefix = prefix or f"kr{next(_ids)}"
    svg = re.sub(r"<\?xml[^>]*>\s*", "", svg)
    svg = re.sub(r'(<svg\b[^>]*?)\swidth="[^"]*"', r"\1", svg, count=1)
    svg = re.sub(r'(<svg\b[^>]*?)\sheight="[^"]*"', r"\1", svg, count=1)
    svg = re.sub(r'\bid="([^"]+)"', lambda m: f'id="{prefix}-{m.group(1)}"', svg)
    svg = re.sub(r"url\(#([^)]+)\)", lambda m: f"url(#{prefix}-{m.group(1)})", svg)
    svg = re.sub(r'href="#([^"]+)"', lambda m: f'href="#{prefix}-{m.group(1)}"', svg)
    named = label and not hidden
    role = f'role="img" aria-label="{escape(label)}"' if named else 'aria-hidden="true"'
    svg = svg.replace("<svg", f'<svg {role} preserveAspectRatio="xMinYMin meet"', 1)
    if label:
        svg = re.sub(r"(<svg\b[^>]*>)", lambda m: f"{m.group(1)}<title>{escape(label)}</title>", svg, count=1)
    return svg


def crop_svg(svg: str, x: float, width: float) -> str:
    """The SVG showing only ``width`` user units from ``x`` (its full height)."""
    found = re.search(r'<svg\b[^>]*?\sviewBox="([^"]*)"', svg)
    if not found:  # pragma: no cover - vl-convert always writes a viewBox
        return svg
    height = found.group(1).split()[3]
    start, end = found.span(1)
    return f"{svg[:start]}{x:g} 0 {width:g} {height}{svg[end:]}"


def curve_cells(svg: str, start: int, stop: int, lane: float, step: float, label: str) -> str:
    """The table cells of the curve row for the columns ``start`` to ``stop`` (not
    included): ``svg`` was drawn with its y axis in a ``lane``-wide left margin and
    ``step`` units per column. From the first column on, one cell holds axis and
    curve; further on, the axis goes under the lane names and the curve's part for
    these columns beside it, so a continued page still reads on its own. ``label``
    names the curve for screen readers (the repeated axis is hidden from them)."""
    count = stop - start
    if start == 0:
        return (
            f'<td colspan="{count + 1}">{inline_svg(crop_svg(svg, 0, lane + count * step), label=label)}</td>'
        )
    axis = inline_svg(crop_svg(svg, 0, lane), label=label, hidden=True)
    part = inline_svg(crop_svg(svg, lane + start * step, count * step), label=label)
    return f'<td>{axis}</td><td colspan="{count}">{part}</td>'
