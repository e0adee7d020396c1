"""The evidence in the reports: the section "Bewijs" (sources, flagged touchpoints with
quotes, top call reasons), the review's list of touchpoints with nothing measured, the
index's comparison of personas, the spreadsheet round trip, and a real build for one
data wave (``--evidence``)."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest
from evidence_support import EVIDENCE_DIR, SPORTSCHOOL, sportschool
from markupsafe import escape

import klantreis
from klantreis import ValidationError, exchange
from klantreis.analysis import TOUCHPOINT_WITHOUT_EVIDENCE, missing
from klantreis.builder import JourneyResult
from klantreis.evidence import remove_source
from klantreis.evidence.figures import journey_evidence
from klantreis.evidence.wording import count_notes
from klantreis.report.index import index_html
from klantreis.report.sections import Report

SURVEY = "enquete-2026-voorjaar"
NO_SCRIPTS = re.compile(r"<script.*?</script>", re.S)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return Path(shutil.copy(SPORTSCHOOL, tmp_path / "sportschool.yaml"))


def section(project: Path, persona: str = "student", **options: str) -> str:
    return NO_SCRIPTS.sub("", Report(str(project), persona, **options).evidence().html)


def flagged_ids(journey: klantreis.Journey, persona: str, source: str | None = None) -> list[str]:
    """Independently: touchpoints with a score of n >= 10 whose interval misses the
    assumption by a mean at least 0.5 scale points away."""
    steps = journey.journey(persona, "huidig")
    out = []
    for tid, assumed in zip(steps["id"], steps["emotion"], strict=True):
        scores = [
            r
            for r in journey.records("evidence")
            if (r["persona"], r["touchpoint"], r["metric"]) == (persona, tid, "score")
            and (source is None or r["source"] == source)
        ]
        if (
            len(scores) == 1
            and scores[0]["n"] >= 10
            and not scores[0]["ci_low"] <= assumed <= scores[0]["ci_high"]
            and abs(scores[0]["value"] - assumed) >= 0.5
        ):
            out.append(tid)
    return out


def test_the_section_lists_sources_flags_quotes_and_call_reasons(project: Path) -> None:
    html = section(project, evidence=SURVEY)
    journey = klantreis.load(project)
    assert "<h2>Bewijs: bron enquete-2026-voorjaar</h2>" in html
    assert (
        "<td>enquete-2026-voorjaar</td><td>enquête</td><td>enquete-2026-voorjaar.csv</td>"
        "<td>2026-04-01 – 2026-04-21</td><td>2026-05-04</td><td>113 / 120</td>" in html
    )
    assert "klantcontact-2026q1" not in html  # one wave only
    names = dict(
        zip(
            journey.journey("student", "huidig")["id"],
            journey.journey("student", "huidig")["name"],
            strict=True,
        )
    )
    flagged = flagged_ids(journey, "student", SURVEY)
    assert len(flagged) >= 2, "the example's survey should contradict some assumptions: nothing checked"
    table = html[html.index("<h3>Aanname niet bevestigd</h3>") :]
    headed = re.findall(r"<h4>(.*?): wat klanten zeggen</h4>", table)
    assert sorted(headed) == sorted(str(escape(names[tid])) for tid in flagged)  # these and no others
    for tid in flagged:
        where = (SURVEY, "student", tid, "score")
        record = next(
            r
            for r in journey.records("evidence")
            if (r["source"], r["persona"], r["touchpoint"], r["metric"]) == where
        )
        mean = f"{record['value']:.1f}".replace(".", ",")
        assert f"<td>{names[tid]}</td>" in table and f"gemeten {mean} (" in table
    quotes = pd.read_csv(EVIDENCE_DIR / "interviews-2026.csv")
    for tid in flagged:  # three quotes (or all there are) from the interviews, escaped
        said = quotes[(quotes["Persona"] == "student") & (quotes["Touchpoint"] == tid)]["Citaat"].tolist()
        block = table[table.index(f"<h4>{names[tid]}: wat klanten zeggen</h4>") :]
        block = block[: block.find("<h", 4)]
        shown = re.findall(r"<q>(.*?)</q>", block)
        if not said:
            assert "Geen citaten." in block
        assert len(shown) == min(3, len(said))
        assert all(q in [str(escape(s)) for s in said] for q in shown)


def test_top_call_reasons_match_the_raw_log(project: Path) -> None:
    html = section(project, evidence="klantcontact-2026q1")
    raw = pd.read_csv(EVIDENCE_DIR / "klantcontact-2026q1.csv", encoding="utf-8-sig")
    student = raw[raw["Abonnement"] == "Student Flex"]["Contactreden"].value_counts()
    table = html[html.index("<h3>Belangrijkste contactredenen</h3>") :]
    assert (
        "<td>fase Aftersales</td><td>Opzeggen abonnement, Vraag over factuur</td>"
        f"<td>{student['Opzeggen abonnement'] + student['Vraag over factuur']}</td>" in table
    )
    assert f"<td>Abonnement pauzeren</td><td>{student['Abonnement pauzeren']}</td>" in table
    known = raw[raw["Abonnement"] != "Standaard"]  # the subscription no persona has
    unmapped = known["Contactreden"].isin(["Openingstijden", "Adreswijziging", "Gevonden voorwerpen"]).sum()
    assert (
        f"<td>contactreden niet gekoppeld (alle persona&#x27;s samen)</td><td></td><td>{unmapped}</td>"
        in table
    )
    assert "<h3>Aanname niet bevestigd</h3><p>Geen: waar genoeg is gemeten" in html  # no scores in calls


def test_quotes_and_names_are_escaped(project: Path) -> None:
    journey = klantreis.load(project)
    quote = next(
        q
        for q in journey.records("quotes")
        if (q["persona"], q["touchpoint"]) == ("student", "abonnement-pauzeren")
    )
    journey.update("quotes", (quote["id"],), text='<script>alert("q")</script>')
    klantreis.save(journey, project)
    html = Report(str(project), "student").evidence().html
    assert "&lt;script&gt;alert(&quot;q&quot;)&lt;/script&gt;" in html
    assert '<script>alert("q")' not in html


def test_english_and_no_evidence(project: Path, tmp_path: Path) -> None:
    english = tmp_path / "en.yaml"
    english.write_text(
        project.read_text(encoding="utf-8").replace("\nlanguage: nl\n", "\nlanguage: en\n", 1),
        encoding="utf-8",
    )
    html = section(english)
    assert "<h2>Evidence</h2>" in html and "<h3>Assumption not confirmed</h3>" in html
    assert "<h3>Top call reasons</h3>" in html
    bare = sportschool()
    for source in bare.ids("sources"):
        remove_source(bare, source)
    klantreis.save(bare, tmp_path / "bare.yaml")
    assert "Dit project heeft nog geen bewijs." in section(tmp_path / "bare.yaml")


def test_the_review_names_touchpoints_with_nothing_measured() -> None:
    journey = sportschool()
    gaps = [g for g in missing(journey) if g.kind == TOUCHPOINT_WITHOUT_EVIDENCE]
    measured = {(r["persona"], r["touchpoint"]) for r in journey.records("evidence") if r["touchpoint"]}
    want = [
        (p, t)
        for p, s in journey.journeys()
        for t in journey.journey(p, s)["id"]
        if s == "huidig" and (p, t) not in measured
    ]
    got = [(g.persona, g.touchpoint) for g in gaps if g.scenario == "huidig"]
    assert got == want and ("student", "google-zoeken") in got
    gap = next(g for g in gaps if g.touchpoint == "google-zoeken" and g.persona == "student")
    text = gap.describe(journey)
    assert text.startswith("Voor touchpoint Reviews lezen op Google Maps van Sanne (22), student")
    for source in journey.ids("sources"):
        remove_source(journey, source)
    assert not [g for g in missing(journey) if g.kind == TOUCHPOINT_WITHOUT_EVIDENCE]


def test_the_index_compares_personas_on_measured_scores() -> None:
    journey = sportschool()
    results = [JourneyResult(p, "huidig", Path(f"{p}.ipynb")) for p in journey.ids("personas")]
    html = NO_SCRIPTS.sub("", index_html(journey, results))
    table = html[html.index("Gemeten scores per persona") :]
    assert "<th>Sanne (22), student</th>" in table
    website = journey_evidence(journey, "senior", "huidig").row("website-bezoek")["score"]
    # assumed 2, measured 2.4: outside the interval but under 0.5 away, so no ⚠
    text = f"{website.mean:.1f}".replace(".", ",") + f" (2,1–2,7, n={website.n})"
    assert f'title="klein verschil">{text}</span>' in table
    login = journey_evidence(journey, "senior", "huidig").row("app-inloggen")["score"]
    assert f"{login.mean:.1f}".replace(".", ",") + f" (1,3–1,8, n={login.n}) ⚠" in table
    wave = NO_SCRIPTS.sub("", index_html(journey, results, evidence="interviews-2026"))
    assert "Gemeten scores per persona (bron interviews-2026)" in wave
    cells = wave[wave.index("<table", wave.index("(bron interviews-2026)")) :]
    assert " ○</span>" in cells and " ⚠</span>" not in cells  # interviews: n of 2 or 3


@pytest.mark.parametrize("target", ["project.xlsx", "tabellen"])
def test_a_project_with_evidence_round_trips_through_spreadsheets(target: str, tmp_path: Path) -> None:
    journey = klantreis.load(SPORTSCHOOL)
    written = exchange.export_journey(journey, tmp_path / target)
    if target == "tabellen":
        assert {p.name for p in written} >= {"sources.csv", "evidence.csv", "quotes.csv"}
        sources = pd.read_csv(tmp_path / target / "sources.csv")
        assert sources["mapping"].iloc[1].startswith('{"columns": {"persona": "Abonnement"')
    back = exchange.read_journey(tmp_path / target)
    assert klantreis.dumps(back) == SPORTSCHOOL.read_text(encoding="utf-8")


def test_a_mapping_cell_that_is_no_json_is_reported_with_its_place(tmp_path: Path) -> None:
    exchange.export_journey(klantreis.load(SPORTSCHOOL), tmp_path / "t")
    sources = pd.read_csv(tmp_path / "t" / "sources.csv", dtype=str, keep_default_na=False)
    sources.loc[2, "skipped"] = "{kapot"
    sources.to_csv(tmp_path / "t" / "sources.csv", index=False)
    with pytest.raises(ValidationError) as err:
        exchange.read_journey(tmp_path / "t")
    assert "blad sources, rij 4, kolom skipped" in str(err.value)


@pytest.mark.slow
@pytest.mark.xdist_group("build")
def test_build_for_one_wave_shows_its_figures(project: Path, tmp_path: Path) -> None:
    results = klantreis.build(
        project, tmp_path / "golf", personas=["senior"], scenarios=["huidig"], jobs=1, evidence=SURVEY
    )
    assert results[0].ok, results[0].error
    html = results[0].html.read_text(encoding="utf-8")
    assert "<h2>Bewijs: bron enquete-2026-voorjaar</h2>" in html
    journey = klantreis.load(project)
    where = (SURVEY, "senior", "app-inloggen", "score")
    record = next(
        r
        for r in journey.records("evidence")
        if (r["source"], r["persona"], r["touchpoint"], r["metric"]) == where
    )
    low, high = (f"{record[k]:.1f}".replace(".", ",") for k in ("ci_low", "ci_high"))
    assert f"gemeten {record['value']:.1f}".replace(".", ",") + f" ({low}–{high}, n={record['n']})" in html
    assert "interviews-2026" not in NO_SCRIPTS.sub("", html)  # only that wave
    index = (tmp_path / "golf" / "index.html").read_text(encoding="utf-8")
    assert "Gemeten scores per persona (bron enquete-2026-voorjaar)" in index


def test_without_call_data_the_pain_ranking_is_a_sentence_not_zero_bars(project: Path) -> None:
    """With survey evidence only, every bar would be zero: the section says which data
    would fill the ranking instead."""
    journey = klantreis.load(project)
    for source in [s for s in journey.ids("sources") if s != SURVEY]:
        remove_source(journey, source)
    klantreis.save(journey, project)
    html = section(project, evidence=SURVEY)
    pain = html[html.index("<h3>Waar het pijn doet</h3>") :]
    assert pain.startswith("<h3>Waar het pijn doet</h3>\n<p>Er zijn geen klantcontactgegevens voor deze reis")
    assert "--kind calls" in pain and "klantreis-chart" not in pain


def test_calls_per_month_say_from_how_many_days_they_are_extrapolated() -> None:
    journey = sportschool()
    row = journey_evidence(journey, "student", "huidig").row("abonnement-pauzeren")
    days = (dt.date(2026, 3, 31) - dt.date(2026, 1, 2)).days + 1  # the call log's period
    assert row["calls_days"] == days
    assert f"5,1 gesprekken per maand (omgerekend uit {days} dagen)" in count_notes(row, "nl")
    assert f"5.1 calls per month (extrapolated from {days} days)" in count_notes(row, "en")
