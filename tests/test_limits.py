"""Size and row limits: an oversized file, folder or zip bomb is refused with a message
naming the file and the limit, before it is read; the limits can be raised."""

from __future__ import annotations

import csv
import os
import zipfile
from pathlib import Path
from unittest import mock

import pytest

from klantreis import JourneyError, dumps, limits, sheetfiles
from klantreis.cli import main
from klantreis.exchange import export_journey, read_journey
from klantreis.messages import use_language
from tests.conftest import build_small_journey

BIG = 51 * limits.MB  # just over the default limit of 50 MB


def sparse(path: Path, size: int = BIG) -> Path:
    """A file of ``size`` bytes that takes no disk space (and would be slow to read)."""
    with path.open("wb") as handle:
        handle.truncate(size)
    return path


@pytest.fixture
def no_reading(monkeypatch):
    """Fail the test if any reader opens the file."""

    def refuse(*args, **kwargs):
        raise AssertionError("the file was read")

    monkeypatch.setattr("openpyxl.load_workbook", refuse)
    monkeypatch.setattr(sheetfiles, "_read_csv", refuse)
    monkeypatch.setattr(limits, "open", refuse, raising=False)
    monkeypatch.setattr(Path, "read_bytes", refuse)


# ------------------------------------------------------------------ limits
def test_default_limit_and_how_to_raise_it(monkeypatch):
    monkeypatch.delenv(limits.MAX_MB_ENV, raising=False)
    monkeypatch.delenv(limits.MAX_ROWS_ENV, raising=False)
    assert (limits.max_mb(), limits.max_rows()) == (50, 100_000)
    monkeypatch.setenv(limits.MAX_MB_ENV, "120")
    monkeypatch.setenv(limits.MAX_ROWS_ENV, "500000")
    assert (limits.max_mb(), limits.max_rows()) == (120, 500_000)
    with limits.use_limits(max_mb=200, max_rows=7):
        assert (limits.max_mb(), limits.max_rows()) == (200, 7)
        assert limits.max_mb(10) == 10  # an explicit limit wins
    assert limits.max_mb() == 120


@pytest.mark.parametrize("value", ["nul", "0", "-5", "nan"])
def test_a_bad_limit_is_a_message(monkeypatch, value):
    monkeypatch.setenv(limits.MAX_MB_ENV, value)
    with use_language("en"), pytest.raises(JourneyError) as info:
        limits.max_mb()
    assert info.value.text("en") == (f"--max-mb / KLANTREIS_MAX_MB must be a positive number, not {value!r}")


@pytest.mark.parametrize("suffix", [".xlsx", ".json", ".yaml"])
def test_oversized_file_is_refused_without_reading_it(tmp_path, no_reading, suffix):
    path = sparse(tmp_path / f"groot{suffix}")
    with use_language("en"), pytest.raises(JourneyError) as info:
        read_journey(path)
    assert info.value.text("en") == (
        f"{path} is 51.0 MB; klantreis reads files up to 50 MB and did not open it. "
        "If it really is a journey, raise the limit with --max-mb 52 "
        "(or the environment variable KLANTREIS_MAX_MB=52)."
    )
    with pytest.raises(JourneyError) as info:
        read_journey(path)
    assert str(info.value).startswith(f"{path} is 51.0 MB; klantreis leest bestanden tot 50 MB")


def test_oversized_csv_folder_is_refused_without_reading_it(journey, tmp_path, no_reading):
    folder = tmp_path / "tabellen"
    export_journey(journey, folder)
    sparse(folder / "touchpoints.csv", 30 * limits.MB)
    sparse(folder / "personas.csv", 30 * limits.MB)
    sparse(folder / "notities.csv", 80 * limits.MB)  # not a table: not read, not counted
    with use_language("en"), pytest.raises(JourneyError) as info:
        read_journey(folder)
    assert info.value.text("en").startswith(
        f"{folder}: the CSV files in this folder are 60.0 MB together; klantreis reads up to 50 MB"
    )


def test_the_limit_can_be_raised(journey, tmp_path):
    path = tmp_path / "reis.json"
    export_journey(journey, path)
    size_mb = path.stat().st_size / limits.MB
    with limits.use_limits(max_mb=size_mb / 2), pytest.raises(JourneyError, match="reis.json is"):
        read_journey(path)
    with limits.use_limits(max_mb=size_mb * 2):
        assert dumps(read_journey(path)) == dumps(journey)


def test_read_bytes_stops_one_byte_past_the_limit(tmp_path):
    path = tmp_path / "pijp"
    os.mkfifo(path)  # a pipe has no size on disk: the limit holds while reading
    writer = os.open(path, os.O_RDWR | os.O_NONBLOCK)
    try:
        os.write(writer, b"x" * 3000)
        with pytest.raises(JourneyError, match="pijp is 2 kB; klantreis"):
            limits.read_bytes(path, limit_mb=2000 / limits.MB)
    finally:
        os.close(writer)


# ------------------------------------------------------------------ zip bomb
def zip_bomb(path: Path, journey, unpacked: int) -> Path:
    """A real workbook with one extra member of ``unpacked`` zero bytes (which
    compresses to a thousandth of that)."""
    export_journey(journey, path)
    with (
        zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive,
        archive.open("xl/media/bom.bin", "w", force_zip64=True) as member,
    ):
        for _ in range(unpacked // limits.MB):
            member.write(bytes(limits.MB))
    return path


def test_zip_bomb_is_refused_before_unpacking(journey, tmp_path, monkeypatch):
    path = zip_bomb(tmp_path / "bom.xlsx", journey, 60 * limits.MB)
    assert path.stat().st_size < limits.MB
    monkeypatch.setattr("openpyxl.load_workbook", mock.Mock(side_effect=AssertionError("read")))
    with use_language("en"), pytest.raises(JourneyError) as info:
        read_journey(path)
    message = info.value.text("en")
    assert message.startswith(f"{path} is ")
    assert "but unpacks to 60.0 MB; klantreis unpacks a spreadsheet up to 50 MB" in message
    assert "zip bomb" in message and "--max-mb 61" in message


def test_a_trusted_big_workbook_opens_with_a_raised_limit(journey, tmp_path):
    path = zip_bomb(tmp_path / "groot.xlsx", journey, 3 * limits.MB)
    with limits.use_limits(max_mb=2), pytest.raises(JourneyError, match="pakt uit tot 3.0 MB"):
        read_journey(path)
    with limits.use_limits(max_mb=4):
        assert dumps(read_journey(path)) == dumps(journey)


# ------------------------------------------------------------------ rows
def count_rows(iterable, counts: list[int]):
    """Yield from ``iterable``, counting in a new entry of ``counts`` (one per table)."""
    counts.append(0)
    for row in iterable:
        counts[-1] += 1
        yield row


def test_too_many_rows_in_a_csv_table_stop_the_reading(journey, tmp_path, monkeypatch):
    folder = tmp_path / "tabellen"
    export_journey(journey, folder)
    path = folder / "phases.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    extra = [f'"fase{i}","Fase {i}","","",""' for i in range(5000)]
    path.write_text("\n".join([lines[0], *extra]) + "\n", encoding="utf-8")
    counts: list[int] = []
    reader = csv.reader
    monkeypatch.setattr(csv, "reader", lambda *a, **k: count_rows(reader(*a, **k), counts))
    with use_language("en"), limits.use_limits(max_rows=100), pytest.raises(JourneyError) as info:
        read_journey(folder)
    assert info.value.text("en").startswith(
        f"{path}: phases.csv has more than 100 rows; a journey never needs that many"
    )
    assert "KLANTREIS_MAX_ROWS=200" in info.value.text("en")
    assert counts[-1] == 102  # header, 100 rows and the one too many: then it stopped


def test_too_many_rows_in_a_sheet_stop_the_reading(journey, tmp_path, monkeypatch):
    from openpyxl import load_workbook
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    path = tmp_path / "reis.xlsx"
    export_journey(journey, path)
    book = load_workbook(path)
    for i in range(3000):
        book["phases"].append([f"fase{i}", f"Fase {i}"])
    book.save(path)
    counts: list[int] = []
    iter_rows = ReadOnlyWorksheet.iter_rows
    monkeypatch.setattr(ReadOnlyWorksheet, "iter_rows",
                        lambda self, *a, **k: count_rows(iter_rows(self, *a, **k), counts))  # fmt: skip
    with use_language("en"), limits.use_limits(max_rows=50), pytest.raises(JourneyError) as info:
        read_journey(path)
    assert info.value.text("en").startswith(f"{path}: phases has more than 50 rows")
    assert len(counts) == 3  # project, scale, phases: then it stopped
    assert counts[-1] == 52  # header, 50 rows and the one too many


def test_a_gap_of_a_million_empty_rows_is_refused_quickly(journey, tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "reis.xlsx"
    export_journey(journey, path)
    book = load_workbook(path)
    book["phases"].cell(row=1_048_576, column=1, value="laatste")
    book.save(path)
    with use_language("en"), pytest.raises(JourneyError, match="phases has more than 100000 rows"):
        read_journey(path)


# ------------------------------------------------------------------ command line
@pytest.mark.parametrize("command", ["import", "export"])
def test_max_mb_option_reaches_the_readers(command, tmp_example):
    seen = []
    target = "exchange.import_journey" if command == "import" else "exchange.export_journey"
    with mock.patch(f"klantreis.{target}", side_effect=lambda *a, **k: seen.append(limits.max_mb())
                    or [Path("x")]):  # fmt: skip
        assert main([command, str(tmp_example), "--to", "x.xlsx", "--max-mb", "120"]) == 0
    assert seen == [120]
    assert limits.max_mb() != 120  # only for that command


def test_validate_max_mb_reaches_the_project_reader(tmp_example, capsys):
    seen = []

    def load(path):
        seen.append(limits.max_mb())
        return build_small_journey()

    with mock.patch("klantreis.projectfile.load", side_effect=load):
        assert main(["validate", str(tmp_example), "--max-mb", "75"]) == 0
    assert seen == [75]
    assert capsys.readouterr().out.startswith(f"{tmp_example}: in orde: Fietsverhuur De Spaak")


def test_cli_refuses_an_oversized_spreadsheet_and_the_option_raises_the_limit(tmp_path, capsys):
    path = sparse(tmp_path / "groot.xlsx")
    target = tmp_path / "reis.yaml"
    assert main(["import", str(path), "--to", str(target)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"fout: {path} is 51.0 MB; klantreis leest bestanden tot 50 MB")
    assert "--max-mb 52" in err and "Traceback" not in err
    assert main(["import", str(path), "--to", str(target), "--max-mb", "52"]) == 1
    err = capsys.readouterr().err
    assert "dit spreadsheet kan niet gelezen worden" in err  # past the size check
    assert not target.exists()


def test_cli_refuses_a_bad_max_mb(tmp_example, capsys):
    assert main(["validate", str(tmp_example), "--max-mb", "0"]) == 1
    assert capsys.readouterr().err == ("fout: --max-mb moet een positief getal zijn, niet 0.0\n")


def test_oversized_project_file_is_refused_by_load_and_validate(tmp_path, capsys, no_reading):
    path = sparse(tmp_path / "groot.yaml")
    assert main(["validate", str(path)]) == 1
    assert capsys.readouterr().err.startswith(f"fout: {path} is 51.0 MB; klantreis leest")
