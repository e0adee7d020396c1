"""Step 8, bewijs: upload a file, check the preview and the mapping, import, see the
summary next to the form, remove a source; refusals next to what caused them. Driven
like ipywidgets' own tests: set ``.value``, ``.click()``, assert on the saved file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from evidence_support import EVIDENCE_DIR

from klantreis import load
from klantreis.charts.notebook import VEGALITE_MIME
from klantreis.evidence import remove_source
from klantreis.session import ProjectSession
from klantreis.widgets import BewijsForm, EmotiesForm, make_form
from klantreis.widgets.show import ALL_STEPS, StepError, show_step


def upload(name: str, data: bytes) -> tuple[dict, ...]:
    """What ipywidgets 8's FileUpload holds after a file is chosen."""
    return (
        {
            "name": name,
            "type": "",
            "size": len(data),
            "content": memoryview(data),
            "last_modified": dt.datetime(2026, 5, 4),
        },
    )


def without(project: Path, *sources: str) -> ProjectSession:
    session = ProjectSession.open(project)
    session.apply(lambda j: [remove_source(j, s) for s in sources])
    session.save()
    return session


def saved(project: Path) -> dict:
    return yaml.safe_load(project.read_text(encoding="utf-8"))


def test_a_survey_with_its_mapping_file_imports_and_shows_the_summary(project: Path) -> None:
    form = BewijsForm(without(project, "enquete-2026-voorjaar"))
    raw = (EVIDENCE_DIR / "enquete-2026-voorjaar.csv").read_bytes()
    form.upload.value = upload("enquete-2026-voorjaar.csv", raw)
    assert form.file_notice.text == ""
    assert "<th>Hoe tevreden bent u over de proefles?</th>" in form.preview.value
    assert form.preview.value.count("<tr>") == 6  # the header and the first five rows
    assert form.source.value == "enquete-2026-voorjaar"
    mapping = (EVIDENCE_DIR / "enquete-2026-voorjaar.yaml").read_bytes()
    form.mapping_upload.value = upload("enquete.yaml", mapping)
    assert form.mapping_notice.kind == "ok"
    assert form.editor.columns["persona"].value == "Welke situatie past het best bij u?"
    assert form.editor.targets["Hoe tevreden bent u over de proefles?"].value == "proefles"
    assert form.editor.targets["Hoe waarschijnlijk is het dat u ons aanbeveelt? (0-10)"].value == ""
    assert form.editor.personas["Anders"].value == ""
    form.import_button.click()
    assert form.import_notice.kind == "ok", form.import_notice.text
    assert "120 rijen gelezen, 7 rijen overgeslagen" in form.result.value
    assert "&#x27;Anders&#x27; (7)" in form.result.value  # what was not mapped, next to the form
    source = saved(project)["sources"][-1]
    assert (source["id"], source["rows_read"], source["skipped"]["dont_know"]) == (
        "enquete-2026-voorjaar",
        120,
        121,
    )
    assert "enquete-2026-voorjaar" in form.sources.value and "113/120" in form.sources.value


def test_a_call_log_mapped_in_the_form(project: Path) -> None:
    form = BewijsForm(without(project, "klantcontact-2026q1"), language="en")
    form.kind.value = "calls"
    raw = (EVIDENCE_DIR / "klantcontact-2026q1.csv").read_bytes()
    form.upload.value = upload("klantcontact-2026q1.csv", raw)
    assert form.editor.columns["reason"].value == "Contactreden"
    form.editor.columns["persona"].value = "Abonnement"
    assert list(form.editor.targets)[0] == "Abonnement pauzeren"  # the most frequent reason first
    form.editor.targets["Inloggen app lukt niet"].value = "app-inloggen"
    form.editor.targets["Opzeggen abonnement"].value = "phase:aftersales"
    form.editor.personas["Student Flex"].value = "student"
    form.source.value = "calls-form"
    assert form.run_import()
    records = [e for e in saved(project)["evidence"] if e["source"] == "calls-form"]
    assert {(e["persona"], e.get("touchpoint", ""), e.get("phase", "")) for e in records} == {
        ("student", "app-inloggen", ""),
        ("student", "", "aftersales"),
    }
    mapping = saved(project)["sources"][-1]["mapping"]
    assert mapping["reasons"]["Opzeggen abonnement"] == {"phase": "aftersales"}
    assert "Not mapped in column 'Contactreden'" in form.result.value.replace("&#x27;", "'")


def test_answers_that_need_a_score_are_offered_and_used(project: Path, tmp_path: Path) -> None:
    before = project.read_bytes()
    form = BewijsForm(ProjectSession.open(project))
    text = "Persoon;Proefles;Opmerking\n" + "".join(
        f"p{i};{a};\n"
        for i, a in enumerate(
            ["Top", "Top", "Matig", "Top", "Matig", "Weet niet", "Top", "Top", "Top", "Top", "Matig"]
        )
    )
    form.upload.value = upload("snel.csv", text.encode("cp1252"))
    form.persona.value = "ouder"
    form.editor.targets["Proefles"].value = "proefles"
    assert sorted(form.editor.answers) == ["Matig", "Top"]
    form.import_button.click()
    assert form.import_notice.kind == "error" and "'Top' (7)" in form.import_notice.text
    assert project.read_bytes() == before  # refused: nothing saved
    form.editor.answers["Top"].value = "5"
    form.editor.answers["Matig"].value = "skip"
    form.import_button.click()
    record = next(e for e in saved(project)["evidence"] if e["source"] == "snel")
    assert (record["persona"], record["touchpoint"], record["n"], record["value"]) == (
        "ouder",
        "proefles",
        7,
        5.0,
    )


def test_bad_files_are_refused_next_to_the_upload(project: Path) -> None:
    before = project.read_bytes()
    form = BewijsForm(ProjectSession.open(project), language="en")
    form.import_button.click()
    assert form.file_notice.kind == "error" and "Choose a CSV or Excel file." in form.file_notice.text
    form.upload.value = upload("verslag.pdf", b"%PDF-1.4")
    assert (
        form.file_notice.kind == "error"
        and "verslag.pdf: this is not a CSV or Excel file" in form.file_notice.text
    )
    assert form.preview.value == ""
    form.mapping_upload.value = upload("kapot.yaml", b"questions: [\n")
    assert form.mapping_notice.kind == "error" and "kapot.yaml, line 2" in form.mapping_notice.text
    assert project.read_bytes() == before


def test_removing_a_source(project: Path) -> None:
    form = BewijsForm(ProjectSession.open(project))
    form.remove_button.click()
    assert form.remove_notice.kind == "error"
    form.remove_choice.value = "interviews-2026"
    form.remove_button.click()
    assert form.remove_notice.text == "Bron interviews-2026 verwijderd, met 48 cijfers en 56 citaten."
    assert "quotes" not in saved(project)
    assert "interviews-2026" not in [v for _, v in form.remove_choice.options]


def test_the_step_is_shown_with_a_data_wave_and_others_check_it(project: Path) -> None:
    assert "bewijs" in ALL_STEPS
    form = show_step("bewijs", str(project), evidence="golf-2026q3")
    assert isinstance(form, BewijsForm) and form.source.value == "golf-2026q3"
    form.upload.value = upload("interviews-2026.csv", (EVIDENCE_DIR / "interviews-2026.csv").read_bytes())
    assert form.source.value == "golf-2026q3"  # the wave's id, not the file's
    with pytest.raises(StepError, match="golf-9"):  # unknown wave: headless, so the run fails
        show_step("emoties", str(project), evidence="golf-9")


def test_the_emotion_curve_shows_the_wave(project: Path) -> None:
    session = ProjectSession.open(project)
    form = make_form("emoties", session, persona="student", evidence="klantcontact-2026q1")
    assert isinstance(form, EmotiesForm)
    spec = form.curve.output.outputs[0]["data"][VEGALITE_MIME]
    assert spec["datasets"]["flags"] == []  # no scores in a call log
    everything = EmotiesForm(session, persona="student").curve.spec
    assert {f["id"] for f in everything["datasets"]["flags"]} >= {"groepsles"}
    assert load(project).ids("sources")  # nothing changed by showing
