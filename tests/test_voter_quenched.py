"""A market with fixed resisters (quenched disorder) against everyone resisting some of
the time (annealed), after Jędrzejewski & Sznajd-Weron (2017): theory, exact
simulation, the critical points measured from simulated fluctuations, and a campaign
hitting a mixed market.

Monte Carlo tolerances follow tests/test_voter.py: means of a stationary series cut
into 10 batches much longer than its correlation time; 5 standard errors (a t with 9
degrees of freedom exceeds 5 with probability < 0.1%) plus the finite-size bias of the
mean-field limit, O(1/N). Seeds are fixed, so every test is deterministic.
"""
import math

import numpy as np
import pytest
from scipy import linalg, optimize, sparse
from scipy.sparse import linalg as sparse_linalg

from course_lib.experiments import opinions as lab
from course_lib.viz import opinions as viz_op
from course_lib.voter import (
    VARIANTS,
    empowered_critical_share,
    mixed_market_mean_field,
    mixed_market_path,
    mixed_market_settles,
    quenched_critical_point,
    qvoter_critical_point,
    qvoter_mean_field,
    qvoter_update,
    simulate_mixed_market,
    simulate_qvoter,
)
from course_lib.voter._kernels import complete_graph_tables, mixed_market_tables
from test_voter import batch_mean_and_se


# ---------------------------------------------------------------- critical points, by hand


@pytest.mark.parametrize("q", range(2, 9))
def test_quenched_critical_points(q):
    # derived in quenched_critical_point's docstring: q (s_C - s_A) = 1 at the even split
    assert quenched_critical_point(q, "independence") == pytest.approx((q - 1) / q, abs=1e-15)
    assert quenched_critical_point(q, "anticonformity") == qvoter_critical_point(q, "anticonformity")
    # fixed independents are far less disruptive than everyone-sometimes independence
    assert quenched_critical_point(q, "independence") > qvoter_critical_point(q, "independence")


def test_empowered_critical_share_interpolates_between_the_two_kinds():
    assert empowered_critical_share(4, 1.0) == quenched_critical_point(4, "independence") == 0.75
    assert empowered_critical_share(4, 0.0) == quenched_critical_point(4, "anticonformity") == 0.375
    assert empowered_critical_share(3, 0.5) == pytest.approx(2 / 3 / 1.5)
    # at e*, the even split is exactly marginal: q (s_C - s_A) = 1
    for q, certainty in [(2, 0.3), (4, 0.5), (7, 0.9)]:
        e = empowered_critical_share(q, certainty)
        s_a, s_c = e * (1 - certainty), 1 - e
        assert q * (s_c - s_a) == pytest.approx(1.0)


@pytest.mark.parametrize("variant, share", [("independence", 0.18), ("anticonformity", 0.09)])
def test_q2_orders_by_hand(variant, share):
    # q = 2: T(m) = 2m / (1 + m^2), and m = (s_C - s_A) T(m) gives m^2 = 2 (s_C - s_A) - 1:
    # independence 0.18 -> s_C - s_A = 0.82 -> m = 0.8; anticonformity 0.09 -> 0.82 -> 0.8.
    i, a = (share, 0.0) if variant == "independence" else (0.0, share)
    mf = mixed_market_mean_field(2, i, a)
    assert mf.stable == pytest.approx((0.1, 0.9), abs=1e-12)
    assert mf.unstable == (0.5,)
    if variant == "anticonformity":  # the annealed model has the same fixed points
        assert qvoter_mean_field(2, share, variant).stable == pytest.approx(mf.stable, abs=1e-12)


def test_overwhelming_campaign_gets_conformists_and_half_the_independents():
    # field = 1: every conformist buys, every anticonformist refuses, independents toss a coin
    for i, a in [(0.3, 0.2), (0.0, 0.7), (0.5, 0.0)]:
        assert mixed_market_mean_field(4, i, a, field=1.0).stable == pytest.approx((1 - i - a + i / 2,))


@pytest.mark.parametrize("q", [1, 2, 4, 7])
@pytest.mark.parametrize("p", [0.1, 0.3, 0.6])
@pytest.mark.parametrize("field", [0.0, 0.05, 0.3])
def test_anticonformity_is_insensitive_to_the_kind_of_disorder(q, p, field):
    # the reported result of Jędrzejewski & Sznajd-Weron (2017), campaign included:
    # w_up + w_down is the same for every kind of agent, so the fixed points coincide
    annealed = qvoter_mean_field(q, p, "anticonformity", field=field)
    quenched = mixed_market_mean_field(q, 0.0, p, field=field)
    assert quenched.stable == pytest.approx(annealed.stable, abs=1e-9)


def _group_rest(c, q, field):
    up, down = field + (1 - field) * c**q, (1 - field) * (1 - c) ** q
    return up / (up + down), 0.5, down / (up + down)


@pytest.mark.parametrize("q, i, a, field", [
    (4, 0.5, 0.0, 0.0), (4, 0.0, 0.3, 0.0), (4, 0.2, 0.5, 0.3), (6, 0.3, 0.1, 0.02),
    (8, 0.6, 0.0, 0.0), (3, 0.1, 0.1, 0.0), (4, 0.24, 0.36, 0.0), (2, 0.0, 0.0, 0.1),
])
def test_resting_states_balance_every_group(q, i, a, field):
    mf = mixed_market_mean_field(q, i, a, field=field)
    for c in mf.stable + mf.unstable:
        x_c, x_i, x_a = _group_rest(c, q, field)
        assert (1 - i - a) * x_c + i * x_i + a * x_a == pytest.approx(c, abs=1e-10)
    if field == 0:
        # the even split is a resting state, stable exactly when q (s_C - s_A) < 1
        assert 0.5 in mf.stable + mf.unstable
        assert (0.5 in mf.stable) == (q * (1 - i - 2 * a) < 1)
    # the dynamics from near-unanimous starts ends at the outermost stable states
    assert mixed_market_settles(q, i, a, field=field, start=1.0) == pytest.approx(max(mf.stable), abs=1e-6)
    assert mixed_market_settles(q, i, a, field=field, start=0.0) == pytest.approx(min(mf.stable), abs=1e-6)
    frame = mf.to_frame()
    assert list(frame.fraction_up) == sorted(mf.stable + mf.unstable)


def test_path_starts_at_start_and_reaches_where_it_settles():
    path = mixed_market_path(4, 0.3, 0.3, field=0.1, start=0.3, sweeps=2000)
    assert path[0] == 0.3 and len(path) == 2001
    assert path[-1] == pytest.approx(mixed_market_settles(4, 0.3, 0.3, field=0.1, start=0.3), abs=1e-6)


# ---------------------------------------------------------------- the exact chain


@pytest.mark.parametrize("repetition", [False, True])
def test_tables_are_the_annealed_tables_of_pure_types(repetition):
    # a fixed conformist updates as an annealed agent with p = 0, a fixed anticonformist
    # as one with p = 1: divide the complete-graph tables by the chance to pick a mover
    n, q, h = 11, 3, 0.15
    table = mixed_market_tables(n, q, h, repetition)
    U = np.arange(n + 1)
    for row_up, row_down, anti in ((0, 2, False), (1, 3, True)):
        t_up, t_down = complete_graph_tables(n, 0, q, 1.0 if anti else 0.0, anti, h, repetition)
        down, up = U < n, U > 0
        assert np.allclose(table[row_up][down], (t_up * n / np.maximum(n - U, 1))[down], atol=1e-14)
        assert np.allclose(table[row_down][up], (t_down * n / np.maximum(U, 1))[up], atol=1e-14)


def _reference_switch(opinion, kind, up_others, others, q, h):
    """Chance that a fixed agent of ``kind`` switches, by integrating qvoter_update over
    the exact (hypergeometric) panel law and its draws."""
    a_up = math.comb(up_others, q) / math.comb(others, q)
    a_down = math.comb(others - up_others, q) / math.comb(others, q)
    p, variant = {"conformist": (0.0, "anticonformity"), "independent": (1.0, "independence"),
                  "anticonformist": (1.0, "anticonformity")}[kind]
    total = 0.0
    for panel, w in (([1] * q, a_up), ([-1] * q, a_down), ([1, -1] + [1] * (q - 2), 1 - a_up - a_down)):
        for u_coin, w_coin in ((0.25, 0.5), (0.75, 0.5)):
            for u_camp, w_camp in ((h / 2, h), ((1 + h) / 2, 1 - h)):
                new = qvoter_update(opinion, panel, p, variant, 0.5, u_coin, field=h, u_campaign=u_camp)
                total += w * w_coin * w_camp * (new != opinion)
    return total


def test_simulation_matches_the_exact_stationary_law_of_a_small_market():
    """The stationary distribution of the three-count chain, built from the reference
    rule, against a long simulation: mean and variance of m."""
    n, q, h = 30, 3, 0.1
    sizes = (15, 9, 6)   # 50% conformists, 30% independents, 20% anticonformists
    kinds = ("conformist", "independent", "anticonformist")
    states = [(x, y, z) for x in range(sizes[0] + 1) for y in range(sizes[1] + 1) for z in range(sizes[2] + 1)]
    index = {s: k for k, s in enumerate(states)}
    rows, cols, rates = [], [], []
    for s in states:
        U = sum(s)
        for g, kind in enumerate(kinds):
            for opinion, count, step in ((-1, sizes[g] - s[g], 1), (1, s[g], -1)):
                if count == 0:
                    continue
                others_up = U if opinion == -1 else U - 1
                rate = count / n * _reference_switch(opinion, kind, others_up, n - 1, q, h)
                t = list(s)
                t[g] += step
                rows += [index[tuple(t)], index[s]]
                cols += [index[s], index[s]]
                rates += [rate, -rate]
    Q = sparse.csc_matrix((rates, (rows, cols)), shape=(len(states),) * 2).tolil()
    Q[0, :] = 1.0   # replace one balance equation by the normalisation
    rhs = np.zeros(len(states))
    rhs[0] = 1.0
    pi = sparse_linalg.spsolve(Q.tocsc(), rhs)
    m = np.array([2 * sum(s) / n - 1 for s in states])
    exact_mean, exact_var = float(pi @ m), float(pi @ m**2 - (pi @ m) ** 2)

    run = simulate_mixed_market(n, q, 0.3, 0.2, 200_000, seed=4, field=h)
    series = run.magnetization[1001:]
    mean, se = batch_mean_and_se(series)
    assert abs(mean - exact_mean) < 5 * se, (mean, se, exact_mean)
    var, var_se = batch_mean_and_se((series - series.mean()) ** 2)
    assert abs(var - exact_var) < 5 * var_se, (var, var_se, exact_var)


def test_same_seed_same_run_and_groups_are_fixed():
    a = simulate_mixed_market(500, 4, 0.2, 0.3, 40, seed=7)
    b = simulate_mixed_market(500, 4, 0.2, 0.3, 40, seed=np.random.default_rng(7))
    c = simulate_mixed_market(500, 4, 0.2, 0.3, 40, seed=8)
    assert np.array_equal(a.fraction_up, b.fraction_up) and np.array_equal(a.group_up, b.group_up)
    assert not np.array_equal(a.fraction_up, c.fraction_up)
    assert a.sizes == (250, 100, 150)
    weights = np.array(a.sizes) / 500
    assert np.allclose(a.group_up @ weights, a.fraction_up)
    frame = a.to_frame()
    assert list(frame.columns) == ["sweep", "fraction_up", "magnetization", "conformists", "independents",
                                   "anticonformists"]
    assert len(a) == 41 and a[-1] == a.fraction_up[-1]
    empty = simulate_mixed_market(50, 2, 0.0, 0.0, 2, seed=1)
    assert np.isnan(empty.group_up[:, 1:]).all()


@pytest.mark.parametrize("call, words", [
    (lambda: simulate_mixed_market(100, 3, 0.6, 0.5, 5), r"independent \+ anticonformist must be at most 1"),
    (lambda: simulate_mixed_market(100, 3, -0.1, 0.5, 5), "independent must be at least 0"),
    (lambda: simulate_mixed_market(100, 3, 0.1, 1.5, 5), "anticonformist must be at most 1"),
    (lambda: simulate_mixed_market(4, 4, 0.1, 0.1, 5), "q must be at most n - 1 = 3"),
    (lambda: simulate_mixed_market(100, 3, 0.1, 0.1, 5, field=2.0), "field must be at most 1"),
    (lambda: mixed_market_mean_field(3, 0.7, 0.7), r"independent \+ anticonformist"),
    (lambda: empowered_critical_share(3, 1.2), "certainty must be at most 1"),
    (lambda: quenched_critical_point(3, "reactance"), "variant must be one of"),
    (lambda: lab.market_shares(1.1, 0.5), "empowered must be at most 1"),
])
def test_bad_input_names_the_parameter(call, words):
    with pytest.raises(ValueError, match=words):
        call()


# ---------------------------------------------------------------- simulation against mean field

MF_CASES = [  # (q, independent, anticonformist, field, start)
    (4, 0.5, 0.0, 0.0, 1.0),     # ordered; the annealed model at p = 0.5 is split
    (4, 0.65, 0.0, 0.0, 1.0),    # ordered, near p* = 0.75
    (4, 0.0, 0.3, 0.0, 1.0),     # anticonformity, as annealed
    (4, 0.24, 0.36, 0.0, 1.0),   # 60% empowered, 40% of them certain: e* = 0.469, split
    (4, 0.2, 0.5, 0.3, 0.5),     # a campaign against an anticonformist majority: backfires
    (4, 0.6, 0.0, 0.1, 0.3),     # the brand starts low and the campaign flips the market
    (8, 0.5, 0.0, 0.0, 1.0),
]


@pytest.mark.parametrize("q, i, a, field, start", MF_CASES)
def test_complete_graph_matches_mean_field(q, i, a, field, start):
    n = 20_000
    run = simulate_mixed_market(n, q, i, a, 1500, seed=11, initial_up=start, field=field)
    theory = mixed_market_settles(q, i, a, field=field, start=start)
    mean, se = batch_mean_and_se(run.fraction_up[301:])
    assert abs(mean - theory) < 5 * se + 10 / n, (mean, se, theory)


@pytest.mark.parametrize("certainty", [1.0, 0.5, 0.0])
@pytest.mark.parametrize("public", [True, False])
def test_lesson_campaign_on_a_mixed_market_matches_theory(certainty, public):
    """The lesson's market: 60% empowered, q = 4, a brand at 30%, campaigns 0, 0.05, 0.3."""
    strengths = [0.0, 0.05, 0.3]
    theory = lab.mixed_campaign_frame(4, 0.6, [certainty], strengths, start=0.3, public=public)
    simulated = lab.mixed_campaign_simulation_frame(20_000, 4, 0.6, [certainty], strengths, start=0.3,
                                                    public=public, sweeps=600, burn_in=200, seed=3)
    # 400 sweeps of 20,000 agents away from any critical point: the time average of the
    # share has a standard error below 0.002 (checked with batch means); 0.01 is five of
    # those, and the O(1/N) bias is 5e-5. A wrong branch would miss by 0.3 or more.
    assert np.abs(simulated.share.to_numpy() - theory.share.to_numpy()).max() < 0.01
    shares = dict(zip(theory.strength, theory.share))
    if public and certainty == 0.0:
        assert shares[0.3] < shares[0.0] - 0.05       # backfires
    if certainty == 1.0:
        assert shares[0.0] < 0.5 < shares[0.05]       # flips the market


# ---------------------------------------------------------------- critical points from fluctuations
#
# Above a critical point the split market fluctuates about c = 1/2, and the closer p is
# to p*, the slower the restoring drift and the larger the fluctuations: in the linear
# noise (van Kampen) approximation of the mean-field equations, chi = N Var(m) diverges
# like 1/(p - p*). Measuring chi in simulation and solving the theory for p* gives a
# critical point from simulation, which the tests compare with the formula.


def _lyapunov_chi(J, B, weights):
    """N Var(m) for dx = J x dt + noise with covariance rate B / N (x: group shares)."""
    sigma = linalg.solve_continuous_lyapunov(J, -B)
    return 4 * float(weights @ sigma @ weights)


def chi_annealed_independence(p, q):
    # dc/dt = F(c); F'(1/2) = -(p - (1-p) 2^(1-q) (q-1)); noise rate w_up(1/2) / N
    alpha = 2.0 ** (1 - q)
    return _lyapunov_chi(np.array([[-(p - (1 - p) * alpha * (q - 1))]]),
                         np.array([[p / 2 + (1 - p) * alpha / 2]]), np.array([1.0]))


def chi_quenched(q, conformist, independent, anticonformist, kappa=None):
    """Groups (conformists, independents, anticonformists) with members; the even split.
    x_C' = a (q e - x_C), x_A' = a (-q e - x_A), x_I' = -x_I with e = sum_g s_g x_g and
    a = 2^(1-q); noise rates 2^-q / s_C, 1 / (2 s_I), 2^-q / s_A. ``kappa`` replaces the
    conformists' own restoring rate 1 - q s_C (to solve for the critical point)."""
    alpha = 2.0 ** (1 - q)
    s = np.array([conformist, independent, anticonformist])
    coupling = np.array([alpha * q, 0.0, -alpha * q])
    decay = np.array([alpha, 1.0, alpha])
    J = -np.diag(decay) + np.outer(coupling, s)
    if kappa is not None:
        J[0, 0] = -alpha * kappa
    noise = np.array([alpha / 2, 0.5, alpha / 2])
    keep = s > 0
    with np.errstate(divide="ignore"):
        B = np.diag(noise[keep] / s[keep])
    return _lyapunov_chi(J[np.ix_(keep, keep)], B, s[keep])


def measured_chi(runs, n):
    values = np.array([n * np.var(run.magnetization[501:]) for run in runs])
    return float(values.mean()), float(values.std(ddof=1) / math.sqrt(len(values)))


def test_fluctuation_helpers_by_hand():
    # hand check of the helper on independents alone: binomial(N s_I, 1/2), so
    # N Var(x_I) = 1 / (4 s_I) and chi = 4 s_I^2 N Var(x_I) = s_I (no conformists)
    assert chi_quenched(4, 0.0, 1.0, 0.0) == pytest.approx(1.0)
    # q = 1, the noisy voter model: drift -p (c - 1/2), noise rate 1/2 per agent, so
    # N Var(c) = 1 / (4p) and chi = 1 / p
    assert chi_annealed_independence(0.3, 1) == pytest.approx(1 / 0.3)


@pytest.mark.slow  # about 4 s: ten long runs of each kind
def test_critical_points_measured_in_simulation():
    """Annealed and quenched independence at q = 4, 0.1 above their critical points
    (0.273 and 0.750): the measured chi, solved for p*, gives back each formula."""
    q, n, runs, sweeps = 4, 1000, 10, 12_000
    # annealed: lambda = (p - p*) (1 + (q-1) 2^(1-q)), so chi = 2 w_up / lambda solves for p*
    p = qvoter_critical_point(q, "independence") + 0.1
    chi, se = measured_chi([simulate_qvoter(n, q, p, "independence", sweeps, seed=s) for s in range(runs)], n)
    assert chi == pytest.approx(chi_annealed_independence(p, q), rel=0.05)
    alpha = 2.0 ** (1 - q)
    w_up = p / 2 + (1 - p) * alpha / 2

    def p_star_from(chi_value):
        return p - 2 * w_up / (chi_value * (1 + (q - 1) * alpha))

    # One run's variance over 11,500 sweeps, with a correlation time of about 7 sweeps,
    # carries a relative error near 4%; ten runs give the se used here. The bias of the
    # linear noise approximation is O(1/N): under 2% of chi at N = 1000 (a 1/N fit of the
    # exact chain, computed for N = 200 to 1,600, gives about 14 / N for the quenched case).
    annealed = p_star_from(chi)
    band = abs(p_star_from(chi + 5 * se + 0.02 * chi) - annealed)
    assert abs(annealed - qvoter_critical_point(q, "independence")) < band, (annealed, band)

    # quenched: 85% fixed independents; solve chi(kappa) = measured for kappa = q (p - p*)
    p = quenched_critical_point(q, "independence") + 0.1
    chi, se = measured_chi([simulate_mixed_market(n, q, p, 0.0, sweeps, seed=s) for s in range(runs)], n)

    def p_star_quenched(chi_value):
        kappa = optimize.brentq(lambda k: chi_quenched(q, 1 - p, p, 0.0, kappa=k) - chi_value, 1e-4, 50)
        return p - kappa / q

    quenched = p_star_quenched(chi)
    band = abs(p_star_quenched(chi + 5 * se + 0.02 * chi) - quenched)
    print(f"p* from fluctuations: annealed {annealed:.4f}, quenched {quenched:.4f} (+/- {band:.4f})")
    assert abs(quenched - quenched_critical_point(q, "independence")) < band, (quenched, band)
    assert band < 0.02   # the measurement is sharp: it could not mistake 0.75 for 0.273
    # anticonformity, fixed resisters at p* + 0.1: the same formula as annealed
    p = quenched_critical_point(q, "anticonformity") + 0.1
    chi, se = measured_chi([simulate_mixed_market(n, q, 0.0, p, sweeps, seed=s) for s in range(runs)], n)
    assert abs(chi - chi_quenched(q, 1 - p, 0.0, p)) < 5 * se + 0.02 * chi


# ---------------------------------------------------------------- lesson tables and charts


def test_market_shares_follow_certainty_and_place():
    assert lab.market_shares(0.6, 1.0) == (0.6, 0.0)
    assert lab.market_shares(0.6, 0.0) == (0.0, 0.6)
    assert lab.market_shares(0.6, 0.0, public=False) == (0.0, 0.0)   # no reactance in private


def test_disorder_frames_carry_the_library_numbers():
    theory = lab.disorder_theory_frame(4, [0.2, 0.5])
    at = theory.set_index(["variant", "disorder", "p"]).magnetization
    assert at["independence", "annealed", 0.5] == 0.0
    assert at["independence", "quenched", 0.5] == pytest.approx(mixed_market_mean_field(4, 0.5, 0.0).magnetization)
    assert at["anticonformity", "quenched", 0.2] == pytest.approx(at["anticonformity", "annealed", 0.2])
    assert {0.75, 0.375} <= set(theory.p)   # critical points added to the grid
    sim = lab.disorder_simulation_frame(300, 3, [0.1], ["anticonformity"], sweeps=20, burn_in=5, seed=4)
    rng = np.random.default_rng(4)
    a = simulate_qvoter(300, 3, 0.1, "anticonformity", 20, seed=rng, initial_up=1.0)
    b = simulate_mixed_market(300, 3, 0.0, 0.1, 20, seed=rng, initial_up=1.0)
    assert sim.magnetization.tolist() == pytest.approx(
        [np.abs(a.magnetization[6:]).mean(), np.abs(b.magnetization[6:]).mean()])
    assert sim.equals(lab.disorder_simulation_frame(300, 3, [0.1], ["anticonformity"], sweeps=20, burn_in=5, seed=4))


def test_charts_are_valid_and_describe_the_theory():
    theory = lab.disorder_theory_frame(4, np.linspace(0, 0.9, 10))
    chart = viz_op.disorder_chart(theory, theory)
    spec = chart.to_dict()   # validates against the Vega-Lite schema
    assert "independence: order is lost at p = 0.273 (everyone) and 0.750 (some)" in chart.description
    assert "anticonformity: order is lost at p = 0.375 (everyone) and 0.375 (some)" in spec["description"]
    mixed = lab.mixed_campaign_frame(4, 0.6, [1.0, 0.0], [0.0, 0.3])
    chart = viz_op.mixed_campaign_chart(mixed, mixed)
    chart.to_dict()
    backfire = mixed_market_settles(4, 0.0, 0.6, field=0.3, start=0.3)
    assert f"in public, 0% of them certain: 50% without a campaign, {backfire:.0%} at strength 0.30" \
        in chart.description
    with pytest.raises(ValueError, match="theory"):
        viz_op.mixed_campaign_chart(mixed, mixed.drop(columns="label"))


@pytest.mark.parametrize("variant", VARIANTS)
def test_quenched_and_annealed_agree_without_resisters(variant):
    assert mixed_market_mean_field(4, 0.0, 0.0).stable == qvoter_mean_field(4, 0.0, variant).stable


def test_mixed_market_explorer_redraws_with_the_library_numbers():
    import json

    from course_lib.experiments.opinions import campaign_verdict
    from course_lib.explore import opinions as explore_op

    ex = explore_op.mixed_market_explorer(sweeps=30, seed=5)
    widget, before = ex.chart_widget, json.dumps(ex.chart.to_dict()["datasets"], sort_keys=True)
    ex.controls["certainty"].value = 0.0   # what a student dragging the slider does
    assert ex.chart_widget is widget
    assert json.dumps(ex.chart.to_dict()["datasets"], sort_keys=True) != before
    title = ex.chart.to_dict()["title"]["text"]
    without = mixed_market_settles(4, 0.0, 0.6, start=0.3)
    strongest = mixed_market_settles(4, 0.0, 0.6, field=0.3, start=0.3)
    assert title.endswith(f"in public the campaign {campaign_verdict(without, strongest)}")
    assert title.endswith("backfires")
    ex.update(certainty=1.0)
    assert ex.chart.to_dict()["title"]["text"].endswith("flips the market")


def test_neutral_voter_market_is_refused_by_name():
    with pytest.raises(ValueError, match="q = 1 with only conformists"):
        mixed_market_mean_field(1, 0.0, 0.0)
    assert mixed_market_mean_field(1, 0.2, 0.0).stable == (0.5,)   # q = 1 with noise: split
