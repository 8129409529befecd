"""Input checks and graph facts shared by the opinion models.

An influence matrix ``W`` is read row by row: ``W[i, j]`` is the weight agent ``i``
gives to agent ``j``'s opinion. Its *listening graph* has an arc ``i -> j`` whenever
``W[i, j] > 0``.
"""
from __future__ import annotations

import numbers

import numpy as np
from scipy import sparse
from scipy.sparse import csgraph

from .._validation import check_fraction_array, check_probability

# Rows of W may miss 1 by this much (rounding in hand-made or normalised matrices);
# rows inside the tolerance are then divided by their sum so they add up exactly.
ROW_SUM_TOLERANCE = 1e-9

# How many agents an error message lists before "...".
_SHOW = 6


def show_agents(indices):
    """Short text for a list of agent indices, e.g. ``[0, 3, 7, ...] (12 agents)``."""
    indices = [int(i) for i in indices]
    text = ", ".join(map(str, indices[:_SHOW]))
    if len(indices) > _SHOW:
        return f"[{text}, ...] ({len(indices)} agents)"
    return f"[{text}]"


def check_influence_matrix(W, name="W"):
    """Return ``W`` as a float (n, n) row-stochastic array (a copy), or raise.

    Raises ``TypeError`` if ``W`` is not a matrix of numbers, ``ValueError`` if it is
    not square, has a negative or non-finite entry, or a row that does not sum to 1
    within :data:`ROW_SUM_TOLERANCE`.
    """
    import networkx as nx

    if isinstance(W, nx.Graph):
        raise TypeError(
            f"{name} must be an influence matrix, not a networkx graph; "
            f"build one with course_lib.opinions.influence_weights({name})"
        )
    if sparse.issparse(W):
        W = W.toarray()
    if isinstance(W, (str, bytes)):
        raise TypeError(f"{name} must be a square matrix of numbers, not a string")
    try:
        array = np.array(W, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(
            f"{name} must be a square matrix of numbers (a 2-D array with one row and one "
            f"column per agent), not {type(W).__name__}"
        ) from None
    if array.ndim != 2 or array.shape[0] != array.shape[1]:
        raise ValueError(
            f"{name} must be a square matrix (one row and one column per agent), "
            f"got shape {array.shape}"
        )
    if array.shape[0] == 0:
        raise ValueError(f"{name} is empty; give at least one agent")
    bad = ~np.isfinite(array)
    if bad.any():
        i, j = np.argwhere(bad)[0]
        raise ValueError(f"{name} has a non-finite entry {array[i, j]} at row {i}, column {j}")
    if (array < 0).any():
        i, j = np.argwhere(array < 0)[0]
        raise ValueError(
            f"{name} has a negative entry {float(array[i, j])!r} at row {i}, column {j}; "
            "influence weights must be 0 or more"
        )
    sums = array.sum(axis=1)
    off = np.abs(sums - 1.0) > ROW_SUM_TOLERANCE
    if off.any():
        i = int(np.flatnonzero(off)[0])
        raise ValueError(
            f"{name} must be row-stochastic (every row sums to 1, the weights agent i gives "
            f"to everyone); row {i} sums to {float(sums[i])!r}. Divide each row by its sum: "
            f"{name} / {name}.sum(axis=1, keepdims=True)"
        )
    array /= sums[:, None]
    return array


def check_opinions(values, n, name="x0"):
    """Return ``values`` as a float array of ``n`` finite opinions."""
    if isinstance(values, (str, bytes)) or values is None:
        raise TypeError(f"{name} must be a sequence of numbers, one opinion per agent")
    try:
        array = np.array(values, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"{name} must be a sequence of numbers, one opinion per agent") from None
    if array.ndim != 1 or array.shape[0] != n:
        raise ValueError(
            f"{name} must hold one opinion per agent ({n} values, as W has {n} rows), "
            f"got shape {array.shape}"
        )
    bad = ~np.isfinite(array)
    if bad.any():
        i = int(np.flatnonzero(bad)[0])
        raise ValueError(f"{name} has a non-finite opinion {array[i]} at position {i}")
    return array


def check_fractions(values, n, name):
    """Per-agent values in [0, 1] from one number or ``n`` numbers (a float array)."""
    if isinstance(values, numbers.Real) and not isinstance(values, (bool, np.bool_)):
        return np.full(n, check_probability(values, name))
    if isinstance(values, (str, bytes, bool, np.bool_)) or values is None or not hasattr(values, "__len__"):
        raise TypeError(
            f"{name} must be a number in [0, 1] or a sequence with one value per agent, "
            f"not {type(values).__name__} ({values!r})"
        )
    return check_fraction_array(values, name, n)


def check_agents(agents, n, name="agents"):
    """Sorted unique agent indices from one index or an iterable of indices in 0..n-1."""
    if isinstance(agents, numbers.Integral) and not isinstance(agents, (bool, np.bool_)):
        agents = [agents]
    if isinstance(agents, (str, bytes)) or not hasattr(agents, "__iter__"):
        raise TypeError(f"{name} must be an agent index (0 to {n - 1}) or a list of them")
    out = []
    for agent in agents:
        if isinstance(agent, (bool, np.bool_)) or not isinstance(agent, numbers.Integral):
            raise TypeError(f"{name} must contain agent indices (whole numbers), found {agent!r}")
        if not 0 <= agent < n:
            raise ValueError(f"{name} contains {agent}, but agents are numbered 0 to {n - 1}")
        out.append(int(agent))
    if not out:
        raise ValueError(f"{name} is empty; name at least one agent")
    return np.unique(np.asarray(out, dtype=np.int64))


def closed_groups(W):
    """Groups of agents who listen only to one another (the closed strongly connected
    components of the listening graph), each as a sorted index array.

    Every agent can reach at least one closed group by following whom they listen to.
    """
    A = sparse.csr_matrix(W > 0)
    count, label = csgraph.connected_components(A, directed=True, connection="strong")
    rows, cols = A.nonzero()
    leaving = label[rows] != label[cols]
    is_open = np.zeros(count, dtype=bool)
    is_open[label[rows[leaving]]] = True
    return [np.flatnonzero(label == c) for c in np.flatnonzero(~is_open)]


def period(W, group):
    """Period of the strongly connected ``group`` in ``W``'s listening graph: the gcd of
    its cycle lengths (1 means aperiodic)."""
    sub = sparse.csr_matrix(W[np.ix_(group, group)] > 0)
    level = csgraph.shortest_path(sub, directed=True, unweighted=True, indices=0)
    rows, cols = sub.nonzero()
    return int(np.gcd.reduce((level[rows] + 1 - level[cols]).astype(np.int64)))


def unanchored(M, deficient):
    """Indices that cannot reach a ``deficient`` row through the arcs ``M > 0``.

    For a nonnegative matrix ``M`` whose rows sum to at most 1, the spectral radius is
    below 1 exactly when this is empty: each row either loses mass itself or leads, by
    a path of positive entries, to a row that does.
    """
    n = M.shape[0]
    rows, cols = np.nonzero(M > 0)
    sources = np.flatnonzero(deficient)
    # reverse arcs j -> i, plus a virtual node n pointing at every deficient row
    tail = np.concatenate([cols, np.full(len(sources), n)])
    head = np.concatenate([rows, sources])
    graph = sparse.csr_matrix((np.ones(len(tail)), (tail, head)), shape=(n + 1, n + 1))
    reached = csgraph.breadth_first_order(graph, n, directed=True, return_predecessors=False)
    mask = np.zeros(n + 1, dtype=bool)
    mask[reached] = True
    return np.flatnonzero(~mask[:n])
