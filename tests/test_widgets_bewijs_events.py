"""Step 8, bewijs: an event log chosen in the form as the kind ``events``: its case, time
and event columns from the header, its event names placed on touchpoints with the same
suggestions as other values, imported through the package; the paths appear below."""

from __future__ import annotations

from pathlib import Path

import ipywidgets as w
from test_widgets_bewijs import saved, upload, without

from klantreis.widgets import BewijsForm

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "paths" / "weblog-2026q1.csv"

#: case -> its events in time order; map order: proefles < welkomstmail < app-inloggen.
CASES = {
    "c1": ["proefles_geboekt", "welkomstmail_geopend", "app_login"],  # conforming
    "c2": ["proefles_geboekt", "welkomstmail_geopend"],  # conforming
    "c3": ["app_login"],  # conforming
    "c4": ["nieuwsbrief_klik"],  # no mapped event: not a case
    "c5": ["welkomstmail_geopend", "proefles_geboekt"],  # irregular
    "c6": ["proefles_geboekt", "app_login"],  # conforming: welkomstmail is a side touchpoint
    "c7": ["proefles_geboekt", "nieuwsbrief_klik", "welkomstmail_geopend"],  # adhoc
}


def _log() -> bytes:
    lines = ["klant_id;tijdstip;gebeurtenis"]
    for day, (case, events) in enumerate(CASES.items(), start=1):
        lines += [f"{case};2026-03-{day:02d}T10:{minute:02d}:00;{e}" for minute, e in enumerate(events)]
    lines.append(lines[1])  # an exact duplicate row counts once
    return ("\n".join(lines) + "\n").encode("utf-8")


def test_an_event_log_mapped_in_the_form_stores_its_paths_and_shows_them(project: Path) -> None:
    form = BewijsForm(without(project, "weblog-2026q1"))
    assert form.paths.specs == []
    form.kind.value = "events"
    assert form.metric.layout.display == "none"
    form.upload.value = upload("log-maart.csv", _log())
    assert form.file_notice.text == ""
    roles = {role: d.value for role, d in form.editor.columns.items()}
    assert roles == {
        "case": "klant_id",
        "time": "tijdstip",
        "event": "gebeurtenis",
        "page": "",
        "persona": "",
    }
    assert [label for label, _ in form.editor.columns["case"].options] == [
        "(geen)", "klant_id", "tijdstip", "gebeurtenis",
    ]  # fmt: skip
    targets = form.editor.targets
    assert list(targets) == ["proefles_geboekt", "welkomstmail_geopend", "app_login", "nieuwsbrief_klik"]
    # suggested by the words the event and the touchpoint share; to check, and said so
    assert targets["proefles_geboekt"].value == "proefles"
    assert targets["welkomstmail_geopend"].value == "welkomstmail"
    assert "proefles_geboekt" in form.editor.suggested and "Voorgesteld" in form.editor.pending.value
    assert targets["app_login"].value == "" and "‘app_login’" in form.editor.pending.value
    targets["app_login"].value = "app-inloggen"
    form.persona.value = "student"
    form.import_button.click()
    assert form.import_notice.kind == "ok", form.import_notice.text
    source = saved(project)["sources"][-1]
    assert (source["id"], source["kind"], source["rows_read"]) == ("log-maart", "events", 15)
    assert source["skipped"] == {"duplicates": 1}
    assert source["mapping"]["events"] == {
        "proefles_geboekt": "proefles", "welkomstmail_geopend": "welkomstmail", "app_login": "app-inloggen",
    }  # fmt: skip
    figures = source["paths"]["personas"]["student"]
    assert figures["cases"] == 6
    reach = {tp["id"]: tp["reached"] for tp in figures["touchpoints"]}
    assert {tp: reach[tp] for tp in ("proefles", "welkomstmail", "app-inloggen")} == {
        "proefles": 5, "welkomstmail": 4, "app-inloggen": 3,
    }  # fmt: skip
    assert figures["deviations"] == {"conforming": 4, "missing": 0, "irregular": 1, "adhoc": 1}
    shown = form.result.value
    assert "<td>Klantreizen: Sanne (22), student</td><td>6</td>" in shown
    assert "<td>Niet op de kaart</td><td>nieuwsbrief_klik (2)</td>" in shown
    assert len(form.paths.specs) == 3 and "<h4>Wat klanten echt doen</h4>" in form.paths.html
    # the mapping kept for the next log places every event as before, nothing guessed
    assert form.saved_mapping is not None
    again = BewijsForm(form.session)
    again.upload.value = upload("log-april.csv", _log())
    again.mapping_upload.value = upload("koppeling.yaml", form.saved_mapping.read_bytes())
    assert again.kind.value == "events" and again.editor.suggested == set()
    assert {e: d.value for e, d in again.editor.targets.items()} == {
        "proefles_geboekt": "proefles", "welkomstmail_geopend": "welkomstmail",
        "app_login": "app-inloggen", "nieuwsbrief_klik": "",
    }  # fmt: skip


def test_an_event_mapping_file_sets_the_kind_and_keeps_its_page_patterns(project: Path) -> None:
    form = BewijsForm(without(project, "weblog-2026q1"), language="en")
    form.upload.value = upload(EXAMPLE.name, EXAMPLE.read_bytes())
    form.mapping_upload.value = upload("weblog.yaml", EXAMPLE.with_suffix(".yaml").read_bytes())
    assert form.mapping_notice.kind == "ok", form.mapping_notice.text
    assert form.kind.value == "events"
    assert form.editor.columns["page"].value == "pagina"
    assert "page_view" not in form.editor.targets  # placed by its page, as the file says
    notes = [c.value for c in form.editor.value_box.children if isinstance(c, w.HTML)]
    assert any("Mapped by page as the mapping file says: ‘page_view’." in n for n in notes)
    form.persona.value = "student"
    form.scenario.value = "huidig"
    assert form.run_import(), form.import_notice.text
    figures = saved(project)["sources"][-1]["paths"]["personas"]["student"]
    assert figures["cases"] == 240
    assert "Customer journeys: Sanne (22), student</td><td>240</td>" in form.result.value


def test_an_event_on_a_touchpoint_off_the_personas_map_is_refused_beside_the_button(project: Path) -> None:
    session = without(project, "weblog-2026q1")
    before = project.read_bytes()
    form = BewijsForm(session)
    form.kind.value = "events"
    form.upload.value = upload("log-maart.csv", _log())
    form.editor.targets["app_login"].value = "whatsapp-vraag"  # not on the student's map
    form.import_button.click()  # whose journey? said in the form's words
    assert form.import_notice.text == (
        "Niet opgeslagen: zeg wiens reis het log beschrijft: kies hierboven een persona, of "
        "kies een kolom voor de persona."
    )
    form.persona.value = "student"
    assert not form.run_import()
    assert form.import_notice.kind == "error"
    assert "whatsapp-vraag" in form.import_notice.text and "app_login" in form.import_notice.text
    assert project.read_bytes() == before
    assert form.paths.specs == []
