"""Samples of a network, and why a connected sample cannot be a random one.

A study of 208 users of CyWorld, a social network site, was criticised for
generalising to its ~20 million users: the 208 formed a connected network, and in a
huge sparse network a *uniform* random sample of 208 people is almost never connected,
because most pairs of random strangers are not friends. A connected sample is found by
following ties (a snowball), and snowball samples over-represent well-connected people
(the friendship paradox: the more friends you have, the more likely you are to be
someone's friend, and so to be reached).

This module lets a lesson show both facts in numbers: the chance that a uniform sample
induces a connected subgraph (:func:`probability_connected`, with an exact formula for
the expected number of ties inside a sample, :func:`expected_internal_edges`), and the
degree bias of snowball samples (:func:`snowball_sample`, :func:`degree_bias`).

A directed graph is treated as undirected here: a tie either way links two people.
"""
from __future__ import annotations

from dataclasses import dataclass
from math import comb

import networkx as nx
import numpy as np
from numba import njit

from ._deprecation import seed_by_keyword
from ._guard import reference
from ._validation import as_rng, check_integer, check_real
from .networks import compile_network

__all__ = [
    "uniform_node_sample",
    "InducedSample",
    "induced_sample",
    "ConnectedEstimate",
    "probability_connected",
    "snowball_sample",
    "degree_bias",
    "expected_internal_edges",
]


# ----------------------------------------------------------------------- helpers


def _undirected(G, name="G"):
    """CompiledNetwork of G with every tie stored both ways (labels kept)."""
    net = compile_network(G, name=name)
    if net.directed:
        net = compile_network(net.to_networkx().to_undirected(), name=name)
    return net


def _check_size(size, n):
    size = check_integer(size, "size", minimum=1)
    if size > n:
        raise ValueError(f"size must be at most the number of nodes ({n}), got {size}")
    return size


_BATCH_ENTRIES = 1 << 21  # sampled node rows held at once by probability_connected


def _sample_rows(n, size, rng):
    return rng.choice(n, size=size, replace=False)


def _rows_of(net, nodes, name, *, distinct):
    """Row indices of a collection of node labels, in the given order."""
    if isinstance(nodes, (str, bytes)) or not hasattr(nodes, "__iter__"):
        raise TypeError(f"{name} must be a collection of nodes, not {type(nodes).__name__}")
    index = net.index_of
    rows = []
    for node in nodes:
        try:
            rows.append(index[node])
        except (KeyError, TypeError):
            raise ValueError(f"{name} contains {node!r}, which is not a node of the graph") from None
    if not rows:
        raise ValueError(f"{name} must contain at least one node")
    rows = np.asarray(rows, dtype=np.int64)
    if distinct and np.unique(rows).size < rows.size:
        counts = np.bincount(rows)
        twice = net.nodes[int(np.flatnonzero(counts > 1)[0])]
        raise ValueError(f"{name} lists node {twice!r} twice; a sample lists each node once")
    return rows


@njit(cache=True)
def _connected_samples(indptr, indices, samples):
    """For each row of ``samples`` (node rows), is the induced subgraph connected?

    A depth-first search from the first sampled node that only steps onto sampled
    nodes; its cost is the total degree of the sampled nodes it reaches.
    """
    n = len(indptr) - 1
    runs, size = samples.shape
    member = np.full(n, -1, dtype=np.int64)
    seen = np.full(n, -1, dtype=np.int64)
    stack = np.empty(size, dtype=np.int64)
    out = np.zeros(runs, dtype=np.bool_)
    for r in range(runs):
        for i in range(size):
            member[samples[r, i]] = r
        first = samples[r, 0]
        seen[first] = r
        stack[0] = first
        top, reached = 1, 1
        while top > 0:
            top -= 1
            v = stack[top]
            for j in range(indptr[v], indptr[v + 1]):
                w = indices[j]
                if member[w] == r and seen[w] != r:
                    seen[w] = r
                    stack[top] = w
                    top += 1
                    reached += 1
        out[r] = reached == size
    return out


# ------------------------------------------------------------------ public API


@seed_by_keyword
def uniform_node_sample(G, size, *, seed=None):
    """``size`` distinct nodes drawn uniformly at random, without replacement.

    Every set of ``size`` nodes is equally likely; the list is in random order.

    Parameters
    ----------
    G : networkx.Graph, networkx.DiGraph or CompiledNetwork
        The network.
    size : int
        From 1 to the number of nodes.
    seed : None, int or numpy.random.Generator, optional
        Random seed; the same seed gives the same result.

    Returns
    -------
    list
        The sampled node labels, in random order.

    Examples
    --------
    >>> sample = uniform_node_sample(nx.path_graph(100), 5, seed=1)
    >>> len(set(sample)), sample == uniform_node_sample(nx.path_graph(100), 5, seed=1)
    (5, True)
    """
    net = compile_network(G)
    size = _check_size(size, net.n)
    return net.labels(_sample_rows(net.n, size, as_rng(seed)))


@dataclass(frozen=True, eq=False)
class InducedSample:
    """A sample of nodes with every tie among them (the induced subgraph).

    Attributes
    ----------
    nodes : tuple
        The sampled nodes, in the order given.
    subgraph : networkx.Graph
        The sampled nodes and the ties of ``G`` between them (a copy).
    degrees : tuple of int
        Degree of each sampled node in the whole graph.
    is_connected : bool
        True when every sampled node can reach every other through sampled nodes.
    components : int
        Number of connected components of the subgraph.
    """

    nodes: tuple
    subgraph: nx.Graph
    degrees: tuple
    is_connected: bool
    components: int

    @property
    def size(self):
        """Number of sampled nodes."""
        return len(self.nodes)

    @property
    def edges(self):
        """Number of ties inside the sample."""
        return self.subgraph.number_of_edges()

    def to_frame(self):
        """One row per sampled node: ``node``, ``degree`` (in the whole graph),
        ``sample_degree`` (ties inside the sample) and ``component`` (0 = largest)."""
        import pandas as pd

        parts = sorted(nx.connected_components(self.subgraph), key=len, reverse=True)
        component = {v: c for c, part in enumerate(parts) for v in part}
        return pd.DataFrame({
            "node": list(self.nodes),
            "degree": list(self.degrees),
            "sample_degree": [self.subgraph.degree(v) for v in self.nodes],
            "component": [component[v] for v in self.nodes],
        })


@reference
def induced_sample(G, nodes):
    """The subgraph induced by ``nodes``, and whether it is connected.

    Parameters
    ----------
    G : networkx.Graph, networkx.DiGraph or CompiledNetwork
        The network; a directed tie counts as a tie both ways.
    nodes : collection of nodes
        Distinct nodes of ``G``.

    Returns
    -------
    InducedSample
        The nodes, their subgraph, their degrees in ``G``, and whether the subgraph is
        connected.

    Examples
    --------
    >>> G = nx.path_graph(6)
    >>> induced_sample(G, [1, 2, 3]).is_connected
    True
    >>> sample = induced_sample(G, [0, 1, 4])
    >>> sample.is_connected, sample.components, sample.edges
    (False, 2, 1)
    """
    net = _undirected(G)
    rows = _rows_of(net, nodes, "nodes", distinct=True)
    labels = tuple(net.labels(rows))
    H = nx.Graph()
    H.add_nodes_from(labels)
    member = np.zeros(net.n, dtype=bool)
    member[rows] = True
    for u in rows.tolist():
        neighbours = net.indices[net.indptr[u]:net.indptr[u + 1]]
        for v in neighbours[member[neighbours]].tolist():
            if u < v:
                H.add_edge(net.nodes[u], net.nodes[v])
    components = nx.number_connected_components(H)
    return InducedSample(labels, H, tuple(net.degrees[rows].tolist()), components == 1, components)


@dataclass(frozen=True)
class ConnectedEstimate:
    """Monte Carlo estimate of the chance that a uniform sample is connected.

    Unpacks as ``probability, stderr = estimate``.

    Attributes
    ----------
    probability : float
        Share of the ``runs`` samples whose induced subgraph was connected.
    stderr : float
        Binomial standard error, ``sqrt(p (1 - p) / runs)``. It is 0 when no sample
        (or every sample) was connected; :meth:`interval` is then more informative.
    connected : int
        Number of connected samples.
    runs : int
        Number of samples drawn.
    size : int
        Sample size.
    """

    probability: float
    stderr: float
    connected: int
    runs: int
    size: int

    def __iter__(self):
        return iter((self.probability, self.stderr))

    def interval(self, z=1.96):
        """Wilson score interval for the probability (z = 1.96: about 95%).

        Unlike ``probability ± z · stderr`` it stays within [0, 1] and is not empty
        when no sample was connected: 0 of 1,000 gives an upper end near 0.004.

        Examples
        --------
        >>> low, high = ConnectedEstimate(0.0, 0.0, 0, 1000, 50).interval()
        >>> low, round(high, 4)
        (0.0, 0.0038)
        """
        z = check_real(z, "z", minimum=0.0)
        n, p = self.runs, self.probability
        centre = (p + z * z / (2 * n)) / (1 + z * z / n)
        half = z / (1 + z * z / n) * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
        return max(0.0, float(centre - half)), min(1.0, float(centre + half))

    def to_frame(self):
        """One-row table: ``size``, ``runs``, ``connected``, ``probability``, ``stderr``."""
        import pandas as pd

        return pd.DataFrame({"size": [self.size], "runs": [self.runs], "connected": [self.connected],
                             "probability": [self.probability], "stderr": [self.stderr]})


@reference
@seed_by_keyword
def probability_connected(G, size, runs=1000, *, seed=None):
    """Chance that ``size`` nodes drawn uniformly at random induce a connected subgraph.

    Each run draws a uniform sample (as :func:`uniform_node_sample`) and checks
    whether the ties among the sampled nodes connect them all; the estimate is the
    share of connected runs.

    Parameters
    ----------
    G : networkx.Graph, networkx.DiGraph or CompiledNetwork
        The network; a directed tie counts as a tie both ways.
    size : int
        Sample size, from 1 to the number of nodes (1 node is always connected).
    runs : int, optional
        Number of samples, at least 1.
    seed : None, int or numpy.random.Generator, optional
        Random seed; the same seed gives the same result.

    Returns
    -------
    ConnectedEstimate
        ``probability`` and ``stderr`` (it unpacks as that pair), plus the counts.

    Examples
    --------
    In a sparse network of 5,000 people with 5 friends each, 50 random people are
    never connected; a complete network is always connected:

    >>> from course_lib.networks import poisson_network
    >>> G = poisson_network(5_000, 5, seed=1)
    >>> probability_connected(G, 50, runs=200, seed=1).probability
    0.0
    >>> round(expected_internal_edges(5_000, 5, 50), 2)   # ties inside; 49 are needed
    1.23
    >>> tuple(probability_connected(nx.complete_graph(30), 10, runs=50, seed=1))
    (1.0, 0.0)

    References
    ----------
    .. [1] E. N. Gilbert, "Random graphs", Annals of Mathematical Statistics 30, 1959.
    """
    net = _undirected(G)
    size = _check_size(size, net.n)
    runs = check_integer(runs, "runs", minimum=1)
    rng = as_rng(seed)
    batch = max(1, min(runs, _BATCH_ENTRIES // size))  # bounded memory for huge runs x size
    connected = 0
    for done in range(0, runs, batch):
        samples = np.empty((min(batch, runs - done), size), dtype=np.int64)
        for r in range(samples.shape[0]):
            samples[r] = _sample_rows(net.n, size, rng)
        connected += int(_connected_samples(net.indptr, net.indices, samples).sum())
    p = connected / runs
    return ConnectedEstimate(p, float(np.sqrt(p * (1 - p) / runs)), connected, runs, size)


@seed_by_keyword
def snowball_sample(G, size, start=None, *, seed=None):
    """A snowball (breadth-first) sample: start from one person and follow ties.

    The start's contacts join first, then their contacts, wave after wave, until
    ``size`` nodes are in. Each reached node's new contacts join in random order, so
    the last wave, which usually does not fit whole, is cut at random (contacts of
    nodes reached earlier go first). The sample is connected by
    construction, and it over-represents well-connected people: a node with many ties
    is reached early from almost anywhere (see :func:`degree_bias`).

    Parameters
    ----------
    G : networkx.Graph, networkx.DiGraph or CompiledNetwork
        The network; a directed tie counts as a tie both ways.
    size : int
        From 1 to the number of nodes in the start's connected component.
    start : node, optional
        Where the snowball starts. By default a node drawn uniformly at random among
        those whose component has at least ``size`` nodes.
    seed : None, int or numpy.random.Generator, optional
        Random seed; the same seed gives the same result.

    Returns
    -------
    list
        Node labels in the order they were reached; ``start`` first.

    Raises
    ------
    ValueError
        If ``start`` is not a node of ``G``, or ``size`` is larger than the start's
        component (without ``start``: than the largest component).

    Examples
    --------
    >>> G = nx.barabasi_albert_graph(2000, 3, seed=1)
    >>> sample = snowball_sample(G, 200, seed=1)
    >>> len(sample), nx.is_connected(G.subgraph(sample))
    (200, True)
    >>> snowball_sample(nx.path_graph(5), 3, start=0)
    [0, 1, 2]

    References
    ----------
    .. [1] L. A. Goodman, "Snowball sampling", Annals of Mathematical Statistics 32, 1961.
    .. [2] M. Kurant, A. Markopoulou and P. Thiran, "On the bias of BFS (Breadth
       First Search)", International Teletraffic Congress (ITC 22), 2010.
    """
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import connected_components

    net = _undirected(G)
    size = _check_size(size, net.n)
    rng = as_rng(seed)
    adjacency = csr_matrix((np.ones(net.indices.size, dtype=np.int8), net.indices, net.indptr),
                           shape=(net.n, net.n))
    _, component = connected_components(adjacency, directed=False)
    component_size = np.bincount(component)
    if start is None:
        eligible = np.flatnonzero(component_size[component] >= size)
        if eligible.size == 0:
            raise ValueError(
                f"size must be at most the largest connected component "
                f"({int(component_size.max())} nodes), got {size}"
            )
        first = int(eligible[rng.integers(eligible.size)])
    else:
        try:
            first = net.index_of[start]
        except (KeyError, TypeError):
            raise ValueError(f"start is {start!r}, which is not a node of the graph") from None
        reachable = int(component_size[component[first]])
        if size > reachable:
            raise ValueError(
                f"size must be at most {reachable}, the number of nodes connected to "
                f"start {start!r}, got {size}"
            )
    visited = np.zeros(net.n, dtype=bool)
    visited[first] = True
    order = [first]
    head = 0
    while len(order) < size:
        v = order[head]
        head += 1
        neighbours = net.indices[net.indptr[v]:net.indptr[v + 1]]
        new = neighbours[~visited[neighbours]]
        if new.size:
            new = rng.permutation(new)[: size - len(order)]
            visited[new] = True
            order.extend(new.tolist())
    return net.labels(order)


def degree_bias(G, sample):
    """Mean degree of the sampled nodes divided by the mean degree of the whole graph.

    About 1 for a uniform sample; above 1 when a sampling method over-represents
    people with many ties (snowball samples, asking people to name a friend: the
    friendship paradox).

    Parameters
    ----------
    G : networkx.Graph, networkx.DiGraph or CompiledNetwork
        The network, with at least one tie; a directed tie counts as a tie both ways.
    sample : collection of nodes
        A node listed twice counts twice (as in a random-walk sample).

    Returns
    -------
    float
        The ratio of the two mean degrees.

    Raises
    ------
    ValueError
        If ``G`` has no ties, ``sample`` is empty, or it names a node not in ``G``.
    TypeError
        If ``sample`` is not a collection of nodes.

    Examples
    --------
    >>> G = nx.star_graph(4)   # hub 0 with 4 ties, leaves with 1; mean degree 1.6
    >>> degree_bias(G, [0]), degree_bias(G, [1, 2, 3, 4]), degree_bias(G, list(G))
    (2.5, 0.625, 1.0)

    References
    ----------
    .. [1] S. L. Feld, "Why your friends have more friends than you do", American
       Journal of Sociology 96, 1991.
    """
    net = _undirected(G)
    if net.indices.size == 0:
        raise ValueError("G has no ties, so its mean degree is 0 and a degree ratio is undefined")
    rows = _rows_of(net, sample, "sample", distinct=False)
    return float(net.degrees[rows].mean() / net.mean_degree)


@reference
def expected_internal_edges(n, mean_degree, size):
    """Expected number of ties inside a uniform random sample of ``size`` of ``n`` nodes.

    Each tie has both ends in the sample with probability
    ``size (size - 1) / (n (n - 1))``, and there are ``n · mean_degree / 2`` ties, so

    ``E[ties inside] = C(size, 2) · mean_degree / (n - 1)``,

    exactly, for *any* network with that many nodes and that mean degree (not only a
    random graph). A connected sample of ``size`` nodes needs at least ``size - 1``
    ties inside, so by Markov's inequality the chance that a uniform sample is
    connected is at most ``E[ties inside] / (size - 1)``.

    Parameters
    ----------
    n : int
        Number of nodes, at least 2.
    mean_degree : float
        Between 0 and n - 1.
    size : int
        Sample size, from 1 to n.

    Returns
    -------
    float
        The expected number of ties with both ends in the sample.

    Examples
    --------
    The CyWorld study: 208 users out of about 20 million, with (say) 100 friends
    each. A random sample of 208 contains about 0.1 ties, but a connected one needs
    207, so at most about 1 random sample in 1,900 could be connected:

    >>> ties = expected_internal_edges(20_000_000, 100, 208)
    >>> round(ties, 3), round(ties / 207, 5)
    (0.108, 0.00052)

    (The true chance is astronomically smaller; the bound is enough to show that a
    connected sample of 208 users was not drawn at random.)
    """
    n = check_integer(n, "n", minimum=2)
    mean_degree = check_real(mean_degree, "mean_degree", minimum=0.0, maximum=n - 1)
    size = _check_size(size, n)
    return comb(size, 2) * mean_degree / (n - 1)
