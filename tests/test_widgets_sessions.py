"""Forms on shared sessions: two writers, restarting, start form and show_step."""

from __future__ import annotations

from pathlib import Path

import pytest

from klantreis import load
from klantreis.session import ProjectSession
from klantreis.widgets import (
    ALL_STEPS,
    EmotiesForm,
    PersonaForm,
    ScopeForm,
    StartForm,
    TouchpointsForm,
    make_form,
    show,
    show_step,
)


def test_two_notebooks_with_disjoint_edits_keep_both(project: Path) -> None:
    emoties = EmotiesForm(ProjectSession.open(project), persona="student")
    personas = PersonaForm(ProjectSession.open(project))
    emoties.row("proefles").edit("why", "Muziek!")
    personas.personas.select.value = "senior"
    personas.personas.fields["role"].value = "gepensioneerd"
    assert "samen met wijzigingen uit een ander notebook" in personas.status.text
    saved = load(project)
    assert saved.journey("student", "huidig").set_index("id").loc["proefles", "why"] == "Muziek!"
    assert saved.personas.set_index("id").loc["senior", "role"] == "gepensioneerd"


def test_two_notebooks_editing_the_same_field_refuse_and_resolve(project: Path) -> None:
    first = ScopeForm(ProjectSession.open(project))
    second = ScopeForm(ProjectSession.open(project))
    first.start.value = "Ziet een advertentie"
    saved_by_first = project.read_text(encoding="utf-8")
    second.start.value = "Krijgt een tip van een vriendin"
    assert second.status.kind == "conflict"
    assert "scope.start" in second.status.text
    assert second.status.keep_mine.layout.display != "none"
    assert project.read_text(encoding="utf-8") == saved_by_first
    assert second.start.value == "Krijgt een tip van een vriendin"  # nothing typed is lost
    assert second.journey.scope["start"] == "Krijgt een tip van een vriendin"
    second.status.keep_mine.click()
    assert load(project).scope["start"] == "Krijgt een tip van een vriendin"
    assert second.status.kind == "ok"
    first.status.refresh_button.click()  # fetches the other notebook's version
    assert first.start.value == "Krijgt een tip van een vriendin"


def test_take_theirs_resolves_a_conflict_the_other_way(project: Path) -> None:
    first = ScopeForm(ProjectSession.open(project))
    second = ScopeForm(ProjectSession.open(project))
    first.end.value = "Na een jaar"
    second.end.value = "Na een maand"
    second.status.take_theirs.click()
    assert load(project).scope["end"] == "Na een jaar"
    assert second.end.value == "Na een jaar"


def test_refresh_without_changes_says_up_to_date(project: Path) -> None:
    before = project.stat().st_mtime_ns
    form = ScopeForm(ProjectSession.open(project), language="en")
    form.status.refresh_button.click()
    assert form.status.text.startswith("Up to date at")
    assert project.stat().st_mtime_ns == before


def test_a_new_form_on_a_reloaded_session_shows_the_saved_values(project: Path) -> None:
    form = TouchpointsForm(ProjectSession.open(project), persona="ouder")
    form.touchpoints.fields["partner"].value = "Kinderopvang De Hoek"
    selected = form.touchpoints.selected
    again = TouchpointsForm(ProjectSession.open(project), persona="ouder")  # a restarted kernel
    assert again.touchpoints.selected == selected
    assert again.touchpoints.fields["partner"].value == "Kinderopvang De Hoek"


def test_start_form_creates_then_opens(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KLANTREIS_WORKDIR", str(tmp_path))
    monkeypatch.delenv("KLANTREIS_PROJECT", raising=False)
    form = StartForm(language="en")
    form.path.value = "nieuw.yaml"
    form.template.value = "michels"
    form.title.value = "Onze reis"
    form.project_language.value = "en"
    form.create_button.click()
    saved = load(tmp_path / "nieuw.yaml")
    assert (saved.title, saved.template, saved.language) == ("Onze reis", "michels", "en")
    assert saved.ids("phases") == ["verwachtingen", "ervaringen", "engagement"]
    assert "Onze reis" in form.summary.value
    form.create_button.click()
    assert form.status.kind == "error" and "already exists" in form.status.text
    assert form.status.text.endswith("Choose ‘Open project’, or choose another name.")
    form.path.value = "elders/nieuw.yaml"
    form.open_button.click()
    assert form.status.text.endswith("does not exist yet. Choose ‘Create new project’.")
    reopened = StartForm(str(tmp_path / "nieuw.yaml"))
    assert reopened.session is not None and reopened.session.journey.title == "Onze reis"


def test_show_step_builds_each_form_and_explains_problems(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[object] = []
    monkeypatch.setattr(show, "display", lambda *objects: shown.extend(objects))
    monkeypatch.setattr(show, "headless", lambda: False)  # as in JupyterLab: the form shows it

    def texts() -> str:
        out = " ".join(getattr(o, "data", "") for o in shown)
        shown.clear()
        return out

    monkeypatch.delenv("KLANTREIS_PROJECT", raising=False)
    for step in ALL_STEPS[1:]:
        assert make_form(step, ProjectSession.open(project)).status.text == ""
    assert show_step("emoties", "") is None
    assert "Er is nog geen project gekozen" in texts()
    monkeypatch.setenv("KLANTREIS_PROJECT", str(project))
    form = show_step("emoties", persona="senior", language="en")
    assert isinstance(form, EmotiesForm) and form.language == "en"
    assert form.widget in shown
    out = texts()
    assert "### Emotions" in out and "peak-end" in out
    assert show_step("emoties", persona="niemand") is None
    assert texts() == "**persona 'niemand' bestaat niet; bekend: student, senior, ouder**"
    assert show_step("emoties", persona="niemand", language="en") is None
    assert texts() == "**unknown persona 'niemand'; known: student, senior, ouder**"
    assert show_step("planning") is None
    assert "Onbekende stap 'planning'" in texts()
    project.write_text("title: [kapot\n", encoding="utf-8")
    assert show_step("doel") is None
    assert "kon niet worden geopend" in texts()


# ------------------------------------------------------- a save that fails, said in the form
def test_a_save_refused_because_the_file_broke_keeps_the_edit_and_says_why(project: Path) -> None:
    """Someone broke the file by hand: the form's save says so next to nothing else,
    keeps what was typed, and saves it once the file is whole again."""
    form = ScopeForm(ProjectSession.open(project))
    whole = project.read_text(encoding="utf-8")
    project.write_text(whole.replace("title:", "titel:", 1), encoding="utf-8")
    form.start.value = "Ziet een poster"
    assert form.status.kind == "error"
    assert form.status.text.startswith("Niet opgeslagen: ")
    assert "onbekend veld 'titel' (bedoel je 'title'?)" in form.status.text
    assert "titel:" in project.read_text(encoding="utf-8")  # the broken file was not overwritten
    assert form.journey.scope["start"] == "Ziet een poster"  # nothing typed is lost
    project.write_text(whole, encoding="utf-8")
    form.status.refresh_button.click()
    assert form.status.kind == "ok"
    assert load(project).scope["start"] == "Ziet een poster"


def test_a_save_the_disk_refuses_keeps_the_edit_and_says_why(project: Path, monkeypatch) -> None:
    form = ScopeForm(ProjectSession.open(project), language="en")
    before = project.read_bytes()

    def full(*_: object, **__: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("klantreis.projectfile.write_atomic", full)
    form.end.value = "Na de eerste les"
    assert form.status.kind == "error"
    assert form.status.text == "Not saved: [Errno 28] No space left on device"
    assert project.read_bytes() == before
    assert form.journey.scope["end"] == "Na de eerste les"
    monkeypatch.undo()
    form.status.refresh_button.click()  # the file is unchanged on disk: this saves the edit
    assert form.status.kind == "ok" and load(project).scope["end"] == "Na de eerste les"


def test_a_save_waiting_too_long_for_the_lock_says_so(project: Path, monkeypatch) -> None:
    from klantreis.projectfile import locked

    form = ScopeForm(ProjectSession.open(project))
    monkeypatch.setattr("klantreis.projectfile.LOCK_TIMEOUT", 0.2)
    with locked(project):  # another program's save: this thread holds the lock ...
        import threading

        done = threading.Event()
        threading.Thread(
            target=lambda: (setattr(form.start, "value", "Tijdens een andere save"), done.set())
        ).start()  # ... the form saves from another
        assert done.wait(30)
    assert form.status.kind == "error"
    assert "door een ander programma opgeslagen" in form.status.text
    assert "je wijzigingen zijn bewaard" in form.status.text
    assert form.journey.scope["start"] == "Tijdens een andere save"
