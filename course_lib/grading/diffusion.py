"""Checks and generated inputs for ps5, parts A and B (Bass diffusion, the continuum).

* :func:`check_bass_adoption` and :func:`check_bass_peak_time`: the Bass curve and its
  peak against :func:`course_lib.diffusion.bass_adoption` and
  :func:`course_lib.diffusion.bass_peak_time`, for single times and arrays of times,
  with ``q`` below, equal to and above ``p``.
* :func:`check_continuum_step`: one step of the consumer continuum with the draws given,
  against :func:`course_lib.diffusion.continuum_step`. The levers reach the student as
  a plain dict (the student's process cannot import ``course_lib``), with the field
  names of :class:`course_lib.diffusion.Levers`.

Random cases keep every draw at least ``DRAW_MARGIN`` away from the ends of its
interval, so a student who adds the same probabilities in another order (and so
differs in the last bit) is not failed for it. The edge cases use probabilities that
are multiples of 1/64, whose sums are exact, and put draws exactly on the ends: there
the rule "the number of running sums that are ``<= u``" is checked to the bit.
"""
from __future__ import annotations

import math
import numbers
from dataclasses import asdict, dataclass, fields

import numpy as np

from ..diffusion import STATES, Levers, bass_adoption, bass_peak_time, continuum_step, continuum_transitions
from .core import SHOW_FAILURES, Case, check_against_reference, describe_value

__all__ = [
    "check_bass_adoption",
    "check_bass_peak_time",
    "check_continuum_step",
    "bass_adoption_cases",
    "bass_peak_time_cases",
    "continuum_step_cases",
    "continuum_step_edge_cases",
    "levers_dict",
    "BASS_TOLERANCE",
    "DRAW_MARGIN",
]

#: Relative tolerance for Bass answers: rounding only (the closed form is exact).
BASS_TOLERANCE = 1e-9
#: Random draws stay at least this far from the end of any interval.
DRAW_MARGIN = 1e-9


# ---------------------------------------------------------------------------
# Bass


def _close(got, expected):
    return math.isclose(float(got), float(expected), rel_tol=BASS_TOLERANCE, abs_tol=1e-12)


def _is_number(value):
    return isinstance(value, numbers.Real) and not isinstance(value, (bool, np.bool_))


def _same_curve(got, expected):
    if isinstance(expected, float):
        return _is_number(got) and _close(got, expected)
    try:
        array = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        return False
    return array.shape == expected.shape and bool(
        np.allclose(array, expected, rtol=BASS_TOLERANCE, atol=1e-12))


def _curve_hint(got, expected):
    if isinstance(expected, float):
        return None if _is_number(got) else f"for a single time t, return one number; this is {type(got).__name__}"
    try:
        array = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        return "for an array of times, return an array of the same shape (one share per time)"
    if array.shape != expected.shape:
        return f"for {expected.size} times, return {expected.size} shares (shape {expected.shape}); got shape {array.shape}"
    worst = int(np.argmax(np.abs(array.ravel() - expected.ravel())))
    return f"position {worst} is off the most: expected {expected.ravel()[worst]:.10g}, got {array.ravel()[worst]:.10g}"


def _describe_curve(value):
    if isinstance(value, np.ndarray) and value.ndim == 1:
        return "array([" + ", ".join(f"{v:.10g}" for v in value.tolist()) + "])"
    return describe_value(value)


def check_bass_adoption(student_fn, cases, *, show=SHOW_FAILURES):
    """Check a student's ``bass_adoption(t, p, q)`` (a number for a number, an array of
    the same shape for an array; relative tolerance 1e-9).

    Examples
    --------
    >>> check_bass_adoption(lambda t, p, q: 1 - np.exp(-p * np.asarray(t)), bass_adoption_cases(6, seed=1))
    Traceback (most recent call last):
    ...
    AssertionError: <lambda> gave a wrong answer for ... of 6 inputs...
    """
    check_against_reference(student_fn, bass_adoption, cases, compare=_same_curve,
                            describe=_describe_curve, explain=_curve_hint, show=show)


def _bass_parameters(rng):
    kind = int(rng.integers(0, 5))
    if kind == 0:  # innovation dominates
        q = round(float(rng.uniform(0.0, 0.2)), 3)
        return round(float(rng.uniform(q, 0.6)), 3), q
    if kind == 1:  # the classic range of consumer durables (Mahajan, Muller & Bass 1990)
        return round(float(rng.uniform(0.005, 0.05)), 3), round(float(rng.uniform(0.2, 0.6)), 3)
    if kind == 2:  # no word of mouth at all
        return round(float(rng.uniform(0.01, 0.5)), 3), 0.0
    if kind == 3:  # q equal to p
        p = round(float(rng.uniform(0.01, 0.4)), 3)
        return p, p
    return round(float(rng.uniform(0.001, 0.1)), 3), round(float(rng.uniform(0.5, 2.0)), 3)


def bass_adoption_cases(count, seed):
    """``count`` inputs ``(t, p, q)``: ``t`` a single time (a float) or a numpy array of
    2 .. 12 times from 0 to 60; ``p`` in (0, 0.6], ``q`` from 0 to 2.

    Examples
    --------
    >>> t, p, q = bass_adoption_cases(2, seed=0)[1].args
    >>> 0 < p <= 0.6 and 0 <= q <= 2
    True
    """
    rng = np.random.default_rng(seed)
    cases = []
    for i in range(count):
        p, q = _bass_parameters(rng)
        if i % 2 == 0:
            t = round(float(rng.uniform(0, 40)), 2)
            text = f"t = {t}"
        else:
            t = np.round(np.sort(rng.uniform(0, 60, size=int(rng.integers(2, 13)))), 2)
            t[0] = 0.0 if rng.random() < 0.3 else t[0]
            text = f"an array of times t = {t.tolist()}"
        cases.append(Case((t, p, q), description=f"{text}, p = {p}, q = {q}",
                          recipe=f"case = grading.bass_adoption_cases({count}, seed={seed})[{i}]"))
    return cases


def check_bass_peak_time(student_fn, cases, *, show=SHOW_FAILURES):
    """Check a student's ``bass_peak_time(p, q)`` (0.0 when ``q <= p``; relative
    tolerance 1e-9).

    Examples
    --------
    >>> check_bass_peak_time(lambda p, q: math.log(q / p) / (p + q), bass_peak_time_cases(8, seed=1))
    Traceback (most recent call last):
    ...
    AssertionError: <lambda> gave a wrong answer for ... of 8 inputs...
    """
    def hint(got, expected):
        if not _is_number(got):
            return f"return a number; this is of type {type(got).__name__}"
        if expected == 0.0 and got != 0.0:
            return "when q <= p the adoption rate is highest at launch: the peak time is 0"
        return None

    check_against_reference(student_fn, bass_peak_time, cases,
                            compare=lambda got, expected: _is_number(got) and _close(got, expected),
                            explain=hint, show=show)


def bass_peak_time_cases(count, seed):
    """``count`` inputs ``(p, q)`` with ``p > 0``, including ``q < p``, ``q == p`` and
    ``q = 0`` (peak time 0).

    Examples
    --------
    >>> all(p > 0 for p, q in (case.args for case in bass_peak_time_cases(20, seed=0)))
    True
    """
    rng = np.random.default_rng(seed)
    cases = []
    for i in range(count):
        p, q = _bass_parameters(rng)
        cases.append(Case((p, q), description=f"p = {p}, q = {q}",
                          recipe=f"case = grading.bass_peak_time_cases({count}, seed={seed})[{i}]"))
    return cases


# ---------------------------------------------------------------------------
# The consumer continuum

_LEVER_NAMES = tuple(f.name for f in fields(Levers))


def levers_dict(levers):
    """The plain dict a student's function receives for a :class:`Levers`.

    Examples
    --------
    >>> d = levers_dict(Levers(0.1, 0.2, 0.4, 0.3, 0.1))
    >>> d["direct_influence"], d["loop"], len(d)
    (0.1, True, 11)
    """
    return {name: value for name, value in asdict(levers).items()}


@dataclass(frozen=True)
class _ExpectedStates:
    """The reference's new states, with what a hint about a wrong one needs."""

    codes: np.ndarray
    states: np.ndarray
    draws: np.ndarray
    rows: tuple  # each consumer's row of probabilities, in state-code order
    advocate_share: np.ndarray
    detractor_share: np.ndarray


def _reference_continuum_step(states, draws, levers, advocate_share, detractor_share):
    """The library's step for a student-style call (``levers`` a dict)."""
    return continuum_step(states, draws, Levers(**levers), advocate_share, detractor_share)


def _expected_continuum_step(states, draws, levers, advocate_share, detractor_share):
    codes = _reference_continuum_step(states, draws, levers, advocate_share, detractor_share)
    levers = Levers(**levers)
    n = len(codes)
    a = np.broadcast_to(np.asarray(advocate_share, dtype=float), (n,))
    d = np.broadcast_to(np.asarray(detractor_share, dtype=float), (n,))
    rows = tuple(tuple(float(v) for v in continuum_transitions(levers, float(a[i]), float(d[i]))[int(states[i])])
                 for i in range(n))
    return _ExpectedStates(codes, np.asarray(states), np.asarray(draws, dtype=float), rows, a, d)


def _as_states(got, n):
    try:
        array = np.asarray(got)
    except (TypeError, ValueError):
        return None
    if array.shape != (n,) or array.dtype.kind not in "iu":
        return None
    return array


def _same_states(got, expected):
    array = _as_states(got, len(expected.codes))
    return array is not None and bool((array == expected.codes).all())


def _describe_states(value):
    if isinstance(value, _ExpectedStates):
        value = value.codes
    if isinstance(value, np.ndarray) and value.ndim == 1 and value.dtype.kind in "iu":
        return "[" + ", ".join(str(int(v)) for v in value.tolist()) + "]"
    return describe_value(value)


def _state_name(code):
    return STATES[int(code)] if 0 <= int(code) < len(STATES) else f"code {int(code)}"


def _states_hint(got, expected):
    n = len(expected.codes)
    array = _as_states(got, n)
    if array is None:
        return (f"return one whole-number state code per consumer ({n} of them), "
                "as a numpy array of ints or a list of ints")
    i = int(np.flatnonzero(array != expected.codes)[0])
    row = [round(v, 6) for v in expected.rows[i]]
    return (f"consumer {i} ({STATES[int(expected.states[i])]}, draw {float(expected.draws[i])!r}, "
            f"advocate share {expected.advocate_share[i]:.4g}, detractor share "
            f"{expected.detractor_share[i]:.4g}) should go to {STATES[int(expected.codes[i])]}, not "
            f"{_state_name(array[i])}; that consumer's row of probabilities, in state-code order, "
            f"is {row}")


def check_continuum_step(student_fn, cases, *, show=SHOW_FAILURES):
    """Check a student's ``continuum_step(states, draws, levers, advocate_share,
    detractor_share)`` (the new state codes, exactly).

    Examples
    --------
    >>> check_continuum_step(lambda states, *rest: states, continuum_step_edge_cases())
    Traceback (most recent call last):
    ...
    AssertionError: <lambda> gave a wrong answer for ... inputs...
    """
    check_against_reference(student_fn, _expected_continuum_step, cases, compare=_same_states,
                            describe=_describe_states, explain=_states_hint, show=show)


def _random_levers(rng):
    while True:
        values = {
            "direct_influence": round(float(rng.uniform(0, 0.3)), 3),
            "empowerment": round(float(rng.uniform(0, 0.3)), 3),
            "advocacy": round(float(rng.uniform(0, 0.5)), 3),
            "detraction": round(float(rng.uniform(0, 0.5)), 3),
            "churn": round(float(rng.uniform(0, 0.3)), 3),
            "churn_to_competitor": round(float(rng.uniform(0, 1)), 3),
            "disappointment": round(float(rng.uniform(0, 0.1)), 3) if rng.random() < 0.6 else 0.0,
            "switching": round(float(rng.uniform(0, 1)), 3),
            "lapse": round(float(rng.uniform(0, 0.3)), 3),
            "forgiveness": round(float(rng.uniform(0, 0.3)), 3),
            "loop": bool(rng.random() < 0.7),
        }
        try:
            return levers_dict(Levers(**values))
        except ValueError:  # probabilities out of one state add up to more than 1
            continue


def _cumulative_ends(levers, states, a, d):
    rows = [continuum_transitions(Levers(**levers), float(a[i]), float(d[i]))[int(s)]
            for i, s in enumerate(states)]
    return [np.cumsum(row)[:4] for row in rows]


def _draws_away_from_ends(rng, levers, states, a, d):
    ends = _cumulative_ends(levers, states, a, d)
    draws = np.empty(len(states))
    for i, cut in enumerate(ends):
        while True:
            u = float(rng.random())
            if np.min(np.abs(cut - u)) >= DRAW_MARGIN:
                draws[i] = u
                break
    return draws


def _shares(rng, n, one_number):
    if one_number:
        a = round(float(rng.uniform(0, 1)), 2)
        return a, round(float(rng.uniform(0, 1 - a)), 2)
    a = np.round(rng.uniform(0, 1, size=n), 2)
    d = np.round(rng.uniform(0, 1, size=n) * (1 - a), 2)
    return a, d


def _continuum_text(states, draws, levers, a, d):
    names = ", ".join(f"{k} = {v}" for k, v in levers.items())
    share = (lambda x: f"{x}" if not np.ndim(x) else f"{np.asarray(x).tolist()}")
    return (f"{len(states)} consumers in states {np.asarray(states).tolist()}, draws "
            f"{[float(u) for u in draws]}; levers {{{names}}}; advocate share {share(a)}, "
            f"detractor share {share(d)}")


def continuum_step_cases(count, seed):
    """``count`` inputs ``(states, draws, levers, advocate_share, detractor_share)``:
    1 .. 12 consumers in random states (int arrays), random valid levers as a dict,
    contact shares one number for all or one per consumer.

    Examples
    --------
    >>> states, draws, levers, a, d = continuum_step_cases(1, seed=0)[0].args
    >>> states.dtype.kind, len(states) == len(draws), sorted(levers)[:2]
    ('i', True, ['advocacy', 'churn'])
    """
    rng = np.random.default_rng(seed)
    cases = []
    for i in range(count):
        n = int(rng.integers(1, 13))
        levers = _random_levers(rng)
        states = rng.integers(0, 5, size=n).astype(np.int64)
        a, d = _shares(rng, n, one_number=bool(rng.random() < 0.4))
        a_each, d_each = np.broadcast_to(a, (n,)), np.broadcast_to(d, (n,))
        draws = _draws_away_from_ends(rng, levers, states, a_each, d_each)
        args = (states, draws, levers, a, d)
        cases.append(Case(args, description=_continuum_text(*args),
                          recipe=f"case = grading.continuum_step_cases({count}, seed={seed})[{i}]"))
    return cases


def continuum_step_edge_cases():
    """Hand-made inputs whose probabilities are multiples of 1/64 (sums are exact), with
    draws exactly on the ends of intervals, at 0, and just below 1; an empty interval
    (a probability 0) that must never be chosen; the funnel (no loop) next to the loop.

    Examples
    --------
    >>> len(continuum_step_edge_cases())
    6
    """
    base = dict(direct_influence=0.125, empowerment=0.25, advocacy=0.5, detraction=0.25, churn=0.125,
                churn_to_competitor=0.5, disappointment=0.0625, switching=0.5, lapse=0.125,
                forgiveness=0.25, loop=True)
    one_of_each = np.array([0, 1, 2, 3, 4], dtype=np.int64)
    # Rows for a = 0.5, d = 0.25 (loop): detractor [0.75, 0.25]; competitor stays 0.8125;
    # unaware: competitor 0.0625, stays 0.5625, customer 0.375; customer: detractor
    # 0.125, competitor 0.0625, unaware 0.0625, stays 0.5, advocate 0.25; advocate lapses 0.125.
    specs = [
        ("draws on the left end of the last interval of each row",
         one_of_each, np.array([0.75, 0.8125, 0.625, 0.75, 0.125]), base, 0.5, 0.25),
        ("draws just below those ends",
         one_of_each, np.array([0.75 - 2**-40, 0.8125 - 2**-40, 0.625 - 2**-40, 0.75 - 2**-40, 0.125 - 2**-40]),
         base, 0.5, 0.25),
        ("draws of 0: the first interval that is not empty",
         one_of_each, np.zeros(5), base, 0.5, 0.25),
        ("draws just below 1",
         one_of_each, np.full(5, 1 - 2**-40), base, 0.5, 0.25),
        ("no detractors among the contacts: an unaware consumer's interval to the competitor is empty",
         np.array([2, 2, 3, 3], dtype=np.int64), np.array([0.0, 0.5, 0.0625, 0.125]), base, 0.5, 0.0),
        ("the funnel (loop False): advocates' word of mouth wins nobody",
         np.array([2, 1, 2, 1], dtype=np.int64), np.array([0.5, 0.9, 0.5, 0.9]),
         dict(base, loop=False), np.array([1.0, 1.0, 0.0, 0.0]), np.array([0.0, 0.0, 0.0, 0.0])),
    ]
    cases = []
    for i, (what, states, draws, levers, a, d) in enumerate(specs):
        levers = levers_dict(Levers(**levers))
        args = (states, draws, levers, a, d)
        cases.append(Case(args, description=f"{what}: {_continuum_text(*args)}",
                          recipe=f"case = grading.continuum_step_edge_cases()[{i}]"))
    return cases
