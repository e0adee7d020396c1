"""``klantreis portfolio``: three projects (one English) as one overview, the
cross-journey views, the incremental rebuild, and the same build on a real Dask
scheduler and worker on localhost."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from klantreis import save
from klantreis.model import Journey
from klantreis.portfolio import build_portfolio, find_projects
from klantreis.portfolio.overview import render
from klantreis.portfolio.summary import on_five, rank_opportunities, summarize

BIN = Path(sys.executable).parent
pytestmark = pytest.mark.slow


def zorg() -> Journey:
    j = Journey(title="Zorgverzekeraar </script> & co: overstappen", language="nl")
    j.owner, j.status = "Team Zorg & Service <Anouk>", "in_progress"
    j.add_phase("orientatie", "Oriëntatie")
    j.add_phase("overstap", "Overstappen")
    j.add_persona("student", "Sanne (19), student")
    j.add_touchpoint("site", "student", "orientatie", "Premies vergelijken", channel="Website", emotion=2)
    j.add_touchpoint("bellen", "student", "overstap", "Klantenservice bellen", channel="Telefoon", emotion=1)
    j.add_touchpoint("app", "student", "overstap", "Pas in de app 📱", channel="App", emotion=4)
    j.add("sources", {"id": "enquete", "kind": "survey"})
    j.add("evidence", {"source": "enquete", "persona": "student", "touchpoint": "bellen",
                       "metric": "score", "n": 120, "value": 1.8})  # fmt: skip
    j.add_opportunity(
        "terugbellen", "Terugbelservice binnen 2–4 uur", touchpoint="bellen", impact=5, effort=2
    )
    j.add_opportunity("chat", "Chat naast de premievergelijker", touchpoint="site", impact=3, effort=1)
    return j


def gemeente() -> Journey:
    j = Journey(title="Gemeente: parkeervergunning", language="nl")
    j.add_phase("aanvragen", "Aanvragen")
    j.add_persona("bewoner", "Bewoner")
    j.add_scenario("gewenst", "Gewenst")
    j.add_touchpoint("formulier", "bewoner", "aanvragen", "Formulier invullen", channel="website ", emotion=2)
    j.add_touchpoint("bellen", "bewoner", "aanvragen", "Klantenservice bellen", channel="Telefoon", emotion=2)
    j.add_touchpoint("formulier", "bewoner", "aanvragen", "Eén formulier", channel="Website", emotion=4,
                     scenario="gewenst")  # fmt: skip
    j.add_opportunity("digid", "Inloggen met DigiD en gegevens vooraf invullen", touchpoint="formulier",
                      impact=5, effort=4)  # fmt: skip
    return j


def bank() -> Journey:
    j = Journey(title="Bank: opening an account", language="en", owner="Retail CX", status="done")
    j.add_phase("apply", "Apply")
    j.add_persona("expat", "Expat")
    j.add_touchpoint("web", "expat", "apply", "Compare accounts", channel="Website", emotion=4)
    j.add_touchpoint("id", "expat", "apply", "Verify identity", channel="App", emotion=2)
    j.add_opportunity("video", "Video identification", touchpoint="id", impact=4, effort=3)
    return j


@pytest.fixture
def projects(tmp_path: Path) -> Path:
    folder = tmp_path / "reizen"
    (folder / "team-a").mkdir(parents=True)
    save(zorg(), folder / "zorg.yaml")
    save(gemeente(), folder / "team-a" / "gemeente.yaml")
    save(bank(), folder / "team-a" / "bank.yaml")
    (folder / "team-a" / "config.yaml").write_text("not: a project\n", encoding="utf-8")
    return folder


def test_find_projects_searches_folders_and_skips_other_yaml(projects: Path) -> None:
    names = [p.name for p in find_projects([projects])]
    assert names == ["bank.yaml", "gemeente.yaml", "zorg.yaml"]


def test_the_overview_lists_each_journey_the_recurring_channels_and_one_ranking(
    projects: Path, tmp_path: Path
) -> None:
    out = tmp_path / "uit"
    result = build_portfolio([projects], out, workers=2)
    assert sorted(result.built) == sorted(p.as_posix() for p in find_projects([projects]))
    assert result.failed == {}
    html = (out / "index.html").read_text(encoding="utf-8")
    pages = re.findall(r'href="([^"]+)"', html)
    for page in ("zorg/student--current.html", "team-a-gemeente/bewoner--current.html",
                 "team-a-gemeente/bewoner--gewenst.html", "team-a-bank/expat--current.html"):  # fmt: skip
        assert page in pages and (out / page).is_file()
    assert all(not p.startswith(("/", "http")) for p in pages)  # links survive copying the folder
    assert "Zorgverzekeraar &lt;/script&gt; &amp; co" in html and "</script>" not in html
    channels = section(html, "Kanalen die in meer reizen terugkomen")
    # Website in all four journeys ('website ' and 'Website' are one channel), average of 2, 2, 4, 4 (on 1-5)
    assert re.search(
        r"<td>Website</td><td class=\"n\">4</td><td[^>]*>3,0</td><td class=\"n\">2</td>", channels
    )
    assert '<td>Telefoon</td><td class="n">2</td>' in channels
    pains = section(html, "Pijnpunten die terugkomen")
    assert "Klantenservice bellen" in pains and "Telefoon" in pains and "App" not in pains
    ranking = section(html, "Alle kansen, belangrijkste eerst")
    order = [d for d in ("Terugbelservice binnen 2–4 uur", "Inloggen met DigiD", "Video identification",
                         "Chat naast de premievergelijker") if d in ranking]  # fmt: skip
    assert order == sorted(order, key=ranking.index) and len(order) == 4
    assert re.search(r"Terugbelservice binnen 2–4 uur.*?<td>gemeten</td>", ranking)
    assert 'href="zorg/student--current.html">Terugbelservice' in ranking
    journeys = section(html, "Alle reizen")
    assert "33 %" in journeys  # 1 of 3 touchpoints measured
    assert "<th>Eigenaar</th><th>Status</th>" in journeys
    assert "<td>Team Zorg &amp; Service &lt;Anouk&gt;</td><td>in uitvoering</td>" in journeys
    assert "<td>Retail CX</td><td>afgerond</td>" in journeys  # an English project, on a Dutch page
    assert len(html.encode()) < 2_000_000 and "<script" not in html and "http" not in html

    again = build_portfolio([projects], out, workers=2)
    assert again.built == [] and len(again.reused) == 3
    assert (out / "index.html").read_text(encoding="utf-8") == html

    j = bank()
    j.update_touchpoint("id", "expat", emotion=1)
    save(j, projects / "team-a" / "bank.yaml")
    third = build_portfolio([projects], out, workers=2)
    assert [Path(k).name for k in third.built] == ["bank.yaml"] and len(third.reused) == 2


def test_a_process_that_drew_a_chart_before_builds_in_parallel_too(projects: Path, tmp_path: Path) -> None:
    """As in a notebook: a chart is drawn (vl-convert's threads start), then the
    portfolio is built in two worker processes. Forked workers hung forever here."""
    script = (
        "import sys\n"
        "from klantreis import load\n"
        "from klantreis.charts import emotion_curve\n"
        "from klantreis.charts.export import chart_svg\n"
        "from klantreis.portfolio import build_portfolio\n"
        f"journey = load({str(projects / 'zorg.yaml')!r})\n"
        "chart_svg(emotion_curve(journey, 'student'))\n"
        f"result = build_portfolio([{str(projects)!r}], {str(tmp_path / 'out')!r}, workers=2)\n"
        "print(len(result.built))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split()[-1] == "3"
    assert "Klantenservice bellen" in (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert "Premies vergelijken" in (tmp_path / "out" / "zorg" / "student--current.html").read_text(
        encoding="utf-8"
    )


def section(html: str, heading: str) -> str:
    start = html.index(heading)
    end = html.find("<h2", start)
    return html[start : end if end > 0 else len(html)]


def test_a_broken_project_fails_alone_with_its_reason(projects: Path, tmp_path: Path) -> None:
    (projects / "kapot.yaml").write_text("klantreis: 1\ntitle: [\n", encoding="utf-8")
    done = subprocess.run(
        [str(BIN / "klantreis"), "portfolio", str(projects), "--out", str(tmp_path / "uit"), "--jobs", "1"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 1
    assert "kapot.yaml" in done.stderr and "Traceback" not in done.stderr
    assert "projecten gemaakt: 3, ongewijzigd: 0, mislukt: 1" in done.stdout
    assert "kapot.yaml" in (tmp_path / "uit" / "index.html").read_text(encoding="utf-8")


def test_owner_and_status_are_listed_per_journey_in_the_page_language() -> None:
    """Each journey's row names its project's owner and status; a project without
    them shows empty cells (fast: summaries rendered directly, no build)."""
    summaries = [summarize(zorg(), "zorg.yaml", "zorg"), summarize(gemeente(), "gemeente.yaml", "gemeente")]
    assert (summaries[0]["owner"], summaries[0]["status"]) == ("Team Zorg & Service <Anouk>", "in_progress")
    for language, status in (("nl", "in uitvoering"), ("en", "in progress")):
        rows = re.findall(r"<tr>(.*?)</tr>", section(render(summaries, {}, language), "<table"))
        cells = [re.findall(r"<td[^>]*>(.*?)</td>", row)[3:5] for row in rows[1:]]
        assert cells == [
            ["Team Zorg &amp; Service &lt;Anouk&gt;", status],  # zorg: one journey
            ["", ""], ["", ""],  # gemeente: two journeys, neither owner nor status
        ]  # fmt: skip


def test_emotions_of_other_scales_are_put_on_one_to_five() -> None:
    j = Journey(title="x", scale=None)
    assert on_five(j, 1) == 1.0 and on_five(j, 5) == 5.0 and on_five(j, None) is None


def test_the_ranking_puts_impact_then_low_effort_then_evidence_first() -> None:
    def opp(i: str, impact: int | None, effort: int | None, evidence: str) -> dict[str, object]:
        return {"id": i, "impact": impact, "effort": effort, "evidence": evidence}

    projects = [{"project": "p", "title": "P", "opportunities": [
        opp("a", 3, 1, "assumed"), opp("b", 5, 3, "assumed"), opp("c", 5, 3, "measured"),
        opp("d", None, None, "measured"), opp("e", 5, 1, "quotes"),
    ]}]  # fmt: skip
    assert [o["id"] for o in rank_opportunities(projects)] == ["e", "c", "b", "a", "d"]


# ------------------------------------------------------------------ Dask
def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def dask_cluster(tmp_path: Path) -> Iterator[str]:
    pytest.importorskip("distributed")
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    common = {"cwd": tmp_path, "env": env, "stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    scheduler = subprocess.Popen(
        [str(BIN / "dask"), "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
        **common,
    )
    worker = subprocess.Popen(
        [str(BIN / "dask"), "worker", address, "--nworkers", "1", "--nthreads", "1", "--no-dashboard"],
        **common,
    )
    try:
        from distributed import Client

        client = Client(address, timeout="60s")
        client.wait_for_workers(1, timeout=120)
        client.close()
        yield address
    finally:
        for process in (worker, scheduler):
            process.terminate()
        for process in (worker, scheduler):
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def test_the_same_portfolio_on_a_dask_scheduler_and_worker(
    projects: Path, tmp_path: Path, dask_cluster: str
) -> None:
    local = build_portfolio([projects], tmp_path / "lokaal", workers=1)
    remote = build_portfolio([projects], tmp_path / "dask", scheduler=dask_cluster)
    assert sorted(remote.built) == sorted(local.built) and remote.failed == {}
    index = "index.html"
    assert (tmp_path / "dask" / index).read_text(encoding="utf-8") == (tmp_path / "lokaal" / index).read_text(
        encoding="utf-8"
    )
    pages = sorted(p.relative_to(tmp_path / "lokaal") for p in (tmp_path / "lokaal").rglob("*.html"))
    assert pages == sorted(p.relative_to(tmp_path / "dask") for p in (tmp_path / "dask").rglob("*.html"))
    for page in pages:  # the same page, but for the embedded font subset's timestamp
        local, dask = (strip_fonts(tmp_path / side / page) for side in ("lokaal", "dask"))
        assert local == dask, page


def strip_fonts(path: Path) -> str:
    return re.sub(r"base64,[A-Za-z0-9+/=]+", "base64,...", path.read_text(encoding="utf-8"))


def test_a_scheduler_that_is_not_there_is_named(projects: Path, tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    port = _free_port()
    started = time.monotonic()
    done = subprocess.run(
        [str(BIN / "klantreis"), "portfolio", str(projects), "--out", str(tmp_path / "uit"),
         "--scheduler", f"tcp://127.0.0.1:{port}", "--language", "en"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert f"no Dask scheduler reached at tcp://127.0.0.1:{port}" in done.stderr
    assert time.monotonic() - started < 120
