"""The capstone's market and scorer: cases solvable by hand, a closed form against
simulation, reproducibility by seed, paired comparisons, and errors in words."""
import math

import numpy as np
import pytest

from course_lib import capstone, platforms
from course_lib.budgets import saturating_response
from course_lib.capstone import Scenario, Strategy, compare_strategies, play, score_strategy
from course_lib.diffusion import ADVOCATE, CUSTOMER

# No word of mouth, no drift, nobody starts anywhere but unaware: each period every
# unaware consumer buys with the chance marketing alone gives, independently.
SILENT = dict(competitor_share=0.0, detractor_share=0.0, advocacy=0.0, detraction=0.0, churn=0.0,
              disappointment=0.0, lapse=0.0, forgiveness=0.0)


def test_nothing_spent_and_nobody_seeded_sells_nothing():
    scenario = Scenario(n=200, budget=0.0, answer_cost=0.0, horizon=8, **SILENT)
    for seed in range(3):
        run = play(scenario, Strategy(), seed=seed)
        assert run.score == 0.0 and run.shares[-1, 2] == 1.0, "nobody can hear of the product"
    result = compare_strategies(scenario, {"same again": Strategy()}, seeds=range(3))
    assert result.gains["same again"] == (0.0, 0.0, 0.0, 0.0), "a strategy equal to the baseline gains exactly 0"
    assert not result.beats("same again") and not result.beats("all empowerment")


def test_marketing_alone_follows_its_closed_form():
    # P(still unaware after T periods) = (1 - R(budget))**T, so the expected market share
    # is 1 - (1 - d)**T. Over 30 plays of n = 400 the mean share has standard error
    # sqrt(F (1 - F) / (400 * 30)) <= 0.0046; 4 of those is 0.018.
    scenario = Scenario(n=400, budget=1.5, horizon=10, **SILENT)
    d = saturating_response(1.5, scenario.direct_max, scenario.influence_half)
    expected = 1 - (1 - d) ** 10
    score = score_strategy(scenario, Strategy(), seeds=range(30))
    bound = 4 * math.sqrt(expected * (1 - expected) / (400 * 30))
    assert abs(score.mean - expected) < bound, (score.mean, expected)
    assert score.low < expected < score.high or abs(score.mean - expected) < bound


def test_ambassadors_are_the_top_of_the_ranking_and_start_as_advocates():
    scenario = Scenario(n=300, horizon=1, lag=0, budget=0.0, answer_cost=0.0, **SILENT)
    run = play(scenario, {"seeding": "degree", "seeds": 7}, seed=4)
    assert len(run.seeds) == 7 and run.shares[0, ADVOCATE] == pytest.approx(7 / 300)
    random_run = play(scenario, {"seeding": "random", "seeds": 7}, seed=4)
    assert random_run.seeds != run.seeds and len(set(random_run.seeds)) == 7


def test_a_play_is_reproducible_by_seed_and_conserves_consumers():
    scenario = Scenario(n=250, horizon=12)
    strategy = {"seeding": "kshell", "seeds": 5, "empower_share": 0.5, "suppression": 0.3, "answer_rate": 0.5}
    first = play(scenario, strategy, seed=11)
    assert np.array_equal(first.shares, play(scenario, strategy, seed=11).shares)
    assert np.array_equal(first.shares, play(scenario, strategy, seed=np.random.default_rng(11)).shares)
    assert not np.array_equal(first.shares, play(scenario, strategy, seed=12).shares)
    assert np.allclose(first.shares.sum(axis=1), 1.0)
    frame = first.to_frame()
    assert len(frame) == 13 * 5 and frame.groupby("period").share.sum().round(12).eq(1).all()


def test_loudness_is_the_platform_models_negative_talk_and_tips_at_the_critical_suppression():
    quiet = platforms.platform_steady_state(0.0).negative_talk
    assert capstone.loudness(0.4, 0.2) == pytest.approx(
        platforms.platform_steady_state(0.4, answer_rate=0.2).negative_talk / quiet)
    tip = platforms.critical_suppression()
    assert capstone.loudness(round(tip - 0.02, 4), 0.0) < 1 < capstone.loudness(round(tip + 0.02, 4), 0.0)


def test_harsh_suppression_costs_market_share_and_answering_wins_it():
    scenario = Scenario(n=300, horizon=20)
    result = compare_strategies(scenario, {"suppress": {"suppression": 0.9}, "answer": {"answer_rate": 0.8}},
                                seeds=range(12))
    assert result.gains["suppress"][3] < 0, "suppression past the tipping point makes detractors louder"
    assert result.beats("answer"), "answering complaints quiets detractors and keeps customers"
    board = result.to_frame()
    assert set(board.strategy) == {"all influence", "all empowerment", "even split", "suppress", "answer"}
    assert np.allclose(board[board.strategy == "all influence"].gain, 0.0)


def test_the_budget_plan_follows_the_strategy():
    plan = capstone.budget_plan(Scenario(horizon=6, budget=2.0), Strategy(empower_share=0.25))
    assert plan.empower.tolist() == [0.5] * 6 and plan.influence.tolist() == [1.5] * 6
    answering = capstone.budget_plan(Scenario(horizon=2, lag=0, budget=2.0, answer_cost=0.4),
                                     Strategy(empower_share=0.5, answer_rate=0.5))
    assert answering.spend.tolist() == [1.8, 1.8], "answering half the complaints costs 0.5 * 0.4 first"
    phased = capstone.budget_plan(Scenario(horizon=6), Strategy(empower_share=1.0, switch=4, first="empower"))
    assert phased.empower.tolist() == [1.0] * 4 + [0.0] * 2


@pytest.mark.parametrize("bad, words", [
    (dict(seeding="hubs"), "seeding must be one of"),
    (dict(seeding="none", seeds=3), "seeding 'none' picks nobody"),
    (dict(empower_share=1.5), "empower_share"),
    (dict(first="later", switch=3), "first must be"),
    (dict(suppression=-0.1), "suppression"),
])
def test_bad_strategies_are_refused_in_words(bad, words):
    with pytest.raises(ValueError, match=words):
        Strategy.from_dict(bad)


def test_bad_scenarios_and_plays_are_refused_in_words():
    with pytest.raises(ValueError, match="lag must be below the horizon"):
        Scenario(horizon=2, lag=2)
    with pytest.raises(ValueError, match="network must be one of"):
        Scenario(network="lattice")
    with pytest.raises(ValueError, match="seeds must be at most the scenario's max_seeds"):
        play(Scenario(n=20, horizon=3), {"seeding": "degree", "seeds": 11}, seed=1)
    with pytest.raises(ValueError, match="answer_cost"):
        Scenario(budget=0.1, answer_cost=0.3)
    with pytest.raises(ValueError, match="switch must be below the horizon"):
        play(Scenario(horizon=5), {"empower_share": 1.0, "switch": 5}, seed=1)
    with pytest.raises(TypeError, match="no choice"):
        Strategy.from_dict({"budget": 3})
    with pytest.raises(ValueError, match="baseline must be one of"):
        compare_strategies(Scenario(n=50, horizon=3), {}, baseline="mine", seeds=range(2))
    with pytest.raises(ValueError, match="at least 2 seeds"):
        score_strategy(Scenario(n=50, horizon=3), {}, seeds=[1])
