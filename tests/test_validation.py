"""Validation: one test per kind of bad input. Each asserts the field path and the
line the user sees, and that the message says what to do."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from klantreis import FormatVersionError, JourneyError, ValidationError, dumps, load, loads
from klantreis.errors import render

HEAD = """\
klantreis: 1
title: Fietsverhuur
phases:
  - id: kopen
  - id: gebruiken-1
personas:
  - id: toerist
  - id: forens
scenarios:
  - id: huidig
  - id: gewenst
"""
# HEAD has 11 lines; the touchpoints below start on line 12.


def doc(tail: str) -> str:
    return HEAD + textwrap.dedent(tail)


def only(problems):
    assert len(problems) == 1, [str(p) for p in problems]
    return problems[0]


def said(problem, language="nl"):
    """The message of a problem as a user of a Dutch (or English) project reads it."""
    return render(problem.message, language)


def test_valid_head_loads():
    j = loads(doc("touchpoints:\n  - {id: a, persona: toerist, phase: kopen, name: A}\n"))
    assert j.touchpoints["scenario"].tolist() == ["huidig"]  # defaults to the first scenario


def test_unknown_phase_lists_known_phases(problems_of):
    p = only(
        problems_of(
            doc("""\
        touchpoints:
          - {id: a, persona: toerist, phase: kopen, name: A}
          - {id: b, persona: toerist, phase: kopen, name: B}
          - {id: c, persona: toerist, phase: kopen, name: C}
          - id: d
            persona: toerist
            phase: gebruiken
            name: D
        """)
        )
    )
    assert (p.path, p.line) == ("touchpoints[3].phase", 18)
    assert str(p) == (
        "reis.yaml:18: touchpoints[3].phase: fase 'gebruiken' bestaat niet; bekend: kopen, gebruiken-1"
    )
    assert p.text("en") == (
        "reis.yaml:18: touchpoints[3].phase: unknown phase 'gebruiken'; known: kopen, gebruiken-1"
    )


def test_unknown_persona(problems_of):
    p = only(
        problems_of(
            doc("""\
        touchpoints:
          - id: a
            persona: student
            phase: kopen
            name: A
        """)
        )
    )
    assert (p.path, p.line) == ("touchpoints[0].persona", 14)
    assert said(p) == "persona 'student' bestaat niet; bekend: toerist, forens"


def test_unknown_scenario(problems_of):
    p = only(
        problems_of(
            doc("""\
        touchpoints:
          - id: a
            persona: toerist
            scenario: concurrent
            phase: kopen
            name: A
        """)
        )
    )
    assert (p.path, p.line) == ("touchpoints[0].scenario", 15)
    assert said(p) == "scenario 'concurrent' bestaat niet; bekend: huidig, gewenst"


def test_unknown_touchpoint_in_opportunity(problems_of):
    p = only(
        problems_of(
            doc("""\
        touchpoints:
          - {id: a, persona: toerist, phase: kopen, name: A}
        opportunities:
          - id: o1
            description: Sneller
            touchpoint: b
        """)
        )
    )
    assert (p.path, p.line) == ("opportunities[0].touchpoint", 17)
    assert said(p) == "touchpoint 'b' bestaat niet; bekend: a"


def test_unknown_phase_in_opportunity(problems_of):
    p = only(
        problems_of(
            doc("""\
        opportunities:
          - {id: o1, description: Sneller, phase: betalen}
        """)
        )
    )
    assert (p.path, p.line) == ("opportunities[0].phase", 13)
    assert said(p).startswith("fase 'betalen' bestaat niet")


@pytest.mark.parametrize(
    ("tail", "path", "line"),
    [
        ("phases:\n  - name: Zonder id\n", "phases[0].id", 2),
        ("personas:\n  - id: ''\n    name: Leeg\n", "personas[0].id", 2),
        ("scenarios:\n  - name: Zonder id\n", "scenarios[0].id", 2),
        ("opportunities:\n  - id: o1\n    impact: 3\n", "opportunities[0].description", 2),
    ],
    ids=["phase-id", "persona-id-empty", "scenario-id", "opportunity-description"],
)
def test_missing_required_field(problems_of, tail, path, line):
    p = only(problems_of("klantreis: 1\ntitle: T\n" + tail))
    assert (p.path, p.line) == (path, line + 2)
    assert said(p) == "is verplicht en mag niet leeg zijn"
    assert said(p, "en") == "is required and may not be empty"


def test_missing_touchpoint_id_and_name(problems_of):
    problems = problems_of(
        doc("""\
        touchpoints:
          - persona: toerist
            phase: kopen
            name: "   "
        """)
    )
    assert [(p.path, p.line) for p in problems] == [
        ("touchpoints[0].id", 13),
        ("touchpoints[0].name", 15),
    ]
    assert all(said(p) == "is verplicht en mag niet leeg zijn" for p in problems)


def test_missing_title(problems_of):
    p = only(problems_of("klantreis: 1\ngoal: Iets\n"))
    assert p.path == "title" and p.line == 1
    assert said(p) == "is verplicht en mag niet leeg zijn"


@pytest.mark.parametrize(
    ("table", "body", "line"),
    [
        ("phases", "  - id: kopen\n  - id: kopen\n", 5),
        ("personas", "  - id: p\n  - id: p\n", 5),
        ("scenarios", "  - id: s\n  - id: s\n", 5),
        ("opportunities", "  - {id: o, description: a}\n  - {id: o, description: b}\n", 5),
    ],
)
def test_duplicate_ids_per_table(problems_of, table, body, line):
    p = only(problems_of(f"klantreis: 1\ntitle: T\n{table}:\n{body}"))
    assert (p.path, p.line) == (f"{table}[1].id", line)
    assert said(p, "en").startswith(f"the code {body.split()[2].rstrip(',')!r} already belongs to another")


def test_duplicate_touchpoint_id_per_persona_and_scenario(problems_of):
    p = only(
        problems_of(
            doc("""\
        touchpoints:
          - {id: a, persona: toerist, phase: kopen, name: A}
          - {id: a, persona: forens, phase: kopen, name: A}
          - {id: a, persona: toerist, scenario: gewenst, phase: kopen, name: A}
          - {id: a, persona: toerist, scenario: huidig, phase: gebruiken-1, name: A2}
        """)
        )
    )
    assert (p.path, p.line) == ("touchpoints[3].id", 16)
    assert said(p) == (
        "de code 'a' hoort al bij een ander touchpoint voor persona 'toerist' in scenario "
        "'huidig'; kies een andere code"
    )


@pytest.mark.parametrize("bad", ["twee woorden", "café", "a/b", "x.y"])
def test_id_must_be_slug(problems_of, bad):
    p = only(problems_of(f"klantreis: 1\ntitle: T\npersonas:\n  - id: {bad}\n"))
    assert (p.path, p.line) == ("personas[0].id", 4)
    assert said(p).startswith(f"{bad!r} kan geen code zijn: gebruik alleen letters")


def test_unknown_field_with_did_you_mean(problems_of):
    problems = problems_of(
        doc("""\
        touchpoints:
          - id: a
            persona: toerist
            phase: kopen
            name: A
            emotoin: 3
        titel: dubbel
        """)
    )
    assert [(p.path, p.line) for p in problems] == [("titel", 18), ("touchpoints[0].emotoin", 17)]
    assert "onbekend veld 'emotoin' (bedoel je 'emotion'?); bekend: id, persona" in str(problems[1])
    assert "(did you mean 'title'?)" in said(problems[0], "en")


def test_emotion_not_on_scale(problems_of):
    p = only(
        problems_of(
            doc("""\
        touchpoints:
          - id: a
            persona: toerist
            phase: kopen
            name: A
            emotion: blij
        """)
        )
    )
    assert (p.path, p.line) == ("touchpoints[0].emotion", 17)
    assert said(p).startswith("'blij' staat niet op de schaal; kies een van: 1 (zeer negatief)")


def test_emotion_checked_against_template_scale(problems_of):
    # flanders has a four-level scale: 5 is not on it, but its label 'goed' is
    text = "klantreis: 1\ntitle: T\ntemplate: flanders\n" + HEAD.split("title: Fietsverhuur\n")[1]
    good = text + "touchpoints:\n  - {id: a, persona: toerist, phase: kopen, name: A, emotion: goed}\n"
    assert loads(good).touchpoints["emotion"].tolist() == [3]
    p = only(problems_of(good.replace("emotion: goed", "emotion: 5")))
    assert p.path == "touchpoints[0].emotion" and p.line == 14
    assert said(p) == (
        "5 staat niet op de schaal; kies een van: 1 (negatief), 2 (voldoende), 3 (goed), 4 (uitstekend)"
    )


@pytest.mark.parametrize("value", ["0", "6", "hoog"])
def test_impact_out_of_range(problems_of, value):
    p = only(problems_of("klantreis: 1\ntitle: T\nopportunities:\n"
                         f"  - id: o\n    description: d\n    impact: {value}\n"))  # fmt: skip
    assert (p.path, p.line) == ("opportunities[0].impact", 6)
    expected = (
        "moet een heel getal zijn, niet 'hoog'"
        if value == "hoog"
        else (f"moet tussen 1 en 5 liggen, niet {value}")
    )
    assert said(p) == expected


def test_bad_importance(problems_of):
    p = only(
        problems_of(
            doc("""\
        touchpoints:
          - {id: a, persona: toerist, phase: kopen, name: A,
             importance: hoofd}
        """)
        )
    )
    assert p.path == "touchpoints[0].importance" and p.line == 14
    assert said(p) == "'hoofd' is hier niet mogelijk; kies uit: main, side"


@pytest.mark.parametrize("field", ["critical", "online", "owned"])
def test_bad_boolean(problems_of, field):
    p = only(
        problems_of(
            doc(f"""\
        touchpoints:
          - id: a
            persona: toerist
            phase: kopen
            name: A
            {field}: misschien
        """)
        )
    )
    assert (p.path, p.line) == (f"touchpoints[0].{field}", 17)
    assert said(p) == "moet ja of nee zijn (true/false), niet 'misschien'"


@pytest.mark.parametrize(
    ("text", "kind"), [("- a\n- b\n", "list"), ("gewoon tekst\n", "str"), ("42\n", "int")]
)
def test_file_not_a_mapping(problems_of, text, kind):
    p = only(problems_of(text))
    assert p.line == 1 and p.path == ""
    assert said(p, "en") == f"a project file must be a mapping (title: ..., phases: ...), not {kind}"


@pytest.mark.parametrize("text", ["", "\n\n", "# alleen commentaar\n"])
def test_empty_file(problems_of, text):
    p = only(problems_of(text))
    assert "het bestand is leeg; maak een project met `klantreis new BESTAND --template ID`" in str(p)


def test_binary_file(tmp_path: Path):
    path = tmp_path / "plaatje.yaml"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(ValidationError) as info:
        load(path)
    assert only(info.value.problems).text("en") == (
        f"{path}: this is a binary file, not a klantreis YAML project (did you mean `klantreis import`?)"
    )


def test_non_utf8_file_names_the_line(tmp_path: Path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes("klantreis: 1\ntitle: Café\n".encode("latin-1"))
    with pytest.raises(ValidationError) as info:
        load(path)
    p = only(info.value.problems)
    assert (p.line, p.source) == (2, str(path))
    assert said(p) == "het bestand is geen UTF-8-tekst; sla het op als UTF-8"


def test_utf8_bom_accepted(tmp_path: Path):
    path = tmp_path / "bom.yaml"
    path.write_bytes("\ufeffklantreis: 1\ntitle: Café ☕\n".encode())
    assert load(path).title == "Café ☕"


def test_malformed_yaml_names_the_line(problems_of):
    p = only(problems_of("klantreis: 1\ntitle: T\nphases:\n  - id: a\n   name: scheef\n"))
    assert p.line == 5
    assert "dit is geen geldige YAML" in said(p) and "inspringing" in said(p)


def test_unclosed_quote(problems_of):
    p = only(problems_of('klantreis: 1\ntitle: "Open\ngoal: x\n'))
    assert p.line is not None and p.line >= 2
    assert "not valid YAML" in said(p, "en")


def test_python_tag_refused_and_not_executed(problems_of, tmp_path: Path):
    marker = tmp_path / "uitgevoerd"
    text = f"klantreis: 1\ntitle: !!python/object/apply:os.system ['touch {marker}']\n"
    p = only(problems_of(text))
    assert p.line == 2
    assert "python/object/apply:os.system" in said(p)
    assert "no YAML tags such as !!python/" in said(p, "en")
    assert not marker.exists()


def test_newer_format_version_refused_naming_version():
    with pytest.raises(FormatVersionError) as info:
        loads("klantreis: 3\ntitle: Uit de toekomst\n", "toekomst.yaml")
    message = info.value.text("en")
    assert message.startswith("toekomst.yaml:1: this project uses format version 3")
    assert "needs a newer klantreis" in message and "reads version 1" in message
    assert "pip install -U klantreis" in message


def test_missing_version(problems_of):
    p = only(problems_of("title: T\n"))
    assert p.path == "klantreis" and p.line == 1
    assert said(p) == "het formaatnummer ontbreekt; zet `klantreis: 1` op de eerste regel"


@pytest.mark.parametrize("value", ["'1'", "0", "true", "1.5"])
def test_bad_version(problems_of, value):
    p = only(problems_of(f"klantreis: {value}\ntitle: T\n"))
    assert (p.path, p.line) == ("klantreis", 1)
    assert "the format version must be a whole number such as 1" in said(p, "en")


def test_unknown_language(problems_of):
    p = only(problems_of("klantreis: 1\ntitle: T\nlanguage: fr\n"))
    assert (p.path, p.line) == ("language", 3)
    assert said(p) == "'fr' is hier niet mogelijk; kies uit: nl, en"


def test_unknown_template(problems_of):
    p = only(problems_of("klantreis: 1\ntitle: T\ntemplate: onbekend\n"))
    assert (p.path, p.line) == ("template", 3)
    assert said(p).startswith("onbekend sjabloon 'onbekend'; bekend: canvas, flanders")


def test_table_not_a_list(problems_of):
    p = only(problems_of("klantreis: 1\ntitle: T\nphases:\n  id: a\n"))
    assert (p.path, p.line) == ("phases", 3)
    assert said(p, "en") == "must be a list of phases, each starting with `- id: ...`"
    assert said(p) == "moet een lijst van fasen zijn, elk beginnend met `- id: ...`"


def test_bad_scale(problems_of):
    problems = problems_of(
        "klantreis: 1\ntitle: T\nscale:\n  - {score: 1, label: slecht}\n  - {score: een}\n"
        "  - {score: 1, label: dubbel}\n"
    )
    assert [(p.path, p.line) for p in problems] == [
        ("scale[1].score", 5),
        ("scale[1].label", 5),
        ("scale[2].score", 6),
    ]
    assert said(problems[2]) == "score 1 staat twee keer in de schaal"


def test_several_problems_reported_at_once():
    text = doc("""\
        language: fr
        touchpoints:
          - id: a
            persona: student
            phase: gebruiken
            name: A
            emotion: 12
          - id: b c
            persona: toerist
            phase: kopen
            name: B
        """)
    with pytest.raises(ValidationError) as info:
        loads(text, "reis.yaml")
    where = [(p.path, p.line) for p in info.value.problems]
    assert where == [
        ("language", 12),
        ("touchpoints[0].emotion", 18),
        ("touchpoints[1].id", 19),
        ("touchpoints[0].persona", 15),
        ("touchpoints[0].phase", 16),
    ]
    message = info.value.text("en")
    assert message.startswith("5 problems:\n  - reis.yaml:12: language: 'fr' is not allowed; use one of: nl")
    assert "  - reis.yaml:16: touchpoints[0].phase: unknown phase 'gebruiken'" in message
    # the file's language is not one klantreis knows, so the messages are in Dutch
    assert str(info.value).startswith("5 problemen:\n  - reis.yaml:12: language: 'fr' is hier niet mogelijk")


# ------------------------------------------- the project's own fields: one rule, file and form
@pytest.mark.parametrize(
    ("yaml_text", "path", "line", "change"),
    [
        ("scope:\n  start: yes\n  end: Kassa\n", "scope.start", 4, lambda j: j.set_scope(start=True)),
        ("scope:\n  start: Online\n  end: off\n", "scope.end", 5, lambda j: j.set_scope(end=False)),
        ("review:\n  answers:\n    verbeterpunten: no\n", "review.answers.verbeterpunten", 5,
         lambda j: j.set_answer("verbeterpunten", False)),
        ("review:\n  notes: true\n", "review.notes", 4, lambda j: j.set_review_notes(True)),
        ("goal: on\n", "goal", 3, lambda j: j.set_goal(True)),
    ],
    ids=["scope-yes", "scope-off", "answer-no", "notes-true", "goal-on"],
)  # fmt: skip
def test_yes_and_no_in_a_text_field_are_refused_alike_from_the_file_and_the_form(
    problems_of, journey, yaml_text, path, line, change
):
    """YAML reads yes/no/true/on/off unquoted as true/false: a text field refuses that
    with its line and field, in the same words as the model refuses it from a form
    (before, ``start: yes`` loaded as the text 'True')."""
    (problem,) = problems_of("klantreis: 1\ntitle: Reis\n" + yaml_text)
    assert (problem.path, problem.line) == (path, line)
    with pytest.raises(JourneyError) as refused:
        change(journey)
    assert refused.value.field == path
    for language in ("nl", "en"):
        assert refused.value.text(language) == {"nl": "veld", "en": "field"}[language] + \
            f" {path!r}: {said(problem, language)}"  # fmt: skip
    assert said(problem) == "moet tekst zijn, geen ja/nee-waarde; zet tekst als yes, no of true tussen " \
        "aanhalingstekens ('yes')"  # fmt: skip


def test_yes_typed_as_text_is_kept_as_typed(journey):
    journey.set_scope(start="yes", end="nee")
    journey.set_answer("verbeterpunten", "no")
    journey.set_title("True")
    text = dumps(journey)
    assert "  start: 'yes'\n" in text and "  end: nee\n" in text and "title: 'True'\n" in text
    again = loads(text)
    assert again.scope == {"start": "yes", "end": "nee"}
    assert again.review["answers"] == {"verbeterpunten": "no"} and again.title == "True"
