"""Emoji that look the same for every reader, offline: a page carries the colour emoji
it shows as a small web font (a subset of Noto Color Emoji, made with fontTools),
listed first in the page's fonts with a ``unicode-range`` of exactly those emoji, so
no other font on the reader's machine (a black-and-white one that happens to have
😐 or 😞, as DejaVu Sans does on Linux) draws them.

The glyphs come from the system's Noto Color Emoji (Debian's fonts-noto-color-emoji)
when it is there, otherwise from the faces and symbols klantreis ships
(``fonts/klantreis-emoji.woff2``, made by ``scripts/make_emoji_font.py``; SIL Open
Font License, see ``fonts/OFL.txt``). An emoji neither has is left to the reader's
fonts."""

from __future__ import annotations

import base64
import io
import re
import shutil
import subprocess
from functools import cache, lru_cache
from pathlib import Path

FAMILY = "Klantreis Emoji"
#: The font vl-convert draws chart text in (the canvas's curve; see export.RENDER_FONT).
RENDER_FONT = "'DejaVu Sans', Verdana, Arial, sans-serif"
BUNDLED = Path(__file__).parent / "fonts" / "klantreis-emoji.woff2"
SYSTEM_FONTS = (
    Path("/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf"),
    Path("/usr/share/fonts/noto/NotoColorEmoji.ttf"),
    Path("/usr/local/share/fonts/NotoColorEmoji.ttf"),
)

#: Characters shown as emoji by default (Unicode's Emoji_Presentation) below U+1F000;
#: above it nearly every emoji is.
_BMP_EMOJI = (
    "\u231a\u231b\u23e9-\u23ec\u23f0\u23f3\u25fd\u25fe\u2614\u2615\u2648-\u2653\u267f\u2693\u26a1"
    "\u26aa\u26ab\u26bd\u26be\u26c4\u26c5\u26ce\u26d4\u26ea\u26f2\u26f3\u26f5\u26fa\u26fd\u2705"
    "\u270a\u270b\u2728\u274c\u274e\u2753-\u2755\u2757\u2795-\u2797\u27b0\u27bf\u2b1b\u2b1c\u2b50\u2b55"
)
#: Emoji, with what joins or modifies them: the ZWJ, variation selector 16, keycap,
#: tags, skin tones and flags' regional indicators.
_EMOJI = re.compile(
    f"[{_BMP_EMOJI}\U0001f000-\U0001faff\U000e0020-\U000e007f]"
    "|[\u00a9\u00ae\u203c\u2049\u2122-\u2b55]\ufe0f"  # a text symbol asked to be an emoji
)
_JOINERS = "\u200d\ufe0f\u20e3"
_HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)

#: The page fonts the emoji font goes in front of (JupyterLab's, the canvas's and the
#: charts' own).
TEXT_FONTS = "system-ui, -apple-system, blinkmacsystemfont, 'Segoe UI', helvetica, arial, sans-serif"


def page_emoji(text: str) -> str:
    """The distinct emoji characters (and their joiners) in ``text``, sorted."""
    found: set[str] = set()
    for match in _EMOJI.finditer(text):
        found.update(match.group(0))
    if found:
        found.update(c for c in _JOINERS if c in text)
    return "".join(sorted(found))


def _system_font() -> Path | None:
    for path in SYSTEM_FONTS:
        if path.is_file():
            return path
    fc_match = shutil.which("fc-match")
    if fc_match:
        try:
            found = subprocess.run([fc_match, "--format=%{file}", "Noto Color Emoji"], capture_output=True,
                                   text=True, timeout=10, check=False).stdout.strip()  # fmt: skip
        except (OSError, subprocess.SubprocessError):
            return None
        if found.lower().endswith((".ttf", ".otf")) and "coloremoji" in found.lower().replace(" ", ""):
            return Path(found)
    return None


@cache
def source_font() -> Path | None:
    """The font the emoji are taken from: the system's Noto Color Emoji, else the
    bundled subset (None when neither can be read)."""
    return _system_font() or (BUNDLED if BUNDLED.is_file() else None)


def subset_font(chars: str, source: Path | None = None) -> tuple[bytes, str, str]:
    """The glyphs of ``chars`` from ``source`` (default :func:`source_font`) as a web
    font: ``(data, format, unicode-range)``; WOFF2 when Brotli is installed, else
    TrueType. Empty data when the font has none of them."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    source = source or source_font()
    if source is None or not chars:
        return b"", "", ""
    with TTFont(source, lazy=False) as font:
        cmap = font.getBestCmap()
        have = [c for c in chars if ord(c) in cmap]
        if not any(c not in _JOINERS for c in have):
            return b"", "", ""
        options = subset.Options()
        options.layout_features = ["*"]  # keep the ligatures of ZWJ sequences and flags
        options.name_IDs = ["*"]
        options.notdef_outline = False
        subsetter = subset.Subsetter(options)
        subsetter.populate(text="".join(have))
        subsetter.subset(font)
        try:
            import brotli  # type: ignore[import-untyped]  # noqa: F401  # WOFF2 needs it

            font.flavor, kind = "woff2", "woff2"
        except ImportError:
            font.flavor, kind = None, "truetype"
        out = io.BytesIO()
        font.save(out)
    ranges = ", ".join(f"U+{ord(c):X}" for c in have)
    return out.getvalue(), kind, ranges


@lru_cache(maxsize=64)
def font_face_css(chars: str) -> str:
    """An ``@font-face`` rule for the emoji ``chars`` (``""`` when there are none or no
    font has them)."""
    data, kind, ranges = subset_font(chars)
    if not data:
        return ""
    url = f"data:font/{'woff2' if kind == 'woff2' else 'ttf'};base64,{base64.b64encode(data).decode()}"
    return (f'@font-face {{ font-family: "{FAMILY}"; src: url({url}) format("{kind}"); '
            f"unicode-range: {ranges}; font-display: block; }}\n")  # fmt: skip


def emoji_css(text: str) -> str:
    """The CSS a page with ``text`` needs to show its emoji in colour everywhere: the
    font, first in the fonts of the page (JupyterLab's), the canvas, the grouped views
    and every chart's SVG text (Vega's and vl-convert's)."""
    face = font_face_css(page_emoji(text))
    if not face:
        return ""
    family = f'"{FAMILY}", {TEXT_FONTS}'
    return (
        f"{face}html:root {{ --jp-content-font-family: {family}; --jp-ui-font-family: {family}; }}\n"
        f"html body, html .klantreis-canvas, html .kr-grouped {{ font-family: {family}; }}\n"
        # Vega measures its texts in its own font (sans-serif): only the emoji change
        f'.vega-embed svg text {{ font-family: "{FAMILY}", sans-serif; }}\n'
        f".klantreis-canvas svg text, .klantreis-canvas svg tspan "
        f'{{ font-family: "{FAMILY}", {RENDER_FONT}; }}\n'
    )


def with_emoji_font(html: str) -> str:
    """``html`` (a whole page) with :func:`emoji_css` in a ``<style>`` at the start of
    its head (unchanged when the page shows no emoji). The start, because the Vega
    bundle in a head holds the text "</head>" itself."""
    css = emoji_css(_visible_text(html))
    head = _HEAD.search(html)
    if not css or head is None:
        return html
    at = head.end()
    return f'{html[:at]}\n<style id="klantreis-emoji-font">\n{css}</style>{html[at:]}'


def _visible_text(html: str) -> str:
    """``html`` without the Vega bundle script (a megabyte with no emoji to show)."""
    return re.sub(r'<script[^>]*id="klantreis-vega-bundle"[^>]*>.*?</script>', "", html, flags=re.S)
