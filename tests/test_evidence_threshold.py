"""The meaningful difference of the flags is set per project (``min_difference:`` in the
project file, default 0.5 scale point): validated, kept byte for byte, and used by the
flags in the report and the index."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from evidence_support import SPORTSCHOOL, write

import klantreis
from klantreis import JourneyError
from klantreis.builder import JourneyResult
from klantreis.evidence import import_survey, remove_source
from klantreis.evidence.figures import NOT_CONFIRMED, SMALL_DIFFERENCE, journey_evidence
from klantreis.report.index import index_html
from klantreis.report.sections import Report

NO_SCRIPTS = re.compile(r"<script.*?</script>", re.S)


def _project(tmp_path: Path, threshold: str | None) -> Path:
    """The example with one survey only: student's proefles (assumed 4) measured at 4.7
    (28 × 5, 12 × 4: interval about 4.55–4.85), a difference of 0.7."""
    tmp_path.mkdir(exist_ok=True)
    journey = klantreis.load(SPORTSCHOOL)
    for source in journey.ids("sources"):
        remove_source(journey, source)
    answers = [5] * 28 + [4] * 12
    lines = ["respondent,persona,touchpoint,score"]
    lines += [f"R{i},student,proefles,{a}" for i, a in enumerate(answers)]
    import_survey(journey, write(tmp_path, "golf.csv", "\n".join(lines) + "\n"), imported="2026-04-01")
    text = klantreis.dumps(journey)
    if threshold is not None:
        text = text.replace("\ntemplate: canvas\n", f"\ntemplate: canvas\nmin_difference: {threshold}\n", 1)
    path = tmp_path / "reis.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _flagged_part(path: Path) -> str:
    """The report's list of assumptions not confirmed."""
    section = NO_SCRIPTS.sub("", Report(str(path), "student").evidence().html)
    start = section.index("<h3>", section.index("</table>"))  # after the sources table
    return section[start : section.index("<h3>", start + 4)]


def test_a_project_with_threshold_one_calls_a_difference_of_0_7_small(tmp_path: Path) -> None:
    default = klantreis.load(_project(tmp_path, None))
    assert default.min_difference is None
    row = journey_evidence(default, "student", "huidig").row("proefles")
    assert row is not None and row["assumed"] == 4 and abs(row["score"].mean - 4.7) < 1e-9
    assert row["status"] == NOT_CONFIRMED

    path = _project(tmp_path, "1.0")
    journey = klantreis.load(path)
    assert journey.min_difference == 1.0
    assert klantreis.dumps(journey) == path.read_text(encoding="utf-8")  # kept byte for byte
    assert journey_evidence(journey, "student", "huidig").row("proefles")["status"] == SMALL_DIFFERENCE

    assert "Gratis proefles spinning" in _flagged_part(_project(tmp_path / "default", None))
    assert "Gratis proefles spinning" not in _flagged_part(path)
    results = [JourneyResult(p, "huidig", Path(f"{p}.ipynb")) for p in journey.ids("personas")]
    index = NO_SCRIPTS.sub("", index_html(journey, results))
    assert 'title="klein verschil">4,7 (4,6–4,8, n=40)</span>' in index
    default_index = NO_SCRIPTS.sub("", index_html(default, results))
    assert "4,7 (4,6–4,8, n=40) ⚠" in default_index


@pytest.mark.parametrize("value", ["-0.5", "11", "veel"])
def test_a_threshold_outside_0_to_10_or_not_a_number_is_refused(tmp_path: Path, value: str) -> None:
    text = SPORTSCHOOL.read_text(encoding="utf-8").replace(
        "\ntemplate: canvas\n", f"\ntemplate: canvas\nmin_difference: {value}\n", 1
    )
    with pytest.raises(JourneyError, match=r"regel 6: min_difference"):
        klantreis.loads(text)
    journey = klantreis.load(SPORTSCHOOL)
    with pytest.raises(JourneyError, match="min_difference"):
        journey.min_difference = float(value) if value != "veel" else value  # type: ignore[assignment]
