"""The app's other steps with the keyboard alone (WCAG 2.1.1, 2.4.7): doel, persona,
scope, fasen, touchpoints and review. From the top of each page Tab reaches a control,
typing fills a field, Enter or Space presses a button, the arrow keys choose in a
dropdown or a list; the project file holds each value. Every form control the keyboard
stops at on the way shows a focus ring (an outline or a box shadow, not only a paler
border), and has a name."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from app_driver import garage_project, open_step, running, shots_on_failure, wait_for_file

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = [pytest.mark.browser, pytest.mark.slow]

START = "De auto moet naar de garage"

#: The focused element: tag, accessible name (aria-label, label, title, placeholder or
#: text; a label of only a zero-width space counts as none) and its focus ring.
FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return {tag: "body", name: "", ring: false, control: false};
  const clean = s => (s || "").replace(/[\\u200b\\s]+/g, " ").trim();
  const label = el.labels && el.labels.length ? clean(el.labels[0].textContent) : "";
  const name = clean(el.getAttribute("aria-label")) || label || clean(el.title)
    || clean(el.getAttribute("placeholder")) || clean(el.textContent);
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
  return {tag: el.tagName.toLowerCase(), name, ring: outline || style.boxShadow !== "none",
          control: !!el.closest(".kr-form"), style: `${style.outline} / ${style.boxShadow}`};
}"""


#: The persona list has ``name`` chosen and the fields below it show that persona.
SHOWS = """name => {
  const list = document.querySelector('.kr-form select[size]');
  const chosen = list && list.selectedIndex >= 0 ? list.options[list.selectedIndex].text.trim() : '';
  const fields = [...document.querySelectorAll('.kr-form input')].map(i => i.value);
  return chosen === name && fields.includes(name);
}"""


class Keyboard:
    """Tab through a page, checking every form control on the way."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.unnamed: list[str] = []
        self.without_ring: list[str] = []

    def focused(self) -> dict[str, Any]:
        return dict(self.page.evaluate(FOCUSED))

    def tab_to(self, name: str, tag: str = "", key: str = "Tab", limit: int = 60) -> None:
        """Press ``key`` until a control named ``name`` (starting so; of ``tag``) has the
        focus; every control on the way must have a name and a focus ring."""
        stops = []
        for _ in range(limit):
            self.page.keyboard.press(key)
            now = self.focused()
            stops.append(f"{now['tag']} {now['name'][:40]}")
            if now["control"]:
                if not now["name"]:
                    self.unnamed.append(stops[-1])
                if not now["ring"]:
                    self.without_ring.append(f"{stops[-1]}: {now['style']}")
            if now["name"].startswith(name) and (not tag or now["tag"] == tag):
                return
        raise AssertionError(f"{key} never reached {tag} {name!r}; it stopped at {stops}")

    def type(self, text: str) -> None:
        """Type ``text`` into the focused field and leave it with Tab (that commits it)."""
        self.page.keyboard.type(text)
        self.page.keyboard.press("Tab")

    def press(self, key: str) -> None:
        self.page.keyboard.press(key)


def test_every_step_with_the_keyboard_alone(tmp_path: Path) -> None:
    from chromium import launch
    from playwright.sync_api import sync_playwright

    project = garage_project(tmp_path / "reis.yaml", ("rekening", "Rekening betalen"))
    with running("app", project, tmp_path / "logs") as server, sync_playwright() as pw:
        browser = launch(pw)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.set_default_timeout(30_000)
            keys = Keyboard(page)
            with shots_on_failure(tmp_path, {"stap": page}):
                open_step(page, server, "doel")
                keys.tab_to("Doel", "textarea")
                keys.type("Klanten komen terug voor onderhoud")
                wait_for_file(project, lambda j: j.goal == "Klanten komen terug voor onderhoud", what="goal")
                keys.tab_to("Status", "select")
                keys.press("ArrowDown")  # "–" -> the first status
                wait_for_file(project, lambda j: j.status != "", what="status, by arrow key")

                open_step(page, server, "persona")
                keys.tab_to("Nieuwe naam", "input")
                keys.type("Sanne")
                keys.tab_to("Toevoegen", "button")
                keys.press("Enter")
                wait_for_file(project, lambda j: "Sanne" in list(j.personas["name"]), what="persona, Enter")
                # as a person does: see the list show the new persona chosen before going on
                page.wait_for_function(SHOWS, arg="Sanne")
                keys.tab_to("Kies er een om te bewerken", "select")  # the list of personas: Pim, Sanne
                keys.press("Home")
                keys.press("ArrowDown")
                keys.press("ArrowUp")  # Pim, chosen with the arrow keys
                page.wait_for_function(SHOWS, arg="Pim")  # and his fields, before typing his role
                keys.tab_to("Rol", "input")
                keys.type("Leaseklant")
                journey = wait_for_file(
                    project, lambda j: "Leaseklant" in j.personas["role"].tolist(), what="role of Pim"
                )
                roles = dict(zip(journey.personas["name"], journey.personas["role"], strict=True))
                assert roles["Pim"] == "Leaseklant", roles

                open_step(page, server, "scope")
                keys.tab_to("Begin van de reis", "textarea")
                keys.type(START)
                wait_for_file(project, lambda j: j.scope["start"] == START, what="scope")

                open_step(page, server, "fasen")
                keys.tab_to("Nieuwe naam", "input")
                keys.type("Wachten")
                keys.tab_to("Toevoegen", "button")
                keys.press("Space")
                wait_for_file(project, lambda j: "Wachten" in list(j.phases["name"]), what="phase, Space")

                open_step(page, server, "touchpoints")
                second = journey.ids("phases")[1]
                keys.tab_to("Nieuwe naam", "input")
                keys.type("Koffie in de wachtruimte")  # Tab leads to "in fase"
                assert keys.focused()["name"] == "in fase"
                keys.press("ArrowDown")  # the second phase
                keys.tab_to("Toevoegen", "button")
                keys.press("Enter")
                journey = wait_for_file(
                    project,
                    lambda j: "Koffie in de wachtruimte" in j.touchpoints["name"].tolist(),
                    what="touchpoint, by Enter",
                )
                added = journey.touchpoints.set_index("name").loc["Koffie in de wachtruimte"]
                assert added["phase"] == second

                open_step(page, server, "review")
                keys.tab_to("Klopt de mix van Touch", "textarea")
                keys.type("Care ontbreekt na de reparatie")
                wait_for_file(
                    project,
                    lambda j: (
                        (j.review.get("answers") or {}).get("touch-tell-sell-care")
                        == "Care ontbreekt na de reparatie"
                    ),
                    what="review answer",
                )
                keys.tab_to("Beschrijving van een nieuwe kans", "input")
                keys.type("Sms als de auto klaar is")
                keys.tab_to("Toevoegen", "button")
                keys.press("Enter")
                wait_for_file(
                    project,
                    lambda j: "Sms als de auto klaar is" in j.opportunities["description"].tolist(),
                    what="opportunity, by Enter",
                )
            assert not keys.unnamed, f"controls without a name: {keys.unnamed}"
            assert not keys.without_ring, f"controls without a focus ring: {keys.without_ring}"
        finally:
            browser.close()
