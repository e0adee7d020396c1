"""Hand-made hostile or broken spreadsheets and CSV files: each is refused with a
message naming the file (and where possible the line), never a traceback, and
without building the huge thing it describes."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from klantreis import JourneyError
from klantreis.exchange import export_journey, read_journey
from klantreis.messages import use_language

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def rewrite(path: Path, member: str, change) -> Path:
    """Replace one member of the zip at ``path`` by ``change(old_text)``."""
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    parts[member] = change(parts[member].decode("utf-8")).encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def with_rows(rows: str):
    """A change that puts ``rows`` in place of a worksheet's rows."""

    def change(text: str) -> str:
        head, _, rest = text.partition("<sheetData>")
        return f"{head}<sheetData>{rows}</sheetData>{rest.partition('</sheetData>')[2]}"

    return change


@pytest.fixture
def workbook(journey, tmp_path) -> Path:
    path = tmp_path / "reis.xlsx"
    export_journey(journey, path)
    return path


PHASES = "xl/worksheets/sheet3.xml"  # the third sheet: phases


@pytest.mark.parametrize(
    ("rows", "column"),
    [
        # one tiny cell in the last column would make every row 16,384 cells wide
        ("".join(f'<row r="{i}"><c r="XFD{i}" t="inlineStr"><is><t>x</t></is></c></row>'
                 for i in range(1, 2000)), 16384),
        # a row of many cells without positions
        ('<row r="1">' + "<c/>" * 5000 + "</row>", 101),
    ],
    ids=["last-column", "many-cells"],
)  # fmt: skip
def test_a_row_beyond_the_column_limit_is_refused_before_parsing(workbook, rows, column):
    rewrite(workbook, PHASES, with_rows(rows))
    with use_language("en"), pytest.raises(JourneyError) as info:
        read_journey(workbook)
    assert info.value.text("en") == (
        f"{workbook}: a worksheet (xl/worksheets/sheet3.xml) has a row with a cell in column "
        f"{column}; a table has at most 100 columns, so klantreis does not read this file"
    )


def test_entity_expansion_in_a_worksheet_is_refused(workbook):
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
                  for i in range(1, 10))
        + f']><worksheet xmlns="{MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is>'
        "<t>&lol9;</t></is></c></row></sheetData></worksheet>"
    )  # fmt: skip
    rewrite(workbook, PHASES, lambda _: laughs)
    with use_language("en"), pytest.raises(JourneyError, match="cannot read this spreadsheet"):
        read_journey(workbook)


def test_formulas_are_not_run_on_import(workbook):
    from openpyxl import load_workbook

    book = load_workbook(workbook)
    book["phases"]["B3"] = '=HYPERLINK("http://x","Klik")'
    book.save(workbook)
    # openpyxl stores no computed value, and klantreis computes nothing: the name is
    # empty, which the phase allows (the formula text itself is never read as a name)
    journey = read_journey(workbook)
    assert journey.name_of("phases", "huren") == "huren"


@pytest.mark.parametrize(
    ("sheet", "cell", "value", "message"),
    [
        ("phases", "H2", "notitie", "{path}: phases: column 8 has values but no name in the header"),
        ("phases", "C1", "name", "{path}: phases: the column 'name' appears twice in the header"),
        ("project", "A1", "sleutel", "1 problem:\n  - {path}:1: project: the sheet 'project' "
         "needs the columns key, value in its first row; missing: key"),
    ],
    ids=["unnamed-column", "name-twice", "project-without-key"],
)  # fmt: skip
def test_sheet_headers_that_do_not_fit(workbook, sheet, cell, value, message):
    from openpyxl import load_workbook

    book = load_workbook(workbook)
    book[sheet][cell] = value
    book.save(workbook)
    with use_language("en"):
        with pytest.raises(JourneyError) as info:
            read_journey(workbook)
        assert info.value.text("en") == message.format(path=workbook)


# ------------------------------------------------------------------ CSV
@pytest.fixture
def folder(journey, tmp_path) -> Path:
    target = tmp_path / "tabellen"
    export_journey(journey, target)
    return target


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda b: b.replace(b"Huren", b"H\xe9ren"),
         "{path}:3: this is not UTF-8 text; save the CSV file as UTF-8"),
        (lambda b: b.replace(b'"Huren"', b'"Huren" x'),
         "{path}:3: this is not a valid CSV file (',' expected after '\"')"),
        (lambda b: b.replace(b'"Huren",', b'"Huren","extra",'),
         "{path}:3: this row has 6 cells but the header only 5; put every value in a column "
         "that has a name"),
        (lambda b: b.replace(b'"name"', b'"id"'),
         "{path}: phases.csv: the column 'id' appears twice in the header"),
    ],
    ids=["latin-1", "quote", "too-wide", "twice"],
)  # fmt: skip
def test_broken_csv_files_are_named_with_their_line(folder, change, message):
    path = folder / "phases.csv"
    path.write_bytes(change(path.read_bytes()))
    with use_language("en"), pytest.raises(JourneyError) as info:
        read_journey(folder)
    assert info.value.text("en") == message.format(path=path)


def test_a_byte_order_mark_and_blank_lines_are_fine(folder, journey):
    from klantreis import dumps

    path = folder / "phases.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text("\ufeff" + text.replace("\n", "\n\n", 2), encoding="utf-8")
    assert dumps(read_journey(folder)) == dumps(journey)
