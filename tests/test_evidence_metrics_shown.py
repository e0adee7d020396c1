"""NPS, CSAT and CES where evidence is shown: the report's evidence section, the index,
the emotion curve's title and the poster, each with n and the 95% interval, checked
against a computation written out here; user text escaped."""

from __future__ import annotations

import math
import re
from pathlib import Path

import numpy as np
import pytest
from evidence_support import SPORTSCHOOL, write
from pdf_helpers import page_words, reader

import klantreis
from klantreis.builder import JourneyResult
from klantreis.charts.evidence import evidence_curve
from klantreis.evidence import import_survey
from klantreis.report.index import index_html
from klantreis.report.sections import Report

Z = 1.959964
NO_SCRIPTS = re.compile(r"<script.*?</script>", re.S)


def _signed(x: float) -> str:
    whole = round(x)
    return "0" if whole == 0 else ("+" if whole > 0 else "−") + str(abs(whole))


def nps_text(answers: np.ndarray) -> str:
    """ "NPS +12 (−3 tot +27, n=67)" from the definition (adjusted Wald)."""
    n = len(answers)
    promoters, detractors = int((answers >= 9).sum()), int((answers <= 6).sum())
    p, d = (promoters + 0.75) / (n + 3), (detractors + 0.75) / (n + 3)
    half = Z * math.sqrt((p + d - (p - d) ** 2) / (n + 3))
    value = 100 * (promoters - detractors) / n
    low, high = max(-100, 100 * (p - d - half)), min(100, 100 * (p - d + half))
    return f"NPS {_signed(value)} ({_signed(low)} tot {_signed(high)}, n={n})"


def csat_text(answers: np.ndarray) -> str:
    n, top = len(answers), int((answers >= 4).sum())
    share = top / n
    centre = (share + Z**2 / (2 * n)) / (1 + Z**2 / n)
    half = Z / (1 + Z**2 / n) * math.sqrt(share * (1 - share) / n + Z**2 / (4 * n**2))
    return (
        f"CSAT {round(100 * share)}% ({round(100 * (centre - half))}–{round(100 * (centre + half))}%, n={n})"
    )


@pytest.fixture(scope="module")
def measured(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, str]:
    """The example with a journey-level NPS of student and a CSAT of its proefles
    (whose name holds markup), saved; returns the path and the two expected texts."""
    folder = tmp_path_factory.mktemp("metrics")
    journey = klantreis.load(SPORTSCHOOL)
    journey.update_touchpoint("proefles", "student", name="Proefles <b>gratis</b>")
    rng = np.random.default_rng(11)
    nps = rng.integers(0, 11, 57)
    lines = ["respondent,persona,score"] + [f"R{i},student,{a}" for i, a in enumerate(nps)]
    import_survey(
        journey, write(folder, "nps.csv", "\n".join(lines) + "\n"), metric="nps", imported="2026-04-01"
    )
    csat = rng.integers(1, 6, 44)
    lines = ["respondent,persona,touchpoint,score"] + [
        f"R{i},student,proefles,{a}" for i, a in enumerate(csat)
    ]
    import_survey(
        journey, write(folder, "csat.csv", "\n".join(lines) + "\n"), metric="csat", imported="2026-04-01"
    )
    path = folder / "reis.yaml"
    klantreis.save(journey, path)
    return path, nps_text(nps), csat_text(csat)


def test_the_report_section_lists_them_with_n_and_interval(measured: tuple[Path, str, str]) -> None:
    path, nps, csat = measured
    html = NO_SCRIPTS.sub("", Report(str(path), "student").evidence().html)
    table = html[html.index("<h3>NPS, CSAT en CES</h3>") :]
    assert f"<td>hele reis</td><td>{nps}</td><td>nps</td>" in table
    assert f"<td>Proefles &lt;b&gt;gratis&lt;/b&gt;</td><td>{csat}</td><td>csat</td>" in table


def test_the_index_compares_the_personas(measured: tuple[Path, str, str]) -> None:
    path, nps, csat = measured
    journey = klantreis.load(path)
    results = [JourneyResult(p, "huidig", Path(f"{p}.ipynb")) for p in journey.ids("personas")]
    html = NO_SCRIPTS.sub("", index_html(journey, results))
    table = html[html.index("<h2>NPS, CSAT en CES</h2>") :]
    assert f"<tr><td>NPS · hele reis</td><td>{nps}</td><td>–</td><td>–</td></tr>" in table
    assert f"<td>CSAT · Proefles &lt;b&gt;gratis&lt;/b&gt;</td><td>{csat}</td>" in table


def test_the_curve_names_them_in_its_title(measured: tuple[Path, str, str]) -> None:
    path, nps, csat = measured
    spec = evidence_curve(klantreis.load(path), "student", "huidig").to_dict()
    subtitle = spec["title"]["subtitle"]
    assert f"hele reis: {nps} · Proefles <b>gratis</b>: {csat}" in subtitle  # Vega draws text as text


def test_the_poster_shows_them(measured: tuple[Path, str, str]) -> None:
    from klantreis.poster import poster_pdf

    path, nps, csat = measured
    words = page_words(reader(poster_pdf(klantreis.load(path), "student", "huidig", "A3")), 0)
    assert nps in " ".join(words)  # on the line with the persona and scenario
    assert csat.replace(" ", "") in "".join(words)  # in the proefles data cell, maybe over two lines
