"""The command line: argument handling (engine patched, as in papermill's CLI tests)
and a few real end-to-end runs."""

from __future__ import annotations

import json
from pathlib import Path
from unittest import mock

import jsonschema
import pytest

from klantreis import __version__, dumps, get_template, list_templates, load
from klantreis.cli import main
from klantreis.fields import TABLES
from klantreis.schema import json_schema


# ------------------------------------------------------------ engine patched
@mock.patch("klantreis.project.create_project")
def test_new_calls_create_project(create, capsys):
    create.return_value = Path("reis.yaml")
    assert main(["new", "reis.yaml", "--template", "flanders"]) == 0
    create.assert_called_once_with("reis.yaml", "flanders", title="", language="nl", force=False)
    assert capsys.readouterr().out == "reis.yaml aangemaakt met sjabloon 'flanders'\n"


@mock.patch("klantreis.project.create_project")
def test_new_passes_options(create):
    create.return_value = Path("x.yaml")
    main(["new", "x.yaml", "--template", "canvas", "--title", "Mijn reis", "--language", "en",
          "--force"])  # fmt: skip
    create.assert_called_once_with("x.yaml", "canvas", title="Mijn reis", language="en",
                                   force=True)  # fmt: skip


@mock.patch("klantreis.exchange.export_journey")
def test_export_calls_export_journey(export, tmp_example, capsys):
    export.return_value = [Path("reis.xlsx")]
    assert main(["export", str(tmp_example), "--to", "reis.xlsx"]) == 0
    (journey, target), _ = export.call_args
    assert target == "reis.xlsx"
    assert journey.title == load(tmp_example).title
    assert capsys.readouterr().out == "geschreven: reis.xlsx\n"


@mock.patch("klantreis.exchange.import_journey")
def test_import_calls_import_journey(imp, capsys):
    imp.return_value = Path("reis.yaml")
    assert main(["import", "reis.xlsx", "--to", "reis.yaml", "--force"]) == 0
    imp.assert_called_once_with("reis.xlsx", "reis.yaml", force=True)
    assert capsys.readouterr().out == "geschreven: reis.yaml\n"


@mock.patch("klantreis.exchange.import_journey")
def test_import_without_force(imp):
    imp.return_value = Path("reis.yaml")
    main(["import", "map", "--to", "reis.yaml"])
    imp.assert_called_once_with("map", "reis.yaml", force=False)


@mock.patch("klantreis.project.create_project")
def test_engine_error_is_a_message_not_a_traceback(create, capsys):
    from klantreis import JourneyError

    create.side_effect = JourneyError("reis.yaml already exists; choose another name")
    assert main(["new", "reis.yaml", "--template", "flanders"]) == 1
    captured = capsys.readouterr()
    assert captured.err == "fout: reis.yaml already exists; choose another name\n"
    assert "Traceback" not in captured.out + captured.err


@pytest.mark.parametrize(
    "argv",
    [["new", "x.yaml"], ["export", "x.yaml"], ["onbekend"], ["new", "x.yaml", "--template",
     "flanders", "--language", "fr"]],
)  # fmt: skip
def test_usage_errors_exit_2(argv, capsys, monkeypatch):
    monkeypatch.delenv("KLANTREIS_LANG", raising=False)
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("gebruik: klantreis") and "usage" not in err


def test_klantreis_alone_lists_the_commands(capsys, monkeypatch):
    monkeypatch.delenv("KLANTREIS_LANG", raising=False)
    assert main([]) == 0
    out = capsys.readouterr().out
    from klantreis.cli_parser import COMMANDS

    listed = [line.split()[0] for line in out.splitlines() if line.startswith("  ") and line[2] != " "]
    assert listed == list(COMMANDS)
    assert "Begin hier:  klantreis new mijnreis.yaml --template canvas" in out


def test_version(capsys):
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out == f"klantreis {__version__}\n"


# ------------------------------------------------------------ end to end
def test_templates_lists_every_id(capsys):
    assert main(["templates"]) == 0
    lines = capsys.readouterr().out.splitlines()
    templates = list_templates()
    assert [line.split()[0] for line in lines] == [t.id for t in templates]
    for line, template in zip(lines, templates, strict=True):
        assert line.endswith(template.description("nl"))
    assert main(["templates", "--language", "en"]) == 0
    assert get_line(capsys.readouterr().out, "flanders").endswith(get_template("flanders").description("en"))


def get_line(out: str, template_id: str) -> str:
    return next(line for line in out.splitlines() if line.split()[0] == template_id)


def test_new_refuses_overwrite_without_force(tmp_path, capsys):
    path = tmp_path / "reis.yaml"
    path.write_text("mijn werk\n", encoding="utf-8")
    assert main(["new", str(path), "--template", "flanders"]) == 1
    err = capsys.readouterr().err
    assert err == (
        f"fout: {path} bestaat al; kies een andere naam, open het bestaande project, of "
        "overschrijf het met --force\n"
    )
    assert path.read_text(encoding="utf-8") == "mijn werk\n"
    assert main(["new", str(path), "--template", "flanders", "--force"]) == 0
    assert load(path).template == "flanders"


def test_new_unknown_template(tmp_path, capsys):
    assert main(["new", str(tmp_path / "r.yaml"), "--template", "nope"]) == 1
    assert "fout: onbekend sjabloon 'nope'; bekend: canvas" in capsys.readouterr().err
    assert not (tmp_path / "r.yaml").exists()


def test_new_needs_yaml_suffix(tmp_path, capsys):
    assert main(["new", str(tmp_path / "r.txt"), "--template", "flanders"]) == 1
    assert "een projectbestand eindigt op .yaml" in capsys.readouterr().err


def test_validate_valid_example(example_path, capsys):
    assert main(["validate", str(example_path)]) == 0
    captured = capsys.readouterr()
    journey = load(example_path)
    counts = ", ".join(
        TABLES[t].counted(len(journey.records(t)), "nl")
        for t in ("personas", "scenarios", "phases", "touchpoints", "opportunities")
    )  # one rule for every count: "1 persona", "2 scenario's"
    assert captured.out == f"{example_path}: in orde: {journey.title}: {counts}\n"
    assert captured.err == ""


def test_validate_bad_file_prints_every_problem(tmp_example, capsys):
    text = tmp_example.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    phase_line = next(i for i, line in enumerate(lines) if line.strip().startswith("phase: "))
    lines[phase_line] = lines[phase_line].split("phase:")[0] + "phase: gebruiken-x\n"
    lines.append("onbekend: 1\n")
    tmp_example.write_text("".join(lines), encoding="utf-8")
    assert main(["validate", str(tmp_example)]) == 1
    captured = capsys.readouterr()
    errors = captured.err.splitlines()
    assert len(errors) == 2, errors
    assert errors[0] == (
        f"fout: {tmp_example}:{len(lines)}: onbekend: onbekend veld 'onbekend'; bekend: "
        "klantreis, title, goal, owner, status, language, template, min_difference, scope, scale, phases, "
        "personas, scenarios, touchpoints, opportunities, sources, evidence, quotes, review"
    )
    assert errors[1].startswith(f"fout: {tmp_example}:{phase_line + 1}: touchpoints[0].phase: "
                                "fase 'gebruiken-x' bestaat niet; bekend: ")  # fmt: skip
    assert "Traceback" not in captured.out + captured.err
    assert captured.out == ""


def test_messages_follow_klantreis_lang_and_the_project_language(tmp_path, example_path, capsys, monkeypatch):
    monkeypatch.setenv("KLANTREIS_LANG", "en")
    assert main(["validate", str(tmp_path / "weg.yaml")]) == 1
    assert capsys.readouterr().err.startswith(f"error: {tmp_path / 'weg.yaml'}: no such file")
    # a Dutch project speaks Dutch, whatever the environment says
    assert main(["validate", str(example_path)]) == 0
    assert ": in orde: " in capsys.readouterr().out
    english = tmp_path / "en.yaml"
    assert main(["new", str(english), "--template", "canvas", "--language", "en"]) == 0
    assert capsys.readouterr().out == f"created {english} from template 'canvas'\n"
    text = english.read_text(encoding="utf-8").replace("language: en\n", "language: en\nonbekend: 1\n")
    english.write_text(text, encoding="utf-8")
    monkeypatch.setenv("KLANTREIS_LANG", "nl")
    assert main(["validate", str(english)]) == 1
    assert "error: " in (err := capsys.readouterr().err) and "onbekend: unknown field 'onbekend'" in err


def test_validate_several_files_reports_each(tmp_path, tmp_example, capsys):
    bad = tmp_path / "kapot.yaml"
    bad.write_text("klantreis: 1\ntitle: [\n", encoding="utf-8")
    assert main(["validate", str(tmp_example), str(bad)]) == 1
    captured = capsys.readouterr()
    assert captured.out.startswith(f"{tmp_example}: in orde: ")
    assert captured.err.startswith(f"fout: {bad}:")
    assert "geen geldige YAML" in captured.err and "Traceback" not in captured.err


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"\x00\x01binair", "dit is een binair bestand"),
        ("title: Café\n".encode("latin-1"), "het bestand is geen UTF-8-tekst"),
        (b"klantreis: 9\ntitle: T\n", "daarvoor is een nieuwere klantreis nodig"),
        (b"", "het bestand is leeg"),
        (b"klantreis: 1\ntitle: !!python/object/apply:os.system ['echo hoi']\n", "geen YAML-tags"),
    ],
    ids=["binary", "latin1", "newer", "empty", "python-tag"],
)
def test_validate_bad_input_never_tracebacks(tmp_path, capsys, content, expected):
    path = tmp_path / "reis.yaml"
    path.write_bytes(content)
    assert main(["validate", str(path)]) == 1
    captured = capsys.readouterr()
    assert expected in captured.err
    assert captured.err.startswith(f"fout: {path}")
    assert "Traceback" not in captured.out + captured.err


def test_validate_missing_file(tmp_path, capsys):
    assert main(["validate", str(tmp_path / "weg.yaml")]) == 1
    assert "dit bestand bestaat niet; maak er een met `klantreis new" in capsys.readouterr().err


@pytest.mark.parametrize("target", ["reis.xlsx", "reis.json", "tabellen"])
def test_export_import_round_trip(tmp_example, tmp_path, capsys, target):
    exported = tmp_path / target
    assert main(["export", str(tmp_example), "--to", str(exported)]) == 0
    assert capsys.readouterr().out.startswith(f"geschreven: {exported}")
    back = tmp_path / "terug.yaml"
    assert main(["import", str(exported), "--to", str(back)]) == 0
    assert capsys.readouterr().out == f"geschreven: {back}\n"
    assert back.read_text(encoding="utf-8") == dumps(load(tmp_example))
    assert main(["import", str(exported), "--to", str(back)]) == 1
    assert "bestaat al; overschrijf het met --force" in capsys.readouterr().err


def test_export_unknown_format(tmp_example, tmp_path, capsys):
    assert main(["export", str(tmp_example), "--to", str(tmp_path / "reis.docx")]) == 1
    assert "naar '.docx' kan niet worden geëxporteerd" in capsys.readouterr().err


def test_schema_prints_valid_json_schema(capsys, tmp_example):
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema == json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    import yaml

    jsonschema.validate(yaml.safe_load(tmp_example.read_text(encoding="utf-8")), schema)
