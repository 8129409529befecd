"""Centrality tables, rankings and top-k overlap: hand-computed cases, networkx, formulas."""
import math

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from course_lib._guard import ReferenceLockedError, student_code_under_test
from course_lib.centrality import (
    EXACT_BETWEENNESS_MAX_NODES,
    TopKOverlap,
    activity_ranking,
    activity_scores,
    centrality_table,
    overlap_curve,
    ranking,
    top_k_overlap,
)
from course_lib.networks import compile_network


def two_triangles_and_a_tail():
    """Triangles 0-1-2 and 3-4-5 joined by the bridge 2-3; node 6 hangs off node 0."""
    return nx.Graph([(0, 1), (1, 2), (2, 0), (3, 4), (4, 5), (5, 3), (2, 3), (0, 6)])


# ------------------------------------------------------------ hand-computed tables


def test_star_by_hand():
    leaves, alpha = 3, 0.85
    table = centrality_table(nx.star_graph(leaves))
    assert list(table.columns) == ["degree", "kshell", "pagerank", "betweenness"]
    assert table["degree"].tolist() == [3, 1, 1, 1]
    assert table["kshell"].tolist() == [1, 1, 1, 1]
    # the hub is on the one shortest path between every pair of leaves
    assert table["betweenness"].tolist() == [1.0, 0.0, 0.0, 0.0]
    # PageRank by symmetry: hub h, leaves x; h = (1-a)/N + a L x, x = (1-a)/N + a h / L
    n = leaves + 1
    hub = (1 + alpha * leaves) / (n * (1 + alpha))
    assert table["pagerank"].tolist() == pytest.approx([hub] + [(1 - hub) / leaves] * leaves, abs=1e-6)
    assert ranking(table, "degree") == ranking(table, "pagerank") == [0, 1, 2, 3]


def test_path_by_hand():
    table = centrality_table(nx.path_graph(5))
    # node 1 lies between 0 and {2, 3, 4}: 3 of the C(4, 2) = 6 pairs of other nodes
    assert table["betweenness"].tolist() == pytest.approx([0, 3 / 6, 4 / 6, 3 / 6, 0])
    assert table["degree"].tolist() == [1, 2, 2, 2, 1]
    assert ranking(table, "betweenness") == [2, 1, 3, 0, 4]
    assert ranking(table, "degree") == [1, 2, 3, 0, 4]  # ties in graph order
    assert ranking(table, "kshell") == [0, 1, 2, 3, 4]  # all tied


def test_two_triangles_by_hand():
    table = centrality_table(two_triangles_and_a_tail())
    assert table["kshell"].to_dict() == {0: 2, 1: 2, 2: 2, 3: 2, 4: 2, 5: 2, 6: 1}
    assert table["degree"].to_dict() == {0: 3, 1: 2, 2: 3, 3: 3, 4: 2, 5: 2, 6: 1}
    # of the C(6, 2) = 15 pairs of other nodes, node 2 separates {0, 1, 6} from {3, 4, 5}
    # (9 pairs), node 3 separates {0, 1, 2, 6} from {4, 5} (8), node 0 separates 6 (5)
    expected = {0: 5 / 15, 1: 0, 2: 9 / 15, 3: 8 / 15, 4: 0, 5: 0, 6: 0}
    assert table["betweenness"].to_dict() == pytest.approx(expected)
    assert ranking(table, "betweenness")[:3] == [2, 3, 0]


def test_equal_split_between_two_shortest_paths():
    # a square: the two middle nodes share the 0-3 pair; C(3, 2) = 3 pairs of others each
    table = centrality_table(nx.cycle_graph(4), ["betweenness"])
    assert table["betweenness"].tolist() == pytest.approx([1 / 6] * 4)


# -------------------------------------------------------------- against networkx


@pytest.mark.parametrize("make", [
    lambda: nx.barabasi_albert_graph(300, 2, seed=1),
    lambda: nx.watts_strogatz_graph(200, 4, 0.2, seed=2),
    lambda: nx.disjoint_union(nx.karate_club_graph(), nx.path_graph(7)),
    lambda: nx.gnp_random_graph(60, 0.08, seed=3, directed=True),
])
def test_columns_match_networkx(make):
    G = make()
    table = centrality_table(G)
    assert list(table.index) == list(G)
    degree = dict(G.out_degree()) if G.is_directed() else dict(G.degree())
    assert table["degree"].to_dict() == degree
    assert table["pagerank"].to_dict() == pytest.approx(nx.pagerank(G), abs=1e-12)
    assert table["betweenness"].to_dict() == pytest.approx(nx.betweenness_centrality(G), abs=1e-12)
    assert table["kshell"].to_dict() == nx.core_number(G.to_undirected())
    assert table.attrs["betweenness_pivots"] is None


def test_labels_are_kept():
    G = nx.relabel_nodes(nx.path_graph(4), {0: "ann", 1: "bo", 2: "cy", 3: "di"})
    assert ranking(centrality_table(G), "betweenness")[:2] == ["bo", "cy"]
    grid = nx.grid_2d_graph(3, 3)  # tuple labels stay tuples, not a MultiIndex
    table = centrality_table(grid, ["degree", "betweenness"])
    assert table.index.nlevels == 1 and table.index[0] == (0, 0)
    assert ranking(table, "betweenness")[0] == (1, 1)
    compiled = centrality_table(compile_network(G))
    pd.testing.assert_frame_equal(compiled, centrality_table(G))


def test_sampled_betweenness_is_networkx_with_the_same_pivots():
    G = nx.barabasi_albert_graph(400, 3, seed=4)
    table = centrality_table(G, ["betweenness"], betweenness_sample=60, seed=7)
    assert table.attrs["betweenness_pivots"] == 60
    expected = nx.betweenness_centrality(G, k=60, seed=table.attrs["betweenness_seed"])
    assert table["betweenness"].to_dict() == pytest.approx(expected, abs=1e-12)
    # reproducible with the seed, different with another seed
    again = centrality_table(G, ["betweenness"], betweenness_sample=60, seed=7)
    other = centrality_table(G, ["betweenness"], betweenness_sample=60, seed=8)
    pd.testing.assert_frame_equal(table, again)
    assert not np.allclose(table["betweenness"], other["betweenness"])
    # the estimate ranks the top nodes roughly as the exact values do
    exact = centrality_table(G, ["betweenness"])
    assert top_k_overlap(ranking(exact, "betweenness"), ranking(table, "betweenness"), 10).shared >= 7


def test_betweenness_is_exact_up_to_the_limit_and_sampled_above():
    small = nx.path_graph(EXACT_BETWEENNESS_MAX_NODES)
    assert centrality_table(small, ["betweenness"]).attrs["betweenness_pivots"] is None
    big = nx.path_graph(EXACT_BETWEENNESS_MAX_NODES + 1)
    table = centrality_table(big, ["betweenness"], seed=1)
    assert table.attrs["betweenness_pivots"] == 500
    # a sample at least as large as the graph is exact
    exact = centrality_table(nx.path_graph(10), ["betweenness"], betweenness_sample=10)
    assert exact.attrs["betweenness_pivots"] is None
    assert exact["betweenness"].tolist() == pytest.approx(list(nx.betweenness_centrality(nx.path_graph(10)).values()))


def test_measure_selection_and_errors():
    G = nx.path_graph(4)
    assert list(centrality_table(G, ["pagerank", "degree"]).columns) == ["pagerank", "degree"]
    assert list(centrality_table(G, "kshell").columns) == ["kshell"]
    with pytest.raises(ValueError, match="measures contains 'closeness'"):
        centrality_table(G, ["degree", "closeness"])
    with pytest.raises(ValueError, match="measures"):
        centrality_table(G, [])
    with pytest.raises(ValueError, match="betweenness_sample must be at least 2"):
        centrality_table(G, betweenness_sample=1)
    with pytest.raises(TypeError, match="betweenness_sample must be a whole number"):
        centrality_table(G, betweenness_sample=2.5)
    with pytest.raises(ValueError, match="self-loop"):
        centrality_table(nx.Graph([(0, 0), (0, 1)]))
    table = centrality_table(G, ["degree"])
    with pytest.raises(ValueError, match="measure 'pagerank' is not a column"):
        ranking(table, "pagerank")
    with pytest.raises(ValueError, match="measure must name a column"):
        ranking(table)
    with pytest.raises(ValueError, match="missing"):
        ranking(pd.Series([1.0, np.nan], index=["a", "b"]))
    with pytest.raises(TypeError, match="table must be"):
        ranking([3, 1, 2])


# ------------------------------------------------------------------ top-k overlap


def test_overlap_formulas_on_small_lists():
    a, b = [1, 2, 3, 4, 5], [2, 6, 1, 7, 3]
    expected = {1: 0, 2: 1, 3: 2, 4: 2, 5: 3}  # |top-k(a) ∩ top-k(b)| by hand
    for k, shared in expected.items():
        result = top_k_overlap(a, b, k)
        assert result.shared == shared
        assert result.jaccard == shared / (2 * k - shared)  # |A ∩ B| / |A ∪ B|
        assert result.precision_at_k == shared / k
    assert top_k_overlap(a, b, 3).common == (1, 2)
    assert top_k_overlap(a, b, 3) == TopKOverlap(3, 2, 0.5, 2 / 3, (1, 2))
    assert top_k_overlap(a, b, 3).to_frame().to_dict("records") == [
        {"k": 3, "shared": 2, "jaccard": 0.5, "precision_at_k": 2 / 3}
    ]


def test_identical_and_disjoint_rankings():
    r = ["a", "b", "c", "d"]
    for k in range(1, 5):
        same = top_k_overlap(r, list(r), k)
        assert (same.jaccard, same.precision_at_k, same.shared) == (1.0, 1.0, k)
        apart = top_k_overlap(r, ["w", "x", "y", "z"], k)
        assert (apart.jaccard, apart.precision_at_k, apart.common) == (0.0, 0.0, ())


def test_partial_rankings_and_foreign_nodes_are_handled():
    # two top-3 lists from different methods; nodes missing from the other list are not shared
    result = top_k_overlap([1, 2, 3], [3, 4, 5, 6], 3)
    assert (result.shared, result.jaccard, result.precision_at_k) == (1, 1 / 5, 1 / 3)
    # labels are compared with ==: 1 and "1" are different nodes
    assert top_k_overlap([1, 2], ["1", "2"], 2).shared == 0
    # numpy arrays and tuples are rankings too
    assert top_k_overlap(np.array([3, 1, 2]), (1, 3, 2), 2).shared == 2


def test_k_is_validated():
    a, b = [1, 2, 3], [3, 2, 1, 0]
    for bad in (0, -1, 4):
        with pytest.raises(ValueError, match="k must"):
            top_k_overlap(a, b, bad)
    with pytest.raises(ValueError, match=r"k must be at most 3 \(the length of the shorter ranking\)"):
        top_k_overlap(a, b, 4)
    with pytest.raises(TypeError, match="k must be a whole number"):
        top_k_overlap(a, b, 2.0)


def test_rankings_are_validated():
    with pytest.raises(ValueError, match="ranking_b lists node 2 twice"):
        top_k_overlap([1, 2, 3], [2, 1, 2], 1)
    with pytest.raises(TypeError, match="ranking_a must be a sequence of nodes.*ranking\\(table, measure\\)"):
        top_k_overlap(pd.Series([0.3, 0.1]), [0, 1], 1)
    with pytest.raises(TypeError, match="ranking_a"):
        top_k_overlap("abc", ["a", "b", "c"], 1)
    with pytest.raises(TypeError, match="cannot be a node label"):
        top_k_overlap([[1], [2]], [1, 2], 1)


@given(
    st.integers(min_value=1, max_value=30).flatmap(
        lambda n: st.tuples(st.permutations(range(n)), st.permutations(range(n)),
                            st.integers(min_value=1, max_value=n))
    )
)
def test_overlap_is_symmetric_and_bounded(case):
    a, b, k = case
    ab, ba = top_k_overlap(a, b, k), top_k_overlap(b, a, k)
    assert (ab.shared, ab.jaccard, ab.precision_at_k) == (ba.shared, ba.jaccard, ba.precision_at_k)
    assert set(ab.common) == set(ba.common) == set(a[:k]) & set(b[:k])
    assert 0 <= ab.jaccard <= ab.precision_at_k <= 1
    assert ab.jaccard == len(set(a[:k]) & set(b[:k])) / len(set(a[:k]) | set(b[:k]))


@given(
    st.lists(st.integers(0, 40), min_size=1, max_size=25, unique=True),
    st.lists(st.integers(0, 40), min_size=1, max_size=25, unique=True),
)
def test_overlap_curve_agrees_with_top_k_overlap(a, b):
    curve = overlap_curve(a, {"b": b})
    assert curve["k"].tolist() == list(range(1, min(len(a), len(b)) + 1))
    for row in curve.itertuples():
        single = top_k_overlap(a, b, row.k)
        assert (row.shared, row.jaccard, row.precision_at_k) == (
            single.shared, single.jaccard, single.precision_at_k)


def test_overlap_curve_table_and_errors():
    curve = overlap_curve([1, 2, 3, 4], [[1, 2, 3, 4], [4, 3, 2, 1]], ks=[2, 4])
    assert list(curve.columns) == ["ranking", "k", "shared", "jaccard", "precision_at_k"]
    assert curve[["ranking", "k", "shared"]].values.tolist() == [[0, 2, 2], [0, 4, 4], [1, 2, 0], [1, 4, 4]]
    with pytest.raises(TypeError, match=r"pass \[r\]"):
        overlap_curve([1, 2, 3], [3, 2, 1])  # one ranking instead of a list of rankings
    grid = [(0, 0), (0, 1), (1, 0)]  # one ranking of tuple nodes, not a list of rankings
    with pytest.raises(TypeError, match="looks like a single ranking"):
        overlap_curve(grid, list(reversed(grid)))
    assert overlap_curve(grid, [list(reversed(grid))], ks=[3])["shared"].tolist() == [3]
    with pytest.raises(ValueError, match="k must be at most 3"):
        overlap_curve([1, 2, 3], [[1, 2, 3]], ks=[1, 5])
    with pytest.raises(ValueError, match="ks must contain"):
        overlap_curve([1, 2, 3], [[1, 2, 3]], ks=[])
    with pytest.raises(ValueError, match="at least one ranking"):
        overlap_curve([1, 2, 3], {})
    with pytest.raises(ValueError, match=r"rankings_b\['x'\] lists node 1 twice"):
        overlap_curve([1, 2, 3], {"x": [1, 1, 2]})


# ------------------------------------------------------- influencers vs advocates


@pytest.fixture(scope="module")
def ba_graph():
    return nx.barabasi_albert_graph(1000, 3, seed=11)


def test_full_correlation_reproduces_the_degree_ranking(ba_graph):
    by_degree = ranking(centrality_table(ba_graph, ["degree"]), "degree")
    assert activity_ranking(ba_graph, 1.0, seed=3) == by_degree
    assert activity_ranking(ba_graph, -1.0, seed=3)[0] in {v for v, d in ba_graph.degree() if d == 3}


def test_activity_is_reproducible_and_validated(ba_graph):
    assert activity_ranking(ba_graph, 0.5, seed=4) == activity_ranking(ba_graph, 0.5, seed=4)
    assert activity_ranking(ba_graph, 0.5, seed=4) != activity_ranking(ba_graph, 0.5, seed=5)
    scores = activity_scores(ba_graph, 0.5, seed=4)
    assert scores.name == "activity" and list(scores.index) == list(ba_graph)
    for bad in (-1.5, 1.01):
        with pytest.raises(ValueError, match="correlation must be"):
            activity_scores(ba_graph, bad)
    # a regular graph: degree carries no information, so the score is pure noise
    ring = activity_scores(nx.cycle_graph(50), 0.9, seed=1)
    assert np.isfinite(ring).all()


def test_rank_correlation_with_degree_follows_the_copula(ba_graph):
    degree = pd.Series(dict(ba_graph.degree()))
    for rho in (0.3, 0.7):
        spearman = np.mean([activity_scores(ba_graph, rho, seed=s).corr(degree, method="spearman")
                            for s in range(10)])
        # ties in degree pull the rank correlation a little below the continuous value
        assert spearman == pytest.approx(6 / math.pi * math.asin(rho / 2), abs=0.06)


def test_overlap_rises_with_the_correlation(ba_graph):
    n, k, seeds = ba_graph.number_of_nodes(), 100, range(20)
    by_degree = ranking(centrality_table(ba_graph, ["degree"]), "degree")
    means = [np.mean([top_k_overlap(by_degree, activity_ranking(ba_graph, rho, seed=s), k).precision_at_k
                      for s in seeds]) for rho in (0.0, 0.5, 0.8, 0.95, 1.0)]
    assert means == sorted(means) and means[-1] == 1.0
    # unrelated rankings share k / n of their top k on average (hypergeometric):
    # sd of the mean over 20 seeds is about sqrt(k/n (1 - k/n) (n - k) / (n - 1) / k / 20) = 0.0064
    assert means[0] == pytest.approx(k / n, abs=4 * 0.0064)


# ------------------------------------------------------------------------- guard


def test_reference_functions_are_locked_during_a_check():
    G = nx.path_graph(5)
    with student_code_under_test():
        for call in (lambda: centrality_table(G), lambda: ranking({0: 1.0}),
                     lambda: top_k_overlap([0], [0], 1), lambda: overlap_curve([0], [[0]])):
            with pytest.raises(ReferenceLockedError):
                call()
        # the demonstration helpers used by lessons keep working
        assert len(activity_ranking(G, 0.5, seed=1)) == 5
