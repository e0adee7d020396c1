"""Every form carries a connection guard: once its kernel is gone the browser blocks
the form and shows one line in the project's language (the browser side is tested in
tests/browser/test_lab_forms.py)."""

from __future__ import annotations

from pathlib import Path

from klantreis import load, save
from klantreis.session import ProjectSession
from klantreis.widgets import ALL_STEPS, StartForm, make_form
from klantreis.widgets.connection import FORM_CLASS, ConnectionGuard


def guard_of(widget) -> ConnectionGuard:  # noqa: ANN001 - an ipywidgets box
    assert FORM_CLASS in widget._dom_classes
    first = widget.children[0]
    assert isinstance(first, ConnectionGuard)
    return first


def test_every_step_form_has_a_guard_in_the_project_language(project: Path) -> None:
    for step in ALL_STEPS[1:]:
        guard = guard_of(make_form(step, ProjectSession.open(project)).widget)
        assert guard.message.startswith("De verbinding met Python is weg — voer de cel opnieuw uit")
    journey = load(project)
    journey.language = "en"
    save(journey, project)
    guard = guard_of(make_form("emoties", ProjectSession.open(project)).widget)
    assert guard.message.startswith("The connection to Python is gone — run the cell again")


def test_the_start_form_has_a_guard_too(tmp_path: Path) -> None:
    start = StartForm(str(tmp_path / "nieuw.yaml"), "nl")
    assert "voer de cel opnieuw uit" in guard_of(start.widget).message


def test_the_guard_ships_its_script_and_style() -> None:
    guard = ConnectionGuard("nl")
    assert "inert" in str(guard._esm) and "kr-offline" in str(guard._esm)
    assert ".kr-connection-line" in str(guard._css)
