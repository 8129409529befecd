"""Wu's consumer continuum: direct influence, empowerment and word of mouth.

Wu ("Do you empower or influence?", source D of the course) places consumers on a
continuum from the brand's detractors to its advocates. Every consumer is in one of
five states, with integer codes in the continuum's order::

    DETRACTOR (0) -- COMPETITOR (1) -- UNAWARE (2) -- CUSTOMER (3) -- ADVOCATE (4)
    against the      a competitor's     not yet in      buys from      buys and
    brand            customer           anyone's funnel the company    recommends

The company pulls two levers. **Direct influence** (marketing) wins customers itself;
**empowerment** (support, co-creation, a say) turns customers into advocates, whose
word of mouth is the company's *indirect* influence: it reaches only the advocates'
contacts. Detractors talk too.

**The rule of one step** (:class:`Levers` holds every probability; ``a`` and ``d``
are the shares of a consumer's contacts who are advocates and detractors at the start
of the step; ``L = 1`` with the loop and ``L = 0`` for the linear funnel)::

    from        to           probability per step
    DETRACTOR   COMPETITOR   forgiveness                         (anger fades)
    COMPETITOR  CUSTOMER     switching * (direct_influence + L * advocacy * a)
    UNAWARE     COMPETITOR   detraction * d                      (talked out of it)
    UNAWARE     CUSTOMER     direct_influence + L * advocacy * a
    CUSTOMER    DETRACTOR    disappointment + detraction * d
    CUSTOMER    COMPETITOR   churn * churn_to_competitor
    CUSTOMER    UNAWARE      churn * (1 - churn_to_competitor)
    CUSTOMER    ADVOCATE     empowerment
    ADVOCATE    CUSTOMER     lapse                               (stops recommending)

and every consumer stays put with the rest of the probability. A competitor's
customer is harder to win than an unaware consumer: both direct influence and
advocacy reach them at ``switching`` times the rate (0.5 by default). Churned
customers drift back to unaware or into a competitor's funnel, as Wu describes
ex-customers doing.

**The loop.** In the consumer decision journey of Court, Elzinga, Mulder & Vetvik
(2009) the post-purchase experience feeds back into other consumers' consideration:
advocates' word of mouth wins new customers (``loop=True``). ``loop=False`` is the
linear funnel, in which it does not: the advocacy terms are switched off, everything
else (detractors' word of mouth included) is unchanged.

**The draw.** One uniform draw ``u`` in [0, 1) per consumer and step decides the
move: :func:`continuum_step` gives the exact rule. On the complete graph of ``n``
consumers ``a`` and ``d`` are the advocate and detractor counts (oneself excluded)
over ``n - 1``; as ``n`` grows the shares follow the rate equations
:func:`continuum_mean_field` (``a`` and ``d`` the population shares), whose fixed
point is :func:`continuum_steady_state`.

Every probability out of a state is checked when :class:`Levers` is made: even for a
consumer whose contacts are all advocates, or all detractors, the probabilities of
leaving a state add up to at most 1.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import KW_ONLY, dataclass, field

import numpy as np

from .._guard import reference
from .._validation import as_rng, check_integer, check_probability, check_real
from .network_bass import contact_share, contacts_of

__all__ = [
    "DETRACTOR",
    "COMPETITOR",
    "UNAWARE",
    "CUSTOMER",
    "ADVOCATE",
    "STATES",
    "Levers",
    "continuum_transitions",
    "continuum_step",
    "ContinuumRun",
    "simulate_continuum",
    "continuum_mean_field",
    "ContinuumSteadyState",
    "continuum_steady_state",
]

#: Against the brand, and says so (their word of mouth is the ``detraction`` lever's).
DETRACTOR = 0
#: A competitor's customer.
COMPETITOR = 1
#: Not yet in anyone's purchase funnel.
UNAWARE = 2
#: Buys from the company.
CUSTOMER = 3
#: Buys and recommends: an empowered customer whose word of mouth wins others.
ADVOCATE = 4
#: State names by code: ``STATES[code]``.
STATES = ("detractor", "competitor", "unaware", "customer", "advocate")

_EVERYONE_UNAWARE = (0.0, 0.0, 1.0, 0.0, 0.0)
_SLACK = 1e-12  # rounding allowed when probabilities out of a state add up to 1


@dataclass(frozen=True)
class Levers:
    """The probabilities per step of the consumer continuum (rule table in the module
    docstring of :mod:`course_lib.diffusion.continuum`).

    The first five are given by position or keyword, the others by keyword only.
    Checked when made: each is a probability in [0, 1], and the probabilities of
    leaving UNAWARE (``direct_influence + max(L * advocacy, detraction)``) and
    CUSTOMER (``empowerment + disappointment + detraction + churn``) add up to at
    most 1, so every transition is a probability whatever the contacts' states.

    Attributes
    ----------
    direct_influence : float
        Chance that the company's marketing wins an unaware consumer (a competitor's
        customer: ``switching`` times it).
    empowerment : float
        Chance that a customer becomes an advocate.
    advocacy : float
        Word of mouth of advocates: an unaware consumer all of whose contacts are
        advocates is won with this chance on top of ``direct_influence`` (in
        proportion to the share of advocate contacts; a competitor's customer:
        ``switching`` times it). Unused when ``loop`` is False.
    detraction : float
        Word of mouth of detractors, in proportion to the share of detractor contacts:
        an unaware consumer turns to the competitor, a customer becomes a detractor.
    churn : float
        Chance that a customer stops buying.
    churn_to_competitor : float
        Share of churning customers who move to a competitor (the others become
        unaware again).
    disappointment : float
        Chance that a customer becomes a detractor by their own bad experience.
    switching : float
        How much harder a competitor's customer is to win than an unaware consumer:
        both direct influence and advocacy reach them at this factor.
    lapse : float
        Chance that an advocate stops recommending (a customer again).
    forgiveness : float
        Chance that a detractor's anger fades (a competitor's customer again).
    loop : bool
        True for the consumer decision journey's loop (advocates' word of mouth wins
        customers), False for the linear funnel (it does not).

    Examples
    --------
    >>> levers = Levers(0.02, 0.05, 0.3, 0.1, 0.02, disappointment=0.005)
    >>> levers.lapse, levers.loop
    (0.05, True)
    """

    direct_influence: float
    empowerment: float
    advocacy: float
    detraction: float
    churn: float
    _: KW_ONLY
    churn_to_competitor: float = 0.5
    disappointment: float = 0.0
    switching: float = 0.5
    lapse: float = 0.05
    forgiveness: float = 0.05
    loop: bool = True

    def __post_init__(self):
        for name in ("direct_influence", "empowerment", "advocacy", "detraction", "churn",
                     "churn_to_competitor", "disappointment", "switching", "lapse", "forgiveness"):
            object.__setattr__(self, name, check_probability(getattr(self, name), name))
        if not isinstance(self.loop, (bool, np.bool_)):
            raise TypeError(f"loop must be True or False, not {type(self.loop).__name__} ({self.loop!r})")
        object.__setattr__(self, "loop", bool(self.loop))
        word = self.advocacy if self.loop else 0.0
        leave_unaware = self.direct_influence + max(word, self.detraction)
        if leave_unaware > 1.0 + _SLACK:
            raise ValueError(
                "the probabilities of leaving UNAWARE add up to more than 1: direct_influence + "
                f"max({'advocacy' if self.loop else 'no advocacy (loop=False)'}, detraction) = "
                f"{leave_unaware:g} for a consumer whose contacts are all "
                f"{'advocates' if word >= self.detraction else 'detractors'}; it must be at most 1"
            )
        leave_customer = self.empowerment + self.disappointment + self.detraction + self.churn
        if leave_customer > 1.0 + _SLACK:
            raise ValueError(
                "the probabilities of leaving CUSTOMER add up to more than 1: empowerment + "
                f"disappointment + detraction + churn = {leave_customer:g} (detraction counted in "
                "full, for a customer whose contacts are all detractors); it must be at most 1"
            )


def _check_levers(levers):
    if not isinstance(levers, Levers):
        raise TypeError(f"levers must be a Levers, not {type(levers).__name__}")
    return levers


def _transition_rows(levers, a, d):
    """Transition probabilities out of each state, for contact shares ``a`` and ``d``
    (numbers or arrays): a tuple of five rows, each a tuple of five probabilities."""
    lv = levers
    buy = lv.direct_influence + (lv.advocacy * a if lv.loop else 0.0)
    talked_out = lv.detraction * d
    win_competitor = lv.switching * buy
    to_detractor = lv.disappointment + lv.detraction * d
    to_competitor = lv.churn * lv.churn_to_competitor
    to_unaware = lv.churn * (1.0 - lv.churn_to_competitor)
    zero = 0.0 * a + 0.0 * d
    return (
        (1.0 - lv.forgiveness + zero, lv.forgiveness + zero, zero, zero, zero),
        (zero, 1.0 - win_competitor + zero, zero, win_competitor + zero, zero),
        (zero, talked_out + zero, 1.0 - talked_out - buy + zero, buy + zero, zero),
        (to_detractor + zero, to_competitor + zero, to_unaware + zero,
         1.0 - to_detractor - to_competitor - to_unaware - lv.empowerment + zero, lv.empowerment + zero),
        (zero, zero, zero, lv.lapse + zero, 1.0 - lv.lapse + zero),
    )


def _check_share(value, name, n=None):
    if np.ndim(value) == 0:
        return check_probability(value, name)
    array = np.asarray(value, dtype=float)
    if n is not None and array.shape != (n,):
        raise ValueError(f"{name} must be a number or have one value per consumer ({n}), got shape {array.shape}")
    bad = ~((array >= 0.0) & (array <= 1.0))
    if bad.any():
        first = int(np.flatnonzero(bad)[0])
        raise ValueError(f"{name} must lie between 0 and 1; value {array[first]!r} at position {first} does not")
    return array


def _check_contact_shares(advocate_share, detractor_share, n=None):
    a = _check_share(advocate_share, "advocate_share", n)
    d = _check_share(detractor_share, "detractor_share", n)
    if np.any(np.asarray(a) + np.asarray(d) > 1.0 + _SLACK):
        raise ValueError(
            "advocate_share + detractor_share must be at most 1: they are shares of the "
            "same contacts"
        )
    return a, d


@reference
def continuum_transitions(levers, advocate_share=0.0, detractor_share=0.0):
    """The one-step transition matrix of the continuum for given contact shares.

    Row ``i``, column ``j``: the probability that a consumer in state ``i`` is in state
    ``j`` after the step, when a share ``advocate_share`` of their contacts are
    advocates and ``detractor_share`` detractors (rule table in the module docstring
    of :mod:`course_lib.diffusion.continuum`). Rows and columns are in state-code
    order (:data:`STATES`); every row adds up to 1.

    Parameters
    ----------
    levers : Levers
        The probabilities per step.
    advocate_share : float
        Share of the consumer's contacts who are advocates, in [0, 1].
    detractor_share : float
        Share who are detractors, in [0, 1], with ``advocate_share + detractor_share
        <= 1``.

    Returns
    -------
    numpy.ndarray, shape (5, 5)

    Raises
    ------
    ValueError
        If a share is out of range.

    Examples
    --------
    >>> levers = Levers(0.1, 0.2, 0.4, 0.3, 0.1)
    >>> P = continuum_transitions(levers, advocate_share=0.5)
    >>> P[UNAWARE].round(3)           # 0.1 + 0.4 * 0.5 = 0.3 become customers
    array([0. , 0. , 0.7, 0.3, 0. ])
    >>> P[CUSTOMER].round(3)          # churn 0.1, half of it to the competitor
    array([0.  , 0.05, 0.05, 0.7 , 0.2 ])
    """
    levers = _check_levers(levers)
    a, d = _check_contact_shares(advocate_share, detractor_share)
    if np.ndim(a) or np.ndim(d):
        raise ValueError("advocate_share and detractor_share must be single numbers here")
    return np.clip(np.array(_transition_rows(levers, a, d), dtype=float), 0.0, 1.0)


def apply_step(states, draws, levers, a, d):
    """The rule without input checks (the simulation's inner step); returns new states."""
    rows = _transition_rows(levers, a, d)
    n = states.shape[0]
    cumulative = np.zeros((n, 4))
    for code in range(5):
        mask = states == code
        if not mask.any():
            continue
        total = np.zeros(int(mask.sum()))
        for j in range(4):
            value = rows[code][j]
            total = total + (value[mask] if np.ndim(value) else value)
            cumulative[mask, j] = total
    return (cumulative <= draws[:, None]).sum(axis=1).astype(np.int8)


@reference
def continuum_step(states, draws, levers, advocate_share, detractor_share):
    """One step of the consumer continuum for every consumer, given their draws.

    For each consumer, take the five transition probabilities out of their current
    state (the row ``continuum_transitions(levers, a, d)[state]``, with ``a`` and
    ``d`` their own advocate and detractor shares) and lay them end to end on [0, 1)
    in state-code order: DETRACTOR, COMPETITOR, UNAWARE, CUSTOMER, ADVOCATE, staying
    included at its own place. The consumer moves to the state whose interval holds
    their draw ``u``. Exactly: with the running sums ``c0 = P0``, ``c1 = P0 + P1``,
    ``c2 = c1 + P2``, ``c3 = c2 + P3`` (added left to right), the new state code is
    the number of ``c0, c1, c2, c3`` that are ``<= u``. An empty interval (a
    probability 0) is never chosen.

    Parameters
    ----------
    states : array of int
        Each consumer's state code at the start of the step (:data:`DETRACTOR` 0 ..
        :data:`ADVOCATE` 4).
    draws : array of float
        One uniform draw in [0, 1) per consumer.
    levers : Levers
        The probabilities per step.
    advocate_share : float or array of float
        Share of each consumer's contacts who are advocates at the start of the step,
        in [0, 1] (one number for everyone, or one per consumer).
    detractor_share : float or array of float
        Share of each consumer's contacts who are detractors, likewise, with
        ``advocate_share + detractor_share <= 1``.

    Returns
    -------
    numpy.ndarray of int8
        The new state codes (a new array; the inputs are unchanged).

    Raises
    ------
    ValueError
        If an array has the wrong length or holds values out of range, naming it.

    Examples
    --------
    Five consumers, one in each state; their contacts are 50 % advocates and 20 %
    detractors:

    >>> import numpy as np
    >>> levers = Levers(0.1, 0.2, 0.4, 0.5, 0.1, forgiveness=0.3, lapse=0.1)
    >>> states = np.array([DETRACTOR, COMPETITOR, UNAWARE, CUSTOMER, ADVOCATE])
    >>> draws = np.array([0.8, 0.9, 0.05, 0.85, 0.05])
    >>> new = continuum_step(states, draws, levers, 0.5, 0.2)
    >>> [STATES[code] for code in new]
    ['competitor', 'customer', 'competitor', 'advocate', 'customer']

    The rows, in state-code order (each consumer uses the row of their own state):

    >>> continuum_transitions(levers, 0.5, 0.2).round(3)
    array([[0.7 , 0.3 , 0.  , 0.  , 0.  ],
           [0.  , 0.85, 0.  , 0.15, 0.  ],
           [0.  , 0.1 , 0.6 , 0.3 , 0.  ],
           [0.1 , 0.05, 0.05, 0.6 , 0.2 ],
           [0.  , 0.  , 0.  , 0.1 , 0.9 ]])

    The detractor stays for a draw in [0, 0.7) and is forgiven in [0.7, 1): 0.8. The
    competitor's customer stays in [0, 0.85) and is won in [0.85, 1) (``0.5 * (0.1 +
    0.4 * 0.5) = 0.15``): 0.9. The unaware consumer turns to the competitor in
    [0, 0.1): 0.05. The customer's intervals are detractor [0, 0.1), competitor
    [0.1, 0.15), unaware [0.15, 0.2), customer [0.2, 0.8), advocate [0.8, 1): 0.85.
    The advocate lapses in [0, 0.1): 0.05.

    References
    ----------
    .. [1] M. Wu, "Do you empower or influence?", Lithium community analytics blog.
    .. [2] D. Court, D. Elzinga, S. Mulder and O. J. Vetvik, "The consumer decision
       journey", McKinsey Quarterly, June 2009.
    """
    levers = _check_levers(levers)
    states = np.asarray(states)
    if states.ndim != 1:
        raise ValueError(f"states must be a one-dimensional array of state codes, got shape {states.shape}")
    n = states.shape[0]
    if states.dtype.kind not in "iu" or ((states < DETRACTOR) | (states > ADVOCATE)).any():
        raise ValueError(f"states must hold state codes {DETRACTOR}..{ADVOCATE} ({', '.join(STATES)})")
    draws = np.asarray(draws, dtype=float)
    if draws.shape != (n,):
        raise ValueError(f"draws must have one draw per consumer ({n}), got shape {draws.shape}")
    bad = ~((draws >= 0.0) & (draws < 1.0))
    if bad.any():
        first = int(np.flatnonzero(bad)[0])
        raise ValueError(f"draws must hold uniform draws in [0, 1); value {draws[first]!r} at position {first} is not")
    a, d = _check_contact_shares(advocate_share, detractor_share, n)
    return apply_step(states, draws, levers, a, d)


def _initial_shares(initial):
    """The initial shares as a float array of five, in state-code order."""
    if isinstance(initial, Mapping):
        unknown = [key for key in initial if key not in STATES]
        if unknown:
            raise ValueError(f"initial names {unknown[0]!r}, which is not a state; the states are {', '.join(STATES)}")
        initial = [initial.get(name, 0.0) for name in STATES]
    try:
        shares = np.asarray(initial, dtype=float)
    except (TypeError, ValueError):
        raise TypeError("initial must hold five shares (one per state) or map state names to shares") from None
    if shares.shape != (5,):
        raise ValueError(
            f"initial must hold five shares, one per state ({', '.join(STATES)}), got shape {shares.shape}"
        )
    if not np.isfinite(shares).all() or (shares < 0).any():
        raise ValueError(f"initial shares must be non-negative numbers, got {shares.tolist()}")
    if abs(shares.sum() - 1.0) > 1e-9:
        raise ValueError(f"initial shares must sum to one, got {shares.tolist()} (sum {shares.sum():.12g})")
    return shares


def _initial_counts(shares, n):
    """Whole numbers of consumers per state, adding up to ``n``: each share times
    ``n`` rounded down, the consumers left over going to the largest remainders (ties:
    the lower state code)."""
    exact = shares * n
    counts = np.floor(exact).astype(np.int64)
    left = n - int(counts.sum())
    order = np.argsort(-(exact - counts), kind="stable")
    counts[order[:left]] += 1
    return counts


@dataclass(frozen=True, eq=False)
class ContinuumRun:
    """Trajectory of the consumer continuum: a simulation or the rate equations.

    Attributes
    ----------
    shares : numpy.ndarray, shape (steps + 1, 5)
        Share of consumers in each state (columns in :data:`STATES` order) at step 0
        and after each step; every row adds up to 1.
    levers : Levers
        The probabilities per step.
    n : int or None
        Number of consumers; None for the rate equations (:func:`continuum_mean_field`).
    final_state : numpy.ndarray of int or None
        Each consumer's state code at the end (in the graph's node order); None for the
        rate equations.
    nodes : tuple or None
        Node labels, in the order of ``final_state``; None for the rate equations.
    """

    shares: np.ndarray
    levers: Levers
    n: int | None = None
    final_state: np.ndarray | None = field(default=None, repr=False)
    nodes: tuple | None = field(default=None, repr=False)

    @property
    def steps(self):
        """Number of steps."""
        return self.shares.shape[0] - 1

    @property
    def final(self):
        """The shares after the last step, as a dict state name -> share."""
        return dict(zip(STATES, self.shares[-1].tolist()))

    def to_frame(self):
        """Tidy table, one row per step and state: ``step``, ``state``, ``share``."""
        import pandas as pd

        steps = np.arange(self.steps + 1)
        return pd.DataFrame({
            "step": np.repeat(steps, 5),
            "state": np.tile(STATES, len(steps)),
            "share": self.shares.reshape(-1),
        })


def simulate_continuum(G, levers, steps, *, initial=_EVERYONE_UNAWARE, seed=None):
    """Simulate the consumer continuum on a network in synchronous steps.

    Each step every consumer moves by :func:`continuum_step`, with their own shares of
    advocate and detractor contacts at the start of the step (0 for a consumer without
    contacts: only the company's direct influence, disappointment, churn, lapse and
    forgiveness act on them).

    Parameters
    ----------
    G : int, networkx.Graph or CompiledNetwork
        The consumer network (undirected). A whole number ``n`` (at least 2) means the
        complete graph on ``n`` consumers, simulated without building it.
    levers : Levers
        The probabilities per step.
    steps : int
        Number of steps, at least 1.
    initial : sequence of five floats or mapping
        Share of consumers in each state at step 0, in :data:`STATES` order (or a
        mapping state name -> share, missing states 0): non-negative, summing to one.
        Each share times ``n`` is rounded to a whole number of consumers (largest
        remainders), placed at random. Default: everyone unaware.
    seed : None, int or numpy.random.Generator
        Random seed; the same seed gives the same run.

    Returns
    -------
    ContinuumRun

    Raises
    ------
    TypeError
        If ``levers`` is not a :class:`Levers` or ``G`` not a network.
    ValueError
        If a parameter is out of range, naming it.

    Notes
    -----
    Draws from ``seed``, in order: a random permutation placing the initial states,
    then one uniform per consumer per step. ``G = n`` gives the same run as
    ``networkx.complete_graph(n)`` with the same seed.

    Examples
    --------
    >>> levers = Levers(0.02, 0.05, 0.3, 0.1, 0.02, disappointment=0.005)
    >>> run = simulate_continuum(2000, levers, 200, seed=1)
    >>> bool(abs(run.shares.sum(axis=1) - 1).max() < 1e-12)
    True
    >>> final = run.final
    >>> final["customer"] + final["advocate"] > 0.6    # rate equations: 0.70
    True

    References
    ----------
    .. [1] M. Wu, "Do you empower or influence?", Lithium community analytics blog.
    .. [2] D. Court, D. Elzinga, S. Mulder and O. J. Vetvik, "The consumer decision
       journey", McKinsey Quarterly, June 2009.
    """
    levers = _check_levers(levers)
    steps = check_integer(steps, "steps", minimum=1)
    shares0 = _initial_shares(initial)
    contacts = contacts_of(G)
    rng = as_rng(seed)
    n = contacts.n
    states = np.repeat(np.arange(5, dtype=np.int8), _initial_counts(shares0, n))
    states = states[rng.permutation(n)]
    shares = np.empty((steps + 1, 5))
    shares[0] = np.bincount(states, minlength=5) / n
    for t in range(1, steps + 1):
        a = contact_share(contacts, states == ADVOCATE)
        d = contact_share(contacts, states == DETRACTOR)
        states = apply_step(states, rng.random(n), levers, a, d)
        shares[t] = np.bincount(states, minlength=5) / n
    shares.setflags(write=False)
    states.setflags(write=False)
    return ContinuumRun(shares=shares, levers=levers, n=n, final_state=states, nodes=contacts.nodes)


def _mean_field_map(x, levers):
    """One step of the rate equations: the shares ``x`` (five floats) times the
    transition matrix at the population's own advocate and detractor shares."""
    rows = _transition_rows(levers, x[ADVOCATE], x[DETRACTOR])
    return [sum(x[i] * rows[i][j] for i in range(5)) for j in range(5)]


@reference
def continuum_mean_field(levers, steps, *, initial=_EVERYONE_UNAWARE):
    """The rate equations of the consumer continuum: the complete-graph limit.

    Each step the shares ``x`` (a row vector) become ``x @ P``, with ``P`` the
    transition matrix :func:`continuum_transitions` at the population's advocate share
    ``x[ADVOCATE]`` and detractor share ``x[DETRACTOR]``: the same discrete step as
    the simulation, for infinitely many consumers who are all each other's contacts.

    Parameters
    ----------
    levers : Levers
        The probabilities per step.
    steps : int
        Number of steps, at least 1.
    initial : sequence of five floats or mapping
        Shares at step 0 as in :func:`simulate_continuum` (not rounded). Default:
        everyone unaware.

    Returns
    -------
    ContinuumRun
        With ``n``, ``final_state`` and ``nodes`` None.

    Raises
    ------
    ValueError
        If a parameter is out of range, naming it.

    Examples
    --------
    >>> levers = Levers(0.1, 0.0, 0.0, 0.0, 0.0)    # marketing only, nobody leaves
    >>> continuum_mean_field(levers, 2).shares[:, CUSTOMER].round(4)
    array([0.  , 0.1 , 0.19])

    References
    ----------
    .. [1] M. Wu, "Do you empower or influence?", Lithium community analytics blog.
    .. [2] D. Court, D. Elzinga, S. Mulder and O. J. Vetvik, "The consumer decision
       journey", McKinsey Quarterly, June 2009.
    """
    levers = _check_levers(levers)
    steps = check_integer(steps, "steps", minimum=1)
    x = _initial_shares(initial).tolist()
    shares = np.empty((steps + 1, 5))
    shares[0] = x
    for t in range(1, steps + 1):
        x = _mean_field_map(x, levers)
        shares[t] = x
    shares.setflags(write=False)
    return ContinuumRun(shares=shares, levers=levers)


@dataclass(frozen=True)
class ContinuumSteadyState:
    """Where the rate equations of the consumer continuum settle.

    Attributes
    ----------
    detractor : float
        Share of detractors.
    competitor : float
        Share of a competitor's customers.
    unaware : float
        Share of unaware consumers.
    customer : float
        Share of customers.
    advocate : float
        Share of advocates (the five shares add up to 1).
    steps : int
        Iterations of the rate equations it took to settle.
    levers : Levers
        The probabilities per step.
    """

    detractor: float
    competitor: float
    unaware: float
    customer: float
    advocate: float
    steps: int
    levers: Levers = field(repr=False)

    @property
    def shares(self):
        """The five shares as an array, in :data:`STATES` order."""
        return np.array([getattr(self, name) for name in STATES])

    def to_frame(self):
        """Tidy table, one row per state: ``state``, ``share``."""
        import pandas as pd

        return pd.DataFrame({"state": STATES, "share": self.shares})


@reference
def continuum_steady_state(levers, *, initial=_EVERYONE_UNAWARE, tol=1e-12, max_steps=1_000_000):
    """Fixed point of the rate equations of the consumer continuum.

    Iterates :func:`continuum_mean_field`'s step from ``initial`` until no share moves
    by more than ``tol`` in a step. Word of mouth makes the equations nonlinear, so
    there can be more than one fixed point, and the starting shares pick which is
    reached: for instance without ``disappointment`` nobody becomes a detractor unless
    some are there at the start to talk.

    Parameters
    ----------
    levers : Levers
        The probabilities per step.
    initial : sequence of five floats or mapping
        Shares to start from, as in :func:`simulate_continuum`. Default: everyone
        unaware.
    tol : float
        Stop when the largest change of a share in one step is below ``tol`` (> 0).
    max_steps : int
        Most iterations before giving up.

    Returns
    -------
    ContinuumSteadyState

    Raises
    ------
    ValueError
        If a parameter is out of range, naming it.
    RuntimeError
        If the shares have not settled within ``max_steps`` (they may cycle: with
        ``empowerment = lapse = 1`` customers and advocates swap every step).

    Examples
    --------
    >>> import dataclasses
    >>> levers = Levers(0.02, 0.05, 0.3, 0.1, 0.02, disappointment=0.005)
    >>> continuum_steady_state(levers).shares.round(3)
    array([0.118, 0.155, 0.026, 0.351, 0.351])

    The linear funnel (advocates' word of mouth wins nobody) ends with fewer customers
    and advocates, and more of the market with the competitor:

    >>> funnel = dataclasses.replace(levers, loop=False)
    >>> continuum_steady_state(funnel).shares.round(3)
    array([0.038, 0.44 , 0.091, 0.216, 0.216])

    References
    ----------
    .. [1] M. Wu, "Do you empower or influence?", Lithium community analytics blog.
    """
    levers = _check_levers(levers)
    x = _initial_shares(initial).tolist()
    tol = check_real(tol, "tol", minimum=0.0, strict_minimum=True)
    max_steps = check_integer(max_steps, "max_steps", minimum=1)
    for step in range(1, max_steps + 1):
        new = _mean_field_map(x, levers)
        change = max(abs(u - v) for u, v in zip(new, x))
        x = new
        if change < tol:
            return ContinuumSteadyState(*x, steps=step, levers=levers)
    raise RuntimeError(
        f"the continuum's rate equations have not settled within max_steps={max_steps} "
        f"(last change {change:.3g} > tol={tol}); the shares may cycle, or settle too slowly: "
        "raise max_steps or tol"
    )
