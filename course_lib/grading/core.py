"""The core of every check: run a student's function on many inputs, compare each answer
with the course's reference, and explain the first few failures in plain words.

A failure message names the input in words, what was expected, what came back (or which
error was raised, and on which line of the student's code), and one line that rebuilds
the input. The reference runs first, outside the guard; the student's function then runs
on a deep copy of the arguments inside :func:`course_lib._guard.student_code_under_test`,
so calling a reference from it fails with a clear message instead of earning the points.
"""
from __future__ import annotations

import copy
import numbers
import operator
import traceback
from dataclasses import dataclass, field

import numpy as np

from .._guard import ReferenceLockedError, student_code_under_test
from .isolation import StudentFunctionError

__all__ = [
    "Case",
    "check_against_reference",
    "same_node_set",
    "describe_value",
    "describe_node_set",
    "SHOW_FAILURES",
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
    if isinstance(error, StudentFunctionError):  # raised in the student's own process
        return error.describe()
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
            failures.append((number, case, expected, _safely(describe, got),
                             f"could not compare it ({type(error).__name__})"))
            continue
        if not right:
            note = _safely(explain, got, expected, fallback=None) if explain else None
            failures.append((number, case, expected, _safely(describe, got), note))
    if failures:
        raise AssertionError(_failure_message(name, len(cases), failures, describe, show))


def _safely(helper, *values, fallback=...):
    """``helper(*values)``; a describing or hinting helper that trips over an odd answer
    must not turn a wrong answer into a traceback: fall back to the plain repr."""
    try:
        return helper(*values)
    except Exception:
        return describe_value(values[0]) if fallback is ... else fallback


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
