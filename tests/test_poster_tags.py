"""Posters and blank canvases are tagged PDFs (a structure tree a screen reader reads:
headings, the lane names, then phase by phase the phase's heading and its cells, the
curve as a figure with alternative text) with the document's title shown as its name
and the project's language, on every sheet of a poster that takes several; checked
with pypdf and, where it is installed, with poppler's ``pdfinfo`` (Debian's
poppler-utils, see scripts/system-packages.sh)."""

from __future__ import annotations

import re
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


def reading_order(data: bytes) -> list[str]:
    """The texts of the PDF in the order of its structure tree (what a screen reader
    reads): each marked-content run's text, found by its MCID in its page's content."""
    pdf = reader(data)
    pages = {page.indirect_reference.idnum: number for number, page in enumerate(pdf.pages)}
    runs: list[dict[int, str]] = []
    for page in pdf.pages:
        found: dict[int, str] = {}
        stack: list[Any] = []

        def before(op: bytes, args: Any, cm: Any, tm: Any, stack: list[Any] = stack) -> None:
            if op == b"BDC":
                props = args[1] if len(args) > 1 else None
                stack.append(props.get("/MCID") if hasattr(props, "get") else None)
            elif op == b"BMC":
                stack.append(None)
            elif op == b"EMC" and stack:
                stack.pop()

        def text(value: str, *_: Any, stack: list[Any] = stack, found: dict[int, str] = found) -> None:
            ids = [m for m in stack if m is not None]
            if ids and value:
                found[ids[-1]] = found.get(ids[-1], "") + value

        page.extract_text(visitor_operand_before=before, visitor_text=text)
        runs.append(found)
    out: list[str] = []

    def walk(node: Any, page: int) -> None:
        node = node.get_object()
        if isinstance(node, int):
            out.append(runs[page].get(node, ""))
            return
        if not hasattr(node, "get"):
            return
        if "/Pg" in node:
            page = pages[node.raw_get("/Pg").idnum]
        if node.get("/Type") == "/MCR":
            out.append(runs[page].get(int(node["/MCID"]), ""))
            return
        kids = node.get("/K")
        if kids is not None:
            kids = kids.get_object()
            for kid in kids if isinstance(kids, list) else [kids]:
                walk(kid, page)

    walk(pdf.trailer["/Root"]["/StructTreeRoot"], 0)
    return [" ".join(t.split()) for t in out if t.strip()]


def first(order: list[str], text: str) -> int:
    """Where ``text`` is first read (the index of the run holding it)."""
    return next(i for i, run in enumerate(order) if text in run)


def word_left_mm(data: bytes, folder: Path) -> dict[str, float]:
    """Each word's left edge on the first page (mm), as poppler's ``pdftotext -bbox``
    finds it (its first place)."""
    path = folder / "words.pdf"
    path.write_bytes(data)
    html = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", str(path), "-"],
                          capture_output=True, text=True, check=True).stdout  # fmt: skip
    out: dict[str, float] = {}
    for x, word in re.findall(r'<word xMin="([\d.]+)"[^>]*>([^<]*)</word>', html):
        out.setdefault(word, float(x) * 25.4 / 72)
    return out


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
    for tag in ("/Document", "/H2", "/H3", "/Figure"):
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
    figures = [e for e in elements if e.get("/S") == "/Figure"]
    # every sheet has its phase headings
    heads = {e.raw_get("/Pg").idnum for e in elements if e.get("/S") == "/H3"}
    assert heads == {page.indirect_reference.idnum for page in reader(data).pages}
    # every sheet's curve (and the axis repeated on a continued sheet) has its text
    assert figures and all(str(f.get("/Alt")).startswith("Emotiecurve van Anna") for f in figures)


def test_poster_reads_phase_by_phase(tmp_path: Path) -> None:
    """The lane names, then per phase its heading and its cells (the phase's goal, then
    each touchpoint's lanes top to bottom), then the next phase; the curve after them;
    and the sheet still looks like the canvas: every touchpoint under its phase."""
    data = poster_pdf(gym_journey(), "anna", "huidig", "A3")
    order = reading_order(data)
    lanes = [first(order, name) for name in ("Doel van de klant", "Touchpoints", "Emotie", "Kansen")]
    assert lanes == sorted(lanes)
    phase_1, phase_2, phase_3 = (first(order, p) for p in ("Oriëntatie", "Aanschaf", "Gebruik"))
    assert lanes[-1] < phase_1 < phase_2 < phase_3
    # Oriëntatie's goal, its touchpoint, what the customer does and feels there
    cells_1 = [first(order, t) for t in ("Een goede keuze", "Vergelijkingssite", "Zoekt", "neutraal")]
    assert phase_1 < min(cells_1) and cells_1 == sorted(cells_1) and max(cells_1) < phase_2
    # Aanschaf: its two touchpoints one after the other, each with its lanes, and its opportunity
    cells_2 = [first(order, t) for t in ("Winkelbezoek", "boos", "Had ik maar", "Thuisbezorging", "tevreden",
                                         "92%", "Afspraak voor de proefrit")]  # fmt: skip
    assert phase_2 < min(cells_2) and cells_2 == sorted(cells_2) and max(cells_2) < phase_3
    assert first(order, "gefrustreerd") > first(order, "Nazorg")  # the curve's scale after the phases
    if shutil.which("pdftotext") is None:
        return
    left = word_left_mm(data, tmp_path)
    assert left["Vergelijkingssite"] < left["Aanschaf"]
    assert abs(left["Winkelbezoek"] - left["Aanschaf"]) < 8  # the star before it
    assert left["Aanschaf"] < left["Thuisbezorging"] < left["Gebruik"]
    assert abs(left["Eerste"] - left["Gebruik"]) < 1
    assert left["Touchpoints"] < left["Oriëntatie"]


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
