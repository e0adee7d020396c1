"""The research method's loop in the report: per phase the customer's success criteria
next to the measured figures of its touchpoints, and whether the phase has been tested
quantitatively ("getoetst (bron, n=…)" or "niet getoetst"; a value set by hand wins and
says so). Only for templates with the phase field ``getoetst`` (``onderzoek``). All
user text is escaped."""

from __future__ import annotations

from html import escape

from ..evidence.figures import MIN_N, journey_evidence
from ..evidence.tested import phase_tests, uses_tested
from ..evidence.wording import score_text
from ..messages import Catalog
from ..model import Journey

#: The phase field with the customer's success criteria (``onderzoek``).
CRITERIA = "succescriteria"

TEXTS = Catalog("report_tested", {
    "heading": ("Kwantitatieve toets per fase", "Quantitative check per phase"),
    "intro": (
        "Een fase is getoetst als elk touchpoint erin een gemeten score heeft met minstens "
        "{min_n} antwoorden; een waarde die met de hand is gezet, gaat voor.",
        "A phase is tested when every touchpoint in it has a measured score with at least "
        "{min_n} answers; a value set by hand comes first.",
    ),
    "phase": ("Fase", "Phase"),
    "criteria": ("Succescriteria", "Success criteria"),
    "measured": ("Gemeten", "Measured"),
    "tested": ("Getoetst", "Tested"),
    "not_measured": ("niet gemeten", "not measured"),
})  # fmt: skip


def tested_section(
    journey: Journey,
    persona: str,
    scenario: str,
    language: str,
    source: str | None = None,
    min_n: int = MIN_N,
) -> str:
    """The table as HTML, or "" when the journey's template has no such field."""
    if not uses_tested(journey):
        return ""
    lang = language
    tests = phase_tests(journey, persona, scenario, source, min_n)
    evidence = journey_evidence(journey, persona, scenario, source, min_n) if journey.ids("sources") else None
    phases = {str(p["id"]): p for p in journey.records("phases")}
    rows = []
    for test in tests:
        phase = phases[test.phase]
        criteria = str((phase.get("extra") or {}).get(CRITERIA) or "")
        unmeasured = TEXTS.text("not_measured", lang)
        figures = [
            f"{escape(r['name'])}: {escape(score_text(r['score'], lang, r['assumed']) or unmeasured)}"
            for r in (evidence.rows if evidence else [])
            if r["phase"] == test.phase
        ]
        rows.append(
            "<tr>"
            f"<td>{escape(str(phase['name'] or phase['id']))}</td>"
            f"<td>{escape(criteria) or '–'}</td>"
            f"<td>{'<br>'.join(figures) or '–'}</td>"
            f'<td class="kr-tested">{escape(test.describe(lang))}</td>'
            "</tr>"
        )
    head = "".join(
        f"<th>{escape(TEXTS.text(k, lang))}</th>" for k in ("phase", "criteria", "measured", "tested")
    )
    return (
        f"<h3>{escape(TEXTS.text('heading', lang))}</h3>"
        f"<p>{escape(TEXTS.text('intro', lang, min_n=min_n))}</p>"
        f'<table class="kr-table"><tr>{head}</tr>{"".join(rows)}</table>'
    )
