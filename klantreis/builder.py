"""``klantreis build``: execute the report notebook with papermill once per persona ×
scenario, convert each to a self-contained HTML page with nbconvert, and write an
index that compares them. Journeys run in parallel worker processes; one failing
journey does not stop the others."""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import JourneyError
from .messages import Catalog
from .model import Journey
from .oserrors import explain
from .projectfile import load
from .resources import data_dir

REPORT_NOTEBOOK = "rapport.ipynb"

TEXTS = Catalog("builder", {
    "nothing": (
        "er is niets te bouwen: de gekozen persona's hebben geen touchpoints in de gekozen scenario's",
        "no journey to build: the selected personas have no touchpoints in the selected scenarios",
    ),
    "no_personas": (
        "er is nog niets te bouwen: {project} heeft nog geen persona. Voeg eerst een persona "
        "toe (stap 2) en daarna touchpoints (stap 5): klantreis lab {project}",
        "nothing to build yet: {project} has no persona. First add a persona (step 2) and "
        "then touchpoints (step 5): klantreis lab {project}",
    ),
    "no_touchpoints": (
        "er is nog niets te bouwen: {project} heeft nog geen touchpoints. Voeg eerst "
        "touchpoints toe (stap 5): klantreis lab {project}",
        "nothing to build yet: {project} has no touchpoints. First add touchpoints "
        "(step 5): klantreis lab {project}",
    ),
    "outside": (
        "er wordt niet buiten {out} geschreven: {target}",
        "refusing to write outside {out}: {target}",
    ),
    "notebooks": (
        "--notebooks is 'report' of 'all', niet {value!r}",
        "--notebooks must be 'report' or 'all', not {value!r}",
    ),
    "cell": ("cel {count}: {name}: {value}", "cell {count}: {name}: {value}"),
    "worker": ("het werkproces stopte: {error}", "the worker process stopped: {error}"),
    "html": ("het omzetten naar HTML mislukte: {error}", "HTML conversion failed: {error}"),
})  # fmt: skip


@dataclass
class JourneyResult:
    """The outcome of building one journey's report."""

    persona: str
    scenario: str
    notebook: Path
    html: Path | None = None
    error: str = ""
    timings: dict[str, float] = field(default_factory=dict)
    extra_notebooks: list[Path] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when the notebook ran and the HTML page was written."""
        return not self.error and self.html is not None


@dataclass(frozen=True)
class _Task:
    project: str
    persona: str
    scenario: str
    out: str
    with_code: bool
    notebooks: tuple[str, ...]
    title: str
    language: str
    evidence: str = ""


def select_journeys(
    journey: Journey,
    personas: Iterable[str] | None = None,
    scenarios: Iterable[str] | None = None,
    project: str | os.PathLike[str] = "",
) -> list[tuple[str, str]]:
    """The (persona, scenario) pairs to build: those with touchpoints, narrowed to the
    given ids (see :meth:`Journey.select`). Unknown ids are refused with the known ones;
    a project with no persona or no touchpoint yet is told what to add first (to
    ``project``, the file named in the message)."""
    pairs = journey.select(list(personas) if personas else None, list(scenarios) if scenarios else None)
    if not pairs:
        code = "nothing"
        if not journey.ids("personas"):
            code = "no_personas"
        elif not journey.journeys():
            code = "no_touchpoints"
        raise JourneyError(TEXTS.msg(code, project=project or "project.yaml"), language=journey.language)
    return pairs


def _check_out(out: Path) -> None:
    """Make the output folder and write a byte to it, so a file in its place, a folder
    that cannot be written to or a full disk is told before anything runs (an
    :class:`OSError` naming ``out`` or the part of it that is in the way)."""
    out.mkdir(parents=True, exist_ok=True)
    try:
        with tempfile.NamedTemporaryFile(dir=out, prefix=".klantreis-", suffix=".tmp") as probe:
            probe.write(b"k")
            probe.flush()
            os.fsync(probe.fileno())
    except OSError as err:
        raise OSError(err.errno, err.strerror, str(out)) from err


def _inside(out: Path, *parts: str) -> Path:
    target = out.joinpath(*parts).resolve()
    if out.resolve() not in target.parents:
        raise JourneyError(TEXTS.msg("outside", out=out, target=target))
    return target


def build(
    project: str | os.PathLike[str],
    out: str | os.PathLike[str],
    personas: Iterable[str] | None = None,
    scenarios: Iterable[str] | None = None,
    jobs: int | None = None,
    *,
    with_code: bool = False,
    notebooks: str = "report",
    evidence: str = "",
    progress: Callable[[JourneyResult], None] | None = None,
    planned: Callable[[int], None] | None = None,
) -> list[JourneyResult]:
    """Build a report per journey into ``out`` and an ``index.html``; returns one
    :class:`JourneyResult` per journey (in persona, scenario order).

    ``jobs`` is the number of journeys built at once (default: the number of cores);
    ``notebooks="all"`` also executes every step notebook of the workbook per journey.
    ``evidence`` is the id of one evidence source (a data wave) whose figures the
    reports show; empty: all sources. An unknown id is refused before anything runs.
    ``planned(n)`` is called once with the number of journeys before the first is
    built; ``progress(result)`` after each one.
    """
    from .report.assets import vega_javascript
    from .report.index import write_index

    project_path = Path(project).resolve()
    journey = load(project_path)
    pairs = select_journeys(journey, personas, scenarios, project)
    if evidence:
        journey.require("sources", evidence)
    if notebooks not in ("report", "all"):
        raise JourneyError(TEXTS.msg("notebooks", value=notebooks), language=journey.language)
    out_dir = Path(out)
    _check_out(out_dir)
    vega_javascript()  # built once here; forked workers inherit the cache
    steps: tuple[str, ...] = ()
    if notebooks == "all":
        steps = tuple(sorted(p.name for p in data_dir("workbook").glob("[0-9][0-9]_*.ipynb")))
    tasks = [
        _Task(
            str(project_path),
            p,
            s,
            str(out_dir.resolve()),
            with_code,
            steps,
            f"{journey.title} – {journey.name_of('personas', p)} – {journey.name_of('scenarios', s)}",
            journey.language,
            evidence,
        )
        for p, s in pairs
    ]
    for task in tasks:
        _inside(out_dir, task.persona, f"{task.scenario}.html")
    if planned:
        planned(len(tasks))
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(tasks)))
    results: dict[tuple[str, str], JourneyResult] = {}
    if jobs == 1:
        for task in tasks:
            result = build_journey(task)
            results[(task.persona, task.scenario)] = result
            if progress:
                progress(result)
    else:
        context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
            futures = {pool.submit(build_journey, task): task for task in tasks}
            for future in as_completed(futures):
                task = futures[future]
                try:
                    result = future.result()
                except Exception as err:  # a worker that died: report, keep going
                    error = TEXTS.text("worker", task.language, error=_describe(err, task.language))
                    result = JourneyResult(task.persona, task.scenario, _notebook_path(task), error=error)
                results[(task.persona, task.scenario)] = result
                if progress:
                    progress(result)
    ordered = [results[pair] for pair in pairs]
    write_index(journey, ordered, out_dir, evidence=evidence)
    return ordered


def _notebook_path(task: _Task) -> Path:
    return Path(task.out) / task.persona / f"{task.scenario}.ipynb"


@contextlib.contextmanager
def _kernel_manager() -> Iterator[type[Any]]:
    """A kernel manager class whose kernels talk over Unix sockets in a private temporary
    folder, so kernels started at the same moment by parallel workers cannot race for
    the same TCP port. nbclient creates, owns and shuts down the manager itself.

    Its shutdown skips jupyter_client's opening interrupt (SIGINT): the notebook has
    finished, and that interrupt only made the kernel log "KeyboardInterrupt caught in
    kernel" into the build's output. The shutdown request, then SIGTERM and SIGKILL
    after a wait, still stop a kernel that does not listen."""
    from jupyter_client.manager import AsyncKernelManager

    with tempfile.TemporaryDirectory(prefix="klantreis-kernel-") as folder:

        class IpcKernelManager(AsyncKernelManager):
            def __init__(self, **kwargs: Any):
                super().__init__(transport="ipc", ip=os.path.join(folder, "k"), **kwargs)

            async def _async_interrupt_kernel(self) -> None:
                if not self.shutting_down:
                    await super()._async_interrupt_kernel()

        yield IpcKernelManager


def _execute(
    source: Path, target: Path, parameters: dict[str, str], on_start: Callable[..., None] | None = None
) -> None:
    """Run ``source`` with papermill into ``target`` (cwd: its folder) in a fresh kernel."""
    import papermill

    hooks = {"on_notebook_start": on_start} if on_start else {}
    with _kernel_manager() as manager:
        papermill.execute_notebook(
            str(source),
            str(target),
            parameters=parameters,
            kernel_name="python3",
            progress_bar=False,
            request_save_on_cell_execute=False,
            cwd=str(target.parent),
            kernel_manager_class=manager,
            **hooks,
        )


def _describe(err: Exception, language: str) -> str:
    """Which cell failed and why, for the summary; a file that could not be written
    in klantreis's words; other errors by type and message."""
    from papermill.exceptions import PapermillExecutionError

    if isinstance(err, PapermillExecutionError):
        return TEXTS.text("cell", language, count=err.exec_count, name=err.ename, value=err.evalue)
    if isinstance(err, OSError):
        return explain(err).render(language)
    return f"{type(err).__name__}: {err}"


def build_journey(task: _Task) -> JourneyResult:
    """Execute and convert one journey's report (runs in a worker process)."""
    notebook = _notebook_path(task)
    notebook.parent.mkdir(parents=True, exist_ok=True)
    result = JourneyResult(task.persona, task.scenario, notebook)
    parameters = {
        "project": task.project,
        "persona": task.persona,
        "scenario": task.scenario,
        "language": "",
        "evidence": task.evidence,
    }
    marks: dict[str, float] = {"start": time.perf_counter()}

    def kernel_ready(**_: object) -> None:
        marks["kernel"] = time.perf_counter()

    try:
        _execute(data_dir("workbook") / REPORT_NOTEBOOK, notebook, parameters, kernel_ready)
    except Exception as err:  # a cell raised, the kernel died, ...
        result.error = _describe(err, task.language)
    executed = time.perf_counter()
    kernel = marks.get("kernel", executed)
    result.timings = {"kernel_start": kernel - marks["start"], "execute": executed - kernel}
    if result.error:
        return result
    try:
        from .report.convert import notebook_to_html

        html = notebook.with_suffix(".html")
        notebook_to_html(notebook, html, with_code=task.with_code, title=task.title, language=task.language)
        result.html = html
    except Exception as err:
        result.error = TEXTS.text("html", task.language, error=_describe(err, task.language))
    result.timings["convert"] = time.perf_counter() - executed
    for step in task.notebooks:
        target = notebook.parent / task.scenario / step
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            _execute(data_dir("workbook") / step, target, parameters)
            result.extra_notebooks.append(target)
        except Exception as err:
            result.error = f"{step}: {_describe(err, task.language)}"
            break
    return result
