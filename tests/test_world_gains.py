"""Every candidate's gain over live-edge worlds, by condensation (all_gains), by batched
search (gains_of) and by one search per node (reach_over_worlds, behind marginal_gain and
cover), each against references that share no code with them: hand counts, networkx
reachability over each world rebuilt as a DiGraph, and the plain Python search of
``LiveEdgeWorlds.gains(method="simple")``, itself checked against networkx."""
import networkx as nx
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from course_lib.cascades import sample_live_edge_worlds
from course_lib.cascades._world_gains import all_gains
from course_lib.cascades._world_kernels import gains_of


def networkx_gains(sample, seeds, candidates):
    """Independent reference: reach over each world rebuilt as a networkx graph."""
    totals = np.zeros(len(candidates), dtype=np.int64)
    for w in range(sample.worlds):
        H = sample.world(w)
        covered = set(seeds).union(*(nx.descendants(H, s) for s in seeds))
        for i, v in enumerate(candidates):
            totals[i] += len(({v} | nx.descendants(H, v)) - covered)
    return totals


def one_world(edges, n):
    """A single world keeping every arc of a directed graph on nodes 0..n-1."""
    G = nx.DiGraph()
    G.add_nodes_from(range(n))
    G.add_edges_from(edges)
    return sample_live_edge_worlds(G, "ic", 1.0, worlds=1, seed=0)


def test_hand_counted_reach_with_shared_descendants_and_cycles():
    # 0 -> {1, 2} -> 3 (a diamond: 3 must count once), 3 -> 4 <-> 5 (a cycle),
    # 6 -> 4 (a second way into the cycle), 7 -> 8 -> 9 (a chain)
    edges = [(0, 1), (0, 2), (1, 3), (2, 3), (3, 4), (4, 5), (5, 4), (6, 4), (7, 8), (8, 9)]
    sample = one_world(edges, 10)
    expected = [6, 4, 4, 3, 2, 2, 3, 3, 2, 1]
    assert all_gains(sample.adjacency).tolist() == expected, "reach counted by hand"
    assert gains_of(sample.adjacency, sample.new_cover(), np.arange(10), 1).tolist() == expected
    assert sample.gains(method="simple").tolist() == expected, "the plain search too"


def test_covered_nodes_drop_out():
    edges = [(0, 1), (0, 2), (1, 3), (2, 3), (3, 4), (4, 5), (5, 4), (6, 4), (7, 8), (8, 9)]
    sample = one_world(edges, 10)
    covered = sample.new_cover()
    sample.cover(covered, 3)  # covers 3, 4, 5
    expected = [3, 1, 1, 0, 0, 0, 1, 3, 2, 1]
    assert gains_of(sample.adjacency, covered, np.arange(10), 1).tolist() == expected, "given {3, 4, 5} covered"
    assert sample.gains(covered, method="simple").tolist() == expected


def test_sinks_folded_shared_or_covered():
    # 1 and 2 are sinks shared by 0 and 3 (no overlap: 0 reaches 3 nodes); 5 is 4's
    # private sink; 6 has three ways in and a sink 7 that 9 also reaches directly, so
    # 9's children overlap at 7
    edges = [(0, 1), (0, 2), (3, 1), (3, 2), (4, 5), (4, 6), (6, 7), (8, 6), (9, 6), (9, 7)]
    sample = one_world(edges, 10)
    expected = [3, 1, 1, 3, 4, 1, 2, 1, 3, 3]
    assert all_gains(sample.adjacency).tolist() == expected, "reach counted by hand"
    covered = sample.new_cover()
    sample.cover(covered, 5)  # a seed that is a private sink of an uncovered node
    expected[4], expected[5] = 3, 0
    assert gains_of(sample.adjacency, covered, np.arange(10), 1).tolist() == expected, "given {5} covered"


def test_layout_lists_nodes_by_kind_and_private_sinks_last():
    edges = [(0, 1), (0, 2), (3, 1), (3, 2), (4, 5), (4, 6), (6, 7), (8, 6), (9, 6), (9, 7)]
    g = one_world(edges, 10).adjacency
    out, shared, size = g.sizes[0]
    nodes = g.nodes[:size]
    assert (out, shared, size) == (6, 3, 10), "6 nodes with an arc out, 3 shared sinks, 1 private"
    assert nodes[:out].tolist() == [0, 3, 4, 6, 8, 9], "nodes with an arc out, in node order"
    assert sorted(nodes[out:out + shared].tolist()) == [1, 2, 7] and nodes[-1] == 5
    four = nodes.tolist().index(4)
    arcs_of_four = g.larc[g.lptr[four]:g.lptr[four + 1]]
    assert nodes[arcs_of_four].tolist() == [6, 5], "arc to the private sink 5 comes last"
    assert g.weight[:out].tolist() == [1, 1, 2, 1, 1, 1], "4 counts itself and its private sink"


def test_tracking_too_many_worlds_is_refused_with_advice():
    G = nx.empty_graph(10_000)
    sample = sample_live_edge_worlds(G, "ic", 0.5, worlds=1, seed=0)
    huge = type(sample)(sample.net, "ic", np.zeros(300_001, dtype=np.int64), sample.arcs)
    with pytest.raises(ValueError, match="use fewer worlds"):
        huge.new_cover()


@pytest.mark.parametrize("p", [0.02, 0.1, 0.3, 0.8])
def test_kernels_match_networkx_on_scale_free_graph(p):
    """Sparse worlds (trees), near-critical ones (shared descendants) and supercritical
    ones (one large strongly connected component) on a scale-free graph."""
    G = nx.barabasi_albert_graph(300, 3, seed=2)
    sample = sample_live_edge_worlds(G, "ic", p, worlds=12, seed=3)
    everyone = np.arange(300)
    assert np.array_equal(all_gains(sample.adjacency), networkx_gains(sample, [], everyone))
    covered = sample.new_cover()
    for v in (0, 17):
        sample.cover(covered, v)
    reference = networkx_gains(sample, [0, 17], everyone)
    candidates = np.arange(0, 300, 7)
    assert np.array_equal(gains_of(sample.adjacency, covered, candidates, 2), reference[candidates])
    assert np.array_equal(sample.gains(covered, method="simple"), reference)


def test_gains_match_searches_over_worlds_rebuilt_by_networkx():
    """The first step's gains, and gains given a cover: one candidate is found by
    bisection among a world's nodes with an arc out, many through a map."""
    G = nx.barabasi_albert_graph(300, 3, seed=8)
    sample = sample_live_edge_worlds(G, "ic", 0.2, worlds=4, seed=9)
    assert sample.adjacency.sizes[:, 0].min() > 32, "enough nodes with an arc out to bisect"
    everyone = np.arange(300)
    assert np.array_equal(all_gains(sample.adjacency), networkx_gains(sample, [], everyone)), "first step"
    covered = sample.new_cover()
    sample.cover(covered, 299)  # covers much of one world, little of the others
    expected = networkx_gains(sample, [299], everyone)
    assert np.array_equal(gains_of(sample.adjacency, covered, everyone, 2), expected), "many: a map"
    for v in (0, 5, 150, 298, 299):
        one = gains_of(sample.adjacency, covered, np.array([v]), 1)
        assert one.tolist() == [expected[v]], f"candidate {v} alone: by bisection"


def test_threads_split_worlds_without_changing_the_sum():
    G = nx.gnp_random_graph(200, 0.03, seed=4, directed=True)
    sample = sample_live_edge_worlds(G, "ic", 0.5, worlds=7, seed=5)
    one = all_gains(sample.adjacency, threads=1)
    assert np.array_equal(one, all_gains(sample.adjacency, threads=2))
    assert np.array_equal(one, all_gains(sample.adjacency, threads=16)), "more threads than worlds"


def test_linear_threshold_worlds():
    G = nx.watts_strogatz_graph(120, 4, 0.2, seed=6)
    sample = sample_live_edge_worlds(G, "lt", worlds=30, seed=7)
    assert np.array_equal(all_gains(sample.adjacency), networkx_gains(sample, [], np.arange(120)))


@settings(max_examples=80, deadline=None)
@given(n=st.integers(1, 25), density=st.floats(0.0, 0.4), p=st.floats(0.1, 1.0),
       model=st.sampled_from(["ic", "lt"]), seed=st.integers(0, 10**6),
       seeds=st.lists(st.integers(0, 24), max_size=3))
def test_every_kernel_matches_networkx_on_random_digraphs(n, density, p, model, seed, seeds):
    """all_gains (first step), gains_of (given a cover), reach_over_worlds (through
    marginal_gain and cover) and the plain search, each against networkx."""
    G = nx.gnp_random_graph(n, density, seed=seed, directed=True)
    sample = sample_live_edge_worlds(G, model, p, worlds=5, seed=seed)
    everyone = np.arange(n)
    first = networkx_gains(sample, [], everyone)
    assert np.array_equal(all_gains(sample.adjacency, threads=2), first), "all_gains"
    assert np.array_equal(sample.gains(method="simple"), first), "plain search"
    covered, chosen = sample.new_cover(), []
    for v in (v for v in seeds if v < n):
        expected_new = networkx_gains(sample, chosen, np.array([v]))[0]
        assert sample.marginal_gain(covered, v) * sample.worlds == pytest.approx(expected_new)
        assert sample.cover(covered, v) == expected_new, "cover counts what it marks"
        chosen.append(v)
    reference = networkx_gains(sample, chosen, everyone)
    assert np.array_equal(gains_of(sample.adjacency, covered, everyone, 2), reference), "gains_of"
    assert np.array_equal(sample.gains(covered, method="simple"), reference), "plain search, covered"
    assert np.array_equal(sample.gains(covered), reference), "the public method"


def test_gains_refuses_bad_arguments_in_words():
    sample = sample_live_edge_worlds(nx.path_graph(4), "ic", 0.5, worlds=3, seed=0)
    with pytest.raises(ValueError, match="method must be 'fast' or 'simple'"):
        sample.gains(method="slow")
    with pytest.raises(ValueError, match="candidates must be node rows between 0 and 3"):
        sample.gains(candidates=[4])
    with pytest.raises(ValueError, match="covered must be a matrix from new_cover"):
        sample.gains(np.zeros((2, 4), dtype=bool))
