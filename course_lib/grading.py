"""Check a student's function against the course's reference, with feedback in words.

The assignments' test cells call these helpers. Each check runs the student's function
on many inputs and fails with one :class:`AssertionError` that lists the first few
inputs where it went wrong: the input in plain words, what was expected, what came
back (or which error was raised, and where), and one line that rebuilds the input.

The expected answers come from ``course_lib``'s reference implementations, computed
*before* the student's function runs. The student's function runs inside
:func:`course_lib._guard.student_code_under_test`, so calling the reference from it
fails with a clear message instead of earning the points.

Inputs are :class:`Case` objects. The generators below (:func:`cascade_cases`,
:func:`cascade_edge_cases`, :func:`vulnerable_degree_cases`,
:func:`cascade_condition_cases`) draw them from a ``numpy.random.Generator`` seeded
with a whole number, so the same call always gives the same inputs.
"""
from __future__ import annotations

import copy
import numbers
import operator
import traceback
from dataclasses import dataclass, field

import networkx as nx
import numpy as np

from ._guard import ReferenceLockedError, student_code_under_test
from .cascades import (
    cascade_condition,
    cascade_condition_margin,
    threshold_cascade,
    vulnerable_degree_limit,
)
from .networks import poisson_network, scale_free_network, small_world_network

__all__ = [
    "Case",
    "check_against_reference",
    "check_cascade_function",
    "check_vulnerable_degree",
    "check_cascade_condition",
    "same_node_set",
    "describe_value",
    "describe_node_set",
    "GRAPH_FAMILIES",
    "THRESHOLD_KINDS",
    "random_graph",
    "random_thresholds",
    "random_seeds",
    "cascade_cases",
    "cascade_edge_cases",
    "vulnerable_degree_cases",
    "cascade_condition_cases",
]

# How many failing inputs a message lists: enough to see a pattern, short enough to read.
SHOW_FAILURES = 3
# Longest text shown for one value in a message.
MAX_VALUE_CHARS = 300


@dataclass(frozen=True)
class Case:
    """One input for a function under test.

    Attributes
    ----------
    args : tuple
        Positional arguments.
    kwargs : dict
        Keyword arguments.
    description : str
        The input in plain words, shown when the student's answer is wrong.
    recipe : str or None
        A line of Python that rebuilds ``args``/``kwargs`` as ``case``, shown so the
        student can rerun the failing input.
    """

    args: tuple
    kwargs: dict = field(default_factory=dict)
    description: str = ""
    recipe: str | None = None


# ---------------------------------------------------------------------------
# Describing values in messages


def _sorted_nodes(nodes):
    """Sort node labels for display; fall back to their text when they do not compare."""
    try:
        return sorted(nodes)
    except TypeError:
        return sorted(nodes, key=repr)


def _shorten(text, limit=MAX_VALUE_CHARS):
    return text if len(text) <= limit else text[: limit - 5] + " ...}"


def describe_value(value):
    """Short text for any value: its repr, cut at a few hundred characters.

    Examples
    --------
    >>> describe_value(5)
    '5'
    >>> describe_value(True)
    'True'
    """
    return _shorten(repr(value))


def describe_node_set(nodes):
    """Text for a set of nodes: how many, then the sorted labels.

    Examples
    --------
    >>> describe_node_set({3, 1, 2})
    '3 nodes {1, 2, 3}'
    >>> describe_node_set(set())
    'no nodes (an empty set)'
    """
    if not isinstance(nodes, (set, frozenset)):
        return f"{type(nodes).__name__} {describe_value(nodes)} (expected a set of nodes)"
    if not nodes:
        return "no nodes (an empty set)"
    labels = ", ".join(repr(node) for node in _sorted_nodes(nodes))
    noun = "node" if len(nodes) == 1 else "nodes"
    return _shorten(f"{len(nodes)} {noun} {{{labels}}}")


def same_node_set(got, expected):
    """True if ``got`` is a set (or frozenset) with exactly the nodes in ``expected``.

    Examples
    --------
    >>> same_node_set({1, 2}, frozenset([2, 1])), same_node_set([1, 2], {1, 2})
    (True, False)
    """
    return isinstance(got, (set, frozenset)) and got == expected


def _node_set_difference(got, expected):
    """Which nodes are missing from, or extra in, the student's set."""
    if not isinstance(got, (set, frozenset)):
        return "return a set, for example {0, 1, 2}"
    parts = []
    for label, nodes in (("missing", expected - got), ("should not be there", got - expected)):
        if nodes:
            shown = ", ".join(repr(v) for v in _sorted_nodes(nodes)[:10])
            more = f" and {len(nodes) - 10} more" if len(nodes) > 10 else ""
            parts.append(f"{label}: {shown}{more}")
    return _shorten("; ".join(parts))


def _is_whole_number(value):
    return isinstance(value, numbers.Integral) and not isinstance(value, (bool, np.bool_))


def _same_whole_number(got, expected):
    return _is_whole_number(got) and int(got) == expected


def _same_bool(got, expected):
    return isinstance(got, (bool, np.bool_)) and bool(got) == expected


def _type_hint(kind, accepted):
    """An explain() that points out an answer of the wrong type."""
    def explain(got, expected):
        if isinstance(got, accepted):
            return None
        return f"return {kind}; this is of type {type(got).__name__}"
    return explain


# ---------------------------------------------------------------------------
# The check


def _where_in_student_code(error):
    """'in f, line 7: x = a / b' for the innermost frame outside course_lib, if any."""
    frames = [
        frame for frame in traceback.extract_tb(error.__traceback__)
        if "course_lib" not in frame.filename.replace("\\", "/").split("/")
    ]
    if not frames:
        return ""
    frame = frames[-1]
    line = f": {frame.line.strip()}" if frame.line else ""
    return f" (in {frame.name}, line {frame.lineno}{line})"


def _describe_error(error):
    if isinstance(error, ReferenceLockedError):
        return (
            "your function called course_lib's own function, which is switched off while "
            "your function is being checked: write your own"
        )
    message = str(error)
    detail = f": {_shorten(message, 200)}" if message else ""
    return f"an error, {type(error).__name__}{detail}{_where_in_student_code(error)}"


def check_against_reference(student_fn, reference_fn, cases, *, compare=operator.eq,
                            describe=describe_value, explain=None, show=SHOW_FAILURES,
                            name=None):
    """Compare ``student_fn`` with ``reference_fn`` on every case.

    For each case the reference runs first, outside the guard, on the case's own
    arguments; then ``student_fn`` runs on a deep copy of them (so changing its input
    cannot change other checks) inside :func:`~course_lib._guard.student_code_under_test`.
    Any exception from the student's function is recorded as a failure, never raised.

    Parameters
    ----------
    student_fn : callable
        The function being graded.
    reference_fn : callable
        Gives the expected value for the same arguments.
    cases : iterable of Case
    compare : callable, optional
        ``compare(got, expected)`` is true when the answer is right. Default ``==``.
    describe : callable, optional
        Turns a value into text for the message.
    explain : callable, optional
        ``explain(got, expected)`` gives an extra line about the difference.
    show : int, optional
        How many failing inputs the message lists.
    name : str, optional
        The function's name in the message (default: ``student_fn.__name__``).

    Raises
    ------
    AssertionError
        If any case fails; the message lists the first ``show`` failing inputs.

    Examples
    --------
    >>> cases = [Case((2,), description="x = 2"), Case((3,), description="x = 3")]
    >>> check_against_reference(lambda x: x * x, lambda x: x ** 2, cases)
    >>> def square(x):
    ...     return x + x
    >>> check_against_reference(square, lambda x: x ** 2, cases)
    Traceback (most recent call last):
    ...
    AssertionError: square gave a wrong answer for 1 of 2 inputs.
    <BLANKLINE>
    Input 2: x = 3
      expected: 9
      got:      6
    """
    name = name or getattr(student_fn, "__name__", "your function")
    cases = list(cases)
    failures = []
    for number, case in enumerate(cases, start=1):
        expected = reference_fn(*case.args, **case.kwargs)
        args, kwargs = copy.deepcopy((case.args, case.kwargs))
        try:
            with student_code_under_test():
                got = student_fn(*args, **kwargs)
        except (Exception, SystemExit) as error:  # KeyboardInterrupt (timeouts) goes through
            failures.append((number, case, expected, _describe_error(error), None))
            continue
        try:
            right = bool(compare(got, expected))
        except Exception as error:  # a value so odd that it cannot be compared is wrong
            failures.append((number, case, expected, describe(got),
                             f"could not compare it ({type(error).__name__})"))
            continue
        if not right:
            note = explain(got, expected) if explain else None
            failures.append((number, case, expected, describe(got), note))
    if failures:
        raise AssertionError(_failure_message(name, len(cases), failures, describe, show))


def _failure_message(name, total, failures, describe, show):
    inputs = "input" if total == 1 else "inputs"
    lines = [f"{name} gave a wrong answer for {len(failures)} of {total} {inputs}."]
    if len(failures) > show:
        lines[0] += f" The first {show}:"
    for number, case, expected, got, note in failures[:show]:
        lines.append("")
        lines.append(f"Input {number}: {case.description or describe_value(case.args)}")
        lines.append(f"  expected: {describe(expected)}")
        lines.append(f"  got:      {got}")
        if note:
            lines.append(f"  ({note})")
        if case.recipe:
            lines.append(f"  to rerun it: {case.recipe}")
    return "\n".join(lines)


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
    ...     return math.floor((1 + 1e-9) / phi)
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

THRESHOLD_KINDS = ("uniform", "per-node dict", "per-node list")
"""How :func:`random_thresholds` can give thresholds."""

# Thresholds that meet whole numbers of neighbours exactly, including the float traps
# 0.28 * 25 = 7.000000000000001 and 1/3 (a share of 1 in 3, 2 in 6, ...).
SPECIAL_THRESHOLDS = (0.0, 0.1, 0.14, 0.18, 0.2, 0.25, 0.28, 0.3, 1 / 3, 0.5, 0.56, 1.0)


def random_graph(rng, family=None):
    """Draw a small graph from one of :data:`GRAPH_FAMILIES` (a random one if None).

    Returns
    -------
    (networkx.Graph, str)
        The graph and its description in words.

    Examples
    --------
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
