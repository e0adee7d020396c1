"""Export to xlsx, JSON and a CSV folder, and import a spreadsheet a team edited."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from klantreis import JourneyError, ValidationError, dumps, load, to_dict
from klantreis.exchange import export_journey, import_journey, read_journey, sheets
from klantreis.fields import TABLES
from klantreis.messages import use_language

SHEETS = ["project", "scale", "phases", "personas", "scenarios", "touchpoints",
          "opportunities", "sources", "evidence", "quotes", "review"]  # fmt: skip


def sheet_rows(path: Path, name: str) -> list[dict]:
    book = load_workbook(path)
    rows = list(book[name].iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


# ------------------------------------------------------------------ xlsx
def test_xlsx_has_one_sheet_per_table_with_columns(journey, tmp_path):
    journey.set_answer("verbeterpunten", "Balie sneller")
    path = tmp_path / "reis.xlsx"
    assert export_journey(journey, path) == [path]
    book = load_workbook(path)
    assert book.sheetnames == SHEETS
    for table, spec in TABLES.items():
        fields = spec.fields
        header = [c.value for c in book[table][1]]
        # the template's extra fields get a column each (``extra.<id>``): none here
        assert header == [f.name for f in fields if not f.declared], table
    assert [c.value for c in book["review"][1]] == ["question", "answer"]
    assert book["touchpoints"].freeze_panes == "A2"


def test_xlsx_values(journey, tmp_path):
    path = tmp_path / "reis.xlsx"
    export_journey(journey, path)
    project = {r["key"]: r["value"] for r in sheet_rows(path, "project")}
    assert project["title"] == "Fietsverhuur De Spaak" and project["klantreis"] == "1"
    balie = sheet_rows(path, "touchpoints")[1]
    assert balie["id"] == "balie" and balie["persona"] == "toerist"
    assert balie["emotion"] == 2 and balie["critical"] is True and balie["why"] == "Lange rij 😩"
    assert balie["online"] is None  # unknown stays empty
    assert sheet_rows(path, "personas")[0]["needs"] == "kaart\nsnel weg"
    assert sheet_rows(path, "opportunities")[0]["impact"] == 4
    assert [r["score"] for r in sheet_rows(path, "scale")] == [1, 2, 3, 4, 5]


def test_example_xlsx_round_trip(example_path, tmp_path):
    journey = load(example_path)
    export_journey(journey, tmp_path / "reis.xlsx")
    assert dumps(read_journey(tmp_path / "reis.xlsx")) == dumps(journey)


def test_edited_spreadsheet_is_imported(journey, tmp_path):
    path = tmp_path / "reis.xlsx"
    export_journey(journey, path)
    book = load_workbook(path)
    sheet = book["touchpoints"]
    header = [c.value for c in sheet[1]]
    sheet.cell(row=2, column=header.index("emotion") + 1, value=1)  # website: 4 -> 1
    sheet.append({header.index("id") + 1: "fietsslot", header.index("persona") + 1: "forens",
                  header.index("scenario") + 1: "current", header.index("phase") + 1: "huren",
                  header.index("name") + 1: "Fietsslot openen",
                  header.index("emotion") + 1: "negatief", header.index("online") + 1: "ja"})  # fmt: skip
    book.save(path)
    target = tmp_path / "reis.yaml"
    assert import_journey(path, target) == target
    imported = load(target)
    website = imported.touchpoints.iloc[0]
    assert (website["id"], website["emotion"]) == ("website", 1)
    assert imported.journey("forens")["id"].tolist() == ["balie", "fietsslot"]
    new = imported.touchpoints.iloc[-1]
    assert (new["emotion"], new["online"], new["critical"]) == (2, True, False)
    text = target.read_text(encoding="utf-8")
    assert "  - id: fietsslot\n    persona: forens\n    scenario: current\n" in text


def test_invalid_spreadsheet_row_is_named(journey, tmp_path):
    path = tmp_path / "reis.xlsx"
    export_journey(journey, path)
    book = load_workbook(path)
    sheet = book["touchpoints"]
    header = [c.value for c in sheet[1]]
    sheet.cell(row=4, column=header.index("phase") + 1, value="betalen")
    sheet.cell(row=5, column=header.index("emotion") + 1, value="super")
    book.save(path)
    with pytest.raises(ValidationError) as info:
        read_journey(path)
    problems = info.value.problems
    assert [(p.path, p.line) for p in problems] == [
        ("touchpoints[3].emotion", 5),
        ("touchpoints[2].phase", 4),
    ]
    assert str(problems[1]) == (
        f"{path}:4: touchpoints[2].phase: fase 'betalen' bestaat niet; "
        "bekend: orientatie, huren, terugbrengen"
    )


def test_text_starting_with_equals_stays_text(journey, tmp_path):
    journey.update_touchpoint("website", "toerist", thoughts="=HYPERLINK(\"http://x\")",
                              why="=1+1", channel="+31 20 123")  # fmt: skip
    path = tmp_path / "reis.xlsx"
    export_journey(journey, path)
    cell = sheet_rows(path, "touchpoints")[0]
    assert cell["why"] == "=1+1" and cell["thoughts"] == '=HYPERLINK("http://x")'
    book = load_workbook(path)
    header = [c.value for c in book["touchpoints"][1]]
    why = book["touchpoints"].cell(row=2, column=header.index("why") + 1)
    assert why.data_type == "s"  # not a formula
    again = read_journey(path)
    assert again.touchpoints.iloc[0]["why"] == "=1+1"
    assert again.touchpoints.iloc[0]["channel"] == "+31 20 123"


@pytest.mark.parametrize("text", ["NA", "null", "None", "nan", "#N/A", "007", "1.0", "TRUE"])
def test_text_that_looks_like_a_value_stays_text(journey, tmp_path, text):
    journey.update_touchpoint("website", "toerist", why=text)
    for target in (tmp_path / "reis.xlsx", tmp_path / "tabellen"):
        export_journey(journey, target)
        assert read_journey(target).touchpoints.iloc[0]["why"] == text, target.name


def test_control_character_refused_for_xlsx(journey, tmp_path):
    journey.update_touchpoint("website", "toerist", why="bel\x07")
    with pytest.raises(JourneyError, match=r"touchpoints\[0\]\.why bevat een stuurteken"):
        export_journey(journey, tmp_path / "reis.xlsx")
    with (
        use_language("en"),
        pytest.raises(JourneyError, match=r"touchpoints\[0\]\.why holds a control character"),
    ):
        export_journey(journey, tmp_path / "reis.xlsx")
    assert list(tmp_path.iterdir()) == []


def test_damaged_spreadsheet(tmp_path):
    path = tmp_path / "kapot.xlsx"
    path.write_bytes(b"dit is geen zip")
    with use_language("en"), pytest.raises(JourneyError, match="cannot read this spreadsheet"):
        read_journey(path)


def test_spreadsheet_without_project_sheet(tmp_path):
    with pytest.raises(ValidationError, match="het blad 'project' \\(key, value\\) ontbreekt"):
        from klantreis.exchange import journey_from_tables

        journey_from_tables({}, "leeg.xlsx")


# ------------------------------------------------------------------ JSON
def test_json_export_matches_project_data(journey, tmp_path):
    path = tmp_path / "reis.json"
    export_journey(journey, path)
    text = path.read_text(encoding="utf-8")
    assert "Lange rij 😩" in text  # characters, not \\u escapes
    data = json.loads(text)
    assert data == to_dict(journey)
    assert list(data) == ["klantreis", "title", "goal", "language", "scope", "scale", "phases",
                          "personas", "scenarios", "touchpoints", "opportunities", "review"]  # fmt: skip
    assert data["touchpoints"][1] == {
        "id": "balie", "persona": "toerist", "scenario": "current", "phase": "huren",
        "name": "Fiets ophalen aan de balie", "emotion": 2, "why": "Lange rij 😩",
        "critical": True, "importance": "main",
    }  # fmt: skip
    assert dumps(read_journey(path)) == dumps(journey)


def test_bad_json_names_the_line(tmp_path):
    path = tmp_path / "fout.json"
    path.write_text('{\n  "klantreis": 1,\n  "title": "T",,\n}\n', encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        read_journey(path)
    problem = info.value.problems[0]
    assert problem.line == 3 and "dit is geen geldige JSON" in str(problem)


def test_json_problems_name_the_field(journey, tmp_path):
    data = to_dict(journey)
    data["touchpoints"][2]["phase"] = "betalen"
    path = tmp_path / "fout.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValidationError, match=r"touchpoints\[2\]\.phase: fase 'betalen' bestaat niet"):
        read_journey(path)


# ------------------------------------------------------------------ CSV
def test_csv_folder_has_one_file_per_table(journey, tmp_path):
    target = tmp_path / "tabellen"
    written = export_journey(journey, target)
    assert sorted(p.name for p in written) == sorted(f"{name}.csv" for name in SHEETS)
    with (target / "touchpoints.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == [f.name for f in TABLES["touchpoints"].fields if not f.declared]
    assert rows[1]["id"] == "balie" and rows[1]["emotion"] == "2"
    assert rows[1]["why"] == "Lange rij 😩" and rows[1]["critical"] == "True"
    with (target / "personas.csv").open(encoding="utf-8", newline="") as handle:
        assert next(csv.DictReader(handle))["needs"] == "kaart\nsnel weg"


def test_csv_folder_round_trip_and_edit(journey, tmp_path):
    target = tmp_path / "tabellen"
    export_journey(journey, target)
    assert dumps(read_journey(target)) == dumps(journey)
    path = target / "phases.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("Huren", "Fiets huren"),
                    encoding="utf-8")  # fmt: skip
    assert read_journey(target).name_of("phases", "huren") == "Fiets huren"


def test_example_csv_round_trip(example_path, tmp_path):
    journey = load(example_path)
    export_journey(journey, tmp_path / "tabellen")
    assert dumps(read_journey(tmp_path / "tabellen")) == dumps(journey)


# ------------------------------------------------------------------ errors
def test_export_unknown_format(journey, tmp_path):
    with pytest.raises(JourneyError, match="naar '.pdf' kan niet worden geëxporteerd; kies .xlsx, .json"):
        export_journey(journey, tmp_path / "reis.pdf")


def test_import_refuses_overwrite_without_force(journey, tmp_path):
    source = tmp_path / "reis.json"
    export_journey(journey, source)
    target = tmp_path / "reis.yaml"
    target.write_text("oud\n", encoding="utf-8")
    with pytest.raises(JourneyError, match="bestaat al; overschrijf het met --force"):
        import_journey(source, target)
    assert target.read_text(encoding="utf-8") == "oud\n"
    import_journey(source, target, force=True)
    assert load(target).title == journey.title


def test_import_missing_source(tmp_path):
    with pytest.raises(JourneyError, match="dit bestand bestaat niet"):
        read_journey(tmp_path / "weg.xlsx")


def test_sheets_are_flat_tables(journey):
    tables = sheets(journey)
    assert list(tables) == SHEETS
    assert tables["touchpoints"]["emotion"].tolist() == [4, 2, 3, 5, 3, 5]
