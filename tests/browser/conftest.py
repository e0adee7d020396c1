"""Browser tests drive Debian's chromium through Playwright. Without chromium they are
skipped on a developer's machine, with the reason in the summary; where it must be
there (CI sets KLANTREIS_REQUIRE_BROWSER=1, after `.ci/run` installed it) a missing
browser fails the run instead of hiding the tests."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from chromium import CHROMIUM


@pytest.fixture(autouse=True)
def _chromium() -> None:
    if CHROMIUM.exists():
        return
    message = f"needs Debian's chromium at {CHROMIUM} (sudo apt-get install chromium)"
    if os.environ.get("KLANTREIS_REQUIRE_BROWSER"):
        pytest.fail(message)
    pytest.skip(message)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test in this folder is a browser test."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)
