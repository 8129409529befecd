"""What the company chooses: whom to seed, how to split the budget and when, how to moderate.

A :class:`Strategy` is plain data, so a student's function can return it as a dict
(:meth:`Strategy.from_dict` checks it and says in words what is wrong).
:data:`BASELINES` are the strategies a new one is scored against.
"""
from __future__ import annotations

import numbers
from dataclasses import asdict, dataclass, fields

from .._validation import check_integer, check_probability

__all__ = ["SEEDINGS", "Strategy", "BASELINES"]

#: How the company picks the consumers it turns into ambassadors at the start.
SEEDINGS = ("none", "random", "degree", "kshell", "pagerank")


@dataclass(frozen=True)
class Strategy:
    """A strategy for the capstone's market.

    Attributes
    ----------
    seeding : str
        One of :data:`SEEDINGS`: how ambassadors are chosen (``"degree"``: the most
        connected, ``"kshell"``: the core, ``"pagerank"``, ``"random"``, or ``"none"``).
    seeds : int
        How many consumers start as advocates (ambassadors), at least 0; 0 with
        ``seeding="none"``.
    empower_share : float
        Share of each period's budget spent on empowerment (the rest on influence), in
        [0, 1]; with ``switch`` the share of the phase that empowers.
    switch : int or None
        None: the same split every period. A period ``1 .. horizon - 1``: a two-phase
        plan (:meth:`course_lib.budgets.BudgetPlan.two_phase`) that changes at it.
    first : str
        With ``switch``: ``"influence"`` or ``"empower"``, the lever of the first phase.
    suppression : float
        Share of complaints the company removes from its platform, in [0, 1].
    answer_rate : float
        Share of the complaints left standing that the company answers, in [0, 1]
        (community management).

    Raises
    ------
    ValueError
        If a field is out of range, naming it.

    Examples
    --------
    >>> Strategy(seeding="degree", seeds=10, empower_share=0.4).seeds
    10
    >>> Strategy.from_dict({"seeding": "hubs"})
    Traceback (most recent call last):
    ...
    ValueError: seeding must be one of none, random, degree, kshell, pagerank; got 'hubs'
    """

    seeding: str = "none"
    seeds: int = 0
    empower_share: float = 0.0
    switch: int | None = None
    first: str = "influence"
    suppression: float = 0.0
    answer_rate: float = 0.0

    def __post_init__(self):
        if self.seeding not in SEEDINGS:
            raise ValueError(f"seeding must be one of {', '.join(SEEDINGS)}; got {self.seeding!r}")
        seeds = check_integer(self.seeds, "seeds", minimum=0)
        if self.seeding == "none" and seeds:
            raise ValueError(f"seeding 'none' picks nobody, but seeds = {seeds}: choose how to pick them "
                             f"({', '.join(SEEDINGS[1:])})")
        object.__setattr__(self, "seeds", seeds)
        for name in ("empower_share", "suppression", "answer_rate"):
            object.__setattr__(self, name, check_probability(getattr(self, name), name))
        if self.switch is not None:
            object.__setattr__(self, "switch", check_integer(self.switch, "switch", minimum=1))
        if self.first not in ("influence", "empower"):
            raise ValueError(f"first must be 'influence' or 'empower'; got {self.first!r}")

    def to_dict(self):
        """The strategy as a plain dict.

        Returns
        -------
        dict
        """
        return asdict(self)

    @classmethod
    def from_dict(cls, values):
        """A strategy from a dict of its fields (missing ones take their defaults).

        Parameters
        ----------
        values : dict or Strategy
            Field names and values.

        Returns
        -------
        Strategy

        Raises
        ------
        TypeError
            If ``values`` is not a dict or names a field that does not exist.
        ValueError
            If a value is out of range.
        """
        if isinstance(values, cls):
            return values
        if not isinstance(values, dict):
            raise TypeError(f"a strategy is a dict of its choices, not {type(values).__name__}")
        names = [f.name for f in fields(cls)]
        unknown = set(values) - set(names)
        if unknown:
            raise TypeError(f"a strategy has no choice(s) {sorted(unknown)}; the choices are {names}")
        plain = {k: (float(v) if isinstance(v, numbers.Real) and not isinstance(v, (bool, numbers.Integral))
                     else v) for k, v in values.items()}
        return cls(**plain)


#: The strategies every new one is compared with: all on marketing, all on empowerment,
#: and an even split, none with ambassadors or moderation.
BASELINES = {
    "all influence": Strategy(),
    "all empowerment": Strategy(empower_share=1.0),
    "even split": Strategy(empower_share=0.5),
}
