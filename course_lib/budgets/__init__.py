"""Budgets between influencing and empowering, and the return on a community.

A company splits each period's budget between *influence* (marketing, which wins
customers directly, with diminishing returns) and *empowerment* (support, co-creation
and a say for customers, which after a lag turns customers into advocates who win
others by word of mouth and answer support questions, so the company's own support
load falls: "community ROI"). The agency blog's budgeting claims (source E) become
questions this model answers; cost per adoption compares direct and indirect
influence (Wu, source D).

- :mod:`course_lib.budgets.response` -- the saturating response curve every lever uses;
- :mod:`course_lib.budgets.plan` -- budget plans: constant splits and two phases;
- :mod:`course_lib.budgets.market` -- the market's parameters, with the defaults;
- :mod:`course_lib.budgets.model` -- the model's equations and one plan's outcome;
- :mod:`course_lib.budgets.attribution` -- cost per adoption, direct vs indirect;
- :mod:`course_lib.budgets.marginal` -- what one more unit on each lever adds, period
  by period (where a two-phase plan's gain comes from);
- :mod:`course_lib.budgets.search` -- exact grid searches for the best constant split
  and the best two-phase plan;
- :mod:`course_lib.budgets.horizons` -- the best split as a function of the horizon.
"""
from .attribution import CostPerAdoption, cost_per_adoption
from .horizons import SplitByHorizon, best_split_by_horizon
from .marginal import MarginalValues, marginal_values
from .market import Market
from .model import BudgetOutcome, simulate_plan
from .plan import LEVERS, BudgetPlan
from .response import saturating_response
from .search import (
    ConstantSplitSearch,
    TwoPhaseSearch,
    best_constant_split,
    best_two_phase_plan,
)

__all__ = [
    "saturating_response",
    "LEVERS",
    "BudgetPlan",
    "Market",
    "BudgetOutcome",
    "simulate_plan",
    "CostPerAdoption",
    "cost_per_adoption",
    "marginal_values",
    "MarginalValues",
    "best_constant_split",
    "ConstantSplitSearch",
    "best_two_phase_plan",
    "TwoPhaseSearch",
    "best_split_by_horizon",
    "SplitByHorizon",
]
