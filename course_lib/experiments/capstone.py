"""Tables for lesson 10 (the capstone): a scoreboard against the baselines, a play's
trajectory, and where a strategy wins and loses across markets.

The numbers come from :mod:`course_lib.capstone`; these functions only arrange them.
"""
from __future__ import annotations

import functools

import numpy as np
import pandas as pd

from ..capstone import BASELINES, Scenario, Strategy, compare_strategies, play, score_strategy

__all__ = ["LESSON_SEEDS", "scoreboard_frame", "trajectory_frame", "market_map_frame"]

#: The seeds the lesson explores with (the graders hold out others).
LESSON_SEEDS = tuple(range(8))


def scoreboard_frame(scenario, strategy, *, seeds=LESSON_SEEDS):
    """Your strategy and the baselines on the same seeds: mean market share, its 95 %
    interval, and the paired gain over "all influence".

    Parameters
    ----------
    scenario : course_lib.capstone.Scenario
        The market.
    strategy : course_lib.capstone.Strategy or dict
        Your choices, shown as ``"yours"``.
    seeds : sequence of int, optional
        The seeds played (at least two).

    Returns
    -------
    pandas.DataFrame
        One row per strategy (yours first): ``strategy``, ``score``, ``score_low``,
        ``score_high``, ``gain``, ``gain_low``, ``gain_high``.

    Examples
    --------
    >>> frame = scoreboard_frame(Scenario(n=100, horizon=6), {"empower_share": 0.5}, seeds=range(3))
    >>> frame.strategy.tolist()
    ['yours', 'all influence', 'all empowerment', 'even split']
    """
    seeds = tuple(seeds)
    everyone = {"yours": Strategy.from_dict(strategy), **BASELINES}
    scores = {name: _score(scenario, choice, seeds) for name, choice in everyone.items()}
    base = np.asarray(scores["all influence"].scores)
    rows = []
    for name, score in scores.items():
        gain = np.asarray(score.scores) - base
        half = 1.96 * float(gain.std(ddof=1)) / np.sqrt(gain.size)
        rows.append({"strategy": name, "score": score.mean, "score_low": score.low, "score_high": score.high,
                     "gain": float(gain.mean()), "gain_low": float(gain.mean()) - half,
                     "gain_high": float(gain.mean()) + half})
    return pd.DataFrame(rows)


@functools.lru_cache(maxsize=1024)
def _score(scenario, strategy, seeds):
    # Scenario and Strategy are frozen, so a slider that comes back to a setting (and the
    # baselines, the same at every setting) costs nothing the second time
    return score_strategy(scenario, strategy, seeds)


def trajectory_frame(scenario, strategy, *, seed=0):
    """One play's shares per state and period, for a stacked area chart.

    Parameters
    ----------
    scenario : course_lib.capstone.Scenario
        The market.
    strategy : course_lib.capstone.Strategy or dict
        The choices.
    seed : int, optional
        The play's seed.

    Returns
    -------
    pandas.DataFrame
        :meth:`course_lib.capstone.MarketRun.to_frame`: ``period``, ``state``, ``share``.

    Examples
    --------
    >>> trajectory_frame(Scenario(n=100, horizon=4), {}, seed=1).shape
    (25, 3)
    """
    return play(scenario, strategy, seed=seed).to_frame()


@functools.lru_cache(maxsize=64)
def _gain(scenario, strategy, seeds):
    result = compare_strategies(scenario, {"yours": strategy}, seeds=seeds)
    mean, _, low, high = result.gains["yours"]
    return mean, low, high


def market_map_frame(strategy, *, networks=("scale-free", "small-world", "random"), horizons=(12, 26, 40),
                     seeds=LESSON_SEEDS[:5]):
    """Where a strategy wins and loses: its paired gain over "all influence" in markets
    that differ in network kind and horizon (other fields at their defaults).

    Parameters
    ----------
    strategy : course_lib.capstone.Strategy or dict
        The choices.
    networks : sequence of str, optional
        Network kinds (:data:`course_lib.capstone.NETWORK_KINDS`).
    horizons : sequence of int, optional
        Horizons, each above the default lag of 2.
    seeds : sequence of int, optional
        Seeds per market (at least two).

    Returns
    -------
    pandas.DataFrame
        One row per market: ``network``, ``horizon``, ``gain``, ``gain_low``,
        ``gain_high``, and ``verdict`` ("wins", "loses" or "unclear" at 95 %).

    Examples
    --------
    >>> frame = market_map_frame({"empower_share": 0.5}, networks=("random",), horizons=(6,), seeds=range(2))
    >>> frame.columns.tolist()[:3]
    ['network', 'horizon', 'gain']
    """
    strategy = Strategy.from_dict(strategy)
    rows = []
    for network in networks:
        for horizon in horizons:
            mean, low, high = _gain(Scenario(network=network, horizon=int(horizon)), strategy, tuple(seeds))
            verdict = "wins" if low > 0 else "loses" if high < 0 else "unclear"
            rows.append({"network": network, "horizon": int(horizon), "gain": mean, "gain_low": low,
                         "gain_high": high, "verdict": verdict})
    return pd.DataFrame(rows)
