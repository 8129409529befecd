"""The market a budget plan acts on: the parameters of :mod:`course_lib.budgets.model`.

Every parameter is a share of a market of size 1, a chance per period, a spend (in the
units of the budget) or a number of periods. Three of them set the levers' response
curves (:func:`course_lib.budgets.saturating_response`): ``direct_max`` and
``influence_half`` for marketing, ``advocate_max`` and ``empower_half`` for
empowerment, ``answered_max`` and ``community_half`` for the community's support
answers. The defaults describe a new product (5% of the market are customers, no
community yet) with a budget of 1 per period in mind.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import numpy as np

from .._validation import check_integer, check_probability, check_real
from .response import _response

__all__ = ["Market"]


@dataclass(frozen=True)
class Market:
    """Parameters of the market a budget plan acts on (all shares of a market of size 1).

    The defaults describe a new product (5% of the market already buys, no community
    yet) and suit a budget of 1 per period, the spend that buys half of each lever's
    maximum: influence pays back at once, a community only over a dozen periods or more.

    Parameters
    ----------
    direct_max : float in [0, 1]
        Highest chance per period that a non-adopter buys because of marketing.
    influence_half : float > 0
        Influence spend per period that buys half of ``direct_max``.
    word_of_mouth : float in [0, 1]
        Imitation: chance per period that a non-adopter buys, per unit of advocate
        share (Bass's ``q``, with advocates as the only voices);
        ``direct_max + word_of_mouth`` must be at most 1.
    advocate_max : float in [0, 1]
        Highest chance per period that a customer becomes an advocate.
    empower_half : float > 0
        Empowerment spend per period that buys half of ``advocate_max``.
    decay : float in [0, 1]
        Share of advocates who lapse into plain customers each period.
    lag : int >= 0
        Periods before empowerment spend starts to recruit advocates (less than the
        horizon of any plan it is used with).
    answered_max : float in [0, 1]
        Highest share of support questions a community answers.
    community_half : float > 0
        Community size (share of the market) that answers half of ``answered_max``.
    support_per_customer : float >= 0
        Support cost per period of a whole market of customers nobody else helps.
    margin : float >= 0
        Profit per period of a whole market of customers, before support.
    initial_adopters : float in [0, 1]
        Customers at the start, ``A_{-1}``.
    initial_community : float in [0, initial_adopters]
        Advocates at the start, ``C_{-1}``.

    Raises
    ------
    ValueError
        If a parameter is outside its range, ``direct_max + word_of_mouth > 1`` or
        ``initial_community > initial_adopters``.

    Examples
    --------
    >>> market = Market(lag=4)
    >>> market.lag, market.direct_max
    (4, 0.1)
    >>> Market(direct_max=0.6, word_of_mouth=0.6)
    Traceback (most recent call last):
    ...
    ValueError: direct_max + word_of_mouth must be at most 1 (a chance to buy), got 1.2
    """

    direct_max: float = 0.1
    influence_half: float = 1.0
    word_of_mouth: float = 0.5
    advocate_max: float = 0.2
    empower_half: float = 1.0
    decay: float = 0.05
    lag: int = 2
    answered_max: float = 0.8
    community_half: float = 0.1
    support_per_customer: float = 2.0
    margin: float = 5.0
    initial_adopters: float = 0.05
    initial_community: float = 0.0

    def __post_init__(self):
        checked = {}
        for name in ("direct_max", "word_of_mouth", "advocate_max", "decay", "answered_max",
                     "initial_adopters", "initial_community"):
            checked[name] = check_probability(getattr(self, name), name)
        for name in ("influence_half", "empower_half", "community_half"):
            checked[name] = check_real(getattr(self, name), name, minimum=0.0, strict_minimum=True)
        for name in ("support_per_customer", "margin"):
            checked[name] = check_real(getattr(self, name), name, minimum=0.0)
        checked["lag"] = check_integer(self.lag, "lag", minimum=0)
        if checked["direct_max"] + checked["word_of_mouth"] > 1.0:
            raise ValueError("direct_max + word_of_mouth must be at most 1 (a chance to buy), "
                             f"got {checked['direct_max'] + checked['word_of_mouth']:.3g}")
        if checked["initial_community"] > checked["initial_adopters"]:
            raise ValueError(
                f"initial_community must be at most initial_adopters = "
                f"{checked['initial_adopters']} (advocates are customers), "
                f"got {checked['initial_community']}")
        for name, value in checked.items():
            object.__setattr__(self, name, value)

    def direct_chance(self, influence):
        """Chance per period that a non-adopter buys because of ``influence`` spend."""
        return _response(np.asarray(influence, dtype=float), self.direct_max, self.influence_half)

    def advocate_chance(self, empower):
        """Chance per period that a customer becomes an advocate, for ``empower`` spend
        (``lag`` periods earlier)."""
        return _response(np.asarray(empower, dtype=float), self.advocate_max, self.empower_half)

    def answered_share(self, community):
        """Share of support questions a community of size ``community`` answers."""
        return _response(np.asarray(community, dtype=float), self.answered_max, self.community_half)

    def support_load(self, adopters, community):
        """The company's own support cost per period,
        ``support_per_customer * adopters * (1 - answered_share(community))``.

        Examples
        --------
        >>> market = Market(support_per_customer=2.0, answered_max=0.8, community_half=0.1)
        >>> float(market.support_load(0.5, 0.0)), float(market.support_load(0.5, 0.1))
        (1.0, 0.6)
        """
        adopters = np.asarray(adopters, dtype=float)
        return self.support_per_customer * adopters * (1.0 - self.answered_share(community))


def check_lag(market, horizon):
    """Raise unless the market's lag is shorter than ``horizon`` periods."""
    if market.lag >= horizon:
        raise ValueError(f"lag must be between 0 and horizon - 1 = {horizon - 1} (empowerment "
                         f"spend must be able to act within the plan), got {market.lag}")


def resolve_market(market, market_params):
    """``market`` (default :class:`Market`) with ``market_params`` replacing its fields."""
    if market is None:
        market = Market()
    elif not isinstance(market, Market):
        raise TypeError(f"market must be a course_lib.budgets.Market, not {type(market).__name__}")
    if market_params:
        fields = {f.name for f in dataclasses.fields(Market)}
        unknown = sorted(set(market_params) - fields)
        if unknown:
            raise TypeError(f"unknown market parameter(s) {', '.join(unknown)}; "
                            f"allowed: {', '.join(sorted(fields))}")
        market = dataclasses.replace(market, **market_params)
    return market
