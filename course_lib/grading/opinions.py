"""Checks and generated inputs for ps4 (opinions, stubbornness and pushing back).

* :func:`check_fj_step` and :func:`check_fj_equilibrium`: Friedkin–Johnsen opinions
  against :func:`course_lib.opinions.friedkin_johnsen_step` and
  :func:`course_lib.opinions.friedkin_johnsen_equilibrium`, on random row-stochastic
  matrices with susceptibilities that include 0 and 1.
* :func:`check_qvoter_update`: one q-voter update with its random draws given, against
  :func:`course_lib.voter.qvoter_update` (no campaign).
* :func:`check_critical_point`: the mean-field critical point against
  :func:`course_lib.voter.qvoter_critical_point`, for q = 1 .. 8.
"""
from __future__ import annotations

import math
import numbers

import numpy as np

from ..opinions import friedkin_johnsen_equilibrium, friedkin_johnsen_step
from ..voter import qvoter_critical_point, qvoter_update
from .core import SHOW_FAILURES, Case, _same_whole_number, check_against_reference, describe_value

__all__ = [
    "check_fj_step",
    "check_fj_equilibrium",
    "check_qvoter_update",
    "check_critical_point",
    "random_influence_matrix",
    "fj_step_cases",
    "fj_equilibrium_cases",
    "qvoter_update_cases",
    "qvoter_update_edge_cases",
    "critical_point_cases",
    "OPINION_TOLERANCE",
]

#: Opinions may differ from the reference by this much (rounding; an iterative
#: equilibrium stopped once it moves less than 1e-9 per step is well inside it).
OPINION_TOLERANCE = 1e-6


# ---------------------------------------------------------------------------
# Friedkin–Johnsen


def _as_vector(got, n):
    try:
        array = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        return None
    return array if array.shape == (n,) else None


def _close_opinions(got, expected):
    array = _as_vector(got, len(expected))
    return array is not None and bool(np.allclose(array, expected, rtol=0, atol=OPINION_TOLERANCE))


def _describe_opinions(value):
    if isinstance(value, np.ndarray) and value.ndim == 1:
        return "[" + ", ".join(f"{v:.6g}" for v in value.tolist()) + "]"
    return describe_value(value)


def _opinion_difference(got, expected):
    array = _as_vector(got, len(expected))
    if array is None:
        return f"return one opinion per agent: {len(expected)} numbers (a list or a numpy array)"
    worst = int(np.argmax(np.abs(array - expected)))
    return f"agent {worst} is off the most: expected {expected[worst]:.6g}, got {array[worst]:.6g}"


def check_fj_step(student_fn, cases, *, show=SHOW_FAILURES):
    """Check a student's ``fj_step(W, x, x0, susceptibility)`` (opinions after one update).

    Examples
    --------
    >>> check_fj_step(lambda W, x, x0, s: W @ x, fj_step_cases(4, seed=1))
    Traceback (most recent call last):
    ...
    AssertionError: <lambda> gave a wrong answer for ... of 4 inputs...
    """
    check_against_reference(student_fn, friedkin_johnsen_step, cases, compare=_close_opinions,
                            describe=_describe_opinions, explain=_opinion_difference, show=show)


def check_fj_equilibrium(student_fn, cases, *, show=SHOW_FAILURES):
    """Check a student's ``fj_equilibrium(W, x0, susceptibility)`` (where opinions settle).

    Examples
    --------
    >>> check_fj_equilibrium(lambda W, x0, s: x0, fj_equilibrium_cases(4, seed=1))
    Traceback (most recent call last):
    ...
    AssertionError: <lambda> gave a wrong answer for ... of 4 inputs...
    """
    check_against_reference(student_fn, friedkin_johnsen_equilibrium, cases,
                            compare=_close_opinions, describe=_describe_opinions,
                            explain=_opinion_difference, show=show)


def random_influence_matrix(n, rng, *, sparse=False):
    """A random row-stochastic ``n x n`` matrix with two-decimal weights per row.

    With ``sparse``, each agent listens to about half of the others (always to at
    least one agent, possibly themselves).

    Examples
    --------
    >>> W = random_influence_matrix(4, np.random.default_rng(0), sparse=True)
    >>> bool(np.allclose(W.sum(axis=1), 1) and (W >= 0).all())
    True
    """
    W = np.zeros((n, n))
    for i in range(n):
        keep = rng.random(n) < 0.5 if sparse else np.ones(n, dtype=bool)
        if not keep.any():
            keep[int(rng.integers(0, n))] = True
        raw = rng.integers(1, 10, size=n) * keep
        W[i] = raw / raw.sum()
    return W


def _susceptibility(n, rng):
    kind = int(rng.integers(0, 4))
    if kind == 0:
        value = float(rng.choice([0.0, 0.3, 0.5, 0.8, 1.0]))
        return value, f"susceptibility {value} for everyone"
    values = np.round(rng.uniform(0, 1, size=n), 2)
    extremes = rng.random(n)
    values[extremes < 0.2] = 0.0
    values[extremes > 0.8] = 1.0
    return values, f"a susceptibility per agent {values.tolist()}"


def _describe_matrix(W):
    return "W = " + np.array2string(W, precision=3, separator=", ", max_line_width=200).replace("\n", "")


def _fj_inputs(rng):
    n = int(rng.integers(2, 9))
    sparse = bool(rng.random() < 0.4)
    W = random_influence_matrix(n, rng, sparse=sparse)
    x0 = np.round(rng.uniform(-1, 1, size=n), 2)
    lam, lam_text = _susceptibility(n, rng)
    kind = "sparse" if sparse else "dense"
    return n, W, x0, lam, f"{n} agents, a {kind} random {_describe_matrix(W)}; {lam_text}; x0 = {x0.tolist()}"


def fj_step_cases(count, seed):
    """``count`` inputs ``(W, x, x0, susceptibility)`` with 2 .. 8 agents.

    Examples
    --------
    >>> W, x, x0, s = fj_step_cases(1, seed=0)[0].args
    >>> W.shape == (len(x), len(x)) == (len(x0), len(x0))
    True
    """
    rng = np.random.default_rng(seed)
    cases = []
    for i in range(count):
        n, W, x0, lam, text = _fj_inputs(rng)
        x = np.round(rng.uniform(-1, 1, size=n), 2)
        cases.append(Case((W, x, x0, lam), description=f"{text}; x = {x.tolist()}",
                          recipe=f"case = grading.fj_step_cases({count}, seed={seed})[{i}]"))
    return cases


def _has_equilibrium(W, lam):
    try:
        friedkin_johnsen_equilibrium(W, np.zeros(len(W)), lam)
    except ValueError:
        return False
    return True


def fj_equilibrium_cases(count, seed):
    """``count`` inputs ``(W, x0, susceptibility)`` that have a unique equilibrium
    (inputs without one are drawn again).

    Examples
    --------
    >>> len(fj_equilibrium_cases(5, seed=0))
    5
    """
    rng = np.random.default_rng(seed)
    cases = []
    while len(cases) < count:
        n, W, x0, lam, text = _fj_inputs(rng)
        if not _has_equilibrium(W, lam):
            continue
        cases.append(Case((W, x0, lam), description=text,
                          recipe=f"case = grading.fj_equilibrium_cases({count}, seed={seed})[{len(cases)}]"))
    return cases


# ---------------------------------------------------------------------------
# q-voter


def _same_opinion(got, expected):
    return _same_whole_number(got, expected)


def _opinion_hint(got, expected):
    if not isinstance(got, numbers.Integral) or isinstance(got, bool) or got not in (1, -1):
        return f"return the new opinion as the whole number +1 or -1; this is {describe_value(got)}"
    return None


def _reference_qvoter(opinion, panel, p, variant, u_type, u_coin):
    return qvoter_update(opinion, panel, p, variant, u_type, u_coin)


def check_qvoter_update(student_fn, cases, *, show=SHOW_FAILURES):
    """Check a student's ``qvoter_update(opinion, panel, p, variant, u_type, u_coin)``.

    Examples
    --------
    >>> check_qvoter_update(lambda o, panel, p, v, t, c: o, qvoter_update_edge_cases())
    Traceback (most recent call last):
    ...
    AssertionError: <lambda> gave a wrong answer for ... inputs...
    """
    check_against_reference(student_fn, _reference_qvoter, cases, compare=_same_opinion,
                            explain=_opinion_hint, show=show)


def _qvoter_text(opinion, panel, p, variant, u_type, u_coin):
    return (f"opinion {opinion:+d}, panel {panel}, p = {p}, {variant}, "
            f"u_type = {u_type}, u_coin = {u_coin}")


def qvoter_update_cases(count, seed):
    """``count`` inputs ``(opinion, panel, p, variant, u_type, u_coin)`` with panels of
    1 .. 8 opinions, about half of them unanimous, and draws with two decimals (now and
    then ``u_type == p`` or ``u_coin == 0.5`` exactly).

    Examples
    --------
    >>> opinion, panel, p, variant, u_type, u_coin = qvoter_update_cases(1, seed=0)[0].args
    >>> opinion in (1, -1) and 1 <= len(panel) <= 8
    True
    """
    rng = np.random.default_rng(seed)
    cases = []
    for i in range(count):
        q = int(rng.integers(1, 9))
        if rng.random() < 0.5:
            panel = [int(rng.choice([1, -1]))] * q
        else:
            panel = [int(v) for v in rng.choice([1, -1], size=q)]
        opinion = int(rng.choice([1, -1]))
        p = round(float(rng.uniform(0, 0.6)), 2)
        variant = ("independence", "anticonformity")[i % 2]
        u_type = p if rng.random() < 0.1 else round(float(rng.uniform(0, 1)), 2)
        u_coin = 0.5 if rng.random() < 0.1 else round(float(rng.uniform(0, 1)), 2)
        args = (opinion, panel, p, variant, u_type, u_coin)
        cases.append(Case(args, description=_qvoter_text(*args),
                          recipe=f"case = grading.qvoter_update_cases({count}, seed={seed})[{i}]"))
    return cases


def qvoter_update_edge_cases():
    """Hand-made inputs: ``u_type == p`` (a conformist), ``u_coin == 0.5`` (down),
    ``p = 0`` and ``p = 1``, a panel of one, a split panel for an anticonformist.

    Examples
    --------
    >>> len(qvoter_update_edge_cases())
    9
    """
    specs = [
        (1, [1, 1, 1], 0.3, "independence", 0.3, 0.9),      # u_type == p: conformist, stays up
        (-1, [1, 1, 1], 0.3, "anticonformity", 0.3, 0.5),   # u_type == p: conformist, turns up
        (1, [1, 1], 0.3, "independence", 0.1, 0.5),         # u_coin == 0.5: down
        (1, [1, 1], 0.3, "independence", 0.1, 0.49),        # independent, up
        (-1, [1, -1, 1, 1], 0.0, "anticonformity", 0.0, 0.5),  # p = 0, split panel: stays
        (1, [1], 1.0, "anticonformity", 0.99, 0.5),         # p = 1, panel of one: opposes
        (1, [-1, -1, -1, -1], 0.2, "anticonformity", 0.1, 0.5),  # opposes a down panel
        (1, [1, -1], 0.2, "anticonformity", 0.1, 0.5),      # split panel: no change
        (-1, [-1] * 8, 0.6, "independence", 0.95, 0.0),     # conforms, already down
    ]
    return [
        Case(args, description=_qvoter_text(*args), recipe=f"case = grading.qvoter_update_edge_cases()[{i}]")
        for i, args in enumerate(specs)
    ]


def _close_number(got, expected):
    return (isinstance(got, numbers.Real) and not isinstance(got, bool)
            and math.isclose(float(got), expected, rel_tol=1e-6, abs_tol=1e-9))


def check_critical_point(student_fn, cases, *, show=SHOW_FAILURES):
    """Check a student's ``critical_point(q, variant) -> float`` (relative tolerance 1e-6).

    Examples
    --------
    >>> check_critical_point(lambda q, variant: (q - 1) / (2 * q), critical_point_cases())
    Traceback (most recent call last):
    ...
    AssertionError: <lambda> gave a wrong answer for 6 of 16 inputs...
    """
    def hint(got, expected):
        if not isinstance(got, numbers.Real) or isinstance(got, bool):
            return f"return a number; this is of type {type(got).__name__}"
        return None

    check_against_reference(student_fn, qvoter_critical_point, cases, compare=_close_number,
                            explain=hint, show=show)


def critical_point_cases(extra=0, seed=None):
    """Every ``(q, variant)`` for q = 1 .. 8 and both variants, then ``extra`` more with
    q drawn from 9 .. 40 (the closed form holds for every q), from ``seed``.

    Examples
    --------
    >>> critical_point_cases()[0].args
    (1, 'independence')
    >>> len(critical_point_cases(extra=4, seed=1))
    20
    """
    if isinstance(extra, bool) or not isinstance(extra, int) or extra < 0:
        raise ValueError(f"extra must be a whole number >= 0, got {extra!r}")
    pairs = [(q, variant) for variant in ("independence", "anticonformity") for q in range(1, 9)]
    rng = np.random.default_rng(seed)
    pairs += [(int(rng.integers(9, 41)), str(rng.choice(["independence", "anticonformity"])))
              for _ in range(extra)]
    recipe = "grading.critical_point_cases()" if not extra else \
        f"grading.critical_point_cases(extra={extra}, seed={seed})"
    return [
        Case((q, variant), description=f"q = {q}, {variant}", recipe=f"case = {recipe}[{i}]")
        for i, (q, variant) in enumerate(pairs)
    ]
