"""The two-platform model (course_lib.platforms): voice, moderation, exit, mean field."""
import inspect
import math

import networkx as nx
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import optimize, stats

from course_lib.networks import compile_network, poisson_network
from course_lib.platforms import (
    CONTENT,
    EXITED,
    HEARD,
    RESOLVED,
    ROLES,
    SILENCED,
    STATES,
    VOICING,
    Role,
    critical_suppression,
    exit_equilibrium,
    exit_step,
    platform_steady_state,
    roles_frame,
    silenced_share,
    simulate_platforms,
)

DEFAULTS = dict(grievance_share=0.4, initial_exits=0.02, threshold_mean=0.12, threshold_sd=0.07)


@pytest.fixture(scope="module")
def network():
    return compile_network(poisson_network(1000, 10, seed=11))


def series_equal(a, b, exact=True):
    """Same counts and states; the same negative talk, to the last bit or (exact=False)
    up to the rounding of summing in another order."""
    names = ("company", "external", "resolved", "exits", "complaints", "removed", "silenced",
             "exited_at", "final_state")
    same = all(np.array_equal(getattr(a, k), getattr(b, k)) for k in names)
    if exact:
        return same and np.array_equal(a.negative_talk, b.negative_talk, equal_nan=True)
    return same and np.allclose(a.negative_talk, b.negative_talk, rtol=1e-12, atol=1e-15, equal_nan=True)


# --- no suppression, conservation -------------------------------------------------

@settings(max_examples=40)
@given(
    n=st.integers(5, 80), mean_degree=st.floats(0.0, 8.0), seed=st.integers(0, 2**32 - 1),
    answer_rate=st.floats(0, 1), loyalty=st.integers(0, 3), grievance_share=st.floats(0.05, 1),
    threshold_mean=st.floats(-0.5, 1.0), pioneers=st.integers(0, 3),
    with_roles=st.booleans(),
)
def test_no_suppression_nobody_exits(n, mean_degree, seed, answer_rate, loyalty, grievance_share,
                                     threshold_mean, pioneers, with_roles):
    # With suppression = 0 no complaint is removed, so nobody is silenced and nobody but
    # the pioneers is ever outside -- even consumers whose threshold is 0.
    G = nx.gnp_random_graph(n, min(1.0, mean_degree / (n - 1)), seed=seed)
    pioneers = min(pioneers, int(round(grievance_share * n)))
    roles = {"customer": 0.4, "activist": 0.3, "counsellor": 0.3} if with_roles else None
    run = simulate_platforms(G, 0.0, seed=seed, steps=20, answer_rate=answer_rate, loyalty=loyalty,
                             grievance_share=grievance_share, initial_exits=pioneers,
                             threshold_mean=threshold_mean, roles=roles)
    assert (run.external == pioneers).all()
    assert (run.exits == 0).all() and (run.removed == 0).all() and (run.silenced == 0).all()
    assert set(np.unique(run.exited_at)) <= {-1, 0}
    assert not (run.final_state == SILENCED).any()


def test_no_suppression_on_the_complete_graph_keeps_only_the_pioneers():
    for seed in range(5):
        run = simulate_platforms(3000, 0.0, seed=seed, threshold_mean=-1.0)  # everyone's threshold 0
        assert run.final["exited"] == 0 and (run.external == 60).all()


@settings(max_examples=40)
@given(
    n=st.integers(5, 80), mean_degree=st.floats(0.5, 8.0), seed=st.integers(0, 2**32 - 1),
    suppression=st.floats(0, 1), answer_rate=st.floats(0, 1), loyalty=st.integers(0, 3),
)
def test_consumers_are_conserved_across_platforms(n, mean_degree, seed, suppression, answer_rate, loyalty):
    G = nx.gnp_random_graph(n, min(1.0, mean_degree / (n - 1)), seed=seed)
    run = simulate_platforms(G, suppression, seed=seed, steps=15, answer_rate=answer_rate,
                             loyalty=loyalty, initial_exits=1)
    assert (run.company + run.external == n).all()
    # the external platform grows only by the exits counted, and nobody returns
    assert (run.external == run.pioneers + np.cumsum(run.exits)).all()
    assert (np.diff(run.resolved) >= 0).all()
    assert (run.removed <= run.complaints).all()
    assert run.external[-1] == (run.final_state == EXITED).sum() == (run.exited_at >= 0).sum()
    assert run.resolved[-1] == (run.final_state == RESOLVED).sum()


# --- the one-step rule ---------------------------------------------------------------

def test_exit_step_by_hand_on_five_consumers():
    # Triangle 0-1-2 with a tail 2-3-4; consumer 0 is outside (a pioneer).
    # degrees 2, 2, 3, 2, 1; contacts outside at the start: 1 has 1 of 2, 2 has 1 of 3.
    state = np.array([EXITED, SILENCED, VOICING, VOICING, HEARD])
    strikes = np.array([0, 1, 1, 0, 0])
    thresholds = np.array([0.0, 0.5, 0.3, 0.0, 0.2])
    external = np.array([0, 1, 1, 0, 0])
    degrees = np.array([2, 2, 3, 2, 1])
    u_remove = np.array([0.0, 0.0, 0.59, 0.61, 0.0])
    u_answer = np.array([0.0, 0.0, 0.0, 0.5, 0.0])
    before = state.copy(), strikes.copy()
    new, new_strikes = exit_step(state, strikes, thresholds, external, degrees, u_remove, u_answer,
                                 suppression=0.6, answer_rate=0.5, loyalty=1)
    # 1: silenced already, 1/2 outside >= 0.5 -> exits.
    # 2: removed (0.59 < 0.6), second strike > loyalty 1 -> silenced; 1/3 >= 0.3 -> exits.
    # 3: stands (0.61 >= 0.6), not answered (0.5 is not < 0.5) -> heard.
    # 4: heard stays heard whatever the draws; 0 stays outside.
    assert [STATES[c] for c in new] == ["exited", "exited", "exited", "heard", "heard"]
    assert new_strikes.tolist() == [0, 1, 2, 0, 0]
    assert np.array_equal(state, before[0]) and np.array_equal(strikes, before[1])  # inputs untouched

    # More loyalty: consumer 2 puts up with a second removal and keeps voicing.
    new, new_strikes = exit_step(state, strikes, thresholds, external, degrees, u_remove, u_answer,
                                 suppression=0.6, answer_rate=0.5, loyalty=2)
    assert new[2] == VOICING and new_strikes[2] == 2
    # Consumer 3 removed at once with loyalty 0: silenced with threshold 0, leaves with no
    # contact outside; a consumer who does not voice this step (u_voice >= voice) keeps
    # voicing with the strikes they had.
    u_remove = np.array([0.0, 0.0, 0.59, 0.1, 0.0])
    new, new_strikes = exit_step(state, strikes, thresholds, external, degrees, u_remove, u_answer,
                                 suppression=0.6, loyalty=0, voice=0.5,
                                 u_voice=np.array([0.0, 0.0, 0.7, 0.2, 0.0]))
    assert new.tolist() == [EXITED, EXITED, VOICING, EXITED, HEARD]
    assert new_strikes.tolist() == [0, 1, 1, 1, 0]


def test_exit_step_uses_the_threshold_rule_of_the_cascades():
    # 7 contacts outside out of 25 reach a threshold of 0.28, although 0.28 * 25 is
    # 7.000000000000001 in floating point (the cascades' convention); 6 do not.
    for outside, exits in ((7, True), (6, False)):
        new, _ = exit_step(np.array([SILENCED]), np.array([1]), np.array([0.28]), np.array([outside]),
                           np.array([25]), np.array([0.5]), np.array([0.5]), suppression=0.3)
        assert bool(new[0] == EXITED) is exits
    # an isolated silenced consumer leaves only with threshold 0
    for theta, exits in ((0.0, True), (0.01, False)):
        new, _ = exit_step(np.array([SILENCED]), np.array([1]), np.array([theta]), np.array([0]),
                           np.array([0]), np.array([0.5]), np.array([0.5]), suppression=0.3)
        assert bool(new[0] == EXITED) is exits


def test_the_simulation_is_exit_step_repeated_with_the_seeded_draws():
    # Everything given explicitly, so the only draws are three uniforms per consumer per
    # step, in the documented order; the external contacts come from networkx here.
    G = nx.connected_watts_strogatz_graph(40, 4, 0.3, seed=5)
    n = G.number_of_nodes()
    rng = np.random.default_rng(9)
    grievance = rng.random(n) < 0.8
    pioneers = np.flatnonzero(grievance)[:3]
    thresholds = rng.uniform(0, 0.35, n)
    adjacency = nx.to_numpy_array(G, nodelist=range(n), dtype=int)
    degrees = adjacency.sum(axis=1)
    kw = dict(suppression=0.8, answer_rate=0.3, loyalty=1)
    run = simulate_platforms(G, steps=30, seed=21, grievance=grievance, initial_exits=pioneers.tolist(),
                             thresholds=thresholds, **kw)
    state = np.where(grievance, VOICING, CONTENT)
    state[pioneers] = EXITED
    strikes = np.zeros(n, dtype=int)
    draws = np.random.default_rng(21)
    external = [int((state == EXITED).sum())]
    for _ in range(30):
        u_voice, u_remove, u_answer = draws.random((3, n))
        outside = adjacency @ (state == EXITED)
        state, strikes = exit_step(state, strikes, thresholds, outside, degrees, u_remove, u_answer,
                                   u_voice=u_voice, **kw)
        external.append(int((state == EXITED).sum()))
    assert np.array_equal(run.final_state, state)
    assert run.external.tolist() == external
    assert run.final["exited"] > 0  # the case exercises exits


def test_negative_talk_by_hand_on_a_star():
    # Centre 0 (no grievance) with leaves 1..4: leaf 1 a pioneer outside, leaves 2 and 3
    # with grievances, leaf 4 without. Bystanders: 0 (4 contacts) and 4 (1 contact, the
    # centre, who posts nothing).
    # Step 0: the centre sees leaf 1 outside with reach 1.0: 1/4; leaf 4 sees 0 -> mean 0.125.
    # Step 1: nothing removed or answered, so leaves 2 and 3 stand (heard), seen with
    # reach 0.3: the centre sees (1 + 0.3 + 0.3) / 4 = 0.4; leaf 4 still 0 -> mean 0.2.
    run = simulate_platforms(nx.star_graph(4), 0.0, steps=1, seed=1,
                             grievance=np.array([False, True, True, True, False]), initial_exits=[1],
                             reach_internal=0.3, reach_external=1.0)
    assert run.negative_talk.tolist() == pytest.approx([0.125, 0.2])
    assert run.complaints.tolist() == [0, 2] and run.final_state.tolist() == [CONTENT, EXITED, HEARD, HEARD, CONTENT]


# --- loyalty, determinism ------------------------------------------------------------

@pytest.mark.parametrize("loyalty", [0, 1, 3])
def test_loyalty_delays_exits_by_exactly_its_value(loyalty):
    # Path 0-1-2-3, pioneer 0, everyone else aggrieved, threshold 1/2, every complaint
    # removed (suppression 1, so any seed): 1, 2 and 3 are all silenced at step
    # loyalty + 1. Consumer 1 leaves at once (contact 0 is outside: 1/2); 2 sees 1 outside
    # at the start of the next step (1/2), and 3 the step after (1/1).
    for seed in (0, 1, 2):
        run = simulate_platforms(nx.path_graph(4), 1.0, seed=seed, steps=10, loyalty=loyalty,
                                 grievance=np.ones(4, dtype=bool), initial_exits=[0], thresholds=0.5)
        assert run.exited_at.tolist() == [0, loyalty + 1, loyalty + 2, loyalty + 3]
    # the roles' loyalty adds to the model's
    patient = Role("patient", loyalty=2)
    run = simulate_platforms(nx.path_graph(4), 1.0, seed=0, steps=10, loyalty=loyalty,
                             grievance=np.ones(4, dtype=bool), initial_exits=[0], thresholds=0.5,
                             roles={patient: 1.0})
    assert run.exited_at.tolist() == [0, loyalty + 3, loyalty + 4, loyalty + 5]


def test_loyalty_postpones_the_tipping_point():
    assert critical_suppression(loyalty=1, **DEFAULTS) > critical_suppression(**DEFAULTS) + 0.1


def test_same_seed_same_run_different_seed_different_run(network):
    kw = dict(answer_rate=0.2, loyalty=1, roles={"customer": 0.5, "activist": 0.25, "counsellor": 0.25})
    a = simulate_platforms(network, 0.7, seed=3, **kw)
    b = simulate_platforms(network, 0.7, seed=3, **kw)
    c = simulate_platforms(network, 0.7, seed=4, **kw)
    assert series_equal(a, b) and not series_equal(a, c)
    g1, g2 = np.random.default_rng(8), np.random.default_rng(8)
    assert series_equal(simulate_platforms(network, 0.7, seed=g1), simulate_platforms(network, 0.7, seed=g2))


def test_the_complete_graph_shortcut_is_the_complete_graph():
    # counsellors too, one kind answering always (its chance not to answer is 0)
    roles = {"customer": 0.5, "counsellor": 0.3, Role("helper", voice=0.5, counsel=1.0): 0.2}
    for seed in range(3):
        for kw in (dict(answer_rate=0.3, loyalty=1), dict(roles=roles)):
            a = simulate_platforms(60, 0.8, seed=seed, **kw)
            b = simulate_platforms(nx.complete_graph(60), 0.8, seed=seed, **kw)
            assert series_equal(a, b, exact=False)


def test_a_single_role_of_customers_is_the_model_without_roles(network):
    assert series_equal(simulate_platforms(network, 0.6, seed=2),
                        simulate_platforms(network, 0.6, seed=2, roles={"customer": 1.0}))


def test_counsellors_resolve_grievances_the_operator_leaves_unanswered(network):
    # answer_rate 0: without counsellors no grievance is ever resolved (exactly). With a
    # fifth of consumers counselling (chance 0.3 each): about 400 * 0.7 = 280 complaints
    # stand, a consumer has about 2 counsellors among 10 contacts, so roughly half of the
    # standing complaints are answered; 20 is a bound far below that.
    alone = simulate_platforms(network, 0.3, seed=5)
    helped = simulate_platforms(network, 0.3, seed=5, roles={"customer": 0.8, "counsellor": 0.2})
    assert alone.final["resolved"] == 0
    assert helped.final["resolved"] > 20


# --- theory vs simulation ------------------------------------------------------------

def runs_on_complete_graph(n, suppression, runs, **kw):
    out = [simulate_platforms(n, suppression, seed=k, steps=200, **kw) for k in range(runs)]
    assert all(r.exits[-20:].sum() == 0 for r in out), "the runs have settled"
    return out


@pytest.mark.parametrize("suppression", [0.3, 0.8])
def test_exit_cascade_on_the_complete_graph_matches_granovetters_equilibrium(suppression):
    n, runs, a = 4000, 10, 0.3
    theory = platform_steady_state(suppression, answer_rate=a, **DEFAULTS)
    sims = runs_on_complete_graph(n, suppression, runs, answer_rate=a, **DEFAULTS)
    x = np.array([r.final["external_share"] for r in sims])
    # Tolerance. Each of the A*n non-pioneers with a grievance (A = g - rho) ends outside
    # independently with p = s * F(x*) given the final share x*; the feedback through x
    # multiplies the fluctuation by 1 / (1 - slope), slope = pool * F'(x*) (linearising
    # x = rho + pool F(x) around its solution). So one run's sd is
    # sqrt(A p (1 - p) / n) / (1 - slope), the mean of `runs` runs has sd / sqrt(runs);
    # 4 sd plus 2/n for the n-1 contacts vs n consumers and rounding.
    A = DEFAULTS["grievance_share"] - DEFAULTS["initial_exits"]
    z = (theory.external - DEFAULTS["threshold_mean"]) / DEFAULTS["threshold_sd"]
    p = suppression * stats.norm.cdf(z)
    slope = theory.pool * stats.norm.pdf(z) / DEFAULTS["threshold_sd"]
    assert slope < 0.9, "away from the tipping point, where the linearisation holds"
    sd = math.sqrt(A * p * (1 - p) / n) / (1 - slope)
    assert abs(x.mean() - theory.external) < 4 * sd / math.sqrt(runs) + 2 / n
    # Heard and resolved shares: Binomial(A n, q) with q = (1 - s)(1 - a) and (1 - s) a.
    for name, q in (("heard", (1 - suppression) * (1 - a)), ("resolved", (1 - suppression) * a)):
        counts = np.array([(r.final_state == {"heard": HEARD, "resolved": RESOLVED}[name]).sum() for r in sims])
        sd_q = math.sqrt(A * q * (1 - q) / n)
        assert abs(counts.mean() / n - getattr(theory, name)) < 4 * sd_q / math.sqrt(runs) + 1 / n
    # Negative talk on the complete graph is (0.3 H + 1.0 X) / (n - 1) exactly; its sd is at
    # most 0.3 sd(heard) + sd(external), and (n - 1) vs n shifts it by at most 1/n.
    talk = np.array([r.final["negative_talk"] for r in sims])
    sd_h = math.sqrt(A * (1 - suppression) * (1 - a) * (1 - (1 - suppression) * (1 - a)) / n)
    assert abs(talk.mean() - theory.negative_talk) < 4 * (0.3 * sd_h + sd) / math.sqrt(runs) + 1 / n


def test_exit_equilibrium_is_the_smallest_solution_above_the_pioneers():
    F = stats.norm(DEFAULTS["threshold_mean"], DEFAULTS["threshold_sd"]).cdf
    rho = DEFAULTS["initial_exits"]
    for pool in (0.05, 0.19, 0.21, 0.25, 0.3, 0.38):
        kw = dict(initial_exits=rho, threshold_mean=DEFAULTS["threshold_mean"], threshold_sd=DEFAULTS["threshold_sd"])
        x = exit_equilibrium(pool, **kw)
        assert abs(x - rho - pool * F(x)) < 1e-9
        grid = np.linspace(rho, x - 1e-6, 2001)
        assert (rho + pool * F(grid) > grid).all(), "no solution between the pioneers and x"
    assert exit_equilibrium(0.0) == 0.02


def test_critical_suppression_is_where_the_small_equilibrium_disappears():
    # Independently of the bisection: the map touches the diagonal where
    # rho + F(x)/F'(x) - x = 0 below the mean (module docstring); there pool = 1/F'(x),
    # and suppression = (pool / (g - rho)) ** (1 / (loyalty + 1)).
    g, rho, mean, sd = (DEFAULTS[k] for k in ("grievance_share", "initial_exits", "threshold_mean", "threshold_sd"))
    dist = stats.norm(mean, sd)
    x = optimize.brentq(lambda x: rho + dist.cdf(x) / dist.pdf(x) - x, rho, mean)
    pool = 1 / dist.pdf(x)
    for loyalty in (0, 1):
        expected = (pool / (g - rho)) ** (1 / (loyalty + 1))
        assert critical_suppression(loyalty=loyalty, tol=1e-6, **DEFAULTS) == pytest.approx(expected, abs=2e-6)
    # the condition for a jump: mean - rho > sd * sqrt(pi / 2); just on the other side,
    # no touching point exists and the rise is continuous
    assert mean - rho > sd * math.sqrt(math.pi / 2)


def test_below_the_tipping_point_the_cascade_stays_small_above_it_goes_large():
    s_star = critical_suppression(**DEFAULTS)
    below = platform_steady_state(s_star - 0.005, **DEFAULTS)
    above = platform_steady_state(s_star + 0.005, **DEFAULTS)
    # mean field: below, fewer than a third of the silenced leave; above, more than half
    assert (below.external - 0.02) < below.pool / 3 and (above.external - 0.02) > above.pool / 2
    assert above.external - below.external > 0.1  # a jump, not a slope
    # simulation, complete graph of 4000, 0.1 on either side: every run's exit share is
    # on its side of 0.1 + 0.02. Theory: 0.044 and 0.265; one run's sd (formula of the
    # test above) is at most about 0.005, so each margin is over 10 sd.
    low = platform_steady_state(s_star - 0.1, **DEFAULTS).external
    high = platform_steady_state(s_star + 0.1, **DEFAULTS).external
    assert low < 0.06 and high > 0.2
    for k in range(5):
        assert simulate_platforms(4000, s_star - 0.1, seed=k, steps=150).final["external_share"] < 0.12
        assert simulate_platforms(4000, s_star + 0.1, seed=k, steps=150).final["external_share"] > 0.12


def test_no_tipping_point_raises():
    with pytest.raises(RuntimeError, match="even removing every complaint"):
        critical_suppression(threshold_mean=0.9, threshold_sd=0.05)
    with pytest.raises(RuntimeError, match="at any suppression"):
        critical_suppression(threshold_mean=-0.5, threshold_sd=0.05)


# --- policies --------------------------------------------------------------------------

def mean_and_se(values):
    values = np.asarray(values, dtype=float)
    return values.mean(), values.std(ddof=1) / math.sqrt(len(values))


def test_answering_instead_of_suppressing_lowers_exits_and_resolves_grievances(network):
    # Policy A removes 80 % of complaints; policy B removes 40 % and answers 40 % of the
    # rest. Differences must exceed 4 standard errors of the difference of means.
    runs = 10
    a = [simulate_platforms(network, 0.8, seed=k) for k in range(runs)]
    b = [simulate_platforms(network, 0.4, answer_rate=0.4, seed=k) for k in range(runs)]
    exits_a, se_a = mean_and_se([r.final["exited"] for r in a])
    exits_b, se_b = mean_and_se([r.final["exited"] for r in b])
    assert exits_a - exits_b > 4 * math.hypot(se_a, se_b)
    assert all(r.final["resolved"] == 0 for r in a)  # nothing is answered under A
    resolved_b, se = mean_and_se([r.final["resolved"] for r in b])
    assert resolved_b > 4 * se
    # the mean field agrees on the direction
    ma, mb = platform_steady_state(0.8, **DEFAULTS), platform_steady_state(0.4, answer_rate=0.4, **DEFAULTS)
    assert ma.external > mb.external and mb.resolved > ma.resolved == 0


def test_suppression_lowers_negative_talk_a_little_then_raises_it_a_lot(network):
    # The lesson's "predict" question, at the defaults. Mean field: removing complaints
    # cuts the talk bystanders see until the exit cascade tips; past it, the permanent,
    # far-reaching talk outside more than doubles it.
    s_star = critical_suppression(**DEFAULTS)
    talk = {s: platform_steady_state(s, **DEFAULTS).negative_talk for s in (0.0, 0.3, s_star - 1e-3, s_star + 1e-3, 0.9)}
    assert talk[0.3] < talk[0.0] and talk[s_star - 1e-3] < talk[0.0]
    assert talk[s_star + 1e-3] > 1.5 * talk[0.0] and talk[0.9] > 2 * talk[0.0]
    # Simulation on a sparse network: the same two directions, each by 4 standard errors.
    runs = 12
    seen = {s: mean_and_se([simulate_platforms(network, s, seed=k).final["negative_talk"] for k in range(runs)])
            for s in (0.0, 0.2, 0.9)}
    (t0, e0), (t2, e2), (t9, e9) = seen[0.0], seen[0.2], seen[0.9]
    assert t0 - t2 > 4 * math.hypot(e0, e2)
    assert t9 - t0 > 4 * math.hypot(e0, e9)


# --- mean field bookkeeping, defaults, tables ------------------------------------------

@settings(max_examples=60)
@given(s=st.floats(0, 1), a=st.floats(0, 1), loyalty=st.integers(0, 4), g=st.floats(0.05, 1),
       rho=st.floats(0, 0.05), mean=st.floats(-0.2, 0.8), sd=st.floats(0.01, 0.5))
def test_steady_state_shares_add_up(s, a, loyalty, g, rho, mean, sd):
    rho = min(rho, g)
    state = platform_steady_state(s, answer_rate=a, loyalty=loyalty, grievance_share=g, initial_exits=rho,
                                  threshold_mean=mean, threshold_sd=sd)
    parts = state.content + state.heard + state.resolved + state.silenced + state.external
    assert parts == pytest.approx(1.0, abs=1e-9)
    assert state.company + state.external == pytest.approx(1.0, abs=1e-12)
    assert state.silenced >= -1e-9 and rho - 1e-12 <= state.external <= rho + state.pool + 1e-9
    assert state.pool == pytest.approx(silenced_share(s, grievance_share=g, initial_exits=rho, loyalty=loyalty))


def test_the_theory_and_the_simulation_share_their_defaults():
    sim = inspect.signature(simulate_platforms).parameters
    for function in (platform_steady_state, critical_suppression, exit_equilibrium, silenced_share):
        for name, parameter in inspect.signature(function).parameters.items():
            if name in sim and parameter.default is not inspect.Parameter.empty:
                assert parameter.default == sim[name].default, f"{function.__name__}({name})"


def test_tables_are_long_and_hold_the_series(network):
    run = simulate_platforms(network, 0.7, seed=1, steps=12)
    frame = run.to_frame()
    assert list(frame.columns) == ["step", "measure", "value"] and len(frame) == 13 * 8
    external = frame[frame.measure == "external"].sort_values("step")["value"].to_numpy()
    assert np.array_equal(external, run.external)
    steady = platform_steady_state(0.7).to_frame()
    assert steady.set_index("measure").loc["external", "value"] == platform_steady_state(0.7).external
    assert roles_frame()["name"].tolist() == list(ROLES)


# --- bad input ---------------------------------------------------------------------------

@pytest.mark.parametrize("kwargs, name", [
    (dict(suppression=1.5), "suppression"),
    (dict(steps=0), "steps"),
    (dict(loyalty=-1), "loyalty"),
    (dict(answer_rate=-0.1), "answer_rate"),
    (dict(grievance_share=2.0), "grievance_share"),
    (dict(grievance=np.ones(3, dtype=bool)), "grievance"),
    (dict(initial_exits=500), "initial_exits"),
    (dict(initial_exits=1.5), "initial_exits"),
    (dict(threshold_sd=-0.1), "threshold_sd"),
    (dict(thresholds=1.2), "thresholds"),
    (dict(reach_external=2.0), "reach_external"),
    (dict(roles={"customer": 0.5}), "roles"),
    (dict(roles={"troll": 1.0}), "roles"),
])
def test_bad_simulation_input_names_the_parameter(kwargs, name):
    args = dict(G_or_n=200, suppression=0.5)
    args.update(kwargs)
    with pytest.raises(ValueError, match=name):
        simulate_platforms(args.pop("G_or_n"), args.pop("suppression"), seed=1, **args)


def test_bad_network_and_pioneer_input_names_the_parameter():
    with pytest.raises(ValueError, match="G_or_n"):
        simulate_platforms(1, 0.5)
    with pytest.raises(ValueError, match="G_or_n"):
        simulate_platforms(nx.DiGraph([(0, 1)]), 0.5)
    with pytest.raises(TypeError, match="G_or_n"):
        simulate_platforms("graph", 0.5)
    with pytest.raises(ValueError, match="initial_exits names node 4"):
        simulate_platforms(nx.path_graph(5), 0.5, grievance=np.array([1, 1, 0, 0, 0], dtype=bool),
                           initial_exits=[4])
    with pytest.raises(ValueError, match="voice"):
        Role("loud", voice=2.0)


def test_bad_step_and_theory_input_names_the_parameter():
    ok = dict(state=np.array([VOICING, CONTENT]), strikes=np.array([0, 0]), thresholds=np.array([0.1, 0.1]),
              external_contacts=np.array([0, 0]), degrees=np.array([1, 1]), u_remove=np.array([0.1, 0.1]),
              u_answer=np.array([0.1, 0.1]))
    for name, value in (("u_remove", np.array([0.1])), ("thresholds", np.array([0.1, 1.5])),
                        ("state", np.array([VOICING, 9])), ("external_contacts", np.array([2, 0])),
                        ("strikes", np.array([-1, 0]))):
        with pytest.raises(ValueError, match=name):
            exit_step(**{**ok, name: value}, suppression=0.5)
    with pytest.raises(ValueError, match="u_voice"):
        exit_step(**ok, suppression=0.5, voice=0.5)
    with pytest.raises(ValueError, match="suppression"):
        exit_step(**ok, suppression=-0.5)
    with pytest.raises(ValueError, match="pool"):
        exit_equilibrium(0.99, initial_exits=0.02)
    with pytest.raises(ValueError, match="initial_exits"):
        platform_steady_state(0.5, grievance_share=0.01, initial_exits=0.02)
    with pytest.raises(ValueError, match="threshold_sd"):
        platform_steady_state(0.5, threshold_sd=0.0)
    with pytest.raises(ValueError, match="loyalty"):
        critical_suppression(loyalty=-1)
