"""Budget plans: how much goes to influence and to empowerment in each period.

A plan covers periods ``t = 0, ..., horizon - 1`` and gives two non-negative spends per
period: ``influence[t]`` (marketing: the direct lever) and ``empower[t]`` (support,
co-creation, a say for customers: the lever that builds a community of advocates).

The budget constraint is **per period**: a plan built from a budget spends
``influence[t] + empower[t] = budget`` in every period. Money cannot be saved up or
borrowed across periods, so "when to spend" is a question of how to split each
period's money, which keeps every plan comparable with every other (all plans with the
same budget cost the same). Two families of plans are used by the searches:

- **constant split** (:meth:`BudgetPlan.constant`): a share ``s`` of the budget goes to
  empowerment in every period, ``1 - s`` to influence;
- **two phases** (:meth:`BudgetPlan.two_phase`): before period ``switch`` the ``first``
  lever gets a share ``share`` of the budget and the other lever the rest; from
  ``switch`` on the roles swap, the other lever gets ``share``. ``share = 1`` is
  one lever at a time; ``share = 1/2`` is a constant half-and-half split; ``switch = 0``
  or ``switch = horizon`` is a constant split with empowerment share ``1 - share`` or
  ``share``, so every constant split with a share in the search grid is also a
  two-phase plan.

A plan built by hand (``BudgetPlan(influence, empower)``) may spend different amounts in
different periods; the model charges what it spends.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .._validation import check_integer, check_probability, check_real

__all__ = ["LEVERS", "BudgetPlan"]

#: The two levers, in the order the searches try them as the first phase.
LEVERS = ("empower", "influence")


def check_lever(first):
    """Return ``first`` if it names a lever of :data:`LEVERS`, else raise naming them."""
    if not isinstance(first, str) or first not in LEVERS:
        raise ValueError(f"first must be 'empower' or 'influence', got {first!r}")
    return first


def _spend_array(values, name, length=None):
    try:
        array = np.array(values, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"{name} must be a sequence of numbers (a spend per period)") from None
    if array.ndim != 1 or array.size == 0:
        raise ValueError(f"{name} must be a non-empty 1-D sequence of spends, one per period, "
                         f"got shape {array.shape}")
    if length is not None and array.size != length:
        raise ValueError(f"{name} must have one spend per period ({length} values, like "
                         f"influence), got {array.size}")
    bad = ~(np.isfinite(array) & (array >= 0))
    if bad.any():
        first = int(np.flatnonzero(bad)[0])
        raise ValueError(f"{name} must contain finite spends of 0 or more; value "
                         f"{array[first]!r} in period {first} is not")
    array.setflags(write=False)
    return array


@dataclass(frozen=True, eq=False)
class BudgetPlan:
    """Spend on each lever in each period.

    Parameters
    ----------
    influence : sequence of float >= 0
        Marketing spend in periods 0, 1, ..., ``horizon - 1``.
    empower : sequence of float >= 0
        Empowerment spend, one value per period as well.

    Attributes
    ----------
    influence, empower : numpy.ndarray
        The spends, read-only float arrays of length ``horizon``.

    Raises
    ------
    ValueError
        If a spend is negative or not finite, or the two sequences differ in length.

    Examples
    --------
    >>> plan = BudgetPlan([1.0, 0.5], [0.0, 0.5])
    >>> plan.horizon, plan.spend.tolist(), plan.empower_share.tolist()
    (2, [1.0, 1.0], [0.0, 0.5])
    """

    influence: np.ndarray
    empower: np.ndarray

    def __post_init__(self):
        influence = _spend_array(self.influence, "influence")
        empower = _spend_array(self.empower, "empower", length=influence.size)
        object.__setattr__(self, "influence", influence)
        object.__setattr__(self, "empower", empower)

    @property
    def horizon(self):
        """Number of periods."""
        return int(self.influence.size)

    @property
    def spend(self):
        """Total spend per period, ``influence + empower``."""
        return self.influence + self.empower

    @property
    def empower_share(self):
        """Share of each period's spend that goes to empowerment (0 where nothing is spent)."""
        spend = self.spend
        return np.divide(self.empower, spend, out=np.zeros_like(spend), where=spend > 0)

    def to_frame(self):
        """The plan as a tidy table, one row per period and lever.

        Returns
        -------
        pandas.DataFrame
            Columns ``period`` (1..horizon), ``lever`` ("influence" or "empower") and
            ``spend``.

        Examples
        --------
        >>> BudgetPlan.constant(10, 2, 0.3).to_frame()
           period      lever  spend
        0       1  influence    7.0
        1       2  influence    7.0
        2       1    empower    3.0
        3       2    empower    3.0
        """
        import pandas as pd

        periods = np.arange(1, self.horizon + 1)
        return pd.DataFrame({
            "period": np.concatenate([periods, periods]),
            "lever": ["influence"] * self.horizon + ["empower"] * self.horizon,
            "spend": np.concatenate([self.influence, self.empower]),
        })

    @classmethod
    def constant(cls, budget, horizon, empower_share):
        """The same split in every period: ``empower = budget * s``,
        ``influence = budget * (1 - s)``.

        Parameters
        ----------
        budget : float >= 0
            Spend per period.
        horizon : int >= 1
            Number of periods.
        empower_share : float in [0, 1]
            Share ``s`` of each period's budget that goes to empowerment.

        Returns
        -------
        BudgetPlan

        Raises
        ------
        ValueError
            If ``budget`` is negative, ``horizon`` below 1, or ``empower_share`` outside [0, 1].

        Examples
        --------
        >>> BudgetPlan.constant(2.0, 3, 0.25).empower.tolist()
        [0.5, 0.5, 0.5]
        """
        budget, horizon = check_budget(budget), check_horizon(horizon)
        share = check_probability(empower_share, "empower_share")
        return cls(np.full(horizon, budget * (1.0 - share)), np.full(horizon, budget * share))

    @classmethod
    def two_phase(cls, budget, horizon, switch, first="empower", share=1.0):
        """Two phases: ``first`` leads before period ``switch``, the other lever after.

        In periods ``t < switch`` the ``first`` lever gets ``share * budget`` and the
        other lever the rest; in periods ``t >= switch`` the other lever gets
        ``share * budget`` and ``first`` the rest.

        Parameters
        ----------
        budget : float >= 0
            Spend per period.
        horizon : int >= 1
            Number of periods.
        switch : int in [0, horizon]
            First period of the second phase (0: the whole plan is the second phase;
            ``horizon``: the whole plan is the first phase).
        first : {"empower", "influence"}
            The lever that leads in the first phase.
        share : float in [0, 1]
            Share of the budget the leading lever gets in its phase (1: one lever at a
            time, "don't do everything at once"; 1/2: an even split throughout).

        Returns
        -------
        BudgetPlan

        Raises
        ------
        ValueError
            If an argument is outside its range (named in the message).

        Examples
        --------
        >>> plan = BudgetPlan.two_phase(1.0, 4, switch=1, first="empower", share=0.75)
        >>> plan.empower.tolist(), plan.influence.tolist()
        ([0.75, 0.25, 0.25, 0.25], [0.25, 0.75, 0.75, 0.75])
        """
        budget, horizon = check_budget(budget), check_horizon(horizon)
        switch = check_integer(switch, "switch", minimum=0, maximum=horizon)
        first = check_lever(first)
        share = check_probability(share, "share")
        empower_share = two_phase_empower_shares(horizon, switch, first, share)
        return cls(budget * (1.0 - empower_share), budget * empower_share)


def two_phase_empower_shares(horizon, switch, first, share):
    """Empowerment share per period of a two-phase plan; ``switch`` may be an array of
    switches (one plan per row). No checks: :meth:`BudgetPlan.two_phase` and the
    searches check first, and both build plans through here, so they agree exactly."""
    before = share if first == "empower" else 1.0 - share
    after = 1.0 - share if first == "empower" else share
    switch = np.asarray(switch)
    in_first_phase = np.arange(horizon) < (switch[:, None] if switch.ndim else switch)
    return np.where(in_first_phase, before, after)


def check_budget(budget):
    return check_real(budget, "budget", minimum=0.0)


def check_horizon(horizon):
    return check_integer(horizon, "horizon", minimum=1)
