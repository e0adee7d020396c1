"""environment.yml (conda) installs what pyproject.toml lists, from conda-forge: the
same packages with the same lower bounds, the test tools in environment-test.yml, and
pip only for what conda-forge lacks, with the reason beside it."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent

#: pip name -> conda-forge name, where the two differ.
CONDA_NAMES: dict[str, str] = {}
#: conda packages that are not Python packages, with why they are there.
SYSTEM_LIBRARIES = {"pango": "WeasyPrint draws text with Pango and HarfBuzz"}


def requirement(spec: str) -> tuple[str, str]:
    """``"jupyterlab>=4.0,<5"`` -> ``("jupyterlab", ">=4.0,<5")`` (name normalised as
    pip does, version bounds without spaces)."""
    match = re.fullmatch(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(.*)", spec)
    assert match, spec
    name = re.sub(r"[-_.]+", "-", match.group(1)).lower()
    return name, match.group(2).replace(" ", "")


def pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def environment(name: str) -> tuple[dict[str, str], dict[str, str], str]:
    """The conda packages and the pip packages of an environment file, with bounds,
    and its text."""
    path = ROOT / name
    assert path.is_file(), f"{name} is missing at the repository root"
    text = path.read_text(encoding="utf-8")
    conda: dict[str, str] = {}
    pip: dict[str, str] = {}
    for item in yaml.safe_load(text)["dependencies"]:
        if isinstance(item, dict):
            pip.update(requirement(str(x)) for x in item.get("pip", []) if not str(x).startswith("-"))
        else:
            conda.update([requirement(str(item))])
    return conda, pip, text


def wanted(specs: list[str]) -> dict[str, str]:
    return {CONDA_NAMES.get(n, n): bound for n, bound in map(requirement, specs)}


def test_environment_yml_has_the_runtime_dependencies_from_conda_forge() -> None:
    conda, pip, text = environment("environment.yml")
    assert "conda-forge" in yaml.safe_load(text)["channels"]
    listed = {n: b for n, b in conda.items() if n not in ("python", "pip", *SYSTEM_LIBRARIES)}
    assert listed == wanted(pyproject()["project"]["dependencies"]), (
        "environment.yml must list pyproject.toml's dependencies with the same lower bounds"
    )
    assert set(SYSTEM_LIBRARIES) <= set(conda)
    assert pip == {}, "every runtime dependency is on conda-forge"
    assert re.search(r"^\s+- -e \.$", text, re.M), "environment.yml installs klantreis itself"


def test_environment_test_yml_has_the_test_tools() -> None:
    conda, pip, text = environment("environment-test.yml")
    listed = {n: b for n, b in {**conda, **pip}.items() if n != "pip"}
    assert listed == wanted(pyproject()["project"]["optional-dependencies"]["test"])
    runtime = environment("environment.yml")[0]
    assert not set(listed) & set(runtime), "test tools stay out of environment.yml"


def test_pip_is_only_for_what_conda_forge_lacks_and_says_why() -> None:
    for name in ("environment.yml", "environment-test.yml"):
        lines = (ROOT / name).read_text(encoding="utf-8").splitlines()
        start = next(i for i, line in enumerate(lines) if line.strip() == "- pip:")
        entries = [i for i in range(start + 1, len(lines)) if lines[i].strip().startswith("- ")]
        for i in entries:
            assert lines[i - 1].strip().startswith("#"), f"{name}: say why {lines[i].strip()} comes from pip"


def test_python_version_matches_requires_python():
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    conda = [str(item) for item in env["dependencies"] if not isinstance(item, dict)]
    pythons = [s for s in conda if s.split("=")[0].strip() == "python"]
    assert len(pythons) == 1, f"environment.yml must pin python once, found {pythons}"
    version = re.fullmatch(r"python\s*=+\s*(\d+)\.(\d+)(?:\.\*)?", pythons[0].strip())
    assert version, f"cannot read the python version from {pythons[0]!r}"
    env_version = (int(version.group(1)), int(version.group(2)))
    requires = pyproject()["project"]["requires-python"]
    minimum = re.fullmatch(r">=\s*(\d+)\.(\d+)", requires.strip())
    assert minimum, f"requires-python {requires!r} is not of the form '>=X.Y'"
    assert env_version == (int(minimum.group(1)), int(minimum.group(2))), (
        f"environment.yml has {pythons[0]!r} but pyproject.toml requires-python is {requires!r}"
    )


def test_console_script_and_package_data():
    project = pyproject()
    assert project["project"]["scripts"]["klantreis"] == "klantreis.cli:main"
    include = project["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    for folder in ("templates", "examples"):
        assert include[folder] == f"klantreis/_data/{folder}"
        assert (ROOT / folder).is_dir()


def _series(text: str) -> tuple[int, ...]:
    """The release series a version belongs to: its major version (for 0.x, major and
    minor: there a minor release may break things)."""
    from packaging.version import Version

    release = Version(text).release
    return release[:2] if release[0] == 0 else release[:1]


def test_the_tested_versions_are_stated_for_every_dependency_and_allowed() -> None:
    from packaging.requirements import Requirement

    project = pyproject()
    tested = project["tool"]["klantreis"]["tested-with"]
    specs = [*project["project"]["dependencies"], *project["project"]["optional-dependencies"]["test"]]
    for spec in specs:
        requirement = Requirement(spec)
        assert requirement.name in tested, f"[tool.klantreis.tested-with] has no {requirement.name}"
        assert requirement.specifier.contains(tested[requirement.name], prereleases=True), (
            f"{requirement.name} {tested[requirement.name]} (tested) is outside {requirement.specifier}"
        )
    assert sorted(tested) == sorted(Requirement(s).name for s in specs)


def test_no_installed_dependency_is_a_newer_series_than_the_tested_one() -> None:
    """CI resolves the newest versions: a new major release (a new minor one of a 0.x
    package) gets here before it gets to a user. Run the suite with it, fix what breaks,
    and state it in [tool.klantreis.tested-with]."""
    from importlib.metadata import PackageNotFoundError, version

    project = pyproject()
    newer = []
    for name, tested in project["tool"]["klantreis"]["tested-with"].items():
        try:
            installed = version(name)
        except PackageNotFoundError:  # pragma: no cover - pip installs them all
            continue
        if _series(installed) > _series(tested):
            newer.append(f"{name} {installed} (tested: {tested})")
    assert newer == [], "newer release series than tested: " + ", ".join(newer)
