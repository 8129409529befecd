"""Checks and generated inputs for ps1 (consumer networks and influentials).

Five checks, one per function the students write, and one for a number:

* :func:`check_rank_by_degree`: nodes best first by degree, ties broken by graph order,
  against :func:`course_lib.centrality.ranking` of a degree column from
  :func:`course_lib.centrality.centrality_table`. Exact.
* :func:`check_kshell`: each node's k-shell number (the core number), against the
  ``kshell`` column of :func:`~course_lib.centrality.centrality_table`. Exact.
* :func:`check_top_k_overlap`: ``(jaccard, precision_at_k)`` of the top ``k`` of two
  rankings, against :func:`course_lib.centrality.top_k_overlap`; within 1e-9.
* :func:`check_share_connected`: the share of *given* node samples whose induced
  subgraph is connected (the samples are given, so the answer is exact), against
  :func:`reference_share_connected`, built on :func:`course_lib.sampling.induced_sample`.
* :func:`check_expected_ties_inside`: ``C(s, 2) * mean_degree / (n - 1)``, against
  :func:`course_lib.sampling.expected_internal_edges`; relative tolerance 1e-9.
* :func:`check_cyworld_bound`: one number, the Markov bound on the chance that 208
  users drawn at random from 20 million (100 friends each) are connected; within 0.1%.

:func:`reference_share_connected` is locked during a check like the library's own
references. :func:`course_lib.sampling.expected_internal_edges`,
:func:`course_lib.sampling.induced_sample` and networkx's ``nx.core_number`` are not.
"""
from __future__ import annotations

import math
import numbers

import networkx as nx
import numpy as np

from .._guard import reference
from ..centrality import centrality_table, ranking, top_k_overlap
from ..sampling import expected_internal_edges, induced_sample, snowball_sample, uniform_node_sample
from .graphs import RANKING_FAMILIES
from .core import SHOW_FAILURES, Case, check_against_reference, describe_value

__all__ = [
    "check_rank_by_degree",
    "check_kshell",
    "check_top_k_overlap",
    "check_share_connected",
    "check_expected_ties_inside",
    "check_cyworld_bound",
    "reference_share_connected",
    "network_cases",
    "ranking_edge_cases",
    "kshell_edge_cases",
    "overlap_cases",
    "overlap_edge_cases",
    "connected_share_cases",
    "connected_share_edge_cases",
    "expected_ties_cases",
    "CYWORLD",
    "CYWORLD_TOLERANCE",
]

#: The CyWorld question: users, friends per user (an assumption) and sample size.
CYWORLD = {"n": 20_000_000, "mean_degree": 100, "size": 208}

#: Relative tolerance for the CyWorld bound: 0.1% accepts the bound rounded to two
#: significant figures and rejects ``s**2 / 2`` in place of ``C(s, 2)`` (0.5% off).
CYWORLD_TOLERANCE = 1e-3

#: Numbers such as a Jaccard index may differ from the reference by this much.
NUMBER_TOLERANCE = 1e-9


def network_cases(count, seed, *, families=None):
    """``count`` inputs ``(G,)``, one network each, the families used in turn.

    Parameters
    ----------
    count : int
    seed : int
        Seed of the numpy Generator: the same seed gives the same networks.
    families : sequence of str, optional
        Names from :data:`RANKING_FAMILIES` (default: all of them).

    Examples
    --------
    >>> cases = network_cases(11, seed=1)
    >>> [len(c.args) for c in cases[:2]], "listed in the order" in cases[9].description
    ([1, 1], True)
    """
    rng = np.random.default_rng(seed)
    chosen = list(RANKING_FAMILIES) if families is None else list(families)
    options = "" if families is None else f", families={chosen!r}"
    cases = []
    for i in range(count):
        family = chosen[i % len(chosen)]
        if family not in RANKING_FAMILIES:
            raise ValueError(f"family must be one of {sorted(RANKING_FAMILIES)}, got {family!r}")
        G, text = RANKING_FAMILIES[family](rng)
        cases.append(Case((G,), description=text,
                          recipe=f"case = grading.network_cases({count}, seed={seed}{options})[{i}]"))
    return cases


# ---------------------------------------------------------------------------
# Part A: ranking by degree


class _ScoredRanking(list):
    """A ranking (a plain list when shown) that remembers each node's score, for hints."""

    scores: dict


def _reference_rank_by_degree(G):
    table = centrality_table(G, measures=("degree",))
    result = _ScoredRanking(ranking(table, "degree"))
    result.scores = dict(zip(table.index, table["degree"].tolist()))
    return result


def _same_ranking(got, expected):
    return isinstance(got, (list, tuple)) and list(got) == list(expected)


def _ranking_hint(got, expected):
    if not isinstance(got, (list, tuple)):
        return f"return a list of nodes, best first; this is of type {type(got).__name__}"
    if got and all(isinstance(item, tuple) and len(item) == 2 and item not in expected.scores
                   for item in got):
        return "return the nodes only, not (node, degree) pairs"
    if len(got) != len(expected):
        return f"return every node once: {len(expected)} nodes, not {len(got)}"
    try:
        same_nodes = set(got) == set(expected)
    except TypeError:
        same_nodes = False
    if not same_nodes:
        return "return every node of G once"
    i = next(i for i, (a, b) in enumerate(zip(got, expected)) if a != b)
    want, have = expected[i], got[i]
    scores = expected.scores
    if scores[want] == scores[have]:
        return (f"position {i + 1}: nodes {want!r} and {have!r} have the same degree "
                f"{scores[want]}; ties go to the node listed first in G, which is {want!r}")
    return (f"position {i + 1}: expected {want!r} (degree {scores[want]}), "
            f"got {have!r} (degree {scores[have]})")


def check_rank_by_degree(student_fn, cases, *, show=SHOW_FAILURES):
    """Check a student's ``rank_by_degree(G) -> list`` (best first, ties in graph order).

    Examples
    --------
    >>> def ascending_reversed(G):
    ...     return sorted(G, key=G.degree)[::-1]
    >>> check_rank_by_degree(ascending_reversed, ranking_edge_cases()[:1])
    Traceback (most recent call last):
    ...
    AssertionError: ascending_reversed gave a wrong answer for 1 of 1 input.
    <BLANKLINE>
    Input 1: a path of 4 nodes 0 - 1 - 2 - 3 ...
      expected: [1, 2, 0, 3]
      got:      [2, 1, 3, 0]
      (position 1: nodes 1 and 2 have the same degree 2; ties go to the node listed first in G, which is 1)
      to rerun it: case = grading.ranking_edge_cases()[0]
    """
    check_against_reference(student_fn, _reference_rank_by_degree, cases, compare=_same_ranking,
                            explain=_ranking_hint, show=show)


def ranking_edge_cases():
    """Hand-made networks where the tie rule decides: a path, nodes listed out of label
    order, text labels whose alphabetical order is not the graph order, no ties at all,
    a single node.

    Examples
    --------
    >>> len(ranking_edge_cases())
    6
    """
    backwards = nx.Graph()
    backwards.add_nodes_from([3, 2, 1, 0])
    backwards.add_edges_from([(0, 1), (2, 3)])
    names = nx.Graph([("zoe", "amy"), ("amy", "bo"), ("bo", "cy"), ("cy", "amy"), ("dan", "zoe")])
    empty = nx.empty_graph(4)
    specs = [
        (nx.path_graph(4), "a path of 4 nodes 0 - 1 - 2 - 3 (nx.path_graph(4)): 1 and 2 tie, "
                           "so do 0 and 3"),
        (backwards, "nodes listed in the order 3, 2, 1, 0, with ties 0 - 1 and 2 - 3: every "
                    "node has degree 1, so the ranking is the graph order"),
        (names, "ties zoe - amy, amy - bo, bo - cy, cy - amy, dan - zoe (nodes listed in the "
                "order zoe, amy, bo, cy, dan): zoe, bo and cy all have degree 2"),
        (empty, "4 nodes and no ties (nx.empty_graph(4)): every node has degree 0"),
        (nx.star_graph(5), "a star: hub 0 linked to 1 .. 5 (nx.star_graph(5))"),
        (nx.empty_graph(1), "a single node 0 and no ties"),
    ]
    return [Case((G,), description=text, recipe=f"case = grading.ranking_edge_cases()[{i}]")
            for i, (G, text) in enumerate(specs)]


# ---------------------------------------------------------------------------
# Part A: k-shell numbers


def _reference_kshell(G):
    table = centrality_table(G, measures=("kshell",))
    return dict(zip(table.index, table["kshell"].tolist()))


def _is_whole(value):
    return isinstance(value, numbers.Integral) and not isinstance(value, (bool, np.bool_))


def _same_shells(got, expected):
    if not isinstance(got, dict) or set(got) != set(expected):
        return False
    return all(_is_whole(got[v]) and got[v] == k for v, k in expected.items())


def _shell_hint(got, expected):
    if not isinstance(got, dict):
        return f"return a dict node -> k-shell number; this is of type {type(got).__name__}"
    missing = [v for v in expected if v not in got]
    if missing:
        return f"every node needs a k-shell number; missing: {', '.join(map(repr, missing[:5]))}"
    extra = [v for v in got if v not in expected]
    if extra:
        return f"these are not nodes of G: {', '.join(map(repr, extra[:5]))}"
    wrong = [v for v in expected if got[v] != expected[v]]
    if not wrong:
        return "return each k-shell number as a whole number (int)"
    shown = "; ".join(f"node {v!r}: expected {expected[v]}, got {got[v]!r}" for v in wrong[:3])
    more = f" ({len(wrong)} nodes differ)" if len(wrong) > 3 else ""
    return shown + more


def check_kshell(student_fn, cases, *, show=SHOW_FAILURES):
    """Check a student's ``kshell(G) -> dict`` (node -> k-shell number).

    Examples
    --------
    >>> check_kshell(lambda G: dict(G.degree), kshell_edge_cases()[:1])
    Traceback (most recent call last):
    ...
    AssertionError: <lambda> gave a wrong answer for 1 of 1 input...
    """
    check_against_reference(student_fn, _reference_kshell, cases, compare=_same_shells,
                            explain=_shell_hint, show=show)


def kshell_edge_cases():
    """Hand-made networks where degree and k-shell disagree, or peeling must repeat.

    Examples
    --------
    >>> len(kshell_edge_cases())
    7
    """
    hub = nx.complete_graph(4)                       # a clique 0 .. 3 (shell 3)
    hub.add_edges_from((4, leaf) for leaf in range(5, 15))
    hub.add_edge(4, 0)                               # hub 4 with 11 ties, shell 1
    tail = nx.complete_graph(5)
    tail.add_edges_from([(4, 5), (5, 6), (6, 7)])
    cascade = nx.cycle_graph(6)
    cascade.add_edges_from([(0, 6), (6, 7), (7, 0)])  # a ring with a triangle on node 0
    two = nx.disjoint_union(nx.complete_graph(3), nx.complete_graph(5))
    named = nx.relabel_nodes(nx.complete_graph(4), {0: "ann", 1: "bob", 2: "cy", 3: "dee"})
    named.add_edge("dee", "eve")
    specs = [
        (hub, "a clique of 4 (nodes 0 .. 3) and a hub 4 linked to node 0 and to 10 leaves "
              "5 .. 14: the hub has the most ties but sits in the 1-shell"),
        (tail, "a clique of 5 (nodes 0 .. 4) with a tail 4 - 5 - 6 - 7"),
        (cascade, "a ring 0 .. 5 and a triangle 0 - 6 - 7: node 0 has 4 ties, the rest 2"),
        (two, "two separate cliques: 3 nodes (0 .. 2) and 5 nodes (3 .. 7)"),
        (nx.empty_graph(3), "3 nodes and no ties: every node is in the 0-shell"),
        (nx.path_graph(6), "a path of 6 nodes: peeling the ends uncovers new ends, all in the 1-shell"),
        (named, "a clique ann, bob, cy, dee and a tie dee - eve (text labels)"),
    ]
    return [Case((G,), description=text, recipe=f"case = grading.kshell_edge_cases()[{i}]")
            for i, (G, text) in enumerate(specs)]


# ---------------------------------------------------------------------------
# Part B: top-k overlap


def _reference_overlap(ranking_a, ranking_b, k):
    result = top_k_overlap(ranking_a, ranking_b, k)
    return (result.jaccard, result.precision_at_k)


def _as_pair(got):
    if isinstance(got, np.ndarray) and got.ndim == 1:  # the exercise allows an array too
        got = got.tolist()
    if not isinstance(got, (tuple, list)) or len(got) != 2:
        return None
    if not all(isinstance(x, numbers.Real) and not isinstance(x, bool) for x in got):
        return None
    return float(got[0]), float(got[1])


def _close(a, b):
    return math.isclose(a, b, rel_tol=0, abs_tol=NUMBER_TOLERANCE)


def _same_overlap(got, expected):
    pair = _as_pair(got)
    return pair is not None and _close(pair[0], expected[0]) and _close(pair[1], expected[1])


def _describe_pair(value):
    pair = _as_pair(value)
    if pair is None:
        return describe_value(value)
    return f"(jaccard {pair[0]:.6g}, precision_at_k {pair[1]:.6g})"


def _overlap_hint(got, expected):
    pair = _as_pair(got)
    if pair is None:
        return "return two numbers: (jaccard, precision_at_k)"
    if _close(pair[0], expected[1]) and _close(pair[1], expected[0]):
        return "the two numbers are swapped: return (jaccard, precision_at_k)"
    return None


def check_top_k_overlap(student_fn, cases, *, show=SHOW_FAILURES):
    """Check a student's ``top_k_overlap(ranking_a, ranking_b, k) -> (jaccard, precision_at_k)``.

    Examples
    --------
    >>> check_top_k_overlap(lambda a, b, k: (1.0, 1.0), overlap_edge_cases()[:2])
    Traceback (most recent call last):
    ...
    AssertionError: <lambda> gave a wrong answer for 1 of 2 inputs...
    """
    check_against_reference(student_fn, _reference_overlap, cases, compare=_same_overlap,
                            describe=_describe_pair, explain=_overlap_hint, show=show)


_OVERLAP_KINDS = ("partial overlap", "identical", "disjoint", "reversed", "different lengths",
                  "text labels")


def _overlap_pair(rng, kind):
    n = int(rng.integers(3, 16))
    nodes = [int(v) for v in rng.permutation(40)[:n]]
    a = list(nodes)
    if kind == "identical":
        b = list(a)
    elif kind == "disjoint":
        b = [int(v) for v in rng.permutation(np.arange(40, 80))[:n]]
    elif kind == "reversed":
        b = a[::-1]
    elif kind == "different lengths":
        # two partial lists: each holds some nodes the other lacks
        b = [v if rng.random() < 0.6 else 100 + i for i, v in enumerate(rng.permutation(a).tolist())]
        b = b[: int(rng.integers(2, n + 1))]
        b.extend(200 + j for j in range(int(rng.integers(0, 4))))
    else:
        b = list(a)
        for _ in range(int(rng.integers(1, n + 1))):  # nearby swaps: the tops partly agree
            i = int(rng.integers(0, n - 1))
            j = min(n - 1, i + int(rng.integers(1, 4)))
            b[i], b[j] = b[j], b[i]
        if rng.random() < 0.5:
            b[int(rng.integers(0, n))] = 300
        if kind == "text labels":
            a, b = [f"u{v}" for v in a], [f"u{v}" for v in b]
    k = int(rng.integers(1, min(len(a), len(b)) + 1))
    return a, b, k


def overlap_cases(count, seed):
    """``count`` inputs ``(ranking_a, ranking_b, k)``: partly agreeing, identical,
    disjoint, reversed, partial lists of different lengths, and text labels, in turn;
    ``k`` from 1 to the length of the shorter ranking.

    Examples
    --------
    >>> a, b, k = overlap_cases(2, seed=0)[1].args
    >>> a == b and 1 <= k <= len(a)
    True
    """
    rng = np.random.default_rng(seed)
    cases = []
    for i in range(count):
        kind = _OVERLAP_KINDS[i % len(_OVERLAP_KINDS)]
        a, b, k = _overlap_pair(rng, kind)
        cases.append(Case((a, b, k), description=f"{kind}: ranking_a = {a}, ranking_b = {b}, k = {k}",
                          recipe=f"case = grading.overlap_cases({count}, seed={seed})[{i}]"))
    return cases


def overlap_edge_cases():
    """Hand-made inputs: k = 1, k = the whole list, the same nodes in another order,
    nodes one list lacks, and top lists that share nothing though the lists do.

    Examples
    --------
    >>> overlap_edge_cases()[0].args
    (['a', 'b', 'c', 'd'], ['b', 'e', 'a', 'c'], 3)
    """
    specs = [
        (["a", "b", "c", "d"], ["b", "e", "a", "c"], 3),
        (["a", "b", "c", "d"], ["a", "b", "c", "d"], 4),
        ([1, 2, 3, 4], [4, 3, 2, 1], 2),
        ([1, 2, 3, 4], [4, 3, 2, 1], 4),
        ([1, 2, 3, 4, 5, 6], [6, 5, 4, 1, 2, 3], 3),
        ([1, 2, 3], [9, 8, 1, 2, 3], 1),
        ([1, 2, 3, 4, 5], [1, 7, 8], 3),
        ([(0, 0), (0, 1), (1, 1)], [(1, 1), (0, 0), (2, 2)], 2),
    ]
    return [
        Case((a, b, k), description=f"ranking_a = {a}, ranking_b = {b}, k = {k}",
             recipe=f"case = grading.overlap_edge_cases()[{i}]")
        for i, (a, b, k) in enumerate(specs)
    ]


# ---------------------------------------------------------------------------
# Part C: the share of connected samples


@reference
def reference_share_connected(G, samples):
    """Share of ``samples`` (lists of distinct nodes) whose induced subgraph is connected,
    by :func:`course_lib.sampling.induced_sample`.

    Examples
    --------
    >>> reference_share_connected(nx.path_graph(4), [[0, 1], [0, 2], [1, 2, 3], [3]])
    0.75
    """
    return sum(induced_sample(G, sample).is_connected for sample in samples) / len(samples)


def _same_share(got, expected):
    return (isinstance(got, numbers.Real) and not isinstance(got, bool)
            and _close(float(got), expected))


def _share_hint(got, expected):
    if not isinstance(got, numbers.Real) or isinstance(got, bool):
        return f"return a number between 0 and 1; this is of type {type(got).__name__}"
    if got > 1:
        return "return the share of connected samples (between 0 and 1), not their number"
    return None


def check_share_connected(student_fn, cases, *, show=SHOW_FAILURES):
    """Check a student's ``share_connected(G, samples) -> float``.

    Examples
    --------
    >>> check_share_connected(lambda G, samples: 1.0, connected_share_edge_cases()[:1])
    Traceback (most recent call last):
    ...
    AssertionError: <lambda> gave a wrong answer for 1 of 1 input...
    """
    check_against_reference(student_fn, reference_share_connected, cases, compare=_same_share,
                            explain=_share_hint, show=show)


_SHARE_FAMILIES = ("poisson", "small world", "scale-free", "path", "star", "complete",
                   "disconnected", "isolated nodes", "text labels", "shuffled order", "grid")


def connected_share_cases(count, seed):
    """``count`` inputs ``(G, samples)``: a network and 3 to 10 node samples, a mix of
    uniform random samples (:func:`course_lib.sampling.uniform_node_sample`, 1 node to
    every node) and snowball samples (:func:`course_lib.sampling.snowball_sample`, which
    are connected), in random order.

    Examples
    --------
    >>> G, samples = connected_share_cases(1, seed=0)[0].args
    >>> all(set(sample) <= set(G) for sample in samples)
    True
    """
    rng = np.random.default_rng(seed)
    cases = []
    for i in range(count):
        G, text = RANKING_FAMILIES[_SHARE_FAMILIES[i % len(_SHARE_FAMILIES)]](rng)
        n = len(G)
        largest = max(len(part) for part in nx.connected_components(G))
        samples, kinds = [], []
        for _ in range(int(rng.integers(3, 11))):
            if rng.random() < 0.35:
                size = int(rng.integers(1, largest + 1))
                samples.append(snowball_sample(G, size, seed=int(rng.integers(0, 10_000))))
                kinds.append("snowball")
            else:
                size = min(n, int(rng.choice([1, 2, 2, 3, 3, 4, 5, n // 2 or 1, n])))
                samples.append(uniform_node_sample(G, size, seed=int(rng.integers(0, 10_000))))
                kinds.append("uniform")
        sizes = ", ".join(f"{len(s)} ({kind})" for s, kind in zip(samples, kinds))
        cases.append(Case(
            (G, samples),
            description=f"{text}; {len(samples)} samples of sizes {sizes}",
            recipe=f"case = grading.connected_share_cases({count}, seed={seed})[{i}]",
        ))
    return cases


def connected_share_edge_cases():
    """Hand-made inputs: nodes in one piece of G that need a node outside the sample to
    meet, a one-node sample, the hub left out of a star, isolated nodes, text labels.

    Examples
    --------
    >>> [len(c.args[1]) for c in connected_share_edge_cases()]
    [4, 3, 2, 3, 2]
    """
    lonely = nx.path_graph(3)
    lonely.add_node(3)
    named = nx.Graph([("ann", "bob"), ("bob", "cy"), ("cy", "dee")])
    specs = [
        (nx.path_graph(5), [[0, 2], [0, 1, 2], [4], [4, 3, 2, 1, 0]],
         "a path 0 - 1 - 2 - 3 - 4; samples [0, 2], [0, 1, 2], [4], [4, 3, 2, 1, 0]: "
         "0 and 2 are linked in G only through 1, which is not in the first sample"),
        (nx.star_graph(4), [[1, 2, 3], [0, 1, 2], [1]],
         "a star, hub 0, leaves 1 .. 4; samples [1, 2, 3] (leaves without their hub), "
         "[0, 1, 2], [1]"),
        (nx.complete_graph(6), [[5, 0, 3], [1]],
         "a complete graph on 6 nodes; samples [5, 0, 3] and [1]"),
        (lonely, [[3], [2, 3], [0, 1, 2, 3]],
         "a path 0 - 1 - 2 and a node 3 with no ties; samples [3], [2, 3], [0, 1, 2, 3]"),
        (named, [["dee", "ann"], ["cy", "bob", "dee"]],
         "a path ann - bob - cy - dee; samples ['dee', 'ann'] and ['cy', 'bob', 'dee']"),
    ]
    return [Case((G, samples), description=text,
                 recipe=f"case = grading.connected_share_edge_cases()[{i}]")
            for i, (G, samples, text) in enumerate(specs)]


# ---------------------------------------------------------------------------
# Part D: expected ties inside a sample, and the CyWorld bound


def _close_relative(got, expected):
    return (isinstance(got, numbers.Real) and not isinstance(got, bool)
            and math.isclose(float(got), expected, rel_tol=NUMBER_TOLERANCE, abs_tol=1e-12))


def _ties_hint(got, expected):
    if not isinstance(got, numbers.Real) or isinstance(got, bool):
        return f"return a number; this is of type {type(got).__name__}"
    return None


def check_expected_ties_inside(student_fn, cases, *, show=SHOW_FAILURES):
    """Check a student's ``expected_ties_inside(n, mean_degree, s) -> float``
    (relative tolerance 1e-9).

    Examples
    --------
    >>> check_expected_ties_inside(lambda n, z, s: s * s / 2 * z / n, expected_ties_cases(5, seed=1))
    Traceback (most recent call last):
    ...
    AssertionError: <lambda> gave a wrong answer for ... of 5 inputs...
    """
    check_against_reference(student_fn, expected_internal_edges, cases, compare=_close_relative,
                            explain=_ties_hint, show=show)


def expected_ties_cases(count, seed):
    """``count`` inputs ``(n, mean_degree, s)``: a fixed set of telling values (one
    node, every node, no ties, a complete graph, CyWorld's size) then random ones with
    ``n`` from 2 to 10^8.

    Examples
    --------
    >>> expected_ties_cases(3, seed=0)[0].args
    (10, 3, 1)
    """
    rng = np.random.default_rng(seed)
    triples = [(10, 3, 1), (10, 3, 10), (50, 0, 20), (6, 5, 3), (2, 1, 2), (2_000, 6, 200),
               (20_000_000, 100, 208)]
    while len(triples) < count:
        n = int(10 ** rng.uniform(0.4, 8))
        n = max(n, 2)
        z = round(float(rng.uniform(0, min(n - 1, 200))), 1) if rng.random() < 0.7 \
            else int(rng.integers(0, min(n - 1, 200) + 1))
        s = int(rng.integers(1, min(n, 5_000) + 1))
        triples.append((n, z, s))
    return [
        Case(args, description=f"n = {args[0]:,} nodes, mean degree {args[1]}, sample of s = {args[2]:,}",
             recipe=f"case = grading.expected_ties_cases({count}, seed={seed})[{i}]")
        for i, args in enumerate(triples[:count])
    ]


def check_cyworld_bound(value):
    """Check a number: the upper bound ``E[ties inside] / (s - 1)`` on the chance that
    ``s = 208`` users drawn at random from ``n = 20,000,000`` with 100 friends each
    induce a connected subgraph; relative tolerance :data:`CYWORLD_TOLERANCE`.

    Examples
    --------
    >>> check_cyworld_bound(0.00052)
    >>> check_cyworld_bound(0.108)
    Traceback (most recent call last):
    ...
    AssertionError: cyworld_bound is 0.108, ...
    """
    n, z, s = CYWORLD["n"], CYWORLD["mean_degree"], CYWORLD["size"]
    ties = expected_internal_edges(n, z, s)
    expected = ties / (s - 1)
    setting = (f"the bound on the chance that {s} users drawn at random from {n:,} users "
               f"with {z} friends each are connected")
    if not isinstance(value, numbers.Real) or isinstance(value, bool):
        raise AssertionError(f"cyworld_bound should be a number ({setting}); "
                             f"it is of type {type(value).__name__}")
    if not math.isclose(float(value), expected, rel_tol=CYWORLD_TOLERANCE):
        hint = ""
        if math.isclose(float(value), ties, rel_tol=CYWORLD_TOLERANCE):
            hint = (f" That is the expected number of ties inside the sample; a connected "
                    f"sample needs at least {s - 1} of them.")
        raise AssertionError(
            f"cyworld_bound is {float(value):.6g}, but {setting} is expected ties inside / "
            f"{s - 1} = {expected:.6g} (within {CYWORLD_TOLERANCE:.1%}).{hint}"
        )
