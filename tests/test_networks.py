import networkx as nx
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from course_lib.networks import (
    CompiledNetwork,
    community_network,
    compile_network,
    node_indices,
    poisson_csr,
    poisson_network,
    scale_free_network,
    small_world_network,
)


def edge_set(G):
    return {frozenset(e) for e in G.edges()}


@pytest.mark.parametrize(
    "make",
    [
        lambda s: poisson_network(300, 4, seed=s),
        lambda s: scale_free_network(300, 2, seed=s),
        lambda s: small_world_network(300, 4, 0.2, seed=s),
        lambda s: community_network(3, 100, 5, 1, seed=s),
    ],
    ids=["poisson", "scale_free", "small_world", "community"],
)
def test_generators_are_reproducible_and_seed_dependent(make):
    assert edge_set(make(7)) == edge_set(make(7)), "same seed must give the same network"
    assert edge_set(make(7)) != edge_set(make(8)), "different seeds should give different networks"
    assert edge_set(make(np.random.default_rng(3))) == edge_set(make(np.random.default_rng(3)))


def test_poisson_network_degree_distribution_matches_poisson():
    n, z = 20_000, 4.0
    degrees = np.array([d for _, d in poisson_network(n, z, seed=1).degree()])
    # the mean of n degrees has standard error sqrt(z / n) ~ 0.014; allow 5 SE
    assert abs(degrees.mean() - z) < 5 * np.sqrt(z / n)
    # share of isolated nodes e^{-z} ~ 0.0183, binomial SE ~ 0.00095
    assert abs(np.mean(degrees == 0) - np.exp(-z)) < 5 * np.sqrt(np.exp(-z) / n)
    assert abs(degrees.var() - z) < 0.15, "Poisson degrees have variance equal to the mean"


def test_poisson_csr_is_simple_and_symmetric():
    net = poisson_csr(2000, 6, seed=2)
    G = net.to_networkx()
    assert nx.number_of_selfloops(G) == 0
    assert 2 * G.number_of_edges() == len(net.indices), "every edge stored exactly twice"
    again = compile_network(G)
    assert np.array_equal(again.degrees, net.degrees)


def test_community_network_has_dense_communities():
    G = community_network(4, 200, mean_degree_in=8, mean_degree_out=1, seed=3)
    inside = sum(G.nodes[u]["community"] == G.nodes[v]["community"] for u, v in G.edges())
    share = inside / G.number_of_edges()
    assert 0.8 < share < 0.95, f"expected about 8/9 of ties inside communities, got {share:.2f}"


def test_scale_free_has_hubs():
    degrees = np.array([d for _, d in scale_free_network(5000, 3, seed=1).degree()])
    assert degrees.max() > 10 * degrees.mean(), "preferential attachment should create hubs"


@given(st.integers(1, 30), st.floats(0, 1), st.integers(0, 2**16))
def test_compile_roundtrip(n, p, seed):
    G = nx.gnp_random_graph(n, p, seed=seed)
    G = nx.relabel_nodes(G, {i: f"c{i}" for i in G})
    net = compile_network(G)
    assert isinstance(net, CompiledNetwork)
    assert net.n == n and net.nodes == tuple(G)
    assert edge_set(net.to_networkx()) == edge_set(G)


def test_directed_graph_rows_hold_out_neighbours():
    net = compile_network(nx.DiGraph([(0, 1), (0, 2), (2, 1)]))
    assert net.directed and net.degrees.tolist() == [2, 0, 1]


@pytest.mark.parametrize(
    "bad, error, words",
    [
        (nx.Graph(), ValueError, "no nodes"),
        (nx.MultiGraph([(0, 1)]), TypeError, "multigraph"),
        (nx.Graph([(0, 0), (0, 1)]), ValueError, "self-loop"),
        ([[0, 1]], TypeError, "networkx graph"),
    ],
)
def test_compile_rejects_bad_graphs(bad, error, words):
    with pytest.raises(error, match=words):
        compile_network(bad)


def test_directed_rejected_where_undirected_needed():
    with pytest.raises(ValueError, match="directed"):
        compile_network(nx.DiGraph([(0, 1)]), allow_directed=False)


def test_node_indices_names_the_missing_node():
    net = compile_network(nx.path_graph(3))
    assert node_indices(net, [2, 0, 2]).tolist() == [0, 2]
    assert node_indices(net, 1).tolist() == [1]
    with pytest.raises(ValueError, match="'x'"):
        node_indices(net, [0, "x"])


@pytest.mark.parametrize(
    "call, error, words",
    [
        (lambda: poisson_network(0, 3), ValueError, "n must be at least 1"),
        (lambda: poisson_network(10.5, 3), TypeError, "n must be a whole number"),
        (lambda: poisson_network(10, -1), ValueError, "mean_degree"),
        (lambda: poisson_network(10, "3"), TypeError, "mean_degree must be a number"),
        (lambda: poisson_network(10, 12), ValueError, "at most n - 1"),
        (lambda: poisson_network(10, 3, seed=1.5), TypeError, "seed"),
        (lambda: scale_free_network(5, 5), ValueError, "m must be smaller"),
        (lambda: small_world_network(10, 3), ValueError, "k must be even"),
        (lambda: small_world_network(10, 4, rewire=2), ValueError, "rewire"),
        (lambda: community_network(1, 10, 3, 1), ValueError, "mean_degree_out"),
    ],
)
def test_generator_errors_name_the_parameter(call, error, words):
    with pytest.raises(error, match=words):
        call()




def test_a_vanishing_tie_probability_gives_no_ties_instead_of_overflowing():
    # numpy's geometric draw saturates at 2**63 - 1 for p ~ 1e-300; summing such jumps
    # used to overflow into negative pair numbers (and crash the CSR builder)
    assert len(poisson_csr(2, 5e-324, seed=1).indices) == 0
    assert len(poisson_csr(100_000, 1e-12, seed=1).indices) == 0
