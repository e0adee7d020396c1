"""What a report says: each persona's own opportunities, names where a person reads
(never codes), numbers written the way the report's language writes them, and a
report built whatever compounds the team typed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import klantreis
from klantreis import Journey, dumps, load, loads
from klantreis.charts import canvas
from klantreis.messages import number
from klantreis.poster.paper import get_paper
from klantreis.poster.sheets import plan, sheets_html
from klantreis.report.sections import Report
from klantreis.templates import get_template
from tests.conftest import EXAMPLE_PATHS
from tests.test_render_any_text import _visible

SECTIONS = ("header", "figures", "canvas", "groups", "evidence", "channel_map", "comparison",
            "template_fields", "findings", "review", "opportunities")  # fmt: skip


def page_text(report: Report) -> str:
    """The text a reader sees on the report page (charts aside)."""
    return _visible("\n".join(getattr(report, name)().html for name in SECTIONS))


def two_persona_project(folder: Path) -> Path:
    """Two personas with a touchpoint each that only they have, an opportunity on
    each, one on a touchpoint both have and one on a phase."""
    j = Journey(title="Gemeente Oostwaard: parkeervergunning")
    j.add_phase("aanvragen", "Aanvragen")
    j.add_persona("forens", "Sanne, forens")
    j.add_persona("mantelzorger", "Kees, mantelzorger")
    j.add_touchpoint("website", "forens", "aanvragen", "Website van de gemeente", emotion=3)
    j.add_touchpoint("website", "mantelzorger", "aanvragen", "Website van de gemeente", emotion=2)
    j.add_touchpoint("ov-app", "forens", "aanvragen", "Reisplanner in de OV-app", emotion=4)
    j.add_touchpoint("bezoekersapp", "mantelzorger", "aanvragen", "Bezoekersapp parkeren", emotion=1)
    j.add_opportunity("o1", "Vergunning tonen in de reisplanner", touchpoint="ov-app")
    j.add_opportunity("o2", "Automatisch afmelden met een sms-herinnering voor mantelzorgers",
                      touchpoint="bezoekersapp")  # fmt: skip
    j.add_opportunity("o3", "Eén formulier voor alle vergunningen", touchpoint="website")
    j.add_opportunity("o4", "Uitleg in gewone taal", phase="aanvragen")
    path = folder / "oostwaard.yaml"
    klantreis.save(j, path)
    return path


def test_each_persona_sees_only_its_own_opportunities(tmp_path: Path) -> None:
    path = two_persona_project(tmp_path)
    saved = {r["id"]: (r["persona"], r["scenario"]) for r in load(path).records("opportunities")}
    assert saved["o1"] == ("forens", "current") and saved["o2"] == ("mantelzorger", "current")
    assert saved["o3"] == ("", "current")  # both have the website, in the one scenario
    assert saved["o4"] == ("", "")  # a phase is every journey's
    own = {"forens": "Vergunning tonen", "mantelzorger": "Automatisch afmelden"}
    for persona, other in (("forens", "mantelzorger"), ("mantelzorger", "forens")):
        report = Report(str(path), persona)
        text = page_text(report)
        assert own[persona] in text and own[other] not in text
        assert "Eén formulier voor alle vergunningen" in text and "Uitleg in gewone taal" in text
        j = report.journey
        poster = canvas(j, persona)
        for html in (poster.to_html(), sheets_html(poster, get_paper("A3"), plan(poster, get_paper("A3")))):
            assert own[persona] in _visible(html) and own[other] not in _visible(html)
        matrix = report.opportunities().html
        assert own[other] not in matrix  # nor in the impact × effort chart's data


def test_an_older_file_without_persona_on_opportunities_still_reads_right(tmp_path: Path) -> None:
    path = two_persona_project(tmp_path)
    text = path.read_text(encoding="utf-8")
    older = re.sub(r"\n    (persona|scenario): \S+(?=\n    touchpoint:)", "", text)
    assert "persona: forens\n    scenario" not in older.split("opportunities:")[1]
    journey = loads(older)
    assert dumps(journey) == older  # read and written back unchanged
    for persona, theirs in (("forens", {"o1", "o3", "o4"}), ("mantelzorger", {"o2", "o3", "o4"})):
        assert set(journey.opportunities_of(persona)["id"]) == theirs


def test_the_opportunity_table_names_touchpoints_and_phases(tmp_path: Path) -> None:
    report = Report(str(two_persona_project(tmp_path)), "mantelzorger")
    html = report.opportunities().html
    assert "<td>Bezoekersapp parkeren</td>" in html and "<td>Aanvragen</td>" in html
    assert ">bezoekersapp<" not in html and ">aanvragen<" not in html


def _user_words(journey: Journey) -> str:
    """Every text a team or a template wrote in ``journey`` (ids left out)."""
    skip = {"id", "persona", "scenario", "phase", "touchpoint", "source"}
    texts = [str(v) for table in ("phases", "personas", "scenarios", "touchpoints", "opportunities")
             for r in journey.records(table) for k, v in r.items() if k not in skip]  # fmt: skip
    texts += [str(v) for v in journey.review.get("answers", {}).values()] + [str(journey.review)]
    if journey.template:
        texts += [q for _, q in get_template(journey.template).review_questions(journey.language)]
    return "\n".join(texts)


def _word(token: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){re.escape(token)}(?![\w-])", re.IGNORECASE)


@pytest.mark.parametrize("example", EXAMPLE_PATHS, ids=[p.stem for p in EXAMPLE_PATHS])
def test_a_report_names_things_and_never_shows_their_codes(example: Path) -> None:
    j = load(example)
    written = _user_words(j)
    codes = {i for t in ("touchpoints", "phases", "personas", "scenarios", "opportunities") for i in j.ids(t)}
    codes = {c for c in codes if not _word(c).search(written)}  # a code that is also a word people wrote
    assert len(codes) > 10
    for persona, scenario in j.journeys():
        text = page_text(Report(str(example), persona, scenario))
        shown = sorted(c for c in codes if _word(c).search(text))
        assert not shown, f"{persona}/{scenario}: codes in the report: {shown}"


def test_numbers_are_written_the_dutch_way_in_a_dutch_report_and_english_in_an_english_one(
    tmp_path: Path,
) -> None:
    assert number(1234.5, "nl") == "1.234,5" and number(1234.5, "en") == "1,234.5"
    assert number(2.25, "nl", 2) == "2,25" and number(None, "nl") == "–"
    for language, mean in (("nl", "2,5"), ("en", "2.5")):
        j = Journey(title="Getallen", language=language)
        j.add_phase("f", "Fase")
        j.add_persona("p", "P")
        j.add_touchpoint("a", "p", "f", "A", emotion=2)
        j.add_touchpoint("b", "p", "f", "B", emotion=3)
        path = tmp_path / f"{language}.yaml"
        klantreis.save(j, path)
        figures = _visible(Report(str(path)).figures().html)
        assert mean in figures.split()
        from klantreis.report.index import index_html

        result = type("R", (), {"persona": "p", "scenario": j.default_scenario, "ok": True, "error": ""})
        assert f"<td>{mean}</td>" in index_html(j, [result])  # type: ignore[list-item]


@pytest.mark.slow
def test_a_journey_written_the_way_civil_servants_write_is_built(tmp_path: Path) -> None:
    j = Journey(title="Kentekenwijziging/-overschrijving bij de gemeente")
    j.add_phase("orienteren", "Oriënteren op regels/kosten", user_goal="Weten wat 't kost: € 12,50–€ 25")
    j.add_persona("burger", "Bewoner/aanvrager")
    long = ("de kentekenwijzigingsbevestigings-e-mail komt pas na dagen; 's avonds bellen met het "
            "klant-contact-centrum (14 030) lukt niet en de aanvraag-/wijzigings-/bevestigingsbrief "
            "noemt „2 à 3 werkdagen”")  # fmt: skip
    j.add_touchpoint("telefoon-kcc", "burger", "orienteren", "Bellen met het klant-contact-centrum (14 030)",
                     emotion=2, why=long, ideas=long, channel="telefoon/e-mail/WhatsApp")  # fmt: skip
    j.add_touchpoint("website", "burger", "orienteren", "Website", emotion=4,
                     why="</script><script>alert('why')</script>")  # fmt: skip
    j.add_opportunity("o1", long, touchpoint="telefoon-kcc", impact=4, effort=2)
    path = tmp_path / "kenteken.yaml"
    klantreis.save(j, path)
    results = klantreis.build(path, tmp_path / "rapport")
    assert [r.ok for r in results] == [True], [r.error for r in results]
    page = (tmp_path / "rapport" / "burger" / f"{j.default_scenario}.html").read_text(encoding="utf-8")
    text = _visible(page)
    assert "kentekenwijzigingsbevestigings-e-mail" in text
    assert "Bellen met het klant-contact-centrum (14 030)" in text
    assert "<script>alert('why')" not in page
