"""Step 8, bewijs: the observed paths of an event log below the form, as in the report
(reach per touchpoint, steps taken, the four classes, the most frequent paths, the
findings), for the chosen persona and scenario; nothing without such a log."""

from __future__ import annotations

import json
from pathlib import Path

from klantreis import load
from klantreis.evidence import import_file
from klantreis.paths import stored_paths
from klantreis.paths.stored import touchpoint_names
from klantreis.session import ProjectSession
from klantreis.widgets import BewijsForm

LOG = Path(__file__).resolve().parents[1] / "examples" / "paths" / "weblog-2026q1.csv"


def _values(spec: dict) -> list[dict]:
    layer = spec["layer"][0] if "layer" in spec else spec
    return (layer.get("data") or spec["data"])["values"]


def test_the_example_shows_the_students_paths_as_the_report_does(project: Path) -> None:
    form = BewijsForm(ProjectSession.open(project))
    journey = load(project)
    _, figures = stored_paths(journey, "student", "huidig")
    names = touchpoint_names(journey, "student", "huidig")
    reach, flow, classes = form.paths.specs
    assert [(v["touchpoint"], v["reached"]) for v in _values(reach)] == [
        (tp["id"], tp["reached"]) for tp in figures["touchpoints"]
    ]
    axis = flow["layer"][0]["encoding"]["x"]["axis"]
    assert json.loads(axis["labelExpr"].removesuffix("[datum.value]")) == list(names.values())
    assert {v["class"]: v["cases"] for v in _values(classes)} == figures["deviations"]
    shown = form.paths.html
    assert "<h4>Wat klanten echt doen</h4>" in shown
    assert "Bron weblog-2026q1 (2026-01-02/2026-03-25): 240 klantreizen uit 1272 gebeurtenissen." in shown
    top = figures["variants"][0]
    path = " → ".join(names[tp] for tp in top["path"])
    assert f"<tr><td>{path}</td><td>{top['cases']}</td>" in shown
    assert "page_view:/vacatures staat niet op de kaart maar komt 47 keer voor." in shown
    # another persona or scenario without a log: nothing; back to the student: shown
    form.persona.value = "senior"
    assert form.paths.specs == [] and form.paths.html == ""
    form.persona.value = "student"
    form.scenario.value = "gewenst"
    assert form.paths.specs == []
    form.scenario.value = "huidig"
    assert len(form.paths.specs) == 3


def test_paths_appear_after_an_import_and_go_with_the_source(project: Path) -> None:
    session = ProjectSession.open(project)
    session.apply(lambda j: j.remove("sources", ("weblog-2026q1",), with_dependants=True))
    session.save()
    form = BewijsForm(session, language="en")
    assert form.paths.specs == []
    form.session.apply(lambda j: import_file(j, "events", LOG, LOG.with_suffix(".yaml"), "web", "student",
                                             "huidig"))  # fmt: skip
    form.refresh()
    assert len(form.paths.specs) == 3
    assert "What customers actually do" in form.paths.html and "Source web" in form.paths.html
    form.remove_choice.value = "web"
    assert form.remove()
    assert form.paths.specs == [] and form.paths.html == ""
