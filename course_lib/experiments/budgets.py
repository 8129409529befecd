"""Tables for lesson 08 (budgets and community ROI) that feed :mod:`course_lib.viz` charts.

Computation only: numpy, pandas and :mod:`course_lib.budgets`; never widgets or charts.
Every number is a model output for a market whose parameters are assumptions
(:class:`course_lib.budgets.Market`); :data:`MARKETS` names the two markets the lesson
compares.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .. import budgets
from ..budgets import BudgetOutcome, BudgetPlan, Market

__all__ = [
    "MARKETS",
    "split_check_frame",
    "horizon_check_frame",
    "standard_plans",
    "plan_curves_frame",
    "plan_summary_frame",
    "two_phase_frame",
    "marginal_frame",
    "support_frame",
    "response_frame",
]

#: The two markets of the lesson: a new product (the defaults of
#: :class:`course_lib.budgets.Market`: 5% already buy, no community, a lag of 2
#: periods) and an established one (30% already buy, a slower community, lag 8,
#: advocates who lapse less often, decay 0.02).
MARKETS = {
    "new": Market(),
    "established": Market(initial_adopters=0.3, lag=8, decay=0.02),
}


def _market(market):
    if market is None:
        return Market()
    if isinstance(market, str):
        if market not in MARKETS:
            raise ValueError(f"market must be a Market or one of {sorted(MARKETS)}, got {market!r}")
        return MARKETS[market]
    return market


def split_check_frame(budget, horizon, *, market=None, step=0.01):
    """Value of every constant split: the exact grid search and a plan-by-plan check.

    The search (:func:`course_lib.budgets.best_constant_split`, default grid 0, 0.05,
    ..., 1) runs all plans at once; the check simulates each plan on a finer grid one at
    a time with :func:`course_lib.budgets.simulate_plan`. Where both try a share they
    must agree exactly.

    Parameters
    ----------
    budget : float >= 0
        Spend per period.
    horizon : int
        Number of periods, more than the market's lag.
    market : Market or {"new", "established"}, optional
        Default ``Market()`` (the new product).
    step : float in (0, 1], optional
        Spacing of the check's shares.

    Returns
    -------
    pandas.DataFrame
        Columns ``empower_share``, ``value``, ``final`` (customers at the end),
        ``method`` ("grid search" or "plan by plan") and ``best`` (True on the search's
        best row only).

    Raises
    ------
    ValueError
        If ``step`` is not in (0, 1] or ``market`` names no market of :data:`MARKETS`.

    Examples
    --------
    >>> frame = split_check_frame(1.0, 12, step=0.25)
    >>> frame[frame.best][["empower_share", "value"]].round(3)
       empower_share  value
    5           0.25   0.11
    >>> frame.groupby("method").size().to_dict()
    {'grid search': 21, 'plan by plan': 5}
    """
    if not 0 < step <= 1:
        raise ValueError(f"step must be between 0 (excluded) and 1, got {step}")
    market = _market(market)
    search = budgets.best_constant_split(budget, horizon, market=market).to_frame()
    search["method"] = "grid search"
    shares = np.round(np.arange(0.0, 1.0 + step / 2, step), 10)
    rows = []
    for share in shares:
        out = budgets.simulate_plan(BudgetPlan.constant(budget, horizon, float(share)), market=market)
        rows.append({"empower_share": float(share), "value": out.value, "final": out.final,
                     "best": False, "method": "plan by plan"})
    return pd.concat([search, pd.DataFrame(rows)], ignore_index=True)[
        ["empower_share", "value", "final", "method", "best"]]


def horizon_check_frame(budget, horizons, *, market=None):
    """Best constant empowerment share for each horizon, by two independent routes.

    ``best_share`` comes from :func:`course_lib.budgets.best_split_by_horizon` (one run
    over the longest horizon, read off at each shorter one), ``check_share`` from a
    fresh :func:`course_lib.budgets.best_constant_split` per horizon.

    Parameters
    ----------
    budget : float >= 0
        Spend per period.
    horizons : sequence of int
        Horizons, each more than the market's lag.
    market : Market or {"new", "established"}, optional
        Default ``Market()``.

    Returns
    -------
    pandas.DataFrame
        Columns ``horizon``, ``best_share``, ``value``, ``value_per_period``,
        ``final`` and ``check_share``.

    Examples
    --------
    >>> horizon_check_frame(1.0, [4, 12, 26, 52])[["horizon", "best_share", "check_share"]]
       horizon  best_share  check_share
    0        4        0.00         0.00
    1       12        0.25         0.25
    2       26        0.45         0.45
    3       52        0.50         0.50
    """
    market = _market(market)
    frame = budgets.best_split_by_horizon(budget, horizons, market=market).to_frame()
    frame["check_share"] = [budgets.best_constant_split(budget, int(h), market=market).best_share
                            for h in frame["horizon"]]
    return frame


def standard_plans(budget, horizon, *, market=None):
    """The plans the lesson compares, simulated: all on one lever, the best constant
    split, the best two-phase plan.

    Parameters
    ----------
    budget : float >= 0
        Spend per period.
    horizon : int
        Number of periods, more than the market's lag.
    market : Market or {"new", "established"}, optional
        Default ``Market()``.

    Returns
    -------
    dict
        Plan name -> :class:`course_lib.budgets.BudgetOutcome`, in the order "all
        influence", "all empowerment", "best constant split", "best two-phase plan".

    Examples
    --------
    >>> plans = standard_plans(1.0, 52)
    >>> {name: round(out.value, 1) for name, out in plans.items()}
    {'all influence': 53.6, 'all empowerment': 92.9, 'best constant split': 124.0, 'best two-phase plan': 126.0}
    """
    market = _market(market)
    return {
        "all influence": budgets.simulate_plan(BudgetPlan.constant(budget, horizon, 0.0), market=market),
        "all empowerment": budgets.simulate_plan(BudgetPlan.constant(budget, horizon, 1.0), market=market),
        "best constant split": budgets.best_constant_split(budget, horizon, market=market).outcome,
        "best two-phase plan": budgets.best_two_phase_plan(budget, horizon, market=market).outcome,
    }


_CURVES = ("adopters", "community", "direct", "indirect", "answered", "support",
           "influence_spend", "empower_spend")


def plan_curves_frame(outcomes, series=("adopters", "community")):
    """Stack plans' time series into one tidy table for the adoption charts.

    Parameters
    ----------
    outcomes : dict
        Plan name -> :class:`course_lib.budgets.BudgetOutcome`.
    series : sequence of str, optional
        Which series of ``BudgetOutcome.to_frame()`` to keep: "adopters", "community",
        "direct", "indirect", "answered", "support", "influence_spend", "empower_spend".

    Returns
    -------
    pandas.DataFrame
        Columns ``period`` (1 to the horizon), ``series``, ``amount`` and ``plan``.

    Raises
    ------
    TypeError
        If a value of ``outcomes`` is not a BudgetOutcome.
    ValueError
        If ``series`` names a series the outcome does not have.

    Examples
    --------
    >>> out = budgets.simulate_plan(BudgetPlan.constant(1.0, 3, 0.0))
    >>> plan_curves_frame({"ads": out}).round(3).head(3)
       period    series  amount plan
    0       1  adopters   0.098  ads
    1       2  adopters   0.143  ads
    2       3  adopters   0.185  ads
    """
    parts = []
    for name, outcome in outcomes.items():
        if not isinstance(outcome, BudgetOutcome):
            raise TypeError(f"outcomes[{name!r}] must be a BudgetOutcome, not {type(outcome).__name__}")
        periods = np.arange(1, outcome.horizon + 1)
        arrays = {"influence_spend": outcome.plan.influence, "empower_spend": outcome.plan.empower}
        for kind in series:
            if kind not in _CURVES:
                raise ValueError(f"series must be among {list(_CURVES)}, got {kind!r}")
            amount = arrays[kind] if kind in arrays else getattr(outcome, kind)
            parts.append(pd.DataFrame({"period": periods, "series": kind,
                                       "amount": np.asarray(amount, dtype=float), "plan": name}))
    return pd.concat(parts, ignore_index=True)


def plan_summary_frame(outcomes):
    """One row per plan: value, customers, community ROI and cost per adoption.

    Parameters
    ----------
    outcomes : dict
        Plan name -> :class:`course_lib.budgets.BudgetOutcome`.

    Returns
    -------
    pandas.DataFrame
        Columns ``plan``, ``value``, ``final``, ``support_cost`` (what the company pays
        for support), ``support_saved`` (what the community's answers save: community
        ROI), ``direct_adoptions``, ``indirect_adoptions``, ``cost_direct`` and
        ``cost_indirect`` (spend per adoption, :func:`course_lib.budgets.cost_per_adoption`).

    Examples
    --------
    >>> table = plan_summary_frame(standard_plans(1.0, 52))
    >>> table[["plan", "support_saved", "cost_direct", "cost_indirect"]].round(1)
                      plan  support_saved  cost_direct  cost_indirect
    0        all influence            0.0         58.8            NaN
    1      all empowerment           46.9          NaN           54.7
    2  best constant split           55.9         68.7           45.5
    3  best two-phase plan           57.3         52.9           55.7
    """
    rows = []
    for name, out in outcomes.items():
        cost = budgets.cost_per_adoption(out)
        rows.append({"plan": name, "value": out.value, "final": out.final,
                     "support_cost": out.support_cost, "support_saved": out.support_saved,
                     "direct_adoptions": cost.direct_adoptions,
                     "indirect_adoptions": cost.indirect_adoptions,
                     "cost_direct": cost.direct, "cost_indirect": cost.indirect})
    return pd.DataFrame(rows)


def two_phase_frame(budget, horizon, *, market=None):
    """The best two-phase plan for each switch period and leading lever.

    From the exact search of :func:`course_lib.budgets.best_two_phase_plan`: for each
    ``first`` lever and ``switch`` period, the plan of highest value over the leading
    lever's share.

    Parameters
    ----------
    budget : float >= 0
        Spend per period.
    horizon : int
        Number of periods, more than the market's lag.
    market : Market or {"new", "established"}, optional
        Default ``Market()``.

    Returns
    -------
    pandas.DataFrame
        One row per ``first`` ("empower", "influence") and ``switch`` (0 to the
        horizon): ``share`` (the best share for the leading lever), ``value``,
        ``constant_value`` (the best constant split's value, the same on every row)
        and ``best`` (True on the overall best plan's row).

    Examples
    --------
    >>> frame = two_phase_frame(1.0, 52)
    >>> frame[frame.best][["first", "switch", "share"]]
            first  switch  share
    59  influence       6    0.7
    >>> round(float(frame.value.max() - frame.constant_value.iloc[0]), 2)
    2.02
    """
    market = _market(market)
    search = budgets.best_two_phase_plan(budget, horizon, market=market)
    # the search lists its plans by first lever, then share, then switch: a (2, shares,
    # switches) block, so the best share for each (first, switch) is a max along one axis
    firsts, switches = list(dict.fromkeys(search.firsts.tolist())), np.unique(search.switches)
    values = search.values.reshape(len(firsts), -1, switches.size)
    shares = search.shares.reshape(values.shape)
    pick = np.argmax(values, axis=1)  # ties: the smallest share, as the search breaks them
    rows = np.arange(switches.size)
    frame = pd.DataFrame({
        "first": np.repeat(firsts, switches.size),
        "switch": np.tile(switches, len(firsts)),
        "share": np.concatenate([shares[i, pick[i], rows] for i in range(len(firsts))]),
        "value": np.concatenate([values[i, pick[i], rows] for i in range(len(firsts))]),
    })
    frame["constant_value"] = budgets.best_constant_split(budget, horizon, market=market).value
    frame["best"] = (frame["first"] == search.first) & (frame["switch"] == search.switch) & (
        frame["share"] == search.share)
    if not frame["best"].any():  # the best plan's value is reached at a better-listed share too
        frame.loc[frame["value"].idxmax(), "best"] = True
    return frame


def marginal_frame(plan, *, market=None):
    """What one more unit on each lever adds, period by period, as a table.

    From :func:`course_lib.budgets.marginal_values` (the value added per extra unit of
    spend in one period, net of that unit's cost), with periods counted from 1.

    Parameters
    ----------
    plan : BudgetPlan
        The plan to examine.
    market : Market or {"new", "established"}, optional
        Default ``Market()``.

    Returns
    -------
    pandas.DataFrame
        Columns ``period`` (1 to the horizon), ``lever`` ("influence", "empower") and
        ``marginal_value``.

    Examples
    --------
    >>> frame = marginal_frame(BudgetPlan.constant(1.0, 52, 0.5))
    >>> frame[frame.period == 1].round(2)
        period      lever  marginal_value
    0        1  influence            4.33
    52       1    empower            1.20
    """
    frame = budgets.marginal_values(plan, market=_market(market)).to_frame()
    frame["period"] = frame["period"] + 1
    return frame


def support_frame(outcome):
    """The company's own support load, with and without the community's answers.

    Parameters
    ----------
    outcome : BudgetOutcome
        A simulated plan.

    Returns
    -------
    pandas.DataFrame
        One row per period and series: ``period`` (1 to the horizon), ``series``
        ("without the community": ``support_per_customer * A_t``; "company's own load":
        what it pays, ``support_t``) and ``amount``. The gap between the two is the
        community's return, ``support_saved``.

    Raises
    ------
    TypeError
        If ``outcome`` is not a BudgetOutcome.

    Examples
    --------
    >>> out = budgets.simulate_plan(BudgetPlan.constant(1.0, 52, 0.5))
    >>> frame = support_frame(out)
    >>> gap = frame.groupby("series").amount.sum()
    >>> round(float(gap["without the community"] - gap["company's own load"]), 1), round(out.support_saved, 1)
    (55.9, 55.9)
    """
    if not isinstance(outcome, BudgetOutcome):
        raise TypeError(f"outcome must be a BudgetOutcome, not {type(outcome).__name__}")
    periods = np.arange(1, outcome.horizon + 1)
    without = outcome.market.support_per_customer * outcome.adopters
    return pd.DataFrame({
        "period": np.concatenate([periods, periods]),
        "series": ["without the community"] * outcome.horizon + ["company's own load"] * outcome.horizon,
        "amount": np.concatenate([without, outcome.support]),
    })


def response_frame(market=None, max_spend=4.0, points=81):
    """The closed-form response of both spending levers, and its slope.

    ``R(x) = maximum (1 - 2**(-x/half))`` (:func:`course_lib.budgets.saturating_response`)
    and its derivative ``R'(x) = maximum ln 2 / half * 2**(-x/half)``: what one more
    unit of spend buys at spend ``x``.

    Parameters
    ----------
    market : Market or {"new", "established"}, optional
        Default ``Market()``; its ``direct_max``/``influence_half`` and
        ``advocate_max``/``empower_half`` set the two curves.
    max_spend : float > 0, optional
        Largest spend per period shown.
    points : int >= 2, optional
        Spends from 0 to ``max_spend``.

    Returns
    -------
    pandas.DataFrame
        One row per lever and spend: ``lever`` ("influence": chance that a non-adopter
        buys; "empower": chance that a customer becomes an advocate), ``spend``,
        ``response`` and ``slope``.

    Raises
    ------
    ValueError
        If ``max_spend`` is not positive or ``points`` is below 2.

    Examples
    --------
    >>> frame = response_frame(max_spend=2.0, points=3)
    >>> frame[frame.lever == "influence"][["spend", "response"]].round(3)
       spend  response
    0    0.0     0.000
    1    1.0     0.050
    2    2.0     0.075
    """
    if not max_spend > 0:
        raise ValueError(f"max_spend must be more than 0, got {max_spend}")
    if int(points) < 2:
        raise ValueError(f"points must be at least 2, got {points}")
    market = _market(market)
    spend = np.linspace(0.0, float(max_spend), int(points))
    parts = []
    for lever, maximum, half in (("influence", market.direct_max, market.influence_half),
                                 ("empower", market.advocate_max, market.empower_half)):
        parts.append(pd.DataFrame({
            "lever": lever, "spend": spend,
            "response": budgets.saturating_response(spend, maximum, half),
            "slope": maximum * np.log(2.0) / half * np.exp2(-spend / half),
        }))
    return pd.concat(parts, ignore_index=True)
