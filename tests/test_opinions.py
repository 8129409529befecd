"""Tests for course_lib.opinions: closed forms against iteration, hand-computed cases,
empowerment, expressed vs private opinions, and the errors students see.

Random influence matrices are drawn from seeded numpy Generators. ``positive_W`` mixes
Dirichlet rows with the uniform row, so every entry is at least ``mix / n``: one DeGroot
step then shrinks the opinion spread by a factor of at most ``1 - mix`` (Dobrushin's
coefficient), which is what the iteration tolerances below rest on.
"""
import networkx as nx
import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from course_lib._guard import ReferenceLockedError, student_code_under_test
from course_lib.opinions import (
    ExpressedPrivateResult,
    OpinionTrajectory,
    amplify_voice,
    degroot,
    degroot_consensus,
    expressed_private,
    expressed_private_equilibrium,
    friedkin_johnsen,
    friedkin_johnsen_equilibrium,
    friedkin_johnsen_step,
    influence_centrality,
    influence_matrix,
    influence_weights,
    lower_susceptibility,
    opinion_spread,
    social_power,
)

seeds = st.integers(0, 2**32 - 1)
sizes = st.integers(2, 8)


def positive_W(rng, n, mix=0.5):
    """Row-stochastic with every entry >= mix / n (strongly connected and aperiodic)."""
    return (1 - mix) * rng.dirichlet(np.ones(n), size=n) + mix / n


def sparse_W(rng, n, p=0.3, self_weight=0.2):
    """Row-stochastic on a connected random graph (strongly connected, aperiodic)."""
    while True:
        G = nx.gnp_random_graph(n, p, seed=int(rng.integers(2**31)))
        if nx.is_connected(G):
            return influence_weights(G, self_weight=self_weight)


# --------------------------------------------------------------------------- DeGroot


def test_degroot_hand_computed_two_agents():
    # pi W = pi with W = [[1/2, 1/2], [1/4, 3/4]] gives pi = (1/3, 2/3) by hand
    W = [[0.5, 0.5], [0.25, 0.75]]
    assert social_power(W) == pytest.approx([1 / 3, 2 / 3], abs=1e-15)
    assert degroot_consensus(W, [0.3, 0.9]) == pytest.approx(0.3 / 3 + 0.9 * 2 / 3, abs=1e-15)
    assert degroot(W, [0.0, 1.0], 1).trajectory[1].tolist() == [0.5, 0.75]


@given(seeds, sizes)
def test_degroot_consensus_matches_long_iteration(seed, n):
    rng = np.random.default_rng(seed)
    W = positive_W(rng, n)
    x0 = rng.uniform(-1, 1, n)
    final = degroot(W, x0, 60).final
    # spread shrinks by at least 1/2 per step: after 60 steps it is below 2 * 2**-60
    assert opinion_spread(final) < 1e-15
    # the consensus pi @ x(t) is the same for every t and lies within the range of x(t)
    assert np.all(np.abs(degroot_consensus(W, x0) - final) <= opinion_spread(final) + 1e-12)


@given(seeds, st.integers(3, 12))
def test_degroot_consensus_on_sparse_networks(seed, n):
    rng = np.random.default_rng(seed)
    W = sparse_W(rng, n)
    x0 = rng.uniform(0, 1, n)
    c = degroot_consensus(W, x0)
    # pi @ x(t) = pi @ x0 for every t, so the consensus stays inside the range of x(t)
    for x in degroot(W, x0, 300).trajectory[::50]:
        assert x.min() - 1e-12 <= c <= x.max() + 1e-12
    assert opinion_spread(degroot(W, x0, 3000).final) < 1e-9, "iteration should reach consensus"


@given(seeds, sizes)
def test_social_power_is_the_left_eigenvector(seed, n):
    rng = np.random.default_rng(seed)
    W = positive_W(rng, n)
    p = social_power(W)
    assert np.all(p >= 0) and p.sum() == pytest.approx(1, abs=1e-12)
    assert np.allclose(p @ W, p, atol=1e-12, rtol=0)
    values, vectors = np.linalg.eig(W.T)
    v = np.real(vectors[:, np.argmin(np.abs(values - 1))])
    assert np.allclose(p, v / v.sum(), atol=1e-10, rtol=0)


def test_social_power_is_zero_for_agents_nobody_listens_to():
    # agent 2 listens to 0 and 1, who ignore agent 2: it has no power
    W = [[0.5, 0.5, 0.0], [0.5, 0.5, 0.0], [0.3, 0.3, 0.4]]
    assert social_power(W).tolist() == pytest.approx([0.5, 0.5, 0.0], abs=1e-15)
    assert degroot_consensus(W, [0.0, 1.0, 7.0]) == pytest.approx(0.5, abs=1e-15)


def test_no_consensus_with_two_closed_groups():
    W = np.kron(np.eye(2), np.full((2, 2), 0.5))
    with pytest.raises(ValueError, match=r"W has 2 groups .*\[0, 1\].*\[2, 3\]"):
        degroot_consensus(W, [0, 1, 2, 3])
    with pytest.raises(ValueError, match="no single consensus"):
        social_power(W)
    # the iteration itself still runs and shows the separate limits
    assert degroot(W, [0, 1, 2, 3], 5).final.tolist() == [0.5, 0.5, 2.5, 2.5]


def test_no_consensus_when_periodic_and_self_weight_fixes_it():
    G = nx.cycle_graph(4)  # bipartite: period 2
    with pytest.raises(ValueError, match=r"periodic \(period 2\).*self_weight"):
        degroot_consensus(influence_weights(G), [0, 1, 0, 1])
    W = influence_weights(G, self_weight=0.1)
    assert degroot_consensus(W, [0, 1, 0, 1]) == pytest.approx(0.5, abs=1e-12)


# ------------------------------------------------------------------ Friedkin-Johnsen


def test_friedkin_johnsen_hand_computed_two_agents():
    # x1 = (x2 + 0)/2, x2 = (x1 + 1)/2  =>  x1 = 1/3, x2 = 2/3
    W = [[0, 1], [1, 0]]
    assert friedkin_johnsen_equilibrium(W, [0, 1], 0.5) == pytest.approx([1 / 3, 2 / 3], abs=1e-15)
    assert influence_matrix(W, 0.5) == pytest.approx(np.array([[2, 1], [1, 2]]) / 3, abs=1e-15)
    assert friedkin_johnsen_step(W, [0.5, 0.5], [0, 1], 0.5).tolist() == [0.25, 0.75]


def test_fully_stubborn_and_fully_susceptible_limits():
    rng = np.random.default_rng(5)
    W = positive_W(rng, 5)
    x0 = rng.uniform(size=5)
    assert np.array_equal(friedkin_johnsen_equilibrium(W, x0, 0.0), x0)
    assert np.array_equal(influence_matrix(W, 0.0), np.eye(5))
    # one fully stubborn agent among fully susceptible ones wins everybody over
    s = np.ones(5)
    s[2] = 0.0
    assert friedkin_johnsen_equilibrium(W, x0, s) == pytest.approx(np.full(5, x0[2]), abs=1e-12)


@given(seeds, sizes, st.floats(0.0, 0.9))
def test_friedkin_johnsen_equilibrium_matches_long_iteration(seed, n, top):
    rng = np.random.default_rng(seed)
    W = positive_W(rng, n)
    s = rng.uniform(0, top, n)
    x0 = rng.uniform(-1, 1, n)
    xstar = friedkin_johnsen_equilibrium(W, x0, s)
    # error after t steps is (ΛW)^t (x0 - x*), whose max-norm is at most 0.9^t * 2;
    # 0.9^400 * 2 < 1e-18, so only rounding (~1e-15) remains
    assert np.allclose(friedkin_johnsen(W, x0, s, 400).final, xstar, atol=1e-12, rtol=0)


def test_friedkin_johnsen_equilibrium_with_susceptibility_one_agents_matches_iteration():
    rng = np.random.default_rng(11)
    W = sparse_W(rng, 10)
    s = np.ones(10)
    s[[0, 7]] = [0.3, 0.8]  # two partly stubborn agents anchor everyone
    x0 = rng.uniform(size=10)
    traj = friedkin_johnsen(W, x0, s, 20_000)
    assert np.abs(traj.trajectory[-1] - traj.trajectory[-2]).max() < 1e-14, "not converged"
    assert np.allclose(traj.final, friedkin_johnsen_equilibrium(W, x0, s), atol=1e-10, rtol=0)


@given(seeds, sizes)
def test_step_is_one_row_of_the_trajectory(seed, n):
    rng = np.random.default_rng(seed)
    W, s, x0 = positive_W(rng, n), rng.uniform(size=n), rng.uniform(size=n)
    traj = friedkin_johnsen(W, x0, s, 3).trajectory
    for t in range(3):
        assert np.allclose(friedkin_johnsen_step(W, traj[t], x0, s), traj[t + 1], atol=1e-15, rtol=0)


@given(seeds, sizes, st.booleans())
def test_equilibrium_is_a_weighted_average_of_initial_opinions(seed, n, some_ones):
    rng = np.random.default_rng(seed)
    W = positive_W(rng, n)
    s = rng.uniform(size=n)
    if some_ones:
        s[: n - 1] = 1.0  # only the last agent keeps any anchor
    x0 = rng.uniform(-5, 5, n)
    V = influence_matrix(W, s)
    xstar = friedkin_johnsen_equilibrium(W, x0, s)
    assert np.all(V >= 0)
    assert np.allclose(V.sum(axis=1), 1, atol=1e-12, rtol=0)
    assert np.allclose(V @ x0, xstar, atol=1e-10, rtol=0)
    assert np.all(x0.min() - 1e-12 <= xstar) and np.all(xstar <= x0.max() + 1e-12)
    c = influence_centrality(W, s)
    assert np.allclose(c, V.mean(axis=0), atol=0, rtol=0)
    assert c.sum() == pytest.approx(1, abs=1e-12)


@given(seeds, st.integers(2, 6), st.integers(0, 3))
def test_uniqueness_check_agrees_with_spectral_radius(seed, half, ones_pattern):
    # two separate groups; each may or may not contain an agent with susceptibility < 1
    rng = np.random.default_rng(seed)
    W = np.zeros((2 * half, 2 * half))
    W[:half, :half] = positive_W(rng, half)
    W[half:, half:] = positive_W(rng, half)
    s = rng.uniform(0.1, 0.9, 2 * half)
    if ones_pattern & 1:
        s[:half] = 1.0
    if ones_pattern & 2:
        s[half:] = 1.0
    rho = np.max(np.abs(np.linalg.eigvals(s[:, None] * W)))
    if ones_pattern:
        assert rho > 1 - 1e-9
        with pytest.raises(ValueError, match="No unique Friedkin-Johnsen equilibrium"):
            friedkin_johnsen_equilibrium(W, np.zeros(2 * half), s)
    else:
        assert rho <= 0.9 + 1e-9  # rows of ΛW sum to at most 0.9
        friedkin_johnsen_equilibrium(W, np.zeros(2 * half), s)


def test_no_unique_equilibrium_when_everyone_fully_susceptible():
    W = positive_W(np.random.default_rng(0), 4)
    with pytest.raises(ValueError, match=r"every agent has susceptibility 1.*DeGroot"):
        friedkin_johnsen_equilibrium(W, [0, 1, 2, 3], 1.0)
    with pytest.raises(ValueError, match="susceptibility"):
        influence_matrix(W, [1, 1, 1, 1])
    with pytest.raises(ValueError, match="susceptibility"):
        influence_centrality(W, 1)


def test_reference_functions_are_locked_during_a_check():
    W = [[0, 1], [1, 0]]
    with student_code_under_test():
        with pytest.raises(ReferenceLockedError):
            friedkin_johnsen_step(W, [0, 1], [0, 1], 0.5)
        with pytest.raises(ReferenceLockedError):
            friedkin_johnsen_equilibrium(W, [0, 1], 0.5)
        # functions that give the answers away are locked too (lessons never run
        # inside a check, so they are unaffected)
        for give_away in (lambda: friedkin_johnsen(W, [0, 1], 0.5, 2), lambda: influence_centrality(W, 0.5)):
            with pytest.raises(ReferenceLockedError):
                give_away()
        # the weights rule students use to build W stays available
        influence_weights(nx.path_graph(2))
    assert friedkin_johnsen_step(W, [0, 1], [0, 1], 0.5).tolist() == [0.5, 0.5]


# --------------------------------------------------------------- influence weights


def test_influence_weights_rule():
    G = nx.Graph([("a", "b"), ("a", "c")])
    G.add_node("lonely")
    W = influence_weights(G, self_weight=0.2)
    # order a, b, c, lonely; a splits 0.8 over b, c; b and c give 0.8 to a
    expected = [[0.2, 0.4, 0.4, 0], [0.8, 0.2, 0, 0], [0.8, 0, 0.2, 0], [0, 0, 0, 1]]
    assert W == pytest.approx(np.array(expected), abs=1e-15)


def test_influence_weights_directed_rows_are_successors():
    G = nx.DiGraph([(0, 1), (0, 2), (1, 2)])  # 0 listens to 1 and 2, 1 listens to 2
    W = influence_weights(G)
    assert W.tolist() == [[0.0, 0.5, 0.5], [0.0, 0.0, 1.0], [0.0, 0.0, 1.0]]
    # everybody follows agent 2, who listens to nobody else
    assert social_power(W).tolist() == [0.0, 0.0, 1.0]


@given(seeds, st.integers(1, 30), st.floats(0, 1), st.floats(0, 1))
def test_influence_weights_rows_sum_to_one(seed, n, p, self_weight):
    G = nx.gnp_random_graph(n, p, seed=seed, directed=seed % 2 == 0)
    W = influence_weights(G, self_weight=self_weight)
    assert W.shape == (n, n) and np.all(W >= 0)
    assert np.allclose(W.sum(axis=1), 1, atol=1e-12, rtol=0)
    for i in range(n):  # ties only where the graph has edges (or on the diagonal)
        assert set(np.flatnonzero(W[i])) - {i} <= set(G.neighbors(i))


def test_influence_weights_bad_input():
    with pytest.raises(ValueError, match="self_weight"):
        influence_weights(nx.path_graph(3), self_weight=1.5)
    G = nx.path_graph(3)
    G.add_edge(1, 1)
    with pytest.raises(ValueError, match="self-loop"):
        influence_weights(G)
    with pytest.raises(TypeError, match="networkx graph"):
        influence_weights([[0, 1], [1, 0]])


# --------------------------------------------------------------------- empowerment


@given(seeds, sizes, st.data())
def test_lower_susceptibility_raises_influence_centrality(seed, n, data):
    rng = np.random.default_rng(seed)
    W = positive_W(rng, n)
    s = rng.uniform(0.2, 0.95, n)
    agent = data.draw(st.integers(0, n - 1))
    amount = data.draw(st.floats(0.05, 1.0))
    s_new = lower_susceptibility(W, s, [agent], amount)
    assert s_new[agent] == pytest.approx(max(s[agent] - amount, 0.0), abs=1e-15)
    assert np.array_equal(np.delete(s_new, agent), np.delete(s, agent))
    before = influence_matrix(W, s)[:, agent]
    after = influence_matrix(W, s_new)[:, agent]
    # the agent's share grows in everybody's final opinion, not only on average
    assert np.all(after >= before - 1e-12)
    assert influence_centrality(W, s_new)[agent] > influence_centrality(W, s)[agent] + 1e-6


@given(seeds, sizes, st.data())
def test_amplify_voice_raises_influence_and_social_power(seed, n, data):
    rng = np.random.default_rng(seed)
    W = positive_W(rng, n)
    s = rng.uniform(0.2, 0.95, n)
    agent = data.draw(st.integers(0, n - 1))
    factor = data.draw(st.floats(1.5, 10.0))
    W_new = amplify_voice(W, agent, factor)
    assert np.allclose(W_new.sum(axis=1), 1, atol=1e-12, rtol=0) and np.all(W_new >= 0)
    assert W_new[agent, agent] == pytest.approx(W[agent, agent] / W[agent].sum(), abs=1e-15)
    others = np.arange(n) != agent
    assert np.all(W_new[others, agent] > W[others, agent])
    assert influence_centrality(W_new, s)[agent] > influence_centrality(W, s)[agent] + 1e-6
    assert social_power(W_new)[agent] > social_power(W)[agent] + 1e-6


def test_amplify_voice_hand_computed_and_keeps_zero_ties():
    W = [[0.5, 0.5, 0.0], [0.0, 0.5, 0.5], [0.5, 0.0, 0.5]]
    W_new = amplify_voice(W, [0], 3)
    # row 2: (0.5 * 3, 0, 0.5) / 2 = (0.75, 0, 0.25); row 1 has no tie to 0 and is unchanged
    assert W_new == pytest.approx(np.array([[0.5, 0.5, 0], [0, 0.5, 0.5], [0.75, 0, 0.25]]), abs=1e-15)
    assert amplify_voice(W, [0, 1], 1.0) == pytest.approx(np.array(W), abs=1e-15)


def test_empowerment_bad_input():
    W = [[0.5, 0.5], [0.5, 0.5]]
    with pytest.raises(ValueError, match="agents contains 2"):
        amplify_voice(W, [2], 2)
    with pytest.raises(ValueError, match="agents is empty"):
        amplify_voice(W, [], 2)
    with pytest.raises(TypeError, match="agents"):
        lower_susceptibility(W, 0.5, ["a"], 0.1)
    with pytest.raises(ValueError, match="factor"):
        amplify_voice(W, [0], 0)
    with pytest.raises(ValueError, match="amount"):
        lower_susceptibility(W, 0.5, [0], -0.1)
    with pytest.raises(ValueError, match="susceptibility"):
        lower_susceptibility(W, [0.5, 1.2], [0], 0.1)


# -------------------------------------------------------- expressed vs private opinions


def test_expressed_private_hand_computed_two_agents():
    W = [[0.5, 0.5], [0.5, 0.5]]
    result = expressed_private(W, [0.0, 1.0], 0.5, 0.5, steps=1)
    # private: 0.5 * (0.5 * own private + 0.5 * other's expressed) + 0.5 * x0
    assert result.private[1].tolist() == [0.25, 0.75]
    # expressed: 0.5 * new private + 0.5 * (W @ expressed(0)) = 0.5 * x(1) + 0.25
    assert result.expressed[1].tolist() == [0.375, 0.625]
    # step 2 tells own private (0.25) from own expressed (0.375) opinion in the private update:
    # x_0(2) = 0.5 * (0.5 * 0.25 + 0.5 * 0.625) = 0.21875, x̂_0(2) = 0.5 * 0.21875 + 0.5 * 0.5
    result = expressed_private(W, [0.0, 1.0], 0.5, 0.5, steps=2)
    assert result.private[2].tolist() == [0.21875, 0.78125]
    assert result.expressed[2].tolist() == [0.359375, 0.640625]
    # by hand: a = (1 - b) / 3 and b = a / 2 + 1/4 give b = 5/14, a = 3/14
    x, xhat = expressed_private_equilibrium(W, [0.0, 1.0], 0.5, 0.5)
    assert x == pytest.approx([3 / 14, 11 / 14], abs=1e-15)
    assert xhat == pytest.approx([5 / 14, 9 / 14], abs=1e-15)


@given(seeds, sizes, st.sampled_from(["local", "global"]))
def test_expressed_private_equilibrium_matches_long_iteration(seed, n, pressure):
    rng = np.random.default_rng(seed)
    W = positive_W(rng, n)
    s = rng.uniform(0, 0.9, n)
    phi = rng.uniform(0.1, 1, n)
    x0 = rng.uniform(-1, 1, n)
    x, xhat = expressed_private_equilibrium(W, x0, s, phi, pressure=pressure)
    result = expressed_private(W, x0, s, phi, 3000, pressure=pressure)
    assert np.abs(result.private[-1] - result.private[-2]).max() < 1e-14, "not converged"
    assert np.allclose(result.private[-1], x, atol=1e-10, rtol=0)
    assert np.allclose(result.expressed[-1], xhat, atol=1e-10, rtol=0)
    # everything is a weighted average of x0 ...
    assert np.all(x0.min() - 1e-12 <= np.r_[x, xhat]) and np.all(np.r_[x, xhat] <= x0.max() + 1e-12)
    # ... and expressed opinions average private ones: no wider than them (pluralistic ignorance)
    assert x.min() - 1e-12 <= xhat.min() and xhat.max() <= x.max() + 1e-12
    assert opinion_spread(xhat) <= opinion_spread(x) + 1e-12


@given(seeds, sizes, st.sampled_from(["local", "global"]))
def test_nobody_stubborn_reaches_one_consensus(seed, n, pressure):
    rng = np.random.default_rng(seed)
    W = positive_W(rng, n)
    phi = rng.uniform(0.1, 0.9, n)
    x0 = rng.uniform(-1, 1, n)
    result = expressed_private(W, x0, 1.0, phi, 3000, pressure=pressure)
    everything = np.r_[result.private[-1], result.expressed[-1]]
    assert opinion_spread(everything) < 1e-9, "private and expressed should all agree"
    assert x0.min() <= everything[0] <= x0.max()
    with pytest.raises(ValueError, match="not anchored.*susceptibility below 1"):
        expressed_private_equilibrium(W, x0, 1.0, phi, pressure=pressure)


@pytest.mark.parametrize("seed", range(10))
@pytest.mark.parametrize("stubborn", ["two", "all"])
def test_stubborn_agents_keep_a_private_expressed_gap(seed, stubborn):
    rng = np.random.default_rng(seed)
    n = 6
    W = positive_W(rng, n)
    s = np.ones(n)
    if stubborn == "two":
        s[[0, 1]] = 0.5
    else:
        s = rng.uniform(0.1, 0.9, n)
    x0 = rng.uniform(0, 1, n)
    result = expressed_private(W, x0, s, 0.4, 3000)
    assert np.abs(result.gap).max() > 1e-3, "somebody should say something other than they think"
    assert result.expressed_spread[-1] < result.private_spread[-1] - 1e-3
    x, xhat = expressed_private_equilibrium(W, x0, s, 0.4)
    assert np.allclose(result.gap, xhat - x, atol=1e-10, rtol=0)


def test_one_stubborn_agent_wins_everybody_over():
    # the only anchor: everybody, privately and publicly, ends at agent 0's initial opinion
    rng = np.random.default_rng(2)
    W = positive_W(rng, 5)
    s = np.ones(5)
    s[0] = 0.5
    x0 = rng.uniform(size=5)
    x, xhat = expressed_private_equilibrium(W, x0, s, 0.4)
    assert np.allclose(np.r_[x, xhat], x0[0], atol=1e-12, rtol=0)
    result = expressed_private(W, x0, s, 0.4, 3000)
    assert np.allclose(np.r_[result.private[-1], result.expressed[-1]], x0[0], atol=1e-10, rtol=0)


def test_full_resilience_is_friedkin_johnsen():
    rng = np.random.default_rng(3)
    W, s, x0 = positive_W(rng, 5), rng.uniform(size=5), rng.uniform(size=5)
    result = expressed_private(W, x0, s, 1.0, 30)
    fj = friedkin_johnsen(W, x0, s, 30).trajectory
    assert np.allclose(result.private, fj, atol=1e-14, rtol=0)
    assert np.array_equal(result.private, result.expressed)


def test_global_pressure_uses_the_population_mean():
    W = [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]]  # nobody listens to anybody
    result = expressed_private(W, [0.0, 0.0, 3.0], 0.0, 0.5, 1, pressure="global")
    assert result.private[1].tolist() == [0.0, 0.0, 3.0]
    assert result.expressed[1].tolist() == [0.5, 0.5, 2.0]  # halfway to the mean 1


# --------------------------------------------------------------- results and tables


def test_results_are_frozen_tidy_and_read_only():
    W = [[0.5, 0.5], [0.25, 0.75]]
    result = degroot(W, [0.0, 1.0], 3)
    assert isinstance(result, OpinionTrajectory) and result.model == "degroot"
    assert result.trajectory.shape == (4, 2) and result.steps == 3 and result.n == 2
    with pytest.raises(ValueError):
        result.trajectory[0, 0] = 5.0
    with pytest.raises(AttributeError):
        result.model = "other"
    frame = result.to_frame()
    assert list(frame.columns) == ["step", "agent", "opinion"] and len(frame) == 8
    assert frame.query("step == 1").opinion.tolist() == [0.5, 0.75]
    assert friedkin_johnsen(W, [0, 1], 0.5, 0).trajectory.tolist() == [[0.0, 1.0]]

    ep = expressed_private(W, [0.0, 1.0], 0.5, 0.5, 2)
    assert isinstance(ep, ExpressedPrivateResult)
    table = ep.to_frame()
    assert list(table.columns) == ["step", "agent", "kind", "opinion"] and len(table) == 12
    wide = table.pivot_table(index=["step", "agent"], columns="kind", values="opinion")
    assert np.array_equal(wide["private"].to_numpy(), ep.private.ravel())
    assert np.array_equal(wide["expressed"].to_numpy(), ep.expressed.ravel())
    assert isinstance(table, pd.DataFrame)


def test_opinion_spread():
    assert opinion_spread([3.0]) == 0.0
    assert opinion_spread([1, 4, 2]) == 3.0
    assert opinion_spread(np.array([[0, 2], [1, 1]])).tolist() == [2.0, 0.0]
    with pytest.raises(ValueError, match="shape"):
        opinion_spread([])


# -------------------------------------------------------------------------- bad input

GOOD_W = [[0.5, 0.5], [0.5, 0.5]]


@pytest.mark.parametrize(
    "W, error, pattern",
    [
        ([[0.5, 0.5]], ValueError, r"W must be a square matrix"),
        ([0.5, 0.5], ValueError, r"W must be a square matrix"),
        (np.zeros((0, 0)), ValueError, r"W is empty"),
        ([[0.6, 0.5], [0.5, 0.5]], ValueError, r"W must be row-stochastic.*row 0 sums to 1.1"),
        ([[0.5, 0.5], [0.5, 0.5 + 1e-8]], ValueError, r"W must be row-stochastic.*row 1"),
        ([[1.5, -0.5], [0.5, 0.5]], ValueError, r"W has a negative entry -0.5 at row 0, column 1"),
        ([[np.nan, 1], [0.5, 0.5]], ValueError, r"W has a non-finite entry"),
        ([["a", "b"], ["c", "d"]], TypeError, r"W must be a square matrix of numbers"),
        ("W", TypeError, r"W must be a square matrix of numbers"),
        (nx.path_graph(2), TypeError, r"influence_weights"),
    ],
)
def test_bad_influence_matrix(W, error, pattern):
    for call in (
        lambda: degroot(W, [0, 1], 1),
        lambda: friedkin_johnsen_equilibrium(W, [0, 1], 0.5),
        lambda: expressed_private(W, [0, 1], 0.5, 0.5, 1),
    ):
        with pytest.raises(error, match=pattern):
            call()


def test_row_sums_within_tolerance_are_accepted_and_normalised():
    W = [[0.5, 0.5 + 5e-10], [0.5, 0.5]]
    result = degroot(W, [1.0, 1.0], 1000)
    # unnormalised, row 0 would grow the opinions by ~2.5e-10 per step: ~2.5e-7 after 1000;
    # normalised, only rounding (~1e-16 per step) remains
    assert np.allclose(result.final, 1, atol=1e-12, rtol=0)


@pytest.mark.parametrize(
    "kwargs, error, pattern",
    [
        (dict(susceptibility=1.5), ValueError, r"susceptibility must be at most 1"),
        (dict(susceptibility=-0.1), ValueError, r"susceptibility must be at least 0"),
        (dict(susceptibility=[0.5, 0.5, 0.5]), ValueError, r"susceptibility must have one value per"),
        (dict(susceptibility=[0.5, 1.2]), ValueError, r"susceptibility must lie between 0 and 1"),
        (dict(susceptibility="high"), TypeError, r"susceptibility"),
        (dict(susceptibility=None), TypeError, r"susceptibility"),
        (dict(resilience=2.0), ValueError, r"resilience must be at most 1"),
        (dict(resilience=[0.5]), ValueError, r"resilience must have one value per"),
        (dict(resilience=[0.5, np.nan]), ValueError, r"resilience must lie between 0 and 1"),
        (dict(x0=[0, 1, 2]), ValueError, r"x0 must hold one opinion per agent \(2 values"),
        (dict(x0=[0, np.inf]), ValueError, r"x0 has a non-finite opinion"),
        (dict(x0="ab"), TypeError, r"x0"),
        (dict(steps=-1), ValueError, r"steps must be at least 0"),
        (dict(steps=2.5), TypeError, r"steps must be a whole number"),
        (dict(pressure="everyone"), ValueError, r"pressure must be 'local' or 'global'"),
    ],
)
def test_bad_expressed_private_arguments(kwargs, error, pattern):
    args = dict(W=GOOD_W, x0=[0.0, 1.0], susceptibility=0.5, resilience=0.5, steps=2)
    args.update(kwargs)
    with pytest.raises(error, match=pattern):
        expressed_private(**args)


@pytest.mark.parametrize(
    "call",
    [
        lambda s: friedkin_johnsen(GOOD_W, [0, 1], s, 2),
        lambda s: friedkin_johnsen_step(GOOD_W, [0, 1], [0, 1], s),
        lambda s: friedkin_johnsen_equilibrium(GOOD_W, [0, 1], s),
        lambda s: influence_matrix(GOOD_W, s),
        lambda s: influence_centrality(GOOD_W, s),
    ],
)
@pytest.mark.parametrize(
    "s, pattern", [(1.01, "at most 1"), ([0.5], "one value per"), ([0.5, -1], "between 0 and 1")]
)
def test_bad_susceptibility_in_friedkin_johnsen(call, s, pattern):
    with pytest.raises(ValueError, match=f"susceptibility must.*{pattern}"):
        call(s)


def test_friedkin_johnsen_step_names_x():
    with pytest.raises(ValueError, match=r"x must hold one opinion per agent"):
        friedkin_johnsen_step(GOOD_W, [0, 1, 2], [0, 1], 0.5)
