"""DeGroot (1974) averaging: everyone repeatedly adopts a weighted average of the
opinions they listen to, x(t+1) = W x(t)."""
from __future__ import annotations

import numpy as np

from .._validation import check_integer
from ._checks import check_influence_matrix, check_opinions, closed_groups, period, show_agents
from ._results import OpinionTrajectory

__all__ = ["degroot", "degroot_consensus", "social_power"]


def degroot(W, x0, steps):
    """Run DeGroot averaging for ``steps`` updates.

    Every agent replaces their opinion by the weighted average of the opinions they
    listen to: ``x_i(t+1) = sum_j W[i, j] x_j(t)``, all agents at once.

    Parameters
    ----------
    W : array_like, shape (n, n)
        Row-stochastic influence matrix: ``W[i, j] >= 0`` is the weight agent ``i``
        gives to agent ``j``; each row sums to 1 (within 1e-9). See
        :func:`influence_weights` to build one from a network.
    x0 : array_like, shape (n,)
        Initial opinions (any real numbers, e.g. on a 0-1 scale).
    steps : int
        Number of updates (0 or more).

    Returns
    -------
    OpinionTrajectory
        ``.trajectory`` has shape ``(steps + 1, n)``; ``.to_frame()`` gives a tidy table.

    Examples
    --------
    >>> W = [[0.5, 0.5], [0.25, 0.75]]
    >>> result = degroot(W, [0.0, 1.0], steps=2)
    >>> result.trajectory.tolist()
    [[0.0, 1.0], [0.5, 0.75], [0.625, 0.6875]]
    >>> result.to_frame().head(2)
       step  agent  opinion
    0     0      0      0.0
    1     0      1      1.0

    References
    ----------
    .. [1] M. H. DeGroot, "Reaching a consensus", Journal of the American Statistical
       Association 69(345), 1974.
    """
    W = check_influence_matrix(W)
    x = check_opinions(x0, W.shape[0])
    steps = check_integer(steps, "steps", minimum=0)
    trajectory = np.empty((steps + 1, W.shape[0]))
    trajectory[0] = x
    for t in range(steps):
        trajectory[t + 1] = W @ trajectory[t]
    return OpinionTrajectory(trajectory, "degroot")


def _check_converges(W, name="W"):
    """Return the one closed group of ``W`` after checking DeGroot reaches a consensus."""
    groups = closed_groups(W)
    if len(groups) > 1:
        listed = "; ".join(show_agents(g) for g in groups[:3])
        more = f" and {len(groups) - 3} more" if len(groups) > 3 else ""
        raise ValueError(
            f"{name} has {len(groups)} groups of agents who listen only to one another "
            f"({listed}{more}). Each group settles on its own opinion, so there is no single "
            f"consensus. Connect the groups (a strongly connected network has one group), "
            f"or run degroot({name}, x0, steps) to watch the separate limits."
        )
    group = groups[0]
    p = period(W, group)
    if p > 1:
        raise ValueError(
            f"{name} is periodic (period {p}) among agents {show_agents(group)}: opinions "
            f"keep cycling through {p} states instead of settling, so there is no consensus "
            f"value. Give agents some weight on their own opinion, e.g. "
            f"influence_weights(G, self_weight=0.1), to make {name} aperiodic."
        )
    return group


def _stationary(W, group):
    """Left eigenvector of ``W`` for eigenvalue 1, summing to 1, zero outside ``group``."""
    sub = W[np.ix_(group, group)]
    m = len(group)
    # pi (sub - I) = 0 has a one-dimensional solution space for an irreducible sub;
    # replace the last equation by sum(pi) = 1 to pick the normalised solution.
    A = (sub - np.eye(m)).T
    A[-1, :] = 1.0
    b = np.zeros(m)
    b[-1] = 1.0
    pi_group = np.clip(np.linalg.solve(A, b), 0.0, None)
    pi = np.zeros(W.shape[0])
    pi[group] = pi_group / pi_group.sum()
    return pi


def social_power(W):
    """Each agent's weight in the DeGroot consensus (their *social power*).

    The consensus is ``sum_i p_i x0_i`` where ``p`` is the left eigenvector of ``W`` for
    eigenvalue 1 (``p W = p``), normalised to sum to 1: the stationary distribution of
    the Markov chain with transition matrix ``W``. Agents outside the one closed group
    (who listen to it but are not listened to back) have power 0.

    Parameters
    ----------
    W : array_like, shape (n, n)
        Row-stochastic influence matrix (see :func:`degroot`).

    Returns
    -------
    numpy.ndarray, shape (n,)
        Nonnegative weights summing to 1.

    Raises
    ------
    ValueError
        If DeGroot averaging on ``W`` does not reach a consensus for every ``x0``:
        either ``W`` has several groups who listen only to one another (each reaches
        its own value), or the listening graph is periodic (opinions cycle forever).
        A strongly connected ``W`` with a positive diagonal entry always converges.

    Examples
    --------
    Agent 0 listens half to agent 1, agent 1 only a quarter to agent 0, so agent 1
    has twice agent 0's power:

    >>> social_power([[0.5, 0.5], [0.25, 0.75]]).round(4).tolist()
    [0.3333, 0.6667]

    References
    ----------
    .. [1] M. H. DeGroot, "Reaching a consensus", JASA 69(345), 1974.
    .. [2] M. O. Jackson, *Social and Economic Networks*, Princeton University Press,
       2008, ch. 8.
    """
    W = check_influence_matrix(W)
    return _stationary(W, _check_converges(W))


def degroot_consensus(W, x0):
    """The opinion everybody ends up sharing under DeGroot averaging.

    Equal to ``social_power(W) @ x0``: the limit of ``W^t x0`` as ``t`` grows, which
    exists and is the same for everyone when ``W`` has exactly one group of agents who
    listen only to one another and that group is aperiodic (true for a strongly
    connected ``W`` with at least one positive diagonal entry).

    Parameters
    ----------
    W : array_like, shape (n, n)
        Row-stochastic influence matrix (see :func:`degroot`).
    x0 : array_like, shape (n,)
        Initial opinions.

    Returns
    -------
    float

    Raises
    ------
    ValueError
        If there is no consensus (see :func:`social_power`).

    Examples
    --------
    >>> degroot_consensus([[0.5, 0.5], [0.25, 0.75]], [0.0, 1.0])
    0.6666666666666666

    A two-agent swap, each listening only to the other, never settles:

    >>> degroot_consensus([[0, 1], [1, 0]], [0.0, 1.0])
    Traceback (most recent call last):
    ...
    ValueError: W is periodic (period 2) ...
    """
    W = check_influence_matrix(W)
    x = check_opinions(x0, W.shape[0])
    return float(_stationary(W, _check_converges(W)) @ x)
