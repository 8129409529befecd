"""Whom to seed: choosing k consumers to start a word-of-mouth campaign.

Heuristics rank nodes by a centrality (degree, k-shell, PageRank) or pick a tight group
of friends (:func:`cluster_seeds`); greedy selection adds, one at a time, the node with
the largest estimated gain in expected spread. For
the independent cascade and linear threshold models the expected spread is monotone and
submodular, so greedy reaches at least (1 - 1/e) of the best possible spread of any k
seeds (Kempe, Kleinberg & Tardos 2003), up to Monte Carlo error.

Greedy here evaluates every candidate on one fixed sample of live-edge worlds, so the
estimate it maximises is itself exactly monotone and submodular, and it evaluates
lazily (CELF, Leskovec et al. 2007): a candidate's old gain bounds its new one, so most
candidates are never re-evaluated. The first step needs every candidate's gain; it
condenses each world's strongly connected components and counts reach without
searching from every node (see ``cascades._world_gains``). Later re-evaluations run in
batches, worlds outermost, on all cores.
"""
from __future__ import annotations

import heapq
from dataclasses import dataclass

import networkx as nx
import numpy as np

from ._deprecation import renamed_keywords, seed_by_keyword
from ._guard import reference
from ._threads import parallel_threads
from ._validation import as_rng, check_integer, check_real
from .cascades.independent import sample_live_edge_worlds
from .networks import compile_network

__all__ = [
    "SeedSelection",
    "random_seeds",
    "cluster_seeds",
    "top_degree",
    "top_kshell",
    "top_pagerank",
    "greedy_seeds",
    "greedy_selection",
    "STRATEGIES",
    "compare_strategies",
]


def _check_k(net, k):
    return check_integer(k, "k", minimum=1, maximum=net.n)


def _top(net, scores, k):
    """The k best nodes by score; ties go to the node listed first in the graph."""
    order = np.lexsort((np.arange(net.n), -np.asarray(scores, dtype=float)))
    return net.labels(order[:k])


@seed_by_keyword
def random_seeds(G, k, *, seed=None):
    """k distinct nodes drawn uniformly at random.

    Parameters
    ----------
    G : networkx.Graph, networkx.DiGraph or CompiledNetwork
        The network.
    k : int
        Number of seeds, 1 .. number of nodes.
    seed : None, int or numpy.random.Generator, optional
        Random seed; the same seed gives the same result.

    Returns
    -------
    list
        The ``k`` seed labels, in random order.

    Examples
    --------
    >>> len(set(random_seeds(nx.path_graph(10), 3, seed=1)))
    3
    """
    net = compile_network(G)
    k = _check_k(net, k)
    return net.labels(as_rng(seed).choice(net.n, size=k, replace=False))


@seed_by_keyword
def cluster_seeds(G, k, *, seed=None):
    """k people who know one another: a random person and the ``k - 1`` people nearest
    to them, in breadth-first order.

    The opposite of spreading the budget out. Under a fixed threshold of two or more
    contacts (complex contagion) a tight cluster can start a cascade that no set of
    scattered seeds starts (Centola & Macy 2007); under the independent cascade its
    members reach the same people and waste seeds.

    Parameters
    ----------
    G : networkx.Graph, networkx.DiGraph or CompiledNetwork
        The network (ties are followed in their direction).
    k : int
        Number of seeds, 1 .. number of nodes.
    seed : None, int or numpy.random.Generator, optional
        Random seed (it picks the first person); the same seed gives the same result.

    Returns
    -------
    list
        The ``k`` seed labels, the first person first, then by distance from them
        (neighbours in compiled order). If the first person's component holds fewer
        than ``k`` people, the search restarts from a random person not yet chosen.

    References
    ----------
    .. [1] D. Centola and M. Macy, "Complex contagions and the weakness of long ties",
       American Journal of Sociology 113(3), 2007.

    Examples
    --------
    >>> sorted(cluster_seeds(nx.path_graph(10), 3, seed=1)) in ([i, i + 1, i + 2] for i in range(8))
    True
    >>> 0 in cluster_seeds(nx.star_graph(5), 2, seed=1)  # a leaf and the centre, or the centre and a leaf
    True
    """
    net = compile_network(G)
    k = _check_k(net, k)
    rng = as_rng(seed)
    chosen = np.zeros(net.n, dtype=bool)
    order = []
    while len(order) < k:
        start = int(rng.choice(np.flatnonzero(~chosen)))
        chosen[start] = True
        queue, head = [start], 0
        while head < len(queue) and len(order) + len(queue) < k:
            u = queue[head]
            head += 1
            for v in net.indices[net.indptr[u]:net.indptr[u + 1]].tolist():
                if not chosen[v]:
                    chosen[v] = True
                    queue.append(v)
                    if len(order) + len(queue) == k:
                        break
        order.extend(queue)
    return net.labels(order[:k])


def top_degree(G, k):
    """The k nodes with the most ties (out-ties for a directed graph).

    Parameters
    ----------
    G : networkx.Graph, networkx.DiGraph or CompiledNetwork
        The network.
    k : int
        Number of seeds, 1 .. number of nodes.

    Returns
    -------
    list
        The ``k`` seed labels, best first; of two nodes with equal scores, the one
        listed first in ``G`` comes first.

    Examples
    --------
    >>> top_degree(nx.star_graph(5), 1)
    [0]
    """
    net = compile_network(G)
    return _top(net, net.degrees, _check_k(net, k))


def top_kshell(G, k):
    """The k nodes deepest in the k-core decomposition (Kitsak et al. 2010), ties
    broken by degree.

    Parameters
    ----------
    G : networkx.Graph, networkx.DiGraph or CompiledNetwork
        The network; for a directed graph the k-shells of its undirected version.
    k : int
        Number of seeds, 1 .. number of nodes.

    Returns
    -------
    list
        The ``k`` seed labels, deepest shell first; ties in shell go to the higher
        degree, then to the node listed first in ``G``.

    Examples
    --------
    >>> G = nx.complete_graph(4)
    >>> G.add_edges_from([(3, 4), (4, 5)])
    >>> sorted(top_kshell(G, 4))
    [0, 1, 2, 3]

    References
    ----------
    .. [1] M. Kitsak et al., "Identification of influential spreaders in complex
       networks", Nature Physics 6, 2010.
    """
    net = compile_network(G)
    k = _check_k(net, k)
    H = nx.Graph() if not net.directed else nx.DiGraph()
    H.add_nodes_from(range(net.n))
    H.add_edges_from(zip(np.repeat(np.arange(net.n), net.degrees).tolist(), net.indices.tolist()))
    core = nx.core_number(H.to_undirected() if net.directed else H)
    shell = np.array([core[i] for i in range(net.n)], dtype=float)
    # shell dominates; degree / (max degree + 1) < 1 only breaks ties within a shell
    return _top(net, shell + net.degrees / (net.degrees.max() + 1.0), k)


def top_pagerank(G, k, alpha=0.85):
    """The k nodes with the highest PageRank.

    Parameters
    ----------
    G : networkx.Graph, networkx.DiGraph or CompiledNetwork
        The network.
    k : int
        Number of seeds, 1 .. number of nodes.
    alpha : float, optional
        PageRank's damping factor: the chance of following a tie rather than jumping
        to any node, at least 0 and below 1.

    Returns
    -------
    list
        The ``k`` seed labels, best first; of two nodes with equal scores, the one
        listed first in ``G`` comes first.

    Raises
    ------
    ValueError
        If ``alpha`` is negative or not below 1, or ``k`` is out of range.

    Examples
    --------
    >>> top_pagerank(nx.star_graph(5), 1)
    [0]

    References
    ----------
    .. [1] L. Page, S. Brin, R. Motwani and T. Winograd, "The PageRank citation
       ranking: bringing order to the web", Stanford technical report, 1999.
    """
    alpha = check_real(alpha, "alpha", minimum=0.0)
    if alpha >= 1.0:
        raise ValueError(f"alpha (PageRank's damping: the chance of following a tie rather than "
                         f"jumping anywhere) must be at least 0 and below 1, got {alpha}")
    net = compile_network(G)
    k = _check_k(net, k)
    H = nx.DiGraph() if net.directed else nx.Graph()
    H.add_nodes_from(range(net.n))
    H.add_edges_from(zip(np.repeat(np.arange(net.n), net.degrees).tolist(), net.indices.tolist()))
    rank = nx.pagerank(H, alpha=alpha)
    return _top(net, [rank[i] for i in range(net.n)], k)


@dataclass(frozen=True)
class SeedSelection:
    """Seeds in selection order with the estimated spread after each addition.

    ``spread[i]`` is the estimated expected spread of the first ``i + 1`` seeds on
    the sampled worlds; ``gains`` are the successive differences.

    Attributes
    ----------
    seeds : tuple
        Seed labels in the order greedy chose them.
    spread : tuple of float
        Estimated expected spread of the first 1, 2, ... seeds.
    worlds : int
        Number of live-edge worlds the estimates average over.
    gains : tuple of float
        Estimated gain of each added seed.

    Examples
    --------
    >>> selection = greedy_selection(nx.star_graph(4), 2, p=1.0, worlds=5, seed=1)
    >>> selection.seeds, selection.spread, selection.gains
    ((0, 1), (5.0, 5.0), (5.0, 0.0))
    """

    seeds: tuple
    spread: tuple
    worlds: int

    @property
    def gains(self):
        """Estimated gain of each added seed: the differences of ``spread``."""
        return tuple(np.diff((0.0,) + self.spread).tolist())

    def to_frame(self):
        """Tidy table: ``k``, ``seed``, ``spread``, ``gain``."""
        import pandas as pd

        return pd.DataFrame({"k": range(1, len(self.seeds) + 1), "seed": list(self.seeds),
                             "spread": list(self.spread), "gain": list(self.gains)})


@renamed_keywords(runs="worlds")
@reference
@seed_by_keyword
def greedy_selection(G, k, model="ic", p=0.1, worlds=1000, *, seed=None, weights=None):
    """Greedy (CELF) seed selection on ``worlds`` sampled live-edge worlds.

    Parameters
    ----------
    G : networkx.Graph, networkx.DiGraph or CompiledNetwork
        The network.
    k : int
        Number of seeds, 1 .. number of nodes.
    model : {"ic", "lt"}, optional
        Independent cascade or linear threshold.
    p : float, mapping or sequence, optional
        IC probability (number, mapping or per-arc sequence); ignored for LT.
    worlds : int, optional
        Number of live-edge worlds the spread is averaged over (``runs`` before 0.1.1).
    seed : None, int or numpy.random.Generator, optional
        Random seed; the same seed gives the same result.
    weights : None, float, mapping or sequence, optional
        LT arc weights (default 1 / in-degree); ignored for IC.

    Returns
    -------
    SeedSelection
        The seeds in selection order and the estimated spread after each addition.

    Examples
    --------
    >>> G = nx.disjoint_union(nx.star_graph(5), nx.star_graph(3))
    >>> greedy_selection(G, 2, p=1.0, worlds=10, seed=1).seeds
    (0, 6)

    References
    ----------
    .. [1] D. Kempe, J. Kleinberg and É. Tardos, "Maximizing the spread of influence
       through a social network", KDD 2003.
    .. [2] J. Leskovec, A. Krause, C. Guestrin, C. Faloutsos, J. VanBriesen and
       N. Glance, "Cost-effective outbreak detection in networks", KDD 2007.
    """
    net = compile_network(G)
    k = _check_k(net, k)
    worlds = check_integer(worlds, "worlds", minimum=1)
    sample = sample_live_edge_worlds(net, model, p, worlds, seed=seed, weights=weights)
    with parallel_threads(worlds) as threads:
        gains = sample.gains(threads=threads)
        # max-heap of (-gain, node, step at which the gain was computed); ties: lower
        # index. Gains are totals over the worlds, so they compare exactly.
        heap = [(-int(g), v, 0) for v, g in enumerate(gains.tolist())]
        heapq.heapify(heap)
        covered = sample.new_cover()
        chosen, spread, total = [], [], 0
        for step in range(k):
            batch = 8
            while heap[0][2] != step:
                # re-evaluate the stale candidates on top together, a growing batch
                # at a time: one pass over the worlds serves the whole batch
                stale = []
                while heap and heap[0][2] != step and len(stale) < batch:
                    stale.append(heapq.heappop(heap)[1])
                fresh = sample.gains(covered, stale, threads=threads)
                for v, g in zip(stale, fresh.tolist()):
                    heapq.heappush(heap, (-g, v, step))
                batch *= 4
            v = heapq.heappop(heap)[1]
            total += sample.cover(covered, v)
            chosen.append(v)
            spread.append(total / worlds)
    return SeedSelection(tuple(net.labels(chosen)), tuple(spread), worlds)


@renamed_keywords(runs="worlds")
@reference
@seed_by_keyword
def greedy_seeds(G, k, model="ic", p=0.1, worlds=1000, *, seed=None, weights=None):
    """k seeds chosen greedily, in selection order (see :func:`greedy_selection`).

    Parameters
    ----------
    G : networkx.Graph, networkx.DiGraph or CompiledNetwork
        The network.
    k : int
        Number of seeds, 1 .. number of nodes.
    model : {"ic", "lt"}, optional
        Independent cascade or linear threshold.
    p : float, mapping or sequence, optional
        IC probability (number, mapping or per-arc sequence); ignored for LT.
    worlds : int, optional
        Number of live-edge worlds the spread is averaged over (``runs`` before 0.1.1).
    seed : None, int or numpy.random.Generator, optional
        Random seed; the same seed gives the same result.
    weights : None, float, mapping or sequence, optional
        LT arc weights (default 1 / in-degree); ignored for IC.

    Returns
    -------
    list
        The ``k`` seed labels, in the order greedy chose them.

    Examples
    --------
    >>> greedy_seeds(nx.star_graph(6), 1, p=0.5, worlds=200, seed=1)
    [0]

    References
    ----------
    .. [1] D. Kempe, J. Kleinberg and É. Tardos, "Maximizing the spread of influence
       through a social network", KDD 2003.
    .. [2] J. Leskovec, A. Krause, C. Guestrin, C. Faloutsos, J. VanBriesen and
       N. Glance, "Cost-effective outbreak detection in networks", KDD 2007.
    """
    return list(greedy_selection(G, k, model, p, worlds, seed=seed, weights=weights).seeds)


STRATEGIES = ("random", "degree", "kshell", "pagerank", "greedy")


@seed_by_keyword
def compare_strategies(G, k_max, strategies=STRATEGIES, model="ic", p=0.1, runs=1000, *, seed=None,
                       weights=None):
    """Expected spread of each strategy's first 1..k_max seeds, for charts with error bands.

    Each strategy ranks ``k_max`` seeds once; every prefix is then scored by fresh Monte
    Carlo runs, independent of the worlds greedy chose on, so greedy gets no credit for
    fitting its own sample. Each strategy draws from a random stream of its own, made
    from ``seed`` and the strategy's name, so its rows do not change when the list of
    strategies is reordered or shortened. ``weights`` are the linear threshold model's
    tie weights (see :func:`course_lib.cascades.linear_threshold`), used by greedy and
    by the scoring alike.

    Parameters
    ----------
    G : networkx.Graph, networkx.DiGraph or CompiledNetwork
        The network.
    k_max : int
        Largest number of seeds, 1 .. number of nodes.
    strategies : sequence of str, optional
        Any of ``"random"``, ``"degree"``, ``"kshell"``, ``"pagerank"``, ``"greedy"``.
    model : {"ic", "lt"}, optional
        Independent cascade or linear threshold.
    p : float, mapping or sequence, optional
        IC probability (as in :func:`course_lib.cascades.independent_cascade`); ignored
        for LT.
    runs : int, optional
        Monte Carlo runs for each score, and the number of live-edge worlds greedy
        chooses on.
    seed : None, int or numpy.random.Generator, optional
        Random seed; the same seed gives the same result.
    weights : None, float, mapping or sequence, optional
        LT arc weights (default 1 / in-degree); ignored for IC.

    Returns
    -------
    pandas.DataFrame
        One row per strategy and k, with columns ``strategy``, ``k``, ``spread``,
        ``stderr``, ``low`` and ``high`` (a 95% interval).

    Raises
    ------
    ValueError
        If ``strategies`` names an unknown strategy, or ``k_max`` is out of range.

    Examples
    --------
    >>> table = compare_strategies(nx.star_graph(8), 2, ["random", "degree"], p=0.5, runs=200, seed=1)
    >>> sorted(table.columns)
    ['high', 'k', 'low', 'spread', 'stderr', 'strategy']
    """
    import pandas as pd

    from .cascades import expected_spread

    net = compile_network(G)
    k_max = _check_k(net, k_max)
    unknown = [s for s in strategies if s not in STRATEGIES]
    if unknown:
        raise ValueError(f"strategies must be among {STRATEGIES}, got {unknown[0]!r}")
    entropy = int(as_rng(seed).integers(2**63))
    choose = {
        "random": lambda rng: random_seeds(net, k_max, seed=rng),
        "degree": lambda rng: top_degree(net, k_max),
        "kshell": lambda rng: top_kshell(net, k_max),
        "pagerank": lambda rng: top_pagerank(net, k_max),
        "greedy": lambda rng: greedy_seeds(net, k_max, model, p, runs, seed=rng, weights=weights),
    }
    rows = []
    for strategy in strategies:
        rng = np.random.default_rng([entropy, STRATEGIES.index(strategy)])
        ranked = choose[strategy](rng)
        for k in range(1, k_max + 1):
            est = expected_spread(net, ranked[:k], model, p, runs, seed=rng, weights=weights)
            low, high = est.interval()
            rows.append({"strategy": strategy, "k": k, "spread": est.spread, "stderr": est.stderr,
                         "low": low, "high": high})
    return pd.DataFrame(rows)
