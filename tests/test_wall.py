"""The wall's HTML: the chosen journey's canvas and curve, user text escaped, nothing
to edit, nothing from the internet, and the data it refreshes itself with."""

from __future__ import annotations

import json
import re
from pathlib import Path

from klantreis import Journey, save
from klantreis.wall import file_version, render_wall, updated_text, wall_fragment, wall_page

XSS = "<img src=x onerror=alert(1)>"
EXTERNAL = re.compile(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", re.I)


def test_the_chosen_journey_is_shown_with_a_chooser(journey: Journey) -> None:
    html = wall_fragment(journey, "forens", "current", link="/klantreis/wall?")
    assert "Abonnementsfiets ophalen" in html and "Fiets staat klaar" not in html
    assert 'href="/klantreis/wall?persona=toerist&amp;scenario=gewenst"' in html
    current = re.search(r'<a href="[^"]*persona=forens[^"]*" aria-current="page">([^<]*)</a>', html)
    assert current and current.group(1) == "Fien, forens × Huidige situatie"
    assert "<svg" in html  # the emotion curve, inline


def test_default_and_unknown_journeys_fall_back_to_the_first(journey: Journey) -> None:
    assert "Lange rij" in wall_fragment(journey)  # toerist × huidig
    html = wall_fragment(journey, "nobody", "current")
    assert "nobody × current bestaat niet (meer)" in html and "Lange rij" in html


def test_user_text_is_escaped_everywhere(journey: Journey) -> None:
    journey.update_touchpoint("website", "toerist", "current", name=XSS, why=XSS)
    journey.update_persona("toerist", name=XSS)
    journey.title = XSS
    html = wall_fragment(journey, "toerist", "current")
    page = wall_page(html, title=journey.title, language="nl", version="v", updated="", data_url="/d?")
    assert XSS not in page and "<img" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


def test_the_page_has_nothing_to_edit_and_nothing_external(journey: Journey) -> None:
    page = wall_page(
        wall_fragment(journey),
        title="</script><b>",
        language="en",
        version="abc",
        updated="Updated at 10:00:00",
        data_url="/klantreis/wall/data?persona=toerist",
    )
    assert not re.search(r"<(input|button|textarea|select|form)\b", page)
    assert not EXTERNAL.search(page)
    assert '<html lang="en">' in page and "<title>Wall – &lt;/script&gt;&lt;b&gt;</title>" in page
    config = re.search(r'<script type="application/json" id="kr-wall-config">(.*?)</script>', page, re.S)
    assert config is not None
    data = json.loads(config.group(1))
    assert data["version"] == "abc" and data["data"] == "/klantreis/wall/data?persona=toerist"
    assert data["every"] <= 3000  # refreshes within a few seconds


def test_render_reads_the_file_once_and_says_what_is_wrong(journey: Journey, tmp_path: Path) -> None:
    project = tmp_path / "reis.yaml"
    version, html, title, language = render_wall(project, language="en")
    assert version == "" and "does not exist yet" in html
    save(journey, project)
    version, html, title, language = render_wall(project, "forens", "current")
    assert version == file_version(project) and title == "Fietsverhuur De Spaak" and language == "nl"
    assert "Abonnementsfiets ophalen" in html
    assert updated_text(project, "nl").startswith("Bijgewerkt om ")
    project.write_text("klantreis: 1\ntitle: x\nphases: 3\n", encoding="utf-8")
    new_version, html, _, _ = render_wall(project)
    assert new_version != version and "kan nu niet gelezen worden" in html


def test_an_empty_project_says_what_to_do(tmp_path: Path) -> None:
    empty = Journey(title="Leeg")
    assert "Nog niets om te tonen" in wall_fragment(empty)


def test_the_curve_sits_right_under_the_phases_on_the_wall(journey: Journey) -> None:
    from klantreis.charts import canvas

    curve, lane = '<tr class="kr-curve"', '<tr class="kr-lane kr-lane-touchpoints"'
    html = wall_fragment(journey)
    assert html.index("<thead>") < html.index(curve) < html.index(lane)
    report = canvas(journey).html_fragment()  # elsewhere it stays under the lanes
    assert report.index(lane) < report.index(curve)
