"""The small graphs the problem sets' hidden inputs are drawn on.

Every family is ``make(rng) -> (graph, description)``: it takes a
``numpy.random.Generator`` and returns the graph with its description in words, ending
with one line of networkx that rebuilds it, so a case's text always matches its data.
ps2 uses :data:`GRAPH_FAMILIES`, ps1 :data:`RANKING_FAMILIES` (two more whose node order
is not the label order), ps3 :data:`IC_FAMILIES` (one more, directed).
"""
from __future__ import annotations

import networkx as nx

from ..networks import poisson_network, scale_free_network, small_world_network

__all__ = ["GRAPH_FAMILIES", "RANKING_FAMILIES", "IC_FAMILIES", "random_graph"]


def _draw_seed(rng):
    return int(rng.integers(0, 10_000))


def _poisson(rng):
    n, z, s = int(rng.integers(10, 41)), round(float(rng.uniform(1.0, 5.0)), 1), _draw_seed(rng)
    return poisson_network(n, z, seed=s), (
        f"a Poisson random network with {n} nodes and mean degree {z} "
        f"(poisson_network({n}, {z}, seed={s}))"
    )


def _scale_free(rng):
    n, m, s = int(rng.integers(10, 41)), int(rng.integers(1, 4)), _draw_seed(rng)
    return scale_free_network(n, m, seed=s), (
        f"a scale-free network with {n} nodes, {m} new tie(s) per node "
        f"(scale_free_network({n}, {m}, seed={s}))"
    )


def _small_world(rng):
    n, k, s = int(rng.integers(10, 41)), int(rng.choice([2, 4, 6])), _draw_seed(rng)
    rewire = float(rng.choice([0.0, 0.1, 0.3]))
    return small_world_network(n, k, rewire, seed=s), (
        f"a small-world network with {n} nodes, {k} ring neighbours each, rewiring {rewire} "
        f"(small_world_network({n}, {k}, {rewire}, seed={s}))"
    )


def _path(rng):
    n = int(rng.integers(2, 16))
    return nx.path_graph(n), f"a path of {n} nodes 0 - 1 - ... - {n - 1} (nx.path_graph({n}))"


def _star(rng):
    leaves = int(rng.integers(2, 26))
    return nx.star_graph(leaves), (
        f"a star: hub 0 linked to {leaves} nodes 1 .. {leaves} (nx.star_graph({leaves}))"
    )


def _complete(rng):
    n = int(rng.integers(2, 11))
    return nx.complete_graph(n), f"a complete graph on {n} nodes, everyone linked (nx.complete_graph({n}))"


def _with_isolated_nodes(rng):
    G, text = _poisson(rng)
    extra = int(rng.integers(1, 4))
    n = G.number_of_nodes()
    G.add_nodes_from(range(n, n + extra))
    return G, f"{text} plus {extra} isolated node(s) {list(range(n, n + extra))} with no ties"


def _disconnected(rng):
    first, second = int(rng.integers(3, 10)), int(rng.integers(3, 10))
    G = nx.disjoint_union(nx.path_graph(first), nx.cycle_graph(second))
    return G, (
        f"two separate pieces: a path 0 .. {first - 1} and a ring {first} .. {first + second - 1} "
        f"(nx.disjoint_union(nx.path_graph({first}), nx.cycle_graph({second})))"
    )


def _named(rng):
    # Nodes need not be 0 .. n-1: a solution must use the labels it is given.
    G, text = _poisson(rng)
    G = nx.relabel_nodes(G, {v: f"p{v}" for v in G})
    return G, f"{text}, with node v renamed 'p<v>' (labels are text, like 'p0', 'p1')"


GRAPH_FAMILIES = {
    "poisson": _poisson,
    "scale-free": _scale_free,
    "small world": _small_world,
    "path": _path,
    "star": _star,
    "complete": _complete,
    "isolated nodes": _with_isolated_nodes,
    "disconnected": _disconnected,
    "text labels": _named,
}
"""Graph families by name: each is ``make(rng) -> (graph, description)``."""


def _shuffled(rng):
    # Integer labels listed in a random order: sorting by label is not graph order.
    G, text = GRAPH_FAMILIES["poisson"](rng)
    order = [int(v) for v in rng.permutation(len(G))]
    H = nx.Graph()
    H.add_nodes_from(order)
    H.add_edges_from(G.edges)
    return H, f"{text}, with its nodes listed in the order {order} (list(G) is not sorted)"


def _grid(rng):
    rows, cols = int(rng.integers(2, 6)), int(rng.integers(2, 6))
    return nx.grid_2d_graph(rows, cols), (
        f"a {rows} x {cols} grid; nodes are (row, column) pairs (nx.grid_2d_graph({rows}, {cols}))"
    )


RANKING_FAMILIES = {**GRAPH_FAMILIES, "shuffled order": _shuffled, "grid": _grid}
"""Graph families for ps1 by name: each is ``make(rng) -> (graph, description)``."""


def _directed(rng):
    n, s = int(rng.integers(5, 16)), int(rng.integers(0, 10_000))
    chance = round(float(rng.uniform(0.1, 0.35)), 2)
    G = nx.gnp_random_graph(n, chance, seed=s, directed=True)
    return G, (f"a directed random network with {n} nodes, each arc present with chance {chance} "
               f"(nx.gnp_random_graph({n}, {chance}, seed={s}, directed=True))")


IC_FAMILIES = {**GRAPH_FAMILIES, "directed": _directed}
"""The ps2 graph families plus a directed one."""


def random_graph(rng, family=None):
    """Draw a small graph from one of :data:`GRAPH_FAMILIES` (a random one if None).

    Returns
    -------
    (networkx.Graph, str)
        The graph and its description in words.

    Examples
    --------
    >>> import numpy as np
    >>> rng = np.random.default_rng(1)
    >>> G, text = random_graph(rng, "path")
    >>> text == f"a path of {len(G)} nodes 0 - 1 - ... - {len(G) - 1} (nx.path_graph({len(G)}))"
    True
    """
    if family is None:
        family = str(rng.choice(list(GRAPH_FAMILIES)))
    if family not in GRAPH_FAMILIES:
        raise ValueError(f"family must be one of {sorted(GRAPH_FAMILIES)}, got {family!r}")
    return GRAPH_FAMILIES[family](rng)
