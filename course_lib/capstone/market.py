"""One play of a strategy in a scenario: the course's models put together.

**The rules.** A seed draws the consumer network (:data:`~course_lib.capstone.NETWORK_KINDS`)
and everything random after it. Consumers start on the continuum
(:mod:`course_lib.diffusion.continuum`): a share ``competitor_share`` as a competitor's
customers, ``detractor_share`` as detractors, the rest unaware; then the strategy's
``seeds`` ambassadors (chosen by :mod:`course_lib.seeding`) start as advocates. Each
period ``t``:

1. answering complaints costs ``answer_rate * answer_cost``; the budget plan
   (:class:`course_lib.budgets.BudgetPlan`, constant or two-phase) splits the rest into
   ``x_t`` on influence and ``e_t`` on empowerment; with the saturating
   response ``R`` (:func:`course_lib.budgets.saturating_response`),
   ``direct_influence = R(x_t; direct_max, influence_half)`` and
   ``empowerment = R(e_{t - lag}; advocate_max, empower_half)`` (0 before the lag);
2. moderation sets how loud detractors are: ``detraction`` is multiplied by the
   platform's :func:`loudness`, the negative talk bystanders see in the two-platform
   model's steady state (:func:`course_lib.platforms.platform_steady_state`) under the
   strategy's suppression and answer rate, over that of an unmoderated platform
   (suppression past the tipping point drives complainers outside, where their talk is
   louder); answered complaints resolve grievances, so ``disappointment`` is
   multiplied by ``1 - answer_rate``;
3. every consumer takes one step of the continuum with those levers
   (:func:`course_lib.diffusion.continuum_step`'s rule), given the advocates and
   detractors among their contacts.

The **score** of a play is the company's market share at the end: the share of
consumers who are customers or advocates.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .._contacts import contact_share, contacts_of
from .._validation import as_rng
from ..budgets import BudgetPlan, saturating_response
from ..diffusion import ADVOCATE, COMPETITOR, CUSTOMER, DETRACTOR, STATES, UNAWARE, Levers
from ..diffusion.continuum import apply_step
from ..networks import poisson_network, scale_free_network, small_world_network
from ..platforms import platform_steady_state
from ..seeding import random_seeds, top_degree, top_kshell, top_pagerank
from .scenario import Scenario
from .strategy import Strategy

__all__ = ["loudness", "budget_plan", "MarketRun", "play"]


@functools.lru_cache(maxsize=4096)
def loudness(suppression, answer_rate):
    """Negative talk on a moderated platform relative to an unmoderated one.

    Parameters
    ----------
    suppression : float
        Share of complaints removed, in [0, 1].
    answer_rate : float
        Share of the standing complaints answered, in [0, 1].

    Returns
    -------
    float
        ``platform_steady_state(suppression, answer_rate=answer_rate).negative_talk``
        over ``platform_steady_state(0).negative_talk``: below 1 when moderation quiets
        talk, above 1 when it drives complainers to louder places.

    Examples
    --------
    >>> loudness(0.0, 0.0)
    1.0
    >>> loudness(0.3, 0.0) < 1 < loudness(0.9, 0.0)     # mild suppression quiets, harsh backfires
    True
    >>> round(loudness(0.0, 0.5), 3)                    # answering quiets talk at any suppression
    0.575

    References
    ----------
    .. [1] A. O. Hirschman, *Exit, Voice, and Loyalty*, Harvard University Press, 1970.
    """
    quiet = platform_steady_state(0.0).negative_talk
    return float(platform_steady_state(float(suppression), answer_rate=float(answer_rate)).negative_talk / quiet)


def budget_plan(scenario, strategy):
    """The strategy's budget plan in the scenario.

    Parameters
    ----------
    scenario : Scenario
        Gives the budget and the horizon.
    strategy : Strategy
        Gives the split and, with ``switch``, the phases.

    Returns
    -------
    course_lib.budgets.BudgetPlan

    Raises
    ------
    ValueError
        If ``strategy.switch`` is not below the scenario's horizon.

    Examples
    --------
    >>> plan = budget_plan(Scenario(horizon=4), Strategy(empower_share=1.0, switch=2, first="influence"))
    >>> plan.empower.tolist()
    [0.0, 0.0, 1.0, 1.0]
    """
    budget = scenario.budget - strategy.answer_rate * scenario.answer_cost  # answering is paid first
    if strategy.switch is None:
        return BudgetPlan.constant(budget, scenario.horizon, strategy.empower_share)
    if strategy.switch >= scenario.horizon:
        raise ValueError(f"switch must be below the horizon ({scenario.horizon} periods), got {strategy.switch}")
    return BudgetPlan.two_phase(budget, scenario.horizon, strategy.switch, first=strategy.first,
                                share=strategy.empower_share)


@dataclass(frozen=True, eq=False)
class MarketRun:
    """One play: the share of consumers in each state, period by period.

    Attributes
    ----------
    shares : numpy.ndarray, shape (horizon + 1, 5)
        Row ``t``: the shares in state-code order (detractor, competitor, unaware,
        customer, advocate) at the start of period ``t``; the last row is the end.
    seeds : tuple
        The ambassadors (nodes of the network).
    scenario : Scenario
        The market played.
    strategy : Strategy
        The strategy played.
    seed : int or None
        The seed of the play, when it was an int.
    """

    shares: np.ndarray
    seeds: tuple
    scenario: Scenario
    strategy: Strategy
    seed: object

    @property
    def score(self):
        """Market share at the end: customers plus advocates."""
        return float(self.shares[-1, CUSTOMER] + self.shares[-1, ADVOCATE])

    def to_frame(self):
        """The shares as a tidy table: one row per period and state.

        Returns
        -------
        pandas.DataFrame
            Columns ``period``, ``state``, ``share``.
        """
        periods = np.repeat(np.arange(self.shares.shape[0]), len(STATES))
        return pd.DataFrame({"period": periods, "state": np.tile(STATES, self.shares.shape[0]),
                             "share": self.shares.ravel()})


def _draw_network(kind, n, degree, rng):
    if kind == "scale-free":
        return scale_free_network(n, max(1, round(degree / 2)), seed=rng)
    if kind == "small-world":
        return small_world_network(n, max(2, 2 * round(degree / 2)), 0.1, seed=rng)
    return poisson_network(n, degree, seed=rng)


@functools.lru_cache(maxsize=256)
def _cached_network(kind, n, degree, entropy):
    # every strategy played on a seed meets the same network: draw it (and compile it) once
    G = _draw_network(kind, n, degree, np.random.default_rng(np.random.SeedSequence(entropy).spawn(4)[0]))
    return G, contacts_of(G)


def _network(scenario, seed, network_rng):
    """The play's network and its contacts; cached when the seed is an int."""
    if isinstance(seed, int) and not isinstance(seed, bool) and seed >= 0:
        return _cached_network(scenario.network, scenario.n, scenario.mean_degree, seed)
    G = _draw_network(scenario.network, scenario.n, scenario.mean_degree, network_rng)
    return G, contacts_of(G)


_PICK = {"degree": top_degree, "kshell": top_kshell, "pagerank": top_pagerank}


def _ambassadors(G, strategy, rng, limit):
    if strategy.seeds == 0:
        return ()
    if strategy.seeds > limit:
        raise ValueError(f"seeds must be at most the scenario's max_seeds ({limit} ambassadors), "
                         f"got {strategy.seeds}")
    if strategy.seeding == "random":
        return tuple(random_seeds(G, strategy.seeds, seed=rng))
    return tuple(_PICK[strategy.seeding](G, strategy.seeds))


def play(scenario, strategy, *, seed=None):
    """Play ``strategy`` in ``scenario`` once (the rules: module docstring).

    Parameters
    ----------
    scenario : Scenario
        The market.
    strategy : Strategy or dict
        The company's choices (a dict is read by :meth:`Strategy.from_dict`).
    seed : None, int or numpy.random.Generator, optional
        Draws the network and every random step; the same seed gives the same play.

    Returns
    -------
    MarketRun

    Raises
    ------
    ValueError
        If the strategy asks for more ambassadors than the scenario's ``max_seeds``, or
        switches at or after the horizon.

    Examples
    --------
    >>> run = play(Scenario(n=200, horizon=10), {"seeding": "degree", "seeds": 5, "empower_share": 0.5}, seed=1)
    >>> run.shares.shape, round(float(run.shares.sum(axis=1).max()), 9)
    ((11, 5), 1.0)
    >>> run.score == play(Scenario(n=200, horizon=10), run.strategy, seed=1).score
    True

    References
    ----------
    .. [1] F. M. Bass, "A new product growth for model consumer durables",
       Management Science 15(5), 1969.
    .. [2] A. O. Hirschman, *Exit, Voice, and Loyalty*, Harvard University Press, 1970.
    """
    if not isinstance(scenario, Scenario):
        raise TypeError(f"scenario must be a course_lib.capstone.Scenario, not {type(scenario).__name__}")
    strategy = Strategy.from_dict(strategy)
    plan = budget_plan(scenario, strategy)
    seed_value = seed if isinstance(seed, int) else None
    network_rng, start_rng, seeding_rng, step_rng = as_rng(seed).spawn(4)
    G, contacts = _network(scenario, seed, network_rng)
    n = contacts.n
    states = np.full(n, UNAWARE, dtype=np.int8)
    order = start_rng.permutation(n)
    competitors = int(round(scenario.competitor_share * n))
    detractors = int(round(scenario.detractor_share * n))
    states[order[:competitors]] = COMPETITOR
    states[order[competitors:competitors + detractors]] = DETRACTOR
    ambassadors = _ambassadors(G, strategy, seeding_rng, scenario.max_seeds)
    states[[contacts.index_of[v] for v in ambassadors]] = ADVOCATE

    direct = saturating_response(plan.influence, scenario.direct_max, scenario.influence_half)
    recruit = np.zeros(scenario.horizon)
    lag = scenario.lag
    recruit[lag:] = saturating_response(plan.empower[: scenario.horizon - lag], scenario.advocate_max,
                                        scenario.empower_half)
    loud = min(loudness(strategy.suppression, strategy.answer_rate), Scenario.max_loudness)
    shares = np.empty((scenario.horizon + 1, len(STATES)))
    shares[0] = np.bincount(states, minlength=len(STATES)) / n
    for t in range(scenario.horizon):
        levers = Levers(float(direct[t]), float(recruit[t]), scenario.advocacy, scenario.detraction * loud,
                        scenario.churn, churn_to_competitor=scenario.churn_to_competitor,
                        disappointment=scenario.disappointment * (1.0 - strategy.answer_rate),
                        switching=scenario.switching, lapse=scenario.lapse, forgiveness=scenario.forgiveness)
        a = contact_share(contacts, states == ADVOCATE)
        d = contact_share(contacts, states == DETRACTOR)
        states = apply_step(states, step_rng.random(n), levers, a, d)
        shares[t + 1] = np.bincount(states, minlength=len(STATES)) / n
    return MarketRun(shares, ambassadors, scenario, strategy, seed_value)
