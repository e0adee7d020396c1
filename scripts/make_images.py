"""Regenerate the README images from the bundled gym example.

    python scripts/make_images.py

- docs/img/emotiecurve.png: the student's emotion curve, current vs desired (vl-convert);
- docs/img/canvas.png: the canvas page of `klantreis export --to kaart.html`, screenshot;
- docs/img/rapport.png: a report page of `klantreis build`, screenshot;
- docs/img/emoties.png: the emoties step in a real JupyterLab (tests/browser/lab_driver.py);
- docs/img/poster-a3.png: the student's A3 poster (`klantreis export --to poster.pdf`),
  drawn from the PDF by pdfium;
- docs/img/poster-a1.png: the same on A1 (`--paper A1`), drawn at 14 dpi;
- docs/img/leeg-flanders.png: the blank Flanders canvas (`--blank --template flanders`);
- docs/img/leeg-canvas-a1.png: the first A1 sheet of the blank Customer Journey Canvas
  (`--blank --template canvas`, rows for sticky notes);
- docs/img/app-start.png, app-emoties.png, wand.png: app mode (`klantreis app`): the
  start page, the emoties step page and the wall (tests/browser/app_driver.py).
- docs/img/bewijs.png: the student's assumed curve next to the measured one (evidence);
Screenshots use Debian's chromium (/usr/bin/chromium) through Playwright.
`--app` regenerates only the app-mode images, `--evidence` only the evidence image,
`--blank` only the blank canvases.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

import klantreis
from klantreis.charts import emotion_curve, evidence_curve, save_chart
from klantreis.poster import blank_pdf, poster_pdf
from klantreis.report.standalone import export_map
from klantreis.resources import example_path

ROOT = Path(__file__).resolve().parent.parent
IMG = ROOT / "docs" / "img"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# The browser drivers live with the browser tests, the only other place that uses them.
sys.path.insert(0, str(ROOT / "tests" / "browser"))


def screenshot(page_file: Path, target: Path, width: int = 1400, height: int = 1000) -> None:
    """A PNG of a local HTML file as Chromium shows it (top part of the page)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": width, "height": height})
        page.goto(page_file.resolve().as_uri())
        page.wait_for_timeout(1500)  # let Vega draw
        page.screenshot(path=str(target))
        browser.close()


def pdf_png(pdf: bytes, target: Path, width: int = 1800) -> None:
    """The first page of a PDF as a PNG ``width`` pixels wide (pdfium draws it), in a
    256-colour palette to keep the file small."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        page = document[0]
        image = page.render(scale=width / page.get_width()).to_pil().convert("RGB")
    finally:
        document.close()
    image.quantize(colors=256, dither=0).save(target, optimize=True)


def app_images(folder: Path) -> None:
    """The start page, the emoties step and the wall of `klantreis app` on the example."""
    from app_driver import open_step, running
    from chromium import launch
    from playwright.sync_api import sync_playwright

    project = Path(shutil.copy(example_path("sportschool"), folder / "sportschool.yaml"))
    with running("app", project, folder / "logs") as server, sync_playwright() as pw:
        browser = launch(pw)
        page = browser.new_page(viewport={"width": 1280, "height": 860})
        page.goto(server.url)
        page.screenshot(path=str(IMG / "app-start.png"))
        open_step(page, server, "emoties")
        page.wait_for_timeout(1500)  # let the curve draw
        page.screenshot(path=str(IMG / "app-emoties.png"))
        wall = browser.new_page(viewport={"width": 1600, "height": 900})
        wall.goto(f"{server.url}klantreis/wall?persona=student&scenario=huidig")
        wall.wait_for_timeout(500)
        wall.screenshot(path=str(IMG / "wand.png"))
        browser.close()


def evidence_image() -> None:
    """docs/img/bewijs.png: assumption and measurement for the student, all sources."""
    journey = klantreis.load(example_path("sportschool"))
    save_chart(evidence_curve(journey, "student", "huidig"), IMG / "bewijs.png")  # as in a report


def blank_images() -> None:
    pdf_png(blank_pdf(klantreis.new_journey("flanders"), "A3"), IMG / "leeg-flanders.png")
    pdf_png(blank_pdf(klantreis.new_journey("canvas"), "A1"), IMG / "leeg-canvas-a1.png", width=1400)


def main() -> None:
    """Write the images (only the app-mode ones with ``--app``)."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--app", action="store_true", help="only the app-mode images")
    parser.add_argument("--evidence", action="store_true", help="only the evidence image")
    parser.add_argument("--blank", action="store_true", help="only the blank canvases")
    args = parser.parse_args()
    IMG.mkdir(parents=True, exist_ok=True)
    if args.blank:
        blank_images()
        print(f"wrote leeg-flanders.png, leeg-canvas-a1.png in {IMG}")
        return
    if args.evidence:
        evidence_image()
        print(f"wrote bewijs.png in {IMG}")
        return
    if args.app:
        with tempfile.TemporaryDirectory() as tmp:
            app_images(Path(tmp))
        print(f"wrote app-start.png, app-emoties.png, wand.png in {IMG}")
        return
    evidence_image()
    journey = klantreis.load(example_path("sportschool"))
    save_chart(
        emotion_curve(journey, persona="student", scenario=["huidig", "gewenst"]), IMG / "emotiecurve.png"
    )
    pdf_png(poster_pdf(journey, "student", "huidig", "A3"), IMG / "poster-a3.png")
    pdf_png(poster_pdf(journey, "student", "huidig", "A1"), IMG / "poster-a1.png", width=464)
    blank_images()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        canvas_page = export_map(journey, folder / "kaart.html", "student", "huidig")
        screenshot(canvas_page, IMG / "canvas.png", width=2000, height=1150)
        results = klantreis.build(
            example_path("sportschool"),
            folder / "rapport",
            personas=["student"],
            scenarios=["huidig"],
            jobs=1,
        )
        screenshot(results[0].html, IMG / "rapport.png", height=1200)
        lab_copy = shutil.copy(example_path("sportschool"), folder / "sportschool.yaml")
        from lab_driver import capture_emoties

        capture_emoties(Path(lab_copy), IMG / "emoties.png")
        app_images(folder)
    print(f"wrote {', '.join(sorted(p.name for p in IMG.glob('*.png')))} in {IMG}")


if __name__ == "__main__":
    main()
