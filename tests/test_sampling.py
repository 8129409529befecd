"""Network samples: uniform vs snowball, connectivity against exact enumeration, degree bias."""
import itertools
import math

import networkx as nx
import numpy as np
import pytest

from course_lib._guard import ReferenceLockedError, student_code_under_test
from course_lib.networks import compile_network, poisson_network
from course_lib.sampling import (
    ConnectedEstimate,
    degree_bias,
    expected_internal_edges,
    induced_sample,
    probability_connected,
    snowball_sample,
    uniform_node_sample,
)


def exact_probability_connected(G, size):
    """Share of all C(n, size) node sets that induce a connected subgraph."""
    subsets = list(itertools.combinations(G, size))
    return sum(nx.is_connected(G.subgraph(s)) for s in subsets) / len(subsets)


@pytest.fixture(scope="module")
def ba_graph():
    return nx.barabasi_albert_graph(3000, 3, seed=21)


# ------------------------------------------------------------------------ uniform


def test_uniform_samples_are_distinct_and_reproducible():
    G = nx.path_graph(100)
    a = uniform_node_sample(G, 30, seed=1)
    assert len(a) == len(set(a)) == 30 and set(a) <= set(G)
    assert a == uniform_node_sample(G, 30, seed=1)
    assert a != uniform_node_sample(G, 30, seed=2)
    assert sorted(uniform_node_sample(G, 100, seed=3)) == list(range(100))
    labelled = nx.relabel_nodes(nx.path_graph(3), {0: "a", 1: "b", 2: "c"})
    assert sorted(uniform_node_sample(labelled, 3, seed=1)) == ["a", "b", "c"]


def test_uniform_samples_include_every_node_equally_often():
    net = compile_network(nx.path_graph(10))
    rng = np.random.default_rng(5)
    runs, size = 3000, 3
    counts = np.bincount(np.concatenate([uniform_node_sample(net, size, seed=rng) for _ in range(runs)]),
                         minlength=10)
    p = size / 10  # inclusion probability of each node
    assert np.all(np.abs(counts - runs * p) < 4 * math.sqrt(runs * p * (1 - p)))


@pytest.mark.parametrize("function", [uniform_node_sample, snowball_sample,
                                      lambda G, size: probability_connected(G, size, runs=5)])
def test_size_is_validated(function):
    G = nx.path_graph(5)
    for bad in (0, -2, 6):
        with pytest.raises(ValueError, match="size must be"):
            function(G, bad)
    with pytest.raises(TypeError, match="size must be a whole number"):
        function(G, 2.0)


# ------------------------------------------------------------------------ induced


def test_induced_sample_by_hand():
    G = nx.path_graph(["a", "b", "c", "d", "e"])
    sample = induced_sample(G, ["e", "a", "b"])
    assert sample.nodes == ("e", "a", "b") and sample.size == 3
    assert (sample.is_connected, sample.components, sample.edges) == (False, 2, 1)
    assert sample.degrees == (1, 1, 2)
    assert set(sample.subgraph.edges()) in ({("a", "b")}, {("b", "a")})
    frame = sample.to_frame()
    assert frame.to_dict("records") == [
        {"node": "e", "degree": 1, "sample_degree": 0, "component": 1},
        {"node": "a", "degree": 1, "sample_degree": 1, "component": 0},
        {"node": "b", "degree": 2, "sample_degree": 1, "component": 0},
    ]
    assert induced_sample(G, ["b", "c", "d"]).is_connected
    assert induced_sample(G, ["c"]).is_connected  # one node is connected


def test_induced_sample_treats_directed_ties_as_undirected():
    D = nx.DiGraph([(0, 1), (2, 1)])
    sample = induced_sample(D, [0, 1, 2])
    assert sample.is_connected and sample.edges == 2
    assert degree_bias(D, [1]) == pytest.approx(2 / (4 / 3))


def test_induced_sample_errors():
    G = nx.path_graph(4)
    with pytest.raises(ValueError, match="nodes lists node 1 twice"):
        induced_sample(G, [1, 2, 1])
    with pytest.raises(ValueError, match="nodes contains 9"):
        induced_sample(G, [1, 9])
    with pytest.raises(ValueError, match="nodes must contain at least one"):
        induced_sample(G, [])


# ----------------------------------------------------------- probability connected


def test_complete_graph_is_always_connected():
    assert tuple(probability_connected(nx.complete_graph(40), 15, runs=200, seed=1)) == (1.0, 0.0)
    assert probability_connected(nx.path_graph(50), 1, runs=20, seed=1).probability == 1.0


def test_sparse_big_graph_is_almost_never_connected():
    G = poisson_network(20_000, 5, seed=2)
    estimate = probability_connected(G, 50, runs=500, seed=3)
    assert estimate.connected == 0 and tuple(estimate) == (0.0, 0.0)
    assert estimate.interval()[1] < 0.01
    # why: a uniform sample of 50 holds about 0.3 ties, a connected one needs 49
    assert expected_internal_edges(20_000, 5, 50) == pytest.approx(0.306, abs=1e-3)


@pytest.mark.parametrize("G, size", [
    (nx.path_graph(8), 3),                       # exact: 6 / 56
    (nx.cycle_graph(8), 3),                      # exact: 8 / 56
    (nx.cycle_graph(8), 5),
    (nx.gnp_random_graph(9, 0.45, seed=4), 4),
    (nx.disjoint_union(nx.star_graph(4), nx.star_graph(3)), 3),
])
def test_probability_connected_matches_exact_enumeration(G, size):
    exact = exact_probability_connected(G, size)
    runs = 4000
    estimate = probability_connected(G, size, runs=runs, seed=7)
    assert isinstance(estimate, ConnectedEstimate)
    assert (estimate.runs, estimate.size) == (runs, size)
    assert estimate.probability == estimate.connected / runs
    sd = math.sqrt(exact * (1 - exact) / runs)
    assert abs(estimate.probability - exact) <= 4 * sd
    assert estimate.stderr == pytest.approx(sd, rel=0.2)
    low, high = estimate.interval()
    assert low <= estimate.probability <= high


def test_known_exact_values_of_the_enumeration():
    assert exact_probability_connected(nx.path_graph(8), 3) == 6 / 56
    assert exact_probability_connected(nx.cycle_graph(8), 3) == 8 / 56


def test_batching_does_not_change_the_estimate(monkeypatch):
    import course_lib.sampling as sampling

    G = nx.cycle_graph(30)
    whole = probability_connected(G, 4, runs=500, seed=6)
    monkeypatch.setattr(sampling, "_BATCH_ENTRIES", 4 * 7)  # batches of 7 samples
    assert probability_connected(G, 4, runs=500, seed=6) == whole


def test_probability_connected_reproducible_and_validated():
    G = nx.cycle_graph(12)
    assert probability_connected(G, 4, runs=300, seed=5) == probability_connected(G, 4, runs=300, seed=5)
    for bad in (0, -1):
        with pytest.raises(ValueError, match="runs must be at least 1"):
            probability_connected(G, 4, runs=bad)
    frame = probability_connected(G, 4, runs=10, seed=1).to_frame()
    assert list(frame.columns) == ["size", "runs", "connected", "probability", "stderr"]


# ------------------------------------------------------------ expected edges inside


@pytest.mark.parametrize("G", [nx.path_graph(8), nx.star_graph(7), nx.gnp_random_graph(9, 0.5, seed=1)])
def test_expected_internal_edges_is_exact_for_any_graph(G):
    n = G.number_of_nodes()
    mean_degree = 2 * G.number_of_edges() / n
    for size in (1, 2, 3, 5):
        subsets = list(itertools.combinations(G, size))
        average = np.mean([G.subgraph(s).number_of_edges() for s in subsets])
        assert expected_internal_edges(n, mean_degree, size) == pytest.approx(average)
        # Markov: P(connected) <= E[ties inside] / (size - 1)
        if size > 1:
            assert exact_probability_connected(G, size) <= average / (size - 1) + 1e-12


def test_expected_internal_edges_cyworld_numbers_and_errors():
    ties = expected_internal_edges(20_000_000, 100, 208)
    assert ties == pytest.approx(208 * 207 / 2 * 100 / 19_999_999)
    assert ties < 0.11 and ties / 207 < 1e-3
    with pytest.raises(ValueError, match="n must be at least 2"):
        expected_internal_edges(1, 0, 1)
    with pytest.raises(ValueError, match="mean_degree must be at most 9"):
        expected_internal_edges(10, 12, 3)
    with pytest.raises(ValueError, match="size must be at most the number of nodes"):
        expected_internal_edges(10, 2, 11)


# ----------------------------------------------------------------------- snowball


def test_snowball_is_connected_and_starts_at_start(ba_graph):
    for seed in range(5):
        start = seed * 100
        sample = snowball_sample(ba_graph, 150, start=start, seed=seed)
        assert sample[0] == start and len(sample) == len(set(sample)) == 150
        assert nx.is_connected(ba_graph.subgraph(sample))
    assert snowball_sample(ba_graph, 150, seed=9) == snowball_sample(ba_graph, 150, seed=9)
    assert snowball_sample(ba_graph, 1, start=17) == [17]


def test_snowball_fills_waves_in_order(ba_graph):
    sample = snowball_sample(ba_graph, 300, start=42, seed=1)
    distance = nx.single_source_shortest_path_length(ba_graph, 42)
    depths = [distance[v] for v in sample]
    assert depths == sorted(depths)  # reached wave by wave
    last = depths[-1]
    inner = {v for v, d in distance.items() if d < last}
    assert inner <= set(sample)  # every wave before the last is complete
    assert snowball_sample(nx.path_graph(9), 5, start=4, seed=3)[0] == 4
    assert set(snowball_sample(nx.path_graph(9), 5, start=4, seed=3)) == {2, 3, 4, 5, 6}


def test_snowball_respects_components():
    G = nx.disjoint_union(nx.path_graph(3), nx.cycle_graph(10))  # nodes 0-2 and 3-12
    for seed in range(10):
        assert min(snowball_sample(G, 5, seed=seed)) >= 3  # only the big component fits 5
    with pytest.raises(ValueError, match="size must be at most 3, the number of nodes connected to start 0"):
        snowball_sample(G, 4, start=0)
    with pytest.raises(ValueError, match="size must be at most the largest connected component"):
        snowball_sample(G, 11)
    with pytest.raises(ValueError, match="start is 99"):
        snowball_sample(G, 2, start=99)


# --------------------------------------------------------------------- degree bias


def test_degree_bias_by_hand_and_errors():
    G = nx.star_graph(4)  # degrees 4, 1, 1, 1, 1; mean 8 / 5
    assert degree_bias(G, [0]) == pytest.approx(2.5)
    assert degree_bias(G, list(G)) == pytest.approx(1.0)
    assert degree_bias(G, [0, 0, 1]) == pytest.approx((4 + 4 + 1) / 3 / 1.6)  # repeats count
    with pytest.raises(ValueError, match="G has no ties"):
        degree_bias(nx.empty_graph(3), [0])
    with pytest.raises(ValueError, match="sample contains 'x'"):
        degree_bias(G, ["x"])
    with pytest.raises(ValueError, match="sample must contain at least one"):
        degree_bias(G, [])


def test_snowball_over_represents_hubs(ba_graph):
    biases = [degree_bias(ba_graph, snowball_sample(ba_graph, 200, seed=s)) for s in range(10)]
    assert min(biases) > 1.2


def test_uniform_samples_are_unbiased_within_sampling_error(ba_graph):
    degrees = np.array([d for _, d in ba_graph.degree()], dtype=float)
    n, size, repeats = degrees.size, 200, 50
    rng = np.random.default_rng(8)
    biases = [degree_bias(ba_graph, uniform_node_sample(ba_graph, size, seed=rng)) for _ in range(repeats)]
    # the mean degree of a sample without replacement has variance
    # sigma² / size · (n - size) / (n - 1); the bias divides it by the mean degree
    sd_one = degrees.std() / degrees.mean() * math.sqrt((n - size) / (n - 1) / size)
    assert abs(np.mean(biases) - 1) < 4 * sd_one / math.sqrt(repeats)
    assert np.std(biases) == pytest.approx(sd_one, rel=0.5)  # heavy-tailed degrees: a loose check


# ------------------------------------------------------------------------- guard


def test_probability_connected_is_locked_during_a_check():
    G = nx.path_graph(5)
    with student_code_under_test():
        with pytest.raises(ReferenceLockedError):
            probability_connected(G, 2, runs=5)
        # so are the functions that answer ps1 outright
        with pytest.raises(ReferenceLockedError):
            induced_sample(G, [0, 1])
        with pytest.raises(ReferenceLockedError):
            expected_internal_edges(100, 4, 10)
        # drawing a sample is not an answer, so it keeps working
        assert len(uniform_node_sample(G, 2, seed=1)) == 2
