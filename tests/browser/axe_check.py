"""Accessibility checks with axe-core in Chromium: the WCAG 2.0 and 2.1 A and AA rules,
run with the axe-core that the PyPI package ``axe-playwright-python`` bundles (read
from the installed package; nothing is fetched). Shared by the browser tests."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from playwright.sync_api import Page

#: The rule sets checked: WCAG 2.0 and 2.1, levels A and AA.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page: Page, selector: str | None = None) -> list[dict[str, Any]]:
    """axe-core's WCAG 2.0/2.1 A and AA violations on ``page`` (within the elements
    that match the CSS ``selector`` only, when given), as axe reports them."""
    from axe_playwright_python.sync_playwright import Axe

    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    page.evaluate(Axe().axe_script)
    found = page.evaluate(
        "async ([selector, options]) => (await axe.run(selector || document, options)).violations",
        [selector, options],
    )
    return list(found)


def describe(violations: list[dict[str, Any]]) -> str:
    """The violations in words, one line per element: rule, element, axe's advice."""
    lines = []
    for violation in violations:
        for node in violation["nodes"]:
            advice = node.get("failureSummary", "").replace("\n", " ")
            lines.append(f"{violation['id']}: {' '.join(node['target'])}: {node['html'][:160]} — {advice}")
    return "\n".join(lines)
