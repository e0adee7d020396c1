"""NPS, CSAT and CES as evidence figures: imported at journey, phase or touchpoint
level, each with n (respondents) and a 95% interval, checked against an independent
computation written out here; answers outside the metric's range stop the import
naming file, line and column; the project file keeps its bytes on a round trip."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest
from evidence_support import SPORTSCHOOL, find, sportschool, t_value, write

import klantreis
from klantreis import JourneyError, exchange
from klantreis.cli import main
from klantreis.evidence import read_calls, read_survey, store_import

Z = 1.959964
PERSONAS = ("student", "senior", "ouder")


def nps_by_hand(answers: np.ndarray) -> tuple[int, float, float, float]:
    """n, NPS and the adjusted-Wald interval, from the definition."""
    n = len(answers)
    promoters, detractors = int((answers >= 9).sum()), int((answers <= 6).sum())
    p_adj, d_adj = (promoters + 0.75) / (n + 3), (detractors + 0.75) / (n + 3)
    diff = p_adj - d_adj
    se = math.sqrt((p_adj + d_adj - diff**2) / (n + 3))
    return n, 100 * (promoters - detractors) / n, 100 * (diff - Z * se), 100 * (diff + Z * se)


def wilson_by_hand(successes: int, n: int) -> tuple[float, float]:
    p = successes / n
    centre = (p + Z**2 / (2 * n)) / (1 + Z**2 / n)
    half = Z / (1 + Z**2 / n) * math.sqrt(p * (1 - p) / n + Z**2 / (4 * n**2))
    return 100 * (centre - half), 100 * (centre + half)


def close(a: float, b: float, tolerance: float = 2e-3) -> bool:
    return abs(a - b) <= tolerance


@pytest.fixture
def project(tmp_path: Path) -> Path:
    path = tmp_path / "reis.yaml"
    path.write_bytes(SPORTSCHOOL.read_bytes())
    return path


def _nps_file(tmp_path: Path, rows: int = 300, seed: int = 7) -> tuple[Path, dict[str, np.ndarray]]:
    rng = np.random.default_rng(seed)
    answers = rng.integers(0, 11, rows)
    personas = np.array(PERSONAS)[rng.integers(0, 3, rows)]
    lines = ["respondent,persona,score"]
    lines += [f"R{i:04d},{p},{a}" for i, (p, a) in enumerate(zip(personas, answers, strict=True))]
    lines.append(f"R0000,{personas[0]},{answers[0]}")  # a row written twice counts once
    path = write(tmp_path, "nps-2026.csv", "\n".join(lines) + "\n")
    return path, {p: answers[personas == p] for p in PERSONAS}


def test_a_long_nps_file_imports_as_each_personas_nps_with_no_mapping(project: Path, tmp_path: Path) -> None:
    path, per_persona = _nps_file(tmp_path)
    command = ["evidence", "import", str(project), str(path), "--kind", "survey", "--metric", "nps"]
    code = main([*command, "--scenario", "gewenst"])
    assert code == 0
    journey = klantreis.load(project)
    records = [r for r in journey.records("evidence") if r["source"] == "nps-2026"]
    assert len(records) == 3
    for persona, answers in per_persona.items():
        r = find(records, persona=persona)
        assert (r["scenario"], r["touchpoint"], r["phase"], r["metric"]) == ("gewenst", "", "", "nps")
        n, nps, low, high = nps_by_hand(answers)
        assert r["n"] == n
        assert close(r["value"], nps) and close(r["ci_low"], low) and close(r["ci_high"], high)
        assert r["sd"] is None
    source = next(s for s in journey.records("sources") if s["id"] == "nps-2026")
    assert source["mapping"]["metric"] == "nps"
    assert source["skipped"] == {"duplicate": 1}
    text = project.read_text(encoding="utf-8")
    assert klantreis.dumps(klantreis.loads(text)) == text  # byte-stable round trip


def test_an_answer_outside_the_range_stops_the_import_naming_file_line_and_column(
    project: Path, tmp_path: Path, capsys
) -> None:
    path = write(tmp_path, "nps.csv", "respondent;persona;score\nR1;student;9\nR2;student;\nR3;senior;11\n")
    before = project.read_bytes()
    code = main(["evidence", "import", str(project), str(path), "--kind", "survey", "--metric", "nps"])
    assert code == 1
    err = capsys.readouterr().err
    assert "nps.csv, regel 4, kolom 'score': '11' ligt buiten 0–10" in err
    assert project.read_bytes() == before
    journey = sportschool("en")
    with pytest.raises(JourneyError, match=r"nps.csv, line 4, column 'score': '11' lies outside 0–10"):
        read_survey(journey, path, metric="nps")


def test_csat_is_the_share_of_the_top_two_answers_with_a_wilson_interval(tmp_path: Path) -> None:
    rng = np.random.default_rng(3)
    answers = rng.integers(1, 6, 80)
    labels = {1: "Zeer ontevreden", 2: "Ontevreden", 3: "Neutraal", 4: "Tevreden", 5: "Zeer tevreden"}
    lines = ["Respondent,Segment,Proefles,Groepsles"]
    for i, a in enumerate(answers):
        lines.append(f"{i},Ik studeer,{labels[int(a)]},{'Weet niet' if i % 4 == 0 else int(a)}")
    path = write(tmp_path, "csat.csv", "\n".join(lines) + "\n")
    mapping = {
        "metric": "csat",
        "columns": {"persona": "Segment"},
        "questions": {"Proefles": "proefles", "Groepsles": {"phase": "gebruik"}},
        "answers": {v: k for k, v in labels.items()},
        "personas": {"Ik studeer": "student"},
    }
    result = read_survey(sportschool(), path, mapping=mapping)
    tp = find(result.evidence, touchpoint="proefles")
    top = int((answers >= 4).sum())
    assert (tp["metric"], tp["n"]) == ("csat", 80)
    assert close(tp["value"], 100 * top / 80)
    low, high = wilson_by_hand(top, 80)
    assert close(tp["ci_low"], low) and close(tp["ci_high"], high)
    phase = find(result.evidence, phase="gebruik")  # phase level; "weet niet" left out
    kept = answers[np.arange(80) % 4 != 0]
    assert phase["n"] == len(kept) and phase["touchpoint"] == ""
    assert close(phase["value"], 100 * (kept >= 4).sum() / len(kept))
    assert "CSAT, het aandeel antwoorden 4–5 op de schaal 1–5" in result.report()
    # another scale: the top two of 1–7 are 6 and 7
    wider = {**mapping, "range": [1, 7], "answers": {}, "skip": ["Weet niet", *labels.values()]}
    seven = read_survey(sportschool(), path, mapping=wider)
    assert find(seven.evidence, phase="gebruik")["value"] == 0.0


def test_ces_is_a_mean_with_the_t_interval(tmp_path: Path) -> None:
    answers = [2, 3, 3, 4, 5, 5, 6, 7, 1, 4, 4, 6]
    lines = ["respondent,persona,touchpoint,score"]
    lines += [f"R{i},student,proefles,{a}" for i, a in enumerate(answers)]
    path = write(tmp_path, "ces.csv", "\n".join(lines) + "\n")
    r = read_survey(sportschool(), path, metric="ces").evidence[0]
    n, mean = len(answers), float(np.mean(answers))
    sd = float(np.std(answers, ddof=1))
    half = t_value(n - 1) * sd / math.sqrt(n)
    assert (r["metric"], r["n"], r["touchpoint"]) == ("ces", n, "proefles")
    assert close(r["value"], mean) and close(r["sd"], sd)
    assert close(r["ci_low"], mean - half) and close(r["ci_high"], mean + half)


def test_a_metric_in_the_mapping_and_a_wrong_one_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "n.csv", "respondent,persona,score\nR1,student,10\n")
    result = read_survey(sportschool(), path, mapping={"metric": "nps"})
    assert result.evidence[0]["metric"] == "nps" and result.evidence[0]["value"] == 100.0
    with pytest.raises(JourneyError, match="'tevredenheid'"):
        read_survey(sportschool(), path, mapping={"metric": "tevredenheid"})
    with pytest.raises(JourneyError, match="NPS"):
        read_survey(sportschool(), path, mapping={"metric": "nps", "range": [1, 5]})


def test_validation_refuses_an_unknown_metric_in_the_project_file(project: Path) -> None:
    text = project.read_text(encoding="utf-8").replace("metric: score", "metric: promotors", 1)
    with pytest.raises(JourneyError, match="promotors"):
        klantreis.loads(text)


def test_a_wide_export_sends_its_nps_question_to_the_whole_journey(tmp_path: Path) -> None:
    rng = np.random.default_rng(5)
    answers = rng.integers(0, 11, 60)
    lines = ["ResponseId,Segment,Proefles,Q_NPS"]
    lines += [f"R_{i},Ik studeer,Tevreden,{a}" for i, a in enumerate(answers)]
    path = write(tmp_path, "export.csv", "\n".join(lines) + "\n")
    mapping = {
        "metric": "nps",
        "columns": {"persona": "Segment"},
        "questions": {"Q_NPS": "journey"},
        "personas": {"Ik studeer": "student"},
    }
    result = read_survey(sportschool(), path, mapping=mapping)
    (r,) = result.evidence
    n, nps, low, high = nps_by_hand(answers)
    assert (r["touchpoint"], r["phase"], r["n"]) == ("", "", n)
    assert close(r["value"], nps) and close(r["ci_low"], low) and close(r["ci_high"], high)
    assert "de hele reis" in result.report()


@pytest.mark.parametrize("target", ["project.xlsx", "tabellen"])
def test_metrics_and_the_threshold_round_trip_through_spreadsheets(tmp_path: Path, target: str) -> None:
    journey = sportschool()
    path, _ = _nps_file(tmp_path, rows=40)
    read = read_survey(journey, path, metric="nps", imported="2026-04-01")
    store_import(journey, read)
    journey.min_difference = 0.75
    exchange.export_journey(journey, tmp_path / target)
    back = exchange.read_journey(tmp_path / target)
    assert back.min_difference == 0.75
    assert klantreis.dumps(back) == klantreis.dumps(journey)


def test_a_metric_for_a_call_log_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "log.csv", "reden,persona\nproefles,student\n")
    with pytest.raises(JourneyError, match="hoort bij een enquête"):
        read_calls(sportschool(), path, metric="nps")
