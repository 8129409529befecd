"""The best constant split as a function of the planning horizon (lesson 08's chart).

How far ahead a company plans decides how it should split its budget: a community
takes ``lag`` periods to start and more to grow, so over a short horizon only influence
pays back, over a long one word of mouth and support savings do
(:mod:`course_lib.budgets.model`). :func:`best_split_by_horizon` runs the exact
constant-split search of :func:`course_lib.budgets.best_constant_split` for each horizon.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .._guard import reference
from .._validation import check_integer
from .market import Market, resolve_market
from .model import run_plans
from .plan import check_budget
from .search import SHARE_GRID, check_share_grid, frozen_array

__all__ = ["SplitByHorizon", "best_split_by_horizon"]


@dataclass(frozen=True, eq=False)
class SplitByHorizon:
    """Best constant split for each horizon.

    Attributes
    ----------
    budget : float
        Spend per period.
    market : Market
        The market searched.
    horizons : numpy.ndarray
        The horizons, as given.
    best_shares : numpy.ndarray
        Best constant empowerment share for each horizon.
    values : numpy.ndarray
        Its value.
    finals : numpy.ndarray
        Its final customer share.
    """

    budget: float
    market: Market
    horizons: np.ndarray
    best_shares: np.ndarray
    values: np.ndarray
    finals: np.ndarray

    def to_frame(self):
        """Tidy table, one row per horizon: ``horizon``, ``best_share``, ``value``,
        ``value_per_period``, ``final``."""
        import pandas as pd

        return pd.DataFrame({"horizon": self.horizons, "best_share": self.best_shares,
                             "value": self.values, "value_per_period": self.values / self.horizons,
                             "final": self.finals})


@reference
def best_split_by_horizon(budget, horizons, *, market=None, grid=None):
    """Best constant empowerment share as a function of the planning horizon.

    The same exact search as :func:`best_constant_split` for each horizon, from one run
    over the longest horizon (a constant plan's first periods do not depend on how many
    follow).

    Parameters
    ----------
    budget : float >= 0
        Spend per period.
    horizons : sequence of int
        Horizons to try, each at least 1 and more than ``market.lag``.
    market : Market, optional
        Default ``Market()``.
    grid : sequence of float in [0, 1], optional
        Empowerment shares to try; default 0, 0.05, ..., 1.

    Returns
    -------
    SplitByHorizon

    Raises
    ------
    ValueError
        If ``budget`` < 0, ``horizons`` is empty or holds a horizon below 1 or not above
        ``lag``, or ``grid`` is invalid.

    Examples
    --------
    >>> best_split_by_horizon(1.0, [4, 12, 26, 52]).to_frame()[["horizon", "best_share"]]
       horizon  best_share
    0        4        0.00
    1       12        0.25
    2       26        0.45
    3       52        0.50

    References
    ----------
    .. [1] F. M. Bass, Management Science 15(5), 1969.
    """
    budget = check_budget(budget)
    market = resolve_market(market, {})
    grid = check_share_grid(grid, "grid", SHARE_GRID)
    values = list(np.atleast_1d(np.asarray(horizons, dtype=object)))
    if not values:
        raise ValueError("horizons must be a non-empty sequence of whole numbers of periods")
    horizons = np.array([check_integer(h, "horizons", minimum=1) for h in values])
    if horizons.min() <= market.lag:
        raise ValueError(f"horizons must all be more than lag = {market.lag} (empowerment "
                         f"spend must be able to act within the plan), got {horizons.min()}")
    # A constant plan's first t periods do not depend on its horizon, so one run over the
    # longest horizon gives every shorter one: its running value and adopters at t - 1.
    longest = int(horizons.max())
    run = run_plans(np.repeat(budget * (1.0 - grid)[:, None], longest, axis=1),
                    np.repeat(budget * grid[:, None], longest, axis=1), market)
    values = run["running_value"][:, horizons - 1]
    best = np.argmax(values, axis=0)
    columns = np.arange(horizons.size)
    return SplitByHorizon(budget, market, frozen_array(horizons), frozen_array(grid[best]),
                          frozen_array(values[best, columns]),
                          frozen_array(run["adopters"][:, horizons - 1][best, columns]))
