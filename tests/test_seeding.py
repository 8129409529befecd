"""Seed selection: heuristics on hand-made graphs, greedy against exact optima."""
import itertools

import networkx as nx
import numpy as np
import pytest

from course_lib.seeding import (
    compare_strategies,
    greedy_seeds,
    greedy_selection,
    random_seeds,
    top_degree,
    top_kshell,
    top_pagerank,
)
from test_word_of_mouth import exact_ic_spread, exact_ic_spreads


def test_heuristics_on_hand_made_graphs():
    G = nx.star_graph(5)
    G.add_edges_from([(10, 11), (11, 12), (12, 10), (12, 13)])  # triangle with a tail
    assert top_degree(G, 1) == [0]
    assert top_pagerank(G, 1) == [0]
    # the triangle is the 2-core; the star's hub is only in the 1-shell
    assert set(top_kshell(G, 3)) == {10, 11, 12}
    assert top_degree(G, 3)[:2] == [0, 12]


def test_random_seeds_reproducible_and_distinct():
    G = nx.path_graph(50)
    a = random_seeds(G, 10, seed=3)
    assert a == random_seeds(G, 10, seed=3) and len(set(a)) == 10
    assert a != random_seeds(G, 10, seed=4)


def test_greedy_first_choice_is_the_best_single_seed():
    G = nx.Graph([(0, 1), (0, 2), (0, 3), (3, 4), (4, 5), (5, 6), (6, 4)])
    p = 0.5
    exact = dict(zip(G, exact_ic_spreads(G, p, [[v] for v in G])))
    best = max(exact, key=exact.get)
    runner_up = sorted(exact.values())[-2]
    assert exact[best] - runner_up > 0.1  # a clear winner, far beyond MC error at 5,000 worlds
    assert greedy_seeds(G, 1, p=p, worlds=5000, seed=1) == [best]


def test_greedy_reaches_the_guarantee_against_brute_force():
    G = nx.Graph([(0, 1), (1, 2), (2, 0), (3, 4), (4, 5), (5, 6), (2, 3)])
    p, k = 0.4, 2
    optimum = max(exact_ic_spreads(G, p, list(itertools.combinations(G, k))))
    chosen = greedy_seeds(G, k, p=p, worlds=5000, seed=2)
    achieved = exact_ic_spread(G, chosen, p)
    assert achieved >= (1 - 1 / np.e) * optimum
    assert achieved >= optimum - 0.05  # on a graph this small greedy is essentially optimal


def test_greedy_spread_curve_is_monotone_with_diminishing_gains():
    G = nx.barabasi_albert_graph(300, 2, seed=1)
    sel = greedy_selection(G, 8, p=0.1, worlds=300, seed=1)
    gains = np.array(sel.gains)
    assert len(sel.seeds) == len(set(sel.seeds)) == 8
    assert np.all(gains >= 0) and np.all(np.diff(gains) <= 1e-12)
    assert sel.to_frame()["spread"].is_monotonic_increasing


def test_greedy_handles_isolated_nodes_and_components():
    G = nx.disjoint_union_all([nx.star_graph(4), nx.star_graph(2), nx.empty_graph(3)])
    sel = greedy_selection(G, 4, p=1.0, worlds=20, seed=1)
    # with p = 1 a seed activates its whole component: hubs first, then the isolated nodes
    assert sel.seeds[:2] == (0, 5) and sel.spread[:2] == (5.0, 8.0)
    assert sel.spread[3] == 10.0


def test_greedy_lt_model_and_labels():
    G = nx.relabel_nodes(nx.star_graph(4), lambda v: f"user{v}")
    assert greedy_seeds(G, 1, model="lt", worlds=200, seed=1) == ["user0"]


def test_greedy_reproducible():
    G = nx.barabasi_albert_graph(200, 2, seed=5)
    assert greedy_seeds(G, 5, p=0.1, worlds=200, seed=9) == greedy_seeds(G, 5, p=0.1, worlds=200, seed=9)


@pytest.mark.parametrize("k", [0, 6, 2.5])
def test_bad_k(k):
    G = nx.path_graph(5)
    with pytest.raises((ValueError, TypeError), match="k must"):
        top_degree(G, k)
    with pytest.raises((ValueError, TypeError), match="k must"):
        greedy_seeds(G, k)


@pytest.mark.slow  # greedy on 1,000 nodes and 2,000 worlds, then 30,000 scoring runs
def test_compare_strategies_ranks_greedy_and_degree_above_random():
    G = nx.barabasi_albert_graph(1000, 2, seed=3)
    table = compare_strategies(G, 5, ["random", "degree", "greedy"], p=0.1, runs=2000, seed=4)
    at5 = table[table.k == 5].set_index("strategy")
    # on a scale-free network hubs dominate: both beat random by far more than the errors
    for strategy in ("degree", "greedy"):
        assert at5.spread[strategy] - at5.spread["random"] > 4 * np.hypot(at5.stderr[strategy], at5.stderr["random"])
    assert (table.low <= table.spread).all() and (table.spread <= table.high).all()
    at1 = table[table.k == 1].set_index("strategy")
    assert ((at5.spread - at1.spread) > 4 * np.hypot(at5.stderr, at1.stderr)).all(), "more seeds, more spread"
    with pytest.raises(ValueError, match="strategies must be among"):
        compare_strategies(G, 2, ["influencers"])


@pytest.mark.parametrize("p", [0.05, 0.2])
def test_lazy_greedy_with_bounds_equals_plain_greedy(p):
    """CELF with cheap upper bounds must pick exactly what plain greedy picks on the same
    worlds: at every step the node with the largest gain, ties to the lowest index."""
    from course_lib.cascades import sample_live_edge_worlds

    G = nx.barabasi_albert_graph(150, 2, seed=6)
    runs, k = 60, 6
    sel = greedy_selection(G, k, p=p, worlds=runs, seed=11)
    worlds = sample_live_edge_worlds(G, "ic", p, runs, seed=11)
    covered = worlds.new_cover()
    plain = []
    for _ in range(k):
        gains = [round(worlds.marginal_gain(covered, v) * runs) for v in range(len(G))]
        best = max(range(len(G)), key=lambda v: (gains[v], -v))
        worlds.cover(covered, best)
        plain.append(best)
    assert list(sel.seeds) == plain


def test_strategy_rows_do_not_depend_on_the_order_of_strategies():
    G = nx.barabasi_albert_graph(80, 2, seed=3)
    both = compare_strategies(G, 3, ["random", "greedy"], p=0.1, runs=300, seed=5)
    reversed_ = compare_strategies(G, 3, ["greedy", "random"], p=0.1, runs=300, seed=5)
    alone = compare_strategies(G, 3, ["greedy"], p=0.1, runs=300, seed=5)
    for strategy in ("random", "greedy"):
        a = both[both.strategy == strategy].reset_index(drop=True)
        b = reversed_[reversed_.strategy == strategy].reset_index(drop=True)
        assert a.equals(b), f"{strategy}'s rows changed when the list was reordered"
    assert alone.reset_index(drop=True).equals(both[both.strategy == "greedy"].reset_index(drop=True))
    other = compare_strategies(G, 3, ["random"], p=0.1, runs=300, seed=6)
    assert not other.equals(both[both.strategy == "random"].reset_index(drop=True)), "the seed matters"


def test_linear_threshold_weights_reach_greedy_and_the_scoring():
    # a path 0 - 1 - 2 in which only the tie into 2 from 1 carries weight: under LT with
    # these weights node 1 reaches {1, 2} for sure, node 0 reaches only itself
    G = nx.DiGraph([(0, 1), (1, 2)])
    weights = {(0, 1): 0.0, (1, 2): 1.0}
    assert greedy_seeds(G, 1, model="lt", worlds=50, seed=1, weights=weights) == [1]
    table = compare_strategies(G, 1, ["greedy"], model="lt", runs=50, seed=1, weights=weights)
    assert table.spread.tolist() == [2.0], "greedy's seed reaches itself and node 2, every run"


def test_pagerank_damping_is_checked():
    G = nx.star_graph(4)
    with pytest.raises(ValueError, match="alpha .*below 1, got 1.0"):
        top_pagerank(G, 1, alpha=1.0)
    with pytest.raises(ValueError, match="alpha"):
        top_pagerank(G, 1, alpha=-0.1)
    assert top_pagerank(G, 1, alpha=0.5) == [0]


def test_cluster_seeds_are_a_connected_neighbourhood():
    import networkx as nx

    from course_lib.seeding import cluster_seeds

    ring = nx.cycle_graph(50)
    seeds = cluster_seeds(ring, 5, seed=3)
    assert nx.is_connected(ring.subgraph(seeds)) and len(set(seeds)) == 5
    assert cluster_seeds(ring, 5, seed=3) == seeds
    # breadth-first: the start's neighbours come before anyone two steps away
    start = seeds[0]
    assert set(seeds[1:3]) == set(ring[start])
    # a component too small: the search moves on to another
    two = nx.disjoint_union(nx.path_graph(2), nx.path_graph(3))
    assert sorted(cluster_seeds(two, 5, seed=1)) == [0, 1, 2, 3, 4]
