"""Checks and generated inputs for ps2 (threshold cascades).

The generators (:func:`cascade_cases`, :func:`cascade_edge_cases`,
:func:`vulnerable_degree_cases`, :func:`cascade_condition_cases`) draw their inputs from
a ``numpy.random.Generator`` seeded with a whole number, so the same call always gives
the same inputs. The graph families
are in :mod:`.graphs`.
"""
from __future__ import annotations

import numbers

import networkx as nx
import numpy as np

from ..cascades import (
    cascade_condition,
    cascade_condition_margin,
    threshold_cascade,
    vulnerable_degree_limit,
)
from .graphs import GRAPH_FAMILIES, random_graph
from .core import (
    SHOW_FAILURES,
    Case,
    _node_set_difference,
    _same_bool,
    _same_whole_number,
    _type_hint,
    check_against_reference,
    describe_node_set,
    describe_value,
    same_node_set,
)

__all__ = [
    "check_cascade_function",
    "check_vulnerable_degree",
    "check_cascade_condition",
    "THRESHOLD_KINDS",
    "random_thresholds",
    "random_seeds",
    "cascade_cases",
    "cascade_edge_cases",
    "vulnerable_degree_cases",
    "cascade_condition_cases",
]


def _reference_active_set(G, thresholds, seeds):
    return set(threshold_cascade(G, thresholds, seeds).active)


def check_cascade_function(student_fn, cases, *, show=SHOW_FAILURES):
    """Check a student's ``threshold_cascade(G, threshold, seeds) -> set`` on ``cases``.

    The expected answer is the set of active nodes from
    :func:`course_lib.cascades.threshold_cascade`.

    Examples
    --------
    >>> def only_seeds(G, threshold, seeds):
    ...     return set(seeds)
    >>> check_cascade_function(only_seeds, cascade_edge_cases()[:1])
    Traceback (most recent call last):
    ...
    AssertionError: only_seeds gave a wrong answer for 1 of 1 input.
    <BLANKLINE>
    Input 1: a star, hub 0 with 25 neighbours ...
      expected: 26 nodes {0, 1, 2, ...}
      got:      7 nodes {1, 2, 3, 4, 5, 6, 7}
      (missing: 0, 8, 9, ... and 9 more)
      to rerun it: case = grading.cascade_edge_cases()[0]
    """
    check_against_reference(
        student_fn, _reference_active_set, cases, compare=same_node_set,
        describe=describe_node_set, explain=_node_set_difference, show=show,
    )


def check_vulnerable_degree(student_fn, cases, *, show=SHOW_FAILURES):
    """Check a student's ``vulnerable_degree(phi) -> int`` against
    :func:`course_lib.cascades.vulnerable_degree_limit`.

    Examples
    --------
    >>> import math
    >>> def vulnerable_degree(phi):
    ...     return math.floor(1 / (phi - 1e-9))
    >>> check_vulnerable_degree(vulnerable_degree, vulnerable_degree_cases(20, seed=1))
    """
    check_against_reference(
        student_fn, vulnerable_degree_limit, cases, compare=_same_whole_number, show=show,
        explain=_type_hint("a whole number (int)", numbers.Integral),
    )


def check_cascade_condition(student_fn, cases, *, show=SHOW_FAILURES):
    """Check a student's ``cascade_possible(z, phi) -> bool`` against
    :func:`course_lib.cascades.cascade_condition`.

    Examples
    --------
    >>> check_cascade_condition(lambda z, phi: True, cascade_condition_cases(10, seed=1))
    Traceback (most recent call last):
    ...
    AssertionError: <lambda> gave a wrong answer for ... of 10 inputs...
    """
    check_against_reference(
        student_fn, cascade_condition, cases, compare=_same_bool, show=show,
        explain=_type_hint("True or False", (bool, np.bool_)),
    )


# ---------------------------------------------------------------------------
# Random inputs. Every generator takes a numpy Generator and returns the value and
# its description, so a case's text always matches its data.


THRESHOLD_KINDS = ("uniform", "per-node dict", "per-node list")
"""How :func:`random_thresholds` can give thresholds."""

# Thresholds that meet whole numbers of neighbours exactly, including the float traps
# 0.28 * 25 = 7.000000000000001 and 1/3 (a share of 1 in 3, 2 in 6, ...).
SPECIAL_THRESHOLDS = (0.0, 0.1, 0.14, 0.18, 0.2, 0.25, 0.28, 0.3, 1 / 3, 0.5, 0.56, 1.0)


def _threshold_value(rng):
    """A threshold with two decimals (or one of the special values): easy to read, and a
    share of neighbours equals it exactly whenever it should."""
    if rng.random() < 0.4:
        return float(rng.choice(SPECIAL_THRESHOLDS))
    return round(float(rng.uniform(0.01, 0.6)), 2)


def random_thresholds(G, rng, kind="uniform"):
    """Draw thresholds for ``G``: one number, a dict node -> value, or a list in node order.

    Per-node thresholds lie between 0 and 0.6 with two decimals; about one node in ten
    gets 0 (adopts at once) and one in twenty gets 1 (needs every neighbour).

    Returns
    -------
    (float, dict or list, str)
        The thresholds and their description in words.

    Examples
    --------
    >>> import networkx as nx
    >>> values, text = random_thresholds(nx.path_graph(4), np.random.default_rng(0), "per-node dict")
    >>> sorted(values) == [0, 1, 2, 3], text.startswith("a threshold per node (dict;")
    (True, True)
    """
    if kind == "uniform":
        value = _threshold_value(rng)
        return value, f"threshold {value!r} for everyone"
    if kind not in THRESHOLD_KINDS:
        raise ValueError(f"kind must be one of {THRESHOLD_KINDS}, got {kind!r}")
    values = []
    for _ in G:
        draw = rng.random()
        values.append(0.0 if draw < 0.1 else 1.0 if draw < 0.15 else _threshold_value(rng))
    zeros, ones = values.count(0.0), values.count(1.0)
    summary = f"{zeros} node(s) at 0, {ones} at 1"
    if kind == "per-node list":
        return values, f"a threshold per node (list in node order; {summary})"
    thresholds = dict(zip(G, values))
    shown = describe_value(thresholds) if len(thresholds) <= 12 else summary
    return thresholds, f"a threshold per node (dict; {shown})"


def random_seeds(G, rng, size=None):
    """Draw distinct seed nodes of ``G`` (0 to 3 of them if ``size`` is None).

    Returns
    -------
    (list, str)
        The seeds in ``G``'s node order and their description.

    Examples
    --------
    >>> import networkx as nx
    >>> random_seeds(nx.path_graph(5), np.random.default_rng(0), size=0)
    ([], 'no seeds')
    """
    nodes = list(G)
    if size is None:
        size = int(rng.choice([0, 1, 1, 2, 2, 3]))
    size = min(size, len(nodes))
    picked = sorted(rng.choice(len(nodes), size=size, replace=False).tolist())
    seeds = [nodes[i] for i in picked]
    return seeds, (f"seeds {seeds!r}" if seeds else "no seeds")


def cascade_cases(count, seed, *, thresholds="uniform", families=None):
    """``count`` inputs ``(G, thresholds, seeds)`` for a threshold cascade function.

    Graph families are used in turn, so every family appears once ``count`` reaches
    their number.

    Parameters
    ----------
    count : int
    seed : int
        Seed of the numpy Generator: the same seed gives the same cases.
    thresholds : {"uniform", "per-node dict", "per-node list"}
    families : sequence of str, optional
        Names from :data:`GRAPH_FAMILIES` (default: all of them).

    Examples
    --------
    >>> first, again = cascade_cases(3, seed=7), cascade_cases(3, seed=7)
    >>> [sorted(c.args[0].edges) for c in first] == [sorted(c.args[0].edges) for c in again]
    True
    >>> first[0].recipe
    "case = grading.cascade_cases(3, seed=7, thresholds='uniform')[0]"
    """
    rng = np.random.default_rng(seed)
    chosen = list(GRAPH_FAMILIES) if families is None else list(families)
    options = f", thresholds={thresholds!r}" + ("" if families is None else f", families={chosen!r}")
    cases = []
    for i in range(count):
        G, graph_text = random_graph(rng, chosen[i % len(chosen)])
        values, threshold_text = random_thresholds(G, rng, thresholds)
        seeds, seed_text = random_seeds(G, rng)
        cases.append(Case(
            (G, values, seeds),
            description=f"{graph_text}; {threshold_text}; {seed_text}",
            recipe=f"case = grading.cascade_cases({count}, seed={seed}{options})[{i}]",
        ))
    return cases


def cascade_edge_cases():
    """Hand-made inputs where simple solutions often slip.

    Shares that equal the threshold exactly (7 of 25 neighbours at threshold 0.28,
    where ``0.28 * 25`` is 7.000000000000001 in floating point), threshold 0 (adopts
    without any active neighbour), nodes without ties, no seeds, threshold 1, and a
    seed listed twice.

    Examples
    --------
    >>> len(cascade_edge_cases()) > 5
    True
    """
    lonely = nx.empty_graph(3)
    lonely_one = nx.path_graph(3)
    lonely_one.add_node(3)
    specs = [
        (nx.star_graph(25), 0.28, [1, 2, 3, 4, 5, 6, 7],
         "a star, hub 0 with 25 neighbours (nx.star_graph(25)); threshold 0.28 for everyone; "
         "seeds 1 .. 7: 7 of 25 = 0.28 reaches the hub's threshold exactly"),
        (nx.star_graph(50), 0.14, [1, 2, 3, 4, 5, 6, 7],
         "a star, hub 0 with 50 neighbours (nx.star_graph(50)); threshold 0.14 for everyone; "
         "seeds 1 .. 7: 7 of 50 = 0.14 exactly"),
        (nx.star_graph(25), {v: (0.56 if v == 0 else 1.0) for v in range(26)}, list(range(1, 15)),
         "a star, hub 0 with 25 neighbours; the hub's threshold 0.56, everyone else's 1; "
         "seeds 1 .. 14: 14 of 25 = 0.56 exactly"),
        (nx.complete_graph(6), 1 / 3, [0, 1],
         "a complete graph on 6 nodes; threshold 1/3 for everyone; seeds [0, 1]: 2 of 5 > 1/3"),
        (nx.path_graph(5), 0.0, [],
         "a path of 5 nodes; threshold 0 for everyone; no seeds: threshold 0 adopts at once"),
        (lonely, {0: 0.0, 1: 0.2, 2: 1.0}, [],
         "3 nodes and no ties; thresholds {0: 0.0, 1: 0.2, 2: 1.0}; no seeds: "
         "only the node with threshold 0 adopts"),
        (lonely_one, 0.5, [0],
         "a path 0 - 1 - 2 and a node 3 with no ties; threshold 0.5 for everyone; seeds [0]"),
        (nx.complete_graph(5), 1.0, [0, 1, 2, 3],
         "a complete graph on 5 nodes; threshold 1 for everyone; seeds [0, 1, 2, 3]"),
        (nx.cycle_graph(6), 0.5, [],
         "a ring of 6 nodes; threshold 0.5 for everyone; no seeds: nobody adopts"),
        (nx.path_graph(4), 0.5, [0, 0],
         "a path of 4 nodes; threshold 0.5 for everyone; seeds [0, 0] (the same seed twice)"),
    ]
    return [
        Case((G, thresholds, seeds), description=text,
             recipe=f"case = grading.cascade_edge_cases()[{i}]")
        for i, (G, thresholds, seeds, text) in enumerate(specs)
    ]


# Thresholds where 1 / phi lands just below a whole number in floating point:
# 1 / (1 / 93) is 92.99999999999999, yet 93 neighbours at phi = 1/93 need exactly one.
_PHI_TRAPS = (1 / 93, 1 / 99)
_PHI_FIXED = (1.0, 0.5, 1 / 3, 0.34, 0.25, 0.2, 0.18, 0.1, 0.01) + _PHI_TRAPS


def vulnerable_degree_cases(count, seed):
    """Thresholds ``phi`` for ``vulnerable_degree(phi)``: a fixed set of telling values
    (1, 1/2, 1/3, 0.2, 1/93 ...) then random ones, ``count`` in all.

    Examples
    --------
    >>> [round(c.args[0], 3) for c in vulnerable_degree_cases(4, seed=0)]
    [1.0, 0.5, 0.333, 0.34]
    """
    rng = np.random.default_rng(seed)
    values = list(_PHI_FIXED)
    while len(values) < count:
        values.append(round(float(rng.uniform(0.01, 1.0)), 2) if rng.random() < 0.7
                      else 1 / int(rng.integers(1, 40)))
    return [
        Case((phi,), description=f"phi = {phi!r}",
             recipe=f"case = grading.vulnerable_degree_cases({count}, seed={seed})[{i}]")
        for i, phi in enumerate(values[:count])
    ]


def cascade_condition_cases(count, seed, *, min_margin=1e-6):
    """Pairs ``(z, phi)`` for ``cascade_possible(z, phi)``, each clearly inside or
    outside the cascade window.

    Points closer than ``min_margin`` to the window's edge are skipped: there the answer
    hangs on the last digits of the Poisson sum, which is not what is being graded.

    Examples
    --------
    >>> cases = cascade_condition_cases(5, seed=0)
    >>> [c.args for c in cases[:3]]
    [(3.0, 0.18), (8.0, 0.18), (3.0, 0.3)]
    """
    rng = np.random.default_rng(seed)
    pairs = [(3.0, 0.18), (8.0, 0.18), (3.0, 0.3), (0.5, 0.18), (2.0, 1.0), (0.0, 0.1)]
    while len(pairs) < count:
        z = round(float(rng.uniform(0.0, 12.0)), 2)
        phi = float(rng.choice([0.05, 0.1, 0.12, 0.15, 0.18, 0.2, 0.22, 0.25, 0.3, 0.5]))
        if abs(cascade_condition_margin(z, phi)) > min_margin:
            pairs.append((z, phi))
    return [
        Case((z, phi), description=f"z = {z!r} (mean degree), phi = {phi!r} (threshold)",
             recipe=f"case = grading.cascade_condition_cases({count}, seed={seed})[{i}]")
        for i, (z, phi) in enumerate(pairs[:count])
    ]
