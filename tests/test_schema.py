"""The shipped JSON Schema is generated from the field definitions and accepts every
example; it rejects what the format forbids."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from klantreis import new_journey, to_dict
from klantreis.schema import json_schema

SCHEMA_FILE = Path(__file__).resolve().parent.parent / "docs" / "project.schema.json"


@pytest.fixture(scope="module")
def schema() -> dict:
    return json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))


def test_shipped_schema_is_up_to_date(schema):
    assert schema == json_schema(), (
        "docs/project.schema.json is out of date; regenerate it with "
        "`klantreis schema > docs/project.schema.json`"
    )


def test_schema_is_a_valid_draft_2020_12_schema(schema):
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_every_example_validates(schema, example_path):
    raw = yaml.safe_load(example_path.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(raw)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_template_projects_validate(schema, template_id, language):
    data = to_dict(new_journey(template_id, language=language))
    jsonschema.Draft202012Validator(schema).validate(data)


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda d: d.pop("klantreis"), []),
        (lambda d: d.update(klantreis=2), ["klantreis"]),
        (lambda d: d.update(language="fr"), ["language"]),
        (lambda d: d.update(titel="x"), []),
        (lambda d: d["touchpoints"][0].update(phase="met spatie"), ["touchpoints", 0, "phase"]),
        (lambda d: d["touchpoints"][0].update(critical="ja"), ["touchpoints", 0, "critical"]),
        (lambda d: d["touchpoints"][0].update(importance="heel"), ["touchpoints", 0, "importance"]),
        (lambda d: d["touchpoints"][0].pop("name"), ["touchpoints", 0]),
        (lambda d: d["opportunities"][0].update(impact=6), ["opportunities", 0, "impact"]),
        (lambda d: d["personas"][0].update(needs="één"), ["personas", 0, "needs"]),
    ],
    ids=["no-version", "version-2", "language", "unknown-key", "slug", "bool", "importance",
         "no-name", "impact", "needs-not-list"],
)  # fmt: skip
def test_schema_rejects(schema, journey, change, where):
    data = copy.deepcopy(to_dict(journey))
    change(data)
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(data))
    assert errors, "the schema accepted invalid data"
    assert [list(e.absolute_path) for e in errors] == [where]
