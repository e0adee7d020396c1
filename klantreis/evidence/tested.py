"""Whether each phase of a journey has been tested quantitatively: the research
method's loop (the ``onderzoek`` template's phase field ``getoetst``). Pure: reads the
journey, changes nothing.

A phase counts as tested for one persona × scenario when every touchpoint it has there
carries a measured score with at least ``min_n`` answers (the same minimum below which
a figure is "te weinig antwoorden"). The template's yes/no field is an override: a value
set by hand wins, and is shown as set by hand.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..coercion import missing
from ..messages import Catalog
from ..model import Journey
from ..templates import template_fields
from .figures import MIN_N, journey_evidence

#: The phase field (declared by a template, kind yes/no) that holds the team's answer.
FIELD = "getoetst"

TEXTS = Catalog("evidence_tested", {
    "tested": ("getoetst ({sources}, {n})", "tested ({sources}, {n})"),
    "not_tested": ("niet getoetst", "not tested"),
    "by_hand_yes": ("getoetst (met de hand gezet)", "tested (set by hand)"),
    "by_hand_no": ("niet getoetst (met de hand gezet)", "not tested (set by hand)"),
    "measured_says": ("meting: {what}", "measurement: {what}"),
    "partly": ("{covered} van {total} met genoeg antwoorden", "{covered} of {total} with enough answers"),
    "touchpoint": ("touchpoint", "touchpoint"), "touchpoint+": ("touchpoints", "touchpoints"),
    "no_touchpoints": ("geen touchpoints", "no touchpoints"),
})  # fmt: skip


@dataclass(frozen=True)
class PhaseTest:
    """One phase of one journey: ``tested`` (the answer that counts), ``measured`` (what
    the evidence says), ``by_hand`` (the manual value, None when not set), the sources
    and the smallest and largest n of its touchpoints' scores, its touchpoints and how
    many of them have enough answers."""

    phase: str
    tested: bool
    measured: bool
    by_hand: bool | None
    sources: tuple[str, ...]
    n_low: int | None
    n_high: int | None
    touchpoints: int
    covered: int

    def describe(self, language: str) -> str:
        """ "getoetst (enquete-2026, n=22)", "niet getoetst", or the value set by hand
        with what the measurement says next to it."""
        measured = self._measured(language)
        if self.by_hand is None:
            return measured
        text = TEXTS.text("by_hand_yes" if self.by_hand else "by_hand_no", language)
        return f"{text}; {TEXTS.text('measured_says', language, what=measured)}"

    def _measured(self, language: str) -> str:
        if self.measured:
            n = f"n={self.n_low}" if self.n_low == self.n_high else f"n={self.n_low}–{self.n_high}"
            return TEXTS.text("tested", language, sources=", ".join(self.sources), n=n)
        text = TEXTS.text("not_tested", language)
        if not self.touchpoints:
            return f"{text} ({TEXTS.text('no_touchpoints', language)})"
        if self.covered:
            total = TEXTS.counted("touchpoint", self.touchpoints, language)
            return f"{text} ({TEXTS.text('partly', language, covered=self.covered, total=total)})"
        return text


def uses_tested(journey: Journey) -> bool:
    """True when the journey's template has the phase field ``getoetst``."""
    return bool(journey.template) and template_fields(journey.template).get("phases", FIELD) is not None


def phase_tests(
    journey: Journey, persona: str, scenario: str, source: str | None = None, min_n: int = MIN_N
) -> list[PhaseTest]:
    """Per phase of the project, in order, whether it is tested for ``persona`` in
    ``scenario`` (see the module). ``source`` restricts the evidence to one source."""
    evidence = journey_evidence(journey, persona, scenario, source, min_n) if journey.ids("sources") else None
    rows = evidence.rows if evidence else []
    steps = [str(p) for p in journey.journey(persona, scenario)["phase"]]
    out = []
    for phase in journey.records("phases"):
        mine = [r for r in rows if r["phase"] == phase["id"]]
        total = steps.count(str(phase["id"]))
        enough = [r for r in mine if r["score"] is not None and r["score"].n >= min_n]
        ns = [r["score"].n for r in enough]
        measured = bool(mine) and len(enough) == len(mine)
        value = (phase.get("extra") or {}).get(FIELD)
        by_hand = None if missing(value) else bool(value)
        sources = tuple(dict.fromkeys(s for r in enough for s in r["score_sources"]))
        out.append(
            PhaseTest(
                phase=str(phase["id"]),
                tested=measured if by_hand is None else by_hand,
                measured=measured,
                by_hand=by_hand,
                sources=sources,
                n_low=min(ns) if ns else None,
                n_high=max(ns) if ns else None,
                touchpoints=total,
                covered=len(enough),
            )
        )
    return out
