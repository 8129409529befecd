"""The capstone: a market built from the course's models, and strategies scored in it.

A company chooses whom to seed as ambassadors (:mod:`course_lib.seeding`), how to split
its budget between influence and empowerment and when (:mod:`course_lib.budgets`), and
how to moderate its platform (:mod:`course_lib.platforms`); consumers move along Wu's
continuum (:mod:`course_lib.diffusion.continuum`) on a consumer network.

- :mod:`course_lib.capstone.scenario` -- :class:`Scenario`, what a strategy cannot change;
- :mod:`course_lib.capstone.strategy` -- :class:`Strategy`, the choices, and the baselines;
- :mod:`course_lib.capstone.market` -- :func:`play`, one play of a strategy, with its rules;
- :mod:`course_lib.capstone.scoring` -- scores on held-out seeds with confidence
  intervals, paired comparisons with a baseline, the scoreboard.
"""
from .market import MarketRun, budget_plan, loudness, play
from .scenario import NETWORK_KINDS, Scenario
from .scoring import HELD_OUT_SEEDS, Comparison, Score, compare_strategies, score_strategy
from .strategy import BASELINES, SEEDINGS, Strategy

__all__ = [
    "Scenario",
    "NETWORK_KINDS",
    "Strategy",
    "SEEDINGS",
    "BASELINES",
    "loudness",
    "budget_plan",
    "MarketRun",
    "play",
    "HELD_OUT_SEEDS",
    "Score",
    "score_strategy",
    "Comparison",
    "compare_strategies",
]
