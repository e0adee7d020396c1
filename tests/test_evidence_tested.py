"""The research method's loop (``onderzoek``): a phase counts as tested quantitatively
when imported evidence covers each of its touchpoints with at least the minimum n; the
review step and the report say "getoetst (bron, n=…)" or "niet getoetst" per phase, next
to the success criteria and the measured figures; a yes/no set by hand wins and says so."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

import klantreis
from klantreis.evidence import import_file
from klantreis.evidence.figures import MIN_N
from klantreis.evidence.tested import phase_tests
from klantreis.report.sections import Report
from klantreis.session import ProjectSession
from klantreis.templates import new_journey
from klantreis.widgets.review import ReviewForm


def _project(tmp_path: Path, answers: int = 12, language: str = "nl") -> klantreis.Journey:
    """An onderzoek project: two touchpoints in "Keuze" answered by ``answers``
    respondents, one in "Gebruik" with no survey question."""
    journey = new_journey("onderzoek", "Verzekering", language=language)
    journey.add_persona("klant", "Klant")
    journey.add_touchpoint("vergelijken", "klant", "keuze", "Vergelijken", emotion=3)
    journey.add_touchpoint("afsluiten", "klant", "keuze", "Afsluiten", emotion=4)
    journey.add_touchpoint("gebruiken", "klant", "gebruik", "Gebruiken", emotion=4)
    journey.set_extra("phases", ("keuze",), "succescriteria", "Ik hoef niet alles tegelijk in te vullen")
    rnd = random.Random(7)
    lines = ["respondent,persona,touchpoint,score"]
    for r in range(answers):
        for touchpoint in ("vergelijken", "afsluiten"):
            lines.append(f"r{r},klant,{touchpoint},{rnd.randint(2, 5)}")
    survey = tmp_path / "enquete.csv"
    survey.write_text("\n".join(lines) + "\n", encoding="utf-8")
    import_file(journey, "survey", survey, source="enquete-2026")
    return journey


def _by_phase(journey: klantreis.Journey, language: str = "nl") -> dict[str, str]:
    return {t.phase: t.describe(language) for t in phase_tests(journey, "klant", "huidig")}


def test_evidence_on_one_phase_tests_that_phase_only(tmp_path: Path) -> None:
    tests = {t.phase: t for t in phase_tests(_project(tmp_path), "klant", "huidig")}
    assert tests["keuze"].tested and tests["keuze"].n_low == 12 and tests["keuze"].by_hand is None
    assert not tests["gebruik"].tested
    said = _by_phase(_project(tmp_path))
    assert said["keuze"] == "getoetst (enquete-2026, n=12)"
    assert said["gebruik"] == "niet getoetst"
    assert said["behoefte"] == "niet getoetst (geen touchpoints)"
    english = _by_phase(_project(tmp_path), "en")
    assert english["keuze"] == "tested (enquete-2026, n=12)"
    assert english["gebruik"] == "not tested"


def test_fewer_answers_than_the_minimum_do_not_test_a_phase(tmp_path: Path) -> None:
    journey = _project(tmp_path, answers=MIN_N - 1)
    said = _by_phase(journey)
    assert said["keuze"] == "niet getoetst"  # the same minimum as "te weinig antwoorden"


def test_a_value_set_by_hand_wins_and_says_so(tmp_path: Path) -> None:
    journey = _project(tmp_path)
    journey.set_extra("phases", ("gebruik",), "getoetst", True)
    journey.set_extra("phases", ("keuze",), "getoetst", False)
    tests = {t.phase: t for t in phase_tests(journey, "klant", "huidig")}
    assert tests["gebruik"].tested and not tests["keuze"].tested
    said = _by_phase(journey)
    assert said["gebruik"] == "getoetst (met de hand gezet); meting: niet getoetst"
    assert said["keuze"] == "niet getoetst (met de hand gezet); meting: getoetst (enquete-2026, n=12)"
    assert _by_phase(journey, "en")["gebruik"] == "tested (set by hand); measurement: not tested"


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_report_shows_per_phase_criteria_figures_and_tested(tmp_path: Path, language: str) -> None:
    journey = _project(tmp_path, language=language)
    journey.set_extra("phases", ("gebruik",), "getoetst", True)
    path = tmp_path / "reis.yaml"
    klantreis.save(journey, path)
    html = Report(str(path), "klant", "huidig").review().html
    rows = {row.split("</td>")[0].removeprefix("<td>"): row for row in html.split("<tr>")[2:]}
    keuze, gebruik = (
        rows["Keuze" if language == "nl" else "Choice"],
        rows["Gebruik" if language == "nl" else "Use"],
    )
    assert "Ik hoef niet alles tegelijk in te vullen" in keuze  # the success criteria ...
    assert (
        "Vergelijken: gemeten " if language == "nl" else "Vergelijken: measured "
    ) in keuze  # ... beside figures
    assert "n=12)" in keuze
    if language == "nl":
        assert "Kwantitatieve toets per fase" in html
        assert "getoetst (enquete-2026, n=12)" in keuze
        assert "getoetst (met de hand gezet); meting: niet getoetst" in gebruik
        assert "Gebruiken: niet gemeten" in gebruik
    else:
        assert "Quantitative check per phase" in html
        assert "tested (enquete-2026, n=12)" in keuze
        assert "tested (set by hand); measurement: not tested" in gebruik


def test_another_template_shows_no_such_table(tmp_path: Path) -> None:
    from evidence_support import SPORTSCHOOL

    html = Report(str(SPORTSCHOOL), "senior", "huidig").review().html
    assert "Kwantitatieve toets" not in html


def test_the_review_step_shows_tested_per_phase(tmp_path: Path) -> None:
    journey = _project(tmp_path)
    path = tmp_path / "reis.yaml"
    klantreis.save(journey, path)
    form = ReviewForm(ProjectSession.open(path))
    text = form.tested.value
    assert "<b>Keuze</b>: Klant (Huidige situatie): getoetst (enquete-2026, n=12)" in text
    assert "<b>Gebruik</b>: Klant (Huidige situatie): niet getoetst" in text
    form.commit(lambda j: j.set_extra("phases", ("gebruik",), "getoetst", True))
    assert "getoetst (met de hand gezet)" in form.tested.value
    assert klantreis.load(path).records("phases")[3]["extra"]["getoetst"] is True


def test_a_phase_partly_covered_says_how_much(tmp_path: Path) -> None:
    journey = _project(tmp_path)
    journey.add_touchpoint("bellen", "klant", "keuze", "Bellen", emotion=2)
    assert _by_phase(journey)["keuze"] == "niet getoetst (2 van 3 touchpoints met genoeg antwoorden)"
    assert _by_phase(journey, "en")["keuze"] == "not tested (2 of 3 touchpoints with enough answers)"
