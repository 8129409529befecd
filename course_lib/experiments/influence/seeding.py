"""Tables for lesson 03, seeding a word-of-mouth campaign: seeding networks, IC/LT
seeding strategies compared, adoption by degree, greedy against the optimum, and which
groups the seeds come from.

:data:`SEEDING_NETWORKS`, :func:`hub_community_network`, :func:`seeding_network`,
:func:`strategy_curves`, :func:`adoption_by_degree`, :func:`guarantee_frame`,
:func:`seed_groups_frame`.
"""
from __future__ import annotations

import itertools
import math

import networkx as nx
import numpy as np
import pandas as pd

from ... import cascades, networks, seeding
from ..._deprecation import renamed_keywords, seed_by_keyword
from ..._validation import as_rng, check_integer, check_real
from .networks import consumer_network

__all__ = [
    "SEEDING_NETWORKS",
    "hub_community_network",
    "seeding_network",
    "strategy_curves",
    "adoption_by_degree",
    "guarantee_frame",
    "seed_groups_frame",
]


# =========================================================================== lesson 03
#: Network types of the seeding explorer, all with mean degree close to 6.
SEEDING_NETWORKS = ("Poisson", "small world", "scale-free", "communities")


@renamed_keywords(dense_degree="mean_degree_dense", sparse_degree="mean_degree_sparse")
@seed_by_keyword
def hub_community_network(communities=8, size=125, mean_degree_dense=16.0, mean_degree_sparse=4.0,
                          between=0.5, *, seed=None):
    """Communities of equal size where community 0 is much denser than the others.

    Every best-connected person sits in community 0, so the top of a degree ranking
    is a group of friends of one another: the case where seeding by degree wastes
    seeds. A stochastic block model [1]_ with mean degree ``mean_degree_dense`` inside
    community 0, ``mean_degree_sparse`` inside the others and ``between`` to other
    communities.

    Parameters
    ----------
    communities : int, optional
        Number of communities, at least 2.
    size : int, optional
        People per community, at least 2.
    mean_degree_dense : float, optional
        Expected contacts inside community 0, between 0 and ``size - 1``
        (``dense_degree`` before 0.1.1).
    mean_degree_sparse : float, optional
        Expected contacts inside each other community, between 0 and ``size - 1``
        (``sparse_degree`` before 0.1.1).
    between : float, optional
        Expected contacts in other communities, for everybody.
    seed : None, int or numpy.random.Generator, optional
        Random seed; the same seed gives the same result.

    Returns
    -------
    networkx.Graph
        Nodes ``0 .. communities * size - 1``; node attribute ``"community"`` holds the
        group, ``node // size``.

    References
    ----------
    .. [1] P. W. Holland, K. B. Laskey and S. Leinhardt, "Stochastic blockmodels: first
       steps", Social Networks 5(2), 1983.

    Examples
    --------
    >>> G = hub_community_network(seed=1)
    >>> G.number_of_nodes(), G.nodes[0]["community"], G.nodes[999]["community"]
    (1000, 0, 7)
    """
    communities = check_integer(communities, "communities", minimum=2)
    size = check_integer(size, "size", minimum=2)
    dense = check_real(mean_degree_dense, "mean_degree_dense", minimum=0.0, maximum=size - 1)
    sparse = check_real(mean_degree_sparse, "mean_degree_sparse", minimum=0.0, maximum=size - 1)
    between = check_real(between, "between", minimum=0.0, maximum=(communities - 1) * size)
    probs = np.full((communities, communities), between / ((communities - 1) * size))
    np.fill_diagonal(probs, sparse / (size - 1))
    probs[0, 0] = dense / (size - 1)
    rng = as_rng(seed)
    G = nx.Graph(nx.stochastic_block_model([size] * communities, probs.tolist(),
                                           seed=int(rng.integers(2**31 - 1))))
    for node in G:
        G.nodes[node]["community"] = node // size
    G.graph.clear()
    return G


@seed_by_keyword
def seeding_network(kind, n=1000, *, seed=None):
    """One of :data:`SEEDING_NETWORKS` with ``n`` nodes and mean degree about 6.

    ``"communities"`` is :func:`hub_community_network` with 8 communities of
    ``n // 8`` people (so ``8 * (n // 8)`` nodes), the best-connected people all in
    community 0. The other kinds are lesson 01's (:func:`consumer_network`).

    Parameters
    ----------
    kind : str
        One of :data:`SEEDING_NETWORKS`.
    n : int, optional
        Number of people.
    seed : None, int or numpy.random.Generator, optional
        Random seed; the same seed gives the same result.

    Returns
    -------
    networkx.Graph
        The network; for ``"communities"`` node attribute ``"community"`` holds the group.

    Raises
    ------
    ValueError
        If ``kind`` is not one of :data:`SEEDING_NETWORKS` (raised by
        :func:`consumer_network`).

    Examples
    --------
    >>> G = seeding_network("communities", 400, seed=1)
    >>> G.number_of_nodes(), G.nodes[0]["community"], G.nodes[399]["community"]
    (400, 0, 7)
    """
    if kind == "communities":
        return hub_community_network(8, n // 8, 16.0, 4.0, 0.5, seed=seed)
    return consumer_network(kind, n, seed=seed)


def _rankings(net, k_max, strategies, model, p, select_worlds, rng):
    chosen = {}
    for strategy in strategies:
        if strategy == "random":
            chosen[strategy] = seeding.random_seeds(net, k_max, seed=rng)
        elif strategy == "degree":
            chosen[strategy] = seeding.top_degree(net, k_max)
        elif strategy == "kshell":
            chosen[strategy] = seeding.top_kshell(net, k_max)
        elif strategy == "pagerank":
            chosen[strategy] = seeding.top_pagerank(net, k_max)
        elif strategy == "greedy":
            chosen[strategy] = list(seeding.greedy_selection(net, k_max, model, p, select_worlds, seed=rng).seeds)
        else:
            raise ValueError(f"strategies must be among {seeding.STRATEGIES}, got {strategy!r}")
    return chosen


def _curves_on_worlds(net, chosen, sample):
    """Spread of every prefix of every ranking on one sample of worlds: tidy table."""
    count = sample.worlds
    rows = []
    index = net.index_of
    for strategy, ranked in chosen.items():
        covered = sample.new_cover()
        for k, node in enumerate(ranked, start=1):
            sample.cover(covered, index[node])
            per_world = covered.sum(axis=1)
            mean = float(per_world.mean())
            stderr = float(per_world.std(ddof=1) / math.sqrt(count)) if count > 1 else float("nan")
            rows.append({"strategy": strategy, "k": k, "spread": mean, "stderr": stderr,
                         "low": mean - 1.96 * stderr, "high": mean + 1.96 * stderr})
    return pd.DataFrame(rows, columns=["strategy", "k", "spread", "stderr", "low", "high"])


@renamed_keywords(runs="worlds", select_runs="select_worlds")
@seed_by_keyword
def strategy_curves(G, k_max, strategies=seeding.STRATEGIES, model="ic", p=0.1, worlds=300,
                    select_worlds=200, *, seed=None):
    """Expected spread of each strategy's first 1..k_max seeds, fast enough for a slider.

    Same table as :func:`course_lib.seeding.compare_strategies` (``strategy, k, spread,
    stderr, low, high``; a 95% interval), computed differently: every strategy is
    scored on one common sample of ``worlds`` live-edge worlds, fresh (not the
    ``select_worlds`` worlds greedy chose on), and a prefix's spread is read from the
    worlds covered so far, so a whole curve costs one search per seed. Comparing
    strategies on common worlds also removes noise from the differences between them.

    Parameters
    ----------
    G : networkx.Graph, networkx.DiGraph or CompiledNetwork
        The network.
    k_max : int
        Largest number of seeds, 1 .. number of nodes.
    strategies : sequence of str, optional
        Among :data:`course_lib.seeding.STRATEGIES` (``"random"``, ``"degree"``,
        ``"kshell"``, ``"pagerank"``, ``"greedy"``).
    model : {"ic", "lt"}, optional
        Independent cascade or linear threshold.
    p : float, optional
        IC probability per tie; ignored for LT.
    worlds : int, optional
        Live-edge worlds every strategy is scored on (``runs`` before 0.1.1).
    select_worlds : int, optional
        Live-edge worlds greedy chooses its seeds on (``select_runs`` before 0.1.1).
    seed : None, int or numpy.random.Generator, optional
        Random seed; the same seed gives the same result.

    Returns
    -------
    pandas.DataFrame
        One row per strategy and number of seeds: ``strategy``, ``k`` (1 .. k_max),
        ``spread`` (mean number of adopters over the worlds), ``stderr``, and
        ``low``, ``high`` (``spread -/+ 1.96 stderr``).

    Raises
    ------
    ValueError
        If a strategy is not one of :data:`course_lib.seeding.STRATEGIES`.

    Examples
    --------
    >>> G = networks.scale_free_network(300, 3, seed=1)
    >>> t = strategy_curves(G, 5, ["random", "degree"], p=0.05, worlds=200, seed=1)
    >>> list(t.columns), len(t)
    (['strategy', 'k', 'spread', 'stderr', 'low', 'high'], 10)
    """
    net = networks.compile_network(G)
    k_max = check_integer(k_max, "k_max", minimum=1, maximum=net.n)
    rng = as_rng(seed)
    chosen = _rankings(net, k_max, strategies, model, p, select_worlds, rng)
    sample = cascades.sample_live_edge_worlds(net, model, p, worlds, seed=rng)
    return _curves_on_worlds(net, chosen, sample)


@seed_by_keyword
def adoption_by_degree(G, seeds, models=("ic", "lt"), p=0.1, runs=400, *, seed=None,
                       bins=(1, 3, 4, 6, 10, 20, 40)):
    """Share of people who end up adopting, by their number of contacts, for each model.

    The same ``seeds`` start every cascade; seeds themselves are left out. Degrees are
    grouped into ``[bins[i], bins[i+1])`` with the last group open-ended; empty groups
    are left out.

    Parameters
    ----------
    G : networkx.Graph, networkx.DiGraph or CompiledNetwork
        The network.
    seeds : sequence of nodes
        The people who start every cascade.
    models : sequence of {"ic", "lt"}, optional
        Cascade models, one block of rows each.
    p : float, optional
        IC probability per tie; ignored for LT.
    runs : int, optional
        Live-edge worlds sampled per model.
    seed : None, int or numpy.random.Generator, optional
        Random seed; the same seed gives the same result.
    bins : sequence of int, optional
        Increasing lower edges of the degree groups.

    Returns
    -------
    pandas.DataFrame
        Columns ``model`` ("independent cascade" or "linear threshold"), ``group``
        (label such as "6–9"), ``degree`` (mean degree of the group), ``share``
        (mean chance of adopting), ``people`` (group size), ``spread`` (mean
        number of adopters, seeds included).

    Examples
    --------
    >>> G = networks.scale_free_network(200, 3, seed=1)
    >>> t = adoption_by_degree(G, [0, 1], p=0.1, runs=100, seed=1)
    >>> t[t.model == "linear threshold"][["group", "people"]].values.tolist()
    [['3', 87], ['4–5', 53], ['6–9', 32], ['10–19', 21], ['20–39', 5]]
    """
    net = networks.compile_network(G)
    rng = as_rng(seed)
    rows = np.array([net.index_of[s] for s in seeds])
    keep = np.ones(net.n, dtype=bool)
    keep[rows] = False
    edges = list(bins) + [np.inf]
    out = []
    names = {"ic": "independent cascade", "lt": "linear threshold"}
    for model in models:
        worlds = cascades.sample_live_edge_worlds(net, model, p, runs, seed=rng)
        covered = worlds.new_cover()
        for r in rows.tolist():
            worlds.cover(covered, r)
        spread = float(covered.sum(axis=1).mean())
        share = covered.mean(axis=0)
        for lo, hi in zip(edges[:-1], edges[1:]):
            group = keep & (net.degrees >= lo) & (net.degrees < hi)
            if not group.any():
                continue
            label = f"{lo}+" if hi == np.inf else (f"{lo}" if hi == lo + 1 else f"{lo}–{int(hi) - 1}")
            out.append({"model": names[model], "group": label, "degree": float(net.degrees[group].mean()),
                        "share": float(share[group].mean()), "people": int(group.sum()), "spread": spread})
    return pd.DataFrame(out)


def _reach_masks(worlds):
    """Bit masks (worlds x nodes, uint64) of the nodes each node reaches in each world."""
    n = worlds.net.n
    if n > 64:
        raise ValueError(f"exact optimum needs at most 64 nodes, the network has {n}")
    bits = np.left_shift(np.uint64(1), np.arange(n, dtype=np.uint64))
    masks = np.zeros((worlds.worlds, n), dtype=np.uint64)
    for v in range(n):
        covered = worlds.new_cover()
        worlds.cover(covered, v)
        masks[:, v] = np.bitwise_or.reduce(np.where(covered, bits, np.uint64(0)), axis=1)
    return masks


def _best_subset(masks, k, chunk=20000):
    """Largest mean reach over all k-subsets of nodes (exhaustive)."""
    n = masks.shape[1]
    best, best_set = -1.0, None
    combos = itertools.combinations(range(n), k)
    while True:
        block = np.array(list(itertools.islice(combos, chunk)), dtype=np.int64)
        if block.size == 0:
            break
        union = masks[:, block[:, 0]]
        for j in range(1, k):
            union = union | masks[:, block[:, j]]
        value = np.bitwise_count(union).sum(axis=0)
        i = int(np.argmax(value))
        if value[i] > best:
            best, best_set = float(value[i]), tuple(block[i].tolist())
    return best / masks.shape[0], best_set


@renamed_keywords(runs="worlds")
@seed_by_keyword
def guarantee_frame(G, k_max=4, model="ic", p=0.2, worlds=300, *, seed=None):
    """Greedy against the true optimum on a small network (at most 64 nodes).

    All three are scored on the same ``worlds`` live-edge worlds (the ones greedy
    chooses on): ``optimum`` by trying every set of k seeds, ``greedy`` by
    :func:`course_lib.seeding.greedy_selection`, ``degree`` for the k best-connected.
    ``floor`` is ``(1 - 1/e) * optimum``, the least greedy can reach [1]_.

    Parameters
    ----------
    G : networkx.Graph, networkx.DiGraph or CompiledNetwork
        The network, at most 64 nodes.
    k_max : int, optional
        Largest number of seeds, 1 .. min(number of nodes, 6).
    model : {"ic", "lt"}, optional
        Independent cascade or linear threshold.
    p : float, optional
        IC probability per tie; ignored for LT.
    worlds : int, optional
        Live-edge worlds all three are scored on (``runs`` before 0.1.1).
    seed : None, int or numpy.random.Generator, optional
        Random seed; the same seed gives the same result.

    Returns
    -------
    pandas.DataFrame
        One row per number of seeds: ``k``, ``optimum``, ``greedy``, ``degree`` (mean
        number of adopters), ``floor`` and ``ratio`` (``greedy / optimum``).

    Raises
    ------
    ValueError
        If the network has more than 64 nodes.

    References
    ----------
    .. [1] G. L. Nemhauser, L. A. Wolsey and M. L. Fisher, "An analysis of
       approximations for maximizing submodular set functions - I", Mathematical
       Programming 14(1), 1978.

    Examples
    --------
    >>> import networkx as nx
    >>> guarantee_frame(nx.karate_club_graph(), k_max=2, worlds=50, seed=1).round(2)
       k  optimum  greedy  degree  floor  ratio
    0  1    10.86   10.86   10.04   6.86    1.0
    1  2    14.40   14.40   14.40   9.10    1.0
    """
    net = networks.compile_network(G)
    k_max = check_integer(k_max, "k_max", minimum=1, maximum=min(net.n, 6))
    rng = as_rng(seed)
    world_seed = int(rng.integers(2**31 - 1))
    selection = seeding.greedy_selection(net, k_max, model, p, worlds, seed=world_seed)
    sample = cascades.sample_live_edge_worlds(net, model, p, worlds, seed=world_seed)  # the same worlds
    masks = _reach_masks(sample)
    by_degree = seeding.top_degree(net, k_max)
    rows = []
    for k in range(1, k_max + 1):
        optimum, _ = _best_subset(masks, k)
        rows.append({"k": k, "optimum": optimum, "greedy": selection.spread[k - 1],
                     "degree": sample.spread(by_degree[:k]),
                     "floor": (1 - 1 / math.e) * optimum, "ratio": selection.spread[k - 1] / optimum})
    return pd.DataFrame(rows)


def seed_groups_frame(G, seed_sets, attribute="community"):
    """How many of each strategy's seeds fall in each group of people.

    Parameters
    ----------
    G : networkx.Graph
        The network; every seed has the node attribute ``attribute``.
    seed_sets : dict
        Strategy name -> sequence of seeds.
    attribute : str, optional
        The node attribute that names a person's group.

    Returns
    -------
    pandas.DataFrame
        One row per strategy (the index), one column per group (sorted), counts of seeds.

    Raises
    ------
    ValueError
        If a seed has no ``attribute``.

    Examples
    --------
    >>> G = hub_community_network(communities=2, size=10, mean_degree_dense=5, mean_degree_sparse=2, seed=1)
    >>> seed_groups_frame(G, {"some": [0, 1, 15]})
          0  1
    some  2  1
    """
    rows = {}
    for name, seeds in seed_sets.items():
        groups = []
        for v in seeds:
            if attribute not in G.nodes[v]:
                raise ValueError(f"seed {v!r} has no node attribute {attribute!r}")
            groups.append(G.nodes[v][attribute])
        rows[name] = pd.Series(groups).value_counts()
    table = pd.DataFrame(rows).T.fillna(0).astype(int)
    return table[sorted(table.columns)]
