"""Empowering consumers, two ways: make them harder to sway (lower susceptibility) or
make others listen to them more (amplify their voice).

Both raise the empowered agents' :func:`influence_centrality` in the Friedkin–Johnsen
model; amplifying a voice also raises DeGroot :func:`social_power`.
"""
from __future__ import annotations

import numpy as np

from .._validation import check_real
from ._checks import check_agents, check_fractions, check_influence_matrix

__all__ = ["lower_susceptibility", "amplify_voice"]


def lower_susceptibility(W, susceptibility, agents, amount):
    """Empowerment as independence: the ``agents`` discount others' opinions more.

    Each chosen agent's susceptibility drops by ``amount``, but not below 0; everyone
    else keeps theirs.

    Parameters
    ----------
    W : array_like, shape (n, n)
        Row-stochastic influence matrix (gives the number of agents and is checked).
    susceptibility : float or array_like, shape (n,)
        Current susceptibilities in [0, 1], one for everyone or one per agent.
    agents : int or iterable of int
        Indices (0 to n-1) of the empowered agents.
    amount : float
        How much to subtract, in [0, 1].

    Returns
    -------
    numpy.ndarray, shape (n,)
        The new susceptibilities (the input is not modified).

    Examples
    --------
    >>> lower_susceptibility([[0, 1], [1, 0]], 0.5, agents=[1], amount=0.25).tolist()
    [0.5, 0.25]
    >>> from course_lib.opinions import influence_centrality
    >>> influence_centrality([[0, 1], [1, 0]], [0.5, 0.25]).round(2).tolist()
    [0.36, 0.64]

    References
    ----------
    .. [1] M. Mourali and Z. Yang, "The dual role of power in resisting social
       influence", Journal of Consumer Research 40(3), 2013.
    """
    W = check_influence_matrix(W)
    n = W.shape[0]
    lam = check_fractions(susceptibility, n, "susceptibility").copy()
    idx = check_agents(agents, n)
    amount = check_real(amount, "amount", minimum=0.0, maximum=1.0)
    lam[idx] = np.maximum(lam[idx] - amount, 0.0)
    return lam


def amplify_voice(W, agents, factor):
    """Empowerment as voice: everybody else listens ``factor`` times more to ``agents``.

    In every row ``i``, the weights ``W[i, j]`` on the empowered agents ``j`` (other
    than ``i`` itself) are multiplied by ``factor``, and the row is divided by its new
    sum so it adds up to 1 again. Only existing ties grow: if ``W[i, j] = 0`` it stays 0.
    ``factor > 1`` amplifies, ``factor < 1`` muffles.

    Parameters
    ----------
    W : array_like, shape (n, n)
        Row-stochastic influence matrix.
    agents : int or iterable of int
        Indices (0 to n-1) of the empowered agents.
    factor : float
        Positive multiplier for the weight others give them.

    Returns
    -------
    numpy.ndarray, shape (n, n)
        The new row-stochastic matrix (the input is not modified).

    Examples
    --------
    >>> W = [[0.5, 0.5], [0.5, 0.5]]
    >>> amplify_voice(W, agents=1, factor=3).tolist()
    [[0.25, 0.75], [0.5, 0.5]]

    References
    ----------
    .. [1] M. Wu, "Do you empower or influence?", Lithium community analytics blog.
    """
    W = check_influence_matrix(W)
    n = W.shape[0]
    idx = check_agents(agents, n)
    factor = check_real(factor, "factor", minimum=0.0, strict_minimum=True)
    scale = np.ones((n, n))
    scale[:, idx] = factor
    scale[np.arange(n), np.arange(n)] = 1.0  # an agent's weight on themself is unchanged
    out = W * scale
    return out / out.sum(axis=1, keepdims=True)
