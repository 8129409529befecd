"""Independent cascade (IC) and linear threshold (LT) models of word of mouth
(Kempe, Kleinberg & Tardos 2003), their Monte Carlo spread, and live-edge worlds.

Both run on directed or undirected graphs; an undirected tie is two arcs, each with its
own chance. Arcs are numbered in the compiled (CSR) order: arc ``e`` goes from the node
whose row holds it to ``net.indices[e]``.
"""
from __future__ import annotations

import numbers
import weakref
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from .._deprecation import renamed_attribute, seed_by_keyword
from .._guard import reference
from .._threads import parallel_threads
from .._validation import as_rng, check_integer, check_probability
from ..networks import compile_network, node_indices
from ._rng import rng_state
from ._spread_kernels import NO_ARRAY_F, ic_run, ic_sizes, lt_run, lt_sizes
from ._world_gains import all_gains
from ._world_kernels import gains_of, reach_over_worlds, sample_ic_worlds, sample_lt_worlds, world_graphs
from ._workspace import workspace as _workspace
from .threshold import CascadeResult

__all__ = [
    "independent_cascade",
    "linear_threshold",
    "SpreadEstimate",
    "expected_spread",
    "LiveEdgeWorlds",
    "sample_live_edge_worlds",
    "arc_sources",
]

MODELS = ("ic", "lt")


def arc_sources(net):
    """Source node of every arc, in compiled order.

    Parameters
    ----------
    net : CompiledNetwork
        A compiled network (see :func:`course_lib.networks.compile_network`).

    Returns
    -------
    numpy.ndarray of int64, shape (arcs,)
        The row each arc leaves: arc ``e`` goes from ``arc_sources(net)[e]`` to
        ``net.indices[e]``.

    Examples
    --------
    >>> import networkx as nx
    >>> from course_lib.networks import compile_network
    >>> net = compile_network(nx.path_graph(3))
    >>> arc_sources(net).tolist(), net.indices.tolist()
    ([0, 1, 1, 2], [1, 0, 2, 1])
    """
    return np.repeat(np.arange(net.n, dtype=np.int64), net.degrees)


def _arc_values(net, values, name, default=None):
    """Per-arc float array from a number (returns it as a float and an empty array),
    a mapping (u, v) -> value, or a sequence in compiled arc order."""
    if values is None:
        return default
    if isinstance(values, numbers.Real) and not isinstance(values, bool):
        return check_probability(values, name), NO_ARRAY_F
    arcs = len(net.indices)
    if isinstance(values, Mapping):
        out = np.full(arcs, np.nan)
        src = arc_sources(net)
        index = net.index_of
        lookup = {}
        for (u, v), value in values.items():
            if u not in index or v not in index:
                raise ValueError(f"{name} names the tie ({u!r}, {v!r}), but that is not an edge of the graph")
            lookup[(index[u], index[v])] = value
            if not net.directed:
                lookup.setdefault((index[v], index[u]), value)
        arc_of = {(int(u), int(v)): e for e, (u, v) in enumerate(zip(src.tolist(), net.indices.tolist()))}
        for (u, v), value in lookup.items():
            if (u, v) not in arc_of:
                raise ValueError(
                    f"{name} names the tie ({net.nodes[u]!r}, {net.nodes[v]!r}), "
                    "but that is not an edge of the graph"
                )
            out[arc_of[(u, v)]] = value
        if np.isnan(out).any():
            e = int(np.flatnonzero(np.isnan(out))[0])
            u, v = net.nodes[src[e]], net.nodes[net.indices[e]]
            raise ValueError(f"{name} has no value for the tie ({u!r}, {v!r})")
        values = out
    try:
        array = np.asarray(values, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"{name} must be a number, a mapping (u, v) -> number, or one number per arc") from None
    if array.shape != (arcs,):
        raise ValueError(f"{name} must have one value per arc ({arcs}), got shape {array.shape}")
    if not np.all((array >= 0) & (array <= 1)):
        raise ValueError(f"{name} must lie between 0 and 1 on every tie")
    return 0.0, array


_default_lt_weights = weakref.WeakKeyDictionary()


def _lt_weights(net, weights):
    """Arc weights for LT (default 1 / in-degree of the target), checked: in-weights of
    each node must sum to at most 1."""
    n = net.n
    if weights is None:
        # computed once per network: a single run must not cost O(arcs) of bookkeeping
        default = _default_lt_weights.get(net)
        if default is None:
            in_degree = np.bincount(net.indices, minlength=n)
            default = _default_lt_weights[net] = 1.0 / in_degree[net.indices]
        return default
    scalar, array = _arc_values(net, weights, "weights")
    if array.size == 0:
        array = np.full(len(net.indices), scalar)
    sums = np.bincount(net.indices, weights=array, minlength=n)
    if np.any(sums > 1 + 1e-9):
        v = int(np.argmax(sums))
        raise ValueError(
            f"weights into node {net.nodes[v]!r} sum to {sums[v]:.3f}; in the linear threshold "
            "model the weights into each node must sum to at most 1"
        )
    return array


def _seeds(net, seeds):
    return node_indices(net, seeds, "seeds")


def _coins(net, coins):
    coin_array = np.asarray(coins, dtype=float)
    if coin_array.shape != (len(net.indices),):
        raise ValueError(f"coins must have one number per arc ({len(net.indices)}), got shape {coin_array.shape}")
    return coin_array


def _active_labels(net, order, m):
    rows = order[:m].tolist()
    return frozenset(rows if net.labels_are_indices else map(net.nodes.__getitem__, rows))


def _result(net, m, rounds, order, round_end):
    return CascadeResult(_active_labels(net, order, m), m, m / net.n, rounds, tuple(round_end[: rounds + 1].tolist()))


@reference
@seed_by_keyword
def independent_cascade(G, seeds, p, *, seed=None, coins=None):
    """Word of mouth as independent chances: each newly active node gets one chance to
    activate each inactive neighbour, succeeding with probability ``p``.

    Parameters
    ----------
    G : networkx.Graph, networkx.DiGraph or CompiledNetwork
        The network; an undirected tie is two arcs, each with its own chance.
    seeds : node or iterable of nodes
        Initially active nodes.
    p : float, mapping or sequence
        One probability for every tie, a mapping ``(u, v) -> probability`` (for an
        undirected graph it serves both directions unless ``(v, u)`` is given too), or
        one probability per arc in compiled order.
    seed : None, int or numpy.random.Generator, optional
        Random seed; the same seed gives the same result.
    coins : sequence of float, optional
        Fixed randomness: one number in [0, 1] per arc in compiled order; arc ``e`` is
        live exactly when ``coins[e] <= p_e``. Makes the cascade deterministic.

    Returns
    -------
    CascadeResult
        The active nodes at the end, their number, and the number active after each
        round.

    Examples
    --------
    >>> import networkx as nx
    >>> independent_cascade(nx.path_graph(4), [0], p=1.0).spread
    4
    >>> independent_cascade(nx.path_graph(4), [0], p=0.0).active
    frozenset({0})

    References
    ----------
    .. [1] D. Kempe, J. Kleinberg and É. Tardos, "Maximizing the spread of influence
       through a social network", KDD 2003.
    """
    net = compile_network(G)
    seed_idx = _seeds(net, seeds)
    prob, arc_p = _arc_values(net, p, "p")
    if coins is not None:
        # fixed coins settle every arc: probability 1 if live, 0 if not (no draws)
        arc_p = (_coins(net, coins) <= (arc_p if arc_p.size else prob)).astype(float)
    work = _workspace(net)
    m, rounds = ic_run(net.indptr, net.indices, seed_idx, prob, arc_p, rng_state(seed), work.active, work.work)
    return _result(net, m, rounds, work.order, work.round_end)


def _lt_thresholds(net, thresholds):
    if thresholds is None:
        return NO_ARRAY_F
    from .threshold import node_thresholds

    return node_thresholds(net, thresholds)


@reference
@seed_by_keyword
def linear_threshold(G, seeds, thresholds=None, *, seed=None, weights=None):
    """Word of mouth as accumulated pressure: a node activates once the summed weights
    of its active in-neighbours reach its threshold.

    Parameters
    ----------
    G : networkx.Graph, networkx.DiGraph or CompiledNetwork
        The network; an undirected tie is two arcs, one into each end.
    seeds : node or iterable of nodes
        Initially active nodes.
    thresholds : None, float, sequence or mapping, optional
        None (default) draws each node's threshold uniformly from (0, 1], as in
        Kempe et al. (2003); otherwise as in :func:`threshold_cascade`.
    seed : None, int or numpy.random.Generator, optional
        Random seed; the same seed gives the same result.
        Used only when thresholds are drawn.
    weights : None, float, mapping or sequence
        Arc weights; default ``1 / in-degree`` of the target, which makes the model the
        fractional threshold model. Weights into a node must sum to at most 1.

    Returns
    -------
    CascadeResult
        The active nodes at the end, their number, and the number active after each
        round.

    Examples
    --------
    >>> import networkx as nx
    >>> linear_threshold(nx.star_graph(3), [1, 2], thresholds=0.5).active == {0, 1, 2, 3}
    True

    References
    ----------
    .. [1] D. Kempe, J. Kleinberg and É. Tardos, "Maximizing the spread of influence
       through a social network", KDD 2003.
    """
    net = compile_network(G)
    seed_idx = _seeds(net, seeds)
    theta = _lt_thresholds(net, thresholds)
    w = _lt_weights(net, weights)
    work = _workspace(net)
    m, rounds = lt_run(net.indptr, net.indices, w, seed_idx, theta, rng_state(seed), work.acc, work.order,
                       work.round_end)
    return _result(net, m, rounds, work.order, work.round_end)


@dataclass(frozen=True)
class SpreadEstimate:
    """Monte Carlo estimate of the expected number of active nodes.

    Attributes
    ----------
    spread : float
        The mean number of active nodes over the runs (``mean`` before 0.1.1).
    stderr : float
        Its standard error, ``sd / sqrt(runs)``.
    runs : int
        Number of Monte Carlo runs.
    """

    spread: float
    stderr: float
    runs: int

    mean = renamed_attribute("mean", "spread")

    def interval(self, z=1.96):
        """Normal-approximation confidence interval (default 95%)."""
        return self.spread - z * self.stderr, self.spread + z * self.stderr

    def to_frame(self):
        """One-row table: ``spread``, ``stderr``, ``runs``, ``low``, ``high`` (95%), the
        columns of :func:`course_lib.seeding.compare_strategies`."""
        import pandas as pd

        low, high = self.interval()
        return pd.DataFrame({"spread": [self.spread], "stderr": [self.stderr], "runs": [self.runs],
                             "low": [low], "high": [high]})


def _check_model(model):
    if model not in MODELS:
        raise ValueError(f"model must be one of {MODELS}, got {model!r}")
    return model


@reference
@seed_by_keyword
def expected_spread(G, seeds, model="ic", p=0.1, runs=1000, *, seed=None, thresholds=None, weights=None):
    """Expected number of nodes a seed set activates, by Monte Carlo.

    Parameters
    ----------
    G : networkx.Graph, networkx.DiGraph or CompiledNetwork
        The network.
    seeds : node or iterable of nodes
        The seed set.
    model : {"ic", "lt"}, optional
        Independent cascade or linear threshold.
    p : float, mapping or sequence, optional
        IC probability (as in :func:`independent_cascade`); ignored for LT.
    runs : int, optional
        Number of simulated cascades; the standard error falls like 1/sqrt(runs).
    seed : None, int or numpy.random.Generator, optional
        Random seed; the same seed gives the same result.
    thresholds : None, float, sequence or mapping, optional
        LT thresholds (as in :func:`linear_threshold`); ignored for IC.
    weights : None, float, mapping or sequence, optional
        LT arc weights (as in :func:`linear_threshold`); ignored for IC.

    Returns
    -------
    SpreadEstimate
        The mean number of active nodes (``spread``), its standard error (``stderr``,
        NaN for one run) and ``runs``.

    Examples
    --------
    >>> import networkx as nx
    >>> est = expected_spread(nx.path_graph(3), [0], p=0.5, runs=20000, seed=1)
    >>> abs(est.spread - 1.75) < 4 * est.stderr   # exact: 1 + 0.5 + 0.25
    True

    References
    ----------
    .. [1] D. Kempe, J. Kleinberg and É. Tardos, "Maximizing the spread of influence
       through a social network", KDD 2003.
    """
    model = _check_model(model)
    runs = check_integer(runs, "runs", minimum=1)
    net = compile_network(G)
    seed_idx = _seeds(net, seeds)
    rng = as_rng(seed)  # a Generator: unboxed once for all the runs; IC estimates stay those lesson 03 quotes
    if model == "ic":
        prob, arc_p = _arc_values(net, p, "p")
        sizes = ic_sizes(net.indptr, net.indices, seed_idx, prob, arc_p, runs, rng)
    else:
        sizes = lt_sizes(net.indptr, net.indices, _lt_weights(net, weights), seed_idx,
                         _lt_thresholds(net, thresholds), runs, rng)
    stderr = float(sizes.std(ddof=1) / np.sqrt(runs)) if runs > 1 else float("nan")
    return SpreadEstimate(float(sizes.mean()), stderr, runs)


@dataclass(frozen=True, eq=False)
class LiveEdgeWorlds:
    """A sample of live-edge worlds: in world ``w`` the kept arcs are
    ``arcs[world_ptr[w]:world_ptr[w + 1]]`` (arc numbers in compiled order).

    The spread of a seed set in one world is the number of nodes reachable from it over
    kept arcs; averaged over the worlds it estimates the expected spread, and because
    reachability is monotone and submodular in every world, so is the estimate.

    Attributes
    ----------
    net : CompiledNetwork
        The network the worlds were sampled on.
    model : str
        ``"ic"`` or ``"lt"``, the model whose worlds these are.
    world_ptr : numpy.ndarray of int64, shape (worlds + 1,)
        Where each world's kept arcs start and end in ``arcs``.
    arcs : numpy.ndarray of int
        The kept arcs of every world, world after world.
    worlds : int
        Number of worlds.

    Examples
    --------
    >>> import networkx as nx
    >>> sample = sample_live_edge_worlds(nx.path_graph(3), p=1.0, worlds=2, seed=1)
    >>> sample.worlds, sample.world_ptr.tolist(), sample.spread([1])
    (2, [0, 4, 8], 3.0)
    """

    net: object
    model: str
    world_ptr: np.ndarray
    arcs: np.ndarray

    @property
    def worlds(self):
        """Number of worlds."""
        return len(self.world_ptr) - 1

    @cached_property
    def adjacency(self):
        """The worlds laid out for searches (a ``WorldGraphs``: one small graph per world
        over the nodes its kept arcs touch), built on first use and reused by every
        search; at most 20 bytes per kept arc."""
        with parallel_threads(self.worlds) as threads:
            return world_graphs(self.net.indptr, self.net.indices, self.world_ptr, self.arcs, threads)

    def new_cover(self):
        """An all-False ``covered`` matrix (worlds x nodes) for :meth:`marginal_gain`."""
        size = self.worlds * self.net.n
        if size > 2 * 1024**3:
            raise ValueError(
                f"{self.worlds} worlds of {self.net.n} nodes need {size / 1024**3:.1f} GB to track "
                "which nodes are reached; use fewer worlds (runs)"
            )
        return np.zeros((self.worlds, self.net.n), dtype=np.bool_)

    def spread(self, seeds):
        """Mean number of nodes reached from ``seeds`` over the worlds."""
        idx = _seeds(self.net, seeds)
        covered = self.new_cover()
        return sum(self.cover(covered, int(v)) for v in idx) / self.worlds

    def gains(self, covered=None, candidates=None, *, method="fast", threads=None):
        """New nodes each candidate reaches, summed over the worlds (whole numbers).

        Parameters
        ----------
        covered : numpy.ndarray, optional
            A matrix from :meth:`new_cover`, filled by :meth:`cover`; ``None`` means
            nothing is covered yet (greedy's first step).
        candidates : sequence of int, optional
            Node rows (compiled order) to evaluate; default every node.
        method : {"fast", "simple"}
            ``"fast"`` runs the compiled kernels (a condensation of each world for the
            first step, batched searches later). ``"simple"`` is a plain breadth-first
            search in Python over each world's kept arcs, slow and obviously correct:
            the tests and curious readers compare against it.
        threads : int, optional
            Threads for ``"fast"`` (default: all usable, at most one per world).

        Returns
        -------
        numpy.ndarray of int64
            One total per candidate; divide by :attr:`worlds` for the mean gain.

        Examples
        --------
        >>> import networkx as nx
        >>> sample = sample_live_edge_worlds(nx.path_graph(4), p=1.0, worlds=3, seed=1)
        >>> sample.gains().tolist()
        [12, 12, 12, 12]
        >>> covered = sample.new_cover()
        >>> sample.cover(covered, 0)
        12
        >>> sample.gains(covered, [1, 2], method="simple").tolist()
        [0, 0]
        """
        if method not in ("fast", "simple"):
            raise ValueError(f"method must be 'fast' or 'simple', got {method!r}")
        if covered is not None and (not isinstance(covered, np.ndarray)
                                    or covered.shape != (self.worlds, self.net.n)):
            raise ValueError("covered must be a matrix from new_cover() (worlds x nodes), or None")
        everyone = candidates is None
        rows = np.arange(self.net.n, dtype=np.int64) if everyone else np.asarray(candidates, dtype=np.int64)
        if rows.ndim != 1 or (rows.size and (rows.min() < 0 or rows.max() >= self.net.n)):
            raise ValueError(f"candidates must be node rows between 0 and {self.net.n - 1}")
        if method == "simple":
            return self._gains_by_plain_search(covered, rows)
        with parallel_threads(threads or self.worlds) as usable:
            if everyone and (covered is None or not covered.any()):
                return all_gains(self.adjacency, threads=usable)
            return gains_of(self.adjacency, self.new_cover() if covered is None else covered,
                            rows, usable)

    def _gains_by_plain_search(self, covered, rows):
        src, dst = arc_sources(self.net), self.net.indices
        totals = np.zeros(rows.size, dtype=np.int64)
        for w in range(self.worlds):
            out = {}
            for arc in self.arcs[self.world_ptr[w]:self.world_ptr[w + 1]].tolist():
                out.setdefault(int(src[arc]), []).append(int(dst[arc]))
            blocked = set() if covered is None else set(np.flatnonzero(covered[w]).tolist())
            for i, start in enumerate(rows.tolist()):
                if start in blocked:
                    continue
                reached, stack = {start}, [start]
                while stack:
                    for v in out.get(stack.pop(), ()):
                        if v not in reached and v not in blocked:
                            reached.add(v)
                            stack.append(v)
                totals[i] += len(reached)
        return totals

    def marginal_gain(self, covered, node):
        """Mean number of new nodes row ``node`` reaches given a ``covered`` matrix."""
        return reach_over_worlds(tuple(self.adjacency), node, covered, False) / self.worlds

    def cover(self, covered, node):
        """Mark everything row ``node`` reaches as covered; return the total new count."""
        return reach_over_worlds(tuple(self.adjacency), node, covered, True)

    def world(self, w):
        """World ``w`` as a networkx DiGraph of its kept arcs (all nodes included)."""
        import networkx as nx

        kept = self.arcs[self.world_ptr[w]:self.world_ptr[w + 1]]
        src = arc_sources(self.net)[kept]
        dst = self.net.indices[kept]
        H = nx.DiGraph()
        H.add_nodes_from(self.net.nodes)
        H.add_edges_from(zip(self.net.labels(src), self.net.labels(dst)))
        return H


@seed_by_keyword
def sample_live_edge_worlds(G, model="ic", p=0.1, worlds=1000, *, seed=None, weights=None):
    """Sample live-edge worlds for IC (each arc kept with its probability) or LT (each
    node keeps at most one incoming arc, arc ``u -> v`` with probability equal to its
    weight). Kempe et al. (2003) show both give the models' exact spread distribution.

    Parameters
    ----------
    G : networkx.Graph, networkx.DiGraph or CompiledNetwork
        The network.
    model : {"ic", "lt"}, optional
        Independent cascade or linear threshold.
    p : float, mapping or sequence, optional
        IC arc probability (as in :func:`independent_cascade`); ignored for LT.
    worlds : int, optional
        Number of worlds to sample, at least 1.
    seed : None, int or numpy.random.Generator, optional
        Random seed; the same seed gives the same result.
    weights : None, float, mapping or sequence, optional
        LT arc weights (as in :func:`linear_threshold`); ignored for IC.

    Returns
    -------
    LiveEdgeWorlds
        The kept arcs of each world.

    Examples
    --------
    >>> import networkx as nx
    >>> sample = sample_live_edge_worlds(nx.path_graph(3), p=1.0, worlds=5, seed=1)
    >>> sample.spread([0])
    3.0

    References
    ----------
    .. [1] D. Kempe, J. Kleinberg and É. Tardos, "Maximizing the spread of influence
       through a social network", KDD 2003.
    """
    model = _check_model(model)
    worlds = check_integer(worlds, "worlds", minimum=1)
    net = compile_network(G)
    gen = as_rng(seed)
    if model == "ic":
        prob, arc_p = _arc_values(net, p, "p")
        world_ptr, arcs = sample_ic_worlds(len(net.indices), prob, arc_p, worlds, gen)
    else:
        w = _lt_weights(net, weights)
        in_arc = np.argsort(net.indices, kind="stable")
        in_ptr = np.zeros(net.n + 1, dtype=np.int64)
        np.cumsum(np.bincount(net.indices, minlength=net.n), out=in_ptr[1:])
        world_ptr, arcs = sample_lt_worlds(net.n, in_ptr, in_arc, w, worlds, gen)
    return LiveEdgeWorlds(net, model, world_ptr, arcs)
