"""Tables for lesson 01, spreaders: Kitsak et al. (2010) k-shell against degree as
spreading power, advocates against influencers in a support community, and CyWorld.

:func:`heavy_tailed_network`, :class:`SpreadingPower`, :func:`spreading_power`,
:func:`shell_degree_frame`, :func:`imprecision_frame`, :func:`community_answers`,
:func:`advocate_overlap_frame`, :func:`cyworld_frame`.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import networkx as nx
import numpy as np
import pandas as pd

from ... import cascades, centrality, networks, sampling
from ..._deprecation import seed_by_keyword
from ..._validation import as_rng, check_integer, check_real
from .networks import log10_connected_bound

__all__ = [
    "heavy_tailed_network",
    "SpreadingPower",
    "spreading_power",
    "shell_degree_frame",
    "imprecision_frame",
    "community_answers",
    "advocate_overlap_frame",
    "cyworld_frame",
]


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
