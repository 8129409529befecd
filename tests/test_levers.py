"""Lesson 00's two levers: the model map behind the explorer, and its charts."""
import numpy as np
import pytest

from course_lib import explore, levers, viz
from course_lib.budgets import BudgetPlan, Market, simulate_plan


@pytest.fixture(scope="module")
def outcomes():
    return levers.lever_outcomes(horizon=12)


def test_no_spend_leaves_the_market_where_it_started(outcomes):
    still = outcomes[(outcomes.influence == 0) & (outcomes.empowerment == 0)].iloc[0]
    assert still.customers == pytest.approx(Market().initial_adopters) and still.advocates == 0


def test_a_level_is_a_spend_of_level_times_full_spend_on_each_lever(outcomes):
    row = outcomes[np.isclose(outcomes.influence, 0.3) & np.isclose(outcomes.empowerment, 0.7)].iloc[0]
    direct = simulate_plan(BudgetPlan(np.full(12, 0.3 * levers.FULL_SPEND), np.full(12, 0.7 * levers.FULL_SPEND)))
    assert row.customers == pytest.approx(direct.final) and row.advocates == pytest.approx(direct.community[-1])


def test_the_levers_do_different_things(outcomes):
    # marketing alone makes no advocates at any level; empowerment makes them at every level
    assert (outcomes[outcomes.empowerment == 0].advocates == 0).all()
    assert (outcomes[(outcomes.empowerment > 0) & (outcomes.influence == 0)].advocates > 0).all()
    # more of either lever never loses customers
    grid = outcomes.pivot(index="influence", columns="empowerment", values="customers").to_numpy()
    assert (np.diff(grid, axis=0) >= -1e-12).all() and (np.diff(grid, axis=1) >= -1e-12).all()
    # within 12 periods marketing alone outsells empowerment alone, at the top level by over 2x
    top_i = grid[-1, 0]
    top_e = grid[0, -1]
    assert top_i > 2 * top_e


def test_bad_levels_are_named():
    with pytest.raises(ValueError, match=r"levels must be numbers in \[0, 1\]"):
        levers.lever_outcomes([0.0, 1.5])


def test_the_charts_draw_the_model_and_the_strategy(outcomes):
    two = viz.two_lever_chart(levers.strategy_examples(), outcomes, 0.3, 0.7)
    row = outcomes[np.isclose(outcomes.influence, 0.3) & np.isclose(outcomes.empowerment, 0.7)].iloc[0]
    assert f"{row.customers:.0%} of the market buying" in two.title.subtitle[0]
    single = viz.single_lever_chart(outcomes)
    alone = single.data[(single.data.lever == "empowerment only") & (single.data.level == 1.0)].customers.iloc[0]
    assert alone == pytest.approx(outcomes[(outcomes.influence == 0) & (outcomes.empowerment == 1)].customers.iloc[0])
    with pytest.raises(ValueError, match="measure must be one of"):
        viz.lever_model_chart(outcomes, "profit", 0.5, 0.5)


def test_the_explorer_moves_the_strategy():
    ex = explore.two_lever_explorer(influence=0.5, empowerment=0.2)
    before = ex.chart_widget.chart.title.text
    ex.update(empowerment=0.9)
    assert "empowerment 0.9" in ex.chart_widget.chart.title.text and ex.chart_widget.chart.title.text != before
