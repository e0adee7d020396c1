"""Canvas templates: each produces a valid project in Dutch and English and carries
the structure of the method it comes from."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from klantreis import JourneyError, dumps, get_template, list_templates, load, loads, new_journey
from klantreis.cli import main
from klantreis.fields import SLUG_RE
from klantreis.templates import LANES, STEPS

LANGUAGES = ("nl", "en")


def bilingual_places(data: dict[str, Any]) -> list[tuple[str, Any]]:
    """Every text a user reads, with where it is: each must be ``{nl: .., en: ..}``."""
    places = [("name", data.get("name")), ("description", data.get("description"))]
    for i, phase in enumerate(data.get("phases", [])):
        places += [(f"phases[{i}].name", phase.get("name")),
                   (f"phases[{i}].description", phase.get("description"))]  # fmt: skip
        places += [(f"phases[{i}].{k}", phase[k]) for k in ("duration", "user_goal") if k in phase]
    for i, lane in enumerate(data.get("lanes", [])):
        places += [(f"lanes[{i}].name", lane.get("name")), (f"lanes[{i}].hint", lane.get("hint"))]
    places += [(f"scale[{i}].label", p.get("label")) for i, p in enumerate(data.get("scale", []))]
    places += [(f"scenarios[{i}].name", s.get("name"))
               for i, s in enumerate(data.get("scenarios", []))]  # fmt: skip
    places += [(f"review_questions[{i}].text", q.get("text"))
               for i, q in enumerate(data.get("review_questions", []))]  # fmt: skip
    places += [(f"guidance.{step}", (data.get("guidance") or {}).get(step)) for step in STEPS]
    places += [(f"channels[{i}]", c) for i, c in enumerate(data.get("channels", []))]
    return places


def test_one_template_per_method_of_the_seeds():
    # Flanders InShape, the eight-element card (and its employee variant), the Customer
    # Journey Canvas, Michels' communication journey (and its Touch-Tell-Sell-Care phase
    # layout), the research-driven approach
    assert [t.id for t in list_templates()] == [
        "canvas",
        "flanders",
        "kaart8",
        "kaart8-medewerker",
        "michels",
        "michels-ttsc",
        "onderzoek",
    ]


def test_template_file_id_matches_name(template_id, templates_dir):
    raw = yaml.safe_load((templates_dir / f"{template_id}.yaml").read_text(encoding="utf-8"))
    assert raw["id"] == template_id
    assert raw.get("source"), "say which method the template follows"


@pytest.mark.parametrize("language", LANGUAGES)
def test_template_makes_valid_project(template_id, language):
    template = get_template(template_id)
    journey = new_journey(template_id, language=language)
    assert journey.title == template.name(language)
    assert journey.template == template_id and journey.language == language
    assert journey.ids("phases") == [p["id"] for p in template.phases()]
    assert journey.ids("scenarios") == [s["id"] for s in template.scenarios()]
    assert journey.scale == template.scale(language)
    assert list(journey.review["answers"]) == [q for q, _ in template.review_questions()]
    text = dumps(journey)
    again = loads(text)
    assert dumps(again) == text
    assert f"template: {template_id}\n" in text and f"language: {language}\n" in text
    assert journey.phases["name"].tolist() == [p["name"] for p in template.phases(language)]


def test_template_structure(template_id):
    t = get_template(template_id)
    phases, lanes = t.phases(), t.lanes()
    assert len(phases) >= 3 and all(SLUG_RE.match(p["id"]) for p in phases)
    assert len({p["id"] for p in phases}) == len(phases)
    assert lanes and [lane["id"] for lane in lanes if lane["id"] not in LANES] == []
    assert len({lane["id"] for lane in lanes}) == len(lanes)
    scores = [p.score for p in t.scale()]
    assert len(scores) >= 3 and scores == sorted(set(scores))
    assert t.scenarios() and all(SLUG_RE.match(s["id"]) for s in t.scenarios())
    questions = t.review_questions()
    assert len(questions) >= 3 and all(SLUG_RE.match(q) for q, _ in questions)
    assert len({q for q, _ in questions}) == len(questions)
    assert t.channels()


@pytest.mark.parametrize("language", LANGUAGES)
def test_all_texts_in_both_languages(template_id, language):
    t = get_template(template_id)
    missing = []
    for where, value in bilingual_places(t.data):
        if not isinstance(value, dict) or not str(value.get(language) or "").strip():
            missing.append(where)
    assert missing == [], f"{template_id}: no {language} text at {missing}"
    assert all(t.guidance(step, language) for step in STEPS)
    assert t.description(language) and "\n" not in t.description(language).strip()


def test_dutch_and_english_differ_where_they_should(template_id):
    t = get_template(template_id)
    assert t.description("nl") != t.description("en")
    assert [q for _, q in t.review_questions("nl")] != [q for _, q in t.review_questions("en")]


def test_flanders_canvas():
    t = get_template("flanders")
    assert [p["id"] for p in t.phases()] == ["vooraf", "tijdens-gebruik", "achteraf"]
    assert [p["name"] for p in t.phases("en")] == ["Before", "During use", "After use"]
    assert [(p.score, p.label) for p in t.scale()] == [
        (1, "negatief"), (2, "voldoende"), (3, "goed"), (4, "uitstekend")]  # fmt: skip
    lanes = [lane["id"] for lane in t.lanes()]
    for lane in ("user_goal", "touchpoints", "interaction", "emotion"):
        assert lane in lanes
    questions = dict(t.review_questions("en"))
    assert "is the experience good enough?" in questions["goed-genoeg"]
    assert {"verbeterpunten", "overbodige-kanalen", "ontbrekende-kanalen"} <= set(questions)
    # a touchpoint scored on the four-level scale by label
    j = new_journey("flanders")
    j.add_persona("teler")
    j.add_touchpoint("beurs", "teler", "vooraf", "Vakbeurs", emotion="uitstekend")
    assert j.touchpoints["emotion"].tolist() == [4]
    with pytest.raises(JourneyError, match="5 staat niet op de schaal"):
        j.add_touchpoint("x", "teler", "vooraf", "X", emotion=5)


def test_customer_journey_canvas():
    t = get_template("canvas")
    for language in LANGUAGES:
        assert all(p["duration"] for p in t.phases(language)), "every phase has a duration"
    assert "concurrent" in [s["id"] for s in t.scenarios()]
    assert "concurrenten" in dict(t.review_questions())
    j = new_journey("canvas", language="en")
    assert all(j.phases["duration"] != "")
    assert "competitor" in j.name_of("scenarios", "concurrent").lower()


def test_michels_communication_journey():
    t = get_template("michels")
    assert [p["id"] for p in t.phases()] == ["verwachtingen", "ervaringen", "engagement"]
    question = dict(t.review_questions("nl"))["touch-tell-sell-care"]
    for word in ("Touch", "Tell", "Sell", "Care"):
        assert word.lower() in question.lower()


def test_eight_element_card_and_employee_variant():
    customer, employee = get_template("kaart8"), get_template("kaart8-medewerker")
    assert "opportunities" in [lane["id"] for lane in customer.lanes()]
    ids = [p["id"] for p in employee.phases()]
    assert ids[0] == "werving" and "onboarding" in ids
    assert "medewerker" in employee.name("nl").lower() and "employee" in employee.name("en").lower()


def test_research_template():
    t = get_template("onderzoek")
    assert len(t.phases()) == 5
    assert "data" in [lane["id"] for lane in t.lanes()]


def test_unknown_template_names_known_ones():
    with pytest.raises(JourneyError, match="onbekend sjabloon 'nope'; bekend: canvas, flanders"):
        new_journey("nope")


@pytest.mark.parametrize("language", LANGUAGES)
def test_klantreis_new_for_each_template(template_id, language, tmp_path, capsys):
    path = tmp_path / f"{template_id}.yaml"
    code = main(["new", str(path), "--template", template_id, "--language", language,
                 "--title", "Mijn reis 🚲"])  # fmt: skip
    assert code == 0
    created = "{} aangemaakt met sjabloon {!r}\n" if language == "nl" else "created {} from template {!r}\n"
    assert capsys.readouterr().out == created.format(path, template_id)
    journey = load(path)
    assert (journey.title, journey.template, journey.language) == (
        "Mijn reis 🚲", template_id, language)  # fmt: skip
    assert main(["validate", str(path)]) == 0
    out = capsys.readouterr().out
    ok = "in orde: Mijn reis 🚲: 0 persona's, " if language == "nl" else "ok: Mijn reis 🚲: 0 personas, "
    assert out.startswith(f"{path}: {ok}")
