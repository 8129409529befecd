"""Tables for lesson 01, consumer networks and influentials: network types, degrees,
who the influentials are by each measure and how much the measures overlap, connected
groups, sampling and the friendship paradox.

:data:`NETWORK_TYPES`, :func:`consumer_network`, :func:`degree_frame`,
:func:`summary_frame`, :func:`measure_overlap_frame`, :func:`ranking_agreement_frame`,
:func:`advocacy_overlap_frame`, :func:`connected_frame`, :func:`log10_connected_bound`,
:func:`sample_degree_frame`, :func:`friendship_paradox_ratio`.
"""
from __future__ import annotations

import math

import numpy as np
import pandas as pd

from ... import centrality, networks, sampling
from ..._deprecation import seed_by_keyword
from ..._validation import as_rng, check_integer, check_real

__all__ = [
    "NETWORK_TYPES",
    "consumer_network",
    "degree_frame",
    "summary_frame",
    "measure_overlap_frame",
    "ranking_agreement_frame",
    "advocacy_overlap_frame",
    "connected_frame",
    "log10_connected_bound",
    "sample_degree_frame",
    "friendship_paradox_ratio",
]


# =========================================================================== lesson 01
#: Network types of lesson 01, all with mean degree close to 6.
NETWORK_TYPES = ("Poisson", "small world", "scale-free", "communities")


@seed_by_keyword
def consumer_network(kind, n=2000, *, seed=None):
    """One of :data:`NETWORK_TYPES` with ``n`` nodes and mean degree about 6.

    ``"Poisson"`` is :func:`course_lib.networks.poisson_network` (mean degree 6),
    ``"small world"`` :func:`course_lib.networks.small_world_network` (6 neighbours,
    rewiring 0.1), ``"scale-free"`` :func:`course_lib.networks.scale_free_network`
    (3 ties per newcomer). ``"communities"`` is
    :func:`course_lib.networks.community_network` with ``n // 100`` groups (at least 2)
    of ``n // groups`` people, 5 contacts inside one's group and 1 outside on average;
    it has ``n`` rounded down to a multiple of the number of groups.

    Parameters
    ----------
    kind : str
        One of :data:`NETWORK_TYPES`.
    n : int, optional
        Number of people, at least 20.
    seed : None, int or numpy.random.Generator, optional
        Random seed; the same seed gives the same result.

    Returns
    -------
    networkx.Graph
        The network; for ``"communities"`` node attribute ``"community"`` holds the group.

    Raises
    ------
    ValueError
        If ``kind`` is not one of :data:`NETWORK_TYPES` or ``n`` is below 20.

    Examples
    --------
    >>> G = consumer_network("communities", 1000, seed=1)
    >>> G.number_of_nodes(), G.nodes[999]["community"]
    (1000, 9)
    """
    n = check_integer(n, "n", minimum=20)
    if kind == "Poisson":
        return networks.poisson_network(n, 6.0, seed=seed)
    if kind == "small world":
        return networks.small_world_network(n, 6, 0.1, seed=seed)
    if kind == "scale-free":
        return networks.scale_free_network(n, 3, seed=seed)
    if kind == "communities":
        groups = max(2, n // 100)
        return networks.community_network(groups, n // groups, 5.0, 1.0, seed=seed)
    raise ValueError(f"kind must be one of {NETWORK_TYPES}, got {kind!r}")


def degree_frame(groups):
    """Complementary degree distribution of each group of degrees: the share of people
    with at least ``degree`` contacts.

    Parameters
    ----------
    groups : dict
        Name -> networkx graph (all its nodes) or sequence of degrees (a sample).

    Returns
    -------
    pandas.DataFrame
        Columns ``group``, ``degree``, ``share``: one row per distinct positive degree
        of each group.

    Examples
    --------
    >>> degree_frame({"a": [1, 1, 2, 4]}).share.tolist()
    [1.0, 0.5, 0.25]
    """
    frames = []
    for name, item in groups.items():
        degrees = np.asarray([d for _, d in item.degree()] if hasattr(item, "degree") else item, dtype=np.int64)
        values, counts = np.unique(degrees, return_counts=True)
        at_least = counts[::-1].cumsum()[::-1] / degrees.size
        keep = values > 0
        frames.append(pd.DataFrame({"group": name, "degree": values[keep], "share": at_least[keep]}))
    return pd.concat(frames, ignore_index=True)


def summary_frame(graphs, top=0.01):
    """Per network: nodes, mean and largest degree, and the share of all tie ends held
    by the best-connected ``top`` fraction of people.

    Parameters
    ----------
    graphs : dict
        Name -> networkx graph.
    top : float, optional
        Share of people counted as best-connected (at least one person).

    Returns
    -------
    pandas.DataFrame
        One row per network: ``network``, ``people``, ``mean_degree``, ``max_degree``,
        ``top_share``.

    Examples
    --------
    >>> import networkx as nx
    >>> summary_frame({"star": nx.star_graph(9), "ring": nx.cycle_graph(10)}, top=0.1)
      network  people  mean_degree  max_degree  top_share
    0    star      10          1.8           9        0.5
    1    ring      10          2.0           2        0.1
    """
    rows = []
    for name, G in graphs.items():
        degrees = np.sort(np.fromiter((d for _, d in G.degree()), dtype=np.int64, count=G.number_of_nodes()))[::-1]
        k = max(1, int(round(top * degrees.size)))
        rows.append({"network": name, "people": int(degrees.size), "mean_degree": float(degrees.mean()),
                     "max_degree": int(degrees[0]), "top_share": float(degrees[:k].sum() / degrees.sum())})
    return pd.DataFrame(rows)


@seed_by_keyword
def measure_overlap_frame(G, measures=("kshell", "pagerank", "betweenness"), reference="degree",
                          shares=None, *, seed=None, betweenness_sample=None):
    """Top-k overlap of the ``reference`` ranking with each other measure, for the top
    ``shares`` of people (default 1% to 50%), plus each measure's Spearman rank
    correlation with the reference. ``betweenness_sample`` and ``seed`` are passed to
    :func:`course_lib.centrality.centrality_table`.

    Parameters
    ----------
    G : networkx.Graph, networkx.DiGraph or CompiledNetwork
        The network.
    measures : sequence of str, optional
        Measures compared with the reference: any of ``"degree"``, ``"kshell"``,
        ``"pagerank"``, ``"betweenness"``.
    reference : str, optional
        The measure the others are compared with.
    shares : sequence of float, optional
        Sizes of the top lists as shares of all people (each at least one person).
    seed : None, int or numpy.random.Generator, optional
        Chooses the betweenness pivots when betweenness is estimated.
    betweenness_sample : int, optional
        Number of pivots for estimated betweenness (default: exact up to 2,000 nodes).

    Returns
    -------
    pandas.DataFrame
        One row per measure and list size: ``ranking``, ``k``, ``shared``, ``jaccard``,
        ``precision_at_k``, ``top_share`` (``k / n``), ``spearman``.

    Examples
    --------
    >>> import networkx as nx
    >>> t = measure_overlap_frame(nx.karate_club_graph(), ("pagerank",), shares=[0.1, 0.5])
    >>> t[["ranking", "k", "shared", "precision_at_k"]].round(3)
        ranking   k  shared  precision_at_k
    0  pagerank   3       3           1.000
    1  pagerank  17      16           0.941
    """
    table = centrality.centrality_table(G, (reference,) + tuple(measures), betweenness_sample, seed=seed)
    n = len(table)
    if shares is None:
        shares = np.r_[0.01, np.arange(0.02, 0.505, 0.02)]
    ks = sorted({max(1, int(round(s * n))) for s in shares})
    base = centrality.ranking(table, reference)
    curve = centrality.overlap_curve(base, {m: centrality.ranking(table, m) for m in measures}, ks)
    rho = {m: float(table[reference].corr(table[m], method="spearman")) for m in measures}
    return curve.assign(top_share=curve["k"] / n, spearman=curve["ranking"].map(rho))


@seed_by_keyword
def ranking_agreement_frame(graphs, top=0.1, *, seed=None):
    """For each network: how well PageRank and betweenness agree with degree (Spearman
    rank correlation over everyone, and overlap of the top ``top`` share), and how
    coarse the k-shell is (number of shells, share of people in the deepest one).

    Parameters
    ----------
    graphs : dict
        Name -> networkx graph.
    top : float, optional
        Size of the top lists, as a share of all people (at least one person).
    seed : None, int or numpy.random.Generator, optional
        Chooses the betweenness pivots on networks of more than 2,000 nodes.

    Returns
    -------
    pandas.DataFrame
        One row per network: ``network``, ``pagerank_spearman``, ``pagerank_top``,
        ``betweenness_spearman``, ``betweenness_top`` (share of the top list by degree
        also in the other top list), ``kshell_levels``, ``deepest_shell_share``.

    Examples
    --------
    >>> import networkx as nx
    >>> row = ranking_agreement_frame({"karate": nx.karate_club_graph()}).iloc[0]
    >>> round(float(row.pagerank_spearman), 3), float(row.pagerank_top), int(row.kshell_levels)
    (0.942, 1.0, 4)
    """
    rows = []
    for name, G in graphs.items():
        table = centrality.centrality_table(G, seed=seed)
        k = max(1, int(round(top * len(table))))
        by_degree = centrality.ranking(table, "degree")
        row = {"network": name}
        for m in ("pagerank", "betweenness"):
            row[f"{m}_spearman"] = float(table["degree"].corr(table[m], method="spearman"))
            row[f"{m}_top"] = centrality.top_k_overlap(by_degree, centrality.ranking(table, m), k).precision_at_k
        shells = table["kshell"]
        row["kshell_levels"] = int(shells.nunique())
        row["deepest_shell_share"] = float((shells == shells.max()).mean())
        rows.append(row)
    return pd.DataFrame(rows)


@seed_by_keyword
def advocacy_overlap_frame(G, correlations=None, top=0.1, repeats=10, *, seed=None):
    """How much the top ``top`` share of an "advocacy" ranking overlaps the top of the
    degree ranking, as the correlation between the two scores varies.

    Uses :func:`course_lib.centrality.activity_ranking` ``repeats`` times per
    correlation (different noise each time).

    Parameters
    ----------
    G : networkx.Graph, networkx.DiGraph or CompiledNetwork
        The network.
    correlations : sequence of float, optional
        Correlations between advocacy and degree, in [-1, 1] (default 0 to 1 in steps
        of 0.05).
    top : float, optional
        Size of the top lists, as a share of all people (at least one person).
    repeats : int, optional
        Advocacy rankings drawn per correlation.
    seed : None, int or numpy.random.Generator, optional
        Random seed; the same seed gives the same result.

    Returns
    -------
    pandas.DataFrame
        One row per correlation: ``correlation``, ``overlap`` (mean share of the top
        list found in the other), ``low`` and ``high`` (smallest and largest over
        repeats), ``chance`` (the overlap of unrelated rankings, about ``top``).

    Examples
    --------
    >>> import networkx as nx
    >>> advocacy_overlap_frame(nx.karate_club_graph(), [0.0, 1.0], repeats=3, seed=1).round(2)
       correlation  overlap  low  high  chance
    0          0.0     0.11  0.0  0.33    0.09
    1          1.0     1.00  1.0  1.00    0.09
    """
    rng = as_rng(seed)
    if correlations is None:
        correlations = np.round(np.arange(0.0, 1.0001, 0.05), 2)
    table = centrality.centrality_table(G, ["degree"])
    by_degree = centrality.ranking(table, "degree")
    k = max(1, int(round(top * len(by_degree))))
    rows = []
    for rho in correlations:
        values = [centrality.top_k_overlap(by_degree, centrality.activity_ranking(G, float(rho), seed=rng), k).precision_at_k
                  for _ in range(repeats)]
        rows.append({"correlation": float(rho), "overlap": float(np.mean(values)),
                     "low": float(np.min(values)), "high": float(np.max(values)), "chance": k / len(by_degree)})
    return pd.DataFrame(rows)


@seed_by_keyword
def connected_frame(G, sizes, runs=500, *, seed=None):
    """Uniform random samples of each size: how many ties fall inside them, how many a
    connected sample needs, and how often the sample is connected.

    ``ties_theory`` is exact for any network with this many nodes and ties
    (:func:`course_lib.sampling.expected_internal_edges`); ``ties_needed`` is
    ``size - 1``, the fewest ties that can connect ``size`` people.

    Parameters
    ----------
    G : networkx.Graph, networkx.DiGraph or CompiledNetwork
        The network.
    sizes : iterable of int
        Sample sizes, each from 1 to the number of nodes.
    runs : int, optional
        Samples drawn per size, for the ties and again for the probability.
    seed : None, int or numpy.random.Generator, optional
        Random seed; the same seed gives the same result.

    Returns
    -------
    pandas.DataFrame
        One row per size: ``size``, ``ties_inside`` (mean over ``runs`` samples),
        ``ties_theory``, ``ties_needed``, ``probability`` (share of connected samples,
        from :func:`course_lib.sampling.probability_connected`), ``low``, ``high`` (its
        95% interval).

    Examples
    --------
    >>> G = networks.poisson_network(500, 6.0, seed=1)
    >>> t = connected_frame(G, [5, 50], runs=100, seed=1)
    >>> t[["size", "ties_inside", "ties_theory", "ties_needed", "probability"]].round(2)
       size  ties_inside  ties_theory  ties_needed  probability
    0     5         0.16         0.12            4          0.0
    1    50        14.93        14.68           49          0.0
    """
    rng = as_rng(seed)
    net = networks.compile_network(G)
    n = net.n
    z = net.mean_degree
    src = np.repeat(np.arange(n), net.degrees)
    rows = []
    for size in sizes:
        size = int(size)
        inside = []
        for _ in range(runs):
            member = np.zeros(n, dtype=bool)
            member[rng.choice(n, size=size, replace=False)] = True
            inside.append(int(np.count_nonzero(member[src] & member[net.indices])) // 2)
        est = sampling.probability_connected(G, size, runs=runs, seed=rng)
        low, high = est.interval()
        rows.append({"size": size, "ties_inside": float(np.mean(inside)),
                     "ties_theory": sampling.expected_internal_edges(n, z, size), "ties_needed": size - 1,
                     "probability": est.probability, "low": low, "high": high})
    return pd.DataFrame(rows)


def log10_connected_bound(n, mean_degree, size):
    """log10 of an upper bound on the chance that ``size`` people drawn at random from a
    random network (every pair linked independently with probability
    ``p = mean_degree / (n - 1)``) are connected.

    A connected group contains a spanning tree; there are ``size**(size - 2)`` possible
    trees on ``size`` people (Cayley's formula) and each is present with probability
    ``p**(size - 1)``, so ``P(connected) <= size**(size - 2) * p**(size - 1)``.

    Parameters
    ----------
    n : int
        Number of people in the network, at least 2.
    mean_degree : float
        Mean number of contacts, between 0 and ``n - 1``.
    size : int
        Sample size, from 2 to ``n``.

    Returns
    -------
    float
        The log10 of the bound, at most 0 (a bound above 1 says nothing); ``-inf``
        when ``mean_degree`` is 0.

    Examples
    --------
    >>> round(log10_connected_bound(20_000_000, 100, 208))
    -620
    """
    n = check_integer(n, "n", minimum=2)
    size = check_integer(size, "size", minimum=2, maximum=n)
    mean_degree = check_real(mean_degree, "mean_degree", minimum=0.0, maximum=n - 1)
    p = mean_degree / (n - 1)
    if p == 0:
        return float("-inf")
    return min(0.0, (size - 2) * math.log10(size) + (size - 1) * math.log10(p))


@seed_by_keyword
def sample_degree_frame(G, size, samples=50, *, seed=None):
    """Degrees of people in snowball samples and in uniform samples of ``size``, and
    the degree bias of each sample (:func:`course_lib.sampling.degree_bias`).

    Parameters
    ----------
    G : networkx.Graph
        The network.
    size : int
        People per sample (a snowball needs a component at least this large).
    samples : int, optional
        Samples drawn with each method.
    seed : None, int or numpy.random.Generator, optional
        Random seed; the same seed gives the same result.

    Returns
    -------
    degrees : pandas.DataFrame
        Columns ``method`` (``"snowball"`` or ``"uniform"``) and ``degree``: every
        sampled person of every sample.
    bias : pandas.DataFrame
        Columns ``method``, ``sample`` (0 .. samples - 1) and ``bias`` (mean degree in
        the sample divided by the network's).

    Examples
    --------
    >>> G = networks.scale_free_network(200, 3, seed=1)
    >>> degrees, bias = sample_degree_frame(G, 20, samples=3, seed=1)
    >>> degrees.shape, bias.shape
    ((120, 2), (6, 3))
    """
    rng = as_rng(seed)
    deg_rows, bias_rows = [], []
    for i in range(samples):
        for method, draw in (("snowball", sampling.snowball_sample), ("uniform", sampling.uniform_node_sample)):
            nodes = draw(G, size, seed=rng)
            deg_rows.append(pd.DataFrame({"method": method, "degree": [G.degree(v) for v in nodes]}))
            bias_rows.append({"method": method, "sample": i, "bias": sampling.degree_bias(G, nodes)})
    return pd.concat(deg_rows, ignore_index=True), pd.DataFrame(bias_rows)


def friendship_paradox_ratio(G):
    """``E[k²] / E[k]²``: how many times the average contact's degree exceeds the average
    person's degree, the friendship paradox [1]_. A sample that arrives at people along
    ties is biased towards this ratio.

    Parameters
    ----------
    G : networkx.Graph
        The network (with at least one tie).

    Returns
    -------
    float
        The ratio, 1 when everybody has the same degree.

    References
    ----------
    .. [1] S. L. Feld, "Why your friends have more friends than you do", American
       Journal of Sociology 96(6), 1991.

    Examples
    --------
    >>> import networkx as nx
    >>> friendship_paradox_ratio(nx.cycle_graph(5)), round(friendship_paradox_ratio(nx.star_graph(4)), 3)
    (1.0, 1.562)
    """
    degrees = np.fromiter((d for _, d in G.degree()), dtype=float, count=G.number_of_nodes())
    return float((degrees**2).mean() / degrees.mean() ** 2)
