"""The budget model: influence buys customers now, empowerment builds a community later.

A market of size 1 (all quantities are shares of it) over periods ``t = 0, ..., T-1``.
At the end of period ``t``, ``A_t`` is the share of customers (adopters, cumulative; no
one leaves) and ``C_t`` the share of advocates, the community, who are customers too
(``C_t <= A_t``). A plan spends ``x_t`` on influence and ``e_t`` on empowerment
(:class:`course_lib.budgets.plan.BudgetPlan`). With ``A_{-1} = a0``,
``C_{-1} = c0`` (``initial_adopters``, ``initial_community``), ``e_t = 0`` for ``t < 0``
and ``R(v; m, h) = m (1 - 2**(-v/h))`` (:func:`course_lib.budgets.saturating_response`),
each period runs, in this order:

1. community:  ``C_t = (1 - decay) C_{t-1} + R(e_{t-lag}; advocate_max, empower_half)
   (A_{t-1} - C_{t-1})``. A customer who is not yet an advocate becomes one with a
   chance set by the empowerment spend ``lag`` periods earlier (only customers can);
   a share ``decay`` of the advocates lapse back into plain customers.
2. adoption: a non-adopter buys with chance ``R(x_t; direct_max, influence_half) +
   word_of_mouth * C_t`` (Bass 1969: innovation from marketing plus imitation, here of
   advocates only), so
   ``direct_t = R(x_t; direct_max, influence_half) (1 - A_{t-1})``,
   ``indirect_t = word_of_mouth * C_t * (1 - A_{t-1})`` and
   ``A_t = A_{t-1} + direct_t + indirect_t``.
3. support: the community answers a share ``h_t = R(C_t; answered_max, community_half)``
   of the questions; the company's own support load (a cost) is
   ``support_t = support_per_customer * A_t * (1 - h_t)``. The community's return on
   investment ("community ROI") is the cost it saves,
   ``support_saved = sum_t support_per_customer * A_t * h_t``.

The plan's **value** is its profit over the horizon,
``value = sum_t (margin * A_t - support_t - x_t - e_t)``: each period every customer
brings ``margin`` (per unit of market), support and both spends are costs; there is no
discounting and nothing after the horizon counts (a community built in the last periods
is worth nothing to this objective). Plans with the same budget cost the same, so the
spends only shift every value by the same amount.

``direct_max + word_of_mouth <= 1`` keeps the chance to buy at most 1; then
``0 <= C_t <= A_t <= 1``, ``A_t`` never decreases, and non-adopters ``1 - A_t``, plain
customers ``A_t - C_t`` and advocates ``C_t`` partition the market. Spend in period
``t`` changes nothing before period ``t`` (influence) or ``t + lag`` (empowerment).
The dynamics are deterministic: the shares are expected values for a large market.

Why the timing matters: an extra unit of influence in period ``t`` works on the
non-adopters ``1 - A_{t-1}`` (many early, few late), an extra unit of empowerment on
the plain customers ``A_{t-1} - C_{t-1}`` (few early in a new market), ``lag`` periods
later, and its advocates pay back over the rest of the horizon. So a short horizon
favours influence, a long one empowerment, and a plan that changes its split once
(:meth:`course_lib.budgets.BudgetPlan.two_phase`) can beat every constant split; the
responses' diminishing returns are why the best such plan still funds both levers.

References
----------
.. [1] F. M. Bass, "A new product growth model for consumer durables",
   Management Science 15(5), 1969.
.. [2] V. Mahajan, E. Muller and F. M. Bass, "New product diffusion models in
   marketing: a review and directions for research", Journal of Marketing 54(1), 1990.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .market import Market, check_lag, resolve_market
from .plan import BudgetPlan
from .response import _response

__all__ = ["BudgetOutcome", "simulate_plan"]


def run_plans(influence, empower, market):
    """The model's equations for many plans at once, without checks.

    ``influence`` and ``empower`` are ``(plans, T)`` arrays. Returns a dict of
    ``(plans, T)`` arrays (``adopters``, ``direct``, ``indirect``, ``community``,
    ``answered``, ``support``, and ``running_value``, the value of the plan's first
    ``t + 1`` periods) and ``value``, one per plan. Only steps 1 and 2 need a
    loop over the periods; every operation is elementwise across plans and the value
    is summed period by period, so a plan's numbers do not depend on which other plans
    are run with it (a loop over :func:`simulate_plan` gives the same bits).
    """
    plans, horizon = influence.shape
    lag = market.lag
    chance_direct = _response(influence.T, market.direct_max, market.influence_half)
    recruit = np.zeros((horizon, plans))
    recruit[lag:] = _response(empower.T[: horizon - lag], market.advocate_max, market.empower_half)
    A, C, direct, indirect = (np.empty((horizon, plans)) for _ in range(4))
    adopters = np.full(plans, market.initial_adopters)
    community = np.full(plans, market.initial_community)
    keep, q = 1.0 - market.decay, market.word_of_mouth
    for t in range(horizon):
        community = keep * community + recruit[t] * (adopters - community)
        open_ = 1.0 - adopters
        direct[t] = chance_direct[t] * open_
        indirect[t] = q * community * open_
        adopters = adopters + direct[t] + indirect[t]
        A[t], C[t] = adopters, community
    answered = _response(C, market.answered_max, market.community_half)
    support = market.support_per_customer * A * (1.0 - answered)
    per_period = market.margin * A - support - (influence + empower).T
    running = np.empty((horizon, plans))
    value = np.zeros(plans)
    for t in range(horizon):  # period by period: numpy's pairwise sum would depend on `plans`
        value = value + per_period[t]
        running[t] = value
    return {"adopters": A.T, "direct": direct.T, "indirect": indirect.T, "community": C.T,
            "answered": answered.T, "support": support.T, "value": value,
            "running_value": running.T}


_SERIES = ("adopters", "community", "direct", "indirect", "answered", "support")


@dataclass(frozen=True, eq=False)
class BudgetOutcome:
    """What a plan does, period by period (see the module docstring for the equations).

    Attributes
    ----------
    plan : BudgetPlan
        The plan simulated.
    market : Market
        The market it ran on.
    adopters : numpy.ndarray
        Customers at the end of each period, ``A_t`` (cumulative share).
    direct : numpy.ndarray
        New customers each period won by marketing.
    indirect : numpy.ndarray
        New customers each period won by advocates' word of mouth.
    community : numpy.ndarray
        Advocates each period, ``C_t`` (a share of the market).
    answered : numpy.ndarray
        Share of support questions the community answers, ``h_t``.
    support : numpy.ndarray
        The company's own support cost each period.
    value : float
        ``sum_t (margin * A_t - support_t - influence_t - empower_t)``.
    """

    plan: BudgetPlan
    market: Market
    adopters: np.ndarray
    direct: np.ndarray
    indirect: np.ndarray
    community: np.ndarray
    answered: np.ndarray
    support: np.ndarray
    value: float

    @property
    def horizon(self):
        """Number of periods."""
        return self.plan.horizon

    @property
    def final(self):
        """Share of customers at the end of the last period."""
        return float(self.adopters[-1])

    @property
    def support_cost(self):
        """Total support cost the company pays over the horizon."""
        return float(self.support.sum())

    @property
    def support_saved(self):
        """Community ROI: the support cost the community's answers save over the horizon."""
        return float((self.market.support_per_customer * self.adopters * self.answered).sum())

    def to_frame(self):
        """Tidy table, one row per period and series: ``period``, ``series``, ``amount``.

        Series: ``adopters``, ``community``, ``direct``, ``indirect``, ``answered``,
        ``support``, ``influence_spend``, ``empower_spend``.
        """
        import pandas as pd

        series = {name: getattr(self, name) for name in _SERIES}
        series["influence_spend"] = self.plan.influence
        series["empower_spend"] = self.plan.empower
        periods = np.arange(self.horizon)
        return pd.DataFrame({
            "period": np.tile(periods, len(series)),
            "series": np.repeat(list(series), self.horizon),
            "amount": np.concatenate(list(series.values())),
        })


def simulate_plan(plan, *, market=None, **market_params):
    """Run the budget model on one plan.

    Parameters
    ----------
    plan : BudgetPlan
        Spends per period; its length is the horizon.
    market : Market, optional
        The market (default ``Market()``).
    **market_params
        Fields of :class:`Market` to replace, e.g. ``lag=4``.

    Returns
    -------
    BudgetOutcome

    Raises
    ------
    ValueError
        If a market parameter is out of range, or ``lag`` is not below the horizon.
    TypeError
        If ``plan`` is not a :class:`BudgetPlan` or a market parameter is unknown.

    Examples
    --------
    A year of weekly budgets of 1, split evenly:

    >>> from course_lib.budgets import BudgetPlan
    >>> out = simulate_plan(BudgetPlan.constant(1.0, 52, 0.5))
    >>> round(out.final, 3), round(out.value, 1)
    (1.0, 124.0)
    >>> round(float(out.direct.sum()), 3), round(float(out.indirect.sum()), 3)   # who won them
    (0.378, 0.572)
    >>> round(out.support_saved, 1), round(out.support_cost, 1)   # community ROI
    (55.9, 24.2)

    References
    ----------
    .. [1] F. M. Bass, Management Science 15(5), 1969.
    """
    if not isinstance(plan, BudgetPlan):
        raise TypeError(f"plan must be a course_lib.budgets.BudgetPlan, not {type(plan).__name__}")
    market = resolve_market(market, market_params)
    check_lag(market, plan.horizon)
    run = run_plans(plan.influence[None, :], plan.empower[None, :], market)
    arrays = {}
    for name in _SERIES:
        array = run[name][0].copy()
        array.setflags(write=False)
        arrays[name] = array
    return BudgetOutcome(plan=plan, market=market, value=float(run["value"][0]), **arrays)
