"""The real ``klantreis`` command, in a process of its own, for each mistake a user can
make on the command line, in Dutch and in English: the exact message, the exit code,
and never a traceback, an errno or (in Dutch) argparse's English "usage:".

File-system faults that root cannot cause with ``chmod`` (CI runs as root) are
simulated with ``tests/faults/sitecustomize.py``: the operating system's own error,
raised where klantreis writes."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from klantreis.cli import main
from klantreis.cli_parser import COMMANDS, EVIDENCE_ACTIONS
from klantreis.resources import example_path

sys.path.insert(0, str(Path(__file__).resolve().parent / "browser"))
from app_driver import klantreis_command  # noqa: E402

FAULTS = Path(__file__).resolve().parent / "faults"
LANGUAGES = ["nl", "en"]
COMMAND_LIST = ", ".join(COMMANDS)


@dataclass
class Done:
    code: int
    out: str
    err: str


def klantreis(folder: Path, language: str, *args: str, fault: str = "", **env: str) -> Done:
    """Run ``klantreis ARGS`` in ``folder`` with ``KLANTREIS_LANG=language``; check that
    it said nothing a user should never see."""
    environment = {**os.environ, "KLANTREIS_LANG": language, "COLUMNS": "100", **env}
    if fault:
        kind, _, where = fault.partition(":")
        environment["PYTHONPATH"] = os.pathsep.join(filter(None, [str(FAULTS), os.environ.get("PYTHONPATH")]))
        environment["KLANTREIS_TEST_FAULT"] = f"{kind}:{folder / where}"
    done = subprocess.run(
        klantreis_command(*args),
        cwd=folder,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    said = done.stdout + done.stderr
    assert "Traceback" not in said and "Errno" not in said, said
    if language == "nl":
        assert "usage:" not in said, said
    return Done(done.returncode, done.stdout, done.stderr)


@pytest.fixture(params=LANGUAGES)
def language(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def project(tmp_path: Path, language: str) -> Path:
    """The gym example as ``p.yaml``, in the language of the test (an English project
    speaks English)."""
    text = example_path("sportschool").read_text(encoding="utf-8")
    target = tmp_path / "p.yaml"
    target.write_text(text.replace("\nlanguage: nl\n", f"\nlanguage: {language}\n", 1), encoding="utf-8")
    return target


def pick(language: str, nl: str, en: str) -> str:
    return nl if language == "nl" else en


# ------------------------------------------------------------------ argparse's part
def test_klantreis_alone_lists_the_commands_and_a_first_step(tmp_path: Path, language: str) -> None:
    done = klantreis(tmp_path, language)
    assert done.code == 0 and done.err == ""
    lines = done.out.splitlines()
    assert lines[0] == pick(
        language,
        "Breng een klantreis stap voor stap in kaart, per persona en scenario.",
        "Map a customer journey (klantreis) step by step, per persona and scenario.",
    )
    listed = [line.split()[0] for line in lines if line.startswith("  ") and not line.startswith("   ")]
    assert listed == list(COMMANDS)
    width = max(len(name) for name in COMMANDS) + 2  # the descriptions stand in one column
    assert (
        "  "
        + "build".ljust(width)
        + pick(
            language,
            "maak een HTML-rapport per persona × scenario, en een overzicht",
            "build an HTML report per persona × scenario, and an index",
        )
        in lines
    )
    assert (
        pick(
            language,
            "Begin hier:  klantreis new mijnreis.yaml --template canvas",
            "Start here:  klantreis new myjourney.yaml --template canvas --language en",
        )
        in lines
    )


def test_a_mistyped_command_gets_a_did_you_mean(tmp_path: Path, language: str) -> None:
    done = klantreis(tmp_path, language, "bouw", "p.yaml")
    assert done.code == 2 and done.out == ""
    assert done.err == pick(
        language,
        "gebruik: klantreis [-h] [--version] [--language {nl,en}] OPDRACHT ...\n"
        f"klantreis: fout: onbekende opdracht 'bouw' (bedoel je 'build'?); kies uit: {COMMAND_LIST}\n"
        "Uitleg: klantreis --help\n",
        "usage: klantreis [-h] [--version] [--language {nl,en}] COMMAND ...\n"
        f"klantreis: error: unknown command 'bouw' (did you mean 'build'?); choose from: {COMMAND_LIST}\n"
        "Help: klantreis --help\n",
    )


@pytest.mark.parametrize(
    ("args", "nl", "en"),
    [
        (["build", "p.yaml", "--ouput", "uit"],
         "onbekende optie of argument: --ouput uit (bedoel je '--out'?)",
         "unrecognized arguments: --ouput uit (did you mean '--out'?)"),
        (["build", "p.yaml", "--notebooks", "alles"],
         "--notebooks: 'alles' is hier geen keuze (bedoel je 'all'?); kies uit: report, all",
         "argument --notebooks: invalid choice: 'alles' (did you mean 'all'?); choose from: report, all"),
        (["build", "p.yaml", "--jobs", "veel"],
         "--jobs: 'veel' is geen geldig geheel getal",
         "argument --jobs: invalid whole number value: 'veel'"),
        (["build"], "dit ontbreekt nog: PROJECT", "the following arguments are required: PROJECT"),
        (["new", "x.yaml"], "dit ontbreekt nog: --template",
         "the following arguments are required: --template"),
        (["app", "p.yaml", "--token", "x", "--password"], "--password: kan niet samen met --token",
         "argument --password: not allowed with argument --token"),
    ],
    ids=["unknown-option", "invalid-choice", "not-a-number", "missing-argument", "missing-option",
         "exclusive"],
)  # fmt: skip
def test_argparse_errors_speak_the_language(
    tmp_path: Path, language: str, args: list[str], nl: str, en: str
) -> None:
    done = klantreis(tmp_path, language, *args)
    assert done.code == 2 and done.out == ""
    lines = done.err.splitlines()
    usage = pick(language, "gebruik", "usage")
    assert lines[0].startswith(f"{usage}: klantreis {args[0]} ")
    assert lines[-2:] == [
        f"klantreis {args[0]}: {pick(language, 'fout', 'error')}: {pick(language, nl, en)}",
        pick(language, f"Uitleg: klantreis {args[0]} --help", f"Help: klantreis {args[0]} --help"),
    ]


def test_an_english_project_gets_english_help(tmp_path: Path) -> None:
    english = tmp_path / "en.yaml"
    assert main(["new", str(english), "--template", "canvas", "--language", "en"]) == 0
    done = klantreis(tmp_path, "en", "build", "en.yaml", "--help", KLANTREIS_LANG="nl")
    assert done.code == 0 and done.out.startswith("usage: klantreis build ")
    assert "  --out FOLDER          the folder for the reports (default: rapport)\n" in done.out
    dutch = klantreis(tmp_path, "en", "--language", "nl", "build", "en.yaml", "--help")
    assert "  --out MAP             de map voor de rapporten (standaard: rapport)\n" in dutch.out


def test_build_help_in_the_terminal(tmp_path: Path, language: str) -> None:
    done = klantreis(tmp_path, language, "build", "--help")
    assert done.code == 0 and done.err == ""
    assert done.out.startswith(
        pick(
            language,
            "gebruik: klantreis build [-h] [--out MAP]",
            "usage: klantreis build [-h] [--out FOLDER]",
        )
    )
    assert (
        pick(
            language,
            "  -h, --help            toon deze uitleg en stop\n",
            "  -h, --help            show this help message and exit\n",
        )
        in done.out
    )
    jobs = pick(
        language,
        "zoveel reizen tegelijk (standaard: het aantal processorkernen)",
        "this many journeys at once (default: the number of cores)",
    )
    assert f"  --jobs N              {jobs}\n" in done.out


def help_of(language: str, *words: str, capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as stop:
        main(["--language", language, *words, "--help"])
    assert stop.value.code == 0
    return capsys.readouterr().out


def described_options(help_text: str) -> dict[str, str]:
    """Every option and argument in a --help text, with its description."""
    found: dict[str, str] = {}
    name = ""
    for line in help_text.splitlines():
        if line.startswith("  ") and not line.startswith("    "):
            name, _, text = line.strip().partition("  ")
            found[name] = text.strip()
        elif line.startswith("    ") and name and not found[name]:
            found[name] = line.strip()
    return found


@pytest.mark.parametrize(
    "words",
    [[c] for c in COMMANDS] + [["evidence", a] for a in EVIDENCE_ACTIONS],
    ids=lambda words: " ".join(words),
)
def test_every_option_of_every_command_has_a_description(words: list[str], capsys) -> None:
    texts = {}
    for lang in LANGUAGES:
        text = help_of(lang, *words, capsys=capsys)
        options = described_options(text)
        assert options, text
        assert all(options.values()), {o: d for o, d in options.items() if not d}
        texts[lang] = options
    assert texts["nl"] != texts["en"]
    if words == ["lab"]:
        assert "Andere opties gaan ongewijzigd naar JupyterLab" in help_of("nl", "lab", capsys=capsys)
        assert "Other options go to JupyterLab unchanged" in help_of("en", "lab", capsys=capsys)


def test_app_and_wall_each_describe_themselves(capsys) -> None:
    app, wall = (help_of("en", name, capsys=capsys).split("\n\n")[1] for name in ("app", "wall"))
    assert app.startswith("Serve the workbook as a web app") and wall.startswith("Serve only the wall")


# ------------------------------------------------------------------ klantreis's part
def test_a_broken_yaml_file_is_explained_in_the_language(tmp_path: Path, language: str) -> None:
    (tmp_path / "kapot.yaml").write_text(
        f"klantreis: 1\nlanguage: {language}\ntitle: [kapot\n", encoding="utf-8"
    )
    done = klantreis(tmp_path, language, "validate", "kapot.yaml")
    assert done.code == 1 and done.out == ""
    assert done.err == pick(
        language,
        "fout: kapot.yaml:4: dit is geen geldige YAML (in een lijst tussen [ ]: hier werd ',' of ']' "
        "verwacht); kijk rond deze regel naar inspringing, dubbele punten en aanhalingstekens\n",
        "error: kapot.yaml:4: this is not valid YAML (while parsing a flow sequence did not find "
        "expected ',' or ']'); check indentation, colons and quotes around this line\n",
    )


def test_an_output_folder_that_is_a_file_is_said_before_any_progress_bar(
    project: Path, language: str
) -> None:
    (project.parent / "eenbestand").write_text("mijn werk\n", encoding="utf-8")
    done = klantreis(project.parent, language, "build", "p.yaml", "--out", "eenbestand")
    assert done.code == 1 and done.out == ""
    assert done.err == pick(
        language,
        "fout: eenbestand is een bestand, geen map; kies een map (of een andere naam)\n",
        "error: eenbestand is a file, not a folder; choose a folder (or another name)\n",
    )
    assert (project.parent / "eenbestand").read_text(encoding="utf-8") == "mijn werk\n"
    inside = klantreis(project.parent, language, "export", "p.yaml", "--to", "eenbestand/reis.xlsx")
    assert inside.code == 1 and inside.err == done.err


@pytest.mark.parametrize(
    ("target", "nl", "en"),
    [
        ("weg/reis.xlsx", "de map weg bestaat niet; maak die eerst aan of kies een andere map",
         "folder weg does not exist; create it first or choose another folder"),
        ("map.xlsx", "map.xlsx is een map, geen bestand; geef de naam van een bestand",
         "map.xlsx is a folder, not a file; give the name of a file"),
    ],
    ids=["missing-folder", "folder-as-file"],
)  # fmt: skip
def test_an_export_target_that_cannot_be_a_file(
    project: Path, language: str, target: str, nl: str, en: str
) -> None:
    (project.parent / "map.xlsx").mkdir()
    done = klantreis(project.parent, language, "export", "p.yaml", "--to", target)
    assert (done.code, done.out) == (1, "")
    assert done.err == f"{pick(language, 'fout', 'error')}: {pick(language, nl, en)}\n"


def test_a_folder_given_as_project_file(tmp_path: Path, language: str) -> None:
    (tmp_path / "map.yaml").mkdir()
    done = klantreis(tmp_path, language, "validate", "map.yaml")
    assert done.code == 1
    assert done.err == pick(
        language,
        "fout: map.yaml: dit is een map, geen projectbestand\n",
        "error: map.yaml: is a folder, not a project file\n",
    )


def test_a_folder_the_user_may_not_write_to(project: Path, language: str) -> None:
    (project.parent / "dicht").mkdir()
    done = klantreis(
        project.parent, language, "export", "p.yaml", "--to", "dicht/reis.xlsx", fault="denied:dicht"
    )
    assert done.code == 1
    assert done.err == pick(
        language,
        "fout: je mag niet schrijven in dicht; kies een andere map, of vraag om schrijfrechten\n",
        "error: you may not write in dicht; choose another folder, or ask for write permission\n",
    )
    assert list((project.parent / "dicht").iterdir()) == []


def test_a_read_only_project_folder_leaves_the_project_as_it_was(project: Path, language: str) -> None:
    before = project.read_bytes()
    folder = project.parent.resolve()
    done = klantreis(
        folder,
        language,
        "evidence",
        "remove",
        "p.yaml",
        "interviews-2026",
        fault="readonly:",
        KLANTREIS_LOCK_TIMEOUT="2",
    )
    assert done.code == 1 and done.out == ""
    assert done.err == pick(
        language,
        f"fout: {folder} staat op een schijf of in een map die alleen gelezen kan worden; kies een map "
        "waarin je mag schrijven\n",
        f"error: {folder} is on a disk or in a folder that can only be read; choose a folder you can "
        "write to\n",
    )
    assert project.read_bytes() == before


def test_a_full_disk(project: Path, language: str) -> None:
    (project.parent / "vol").mkdir()
    done = klantreis(project.parent, language, "export", "p.yaml", "--to", "vol/reis.xlsx", fault="full:vol")
    assert done.code == 1
    assert done.err == pick(
        language,
        "fout: de schijf is vol: vol/reis.xlsx kon niet worden geschreven; maak "
        "ruimte vrij en probeer het opnieuw\n",
        "error: the disk is full: vol/reis.xlsx could not be written; free some space and try again\n",
    )
    assert list((project.parent / "vol").iterdir()) == []  # no half-written file, no temporary one
    build = klantreis(project.parent, language, "build", "p.yaml", "--out", "vol/rapport", fault="full:vol")
    assert build.code == 1
    assert build.err == pick(
        language,
        "fout: de schijf is vol: vol/rapport kon niet worden geschreven; maak "
        "ruimte vrij en probeer het opnieuw\n",
        "error: the disk is full: vol/rapport could not be written; free some space and try again\n",
    )


def test_a_project_locked_by_another_program_beyond_the_wait(project: Path, language: str) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", "import filelock, sys, time; lock = filelock.FileLock(sys.argv[1]); "
         "lock.acquire(); print('held', flush=True); time.sleep(120)", str(project.parent / ".p.yaml.lock")],
        stdout=subprocess.PIPE, text=True)  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        before = project.read_bytes()
        started = time.monotonic()
        done = klantreis(
            project.parent,
            language,
            "evidence",
            "remove",
            "p.yaml",
            "interviews-2026",
            KLANTREIS_LOCK_TIMEOUT="1",
        )
    finally:
        holder.kill()
        holder.communicate()
    assert done.code == 1 and done.out == ""
    assert done.err == pick(
        language,
        "fout: p.yaml wordt al meer dan 1 seconden door een ander programma opgeslagen (slot: "
        ".p.yaml.lock). Er is niets opgeslagen; je wijzigingen zijn bewaard. Probeer het zo opnieuw.\n",
        "error: p.yaml has been being saved by another program for more than 1 seconds (lock: "
        ".p.yaml.lock). Nothing was saved; your changes are kept. Try again in a moment.\n",
    )
    assert project.read_bytes() == before
    assert time.monotonic() - started < 120


def test_a_fresh_project_is_told_what_to_add_first(tmp_path: Path, language: str) -> None:
    created = klantreis(
        tmp_path, language, "new", "nieuw.yaml", "--template", "canvas", "--language", language
    )
    assert created.code == 0
    done = klantreis(tmp_path, language, "build", "nieuw.yaml")
    assert done.code == 1 and done.out == ""
    assert done.err == pick(
        language,
        "fout: er is nog niets te bouwen: nieuw.yaml heeft nog geen persona. Voeg eerst een persona toe "
        "(stap 2) en daarna touchpoints (stap 5): klantreis lab nieuw.yaml\n",
        "error: nothing to build yet: nieuw.yaml has no persona. First add a persona (step 2) and then "
        "touchpoints (step 5): klantreis lab nieuw.yaml\n",
    )
    assert not (tmp_path / "rapport").exists()


# ------------------------------------------------------------------ headless runs
@pytest.mark.slow
def test_papermill_with_a_persona_that_does_not_exist_fails(project: Path, language: str) -> None:
    """The README's papermill line with a typo: the run fails with klantreis's message."""
    notebook = Path(__file__).resolve().parent.parent / "workbook" / "06_emoties.ipynb"
    papermill = [
        sys.executable,
        "-m",
        "papermill",
        str(notebook),
        "out.ipynb",
        "-p",
        "project",
        "p.yaml",
        "-p",
        "persona",
        "studnet",
    ]
    done = subprocess.run(
        papermill, cwd=project.parent, capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode != 0
    assert (
        pick(
            language,
            "StepError: persona 'studnet' bestaat niet; bekend: student, senior, ouder",
            "StepError: unknown persona 'studnet'; known: student, senior, ouder",
        )
        in done.stderr
    )
