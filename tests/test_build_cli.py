"""The build command line: it only parses arguments and calls the engine."""

from __future__ import annotations

from pathlib import Path
from unittest import mock

import pytest

from klantreis import JourneyError
from klantreis.builder import JourneyResult, select_journeys
from klantreis.cli import main
from klantreis.projectfile import load
from klantreis.resources import example_path


def _result(persona: str, error: str = "") -> JourneyResult:
    return JourneyResult(
        persona,
        "huidig",
        Path(f"out/{persona}/huidig.ipynb"),
        None if error else Path(f"out/{persona}/huidig.html"),
        error,
    )


def test_build_passes_every_option_to_the_engine(capsys) -> None:
    with mock.patch("klantreis.builder.build", return_value=[_result("a")]) as build:
        code = main(
            [
                "build",
                "p.yaml",
                "--out",
                "r",
                "--persona",
                "a",
                "--persona",
                "b",
                "--scenario",
                "huidig",
                "--jobs",
                "3",
                "--with-code",
                "--notebooks",
                "all",
            ]
        )
    assert code == 0
    args, kwargs = build.call_args
    assert args == ("p.yaml", "r")
    assert kwargs["personas"] == ["a", "b"] and kwargs["scenarios"] == ["huidig"]
    assert kwargs["jobs"] == 3 and kwargs["with_code"] is True and kwargs["notebooks"] == "all"
    assert "1 gemaakt, 0 mislukt" in capsys.readouterr().out


def test_build_defaults() -> None:
    with mock.patch("klantreis.builder.build", return_value=[]) as build:
        main(["build", "p.yaml"])
    _, kwargs = build.call_args
    assert build.call_args.args == ("p.yaml", "rapport")
    assert kwargs["personas"] is None and kwargs["jobs"] is None and kwargs["with_code"] is False


def test_build_exit_code_is_1_when_a_journey_failed(capsys) -> None:
    results = [_result("a"), _result("b", "cell 3: ValueError: boom")]
    with mock.patch("klantreis.builder.build", return_value=results):
        assert main(["build", "p.yaml"]) == 1
    captured = capsys.readouterr()
    assert "mislukt: b/huidig: cell 3: ValueError: boom" in captured.err
    assert "1 gemaakt, 1 mislukt" in captured.out


def test_unknown_persona_is_refused_with_the_known_ones() -> None:
    journey = load(example_path("sportschool"))
    with pytest.raises(JourneyError, match="persona 'nobody' bestaat niet; bekend: student"):
        select_journeys(journey, ["nobody"])
    assert select_journeys(journey, ["senior"]) == [("senior", "huidig")]
    assert ("student", "gewenst") in select_journeys(journey, scenarios=["gewenst"])


def test_bad_project_gives_a_message_not_a_traceback(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("klantreis: 1\ntitle: x\nphases: 3\n", encoding="utf-8")
    assert main(["build", str(bad), "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert "phases" in err and "Traceback" not in err


def test_the_progress_bar_knows_the_total(capsys) -> None:
    def fake_build(*args, planned, progress, **kwargs):  # type: ignore[no-untyped-def]
        planned(3)
        results = [_result(p) for p in ("a", "b", "c")]
        for result in results:
            progress(result)
        return results

    with mock.patch("klantreis.builder.build", side_effect=fake_build):
        assert main(["build", "p.yaml"]) == 0
    err = capsys.readouterr().err
    assert "3/3" in err and "100%" in err
