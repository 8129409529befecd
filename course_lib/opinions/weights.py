"""Influence matrices from a network."""
from __future__ import annotations

import numpy as np

from .._validation import check_probability
from ..networks import compile_network

__all__ = ["influence_weights"]


def influence_weights(G, self_weight=0.0):
    """Row-stochastic influence matrix of a network: listen equally to every neighbour.

    Rule: agent ``i`` keeps ``self_weight`` on their own opinion and splits the rest,
    ``1 - self_weight``, equally among their neighbours. An agent with no neighbours
    puts all weight on themself. Rows and columns follow the node order ``list(G)``.
    Edge attributes (such as ``weight``) are ignored.

    In a directed graph an edge ``u -> v`` means *u listens to v* (like "u follows v"):
    ``u``'s row spreads its weight over ``u``'s successors. Use ``G.reverse()`` if your
    edges point from speaker to listener.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        Simple graph without self-loops.
    self_weight : float
        Weight in [0, 1] each agent with neighbours gives to their own opinion. A
        positive value makes DeGroot averaging converge on any connected graph
        (without it, a bipartite graph such as a path makes opinions oscillate).

    Returns
    -------
    numpy.ndarray, shape (n, n)

    Examples
    --------
    >>> import networkx as nx
    >>> influence_weights(nx.path_graph(3)).tolist()
    [[0.0, 1.0, 0.0], [0.5, 0.0, 0.5], [0.0, 1.0, 0.0]]
    >>> influence_weights(nx.path_graph(3), self_weight=0.5).tolist()
    [[0.5, 0.5, 0.0], [0.25, 0.5, 0.25], [0.0, 0.5, 0.5]]
    """
    self_weight = check_probability(self_weight, "self_weight")
    net = compile_network(G)
    n = net.n
    degrees = net.degrees
    rows = np.repeat(np.arange(n), degrees)
    W = np.zeros((n, n))
    W[rows, net.indices] = ((1.0 - self_weight) / np.maximum(degrees, 1))[rows]
    W[np.arange(n), np.arange(n)] = np.where(degrees > 0, self_weight, 1.0)
    return W
