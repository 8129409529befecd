"""The capstone's market: a consumer network, a continuum of consumers, a platform, a budget.

A :class:`Scenario` fixes everything a strategy cannot change: the kind and size of the
consumer network, where consumers start on the continuum (:mod:`course_lib.diffusion`),
how they talk, how each lever responds to spend (:mod:`course_lib.budgets`), and how
the company's platform turns moderation into negative talk
(:mod:`course_lib.platforms`). The rules of one period are in
:mod:`course_lib.capstone.market`.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, fields

from .._validation import check_integer, check_probability, check_real
from ..diffusion import Levers

__all__ = ["NETWORK_KINDS", "Scenario"]

#: The consumer networks a scenario can be played on.
NETWORK_KINDS = ("scale-free", "small-world", "random")


@dataclass(frozen=True)
class Scenario:
    """Everything about the market that a strategy cannot change.

    Attributes
    ----------
    n : int
        Consumers, at least 10.
    network : str
        One of :data:`NETWORK_KINDS`: scale-free (a few hubs), small-world (clustered
        circles of friends) or random (Poisson degrees).
    mean_degree : float
        Average number of contacts (for scale-free networks rounded to ``m`` = half of it).
    horizon : int
        Periods the strategy runs, at least 1.
    budget : float
        Spend per period, at least 0: answering complaints is paid first, the rest is
        split between influence and empowerment.
    answer_cost : float
        What answering every standing complaint costs per period (a strategy answering
        a share ``answer_rate`` pays ``answer_rate * answer_cost``), at most ``budget``.
    max_seeds : int
        Most ambassadors a strategy can recruit at the start.
    competitor_share : float
        Share of consumers who start as a competitor's customers.
    detractor_share : float
        Share who start as detractors (the rest start unaware).
    direct_max : float
        Highest chance per period that marketing wins an unaware consumer.
    influence_half : float
        Influence spend per period that buys half of ``direct_max``.
    advocate_max : float
        Highest chance per period that a customer becomes an advocate.
    empower_half : float
        Empowerment spend per period that buys half of ``advocate_max``.
    lag : int
        Periods before empowerment spend starts to make advocates (below ``horizon``).
    advocacy : float
        Advocates' word of mouth (:class:`course_lib.diffusion.Levers`, as the next six).
    detraction : float
        Detractors' word of mouth on a platform without moderation.
    churn : float
        Chance per period that a customer stops buying.
    churn_to_competitor : float
        Share of those who go to a competitor (the rest drift back to unaware).
    disappointment : float
        Chance per period that a customer turns detractor, without answered complaints.
    switching : float
        How much harder a competitor's customer is to win than an unaware consumer.
    lapse : float
        Chance per period that an advocate stops recommending.
    forgiveness : float
        Chance per period that a detractor's anger fades.

    Raises
    ------
    ValueError
        If a field is out of range, naming it, or the levers at full spend would give a
        consumer probabilities that add up to more than 1.

    Examples
    --------
    >>> scenario = Scenario()
    >>> scenario.n, scenario.network, scenario.horizon
    (500, 'scale-free', 26)
    >>> Scenario.from_dict(scenario.to_dict()) == scenario
    True
    """

    n: int = 500
    network: str = "scale-free"
    mean_degree: float = 6.0
    horizon: int = 26
    budget: float = 1.0
    answer_cost: float = 0.3
    max_seeds: int = 10
    competitor_share: float = 0.3
    detractor_share: float = 0.02
    direct_max: float = 0.06
    influence_half: float = 1.0
    advocate_max: float = 0.15
    empower_half: float = 1.0
    lag: int = 2
    advocacy: float = 0.35
    detraction: float = 0.2
    churn: float = 0.04
    churn_to_competitor: float = 0.5
    disappointment: float = 0.02
    switching: float = 0.5
    lapse: float = 0.05
    forgiveness: float = 0.03

    def __post_init__(self):
        check_integer(self.n, "n", minimum=10)
        if self.network not in NETWORK_KINDS:
            raise ValueError(f"network must be one of {', '.join(NETWORK_KINDS)}; got {self.network!r}")
        degree = check_real(self.mean_degree, "mean_degree", minimum=2.0)
        if degree > self.n - 1:
            raise ValueError(f"mean_degree must be at most n - 1 = {self.n - 1}, got {degree}")
        horizon = check_integer(self.horizon, "horizon", minimum=1)
        budget = check_real(self.budget, "budget", minimum=0.0)
        check_real(self.answer_cost, "answer_cost", minimum=0.0, maximum=budget)
        check_integer(self.max_seeds, "max_seeds", minimum=0, maximum=self.n)
        start = check_probability(self.competitor_share, "competitor_share") + \
            check_probability(self.detractor_share, "detractor_share")
        if start > 1.0:
            raise ValueError(f"competitor_share + detractor_share must be at most 1, got {start:g}")
        for name in ("influence_half", "empower_half"):
            check_real(getattr(self, name), name, minimum=0.0, strict_minimum=True)
        lag = check_integer(self.lag, "lag", minimum=0)
        if lag >= horizon:
            raise ValueError(f"lag must be below the horizon ({horizon} periods), got {lag}: "
                             "empowerment spend would never make an advocate")
        for name in ("direct_max", "advocate_max"):
            check_probability(getattr(self, name), name)
        # the levers at full response must be valid probabilities for every consumer
        Levers(self.direct_max, self.advocate_max, self.advocacy, self.detraction * self.max_loudness,
               self.churn, churn_to_competitor=self.churn_to_competitor,
               disappointment=self.disappointment, switching=self.switching, lapse=self.lapse,
               forgiveness=self.forgiveness)

    #: Negative talk on a fully suppressed platform, relative to an unmoderated one, is
    #: below this bound (:func:`course_lib.capstone.market.loudness`); the levers are
    #: checked at it.
    max_loudness = 3.0

    def to_dict(self):
        """The scenario as a plain dict (what a student's strategy function receives).

        Returns
        -------
        dict
        """
        return asdict(self)

    @classmethod
    def from_dict(cls, values):
        """A scenario from a dict of its fields (unknown names are refused).

        Parameters
        ----------
        values : dict
            Field names and values; missing fields take their defaults.

        Returns
        -------
        Scenario

        Raises
        ------
        TypeError
            If ``values`` names a field that does not exist.
        """
        unknown = set(values) - {f.name for f in fields(cls)}
        if unknown:
            raise TypeError(f"a scenario has no field(s) {sorted(unknown)}; it has {[f.name for f in fields(cls)]}")
        return cls(**values)
