"""How evidence is put into words wherever it is shown (charts, canvas, report, forms):
statuses, counts per touchpoint and numbers in Dutch or English style."""

from __future__ import annotations

from typing import Any

from ..messages import Catalog, number
from ..templates import journey_word
from .figures import CONFIRMED, NO_ASSUMPTION, NOT_CONFIRMED, SMALL_DIFFERENCE, TOO_FEW, UNMEASURED, Score
from .texts import text as evidence_text

WORDS = Catalog("evidence_words", {
    CONFIRMED: ("aanname bevestigd", "assumption confirmed"),
    NOT_CONFIRMED: ("aanname niet bevestigd", "assumption not confirmed"),
    SMALL_DIFFERENCE: ("klein verschil", "small difference"),
    TOO_FEW: ("te weinig antwoorden", "too few answers"),
    NO_ASSUMPTION: ("geen aanname", "no assumption"),
    UNMEASURED: ("niet gemeten", "not measured"),
    "measured": ("gemeten", "measured"),
    "measured_band": ("gemeten gemiddelde met 95%-interval", "measured mean with 95% interval"),
    "assumed": ("aanname", "assumption"),
    "score": ("gemeten {mean} (n={n})", "measured {mean} (n={n})"),
    "score_ci": ("gemeten {mean} ({low}–{high}, n={n})", "measured {mean} ({low}–{high}, n={n})"),
    "calls_month": ("{calls} per maand", "{calls} per month"),
    "calls_month_days": ("{calls} per maand (omgerekend uit {days})",
                         "{calls} per month (extrapolated from {days})"),
    # counted nouns (singular, plural: see Catalog.counted)
    "call": ("gesprek", "call"), "call+": ("gesprekken", "calls"),
    "visit": ("bezoek", "visit"), "visit+": ("bezoeken", "visits"),
    "interview": ("interview", "interview"), "interview+": ("interviews", "interviews"),
    "day": ("dag", "day"), "day+": ("dagen", "days"),
    "few_note": ("○ te weinig antwoorden (n < {min_n})", "○ too few answers (n < {min_n})"),
    "flag_note": ("⚠ aanname niet bevestigd", "⚠ assumption not confirmed"),
    "sources": ("bron: {sources}", "source: {sources}"),
    "all_sources": ("alle bronnen", "all sources"),
})  # fmt: skip


def word(code: str, language: str, /, **params: Any) -> str:
    """The text ``code`` in ``language``."""
    return WORDS.text(code, language, **params)


def kind_label(kind: str, template_id: str | None, language: str) -> str:
    """The name of an evidence kind as a journey's readers see it: calls and messages
    in the template's own word ("contact met medewerkers" in an employee journey,
    never "klantcontact" there), the other kinds by their usual name."""
    if kind == "calls":
        return journey_word(template_id, "contact", language)
    return evidence_text(f"kind_{kind}", language)


def interval_decimals(score: Score, assumed: float | None = None, most: int = 3) -> int:
    """The decimals (1 to ``most``) with which the interval must be printed so that the
    printed bounds hold ``assumed`` exactly when the interval does: 4.99 must not print
    as 5.0 next to "assumption not confirmed"."""
    if assumed is None or score.ci_low is None or score.ci_high is None:
        return 1
    inside = score.ci_low <= assumed <= score.ci_high
    for decimals in range(1, most):
        low, high = round(score.ci_low, decimals), round(score.ci_high, decimals)
        if (low <= assumed <= high) == inside and (round(score.mean, decimals) != assumed or inside):
            return decimals
    return most


def score_text(score: Score | None, language: str, assumed: float | None = None) -> str:
    """ "gemeten 2,4 (2,2–2,7, n=57)" or "" when not measured; with ``assumed``, as many
    decimals as it takes for the printed interval to agree with the flag."""
    if score is None:
        return ""
    decimals = interval_decimals(score, assumed)
    mean = number(score.mean, language, decimals)
    if score.ci_low is None or score.ci_high is None:
        return word("score", language, mean=mean, n=score.n)
    return word(
        "score_ci",
        language,
        mean=mean,
        low=number(score.ci_low, language, decimals),
        high=number(score.ci_high, language, decimals),
        n=score.n,
    )


def count_notes(row: dict[str, Any], language: str) -> list[str]:
    """The counts of a touchpoint row (see :func:`~.figures.journey_evidence`) as short
    texts: calls (per month when the sources have a period), visits, interviews."""
    notes = []
    if row.get("calls") is not None:
        if row.get("calls_per_month") is not None:
            month = row["calls_per_month"]
            calls = WORDS.counted("call", month, language, number(month, language))
            days = row.get("calls_days")
            notes.append(
                word("calls_month_days", language, calls=calls, days=WORDS.counted("day", days, language))
                if days
                else word("calls_month", language, calls=calls)
            )
        else:
            notes.append(_counted("call", row["calls"], language))
    for noun in ("visit", "interview"):
        if row.get(noun + "s") is not None:
            notes.append(_counted(noun, row[noun + "s"], language))
    return notes


def _counted(noun: str, count: float, language: str) -> str:
    return WORDS.counted(noun, count, language, number(count, language, 0))


def figure_notes(row: dict[str, Any], language: str) -> list[str]:
    """Everything measured at a touchpoint, as short texts: the score (with its status
    when it is not simply confirmed) and the counts."""
    notes = []
    if row.get("score") is not None:
        text = score_text(row["score"], language, row.get("assumed"))
        if row["status"] in (NOT_CONFIRMED, SMALL_DIFFERENCE, TOO_FEW):
            text += f" · {word(row['status'], language)}"
        notes.append(text)
    return notes + count_notes(row, language)
