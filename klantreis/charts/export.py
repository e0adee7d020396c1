"""Saving charts: offline HTML (Vega JavaScript inlined), SVG and PNG via vl-convert,
and one HTML page holding several charts and canvases with the JavaScript once."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import altair as alt
from markupsafe import Markup, escape

from ._emoji_font import with_emoji_font
from ._locale import spec_locale

#: Font for charts rendered by vl-convert (SVG/PNG). With resvg's own font fallback
#: labels holding some smileys come out bold, and emoji after a ligature ("offline")
#: as empty boxes; so text is set in DejaVu Sans and every emoji gets its own
#: <tspan> in an emoji font (see :func:`emoji_spans`). Browsers fall back as usual.
RENDER_FONT = "DejaVu Sans, Verdana, Arial, sans-serif"
EMOJI_FONT = "Noto Color Emoji, Apple Color Emoji, Segoe UI Emoji, sans-serif"

_EMOJI = re.compile("[\U0001f000-\U0001faff\u2300-\u23ff\u2600-\u27bf\u2b00-\u2bff]+")
# Joiners, presentation selectors and skin tones: resvg panics on them inside a tspan.
_EMOJI_MODIFIERS = re.compile("[\u200d\ufe0e\ufe0f\U0001f3fb-\U0001f3ff]")
_TEXT_NODE = re.compile(r"(<(?:text|tspan)\b[^>]*>)([^<]+)")

#: Marks the one script element that carries Vega, Vega-Lite and vega-embed.
BUNDLE_ID = "klantreis-vega-bundle"

_EMBED_OPTIONS = {
    "renderer": "svg",
    "actions": {"export": True, "source": False, "compiled": False, "editor": False},
}


@runtime_checkable
class HtmlFragment(Protocol):
    """Anything with a self-contained HTML fragment, such as a canvas."""

    def html_fragment(self) -> str:
        """The object as an HTML fragment (no <html>/<body>)."""
        ...


ChartLike = alt.TopLevelMixin | dict[str, Any]


def chart_spec(chart: ChartLike) -> dict[str, Any]:
    """The Vega-Lite spec of a chart (a dict is returned as is)."""
    return chart if isinstance(chart, dict) else chart.to_dict()


def vl_version(spec: dict[str, Any]) -> str | None:
    """The Vega-Lite version (``"6.4"``) a spec was written for, if vl-convert knows it."""
    import vl_convert

    found = re.search(r"/v(\d+)\.(\d+)", str(spec.get("$schema", "")))
    version = f"{found.group(1)}.{found.group(2)}" if found else None
    return version if version in vl_convert.get_vegalite_versions() else None


def cache_dir() -> Path:
    """Where the JavaScript bundle is cached between runs: ``$KLANTREIS_CACHE_DIR``, else
    ``$XDG_CACHE_HOME/klantreis`` (``~/.cache/klantreis``)."""
    if os.environ.get("KLANTREIS_CACHE_DIR"):
        return Path(os.environ["KLANTREIS_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "klantreis"


@cache
def altair_vl_version() -> str | None:
    """The Vega-Lite version the installed Altair writes (see :func:`vl_version`)."""
    return vl_version({"$schema": alt.SCHEMA_URL})


def vega_bundle(version: str | None = None) -> str:
    """The JavaScript of Vega, Vega-Lite and vega-embed in one classic script (from
    vl-convert, no network), defining ``window.vegaEmbed``.

    Bundling takes vl-convert a few seconds, so the result is kept in memory and in
    :func:`cache_dir` (keyed by the vl-convert and Vega-Lite versions); a cache that
    cannot be read or written is simply skipped."""
    import vl_convert

    path = cache_dir() / f"vega-bundle-{getattr(vl_convert, '__version__', '')}-{version or 'default'}.js"
    try:
        code = path.read_text(encoding="utf-8")
        if "vegaEmbed" in code:
            return code
    except OSError:
        pass
    # the stub makes ``snippet`` required; it is optional (None: only the libraries)
    code = vl_convert.javascript_bundle(vl_version=version).replace("</script", "<\\/script")  # type: ignore[call-arg]
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(code, encoding="utf-8")
        partial.replace(path)
    except OSError:
        pass
    return code


def script_json(value: Any) -> str:
    """JSON that is safe inside an HTML <script> element (no ``</script>`` breakout)."""
    text = json.dumps(value, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def emoji_spans(svg: str) -> str:
    """Put every emoji of the SVG's texts in its own ``<tspan>`` with an emoji font, so
    resvg (PNG) and viewers draw them in colour without upsetting the other letters."""

    def fix(match: re.Match[str]) -> str:
        """One text node with its emoji wrapped."""
        tag, content = match.groups()
        if not _EMOJI.search(content):
            return match.group(0)
        content = _EMOJI_MODIFIERS.sub("", content)
        return tag + _EMOJI.sub(lambda m: f'<tspan font-family="{EMOJI_FONT}">{m.group(0)}</tspan>', content)

    return _TEXT_NODE.sub(fix, svg)


def render_options(spec: dict[str, Any]) -> dict[str, Any]:
    """The keyword arguments vl-convert renders ``spec`` with: its Vega-Lite version,
    the render font and the number format the spec carries (see
    :mod:`klantreis.charts._locale`)."""
    options: dict[str, Any] = {"vl_version": vl_version(spec), "config": {"font": RENDER_FONT}}
    locale = spec_locale(spec)
    if locale is not None:
        options["format_locale"] = locale
    return options


def chart_svg(chart: ChartLike) -> str:
    """The chart as an SVG document, rendered by vl-convert (no browser needed)."""
    import vl_convert

    spec = chart_spec(chart)
    return emoji_spans(vl_convert.vegalite_to_svg(spec, **render_options(spec)))


def chart_png(chart: ChartLike, scale: float = 2.0) -> bytes:
    """The chart as PNG bytes, rendered by vl-convert at ``scale`` x its pixel size."""
    import vl_convert

    spec = chart_spec(chart)
    try:
        return vl_convert.svg_to_png(chart_svg(spec), scale=scale)
    except Exception:  # resvg can panic on unusual text; render without the emoji fix
        return vl_convert.vegalite_to_png(spec, scale=scale, **render_options(spec))


def save_chart(chart: ChartLike | HtmlFragment, path: str | Path, *, scale: float = 2.0) -> Path:
    """Save a chart by the file's suffix and return the path.

    - ``.html``: one self-contained page that works offline: the Vega, Vega-Lite and
      vega-embed JavaScript is inlined (no CDN). A canvas is saved as its own page.
    - ``.svg`` / ``.png`` (``scale`` x the pixel size) / ``.pdf``: rendered by vl-convert.
    - ``.json``: the Vega-Lite spec.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if isinstance(chart, HtmlFragment) and not isinstance(chart, alt.TopLevelMixin | dict):
        if suffix != ".html":
            raise ValueError(f"a canvas can only be saved as .html, not {suffix or path.name!r}")
        path.write_text(chart.to_html(), encoding="utf-8")  # type: ignore[attr-defined]
        return path
    if suffix not in (".html", ".svg", ".png", ".pdf", ".json"):
        raise ValueError(
            f"cannot save a chart as {suffix or path.name!r}; use .html, .svg, .png, .pdf or .json"
        )
    spec = chart_spec(chart)  # convert (and validate) once
    if suffix == ".html":
        title = _title_of(spec) or path.stem
        path.write_text(charts_html_page(title, [spec], heading=False), encoding="utf-8")
    elif suffix == ".svg":
        path.write_text(chart_svg(spec), encoding="utf-8")
    elif suffix == ".png":
        path.write_bytes(chart_png(spec, scale))
    elif suffix == ".pdf":
        import vl_convert

        path.write_bytes(vl_convert.vegalite_to_pdf(spec, **render_options(spec)))
    else:
        path.write_text(json.dumps(spec, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def _title_of(spec: dict[str, Any]) -> str:
    title = spec.get("title")
    if isinstance(title, dict):
        title = title.get("text")
    if isinstance(title, list):
        title = " ".join(map(str, title))
    return str(title or "")


_PAGE_CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
       margin: 24px; color: #222; }
.klantreis-block { margin: 0 0 32px 0; break-inside: avoid; overflow-x: auto; }
.vega-embed .vega-actions { font-size: 12px; }
@media print { body { margin: 0; } .vega-embed details { display: none; } }
"""


#: vega-embed's menu button (a ``<summary>`` holding only an icon) gets a name that a
#: screen reader says.
_NAME_MENU = """const named = (chart) => {
  const menu = document.querySelector(chart + " summary");
  if (menu) { menu.setAttribute("aria-label", %s); }
};"""

_MENU_NAMES = {"nl": "Grafiek opslaan", "en": "Save the chart"}


def menu_name(language: str) -> str:
    """The accessible name of a chart's save menu in ``language`` (Dutch by default)."""
    return _MENU_NAMES.get(language, _MENU_NAMES["nl"])


def charts_html_page(
    title: str,
    charts: Sequence[ChartLike | HtmlFragment | Markup],
    *,
    extra_html: str | Markup = "",
    heading: bool = True,
    language: str = "nl",
    path: str | Path | None = None,
) -> str:
    """ONE self-contained, offline HTML page with several charts: the Vega JavaScript is
    embedded once per page, not once per chart. Meant for reports.

    ``charts`` may hold Altair charts (or Vega-Lite dicts), canvases (anything with
    ``html_fragment()``, see :func:`klantreis.charts.canvas`) and ``markupsafe.Markup``
    snippets, which are inserted as they are. ``extra_html`` (trusted HTML) goes right
    under the title; ``title`` is escaped. With ``path`` the page is also written there.
    Returns the HTML.
    """
    parts: list[str] = []
    specs: list[tuple[str, dict[str, Any]]] = []
    version: str | None = None
    page_css: set[str] = set()  # e.g. the canvas's @page rule (A3 landscape)
    for number, item in enumerate(charts, start=1):
        if isinstance(item, Markup):
            parts.append(str(item))
        elif isinstance(item, HtmlFragment) and not isinstance(item, alt.TopLevelMixin | dict):
            parts.append(item.html_fragment())
            page_css.add(getattr(item, "print_css", ""))
        else:
            spec = chart_spec(item)
            version = version or vl_version(spec)
            div = f"klantreis-chart-{number}"
            specs.append((div, spec))
            parts.append(f'<div class="klantreis-block"><div class="klantreis-chart" id="{div}"></div></div>')
    scripts = ""
    if specs:
        calls = "\n".join(
            f"vegaEmbed({script_json('#' + div)}, {script_json(spec)}, opts)"
            f".then(() => named({script_json('#' + div)})).catch(console.error);"
            for div, spec in specs
        )
        scripts = (
            f'<script id="{BUNDLE_ID}">{vega_bundle(version)}</script>\n'
            "<script>\n(function () {\n"
            f"const opts = {script_json(_EMBED_OPTIONS)};\n{_NAME_MENU % script_json(menu_name(language))}\n"
            f"{calls}\n"
            "})();\n</script>"
        )
    page = "\n".join(
        [
            "<!DOCTYPE html>",
            f'<html lang="{escape(language)}">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{escape(title)}</title>",
            f"<style>{_PAGE_CSS}{''.join(sorted(page_css))}</style>",
            "</head>",
            "<body>",
            f"<h1>{escape(title)}</h1>" if heading else "",
            str(extra_html),
            *parts,
            scripts,
            "</body>",
            "</html>",
        ]
    )
    page = with_emoji_font(page)
    if path is not None:
        Path(path).write_text(page, encoding="utf-8")
    return page
