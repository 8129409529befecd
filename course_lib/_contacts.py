"""Who hears whom: neighbour sums on a network or on the complete graph, never built.

The diffusion and platform models step every consumer at once and need, per step, the
number (or share) of each consumer's contacts in some state. Both accept either a
network or a whole number ``n`` for the complete graph on ``n`` consumers, whose
neighbour sums are a total minus oneself: O(n) per step instead of O(n^2) edges.
"""
from __future__ import annotations

import numbers

import numpy as np
from scipy import sparse

from ._validation import check_integer
from .networks import CompiledNetwork, compile_network

__all__ = ["contacts_of", "contact_share"]


class _CompleteGraph:
    """Everyone is everyone's contact: neighbour sums are a total minus oneself."""

    def __init__(self, n):
        self.n = n
        self.nodes = tuple(range(n))
        self.index_of = {i: i for i in range(n)}
        self.degrees = np.full(n, n - 1, dtype=np.int64)

    def neighbour_sum(self, values):
        return values.sum() - values


class _Network:
    """A compiled network with a sparse adjacency matrix for neighbour sums."""

    def __init__(self, net):
        self.n, self.nodes, self.index_of, self.degrees = net.n, net.nodes, net.index_of, net.degrees
        data = np.ones(len(net.indices))
        self._adjacency = sparse.csr_array((data, net.indices, net.indptr), shape=(net.n, net.n))

    def neighbour_sum(self, values):
        return self._adjacency @ values


def contacts_of(G, name="G"):
    """The contact structure of ``G``: a whole number ``n`` (at least 2) is the complete
    graph on ``n`` consumers; otherwise an undirected networkx graph or CompiledNetwork."""
    if isinstance(G, numbers.Integral) and not isinstance(G, (bool, np.bool_)):
        return _CompleteGraph(check_integer(G, name, minimum=2))
    if not isinstance(G, CompiledNetwork) and not hasattr(G, "adj"):
        raise TypeError(
            f"{name} must be a whole number (the complete graph on that many consumers) or "
            f"a networkx graph / CompiledNetwork, not {type(G).__name__}"
        )
    return _Network(compile_network(G, allow_directed=False, name=name))


def contact_share(contacts, indicator):
    """Share of each consumer's contacts with ``indicator`` (0 for those without contacts)."""
    return contacts.neighbour_sum(indicator.astype(float)) / np.maximum(contacts.degrees, 1)
