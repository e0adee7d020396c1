"""The shipped example evidence of examples/sportschool.yaml: made by the script, byte
for byte, and each file imports with figures an independent computation agrees with."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pandas as pd
import pytest
from evidence_support import EVIDENCE_DIR, ROOT, assert_matches, find, sportschool

import klantreis
from klantreis.evidence import load_mapping, read_calls, read_interviews, read_survey, read_web


def _script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("make_evidence", ROOT / "scripts" / "make_evidence.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def journey() -> klantreis.Journey:
    return sportschool()


def test_the_script_makes_the_shipped_files_byte_for_byte(tmp_path: Path) -> None:
    written = _script().write(tmp_path)
    assert sorted(p.name for p in written) == sorted(
        p.name for p in EVIDENCE_DIR.iterdir() if p.suffix in (".csv", ".yaml")
    )
    for path in written:
        assert path.read_bytes() == (EVIDENCE_DIR / path.name).read_bytes(), path.name
        assert path.stat().st_size < 20_000, path.name  # small enough to ship


def test_the_survey_wave_matches_an_independent_computation(journey) -> None:
    result = read_survey(
        journey,
        EVIDENCE_DIR / "enquete-2026-voorjaar.csv",
        mapping=EVIDENCE_DIR / "enquete-2026-voorjaar.yaml",
        imported="2026-04-22",
    )
    mapping = load_mapping(EVIDENCE_DIR / "enquete-2026-voorjaar.yaml").data
    raw = pd.read_csv(EVIDENCE_DIR / "enquete-2026-voorjaar.csv", sep=";", encoding="cp1252", dtype=str)
    raw["persona"] = raw[mapping["columns"]["persona"]].map(mapping["personas"])
    for question, touchpoint in mapping["questions"].items():
        scores = raw[question].map(mapping["answers"])
        for persona, values in scores.groupby(raw["persona"]):
            values = values.dropna().tolist()
            in_journey = touchpoint in set(journey.journey(persona, "huidig")["id"])
            hits = [r for r in result.evidence if r["persona"] == persona and r["touchpoint"] == touchpoint]
            if in_journey:
                assert_matches(hits[0], values)
            else:
                assert hits == []
    assert result.source["rows_read"] == len(raw) == 120
    assert result.source["period"] == "2026-04-01/2026-04-21"
    assert result.summary.unmapped == {"Welke situatie past het best bij u?": {"Anders": 7}}
    assert set(result.source["skipped"]) == {"empty", "dont_know", "unmapped_persona", "not_in_journey"}


def test_the_call_log_lists_what_it_could_not_place(journey) -> None:
    result = read_calls(
        journey, EVIDENCE_DIR / "klantcontact-2026q1.csv", mapping=EVIDENCE_DIR / "klantcontact-2026q1.yaml"
    )
    raw = pd.read_csv(EVIDENCE_DIR / "klantcontact-2026q1.csv", encoding="utf-8-sig")
    student = raw[raw["Abonnement"] == "Student Flex"]
    assert find(result.evidence, persona="student", touchpoint="app-inloggen")["value"] == int(
        (student["Contactreden"] == "Inloggen app lukt niet").sum()
    )
    assert find(result.evidence, persona="student", phase="aftersales")["value"] == int(
        student["Contactreden"].isin(["Opzeggen abonnement", "Vraag over factuur"]).sum()
    )
    unmapped = result.summary.unmapped["Contactreden"]
    assert set(unmapped) == {"Openingstijden", "Adreswijziging", "Gevonden voorwerpen"}
    assert unmapped["Openingstijden"] == int((raw["Contactreden"] == "Openingstijden").sum())
    assert result.source["period"] == "2026-01-02/2026-03-31"


def test_the_web_export_and_the_interviews(journey) -> None:
    web = read_web(
        journey, EVIDENCE_DIR / "webstatistiek-2026q1.csv", mapping=EVIDENCE_DIR / "webstatistiek-2026q1.yaml"
    )
    raw = pd.read_csv(EVIDENCE_DIR / "webstatistiek-2026q1.csv", sep=";", thousands=".")
    students = raw[raw["Doelgroep"] == "Studenten"]
    site = students[students["Paginapad"].isin(["/", "/abonnementen", "/abonnementen/student"])]
    record = find(web.evidence, persona="student", touchpoint="website-bezoek")
    assert record["value"] == site["Weergaven"].sum()
    assert list(web.summary.unmapped["Paginapad"]) == ["/blog/vijf-tips-om-vol-te-houden"]

    interviews = read_interviews(journey, EVIDENCE_DIR / "interviews-2026.csv")
    raw = pd.read_csv(EVIDENCE_DIR / "interviews-2026.csv")
    assert len(interviews.quotes) == len(raw)
    for (persona, touchpoint), rows in raw.groupby(["Persona", "Touchpoint"]):
        record = find(interviews.evidence, persona=persona, touchpoint=touchpoint, metric="interviews")
        assert record["n"] == rows["Interview"].nunique()
    assert interviews.source["skipped"] == {}


def test_records_have_fixed_keys_plain_types_and_three_decimals(journey) -> None:
    import yaml

    from klantreis.evidence import EVIDENCE_FIELDS, QUOTE_FIELDS, SOURCE_FIELDS

    results = [
        read_survey(
            journey,
            EVIDENCE_DIR / "enquete-2026-voorjaar.csv",
            mapping=EVIDENCE_DIR / "enquete-2026-voorjaar.yaml",
        ),
        read_calls(
            journey,
            EVIDENCE_DIR / "klantcontact-2026q1.csv",
            mapping=EVIDENCE_DIR / "klantcontact-2026q1.yaml",
        ),
        read_web(
            journey,
            EVIDENCE_DIR / "webstatistiek-2026q1.csv",
            mapping=EVIDENCE_DIR / "webstatistiek-2026q1.yaml",
        ),
        read_interviews(journey, EVIDENCE_DIR / "interviews-2026.csv"),
    ]
    for result in results:
        assert tuple(result.source) == SOURCE_FIELDS
        assert all(tuple(r) == EVIDENCE_FIELDS for r in result.evidence)
        assert all(tuple(q) == QUOTE_FIELDS for q in result.quotes)
        # plain Python data: the safe YAML dumper refuses numpy scalars
        text = yaml.safe_dump(
            {"sources": [result.source], "evidence": result.evidence, "quotes": result.quotes},
            allow_unicode=True,
        )
        assert yaml.safe_load(text)["evidence"] == result.evidence
        for r in result.evidence:
            assert bool(r["touchpoint"]) != bool(r["phase"])
            for key in ("value", "sd", "ci_low", "ci_high"):
                if isinstance(r[key], float):
                    assert r[key] == round(r[key], 3)
            if r["metric"] == "score" and r["n"] >= 2:  # an interval from two answers on
                assert 1 <= r["ci_low"] <= r["value"] <= r["ci_high"] <= 5, r
            elif r["metric"] == "score":
                assert r["ci_low"] is None and r["ci_high"] is None and 1 <= r["value"] <= 5, r
        frame = result.evidence_frame()
        assert list(frame.columns) == list(EVIDENCE_FIELDS) and len(frame) == len(result.evidence)
    assert [r.source["kind"] for r in results] == ["survey", "calls", "web", "interviews"]
    assert {m for r in results for m in (e["metric"] for e in r.evidence)} == {
        "score",
        "calls",
        "visits",
        "interviews",
    }


def test_the_mapping_examples_in_the_docs_are_valid_for_the_example_project(journey) -> None:
    import re

    import yaml

    from klantreis.evidence.mapping import (
        as_mapping,
        mapping_from_data,
        resolve_answers,
        resolve_personas,
        resolve_targets,
    )
    from klantreis.evidence.scope import Scope

    text = (ROOT / "docs" / "evidence.md").read_text(encoding="utf-8")
    # the mappings (a block that starts with ``kind:``; the others are project-file fragments)
    blocks = [b for b in re.findall(r"```yaml\n(.*?)```", text, flags=re.S) if b.startswith("kind:")]
    assert len(blocks) == 10
    scope = Scope(journey, "huidig")
    kinds = []
    for block in blocks:
        mapping = mapping_from_data(yaml.safe_load(block), "docs", "nl")
        checked = as_mapping(mapping, mapping.kind, "nl")
        for key in ("questions", "reasons", "pages", "touchpoints"):
            resolve_targets(checked, key, scope, "nl")
        resolve_personas(checked, scope, "nl")
        resolve_answers(checked, journey.scale, "nl")
        kinds.append(mapping.kind)
    assert kinds == ["survey"] * 6 + ["calls", "web", "interviews", "survey"]
