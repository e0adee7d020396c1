"""How many respondents a survey needs per persona (``klantreis evidence plan``), from
the same formulas the figures are computed with (:mod:`klantreis.evidence.stats`):

- a mean (``score``, CES): the t-interval, ``t(n−1) · sd / √n ≤ margin``; since t
  depends on n, n is searched upward from the normal approximation;
- a share (CSAT): the Wilson interval's half-width at the expected share ``p``
  (default 0.5, the worst case), margin in percentage points;
- an NPS: the adjusted-Wald interval's half-width in points with the worst-case
  variance (half promoters, half detractors): ``100 · z / √(n + 3) ≤ margin``.

Pure: no project is read.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..errors import JourneyError
from ..messages import LANGUAGES, Catalog, current_language, number
from .stats import CONFIDENCE, _normal_quantile, t_quantile

METRICS = ("score", "nps", "csat", "ces")
#: The standard deviation assumed for a mean when none is given: the largest one the
#: metric's usual scale allows (half the answers at each end): 1–5 for a score, 1–7 for
#: a CES.
WORST_SD = {"score": 2.0, "ces": 3.0}
SCALES = {"score": "1–5", "ces": "1–7"}
#: Never plan more than this many respondents (a margin of almost nothing).
MOST = 10_000_000

TEXTS = Catalog("evidence_plan", {
    "mean": (
        "Voor een marge van ±{margin} schaalpunt (de halve breedte van het {conf}%-interval) "
        "bij een standaardafwijking van {sd}{sd_note} zijn {n} respondenten per persona nodig "
        "(t-interval: {t} × {sd} / √{n} = {half}).",
        "For a margin of ±{margin} scale points (half the width of the {conf}% interval) with a "
        "standard deviation of {sd}{sd_note}, a survey needs {n} respondents per persona "
        "(t-interval: {t} × {sd} / √{n} = {half}).",
    ),
    "worst_sd": (
        " (het grootst mogelijke op een schaal {scale}; geef --sd met de standaardafwijking "
        "van een eerdere meting voor een kleiner aantal)",
        " (the largest a {scale} scale allows; give --sd with the standard deviation of an "
        "earlier measurement for a smaller number)",
    ),
    "csat": (
        "Voor een marge van ±{margin} procentpunt (de halve breedte van het {conf}%-Wilson-"
        "interval) bij een verwacht aandeel tevreden van {share}%{share_note} zijn {n} "
        "respondenten per persona nodig (halve breedte bij n={n}: {half} procentpunt).",
        "For a margin of ±{margin} percentage points (half the width of the {conf}% Wilson "
        "interval) with an expected share satisfied of {share}%{share_note}, a survey needs {n} "
        "respondents per persona (half-width at n={n}: {half} percentage points).",
    ),
    "worst_share": (" (het slechtste geval; geef --share voor een verwachting)",
                    " (the worst case; give --share for an expectation)"),
    "nps": (
        "Voor een marge van ±{margin} NPS-punten (de halve breedte van het {conf}%-interval, "
        "aangepaste Wald) zijn in het slechtste geval (evenveel promotors als criticasters, "
        "geen passieven) {n} respondenten per persona nodig (halve breedte bij n={n}: {half} "
        "punten).",
        "For a margin of ±{margin} NPS points (half the width of the {conf}% interval, adjusted "
        "Wald) a survey needs, in the worst case (as many promoters as detractors, no "
        "passives), {n} respondents per persona (half-width at n={n}: {half} points).",
    ),
    "per_persona": (
        "Dat is per persona en scenario waarvoor je een uitspraak wilt; reken op uitval "
        "(onvolledige antwoorden, 'weet niet') en nodig meer mensen uit.",
        "That is per persona and scenario you want to say something about; expect losses "
        "(incomplete responses, 'don't know') and invite more people.",
    ),
    "bad_margin": ("De marge moet groter zijn dan 0 (gegeven: {value}).",
                   "The margin must be more than 0 (given: {value})."),
    "bad_points": ("De marge is in punten van 0 tot 100 (gegeven: {value}).",
                   "The margin is in points from 0 to 100 (given: {value})."),
    "bad_sd": ("De standaardafwijking (--sd) moet groter zijn dan 0 (gegeven: {value}).",
               "The standard deviation (--sd) must be more than 0 (given: {value})."),
    "bad_confidence": ("Het betrouwbaarheidsniveau (--confidence) ligt tussen 0 en 1, "
                       "bijvoorbeeld 0.95 (gegeven: {value}).",
                       "The confidence level (--confidence) lies between 0 and 1, for "
                       "example 0.95 (given: {value})."),
    "bad_share": ("Het verwachte aandeel (--share) ligt tussen 0 en 1 of tussen 0 en 100 "
                  "procent (gegeven: {value}).",
                  "The expected share (--share) lies between 0 and 1 or between 0 and 100 "
                  "per cent (given: {value})."),
    "too_many": ("Voor deze marge zijn meer dan {most} respondenten nodig: kies een ruimere marge.",
                 "This margin needs more than {most} respondents: choose a wider margin."),
})  # fmt: skip


@dataclass(frozen=True)
class Plan:
    """The respondents one persona needs: ``n``, and the interval's half-width at that
    n (in scale points for a mean, in points 0–100 for a share or an NPS)."""

    metric: str
    n: int
    half_width: float
    critical: float


def _check(margin: float, confidence: float) -> None:
    if not margin > 0 or math.isinf(margin):
        raise JourneyError(TEXTS.msg("bad_margin", value=margin))
    if not 0 < confidence < 1:
        raise JourneyError(TEXTS.msg("bad_confidence", value=confidence))


def mean_half_width(n: int, sd: float, confidence: float = CONFIDENCE) -> float:
    """The half-width of the t-interval of a mean of ``n`` answers with sample sd ``sd``."""
    return t_quantile(0.5 + confidence / 2, n - 1) * sd / math.sqrt(n)


def plan_mean(margin: float, sd: float = WORST_SD["score"], confidence: float = CONFIDENCE) -> Plan:
    """The smallest n (at least 2) whose t-interval is at most ``margin`` either side."""
    _check(margin, confidence)
    if not sd > 0 or math.isinf(sd):
        raise JourneyError(TEXTS.msg("bad_sd", value=sd))
    z = _normal_quantile(0.5 + confidence / 2)
    n = max(2, math.floor((z * sd / margin) ** 2))  # t > z: never more than needed
    while mean_half_width(n, sd, confidence) > margin:
        n += 1
        if n > MOST:
            raise JourneyError(TEXTS.msg("too_many", most=MOST))
    return Plan("score", n, mean_half_width(n, sd, confidence), t_quantile(0.5 + confidence / 2, n - 1))


def wilson_half_width(n: int, share: float, z: float) -> float:
    """The half-width of the Wilson interval at observed share ``share`` of ``n``."""
    return z / (1 + z * z / n) * math.sqrt(share * (1 - share) / n + z * z / (4 * n * n))


def _points(margin: float) -> float:
    if margin >= 100:
        raise JourneyError(TEXTS.msg("bad_points", value=margin))
    return margin / 100


def plan_share(margin: float, share: float = 0.5, confidence: float = CONFIDENCE) -> Plan:
    """The smallest n whose Wilson interval at ``share`` is at most ``margin``
    percentage points either side (a CSAT: the share of the top two answers)."""
    _check(margin, confidence)
    if not 0 <= share <= 1:
        raise JourneyError(TEXTS.msg("bad_share", value=share))
    z = _normal_quantile(0.5 + confidence / 2)
    half = _points(margin)
    n = max(1, math.floor(z * z * share * (1 - share) / half**2) // 2)
    while wilson_half_width(n, share, z) > half:
        n += 1
        if n > MOST:
            raise JourneyError(TEXTS.msg("too_many", most=MOST))
    return Plan("csat", n, 100 * wilson_half_width(n, share, z), z)


def plan_nps(margin: float, confidence: float = CONFIDENCE) -> Plan:
    """The smallest n whose adjusted-Wald NPS interval is at most ``margin`` points
    either side in the worst case: variance ``p + d − (p − d)² = 1`` over ``n + 3``."""
    _check(margin, confidence)
    half = _points(margin)
    z = _normal_quantile(0.5 + confidence / 2)
    n = max(1, math.ceil((z / half) ** 2 - 3))
    while n > 1 and z / math.sqrt(n - 1 + 3) <= half:
        n -= 1
    while z / math.sqrt(n + 3) > half:
        n += 1
    return Plan("nps", n, 100 * z / math.sqrt(n + 3), z)


def plan(
    margin: float,
    metric: str = "score",
    sd: float | None = None,
    share: float | None = None,
    confidence: float = CONFIDENCE,
) -> Plan:
    """The :class:`Plan` for ``metric`` (``score`` or ``ces``: a mean; ``csat``: a share,
    ``share`` 0–1 or 0–100, default 0.5; ``nps``); ``margin`` in scale points for a
    mean, in points (0–100) otherwise."""
    if metric in ("score", "ces"):
        return plan_mean(margin, WORST_SD[metric] if sd is None else sd, confidence)
    if metric == "csat":
        if share is not None and 1 < share <= 100:
            share = share / 100
        return plan_share(margin, 0.5 if share is None else share, confidence)
    return plan_nps(margin, confidence)


def describe_plan(
    margin: float,
    metric: str = "score",
    sd: float | None = None,
    share: float | None = None,
    confidence: float = CONFIDENCE,
    language: str | None = None,
) -> str:
    """:func:`plan` in words, in ``language`` (None: the current language): the number
    per persona and the check."""
    language = language if language in LANGUAGES else current_language()
    result = plan(margin, metric, sd, share, confidence)
    conf = _short(confidence * 100, language)
    n = number(result.n, language, 0)
    if metric in ("score", "ces"):
        used = WORST_SD[metric] if sd is None else sd
        text = TEXTS.text(
            "mean", language, margin=_short(margin, language), conf=conf,
            sd=_short(used, language),
            sd_note=TEXTS.text("worst_sd", language, scale=SCALES[metric]) if sd is None else "",
            n=n, t=number(result.critical, language, 3), half=number(result.half_width, language, 3),
        )  # fmt: skip
    elif metric == "csat":
        given = 0.5 if share is None else (share / 100 if share > 1 else share)
        text = TEXTS.text(
            "csat", language, margin=_short(margin, language), conf=conf,
            share=number(given * 100, language, 0), n=n, half=number(result.half_width, language, 2),
            share_note=TEXTS.text("worst_share", language) if share is None else "",
        )  # fmt: skip
    else:
        text = TEXTS.text("nps", language, margin=_short(margin, language), conf=conf, n=n,
                          half=number(result.half_width, language, 2))  # fmt: skip
    return f"{text}\n{TEXTS.text('per_persona', language)}"


def _short(value: float, language: str) -> str:
    """``value`` with up to three decimals, none that are trailing zeros ("0,3", "95")."""
    text = number(value, language, 3)
    mark = "." if language == "en" else ","
    return text.rstrip("0").rstrip(mark) if mark in text else text
