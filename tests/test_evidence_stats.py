"""The statistics behind evidence: Student-t quantiles against published values, and
grouped mean / sd / interval against the statistics module."""

from __future__ import annotations

import math
import random
import statistics

import numpy as np
import pytest
from evidence_support import T_TABLE

from klantreis.evidence.stats import group_counts, group_scores, incomplete_beta, t975, t_quantile


@pytest.mark.parametrize(
    "df, published", [(1, 12.706), (2, 4.303), (5, 2.571), (10, 2.228), (30, 2.042), (100, 1.984)]
)
def test_t975_matches_the_published_table(df: int, published: float) -> None:
    assert round(t975(df), 3) == published


def test_t975_matches_every_table_value_and_tends_to_the_normal_quantile() -> None:
    for df, published in T_TABLE.items():
        assert abs(t975(df) - published) < 5e-4, df
    # more digits, from R's qt(0.975, df)
    assert t975(1) == pytest.approx(12.7062047362, abs=1e-8)
    assert t975(4) == pytest.approx(2.7764451052, abs=1e-8)
    assert t975(1000) == pytest.approx(1.9623390808, abs=1e-8)
    assert t975(10**7) == pytest.approx(1.959964, abs=1e-5)
    values = [t975(df) for df in range(1, 200)]
    assert all(a > b for a, b in zip(values, values[1:], strict=False))  # decreasing in df


def test_other_quantiles_and_symmetry() -> None:
    assert t_quantile(0.995, 4) == pytest.approx(4.604094871, abs=1e-8)
    assert t_quantile(0.9, 7) == pytest.approx(1.414923928, abs=1e-8)
    assert t_quantile(0.025, 10) == pytest.approx(-t975(10))
    assert t_quantile(0.5, 3) == 0.0
    with pytest.raises(ValueError):
        t_quantile(1.0, 3)


def test_incomplete_beta_known_values() -> None:
    assert incomplete_beta(1, 1, 0.3) == pytest.approx(0.3)  # uniform
    assert incomplete_beta(2, 3, 0.4) == pytest.approx(0.5248)  # 1 - sum binomial terms
    assert incomplete_beta(0.5, 0.5, 0.5) == pytest.approx(0.5)


def test_group_scores_agree_with_the_statistics_module() -> None:
    rnd = random.Random(7)
    groups = {k: [rnd.randint(1, 5) for _ in range(rnd.randint(2, 40))] for k in (0, 3, 4, 9)}
    keys = np.array([k for k, vs in groups.items() for _ in vs])
    values = np.array([v for vs in groups.values() for v in vs], dtype=float)
    order = np.random.default_rng(1).permutation(len(keys))
    stats = group_scores(keys[order], values[order])
    assert stats.keys.tolist() == [0, 3, 4, 9]
    for i, key in enumerate(stats.keys):
        vs = groups[int(key)]
        n, mean, sd = len(vs), statistics.fmean(vs), statistics.stdev(vs)
        half = t975(n - 1) * sd / math.sqrt(n)
        assert stats.n[i] == n
        assert stats.mean[i] == pytest.approx(mean)
        assert stats.sd[i] == pytest.approx(sd)
        assert stats.ci_low[i] == pytest.approx(mean - half)
        assert stats.ci_high[i] == pytest.approx(mean + half)


def test_a_hand_computed_interval() -> None:
    # 2, 4, 4, 5: mean 3.75, sd sqrt(2.25/... ) = 1.2583, t(3) = 3.182 -> half 2.0021
    stats = group_scores(np.zeros(4, dtype=int), np.array([2.0, 4.0, 4.0, 5.0]))
    assert stats.mean[0] == pytest.approx(3.75)
    assert stats.sd[0] == pytest.approx(1.258305739)
    assert stats.ci_low[0] == pytest.approx(3.75 - 2.00218, abs=1e-4)


def test_one_value_has_no_sd_and_no_interval() -> None:
    stats = group_scores(np.array([2]), np.array([4.0]))
    assert stats.n.tolist() == [1]
    assert math.isnan(stats.sd[0]) and math.isnan(stats.ci_low[0]) and math.isnan(stats.ci_high[0])


def test_weights_count_as_repeated_values() -> None:
    weighted = group_scores(np.array([1, 1, 1]), np.array([2.0, 3.0, 5.0]), np.array([2, 1, 3]))
    expanded = group_scores(np.ones(6, dtype=int), np.array([2, 2, 3, 5, 5, 5], dtype=float))
    assert weighted.n.tolist() == expanded.n.tolist() == [6]
    for field in ("mean", "sd", "ci_low", "ci_high"):
        assert getattr(weighted, field)[0] == pytest.approx(getattr(expanded, field)[0])


def test_group_counts_with_and_without_weights() -> None:
    keys, counts = group_counts(np.array([5, 1, 5, 5]))
    assert keys.tolist() == [1, 5] and counts.tolist() == [1, 3]
    keys, totals = group_counts(np.array([5, 1, 5]), np.array([10.0, 2.0, 30.0]))
    assert totals.tolist() == [2.0, 40.0]
