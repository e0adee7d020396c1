"""``klantreis evidence plan``: how many respondents per persona a survey needs for a
margin, through the real command, checked against an independent computation (the t
distribution integrated numerically here, not klantreis's own quantile)."""

from __future__ import annotations

import math
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest


def _t_cdf(t: float, df: int) -> float:
    """P(T <= t) for t >= 0, by integrating Student's density (Simpson, fine grid)."""
    x = np.linspace(0.0, t, 4001)
    log_c = math.lgamma((df + 1) / 2) - math.lgamma(df / 2) - 0.5 * math.log(df * math.pi)
    density = np.exp(log_c - (df + 1) / 2 * np.log1p(x * x / df))
    h = x[1] - x[0]
    simpson = h / 3 * (density[0] + density[-1] + 4 * density[1:-1:2].sum() + 2 * density[2:-1:2].sum())
    return 0.5 + float(simpson)


def _t975(df: int) -> float:
    low, high = 1.9, 13.0
    for _ in range(60):
        mid = (low + high) / 2
        low, high = (mid, high) if _t_cdf(mid, df) < 0.975 else (low, mid)
    return (low + high) / 2


def _needed_for_mean(margin: float, sd: float) -> int:
    n = max(2, math.floor((_z975() * sd / margin) ** 2))  # t > z: no smaller n fits
    while _t975(n - 1) * sd / math.sqrt(n) > margin:
        n += 1
    return n


def _z975() -> float:
    low, high = 1.0, 3.0
    for _ in range(60):
        mid = (low + high) / 2
        low, high = (mid, high) if 0.5 * math.erfc(-mid / math.sqrt(2)) < 0.975 else (low, mid)
    return (low + high) / 2


def _plan(*words: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(Path(sys.executable).parent / "klantreis"), "evidence", "plan", *words],
        capture_output=True,
        text=True,
        timeout=60,
    )


def _respondents(text: str) -> int:
    found = re.search(r"(\d[\d.,]*) respondent", text)
    assert found, text
    return int(re.sub(r"[.,]", "", found.group(1)))


@pytest.mark.parametrize(("margin", "sd"), [(0.3, 1.1), (0.5, 1.0), (0.2, 0.8)])
def test_mean_needs_the_n_whose_t_interval_fits_the_margin(margin: float, sd: float) -> None:
    expected = _needed_for_mean(margin, sd)
    # one fewer would not fit: the smallest such n
    assert _t975(expected - 2) * sd / math.sqrt(expected - 1) > margin
    nl = _plan("--margin", str(margin), "--sd", str(sd))
    en = _plan("--margin", str(margin), "--sd", str(sd), "--language", "en")
    assert nl.returncode == 0 and en.returncode == 0, nl.stderr + en.stderr
    assert _respondents(nl.stdout) == expected
    assert _respondents(en.stdout) == expected
    assert "respondenten per persona" in nl.stdout and "schaalpunt" in nl.stdout
    assert "respondents per persona" in en.stdout and "scale points" in en.stdout


def test_margin_point_three_with_sd_one_point_one_is_55() -> None:
    # t(54) = 2.0049: 2.0049 * 1.1 / sqrt(55) = 0.2974; t(53) * 1.1 / sqrt(54) = 0.3002
    result = _plan("--margin", "0.3", "--sd", "1.1")
    assert "55 respondenten per persona" in result.stdout
    assert "0,297" in result.stdout  # the half-width at that n, Dutch decimals
    assert "0.297" in _plan("--margin", "0.3", "--sd", "1.1", "--language", "en").stdout


def test_without_sd_the_worst_case_of_the_scale_is_used_and_said() -> None:
    result = _plan("--margin", "0.3", "--language", "en")
    assert _respondents(result.stdout) == _needed_for_mean(0.3, 2.0)
    assert "the largest a 1–5 scale allows" in result.stdout


def test_nps_margin_in_points_with_the_worst_case_variance() -> None:
    z = _z975()
    expected = math.ceil((100 * z / 10) ** 2 - 3)  # 100 z / sqrt(n + 3) <= 10
    assert 100 * z / math.sqrt(expected + 3) <= 10 < 100 * z / math.sqrt(expected + 2)
    nl = _plan("--margin", "10", "--metric", "nps")
    en = _plan("--margin", "10", "--metric", "nps", "--language", "en")
    assert _respondents(nl.stdout) == expected == _respondents(en.stdout)
    assert "NPS-punten" in nl.stdout and "NPS points" in en.stdout


@pytest.mark.parametrize(("share", "given"), [(0.5, []), (0.8, ["--share", "80"])])
def test_csat_margin_in_points_from_the_wilson_interval(share: float, given: list[str]) -> None:
    z = _z975()

    def half(n: int) -> float:  # Wilson, written out
        return z * math.sqrt(share * (1 - share) / n + z * z / (4 * n * n)) / (1 + z * z / n)

    expected = next(n for n in range(1, 100_000) if half(n) <= 0.05)
    en = _plan("--margin", "5", "--metric", "csat", "--language", "en", *given)
    nl = _plan("--margin", "5", "--metric", "csat", *given)
    assert _respondents(en.stdout) == expected == _respondents(nl.stdout)
    assert "percentage points" in en.stdout and "procentpunt" in nl.stdout
    assert ("worst case" in en.stdout) is (not given)


@pytest.mark.parametrize(
    ("words", "nl", "en"),
    [
        (["--margin", "0"], "De marge moet groter zijn dan 0", "The margin must be more than 0"),
        (["--margin", "0.3", "--sd", "-1"], "standaardafwijking (--sd)", "standard deviation (--sd)"),
        (["--margin", "0.3", "--confidence", "95"], "tussen 0 en 1", "between 0 and 1"),
        (["--margin", "150", "--metric", "nps"], "punten van 0 tot 100", "points from 0 to 100"),
    ],
)
def test_a_bad_value_says_what_is_wrong_in_both_languages(words: list[str], nl: str, en: str) -> None:
    dutch, english = _plan(*words), _plan(*words, "--language", "en")
    assert dutch.returncode == english.returncode == 1
    assert nl in dutch.stderr and en in english.stderr
    assert "Traceback" not in dutch.stderr + english.stderr
