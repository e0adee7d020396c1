"""HTML to PDF with WeasyPrint (CSS paged media), offline; and writing the PDF whole
or not at all."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

#: The poster's fonts: DejaVu Sans for text, Noto Color Emoji for the smileys (its
#: bitmaps are embedded as images, so they print in colour). Both are Debian packages
#: that ``.ci/run`` installs (fonts-dejavu-core, fonts-noto-color-emoji).
#: The emoji font is not in the text's font list: Pango would take the digits from it
#: too; emoji in text find it through fontconfig's fallback.
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
    return document.write_pdf()


def write_bytes_atomic(path: Path, data: bytes) -> Path:
    """Replace ``path`` with ``data`` via a temporary file in the same folder: on any
    error the old file stays as it was and the temporary file is removed."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~mask)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
