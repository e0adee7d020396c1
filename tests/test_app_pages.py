"""App mode without a server: the start page, the create form, the navigation bar,
and who gets in (localhost, or a token/password on the network)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from klantreis import Journey, JourneyError
from klantreis.app.access import decide_access, is_local, share_urls
from klantreis.app.pages import create_page, nav_bar, start_page, step_notebooks

XSS = "<img src=x onerror=alert(1)>"


def test_the_start_page_links_every_step_and_the_wall(journey: Journey) -> None:
    notebooks = step_notebooks()
    assert list(notebooks) == [
        "doel", "persona", "scope", "fasen", "touchpoints", "emoties", "review", "bewijs",
    ]  # fmt: skip
    html = start_page(journey, "/base/", notebooks)
    links = re.findall(r'<a href="([^"]+)"', html)
    assert links == [f"/base/voila/render/{nb}" for nb in notebooks.values()] + ["/base/klantreis/wall"]
    assert "<h1>Fietsverhuur De Spaak</h1>" in html and "Minder afhakers" in html
    assert '<html lang="nl">' in html and "Emoties" in html
    assert ">Muurweergave<" in nav_bar(journey, "/", notebooks, "doel")  # not the English "wall"


def test_english_projects_get_english_pages(journey: Journey) -> None:
    journey.language = "en"
    html = start_page(journey, "/", step_notebooks())
    assert '<html lang="en">' in html and "Emotions" in html and "Choose a step" in html
    assert ">Wall<" in nav_bar(journey, "/", step_notebooks(), "doel")


def test_user_text_is_escaped(journey: Journey) -> None:
    journey.title = XSS
    journey.goal = XSS
    pages = [
        start_page(journey, "/", step_notebooks()),
        nav_bar(journey, "/", step_notebooks(), "doel"),
        create_page(XSS, "/", "", "nl", error=XSS, chosen={"title": XSS}),
    ]
    for html in pages:
        assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html


def test_the_nav_bar_marks_the_current_step(journey: Journey) -> None:
    html = nav_bar(journey, "/", step_notebooks(), "emoties")
    assert re.findall(r'aria-current="page">([^<]+)<', html) == ["6 Emoties"]


def test_the_create_form_offers_every_template_and_keeps_the_choice() -> None:
    html = create_page(
        "/tmp/reis.yaml",
        "/",
        '<input type="hidden" name="_xsrf" value="t">',
        "nl",
        chosen={"template": "michels", "title": "Mijn reis", "language": "en"},
    )
    assert 'action="/klantreis/create"' in html and 'name="_xsrf"' in html
    assert re.search(r'<option value="michels" selected>', html)
    assert re.search(r'<option value="en" selected>English', html)
    assert 'value="Mijn reis"' in html and "/tmp/reis.yaml bestaat nog niet" in html
    assert len(re.findall(r'<option value="[a-z0-9-]+"', html)) >= 8  # six templates, two languages


def test_localhost_needs_nothing_the_network_needs_a_token() -> None:
    assert is_local("127.0.0.1") and is_local("localhost") and is_local("::1")
    assert not is_local("0.0.0.0") and not is_local("192.168.1.20")
    local = decide_access("127.0.0.1")
    assert local.token == "" and local.password_hash == "" and local.notes == ()
    network = decide_access("0.0.0.0", language="nl")
    assert len(network.token) >= 16
    assert any("Let op" in note and "0.0.0.0" in note for note in network.notes)
    assert any(network.token in note for note in network.notes)  # printed, so it can be shared
    given = decide_access("0.0.0.0", token="geheim", language="en")
    assert given.token == "geheim" and not any("geheim" in note for note in given.notes)
    assert given.environment()["KLANTREIS_APP_TOKEN"] == "geheim"


def test_a_password_is_asked_twice_and_stored_hashed() -> None:
    from jupyter_server.auth.security import passwd_check

    answers = iter(["fiets123", "fiets123"])
    access = decide_access("0.0.0.0", password=True, ask=lambda _: next(answers))
    assert access.token == "" and passwd_check(access.password_hash, "fiets123")
    assert "fiets123" not in " ".join(access.notes)
    answers = iter(["a", "b"])
    with pytest.raises(JourneyError, match="niet gelijk"):
        decide_access("0.0.0.0", password=True, language="nl", ask=lambda _: next(answers))
    made_up = decide_access("0.0.0.0", password=True, language="en", ask=lambda _: "")
    note = next(n for n in made_up.notes if n.startswith("Password (made"))
    assert passwd_check(made_up.password_hash, note.rsplit(": ", 1)[1])
    with pytest.raises(JourneyError):
        decide_access("127.0.0.1", token="x", password=True)


def test_share_urls_name_this_computer_and_the_room(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("klantreis.app.access.network_addresses", lambda: ["192.168.1.20"])
    assert share_urls("127.0.0.1", 8866) == ["http://127.0.0.1:8866/"]
    assert share_urls("0.0.0.0", 8866, token="t") == [
        "http://127.0.0.1:8866/?token=t",
        "http://192.168.1.20:8866/?token=t",
    ]
    assert share_urls("10.0.0.5", 9000) == ["http://10.0.0.5:9000/"]


@pytest.mark.parametrize(
    ("value", "interval"), [(None, 30_000), ("1", 1_000), ("0.25", 250), ("nonsense", 30_000), ("-5", 30_000)]
)
def test_a_healthy_connection_outlasts_the_ping_check(value: str | None, interval: int) -> None:
    from klantreis.app.server import PING_ENV, ping_settings

    settings = ping_settings({} if value is None else {PING_ENV: value})
    assert settings["ws_ping_interval"] == interval
    # the first answer comes only after the first ping: a timeout of one interval
    # closes every connection at its first check
    assert settings["ws_ping_timeout"] >= 2 * settings["ws_ping_interval"]


def test_kernels_of_vanished_tabs_are_culled_after_a_few_minutes(monkeypatch: pytest.MonkeyPatch) -> None:
    from klantreis.app.server import CULL_ENV, server_config

    config = server_config("127.0.0.1", 8866).WarmKernelManager
    assert (config.cull_idle_timeout, config.cull_interval, config.cull_connected) == (300, 60, False)
    monkeypatch.setenv(CULL_ENV, "4")
    config = server_config("127.0.0.1", 8866).WarmKernelManager
    assert (config.cull_idle_timeout, config.cull_interval) == (4, 2)


def test_a_warm_kernel_is_kept_for_each_participant(tmp_path: Path) -> None:
    """``klantreis app --participants 10`` keeps ten kernels ready: the number travels
    on the server's command line into the kernel manager's pool size."""
    from klantreis.app import server_command
    from klantreis.app.server import server_config
    from klantreis.workshop_size import DEFAULT_PARTICIPANTS

    project = tmp_path / "p.yaml"
    command = server_command("app", project, 8866, "127.0.0.1", open_browser=False, participants=10)
    assert command[command.index("--participants") + 1] == "10"
    assert "--participants" not in server_command("app", project, 8866, "127.0.0.1", open_browser=False)
    assert server_config("127.0.0.1", 8866, participants=10).WarmKernelManager.warm_kernels == 10
    assert server_config("127.0.0.1", 8866).WarmKernelManager.warm_kernels == DEFAULT_PARTICIPANTS


@pytest.mark.parametrize("value", ["0", "61", "-3"])
def test_an_impossible_number_of_participants_is_refused_before_the_server_starts(
    tmp_path: Path, value: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from klantreis.cli import main

    project = tmp_path / "p.yaml"
    assert main(["app", str(project), "--participants", value, "--no-browser"]) != 0
    err = capsys.readouterr().err
    assert f"--participants {value} kan niet" in err and "van 1 tot 60" in err
    assert not project.exists()


def test_a_busy_server_waits_for_a_steps_form_instead_of_showing_an_empty_page() -> None:
    """When ten pages open at once on a two-core laptop the server reads each step's
    output (its form) late; with nbclient's 4 s default it gave up and the page came
    up without a form, for good (4 of 10 pages in the workshop benchmark)."""
    import nbformat
    from voila.execute import VoilaExecutor

    from klantreis.app.server import server_config

    executor = VoilaExecutor(nbformat.v4.new_notebook(), config=server_config("127.0.0.1", 8866))
    assert executor.iopub_timeout >= 60
