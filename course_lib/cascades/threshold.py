"""The threshold cascade on a network (Watts 2002)."""
from __future__ import annotations

import numbers
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from .._deprecation import renamed_attribute
from .._guard import reference
from .._validation import check_fraction_array, check_probability
from ..networks import compile_network, node_indices
from ._kernels import required_active_neighbours, threshold_run
from ._workspace import workspace

__all__ = ["CascadeResult", "threshold_cascade", "node_thresholds", "contacts_needed"]


@dataclass(frozen=True)
class CascadeResult:
    """Outcome of one cascade.

    Attributes
    ----------
    active : frozenset
        Labels of every node active at the end, seeds included.
    spread : int
        ``len(active)``, the number of adopters (``size`` before 0.1.1).
    fraction : float
        ``spread`` divided by the number of nodes.
    rounds : int
        Synchronous rounds in which someone new activated (0 if only the seeds).
    adoption_curve : tuple of int
        Number active after round 0 (the seeds), 1, ..., ``rounds``.
    """

    active: frozenset
    spread: int
    fraction: float
    rounds: int
    adoption_curve: tuple

    def to_frame(self):
        """Tidy table with one row per round: ``round``, ``active``, ``new``."""
        import pandas as pd

        curve = np.asarray(self.adoption_curve)
        return pd.DataFrame(
            {"round": np.arange(len(curve)), "active": curve, "new": np.diff(curve, prepend=0)}
        )

    size = renamed_attribute("size", "spread")


def contacts_needed(thresholds, degrees):
    """How many active contacts each node needs before it adopts.

    A node with threshold ``phi`` and ``k`` contacts adopts once at least a share
    ``phi`` of them are active, that is with ``ceil(k * phi)`` active contacts; a
    share computed in floating point that falls short of ``phi`` by less than 1e-9
    counts as reaching it, so ``phi = 1/3`` with 3 contacts needs 1, not 2.

    Parameters
    ----------
    thresholds : array_like of float
        Each node's threshold, a share of contacts between 0 and 1.
    degrees : array_like of int
        Each node's number of contacts, the same length as ``thresholds``.

    Returns
    -------
    numpy.ndarray of int32
        The number of active contacts each node needs. A node without contacts
        never sees an active share above 0, so it needs an unreachable count (the
        largest int32) unless its threshold is 0.

    Raises
    ------
    ValueError
        If the two arrays differ in length or a degree is negative.

    Examples
    --------
    >>> contacts_needed([0.18, 0.5, 1/3, 0.0], [5, 4, 3, 0]).tolist()
    [1, 2, 1, 0]
    """
    theta = np.asarray(thresholds, dtype=float)
    k = np.asarray(degrees)
    if theta.shape != k.shape:
        raise ValueError(f"thresholds and degrees must have the same length, got {theta.size} and {k.size}")
    if k.size and k.min() < 0:
        raise ValueError("degrees must be 0 or more")
    return required_active_neighbours(theta, k.astype(np.int64))


def node_thresholds(net, thresholds, name="thresholds"):
    """Per-node threshold array from a number, a sequence in node order, or a mapping.

    Parameters
    ----------
    net : CompiledNetwork
        The network the thresholds are for.
    thresholds : float, sequence or mapping
        One value in [0, 1] for every node, a sequence with one value per node in
        compiled order, or a mapping node -> value that covers every node.
    name : str, optional
        The parameter name used in error messages.

    Returns
    -------
    numpy.ndarray of float64, shape (n,)
        The threshold of each node row.

    Raises
    ------
    TypeError
        If ``thresholds`` is not a number, a sequence or a mapping, or holds something
        that is not a number.
    ValueError
        If a threshold is outside [0, 1], the sequence does not have one value per
        node, or the mapping misses a node or names one that is not in ``net``.

    Examples
    --------
    >>> import networkx as nx
    >>> from course_lib.networks import compile_network
    >>> net = compile_network(nx.path_graph(3))
    >>> node_thresholds(net, 0.5).tolist()
    [0.5, 0.5, 0.5]
    >>> node_thresholds(net, {2: 0.3, 0: 0.1, 1: 0.2}).tolist()
    [0.1, 0.2, 0.3]
    """
    if isinstance(thresholds, numbers.Real) and not isinstance(thresholds, bool):
        return np.full(net.n, check_probability(thresholds, name))
    if isinstance(thresholds, Mapping):
        missing = [node for node in net.nodes if node not in thresholds]
        if missing:
            raise ValueError(
                f"{name} is a mapping but has no threshold for node {missing[0]!r} "
                f"({len(missing)} node(s) missing)"
            )
        extra = [key for key in thresholds if key not in net.index_of]
        if extra:
            raise ValueError(f"{name} has a threshold for {extra[0]!r}, which is not a node of the graph")
        values = [thresholds[node] for node in net.nodes]
        return check_fraction_array(values, name, net.n)
    if isinstance(thresholds, (str, bytes)) or not hasattr(thresholds, "__len__"):
        raise TypeError(
            f"{name} must be a number in [0, 1], a sequence with one value per node, "
            f"or a mapping node -> value; got {type(thresholds).__name__}"
        )
    return check_fraction_array(thresholds, name, net.n)


@reference
def threshold_cascade(G, thresholds, seeds):
    """Spread adoption from ``seeds``: a node adopts once the fraction of its neighbours
    who adopted reaches its threshold.

    Updates are synchronous: in each round every inactive node compares the active
    fraction of its neighbours with its threshold. Adoption is permanent, so the final
    set does not depend on the update order. A node with threshold 0 adopts in round 1
    even without active neighbours; an isolated node adopts only with threshold 0.

    Parameters
    ----------
    G : networkx.Graph or CompiledNetwork
        Undirected network.
    thresholds : float, sequence or mapping
        One threshold in [0, 1] for everyone, a sequence in ``G``'s node order, or a
        mapping node -> threshold.
    seeds : node or iterable of nodes
        Initially active nodes (may be empty).

    Returns
    -------
    CascadeResult
        The active nodes at the end, their number, and the number active after each
        round.

    Examples
    --------
    >>> import networkx as nx
    >>> result = threshold_cascade(nx.path_graph(5), 0.5, seeds=[0])
    >>> sorted(result.active), result.spread, result.rounds
    ([0, 1, 2, 3, 4], 5, 4)
    >>> threshold_cascade(nx.path_graph(5), 0.51, seeds=[0]).spread
    1

    References
    ----------
    .. [1] D. J. Watts, "A simple model of global cascades on random networks",
       PNAS 99(9), 2002.
    """
    net = compile_network(G, allow_directed=False)
    theta = node_thresholds(net, thresholds)
    seed_idx = node_indices(net, seeds, "seeds")
    need = required_active_neighbours(theta, net.degrees)
    work = workspace(net)
    order, round_end = work.order, work.round_end
    m, rounds = threshold_run(
        net.indptr, net.indices, need, seed_idx, np.flatnonzero(need == 0),
        work.count, work.active, order, round_end,
    )
    active = frozenset(net.labels(order[:m]))
    return CascadeResult(active, int(m), m / net.n, int(rounds), tuple(round_end[: rounds + 1].tolist()))
