"""The two levers of lesson 00: influencing consumers and empowering them.

Influence changes what people think or do; empowerment gives them the power,
authority or permission to act. They are separate axes, not two ends of one dial: a
strategy can pull both, one, or neither. The scores below are the course's own
illustrative judgements on a 0–1 scale, meant for discussion, not measurements.
"""
from __future__ import annotations

import pandas as pd

__all__ = ["strategy_examples"]

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
