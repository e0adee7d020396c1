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
    # a table with headers and names, next to the form
    assert "<th>Wat</th><th>Uitkomst</th>" in form.result.value
    assert "<td>Bruikbare rijen</td><td>113 / 120</td>" in form.result.value
    assert "Gratis proefles spinning" in form.result.value and ">proefles," not in form.result.value
    assert "<td>Niet gekoppeld in ‘Welke situatie past het best bij u?’</td><td>Anders (7)</td>" in (
        form.result.value
    )
    source = saved(project)["sources"][-1]
    assert (source["id"], source["rows_read"], source["skipped"]["dont_know"]) == (
        "enquete-2026-voorjaar",
        120,
        121,
    )
    assert "enquete-2026-voorjaar" in form.sources.value and ">113/120<" in form.sources.value
    assert "<th>Bron</th><th>Soort</th><th>Periode</th><th>Rijen gebruikt</th>" in form.sources.value
    assert "<td>2026-04-01 – 2026-04-21</td>" in form.sources.value  # a period may wrap


def test_a_call_log_mapped_in_the_form(project: Path) -> None:
    form = BewijsForm(without(project, "klantcontact-2026q1"), language="en")
    form.kind.value = "calls"
    raw = (EVIDENCE_DIR / "klantcontact-2026q1.csv").read_bytes()
    form.upload.value = upload("klantcontact-2026q1.csv", raw)
    assert form.editor.columns["reason"].value == "Contactreden"
    form.editor.columns["persona"].value = "Abonnement"
    assert list(form.editor.targets)[0] == "Abonnement pauzeren"  # the most frequent reason first
    for dropdown in form.editor.targets.values():  # the team declines every suggestion
        dropdown.value = ""
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
    assert "<td>Not mapped in ‘Contactreden’</td>" in form.result.value


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
    assert form.import_notice.kind == "error" and "Top (7), Matig (3)" in form.import_notice.text
    # where to fix it: the dropdowns above, not a mapping file
    assert "Antwoorden → score" in form.import_notice.text and "koppelbestand" not in form.import_notice.text
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


def test_values_get_their_nearest_touchpoint_and_the_mapping_is_kept_for_the_next_wave(
    project: Path,
) -> None:
    form = BewijsForm(without(project, "klantcontact-2026q1"))
    form.kind.value = "calls"
    raw = (EVIDENCE_DIR / "klantcontact-2026q1.csv").read_bytes()
    form.upload.value = upload("klantcontact-2026q1.csv", raw)
    targets = form.editor.targets
    # by words in common, case and accent insensitive; a longer word in common wins
    assert targets["Abonnement pauzeren"].value == "abonnement-pauzeren"
    assert targets["Klacht kleedkamer"].value == "kleedkamer"
    assert targets["Les reserveren"].value == "app-inloggen"  # "Lessen reserveren in de app"
    assert targets["Gevonden voorwerpen"].value == ""  # no word in common: no guess
    # names, not codes, in the dropdowns; the heading matches what is offered
    labels = [label for label, _ in targets["Les reserveren"].options]
    assert "Lessen reserveren in de app" in labels and "fase: Aftersales" in labels
    assert "touchpoint of fase" in form.editor.value_box.children[1].value
    pending = form.editor.pending.value
    assert "‘Gevonden voorwerpen’" in pending and "Voorgesteld" in pending and "‘Les reserveren’" in pending
    targets["Gevonden voorwerpen"].value = "phase:aftersales"  # completed in the form
    assert "‘Gevonden voorwerpen’" not in form.editor.pending.value.split("Nog niet gekoppeld")[-1]
    form.editor.columns["persona"].value = "Abonnement"
    assert form.editor.personas["Student Flex"].value == "student"  # "Student" in common
    form.source.value = "klantcontact-2026q2"
    assert form.run_import(), form.import_notice.text
    saved_mapping = project.with_name("sportschool-koppeling-klantcontact-2026q2.yaml")
    assert form.saved_mapping == saved_mapping and saved_mapping.name in form.import_notice.text
    data = yaml.safe_load(saved_mapping.read_text(encoding="utf-8"))
    assert data["kind"] == "calls" and data["reasons"]["Gevonden voorwerpen"] == {"phase": "aftersales"}
    assert data["personas"]["Student Flex"] == "student"
    # the next wave: the saved file places every value as before, nothing is guessed
    again = BewijsForm(ProjectSession.open(project))
    again.upload.value = upload("klantcontact-2026q1.csv", raw)
    again.mapping_upload.value = upload(saved_mapping.name, saved_mapping.read_bytes())
    assert again.kind.value == "calls" and again.mapping_notice.kind == "ok"
    chosen = {item: d.value for item, d in again.editor.targets.items()}
    assert chosen == {item: d.value for item, d in targets.items()} and not again.editor.suggested


def test_survey_values_offer_touchpoints_only_and_say_so(project: Path) -> None:
    form = BewijsForm(ProjectSession.open(project))
    text = "Persoon;Touchpoint;Score\n" + "".join(f"p{i};Balie;4\n" for i in range(3))
    form.upload.value = upload("lang.csv", text.encode())
    form.editor.columns["touchpoint"].value = "Touchpoint"
    form.editor.columns["score"].value = "Score"
    heading = form.editor.value_box.children[1].value
    assert "→ touchpoint" in heading and "fase" not in heading
    assert not any(v.startswith("phase:") for _, v in form.editor.targets["Balie"].options)


def test_the_nearest_match_is_by_words_case_and_accent_insensitive() -> None:
    from klantreis.widgets.bewijs_match import nearest

    candidates = [("Eerste bezoek aan de balie balie-bezoek", "balie-bezoek"), ("Café-app 📱 openen", "app"),
                  ("Inschrijven online", "online"), ("Persoonlijke intake", "intake")]  # fmt: skip
    assert nearest("BALIE", candidates) == "balie-bezoek"
    assert nearest("cafe", candidates) == "app"  # é and e are the same letter here
    assert nearest("Inschrijving / lid worden", candidates) == "online"  # two forms of one word
    assert nearest("Persoon", candidates) == ""  # "persoon" is not "persoonlijke"
    assert nearest("de van het", candidates) == ""  # filler words alone say nothing
    assert nearest("balie app", [("balie", "a"), ("app bij de balie", "b"), ("balie", "c")]) == "b"
    assert nearest("balie", [("balie", "a"), ("de balie", "c")]) == ""  # a tie: no guess
