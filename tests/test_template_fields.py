"""Fields a template adds: declared in the template, kept in one ``extra`` mapping per
record, checked against the declarations, byte-stable in the project file, in the
JSON Schema and in spreadsheets; and files written before them stay as they were."""

from __future__ import annotations

import csv
import re
import shutil
from pathlib import Path

import jsonschema
import pytest

from klantreis import Journey, JourneyError, dumps, get_template, load, loads, new_journey, save, to_dict
from klantreis.exchange import export_journey, read_journey
from klantreis.merge import merge
from klantreis.schema import json_schema
from klantreis.session import ProjectSession, SaveConflict
from klantreis.template_fields import CHOICE, SCALE, YESNO
from klantreis.templates import Template

FORMAT1 = sorted((Path(__file__).parent / "data" / "format1").glob("*.yaml"))

#: What each method asks for, as (table, field id, kind) — the issue's list.
ASKED = {
    "michels": {("touchpoints", "ttsc", CHOICE), ("touchpoints", "memorabel", YESNO)},
    # the phases are Touch, Tell, Sell, Care: a touchpoint says which of Michels' three
    # phases it belongs to instead
    "michels-ttsc": {("touchpoints", "michels-fase", CHOICE), ("touchpoints", "memorabel", YESNO)},
    "onderzoek": {("phases", "succescriteria", "text"), ("phases", "getoetst", YESNO)},
    "canvas": {("phases", "ervaring", SCALE), ("personas", "segment", "text"),
               ("personas", "klanttype", "text")},
    "flanders": {("personas", "actor", CHOICE)},
    "kaart8": {("personas", "gewenste-rol", "text")},
    "kaart8-medewerker": {("personas", "gewenste-rol", "text")},
}  # fmt: skip

#: A value to fill in per kind (a scale field takes a smiley, as a form may give it).
SAMPLE = {"text": "Eén criterium: 'ik snap het snel'", CHOICE: None, YESNO: True, SCALE: 4}


def sample_value(field, journey: Journey):
    """A valid value for ``field`` (the last option of a choice)."""
    if field.kind == CHOICE:
        return field.options[-1].id
    return SAMPLE[field.kind]


def filled(template_id: str) -> Journey:
    """A new journey of ``template_id`` with one persona and touchpoint, every template
    field filled in."""
    j = new_journey(template_id)
    j.add_persona("p", "Pim")
    phase = j.ids("phases")[0]
    j.add_touchpoint("t", "p", phase, "Eerste contact", emotion=j.scale.scores[0])
    keys = {"phases": (phase,), "personas": ("p",), "touchpoints": ("t", "p", j.default_scenario)}
    for f in j.template_fields:
        j.set_extra(f.table, keys[f.table], f.id, sample_value(f, j))
    return j


def test_each_template_declares_the_fields_its_method_asks_for(template_id):
    declared = {(f.table, f.id, f.kind) for f in get_template(template_id).fields()}
    assert declared == ASKED[template_id]
    for f in get_template(template_id).fields():
        for language in ("nl", "en"):
            assert f.name(language) and f.hint_text(language), (f.id, language)
        assert f.name("nl") != f.name("en") or f.kind == CHOICE and f.id == "ttsc"
    ttsc = get_template("michels").fields().get("touchpoints", "ttsc")
    assert [o.text("nl") for o in ttsc.options] == ["Touch", "Tell", "Sell", "Care"]


def test_every_template_field_round_trips_byte_for_byte(template_id):
    j = filled(template_id)
    text = dumps(j)
    again = loads(text)
    assert dumps(again) == text
    for table in ("phases", "personas", "touchpoints"):
        assert [r["extra"] for r in again.records(table)] == [r["extra"] for r in j.records(table)]
    for f in j.template_fields:  # each under a record's extra: (records at 2 spaces, their fields at 4)
        assert re.search(rf"^    extra:\n(?:      .*\n)*?      {re.escape(f.id)}: ", text, re.M), f.id


def test_values_are_stored_as_ids_booleans_and_scores():
    j = new_journey("michels")
    j.add_persona("p")
    j.add_touchpoint("ad", "p", "verwachtingen", "Advertentie", extra={"ttsc": "TOUCH", "memorabel": "ja"})
    assert j.records("touchpoints")[0]["extra"] == {"ttsc": "touch", "memorabel": True}
    assert "    extra:\n      ttsc: touch\n      memorabel: true\n" in dumps(j)
    j.set_extra("touchpoints", ("ad", "p", "huidig"), "memorabel", None)  # cleared: left out
    assert j.records("touchpoints")[0]["extra"] == {"ttsc": "touch"}
    j.set_extra("touchpoints", ("ad", "p", "huidig"), "ttsc", "")
    assert "extra" not in dumps(j)  # an empty mapping is not written
    canvas = new_journey("canvas")
    canvas.update_phase("gebruik", extra={"ervaring": "😄"})
    assert canvas.records("phases")[2]["extra"] == {"ervaring": 5}


@pytest.mark.parametrize(
    ("extra", "language", "expected"),
    [
        ({"ttsc": "klik"}, "nl", "'ttsc' (Touch, Tell, Sell of Care): 'klik' is hier niet mogelijk; "
                                 "kies uit: touch, tell, sell, care"),
        ({"tsc": "tell"}, "nl", "het sjabloon kent geen veld 'tsc' (bedoel je 'ttsc'?) bij een touchpoint"),
        ({"memorabel": "misschien"}, "en", "'memorabel' (Does this moment stick?): must be true or false"),
        ("tell", "nl", "moet een koppeling (sleutel: waarde) zijn"),
        ({"ttsc": ["tell"]}, "nl", "'ttsc' moet tekst, een getal of ja/nee zijn"),
    ],
)  # fmt: skip
def test_a_value_that_does_not_fit_is_refused_saying_what_and_where(extra, language, expected):
    j = new_journey("michels", language=language)
    j.add_persona("p")
    with pytest.raises(JourneyError) as info:
        j.add_touchpoint("ad", "p", "verwachtingen", "Advertentie", extra=extra)
    assert expected in str(info.value)
    assert info.value.field == "extra"
    assert str(info.value).startswith("touchpoint")
    assert j.records("touchpoints") == []  # nothing half-added


def test_a_file_with_a_bad_value_names_the_line_and_the_field(problems_of):
    j = filled("flanders")
    text = dumps(j).replace("actor: partner", "actor: klant")
    problems = problems_of(text)
    assert len(problems) == 1
    problem = problems[0]
    assert problem.path == "personas[0].extra.actor"
    assert problem.line == text.splitlines().index("      actor: klant") + 1
    assert "'klant' is hier niet mogelijk; kies uit: gebruiker, partner" in problem.text("nl")


def test_without_a_template_any_plain_values_are_kept():
    j = Journey("Zonder sjabloon")
    j.add_persona("p", extra={"segment": "B2B", "score": 3, "vast": False})
    text = dumps(j)
    assert dumps(loads(text)) == text
    assert loads(text).records("personas")[0]["extra"] == {"segment": "B2B", "score": 3, "vast": False}
    with pytest.raises(JourneyError, match="lijst of koppeling"):
        j.update_persona("p", extra={"segment": {"a": 1}})


def test_a_template_that_declares_nothing_for_a_table_refuses_extra_there():
    j = new_journey("kaart8")
    with pytest.raises(JourneyError, match="het sjabloon kent geen veld 'x' bij een fase; wel: geen"):
        j.update_phase("behoefte", extra={"x": "y"})


@pytest.mark.parametrize("path", FORMAT1, ids=[p.stem for p in FORMAT1])
def test_files_written_before_template_fields_load_unchanged_and_save_byte_for_byte(path, tmp_path):
    text = path.read_text(encoding="utf-8")
    assert "extra:" not in text
    journey = loads(text)
    assert dumps(journey) == text
    assert all(r["extra"] == {} for t in ("phases", "personas", "touchpoints") for r in journey.records(t))
    assert all("extra" not in r for t in ("phases", "personas", "touchpoints") for r in to_dict(journey)[t])
    copy = Path(shutil.copy(path, tmp_path / path.name))
    save(load(copy), copy)
    assert copy.read_bytes() == path.read_bytes()


@pytest.mark.parametrize("suffix", [".xlsx", ""], ids=["xlsx", "csv"])
def test_template_fields_round_trip_through_spreadsheets(template_id, suffix, tmp_path):
    j = filled(template_id)
    target = tmp_path / f"reis{suffix}"
    export_journey(j, target)
    assert dumps(read_journey(target)) == dumps(j)


def test_each_template_field_has_its_own_spreadsheet_column(tmp_path):
    j = filled("michels")
    export_journey(j, tmp_path / "map")
    with (tmp_path / "map" / "touchpoints.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0])[-2:] == ["extra.ttsc", "extra.memorabel"]
    assert (rows[0]["extra.ttsc"], rows[0]["extra.memorabel"]) == ("care", "True")
    # a team filling the sheet may type the option's label
    text = (tmp_path / "map" / "touchpoints.csv").read_text(encoding="utf-8")
    (tmp_path / "map" / "touchpoints.csv").write_text(text.replace('"care"', '"Sell"'), encoding="utf-8")
    assert read_journey(tmp_path / "map").records("touchpoints")[0]["extra"]["ttsc"] == "sell"


def test_schema_checks_template_fields_per_template():
    schema = json_schema()
    validator = jsonschema.Draft202012Validator(schema)
    data = to_dict(filled("michels"))
    assert list(validator.iter_errors(data)) == []
    data["touchpoints"][0]["extra"]["ttsc"] = "klik"
    data["touchpoints"][0]["extra"]["unknown"] = "x"
    errors = list(validator.iter_errors(data))
    assert errors and all(list(e.absolute_path)[:3] == ["touchpoints", 0, "extra"] for e in errors)
    flanders = to_dict(filled("flanders"))
    flanders["personas"][0]["extra"]["ttsc"] = "tell"  # a Michels field in a Flanders file
    assert list(validator.iter_errors(flanders))


def test_two_notebooks_filling_different_template_fields_of_one_record_both_keep_theirs(tmp_path):
    path = tmp_path / "reis.yaml"
    save(filled("michels"), path)
    first, second = ProjectSession.open(path), ProjectSession.open(path)
    key = ("t", "p", "huidig")
    first.apply(lambda j: j.set_extra("touchpoints", key, "ttsc", "tell"))
    second.apply(lambda j: j.set_extra("touchpoints", key, "memorabel", False))
    first.save()
    second.save()
    assert load(path).records("touchpoints")[0]["extra"] == {"ttsc": "tell", "memorabel": False}
    first.apply(lambda j: j.set_extra("touchpoints", key, "ttsc", "touch"))
    second.apply(lambda j: j.set_extra("touchpoints", key, "ttsc", "sell"))
    first.save()
    with pytest.raises(SaveConflict) as info:
        second.save()
    assert info.value.conflicts == ["touchpoints[t@p/huidig].extra.ttsc"]


def test_merge_removes_a_template_field_cleared_on_one_side():
    base = to_dict(filled("canvas"))
    mine = to_dict(filled("canvas"))
    del mine["personas"][0]["extra"]["segment"]
    result = merge(base, mine, base)
    assert result.ok and "segment" not in result.data["personas"][0]["extra"]


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        ({"stappen": []}, "velden kunnen alleen bij phases, personas, touchpoints"),
        ({"phases": [{"id": "x y", "label": {"nl": "X", "en": "X"}}]}, "elk veld heeft een eigen id"),
        ({"phases": [{"id": "x", "kind": "getal", "label": {"nl": "X", "en": "X"}}]}, "kind moet een van"),
        ({"phases": [{"id": "x", "label": "X"}]}, "Nederlandse en een Engelse tekst"),
        ({"phases": [{"id": "x", "kind": "choice", "label": {"nl": "X", "en": "X"},
                      "options": [{"id": "a"}]}]}, "minstens twee opties"),
        ({"phases": [{"id": "x", "step": "kaart", "label": {"nl": "X", "en": "X"}}]}, "step moet een van"),
        ({"touchpoints": [{"id": "x", "tally": True, "label": {"nl": "X", "en": "X"}}]}, "tally kan alleen"),
    ],
)  # fmt: skip
def test_a_malformed_declaration_is_refused_naming_the_template_and_place(fields, reason):
    with pytest.raises(JourneyError) as info:
        Template("eigen", {"fields": fields}).fields()
    assert str(info.value).startswith("sjabloon eigen, fields")
    assert reason in str(info.value)
