"""Reading a poster PDF back the way a user's viewer or printer would: page sizes,
text, embedded fonts and images, and pixels."""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from pypdf import PdfReader
from pypdf.generic import DictionaryObject

MM = 72 / 25.4


def reader(data: bytes) -> PdfReader:
    """The PDF ``data`` opened with pypdf."""
    assert data.startswith(b"%PDF-"), data[:20]
    return PdfReader(io.BytesIO(data))


def page_sizes_mm(pdf: PdfReader) -> list[tuple[float, float]]:
    """(width, height) of every page in millimetres."""
    return [(float(p.mediabox.width) / MM, float(p.mediabox.height) / MM) for p in pdf.pages]


def page_words(pdf: PdfReader, number: int) -> list[str]:
    """The words of one page's text (split at white space; ligatures such as "ﬂ"
    spelt out, soft hyphens left out)."""
    text = unicodedata.normalize("NFKC", pdf.pages[number].extract_text())
    return text.replace("\u00ad", "").split()


def all_words(pdf: PdfReader) -> list[str]:
    """The words of every page."""
    return [w for n in range(len(pdf.pages)) for w in page_words(pdf, n)]


def missing_words(text: str, words: list[str]) -> list[str]:
    """The words of ``text`` that are not whole words of ``words`` (a word set across
    two lines or hyphenated would be missing)."""
    present = {w.strip(".,;:()'\"") for w in words}
    return [w for w in text.split() if w.strip(".,;:()'\"") not in present]


def _resources(pdf: PdfReader) -> Iterator[DictionaryObject]:
    """Every resource dictionary: of the pages and of the forms they draw (nested)."""
    seen: set[int] = set()

    def walk(resources: Any) -> Iterator[DictionaryObject]:
        resources = resources.get_object() if resources is not None else None
        if not resources or id(resources) in seen:
            return
        seen.add(id(resources))
        yield resources
        for xobject in (resources.get("/XObject") or {}).values():
            xobject = xobject.get_object()
            if xobject.get("/Subtype") == "/Form":
                yield from walk(xobject.get("/Resources"))
        for pattern in (resources.get("/Pattern") or {}).values():
            yield from walk(pattern.get_object().get("/Resources"))

    for page in pdf.pages:
        yield from walk(page.get("/Resources"))


def fonts(pdf: PdfReader) -> dict[str, bool]:
    """Every font the PDF uses: its name -> whether its glyphs are embedded (a font
    file in its descriptor; Type 3 fonts carry their glyphs themselves)."""
    found: dict[str, bool] = {}
    for resources in _resources(pdf):
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            name = str(font.get("/BaseFont", font.get("/Name", "?")))
            if font.get("/Subtype") == "/Type3":
                found[name] = True
                continue
            if font.get("/Subtype") == "/Type0":
                font = font["/DescendantFonts"][0].get_object()
            descriptor = font.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            found[name] = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
    return found


def image_count(pdf: PdfReader) -> int:
    """How many images (XObjects) the PDF draws."""
    return sum(
        1
        for resources in _resources(pdf)
        for xobject in (resources.get("/XObject") or {}).values()
        if xobject.get_object().get("/Subtype") == "/Image"
    )


def emoji_pixels(data: bytes, page: int = 0, dpi: int = 50) -> int:
    """How many pixels of the page, as pdfium draws it, have the warm yellow of the
    smileys' faces (a colour the canvas itself never uses)."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    try:
        image = document[page].render(scale=dpi / 72).to_pil().convert("RGB")
    finally:
        document.close()
    pixels = image.tobytes()
    return sum(
        1
        for r, g, b in zip(pixels[0::3], pixels[1::3], pixels[2::3], strict=True)
        if r > 230 and 170 < g < 225 and b < 90
    )


def has_network_url(data: bytes) -> bool:
    """Whether the PDF refers to anything on the web."""
    return re.search(rb"https?://", data) is not None


def ink_box(data: bytes, page: int = 0, dpi: int = 18) -> tuple[float, float, float, float]:
    """Where anything is drawn on a page, as pdfium draws it: (left, top, right,
    bottom) in millimetres from the page's top left corner."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    try:
        image = document[page].render(scale=dpi / 72).to_pil().convert("L")
    finally:
        document.close()
    box = image.point(lambda v: 255 if v < 250 else 0).getbbox()
    assert box is not None, "the page is blank"
    per_mm = dpi / 25.4
    left, top, right, bottom = box
    return left / per_mm, top / per_mm, right / per_mm, bottom / per_mm


#: Height of DejaVu Sans's ascent plus descent, in em: a character's loose box is this
#: many times its drawn size.
_LINE_EM = 0.928 + 0.236


def _drawn_size(text: Any, index: int) -> float:
    """The size (points) a character is drawn at, transformations included (an SVG
    scaled into its cell draws 10-unit labels bigger than 10 pt)."""
    import ctypes

    import pypdfium2.raw as raw

    box = raw.FS_RECTF()
    if not raw.FPDFText_GetLooseCharBox(text.raw, index, ctypes.byref(box)):
        return float(raw.FPDFText_GetFontSize(text.raw, index))
    return abs(box.top - box.bottom) / _LINE_EM


def text_sizes(data: bytes, page: int = 0) -> list[tuple[str, float]]:
    """Every word of a page's text with its font size in points (as a viewer reads
    them: pdfium's text layer, split at spaces and at changes of size)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    document = pdfium.PdfDocument(data)
    words: list[tuple[str, float]] = []
    try:
        text = document[page].get_textpage()
        word, size = "", 0.0
        for index in range(text.count_chars()):
            char = chr(raw.FPDFText_GetUnicode(text.raw, index))
            char_size = round(_drawn_size(text, index), 1)
            if char.isspace() or (word and abs(char_size - size) > 0.2):
                if word:
                    words.append((word, size))
                word = "" if char.isspace() else char
                size = char_size
                continue
            word, size = word + char, char_size
        if word:
            words.append((word, size))
    finally:
        document.close()
    clean = [(w.replace("\u00ad", "").replace("\ufffe", ""), s) for w, s in words]
    return [(w, s) for w, s in clean if w.strip("\x02")]


def layout_boxes(box: Any) -> Iterator[Any]:
    """``box`` of a WeasyPrint layout and every box inside it, depth first."""
    yield box
    for child in getattr(box, "children", None) or []:
        yield from layout_boxes(child)


def table_cells(document: Any) -> Iterator[Any]:
    """Every cell box of a rendered WeasyPrint ``document``, page by page: a table's
    cells, and the parts of a poster's grid (see ``klantreis.poster.grid``)."""
    from weasyprint.formatting_structure import boxes

    for page in document.pages:
        for box in layout_boxes(page._page_box):
            if isinstance(box, boxes.TableCellBox):
                yield box
            element = getattr(box, "element", None)
            if element is not None and "kr-grid" in (element.get("class") or "").split():
                yield from box.children


def text_tops_mm(data: bytes, texts: list[str]) -> dict[str, tuple[int, float]]:
    """Where each of ``texts`` first appears: (page, its top in millimetres from the
    page's top edge), as pdfium finds it in the text layer; missing texts left out."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    found: dict[str, tuple[int, float]] = {}
    try:
        for number in range(len(document)):
            page = document[number]
            height = page.get_height()
            textpage = page.get_textpage()
            for text in texts:
                if text in found:
                    continue
                hit = textpage.search(text, match_case=True).get_next()
                if hit is not None:
                    _, top = textpage.get_charbox(hit[0])[1::2]
                    found[text] = (number, (height - top) / MM)
    finally:
        document.close()
    return found
