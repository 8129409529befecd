"""Lesson 08's charts and tables: valid Vega-Lite, and the numbers they draw are the library's."""
import math

import numpy as np
import pytest
from drawn import cut_short_texts

from course_lib import budgets, viz
from course_lib.budgets import BudgetPlan, Market
from course_lib.experiments import budgets as lab


@pytest.fixture(scope="module")
def plans():
    return lab.standard_plans(1.0, 52)


def _charts(plans):
    even = budgets.simulate_plan(BudgetPlan.constant(1.0, 52, 0.5))
    return {
        "split": viz.split_value_chart(lab.split_check_frame(1.0, 12, step=0.1)),
        "split_search_only": viz.split_value_chart(budgets.best_constant_split(1.0, 26).to_frame()),
        "horizon": viz.horizon_split_chart(lab.horizon_check_frame(1.0, range(4, 53)), marked=[4, 12, 26, 52]),
        "adoption": viz.adoption_chart(lab.plan_curves_frame(plans)),
        "two_phase": viz.two_phase_chart(lab.two_phase_frame(1.0, 52)),
        "marginal": viz.marginal_chart(lab.marginal_frame(BudgetPlan.constant(1.0, 52, 0.5))),
        "support": viz.support_chart(lab.support_frame(even)),
        "cost": viz.cost_chart(lab.plan_summary_frame(plans)),
        "response": viz.response_chart(lab.response_frame(), spend=1.0),
    }


@pytest.fixture(scope="module")
def charts(plans):
    return _charts(plans)


def test_no_text_on_the_chart_is_cut_short(charts):
    cut = {name: texts for name, chart in charts.items() if (texts := cut_short_texts(chart))}
    assert not cut, f"texts cut off on the charts: {cut}"


@pytest.mark.parametrize("name", ["split", "split_search_only", "horizon", "adoption", "two_phase",
                                  "marginal", "support", "cost", "response"])
def test_chart_is_valid_vega_lite_with_description(charts, name):
    spec = charts[name].to_dict()  # validates against the schema
    assert spec["$schema"].startswith("https://vega.github.io/schema/vega-lite/v")
    assert isinstance(spec.get("description"), str) and len(spec["description"]) > 60


def test_split_chart_marks_the_search_answer():
    for horizon, budget in [(4, 1.0), (12, 1.0), (26, 2.0), (52, 0.5)]:
        search = budgets.best_constant_split(budget, horizon)
        chart = viz.split_value_chart(search.to_frame())
        best = chart.layer[-2].data
        assert best.empower_share.iloc[0] == search.best_share
        assert best.value.iloc[0] == pytest.approx(search.value, abs=1e-12)
        assert f"best share is {search.best_share:.2f}" in chart.description


def test_plan_by_plan_check_agrees_with_the_grid_search():
    frame = lab.split_check_frame(1.0, 26, step=0.05)
    search = frame[frame.method == "grid search"].set_index("empower_share").value
    check = frame[frame.method == "plan by plan"].set_index("empower_share").value
    assert len(search) == len(check) == 21
    np.testing.assert_allclose(check.to_numpy(), search.to_numpy(), rtol=0, atol=1e-9)
    # a finer check finds no share that beats the grid's best by more than a sliver
    fine = lab.split_check_frame(1.0, 26, step=0.01)
    best = fine[fine.best].value.iloc[0]
    assert fine[fine.method == "plan by plan"].value.max() < best + 0.2


def test_horizon_chart_draws_the_measured_best_shares():
    frame = lab.horizon_check_frame(1.0, [4, 12, 26, 52])
    assert frame.best_share.tolist() == [0.0, 0.25, 0.45, 0.5]
    assert (frame.best_share == frame.check_share).all()
    chart = viz.horizon_split_chart(frame, marked=[4, 52])
    assert "agrees at every horizon" in chart.description
    assert "4 periods: 0.00, 52 periods: 0.50" in chart.description


def test_two_phase_chart_marks_the_search_answer():
    for market, first in [(Market(), "influence"), (lab.MARKETS["established"], "empower")]:
        search = budgets.best_two_phase_plan(1.0, 52, market=market)
        frame = lab.two_phase_frame(1.0, 52, market=market)
        assert search.first == first
        row = frame[frame.best].iloc[0]
        assert (row["first"], row["switch"], row["share"]) == (search.first, search.switch, search.share)
        assert frame.value.max() == pytest.approx(search.value, abs=1e-12)
        chart = viz.two_phase_chart(frame)
        assert f"{first} first, switching at period {search.switch}" in chart.description


def test_support_gap_is_the_community_roi():
    out = budgets.simulate_plan(BudgetPlan.constant(1.0, 52, 0.5))
    frame = lab.support_frame(out)
    chart = viz.support_chart(frame)
    assert f"saves {out.support_saved:.1f} in total" in chart.description
    own = frame[frame.series == "company's own load"].amount.to_numpy()
    np.testing.assert_allclose(own, out.support)
    assert own.argmax() < 20 and own[-1] < own.max()  # the load peaks, then falls


def test_cost_chart_leaves_out_levers_a_plan_does_not_fund(plans):
    chart = viz.cost_chart(lab.plan_summary_frame(plans))
    rows = chart.data
    assert not ((rows.plan == "all influence") & (rows.lever == "empower")).any()
    assert not ((rows.plan == "all empowerment") & (rows.lever == "influence")).any()
    even = rows[rows.plan == "best constant split"].set_index("lever").cost
    costs = budgets.cost_per_adoption(plans["best constant split"])
    assert even["influence"] == pytest.approx(costs.direct) and even["empower"] == pytest.approx(costs.indirect)


def test_response_slope_is_the_derivative_of_the_closed_form():
    frame = lab.response_frame(max_spend=3.0, points=301)
    market = Market()
    for lever, maximum, half in [("influence", market.direct_max, market.influence_half),
                                 ("empower", market.advocate_max, market.empower_half)]:
        part = frame[frame.lever == lever]
        numeric = np.gradient(part.response.to_numpy(), part.spend.to_numpy())
        np.testing.assert_allclose(part.slope.to_numpy()[1:-1], numeric[1:-1], rtol=1e-3)
        at_half = part[np.isclose(part.spend, half)].response.iloc[0]
        assert at_half == pytest.approx(maximum / 2)
    # splitting one unit between the levers' first halves buys more than putting it all in one:
    # concavity, where "don't do everything at once" starts
    influence = frame[frame.lever == "influence"].set_index("spend").slope
    assert influence.iloc[0] == pytest.approx(2 * influence.loc[1.0])


def test_marginal_chart_names_when_the_lead_changes():
    plan = BudgetPlan.constant(1.0, 52, 0.5)
    frame = lab.marginal_frame(plan)
    mv = budgets.marginal_values(plan)
    switch = int(np.flatnonzero(mv.leader == "empower")[0])  # first period (from 0) empowerment leads
    negative = np.maximum(mv.influence, mv.empower) < 0
    first_negative = int(np.flatnonzero(~negative)[-1]) + 1  # from here on, neither pays
    description = viz.marginal_chart(frame).description
    assert f"Influence leads in periods 1-{switch}," in description
    assert f"empowerment leads in periods {switch + 1}-" in description
    assert f"Both are below zero from period {first_negative + 1} on." in description
    assert frame.period.min() == 1


def test_bad_input_is_refused_in_plain_words(plans):
    frame = budgets.best_constant_split(1.0, 12).to_frame()
    with pytest.raises(ValueError, match="no row has best == True"):
        viz.split_value_chart(frame.assign(best=False))
    with pytest.raises(ValueError, match=r"missing column\(s\) \['value'\]"):
        viz.split_value_chart(frame.drop(columns="value"))
    with pytest.raises(ValueError, match="step must be between 0"):
        lab.split_check_frame(1.0, 12, step=0)
    with pytest.raises(ValueError, match="market must be a Market or one of"):
        lab.two_phase_frame(1.0, 12, market="old")
    with pytest.raises(ValueError, match="points must be at least 2"):
        lab.response_frame(points=1)
    with pytest.raises(TypeError, match="must be a BudgetOutcome"):
        lab.plan_curves_frame({"x": 1.0})
    with pytest.raises(ValueError, match="lag must be between 0 and horizon - 1"):
        lab.standard_plans(1.0, 8, market="established")


def test_summary_numbers_are_the_outcomes(plans):
    table = lab.plan_summary_frame(plans).set_index("plan")
    for name, out in plans.items():
        assert table.loc[name, "value"] == out.value
        assert table.loc[name, "support_saved"] == pytest.approx(out.support_saved)
    assert math.isnan(table.loc["all influence", "cost_indirect"])
    assert table.loc["best two-phase plan", "value"] >= table.loc["best constant split", "value"]
    assert table.loc["best constant split", "value"] > max(table.loc["all influence", "value"],
                                                           table.loc["all empowerment", "value"])


def test_plan_curves_are_the_outcomes_own_table():
    out = budgets.simulate_plan(BudgetPlan.constant(1.0, 6, 0.4))
    kinds = ["adopters", "community", "support", "empower_spend"]
    frame = lab.plan_curves_frame({"x": out}, series=kinds)
    table = out.to_frame()
    table = table[table.series.isin(kinds)].sort_values(["series", "period"])
    mine = frame.sort_values(["series", "period"])
    np.testing.assert_array_equal(mine.amount.to_numpy(), table.amount.to_numpy())
    assert (mine.period.to_numpy() == table.period.to_numpy() + 1).all()  # periods from 1
    with pytest.raises(ValueError, match="series must be among"):
        lab.plan_curves_frame({"x": out}, series=["customers"])
