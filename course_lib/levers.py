"""The two levers of lesson 00: influencing consumers and empowering them.

Influence changes what people think or do; empowerment gives them the power,
authority or permission to act. They are separate axes, not two ends of one dial: a
strategy can pull both, one, or neither. The scores of :func:`strategy_examples` are
the course's own illustrative judgements on a 0–1 scale, meant for discussion, not
measurements; :func:`lever_outcomes` is a model's output: what each pair of levels does in
lesson 08's budget model (:mod:`course_lib.budgets`), where the two levers are two
separate spends.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["strategy_examples", "lever_outcomes", "FULL_SPEND"]

#: Spend per period at level 1 of a lever: twice the spend that buys half of the lever's
#: maximum in the default market, so level 0.5 is a budget of 1 per period.
FULL_SPEND = 2.0

_STRATEGIES = [
    # strategy, influence, empowerment
    ("TV advertising", 0.85, 0.05),
    ("Paid influencer posts", 0.80, 0.15),
    ("Free samples to hubs", 0.70, 0.25),
    ("Review aggregation", 0.60, 0.55),
    ("Superuser reputation program", 0.65, 0.80),
    ("Peer support community", 0.40, 0.85),
    ("Customers vote on flavours", 0.30, 0.75),
    ("Self-service help center", 0.10, 0.65),
    ("Flexible payment options", 0.20, 0.50),
    ("Deleting complaints", 0.30, 0.05),
    ("Static price list", 0.10, 0.10),
]


def _kind(influence, empowerment):
    high_i, high_e = influence >= 0.5, empowerment >= 0.5
    if high_i and high_e:
        return "both"
    if high_i:
        return "influence"
    if high_e:
        return "empowerment"
    return "neither"


def strategy_examples():
    """Example strategies with illustrative influence and empowerment scores.

    Returns
    -------
    DataFrame
        Columns ``strategy``, ``influence``, ``empowerment`` (0–1) and ``kind``
        (``"influence"``, ``"empowerment"``, ``"both"`` or ``"neither"``).

    Examples
    --------
    >>> table = strategy_examples()
    >>> sorted(table.kind.unique())
    ['both', 'empowerment', 'influence', 'neither']
    """
    table = pd.DataFrame(_STRATEGIES, columns=["strategy", "influence", "empowerment"])
    table["kind"] = [_kind(i, e) for i, e in zip(table.influence, table.empowerment)]
    return table


def lever_outcomes(levels=None, *, horizon=12, market=None):
    """What each pair of lever levels does in lesson 08's budget model: a model's map.

    A strategy at influence level ``i`` and empowerment level ``e`` spends
    ``i * FULL_SPEND`` on marketing and ``e * FULL_SPEND`` on empowerment in every period
    (two separate spends, so the levers are independent by construction), and
    :func:`course_lib.budgets.simulate_plan` says where the market is after ``horizon``
    periods.

    Parameters
    ----------
    levels : sequence of float in [0, 1], optional
        The levels of each lever (0, 0.1, ..., 1 by default).
    horizon : int
        Periods simulated, at least 1.
    market : course_lib.budgets.Market, optional
        The market (the default new-product market of lesson 08).

    Returns
    -------
    pandas.DataFrame
        One row per pair: ``influence``, ``empowerment`` (the levels), ``customers``
        (share of the market buying at the end, advocates included) and ``advocates``
        (share who also recommend and answer others' questions).

    Raises
    ------
    ValueError
        If a level is outside [0, 1], or the horizon or market is invalid.

    Examples
    --------
    >>> table = lever_outcomes([0.0, 1.0], horizon=12)
    >>> table.loc[table.empowerment == 0, "advocates"].tolist()  # no empowerment, no advocates
    [0.0, 0.0]
    >>> bool(table.customers.iloc[-1] > table.customers.iloc[0])
    True
    """
    from .budgets import BudgetPlan, simulate_plan

    levels = np.linspace(0.0, 1.0, 11) if levels is None else np.asarray(levels, dtype=float)
    if levels.ndim != 1 or levels.size == 0 or not np.all((levels >= 0) & (levels <= 1)):
        raise ValueError(f"levels must be numbers in [0, 1], got {levels!r}")
    rows = []
    for i in levels:
        for e in levels:
            plan = BudgetPlan(np.full(horizon, i * FULL_SPEND), np.full(horizon, e * FULL_SPEND))
            outcome = simulate_plan(plan, market=market)
            rows.append({"influence": round(float(i), 6), "empowerment": round(float(e), 6),
                         "customers": outcome.final, "advocates": float(outcome.community[-1])})
    return pd.DataFrame(rows)
