"""Simulated threshold cascades against the analytic results of Watts (2002).

Tolerances: a frequency estimated from R independent runs has standard error
sqrt(f (1 - f) / R) <= 0.5 / sqrt(R). We allow 4 standard errors (a false alarm about
once in 16,000 comparisons) plus 0.03 for finite-size effects at n = 10,000, where
theory assumes an infinite tree-like network.
"""
import numpy as np
import pytest

from course_lib.cascades import (
    cascade_frequency,
    cascade_frequency_theory,
    cascade_phase_diagram,
    cascade_sizes,
    cascade_window,
    influentials_multiplier,
    multiplier_curve,
)

pytestmark = pytest.mark.slow

RUNS = 400
N = 10_000


def tolerance(f, runs=RUNS):
    return 4 * np.sqrt(max(f * (1 - f), 0.01) / runs) + 0.03


@pytest.mark.parametrize("z, phi", [(1.5, 0.18), (3.0, 0.18), (5.0, 0.18), (2.0, 0.12), (3.0, 0.24)])
def test_frequency_inside_window_matches_theory(z, phi):
    low, high = cascade_window(phi)
    assert low < z < high
    theory = cascade_frequency_theory(z, phi)
    simulated = cascade_frequency(z, phi, n=N, runs=RUNS, seed=11)
    assert abs(simulated - theory) < tolerance(theory), (z, phi, simulated, theory)


@pytest.mark.parametrize("z, phi", [(0.6, 0.18), (8.0, 0.18), (3.0, 0.3), (5.0, 0.24)])
def test_no_global_cascades_outside_window(z, phi):
    window = cascade_window(phi)
    assert window is None or not (window[0] < z < window[1])
    # with theory 0, R runs and no cascades, 0.02 is > 4 SE of a true rate of 0.002
    assert cascade_frequency(z, phi, n=N, runs=RUNS, seed=12) < 0.02


def test_phase_diagram_agrees_with_window_away_from_edges():
    zs = np.array([0.5, 2.0, 3.0, 4.0, 8.0, 10.0])
    phis = np.array([0.12, 0.18, 0.24, 0.3])
    diagram = cascade_phase_diagram(zs, phis, n=4000, runs=100, seed=3, progress=False)
    frame = diagram.to_frame()
    # finite networks cascade a little beyond the analytic upper edge (Whitney,
    # "Exploring Watts' cascade boundary"), so only cells 0.5 or more from an edge count
    windows = {phi: cascade_window(phi) for phi in phis}
    clear = [windows[p] is None or min(abs(z - e) for e in windows[p]) > 0.5
             for z, p in zip(frame.mean_degree, frame.phi)]
    frame = frame[clear]
    assert len(frame) >= 18
    inside = frame[frame.inside_window]
    outside = frame[~frame.inside_window]
    assert (inside.frequency > 0.2).all(), inside
    assert (outside.frequency < 0.05).all(), outside
    # the theory column is the analytic frequency and is within tolerance inside
    assert (abs(inside.frequency - inside.theory_frequency) < tolerance(0.5, 100) + 0.05).all()


def test_experiments_reproducible_and_seed_sensitive():
    a = cascade_sizes(3, 0.18, n=2000, runs=60, seed=5)
    assert np.array_equal(a, cascade_sizes(3, 0.18, n=2000, runs=60, seed=5))
    assert not np.array_equal(a, cascade_sizes(3, 0.18, n=2000, runs=60, seed=6))
    rng_a, rng_b = np.random.default_rng(9), np.random.default_rng(9)
    assert np.array_equal(cascade_sizes(3, 0.18, n=500, runs=20, seed=rng_a),
                          cascade_sizes(3, 0.18, n=500, runs=20, seed=rng_b))
    d1 = cascade_phase_diagram([2, 4], [0.18, 0.2], n=800, runs=30, seed=1, progress=False)
    d2 = cascade_phase_diagram([2, 4], [0.18, 0.2], n=800, runs=30, seed=1, progress=False)
    assert np.array_equal(d1.frequency, d2.frequency)


def test_bimodal_sizes_in_upper_window():
    sizes = cascade_sizes(5.0, 0.18, n=10_000, runs=200, seed=2)
    assert ((sizes < 0.01) | (sizes > 0.9)).mean() > 0.97, "upper window: tiny or nearly all"


def test_influentials_multiplier_modest_inside_larger_at_edge():
    # Watts & Dodds (2007): inside the window influentials start cascades only
    # somewhat larger than average people (multiplier of order 1-2); the advantage
    # grows towards the edges of the window where cascades are rare.
    middle = influentials_multiplier(3.5, 0.18, n=10_000, runs=600, seed=8)
    edge = influentials_multiplier(5.6, 0.18, n=10_000, runs=600, seed=8)
    assert 1.0 < middle.multiplier < 1.5
    assert edge.multiplier > middle.multiplier + 0.2
    # both means are estimates; their standard errors are reported and small
    assert middle.random_stderr < 0.03 and middle.influential_stderr < 0.03
    curve = multiplier_curve([2, 4], 0.18, n=2000, runs=100, seed=1, progress=False)
    assert list(curve.columns[:2]) == ["mean_degree", "multiplier"] and len(curve) == 2


@pytest.mark.parametrize(
    "call, error, words",
    [
        (lambda: cascade_frequency(3, 0.18, n=0), ValueError, "n must be at least 2"),
        (lambda: cascade_frequency(3, 0.18, runs=0), ValueError, "runs must be at least 1"),
        (lambda: cascade_frequency(3, 0.18, runs=2.5), TypeError, "runs must be a whole number"),
        (lambda: cascade_frequency(-1, 0.18), ValueError, "mean_degree must be at least 0"),
        (lambda: cascade_frequency(3, 0), ValueError, "phi must be greater than 0"),
        (lambda: cascade_frequency(3, "0.2"), TypeError, "phi must be a number"),
        (lambda: cascade_frequency(3, 0.2, cutoff=2), ValueError, "cutoff"),
        (lambda: cascade_frequency(30, 0.2, n=10), ValueError, "at most n - 1"),
        (lambda: cascade_phase_diagram([], [0.2]), ValueError, "mean_degrees"),
        (lambda: influentials_multiplier(3, 0.2, top=0), ValueError, "top"),
    ],
)
def test_experiment_errors_name_the_parameter(call, error, words):
    with pytest.raises(error, match=words):
        call()
