"""The journey model: tables with fixed dtypes, kept consistent by its methods."""

from __future__ import annotations

import pandas as pd
import pytest

import klantreis
from klantreis import Journey, JourneyError, dumps, loads, to_dict
from klantreis.fields import TABLES

DTYPES = {
    "phases": {"id": "string", "name": "string", "duration": "string"},
    "personas": {"id": "string", "needs": "object", "frustrations": "object"},
    "scenarios": {"id": "string", "name": "string"},
    "touchpoints": {
        "id": "string",
        "persona": "string",
        "phase": "string",
        "online": "boolean",
        "owned": "boolean",
        "emotion": "Int64",
        "critical": "bool",
        "importance": "string",
    },
    "opportunities": {"id": "string", "impact": "Int64", "effort": "Int64"},
    "sources": {"id": "string", "rows_read": "Int64", "skipped": "object", "mapping": "object"},
    "evidence": {"source": "string", "n": "Int64", "value": "Float64", "ci_low": "Float64"},
    "quotes": {"id": "string", "text": "string", "emotion": "Float64"},
}


def tp(journey: Journey, id: str, persona: str, scenario: str = "current") -> pd.Series:
    t = journey.touchpoints
    rows = t[(t["id"] == id) & (t["persona"] == persona) & (t["scenario"] == scenario)]
    assert len(rows) == 1, rows
    return rows.iloc[0]


# ------------------------------------------------------------------ dtypes
@pytest.mark.parametrize("table", list(TABLES))
def test_table_columns_and_dtypes_fixed_when_empty_and_filled(journey, table):
    empty = Journey(title="leeg")
    for j in (empty, journey):
        frame = getattr(j, table)
        assert list(frame.columns) == [f.name for f in TABLES[table].fields]
        for column, dtype in DTYPES[table].items():
            assert str(frame[column].dtype) == dtype, (table, column)


def test_dtypes_survive_add_update_and_loads(journey):
    journey.update_touchpoint("website", "toerist", emotion=None, online=False)
    again = loads(dumps(journey))
    for j in (journey, again):
        for table, columns in DTYPES.items():
            for column, dtype in columns.items():
                assert str(getattr(j, table)[column].dtype) == dtype, (table, column)
    row = tp(again, "website", "toerist")
    assert row["emotion"] is pd.NA
    assert row["online"] is not pd.NA and not row["online"]
    assert "online: false" in dumps(again)


def test_new_journey_defaults():
    j = Journey(title="x", language="en")
    assert j.ids("scenarios") == ["current"]
    assert j.scenarios["name"].tolist() == ["Current situation"]
    assert [p.score for p in j.scale] == [1, 2, 3, 4, 5]
    assert j.scale[0].label == "very negative"


def test_unknown_language_refused():
    with pytest.raises(JourneyError, match="veld 'language': 'fr' is hier niet mogelijk; kies uit: nl, en"):
        Journey(title="x", language="fr")


# ------------------------------------------------------------------ emotions
@pytest.mark.parametrize("given", [4, "4", 4.0, "positief", "Positief", " positief ", "🙂"])
def test_emotion_as_score_label_or_emoji_stored_as_score(journey, given):
    journey.add_touchpoint("nieuw", "forens", "orientatie", "Nieuw", emotion=given)
    assert tp(journey, "nieuw", "forens")["emotion"] == 4
    assert "emotion: 4\n" in dumps(journey).split("id: nieuw")[1]


def test_emotion_not_on_scale_refused_listing_scale(journey):
    with pytest.raises(JourneyError, match=r"touchpoint, veld 'emotion': 'blij' staat niet op de "
                       r"schaal; kies een van: 1 \(zeer negatief\), 2 \(negatief\)"):  # fmt: skip
        journey.add_touchpoint("x", "forens", "huren", "X", emotion="blij")
    with pytest.raises(JourneyError, match="7 staat niet op de schaal"):
        journey.update_touchpoint("balie", "forens", emotion=7)
    assert tp(journey, "balie", "forens")["emotion"] == 3


def test_emotion_cleared_with_none_or_empty(journey):
    journey.update_touchpoint("balie", "forens", emotion="")
    assert tp(journey, "balie", "forens")["emotion"] is pd.NA
    assert "emotion" not in dumps(journey).split("name: Abonnementsfiets ophalen")[1].split("- ")[0]


# ------------------------------------------------------------------ personas
def test_add_update_remove_persona(journey):
    journey.add_persona("student", "Sara", needs="goedkoop\n  flexibel\n", role="student")
    row = journey.personas.iloc[-1]
    assert row["needs"] == ["goedkoop", "flexibel"] and row["role"] == "student"
    journey.update_persona("student", name="Sara (20)", frustrations=["wachten"])
    assert journey.name_of("personas", "student") == "Sara (20)"
    assert journey.personas.iloc[-1]["frustrations"] == ["wachten"]
    journey.remove_persona("student")
    assert journey.ids("personas") == ["toerist", "forens"]


def test_remove_persona_with_touchpoints_refused_then_cascade(journey):
    with pytest.raises(JourneyError, match="persona 'Fien, forens' heeft nog 1 touchpoints"):
        journey.remove_persona("forens")
    journey.remove_persona("forens", with_touchpoints=True)
    assert "forens" not in set(journey.touchpoints["persona"])
    assert journey.ids("personas") == ["toerist"]
    loads(dumps(journey))  # still consistent


def test_cascade_remove_refused_when_opportunity_would_dangle():
    j = Journey(title="x")
    j.add_phase("a")
    j.add_persona("p")
    j.add_persona("q")
    j.add_touchpoint("t", "p", "a", "T")
    j.add_touchpoint("t", "q", "a", "T")
    j.add_opportunity("o", "beter", touchpoint="t")  # both have t: for every persona
    assert j.opportunities.loc[0, "persona"] == ""
    j.remove_touchpoint("t", "q")  # p's t still carries it
    with pytest.raises(JourneyError, match=r"kansen naar verwijzen \(t\)"):
        j.remove_persona("p", with_touchpoints=True)
    assert len(j.touchpoints) == 1 and j.ids("personas") == ["p", "q"]


def test_an_opportunity_on_one_journeys_touchpoint_is_that_journeys_and_goes_with_it():
    j = Journey(title="x")
    j.add_phase("a")
    j.add_persona("p")
    j.add_touchpoint("t", "p", "a", "T")
    j.add_opportunity("o", "beter", touchpoint="t")
    op = j.records("opportunities")[0]
    assert (op["persona"], op["scenario"]) == ("p", j.default_scenario)
    j.remove_persona("p", with_touchpoints=True)
    assert j.opportunities.empty
    assert loads(dumps(j)).opportunities.empty


def test_unknown_field_and_bad_value_refused(journey):
    with pytest.raises(JourneyError, match="persona heeft geen veld 'leeftijd'; wel: id, name"):
        journey.add_persona("x", "X", leeftijd=30)
    with pytest.raises(JourneyError, match="touchpoint, veld 'critical': moet ja of nee zijn"):
        journey.add_touchpoint("x", "forens", "huren", "X", critical="misschien")
    with pytest.raises(JourneyError, match="'x y' kan geen code zijn.*'x-y'"):
        journey.add_persona("x y")
    with pytest.raises(JourneyError, match="kans, veld 'impact': moet tussen 1 en 5 liggen"):
        journey.add_opportunity("o2", "d", impact=9)
    with pytest.raises(JourneyError, match="touchpoint, veld 'name': is verplicht"):
        journey.update_touchpoint("balie", "forens", name="  ")
    assert journey.ids("personas") == ["toerist", "forens"]


# ------------------------------------------------------------------ duplicates
@pytest.mark.parametrize(
    "add",
    [
        lambda j: j.add_persona("forens"),
        lambda j: j.add_phase("huren"),
        lambda j: j.add_scenario("gewenst"),
        lambda j: j.add_opportunity("o1", "nog eens"),
    ],
    ids=["persona", "phase", "scenario", "opportunity"],
)
def test_duplicate_id_refused(journey, add):
    before = dumps(journey)
    with pytest.raises(JourneyError, match="de code '(forens|huren|gewenst|o1)' hoort al bij een"):
        add(journey)
    assert dumps(journey) == before


def test_rename_onto_existing_id_refused(journey):
    with pytest.raises(JourneyError, match="de code 'forens' hoort al bij een andere persona"):
        journey.update_persona("toerist", id="forens")


def test_touchpoint_id_unique_per_persona_and_scenario(journey):
    with pytest.raises(
        JourneyError,
        match="de code 'balie' hoort al bij een ander touchpoint voor persona 'toerist' in "
        "scenario 'current'",
    ):
        journey.add_touchpoint("balie", "toerist", "huren", "Nog een balie")
    # the same id under another persona or scenario is the same touchpoint: allowed
    journey.add_touchpoint("website", "forens", "orientatie", "Website")
    journey.add_touchpoint("website", "toerist", "orientatie", "Website", scenario="gewenst")
    assert (journey.touchpoints["id"] == "website").sum() == 3


def test_unknown_reference_refused(journey):
    with pytest.raises(JourneyError, match="fase 'betalen' bestaat niet; bekend: "
                       "orientatie, huren, terugbrengen"):  # fmt: skip
        journey.add_touchpoint("x", "forens", "betalen", "X")
    with pytest.raises(JourneyError, match="persona 'niemand' bestaat niet"):
        journey.add_touchpoint("x", "niemand", "huren", "X")
    with pytest.raises(JourneyError, match="scenario 'later' bestaat niet"):
        journey.add_touchpoint("x", "forens", "huren", "X", scenario="later")
    with pytest.raises(JourneyError, match="touchpoint 'nergens' bestaat niet"):
        journey.add_opportunity("o9", "d", touchpoint="nergens")
    with pytest.raises(JourneyError, match="persona 'niemand' bestaat niet; bekend: toerist, forens"):
        journey.update_persona("niemand", name="x")


# ------------------------------------------------------------------ phases
def test_add_phase_at_position_and_move(journey):
    journey.add_phase("zoeken", "Zoeken", position=0)
    assert journey.ids("phases") == ["zoeken", "orientatie", "huren", "terugbrengen"]
    journey.move_phase("zoeken", 2)
    assert journey.ids("phases") == ["orientatie", "huren", "zoeken", "terugbrengen"]
    journey.move_phase("terugbrengen", 0)
    assert journey.ids("phases")[0] == "terugbrengen"
    journey.update_phase("zoeken", user_goal="Iets vinden")
    assert journey.phases.loc[journey.phases["id"] == "zoeken", "user_goal"].item() == "Iets vinden"
    journey.remove_phase("zoeken")
    assert "zoeken" not in journey.ids("phases")


def test_remove_phase_with_touchpoints_refused_naming_count(journey):
    with pytest.raises(JourneyError) as info:
        journey.remove_phase("huren")
    assert str(info.value) == "fase 'Huren' heeft nog 3 touchpoints; verplaats of verwijder die eerst"
    assert info.value.text("en") == "phase 'Huren' still has 3 touchpoints; move or remove those first"
    assert "huren" in journey.ids("phases")


def test_remove_phase_with_opportunity_refused(journey):
    journey.add_phase("leeg")
    journey.add_opportunity("o2", "iets", phase="leeg")
    with pytest.raises(JourneyError, match="fase 'leeg' heeft nog 1 kansen"):
        journey.remove_phase("leeg")


def test_rename_phase_updates_touchpoints_and_opportunities(journey):
    journey.update_phase("huren", id="ophalen", name="Ophalen")
    assert journey.ids("phases") == ["orientatie", "ophalen", "terugbrengen"]
    assert (journey.touchpoints["phase"] == "ophalen").sum() == 3
    assert journey.opportunities["phase"].tolist() == ["ophalen"]
    assert "huren" not in dumps(journey)


def test_rename_persona_and_scenario_update_touchpoints(journey):
    journey.update_persona("toerist", id="bezoeker")
    journey.update_scenario("gewenst", id="straks", name="Straks")
    assert set(journey.touchpoints["persona"]) == {"bezoeker", "forens"}
    assert tp(journey, "balie", "bezoeker", "straks")["name"] == "Fiets staat klaar"
    assert journey.journeys() == [("bezoeker", "current"), ("bezoeker", "straks"),
                                  ("forens", "current")]  # fmt: skip


def test_rename_touchpoint_updates_opportunity_only_when_id_is_gone():
    j = Journey(title="x")
    j.add_phase("a")
    j.add_persona("p")
    j.add_persona("q")
    j.add_touchpoint("t", "p", "a", "T")
    j.add_touchpoint("t", "q", "a", "T")
    j.add_opportunity("o", "beter", touchpoint="t")
    j.update_touchpoint("t", "p", id="t2")
    assert j.opportunities["touchpoint"].tolist() == ["t"]  # q still has 't'
    j.update_touchpoint("t", "q", id="t2")
    assert j.opportunities["touchpoint"].tolist() == ["t2"]
    loads(dumps(j))


# ------------------------------------------------------------------ scenarios
def test_scenarios_add_remove_and_last_one_kept(journey):
    journey.add_scenario("concurrent", "Concurrent")
    assert journey.ids("scenarios") == ["current", "gewenst", "concurrent"]
    journey.remove_scenario("concurrent")
    with pytest.raises(JourneyError, match="scenario 'Gewenste situatie' heeft nog 1 touchpoints"):
        journey.remove_scenario("gewenst")
    journey.remove_scenario("gewenst", with_touchpoints=True)
    with pytest.raises(JourneyError, match="minstens één scenario"):
        journey.remove_scenario("current")


# ------------------------------------------------------------------ touchpoints
def test_add_touchpoint_defaults_to_first_scenario_and_position(journey):
    journey.add_touchpoint("kaart", "forens", "orientatie", "Kaart", position=0)
    first = journey.touchpoints.iloc[0]
    assert (first["id"], first["scenario"], first["critical"]) == ("kaart", "current", False)
    assert first["online"] is pd.NA


def test_update_and_remove_touchpoint(journey):
    journey.update_touchpoint("balie", "toerist", scenario="gewenst", thoughts="Eindelijk!")
    assert tp(journey, "balie", "toerist", "gewenst")["thoughts"] == "Eindelijk!"
    assert tp(journey, "balie", "toerist")["thoughts"] == ""
    journey.update_touchpoint("app", "toerist", phase="huren", owned=True)
    assert tp(journey, "app", "toerist")["phase"] == "huren"
    journey.remove_touchpoint("app", "toerist")
    assert "app" not in set(journey.touchpoints["id"])
    with pytest.raises(JourneyError, match="persona 'toerist' heeft geen touchpoint 'app' in "
                       "scenario 'current'"):  # fmt: skip
        journey.remove_touchpoint("app", "toerist")


def test_remove_touchpoint_refused_while_only_one_an_opportunity_uses():
    j = Journey(title="x")
    j.add_phase("a")
    j.add_persona("p")
    j.add_touchpoint("t", "p", "a", "T")
    j.add_opportunity("o", "beter", touchpoint="t")
    with pytest.raises(JourneyError, match="touchpoint 'T' heeft nog 1 kansen"):
        j.remove_touchpoint("t", "p")
    j.remove_opportunity("o")
    j.remove_touchpoint("t", "p")
    assert j.touchpoints.empty


def test_journey_order_is_phase_order_then_file_order(journey):
    steps = journey.journey("toerist")
    assert steps["id"].tolist() == ["website", "app", "balie", "inleveren"]
    assert steps["step"].tolist() == [1, 2, 3, 4]
    assert steps["phase_name"].tolist() == ["Oriëntatie", "Oriëntatie", "Huren", "Terugbrengen"]
    assert steps["label"].tolist() == ["positief", "neutraal", "negatief", "zeer positief"]
    assert journey.journey()["id"].tolist() == steps["id"].tolist()  # first persona
    assert journey.journey("toerist", "gewenst")["name"].tolist() == ["Fiets staat klaar"]
    journey.move_phase("terugbrengen", 0)
    assert journey.journey("toerist")["id"].tolist() == ["inleveren", "website", "app", "balie"]


def test_move_touchpoint_within_its_phase(journey):
    journey.move_touchpoint("app", "toerist", step=-1)
    assert journey.journey("toerist")["id"].tolist() == ["app", "website", "balie", "inleveren"]
    journey.move_touchpoint("app", "toerist", step=-5)  # clamped at the start
    assert journey.journey("toerist")["id"].tolist() == ["app", "website", "balie", "inleveren"]
    journey.move_touchpoint("app", "toerist", step=1)
    assert journey.journey("toerist")["id"].tolist() == ["website", "app", "balie", "inleveren"]
    journey.move_touchpoint("balie", "toerist", step=1)  # alone in its phase: no change
    assert journey.journey("toerist")["id"].tolist() == ["website", "app", "balie", "inleveren"]
    # other journeys are untouched and the file order follows
    assert journey.journey("forens")["id"].tolist() == ["balie"]
    assert dumps(journey).index("id: website") < dumps(journey).index("id: app")


def test_journeys_lists_pairs_with_touchpoints(journey):
    assert journey.journeys() == [("toerist", "current"), ("toerist", "gewenst"),
                                  ("forens", "current")]  # fmt: skip
    assert Journey(title="leeg").journeys() == []


def test_copy_journey(journey):
    count = journey.copy_journey("toerist", "current", "forens", "gewenst")
    assert count == 4
    copied = journey.journey("forens", "gewenst")
    assert copied["id"].tolist() == ["website", "app", "balie", "inleveren"]
    assert copied["emotion"].tolist() == [4, 3, 2, 5]
    with pytest.raises(JourneyError, match="persona 'forens' heeft al 1 touchpoint in "
                       "scenario 'current'"):  # fmt: skip
        journey.copy_journey("toerist", "current", "forens", "current")
    assert journey.copy_journey("toerist", "current", "forens", "current", replace=True) == 4
    assert journey.journey("forens")["name"].tolist()[2] == "Fiets ophalen aan de balie"
    with pytest.raises(JourneyError, match="kies een andere persona of een ander scenario"):
        journey.copy_journey("toerist", "current", "toerist", "current")
    with pytest.raises(JourneyError, match="scenario 'nooit' bestaat niet"):
        journey.copy_journey("toerist", "nooit", "forens", "current")
    again = loads(dumps(journey))  # the copies are in the file, which loads and validates
    assert again.journey("forens", "gewenst")["name"].tolist() == copied["name"].tolist()
    assert to_dict(again) == to_dict(journey)


def test_copy_with_replace_refuses_to_leave_references_dangling(journey, tmp_path):
    """Replacing a journey removes its touchpoints: an opportunity or a figure that
    refers to one no copy stands in for is listed, and nothing changes."""
    journey.add_opportunity("o2", "De app sneller maken", touchpoint="app")  # only toerist has 'app'
    before = dumps(journey)
    with pytest.raises(JourneyError, match=r"kansen verwijzen nog naar touchpoints die hierdoor "
                       r"verdwijnen \('app'\)"):  # fmt: skip
        journey.copy_journey("forens", "current", "toerist", "current", replace=True)
    assert dumps(journey) == before
    journey.update_opportunity("o2", touchpoint="balie")  # forens has a 'balie' to stand in
    assert journey.copy_journey("forens", "current", "toerist", "current", replace=True) == 1
    assert journey.journey("toerist")["id"].tolist() == ["balie"]
    klantreis.save(journey, tmp_path / "reis.yaml")
    assert to_dict(klantreis.load(tmp_path / "reis.yaml")) == to_dict(journey)


def test_copy_with_replace_keeps_figures_on_a_touchpoint_the_copy_has(journey):
    journey.add("sources", {"id": "golf", "kind": "survey"})
    journey.add("evidence", {"source": "golf", "persona": "toerist", "touchpoint": "website",
                             "metric": "score", "n": 12, "value": 3.5})  # fmt: skip
    with pytest.raises(JourneyError, match=r"metingen verwijzen nog naar touchpoints .*\('website'\)"):
        journey.copy_journey("forens", "current", "toerist", "current", replace=True)
    journey.add_touchpoint("website", "forens", "orientatie", "Website van de forens")
    journey.copy_journey("forens", "current", "toerist", "current", replace=True)
    assert journey.records("evidence")[0]["touchpoint"] == "website"  # now on the copy
    assert to_dict(loads(dumps(journey))) == to_dict(journey)


# ------------------------------------------------------------------ opportunities
def test_add_update_remove_opportunity(journey):
    journey.add_opportunity("o2", "Fietsen vooraf reserveren", impact="5", effort=3.0)
    row = journey.opportunities.iloc[-1]
    assert (row["impact"], row["effort"], row["touchpoint"]) == (5, 3, "")
    journey.update_opportunity("o2", status="bezig", impact=None)
    row = journey.opportunities.iloc[-1]
    assert row["status"] == "bezig" and row["impact"] is pd.NA
    journey.remove_opportunity("o2")
    assert journey.ids("opportunities") == ["o1"]


def test_set_answer_and_name_of(journey):
    journey.set_answer("verbeterpunten", "De balie")
    assert journey.review["answers"] == {"verbeterpunten": "De balie"}
    assert "verbeterpunten: De balie" in dumps(journey)
    assert journey.name_of("phases", "huren") == "Huren"
    journey.add_phase("naamloos")
    assert journey.name_of("phases", "naamloos") == "naamloos"


def test_figures_refer_to_a_touchpoint_of_their_own_persona(journey):
    journey.add("sources", {"id": "enquete", "kind": "survey"})
    figure = {"source": "enquete", "persona": "toerist", "touchpoint": "balie", "metric": "score", "n": 12}
    journey.add("evidence", figure)
    with pytest.raises(JourneyError, match="persona 'forens' heeft geen touchpoint 'website' in scenario"):
        journey.add("evidence", {**figure, "persona": "forens", "touchpoint": "website"})
    # the forens's balie may go: the toerist's figures are about the toerist's balie
    journey.remove_touchpoint("balie", "forens")
    with pytest.raises(JourneyError, match="heeft nog 1 metingen"):
        journey.remove_touchpoint("balie", "toerist")
    journey.update_touchpoint("balie", "toerist", id="loket")  # the figures follow a new id
    assert journey.records("evidence")[0]["touchpoint"] == "loket"
    with pytest.raises(JourneyError, match="kansen naar verwijzen"):
        journey.remove_persona("toerist", with_touchpoints=True)  # o1 is linked to its balie
    journey.remove_opportunity("o1")
    journey.remove_persona("toerist", with_touchpoints=True)  # its figures go along
    assert journey.records("evidence") == []
