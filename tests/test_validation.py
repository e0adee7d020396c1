"""Validation: one test per kind of bad input. Each asserts the field path and the
line the user sees, and that the message says what to do."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from klantreis import FormatVersionError, ValidationError, load, loads

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


def test_valid_head_loads():
    j = loads(doc("touchpoints:\n  - {id: a, persona: toerist, phase: kopen, name: A}\n"))
    assert j.touchpoints["scenario"].tolist() == ["huidig"]  # defaults to the first scenario


def test_unknown_phase_lists_known_phases(problems_of):
    p = only(problems_of(doc("""\
        touchpoints:
          - {id: a, persona: toerist, phase: kopen, name: A}
          - {id: b, persona: toerist, phase: kopen, name: B}
          - {id: c, persona: toerist, phase: kopen, name: C}
          - id: d
            persona: toerist
            phase: gebruiken
            name: D
        """)))
    assert (p.path, p.line) == ("touchpoints[3].phase", 18)
    assert str(p) == (
        "reis.yaml:18: touchpoints[3].phase: unknown phase 'gebruiken'; known: kopen, gebruiken-1"
    )


def test_unknown_persona(problems_of):
    p = only(problems_of(doc("""\
        touchpoints:
          - id: a
            persona: student
            phase: kopen
            name: A
        """)))
    assert (p.path, p.line) == ("touchpoints[0].persona", 14)
    assert "unknown persona 'student'; known: toerist, forens" in p.message


def test_unknown_scenario(problems_of):
    p = only(problems_of(doc("""\
        touchpoints:
          - id: a
            persona: toerist
            scenario: concurrent
            phase: kopen
            name: A
        """)))
    assert (p.path, p.line) == ("touchpoints[0].scenario", 15)
    assert "unknown scenario 'concurrent'; known: huidig, gewenst" in p.message


def test_unknown_touchpoint_in_opportunity(problems_of):
    p = only(problems_of(doc("""\
        touchpoints:
          - {id: a, persona: toerist, phase: kopen, name: A}
        opportunities:
          - id: o1
            description: Sneller
            touchpoint: b
        """)))
    assert (p.path, p.line) == ("opportunities[0].touchpoint", 17)
    assert "unknown touchpoint 'b'; known: a" in p.message


def test_unknown_phase_in_opportunity(problems_of):
    p = only(problems_of(doc("""\
        opportunities:
          - {id: o1, description: Sneller, phase: betalen}
        """)))
    assert (p.path, p.line) == ("opportunities[0].phase", 13)
    assert "unknown phase 'betalen'" in p.message


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
    assert "is required and may not be empty" in p.message


def test_missing_touchpoint_id_and_name(problems_of):
    problems = problems_of(doc("""\
        touchpoints:
          - persona: toerist
            phase: kopen
            name: "   "
        """))
    assert [(p.path, p.line) for p in problems] == [
        ("touchpoints[0].id", 13),
        ("touchpoints[0].name", 15),
    ]
    assert all("is required" in p.message for p in problems)


def test_missing_title(problems_of):
    p = only(problems_of("klantreis: 1\ngoal: Iets\n"))
    assert p.path == "title" and p.line == 1
    assert "is required; give it a short text" in p.message


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
    assert f"is already used by {table}[0]; ids must be unique" in p.message


def test_duplicate_touchpoint_id_per_persona_and_scenario(problems_of):
    p = only(problems_of(doc("""\
        touchpoints:
          - {id: a, persona: toerist, phase: kopen, name: A}
          - {id: a, persona: forens, phase: kopen, name: A}
          - {id: a, persona: toerist, scenario: gewenst, phase: kopen, name: A}
          - {id: a, persona: toerist, scenario: huidig, phase: gebruiken-1, name: A2}
        """)))
    assert (p.path, p.line) == ("touchpoints[3].id", 16)
    assert p.message == (
        "id 'a' is already used by touchpoints[0] for persona 'toerist' in scenario 'huidig'; "
        "ids must be unique"
    )


@pytest.mark.parametrize("bad", ["twee woorden", "café", "a/b", "x.y"])
def test_id_must_be_slug(problems_of, bad):
    p = only(problems_of(f"klantreis: 1\ntitle: T\npersonas:\n  - id: {bad}\n"))
    assert (p.path, p.line) == ("personas[0].id", 4)
    assert f"{bad!r} is not a valid id: use only letters, digits, '-' and '_'" in p.message


def test_unknown_field_with_did_you_mean(problems_of):
    problems = problems_of(doc("""\
        touchpoints:
          - id: a
            persona: toerist
            phase: kopen
            name: A
            emotoin: 3
        titel: dubbel
        """))
    assert [(p.path, p.line) for p in problems] == [("titel", 18), ("touchpoints[0].emotoin", 17)]
    assert "unknown field 'emotoin' (did you mean 'emotion'?); known: id, persona" in str(
        problems[1]
    )
    assert "(did you mean 'title'?)" in problems[0].message


def test_emotion_not_on_scale(problems_of):
    p = only(problems_of(doc("""\
        touchpoints:
          - id: a
            persona: toerist
            phase: kopen
            name: A
            emotion: blij
        """)))
    assert (p.path, p.line) == ("touchpoints[0].emotion", 17)
    assert p.message.startswith("emotion 'blij' is not on the scale; use one of: 1 (zeer negatief)")


def test_emotion_checked_against_template_scale(problems_of):
    # flanders has a four-level scale: 5 is not on it, but its label 'goed' is
    text = "klantreis: 1\ntitle: T\ntemplate: flanders\n" + HEAD.split("title: Fietsverhuur\n")[1]
    good = text + "touchpoints:\n  - {id: a, persona: toerist, phase: kopen, name: A, emotion: goed}\n"
    assert loads(good).touchpoints["emotion"].tolist() == [3]
    p = only(problems_of(good.replace("emotion: goed", "emotion: 5")))
    assert p.path == "touchpoints[0].emotion" and p.line == 14
    assert "use one of: 1 (negatief), 2 (voldoende), 3 (goed), 4 (uitstekend)" in p.message


@pytest.mark.parametrize("value", ["0", "6", "hoog"])
def test_impact_out_of_range(problems_of, value):
    p = only(problems_of("klantreis: 1\ntitle: T\nopportunities:\n"
                         f"  - id: o\n    description: d\n    impact: {value}\n"))  # fmt: skip
    assert (p.path, p.line) == ("opportunities[0].impact", 6)
    expected = "must be a whole number, not 'hoog'" if value == "hoog" else (
        f"must be between 1 and 5, not {value}"
    )
    assert p.message == expected


def test_bad_importance(problems_of):
    p = only(problems_of(doc("""\
        touchpoints:
          - {id: a, persona: toerist, phase: kopen, name: A,
             importance: hoofd}
        """)))
    assert p.path == "touchpoints[0].importance" and p.line == 14
    assert p.message == "'hoofd' is not allowed; use one of: main, side"


@pytest.mark.parametrize("field", ["critical", "online", "owned"])
def test_bad_boolean(problems_of, field):
    p = only(problems_of(doc(f"""\
        touchpoints:
          - id: a
            persona: toerist
            phase: kopen
            name: A
            {field}: misschien
        """)))
    assert (p.path, p.line) == (f"touchpoints[0].{field}", 17)
    assert p.message == "must be true or false, not 'misschien'"


@pytest.mark.parametrize(
    ("text", "kind"), [("- a\n- b\n", "list"), ("gewoon tekst\n", "str"), ("42\n", "int")]
)
def test_file_not_a_mapping(problems_of, text, kind):
    p = only(problems_of(text))
    assert p.line == 1 and p.path == ""
    assert p.message == f"a project file must be a mapping (title: ..., phases: ...), not {kind}"


@pytest.mark.parametrize("text", ["", "\n\n", "# alleen commentaar\n"])
def test_empty_file(problems_of, text):
    p = only(problems_of(text))
    assert "the file is empty; create a project with `klantreis new FILE --template ID`" in str(p)


def test_binary_file(tmp_path: Path):
    path = tmp_path / "plaatje.yaml"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(ValidationError) as info:
        load(path)
    assert str(only(info.value.problems)) == (
        f"{path}: this is a binary file, not a klantreis YAML project "
        "(did you mean `klantreis import`?)"
    )


def test_non_utf8_file_names_the_line(tmp_path: Path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes("klantreis: 1\ntitle: Café\n".encode("latin-1"))
    with pytest.raises(ValidationError) as info:
        load(path)
    p = only(info.value.problems)
    assert (p.line, p.source) == (2, str(path))
    assert p.message == "the file is not UTF-8 text; save it as UTF-8"


def test_utf8_bom_accepted(tmp_path: Path):
    path = tmp_path / "bom.yaml"
    path.write_bytes("\ufeffklantreis: 1\ntitle: Café ☕\n".encode())
    assert load(path).title == "Café ☕"


def test_malformed_yaml_names_the_line(problems_of):
    p = only(problems_of("klantreis: 1\ntitle: T\nphases:\n  - id: a\n   name: scheef\n"))
    assert p.line == 5
    assert "this is not valid YAML" in p.message and "check indentation" in p.message


def test_unclosed_quote(problems_of):
    p = only(problems_of('klantreis: 1\ntitle: "Open\ngoal: x\n'))
    assert p.line is not None and p.line >= 2
    assert "not valid YAML" in p.message


def test_python_tag_refused_and_not_executed(problems_of, tmp_path: Path):
    marker = tmp_path / "uitgevoerd"
    text = f"klantreis: 1\ntitle: !!python/object/apply:os.system ['touch {marker}']\n"
    p = only(problems_of(text))
    assert p.line == 2
    assert "python/object/apply:os.system" in p.message
    assert "no YAML tags such as !!python/" in p.message
    assert not marker.exists()


def test_newer_format_version_refused_naming_version():
    with pytest.raises(FormatVersionError) as info:
        loads("klantreis: 3\ntitle: Uit de toekomst\n", "toekomst.yaml")
    message = str(info.value)
    assert message.startswith("toekomst.yaml:1: this project uses format version 3")
    assert "needs a newer klantreis" in message and "reads version 1" in message
    assert "pip install -U klantreis" in message


def test_missing_version(problems_of):
    p = only(problems_of("title: T\n"))
    assert p.path == "klantreis" and p.line == 1
    assert p.message == "missing format version; add `klantreis: 1` as the first line"


@pytest.mark.parametrize("value", ["'1'", "0", "true", "1.5"])
def test_bad_version(problems_of, value):
    p = only(problems_of(f"klantreis: {value}\ntitle: T\n"))
    assert (p.path, p.line) == ("klantreis", 1)
    assert "the format version must be a whole number such as 1" in p.message


def test_unknown_language(problems_of):
    p = only(problems_of("klantreis: 1\ntitle: T\nlanguage: fr\n"))
    assert (p.path, p.line) == ("language", 3)
    assert p.message == "'fr' is not supported; use one of: nl, en"


def test_unknown_template(problems_of):
    p = only(problems_of("klantreis: 1\ntitle: T\ntemplate: onbekend\n"))
    assert (p.path, p.line) == ("template", 3)
    assert p.message.startswith("unknown template 'onbekend'; known: canvas, flanders")


def test_table_not_a_list(problems_of):
    p = only(problems_of("klantreis: 1\ntitle: T\nphases:\n  id: a\n"))
    assert (p.path, p.line) == ("phases", 3)
    assert "must be a list of phases, each starting with `- id: ...`" in p.message


def test_bad_scale(problems_of):
    problems = problems_of(
        "klantreis: 1\ntitle: T\nscale:\n  - {score: 1, label: slecht}\n  - {score: een}\n"
        "  - {score: 1, label: dubbel}\n"
    )
    assert [(p.path, p.line) for p in problems] == [("scale[1].score", 5), ("scale[2].score", 6)]
    assert "appears twice" in problems[1].message


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
    message = str(info.value)
    assert message.startswith("5 problems:\n  - reis.yaml:12: language: 'fr' is not supported")
    assert "  - reis.yaml:16: touchpoints[0].phase: unknown phase 'gebruiken'" in message
