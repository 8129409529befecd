"""Who are the influentials? Centrality tables, rankings and how much two rankings agree.

A lesson compares consumers ranked by different measures -- degree (how many contacts),
k-shell (how deep in the network's core; Kitsak et al. 2010), PageRank (contacts of
important contacts) and betweenness (how often one sits on shortest paths between
others) -- and asks how much the top of one ranking overlaps the top of another.

The same question comes from practice: a community platform reported that its
"influencers" and its "advocates", found by different methods, overlap by over 75%.
Whether that is surprising depends on how strongly advocacy goes with network position;
:func:`activity_ranking` makes that dependence a slider. (Source: M. Wu, "Do You Empower
or Influence?", Lithium community analytics blog, and its comment thread.)

Conventions
-----------
- A *ranking* is a sequence of nodes, best first. Ties are broken by graph order: of
  two nodes with the same score, the one listed first in ``G`` (``list(G)``) comes first.
- Node labels are kept: tables are indexed by node and rankings hold the labels.
"""
from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass

import networkx as nx
import numpy as np
import pandas as pd
from numba import njit

from ._deprecation import seed_by_keyword
from ._guard import reference
from ._validation import as_rng, check_integer, check_real
from .networks import CompiledNetwork, compile_network

__all__ = [
    "MEASURES",
    "EXACT_BETWEENNESS_MAX_NODES",
    "DEFAULT_BETWEENNESS_PIVOTS",
    "centrality_table",
    "ranking",
    "TopKOverlap",
    "top_k_overlap",
    "overlap_curve",
    "activity_scores",
    "activity_ranking",
]

#: The measures :func:`centrality_table` knows, in its default column order.
MEASURES = ("degree", "kshell", "pagerank", "betweenness")

#: Betweenness is computed exactly up to this many nodes, and estimated above it.
EXACT_BETWEENNESS_MAX_NODES = 2000

#: Number of pivots (source nodes) used when betweenness is estimated by default.
DEFAULT_BETWEENNESS_PIVOTS = 500


# ----------------------------------------------------------------------- helpers


def _node_index(nodes):
    """A pandas index of node labels that keeps tuple labels (grid nodes) as tuples."""
    return pd.Index(list(nodes), dtype=object, tupleize_cols=False, name="node")


def _as_networkx(G):
    """(CompiledNetwork, networkx graph with the same nodes in the same order)."""
    net = compile_network(G)
    H = net.to_networkx() if isinstance(G, CompiledNetwork) else G
    return net, H


def _order(values):
    """Row positions sorted by value, largest first; ties keep row order."""
    values = np.asarray(values, dtype=float)
    return np.lexsort((np.arange(values.size), -values))


@njit(cache=True)
def _brandes(indptr, indices, sources):
    """Sum over ``sources`` of Brandes' dependencies delta_s(v) (ordered pairs).

    Unweighted shortest paths along the CSR rows (out-ties of a directed graph). The
    accumulation walks the BFS order backwards and looks *forward* along each node's
    own row (w is a predecessor of x when w -> x and dist[x] = dist[w] + 1), so it needs
    no predecessor lists and no reverse graph.
    """
    n = len(indptr) - 1
    betweenness = np.zeros(n)
    sigma = np.zeros(n)  # number of shortest paths, as float (it can overflow int64)
    delta = np.zeros(n)
    dist = np.full(n, -1, dtype=np.int64)
    order = np.empty(n, dtype=np.int64)
    for s in sources:
        sigma[s] = 1.0
        dist[s] = 0
        order[0] = s
        head, tail = 0, 1
        while head < tail:
            v = order[head]
            head += 1
            for j in range(indptr[v], indptr[v + 1]):
                w = indices[j]
                if dist[w] < 0:
                    dist[w] = dist[v] + 1
                    order[tail] = w
                    tail += 1
                if dist[w] == dist[v] + 1:
                    sigma[w] += sigma[v]
        for i in range(tail - 1, -1, -1):
            w = order[i]
            acc = 0.0
            for j in range(indptr[w], indptr[w + 1]):
                x = indices[j]
                if dist[x] == dist[w] + 1:
                    acc += sigma[w] / sigma[x] * (1.0 + delta[x])
            delta[w] = acc
            if w != s:
                betweenness[w] += acc
        for i in range(tail):
            w = order[i]
            sigma[w] = 0.0
            delta[w] = 0.0
            dist[w] = -1
    return betweenness


def _betweenness(net, pivots, seed):
    """Normalized betweenness, exact (pivots None) or from ``pivots`` sampled sources.

    Returns (values, nx_seed): the estimate equals
    ``nx.betweenness_centrality(G, k=pivots, seed=nx_seed)``.
    """
    n = net.n
    if pivots is None or pivots >= n:
        raw = _brandes(net.indptr, net.indices, np.arange(n, dtype=np.int64))
        scale = 1.0 / ((n - 1) * (n - 2)) if n > 2 else 1.0
        return raw * scale, None
    nx_seed = int(as_rng(seed).integers(2**31 - 1))
    # networkx draws its pivots as random.Random(seed).sample(list(G), k); sampling
    # positions 0..n-1 the same way picks the same nodes.
    sources = np.array(random.Random(nx_seed).sample(range(n), pivots), dtype=np.int64)
    raw = _brandes(net.indptr, net.indices, sources)
    # as networkx does: a non-pivot node is averaged over k pivots, a pivot over the
    # other k - 1 (it cannot lie on paths from itself); n - 2 possible targets.
    scale = np.full(n, 1.0 / (pivots * (n - 2)))
    scale[sources] = 1.0 / ((pivots - 1) * (n - 2))
    return raw * scale, nx_seed


def _check_measures(measures):
    if isinstance(measures, str):
        measures = (measures,)
    try:
        measures = tuple(measures)
    except TypeError:
        raise TypeError(
            f"measures must be a sequence of names from {MEASURES}, not {type(measures).__name__}"
        ) from None
    if not measures:
        raise ValueError(f"measures must name at least one of {MEASURES}")
    for measure in measures:
        if measure not in MEASURES:
            raise ValueError(f"measures contains {measure!r}; allowed: {', '.join(MEASURES)}")
    if len(set(measures)) < len(measures):
        raise ValueError(f"measures names a measure twice: {measures}")
    return measures


def _centrality_table(G, measures, betweenness_sample, seed, alpha):
    measures = _check_measures(measures)
    net, H = _as_networkx(G)
    alpha = check_real(alpha, "alpha", minimum=0.0, maximum=1.0)
    if betweenness_sample is not None:
        betweenness_sample = check_integer(betweenness_sample, "betweenness_sample", minimum=2)
    columns = {}
    attrs = {}
    for measure in measures:
        if measure == "degree":
            columns[measure] = net.degrees.astype(np.int64)
        elif measure == "kshell":
            core = nx.core_number(H.to_undirected(as_view=True) if net.directed else H)
            columns[measure] = np.array([core[v] for v in net.nodes], dtype=np.int64)
        elif measure == "pagerank":
            rank = nx.pagerank(H, alpha=alpha)
            columns[measure] = np.array([rank[v] for v in net.nodes], dtype=float)
        else:
            pivots = betweenness_sample
            if pivots is None and net.n > EXACT_BETWEENNESS_MAX_NODES:
                pivots = DEFAULT_BETWEENNESS_PIVOTS
            if pivots is not None and pivots >= net.n:
                pivots = None
            columns[measure], nx_seed = _betweenness(net, pivots, seed)
            attrs["betweenness_pivots"] = pivots
            attrs["betweenness_seed"] = nx_seed
    table = pd.DataFrame(columns, index=_node_index(net.nodes))
    table.attrs.update(attrs)
    return table


def _scores_and_labels(scores, measure, name="table"):
    """Values and node labels of a score table, Series or mapping."""
    if isinstance(scores, pd.DataFrame):
        if measure is None:
            raise ValueError(
                f"measure must name a column of {name} ({', '.join(map(str, scores.columns))})"
            )
        if measure not in scores.columns:
            raise ValueError(
                f"measure {measure!r} is not a column of {name}; "
                f"its columns are {', '.join(map(str, scores.columns))}"
            )
        series = scores[measure]
    elif isinstance(scores, pd.Series):
        if measure is not None:
            raise ValueError("measure must be None when the scores are a pandas Series")
        series = scores
    elif isinstance(scores, Mapping):
        if measure is not None:
            raise ValueError("measure must be None when the scores are a dict node -> score")
        series = pd.Series(list(scores.values()), index=_node_index(scores.keys()), dtype=float)
    else:
        raise TypeError(
            f"{name} must be a DataFrame from centrality_table, a pandas Series or a dict "
            f"node -> score, not {type(scores).__name__}"
        )
    try:
        values = np.asarray(series, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"the scores in {name} must be numbers") from None
    if np.isnan(values).any():
        first = series.index[int(np.flatnonzero(np.isnan(values))[0])]
        raise ValueError(f"the score of node {first!r} is missing (NaN); every node needs a score")
    return values, list(series.index)


def _as_ranking(r, name):
    """A ranking as a list of distinct, hashable nodes."""
    if isinstance(r, (pd.Series, pd.DataFrame, Mapping)):
        raise TypeError(
            f"{name} must be a sequence of nodes, best first, not a table of scores: "
            f"turn scores into a ranking with ranking(table, measure)"
        )
    if isinstance(r, (str, bytes)) or not hasattr(r, "__iter__"):
        raise TypeError(f"{name} must be a sequence of nodes, best first, not {type(r).__name__}")
    nodes = r.tolist() if isinstance(r, np.ndarray) else list(r)
    seen = set()
    for node in nodes:
        try:
            if node in seen:
                raise ValueError(f"{name} lists node {node!r} twice; a ranking lists each node once")
        except TypeError:
            raise TypeError(f"{name} contains {node!r}, which cannot be a node label") from None
        seen.add(node)
    return nodes


def _looks_like_nodes(rankings_b, a):
    """True when the entries of a list are themselves nodes of ``a`` (tuple labels)."""
    nodes = set(a)
    for entry in rankings_b:
        try:
            if entry in nodes:
                return True
        except TypeError:  # unhashable: a list, so a ranking
            pass
    return False


def _check_k(k, length):
    k = check_integer(k, "k", minimum=1)
    if k > length:
        raise ValueError(f"k must be at most {length} (the length of the shorter ranking), got {k}")
    return k


def _shared_counts(a, b):
    """``shared[k - 1]`` = size of the intersection of the top-k sets, k = 1 .. min length.

    A node at position i in ``a`` and j in ``b`` is in both top-k sets exactly when
    k > max(i, j); so the counts are a cumulative histogram of max(i, j).
    """
    length = min(len(a), len(b))
    position_b = {node: j for j, node in enumerate(b)}
    reach = [max(i, position_b[node]) for i, node in enumerate(a[:length]) if node in position_b]
    reach = [m for m in reach if m < length]
    return np.cumsum(np.bincount(np.asarray(reach, dtype=np.int64), minlength=length))


# ------------------------------------------------------------------ public API


@reference
@seed_by_keyword
def centrality_table(G, measures=MEASURES, betweenness_sample=None, *, seed=None, alpha=0.85):
    """One row per node, one column per centrality measure.

    Parameters
    ----------
    G : networkx.Graph, networkx.DiGraph or CompiledNetwork
        The network.
    measures : sequence of str, optional
        Any of ``"degree"``, ``"kshell"``, ``"pagerank"``, ``"betweenness"``, in the
        column order wanted.
    betweenness_sample : int, optional
        Number of pivots (source nodes, at least 2) for estimated betweenness. By
        default betweenness is exact when the graph has at most
        ``EXACT_BETWEENNESS_MAX_NODES`` (2,000) nodes and estimated from
        ``DEFAULT_BETWEENNESS_PIVOTS`` (500) pivots above that. A sample of ``n`` or
        more pivots gives the exact value.
    seed : None, int or numpy.random.Generator, optional
        Chooses the pivots when betweenness is estimated; unused otherwise.
    alpha : float, optional
        PageRank damping factor, in [0, 1].

    Returns
    -------
    pandas.DataFrame
        Indexed by node (``list(G)`` order), with columns

        - ``degree``: number of ties (out-ties for a directed graph);
        - ``kshell``: the k-core number (of the undirected version of a directed graph);
        - ``pagerank``: ``nx.pagerank(G, alpha=alpha)``;
        - ``betweenness``: normalized shortest-path betweenness (share of ordered
          pairs of other nodes whose shortest paths pass through the node, paths split
          evenly when there are several), as ``nx.betweenness_centrality(G)``.

        ``table.attrs["betweenness_pivots"]`` is None when betweenness is exact, else
        the number of pivots; an estimate then equals
        ``nx.betweenness_centrality(G, k=pivots, seed=table.attrs["betweenness_seed"])``
        (same pivots, same rescaling), computed by compiled code in a fraction of the time.

    Notes
    -----
    Exact betweenness takes time proportional to nodes x ties (Brandes 2001); an
    estimate from k pivots takes k / n of that, with a sampling error that shrinks like
    1 / sqrt(k) (Brandes & Pich 2007). Use :func:`ranking` to turn a column into a ranking.

    Examples
    --------
    >>> G = nx.star_graph(3)
    >>> table = centrality_table(G)
    >>> table[["degree", "kshell", "betweenness"]]
          degree  kshell  betweenness
    node
    0          3       1          1.0
    1          1       1          0.0
    2          1       1          0.0
    3          1       1          0.0
    >>> round(float(table.loc[0, "pagerank"]), 2)
    0.48

    References
    ----------
    .. [1] L. C. Freeman, "A set of measures of centrality based on betweenness",
       Sociometry 40, 1977.
    .. [2] U. Brandes, "A faster algorithm for betweenness centrality", Journal of
       Mathematical Sociology 25, 2001.
    .. [3] U. Brandes and C. Pich, "Centrality estimation in large networks",
       International Journal of Bifurcation and Chaos 17, 2007.
    .. [4] L. Page, S. Brin, R. Motwani and T. Winograd, "The PageRank citation
       ranking: bringing order to the web", Stanford technical report, 1999.
    .. [5] S. B. Seidman, "Network structure and minimum degree", Social Networks 5, 1983.
    .. [6] M. Kitsak et al., "Identification of influential spreaders in complex
       networks", Nature Physics 6, 2010.
    """
    return _centrality_table(G, measures, betweenness_sample, seed, alpha)


@reference
def ranking(table, measure=None):
    """Nodes sorted by a score, best first; ties broken by graph (row) order.

    Parameters
    ----------
    table : pandas.DataFrame, pandas.Series or dict
        A table from :func:`centrality_table` (then ``measure`` names the column), or
        scores of each node as a Series indexed by node or a dict node -> score (then
        ``measure`` is None).
    measure : str, optional
        Column to rank by.

    Returns
    -------
    list
        Node labels, highest score first. Of two nodes with equal scores, the one in
        the earlier row (for a table from :func:`centrality_table`: the one listed
        first in ``G``) comes first.

    Examples
    --------
    >>> G = nx.path_graph(["a", "b", "c", "d"])
    >>> table = centrality_table(G, ["degree", "betweenness"])
    >>> ranking(table, "degree")
    ['b', 'c', 'a', 'd']
    >>> ranking({"x": 0.5, "y": 2.0, "z": 0.5})
    ['y', 'x', 'z']
    """
    values, labels = _scores_and_labels(table, measure)
    return [labels[i] for i in _order(values).tolist()]


@dataclass(frozen=True)
class TopKOverlap:
    """How much the top ``k`` of two rankings agree.

    Attributes
    ----------
    k : int
        Number of top nodes compared.
    shared : int
        Number of nodes in both top-k sets, ``|A ∩ B|``.
    jaccard : float
        ``|A ∩ B| / |A ∪ B|``: 1 for the same set, 0 for disjoint sets.
    precision_at_k : float
        ``|A ∩ B| / k``: the share of one top-k list found in the other.
    common : tuple
        The shared nodes, in the order of the first ranking.

    Notes
    -----
    Both top-k sets have k nodes, so ``jaccard = shared / (2k - shared)`` and both
    numbers are symmetric in the two rankings. Two unrelated rankings of ``n`` nodes
    share ``k² / n`` nodes on average (precision ``k / n``): the baseline for chance.
    """

    k: int
    shared: int
    jaccard: float
    precision_at_k: float
    common: tuple

    def to_frame(self):
        """One-row table: ``k``, ``shared``, ``jaccard``, ``precision_at_k``."""
        return pd.DataFrame({"k": [self.k], "shared": [self.shared], "jaccard": [self.jaccard],
                             "precision_at_k": [self.precision_at_k]})


@reference
def top_k_overlap(ranking_a, ranking_b, k):
    """Overlap of the top ``k`` nodes of two rankings.

    Parameters
    ----------
    ranking_a, ranking_b : sequence of nodes
        Best first, each node at most once. They may be partial (two top-50 lists) and
        may contain nodes the other one lacks: such a node is simply never shared.
        Labels are compared with ``==``, so ``1`` and ``"1"`` are different nodes.
    k : int
        From 1 to the length of the shorter ranking.

    Returns
    -------
    TopKOverlap

    Raises
    ------
    ValueError
        If ``k`` is out of range or a ranking lists a node twice.
    TypeError
        If a ranking is not a sequence of nodes (for example a table of scores).

    Examples
    --------
    >>> result = top_k_overlap(["a", "b", "c", "d"], ["b", "e", "a", "c"], k=3)
    >>> result.shared, result.jaccard, round(result.precision_at_k, 3)
    (2, 0.5, 0.667)
    >>> result.common
    ('a', 'b')

    References
    ----------
    .. [1] P. Jaccard, "The distribution of the flora in the alpine zone", New
       Phytologist 11, 1912.
    .. [2] R. Fagin, R. Kumar and D. Sivakumar, "Comparing top k lists", SIAM Journal
       on Discrete Mathematics 17, 2003.
    """
    a = _as_ranking(ranking_a, "ranking_a")
    b = _as_ranking(ranking_b, "ranking_b")
    k = _check_k(k, min(len(a), len(b)))
    top_b = set(b[:k])
    common = tuple(node for node in a[:k] if node in top_b)
    shared = len(common)
    return TopKOverlap(k, shared, shared / (2 * k - shared), shared / k, common)


@reference
def overlap_curve(ranking_a, rankings_b, ks=None):
    """Top-k overlap of one ranking with one or more others, for many k: a tidy table.

    Parameters
    ----------
    ranking_a : sequence of nodes
        The reference ranking (for example by degree), best first.
    rankings_b : dict name -> ranking, or list of rankings
        The rankings to compare with; a list is named 0, 1, 2, ... To compare with a
        single ranking pass ``{"advocates": r}`` or ``[r]``.
    ks : iterable of int, optional
        The values of k (default: 1 to the length of the shortest ranking).

    Returns
    -------
    pandas.DataFrame
        One row per ranking and k, columns ``ranking``, ``k``, ``shared``, ``jaccard``,
        ``precision_at_k`` (as in :func:`top_k_overlap`).

    Raises
    ------
    TypeError
        If ``rankings_b`` is neither a dict nor a list of rankings (for example a
        single ranking), a ranking is not a sequence of nodes, or ``ks`` is not an
        iterable of whole numbers.
    ValueError
        If ``rankings_b`` or ``ks`` is empty, a ``k`` is out of range, or a ranking
        lists a node twice.

    Examples
    --------
    >>> curve = overlap_curve([1, 2, 3, 4], {"same": [1, 2, 3, 4], "reversed": [4, 3, 2, 1]})
    >>> curve[curve.ranking == "reversed"][["k", "shared", "jaccard"]]
       k  shared   jaccard
    4  1       0  0.000000
    5  2       0  0.000000
    6  3       2  0.500000
    7  4       4  1.000000
    """
    a = _as_ranking(ranking_a, "ranking_a")
    if isinstance(rankings_b, Mapping):
        named = list(rankings_b.items())
    elif isinstance(rankings_b, (list, tuple)):
        named = list(enumerate(rankings_b))
    else:
        raise TypeError(
            f"rankings_b must be a dict name -> ranking or a list of rankings, "
            f"not {type(rankings_b).__name__}"
        )
    if not named:
        raise ValueError("rankings_b must contain at least one ranking")
    if not isinstance(rankings_b, Mapping) and not all(
        isinstance(r, (list, tuple, np.ndarray, pd.Index)) for _, r in named
    ):
        raise TypeError(
            "rankings_b must be a dict name -> ranking or a list of rankings; "
            "to compare with a single ranking r pass [r] or {'name': r}"
        )
    if not isinstance(rankings_b, Mapping) and _looks_like_nodes(rankings_b, a):
        raise TypeError(
            "rankings_b looks like a single ranking of nodes (its entries are nodes of "
            "ranking_a); to compare with a single ranking r pass [r] or {'name': r}"
        )
    named = [(name, _as_ranking(r, f"rankings_b[{name!r}]")) for name, r in named]
    length = min([len(a)] + [len(r) for _, r in named])
    if ks is None:
        ks = range(1, length + 1)
    if isinstance(ks, (str, bytes)) or not hasattr(ks, "__iter__"):
        raise TypeError(f"ks must be an iterable of whole numbers, not {type(ks).__name__}")
    ks = np.array([_check_k(k, length) for k in ks], dtype=np.int64)
    if ks.size == 0:
        raise ValueError("ks must contain at least one value of k")
    frames = []
    for name, b in named:
        shared = _shared_counts(a, b)[ks - 1]
        frames.append(pd.DataFrame({
            "ranking": [name] * ks.size,
            "k": ks,
            "shared": shared,
            "jaccard": shared / (2 * ks - shared),
            "precision_at_k": shared / ks,
        }))
    return pd.concat(frames, ignore_index=True)


@seed_by_keyword
def activity_scores(G, correlation, *, seed=None):
    """A made-up "advocacy" score per node whose correlation with degree is tunable.

    The score is a Gaussian copula of degree and noise: with ``d`` the normal scores
    of the degree ranks (standardized) and ``z`` independent standard normal noise,

    ``score = correlation * d + sqrt(1 - correlation²) * z``,

    so the score has correlation ``correlation`` with ``d``, and Spearman rank
    correlation about ``(6 / π) arcsin(correlation / 2)`` with degree. At 1 the score
    ranks nodes exactly as degree does (ties in graph order); at 0 it is unrelated to
    the network; below 0 advocates sit at the margins. It models "advocates are found
    by a different method than influencers", not any real platform's data.

    Parameters
    ----------
    G : networkx.Graph, networkx.DiGraph or CompiledNetwork
        The network whose degrees the score follows.
    correlation : float
        Between -1 and 1.
    seed : None, int or numpy.random.Generator, optional
        Random seed; the same seed gives the same result.

    Returns
    -------
    pandas.Series
        Named ``"activity"``, indexed by node (``list(G)`` order).

    Examples
    --------
    >>> G = nx.barabasi_albert_graph(1000, 3, seed=1)
    >>> scores = activity_scores(G, 0.8, seed=1)
    >>> degree = pd.Series(dict(G.degree()))
    >>> round(float(scores.corr(degree, method="spearman")), 1)
    0.8
    """
    from scipy.special import ndtri
    from scipy.stats import rankdata

    net = compile_network(G)
    correlation = check_real(correlation, "correlation", minimum=-1.0, maximum=1.0)
    noise = as_rng(seed).standard_normal(net.n)
    d = ndtri((rankdata(net.degrees) - 0.5) / net.n)
    d = d - d.mean()
    spread = d.std()
    d = d / spread if spread > 0 else d  # a regular graph: degree tells nothing
    score = correlation * d + np.sqrt(max(0.0, 1.0 - correlation**2)) * noise
    return pd.Series(score, index=_node_index(net.nodes), name="activity")


@seed_by_keyword
def activity_ranking(G, correlation, *, seed=None):
    """Nodes ranked by :func:`activity_scores`, best first (ties in graph order).

    Use it to ask how the top-k overlap of "influencers" (top degree) and "advocates"
    (top activity) grows with the correlation between activity and degree.

    Parameters
    ----------
    G : networkx.Graph, networkx.DiGraph or CompiledNetwork
        The network whose degrees the score follows.
    correlation : float
        Correlation of the score with the normal scores of degree, between -1 and 1.
    seed : None, int or numpy.random.Generator, optional
        Random seed; the same seed gives the same result.

    Returns
    -------
    list
        Node labels, highest activity first.

    Examples
    --------
    >>> G = nx.barabasi_albert_graph(2000, 3, seed=1)
    >>> by_degree = ranking(centrality_table(G, ["degree"]), "degree")
    >>> for rho in (0.0, 0.5, 0.9, 1.0):
    ...     advocates = activity_ranking(G, rho, seed=2)
    ...     print(rho, top_k_overlap(by_degree, advocates, 200).precision_at_k)
    0.0 0.11
    0.5 0.36
    0.9 0.715
    1.0 1.0
    """
    scores = activity_scores(G, correlation, seed=seed)
    return [scores.index[i] for i in _order(scores.to_numpy()).tolist()]
