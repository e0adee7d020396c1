"""A refuted assumption is never the journey's low point, peak or pain point: the
measured mean counts instead, marked as measured, in the key figures, the curve's
rings and labels and the report's text; and every measured point on the evidence
curve has its n beside it (not only in the tooltip)."""

from __future__ import annotations

from evidence_support import SPORTSCHOOL

import klantreis
from klantreis.charts import emotion_curve, evidence_curve
from klantreis.evidence.figures import NOT_CONFIRMED, journey_evidence
from klantreis.report.figures import key_figures
from klantreis.report.sections import Report


def _datasets(chart) -> dict:
    return chart.to_dict()["datasets"]


def _rows(chart, name: str) -> list[dict]:
    return [row for key, rows in _datasets(chart).items() if key.startswith(name) for row in rows]


def test_the_example_refutes_an_assumed_low_point() -> None:
    journey = klantreis.load(SPORTSCHOOL)
    row = journey_evidence(journey, "senior", "huidig").row("app-inloggen")
    assert row is not None and row["assumed"] == 1 and row["status"] == NOT_CONFIRMED
    assert 1.5 < row["score"].mean < 1.7  # measured 1.586


def test_a_refuted_assumption_is_not_the_lowest_point_but_a_measured_pain_point() -> None:
    journey = klantreis.load(SPORTSCHOOL)
    figures = key_figures(journey, "senior", "huidig")
    # "Bellen met de balie" (assumed 1, too few answers to refute) stays the low point;
    # "Lessen reserveren in de app" (assumed 1, measured 1.586) is no longer one
    assert figures.lowest == ["Bellen met de balie"]
    assert figures.lowest_measured is None
    assert "Lessen reserveren in de app (gemeten 1,6)" in figures.pain_points
    assert "Lessen reserveren in de app" not in figures.pain_points


def test_the_curve_rings_and_labels_only_the_unrefuted_low_point() -> None:
    journey = klantreis.load(SPORTSCHOOL)
    for chart in (emotion_curve(journey, "senior", "huidig"), evidence_curve(journey, "senior", "huidig")):
        pains = _rows(chart, "pains")
        assert [(p["x"], p["emotion"]) for p in pains] == [(3, 1)]  # Bellen met de balie only
        lows = [n for n in _rows(chart, "notes") if "low" in n["kinds"]]
        assert [(n["x"], n["text"]) for n in lows] == [(3, "dal")]


def _refuted_low(language: str = "nl") -> klantreis.Journey:
    """The example with "Bellen met de balie" assumed at 2 and the intake at 4: the
    refuted 1 of "Lessen reserveren in de app" (measured 1.586) is then the lowest value
    of the journey, and its most intense moment."""
    journey = klantreis.load(SPORTSCHOOL)
    journey.update("touchpoints", ("telefoon-balie", "senior", "huidig"), emotion=2)
    journey.update("touchpoints", ("intake-trainer", "senior", "huidig"), emotion=4)
    if language == "en":
        journey.language = "en"
    return journey


def test_when_the_measured_value_is_lowest_it_is_the_low_point_marked_as_measured() -> None:
    journey = _refuted_low()
    figures = key_figures(journey, "senior", "huidig")
    assert figures.lowest == ["Lessen reserveren in de app (gemeten 1,6)"]
    assert figures.lowest_measured is not None and abs(figures.lowest_measured - 1.586) < 0.001
    chart = emotion_curve(journey, "senior", "huidig")
    pains = _rows(chart, "pains")
    assert [(p["x"], round(p["emotion"], 3), p["measured"]) for p in pains] == [(7, 1.586, True)]
    lows = [n for n in _rows(chart, "notes") if "low" in n["kinds"]]
    assert [(n["x"], n["text"]) for n in lows] == [(7, "dal (gemeten)")]
    # the assumed point itself stays where the team put it
    point = next(p for p in _rows(chart, "points") if p["id"] == "app-inloggen")
    assert point["emotion"] == 1


def test_the_report_heads_the_measured_value_never_the_refuted_assumption(tmp_path) -> None:
    journey = _refuted_low()
    path = tmp_path / "reis.yaml"
    klantreis.save(journey, path)
    report = Report(str(path), "senior", "huidig")
    tiles = report.figures().html
    assert "Dieptepunt: Lessen reserveren in de app (gemeten 1,6)" in tiles
    assert "1,6 (gemeten)" in tiles
    findings = report.findings().html
    assert "Lessen reserveren in de app (gemeten 1,6)" in findings
    english = _refuted_low("en")
    klantreis.save(english, path)
    tiles = Report(str(path), "senior", "huidig").figures().html
    assert "Lowest point: Lessen reserveren in de app (measured 1.6)" in tiles
    assert "1.6 (measured)" in tiles


def test_every_measured_point_has_its_n_beside_it() -> None:
    journey = klantreis.load(SPORTSCHOOL)
    evidence = journey_evidence(journey, "senior", "huidig")
    trusted = {
        r["id"]: r["score"].n
        for r in evidence.rows
        if r["score"] and r["status"] not in ("too_few", "unmeasured")
    }
    chart = evidence_curve(journey, "senior", "huidig")
    counts = {row["id"]: row["n_label"] for row in _rows(chart, "counts")}
    assert counts == {tid: f"n={n}" for tid, n in trusted.items()}
    assert counts["vrije-training"] == "n=22"
    layers = chart.to_dict()["layer"]
    texts = [layer for layer in layers if layer.get("encoding", {}).get("text", {}).get("field") == "n_label"]
    assert texts, "the n labels are drawn as text, not only in the tooltip"
    for row in _rows(chart, "counts"):  # placed beside their point, within a step
        assert abs(row["label_x"] - row["x"]) < 1


def test_the_canvas_and_poster_curve_print_n_beside_every_measured_point() -> None:
    from pdf_helpers import page_words, reader

    from klantreis.charts import canvas
    from klantreis.poster import poster_pdf

    journey = klantreis.load(SPORTSCHOOL)
    evidence = journey_evidence(journey, "senior", "huidig")
    measured = {r["id"]: r["score"].n for r in evidence.rows if r["score"] is not None}
    chart = canvas(journey, "senior", "huidig").curve_chart()  # what the poster draws
    counts = {row["id"]: row["n_label"] for row in _rows(chart, "counts")}
    assert counts == {tid: f"n={n}" for tid, n in measured.items()}  # too few answers too
    words = page_words(reader(poster_pdf(journey, "senior", "huidig", "A3")), 0)
    # the data row says "(…, n=22)"; the curve's own label is the word "n=22"
    for n in {22, 25, 29}:
        assert f"n={n}" in words


def test_the_curve_in_words_agrees() -> None:
    from klantreis.charts.describe import curve_description

    journey = klantreis.load(SPORTSCHOOL)
    assert "laagste punt 'Bellen met de balie' (boos)" in curve_description(journey, [("senior", "huidig")])
    text = curve_description(_refuted_low(), [("senior", "huidig")])
    assert "laagste punt 'Lessen reserveren in de app' (gemeten 1,6)" in text
