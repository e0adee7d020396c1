"""The evidence in the charts: the measured curve beside the assumed one (aligned by
touchpoint id, with intervals, flags and "too few answers"), the pain ranking, and the
figures in the canvas's data row. Asserts on spec data, encodings and HTML."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import pytest
from evidence_support import expected, sportschool, write

import klantreis
from klantreis import JourneyError
from klantreis.charts import canvas, evidence_curve, pain_ranking
from klantreis.evidence import import_survey
from klantreis.evidence.figures import journey_evidence

SURVEY = "enquete-2026-voorjaar"


def datasets(chart) -> dict:  # type: ignore[no-untyped-def]
    return chart.to_dict()["datasets"]


def survey_record(journey: klantreis.Journey, persona: str, touchpoint: str) -> dict:
    where = (SURVEY, persona, touchpoint, "score")
    return next(
        r
        for r in journey.records("evidence")
        if (r["source"], r["persona"], r["touchpoint"], r["metric"]) == where
    )


@pytest.fixture(scope="module")
def gym() -> klantreis.Journey:
    return sportschool()


def test_the_measured_line_is_aligned_by_touchpoint_id_with_its_interval(gym) -> None:
    data = datasets(evidence_curve(gym, "student", "huidig", source=SURVEY))
    x_of = {p["id"]: p["x"] for p in data["points"]}
    measured = {m["id"]: m for m in data["measured"]}
    assert set(measured) == set(x_of)  # one row per touchpoint of the journey
    for tid, row in measured.items():
        assert row["x"] == x_of[tid]
    record = survey_record(gym, "student", "website-bezoek")
    web = measured["website-bezoek"]
    assert (web["emotion"], web["low"], web["high"], web["n"]) == (
        record["value"],
        record["ci_low"],
        record["ci_high"],
        record["n"],
    )
    assert web["assumed"] == 2
    assert measured["google-zoeken"]["emotion"] is None  # not measured: a gap, never a zero


def test_flags_are_exactly_the_assumptions_outside_the_interval(gym) -> None:
    data = datasets(evidence_curve(gym, "student", "huidig", source=SURVEY))
    steps = gym.journey("student", "huidig")
    want = set()
    for tid, assumed in zip(steps["id"], steps["emotion"], strict=True):
        hits = [
            r
            for r in gym.records("evidence")
            if (r["source"], r["persona"], r["touchpoint"], r["metric"]) == (SURVEY, "student", tid, "score")
        ]
        outside = hits and hits[0]["n"] >= 10 and not (hits[0]["ci_low"] <= assumed <= hits[0]["ci_high"])
        if outside and abs(hits[0]["value"] - assumed) >= 0.5:  # a smaller difference is no flag
            want.add(tid)
    assert want and {f["id"] for f in data["flags"]} == want
    for flag in data["flags"]:
        assert flag["status"] == "aanname niet bevestigd"
        assert flag["emotion"] == int(steps.set_index("id").loc[flag["id"], "emotion"])
        assert flag["measured"] == survey_record(gym, "student", flag["id"])["value"]
    chart = evidence_curve(gym, "student", "huidig", source=SURVEY).to_dict()
    assert "⚠ aanname niet bevestigd" in chart["title"]["subtitle"][1]


def test_too_few_answers_are_marked_not_drawn_as_certain(gym) -> None:
    data = datasets(evidence_curve(gym, "student", "huidig", source="interviews-2026"))
    assert all(m["emotion"] is None and m["low"] is None for m in data["measured"])
    few = {f["id"]: f for f in data["few"]}
    assert few["app-inloggen"]["label"] == "te weinig antwoorden (n=3)"
    assert few["app-inloggen"]["status"] == "te weinig antwoorden"
    assert data["flags"] == []
    strict = datasets(evidence_curve(gym, "student", "huidig", source=SURVEY, min_n=60))
    assert {f["id"] for f in strict["few"]} == {m["id"] for m in strict["measured"] if m["n"]}
    loose = datasets(evidence_curve(gym, "student", "huidig", source="interviews-2026", min_n=2))
    assert loose["measured"][0]["emotion"] is not None  # instagram-vriendin, n=2


def test_the_curve_speaks_english_and_validates() -> None:
    chart = evidence_curve(sportschool("en"), "senior", "huidig")
    spec = chart.to_dict()  # validated against the Vega-Lite schema
    assert spec["title"]["text"] == "Assumption and measurement"
    assert "⚠ assumption not confirmed" in spec["title"]["subtitle"][1]
    assert {f["status"] for f in spec["datasets"]["few"]} == {"too few answers"}
    dashes = [layer for layer in spec["layer"] if "strokeDash" in layer.get("encoding", {})]
    assert [d["encoding"]["strokeDash"]["field"] for d in dashes] == ["legend", "measure"]
    assert spec["datasets"]["measured"][0]["measure"] == "measured mean with 95% interval"


def test_an_unknown_source_is_refused_naming_the_known_ones(gym) -> None:
    with pytest.raises(JourneyError, match="golf-9.*enquete-2026-voorjaar"):
        evidence_curve(gym, "student", "huidig", source="golf-9")


def test_waves_are_pooled_as_one_sample(tmp_path: Path) -> None:
    journey = sportschool()
    first, second = [4, 4, 5, 3, 4, 5, 4, 4, 3, 5, 4], [2, 3, 2, 2, 3, 1, 2, 3, 2, 2, 3, 2]
    for name, scores in (("golf-1", first), ("golf-2", second)):
        text = "respondent,persona,touchpoint,score\n" + "".join(
            f"r{i},ouder,kinderopvang,{s}\n" for i, s in enumerate(scores)
        )
        import_survey(journey, write(tmp_path, f"{name}.csv", text))
    evidence = journey_evidence(journey, "ouder", "huidig")
    score = evidence.row("kinderopvang")["score"]
    felt = [
        q["emotion"]
        for q in journey.records("quotes")
        if (q["persona"], q["touchpoint"]) == ("ouder", "kinderopvang")
    ]
    assert sorted(felt) == [1.0, 2.0]  # two interviews, one emotion each
    pooled = [*first, *second, *felt]
    want = expected(pooled)
    assert score.n == want["n"] == 25
    for key, value in (
        ("mean", want["value"]),
        ("sd", want["sd"]),
        ("ci_low", want["ci_low"]),
        ("ci_high", want["ci_high"]),
    ):
        assert math.isclose(getattr(score, key), value, abs_tol=2e-3), key
    only = journey_evidence(journey, "ouder", "huidig", source="golf-2").row("kinderopvang")["score"]
    assert (only.n, only.mean) == (12, round(sum(second) / 12, 3))


def test_pain_ranking_orders_by_dissatisfaction_times_calls(gym) -> None:
    data = datasets(pain_ranking(gym, "student", "huidig"))["ranking"]
    assert [r["rank"] for r in data] == list(range(1, len(data) + 1))
    assert [r["pain"] for r in data] == sorted((r["pain"] for r in data), reverse=True)
    top = data[0]
    assert top["id"] == "abonnement-pauzeren" and top["basis"] == "gemeten"
    where = ("student", "abonnement-pauzeren", "calls")
    calls = sum(
        r["value"] for r in gym.records("evidence") if (r["persona"], r["touchpoint"], r["metric"]) == where
    )
    months = ((dt.date(2026, 3, 31) - dt.date(2026, 1, 2)).days + 1) / (365.25 / 12)
    mean = journey_evidence(gym, "student", "huidig").row("abonnement-pauzeren")["score"].mean
    assert top["pain"] == pytest.approx((5 - mean) / 4 * calls / months, abs=1e-3)
    assert "5,1 gesprekken per maand" in top["label"]
    spec = pain_ranking(gym, "student", "huidig").to_dict()
    assert spec["layer"][0]["encoding"]["y"]["sort"] == [r["place"] for r in data]
    assert spec["layer"][0]["encoding"]["x"]["field"] == "pain"


def test_the_canvas_data_row_shows_the_figures_next_to_the_free_text(gym) -> None:
    html = canvas(gym, "student", "huidig").to_html()
    row = html[html.index("kr-lane-data") : html.index("</tr>", html.index("kr-lane-data"))]
    assert "68% van de bezoekers komt via mobiel" in row  # the team's free text stays
    assert "gemeten 2,4 (2,2–2,7, n=57) · klein verschil" in row  # survey 54 + 3 interviews
    assert "5,1 gesprekken per maand" in row and "38.814 bezoeken" in row and "3 interviews" in row
    only_calls = canvas(gym, "student", "huidig", evidence="klantcontact-2026q1").to_html()
    row = only_calls[only_calls.index("kr-lane-data") :]
    assert "5,1 gesprekken per maand" in row and "gemeten" not in row.split("</tr>")[0]


def test_a_canvas_without_data_gets_a_data_row_once_there_is_evidence(journey, tmp_path: Path) -> None:
    small = journey  # the small journey of conftest.py: no data, no evidence
    assert "kr-lane-data" not in canvas(small, "toerist").to_html()
    text = "respondent,persona,touchpoint,score\n" + "".join(
        f"r{i},toerist,balie,{s}\n" for i, s in enumerate([1, 2, 2, 1, 2])
    )
    import_survey(small, write(tmp_path, "golf.csv", text))
    html = canvas(small, "toerist").to_html()
    assert "kr-lane-data" in html and "gemeten 1,6 (1,0–2,3, n=5) · te weinig antwoorden" in html
