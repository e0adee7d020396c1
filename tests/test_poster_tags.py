"""Posters and blank canvases are tagged PDFs (a structure tree a screen reader reads:
headings, tables with header cells, the curve as a figure with alternative text) with
the document's title shown as its name and the project's language, on every sheet of
a poster that takes several; checked with pypdf and, where it is installed, with
poppler's ``pdfinfo`` (Debian's poppler-utils, see scripts/system-packages.sh)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from pdf_helpers import reader
from test_poster import gym_journey

import klantreis
from klantreis.poster import blank_pdf, poster_pdf


def structure(data: bytes) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The PDF's catalog, and every element of its structure tree (depth first)."""
    pdf = reader(data)
    root = pdf.trailer["/Root"]
    elements: list[dict[str, Any]] = []
    todo = [root["/StructTreeRoot"]]
    while todo:
        node = todo.pop().get_object()
        if not hasattr(node, "get"):
            continue
        elements.append(node)
        kids = node.get("/K")
        if kids is None:
            continue
        kids = kids.get_object()
        todo.extend(reversed(kids) if isinstance(kids, list) else [kids])
    return root, elements


def pdfinfo(data: bytes, folder: Path) -> dict[str, str]:
    """What poppler's ``pdfinfo`` says about the PDF (empty without poppler-utils)."""
    if shutil.which("pdfinfo") is None:
        return {}
    path = folder / "poster.pdf"
    path.write_bytes(data)
    text = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in text.splitlines())}


def test_poster_is_tagged_with_title_language_and_curve_text(tmp_path: Path) -> None:
    journey = gym_journey()
    journey.update_persona("anna", name="Anna <b>& co</b>")
    data = poster_pdf(journey, "anna", "huidig", "A3")
    root, elements = structure(data)
    assert bool(root["/MarkInfo"]["/Marked"])
    assert root["/Lang"] == "nl"
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    assert reader(data).metadata.title == "Fietsenwinkel De Spaak – Anna <b>& co</b> – Huidige situatie"
    tags = [str(e.get("/S")) for e in elements]
    for tag in ("/Document", "/H2", "/Table", "/TH", "/TD", "/Figure"):
        assert tag in tags, tag
    figures = [e for e in elements if e.get("/S") == "/Figure"]
    # the curve in words: its lowest and highest points and the last one
    assert [str(f.get("/Alt")) for f in figures] == [
        "Emotiecurve van Anna <b>& co</b> – Huidige situatie: 4 touchpoints met een emotie; laagste punt "
        "'Winkelbezoek met proefrit' (boos), hoogste 'Eerste rit naar kantoor' (blij), "
        "laatste 'Eerste rit naar kantoor' (blij)."
    ]
    info = pdfinfo(data, tmp_path)
    if info:
        assert info["Tagged"] == "yes"
        assert info["Title"].startswith("Fietsenwinkel De Spaak")


def test_every_sheet_of_a_long_poster_is_tagged() -> None:
    journey = gym_journey()
    for number in range(24):
        journey.add_touchpoint(f"extra-{number}", "anna", "gebruik", f"Rit nummer {number + 1}", emotion=3)
    data = poster_pdf(journey, "anna", "huidig", "A3")
    assert len(reader(data).pages) > 1
    _, elements = structure(data)
    tables = [e for e in elements if e.get("/S") == "/Table"]
    figures = [e for e in elements if e.get("/S") == "/Figure"]
    assert len(tables) == len(reader(data).pages)
    # every sheet's curve (and the axis repeated on a continued sheet) has its text
    assert figures and all(str(f.get("/Alt")).startswith("Emotiecurve van Anna") for f in figures)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_blank_canvas_is_tagged_with_title_and_language(tmp_path: Path, language: str) -> None:
    data = blank_pdf(klantreis.new_journey("flanders", language=language))
    root, elements = structure(data)
    assert bool(root["/MarkInfo"]["/Marked"])
    assert root["/Lang"] == language
    assert reader(data).metadata.title
    assert "/Table" in [str(e.get("/S")) for e in elements]
    info = pdfinfo(data, tmp_path)
    if info:
        assert info["Tagged"] == "yes"
