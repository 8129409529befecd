"""The q-voter model: how empowered consumers resist social influence.

Empowered consumers resist a word-of-mouth campaign in two ways (Mourali & Yang
2013): they discount others' opinions (*independence*) or say the opposite
(*anticonformity*). The q-voter model with these two kinds of nonconformity
(Nyczka, Sznajd-Weron & Cisło 2012) shows how differently the two play out:

- :mod:`course_lib.voter.theory` -- mean-field rate equation, fixed points and their
  stability, critical points and spinodals;
- :mod:`course_lib.voter.simulate` -- exact complete-graph and compiled network
  simulations, with zealots or a campaign field; one update as a reference rule.

Everyone resisting with probability ``p`` at each update is *annealed* disorder (the
situation decides); a fixed share of consumers who always resist is *quenched*
disorder (the person decides): :func:`simulate_mixed_market`,
:func:`mixed_market_mean_field`, :func:`quenched_critical_point` (Jędrzejewski &
Sznajd-Weron 2017).
"""
from .simulate import MixedMarketRun, QVoterRun, qvoter_update, simulate_mixed_market, simulate_qvoter
from .theory import (
    VARIANTS,
    MeanFieldFixedPoints,
    MixedMarketFixedPoints,
    Spinodals,
    empowered_critical_share,
    mixed_market_mean_field,
    mixed_market_path,
    mixed_market_settles,
    quenched_critical_point,
    qvoter_critical_point,
    qvoter_drift,
    qvoter_mean_field,
    qvoter_spinodals,
)

__all__ = [
    "VARIANTS",
    "qvoter_update",
    "simulate_qvoter",
    "QVoterRun",
    "qvoter_drift",
    "qvoter_mean_field",
    "MeanFieldFixedPoints",
    "qvoter_critical_point",
    "qvoter_spinodals",
    "Spinodals",
    # a market with fixed resisters (quenched)
    "simulate_mixed_market",
    "MixedMarketRun",
    "quenched_critical_point",
    "empowered_critical_share",
    "mixed_market_mean_field",
    "MixedMarketFixedPoints",
    "mixed_market_path",
    "mixed_market_settles",
]
