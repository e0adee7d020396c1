"""Means, sample standard deviations and 95% Student-t intervals, per group, vectorised.

The t quantile is computed here (no scipy): the upper tail of Student's t is a
regularized incomplete beta function, ``P(T > t) = I_x(df/2, 1/2) / 2`` with
``x = df / (df + t²)``, evaluated with Lentz's continued fraction and inverted with
Newton steps from the Cornish-Fisher start value. For df = 1 and 2 the closed forms are
used. Results are cached per degree of freedom.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

CONFIDENCE = 0.95


def _betacf(a: float, b: float, x: float) -> float:
    """Continued fraction of the incomplete beta function (modified Lentz)."""
    tiny = 1e-300
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c, d = 1.0, 1.0 - qab * x / qap
    d = 1.0 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 100_000):
        m2 = 2 * m
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > tiny else tiny)
        c = 1.0 + aa / c
        c = c if abs(c) > tiny else tiny
        h *= d * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > tiny else tiny)
        c = 1.0 + aa / c
        c = c if abs(c) > tiny else tiny
        delta = d * c
        h *= delta
        if abs(delta - 1.0) < 1e-15:
            break
    return h


def incomplete_beta(a: float, b: float, x: float) -> float:
    """The regularized incomplete beta function ``I_x(a, b)``."""
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    log_front = math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    front = math.exp(log_front)
    if x < (a + 1.0) / (a + b + 2.0):
        return front * _betacf(a, b, x) / a
    return 1.0 - front * _betacf(b, a, 1.0 - x) / b


def t_upper_tail(t: float, df: float) -> float:
    """``P(T > t)`` for Student's t with ``df`` degrees of freedom (``t >= 0``)."""
    return 0.5 * incomplete_beta(df / 2.0, 0.5, df / (df + t * t))


def _t_density(t: float, df: float) -> float:
    log_c = math.lgamma((df + 1) / 2) - math.lgamma(df / 2) - 0.5 * math.log(df * math.pi)
    return math.exp(log_c - (df + 1) / 2 * math.log1p(t * t / df))


def _normal_quantile(p: float) -> float:
    """Inverse of the standard normal distribution (Acklam's rational approximation,
    refined with one Halley step; accurate to about 1e-15)."""
    a = (
        -3.969683028665376e01,
        2.209460984245205e02,
        -2.759285104469687e02,
        1.383577518672690e02,
        -3.066479806614716e01,
        2.506628277459239e00,
    )
    b = (
        -5.447609879822406e01,
        1.615858368580409e02,
        -1.556989798598866e02,
        6.680131188771972e01,
        -1.328068155288572e01,
    )
    c = (
        -7.784894002430293e-03,
        -3.223964580411365e-01,
        -2.400758277161838e00,
        -2.549732539343734e00,
        4.374664141464968e00,
        2.938163982698783e00,
    )
    d = (7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e00, 3.754408661907416e00)
    if p < 0.02425 or p > 1 - 0.02425:
        q = math.sqrt(-2 * math.log(min(p, 1 - p)))
        x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / (
            (((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1
        )
        x = x if p < 0.5 else -x
    else:
        q = p - 0.5
        r = q * q
        x = (
            (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5])
            * q
            / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
        )
    e = 0.5 * math.erfc(-x / math.sqrt(2)) - p
    u = e * math.sqrt(2 * math.pi) * math.exp(x * x / 2)
    return x - u / (1 + x * u / 2)


@lru_cache(maxsize=4096)
def t_quantile(p: float, df: float) -> float:
    """The ``p`` quantile of Student's t with ``df`` degrees of freedom (``0 < p < 1``)."""
    if not 0.0 < p < 1.0 or df <= 0:
        raise ValueError(f"t_quantile needs 0 < p < 1 and df > 0, got p={p}, df={df}")
    if p < 0.5:
        return -t_quantile(1.0 - p, df)
    if p == 0.5:
        return 0.0
    if df == 1:
        return math.tan(math.pi * (p - 0.5))
    if df == 2:
        alpha = 4 * p * (1 - p)
        return 2 * (p - 0.5) * math.sqrt(2 / alpha)
    z = _normal_quantile(p)
    g1 = (z**3 + z) / 4
    g2 = (5 * z**5 + 16 * z**3 + 3 * z) / 96
    g3 = (3 * z**7 + 19 * z**5 + 17 * z**3 - 15 * z) / 384
    t = z + g1 / df + g2 / df**2 + g3 / df**3  # Cornish-Fisher start value
    tail = 1.0 - p
    for _ in range(50):
        step = (t_upper_tail(t, df) - tail) / _t_density(t, df)
        t += step
        if abs(step) < 1e-13 * max(1.0, abs(t)):
            break
    return t


def t975(df: float) -> float:
    """The two-sided 95% critical value of Student's t (the 0.975 quantile)."""
    return t_quantile(0.5 + CONFIDENCE / 2, df)


@dataclass(frozen=True)
class GroupStats:
    """Per group: the key, n, mean, sample sd and 95% t-interval (NaN where n < 2)."""

    keys: np.ndarray
    n: np.ndarray
    mean: np.ndarray
    sd: np.ndarray
    ci_low: np.ndarray
    ci_high: np.ndarray


def group_scores(keys: np.ndarray, values: np.ndarray, weights: np.ndarray | None = None) -> GroupStats:
    """Mean, sample sd and 95% t-interval of ``values`` per distinct non-negative integer
    in ``keys`` (two passes with ``numpy.bincount``; only groups that occur). A value
    with weight w counts as w equal values."""
    keys = np.asarray(keys, dtype=np.int64)
    values = np.asarray(values, dtype=np.float64)
    w = np.ones(len(values)) if weights is None else np.asarray(weights, dtype=np.float64)
    size = int(keys.max()) + 1 if len(keys) else 0
    n_all = np.rint(np.bincount(keys, weights=w, minlength=size)).astype(np.int64)
    present = np.flatnonzero(n_all)
    n = n_all[present]
    sums = np.bincount(keys, weights=w * values, minlength=size)[present]
    mean = sums / n
    mean_all = np.zeros(size)
    mean_all[present] = mean
    deviation = values - mean_all[keys]
    squares = np.bincount(keys, weights=w * deviation * deviation, minlength=size)[present]
    with np.errstate(invalid="ignore", divide="ignore"):
        sd = np.where(n > 1, np.sqrt(squares / np.maximum(n - 1, 1)), np.nan)
        critical = np.array([t975(k - 1) if k > 1 else math.nan for k in n], dtype=float)
        half = critical * sd / np.sqrt(n)
    return GroupStats(present, n, mean, sd, mean - half, mean + half)


def group_counts(keys: np.ndarray, weights: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """The distinct keys that occur and, per key, the number of units (or the sum of
    ``weights``)."""
    keys = np.asarray(keys, dtype=np.int64)
    size = int(keys.max()) + 1 if len(keys) else 0
    occurs = np.bincount(keys, minlength=size)
    present = np.flatnonzero(occurs)
    if weights is None:
        return present, occurs[present].astype(float)
    return present, np.bincount(keys, weights=weights, minlength=size)[present]


#: The two-sided 95% critical value of the standard normal distribution.
Z975 = _normal_quantile(0.5 + CONFIDENCE / 2)


def wilson_interval(successes: float, n: int, z: float = Z975) -> tuple[float, float]:
    """The Wilson score interval of a proportion ``successes / n`` (0 to 1)."""
    if n <= 0:
        raise ValueError("wilson_interval needs n > 0")
    p = successes / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z / (1 + z * z / n) * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return max(0.0, centre - half), min(1.0, centre + half)


def nps_interval(promoters: int, detractors: int, n: int, z: float = Z975) -> tuple[float, float]:
    """The adjusted-Wald interval of a Net Promoter Score, in points (-100 to 100):
    n' = n + 3, 3/4 added to promoters and to detractors, then the Wald interval of the
    difference of the two proportions of one multinomial sample, times 100."""
    if n <= 0:
        raise ValueError("nps_interval needs n > 0")
    size = n + 3
    p, d = (promoters + 0.75) / size, (detractors + 0.75) / size
    difference = p - d
    half = z * math.sqrt((p + d - difference * difference) / size)
    return max(-100.0, 100 * (difference - half)), min(100.0, 100 * (difference + half))
