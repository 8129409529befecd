"""q-voter model with independence / anticonformity: theory, exact simulation, networks.

Monte Carlo tolerances: a stationary time series is cut into batches much longer than
its correlation time (a few sweeps away from the transition); the standard error of
the time average is the spread of batch means / sqrt(batches). Tests allow 5 standard
errors (a t-statistic with 9 degrees of freedom exceeds 5 with probability < 0.1%) plus
the finite-size bias of the stationary mean, O(1/N) (mean field is the N -> infinity
limit). Seeds are fixed, so every test is deterministic.
"""
import math
import random
from fractions import Fraction

import networkx as nx
import numpy as np
import pytest

from course_lib._guard import ReferenceLockedError, student_code_under_test
from course_lib.networks import compile_network
from course_lib.voter import (
    VARIANTS,
    qvoter_critical_point,
    qvoter_drift,
    qvoter_mean_field,
    qvoter_spinodals,
    qvoter_update,
    simulate_qvoter,
)
from course_lib.voter._kernels import complete_graph_tables, panel_probabilities


def batch_mean_and_se(series, batches=10):
    series = np.asarray(series)
    usable = len(series) - len(series) % batches
    means = series[:usable].reshape(batches, -1).mean(axis=1)
    return float(means.mean()), float(means.std(ddof=1) / math.sqrt(batches))


# ---------------------------------------------------------------- critical points


PUBLISHED = {
    # Nyczka, Sznajd-Weron & Cisło (2012): exact fractions, q = 2 .. 8
    "independence": {q: Fraction(q - 1, q - 1 + 2 ** (q - 1)) for q in range(2, 9)},
    "anticonformity": {q: Fraction(q - 1, 2 * q) for q in range(2, 9)},
}


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("q", range(2, 9))
def test_critical_point_matches_published_formula(q, variant):
    assert qvoter_critical_point(q, variant) == pytest.approx(float(PUBLISHED[variant][q]), abs=1e-15)


def test_critical_point_spot_values():
    assert qvoter_critical_point(4, "independence") == pytest.approx(3 / 11)
    assert qvoter_critical_point(6, "independence") == pytest.approx(5 / 37)
    assert qvoter_critical_point(2, "anticonformity") == 0.25
    assert qvoter_critical_point(8, "anticonformity") == 0.4375


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("q", range(2, 9))
def test_critical_point_is_where_disorder_changes_stability(q, variant):
    """Derived from the rate equation: dF/dc at c = 1/2 changes sign at p*."""
    p_star = qvoter_critical_point(q, variant)
    h = 1e-6

    def slope(p):
        return (qvoter_drift(0.5 + h, q, p, variant) - qvoter_drift(0.5 - h, q, p, variant)) / (2 * h)

    assert abs(slope(p_star)) < 1e-8
    assert slope(p_star - 1e-3) > 0, "below p* the disordered state must be unstable"
    assert slope(p_star + 1e-3) < 0, "above p* the disordered state must be stable"


@pytest.mark.parametrize("q", range(2, 9))
def test_transition_order(q):
    assert qvoter_spinodals(q, "independence").discontinuous == (q > 5)
    assert not qvoter_spinodals(q, "anticonformity").discontinuous


@pytest.mark.parametrize("q", [6, 7, 8])
def test_upper_spinodal_is_a_saddle_node(q):
    s = qvoter_spinodals(q, "independence")
    assert s.lower == pytest.approx(float(PUBLISHED["independence"][q]))
    assert s.upper > s.lower
    # at p*_2 the ordered state and the unstable one merge: F = 0 and F' = 0
    c, h = s.c_at_upper, 1e-6
    assert abs(qvoter_drift(c, q, s.upper, "independence")) < 1e-12
    slope = (qvoter_drift(c + h, q, s.upper, "independence")
             - qvoter_drift(c - h, q, s.upper, "independence")) / (2 * h)
    assert abs(slope) < 1e-6
    below = qvoter_mean_field(q, s.upper - 1e-4, "independence")
    above = qvoter_mean_field(q, s.upper + 1e-4, "independence")
    assert len(below.stable) == 3 and below.magnetization > 0.2
    assert above.stable == (0.5,)
    middle = qvoter_mean_field(q, (s.lower + s.upper) / 2, "independence")
    assert len(middle.stable) == 3 and 0.5 in middle.stable and len(middle.unstable) == 2


@pytest.mark.parametrize("q", [2, 3, 4, 5, 7])
def test_continuous_transition_has_no_coexistence(q):
    p_star = qvoter_critical_point(q, "anticonformity")
    below = qvoter_mean_field(q, p_star - 0.01, "anticonformity")
    assert len(below.stable) == 2 and below.unstable == (0.5,)
    assert qvoter_mean_field(q, p_star + 0.01, "anticonformity").stable == (0.5,)


# ---------------------------------------------------------------- fixed points

FIXED_POINT_CASES = [
    (q, p, variant, field, z)
    for q in (1, 2, 4, 6, 9)
    for p in (0.0, 0.03, 0.1, 0.25, 0.4, 0.7, 1.0)
    for variant in VARIANTS
    for field, z in ((0.0, 0.0), (0.05, 0.0), (0.0, 0.1))
    if not (q == 1 and p == 0.0 and field == 0.0 and z == 0.0)
]


@pytest.mark.parametrize("q, p, variant, field, z", FIXED_POINT_CASES)
def test_fixed_points_solve_rate_equation_with_right_stability(q, p, variant, field, z):
    mf = qvoter_mean_field(q, p, variant, field=field, zealot_fraction=z)
    roots = sorted(mf.stable + mf.unstable)
    assert mf.stable, "a drift that is positive at c = z and non-positive at 1 has a stable root"
    for c in roots:
        assert z <= c <= 1
        assert abs(qvoter_drift(c, q, p, variant, field=field, zealot_fraction=z)) < 1e-12

    def drift(x):
        return float(qvoter_drift(x, q, p, variant, field=field, zealot_fraction=z))

    for c in roots:
        # stability from the sign of dF/dc; at a degenerate root (exactly critical p,
        # e.g. q = 2, p = 1/4: F = -(2c-1)**3 / 4) from the flow a little further out
        slope = (drift(min(c + 1e-7, 1)) - drift(max(c - 1e-7, z))) / (min(c + 1e-7, 1) - max(c - 1e-7, z))
        if abs(slope) < 1e-6:
            slope = drift(c + 1e-2) - drift(c - 1e-2)
        assert (slope < 0) == (c in mf.stable), (c, slope)
    # no root missed: the drift has no sign change between consecutive roots
    grid = np.linspace(z, 1, 4001)
    values = qvoter_drift(grid, q, p, variant, field=field, zealot_fraction=z)
    for a, b in zip([z] + roots, roots + [1.0]):
        inside = values[(grid > a + 1e-4) & (grid < b - 1e-4)]
        assert np.all(inside > 0) or np.all(inside < 0)
    if field == 0 and z == 0:  # up/down symmetry
        assert np.allclose(sorted(1 - c for c in roots), roots, atol=1e-9)


def test_linear_voter_model_is_neutral():
    mf = qvoter_mean_field(1, 0.0, "independence")
    assert mf.neutral and mf.stable == () and mf.magnetization == 0.0


def test_mean_field_frame():
    frame = qvoter_mean_field(8, 0.08, "independence").to_frame()
    assert list(frame["stability"]) == ["stable", "unstable", "stable", "unstable", "stable"]
    assert np.allclose(frame["magnetization"], 2 * frame["fraction_up"] - 1)


# ---------------------------------------------------------------- one update (reference)


def test_update_examples():
    assert qvoter_update(-1, [1, 1], 0.3, "independence", u_type=0.5) == 1
    assert qvoter_update(1, [-1, -1], 0.3, "independence", u_type=0.5) == -1
    assert qvoter_update(1, [-1, 1], 0.3, "independence", u_type=0.5) == 1
    assert qvoter_update(1, [1, 1], 0.3, "independence", u_type=0.2, u_coin=0.6) == -1
    assert qvoter_update(-1, [-1, -1], 0.3, "independence", u_type=0.2, u_coin=0.4) == 1
    assert qvoter_update(1, [1, 1], 0.3, "anticonformity", u_type=0.2) == -1
    assert qvoter_update(-1, [1, -1], 0.3, "anticonformity", u_type=0.2) == -1
    # campaign: conformist follows, anticonformist opposes, independent ignores
    assert qvoter_update(-1, [-1, -1], 0.3, "anticonformity", 0.5, field=0.1, u_campaign=0.05) == 1
    assert qvoter_update(1, [-1, -1], 0.3, "anticonformity", 0.2, field=0.1, u_campaign=0.05) == -1
    assert qvoter_update(1, [1, 1], 0.3, "independence", 0.2, 0.9, field=0.1, u_campaign=0.05) == -1
    assert qvoter_update(-1, [], 0.3, "independence", u_type=0.5) == -1  # no panel, no change


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("repetition", [False, True])
def test_exact_chain_implements_the_reference_update(variant, repetition):
    """Integrate qvoter_update over its draws exactly and compare with the tables the
    complete-graph simulator uses."""
    n, z, q, p, h = 13, 2, 3, 0.3, 0.2
    t_up, t_down = complete_graph_tables(n, z, q, p, variant == "anticonformity", h, repetition)
    draws = [  # (value, weight) inside each region of each uniform
        [(p / 2, p), ((1 + p) / 2, 1 - p)],
        [(0.25, 0.5), (0.75, 0.5)],
        [(h / 2, h), ((1 + h) / 2, 1 - h)],
    ]

    def switch_probability(opinion, others_up):
        a_up = float(panel_probabilities(others_up, n - 1, q, repetition))
        a_down = float(panel_probabilities(n - 1 - others_up, n - 1, q, repetition))
        panels = [([1] * q, a_up), ([-1] * q, a_down), ([1, -1, 1], 1 - a_up - a_down)]
        total = 0.0
        for panel, w_panel in panels:
            for u_type, w1 in draws[0]:
                for u_coin, w2 in draws[1]:
                    for u_camp, w3 in draws[2]:
                        new = qvoter_update(opinion, panel, p, variant, u_type, u_coin,
                                            field=h, u_campaign=u_camp)
                        total += w_panel * w1 * w2 * w3 * (new != opinion)
        return total

    for U in range(z, n + 1):
        assert t_up[U] == pytest.approx((n - U) / n * switch_probability(-1, U), abs=1e-14)
        assert t_down[U] == pytest.approx((U - z) / n * switch_probability(1, U - 1), abs=1e-14)


def test_reference_functions_are_locked_during_checks():
    with student_code_under_test():
        with pytest.raises(ReferenceLockedError):
            qvoter_update(1, [1], 0.1, "independence", 0.5)
        with pytest.raises(ReferenceLockedError):
            qvoter_critical_point(3, "anticonformity")


# ---------------------------------------------------------------- complete graph vs mean field

MF_CASES = [  # (q, p, variant, field, zealots as fraction)
    (4, 0.10, "anticonformity", 0.0, 0.0),   # ordered, deep
    (4, 0.30, "anticonformity", 0.0, 0.0),   # ordered, near p* = 0.375
    (4, 0.45, "anticonformity", 0.0, 0.0),   # disordered
    (2, 0.15, "anticonformity", 0.0, 0.0),   # p* = 0.25
    (4, 0.20, "independence", 0.0, 0.0),     # ordered, p* = 3/11
    (3, 0.25, "independence", 0.0, 0.0),     # ordered, p* = 1/3
    (4, 0.35, "independence", 0.0, 0.0),     # disordered
    (4, 0.70, "anticonformity", 0.1, 0.0),   # campaign backfires
    (4, 0.30, "independence", 0.0, 0.05),    # zealots
]


@pytest.mark.parametrize("q, p, variant, field, zf", MF_CASES)
def test_complete_graph_matches_mean_field(q, p, variant, field, zf):
    n = 100_000
    run = simulate_qvoter(n, q, p, variant, 260, seed=11, initial_up=1.0,
                          zealots=int(zf * n), field=field)
    # from c = 1 the flow runs down to the highest fixed point, which is stable
    theory = max(qvoter_mean_field(q, p, variant, field=field, zealot_fraction=zf).stable)
    mean, se = batch_mean_and_se(run.fraction_up[61:])
    assert abs(mean - theory) < 5 * se + 10 / n, (mean, se, theory)


def test_campaign_backfires_on_anticonformists_and_fizzles_on_independents():
    n = 20_000
    anti = simulate_qvoter(n, 4, 0.7, "anticonformity", 150, seed=3, field=0.1)
    indep = simulate_qvoter(n, 4, 0.7, "independence", 150, seed=3, field=0.1)
    conformists = simulate_qvoter(n, 4, 0.1, "anticonformity", 150, seed=3, field=0.1)
    assert anti.time_average(50) < 0.47          # theory 0.450: fewer adopters than no campaign
    assert 0.5 < indep.time_average(50) < 0.55   # theory 0.524: barely moves
    assert conformists.time_average(50) > 0.85   # theory 0.900


def test_hysteresis_between_the_spinodals():
    q, p = 8, 0.08   # spinodals 0.0519 and 0.1046
    mf = qvoter_mean_field(q, p, "independence")
    assert len(mf.stable) == 3
    n = 10_000
    ordered = simulate_qvoter(n, q, p, "independence", 300, seed=5, initial_up=1.0)
    disordered = simulate_qvoter(n, q, p, "independence", 300, seed=5, initial_up=0.5)
    mean, se = batch_mean_and_se(ordered.fraction_up[101:])
    assert abs(mean - max(mf.stable)) < 5 * se + 10 / n
    assert ordered.fraction_up[1:].min() > mf.unstable[-1]    # never left the ordered basin
    mean, se = batch_mean_and_se(disordered.fraction_up[101:])
    assert abs(mean - 0.5) < 5 * se + 10 / n
    assert disordered.fraction_up[1:].max() < mf.unstable[-1]
    # control: continuous transition (q = 4) above p*: both starts end disordered
    for start in (1.0, 0.5):
        run = simulate_qvoter(n, 4, 0.35, "independence", 300, seed=5, initial_up=start)
        assert abs(run.time_average(100) - 0.5) < 0.02


def test_consensus_without_noise():
    run = simulate_qvoter(1000, 3, 0.0, "independence", 200, seed=1)
    assert run.fraction_up[-1] in (0.0, 1.0)
    assert simulate_qvoter(1000, 3, 0.0, "anticonformity", 5, seed=1, initial_up=1.0).fraction_up.min() == 1.0


# ---------------------------------------------------------------- reproducibility


@pytest.mark.parametrize("target", [500, "network"])
def test_same_seed_same_trajectory(target):
    if target == "network":
        target = nx.barabasi_albert_graph(500, 4, seed=2)
    args = (target, 3, 0.2, "anticonformity", 30)
    a = simulate_qvoter(*args, seed=7)
    b = simulate_qvoter(*args, seed=7)
    c = simulate_qvoter(*args, seed=8)
    assert np.array_equal(a.fraction_up, b.fraction_up)
    assert a.final_up == b.final_up
    assert not np.array_equal(a.fraction_up, c.fraction_up)
    rng = np.random.default_rng(7)
    assert np.array_equal(simulate_qvoter(*args, seed=rng).fraction_up, a.fraction_up)


# ---------------------------------------------------------------- network vs complete graph

NETWORK_CASES = [  # (q, p, variant, field, zealots, repetition)
    (3, 0.15, "anticonformity", 0.0, 0, False),
    (4, 0.20, "independence", 0.0, 0, False),
    (4, 0.50, "anticonformity", 0.05, 0, False),
    (3, 0.30, "independence", 0.05, 20, False),
    (4, 0.20, "independence", 0.0, 0, True),
]


@pytest.mark.parametrize("q, p, variant, field, zealots, repetition", NETWORK_CASES)
def test_network_simulator_agrees_with_complete_graph(q, p, variant, field, zealots, repetition):
    """Same model on K_n both ways: compare |m| averaged over independent runs."""
    n, runs, sweeps, burn = 200, 12, 150, 50
    net = compile_network(nx.complete_graph(n))
    kwargs = dict(field=field, repetition=repetition, initial_up=1.0)
    rng = np.random.default_rng(2024)

    def averages(target, zealot_arg):
        out = []
        for _ in range(runs):
            run = simulate_qvoter(target, q, p, variant, sweeps, seed=rng, zealots=zealot_arg, **kwargs)
            out.append(np.abs(run.magnetization[burn + 1:]).mean())
        return np.array(out)

    exact = averages(n, zealots)
    agent = averages(net, list(range(zealots)) if zealots else None)
    se = math.sqrt(exact.var(ddof=1) / runs + agent.var(ddof=1) / runs)
    assert abs(exact.mean() - agent.mean()) < 5 * se, (exact.mean(), agent.mean(), se)


def test_network_zealots_never_change_and_are_counted():
    G = nx.barabasi_albert_graph(300, 3, seed=1)
    run = simulate_qvoter(G, 3, 0.5, "anticonformity", 20, seed=1, zealots=[0, 1, 2], initial_up=0.0,
                          repetition=True)
    assert {0, 1, 2} <= run.final_up
    assert run.zealots == 3 and run.fraction_up[0] == pytest.approx(3 / 300)


def test_result_object():
    run = simulate_qvoter(nx.path_graph(6), 2, 0.2, "independence", 4, seed=1, repetition=True)
    frame = run.to_frame()
    assert list(frame.columns) == ["sweep", "fraction_up", "magnetization"]
    assert list(frame["sweep"]) == [0, 1, 2, 3, 4]
    assert len(run.fraction_up) == 5 and not run.fraction_up.flags.writeable
    assert run.fraction_up[-1] == len(run.final_up) / 6


# ---------------------------------------------------------------- bad input


@pytest.mark.parametrize("kwargs, error, words", [
    (dict(q=0), ValueError, "q must be at least 1"),
    (dict(q=2.5), TypeError, "q must be a whole number"),
    (dict(q=50), ValueError, "q must be at most n - 1"),
    (dict(p=1.5), ValueError, "p must be at most 1"),
    (dict(p=-0.1), ValueError, "p must be at least 0"),
    (dict(p="high"), TypeError, "p must be a number"),
    (dict(variant="contrarian"), ValueError, "'independence', 'anticonformity'"),
    (dict(variant=None), TypeError, "variant must be a string"),
    (dict(sweeps=0), ValueError, "sweeps must be at least 1"),
    (dict(sweeps=2.0), TypeError, "sweeps must be a whole number"),
    (dict(initial_up=2), ValueError, "initial_up"),
    (dict(field=-1), ValueError, "field"),
    (dict(zealots=[1, 2]), TypeError, "zealots must be a whole number"),
    (dict(zealots=60), ValueError, "zealots must be at most 50"),
    (dict(G_or_n=1), ValueError, "G_or_n must be at least 2"),
    (dict(G_or_n="K50"), TypeError, "G_or_n must be a whole number"),
    (dict(seed=-3), ValueError, "seed"),
])
def test_bad_input_complete_graph(kwargs, error, words):
    args = dict(G_or_n=50, q=3, p=0.2, variant="independence", sweeps=2)
    args.update(kwargs)
    with pytest.raises(error) as info:
        simulate_qvoter(**args)
    assert words in str(info.value)


def test_bad_input_network():
    G = nx.star_graph(5)  # leaves have one neighbour
    with pytest.raises(ValueError, match="q must be at most every agent's number of neighbours"):
        simulate_qvoter(G, 2, 0.1, "independence", 2)
    # with repetition the same panel size is allowed
    simulate_qvoter(G, 2, 0.1, "independence", 2, repetition=True, seed=1)
    # zealots are exempt: they never draw a panel
    simulate_qvoter(nx.path_graph(3), 2, 0.1, "independence", 2, zealots=[0, 2], seed=1)
    with pytest.raises(ValueError, match="zealots contains 99"):
        simulate_qvoter(nx.complete_graph(5), 2, 0.1, "independence", 2, zealots=[99])
    with pytest.raises(ValueError, match="G_or_n is directed"):
        simulate_qvoter(nx.complete_graph(5, create_using=nx.DiGraph), 2, 0.1, "independence", 2)


@pytest.mark.parametrize("call, error, words", [
    (lambda: qvoter_critical_point(0, "independence"), ValueError, "q must be at least 1"),
    (lambda: qvoter_critical_point(3, "anti"), ValueError, "variant must be one of"),
    (lambda: qvoter_mean_field(3, 1.2, "independence"), ValueError, "p must be at most 1"),
    (lambda: qvoter_mean_field(3, 0.2, "independence", field=2), ValueError, "field"),
    (lambda: qvoter_spinodals(True, "independence"), TypeError, "q must be a whole number"),
    (lambda: qvoter_update(0, [1], 0.1, "independence", 0.5), ValueError, r"opinion must be \+1 or -1"),
    (lambda: qvoter_update(1, [1, 0], 0.1, "independence", 0.5), ValueError, "panel must contain"),
    (lambda: qvoter_update(1, [1], 0.1, "independence", 1.5), ValueError, "u_type"),
])
def test_bad_input_theory_and_update(call, error, words):
    with pytest.raises(error, match=words):
        call()


@pytest.mark.parametrize("target", [4, "network"])
def test_distinct_panel_versus_repetition(target):
    """K_4, q = 3, two up and two down, no noise: a panel of the 3 *distinct* others is
    never unanimous, so nothing moves; with repetition panels can agree, and the
    population reaches consensus."""
    if target == "network":
        target = nx.complete_graph(4)
    frozen_run = simulate_qvoter(target, 3, 0.0, "independence", 200, seed=1)
    assert np.all(frozen_run.fraction_up == 0.5)
    moving = simulate_qvoter(target, 3, 0.0, "independence", 200, seed=1, repetition=True)
    assert moving.fraction_up[-1] in (0.0, 1.0)


def python_qvoter(G, q, p, variant, sweeps, rng, field):
    """Agent-by-agent simulation built on the reference update, panels drawn as sets
    (``rng`` is a ``random.Random``: much faster than numpy for one number at a time)."""
    nodes = list(G)
    neighbours = {v: list(G[v]) for v in nodes}
    opinion = {v: 1 if rng.random() < 0.5 else -1 for v in nodes}
    series = []
    for _ in range(sweeps):
        for _ in range(len(nodes)):
            v = nodes[rng.randrange(len(nodes))]
            panel = [opinion[u] for u in rng.sample(neighbours[v], q)]
            opinion[v] = qvoter_update(opinion[v], panel, p, variant, rng.random(), rng.random(),
                                       field=field, u_campaign=rng.random())
        series.append(sum(o == 1 for o in opinion.values()) / len(nodes))
    return np.array(series)


@pytest.mark.parametrize("variant", VARIANTS)
def test_network_simulator_agrees_with_reference_updates_on_a_sparse_graph(variant):
    """The compiled loop tracks each node's number of up neighbours instead of drawing
    panels: it must be the same process as drawing q distinct neighbours. Per-run means
    vary by about 0.027, so 12 runs a side give a standard error of about 0.011."""
    G = nx.random_regular_graph(4, 100, seed=1)
    q, p, field, runs, sweeps, burn = 3, 0.2, 0.1, 12, 60, 10
    rng = random.Random(99)
    reference_runs = [python_qvoter(G, q, p, variant, sweeps, rng, field)[burn:].mean()
                      for _ in range(runs)]
    compiled_runs = [
        simulate_qvoter(G, q, p, variant, sweeps, seed=rng.randrange(2**32), field=field)
        .fraction_up[burn + 1:].mean()
        for _ in range(runs)
    ]
    a, b = np.array(reference_runs), np.array(compiled_runs)
    se = math.sqrt(a.var(ddof=1) / runs + b.var(ddof=1) / runs)
    assert abs(a.mean() - b.mean()) < 5 * se, (a.mean(), b.mean(), se)


def test_run_behaves_as_the_fraction_up_sequence():
    run = simulate_qvoter(500, 3, 0.2, "anticonformity", 4, seed=2)
    assert len(run) == 5 and run[-1] == run.fraction_up[-1]
    assert np.array_equal(np.asarray(run), run.fraction_up) and list(run) == list(run.fraction_up)
