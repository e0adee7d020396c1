"""Every user-facing text exists in Dutch and English with the same placeholders."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

import klantreis
from klantreis.messages import CATALOGS, Catalog, placeholders, use_language


def _import_all() -> None:
    for module in pkgutil.walk_packages(klantreis.__path__, "klantreis."):
        if module.name.endswith("__main__"):
            continue
        importlib.import_module(module.name)


def test_every_catalog_has_both_languages_with_the_same_placeholders() -> None:
    _import_all()
    assert CATALOGS, "no message catalogs found"
    for catalog in CATALOGS.values():
        for code, (nl, en) in catalog.texts.items():
            assert nl.strip() and en.strip(), f"{catalog.name}.{code} lacks a language"
            assert placeholders(nl) == placeholders(en), f"{catalog.name}.{code}"


def test_a_message_renders_in_the_chosen_language_and_nested_messages_follow() -> None:
    cat = Catalog(
        "test-demo",
        {
            "outer": ("Niet opgeslagen: {reason}", "Not saved: {reason}"),
            "inner": ("naam {name!r} is al in gebruik", "name {name!r} is already in use"),
        },
    )
    msg = cat.msg("outer", reason=cat.msg("inner", name="x"))
    assert msg.render("nl") == "Niet opgeslagen: naam 'x' is al in gebruik"
    assert msg.render("en") == "Not saved: name 'x' is already in use"
    with use_language("en"):
        assert str(msg) == "Not saved: name 'x' is already in use"
    with pytest.raises(KeyError):
        cat.msg("missing")


def test_the_environment_sets_the_default_language(monkeypatch: pytest.MonkeyPatch) -> None:
    cat = Catalog("test-env", {"hi": ("hallo", "hello")})
    monkeypatch.delenv("KLANTREIS_LANG", raising=False)
    assert cat.text("hi") == "hallo"
    monkeypatch.setenv("KLANTREIS_LANG", "en_GB.UTF-8")
    assert cat.text("hi") == "hello"
    with use_language("nl"):
        assert cat.text("hi") == "hallo"
