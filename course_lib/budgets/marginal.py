"""What one more unit of spend on each lever, in each period, adds to a plan's value.

The marginal value of lever ``L`` in period ``t`` is the change of ``value``
(:mod:`course_lib.budgets.model`) per unit of extra spend on ``L`` in period ``t``
alone, the other periods and the other lever unchanged. It includes the unit's own
cost, so it is negative where the extra spend does not pay for itself. A budget that
must be spent each period is best split where the two levers' marginal values are
equal; a plan can be improved by moving money, in some period, from the lever with
the lower marginal value to the one with the higher. Where the ranking of the levers
changes over time, no constant split can follow it: that is where the gain of a
two-phase plan (:func:`course_lib.budgets.best_two_phase_plan`) comes from.

Computed by forward differences, ``(value(plan + step in period t) - value(plan)) /
step``, for all ``2 T`` bumps at once; the error is of order ``step`` (the value is
smooth in every spend).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .._validation import check_real
from .market import Market, check_lag, resolve_market
from .model import run_plans
from .plan import BudgetPlan

__all__ = ["MarginalValues", "marginal_values"]


@dataclass(frozen=True, eq=False)
class MarginalValues:
    """Marginal value of each lever in each period of a plan.

    Attributes
    ----------
    plan : BudgetPlan
        The plan.
    market : Market
        The market.
    influence : numpy.ndarray
        Value added per unit of extra influence spend in each period (net of its cost).
    empower : numpy.ndarray
        Value added per unit of extra empowerment spend in each period (net of its cost).
    step : float
        The finite-difference step.
    """

    plan: BudgetPlan
    market: Market
    influence: np.ndarray
    empower: np.ndarray
    step: float

    @property
    def leader(self):
        """Per period, the lever one more unit should go to: "influence" or "empower"
        (ties: "influence")."""
        return np.where(self.influence >= self.empower, "influence", "empower")

    def to_frame(self):
        """Tidy table, one row per period and lever: ``period``, ``lever``,
        ``marginal_value``."""
        import pandas as pd

        horizon = self.plan.horizon
        return pd.DataFrame({
            "period": np.tile(np.arange(horizon), 2),
            "lever": np.repeat(["influence", "empower"], horizon),
            "marginal_value": np.concatenate([self.influence, self.empower]),
        })


def marginal_values(plan, *, market=None, step=1e-4):
    """Marginal value of influence and of empowerment spend in each period of ``plan``.

    Parameters
    ----------
    plan : BudgetPlan
        The plan to examine.
    market : Market, optional
        Default ``Market()``.
    step : float > 0
        Extra spend used for the forward differences.

    Returns
    -------
    MarginalValues

    Raises
    ------
    ValueError
        If ``step`` is not positive or the market's ``lag`` is not below the horizon.
    TypeError
        If ``plan`` is not a :class:`BudgetPlan`.

    Examples
    --------
    In a new market the first dollars should build the customer base, later ones the
    community (the even split over a year):

    >>> from course_lib.budgets import BudgetPlan
    >>> mv = marginal_values(BudgetPlan.constant(1.0, 52, 0.5))
    >>> mv.leader[[0, 5, 10]].tolist()
    ['influence', 'influence', 'empower']
    >>> bool(mv.influence[40] < 0 and mv.empower[40] < 0)   # the market is saturated
    True

    References
    ----------
    .. [1] F. M. Bass, "A new product growth model for consumer durables",
       Management Science 15(5), 1969.
    """
    if not isinstance(plan, BudgetPlan):
        raise TypeError(f"plan must be a course_lib.budgets.BudgetPlan, not {type(plan).__name__}")
    market = resolve_market(market, {})
    check_lag(market, plan.horizon)
    step = check_real(step, "step", minimum=0.0, strict_minimum=True)
    horizon = plan.horizon
    influence = np.repeat(plan.influence[None, :], 2 * horizon + 1, axis=0)
    empower = np.repeat(plan.empower[None, :], 2 * horizon + 1, axis=0)
    periods = np.arange(horizon)
    influence[1 + periods, periods] += step
    empower[1 + horizon + periods, periods] += step
    value = run_plans(influence, empower, market)["value"]
    gain = (value[1:] - value[0]) / step
    frozen = []
    for part in (gain[:horizon], gain[horizon:]):
        part = part.copy()
        part.setflags(write=False)
        frozen.append(part)
    return MarginalValues(plan, market, frozen[0], frozen[1], step)
