"""``klantreis export ... --to x.pdf``: the arguments reach the poster engine (patched,
as in papermill's CLI tests), and one real run end to end."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest
from pdf_helpers import all_words, missing_words, page_sizes_mm, reader

from klantreis import load
from klantreis.cli import main


@mock.patch("klantreis.poster.export_pdf")
def test_export_pdf_calls_the_poster_engine(export, tmp_example: Path, capsys) -> None:
    export.return_value = Path("poster.pdf")
    assert main(["export", str(tmp_example), "--to", "poster.pdf", "--paper", "A1",
                 "--persona", "student", "--scenario", "gewenst"]) == 0  # fmt: skip
    export.assert_called_once_with(
        "poster.pdf", str(tmp_example), paper="A1", persona="student", scenario="gewenst",
        blank=False, template=None, language=None, row_mm=None,
    )  # fmt: skip
    assert capsys.readouterr().out == "geschreven: poster.pdf\n"


@mock.patch("klantreis.poster.export_pdf")
def test_blank_canvas_needs_no_project_file(export, capsys) -> None:
    export.return_value = Path("leeg.pdf")
    assert main(["export", "--template", "flanders", "--blank", "--to", "leeg.pdf", "--language", "en",
                 "--row-height", "90"]) == 0  # fmt: skip
    export.assert_called_once_with(
        "leeg.pdf", None, paper=None, persona=None, scenario=None, blank=True, template="flanders",
        language="en", row_mm=90.0,
    )  # fmt: skip


@mock.patch("klantreis.poster.export_pdf")
def test_poster_options_go_to_the_poster_engine_whatever_the_suffix(export) -> None:
    export.return_value = Path("x")
    main(["export", "reis.yaml", "--to", "poster.html", "--paper", "A2"])
    assert export.call_args.args == ("poster.html", "reis.yaml")  # the engine says it must be .pdf


@mock.patch("klantreis.exchange.export_journey")
def test_other_exports_still_need_a_project_file(export, capsys) -> None:
    assert main(["export", "--to", "reis.xlsx"]) == 1
    export.assert_not_called()
    assert "geef een projectbestand" in capsys.readouterr().err


def test_bad_paper_size_is_a_message_and_exit_1(tmp_example: Path, tmp_path: Path, capsys) -> None:
    assert main(["export", str(tmp_example), "--to", str(tmp_path / "p.pdf"), "--paper", "A5"]) == 1
    assert "onbekend papierformaat 'A5'" in capsys.readouterr().err
    assert not list(tmp_path.glob("*.pdf"))


@pytest.mark.slow
def test_export_poster_end_to_end(tmp_example: Path, tmp_path: Path) -> None:
    target = tmp_path / "poster.pdf"
    env = {**os.environ, "KLANTREIS_LANG": "nl"}
    command = [
        sys.executable,
        "-m",
        "klantreis.cli",
        "--language",
        "en",
        "export",
        str(tmp_example),
        "--to",
        str(target),
    ]
    done = subprocess.run(
        [*command, "--paper", "A2"],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"wrote {target}\n"  # --language en, over the project's and $KLANTREIS_LANG
    pdf = reader(target.read_bytes())
    assert (round(page_sizes_mm(pdf)[0][0]), round(page_sizes_mm(pdf)[0][1])) == (594, 420)
    journey = load(tmp_example)
    persona, scenario = journey.journeys()[0]
    words = all_words(pdf)
    for name in journey.journey(persona, scenario)["name"]:
        assert not missing_words(name, words), name
    bad = subprocess.run(
        [*command, "--scenario", "nooit"],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert bad.returncode == 1 and "there is no scenario 'nooit'" in bad.stderr
    assert reader(target.read_bytes())  # the poster from before is still whole
