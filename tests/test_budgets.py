"""course_lib.budgets: the response curve, the plan model, the grid searches, and the
lesson-08 claims at the default market."""
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from course_lib._guard import ReferenceLockedError, student_code_under_test
from course_lib.budgets import (
    BudgetPlan,
    Market,
    best_constant_split,
    best_split_by_horizon,
    best_two_phase_plan,
    cost_per_adoption,
    marginal_values,
    saturating_response,
    simulate_plan,
)

# ------------------------------------------------------------------- strategies

unit = st.floats(0.0, 1.0)
positive = st.floats(0.05, 5.0)


@st.composite
def markets(draw, max_lag=3):
    direct_max = draw(unit)
    room = (1.0 - direct_max) * (1 - 1e-12)  # direct_max + word_of_mouth <= 1 after rounding
    initial_adopters = draw(unit)
    return Market(
        direct_max=direct_max,
        influence_half=draw(positive),
        word_of_mouth=draw(unit) * room,
        advocate_max=draw(unit),
        empower_half=draw(positive),
        decay=draw(unit),
        lag=draw(st.integers(0, max_lag)),
        answered_max=draw(unit),
        community_half=draw(st.floats(0.01, 1.0)),
        support_per_customer=draw(st.floats(0.0, 5.0)),
        margin=draw(st.floats(0.0, 10.0)),
        initial_adopters=initial_adopters,
        initial_community=draw(st.floats(0.0, initial_adopters)),
    )


@st.composite
def market_and_plan(draw, max_horizon=15):
    market = draw(markets())
    horizon = draw(st.integers(market.lag + 1, max(max_horizon, market.lag + 1)))
    spends = st.lists(st.floats(0.0, 5.0), min_size=horizon, max_size=horizon)
    return market, BudgetPlan(draw(spends), draw(spends))


# ------------------------------------------------------------- response curve

@given(x=st.floats(0.0, 50.0), h=st.floats(1e-3, 10.0),
       maximum=st.one_of(st.just(0.0), st.floats(1e-6, 10.0)),
       half=st.floats(0.1, 10.0))
def test_response_is_zero_at_zero_increasing_concave_and_bounded(x, h, maximum, half):
    r0, r1, r2 = saturating_response([x, x + h, x + 2 * h], maximum, half)
    assert saturating_response(0.0, maximum, half) == 0.0
    assert 0.0 <= r0 <= r1 <= r2 <= maximum
    if maximum > 0 and x + h <= 20 * half:  # before 2**-20 saturation in floating point
        assert r1 > r0
    # concave: second difference <= 0, up to the rounding of three numbers <= `maximum`
    assert r0 - 2 * r1 + r2 <= 8 * np.finfo(float).eps * maximum
    # half buys half the maximum, each further half closes half the remaining gap
    assert saturating_response(half, maximum, half) == pytest.approx(maximum / 2)
    assert saturating_response(3 * half, maximum, half) == pytest.approx(7 / 8 * maximum)


# ------------------------------------------------------------------ the model

def test_two_period_plan_by_hand():
    market = Market(direct_max=0.2, influence_half=1.0, word_of_mouth=0.5, advocate_max=0.4,
                    empower_half=1.0, decay=0.5, lag=1, answered_max=0.5, community_half=0.056,
                    support_per_customer=2.0, margin=4.0, initial_adopters=0.2,
                    initial_community=0.0)
    plan = BudgetPlan(influence=[1.0, 2.0], empower=[1.0, 5.0])
    # R(v; m, h) = m (1 - 2**(-v/h)); A_{-1} = 0.2, C_{-1} = 0, lag 1.
    # t = 0: no empowerment has acted yet (e_{-1} = 0), so C_0 = 0.5 * 0 + 0 = 0.
    #        direct chance R(1; 0.2, 1) = 0.1; direct_0 = 0.1 * (1 - 0.2) = 0.08;
    #        indirect_0 = 0.5 * 0 * 0.8 = 0;  A_0 = 0.2 + 0.08 = 0.28.
    #        answered h_0 = 0; support_0 = 2 * 0.28 * 1 = 0.56.
    #        value_0 = 4 * 0.28 - 0.56 - (1 + 1) = -1.44.
    # t = 1: recruit R(e_0 = 1; 0.4, 1) = 0.2; C_1 = 0.5 * 0 + 0.2 * (0.28 - 0) = 0.056.
    #        direct chance R(2; 0.2, 1) = 0.2 * 3/4 = 0.15; open = 1 - 0.28 = 0.72;
    #        direct_1 = 0.15 * 0.72 = 0.108; indirect_1 = 0.5 * 0.056 * 0.72 = 0.02016;
    #        A_1 = 0.28 + 0.108 + 0.02016 = 0.40816.
    #        h_1 = R(0.056; 0.5, 0.056) = 0.25; support_1 = 2 * 0.40816 * 0.75 = 0.61224.
    #        value_1 = 4 * 0.40816 - 0.61224 - (2 + 5) = -5.9796 (e_1 = 5 never acts).
    out = simulate_plan(plan, market=market)
    close = {"rel": 1e-12, "abs": 1e-15}
    assert out.community.tolist() == pytest.approx([0.0, 0.056], **close)
    assert out.direct.tolist() == pytest.approx([0.08, 0.108], **close)
    assert out.indirect.tolist() == pytest.approx([0.0, 0.02016], **close)
    assert out.adopters.tolist() == pytest.approx([0.28, 0.40816], **close)
    assert out.answered.tolist() == pytest.approx([0.0, 0.25], **close)
    assert out.support.tolist() == pytest.approx([0.56, 0.61224], **close)
    assert out.value == pytest.approx(-1.44 - 5.9796, **close)
    assert out.final == pytest.approx(0.40816, **close)
    assert out.support_cost == pytest.approx(0.56 + 0.61224, **close)
    # community ROI: support the community took off the company, 2 * 0.40816 * 0.25
    assert out.support_saved == pytest.approx(0.20408, **close)
    costs = cost_per_adoption(out)
    assert costs.direct == pytest.approx(3.0 / 0.188, **close)
    assert costs.indirect == pytest.approx(6.0 / 0.02016, **close)


@settings(max_examples=150)
@given(market_and_plan())
def test_shares_stay_ordered_and_are_conserved(case):
    market, plan = case
    out = simulate_plan(plan, market=market)
    A = np.concatenate([[market.initial_adopters], out.adopters])
    C = out.community
    tol = 1e-12
    assert np.all(np.diff(A) >= -tol), "customers never leave"
    assert np.all(C >= -tol) and np.all(C <= A[1:] + tol) and np.all(A <= 1 + tol)
    # every new customer is direct or indirect, and nothing else changes A
    assert np.allclose(np.diff(A), out.direct + out.indirect, rtol=0, atol=tol)
    assert out.direct.sum() + out.indirect.sum() == pytest.approx(out.final - market.initial_adopters,
                                                                  abs=1e-12)
    # non-adopters, plain customers and advocates partition the market, each non-negative
    parts = np.stack([1 - A[1:], A[1:] - C, C])
    assert np.all(parts >= -tol) and np.allclose(parts.sum(axis=0), 1.0, rtol=0, atol=tol)
    assert np.all((out.answered >= 0) & (out.answered <= market.answered_max))
    assert np.all(out.support >= -tol) and np.all(out.direct >= 0) and np.all(out.indirect >= 0)


@given(markets(), st.integers(1, 12), st.floats(0.0, 3.0))
def test_without_empowerment_the_community_only_decays(market, extra, budget):
    horizon = market.lag + extra
    plan = BudgetPlan.constant(budget, horizon, 0.0)
    out = simulate_plan(plan, market=market)
    expected = market.initial_community * (1 - market.decay) ** np.arange(1, horizon + 1)
    assert np.allclose(out.community, expected, rtol=1e-12, atol=1e-300)
    if market.initial_community == 0:
        assert np.all(out.community == 0) and np.all(out.indirect == 0)


@settings(max_examples=150)
@given(market_and_plan(), st.data())
def test_spend_acts_exactly_after_its_lag(case, data):
    market, plan = case
    horizon = plan.horizon
    t = data.draw(st.integers(0, horizon - 1))
    bump = data.draw(st.floats(0.5, 5.0))
    base = simulate_plan(plan, market=market)
    empower = plan.empower.copy()
    empower[t] += bump
    later = simulate_plan(BudgetPlan(plan.influence, empower), market=market)
    influence = plan.influence.copy()
    influence[t] += bump
    sooner = simulate_plan(BudgetPlan(influence, plan.empower), market=market)
    names = ("adopters", "direct", "indirect", "community", "answered", "support")
    first_changed = t + market.lag
    for name in names:
        # bit for bit: the model never looks ahead
        assert np.array_equal(getattr(base, name)[:first_changed], getattr(later, name)[:first_changed])
        assert np.array_equal(getattr(base, name)[:t], getattr(sooner, name)[:t])
    if first_changed < horizon:
        # at t + lag, more empowerment recruits more advocates, whenever there are
        # customers to recruit and the extra chance survives rounding
        customers = np.concatenate([[market.initial_adopters], base.adopters])[first_changed]
        advocates = np.concatenate([[market.initial_community], base.community])[first_changed]
        extra = market.advocate_chance(empower[t]) - market.advocate_chance(plan.empower[t])
        if extra * (customers - advocates) > 1e-12:
            assert later.community[first_changed] > base.community[first_changed]
        else:
            assert later.community[first_changed] >= base.community[first_changed]


@given(st.floats(0.0, 1.0), st.floats(0.0, 1.0), st.floats(0.0, 1.0),
       st.floats(0.0, 1.0), st.floats(0.01, 1.0), st.floats(0.1, 5.0))
def test_support_load_falls_as_the_community_grows(adopters, c1, c2, answered_max, half, cost):
    market = Market(answered_max=answered_max, community_half=half, support_per_customer=cost)
    small, large = sorted([c1, c2])
    assert market.support_load(adopters, large) <= market.support_load(adopters, small)
    assert market.support_load(adopters, 0.0) == pytest.approx(cost * adopters)


def test_more_empowerment_lowers_support_with_everything_else_equal():
    # word_of_mouth = 0: the community cannot change who buys, only who answers questions
    market = Market(word_of_mouth=0.0)
    influence = np.full(30, 0.6)
    low = simulate_plan(BudgetPlan(influence, np.full(30, 0.2)), market=market)
    high = simulate_plan(BudgetPlan(influence, np.full(30, 0.8)), market=market)
    assert np.array_equal(low.adopters, high.adopters)
    assert np.all(high.community >= low.community)
    assert np.all(high.support <= low.support)
    assert np.all(high.support[market.lag:] < low.support[market.lag:])
    assert high.support_saved > low.support_saved


def test_outcome_table_is_long_and_holds_the_series():
    out = simulate_plan(BudgetPlan.two_phase(1.0, 10, 4, "influence", 0.8))
    frame = out.to_frame()
    assert list(frame.columns) == ["period", "series", "amount"]
    assert len(frame) == 10 * 8
    wide = frame.pivot(index="period", columns="series", values="amount")
    assert np.array_equal(wide["community"].to_numpy(), out.community)
    assert wide["empower_spend"].tolist() == pytest.approx([0.2] * 4 + [0.8] * 6, rel=1e-12)


def test_marginal_values_are_the_bumped_plans_values():
    market = Market(lag=3)
    plan = BudgetPlan.two_phase(1.0, 9, 4, "influence", 0.8)
    mv = marginal_values(plan, market=market, step=1e-3)
    base = simulate_plan(plan, market=market).value
    for t in range(plan.horizon):
        bumped = plan.influence.copy()
        bumped[t] += 1e-3
        value = simulate_plan(BudgetPlan(bumped, plan.empower), market=market).value
        assert mv.influence[t] == (value - base) / 1e-3
    assert set(mv.to_frame().lever) == {"influence", "empower"} and len(mv.to_frame()) == 18


@given(market_and_plan(max_horizon=10))
def test_marginal_values_against_the_derivative_by_hand(case):
    market, plan = case
    T = plan.horizon
    mv = marginal_values(plan, market=market, step=1e-7)
    out = simulate_plan(plan, market=market)
    # Empowerment in the last `lag` periods never acts: it only costs its unit.
    assert np.allclose(mv.empower[T - market.lag:], -1.0, rtol=0, atol=1e-6)
    # Influence in the last period moves only A_{T-1}, by dA = R'(x) (1 - A_{T-2}) dx with
    # R'(x) = direct_max ln2 / half * 2**(-x/half); the value gains
    # (margin - support_per_customer (1 - h_{T-1})) dA - dx.
    x = plan.influence[-1]
    slope = market.direct_max * math.log(2) / market.influence_half * 2 ** (-x / market.influence_half)
    before = out.adopters[-2] if T > 1 else market.initial_adopters
    per_customer = market.margin - market.support_per_customer * (1 - out.answered[-1])
    expected = per_customer * slope * (1 - before) - 1.0
    # Forward difference: error step/2 * |f''| with f'' = -ln2/half * (expected + 1) (R'' =
    # -ln2/half R'), plus the rounding of two values of size |value| + spend, divided by step.
    step = 1e-7
    truncation = step / 2 * math.log(2) / market.influence_half * abs(expected + 1.0)
    rounding = 4 * np.finfo(float).eps * (abs(out.value) + plan.spend.sum() + 1) / step
    assert abs(mv.influence[-1] - expected) <= truncation + rounding + 1e-12


def test_influence_leads_first_then_empowerment_in_a_new_market():
    # where "don't do everything at once" comes from: under the best constant split of a
    # year, one more unit is worth more on influence first, on empowerment after (and on
    # influence again in the last `lag` periods, where empowerment cannot act any more)
    best = best_constant_split(1.0, 52).plan
    leader = marginal_values(best).leader
    changes = np.flatnonzero(leader[1:] != leader[:-1]) + 1
    assert leader[0] == "influence" and leader[10] == "empower"
    assert 3 <= changes[0] <= 9  # the best two-phase plan switches at period 6
    assert np.all(leader[-Market().lag:] == "influence")
    assert np.all(leader[changes[0]:-Market().lag] == "empower")


# ------------------------------------------------------------- grid searches

@settings(max_examples=25)
@given(markets(), st.integers(1, 10), st.floats(0.0, 3.0),
       st.lists(unit, min_size=1, max_size=8))
def test_constant_split_search_matches_brute_force(market, extra, budget, grid):
    horizon = market.lag + extra
    search = best_constant_split(budget, horizon, market=market, grid=grid)
    brute = [simulate_plan(BudgetPlan.constant(budget, horizon, s), market=market).value for s in grid]
    assert np.array_equal(search.values, brute)
    best = int(np.argmax(brute))  # ties: the first share in the grid
    assert search.best_share == grid[best] and search.value == brute[best]
    assert search.outcome.value == search.value
    assert search.to_frame()["best"].sum() == 1


@settings(max_examples=15)
@given(markets(), st.integers(1, 6), st.floats(0.0, 3.0),
       st.lists(unit, min_size=1, max_size=4))
def test_two_phase_search_matches_brute_force(market, extra, budget, shares):
    horizon = market.lag + extra
    search = best_two_phase_plan(budget, horizon, market=market, share_grid=shares)
    brute, plans = [], []
    for first in ("empower", "influence"):
        for share in shares:
            for switch in range(horizon + 1):
                plan = BudgetPlan.two_phase(budget, horizon, switch, first, share)
                brute.append(simulate_plan(plan, market=market).value)
                plans.append((switch, first, share))
    assert np.array_equal(search.values, brute)
    assert list(zip(search.switches.tolist(), search.firsts.tolist(), search.shares.tolist())) == plans
    assert (search.switch, search.first, search.share) == plans[int(np.argmax(brute))]
    assert search.value == max(brute) and search.outcome.value == search.value


@settings(max_examples=15)
@given(markets(max_lag=2), st.floats(0.1, 3.0))
def test_two_phase_plans_include_the_constant_splits(market, budget):
    # switch 0 or horizon with the default share grid gives every constant split of the
    # default grid, so the best two-phase plan can never be worse
    horizon = market.lag + 8
    constant = best_constant_split(budget, horizon, market=market)
    two_phase = best_two_phase_plan(budget, horizon, market=market)
    assert two_phase.value >= constant.value - 1e-9 * max(1.0, abs(constant.value))


@settings(max_examples=25)
@given(markets(), st.lists(st.integers(1, 12), min_size=1, max_size=5), st.floats(0.0, 3.0),
       st.lists(unit, min_size=1, max_size=6))
def test_split_by_horizon_repeats_the_constant_search(market, extras, budget, grid):
    # one run over the longest horizon must give each horizon's own search, bit for bit
    horizons = [market.lag + e for e in extras]
    table = best_split_by_horizon(budget, horizons, market=market, grid=grid).to_frame()
    assert table.horizon.tolist() == horizons
    for row in table.itertuples():
        one = best_constant_split(budget, row.horizon, market=market, grid=grid)
        assert (row.best_share, row.value, row.final) == (one.best_share, one.value, one.outcome.final)
    assert table.value_per_period.tolist() == pytest.approx((table.value / table.horizon).tolist())


def test_searches_are_reference_implementations():
    with student_code_under_test():
        with pytest.raises(ReferenceLockedError):
            best_constant_split(1.0, 5)
        with pytest.raises(ReferenceLockedError):
            best_two_phase_plan(1.0, 5)
        with pytest.raises(ReferenceLockedError):
            best_split_by_horizon(1.0, [5])
        simulate_plan(BudgetPlan.constant(1.0, 5, 0.5))  # the model stays open to students


# ------------------------------------------- the lesson's claims, default market

def test_short_horizons_favour_influence_long_horizons_empowerment():
    short = best_constant_split(1.0, 4)
    assert short.best_share == 0.0
    # margin: at 4 periods an even split loses more than 0.4 (20% of the loss) vs all-influence
    values = dict(zip(short.shares.tolist(), short.values.tolist()))
    assert values[0.0] - values[0.5] > 0.4
    long = best_constant_split(1.0, 52)
    assert 0.4 <= long.best_share <= 0.7
    values = dict(zip(long.shares.tolist(), long.values.tolist()))
    assert values[long.best_share] - values[0.0] > 50  # all-influence is far behind
    shares = best_split_by_horizon(1.0, [4, 8, 12, 18, 26, 39, 52]).best_shares
    assert np.all(np.diff(shares) >= 0), "the best empowerment share grows with the horizon"


def test_two_phases_beat_every_constant_split_at_long_horizons_only():
    for horizon in (4, 8):
        # too short for a community to pay: two phases add nothing
        gain = best_two_phase_plan(1.0, horizon).value - best_constant_split(1.0, horizon).value
        assert gain == pytest.approx(0.0, abs=1e-9)
    for horizon in (26, 52):
        constant = best_constant_split(1.0, horizon)
        two = best_two_phase_plan(1.0, horizon)
        assert two.value - constant.value > 1.0
        # not an artefact of the 0.05 grid: the best constant split on a 0.001 grid is
        # still beaten by almost as much (the value curve is flat near its top)
        fine = best_constant_split(1.0, horizon, grid=np.linspace(0, 1, 1001))
        assert two.value - fine.value > 0.9
        # in a new market (5% customers) the base comes first: influence leads, then
        # the community, and neither lever is ever switched off (share < 1)
        assert two.first == "influence" and 0.5 < two.share < 1.0 and 0 < two.switch < horizon


def test_an_established_market_with_a_slow_community_empowers_first():
    # 30% customers already, community needs 8 periods and lasts (2% lapse a period)
    market = Market(initial_adopters=0.3, lag=8, decay=0.02)
    for horizon in (26, 52):
        constant = best_constant_split(1.0, horizon, market=market)
        two = best_two_phase_plan(1.0, horizon, market=market)
        assert two.first == "empower" and two.value - constant.value > 0.2


def test_word_of_mouth_is_cheaper_per_customer_only_in_the_long_run():
    # Wu: indirect influence is often more effective per unit cost, but slower
    short = cost_per_adoption(simulate_plan(BudgetPlan.constant(1.0, 12, 0.5)))
    long = cost_per_adoption(simulate_plan(BudgetPlan.constant(1.0, 52, 0.5)))
    assert short.indirect > 1.05 * short.direct
    assert long.indirect < 0.8 * long.direct


# ----------------------------------------------------------------- bad inputs

@pytest.mark.parametrize("call, name", [
    (lambda: BudgetPlan.constant(-1.0, 5, 0.5), "budget"),
    (lambda: BudgetPlan.constant(1.0, 0, 0.5), "horizon"),
    (lambda: BudgetPlan.constant(1.0, 5, 1.2), "empower_share"),
    (lambda: BudgetPlan.two_phase(1.0, 5, 6), "switch"),
    (lambda: BudgetPlan.two_phase(1.0, 5, 2, first="both"), "first"),
    (lambda: BudgetPlan.two_phase(1.0, 5, 2, share=-0.1), "share"),
    (lambda: BudgetPlan([1.0, -1.0], [0.0, 0.0]), "influence"),
    (lambda: BudgetPlan([1.0, 1.0], [0.0, 0.0, 1.0]), "empower"),
    (lambda: BudgetPlan([1.0, 1.0], [0.0, float("nan")]), "empower"),
    (lambda: BudgetPlan([], []), "influence"),
    (lambda: Market(lag=-1), "lag"),
    (lambda: Market(decay=1.5), "decay"),
    (lambda: Market(influence_half=0.0), "influence_half"),
    (lambda: Market(direct_max=0.7, word_of_mouth=0.5), "direct_max + word_of_mouth"),
    (lambda: Market(initial_adopters=0.1, initial_community=0.2), "initial_community"),
    (lambda: simulate_plan(BudgetPlan.constant(1.0, 3, 0.5), lag=3), "lag"),
    (lambda: simulate_plan(BudgetPlan.constant(1.0, 3, 0.5), margin=-1.0), "margin"),
    (lambda: best_constant_split(-0.5, 10), "budget"),
    (lambda: best_constant_split(1.0, 0), "horizon"),
    (lambda: best_constant_split(1.0, 2), "lag"),
    (lambda: best_constant_split(1.0, 10, grid=[]), "grid"),
    (lambda: best_constant_split(1.0, 10, grid=[0.5, 1.5]), "grid"),
    (lambda: best_two_phase_plan(1.0, 10, switch_grid=[]), "switch_grid"),
    (lambda: best_two_phase_plan(1.0, 10, switch_grid=[11]), "switch_grid"),
    (lambda: best_two_phase_plan(1.0, 10, share_grid=[-0.2]), "share_grid"),
    (lambda: best_split_by_horizon(1.0, []), "horizons"),
    (lambda: best_split_by_horizon(1.0, [10, 2]), "horizons"),
    (lambda: saturating_response(-1.0, 1.0, 1.0), "x"),
    (lambda: saturating_response(1.0, 1.0, 0.0), "half"),
])
def test_bad_input_names_the_parameter(call, name):
    with pytest.raises(ValueError, match=name.replace("+", r"\+")):
        call()


@pytest.mark.parametrize("call, name", [
    (lambda: simulate_plan([1.0, 0.0]), "plan"),
    (lambda: simulate_plan(BudgetPlan.constant(1.0, 5, 0.5), reach=3), "reach"),
    (lambda: best_constant_split(1.0, 5, market={"lag": 1}), "market"),
    (lambda: BudgetPlan.constant(1.0, 5.5, 0.5), "horizon"),
    (lambda: cost_per_adoption(None), "outcome"),
])
def test_wrong_kind_of_input_is_a_type_error(call, name):
    with pytest.raises(TypeError, match=name):
        call()
