"""Tables for lesson 03, complex contagion: seeding when people need several adopting
contacts, on a clustered network, and submodularity failing.

:data:`CONTAGION_MODELS`, :func:`clustered_network`, :func:`fixed_threshold_spread`,
:func:`contagion_seeding_frame`, :func:`submodularity_frame`.
"""
from __future__ import annotations

import math

import networkx as nx
import numpy as np
import pandas as pd

from ... import cascades, networks, seeding
from ...cascades._kernels import threshold_run
from ...cascades._workspace import workspace
from ..._deprecation import seed_by_keyword
from ..._validation import as_rng, check_integer, check_real

__all__ = [
    "CONTAGION_MODELS",
    "clustered_network",
    "fixed_threshold_spread",
    "contagion_seeding_frame",
    "submodularity_frame",
]


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
