"""The canonical YAML writer and reader against PyYAML, the reference: the writer gives
PyYAML's bytes, the reader reads what PyYAML reads, and declines the rest."""

from __future__ import annotations

import contextlib
import random

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from klantreis.yamlio import NeedsReference, dump, parse, reader, reference, writer

TRICKY = [
    "", " ", "a", "yes", "No", "null", "~", "true", "1", "-1", "0.5", "1e3", "012", "0x1F",
    "2026-07-01", "- item", "-x", ":", "a: b", "a:b", "a #b", "#tag", "@x", "`x`", "'x'", '"x"',
    "x'", "[a]", "{a}", "&a", "*a", "!x", "|", ">", "%", "?", "? x", "---", "...", "a\nb",
    "a\n b", "a \nb", "\na", "a\n", "a\n\nb", "tab\there", "cr\r\nlf", "nel\x85", "ls\u2028",
    "bom\ufeff", "😄", "Café ☕", "é", "\xa0x", "x\xa0", "a  b", "a ", " a", "\x07", "\\",
    "=SUM(1)", "+31 6", "<<", "=", "Oriëntatie & keuze", "1,5", "1_000", ".inf", "-.inf",
]  # fmt: skip

text = st.one_of(
    st.sampled_from(TRICKY),
    st.text(max_size=30),
    st.text(alphabet=st.sampled_from(list("ab :#-'\"\n\t\r\x85\u2028😄é1.|>")), max_size=12),
)
scalar = st.one_of(text, st.integers(-10**6, 10**6), st.booleans(), st.none(),
                   st.floats(allow_nan=False, allow_infinity=False, width=32))  # fmt: skip
key = st.from_regex(r"[a-z][a-z0-9_-]{0,11}", fullmatch=True)
record = st.dictionaries(key, st.one_of(scalar, st.lists(text, max_size=3)), max_size=6)
document = st.dictionaries(
    key, st.one_of(scalar, st.lists(record, max_size=4), st.dictionaries(key, text, max_size=3)),
    min_size=1, max_size=6,
)  # fmt: skip


@settings(max_examples=300, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(document)
def test_the_writer_gives_pyyaml_bytes_and_the_reader_reads_them_back(data: dict) -> None:
    expected = reference.dump(data)
    with contextlib.suppress(NeedsReference):  # the fast writer hands some values over
        assert writer.dump(data) == expected
    assert dump(data) == expected
    back = reader.read(expected)
    if back is not reader.DECLINED:
        assert back == yaml.safe_load(expected) == data


def test_the_reader_takes_what_klantreis_writes(example_path) -> None:
    content = example_path.read_text(encoding="utf-8")
    assert reader.read(content) == yaml.safe_load(content)


def _mutations(content: str, rng: random.Random) -> list[str]:
    lines = content.split("\n")
    out = []
    for _ in range(150):
        mutated = list(lines)
        i = rng.randrange(len(mutated))
        kind = rng.randrange(6)
        if kind == 0:
            mutated[i] = " " + mutated[i]
        elif kind == 1:
            mutated[i] = mutated[i][1:]
        elif kind == 2:
            mutated.insert(i, rng.choice(["# note", "", "  x: 1", "- a", "key:", "\t"]))
        elif kind == 3:
            j = rng.randrange(len(mutated))
            mutated[i], mutated[j] = mutated[j], mutated[i]
        elif kind == 4 and mutated[i]:
            at = rng.randrange(len(mutated[i]))
            mutated[i] = mutated[i][:at] + rng.choice(":#'\"&*!|> -\\") + mutated[i][at:]
        else:
            mutated[i] = mutated[i] + rng.choice([" ", " #x", ":", "'", " &a", "\\"])
        out.append("\n".join(mutated))
    return out


def test_whatever_the_reader_accepts_pyyaml_reads_the_same(example_path) -> None:
    rng = random.Random(example_path.stem)
    accepted = 0
    for mutated in _mutations(example_path.read_text(encoding="utf-8"), rng):
        got = reader.read(mutated)
        try:
            expected = yaml.load(mutated, Loader=yaml.CSafeLoader)
        except yaml.YAMLError:
            assert got is reader.DECLINED, mutated
            continue
        if got is not reader.DECLINED:
            accepted += 1
            assert got == expected
    assert accepted > 0  # some mutations stay canonical (e.g. a changed plain value)


def test_parse_reports_lines_only_when_asked() -> None:
    data, lines = parse("klantreis: 1\ntitle: T\nphases:\n  - id: a\n    name: A\n")
    assert data["phases"] == [{"id": "a", "name": "A"}]
    assert lines.line_of(("phases", 0, "name")) == 5
    assert lines.line_of(("phases", 0, "missing")) == 4
    assert lines.item_texts("phases") == ["  - id: a\n    name: A\n"]
