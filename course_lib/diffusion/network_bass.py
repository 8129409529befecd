"""The Bass model simulated on a consumer network, in synchronous steps.

Each step, every consumer who has not adopted adopts with probability

    min(1, p + q * a),

``a`` the share of their contacts who had adopted at the start of the step (a
consumer without contacts feels ``p`` only). ``p`` is the company's direct influence,
the same for everyone; ``q`` the word of mouth of adopters, which reaches only their
contacts. Nobody un-adopts. On the complete graph ``a = A / (n - 1)`` for everyone
who has not adopted (``A`` adopters), so for large ``n`` the adopted share follows the
recursion :func:`course_lib.diffusion.bass_discrete` up to Monte Carlo error of order
``sqrt(F (1 - F) / n)``. On a sparse network word of mouth is local: a non-adopter
whose contacts have not adopted feels only ``p``, so adoption takes off later than in
the well-mixed market.

Draws: one uniform per consumer per step, drawn for every consumer (adopters
included) in the graph's node order, so the same seed gives the same run on
``networkx.complete_graph(n)`` and in :func:`simulate_bass_complete`.
"""
from __future__ import annotations

import numbers
from dataclasses import dataclass, field

import numpy as np

from .._validation import as_rng, check_integer
from .._contacts import _CompleteGraph, contact_share, contacts_of  # noqa: F401  (continuum uses them)
from ..networks import node_indices
from .bass import check_bass_parameters

__all__ = ["BassRun", "simulate_bass", "simulate_bass_complete"]


@dataclass(frozen=True, eq=False)
class BassRun:
    """Trajectory of one simulated Bass diffusion.

    Every series has ``steps + 1`` values: step 0 is the start (the initial adopters),
    then one value after each step.

    Attributes
    ----------
    adopted : numpy.ndarray of float
        Cumulative share of consumers who have adopted.
    new_adopters : numpy.ndarray of int
        Consumers who adopted in the step (at step 0: the initial adopters).
    adoption_step : numpy.ndarray of int
        For each consumer (in the graph's node order), the step at which they adopted:
        0 for initial adopters, -1 for those who never did.
    n : int
        Number of consumers.
    p : float
        Coefficient of innovation (direct influence).
    q : float
        Coefficient of imitation (word of mouth).
    nodes : tuple
        Node labels, in the order of ``adoption_step``.
    """

    adopted: np.ndarray
    new_adopters: np.ndarray
    adoption_step: np.ndarray
    n: int
    p: float
    q: float
    nodes: tuple = field(repr=False)

    @property
    def steps(self):
        """Number of steps simulated."""
        return len(self.adopted) - 1

    def to_frame(self):
        """Tidy table, one row per step: ``step``, ``adopted`` (share), ``new`` (count)."""
        import pandas as pd

        return pd.DataFrame({
            "step": np.arange(self.steps + 1),
            "adopted": self.adopted,
            "new": self.new_adopters,
        })


def _run(contacts, p, q, steps, seed, initial_adopters):
    p, q = check_bass_parameters(p, q)
    steps = check_integer(steps, "steps", minimum=1)
    rng = as_rng(seed)
    n = contacts.n
    adopted = np.zeros(n, dtype=bool)
    if initial_adopters is not None:
        adopted[node_indices(contacts, initial_adopters, "initial_adopters")] = True
    adoption_step = np.where(adopted, 0, -1).astype(np.int64)
    new = np.zeros(steps + 1, dtype=np.int64)
    new[0] = adopted.sum()
    for t in range(1, steps + 1):
        u = rng.random(n)
        chance = np.minimum(1.0, p + q * contact_share(contacts, adopted))
        now = ~adopted & (u < chance)
        adopted |= now
        adoption_step[now] = t
        new[t] = now.sum()
    share = np.cumsum(new) / n
    for array in (share, new, adoption_step):
        array.setflags(write=False)
    return BassRun(adopted=share, new_adopters=new, adoption_step=adoption_step, n=n, p=p, q=q,
                   nodes=contacts.nodes)


def simulate_bass(G, p, q, steps, *, seed=None, initial_adopters=None):
    """Simulate the Bass model on a network in synchronous steps.

    Each step every non-adopter adopts with probability ``min(1, p + q * a)``, ``a``
    the share of their contacts who had adopted at the start of the step (``p`` alone
    for a consumer without contacts); the rule and the draws are in the module
    docstring of :mod:`course_lib.diffusion.network_bass`.

    Parameters
    ----------
    G : networkx.Graph or CompiledNetwork
        The consumer network (undirected).
    p : float
        Probability per step of adopting by innovation (the company's direct
        influence), in [0, 1].
    q : float
        Coefficient of imitation (word of mouth), at least 0; ``p + q > 0``.
    steps : int
        Number of steps, at least 1.
    seed : None, int or numpy.random.Generator
        Random seed; the same seed gives the same run.
    initial_adopters : iterable of nodes, optional
        Consumers who have adopted at step 0 (node labels). Default: nobody.

    Returns
    -------
    BassRun

    Raises
    ------
    TypeError
        If ``G`` is not a graph (a whole number is refused: use
        :func:`simulate_bass_complete`).
    ValueError
        If a parameter is out of range, naming it.

    Examples
    --------
    >>> import networkx as nx
    >>> run = simulate_bass(nx.watts_strogatz_graph(500, 4, 0.1, seed=1), 0.02, 0.4, 60, seed=1)
    >>> float(run.adopted[0]), bool(run.adopted[-1] > 0.95)
    (0.0, True)
    >>> int(run.new_adopters.sum()) == int((run.adoption_step >= 0).sum())
    True

    References
    ----------
    .. [1] F. M. Bass, "A new product growth for model consumer durables",
       Management Science 15(5), 215-227, 1969.
    """
    if isinstance(G, numbers.Integral):
        raise TypeError("G must be a networkx graph or a CompiledNetwork; for the complete "
                        "graph on n consumers use simulate_bass_complete(n, ...)")
    return _run(contacts_of(G), p, q, steps, seed, initial_adopters)


def simulate_bass_complete(n, p, q, steps, *, seed=None, initial_adopters=None):
    """Simulate the Bass model on the complete graph on ``n`` consumers, without
    building it.

    Everyone is everyone's contact: a non-adopter's share of adopting contacts is
    ``A / (n - 1)``, ``A`` the adopters at the start of the step. For large ``n`` the
    adopted share follows :func:`course_lib.diffusion.bass_discrete` (with ``initial``
    the initial share) up to Monte Carlo error of order ``sqrt(F (1 - F) / n)``. The
    same seed gives the same run as :func:`simulate_bass` on
    ``networkx.complete_graph(n)``.

    Parameters
    ----------
    n : int
        Number of consumers, at least 2.
    p : float
        Probability per step of adopting by innovation, in [0, 1].
    q : float
        Coefficient of imitation, at least 0; ``p + q > 0``.
    steps : int
        Number of steps, at least 1.
    seed : None, int or numpy.random.Generator
        Random seed; the same seed gives the same run.
    initial_adopters : iterable of int, optional
        Consumers (labels ``0 .. n-1``) who have adopted at step 0. Default: nobody.

    Returns
    -------
    BassRun

    Raises
    ------
    TypeError
        If ``n`` is not a whole number.
    ValueError
        If a parameter is out of range, naming it.

    Examples
    --------
    >>> from course_lib.diffusion import bass_discrete
    >>> run = simulate_bass_complete(100_000, 0.03, 0.38, 10, seed=1)
    >>> theory = bass_discrete(10, 0.03, 0.38)
    >>> bool(abs(run.adopted - theory).max() < 0.01)
    True

    References
    ----------
    .. [1] F. M. Bass, "A new product growth for model consumer durables",
       Management Science 15(5), 215-227, 1969.
    """
    if not isinstance(n, numbers.Integral) or isinstance(n, (bool, np.bool_)):
        raise TypeError(f"n must be a whole number of consumers, not {type(n).__name__} ({n!r})")
    if n < 2:
        raise ValueError(f"n must be at least 2 (consumers in the market), got {n}")
    return _run(_CompleteGraph(int(n)), p, q, steps, seed, initial_adopters)
