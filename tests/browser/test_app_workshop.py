"""A workshop in app mode, in a real browser: two participants fill one project from
their own browser tabs (each with its own kernel), and the wall shows it.

Every step is checked in the project file itself. Screenshots of each step go to
``<test output>/screens`` (pytest's ``tmp_path``; use ``--basetemp`` to keep them).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pandas as pd
import pytest
from app_driver import (
    Watch,
    add_item,
    choose_new_phase,
    click_smiley,
    commit_text,
    emotion_row,
    klantreis_command,
    open_step,
    options_with,
    running,
    shot,
    shots_on_failure,
    stored_touchpoint,
    wait_for_file,
    wait_for_kernels,
    wait_usable,
)
from chromium import launch

pytestmark = [
    pytest.mark.browser,
]

XSS = "<img src=x onerror=alert(1)>"
GOAL = "Meer huurders die na hun eerste rit terugkomen"
MINE = ["Website bekijken", "Fiets reserveren", XSS, "Fiets ophalen", "Fiets terugbrengen"]
IDEA = "Fietsen klaarzetten na online reserveren"
THEIRS = ["Koffie bij de balie", "Nieuwsbrief lezen"]


def touchpoint_names(journey) -> list[str]:  # type: ignore[no-untyped-def]
    return journey.touchpoints["name"].tolist()


def emotions(journey) -> dict[str, object]:  # type: ignore[no-untyped-def]
    frame = journey.touchpoints
    return {n: (None if pd.isna(e) else int(e)) for n, e in zip(frame["name"], frame["emotion"], strict=True)}


def test_workshop_in_app_mode(tmp_path: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api", reason="needs the playwright package")
    project = tmp_path / "workshop.yaml"
    screens = tmp_path / "screens"
    watch = Watch()
    with running("app", project, tmp_path / "logs") as server, sync_api.sync_playwright() as pw:
        browser = launch(pw)
        anna = watch.page(browser.new_context(viewport={"width": 1280, "height": 900}).new_page())
        bert = watch.page(browser.new_context(viewport={"width": 1280, "height": 900}).new_page())

        pages = {"anna": anna, "bert": bert}
        with shots_on_failure(screens, pages):
            # --- the start page creates the project from a template
            anna.goto(server.url)
            shot(anna, screens, "01-start-nieuw")
            anna.get_by_label("Sjabloon").select_option("canvas")
            anna.get_by_label("Titel").fill("Fietsverhuur De Spaak")
            anna.get_by_role("button", name="Project aanmaken").click()
            anna.get_by_role("link", name="Doel").wait_for()
            journey = wait_for_file(project, lambda j: j.title == "Fietsverhuur De Spaak")
            assert journey.template == "canvas" and journey.language == "nl"
            template_phases = journey.ids("phases")
            shot(anna, screens, "02-start")

            # --- doel
            anna.get_by_role("link", name="Doel").click()
            wait_usable(anna)
            commit_text(anna.get_by_label("Doel", exact=True), GOAL)
            wait_for_file(project, lambda j: j.goal == GOAL, what="the goal")
            shot(anna, screens, "03-doel")

            # --- persona
            open_step(anna, server, "persona")
            add_item(anna, "Nieuwe naam", "Sanne, student")
            journey = wait_for_file(project, lambda j: len(j.personas) == 1, what="the persona")
            assert journey.personas["name"].tolist() == ["Sanne, student"]
            shot(anna, screens, "04-persona")

            # --- fasen: two phases more
            open_step(anna, server, "fasen")
            for name in ("Wachten", "Afscheid"):
                add_item(anna, "Nieuwe naam", name)
                wait_for_file(project, lambda j, n=name: n in j.phases["name"].tolist(), what=name)
            journey = wait_for_file(project, lambda j: len(j.phases) == len(template_phases) + 2)
            assert journey.phases["name"].tolist()[-2:] == ["Wachten", "Afscheid"]
            shot(anna, screens, "05-fasen")

            # --- touchpoints: five, one of them named like an HTML tag
            open_step(anna, server, "touchpoints")
            for index, name in enumerate(MINE):
                choose_new_phase(anna, "Wachten" if index < 3 else "Afscheid")
                add_item(anna, "Nieuwe naam", name)
                wait_for_file(project, lambda j, n=name: n in touchpoint_names(j), what=name)
            journey = wait_for_file(project, lambda j: len(j.touchpoints) == 5)
            assert sorted(touchpoint_names(journey)) == sorted(MINE)
            choose_new_phase(anna, "Wachten")  # (older forms list one phase at a time)
            assert options_with(anna, XSS) == 1  # shown as text in the list
            assert anna.locator("img[src='x']").count() == 0
            shot(anna, screens, "06-touchpoints")

            # --- emoties (Anna) while Bert adds other touchpoints in his own tab
            open_step(anna, server, "emoties")
            open_step(bert, server, "touchpoints")
            choose_new_phase(bert, "Afscheid")
            for index, name in enumerate(MINE):
                click_smiley(anna, name, "tevreden" if index % 2 else "blij")
                if index < len(THEIRS):
                    add_item(bert, "Nieuwe naam", THEIRS[index])
                wait_for_file(project, lambda j, n=name: emotions(j).get(n) in (4, 5), what=f"smiley {name}")
            journey = wait_for_file(project, lambda j: len(j.touchpoints) == 7, what="both sets of edits")
            assert set(touchpoint_names(journey)) == set(MINE) | set(THEIRS)
            assert [emotions(journey)[n] for n in MINE] == [5, 4, 5, 4, 5]
            assert anna.locator("img[src='x']").count() == 0
            assert emotion_row(anna, XSS).locator(".kr-head b").inner_text() == f"3. {XSS}"  # as text
            # why, typed and left; and a crucial moment, marked in colour. (A touchpoint
            # of the last phase: the canvas shows a block per phase, each field must be
            # found by its own label there too.)
            row = emotion_row(anna, MINE[3])
            commit_text(row.get_by_label("Waarom"), "Geen bevestiging per mail")
            wait_for_file(project, lambda j: stored_touchpoint(j, MINE[3], by="name")["why"]
                          == "Geen bevestiging per mail", what="the why")  # fmt: skip
            crucial = row.get_by_role("button", name="★ Cruciaal moment")
            crucial.click()
            wait_for_file(project, lambda j: stored_touchpoint(j, MINE[3], by="name")["critical"] is True,
                          what="crucial")  # fmt: skip
            assert crucial.get_attribute("aria-pressed") == "true"
            assert (
                crucial.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(191, 54, 12)"
            )  # #bf360c, 5.6:1 with white
            shot(anna, screens, "07-emoties")
            shot(bert, screens, "07-touchpoints-tweede-deelnemer")

            # --- review: a question answered, an opportunity added
            open_step(anna, server, "review")
            anna.locator("textarea").first.fill("Bij het ophalen van de fiets")
            anna.locator("textarea").first.blur()
            wait_for_file(
                project,
                lambda j: "Bij het ophalen van de fiets" in (j.review.get("answers") or {}).values(),
                what="the answer",
            )
            add_item(anna, "Beschrijving van een nieuwe kans", IDEA)
            journey = wait_for_file(project, lambda j: len(j.opportunities) == 1, what="the opportunity")
            assert journey.opportunities["description"].tolist() == [IDEA]
            shot(anna, screens, "08-review")

            # --- the wall: the tag as text, and a new touchpoint appears by itself
            wall = watch.page(browser.new_context(viewport={"width": 1600, "height": 900}).new_page())
            pages["wall"] = wall
            wall.goto(f"{server.url}klantreis/wall")
            wall.get_by_text(XSS, exact=True).first.wait_for()
            assert wall.locator("img[src='x']").count() == 0
            assert wall.locator("button, input, textarea, select").count() == 0  # nothing to edit
            add_item(bert, "Nieuwe naam", "Fiets laten repareren")
            wait_for_file(project, lambda j: "Fiets laten repareren" in touchpoint_names(j))
            wall.get_by_text("Fiets laten repareren").first.wait_for(timeout=8000)
            shot(wall, screens, "09-wand")

            # --- pages that were left shut their kernels down: two open tabs, two warm ones
            assert wait_for_kernels(server.process.pid, at_most=4) <= 4
        browser.close()

    # --- the canvas page of `klantreis export`: the tag as text there too
    canvas_page = tmp_path / "kaart.html"
    subprocess.run(
        klantreis_command("export", str(project), "--to", str(canvas_page)), check=True, capture_output=True
    )
    with sync_api.sync_playwright() as pw:
        browser = launch(pw)
        page = watch.page(browser.new_page())
        page.goto(canvas_page.as_uri())
        assert page.get_by_text(XSS, exact=True).count() >= 1
        assert page.locator("img[src='x']").count() == 0
        browser.close()
    assert watch.dialogs == []
    assert watch.outside == [], "pages loaded something from outside this computer"
