"""Property-based round trips: random journeys survive YAML, JSON, xlsx and CSV."""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path
from typing import Any

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from klantreis import Journey, dumps, from_dict, loads, to_dict
from klantreis.exchange import export_journey, read_journey

TABLES = ("phases", "personas", "scenarios", "touchpoints", "opportunities")
# Modest example counts keep this file at a few seconds; CI runs it on every push.
SETTINGS = settings(max_examples=25, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])  # fmt: skip
SHEET_SETTINGS = settings(SETTINGS, max_examples=20)

# Text a user might type: any unicode (emoji, accents, quotes, newlines, tabs, leading
# and trailing spaces), without surrogates, which cannot be encoded at all.
ANY_CHARS = st.characters(blacklist_categories=("Cs",))
TRICKY = st.sampled_from(
    ["", " ", "  voor", "na  ", "🙂", "👩🏽‍🦰", "é", "'", '"', ": ", " #", "\n", "\r\n", "\t",
     "- ", "ja", "null", "~", "123", "=1+1", "@", "'=", "''+", "\u00a0", "\u2028", "\x85"]
)  # fmt: skip
# xlsx cells cannot hold most C0 control characters (openpyxl refuses them), and XML
# turns a carriage return in a cell into a newline, so neither is generated for xlsx.
XLSX_BAD = re.compile(r"[\x00-\x08\x0b-\x1f]")


def texts(chars: st.SearchStrategy[str] = ANY_CHARS) -> st.SearchStrategy[str]:
    return st.one_of(
        st.text(chars, max_size=12),
        st.lists(st.one_of(TRICKY, st.text(chars, max_size=4)), max_size=4).map("".join),
    )


def required(text: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return text.filter(lambda s: s.strip())


slugs = st.from_regex(r"[A-Za-z0-9_-]{1,8}", fullmatch=True)


def unique_slugs(min_size: int, max_size: int) -> st.SearchStrategy[list[str]]:
    return st.lists(slugs, min_size=min_size, max_size=max_size, unique=True)


@st.composite
def project_data(draw: Any, text: st.SearchStrategy[str], item: st.SearchStrategy[str]) -> dict:
    """Raw project data with consistent references."""
    phases = draw(unique_slugs(1, 4))
    personas = draw(unique_slugs(1, 3))
    scenarios = draw(unique_slugs(1, 2))
    data: dict[str, Any] = {
        "klantreis": 1,
        "title": draw(required(text)),
        "goal": draw(text),
        "language": draw(st.sampled_from(["nl", "en"])),
        "scope": {"start": draw(text), "end": draw(text)},
        "phases": [{"id": p, "name": draw(text), "duration": draw(text)} for p in phases],
        "personas": [
            {"id": p, "name": draw(text), "needs": draw(st.lists(item, max_size=3)),
             "frustrations": draw(st.lists(item, max_size=2))}
            for p in personas
        ],
        "scenarios": [{"id": s, "name": draw(text)} for s in scenarios],
    }  # fmt: skip
    if draw(st.booleans()):
        labels = draw(st.lists(st.from_regex(r"[a-zé ]{0,6}[a-z]", fullmatch=True),
                               min_size=3, max_size=3, unique=True))  # fmt: skip
        data["scale"] = [
            {"score": i + 1, "label": label, "emoji": draw(st.sampled_from(["", "😞", "🙂"]))}
            for i, label in enumerate(labels)
        ]
    top = len(data.get("scale", [])) or 5
    touchpoints = []
    used: set[tuple[str, str, str]] = set()
    for _ in range(draw(st.integers(0, 5))):
        key = (draw(slugs), draw(st.sampled_from(personas)), draw(st.sampled_from(scenarios)))
        if key in used:
            continue
        used.add(key)
        touchpoints.append({
            "id": key[0], "persona": key[1], "scenario": key[2],
            "phase": draw(st.sampled_from(phases)),
            "name": draw(required(text)),
            "online": draw(st.sampled_from([None, True, False])),
            "owned": draw(st.sampled_from([None, True, False])),
            "emotion": draw(st.one_of(st.none(), st.integers(1, top))),
            "why": draw(text),
            "critical": draw(st.booleans()),
            "importance": draw(st.sampled_from(["", "main", "side"])),
        })  # fmt: skip
    data["touchpoints"] = touchpoints
    tp_ids = sorted({t["id"] for t in touchpoints})
    data["opportunities"] = [
        {"id": o, "description": draw(required(text)),
         "touchpoint": draw(st.sampled_from(["", *tp_ids])),
         "phase": draw(st.sampled_from(["", *phases])),
         "impact": draw(st.one_of(st.none(), st.integers(1, 5))),
         "effort": draw(st.one_of(st.none(), st.integers(1, 5)))}
        for o in draw(unique_slugs(0, 2))
    ]  # fmt: skip
    data["review"] = {
        "answers": draw(st.dictionaries(slugs, text, max_size=1)),
        "notes": draw(text),
    }
    return data


def assert_same(a: Journey, b: Journey) -> None:
    for table in TABLES:
        pd.testing.assert_frame_equal(getattr(a, table), getattr(b, table), obj=table)
    assert (a.title, a.goal, a.language, a.scope, a.scale, a.review) == (
        b.title, b.goal, b.language, b.scope, b.scale, b.review,
    )  # fmt: skip


# Any text in YAML and JSON; list items too.
yaml_projects = project_data(texts(), texts())
# In a spreadsheet or CSV a list is one cell with one item per line, so items are
# single-line, trimmed and non-empty; other cells hold any text a cell can hold.
XLSX_CHARS = st.characters(blacklist_categories=("Cs",), blacklist_characters="".join(
    chr(c) for c in range(32) if XLSX_BAD.match(chr(c))))  # fmt: skip
cell_items = texts(XLSX_CHARS).map(lambda s: " ".join(s.split())).filter(bool)
xlsx_projects = project_data(texts(XLSX_CHARS).filter(lambda s: not XLSX_BAD.search(s)), cell_items)
csv_projects = project_data(texts(), cell_items)


@SETTINGS
@given(yaml_projects)
def test_yaml_and_json_round_trip(data):
    journey = from_dict(data)
    text = dumps(journey)
    again = loads(text)
    assert dumps(again) == text
    assert_same(journey, again)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "reis.json"
        export_journey(journey, path)
        assert json.loads(path.read_text(encoding="utf-8")) == to_dict(journey)
        from_json = read_journey(path)
    assert_same(journey, from_json)


@SHEET_SETTINGS
@given(xlsx_projects)
def test_xlsx_round_trip(data):
    journey = from_dict(data)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "reis.xlsx"
        export_journey(journey, path)
        again = read_journey(path)
    assert_same(journey, again)


@SHEET_SETTINGS
@given(csv_projects)
def test_csv_folder_round_trip(data):
    journey = from_dict(data)
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "tabellen"
        export_journey(journey, target)
        again = read_journey(target)
    assert_same(journey, again)
