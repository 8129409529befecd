"""Checks and generated inputs for ps6 (platforms and the capstone).

* :func:`check_exit_step`: one step of the two-platform model with the draws given,
  against :func:`course_lib.platforms.exit_step` (every voicing consumer posts: voice 1).
* :func:`check_exit_share`: the exit cascade's equilibrium on the complete graph,
  against :func:`course_lib.platforms.exit_equilibrium` of
  :func:`course_lib.platforms.silenced_share`; inputs keep away from the tipping point,
  where the iteration takes very long to settle.
* :func:`check_strategy`: a strategy function must beat the "all influence" baseline by
  a stated margin of market share, with 95 % confidence, on held-out seeds, in every
  scenario given (:mod:`course_lib.capstone`). Nothing is compared with a reference:
  the student's strategy is played by the course's simulator in the grader's process.
"""
from __future__ import annotations

import copy
import numbers

import numpy as np

from .._guard import reference, student_code_under_test
from ..capstone import BASELINES, NETWORK_KINDS, Scenario, Strategy, score_strategy
from ..platforms import critical_suppression, exit_equilibrium, exit_step, silenced_share
from ..platforms.rules import STATES, VOICING
from .core import SHOW_FAILURES, Case, _describe_error, check_against_reference, describe_value

__all__ = [
    "check_exit_step",
    "check_exit_share",
    "check_strategy",
    "exit_step_cases",
    "exit_step_edge_cases",
    "exit_share_cases",
    "strategy_scenarios",
    "EXIT_SHARE_TOLERANCE",
    "STRATEGY_MARGIN",
]

#: Exit shares may differ from the reference by this much (an iteration stopped once it
#: moves less than 1e-10 per step is well inside it).
EXIT_SHARE_TOLERANCE = 1e-6
#: The gain in market share over "all influence" a strategy must clear, with 95 % confidence.
STRATEGY_MARGIN = 0.01


# ---------------------------------------------------------------------------
# One step of the platform model


def _reference_exit_step(state, strikes, thresholds, external_contacts, degrees, u_remove, u_answer,
                         suppression, answer_rate, loyalty):
    """The library's step for a student-style call (positional, voice 1)."""
    return exit_step(state, strikes, thresholds, external_contacts, degrees, u_remove, u_answer,
                     suppression=suppression, answer_rate=answer_rate, loyalty=loyalty)


def _as_codes(value, n):
    try:
        array = np.asarray(value)
    except (TypeError, ValueError):
        return None
    return array if array.shape == (n,) and array.dtype.kind in "iu" else None


def _same_step(got, expected):
    if not isinstance(got, (tuple, list)) or len(got) != 2:
        return False
    n = len(expected[0])
    state, strikes = _as_codes(got[0], n), _as_codes(got[1], n)
    return (state is not None and strikes is not None and bool((state == expected[0]).all())
            and bool((strikes == expected[1]).all()))


def _describe_step(value):
    if isinstance(value, (tuple, list)) and len(value) == 2:
        parts = []
        for part in value:
            array = np.asarray(part) if isinstance(part, (np.ndarray, list)) else None
            parts.append(str(array.tolist()) if array is not None and array.ndim == 1 else describe_value(part))
        return f"(state {parts[0]}, strikes {parts[1]})"
    return describe_value(value)


def _step_hint(got, expected):
    if not isinstance(got, (tuple, list)) or len(got) != 2:
        return "return two things: the new states and the new strike counts, as (state, strikes)"
    n = len(expected[0])
    state, strikes = _as_codes(got[0], n), _as_codes(got[1], n)
    if state is None or strikes is None:
        return f"state and strikes should each hold {n} whole numbers (numpy arrays of ints or lists of ints)"
    wrong = np.flatnonzero((state != expected[0]) | (strikes != expected[1]))
    i = int(wrong[0])
    return (f"consumer {i} should end {STATES[int(expected[0][i])]} with {int(expected[1][i])} strike(s), "
            f"not {STATES[int(state[i])] if 0 <= int(state[i]) < len(STATES) else state[i]} with "
            f"{int(strikes[i])}")


def check_exit_step(student_fn, cases, *, show=SHOW_FAILURES):
    """Check a student's ``exit_step(state, strikes, thresholds, external_contacts,
    degrees, u_remove, u_answer, suppression, answer_rate, loyalty) -> (state, strikes)``.

    Examples
    --------
    >>> check_exit_step(lambda state, strikes, *rest: (state, strikes), exit_step_edge_cases())
    Traceback (most recent call last):
    ...
    AssertionError: <lambda> gave a wrong answer for ... inputs...
    """
    check_against_reference(student_fn, _reference_exit_step, cases, compare=_same_step,
                            describe=_describe_step, explain=_step_hint, show=show)


def _step_text(state, strikes, thresholds, external_contacts, degrees, u_remove, u_answer,
               suppression, answer_rate, loyalty):
    return (f"{len(state)} consumers: state {np.asarray(state).tolist()}, strikes {np.asarray(strikes).tolist()}, "
            f"thresholds {np.asarray(thresholds).tolist()}, contacts outside {np.asarray(external_contacts).tolist()}, "
            f"contacts {np.asarray(degrees).tolist()}, u_remove {np.asarray(u_remove).tolist()}, "
            f"u_answer {np.asarray(u_answer).tolist()}; suppression {suppression}, answer_rate {answer_rate}, "
            f"loyalty {loyalty}")


def exit_step_cases(count, seed):
    """``count`` inputs for ``exit_step``: 1 .. 12 consumers in random states (many
    voicing or silenced), strikes up to the loyalty, thresholds with two decimals
    (0 now and then), contacts 0 .. 12 with some of them outside, draws with two
    decimals (now and then equal to the suppression or the answer rate).

    Examples
    --------
    >>> args = exit_step_cases(1, seed=0)[0].args
    >>> len(args), len(args[0]) == len(args[1])
    (10, True)
    """
    rng = np.random.default_rng(seed)
    cases = []
    for i in range(count):
        n = int(rng.integers(1, 13))
        loyalty = int(rng.integers(0, 3))
        state = rng.choice(6, size=n, p=[0.1, 0.35, 0.1, 0.05, 0.3, 0.1]).astype(np.int64)
        strikes = np.where(state == VOICING, rng.integers(0, loyalty + 1, size=n),
                           np.where(state == 4, loyalty + 1, 0)).astype(np.int64)
        thresholds = np.round(rng.uniform(0, 0.8, size=n), 2)
        thresholds[rng.random(n) < 0.1] = 0.0
        degrees = rng.integers(0, 13, size=n).astype(np.int64)
        external = np.array([int(rng.integers(0, k + 1)) for k in degrees], dtype=np.int64)
        suppression = round(float(rng.uniform(0, 1)), 2)
        answer_rate = round(float(rng.uniform(0, 1)), 2)
        u_remove = np.round(rng.uniform(0, 1, size=n), 2)
        u_answer = np.round(rng.uniform(0, 1, size=n), 2)
        u_remove[rng.random(n) < 0.1] = suppression
        u_answer[rng.random(n) < 0.1] = answer_rate
        args = (state, strikes, thresholds, external, degrees, u_remove, u_answer, suppression, answer_rate, loyalty)
        cases.append(Case(args, description=_step_text(*args),
                          recipe=f"case = grading.exit_step_cases({count}, seed={seed})[{i}]"))
    return cases


def exit_step_edge_cases():
    """Hand-made inputs: a silenced consumer exactly at their threshold (a share equal
    to it counts), one just below, one without contacts (threshold 0 and not), a loyal
    consumer with strikes left, a draw equal to the suppression (not removed), the
    answer of a removed complaint (impossible: not resolved).

    Examples
    --------
    >>> len(exit_step_edge_cases())
    4
    """
    i64 = lambda values: np.array(values, dtype=np.int64)  # noqa: E731
    specs = [
        ("at and just below the threshold",
         (i64([4, 4, 4]), i64([1, 1, 1]), np.array([0.5, 0.5, 0.34]), i64([2, 1, 1]), i64([4, 3, 3]),
          np.full(3, 0.9), np.full(3, 0.9), 0.5, 0.0, 0)),
        ("no contacts: only threshold 0 leaves",
         (i64([4, 4, 1]), i64([1, 1, 0]), np.array([0.0, 0.1, 0.0]), i64([0, 0, 0]), i64([0, 0, 0]),
          np.array([0.9, 0.9, 0.1]), np.full(3, 0.9), 0.5, 0.0, 0)),
        ("loyalty 2: a second removal keeps voicing, a third silences",
         (i64([1, 1, 1]), i64([0, 1, 2]), np.full(3, 0.2), i64([1, 1, 1]), i64([2, 2, 2]),
          np.full(3, 0.1), np.full(3, 0.0), 0.5, 1.0, 2)),
        ("a draw equal to the suppression is not a removal; a removed complaint is never answered",
         (i64([1, 1, 1]), i64([0, 0, 0]), np.full(3, 0.5), i64([0, 0, 0]), i64([2, 2, 2]),
          np.array([0.3, 0.3, 0.29]), np.array([0.6, 0.59, 0.0]), 0.3, 0.6, 0)),
    ]
    return [Case(args, description=f"{what}: {_step_text(*args)}", recipe=f"case = grading.exit_step_edge_cases()[{i}]")
            for i, (what, args) in enumerate(specs)]


# ---------------------------------------------------------------------------
# The exit cascade on the complete graph


def _reference_exit_share(suppression, grievance_share, initial_exits, loyalty, threshold_mean, threshold_sd):
    pool = silenced_share(suppression, grievance_share=grievance_share, initial_exits=initial_exits,
                          loyalty=loyalty)
    return exit_equilibrium(pool, initial_exits=initial_exits, threshold_mean=threshold_mean,
                            threshold_sd=threshold_sd)


def check_exit_share(student_fn, cases, *, show=SHOW_FAILURES):
    """Check a student's ``exit_share(suppression, grievance_share, initial_exits,
    loyalty, threshold_mean, threshold_sd)`` (within 1e-6).

    Examples
    --------
    >>> check_exit_share(lambda s, g, rho, L, m, sd: rho, exit_share_cases(6, seed=1))
    Traceback (most recent call last):
    ...
    AssertionError: <lambda> gave a wrong answer for ... of 6 inputs...
    """
    def right(got, expected):
        return (isinstance(got, numbers.Real) and not isinstance(got, bool)
                and abs(float(got) - expected) <= EXIT_SHARE_TOLERANCE)

    def hint(got, expected):
        if not isinstance(got, numbers.Real) or isinstance(got, bool):
            return f"return the share outside as one number; this is of type {type(got).__name__}"
        return None

    check_against_reference(student_fn, _reference_exit_share, cases, compare=right, explain=hint, show=show)


def exit_share_cases(count, seed):
    """``count`` inputs ``(suppression, grievance_share, initial_exits, loyalty,
    threshold_mean, threshold_sd)``, each at least 0.03 of suppression away from its
    tipping point (where iterating to the equilibrium takes very long), some with
    nobody silenced (suppression 0).

    Examples
    --------
    >>> s, g, rho, L, m, sd = exit_share_cases(1, seed=0)[0].args
    >>> 0 <= s <= 1 and rho <= g
    True
    """
    rng = np.random.default_rng(seed)
    cases = []
    while len(cases) < count:
        g = round(float(rng.uniform(0.1, 0.8)), 2)
        rho = round(float(rng.uniform(0, min(0.1, g))), 3)
        loyalty = int(rng.integers(0, 3))
        mean = round(float(rng.uniform(0.05, 0.4)), 2)
        sd = round(float(rng.uniform(0.02, 0.2)), 2)
        s = 0.0 if rng.random() < 0.1 else round(float(rng.uniform(0, 1)), 2)
        try:
            tip = critical_suppression(grievance_share=g, initial_exits=rho, loyalty=loyalty,
                                       threshold_mean=mean, threshold_sd=sd)
        except (ValueError, RuntimeError):  # no tipping point in [0, 1] for this population
            tip = None
        if tip is not None and abs(s - tip) < 0.03:
            continue
        args = (s, g, rho, loyalty, mean, sd)
        cases.append(Case(args, description=(f"suppression {s}, grievance_share {g}, initial_exits {rho}, "
                                             f"loyalty {loyalty}, threshold_mean {mean}, threshold_sd {sd}"),
                          recipe=f"case = grading.exit_share_cases({count}, seed={seed})[{len(cases)}]"))
    return cases


# ---------------------------------------------------------------------------
# The capstone strategy


def strategy_scenarios(count=3, seed=None):
    """The markets a strategy is graded in: ``count`` scenarios drawn from ``seed``, each
    with its own network kind, competitors' share (0.1 to 0.5), horizon (16 to 40
    periods) and budget (0.8 to 1.5 per period); the other fields keep the defaults.

    Drawn per student (:func:`course_lib.grading.student_seed`), so a table of good
    answers to one term's markets is worth nothing: a strategy function has to read the
    market it is given.

    Returns
    -------
    dict of str -> Scenario

    Examples
    --------
    >>> markets = strategy_scenarios(2, seed=1)
    >>> len(markets), all(16 <= m.horizon <= 40 for m in markets.values())
    (2, True)
    """
    rng = np.random.default_rng(seed)
    markets = {}
    for i in range(count):
        scenario = Scenario(network=str(rng.choice(list(NETWORK_KINDS))),
                            competitor_share=round(float(rng.uniform(0.1, 0.5)), 2),
                            horizon=int(rng.integers(16, 41)), budget=round(float(rng.uniform(0.8, 1.5)), 2))
        markets[f"{i + 1}: {scenario.network}, {scenario.competitor_share:.0%} with competitors, "
                f"{scenario.horizon} periods, budget {scenario.budget:g}"] = scenario
    return markets


@reference
def _reference_strategy(scenario):
    """The instructors' strategy (the solution of ps6): seed the hubs, empower more and
    answer complaints when the horizon leaves time for a community to pay back."""
    long_enough = scenario["horizon"] >= 26
    return {"seeding": "degree", "seeds": scenario["max_seeds"], "empower_share": 0.4 if long_enough else 0.2,
            "answer_rate": 1.0 if long_enough else 0.0}


def check_strategy(student_fn, scenarios, seeds, *, margin=STRATEGY_MARGIN):
    """Check a student's ``choose_strategy(scenario) -> dict``: in every scenario, the
    strategy must beat "all influence" by more than ``margin`` of market share with 95 %
    confidence (the lower end of the paired gain's interval above ``margin``) on ``seeds``.

    Examples
    --------
    >>> check_strategy(lambda scenario: {}, {"small": Scenario(n=60, horizon=5)}, range(3))
    Traceback (most recent call last):
    ...
    AssertionError: <lambda> did not beat the baseline in 1 of 1 markets...
    """
    name = getattr(student_fn, "__name__", "your function")
    seeds = tuple(seeds)
    failures = []
    choices = {}
    # every market's choice first: the student's process has a time limit, the scoring does not
    for label, scenario in scenarios.items():
        try:
            with student_code_under_test():
                choices[label] = student_fn(copy.deepcopy(scenario.to_dict()))
        except (Exception, SystemExit) as error:
            failures.append((label, _describe_error(error)))
    for label, choice in choices.items():
        scenario = scenarios[label]
        try:
            strategy = Strategy.from_dict(choice)
            yours = score_strategy(scenario, strategy, seeds)
        except (TypeError, ValueError) as error:
            failures.append((label, f"the strategy {describe_value(choice)} cannot be played: {error}"))
            continue
        gain = np.asarray(yours.scores) - np.asarray(score_strategy(scenario, BASELINES["all influence"], seeds).scores)
        mean, half = float(gain.mean()), 1.96 * float(gain.std(ddof=1)) / np.sqrt(gain.size)
        low, high = mean - half, mean + half
        if not low > margin:
            failures.append((label, (
                f"your strategy {strategy.to_dict()} gains {mean:+.3f} market share over all influence "
                f"(95 % interval {low:+.3f} to {high:+.3f}); it must be above {margin:+.3f}")))
    if failures:
        lines = [f"{name} did not beat the baseline in {len(failures)} of {len(scenarios)} markets "
                 f"({len(seeds)} held-out seeds each).", ""]
        for label, why in failures:
            lines.append(f"Market {label!r}: {why}")
        raise AssertionError("\n".join(lines))
