"""Checks and generated inputs for ps5, part C (a budget between influence and empowerment).

* :func:`check_plan_value`: the profit of one plan over its horizon against
  :func:`course_lib.budgets.simulate_plan` (its ``value``).
* :func:`check_best_constant_split`: the best constant empowerment share on a grid
  against :func:`course_lib.budgets.best_constant_split`.

The market reaches the student as a plain dict with the field names of
:class:`course_lib.budgets.Market` (the student's process cannot import
``course_lib``). Generated split searches keep only inputs whose best share beats the
runner-up by at least ``SPLIT_MARGIN`` of the value, so a student whose sums differ
from the library's in the last bits still finds the same best share, and ties never
decide a grade.
"""
from __future__ import annotations

import math
import numbers
from dataclasses import asdict

import numpy as np

from ..budgets import BudgetPlan, Market, best_constant_split, simulate_plan
from .core import SHOW_FAILURES, Case, check_against_reference, describe_value

__all__ = [
    "check_plan_value",
    "check_best_constant_split",
    "plan_value_cases",
    "best_constant_split_cases",
    "market_dict",
    "VALUE_TOLERANCE",
    "SPLIT_MARGIN",
]

#: Relative tolerance on a plan's value (rounding only).
VALUE_TOLERANCE = 1e-9
#: A generated search's best value beats the runner-up by at least this share of it.
SPLIT_MARGIN = 1e-6


def market_dict(market):
    """The plain dict a student's function receives for a :class:`Market`.

    Examples
    --------
    >>> d = market_dict(Market(lag=3))
    >>> d["lag"], d["margin"], len(d)
    (3, 5.0, 13)
    """
    return dict(asdict(market))


def _is_number(value):
    return isinstance(value, numbers.Real) and not isinstance(value, (bool, np.bool_))


def _reference_plan_value(influence, empower, market):
    return simulate_plan(BudgetPlan(influence, empower), market=Market(**market)).value


def check_plan_value(student_fn, cases, *, show=SHOW_FAILURES):
    """Check a student's ``plan_value(influence, empower, market)`` (a number; relative
    tolerance 1e-9).

    Examples
    --------
    >>> check_plan_value(lambda x, e, m: float(np.sum(x)), plan_value_cases(3, seed=1))
    Traceback (most recent call last):
    ...
    AssertionError: <lambda> gave a wrong answer for 3 of 3 inputs...
    """
    def hint(got, expected):
        if not _is_number(got):
            return f"return the plan's value as one number; this is of type {type(got).__name__}"
        return None

    check_against_reference(
        student_fn, _reference_plan_value, cases,
        compare=lambda got, expected: _is_number(got) and math.isclose(
            float(got), expected, rel_tol=VALUE_TOLERANCE, abs_tol=1e-9),
        explain=hint, show=show)


def _random_market(rng, horizon):
    while True:
        adopters = round(float(rng.uniform(0, 0.4)), 3) if rng.random() < 0.7 else 0.0
        values = dict(
            direct_max=round(float(rng.uniform(0.01, 0.3)), 3),
            influence_half=round(float(rng.uniform(0.2, 3)), 2),
            word_of_mouth=round(float(rng.uniform(0, 0.7)), 3),
            advocate_max=round(float(rng.uniform(0, 0.4)), 3),
            empower_half=round(float(rng.uniform(0.2, 3)), 2),
            decay=round(float(rng.uniform(0, 0.2)), 3),
            lag=int(rng.integers(0, min(6, horizon))),
            answered_max=round(float(rng.uniform(0, 1)), 2),
            community_half=round(float(rng.uniform(0.02, 0.5)), 2),
            support_per_customer=round(float(rng.uniform(0, 4)), 2),
            margin=round(float(rng.uniform(0, 8)), 2),
            initial_adopters=adopters,
            initial_community=round(adopters * float(rng.uniform(0, 1)), 3),
        )
        try:
            return market_dict(Market(**values))
        except ValueError:  # direct_max + word_of_mouth above 1
            continue


def _market_text(market):
    return "market {" + ", ".join(f"{k} = {v}" for k, v in market.items()) + "}"


def plan_value_cases(count, seed):
    """``count`` inputs ``(influence, empower, market)``: spends as numpy arrays over
    horizons of 1 .. 30 periods (some periods without spend), a random market as a dict.

    Examples
    --------
    >>> influence, empower, market = plan_value_cases(1, seed=0)[0].args
    >>> len(influence) == len(empower) > market["lag"]
    True
    """
    rng = np.random.default_rng(seed)
    cases = []
    for i in range(count):
        horizon = int(rng.integers(1, 31))
        market = _random_market(rng, horizon)
        influence = np.round(rng.uniform(0, 3, size=horizon) * (rng.random(horizon) < 0.8), 2)
        empower = np.round(rng.uniform(0, 3, size=horizon) * (rng.random(horizon) < 0.8), 2)
        cases.append(Case((influence, empower, market),
                          description=(f"influence {influence.tolist()}, empower {empower.tolist()}, "
                                       f"{_market_text(market)}"),
                          recipe=f"case = grading.plan_value_cases({count}, seed={seed})[{i}]"))
    return cases


def _reference_best_share(budget, horizon, market, grid):
    return best_constant_split(budget, horizon, market=Market(**market), grid=grid).best_share


def check_best_constant_split(student_fn, cases, *, show=SHOW_FAILURES):
    """Check a student's ``best_constant_split(budget, horizon, market, grid)`` (the
    empowerment share of the grid with the highest value; ties: the first).

    Examples
    --------
    >>> check_best_constant_split(lambda b, T, m, grid: grid[0], best_constant_split_cases(4, seed=2))
    Traceback (most recent call last):
    ...
    AssertionError: <lambda> gave a wrong answer for ... of 4 inputs...
    """
    def right(got, expected):
        return _is_number(got) and math.isclose(float(got), expected, rel_tol=0, abs_tol=1e-12)

    def hint(got, expected):
        if not _is_number(got):
            return f"return the best share itself (one number from the grid); this is of type {type(got).__name__}"
        return None

    check_against_reference(student_fn, _reference_best_share, cases, compare=right,
                            describe=describe_value, explain=hint, show=show)


def _clear_winner(budget, horizon, market, grid):
    values = best_constant_split(budget, horizon, market=Market(**market), grid=grid).values
    if len(values) < 2:
        return True
    top, second = np.sort(values)[::-1][:2]
    return top - second >= SPLIT_MARGIN * max(1.0, abs(top))


def best_constant_split_cases(count, seed):
    """``count`` inputs ``(budget, horizon, market, grid)``: budgets 0.1 .. 4 per period,
    horizons 1 .. 60, random markets (dicts) and grids (lists of shares in [0, 1], in
    any order), each with a clear best share (see ``SPLIT_MARGIN``).

    Examples
    --------
    >>> budget, horizon, market, grid = best_constant_split_cases(1, seed=0)[0].args
    >>> all(0 <= s <= 1 for s in grid) and horizon > market["lag"]
    True
    """
    rng = np.random.default_rng(seed)
    cases = []
    while len(cases) < count:
        horizon = int(rng.integers(1, 61))
        market = _random_market(rng, horizon)
        budget = round(float(rng.uniform(0.1, 4)), 2)
        if rng.random() < 0.5:
            grid = [round(v, 2) for v in np.linspace(0, 1, int(rng.integers(2, 22)))]
        else:
            grid = list(dict.fromkeys(round(float(v), 2) for v in rng.uniform(0, 1, size=int(rng.integers(1, 12)))))
        if not _clear_winner(budget, horizon, market, grid):
            continue
        cases.append(Case((budget, horizon, market, grid),
                          description=(f"budget {budget} per period, horizon {horizon}, grid {grid}, "
                                       f"{_market_text(market)}"),
                          recipe=f"case = grading.best_constant_split_cases({count}, seed={seed})[{len(cases)}]"))
    return cases
