"""HTML to PDF with WeasyPrint (CSS paged media), offline."""

from __future__ import annotations

from typing import Any

#: The poster's fonts: DejaVu Sans for text, Noto Color Emoji for the smileys (its
#: bitmaps are embedded as images, so they print in colour); both are Debian packages
#: that ``.ci/run`` installs. The emoji font is not in the text's own list, or Pango
#: would take the digits from it too: emoji in a text find it through fontconfig.
FONT_FAMILY = '"DejaVu Sans", sans-serif'
EMOJI_FAMILY = '"Noto Color Emoji", "DejaVu Sans", sans-serif'


def render(html: str) -> Any:
    """Lay out ``html`` as pages (a ``weasyprint.Document``). Nothing is fetched: only
    ``data:`` URLs would be read, never the network or other files."""
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    fetcher = URLFetcher(allowed_protocols={"data"}, timeout=1)
    return HTML(string=html, base_url=None, url_fetcher=fetcher).render()


def pdf_bytes(document: Any) -> bytes:
    """The PDF of a rendered document, fonts embedded (subsets)."""
    return document.write_pdf(pdf_tags=True)
