"""ps6's checks: the assignment's own solution passes, slips fail with the reason, the
strategy check plays the strategy and refuses ones that cannot be played, and the hidden
markets differ per student."""
import math

import numpy as np
import pytest

import submissions
from course_lib import grading
from course_lib.capstone import Scenario
from course_lib.platforms import critical_suppression
from course_lib.platforms.rules import CONTENT, EXITED, HEARD, RESOLVED, SILENCED, VOICING

STATES = dict(CONTENT=CONTENT, VOICING=VOICING, HEARD=HEARD, RESOLVED=RESOLVED, SILENCED=SILENCED, EXITED=EXITED)


def solution(name, edit=None):
    function = submissions.solution_function("ps6_capstone", name, edit=edit)
    function.__globals__.update(np=np, math=math, **STATES)
    return function


def failure(check, *args, **kwargs):
    with pytest.raises(AssertionError) as info:
        check(*args, **kwargs)
    return str(info.value)


def test_the_solution_passes_every_check():
    grading.check_exit_step(solution("exit_step"), grading.exit_step_edge_cases() + grading.exit_step_cases(400, seed=1))
    grading.check_exit_share(solution("exit_share"), grading.exit_share_cases(80, seed=1))
    grading.check_strategy(solution("choose_strategy"), grading.strategy_scenarios(2, seed=1), range(100, 115))


def test_exit_step_slips_fail_with_the_consumer_named():
    strict = solution("exit_step", edit=("leaves = external_contacts[i] / degrees[i] >= thresholds[i] - 1e-9",
                                         "leaves = external_contacts[i] / degrees[i] > thresholds[i]"))
    message = failure(grading.check_exit_step, strict, grading.exit_step_edge_cases())
    assert "should end exited" in message
    no_loyalty = solution("exit_step", edit=("if new_strikes[i] > loyalty:", "if new_strikes[i] > 0:"))
    failure(grading.check_exit_step, no_loyalty, grading.exit_step_edge_cases())
    silenced_only_before = solution("exit_step", edit=("        if new_state[i] == SILENCED:",
                                                       "        elif new_state[i] == SILENCED:"))
    failure(grading.check_exit_step, silenced_only_before, grading.exit_step_cases(200, seed=2))
    message = failure(grading.check_exit_step, lambda *args: args[0], grading.exit_step_cases(2, seed=2))
    assert "return two things" in message


def test_exit_share_cases_keep_off_the_tipping_point():
    for case in grading.exit_share_cases(60, seed=3):
        s, g, rho, loyalty, mean, sd = case.args
        try:
            tip = critical_suppression(grievance_share=g, initial_exits=rho, loyalty=loyalty,
                                       threshold_mean=mean, threshold_sd=sd)
        except (ValueError, RuntimeError):
            continue
        assert abs(s - tip) >= 0.03
    no_loyalty = solution("exit_share", edit=("suppression ** (loyalty + 1)", "suppression"))
    failure(grading.check_exit_share, no_loyalty, grading.exit_share_cases(40, seed=3))


def test_a_strategy_that_cannot_beat_marketing_or_cannot_be_played_fails_in_words():
    markets = {"lesson": Scenario(horizon=20)}
    message = failure(grading.check_strategy, lambda scenario: {}, markets, range(5))
    assert "gains +0.000 market share over all influence" in message
    message = failure(grading.check_strategy, lambda scenario: {"seeding": "degree", "seeds": 999}, markets, range(3))
    assert "cannot be played" in message and "max_seeds" in message
    message = failure(grading.check_strategy, lambda scenario: {"budget": 5}, markets, range(3))
    assert "no choice" in message
    message = failure(grading.check_strategy, lambda scenario: 1 / 0, markets, range(3))
    assert "ZeroDivisionError" in message


def test_the_strategy_check_gives_the_student_a_copy_of_the_market():
    seen = []

    def greedy_editor(scenario):
        scenario["max_seeds"] = 500  # trying to rewrite the rules
        seen.append(dict(scenario))
        return {"seeding": "degree", "seeds": 500}

    message = failure(grading.check_strategy, greedy_editor, {"lesson": Scenario(horizon=20)}, range(3))
    assert "max_seeds (10 ambassadors)" in message and seen[0]["max_seeds"] == 500


def test_hidden_markets_differ_per_student_and_stay_in_range():
    first, second = grading.strategy_scenarios(3, seed=1), grading.strategy_scenarios(3, seed=2)
    assert list(first) != list(second)
    assert grading.strategy_scenarios(3, seed=1) == first
    for market in [*first.values(), *second.values()]:
        assert 16 <= market.horizon <= 40 and 0.1 <= market.competitor_share <= 0.5
