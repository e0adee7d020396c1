"""Shared fixtures: a small journey built in code, the bundled examples and templates,
and temporary copies of example projects."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from klantreis import Journey, ValidationError, loads
from klantreis.errors import Problem

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES_DIR = ROOT / "examples"
TEMPLATES_DIR = ROOT / "templates"
EXAMPLE_PATHS = sorted(EXAMPLES_DIR.glob("*.yaml"))
TEMPLATE_IDS = sorted(p.stem for p in TEMPLATES_DIR.glob("*.yaml"))


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """``example_path`` runs a test once per example project, ``template_id`` once per
    template, so examples and templates added later are tested without edits here."""
    if "example_path" in metafunc.fixturenames:
        metafunc.parametrize("example_path", EXAMPLE_PATHS, ids=[p.stem for p in EXAMPLE_PATHS])
    if "template_id" in metafunc.fixturenames:
        metafunc.parametrize("template_id", TEMPLATE_IDS)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked ``longrun`` (minutes: many generated examples) run only when asked
    for, with ``-m longrun``; the normal suite runs their seeded short versions."""
    if "longrun" in (config.getoption("markexpr") or ""):
        return
    skip = pytest.mark.skip(reason="long run: pytest -m longrun")
    for item in items:
        if "longrun" in item.keywords:
            item.add_marker(skip)


def build_small_journey() -> Journey:
    """Two personas, three phases, two scenarios, touchpoints and one opportunity."""
    j = Journey(title="Fietsverhuur De Spaak", goal="Minder afhakers bij de eerste rit")
    j.add_phase("orientatie", "Oriëntatie", duration="1 week")
    j.add_phase("huren", "Huren")
    j.add_phase("terugbrengen", "Terugbrengen")
    j.add_persona("toerist", "Tom, toerist", needs=["kaart", "snel weg"], frustrations=["rij"])
    j.add_persona("forens", "Fien, forens")
    j.add_scenario("gewenst", "Gewenste situatie")
    j.add_touchpoint("website", "toerist", "orientatie", "Website bekijken", emotion=4,
                     channel="Website", online=True)  # fmt: skip
    j.add_touchpoint("balie", "toerist", "huren", "Fiets ophalen aan de balie", emotion=2,
                     why="Lange rij 😩", critical=True, importance="main")  # fmt: skip
    j.add_touchpoint("app", "toerist", "orientatie", "App installeren", emotion=3)
    j.add_touchpoint("inleveren", "toerist", "terugbrengen", "Fiets inleveren", emotion=5)
    j.add_touchpoint("balie", "forens", "huren", "Abonnementsfiets ophalen", emotion=3)
    j.add_touchpoint("balie", "toerist", "huren", "Fiets staat klaar", scenario="gewenst",
                     emotion=5)  # fmt: skip
    j.add_opportunity("o1", "Fietsen klaarzetten na online boeking", touchpoint="balie",
                      phase="huren", impact=4, effort=2, owner="Balieteam", status="open")  # fmt: skip
    return j


@pytest.fixture
def journey() -> Journey:
    """A fresh small journey, built through the model methods."""
    return build_small_journey()


@pytest.fixture
def examples_dir() -> Path:
    return EXAMPLES_DIR


@pytest.fixture
def templates_dir() -> Path:
    return TEMPLATES_DIR


@pytest.fixture
def tmp_examples(tmp_path: Path) -> Path:
    """A temporary copy of the examples folder (tests may change or overwrite it)."""
    target = tmp_path / "examples"
    target.mkdir()
    for path in EXAMPLE_PATHS:
        shutil.copy2(path, target / path.name)
    return target


@pytest.fixture
def tmp_example(tmp_path: Path) -> Path:
    """A temporary copy of the first example project."""
    if not EXAMPLE_PATHS:
        pytest.fail("examples/ holds no *.yaml project")
    target = tmp_path / EXAMPLE_PATHS[0].name
    shutil.copy2(EXAMPLE_PATHS[0], target)
    return target


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A temporary copy of the sportschool example project (the workbook forms' tests)."""
    return Path(shutil.copy(EXAMPLES_DIR / "sportschool.yaml", tmp_path / "sportschool.yaml"))


@pytest.fixture
def problems_of():
    """``problems_of(text)``: the problems ``loads`` reports for ``text`` (fails when the
    text loads without error)."""

    def run(text: str, source: str = "reis.yaml") -> list[Problem]:
        with pytest.raises(ValidationError) as info:
            loads(text, source)
        return info.value.problems

    return run
