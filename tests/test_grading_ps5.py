"""ps5's checks: honest students written from the assignment's own solution pass, slips
fail with messages in plain words, and the generated inputs cover what the text promises."""
import math

import numpy as np
import pytest

import submissions
from course_lib import grading
from course_lib.budgets import Market, best_constant_split
from course_lib.diffusion import Levers, continuum_transitions


def solution(name, edit=None):
    """The assignment's solution for one function, with ``plan_value`` beside it for part C."""
    function = submissions.solution_function("ps5_budgets", name, edit=edit)
    if name == "best_constant_split":
        function.__globals__["plan_value"] = submissions.solution_function("ps5_budgets", "plan_value")
    function.__globals__.update(np=np, math=math)
    return function


def failure(check, student, cases):
    with pytest.raises(AssertionError) as info:
        check(student, cases)
    return str(info.value)


def test_the_solution_passes_every_check():
    grading.check_bass_adoption(solution("bass_adoption"), grading.bass_adoption_cases(300, seed=1))
    grading.check_bass_peak_time(solution("bass_peak_time"), grading.bass_peak_time_cases(300, seed=1))
    grading.check_continuum_step(solution("continuum_step"),
                                 grading.continuum_step_edge_cases() + grading.continuum_step_cases(400, seed=1))
    grading.check_plan_value(solution("plan_value"), grading.plan_value_cases(150, seed=1))
    grading.check_best_constant_split(solution("best_constant_split"), grading.best_constant_split_cases(60, seed=1))


def test_bass_slips_fail_with_the_reason():
    message = failure(grading.check_bass_adoption, lambda t, p, q: 1 - np.exp(-(p + q) * np.asarray(t)),
                      grading.bass_adoption_cases(20, seed=2))
    assert "gave a wrong answer" in message and "to rerun it" in message
    always_array = solution("bass_adoption", edit=("return float(share) if np.ndim(t) == 0 else share",
                                                   "return np.atleast_1d(share)"))
    message = failure(grading.check_bass_adoption, always_array, grading.bass_adoption_cases(4, seed=2))
    assert "for a single time t, return one number" in message
    no_zero = lambda p, q: math.log(q / p) / (p + q) if q > 0 else 0.0  # noqa: E731  (negative when q < p)
    message = failure(grading.check_bass_peak_time, no_zero, grading.bass_peak_time_cases(40, seed=2))
    assert "the peak time is 0" in message


def test_bass_cases_cover_what_the_text_promises():
    cases = grading.bass_adoption_cases(200, seed=3)
    assert any(np.ndim(c.args[0]) == 0 for c in cases) and any(np.ndim(c.args[0]) == 1 for c in cases)
    pairs = [c.args for c in grading.bass_peak_time_cases(200, seed=3)]
    assert any(q < p for p, q in pairs) and any(q == p for p, q in pairs) and any(q == 0 for p, q in pairs)
    assert any(q > p for p, q in pairs) and all(p > 0 for p, q in pairs)
    again = grading.bass_adoption_cases(5, seed=3)
    assert [c.description for c in again] == [c.description for c in cases[:5]], "the same seed, other inputs"


def test_continuum_boundary_slip_fails_on_the_exact_edge_cases_only():
    strict = solution("continuum_step", edit=("if running <= draws[i]:", "if running < draws[i]:"))
    grading.check_continuum_step(strict, grading.continuum_step_cases(200, seed=4))  # draws keep off the ends
    message = failure(grading.check_continuum_step, strict, grading.continuum_step_edge_cases())
    assert "row of probabilities" in message and "should go to" in message


def test_continuum_ignoring_the_loop_or_per_consumer_shares_fails():
    always_loop = solution("continuum_step", edit=('if lv["loop"] else 0.0', "if True else 0.0"))
    message = failure(grading.check_continuum_step, always_loop, grading.continuum_step_edge_cases())
    assert "the funnel (loop False)" in message
    first_share = solution("continuum_step", edit=(
        "a = np.broadcast_to(np.asarray(advocate_share, dtype=float), (n,))",
        "a = np.full(n, np.ravel(advocate_share)[0])"))
    failure(grading.check_continuum_step, first_share, grading.continuum_step_cases(100, seed=5))
    message = failure(grading.check_continuum_step, lambda s, u, lv, a, d: [0.5] * len(s),
                      grading.continuum_step_cases(3, seed=5))
    assert "one whole-number state code per consumer" in message


def test_continuum_cases_are_valid_and_keep_draws_off_the_ends():
    cases = grading.continuum_step_cases(150, seed=6)
    assert any(np.ndim(c.args[3]) == 0 for c in cases) and any(np.ndim(c.args[3]) == 1 for c in cases)
    assert any(not c.args[2]["loop"] for c in cases)
    for case in cases:
        states, draws, levers, a, d = case.args
        n = len(states)
        a, d = np.broadcast_to(a, (n,)), np.broadcast_to(d, (n,))
        assert ((0 <= draws) & (draws < 1)).all() and (a + d <= 1 + 1e-12).all()
        for i in range(n):
            ends = np.cumsum(continuum_transitions(Levers(**levers), a[i], d[i])[states[i]])[:4]
            assert np.min(np.abs(ends - draws[i])) >= grading.DRAW_MARGIN


def test_plan_value_slips_fail():
    old_community = solution("plan_value", edit=(
        'chance = response(influence[t], m["direct_max"], m["influence_half"]) + m["word_of_mouth"] * community',
        'chance = response(influence[t], m["direct_max"], m["influence_half"])'))
    message = failure(grading.check_plan_value, old_community, grading.plan_value_cases(30, seed=7))
    assert "gave a wrong answer" in message
    no_lag = solution("plan_value", edit=(
        'recruit = response(empower[t - m["lag"]], m["advocate_max"], m["empower_half"]) if t >= m["lag"] else 0.0',
        'recruit = response(empower[t], m["advocate_max"], m["empower_half"])'))
    failure(grading.check_plan_value, no_lag, grading.plan_value_cases(30, seed=7))
    message = failure(grading.check_plan_value, lambda x, e, m: [1.0], grading.plan_value_cases(2, seed=7))
    assert "return the plan's value as one number" in message


def test_best_split_last_of_ties_and_wrong_type_fail():
    def last_of_ties(budget, horizon, market, grid):
        values = [solution("plan_value")([budget * (1 - s)] * horizon, [budget * s] * horizon, market) for s in grid]
        return grid[len(values) - 1 - int(np.argmax(values[::-1]))]

    # A grid that repeats its best share has a tie; the first of equal shares is the same number,
    # so build the tie from two plans of equal value: a zero budget makes every share tie.
    tie = grading.Case((0.0, 5, grading.market_dict(Market()), [0.3, 0.6]), description="budget 0")
    message = failure(grading.check_best_constant_split, last_of_ties, [tie])
    assert "expected: 0.3" in message
    message = failure(grading.check_best_constant_split, lambda b, T, m, grid: [grid[0]],
                      grading.best_constant_split_cases(2, seed=8))
    assert "return the best share itself" in message


def test_split_cases_have_a_clear_winner_and_match_the_library():
    for case in grading.best_constant_split_cases(40, seed=9):
        budget, horizon, market, grid = case.args
        search = best_constant_split(budget, horizon, market=Market(**market), grid=grid)
        ranked = np.sort(search.values)[::-1]
        assert len(ranked) == 1 or ranked[0] - ranked[1] >= grading.SPLIT_MARGIN * max(1.0, abs(ranked[0]))
        assert horizon > market["lag"] and all(0 <= s <= 1 for s in grid)


def test_the_dict_forms_hold_every_field():
    levers = Levers(0.1, 0.2, 0.3, 0.1, 0.1, loop=False)
    assert Levers(**grading.levers_dict(levers)) == levers
    market = Market(lag=5, margin=3.0)
    assert grading.market_dict(market)["lag"] == 5 and Market(**grading.market_dict(market)).margin == 3.0
