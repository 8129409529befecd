"""Lesson 08's explorers: the charts follow the sliders and show the library's answers."""
import json

import pytest
import vl_convert as vlc
from altair.utils.schemapi import validate_jsonschema
from altair.vegalite.v6.schema.core import load_schema

from course_lib import budgets, explore, quizzes
from course_lib.experiments.budgets import MARKETS
from course_lib.explore import budgets as budget_explorers
from course_lib.explore.declare import MAX_SITE_CELLS


def _best_point(chart):
    """(share, value) of the red best-share point in the horizon explorer's left panel."""
    best = chart.hconcat[0].layer[-1].data
    return float(best.empower_share.iloc[0]), float(best.value.iloc[0])


def test_horizon_explorer_shows_the_best_constant_split():
    ex = explore.horizon_explorer(horizon=12)
    for horizon, budget in [(4, 1.0), (26, 1.0), (52, 1.0), (52, 2.5)]:
        chart = ex.update(horizon=horizon, budget=budget)
        search = budgets.best_constant_split(budget, horizon)
        assert _best_point(chart) == (search.best_share, pytest.approx(search.value))
        assert f"best share to empowerment {search.best_share:.2f} (value {search.value:.1f}" in chart.title.text
        curves = chart.hconcat[1].data
        assert curves.period.max() == horizon
        best_final = curves[(curves.plan == "best constant split") & (curves.series == "adopters")
                            & (curves.period == horizon)].amount.iloc[0]
        assert best_final == pytest.approx(search.outcome.final)


def test_moving_the_slider_changes_the_chart():
    ex = explore.horizon_explorer(horizon=4)
    before = ex.chart
    ex.controls["horizon"].value = 52  # as a student drags it
    after = ex.chart
    assert after is not before
    assert _best_point(before)[0] == 0.0 and _best_point(after)[0] == 0.5
    assert ex.values == {"horizon": 52, "budget": 1.0}


def test_phasing_explorer_flips_the_lead_with_the_market():
    ex = explore.phasing_explorer(market="new", horizon=52)
    assert "influence first wins (switch at period 6" in ex.chart.title.text
    chart = ex.update(market="established")
    search = budgets.best_two_phase_plan(1.0, 52, market=MARKETS["established"])
    assert search.first == "empower"
    assert f"empower first wins (switch at period {search.switch}" in chart.title.text
    star = chart.hconcat[0].layer[-1].data
    assert (star["first"].iloc[0], int(star.switch.iloc[0])) == ("empower", search.switch)
    # at 12 periods in the new market no two-phase plan beats the best constant split
    assert "no two-phase plan beats" in ex.update(market="new", horizon=12).title.text


@pytest.mark.parametrize("declaration, cells", [(budget_explorers.horizon_declaration(), 150),
                                                (budget_explorers.phasing_declaration(), 22)])
def test_site_grids_stay_within_a_page(declaration, cells):
    assert len(declaration.site_cells()) == cells <= MAX_SITE_CELLS
    assert all(cell["horizon"] > 2 for cell in declaration.site_cells())  # above the lag


def test_phasing_page_is_one_spec_with_bound_controls():
    spec = budget_explorers.phasing_declaration().static_spec()
    inputs = {p["name"]: p["bind"]["input"] for p in spec["params"] if "bind" in p}
    assert inputs == {"ctl_market": "select", "ctl_horizon": "range"}
    validate_jsonschema(spec, load_schema())
    svg = vlc.vegalite_to_svg(json.dumps(spec))  # Vega draws it, with the default setting's title
    assert "New product, T = 52: influence first wins" in svg


def test_horizon_page_is_valid_vega_lite():
    declaration = budget_explorers.horizon_declaration()
    small = declaration.__class__(declaration.name, (
        declaration.controls[0].__class__("horizon", "planning horizon T", 4, 52, 1, 12, "d", site_step=16),
        declaration.controls[1].__class__("budget", "budget per period", 0.5, 3.0, 0.25, 1.0, ".2f", site_step=1.25),
    ), declaration.render)  # the same render over a small grid: a quick test
    spec = small.static_spec()
    validate_jsonschema(spec, load_schema())
    assert "T = 12 periods, budget 1: best share to empowerment 0.25" in vlc.vegalite_to_svg(json.dumps(spec))


def test_explorers_refuse_values_off_their_sliders():
    with pytest.raises(ValueError, match="horizon must be between 4 and 52"):
        explore.horizon_explorer(horizon=2)
    with pytest.raises(ValueError, match="budget must be between 0.5 and 3"):
        explore.horizon_explorer(budget=10)
    with pytest.raises(ValueError, match="market must be one of"):
        explore.phasing_explorer(market="mature")
    with pytest.raises(ValueError, match="horizon must be between 12 and 52"):
        explore.phasing_explorer(horizon=8)


def test_quiz_bank_is_well_formed():
    q = explore.quiz(quizzes.BUDGETS)  # raises if an answer index is out of range
    assert len(q.choices) == len(quizzes.BUDGETS) >= 5
    assert all(item["explain"] and 0 <= item["answer"] < len(item["options"]) for item in quizzes.BUDGETS)


def test_quiz_numbers_are_the_models():
    # the bank quotes model outputs; if the model changes, the questions must change too
    text = " ".join(q["question"] + " " + q["explain"] + " " + " ".join(q["options"]) for q in quizzes.BUDGETS)
    even = budgets.simulate_plan(budgets.BudgetPlan.constant(1.0, 52, 0.5))
    costs = budgets.cost_per_adoption(even)
    assert f"{costs.indirect:.1f}" in text and f"{costs.direct:.1f}" in text
    assert f"About {round(even.support_saved)} saved against about {round(even.support_cost)} paid" in text
    assert budgets.best_split_by_horizon(1.0, [4, 52]).best_shares.tolist() == [0.0, 0.5]
    two = budgets.best_two_phase_plan(1.0, 52)
    assert (two.first, two.switch, two.share) == ("influence", 6, 0.7)
    assert f"keeps {round((1 - two.share) * 100)}%" in text
