"""``klantreis app`` and ``klantreis wall`` on the command line: parsing only, the
engine (klantreis.app.serve) patched."""

from __future__ import annotations

from unittest import mock

import pytest

from klantreis.cli import main


@mock.patch("klantreis.app.serve", return_value=0)
def test_app_passes_every_option(serve: mock.Mock) -> None:
    assert (
        main([
            "app", "reis.yaml", "--port", "9000", "--host", "0.0.0.0", "--token", "geheim", "--no-browser",
            "--participants", "12",
        ])
        == 0
    )  # fmt: skip
    serve.assert_called_once_with(
        "app", "reis.yaml", port=9000, host="0.0.0.0", token="geheim", password=False, open_browser=False,
        participants=12,
    )  # fmt: skip


@mock.patch("klantreis.app.serve", return_value=0)
def test_defaults_are_localhost_without_token(serve: mock.Mock) -> None:
    main(["wall", "reis.yaml"])
    serve.assert_called_once_with(
        "wall", "reis.yaml", port=None, host="127.0.0.1", token=None, password=False, open_browser=True,
        participants=None,
    )  # fmt: skip
    main(["app", "reis.yaml", "--password"])
    assert serve.call_args.kwargs["password"] is True


@mock.patch("klantreis.app.serve", return_value=0)
def test_token_and_password_exclude_each_other(serve: mock.Mock, capsys) -> None:
    with pytest.raises(SystemExit):
        main(["app", "reis.yaml", "--token", "x", "--password"])
    assert "--password: kan niet samen met --token" in capsys.readouterr().err
    serve.assert_not_called()


@mock.patch("klantreis.app.serve", return_value=0)
def test_app_refuses_jupyterlab_arguments(serve: mock.Mock) -> None:
    with pytest.raises(SystemExit):
        main(["app", "reis.yaml", "--allow-root"])
    serve.assert_not_called()


def test_a_bad_port_is_a_message(capsys, tmp_path) -> None:
    assert main(["app", str(tmp_path / "reis.yaml"), "--port", "70000"]) == 1
    assert "70000" in capsys.readouterr().err
