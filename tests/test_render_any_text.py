"""Every renderer takes whatever text people type: generated journeys whose every
field holds Dutch compounds joined with hyphens and slashes, words of 1 to 200
letters, emoji sequences, "'s avonds", amounts and ranges, HTML and script
fragments, right-to-left and combining characters, or nothing but spaces.

For each journey the canvas HTML, every chart spec, every report section and the
poster's HTML are made; nothing may raise, and every word of the input must still
be there as text (soft hyphens and the wrapping around joined words aside), escaped
in HTML. Seeded and bounded, so it runs in seconds on every push; the long run, which
also prints each poster to PDF, is ``pytest -m longrun tests/test_render_any_text.py``
(``KLANTREIS_FUZZ_SCALE`` multiplies the examples).
"""

from __future__ import annotations

import json
import os
import re
from html import unescape
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import klantreis
from klantreis import Journey
from klantreis.charts import (
    canvas,
    channel_map,
    emotion_curve,
    grouped_view,
    opportunity_matrix,
    scenario_delta,
)
from klantreis.poster import poster_pdf
from klantreis.poster.paper import get_paper
from klantreis.poster.sheets import plan, sheets_html
from klantreis.report.sections import Report

SCALE = int(os.environ.get("KLANTREIS_FUZZ_SCALE", "1"))
#: Seeded, and without shrinking: a failing journey is printed as generated (shrinking
#: a whole journey takes minutes; the seed makes the failure repeat).
SEEDED = settings(derandomize=True, database=None, deadline=None, phases=[Phase.explicit, Phase.generate],
                  suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])  # fmt: skip

#: What civil servants, nurses and marketeers really type.
TYPED = [
    "kentekenwijzigingsbevestigings-e-mail", "klant-contact-centrum", "aan-/afmelden",
    "in/uit", "e-mail/sms/WhatsApp", "'s avonds", "'s-Hertogenbosch", "€ 12,50", "1,0–5,0",
    "2 à 3x", "10-15 min.", "„Word lid”", "‘snel’", "(14 030)", "50%", "1.250,00",
    "</script><script>alert('why')</script>", "<b>vet</b>", "&amp;", "{{ x }}", "${x}", "%s",
    "\\n", "`code`", "*ster*", "#1", "👩\u200d👩\u200d👧\u200d👦", "👍🏽", "🇳🇱", "😐😞😠🙂",
    "🏳️\u200d🌈", "שלום", "مرحبا", "e\u0301e\u0301n", "Zoë", "ĳsselmeer", "ﬁets", "ß",
]  # fmt: skip

LETTERS = st.characters(whitelist_categories=("Ll", "Lu"), max_codepoint=0x24F)


@st.composite
def compound(draw: Any) -> str:
    """Parts of any width joined by hyphens, slashes or Unicode hyphens, sometimes
    ending in the joiner itself ("bevestigings-")."""
    parts = draw(st.lists(st.text(LETTERS, min_size=1, max_size=30), min_size=2, max_size=6))
    joiners = [draw(st.sampled_from(["-", "/", "\u2011", "-/"])) for _ in parts]
    text = "".join(p + j for p, j in zip(parts, joiners, strict=True))
    return text if draw(st.booleans()) else text[: -len(joiners[-1])]


WORD = st.one_of(
    st.sampled_from(TYPED),
    compound(),
    st.text(LETTERS, min_size=1, max_size=200),
    st.from_regex(r"[0-9]{1,5}([,.][0-9]{1,2})?(–[0-9]{1,5})?", fullmatch=True),
    st.text(st.characters(min_codepoint=0x1F300, max_codepoint=0x1FAFF), min_size=1, max_size=6),
)
#: A field's text: words joined by spaces, sometimes over lines, sometimes only space.
TEXT = st.one_of(
    st.lists(WORD, min_size=1, max_size=6).map(" ".join),
    st.lists(WORD, min_size=2, max_size=4).map("\n".join),
    st.sampled_from(["", " ", "\t", "  \n "]),
)
NAME = st.lists(WORD, min_size=1, max_size=4).map(" ".join)  # names are required


@st.composite
def journeys(draw: Any) -> tuple[Journey, list[str]]:
    """A journey with two personas, two scenarios and three phases whose every text
    field is generated; also the texts the renderers must keep, one per field."""
    template = draw(st.sampled_from(["", "canvas", "michels"]))
    j = klantreis.new_journey(template) if template else Journey(title="x")
    texts: list[str] = []

    def text(required: bool = False) -> str:
        value = draw(NAME if required else TEXT)
        texts.append(value)
        return value

    j.set_title(text(True))
    j.set_goal(text())
    j.set_scope(start=text(), end=text())
    for i in range(3):
        j.add_phase(f"f{i}", text(True), duration=text(), user_goal=text())
    for p in ("p0", "p1"):
        j.add_persona(p, text(True), description=text(), role=text(), context=text(),
                      needs=[text(True)], frustrations=[text(True)])  # fmt: skip
    j.add_scenario("later", text(True))
    scores = [point.score for point in j.scale]
    for k in range(draw(st.integers(1, 7))):
        for persona in ("p0", "p1"):
            for scenario in (j.default_scenario, "later"):
                j.add_touchpoint(
                    f"t{k}", persona, f"f{k % 3}", text(True), scenario=scenario, channel=text(),
                    why=text(), thoughts=text(), ideas=text(), backstage=text(), data=text(),
                    emotion=draw(st.sampled_from([None, *scores])), critical=draw(st.booleans()),
                    owned=draw(st.sampled_from([None, True, False])),
                )  # fmt: skip
    j.add_opportunity("o0", text(True), touchpoint="t0", persona="p0", impact=4, effort=2, owner=text())
    j.add_opportunity("o1", text(True), phase="f1", impact=2, effort=4, status=text())
    j.set_review_notes(text())
    return j, texts


def _words(texts: list[str]) -> set[str]:
    return {word for text in texts for word in text.split()}


def _visible(html: str) -> str:
    """The text a reader sees in ``html``: tags, scripts and soft hyphens gone."""
    html = re.sub(r"<script\b.*?</script>", " ", html, flags=re.S)
    html = re.sub(r"<style\b.*?</style>", " ", html, flags=re.S)
    html = re.sub(r"<(br|/?(div|p|td|th|tr|li|ul|ol|h\d|section|table|b))\b[^>]*>", " ", html)
    return unescape(re.sub(r"<[^>]+>", "", html)).replace("\u00ad", "")


def _strings(spec: Any) -> str:
    """Every string in a chart spec (its data, titles and labels), one per line."""
    if isinstance(spec, dict):
        return "\n".join(_strings(v) for v in spec.values())
    if isinstance(spec, list):
        return "\n".join(_strings(v) for v in spec)
    return spec if isinstance(spec, str) else ""


def _assert_kept(words: set[str], rendered: str, what: str) -> None:
    missing = [w for w in words if w not in rendered]
    assert not missing, f"{what} lost {missing[:5]}"


def _no_live_markup(html: str) -> None:
    """User text never becomes markup: no script of ours beyond the page's own."""
    assert "<script><script>" not in html and "alert('why')</script>" not in html
    assert "<b>vet</b>" not in html


def render_everything(journey: Journey, texts: list[str], folder: Path, pdf: bool = False) -> None:
    """Render every output of ``journey`` and check the texts are kept; with ``pdf``
    the poster is printed too (seconds each, so in the long run only)."""
    j = journey
    tps = j.records("touchpoints")
    p0 = j.default_scenario
    drawn = canvas(j, "p0", p0)
    canvas_html = drawn.to_html()
    _no_live_markup(canvas_html)
    shown = _visible(canvas_html)
    _assert_kept(_words([r["name"] for r in tps if r["persona"] == "p0" and r["scenario"] == p0]),
                 shown, "canvas")  # fmt: skip
    _assert_kept(_words([r["why"] for r in tps if r["persona"] == "p0" and r["scenario"] == p0]),
                 shown, "canvas")  # fmt: skip
    charts = [
        emotion_curve(j, "p0", p0), emotion_curve(j), emotion_curve(j, "p0", [p0, "later"]),
        channel_map(j, "p0", p0), scenario_delta(j, "p0", p0, "later"),
        opportunity_matrix(j, "p0", p0),
    ]  # fmt: skip
    if j.template == "michels":
        _no_live_markup(grouped_view(j, "ttsc", "p0", p0).html_fragment())
    for chart in charts:
        spec = chart.to_dict(validate=False)  # the specs' validity: tests/test_charts.py
        json.dumps(spec)
        assert "datasets" in spec or "data" in spec
    curve = _strings(charts[0].to_dict(validate=False))
    _assert_kept(_words([r["why"] for r in tps if r["persona"] == "p0" and r["scenario"] == p0]),
                 curve, "curve tooltips")  # fmt: skip
    path = folder / "reis.yaml"
    klantreis.save(j, path)
    report = Report(str(path), "p0", p0)
    sections = [
        report.header(), report.figures(), report.canvas(), report.groups(), report.emotion_curve(),
        report.evidence(), report.channel_map(), report.comparison(), report.template_fields(),
        report.findings(), report.review(), report.opportunities(),
    ]  # fmt: skip
    page = "\n".join(section.html for section in sections)
    _no_live_markup(page)
    _assert_kept(_words(texts[:4]), _visible(page), "report header")  # title, goal, scope
    own = [r["description"] for r in j.records("opportunities")]
    _assert_kept(_words(own), _visible(page), "report opportunities")
    html = sheets_html(drawn, get_paper("A3"), plan(drawn, get_paper("A3")))
    _no_live_markup(html)
    _assert_kept(_words([r["name"] for r in tps if r["persona"] == "p0" and r["scenario"] == p0]),
                 _visible(html), "poster")  # fmt: skip
    if pdf:
        assert poster_pdf(j, "p0", p0).startswith(b"%PDF")


@settings(SEEDED, max_examples=3 * SCALE)
@given(journeys())
def test_every_renderer_takes_any_text(tmp_path_factory: Any, made: tuple[Journey, list[str]]) -> None:
    render_everything(*made, tmp_path_factory.mktemp("reis"))


@pytest.mark.longrun
@settings(SEEDED, max_examples=60 * SCALE)
@given(journeys())
def test_every_renderer_takes_any_text_long_run(tmp_path_factory: Any, made: Any) -> None:
    render_everything(*made, tmp_path_factory.mktemp("reis"), pdf=True)
