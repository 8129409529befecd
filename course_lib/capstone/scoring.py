"""Scoring strategies on held-out seeds, with confidence intervals, against baselines.

Every strategy is played on the same seeds (the same networks and the same random
steps), so a comparison is *paired*: the difference of two strategies is taken seed by
seed, which removes the luck of the network from it. The interval is the mean plus or
minus ``z`` standard errors (``z = 1.96``: 95 % for a normal mean, which the average of
20 or more plays is close to).
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .._validation import check_integer
from .market import play
from .scenario import Scenario
from .strategy import BASELINES, Strategy

__all__ = ["HELD_OUT_SEEDS", "Score", "score_strategy", "Comparison", "compare_strategies"]

#: Seeds the course grades on; students tune on others (the lesson uses 0 .. 19).
HELD_OUT_SEEDS = tuple(range(10_000, 10_030))
_Z = 1.96


def _check_seeds(seeds):
    seeds = tuple(seeds)
    if len(seeds) < 2:
        raise ValueError(f"seeds must list at least 2 seeds (an interval needs two plays), got {len(seeds)}")
    for s in seeds:
        check_integer(s, "seeds", minimum=0)
    return seeds


def _interval(values):
    values = np.asarray(values, dtype=float)
    mean = float(values.mean())
    stderr = float(values.std(ddof=1) / math.sqrt(values.size))
    return mean, stderr, mean - _Z * stderr, mean + _Z * stderr


@dataclass(frozen=True)
class Score:
    """A strategy's market share over several plays.

    Attributes
    ----------
    mean : float
        Average score (market share at the end).
    stderr : float
        Its standard error over the plays.
    low : float
        The 95 % interval's lower end, ``mean - 1.96 stderr``.
    high : float
        Its upper end, ``mean + 1.96 stderr``.
    scores : tuple of float
        One score per seed, in the order of ``seeds``.
    seeds : tuple of int
        The seeds played.
    """

    mean: float
    stderr: float
    low: float
    high: float
    scores: tuple
    seeds: tuple

    def to_frame(self):
        """One row per seed: ``seed``, ``score``.

        Returns
        -------
        pandas.DataFrame
        """
        return pd.DataFrame({"seed": self.seeds, "score": self.scores})


def score_strategy(scenario, strategy, seeds=HELD_OUT_SEEDS):
    """Play ``strategy`` once per seed and summarize the scores.

    Parameters
    ----------
    scenario : Scenario
        The market.
    strategy : Strategy or dict
        The choices.
    seeds : sequence of int, optional
        At least two seeds (default :data:`HELD_OUT_SEEDS`).

    Returns
    -------
    Score

    Raises
    ------
    ValueError
        If fewer than two seeds are given or a seed is negative.

    Examples
    --------
    >>> score = score_strategy(Scenario(n=100, horizon=6), {"empower_share": 0.5}, seeds=range(4))
    >>> len(score.scores), score.low <= score.mean <= score.high
    (4, True)
    """
    seeds = _check_seeds(seeds)
    scores = tuple(play(scenario, strategy, seed=s).score for s in seeds)
    return Score(*_interval(scores), scores, seeds)


@dataclass(frozen=True)
class Comparison:
    """Strategies scored on the same seeds, each against one baseline.

    Attributes
    ----------
    scores : dict of str -> Score
        Every strategy's score, by name (the baseline included).
    baseline : str
        The name of the strategy the others are compared with.
    gains : dict of str -> tuple
        For each strategy, ``(mean, stderr, low, high)`` of its paired gain over the
        baseline (score minus the baseline's score on the same seed).
    """

    scores: dict
    baseline: str
    gains: dict

    def beats(self, name, margin=0.0):
        """Whether strategy ``name`` beats the baseline by more than ``margin`` with 95 %
        confidence: the lower end of its paired gain's interval is above ``margin``.

        Parameters
        ----------
        name : str
            A strategy of the comparison.
        margin : float, optional
            The gain in market share to clear.

        Returns
        -------
        bool
        """
        return self.gains[name][2] > margin

    def to_frame(self):
        """The scoreboard: one row per strategy and seed, with its gain over the baseline.

        Returns
        -------
        pandas.DataFrame
            Columns ``strategy``, ``seed``, ``score``, ``gain``.
        """
        base = np.asarray(self.scores[self.baseline].scores)
        rows = []
        for name, score in self.scores.items():
            for seed, value, gain in zip(score.seeds, score.scores, np.asarray(score.scores) - base):
                rows.append({"strategy": name, "seed": seed, "score": value, "gain": float(gain)})
        return pd.DataFrame(rows)

    def summary(self):
        """One row per strategy: mean score and interval, mean gain and interval.

        Returns
        -------
        pandas.DataFrame
        """
        return pd.DataFrame([{"strategy": name, "score": s.mean, "score_low": s.low, "score_high": s.high,
                              "gain": self.gains[name][0], "gain_low": self.gains[name][2],
                              "gain_high": self.gains[name][3]}
                             for name, s in self.scores.items()])


def compare_strategies(scenario, strategies, *, baseline="all influence", seeds=HELD_OUT_SEEDS):
    """Score several strategies on the same seeds and compare each with a baseline.

    Parameters
    ----------
    scenario : Scenario
        The market.
    strategies : dict of str -> Strategy or dict
        The strategies to score, by name. The :data:`BASELINES` are added under their
        names unless ``strategies`` already uses them.
    baseline : str, optional
        The strategy every gain is measured from (a name in ``strategies`` or
        :data:`BASELINES`).
    seeds : sequence of int, optional
        At least two seeds (default :data:`HELD_OUT_SEEDS`).

    Returns
    -------
    Comparison

    Raises
    ------
    ValueError
        If ``baseline`` is not among the strategies, or the seeds are too few.

    Examples
    --------
    >>> result = compare_strategies(Scenario(n=100, horizon=6), {"mine": {"empower_share": 0.3}},
    ...                             seeds=range(3))
    >>> sorted(result.scores)
    ['all empowerment', 'all influence', 'even split', 'mine']
    >>> result.gains["all influence"][0]
    0.0
    """
    if not isinstance(scenario, Scenario):
        raise TypeError(f"scenario must be a course_lib.capstone.Scenario, not {type(scenario).__name__}")
    seeds = _check_seeds(seeds)
    everyone = {**BASELINES, **{name: Strategy.from_dict(s) for name, s in dict(strategies).items()}}
    if baseline not in everyone:
        raise ValueError(f"baseline must be one of the strategies {sorted(everyone)}, got {baseline!r}")
    scores = {name: score_strategy(scenario, strategy, seeds) for name, strategy in everyone.items()}
    base = np.asarray(scores[baseline].scores)
    gains = {name: _interval(np.asarray(s.scores) - base) if name != baseline else (0.0, 0.0, 0.0, 0.0)
             for name, s in scores.items()}
    return Comparison(scores, baseline, gains)
