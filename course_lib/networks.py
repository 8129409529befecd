"""Consumer networks: seeded generators, a compiled array form, and input checks.

Every generator returns a :class:`networkx.Graph` whose nodes are ``0 .. n-1``.
Simulators accept such a graph or its :class:`CompiledNetwork` (compressed sparse rows),
which is what they run on; compile once with :func:`compile_network` when you run many
simulations on the same graph.

Measures on networks live in their own modules: rankings and their overlap in
:mod:`course_lib.centrality`, samples of a network in :mod:`course_lib.sampling`.
"""
from __future__ import annotations

from itertools import chain
from dataclasses import dataclass, field
from functools import cached_property

import networkx as nx
import numpy as np
from numba import njit

from ._deprecation import seed_by_keyword
from ._validation import as_rng, check_integer, check_real

__all__ = [
    "CompiledNetwork",
    "compile_network",
    "poisson_network",
    "scale_free_network",
    "small_world_network",
    "community_network",
    "node_indices",
]

@dataclass(frozen=True, eq=False)
class CompiledNetwork:
    """A graph as compressed sparse rows: the neighbours of node ``i`` are
    ``indices[indptr[i]:indptr[i + 1]]``; ``nodes[i]`` is its label.

    An undirected edge is stored in both directions; a directed edge ``u -> v`` is
    stored in ``u``'s row (out-neighbours).

    Attributes
    ----------
    indptr : numpy.ndarray of int, shape (n + 1,)
        Row pointers: the arcs of row ``i`` are ``indptr[i]`` up to ``indptr[i + 1]``.
    indices : numpy.ndarray of int, shape (arcs,)
        Target row of every arc, row after row.
    nodes : tuple
        Node labels: ``nodes[i]`` is the label of row ``i``.
    directed : bool
        True for a directed graph (rows hold out-neighbours).

    Examples
    --------
    >>> net = compile_network(nx.path_graph(3))
    >>> net.n, net.degrees.tolist(), net.directed
    (3, [1, 2, 1], False)
    """

    indptr: np.ndarray
    indices: np.ndarray
    nodes: tuple = field(repr=False)
    directed: bool = False

    @property
    def n(self):
        """Number of nodes."""
        return len(self.indptr) - 1

    @cached_property
    def degrees(self):
        """Out-degree of each node (the degree, for an undirected graph)."""
        return np.diff(self.indptr)

    @cached_property
    def index_of(self):
        """Mapping node label -> row index."""
        return {node: i for i, node in enumerate(self.nodes)}

    @cached_property
    def labels_are_indices(self):
        """True when node ``i`` is labelled ``i`` (as for every generator here)."""
        return self.nodes == tuple(range(self.n))

    def labels(self, rows):
        """Node labels of the given row indices, as a list."""
        rows = np.asarray(rows).tolist()
        return rows if self.labels_are_indices else list(map(self.nodes.__getitem__, rows))

    @property
    def mean_degree(self):
        """Mean out-degree (0.0 for a network without nodes)."""
        return float(self.degrees.mean()) if self.n else 0.0

    def to_networkx(self):
        """Return the graph as a networkx graph with the original labels."""
        G = nx.DiGraph() if self.directed else nx.Graph()
        G.add_nodes_from(self.nodes)
        rows = np.repeat(np.arange(self.n), self.degrees)
        labels = self.nodes
        G.add_edges_from((labels[u], labels[v]) for u, v in zip(rows.tolist(), self.indices.tolist()))
        return G


@njit(cache=True)
def _symmetric_csr(n, u, v):
    """Counting-sort fill of a symmetric CSR from an edge list (each edge once): O(n + m)."""
    indptr = np.zeros(n + 1, dtype=np.int64)
    for e in range(len(u)):
        indptr[u[e] + 1] += 1
        indptr[v[e] + 1] += 1
    for i in range(n):
        indptr[i + 1] += indptr[i]
    fill = indptr[:-1].copy()
    indices = np.empty(indptr[n], dtype=np.int32)
    for e in range(len(u)):
        a, b = u[e], v[e]
        indices[fill[a]] = b
        fill[a] += 1
        indices[fill[b]] = a
        fill[b] += 1
    return indptr, indices


def _csr_from_undirected_edges(n, u, v, nodes=None):
    """Build a CompiledNetwork from edge endpoint arrays (each edge listed once)."""
    indptr, indices = _symmetric_csr(n, np.asarray(u, dtype=np.int64), np.asarray(v, dtype=np.int64))
    return CompiledNetwork(indptr, indices, tuple(range(n)) if nodes is None else nodes)


def compile_network(G, *, allow_directed=True, name="G"):
    """Return the :class:`CompiledNetwork` of ``G`` (returned as is if already compiled).

    Parameters
    ----------
    G : networkx.Graph, networkx.DiGraph or CompiledNetwork
        The network; a simple graph (no multi-edges, no self-loops) with at least one
        node.
    allow_directed : bool, optional
        If False, a directed graph raises ``ValueError``.
    name : str, optional
        The parameter name used in error messages.

    Returns
    -------
    CompiledNetwork
        The graph as compressed sparse rows; row ``i`` is node ``tuple(G)[i]``.

    Raises
    ------
    TypeError
        If ``G`` is neither a networkx graph nor a CompiledNetwork, or is a multigraph.
    ValueError
        If ``G`` has a self-loop or no nodes, or is directed while ``allow_directed``
        is False.

    Examples
    --------
    >>> net = compile_network(nx.path_graph(3))
    >>> net.indptr.tolist(), net.indices.tolist()
    ([0, 1, 3, 4], [1, 0, 2, 1])
    """
    if isinstance(G, CompiledNetwork):
        net = G
    else:
        if not isinstance(G, nx.Graph):
            raise TypeError(
                f"{name} must be a networkx graph or a CompiledNetwork, not {type(G).__name__}"
            )
        if G.is_multigraph():
            raise TypeError(
                f"{name} is a multigraph; the models need a simple graph: use nx.Graph({name})"
            )
        loops = nx.number_of_selfloops(G)
        if loops:
            raise ValueError(
                f"{name} has {loops} self-loop(s) (a node linked to itself); remove them with "
                f"{name}.remove_edges_from(nx.selfloop_edges({name}))"
            )
        nodes = tuple(G)
        index = {node: i for i, node in enumerate(nodes)}
        adj = G._succ if G.is_directed() else G._adj
        indptr = np.zeros(len(nodes) + 1, dtype=np.int64)
        np.cumsum(list(map(len, map(adj.__getitem__, nodes))), out=indptr[1:])
        targets = chain.from_iterable(map(adj.__getitem__, nodes))
        if nodes != tuple(range(len(nodes))):
            targets = map(index.__getitem__, targets)
        indices = np.fromiter(targets, dtype=np.int32, count=int(indptr[-1]))
        net = CompiledNetwork(indptr, indices, nodes, G.is_directed())
    if net.n == 0:
        raise ValueError(f"{name} has no nodes; give a graph with at least one node")
    if net.directed and not allow_directed:
        raise ValueError(
            f"{name} is directed, but this model needs an undirected graph: "
            f"use {name}.to_undirected() if ties go both ways"
        )
    return net


def node_indices(net, nodes, name="seeds"):
    """Return the row indices of ``nodes`` (a node label or an iterable of labels).

    Parameters
    ----------
    net : CompiledNetwork
        The network the labels belong to.
    nodes : node or iterable of nodes
        One label (a string counts as one label) or several.
    name : str, optional
        The parameter name used in error messages.

    Returns
    -------
    numpy.ndarray of int64
        The rows of the distinct labels, sorted.

    Raises
    ------
    ValueError
        Naming the first label that is not a node of ``net``.

    Examples
    --------
    >>> net = compile_network(nx.Graph([("a", "b"), ("b", "c")]))
    >>> node_indices(net, ["c", "a", "c"]).tolist()
    [0, 2]
    >>> node_indices(net, "b").tolist()
    [1]
    """
    if isinstance(nodes, (str, bytes)) or not hasattr(nodes, "__iter__"):
        nodes = [nodes]
    index = net.index_of
    out = []
    for node in nodes:
        try:
            out.append(index[node])
        except (KeyError, TypeError):
            raise ValueError(f"{name} contains {node!r}, which is not a node of the graph") from None
    unique = sorted(set(out))  # np.unique costs ~5 us, a lot for a single cascade
    return np.fromiter(unique, dtype=np.int64, count=len(unique))


def _check_n(n):
    return check_integer(n, "n", minimum=1)


def _poisson_edges(n, mean_degree, rng):
    """Edges of an Erdős–Rényi G(n, p) graph with p = mean_degree / (n - 1).

    Number the n(n-1)/2 node pairs and walk along them with geometric jumps: each jump
    lands on the next pair that gets an edge, exactly as if every pair had tossed its
    own coin (Batagelj & Brandes 2005). Costs O(edges), not O(n^2), and never draws a
    pair twice.
    """
    pairs = n * (n - 1) // 2
    if pairs == 0 or mean_degree == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    p = min(mean_degree / (n - 1), 1.0)
    expected = pairs * p
    chunk = int(expected + 6 * np.sqrt(expected) + 16)
    parts = []
    last = -1
    while True:
        # jumps past the last pair end the walk; capping them at `pairs + 1` keeps the running
        # sum from overflowing int64 when p is tiny (numpy returns 2**63 - 1 for p ~ 1e-300)
        jumps = np.minimum(rng.geometric(p, size=chunk), pairs + 1)
        positions = last + np.cumsum(jumps)
        inside = positions[positions < pairs]
        parts.append(inside)
        if inside.size < chunk:
            break
        last = int(positions[-1])
    e = np.concatenate(parts)
    # pair number e <-> (i, j) with j < i, e = i (i - 1) / 2 + j
    i = ((1 + np.sqrt(1 + 8 * e.astype(np.float64))) // 2).astype(np.int64)
    i -= i * (i - 1) // 2 > e
    i += (i + 1) * i // 2 <= e
    return i, e - i * (i - 1) // 2


@seed_by_keyword
def poisson_csr(n, mean_degree, *, seed=None):
    """Compiled Poisson (Erdős–Rényi) network, without building a networkx graph.

    This is what the Monte Carlo experiments use: 100x faster than going through
    networkx for large ``n``.
    """
    n = _check_n(n)
    mean_degree = check_real(mean_degree, "mean_degree", minimum=0.0)
    if n > 1 and mean_degree > n - 1:
        raise ValueError(f"mean_degree must be at most n - 1 = {n - 1}, got {mean_degree}")
    u, v = _poisson_edges(n, mean_degree, as_rng(seed))
    return _csr_from_undirected_edges(n, u, v)


@seed_by_keyword
def poisson_network(n, mean_degree, *, seed=None):
    """Erdős–Rényi random graph with Poisson degrees of the given mean.

    Every pair of nodes is tied with probability ``mean_degree / (n - 1)``; the pairs
    that get a tie are found by geometric jumps, as in Batagelj & Brandes (2005), in
    time proportional to the number of edges.

    Parameters
    ----------
    n : int
        Number of consumers (nodes), at least 1.
    mean_degree : float
        Expected number of contacts per consumer, between 0 and n - 1.
    seed : None, int or numpy.random.Generator, optional
        Random seed; the same seed gives the same result.

    Returns
    -------
    networkx.Graph
        Undirected graph with nodes ``0 .. n-1``.

    Examples
    --------
    >>> G = poisson_network(1000, 4, seed=1)
    >>> G.number_of_nodes(), round(2 * G.number_of_edges() / 1000)
    (1000, 4)

    References
    ----------
    .. [1] P. Erdős and A. Rényi, "On random graphs I", Publicationes Mathematicae
       Debrecen 6, 1959.
    .. [2] V. Batagelj and U. Brandes, "Efficient generation of large random networks",
       Physical Review E 71, 036113, 2005.
    """
    net = poisson_csr(n, mean_degree, seed=seed)
    G = nx.Graph()
    G.add_nodes_from(range(net.n))
    rows = np.repeat(np.arange(net.n), net.degrees)
    upper = rows < net.indices
    G.add_edges_from(zip(rows[upper].tolist(), net.indices[upper].tolist()))
    return G


def _nx_seed(seed):
    """networkx generators take an int; derive one from our seed argument."""
    return int(as_rng(seed).integers(2**31 - 1))


@seed_by_keyword
def scale_free_network(n, m=3, *, seed=None):
    """Barabási–Albert preferential-attachment network: a few hubs, many small degrees.

    Each new node links to ``m`` existing nodes, so the mean degree is close to ``2 m``.

    Parameters
    ----------
    n : int
        Number of nodes, at least 1.
    m : int, optional
        Ties each new node makes, at least 1 and smaller than ``n``.
    seed : None, int or numpy.random.Generator, optional
        Random seed; the same seed gives the same result.

    Returns
    -------
    networkx.Graph
        Undirected graph with nodes ``0 .. n-1`` and ``m (n - m)`` edges.

    Raises
    ------
    ValueError
        If ``m`` is not smaller than ``n`` (or ``n`` or ``m`` is below 1).

    Examples
    --------
    >>> G = scale_free_network(500, m=2, seed=1)
    >>> G.number_of_edges()
    996

    References
    ----------
    .. [1] A.-L. Barabási and R. Albert, "Emergence of scaling in random networks",
       Science 286(5439), 1999.
    """
    n = _check_n(n)
    m = check_integer(m, "m", minimum=1)
    if m >= n:
        raise ValueError(f"m must be smaller than n ({n}), got {m}")
    return nx.barabasi_albert_graph(n, m, seed=_nx_seed(seed))


@seed_by_keyword
def small_world_network(n, k=6, rewire=0.1, *, seed=None):
    """Watts–Strogatz small world: a ring lattice with a share of ties rewired.

    Parameters
    ----------
    n : int
        Number of nodes, at least 1.
    k : int, optional
        Each node starts linked to its ``k`` nearest ring neighbours (even, < n).
    rewire : float, optional
        Probability in [0, 1] that each tie is rewired to a random node.
    seed : None, int or numpy.random.Generator, optional
        Random seed; the same seed gives the same result.

    Returns
    -------
    networkx.Graph
        Undirected graph with nodes ``0 .. n-1`` and ``n k / 2`` edges.

    Raises
    ------
    ValueError
        If ``k`` is odd, below 2 or not smaller than ``n``, or ``rewire`` is outside
        [0, 1].

    Examples
    --------
    >>> small_world_network(100, k=4, rewire=0.0, seed=1).number_of_edges()
    200

    References
    ----------
    .. [1] D. J. Watts and S. H. Strogatz, "Collective dynamics of 'small-world'
       networks", Nature 393, 1998.
    """
    n = _check_n(n)
    k = check_integer(k, "k", minimum=2)
    if k % 2 or k >= n:
        raise ValueError(f"k must be even and smaller than n ({n}), got {k}")
    rewire = check_real(rewire, "rewire", minimum=0.0, maximum=1.0)
    return nx.watts_strogatz_graph(n, k, rewire, seed=_nx_seed(seed))


@seed_by_keyword
def community_network(communities, size, mean_degree_in=6.0, mean_degree_out=1.0, *, seed=None):
    """Planted-partition network: dense ties inside communities, few between them.

    Each node has on average ``mean_degree_in`` contacts in its own community and
    ``mean_degree_out`` elsewhere. Node attribute ``"community"`` holds its group.

    Parameters
    ----------
    communities : int
        Number of communities, at least 1.
    size : int
        Nodes per community, at least 2.
    mean_degree_in : float, optional
        Expected contacts inside one's community, between 0 and ``size - 1``.
    mean_degree_out : float, optional
        Expected contacts in other communities, between 0 and the number of nodes
        outside one's community (0 when there is one community).
    seed : None, int or numpy.random.Generator, optional
        Random seed; the same seed gives the same result.

    Returns
    -------
    networkx.Graph
        Undirected graph with nodes ``0 .. communities * size - 1``; node ``i`` is in
        community ``i // size``.

    Raises
    ------
    ValueError
        If ``mean_degree_out`` is positive with one community or exceeds the number of
        nodes outside a community, or another argument is out of range.

    Examples
    --------
    >>> G = community_network(3, 50, seed=1)
    >>> G.number_of_nodes(), G.nodes[0]["community"], G.nodes[149]["community"]
    (150, 0, 2)

    References
    ----------
    .. [1] A. Condon and R. M. Karp, "Algorithms for graph partitioning on the planted
       partition model", Random Structures & Algorithms 18(2), 2001.
    """
    communities = check_integer(communities, "communities", minimum=1)
    size = check_integer(size, "size", minimum=2)
    mean_degree_in = check_real(mean_degree_in, "mean_degree_in", minimum=0.0, maximum=size - 1)
    mean_degree_out = check_real(mean_degree_out, "mean_degree_out", minimum=0.0)
    others = (communities - 1) * size
    if others == 0 and mean_degree_out > 0:
        raise ValueError("mean_degree_out must be 0 when there is only one community")
    if others and mean_degree_out > others:
        raise ValueError(f"mean_degree_out must be at most {others}, got {mean_degree_out}")
    p_in = mean_degree_in / (size - 1)
    p_out = mean_degree_out / others if others else 0.0
    G = nx.planted_partition_graph(communities, size, p_in, p_out, seed=_nx_seed(seed))
    for node in G:
        G.nodes[node]["community"] = node // size
    G.graph.pop("partition", None)
    return G

