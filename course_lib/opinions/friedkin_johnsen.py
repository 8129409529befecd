"""Friedkin–Johnsen (1990) opinions with per-agent susceptibility.

Each agent mixes the average of the opinions they listen to with their own initial
opinion: ``x(t+1) = Λ W x(t) + (I - Λ) x0`` with ``Λ = diag(susceptibility)``.
Susceptibility 1 is a pure DeGroot averager; susceptibility 0 never moves.
"""
from __future__ import annotations

import numpy as np

from .._guard import reference
from .._validation import check_integer
from ._checks import (
    check_fractions,
    check_influence_matrix,
    check_opinions,
    closed_groups,
    show_agents,
)
from ._results import OpinionTrajectory

__all__ = [
    "friedkin_johnsen",
    "friedkin_johnsen_step",
    "friedkin_johnsen_equilibrium",
    "influence_matrix",
    "influence_centrality",
]


def _require_unique_equilibrium(W, lam):
    """Raise unless the spectral radius of ΛW is below 1.

    ΛW has row sums ``lam`` (W is row-stochastic), so its spectral radius is below 1
    exactly when every agent is led, by whom they listen to, to someone with
    susceptibility below 1. Every agent leads to a closed group (agents who listen only
    to one another), so it suffices that each closed group holds such an agent. This
    test is exact: it needs no eigenvalues and no tolerance.
    """
    for group in closed_groups(W):
        if np.all(lam[group] == 1.0):
            everyone = len(group) == W.shape[0]
            who = "every agent" if everyone else f"agents {show_agents(group)}"
            raise ValueError(
                f"No unique Friedkin-Johnsen equilibrium: {who} "
                f"{'has' if everyone else 'listen only to one another and have'} "
                f"susceptibility 1, so nobody {'' if everyone else 'there '}keeps any weight "
                f"on their initial opinion. Then the spectral radius of diag(susceptibility) @ W "
                f"is 1, I - diag(susceptibility) @ W cannot be inverted, and those agents just "
                f"average as in DeGroot's model (see degroot_consensus). Lower the "
                f"susceptibility of at least one of them below 1, or change W so they "
                f"listen to someone less susceptible."
            )


def _prepare(W, susceptibility):
    W = check_influence_matrix(W)
    return W, check_fractions(susceptibility, W.shape[0], "susceptibility")


@reference
def friedkin_johnsen(W, x0, susceptibility, steps):
    """Run the Friedkin–Johnsen model for ``steps`` updates, starting from ``x0``.

    ``x_i(t+1) = s_i sum_j W[i, j] x_j(t) + (1 - s_i) x0_i`` for every agent at once,
    where ``s_i`` is agent ``i``'s susceptibility to influence.

    Parameters
    ----------
    W : array_like, shape (n, n)
        Row-stochastic influence matrix: ``W[i, j] >= 0`` is the weight agent ``i``
        gives to agent ``j``; rows sum to 1 (within 1e-9).
    x0 : array_like, shape (n,)
        Initial (innate) opinions, to which agents stay anchored.
    susceptibility : float or array_like, shape (n,)
        One value in [0, 1] for everyone or one per agent. 1 = only listens to others
        (DeGroot), 0 = keeps ``x0`` (fully stubborn).
    steps : int
        Number of updates (0 or more).

    Returns
    -------
    OpinionTrajectory
        ``.trajectory`` has shape ``(steps + 1, n)``; ``.to_frame()`` gives a tidy table.

    Examples
    --------
    Two agents who listen only to each other, each half susceptible:

    >>> W = [[0, 1], [1, 0]]
    >>> result = friedkin_johnsen(W, [0.0, 1.0], 0.5, steps=3)
    >>> result.trajectory.tolist()
    [[0.0, 1.0], [0.5, 0.5], [0.25, 0.75], [0.375, 0.625]]
    >>> friedkin_johnsen_equilibrium(W, [0.0, 1.0], 0.5).round(4).tolist()
    [0.3333, 0.6667]

    References
    ----------
    .. [1] N. E. Friedkin and E. C. Johnsen, "Social influence and opinions",
       Journal of Mathematical Sociology 15(3-4), 1990.
    """
    W, lam = _prepare(W, susceptibility)
    x0 = check_opinions(x0, W.shape[0])
    steps = check_integer(steps, "steps", minimum=0)
    trajectory = np.empty((steps + 1, W.shape[0]))
    trajectory[0] = x0
    anchor = (1.0 - lam) * x0
    for t in range(steps):
        trajectory[t + 1] = lam * (W @ trajectory[t]) + anchor
    return OpinionTrajectory(trajectory, "friedkin_johnsen")


@reference
def friedkin_johnsen_step(W, x, x0, susceptibility):
    """One Friedkin–Johnsen update: ``Λ W x + (I - Λ) x0`` with ``Λ = diag(susceptibility)``.

    Parameters
    ----------
    W : array_like, shape (n, n)
        Row-stochastic influence matrix.
    x : array_like, shape (n,)
        Current opinions.
    x0 : array_like, shape (n,)
        Initial opinions.
    susceptibility : float or array_like, shape (n,)
        Values in [0, 1], one for everyone or one per agent.

    Returns
    -------
    numpy.ndarray, shape (n,)
        The opinions after one update.

    Examples
    --------
    Agent 0 is fully susceptible and takes agent 1's opinion; agent 1 is fully
    stubborn and returns to their initial opinion:

    >>> friedkin_johnsen_step([[0, 1], [1, 0]], [0.2, 0.6], [0.0, 1.0], [1.0, 0.0]).tolist()
    [0.6, 1.0]

    References
    ----------
    .. [1] N. E. Friedkin and E. C. Johnsen, "Social influence and opinions",
       Journal of Mathematical Sociology 15(3-4), 1990.
    """
    W, lam = _prepare(W, susceptibility)
    x = check_opinions(x, W.shape[0], "x")
    x0 = check_opinions(x0, W.shape[0], "x0")
    return lam * (W @ x) + (1.0 - lam) * x0


@reference
def friedkin_johnsen_equilibrium(W, x0, susceptibility):
    """Where Friedkin–Johnsen opinions settle: ``x* = (I - Λ W)^{-1} (I - Λ) x0``.

    The equilibrium exists, is unique and is the limit from any start exactly when the
    spectral radius of ``Λ W`` is below 1, which holds when every agent listens,
    directly or through others, to someone with susceptibility below 1. The check is
    done on the network (exact, no eigenvalues); ``x*`` is found by solving
    ``(I - Λ W) x* = (I - Λ) x0``.

    Parameters
    ----------
    W : array_like, shape (n, n)
        Row-stochastic influence matrix.
    x0 : array_like, shape (n,)
        Initial opinions.
    susceptibility : float or array_like, shape (n,)
        Values in [0, 1], one for everyone or one per agent.

    Returns
    -------
    numpy.ndarray, shape (n,)
        Equilibrium opinions; each is a weighted average of the initial opinions
        (``influence_matrix(W, susceptibility) @ x0``), so it lies between ``min(x0)``
        and ``max(x0)``.

    Raises
    ------
    ValueError
        If there is no unique equilibrium: some group of agents who listen only to one
        another are all fully susceptible (for example everybody has susceptibility 1,
        which is DeGroot's model).

    Examples
    --------
    On a path of three friends, one fully stubborn agent among fully susceptible ones
    wins everybody over; if everyone is fully susceptible there is no unique answer:

    >>> W = [[0.5, 0.5, 0.0], [0.25, 0.5, 0.25], [0.0, 0.5, 0.5]]
    >>> friedkin_johnsen_equilibrium(W, [0.0, 0.5, 1.0], [0.0, 1.0, 1.0]).tolist()
    [0.0, 0.0, 0.0]
    >>> friedkin_johnsen_equilibrium(W, [0.0, 0.5, 1.0], 1.0)
    Traceback (most recent call last):
    ...
    ValueError: No unique Friedkin-Johnsen equilibrium: every agent has susceptibility 1, ...

    References
    ----------
    .. [1] N. E. Friedkin and E. C. Johnsen, "Social influence and opinions",
       Journal of Mathematical Sociology 15(3-4), 1990.
    .. [2] A. V. Proskurnikov and R. Tempo, "A tutorial on modeling and analysis of
       dynamic social networks. Part I", Annual Reviews in Control 43, 2017.
    """
    W, lam = _prepare(W, susceptibility)
    x0 = check_opinions(x0, W.shape[0])
    _require_unique_equilibrium(W, lam)
    n = W.shape[0]
    return np.linalg.solve(np.eye(n) - lam[:, None] * W, (1.0 - lam) * x0)


@reference
def influence_matrix(W, susceptibility):
    """Total influence of each initial opinion on each final one:
    ``V = (I - Λ W)^{-1} (I - Λ)``, so that ``x* = V x0``.

    ``V[i, j]`` is the share of agent ``j``'s initial opinion in agent ``i``'s
    equilibrium opinion, counting every chain of influence ``i <- ... <- j``. Entries
    are nonnegative and every row sums to 1 (tiny negative rounding errors are set to 0).

    Parameters
    ----------
    W : array_like, shape (n, n)
        Row-stochastic influence matrix.
    susceptibility : float or array_like, shape (n,)
        Values in [0, 1], one for everyone or one per agent.

    Returns
    -------
    numpy.ndarray, shape (n, n)

    Raises
    ------
    ValueError
        If there is no unique equilibrium (see :func:`friedkin_johnsen_equilibrium`).

    Examples
    --------
    >>> influence_matrix([[0, 1], [1, 0]], 0.5).round(4).tolist()
    [[0.6667, 0.3333], [0.3333, 0.6667]]

    References
    ----------
    .. [1] N. E. Friedkin and E. C. Johnsen, *Social Influence Network Theory*,
       Cambridge University Press, 2011.
    """
    W, lam = _prepare(W, susceptibility)
    _require_unique_equilibrium(W, lam)
    n = W.shape[0]
    V = np.linalg.solve(np.eye(n) - lam[:, None] * W, np.diag(1.0 - lam))
    return np.clip(V, 0.0, None)


@reference
def influence_centrality(W, susceptibility):
    """Each agent's average share in everybody's equilibrium opinion: the column means
    of :func:`influence_matrix`.

    The values are nonnegative and sum to 1; the mean equilibrium opinion is
    ``influence_centrality(W, s) @ x0``.

    Parameters
    ----------
    W : array_like, shape (n, n)
        Row-stochastic influence matrix.
    susceptibility : float or array_like, shape (n,)
        Values in [0, 1], one for everyone or one per agent.

    Returns
    -------
    numpy.ndarray, shape (n,)

    Examples
    --------
    The less susceptible agent 1 shapes the outcome more:

    >>> influence_centrality([[0, 1], [1, 0]], [0.5, 0.25]).round(4).tolist()
    [0.3571, 0.6429]

    References
    ----------
    .. [1] N. E. Friedkin and E. C. Johnsen, *Social Influence Network Theory*,
       Cambridge University Press, 2011.
    """
    return influence_matrix(W, susceptibility).mean(axis=0)
