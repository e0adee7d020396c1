"""End-to-end report builds: papermill per journey, nbconvert to offline HTML, index."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from markupsafe import escape

import klantreis
from klantreis import builder
from klantreis.cli import main
from klantreis.resources import data_dir, example_path

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("build")]

SCRIPT = '<script>alert("kr")</script>'
CODE_CELL = re.compile(r'class="[^"]*jp-InputArea-editor')
EXTERNAL = re.compile(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//|url\(\s*["']?(?:https?:)?//|@import""", re.I)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[klantreis.Journey, list, Path]:
    """The gym example, with one touchpoint named like a script, built once for the module."""
    folder = tmp_path_factory.mktemp("build")
    journey = klantreis.load(example_path("sportschool"))
    first = journey.journey("student", "huidig").iloc[0]
    journey.update_touchpoint(first["id"], "student", "huidig", name=SCRIPT)
    project = klantreis.save(journey, folder / "sportschool.yaml")
    out = folder / "rapport"
    results = klantreis.build(project, out, jobs=2)
    return klantreis.load(project), results, out


def test_every_journey_is_built_with_its_persona_phases_and_touchpoints(built) -> None:
    journey, results, out = built
    assert [(r.persona, r.scenario) for r in results] == journey.journeys()
    for result in results:
        assert result.ok, result.error
        assert result.html == out / result.persona / f"{result.scenario}.html"
        assert result.notebook.exists()
        html = result.html.read_text(encoding="utf-8")
        assert journey.name_of("personas", result.persona) in html
        for name in journey.phases["name"]:
            assert name in html
        for name in journey.journey(result.persona, result.scenario)["name"]:
            if name != SCRIPT:
                assert str(escape(name)) in html


def test_pages_are_offline_small_and_hide_code(built) -> None:
    _, results, out = built
    for page in [r.html for r in results] + [out / "index.html"]:
        html = page.read_text(encoding="utf-8")
        assert not EXTERNAL.search(html), EXTERNAL.search(html).group(0)
        assert not re.search(r"cdnjs|unpkg\.com|jsdelivr", html)
        assert html.count('id="klantreis-vega-bundle"') == 1  # the Vega bundle once per page
        assert page.stat().st_size < 2_000_000
        assert not CODE_CELL.search(html)  # code cells hidden by default
        assert 'lang="nl"' in html


def test_user_text_is_escaped(built) -> None:
    _, results, _ = built
    html = results[0].html.read_text(encoding="utf-8")
    assert SCRIPT not in html
    assert "&lt;script&gt;alert" in html  # in the report's text
    assert "\\u003cscript\\u003ealert" in html  # in the charts' JSON, inside a <script> element


def test_chart_specs_carry_the_journey_data(built) -> None:
    journey, results, _ = built
    result = next(r for r in results if (r.persona, r.scenario) == ("senior", "huidig"))
    html = result.html.read_text(encoding="utf-8")
    specs = re.findall(r"var spec = (\{.*?\});\n", html)
    assert len(specs) >= 3  # emotion curve, channel map, opportunity matrix
    curve = next(s for s in specs if "emotion" in s)
    last = journey.journey("senior", "huidig").iloc[-1]
    assert last["id"] in curve


def test_index_links_every_journey_with_key_figures(built) -> None:
    journey, results, out = built
    index = (out / "index.html").read_text(encoding="utf-8")
    for result in results:
        assert f'href="{result.persona}/{result.scenario}.html"' in index
        assert (out / result.persona / f"{result.scenario}.html").exists()
    rows = journey.journey("senior", "huidig")
    assert f"<td>{len(rows)}</td>" in index
    assert index.count('vegaEmbed("#klantreis-chart-') >= 2  # all personas; student's scenarios


def test_nothing_is_written_outside_out(built) -> None:
    _, _, out = built
    written = {p.relative_to(out.parent) for p in out.parent.rglob("*") if p.is_file()}
    allowed = ("sportschool.yaml", ".sportschool.yaml.lock")  # the project and its save lock
    assert all(p.parts[0] == "rapport" or p.name in allowed for p in written), written


def _failing_workbook(folder: Path) -> Path:
    workbook = folder / "workbook"
    shutil.copytree(data_dir("workbook"), workbook)
    notebook = workbook / "rapport.ipynb"
    text = notebook.read_text(encoding="utf-8")
    text = text.replace(
        '"report.figures()"',
        '"if persona == \\"senior\\":\\n",\n    "    raise RuntimeError(\\"broken on purpose\\")\\n",\n'
        '    "report.figures()"',
    )
    notebook.write_text(text, encoding="utf-8")
    return workbook


def test_a_failing_journey_does_not_stop_the_others(tmp_path: Path, monkeypatch, capsys) -> None:
    workbook = _failing_workbook(tmp_path)
    real = data_dir
    monkeypatch.setattr(builder, "data_dir", lambda name: workbook if name == "workbook" else real(name))
    project = shutil.copy(example_path("sportschool"), tmp_path / "p.yaml")
    out = tmp_path / "out"
    code = main(
        ["build", str(project), "--out", str(out), "--persona", "senior", "--persona", "ouder", "--jobs", "2"]
    )
    assert code == 1
    err = capsys.readouterr()
    assert "mislukt: senior/huidig: cel " in err.err
    assert "RuntimeError: broken on purpose" in err.err
    assert "1 gemaakt, 1 mislukt" in err.out
    assert (out / "ouder" / "huidig.html").exists()
    assert (out / "senior" / "huidig.ipynb").exists()  # kept for inspection
    assert not (out / "senior" / "huidig.html").exists()
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="ouder/huidig.html"' in index and "broken on purpose" in index


def test_with_code_keeps_the_code(tmp_path: Path) -> None:
    project = shutil.copy(example_path("sportschool"), tmp_path / "p.yaml")
    results = klantreis.build(project, tmp_path / "out", personas=["ouder"], jobs=1, with_code=True)
    assert results[0].ok, results[0].error
    html = results[0].html.read_text(encoding="utf-8")
    assert CODE_CELL.search(html)
    assert set(results[0].timings) == {"kernel_start", "execute", "convert"}


def test_notebooks_all_regenerates_the_filled_in_workbook(tmp_path: Path, monkeypatch) -> None:
    """Every step notebook of the workbook, with the journey's parameters injected, next
    to the report. The report and one step (06_emoties) run for real; the other steps
    are only prepared (papermill's prepare_only: parameters injected, nothing run):
    that they run headless is tests/test_workbook.py's job."""
    import papermill

    real, ran = builder._execute, []

    def execute(source: Path, target: Path, parameters: dict, on_start=None) -> None:  # type: ignore[no-untyped-def]
        ran.append(source.name)
        if source.name in (builder.REPORT_NOTEBOOK, "06_emoties.ipynb"):
            return real(source, target, parameters, on_start)
        papermill.execute_notebook(str(source), str(target), parameters=parameters, prepare_only=True,
                                   kernel_name="python3", progress_bar=False)  # fmt: skip
        return None

    monkeypatch.setattr(builder, "_execute", execute)
    project = shutil.copy(example_path("sportschool"), tmp_path / "p.yaml")
    results = klantreis.build(project, tmp_path / "out", personas=["ouder"], jobs=1, notebooks="all")
    result = results[0]
    assert result.ok, result.error
    steps = sorted(p.name for p in data_dir("workbook").glob("[0-9][0-9]_*.ipynb"))
    assert ran == [builder.REPORT_NOTEBOOK, *steps]
    assert [p.name for p in result.extra_notebooks] == steps
    for step in result.extra_notebooks:
        assert step.parent == tmp_path / "out" / "ouder" / "huidig"
        text = step.read_text(encoding="utf-8")
        assert '"persona = \\"ouder\\"\\n"' in text, step.name  # papermill's injected parameters
        assert f'"project = \\"{project}\\"\\n"' in text, step.name
    emoties = (tmp_path / "out" / "ouder" / "huidig" / "06_emoties.ipynb").read_text(encoding="utf-8")
    assert "application/vnd.jupyter.widget-view+json" in emoties  # really executed: the form is there


def test_a_successful_build_prints_only_the_bar_and_the_summary(tmp_path: Path) -> None:
    """The command as a user runs it: a progress bar with its total, one summary line,
    and no kernel shutdown noise ("KeyboardInterrupt caught in kernel")."""
    import subprocess
    import sys

    project = shutil.copy(example_path("sportschool"), tmp_path / "p.yaml")
    command = [
        sys.executable,
        "-c",
        "import sys; from klantreis.cli import main; sys.exit(main())",
        "build",
        str(project),
        "--out",
        str(tmp_path / "out"),
        "--persona",
        "ouder",
        "--persona",
        "senior",
        "--jobs",
        "2",
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert re.fullmatch(r"2 gemaakt, 0 mislukt, in [\d.]+ s; open \S+/index\.html\n", done.stdout)
    updates = [u.strip() for u in done.stderr.replace("\r", "\n").splitlines() if u.strip()]
    assert updates and all(u.startswith("klantreis build:") for u in updates), done.stderr
    assert "2/2" in updates[-1] and "100%" in updates[-1]


def test_kernels_are_shut_down_without_an_interrupt(monkeypatch) -> None:
    """The interrupt jupyter_client sends before a shutdown is what made kernels log
    "KeyboardInterrupt caught in kernel"; klantreis's kernel manager skips it then."""
    import asyncio

    from jupyter_client.manager import AsyncKernelManager

    sent: list[bool] = []

    async def record(self) -> None:  # type: ignore[no-untyped-def]
        sent.append(self.shutting_down)

    monkeypatch.setattr(AsyncKernelManager, "_async_interrupt_kernel", record)
    with builder._kernel_manager() as manager_class:
        manager = manager_class()
        asyncio.run(manager._async_interrupt_kernel())  # a user's interrupt still goes through
        manager.shutting_down = True
        asyncio.run(manager._async_interrupt_kernel())
    assert sent == [False]
