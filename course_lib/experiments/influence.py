"""Tables for lessons 01 (consumer networks and influentials) and 03 (seeding a
word-of-mouth campaign): pure computation, no widgets and no charts.

The tables here reshape results of :mod:`course_lib.networks`,
:mod:`course_lib.centrality`, :mod:`course_lib.sampling`, :mod:`course_lib.cascades`
and :mod:`course_lib.seeding` for the charts in :mod:`course_lib.viz.influence`; the
explorers of :mod:`course_lib.explore.influence` wire sliders to them. A lesson reads::

    from course_lib.experiments import influence as lab
"""
from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

import networkx as nx
import numpy as np
import pandas as pd

from .. import cascades, centrality, networks, sampling, seeding
from ..cascades._kernels import threshold_run
from ..cascades._workspace import workspace
from .._deprecation import renamed_keywords, seed_by_keyword
from .._validation import as_rng, check_integer, check_real

__all__ = [
    # lesson 03
    "SEEDING_NETWORKS",
    "hub_community_network",
    "seeding_network",
    "strategy_curves",
    "adoption_by_degree",
    "guarantee_frame",
    "seed_groups_frame",
    "CONTAGION_MODELS",
    "clustered_network",
    "fixed_threshold_spread",
    "contagion_seeding_frame",
    "submodularity_frame",
    # lesson 01
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
    "heavy_tailed_network",
    "SpreadingPower",
    "spreading_power",
    "shell_degree_frame",
    "imprecision_frame",
    "community_answers",
    "advocate_overlap_frame",
    "cyworld_frame",
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


#: Row labels of :func:`contagion_seeding_frame` and :func:`submodularity_frame`, by model.
CONTAGION_MODELS = {
    "fixed": "fixed threshold",
    "lt": "linear threshold, random thresholds",
    "ic": "independent cascade",
}


def _fixed_spread(net, rows, contacts):
    """Adopters when everyone needs ``contacts`` adopting contacts (rows: seed rows)."""
    need = np.full(net.n, contacts, dtype=np.int32)
    work = workspace(net)
    m, _ = threshold_run(net.indptr, net.indices, need, rows, np.flatnonzero(need == 0),
                         work.count, work.active, work.order, work.round_end)
    return int(m)


@seed_by_keyword
def clustered_network(n=1000, k=6, rewire=0.02, *, seed=None):
    """A ring of friends with a few long ties: a Watts–Strogatz network [1]_ whose
    people are listed in random order.

    Everybody knows their ``k`` nearest neighbours on the ring, and a share ``rewire``
    of ties is moved to a random person. The random listing order matters for
    rankings: of two people with the same score the one listed first wins (see
    :func:`course_lib.seeding.top_degree`), and listing people around the ring would
    make the "best-connected" a row of neighbours.

    Parameters
    ----------
    n : int, optional
        Number of people, at least 1.
    k : int, optional
        Ring neighbours each person starts with (even, smaller than ``n``).
    rewire : float, optional
        Probability in [0, 1] that a tie is moved to a random person.
    seed : None, int or numpy.random.Generator, optional
        Random seed; the same seed gives the same result.

    Returns
    -------
    networkx.Graph
        Nodes ``0 .. n - 1`` (positions on the ring), listed in random order.

    Raises
    ------
    ValueError
        If ``k`` is odd or not smaller than ``n``, or ``rewire`` is outside [0, 1]
        (raised by :func:`course_lib.networks.small_world_network`).

    References
    ----------
    .. [1] D. J. Watts and S. H. Strogatz, "Collective dynamics of 'small-world'
       networks", Nature 393, 1998.

    Examples
    --------
    >>> G = clustered_network(100, seed=1)
    >>> G.number_of_edges(), sorted(G) == list(range(100)), list(G) == list(range(100))
    (300, True, False)
    """
    rng = as_rng(seed)
    ring = networks.small_world_network(n, k, rewire, seed=rng)
    G = nx.Graph()
    G.add_nodes_from(rng.permutation(n).tolist())
    G.add_edges_from(ring.edges())
    return G


def _contagion_setup(G, contacts, p, runs):
    """Compiled network, checked parameters and the row label of each model."""
    net = networks.compile_network(G, allow_directed=False)
    contacts = check_integer(contacts, "contacts", minimum=1, maximum=np.iinfo(np.int32).max)
    p = check_real(p, "p", minimum=0.0, maximum=1.0)
    runs = check_integer(runs, "runs", minimum=2)
    labels = {"fixed": f"{CONTAGION_MODELS['fixed']}: {contacts} contacts", "lt": CONTAGION_MODELS["lt"],
              "ic": f"{CONTAGION_MODELS['ic']}, p = {p:g}"}
    return net, contacts, p, runs, labels


def fixed_threshold_spread(G, seeds, contacts=2):
    """Number of adopters when every person adopts once ``contacts`` of their contacts
    have: complex contagion with one fixed threshold for everyone [1]_.

    Deterministic: the thresholds are known, nothing is drawn. A person with fewer
    than ``contacts`` contacts never adopts unless seeded. Unlike the independent
    cascade and the linear threshold model with random thresholds, this spread is not
    submodular (see :func:`submodularity_frame`).

    Parameters
    ----------
    G : networkx.Graph or CompiledNetwork
        Undirected network.
    seeds : node or iterable of nodes
        The people who adopt first.
    contacts : int, optional
        Adopting contacts a person needs, at least 1 (1 is simple contagion: everyone
        connected to a seed adopts).

    Returns
    -------
    int
        The number of adopters, seeds included.

    Raises
    ------
    ValueError
        If ``contacts`` is below 1 or a seed is not a node.

    References
    ----------
    .. [1] D. Centola and M. Macy, "Complex contagions and the weakness of long ties",
       American Journal of Sociology 113(3), 2007.

    Examples
    --------
    >>> path = nx.path_graph(3)  # a - c - b: c needs both a and b
    >>> fixed_threshold_spread(path, [0]), fixed_threshold_spread(path, [2]), fixed_threshold_spread(path, [0, 2])
    (1, 1, 3)
    >>> fixed_threshold_spread(nx.cycle_graph(10), [0, 1])  # a ring needs just two neighbours
    2
    >>> fixed_threshold_spread(networks.small_world_network(20, 4, 0.0, seed=1), [0, 1])
    20
    """
    net = networks.compile_network(G, allow_directed=False)
    contacts = check_integer(contacts, "contacts", minimum=1, maximum=np.iinfo(np.int32).max)
    return _fixed_spread(net, networks.node_indices(net, seeds, "seeds"), contacts)


_CONTAGION_STRATEGIES = ("cluster", "degree", "random")


@seed_by_keyword
def contagion_seeding_frame(G, k_max=10, strategies=_CONTAGION_STRATEGIES, contacts=2, p=0.1, runs=200, *,
                            seed=None):
    """Seeding one tight cluster against spread-out seeds, under three models of
    adoption: fixed threshold (complex contagion), linear threshold with random
    thresholds, and the independent cascade.

    For every model, strategy and number of seeds ``k`` (1 .. ``k_max``), ``runs``
    campaigns: ``"cluster"`` (:func:`course_lib.seeding.cluster_seeds`) and
    ``"random"`` draw a new seed set for every campaign, ``"degree"`` always takes the
    ``k`` best-connected; IC and LT then run one cascade with fresh randomness, the
    fixed threshold needs none. The mean over campaigns estimates the expected spread
    over both the seed draw and the cascade.

    Parameters
    ----------
    G : networkx.Graph or CompiledNetwork
        Undirected network.
    k_max : int, optional
        Largest number of seeds, 1 .. number of nodes.
    strategies : sequence of str, optional
        Any of ``"cluster"``, ``"degree"``, ``"random"``.
    contacts : int, optional
        Adopting contacts everybody needs under the fixed threshold, at least 1.
    p : float, optional
        Independent cascade probability per tie, in [0, 1].
    runs : int, optional
        Campaigns per model, strategy and ``k``, at least 2.
    seed : None, int or numpy.random.Generator, optional
        Random seed; the same seed gives the same result.

    Returns
    -------
    pandas.DataFrame
        One row per model, strategy and ``k``: ``model`` (a label of
        :data:`CONTAGION_MODELS`, the fixed threshold with its number of contacts and
        the IC with its ``p``), ``strategy``, ``k``, ``spread`` (mean adopters),
        ``stderr``, ``low`` and ``high`` (a 95% interval).

    Raises
    ------
    ValueError
        If a strategy is unknown, or ``k_max``, ``contacts``, ``p`` or ``runs`` is out
        of range.

    References
    ----------
    .. [1] D. Centola and M. Macy, "Complex contagions and the weakness of long ties",
       American Journal of Sociology 113(3), 2007.
    .. [2] D. Kempe, J. Kleinberg and É. Tardos, "Maximizing the spread of influence
       through a social network", KDD 2003.

    Examples
    --------
    >>> ring = networks.small_world_network(60, 4, 0.0, seed=1)
    >>> t = contagion_seeding_frame(ring, 2, ["cluster"], runs=50, seed=1)
    >>> t[t.k == 2][["model", "spread"]].round(1)
                                     model  spread
    1          fixed threshold: 2 contacts    60.0
    3  linear threshold, random thresholds     5.8
    5         independent cascade, p = 0.1     2.7
    """
    net, contacts, p, runs, labels = _contagion_setup(G, contacts, p, runs)
    k_max = check_integer(k_max, "k_max", minimum=1, maximum=net.n)
    unknown = [s for s in strategies if s not in _CONTAGION_STRATEGIES]
    if unknown:
        raise ValueError(f"strategies must be among {_CONTAGION_STRATEGIES}, got {unknown[0]!r}")
    rng = as_rng(seed)
    by_degree = seeding.top_degree(net, k_max)
    draw = {"cluster": lambda k: seeding.cluster_seeds(net, k, seed=rng),
            "random": lambda k: seeding.random_seeds(net, k, seed=rng),
            "degree": lambda k: by_degree[:k]}
    simulators = {"ic": cascades.CascadeSimulator(net, "ic", p, seed=rng),
                  "lt": cascades.CascadeSimulator(net, "lt", seed=rng)}
    rows = []
    for model, label in labels.items():
        for strategy in strategies:
            for k in range(1, k_max + 1):
                sizes = np.empty(runs)
                for r in range(runs):
                    chosen = draw[strategy](k)
                    if model == "fixed":
                        sizes[r] = _fixed_spread(net, networks.node_indices(net, chosen), contacts)
                    else:
                        sizes[r] = simulators[model].run(chosen)
                mean = float(sizes.mean())
                stderr = float(sizes.std(ddof=1) / math.sqrt(runs))
                rows.append({"model": label, "strategy": strategy, "k": k, "spread": mean, "stderr": stderr,
                             "low": mean - 1.96 * stderr, "high": mean + 1.96 * stderr})
    return pd.DataFrame(rows)


@seed_by_keyword
def submodularity_frame(G, a, b, contacts=2, p=0.5, runs=20_000, *, seed=None):
    """Does adding ``b`` gain less after ``a`` than alone? The test of submodularity
    on one pair of seeds, under the three models of :data:`CONTAGION_MODELS`.

    A spread function ``f`` is submodular when a seed's gain never grows as the seed
    set grows; here, ``f({a, b}) - f({a}) <= f({b}) - f({})``. The independent cascade
    and the linear threshold model with random thresholds always pass [1]_; a fixed
    threshold of two contacts can fail (on the path a - c - b, ``f({a}) = f({b}) = 1``
    but ``f({a, b}) = 3``). IC and LT spreads are Monte Carlo means of ``runs``
    cascades each; the fixed-threshold spreads are exact.

    Parameters
    ----------
    G : networkx.Graph or CompiledNetwork
        Undirected network.
    a, b : node
        The two seeds, distinct nodes of ``G``.
    contacts : int, optional
        Adopting contacts everybody needs under the fixed threshold, at least 1.
    p : float, optional
        Independent cascade probability per tie, in [0, 1].
    runs : int, optional
        Cascades per seed set for IC and LT, at least 2.
    seed : None, int or numpy.random.Generator, optional
        Random seed; the same seed gives the same result.

    Returns
    -------
    pandas.DataFrame
        One row per model: ``model``, ``f_none`` (0), ``f_a``, ``f_b``, ``f_ab``,
        ``gain_alone`` (``f_b - f_none``), ``gain_after_a`` (``f_ab - f_a``) and
        ``submodular`` (``gain_after_a <= gain_alone``, up to ``1e-9``; for IC and LT
        the Monte Carlo means can break it by noise when the two gains are nearly
        equal).

    Raises
    ------
    ValueError
        If ``a`` and ``b`` are the same node or not nodes of ``G``.

    References
    ----------
    .. [1] D. Kempe, J. Kleinberg and É. Tardos, "Maximizing the spread of influence
       through a social network", KDD 2003.

    Examples
    --------
    >>> t = submodularity_frame(nx.path_graph(3), 0, 2, runs=4000, seed=1)
    >>> t.set_index("model")[["f_a", "f_ab", "gain_alone", "gain_after_a"]].round(1)
                                         f_a  f_ab  gain_alone  gain_after_a
    model
    fixed threshold: 2 contacts          1.0   3.0         1.0           2.0
    linear threshold, random thresholds  2.0   3.0         2.0           1.0
    independent cascade, p = 0.5         1.8   2.7         1.7           1.0
    >>> t.submodular.tolist()
    [False, True, True]
    """
    net, contacts, p, runs, labels = _contagion_setup(G, contacts, p, runs)
    for name, node in (("a", a), ("b", b)):
        if node not in net.index_of:
            raise ValueError(f"{name} must be a node of the graph, got {node!r}")
    if net.index_of[a] == net.index_of[b]:
        raise ValueError(f"a and b must be two different nodes, got {a!r} twice")
    rng = as_rng(seed)
    sets = {"f_a": [a], "f_b": [b], "f_ab": [a, b]}
    rows = []
    for model, label in labels.items():
        row = {"model": label, "f_none": 0.0}
        for column, seeds in sets.items():
            if model == "fixed":
                row[column] = float(_fixed_spread(net, networks.node_indices(net, seeds), contacts))
            else:
                row[column] = cascades.expected_spread(net, seeds, model, p, runs, seed=rng).spread
        row["gain_alone"] = row["f_b"] - row["f_none"]
        row["gain_after_a"] = row["f_ab"] - row["f_a"]
        row["submodular"] = bool(row["gain_after_a"] <= row["gain_alone"] + 1e-9)
        rows.append(row)
    return pd.DataFrame(rows)


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


# ------------------------------------------------------- lesson 01: Kitsak et al. (2010)
@seed_by_keyword
def heavy_tailed_network(n=10_000, exponent=2.2, min_degree=2, *, seed=None):
    """A random network with heavy-tailed degrees and many k-shells: the configuration
    model [1]_ with ``P(k) ~ k**-exponent`` for ``min_degree <= k <= 2 sqrt(n)``,
    self-loops and repeated ties dropped, its largest component kept.

    Unlike a Barabási–Albert network, where every node sits in one shell (the
    ``m``-core), its cores are not degenerate: people with the same degree sit in
    different shells, which is what lets the k-shell and degree disagree.

    Parameters
    ----------
    n : int, optional
        People before the largest component is taken, at least 20.
    exponent : float, optional
        Exponent of the degree distribution, above 1.
    min_degree : int, optional
        Smallest degree drawn, at least 1.
    seed : None, int or numpy.random.Generator, optional
        Random seed; the same seed gives the same result.

    Returns
    -------
    networkx.Graph
        The largest component, nodes relabelled ``0 .. size - 1``.

    Raises
    ------
    ValueError
        If a parameter is out of range.

    References
    ----------
    .. [1] M. Molloy and B. Reed, "A critical point for random graphs with a given
       degree sequence", Random Structures & Algorithms 6(2-3), 1995.

    Examples
    --------
    >>> G = heavy_tailed_network(2000, seed=1)
    >>> G.number_of_nodes() > 1900, len(set(nx.core_number(G).values())) > 3
    (True, True)
    """
    n = check_integer(n, "n", minimum=20)
    exponent = check_real(exponent, "exponent", minimum=1.0, strict_minimum=True)
    min_degree = check_integer(min_degree, "min_degree", minimum=1)
    k_max = max(min_degree, int(2 * math.sqrt(n)))
    rng = as_rng(seed)
    ks = np.arange(min_degree, k_max + 1)
    weights = ks.astype(float) ** -exponent
    degrees = rng.choice(ks, size=n, p=weights / weights.sum())
    if degrees.sum() % 2:
        degrees[0] += 1
    stubs = rng.permutation(np.repeat(np.arange(n), degrees)).reshape(-1, 2)  # random pairing of tie ends
    stubs = stubs[stubs[:, 0] != stubs[:, 1]]
    G = nx.Graph()
    G.add_nodes_from(range(n))
    G.add_edges_from(stubs.tolist())  # a repeated pair becomes one tie
    giant = G.subgraph(max(nx.connected_components(G), key=len))
    return nx.convert_node_labels_to_integers(nx.Graph(giant))


@dataclass(frozen=True)
class SpreadingPower:
    """Each person's spreading power: the mean size of an independent cascade started
    from them alone, with their degree and k-shell.

    Attributes
    ----------
    nodes : tuple
        Node labels, in the network's order.
    degree : numpy.ndarray
        Each person's number of contacts.
    kshell : numpy.ndarray
        Each person's k-shell (core number).
    batches : numpy.ndarray
        Mean cascade size from each person (columns) in each batch of live-edge worlds
        (rows): independent estimates, whose spread gives the Monte Carlo error.
    p : float
        The probability per tie.
    worlds : int
        Live-edge worlds in all batches together.
    """

    nodes: tuple
    degree: np.ndarray
    kshell: np.ndarray
    batches: np.ndarray
    p: float
    worlds: int

    def to_frame(self):
        """One row per person: ``node``, ``degree``, ``kshell``, ``spread`` (mean over
        all worlds) and ``stderr`` (from the batches)."""
        b = self.batches.shape[0]
        return pd.DataFrame({"node": list(self.nodes), "degree": self.degree, "kshell": self.kshell,
                             "spread": self.batches.mean(axis=0),
                             "stderr": self.batches.std(axis=0, ddof=1) / math.sqrt(b)})


@seed_by_keyword
def spreading_power(G, p=None, worlds=400, batches=8, *, seed=None):
    """How many people a cascade started by each person alone reaches on average, with
    their degree and k-shell: the quantity Kitsak et al. (2010) compare across shells [1]_.

    The cascade is the independent cascade (an SIR epidemic in which an infected person
    tries each contact once with probability ``p`` has the same final sizes). Every
    person is scored on the same ``worlds`` live-edge worlds, split into ``batches``
    equal batches whose means are independent estimates.

    Parameters
    ----------
    G : networkx.Graph or CompiledNetwork
        Undirected network.
    p : float, optional
        Probability per tie, in (0, 1]. Default: 1.5 times the epidemic threshold
        ``<k> / (<k²> - <k>)``, where cascades from one person are mostly small but
        some reach a few percent of the network, as in the paper.
    worlds : int, optional
        Live-edge worlds in all, at least ``2 * batches``.
    batches : int, optional
        Independent batches the worlds are split into, at least 2.
    seed : None, int or numpy.random.Generator, optional
        Random seed; the same seed gives the same result.

    Returns
    -------
    SpreadingPower
        Degrees, shells and the batch means; ``.to_frame()`` gives one row per person.

    Raises
    ------
    ValueError
        If ``p``, ``worlds`` or ``batches`` is out of range.

    References
    ----------
    .. [1] M. Kitsak, L. K. Gallos, S. Havlin, F. Liljeros, L. Muchnik, H. E. Stanley
       and H. A. Makse, "Identification of influential spreaders in complex networks",
       Nature Physics 6, 2010.

    Examples
    --------
    >>> power = spreading_power(nx.star_graph(3), p=1.0, worlds=4, batches=2, seed=1)
    >>> power.to_frame()[["node", "degree", "kshell", "spread"]]
       node  degree  kshell  spread
    0     0       3       1     4.0
    1     1       1       1     4.0
    2     2       1       1     4.0
    3     3       1       1     4.0
    """
    net = networks.compile_network(G, allow_directed=False)
    batches = check_integer(batches, "batches", minimum=2)
    worlds = check_integer(worlds, "worlds", minimum=2 * batches)
    k = net.degrees.astype(float)
    if p is None:
        excess = float((k**2).mean() - k.mean())
        p = min(1.0, 1.5 * k.mean() / excess) if excess > 0 else 1.0
    p = check_real(p, "p", minimum=0.0, maximum=1.0, strict_minimum=True)
    rng = as_rng(seed)
    per_batch = worlds // batches
    means = np.empty((batches, net.n))
    for i in range(batches):
        sample = cascades.sample_live_edge_worlds(net, "ic", p, per_batch, seed=rng)
        means[i] = sample.gains() / per_batch
    core = nx.core_number(net.to_networkx())
    shells = np.array([core[i] for i in range(net.n)], dtype=np.int64)
    return SpreadingPower(tuple(net.labels(np.arange(net.n))), net.degrees.copy(), shells, means, p,
                          per_batch * batches)


def _batch_group_means(power, groups):
    """Mean spread of each group in each batch (batches x groups) and the group sizes."""
    codes, uniques = pd.factorize(pd.MultiIndex.from_arrays(groups) if len(groups) > 1 else groups[0])
    sizes = np.bincount(codes)
    sums = np.stack([np.bincount(codes, weights=row, minlength=len(uniques)) for row in power.batches])
    return uniques, sums / sizes, sizes


def shell_degree_frame(power, min_people=10):
    """Mean spreading power of the people with one degree and one k-shell, for every
    such group of at least ``min_people``: the comparison of Kitsak et al. (2010),
    same degree in different shells against same shell with different degrees [1]_.

    Parameters
    ----------
    power : SpreadingPower
        From :func:`spreading_power`.
    min_people : int, optional
        Smallest group kept, at least 1.

    Returns
    -------
    pandas.DataFrame
        One row per (degree, shell) group: ``degree``, ``kshell``, ``people``,
        ``spread`` (mean cascade size from one member), ``stderr`` (Monte Carlo error
        of that mean, from the batches), ``low`` and ``high`` (a 95% interval).

    Raises
    ------
    ValueError
        If ``min_people`` is below 1.

    References
    ----------
    .. [1] M. Kitsak, L. K. Gallos, S. Havlin, F. Liljeros, L. Muchnik, H. E. Stanley
       and H. A. Makse, "Identification of influential spreaders in complex networks",
       Nature Physics 6, 2010.

    Examples
    --------
    >>> power = spreading_power(nx.star_graph(3), p=1.0, worlds=4, batches=2, seed=1)
    >>> shell_degree_frame(power, min_people=1)[["degree", "kshell", "people", "spread"]]
       degree  kshell  people  spread
    0       1       1       3     4.0
    1       3       1       1     4.0
    """
    min_people = check_integer(min_people, "min_people", minimum=1)
    uniques, means, sizes = _batch_group_means(power, [power.degree, power.kshell])
    spread = means.mean(axis=0)
    stderr = means.std(axis=0, ddof=1) / math.sqrt(means.shape[0])
    table = pd.DataFrame({"degree": uniques.get_level_values(0).astype(np.int64),
                          "kshell": uniques.get_level_values(1).astype(np.int64),
                          "people": sizes, "spread": spread, "stderr": stderr,
                          "low": spread - 1.96 * stderr, "high": spread + 1.96 * stderr})
    table = table[table.people >= min_people]
    return table.sort_values(["degree", "kshell"]).reset_index(drop=True)


def imprecision_frame(power, shares=(0.01, 0.02, 0.05, 0.1, 0.2)):
    """Kitsak et al.'s imprecision [1]_: how much less the top people by a measure
    spread than the people who spread best, ``1 - M_measure / M_best``, for top lists
    of each share of people.

    The best list is taken from the mean over all worlds; every list is then scored
    in each batch of worlds, which gives the Monte Carlo error. (Choosing the best list
    on the same worlds favours it slightly, so the imprecisions lean high.)

    Parameters
    ----------
    power : SpreadingPower
        From :func:`spreading_power`.
    shares : sequence of float, optional
        Sizes of the top lists, each in (0, 1] (at least one person).

    Returns
    -------
    pandas.DataFrame
        One row per measure (``"degree"``, ``"k-shell"``) and share: ``measure``,
        ``share``, ``people``, ``imprecision``, ``stderr``. Ties in shell are broken by
        degree, ties in degree by the network's order.

    References
    ----------
    .. [1] M. Kitsak, L. K. Gallos, S. Havlin, F. Liljeros, L. Muchnik, H. E. Stanley
       and H. A. Makse, "Identification of influential spreaders in complex networks",
       Nature Physics 6, 2010.

    Examples
    --------
    >>> power = spreading_power(nx.star_graph(3), p=1.0, worlds=4, batches=2, seed=1)
    >>> imprecision_frame(power, [0.5])[["measure", "people", "imprecision"]]
       measure  people  imprecision
    0   degree       2          0.0
    1  k-shell       2          0.0
    """
    n = len(power.nodes)
    mean = power.batches.mean(axis=0)
    position = np.arange(n)
    orders = {"degree": np.lexsort((position, -power.degree)),
              "k-shell": np.lexsort((position, -power.degree, -power.kshell))}
    best_order = np.lexsort((position, -mean))
    rows = []
    for measure, order in orders.items():
        for share in shares:
            share = check_real(share, "shares", minimum=0.0, maximum=1.0, strict_minimum=True)
            top = max(1, int(round(share * n)))
            best = power.batches[:, best_order[:top]].mean(axis=1)
            chosen = power.batches[:, order[:top]].mean(axis=1)
            values = 1.0 - chosen / best
            rows.append({"measure": measure, "share": share, "people": top,
                         "imprecision": float(1.0 - chosen.mean() / best.mean()),
                         "stderr": float(values.std(ddof=1) / math.sqrt(values.size))})
    return pd.DataFrame(rows)


# --------------------------------------------- lesson 01: advocates against influencers
@seed_by_keyword
def community_answers(G, questions=20_000, helpfulness_sd=1.0, *, seed=None):
    """A support community in action: members ask questions, and one of the asker's
    contacts answers each.

    Each member has a *helpfulness*, lognormal with log-sd ``helpfulness_sd``, drawn
    independently of the network. A question comes from a member drawn at random
    (among those with contacts); the contact who answers is drawn with probability
    proportional to helpfulness. With ``helpfulness_sd = 0`` everyone is equally
    helpful and who answers depends on the network alone.

    Parameters
    ----------
    G : networkx.Graph or CompiledNetwork
        Undirected network of who sees whose questions.
    questions : int, optional
        Questions asked, at least 1.
    helpfulness_sd : float, optional
        Standard deviation of log helpfulness, at least 0.
    seed : None, int or numpy.random.Generator, optional
        Random seed; the same seed gives the same result.

    Returns
    -------
    pandas.DataFrame
        One row per question: ``asker`` and ``answerer`` (node labels).

    Raises
    ------
    ValueError
        If the network has no ties, or ``questions`` or ``helpfulness_sd`` is out of
        range.

    Examples
    --------
    >>> t = community_answers(nx.star_graph(3), questions=6, seed=1)
    >>> sorted(set(t.answerer[t.asker != 0]))  # leaves can only ask the centre
    [0]
    """
    net = networks.compile_network(G, allow_directed=False)
    questions = check_integer(questions, "questions", minimum=1)
    sd = check_real(helpfulness_sd, "helpfulness_sd", minimum=0.0)
    askers_pool = np.flatnonzero(net.degrees > 0)
    if askers_pool.size == 0:
        raise ValueError("G must have at least one tie: nobody could answer a question")
    rng = as_rng(seed)
    helpfulness = np.exp(sd * rng.standard_normal(net.n))
    askers = rng.choice(askers_pool, size=questions)
    # one cumulative sum over all arcs: an asker's contacts are one slice of it, and a
    # uniform draw in the slice's range picks a contact in proportion to helpfulness
    cumulative = np.cumsum(helpfulness[net.indices])
    before = np.concatenate(([0.0], cumulative))
    start, stop = net.indptr[askers], net.indptr[askers + 1]
    target = before[start] + rng.random(questions) * (before[stop] - before[start])
    arcs = np.clip(np.searchsorted(cumulative, target, side="right"), start, stop - 1)
    answerers = net.indices[arcs]
    return pd.DataFrame({"asker": net.labels(askers), "answerer": net.labels(answerers)})


@seed_by_keyword
def advocate_overlap_frame(G, helpfulness_sds=(0.0, 0.5, 1.0, 1.5, 2.0), top=0.1,
                           questions=20_000, repeats=5, *, seed=None):
    """Do the top "advocates" (most answers given, as a reputation engine counts them)
    overlap the top "influencers" (a network centrality)? For communities of growing
    inequality in helpfulness (:func:`community_answers`).

    Two influencer methods are compared with the advocates: PageRank on the network
    of contacts (who could talk to whom), and PageRank on the network of replies (an
    arrow from asker to answerer, weighted by the number of answers). The first is
    independent of the answering; the second is built from the same activity that
    makes an advocate.

    Parameters
    ----------
    G : networkx.Graph or CompiledNetwork
        Undirected network of contacts.
    helpfulness_sds : sequence of float, optional
        Standard deviations of log helpfulness, each at least 0.
    top : float, optional
        Size of the top lists, as a share of all people (at least one person).
    questions : int, optional
        Questions per simulated community.
    repeats : int, optional
        Communities simulated per standard deviation, at least 1.
    seed : None, int or numpy.random.Generator, optional
        Random seed; the same seed gives the same result.

    Returns
    -------
    pandas.DataFrame
        One row per standard deviation and influencer method: ``helpfulness_sd``,
        ``method`` (``"PageRank of contacts"`` or ``"PageRank of replies"``),
        ``overlap`` (mean share of the top advocates also top influencers), ``low``
        and ``high`` (smallest and largest over repeats), ``chance`` (the overlap of
        unrelated lists).

    Raises
    ------
    ValueError
        If ``top`` or ``repeats`` is out of range.

    Examples
    --------
    >>> G = networks.scale_free_network(300, 3, seed=1)
    >>> t = advocate_overlap_frame(G, [0.0, 2.0], questions=3000, repeats=2, seed=1)
    >>> t.pivot(index="helpfulness_sd", columns="method", values="overlap").round(1)
    method          PageRank of contacts  PageRank of replies
    helpfulness_sd
    0.0                              0.8                  0.7
    2.0                              0.5                  0.6
    """
    net = networks.compile_network(G, allow_directed=False)
    top = check_real(top, "top", minimum=0.0, maximum=1.0, strict_minimum=True)
    repeats = check_integer(repeats, "repeats", minimum=1)
    rng = as_rng(seed)
    H = net.to_networkx()
    k = max(1, int(round(top * net.n)))
    nodes = list(net.labels(np.arange(net.n)))
    contacts_rank = centrality.ranking(pd.Series(nx.pagerank(H)).reindex(nodes))
    rows = []
    for sd in helpfulness_sds:
        values = {"PageRank of contacts": [], "PageRank of replies": []}
        for _ in range(repeats):
            answers = community_answers(net, questions, sd, seed=rng)
            counts = answers.answerer.value_counts().reindex(nodes, fill_value=0)
            advocates = centrality.ranking(counts.astype(float))
            replies = nx.DiGraph()
            replies.add_nodes_from(nodes)
            for (a, b), w in answers.value_counts(["asker", "answerer"]).items():
                replies.add_edge(a, b, weight=float(w))
            replies_rank = centrality.ranking(pd.Series(nx.pagerank(replies, weight="weight")).reindex(nodes))
            for method, ranked in (("PageRank of contacts", contacts_rank), ("PageRank of replies", replies_rank)):
                values[method].append(centrality.top_k_overlap(advocates, ranked, k).precision_at_k)
        for method, v in values.items():
            rows.append({"helpfulness_sd": float(sd), "method": method, "overlap": float(np.mean(v)),
                         "low": float(np.min(v)), "high": float(np.max(v)), "chance": k / net.n})
    return pd.DataFrame(rows)


def cyworld_frame(n=20_000_000, mean_degree=100.0, size=208):
    """What a random sample of ``size`` users of a network of ``n`` could look like:
    expected ties inside, the ties a connected sample needs, and two bounds on the
    chance that it is connected.

    Parameters
    ----------
    n : int, optional
        Users in the network, at least 2.
    mean_degree : float, optional
        Mean number of friends, between 0 and ``n - 1``.
    size : int, optional
        Sample size, from 2 to ``n``.

    Returns
    -------
    pandas.DataFrame
        One row: ``users``, ``sample``, ``ties_expected``
        (:func:`course_lib.sampling.expected_internal_edges`), ``ties_needed``
        (``size - 1``), ``markov_bound`` (``ties_expected / ties_needed``, a bound on
        the share of samples with enough ties, by Markov's inequality) and
        ``log10_connected`` (:func:`log10_connected_bound`, for random friendships).

    Examples
    --------
    >>> cyworld_frame().round(3).T[0].tolist()
    [20000000.0, 208.0, 0.108, 207.0, 0.001, -619.792]
    """
    ties = sampling.expected_internal_edges(n, mean_degree, size)
    return pd.DataFrame({"users": [int(n)], "sample": [int(size)], "ties_expected": [ties],
                         "ties_needed": [int(size) - 1], "markov_bound": [ties / (size - 1)],
                         "log10_connected": [log10_connected_bound(n, mean_degree, size)]})
