"""`klantreis export --to kaart.html/.svg/.png`: one journey's map without papermill."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from markupsafe import escape

import klantreis
from klantreis.cli import main
from klantreis.report.standalone import export_map
from klantreis.resources import example_path


@pytest.fixture(scope="module")
def gym() -> klantreis.Journey:
    return klantreis.load(example_path("sportschool"))


def test_html_map_is_the_canvas_with_the_curve_and_needs_no_script(gym, tmp_path: Path) -> None:
    page = export_map(gym, tmp_path / "kaart.html", "senior", "huidig").read_text(encoding="utf-8")
    for name in gym.phases["name"]:
        assert name in page
    for name in gym.journey("senior", "huidig")["name"]:
        assert str(escape(name)) in page
    assert "<svg" in page and "<script" not in page
    assert not re.search(r"(?:src|href)=[\"']?https?:", page)


def test_svg_and_png_are_the_emotion_curve(gym, tmp_path: Path) -> None:
    svg = export_map(gym, tmp_path / "kaart.svg", "student", "gewenst").read_text(encoding="utf-8")
    assert svg.startswith("<svg") and "Oriëntatie" in svg
    png = export_map(gym, tmp_path / "kaart.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"


def test_unknown_persona_and_suffix_are_refused(gym, tmp_path: Path) -> None:
    with pytest.raises(klantreis.JourneyError, match="persona 'nobody' bestaat niet; bekend: student"):
        export_map(gym, tmp_path / "kaart.html", "nobody")
    with pytest.raises(klantreis.JourneyError, match=r"\.html, \.htm, \.svg, \.png"):
        export_map(gym, tmp_path / "kaart.pdf")


def test_cli_export_map_passes_persona_and_scenario(tmp_path: Path, capsys, monkeypatch) -> None:
    calls = []
    monkeypatch.setattr(
        "klantreis.report.standalone.export_map",
        lambda j, target, persona, scenario: calls.append((target, persona, scenario)) or target,
    )
    code = main(
        [
            "export",
            str(example_path("sportschool")),
            "--to",
            "kaart.html",
            "--persona",
            "senior",
            "--scenario",
            "huidig",
        ]
    )
    assert code == 0 and calls == [("kaart.html", "senior", "huidig")]
    assert "geschreven: kaart.html" in capsys.readouterr().out
