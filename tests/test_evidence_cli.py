"""``klantreis evidence import|list|remove``: the command line only parses and calls the
engine (tested by patching it); the engine on real files prints the summary in the
project's language, and every bad input exits 1 with a message that names the
problem and leaves the project file byte for byte as it was."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest
import yaml
from evidence_support import EVIDENCE_DIR, SPORTSCHOOL, write

import klantreis
from klantreis import JourneyError
from klantreis.cli import main
from klantreis.evidence import remove_source
from klantreis.session import ProjectSession


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the example without its interview source (so importing it is news)."""
    journey = klantreis.load(SPORTSCHOOL)
    remove_source(journey, "interviews-2026")
    path = tmp_path / "reis.yaml"
    klantreis.save(journey, path)
    return path


# ------------------------------------------------------------------ parsing only
def test_import_passes_every_option_to_the_engine(capsys) -> None:
    with mock.patch("klantreis.evidence.commands.import_evidence", return_value="3 rijen") as engine:
        code = main(
            [
                "evidence",
                "import",
                "p.yaml",
                "enquete.csv",
                "--kind",
                "survey",
                "--mapping",
                "m.yaml",
                "--source",
                "golf-2",
                "--persona",
                "student",
                "--scenario",
                "huidig",
                "--include-partial",
                "--force",
                "--metric",
                "nps",
            ]
        )
    assert code == 0
    engine.assert_called_once_with(
        "p.yaml",
        "enquete.csv",
        "survey",
        mapping="m.yaml",
        source="golf-2",
        persona="student",
        scenario="huidig",
        include_partial=True,
        force=True,
        metric="nps",
    )
    assert capsys.readouterr().out == "3 rijen\n"


def test_import_defaults_and_list_and_remove_call_the_engine(capsys) -> None:
    with mock.patch("klantreis.evidence.commands.import_evidence", return_value="") as engine:
        main(["evidence", "import", "p.yaml", "log.xlsx", "--kind", "calls"])
    engine.assert_called_once_with(
        "p.yaml",
        "log.xlsx",
        "calls",
        mapping=None,
        source=None,
        persona=None,
        scenario=None,
        include_partial=False,
        force=False,
        metric=None,
    )
    with mock.patch("klantreis.evidence.commands.list_evidence", return_value="a\nb") as listing:
        assert main(["evidence", "list", "p.yaml"]) == 0
    listing.assert_called_once_with("p.yaml")
    with mock.patch("klantreis.evidence.commands.remove_evidence", return_value="weg") as remove:
        assert main(["evidence", "remove", "p.yaml", "golf-1"]) == 0
    remove.assert_called_once_with("p.yaml", "golf-1")
    assert capsys.readouterr().out == "\na\nb\nweg\n"


def test_an_unknown_kind_is_a_usage_error(capsys) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["evidence", "import", "p.yaml", "f.csv", "--kind", "tweets"])
    assert stop.value.code == 2
    assert "tweets" in capsys.readouterr().err


def test_engine_refusal_exits_1_with_the_message(capsys) -> None:
    with mock.patch(
        "klantreis.evidence.commands.import_evidence", side_effect=JourneyError("f.csv, kolom 'Q1': fout")
    ):
        assert main(["evidence", "import", "p.yaml", "f.csv", "--kind", "survey"]) == 1
    assert "f.csv, kolom 'Q1': fout" in capsys.readouterr().err


def test_build_passes_the_data_wave() -> None:
    with mock.patch("klantreis.builder.build", return_value=[]) as build:
        main(["build", "p.yaml", "--evidence", "wave-2026q3"])
    assert build.call_args.kwargs["evidence"] == "wave-2026q3"
    with mock.patch("klantreis.builder.build", return_value=[]) as build:
        main(["build", "p.yaml"])
    assert build.call_args.kwargs["evidence"] == ""


# ------------------------------------------------------------------ the engine on files
def test_import_list_remove_on_a_project_file(project: Path, capsys) -> None:
    assert (
        main(
            [
                "evidence",
                "import",
                str(project),
                str(EVIDENCE_DIR / "interviews-2026.csv"),
                "--kind",
                "interviews",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert (
        "interviews-2026.csv (interviews, bron interviews-2026): 56 rijen gelezen, 0 rijen overgeslagen."
    ) in out
    data = yaml.safe_load(project.read_text(encoding="utf-8"))
    assert data["sources"][-1]["id"] == "interviews-2026" and len(data["quotes"]) == 56
    assert main(["evidence", "list", str(project)]) == 0
    assert "interviews-2026: interviews, interviews-2026.csv" in capsys.readouterr().out
    assert main(["evidence", "remove", str(project), "interviews-2026"]) == 0
    assert "Bron interviews-2026 verwijderd, met 48 cijfers en 56 citaten." in capsys.readouterr().out
    assert "quotes" not in yaml.safe_load(project.read_text(encoding="utf-8"))


def test_the_summary_speaks_the_projects_language(project: Path, capsys) -> None:
    project.write_text(
        project.read_text(encoding="utf-8").replace("\nlanguage: nl\n", "\nlanguage: en\n", 1),
        encoding="utf-8",
    )
    before = project.read_bytes()
    command = [
        "evidence",
        "import",
        str(project),
        str(EVIDENCE_DIR / "klantcontact-2026q1.csv"),
        "--kind",
        "calls",
        "--mapping",
        str(EVIDENCE_DIR / "klantcontact-2026q1.yaml"),
        "--source",
        "calls-2",
    ]
    # the project holds this very file as 'klantcontact-2026q1': refused, nothing written
    assert main(command) == 1
    err = capsys.readouterr().err
    assert "klantcontact-2026q1.csv is the same file (same sha256) as source 'klantcontact-2026q1'" in err
    assert project.read_bytes() == before
    assert main([*command, "--force"]) == 0
    out = capsys.readouterr().out
    assert "klantcontact-2026q1.csv (calls, source calls-2): 240 rows read, 60 rows skipped." in out
    assert "Not mapped in column 'Contactreden': 'Openingstijden' (15)" in out
    assert "Note: the same file as source 'klantcontact-2026q1'; imported anyway (--force)." in out


def test_excel_style_csv_imports_cp1252_semicolons_and_decimal_commas(project: Path, tmp_path: Path) -> None:
    text = "Respondent;Segment;Vraag;Cijfer\n" + "".join(
        f"R{i};student;proefles;{score}\n" for i, score in enumerate(["3,5", "4,5", "4", "5", "Tevreden"])
    )
    raw = write(tmp_path, "enquête é.csv", text, encoding="cp1252")
    assert main(["evidence", "import", str(project), str(raw), "--kind", "survey"]) == 0
    record = next(
        e
        for e in yaml.safe_load(project.read_text(encoding="utf-8"))["evidence"]
        if e["source"] == "enquete-e"
    )
    assert (record["touchpoint"], record["n"], record["value"]) == ("proefles", 5, 4.2)


BAD_INPUTS = {
    # name: (file name, file text, mapping text or None, extra arguments, words the message holds)
    "not_csv": ("rapport.pdf", "%PDF-1.4", None, [], ["rapport.pdf", "geen CSV- of Excel-bestand"]),
    "xlsx_named_csv": ("export.csv", "PK\x03\x04rest", None, [], ["export.csv", ".xlsx"]),
    "missing_mapped_column": (
        "golf.csv",
        "respondent,touchpoint,score\nr1,proefles,4\n",
        "columns: {persona: Segment}\n",
        ["--persona", "student"],
        ["'Segment'", "golf.csv"],
    ),
    "unknown_touchpoint_in_mapping": (
        "golf.csv",
        "Q1\n4\n",
        "questions: {Q1: sauna}\n",
        ["--persona", "student"],
        ["sauna", "questions", "proefles"],
    ),
    "unknown_persona_in_mapping": (
        "golf.csv",
        "segment,proefles\nS,4\n",
        "personas: {S: opa}\n",
        [],
        ["opa", "personas", "student"],
    ),
    "score_outside_the_scale_in_mapping": (
        "golf.csv",
        "proefles\nTop\n",
        "answers: {Top: 9}\n",
        ["--persona", "student"],
        ["Top", "9", "schaal"],
    ),
    "score_outside_the_scale_in_the_file_only": (
        "golf.csv",
        "proefles\n9\n8\n",
        None,
        ["--persona", "student"],
        ["geen enkele bruikbare rij", "buiten de schaal"],
    ),
    "zero_usable_rows": (
        "golf.csv",
        "proefles\nweet niet\n\n",
        None,
        ["--persona", "student"],
        ["geen enkele bruikbare rij"],
    ),
    "header_only": ("golf.csv", "proefles\n", None, ["--persona", "student"], ["geen rijen met gegevens"]),
    "column_not_a_touchpoint": (
        "golf.csv",
        "proefles,sauna\n4,5\n",
        None,
        ["--persona", "student"],
        ["'sauna'", "proefles"],
    ),
    "answer_not_on_the_scale": (
        "golf.csv",
        "proefles\nsuper\n",
        None,
        ["--persona", "student"],
        ["'super'", "answers:"],
    ),
    "unknown_persona_argument": (
        "golf.csv",
        "proefles\n4\n",
        None,
        ["--persona", "opa"],
        ["'opa'", "student, senior, ouder"],
    ),
    "persona_needed": ("golf.csv", "proefles\n4\n", None, [], ["--persona", "student"]),
    "unknown_scenario_argument": (
        "golf.csv",
        "proefles\n4\n",
        None,
        ["--persona", "student", "--scenario", "later"],
        ["'later'"],
    ),
    "bad_mapping_yaml": (
        "golf.csv",
        "proefles\n4\n",
        "questions: [\n",
        ["--persona", "student"],
        ["koppel.yaml", "regel"],
    ),
}


@pytest.mark.parametrize("case", list(BAD_INPUTS))
def test_bad_input_exits_1_names_the_problem_and_leaves_the_project(
    case: str, project: Path, tmp_path: Path, capsys
) -> None:
    name, text, mapping, extra, words = BAD_INPUTS[case]
    before = project.read_bytes()
    raw = write(tmp_path, name, text)
    args = ["evidence", "import", str(project), str(raw), "--kind", "survey", *extra]
    if mapping is not None:
        args += ["--mapping", str(write(tmp_path, "koppel.yaml", mapping))]
    assert main(args) == 1
    err = capsys.readouterr().err
    for word in words:
        assert word in err, (word, err)
    assert "Traceback" not in err
    assert project.read_bytes() == before


@pytest.mark.parametrize(
    "args,words",
    [
        (["evidence", "import", "{project}", "{missing}", "--kind", "web"], ["weg.csv", "niet gevonden"]),
        (
            [
                "evidence",
                "import",
                "{project}",
                "{interviews}",
                "--kind",
                "interviews",
                "--mapping",
                "{missing}",
            ],
            ["weg.csv", "koppelbestand niet gevonden"],
        ),
        (["evidence", "remove", "{project}", "golf-9"], ["golf-9", "enquete-2026-voorjaar"]),
        (
            [
                "evidence",
                "import",
                "{project}",
                "{interviews}",
                "--kind",
                "interviews",
                "--source",
                "golf 2!",
            ],
            ["'golf 2!'"],
        ),
    ],
)
def test_missing_files_and_unknown_sources(
    args: list[str], words: list[str], project: Path, tmp_path: Path, capsys
) -> None:
    before = project.read_bytes()
    values = {
        "project": str(project),
        "missing": str(tmp_path / "weg.csv"),
        "interviews": str(EVIDENCE_DIR / "interviews-2026.csv"),
    }
    assert main([a.format(**values) for a in args]) == 1
    err = capsys.readouterr().err
    assert all(word in err for word in words), err
    assert project.read_bytes() == before


def test_a_missing_project_is_reported(tmp_path: Path, capsys) -> None:
    assert main(["evidence", "list", str(tmp_path / "geen.yaml")]) == 1
    assert "geen.yaml" in capsys.readouterr().err


def test_import_while_a_notebook_has_the_project_open(project: Path) -> None:
    """A notebook session is open; the import runs as its own process; both the
    notebook's later edit and the imported figures end up in the file."""
    session = ProjectSession.open(project)
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "klantreis.cli",
            "evidence",
            "import",
            str(project),
            str(EVIDENCE_DIR / "interviews-2026.csv"),
            "--kind",
            "interviews",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    session.apply(lambda j: j.update_touchpoint("proefles", "student", "huidig", why="Gratis en gezellig"))
    session.save()
    data = yaml.safe_load(project.read_text(encoding="utf-8"))
    assert "interviews-2026" in [s["id"] for s in data["sources"]] and len(data["quotes"]) == 56
    proefles = next(t for t in data["touchpoints"] if (t["id"], t["persona"]) == ("proefles", "student"))
    assert proefles["why"] == "Gratis en gezellig"
    assert "interviews-2026" in session.journey.ids("sources")


def test_two_imports_at_once_both_land(project: Path, tmp_path: Path) -> None:
    """Two waves imported by two processes at the same moment: the lock and the merge
    keep both."""
    waves = []
    for wave, score in (("golf-a", 4), ("golf-b", 2)):
        raw = write(
            tmp_path,
            f"{wave}.csv",
            "respondent,persona,touchpoint,score\n"
            + "".join(f"r{i},student,proefles,{score}\n" for i in range(12)),
        )
        waves.append(
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "klantreis.cli",
                    "evidence",
                    "import",
                    str(project),
                    str(raw),
                    "--kind",
                    "survey",
                ],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
        )
    for process in waves:
        _, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
    data = yaml.safe_load(project.read_text(encoding="utf-8"))
    assert {"golf-a", "golf-b"} <= {s["id"] for s in data["sources"]}
    values = {e["source"]: e["value"] for e in data["evidence"] if e["source"].startswith("golf-")}
    assert values == {"golf-a": 4.0, "golf-b": 2.0}
