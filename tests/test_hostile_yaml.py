"""A project file someone sends you cannot exhaust memory: YAML aliases (the
"billion laughs" bomb) are refused while scanning, before anything is built, from
every way a user opens a file. Each run is a real process with memory capped at 512 MB."""

from __future__ import annotations

import json
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from klantreis import ValidationError, loads
from klantreis.widgets.start import StartForm

CAP = 512 * 2**20


def bomb() -> str:
    """Twelve lines whose aliases expand to 10**9 list items."""
    lines = ["klantreis: 1", "title: Bom", "a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 10) + "]")
    lines.append("phases: *i")
    return "\n".join(lines) + "\n"


def run_capped(code: str) -> dict:
    """Run ``code`` (which sets ``result``) in a fresh Python capped at 512 MB; the
    time it reports is the time of the call only, not of importing klantreis."""
    script = f"import json, time\n{code}\nprint(json.dumps(result))\n"

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (CAP, CAP))

    done = subprocess.run(
        [sys.executable, "-c", script], preexec_fn=cap, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.fixture
def bomb_file(tmp_path: Path) -> Path:
    path = tmp_path / "bom.yaml"
    path.write_text(bomb(), encoding="utf-8")
    return path


def test_the_bomb_is_twelve_lines() -> None:
    assert len(bomb().splitlines()) == 12


def test_validate_refuses_the_bomb_quickly_with_the_line(bomb_file: Path) -> None:
    result = run_capped(f"""
import contextlib, io
from klantreis.cli import main
err = io.StringIO()
start = time.perf_counter()
with contextlib.redirect_stderr(err):
    code = main(["validate", {str(bomb_file)!r}])
result = {{"code": code, "seconds": time.perf_counter() - start, "err": err.getvalue()}}
""")
    assert result["code"] == 1
    assert result["seconds"] < 1
    assert result["err"].startswith(f"fout: {bomb_file}:4: hier staat een YAML-verwijzing (*a)")
    assert "Traceback" not in result["err"]


def test_load_and_import_refuse_the_bomb_under_the_cap(bomb_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "geimporteerd.yaml"
    result = run_capped(f"""
import klantreis
from klantreis.cli import main
start = time.perf_counter()
try:
    klantreis.load({str(bomb_file)!r})
    message = ""
except klantreis.ValidationError as err:
    message = err.text("en")
seconds = time.perf_counter() - start
result = {{"seconds": seconds, "message": message, "import": main(["import", {str(bomb_file)!r},
          "--to", {str(target)!r}])}}
""")
    assert result["seconds"] < 1
    assert ":4: this is a YAML alias (*a); aliases are not allowed in a project file" in result["message"]
    assert result["import"] == 1
    assert not target.exists()


def test_the_workbook_start_step_shows_the_refusal(bomb_file: Path) -> None:
    form = StartForm(str(bomb_file))
    assert form.session is None
    assert form.status.kind == "error"
    assert "hier staat een YAML-verwijzing (*a)" in form.status.text


def test_an_anchor_without_alias_and_an_ampersand_in_text_are_fine() -> None:
    text = "klantreis: 1\ntitle: R&D *team* & partners\ngoal: &doel Sneller\n"
    journey = loads(text)
    assert (journey.title, journey.goal) == ("R&D *team* & partners", "Sneller")


def test_a_recursive_alias_is_refused() -> None:
    with pytest.raises(ValidationError) as info:
        loads("klantreis: 1\ntitle: T\nphases: &p\n  - *p\n", "lus.yaml")
    assert info.value.problems[0].line == 4
