"""The pieces behind the command line's language and its messages, tested in this
process: which language it speaks, argparse's texts still being the ones translated,
the YAML parser's words, what an OS error means, and when a step notebook is headless."""

from __future__ import annotations

import argparse
import errno
import inspect
import random
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml

from klantreis.cli_argparse import ARGPARSE_IDS, cli_language
from klantreis.oserrors import explain
from klantreis.widgets import show
from klantreis.yamlio.wording import describe, known


# ------------------------------------------------------------------ language
def test_the_language_is_the_option_then_the_project_then_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    english = tmp_path / "en.yaml"
    english.write_text("klantreis: 1\ntitle: T\nlanguage: en  # English\n", encoding="utf-8")
    dutch = tmp_path / "nl.yaml"
    dutch.write_text("klantreis: 1\ntitle: T\nlanguage: 'nl'\n", encoding="utf-8")
    monkeypatch.delenv("KLANTREIS_LANG", raising=False)
    assert cli_language([]) == "nl"
    assert cli_language(["build", str(english)]) == "en"
    assert cli_language(["validate", str(dutch), str(english)]) == "nl"  # the first project named
    assert cli_language(["--language", "en", "build", str(dutch)]) == "en"
    assert cli_language(["new", "x.yaml", "--lang=en"]) == "en"  # argparse takes the short form too
    assert cli_language(["new", "x.yaml", "--language", "fr"]) == "nl"  # not a language: argparse says so
    assert cli_language(["lab", "--", "--language", "en"]) == "nl"
    monkeypatch.setenv("KLANTREIS_LANG", "en")
    assert cli_language(["build", str(tmp_path / "weg.yaml")]) == "en"
    assert cli_language(["build", str(dutch)]) == "nl"  # a Dutch project speaks Dutch


def test_argparse_still_uses_every_text_klantreis_translates() -> None:
    """A newer Python that rewords one of argparse's messages fails here, instead of
    showing it in English to a Dutch user."""
    source = inspect.getsource(argparse)
    missing = [text for text in ARGPARSE_IDS.values() if repr(text) not in source]
    assert missing == []


# ------------------------------------------------------------------ YAML's words
MUTATIONS = list(":-[]{}\"'\t&*!%|>?#,\n @`\\") + [
    "---\n", "...\n", "%YAML 1.1\n", "%YAML 1.1\n%YAML 1.1\n", "%YAML 2.0\n", "%TAG ! x\n", "%FOO\n",
    "\"\\q", "|0", "|+-", ">9", "!<", "!<%zz>", "? ", "&a ", "\"\\u12", "\"\\x4", "\t- ", "[a, b", "{a: b",
    "- - ", "a: - b", "{[1]: 2}", "|1\n x",
]  # fmt: skip


def broken_texts(count: int) -> list[str]:
    """Project-like YAML with a few characters typed in the wrong place (seeded)."""
    base = (Path(__file__).resolve().parent.parent / "examples" / "sportschool.yaml").read_text(
        encoding="utf-8"
    )[:2500]
    rng = random.Random(21)
    texts = []
    for _ in range(count):
        text = base if rng.random() < 0.8 else "a: b\n"
        for _ in range(rng.randint(1, 3)):
            at = rng.randrange(len(text))
            text = text[:at] + rng.choice(MUTATIONS) + text[at:]
        texts.append(text)
    return texts


@pytest.mark.parametrize(
    "loader",
    sorted({yaml.SafeLoader, getattr(yaml, "CSafeLoader", yaml.SafeLoader)}, key=lambda c: c.__name__),
    ids=lambda c: c.__name__,
)
def test_every_yaml_syntax_error_is_said_in_dutch(loader: type) -> None:
    """libyaml's words and PyYAML's, over thousands of broken files: each context and
    problem is a known phrase (tags and aliases get messages of their own)."""
    unknown: set[str] = set()
    errors = 0
    for text in broken_texts(2500):
        try:
            yaml.load(text, Loader=loader)
        except yaml.MarkedYAMLError as err:
            if "constructor for the tag" in (err.problem or "") or "alias" in (err.problem or ""):
                continue
            errors += 1
            unknown |= {part for part in (err.context, err.problem) if part and not known(part)}
    assert errors > 1000
    assert unknown == set()


def test_the_parser_words_read_as_the_parser_wrote_them_in_english() -> None:
    what = describe("while parsing a flow sequence", "did not find expected ',' or ']'")
    assert str(what.render("en")) == "while parsing a flow sequence did not find expected ',' or ']'"
    assert what.render("nl") == "in een lijst tussen [ ]: hier werd ',' of ']' verwacht"
    found = describe(None, "expected <block end>, but found '<block mapping start>'")
    assert found.render("nl") == (
        "hier werd het einde van het blok (minder ver ingesprongen) verwacht, maar er staat het begin "
        "van een blok met sleutels"
    )
    assert describe(None, "found character '\\t' that cannot start any token").render("nl") == (
        "het teken '\\t' kan hier niet staan"
    )


# ------------------------------------------------------------------ OS errors
def test_an_os_error_names_what_the_user_gave_not_a_temporary_file(tmp_path: Path) -> None:
    (tmp_path / "bestand").write_text("x", encoding="utf-8")
    (tmp_path / "map").mkdir()
    cases = {
        OSError(
            errno.ENOTDIR, "Not a directory", str(tmp_path / "bestand" / ".x.xlsx.3f2a.tmp")
        ): f"{tmp_path / 'bestand'} is een bestand, geen map; kies een map (of een andere naam)",
        OSError(
            errno.EEXIST, "File exists", str(tmp_path / "bestand")
        ): f"{tmp_path / 'bestand'} is een bestand, geen map; kies een map (of een andere naam)",
        OSError(
            errno.EISDIR, "Is a directory", str(tmp_path / ".map.1.tmp"), None, str(tmp_path / "map")
        ): f"{tmp_path / 'map'} is een map, geen bestand; geef de naam van een bestand",
        OSError(
            errno.ENOENT, "No such file or directory", str(tmp_path / "weg" / "x.xlsx")
        ): f"de map {tmp_path / 'weg'} bestaat niet; maak die eerst aan of kies een andere map",
        OSError(
            errno.EACCES, "Permission denied", str(tmp_path / "map" / ".x.tmp")
        ): f"je mag niet schrijven in {tmp_path / 'map'}; kies een andere map, of vraag om schrijfrechten",
        OSError(
            errno.ENOSPC, "No space left on device"
        ): "de schijf is vol; maak ruimte vrij en probeer het opnieuw",
        OSError(
            errno.EIO, "Input/output error", str(tmp_path / "map")
        ): f"{tmp_path / 'map'} kon niet worden gelezen of geschreven (Input/output error)",
    }
    for err, said in cases.items():
        assert explain(err).render("nl") == said, err
    assert explain(OSError(errno.ENOSPC, "No space left on device"), "uit.xlsx").render("en") == (
        "the disk is full: uit.xlsx could not be written; free some space and try again"
    )


# ------------------------------------------------------------------ headless notebooks
def fake_kernel(allow_stdin: bool) -> SimpleNamespace:
    request = {"header": {"msg_type": "execute_request"}, "content": {"allow_stdin": allow_stdin}}
    return SimpleNamespace(kernel=SimpleNamespace(get_parent=lambda channel=None: request))


@pytest.mark.parametrize(
    ("shell", "voila", "headless"),
    [(None, False, True), (fake_kernel(False), False, True), (fake_kernel(True), False, False),
     (fake_kernel(False), True, False)],
    ids=["no-kernel", "papermill", "jupyterlab", "voila"],
)  # fmt: skip
def test_a_step_is_headless_only_where_nobody_sees_its_form(
    shell: object, voila: bool, headless: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    import IPython

    monkeypatch.setattr(IPython, "get_ipython", lambda: shell)
    if voila:
        monkeypatch.setenv("VOILA_KERNEL_ID", "k-1")
    else:
        monkeypatch.delenv("VOILA_KERNEL_ID", raising=False)
    assert show.headless() is headless


def test_a_headless_step_with_a_wrong_parameter_raises_with_the_message(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(show, "headless", lambda: True)
    with pytest.raises(show.StepError) as info:
        show.show_step("emoties", str(project), persona="studnet")
    assert str(info.value) == "persona 'studnet' bestaat niet; bekend: student, senior, ouder"
    assert info.value._render_traceback_() == [f"StepError: {info.value}"]
    with pytest.raises(show.StepError, match="weg.yaml bestaat nog niet"):
        show.show_step("touchpoints", str(project.parent / "weg.yaml"))
    with pytest.raises(show.StepError, match="unknown scenario 'morgen'"):
        show.show_step("emoties", str(project), scenario="morgen", language="en")
