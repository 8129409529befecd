"""Independent cascade, linear threshold, expected spread and live-edge worlds.

Exact expected spreads come from enumerating every live-edge world of a small graph.
Monte Carlo estimates must agree within 4 standard errors (a false alarm about once in
16,000 comparisons).
"""
import array
import itertools

import networkx as nx
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from course_lib.cascades import (
    expected_spread,
    independent_cascade,
    linear_threshold,
    sample_live_edge_worlds,
)
from course_lib.cascades.independent import arc_sources
from course_lib.networks import compile_network


def arcs_of(net):
    return list(zip(arc_sources(net).tolist(), net.indices.tolist()))


def exact_ic_spreads(G, p, seed_sets):
    """Exact expected spread of each seed set: a sum over all 2^arcs live-edge worlds of
    P(world) * |nodes reachable from the seed set over live arcs|."""
    net = compile_network(G)
    arcs = arcs_of(net)
    totals = [0.0] * len(seed_sets)
    seed_rows = [[net.index_of[s] for s in S] for S in seed_sets]
    for live in itertools.product([False, True], repeat=len(arcs)):
        kept = sum(live)
        prob = p**kept * (1 - p) ** (len(arcs) - kept)
        out = [[] for _ in range(net.n)]
        for (u, v), x in zip(arcs, live):
            if x:
                out[u].append(v)
        for i, rows in enumerate(seed_rows):
            seen, stack = set(rows), list(rows)
            while stack:
                for y in out[stack.pop()]:
                    if y not in seen:
                        seen.add(y)
                        stack.append(y)
            totals[i] += prob * len(seen)
    return totals


def exact_ic_spread(G, seeds, p):
    return exact_ic_spreads(G, p, [list(seeds)])[0]


def exact_lt_spread(G, seeds):
    """LT with weights 1/in-degree: each node keeps one in-arc (each with prob 1/deg)."""
    choices = [[None] if not list(G.predecessors(v) if G.is_directed() else G[v])
               else list(G.predecessors(v) if G.is_directed() else G[v]) for v in G]
    total = 0.0
    for pick in itertools.product(*choices):
        prob = np.prod([1.0 / len(c) for c in choices])
        H = nx.DiGraph()
        H.add_nodes_from(G)
        H.add_edges_from((u, v) for v, u in zip(G, pick) if u is not None)
        reached = set()
        for s in seeds:
            reached |= nx.descendants(H, s) | {s}
        total += prob * len(reached)
    return total


SMALL = {
    "path": nx.path_graph(4),
    "star": nx.star_graph(3),
    "triangle+tail": nx.Graph([(0, 1), (1, 2), (2, 0), (2, 3)]),
    "directed": nx.DiGraph([(0, 1), (1, 2), (0, 2), (2, 3), (3, 0)]),
}


@pytest.mark.parametrize("name", SMALL)
@pytest.mark.parametrize("p", [0.2, 0.6])
def test_ic_expected_spread_matches_enumeration(name, p):
    G = SMALL[name]
    exact = exact_ic_spread(G, [0], p)
    est = expected_spread(G, [0], model="ic", p=p, runs=20_000, seed=1)
    assert abs(est.spread - exact) <= 4 * est.stderr + 1e-9, (est, exact)
    worlds = sample_live_edge_worlds(G, "ic", p, worlds=20_000, seed=2)
    assert abs(worlds.spread([0]) - exact) <= 4 * est.stderr + 1e-9


@pytest.mark.parametrize("name", SMALL)
def test_lt_expected_spread_matches_enumeration(name):
    G = SMALL[name]
    exact = exact_lt_spread(G, [0])
    est = expected_spread(G, [0], model="lt", runs=20_000, seed=1)
    assert abs(est.spread - exact) <= 4 * est.stderr + 1e-9, (est, exact)
    worlds = sample_live_edge_worlds(G, "lt", worlds=20_000, seed=2)
    assert abs(worlds.spread([0]) - exact) <= 4 * est.stderr + 1e-9


@given(st.integers(2, 30), st.floats(0.05, 0.5), st.integers(0, 1000), st.floats(0, 1), st.booleans())
def test_fixed_coins_give_the_live_edge_reachable_set(n, density, graph_seed, p, directed):
    G = nx.gnp_random_graph(n, density, seed=graph_seed, directed=directed)
    net = compile_network(G)
    coins = np.random.default_rng(graph_seed).random(len(net.indices))
    seeds = [0]
    result = independent_cascade(G, seeds, p, coins=coins)
    H = nx.DiGraph()
    H.add_nodes_from(G)
    H.add_edges_from(a for a, c in zip(arcs_of(net), coins) if c <= p)
    assert result.active == nx.descendants(H, 0) | {0}
    # rounds are BFS levels in the live graph
    levels = nx.single_source_shortest_path_length(H, 0)
    assert result.rounds == max(levels.values())


def test_ic_and_lt_agree_with_cynetdiff_given_the_same_randomness():
    models = pytest.importorskip("cynetdiff.models")
    G = nx.barabasi_albert_graph(2000, 3, seed=4)
    net = compile_network(G)
    starts = array.array("I", net.indptr[:-1].tolist())
    edges = array.array("I", net.indices.tolist())
    rng = np.random.default_rng(5)
    seeds = [int(v) for v in rng.choice(net.n, 5, replace=False)]
    for trial in range(5):
        coins = rng.random(len(net.indices)).astype(np.float32)
        ic = models.IndependentCascadeModel(starts, edges, activation_prob=0.1,
                                            _edge_probabilities=array.array("f", coins.tolist()))
        ic.set_seeds(seeds)
        ic.advance_until_completion()
        ours = independent_cascade(net, seeds, 0.1, coins=coins.astype(float))
        assert ours.active == set(ic.get_activated_nodes())
        # LT with the same thresholds: float32 in cynetdiff, so use float32 values
        theta = rng.random(net.n).astype(np.float32)
        lt = models.LinearThresholdModel(starts, edges)
        lt.set_seeds(seeds)
        lt._assign_thresholds(array.array("f", theta.tolist()))
        lt.advance_until_completion()
        ours = linear_threshold(net, seeds, thresholds=theta.astype(float))
        assert ours.active == set(lt.get_activated_nodes())


def test_lt_with_given_thresholds_is_the_fractional_threshold_model():
    from course_lib.cascades import threshold_cascade

    G = nx.karate_club_graph()
    for phi in (0.1, 0.25, 0.4):
        assert linear_threshold(G, [0, 33], thresholds=phi).active == threshold_cascade(G, phi, [0, 33]).active


@given(st.integers(3, 9), st.integers(0, 500))
def test_live_edge_spread_monotone_and_submodular(n, graph_seed):
    G = nx.gnp_random_graph(n, 0.4, seed=graph_seed)
    worlds = sample_live_edge_worlds(G, "ic", 0.4, worlds=50, seed=graph_seed)
    nodes = list(G)
    a, b, extra = {nodes[0]}, {nodes[0], nodes[1]}, nodes[-1]
    f = worlds.spread
    assert f(a) <= f(b), "more seeds never reach fewer nodes"
    # diminishing returns: adding `extra` to the smaller set gains at least as much
    assert f(a | {extra}) - f(a) >= f(b | {extra}) - f(b) - 1e-12


def test_same_seed_same_result_and_generators_accepted():
    G = nx.barabasi_albert_graph(500, 2, seed=1)
    a = expected_spread(G, [0, 1], p=0.2, runs=300, seed=7)
    assert a == expected_spread(G, [0, 1], p=0.2, runs=300, seed=7)
    assert a != expected_spread(G, [0, 1], p=0.2, runs=300, seed=8)
    r1 = independent_cascade(G, [0], 0.3, seed=np.random.default_rng(3))
    r2 = independent_cascade(G, [0], 0.3, seed=np.random.default_rng(3))
    assert r1 == r2
    assert linear_threshold(G, [0], seed=4) == linear_threshold(G, [0], seed=4)


def test_per_edge_probabilities():
    G = nx.path_graph(3)
    assert independent_cascade(G, [0], {(0, 1): 1.0, (1, 2): 0.0}).active == {0, 1}
    # a mapping for an undirected tie serves both directions
    assert independent_cascade(G, [2], {(0, 1): 1.0, (1, 2): 1.0}).spread == 3


@pytest.mark.parametrize(
    "call, error, words",
    [
        (lambda G: independent_cascade(G, [0], 1.5), ValueError, "p must be at most 1"),
        (lambda G: independent_cascade(G, [0], [0.1, 0.2]), ValueError, "one value per arc"),
        (lambda G: independent_cascade(G, [9], 0.1), ValueError, "seeds contains 9"),
        (lambda G: independent_cascade(G, [0], {(0, 2): 0.5}), ValueError, "not an edge"),
        (lambda G: linear_threshold(G, [0], weights=-0.5), ValueError, "weights must be at least 0"),
        (lambda G: linear_threshold(G, [0], weights=0.9), ValueError, "sum to at most 1"),
        (lambda G: expected_spread(G, [0], model="sir"), ValueError, "model must be one of"),
        (lambda G: expected_spread(G, [0], runs=0), ValueError, "runs must be at least 1"),
        (lambda G: sample_live_edge_worlds(G, worlds=0), ValueError, "worlds must be at least 1"),
    ],
)
def test_bad_input_names_the_parameter(call, error, words):
    with pytest.raises(error, match=words):
        call(nx.path_graph(3))
