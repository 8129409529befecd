"""Exact grid searches for the best budget plan.

Each search builds every plan of its family on the grid, runs them all at once through
the model's equations (one pass over the periods, vectorised across plans) and keeps
the plan of highest ``value`` (:mod:`course_lib.budgets.model`). Ties go to the plan
listed first: the smallest empowerment share, or, for two phases, the first in the
order ``first`` ("empower", "influence"), then ``share``, then ``switch``, as given.
A plan's numbers do not depend on which other plans are searched with it, so a loop
over :func:`course_lib.budgets.simulate_plan` finds the same values.

- :func:`best_constant_split`: the share of each period's budget that goes to
  empowerment, the same in every period;
- :func:`best_two_phase_plan`: one lever leads until a switch period, the other after
  (:meth:`course_lib.budgets.BudgetPlan.two_phase`).

:mod:`course_lib.budgets.horizons` repeats the first search over horizons.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .._guard import reference
from .._validation import check_integer
from .market import Market, check_lag, resolve_market
from .model import BudgetOutcome, run_plans, simulate_plan
from .plan import (
    LEVERS,
    BudgetPlan,
    check_budget,
    check_horizon,
    two_phase_empower_shares,
)

__all__ = [
    "ConstantSplitSearch",
    "best_constant_split",
    "TwoPhaseSearch",
    "best_two_phase_plan",
]

#: Default empowerment shares of a constant split: 0, 0.05, ..., 1.
SHARE_GRID = tuple(float(s) for s in np.round(np.linspace(0.0, 1.0, 21), 10))
#: Default shares of the leading lever in a two-phase plan: 0.5, 0.55, ..., 1.
LEAD_GRID = tuple(float(s) for s in np.round(np.linspace(0.5, 1.0, 11), 10))


def check_share_grid(grid, name, default):
    if grid is None:
        return np.array(default)
    try:
        array = np.array(grid, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"{name} must be a sequence of shares between 0 and 1") from None
    if array.ndim != 1 or array.size == 0:
        raise ValueError(f"{name} must be a non-empty 1-D sequence of shares between 0 and 1, "
                         f"got shape {array.shape}")
    bad = ~((array >= 0.0) & (array <= 1.0))
    if bad.any():
        raise ValueError(f"{name} must contain shares between 0 and 1; "
                         f"{array[np.flatnonzero(bad)[0]]!r} is not")
    return array


def _check_switches(switch_grid, horizon):
    if switch_grid is None:
        return np.arange(horizon + 1)
    values = list(np.atleast_1d(np.asarray(switch_grid, dtype=object)))
    if not values:
        raise ValueError(f"switch_grid must be a non-empty sequence of periods from 0 to {horizon}")
    return np.array([check_integer(v, "switch_grid", minimum=0, maximum=horizon) for v in values])


def _setup(budget, horizon, market):
    budget, horizon = check_budget(budget), check_horizon(horizon)
    market = resolve_market(market, {})
    check_lag(market, horizon)
    return budget, horizon, market


def _run_shares(budget, empower_share, market):
    """Run plans given as a ``(plans, horizon)`` array of empowerment shares; the
    spends are built exactly as :class:`course_lib.budgets.BudgetPlan` builds them."""
    return run_plans(budget * (1.0 - empower_share), budget * empower_share, market)


def frozen_array(array):
    array = np.array(array)
    array.setflags(write=False)
    return array


@dataclass(frozen=True, eq=False)
class ConstantSplitSearch:
    """The best constant split and the whole value curve it was chosen from.

    Attributes
    ----------
    budget : float
        Spend per period.
    horizon : int
        Number of periods.
    market : Market
        The market searched.
    shares : numpy.ndarray
        The empowerment shares tried (the grid, in its order).
    values : numpy.ndarray
        Value of each share's plan.
    finals : numpy.ndarray
        Final customer share of each share's plan.
    best_share : float
        Empowerment share of the best plan.
    value : float
        Its value.
    outcome : BudgetOutcome
        The best plan, simulated (``outcome.plan`` is the plan).
    """

    budget: float
    horizon: int
    market: Market
    shares: np.ndarray
    values: np.ndarray
    finals: np.ndarray
    best_share: float
    value: float
    outcome: BudgetOutcome

    @property
    def plan(self):
        """The best plan."""
        return self.outcome.plan

    def to_frame(self):
        """Tidy table, one row per share tried: ``empower_share``, ``value``, ``final``,
        ``best`` (True on the chosen row)."""
        import pandas as pd

        best = np.zeros(self.shares.size, dtype=bool)
        best[int(np.argmax(self.values))] = True
        return pd.DataFrame({"empower_share": self.shares, "value": self.values,
                             "final": self.finals, "best": best})


def constant_search(budget, horizon, market, grid):
    run = _run_shares(budget, np.repeat(grid[:, None], horizon, axis=1), market)
    best = int(np.argmax(run["value"]))
    share = float(grid[best])
    outcome = simulate_plan(BudgetPlan.constant(budget, horizon, share), market=market)
    return ConstantSplitSearch(budget, horizon, market, frozen_array(grid), frozen_array(run["value"]),
                               frozen_array(run["adopters"][:, -1]), share, float(run["value"][best]),
                               outcome)


@reference
def best_constant_split(budget, horizon, *, market=None, grid=None):
    """Best share of each period's budget to give to empowerment, by exact grid search.

    Every share ``s`` in ``grid`` gives the plan ``BudgetPlan.constant(budget, horizon,
    s)``; all are run at once and the one of highest value is kept (ties: the first).

    Parameters
    ----------
    budget : float >= 0
        Spend per period.
    horizon : int >= 1
        Number of periods (more than ``market.lag``).
    market : Market, optional
        Default ``Market()``.
    grid : sequence of float in [0, 1], optional
        Empowerment shares to try; default 0, 0.05, ..., 1.

    Returns
    -------
    ConstantSplitSearch

    Raises
    ------
    ValueError
        If ``budget`` < 0, ``horizon`` < 1, ``lag`` >= ``horizon``, or ``grid`` is empty
        or holds a share outside [0, 1].

    Examples
    --------
    A short horizon favours influence, a long one empowerment:

    >>> best_constant_split(1.0, 4).best_share, best_constant_split(1.0, 52).best_share
    (0.0, 0.5)
    >>> best_constant_split(1.0, 52, grid=[0.0, 0.5, 1.0]).to_frame().round(3)
       empower_share    value  final   best
    0            0.0   53.610  0.934  False
    1            0.5  123.984  1.000   True
    2            1.0   92.864  1.000  False

    References
    ----------
    .. [1] F. M. Bass, Management Science 15(5), 1969.
    """
    budget, horizon, market = _setup(budget, horizon, market)
    return constant_search(budget, horizon, market, check_share_grid(grid, "grid", SHARE_GRID))


@dataclass(frozen=True, eq=False)
class TwoPhaseSearch:
    """The best two-phase plan and every plan evaluated.

    Attributes
    ----------
    budget : float
        Spend per period.
    horizon : int
        Number of periods.
    market : Market
        The market searched.
    switches : numpy.ndarray
        Switch period of each plan evaluated, in search order (``first``, then
        ``share``, then ``switch``).
    firsts : numpy.ndarray
        Leading lever of each plan, "empower" or "influence".
    shares : numpy.ndarray
        Share of the budget the leading lever gets in its phase, for each plan.
    values : numpy.ndarray
        Value of each plan.
    finals : numpy.ndarray
        Final customer share of each plan.
    switch : int
        The best plan's switch period.
    first : str
        The best plan's leading lever.
    share : float
        The best plan's share for the leading lever.
    value : float
        Its value.
    outcome : BudgetOutcome
        The best plan, simulated.
    """

    budget: float
    horizon: int
    market: Market
    switches: np.ndarray
    firsts: np.ndarray
    shares: np.ndarray
    values: np.ndarray
    finals: np.ndarray
    switch: int
    first: str
    share: float
    value: float
    outcome: BudgetOutcome

    @property
    def plan(self):
        """The best plan."""
        return self.outcome.plan

    def to_frame(self):
        """Tidy table, one row per plan: ``switch``, ``first``, ``share``,
        ``empower_before`` and ``empower_after`` (empowerment share before and from the
        switch), ``value``, ``final``, ``best``."""
        import pandas as pd

        lead_is_empower = self.firsts == "empower"
        before = np.where(lead_is_empower, self.shares, 1.0 - self.shares)
        best = np.zeros(self.values.size, dtype=bool)
        best[int(np.argmax(self.values))] = True
        return pd.DataFrame({"switch": self.switches, "first": self.firsts, "share": self.shares,
                             "empower_before": before, "empower_after": 1.0 - before,
                             "value": self.values, "final": self.finals, "best": best})


@reference
def best_two_phase_plan(budget, horizon, *, market=None, switch_grid=None, share_grid=None):
    """Best two-phase plan (one lever leads, then the other), by exact grid search.

    Every ``first`` in ("empower", "influence"), ``share`` in ``share_grid`` and
    ``switch`` in ``switch_grid`` gives ``BudgetPlan.two_phase(budget, horizon, switch,
    first, share)``; all are run at once and the best is kept (ties: the first in that
    order). With the default grids the constant splits 0, 0.05, ..., 1 are among the
    plans (``switch`` 0 or ``horizon``), so the best two-phase plan is never worse than
    :func:`best_constant_split` with its default grid.

    Parameters
    ----------
    budget : float >= 0
        Spend per period.
    horizon : int >= 1
        Number of periods (more than ``market.lag``).
    market : Market, optional
        Default ``Market()``.
    switch_grid : sequence of int in [0, horizon], optional
        Switch periods to try; default all of 0, 1, ..., ``horizon``.
    share_grid : sequence of float in [0, 1], optional
        Shares of the budget for the leading lever; default 0.5, 0.55, ..., 1.

    Returns
    -------
    TwoPhaseSearch

    Raises
    ------
    ValueError
        If ``budget`` < 0, ``horizon`` < 1, ``lag`` >= ``horizon``, a grid is empty, a
        share lies outside [0, 1] or a switch outside [0, ``horizon``].

    Examples
    --------
    Over a year, build the customer base first, then the community:

    >>> best = best_two_phase_plan(1.0, 52)
    >>> best.first, best.share, best.switch
    ('influence', 0.7, 6)
    >>> round(best.value - best_constant_split(1.0, 52).value, 2)
    2.02

    References
    ----------
    .. [1] F. M. Bass, Management Science 15(5), 1969.
    """
    budget, horizon, market = _setup(budget, horizon, market)
    switches = _check_switches(switch_grid, horizon)
    shares = check_share_grid(share_grid, "share_grid", LEAD_GRID)
    rows_first, rows_share, rows_switch, blocks = [], [], [], []
    for first in LEVERS:
        for share in shares:
            blocks.append(two_phase_empower_shares(horizon, switches, first, float(share)))
            rows_first += [first] * switches.size
            rows_share += [float(share)] * switches.size
            rows_switch.append(switches)
    run = _run_shares(budget, np.concatenate(blocks), market)
    best = int(np.argmax(run["value"]))
    switch, first, share = int(np.concatenate(rows_switch)[best]), rows_first[best], rows_share[best]
    outcome = simulate_plan(BudgetPlan.two_phase(budget, horizon, switch, first, share), market=market)
    return TwoPhaseSearch(
        budget, horizon, market, frozen_array(np.concatenate(rows_switch)), frozen_array(rows_first),
        frozen_array(rows_share), frozen_array(run["value"]), frozen_array(run["adopters"][:, -1]),
        switch, first, share, float(run["value"][best]), outcome)
