"""Checks and generated inputs for ps3 (seeding a word-of-mouth campaign).

Three checks, one per part of the problem set:

* :func:`check_ic_with_coins`: the independent cascade with its coin flips given, so
  the answer is exact. ``coins`` maps every arc ``(u, v)`` (both directions of an
  undirected tie) to a number in [0, 1]; the arc is live when ``coin <= p``. The
  reference is :func:`course_lib.cascades.independent_cascade` with the same coins in
  its compiled arc order (:func:`coins_in_arc_order` does the conversion).
* :func:`check_spread_estimate`: a Monte Carlo estimate ``(mean, stderr)`` of the
  expected spread, compared with the exact distribution of the spread on tiny graphs
  (every live-edge world enumerated, :func:`exact_spread`). The mean must lie within
  :data:`SPREAD_Z` standard errors of the exact value, and the standard error must
  match the exact one within :data:`SPREAD_Z` times its own sampling error.
* :func:`check_greedy_over_worlds`: greedy seed selection on a fixed list of
  live-edge worlds, exact; ties go to the node listed first in ``G``.

The two references written here, :func:`exact_spread` and
:func:`reference_greedy_over_worlds`, are locked during a check like the library's own.
"""
from __future__ import annotations

import math
import numbers

import networkx as nx
import numpy as np

from .._guard import reference
from ..cascades import LiveEdgeWorlds, independent_cascade, sample_live_edge_worlds
from ..cascades.independent import arc_sources
from ..networks import compile_network
from .cascades import random_seeds
from .graphs import IC_FAMILIES
from .core import (
    SHOW_FAILURES,
    Case,
    _node_set_difference,
    check_against_reference,
    describe_node_set,
    describe_value,
    same_node_set,
)

__all__ = [
    "check_ic_with_coins",
    "check_spread_estimate",
    "check_greedy_over_worlds",
    "coins_in_arc_order",
    "exact_spread",
    "SpreadStats",
    "reference_greedy_over_worlds",
    "ic_coin_cases",
    "ic_coin_edge_cases",
    "spread_cases",
    "greedy_cases",
    "greedy_edge_cases",
    "SPREAD_Z",
]

#: How many standard errors a Monte Carlo answer may miss by. A correct estimate falls
#: further out about once in 1.7 million checks (normal approximation).
SPREAD_Z = 5.0


def _arcs(G):
    """Every arc (u, v) of G: both directions of an undirected tie."""
    return list(G.edges) if G.is_directed() else [a for u, v in G.edges for a in ((u, v), (v, u))]


def _describe_coins(coins):
    live_text = ", ".join(f"{u!r}->{v!r}: {c}" for (u, v), c in list(coins.items())[:8])
    more = f", ... ({len(coins)} arcs)" if len(coins) > 8 else ""
    return "{" + live_text + more + "}"


# ---------------------------------------------------------------------------
# Part A: independent cascade with given coins


def coins_in_arc_order(G, coins):
    """The dict ``{(u, v): coin}`` as an array in the compiled arc order that
    :func:`course_lib.cascades.independent_cascade` expects: arc ``e`` goes from
    ``arc_sources(net)[e]`` to ``net.indices[e]`` with ``net = compile_network(G)``.

    Examples
    --------
    >>> coins_in_arc_order(nx.path_graph(3), {(0, 1): 0.1, (1, 0): 0.2, (1, 2): 0.3, (2, 1): 0.4}).tolist()
    [0.1, 0.2, 0.3, 0.4]
    """
    net = compile_network(G)
    sources, targets = net.labels(arc_sources(net)), net.labels(net.indices)
    return np.array([coins[(u, v)] for u, v in zip(sources, targets)], dtype=float)


def _reference_ic(G, seeds, p, coins):
    return set(independent_cascade(G, seeds, p, coins=coins_in_arc_order(G, coins)).active)


def check_ic_with_coins(student_fn, cases, *, show=SHOW_FAILURES):
    """Check a student's ``ic_with_coins(G, seeds, p, coins) -> set``.

    Examples
    --------
    >>> check_ic_with_coins(lambda G, seeds, p, coins: set(seeds), ic_coin_edge_cases()[:1])
    Traceback (most recent call last):
    ...
    AssertionError: <lambda> gave a wrong answer for 1 of 1 input...
    """
    check_against_reference(
        student_fn, _reference_ic, cases, compare=same_node_set,
        describe=describe_node_set, explain=_node_set_difference, show=show,
    )


def _coin(rng, p):
    # Two decimals, and now and then exactly p: an arc with coin == p is live.
    return p if rng.random() < 0.1 else round(float(rng.uniform(0, 1)), 2)


def ic_coin_cases(count, seed, *, families=None):
    """``count`` inputs ``(G, seeds, p, coins)`` for ``ic_with_coins``, cycling through
    :data:`IC_FAMILIES`; ``p`` has two decimals and about one coin in ten equals it.

    Examples
    --------
    >>> G, seeds, p, coins = ic_coin_cases(1, seed=0)[0].args
    >>> len(coins) == 2 * G.number_of_edges() and all(0 <= c <= 1 for c in coins.values())
    True
    """
    rng = np.random.default_rng(seed)
    chosen = list(IC_FAMILIES) if families is None else list(families)
    options = "" if families is None else f", families={chosen!r}"
    cases = []
    for i in range(count):
        G, graph_text = IC_FAMILIES[chosen[i % len(chosen)]](rng)
        p = round(float(rng.choice([0.1, 0.2, 0.3, 0.5, 0.7, 0.9, float(rng.uniform(0, 1))])), 2)
        coins = {arc: _coin(rng, p) for arc in _arcs(G)}
        seeds, seed_text = random_seeds(G, rng, size=int(rng.choice([0, 1, 1, 2, 3])))
        cases.append(Case(
            (G, seeds, p, coins),
            description=f"{graph_text}; p = {p}; {seed_text}; coins {_describe_coins(coins)}",
            recipe=f"case = grading.ic_coin_cases({count}, seed={seed}{options})[{i}]",
        ))
    return cases


def ic_coin_edge_cases():
    """Hand-made inputs: a coin exactly equal to ``p``, a tie live in one direction
    only, a seed listed twice, no seeds, a node without ties, ``p = 1`` and ``p = 0``.

    Examples
    --------
    >>> len(ic_coin_edge_cases())
    7
    """
    path = nx.path_graph(4)
    both = {(0, 1): 0.3, (1, 0): 0.9, (1, 2): 0.3, (2, 1): 0.3, (2, 3): 0.31, (3, 2): 0.0}
    one_way = nx.path_graph(3)
    one_way_coins = {(0, 1): 0.8, (1, 0): 0.1, (1, 2): 0.1, (2, 1): 0.8}
    loner = nx.path_graph(3)
    loner.add_node(3)
    loner_coins = {arc: 0.0 for arc in _arcs(loner)}
    ring = nx.cycle_graph(5)
    ring_coins = {arc: 0.5 for arc in _arcs(ring)}
    chain = nx.DiGraph([("a", "b"), ("b", "c"), ("c", "a")])
    specs = [
        (path, [0], 0.3, both,
         "a path 0 - 1 - 2 - 3; p = 0.3; seeds [0]; coins 0->1: 0.3, 1->2: 0.3, 2->3: 0.31 "
         "(a coin equal to p is live, 0.31 is not)"),
        (one_way, [2], 0.5, one_way_coins,
         "a path 0 - 1 - 2; p = 0.5; seeds [2]; 2->1 has coin 0.8 (not live) though 1->2 has 0.1: "
         "a tie can be live in one direction only"),
        (one_way, [0, 0], 0.5, one_way_coins,
         "a path 0 - 1 - 2; p = 0.5; seeds [0, 0] (the same seed twice); coins 0->1: 0.8"),
        (ring, [], 0.9, ring_coins, "a ring of 5 nodes; p = 0.9; no seeds: nobody is active"),
        (loner, [3], 1.0, loner_coins,
         "a path 0 - 1 - 2 and a node 3 without ties; p = 1; seeds [3]: only node 3"),
        (ring, [0], 0.0, {**ring_coins, (0, 1): 0.0},
         "a ring of 5 nodes; p = 0; seeds [0]; every coin 0.5 except 0->1, which is 0.0: "
         "coin <= p makes that arc live"),
        (chain, ["b"], 0.5, {("a", "b"): 0.1, ("b", "c"): 0.1, ("c", "a"): 0.1},
         "a directed ring a -> b -> c -> a; p = 0.5; seeds ['b']; every coin 0.1: "
         "the cascade follows the arrows all the way round"),
    ]
    return [
        Case((G, seeds, p, coins), description=text, recipe=f"case = grading.ic_coin_edge_cases()[{i}]")
        for i, (G, seeds, p, coins, text) in enumerate(specs)
    ]


# ---------------------------------------------------------------------------
# Part B: Monte Carlo spread and its standard error


class SpreadStats(tuple):
    """Exact distribution summary of the spread: ``(mean, sd, kurtosis)``, plus the
    ``runs`` of the estimate being checked."""

    def __new__(cls, mean, sd, kurtosis, runs):
        return super().__new__(cls, (mean, sd, kurtosis, runs))

    mean = property(lambda self: self[0])
    sd = property(lambda self: self[1])
    kurtosis = property(lambda self: self[2])
    runs = property(lambda self: self[3])

    @property
    def stderr(self):
        return self.sd / math.sqrt(self.runs)

    def __repr__(self):
        return (f"mean {self.mean:.4f} (exact), standard error {self.stderr:.4f} "
                f"for {self.runs} runs")


MAX_EXACT_ARCS = 18


@reference
def exact_spread(G, seeds, p):
    """The exact distribution of the IC spread, by enumerating every live-edge world.

    Returns
    -------
    (mean, sd, kurtosis) of the number of active nodes; kurtosis is ``nan`` when
    ``sd`` is 0.

    Examples
    --------
    >>> [round(v, 4) for v in exact_spread(nx.path_graph(3), [0], 0.5)[:2]]   # 1 + 1/2 + 1/4
    [1.75, 0.8292]
    """
    arcs = _arcs(G)
    if len(arcs) > MAX_EXACT_ARCS:
        raise ValueError(f"exact_spread enumerates 2**arcs worlds; {len(arcs)} arcs is too many")
    index = {v: i for i, v in enumerate(G)}
    worlds = 1 << len(arcs)
    bits = (np.arange(worlds)[:, None] >> np.arange(len(arcs))) & 1
    live = bits.astype(bool)
    weight = np.prod(np.where(live, p, 1.0 - p), axis=1)
    active = np.zeros((worlds, len(index)), dtype=bool)
    for s in seeds:
        active[:, index[s]] = True
    for _ in range(len(index)):
        before = active.sum()
        for e, (u, v) in enumerate(arcs):
            active[:, index[v]] |= active[:, index[u]] & live[:, e]
        if active.sum() == before:
            break
    sizes = active.sum(axis=1).astype(float)
    mean = float(weight @ sizes)
    var = float(weight @ (sizes - mean) ** 2)
    if var <= 1e-12:  # every world gives the same spread, up to rounding in the weights
        return float(sizes[np.argmax(weight)]), 0.0, float("nan")
    return mean, math.sqrt(var), float(weight @ (sizes - mean) ** 4) / var**2


def _reference_spread(G, seeds, p, runs, rng):
    return SpreadStats(*exact_spread(G, seeds, p), runs)


def _as_pair(got):
    if isinstance(got, (str, bytes)) or not hasattr(got, "__len__") or len(got) != 2:
        return None
    mean, stderr = got
    ok = all(isinstance(v, numbers.Real) and not isinstance(v, bool) for v in (mean, stderr))
    return (float(mean), float(stderr)) if ok and all(map(math.isfinite, (mean, stderr))) else None


def _stderr_tolerance(exact):
    """Relative tolerance on the standard error: SPREAD_Z times the sampling error of a
    sample standard deviation, sqrt((kurtosis - 1) / (4 runs)), plus 2% for ddof 0 vs 1."""
    return SPREAD_Z * math.sqrt(max(exact.kurtosis - 1.0, 0.0) / (4 * exact.runs)) + 0.02


def _spread_verdict(got, exact):
    """None when the estimate is right, else a sentence saying what is off."""
    pair = _as_pair(got)
    if pair is None:
        return "return two numbers: (mean, standard error)"
    mean, stderr = pair
    if exact.sd == 0:
        if abs(mean - exact.mean) > 1e-9:
            return f"every run ends with exactly {exact.mean:g} active node(s) here, so the mean must be {exact.mean:g}"
        if abs(stderr) > 1e-9:
            return "every run gives the same spread here, so the standard error is 0"
        return None
    off = abs(mean - exact.mean) / exact.stderr
    if off > SPREAD_Z:
        return (f"the mean is {off:.1f} standard errors from the exact expected spread; "
                f"a correct estimate is almost never more than {SPREAD_Z:g} away")
    tolerance = _stderr_tolerance(exact)
    if abs(stderr / exact.stderr - 1) > tolerance:
        return (f"the standard error should be close to {exact.stderr:.4f} (the standard deviation "
                f"of one run's spread, {exact.sd:.4f}, divided by the square root of the runs); "
                f"yours is off by more than {100 * tolerance:.0f}%")
    return None


def _describe_estimate(value):
    pair = _as_pair(value) if not isinstance(value, SpreadStats) else None
    if isinstance(value, SpreadStats):
        return repr(value)
    if pair is None:
        return f"{type(value).__name__} {describe_value(value)}"
    return f"mean {pair[0]:.4f}, standard error {pair[1]:.4f}"


def check_spread_estimate(student_fn, cases, *, show=SHOW_FAILURES):
    """Check a student's ``estimate_spread(G, seeds, p, runs, rng) -> (mean, stderr)``
    against the exact spread distribution (see :data:`SPREAD_Z`).

    Examples
    --------
    >>> check_spread_estimate(lambda G, seeds, p, runs, rng: (-1.0, 0.0), spread_cases(3, seed=1))
    Traceback (most recent call last):
    ...
    AssertionError: <lambda> gave a wrong answer for 3 of 3 inputs...
    """
    check_against_reference(
        student_fn, _reference_spread, cases,
        compare=lambda got, exact: _spread_verdict(got, exact) is None,
        describe=_describe_estimate, explain=_spread_verdict, show=show,
    )


def _tiny_graph(rng):
    kind = int(rng.integers(0, 5))
    if kind == 0:
        n = int(rng.integers(2, 7))
        return nx.path_graph(n), f"a path of {n} nodes (nx.path_graph({n}))"
    if kind == 1:
        n = int(rng.integers(3, 6))
        return nx.star_graph(n), f"a star, hub 0 and leaves 1 .. {n} (nx.star_graph({n}))"
    if kind == 2:
        n = int(rng.integers(3, 6))
        return nx.cycle_graph(n), f"a ring of {n} nodes (nx.cycle_graph({n}))"
    if kind == 3:
        return nx.complete_graph(4), "a complete graph on 4 nodes (nx.complete_graph(4))"
    n, s = int(rng.integers(4, 8)), int(rng.integers(0, 10_000))
    G = nx.gnp_random_graph(n, 0.4, seed=s, directed=True)
    while len(G.edges) > MAX_EXACT_ARCS:
        G.remove_edge(*list(G.edges)[-1])
    return G, (f"a directed random network with {n} nodes and {len(G.edges)} arcs "
               f"(nx.gnp_random_graph({n}, 0.4, seed={s}, directed=True), arcs past the "
               f"{MAX_EXACT_ARCS}th dropped)")


def spread_cases(count, seed):
    """``count`` inputs ``(G, seeds, p, runs, rng)`` on tiny graphs (at most
    :data:`MAX_EXACT_ARCS` arcs, so the exact answer can be enumerated). The first two
    use ``p = 0`` and ``p = 1``, where every run gives the same spread.

    Examples
    --------
    >>> G, seeds, p, runs, rng = spread_cases(1, seed=0)[0].args
    >>> p, runs, type(rng).__name__
    (0.0, 1000, 'Generator')
    """
    rng = np.random.default_rng(seed)
    cases = []
    for i in range(count):
        G, graph_text = _tiny_graph(rng)
        p = [0.0, 1.0][i] if i < 2 else float(rng.choice([0.1, 0.2, 0.3, 0.5, 0.7, 0.9]))
        runs = int(rng.choice([1000, 2000]))
        seeds, seed_text = random_seeds(G, rng, size=int(rng.choice([1, 1, 2])))
        stream = int(rng.integers(0, 10_000))
        cases.append(Case(
            (G, seeds, p, runs, np.random.default_rng(stream)),
            description=f"{graph_text}; {seed_text}; p = {p}; runs = {runs}; "
                        f"rng = np.random.default_rng({stream})",
            recipe=f"case = grading.spread_cases({count}, seed={seed})[{i}]",
        ))
    return cases


# ---------------------------------------------------------------------------
# Part C: greedy seeds over fixed live-edge worlds


def _as_live_edge_worlds(G, worlds):
    net = compile_network(G)
    sources, targets = net.labels(arc_sources(net)), net.labels(net.indices)
    arc_of = {arc: e for e, arc in enumerate(zip(sources, targets))}
    ptr, arcs = [0], []
    for world in worlds:
        arcs.extend(sorted(arc_of[tuple(arc)] for arc in world))
        ptr.append(len(arcs))
    return LiveEdgeWorlds(net, "ic", np.array(ptr, dtype=np.int64), np.array(arcs, dtype=np.int64))


@reference
def reference_greedy_over_worlds(G, worlds, k):
    """Greedy seeds over the given worlds: at each step the node (not chosen yet) whose
    addition reaches the most nodes in total over the worlds; ties go to the node listed
    first in ``G``. Built on :meth:`LiveEdgeWorlds.spread`; equals
    :func:`course_lib.seeding.greedy_seeds` on the worlds it samples.

    Examples
    --------
    >>> G = nx.disjoint_union(nx.star_graph(2), nx.star_graph(3))   # hubs 0 and 3
    >>> reference_greedy_over_worlds(G, [list(G.to_directed().edges)], 2)
    [3, 0]
    """
    sample = _as_live_edge_worlds(G, worlds)
    chosen = []
    for _ in range(k):
        best, best_total = None, -1
        for v in G:
            if v in chosen:
                continue
            total = round(sample.spread(chosen + [v]) * sample.worlds)  # a whole number
            if total > best_total:
                best, best_total = v, total
        chosen.append(best)
    return chosen


def _same_seed_list(got, expected):
    return isinstance(got, (list, tuple)) and list(got) == expected


def _seed_list_hint(got, expected):
    if not isinstance(got, (list, tuple)):
        return f"return a list of {len(expected)} nodes, in the order you chose them"
    if len(got) != len(expected):
        return f"return exactly k = {len(expected)} nodes"
    if set(got) == set(expected):
        return "the right nodes in the wrong order: list them in the order greedy picks them"
    first = next(i for i, (a, b) in enumerate(zip(got, expected)) if a != b)
    return f"the choices first differ at pick {first + 1}"


def check_greedy_over_worlds(student_fn, cases, *, show=SHOW_FAILURES):
    """Check a student's ``greedy_over_worlds(G, worlds, k) -> list``.

    Examples
    --------
    >>> check_greedy_over_worlds(lambda G, worlds, k: list(G)[:k], greedy_edge_cases()[1:2])
    Traceback (most recent call last):
    ...
    AssertionError: <lambda> gave a wrong answer for 1 of 1 input...
    """
    check_against_reference(
        student_fn, reference_greedy_over_worlds, cases, compare=_same_seed_list,
        explain=_seed_list_hint, show=show,
    )


def _worlds_as_lists(sample):
    net = sample.net
    sources, targets = net.labels(arc_sources(net)), net.labels(net.indices)
    return [
        [(sources[e], targets[e]) for e in sample.arcs[sample.world_ptr[w]:sample.world_ptr[w + 1]].tolist()]
        for w in range(sample.worlds)
    ]


GREEDY_FAMILIES = ("poisson", "scale-free", "star", "disconnected", "text labels", "directed", "path")


def greedy_cases(count, seed):
    """``count`` inputs ``(G, worlds, k)``: worlds sampled with
    :func:`course_lib.cascades.sample_live_edge_worlds` (each arc live with chance p),
    given as lists of live arcs ``(u, v)``.

    Examples
    --------
    >>> G, worlds, k = greedy_cases(1, seed=0)[0].args
    >>> all(G.has_edge(u, v) for world in worlds for u, v in world)
    True
    """
    rng = np.random.default_rng(seed)
    cases = []
    for i in range(count):
        G, graph_text = IC_FAMILIES[GREEDY_FAMILIES[i % len(GREEDY_FAMILIES)]](rng)
        p = float(rng.choice([0.1, 0.2, 0.3, 0.5]))
        runs, stream = int(rng.choice([5, 10, 20])), int(rng.integers(0, 10_000))
        k = int(min(rng.integers(1, 4), len(G)))
        worlds = _worlds_as_lists(sample_live_edge_worlds(G, p=p, worlds=runs, seed=stream))
        cases.append(Case(
            (G, worlds, k),
            description=f"{graph_text}; k = {k}; {runs} worlds, each arc live with chance {p} "
                        f"(sample_live_edge_worlds(G, p={p}, worlds={runs}, seed={stream}))",
            recipe=f"case = grading.greedy_cases({count}, seed={seed})[{i}]",
        ))
    return cases


def greedy_edge_cases():
    """Hand-made inputs where ties decide: no live arcs at all, two equal stars, ``k``
    equal to the number of nodes, and a node that is good alone but adds little later.

    Examples
    --------
    >>> len(greedy_edge_cases())
    5
    """
    stars = nx.disjoint_union(nx.star_graph(3), nx.star_graph(3))  # hubs 0 and 4
    all_stars = list(stars.to_directed().edges)
    path = nx.path_graph(5)
    overlap = nx.DiGraph([(0, 1), (0, 2), (0, 3), (4, 1), (4, 2), (5, 6), (5, 7)])
    named = nx.Graph([("zoe", "amy"), ("amy", "bo")])
    specs = [
        (path, [[], []], 2,
         "a path of 5 nodes; 2 worlds with no live arcs: every node reaches only itself, "
         "so ties everywhere: take nodes in the order they are listed"),
        (stars, [all_stars], 2,
         "two stars with 3 leaves each, hubs 0 and 4, one world where every arc is live: "
         "the hubs tie, hub 0 is listed first"),
        (path, [list(path.to_directed().edges)[:4], []], 5,
         "a path of 5 nodes, k = 5 (every node); world 1 has arcs 0->1, 1->0, 1->2, 2->1, world 2 none"),
        (overlap, [list(overlap.edges)], 2,
         "a directed network: 0 reaches 1, 2, 3; 4 reaches 1, 2; 5 reaches 6, 7; one world, "
         "every arc live: after 0, node 5 adds more than 4"),
        (named, [[("zoe", "amy")], [("amy", "bo")]], 1,
         "a path zoe - amy - bo (text labels, listed in that order); world 1: zoe->amy; "
         "world 2: amy->bo; zoe and amy both reach 3 nodes in total, zoe is listed first"),
    ]
    return [
        Case((G, worlds, k), description=text, recipe=f"case = grading.greedy_edge_cases()[{i}]")
        for i, (G, worlds, k, text) in enumerate(specs)
    ]
