"""Analytic results for threshold cascades, checked against independent computations."""
import math

import numpy as np
import pytest

from course_lib.cascades import (
    cascade_condition,
    cascade_frequency_theory,
    cascade_window,
    granovetter_cascade,
    granovetter_critical_sd,
    granovetter_normal_equilibrium,
    granovetter_response,
    vulnerable_degree_limit,
)


def condition_by_direct_sum(z, phi):
    """Watts (2002) eq. for Poisson degrees, summed term by term: sum_k k(k-1) rho_k p_k > z."""
    total = 0.0
    k = 1
    while 1 / k >= phi - 1e-9:
        total += k * (k - 1) * math.exp(-z) * z**k / math.factorial(k)
        k += 1
    return total - z


@pytest.mark.parametrize("phi", [0.1, 0.12, 0.15, 0.18, 0.2, 0.22, 0.25])
def test_window_edges_are_roots_of_the_direct_sum(phi):
    low, high = cascade_window(phi)
    for edge in (low, high):
        assert abs(condition_by_direct_sum(edge, phi)) < 1e-8
    # strictly inside: condition holds; just outside: it fails
    for z in np.linspace(low + 1e-3, high - 1e-3, 25):
        assert condition_by_direct_sum(z, phi) > 0 and cascade_condition(z, phi)
    for z in (low - 1e-3, high + 1e-3):
        assert condition_by_direct_sum(z, phi) < 0 and not cascade_condition(z, phi)


def test_window_shape_matches_watts_figure_1():
    # no window once a node of degree 4 can no longer be tipped by one neighbour
    assert cascade_window(0.25) is not None and cascade_window(0.2501) is None
    assert cascade_window(0.5) is None and cascade_window(1.0) is None
    # lower edge tends to the percolation point z = 1 as thresholds fall
    assert abs(cascade_window(0.05)[0] - 1.0) < 1e-6
    # the window widens as phi falls, and is the same within each (1/(K+1), 1/K]
    highs = [cascade_window(phi)[1] for phi in (0.25, 0.2, 1 / 6, 1 / 7, 0.125, 0.1)]
    assert highs == sorted(highs)
    assert cascade_window(0.19) == cascade_window(0.17)


def test_vulnerable_degree_limit_is_floor_of_inverse():
    for phi, expected in [(0.1, 10), (0.18, 5), (0.2, 5), (0.3, 3), (1 / 3, 3), (0.34, 2), (1.0, 1)]:
        assert vulnerable_degree_limit(phi) == expected


def test_frequency_theory_zero_outside_and_below_one_inside():
    low, high = cascade_window(0.18)
    assert cascade_frequency_theory(low * 0.99, 0.18) == 0.0
    assert cascade_frequency_theory(high * 1.01, 0.18) == 0.0
    inside = [cascade_frequency_theory(z, 0.18) for z in np.linspace(low + 0.05, high - 0.05, 20)]
    assert all(0 < f < 1 for f in inside)


def test_frequency_theory_reduces_to_giant_component_when_everyone_is_vulnerable():
    # phi tiny: every node is vulnerable and the cascade frequency is the giant
    # component share S of a Poisson graph, which solves S = 1 - exp(-z S)
    z = 2.0
    S = 0.5
    for _ in range(200):
        S = 1 - math.exp(-z * S)
    assert abs(cascade_frequency_theory(z, 1e-4) - S) < 1e-9


@pytest.mark.parametrize("bad, error", [(0, ValueError), (-0.1, ValueError), (1.1, ValueError), ("x", TypeError)])
def test_bad_phi(bad, error):
    with pytest.raises(error, match="phi"):
        cascade_window(bad)


def test_bad_mean_degree():
    with pytest.raises(ValueError, match="mean_degree must be at least 0"):
        cascade_condition(-1, 0.2)


def test_granovetter_riot():
    assert granovetter_cascade(range(100)).trajectory == tuple(range(101))
    assert granovetter_cascade([0, 2, 2] + list(range(3, 100))).final == 1
    # all with the same positive threshold: nobody starts
    assert granovetter_cascade([5] * 10).final == 0


def test_granovetter_equilibrium_is_fixed_point_and_published_jump():
    for sd in (5, 10, 12, 15, 20):
        r = granovetter_normal_equilibrium(25, sd)
        assert abs(float(granovetter_response(r, 25, sd)) - r) < 1e-6
    # Granovetter (1978): 100 people, mean threshold 25 -> jump near sd = 12.2
    critical = granovetter_critical_sd(25)
    assert 12.0 < critical < 12.4
    assert granovetter_normal_equilibrium(25, critical - 0.05) < 10
    assert granovetter_normal_equilibrium(25, critical + 0.05) > 90


def test_granovetter_bad_input():
    with pytest.raises(ValueError, match="0 or more"):
        granovetter_cascade([-1, 2])
    with pytest.raises(ValueError, match="non-empty"):
        granovetter_cascade([])
    with pytest.raises(ValueError, match="sd"):
        granovetter_normal_equilibrium(25, 0)


def test_granovetter_equilibrium_refuses_to_return_an_unsettled_number():
    # sd = 12.2 is right at the jump for mean 25 and 100 people: thousands of tiny steps
    with pytest.raises(RuntimeError, match="did not settle within max_steps=5"):
        granovetter_normal_equilibrium(25, 12.2, max_steps=5)
    with pytest.raises(ValueError, match="max_steps"):
        granovetter_normal_equilibrium(25, 5, max_steps=0)
