"""environment.yml (conda) installs the same thing as pyproject.toml, which stays the
single source of dependencies."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def requirement_name(spec: str) -> str:
    """``"pandas>=2.1"`` -> ``"pandas"`` (normalised as pip does)."""
    name = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", spec).group(1)
    return re.sub(r"[-_.]+", "-", name).lower()


def load_files() -> tuple[dict, dict]:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    env_path = ROOT / "environment.yml"
    assert env_path.is_file(), "environment.yml is missing at the repository root"
    env = yaml.safe_load(env_path.read_text(encoding="utf-8"))
    return pyproject, env


def conda_and_pip(env: dict) -> tuple[list[str], list[str]]:
    conda, pip = [], []
    for item in env["dependencies"]:
        if isinstance(item, dict):
            pip += [str(x) for x in item.get("pip", [])]
        else:
            conda.append(str(item))
    return conda, pip


def test_environment_installs_every_dependency():
    pyproject, env = load_files()
    conda, pip = conda_and_pip(env)
    extras: set[str] = set()
    for line in pip:
        match = re.fullmatch(r"-e\s+\.(?:\[([A-Za-z0-9_,\s-]+)\])?", line.strip())
        if match:
            extras |= {e.strip() for e in (match.group(1) or "").split(",") if e.strip()}
            extras.add("")  # the package itself, with [project.dependencies]
    listed = {requirement_name(s.split("=")[0]) for s in conda + pip if not s.startswith("-")}
    needed = {"": pyproject["project"]["dependencies"],
              "test": pyproject["project"]["optional-dependencies"]["test"]}  # fmt: skip
    missing = [
        f"{requirement_name(spec)} ({group or 'dependencies'})"
        for group, specs in needed.items()
        for spec in specs
        if group not in extras and requirement_name(spec) not in listed
    ]
    assert missing == [], (
        f"environment.yml does not install {missing}: add them or install the package "
        "with `- -e .[test]` in its pip section"
    )
    assert "pip" in conda, "environment.yml needs `pip` to run its pip section"


def test_environment_pip_line_installs_test_extra():
    _, env = load_files()
    _, pip = conda_and_pip(env)
    assert any(re.fullmatch(r"-e\s+\.\[(.*,\s*)?test(\s*,.*)?\]", p.strip()) for p in pip), pip


def test_python_version_matches_requires_python():
    pyproject, env = load_files()
    conda, _ = conda_and_pip(env)
    pythons = [s for s in conda if requirement_name(s.split("=")[0]) == "python"]
    assert len(pythons) == 1, f"environment.yml must pin python once, found {pythons}"
    version = re.fullmatch(r"python\s*=+\s*(\d+)\.(\d+)(?:\.\*)?", pythons[0].strip())
    assert version, f"cannot read the python version from {pythons[0]!r}"
    env_version = (int(version.group(1)), int(version.group(2)))
    requires = pyproject["project"]["requires-python"]
    minimum = re.fullmatch(r">=\s*(\d+)\.(\d+)", requires.strip())
    assert minimum, f"requires-python {requires!r} is not of the form '>=X.Y'"
    assert env_version == (int(minimum.group(1)), int(minimum.group(2))), (
        f"environment.yml has {pythons[0]!r} but pyproject.toml requires-python is {requires!r}"
    )


def test_console_script_and_package_data():
    pyproject, _ = load_files()
    assert pyproject["project"]["scripts"]["klantreis"] == "klantreis.cli:main"
    include = pyproject["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
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

    pyproject, _ = load_files()
    tested = pyproject["tool"]["klantreis"]["tested-with"]
    specs = [*pyproject["project"]["dependencies"], *pyproject["project"]["optional-dependencies"]["test"]]
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

    pyproject, _ = load_files()
    newer = []
    for name, tested in pyproject["tool"]["klantreis"]["tested-with"].items():
        try:
            installed = version(name)
        except PackageNotFoundError:  # pragma: no cover - pip installs them all
            continue
        if _series(installed) > _series(tested):
            newer.append(f"{name} {installed} (tested: {tested})")
    assert newer == [], "newer release series than tested: " + ", ".join(newer)
