"""Identification (Kelman 1958): listening privately to a valued reference group.

In the expressed–private model (:func:`~course_lib.opinions.expressed_private`) a
person's private opinion moves with what the people they listen to express. A person
who *identifies* with a group gives that group's expressed opinions a larger share of
their private listening; :func:`identify_with` builds the changed influence matrix.
Compliance, by contrast, lowers a person's resilience: it moves what they say, not the
weights of what they privately hear.
"""
from __future__ import annotations

import numpy as np

from .._validation import check_probability
from ._checks import check_agents, check_influence_matrix

__all__ = ["identify_with"]


def identify_with(W, agents, group, weight):
    """Influence matrix in which ``agents`` give a share ``weight`` of their listening to
    a reference ``group``.

    Each agent's row becomes ``(1 - weight) * W[i]`` plus ``weight`` split equally among
    the group's members other than the agent; the rows of everybody else are unchanged.
    Ties to the group need not exist before: a reference group can be people one reads
    but does not know.

    Parameters
    ----------
    W : array_like, shape (n, n)
        Row-stochastic influence matrix (``W[i, j]`` = weight ``i`` gives ``j``).
    agents : int or iterable of int
        Indices (0 to n-1) of the people who identify with the group.
    group : int or iterable of int
        Indices of the group's members.
    weight : float
        Share of the agents' listening that goes to the group, in [0, 1].

    Returns
    -------
    numpy.ndarray, shape (n, n)
        The new row-stochastic matrix (the input is not modified).

    Raises
    ------
    ValueError
        If an agent's group has no member other than the agent.

    Examples
    --------
    >>> identify_with([[0.5, 0.5, 0.0], [0.5, 0.5, 0.0], [0.0, 0.5, 0.5]], agents=0, group=[2],
    ...               weight=0.5).tolist()
    [[0.25, 0.25, 0.5], [0.5, 0.5, 0.0], [0.0, 0.5, 0.5]]

    References
    ----------
    .. [1] H. C. Kelman, "Compliance, identification, and internalization: three
       processes of attitude change", Journal of Conflict Resolution 2(1), 1958.
    """
    W = check_influence_matrix(W)
    n = W.shape[0]
    agents = check_agents(agents, n)
    group = check_agents(group, n, "group")
    weight = check_probability(weight, "weight")
    out = W.copy()
    for i in agents:
        members = group[group != i]
        if not len(members):
            raise ValueError(f"group must hold someone other than agent {i}, got {group.tolist()}")
        out[i] *= 1.0 - weight
        out[i, members] += weight / len(members)
    return out
