"""Simulating the q-voter model with independence or anticonformity.

One elementary update (the rule of :func:`qvoter_update`):

1. Pick an agent uniformly at random. Zealots never change (the update is spent).
2. With probability ``p`` the agent is a *nonconformist* this time, otherwise a
   *conformist*.
3. An *independent* nonconformist ignores everyone -- peers and campaign -- and takes
   a random opinion (up with probability 1/2).
4. Anyone else first meets the campaign with probability ``field``: the campaign is a
   unanimous "up" message, so a conformist turns up and an anticonformist turns down
   (backfire). Otherwise the agent draws a q-panel of neighbours; if the panel is
   unanimous a conformist adopts its opinion and an anticonformist the opposite one;
   a split panel changes nothing.

Panels: q *distinct* neighbours (on the complete graph: q distinct other agents), as
in Nyczka et al. (2012); ``repetition=True`` draws them with replacement instead, as
in Castellano et al. (2009) and NDlib's ``QVoterModel``. Both conventions have the
same large-N mean-field limit (:mod:`course_lib.voter.theory`). Without repetition
every non-zealot needs at least q neighbours (else ``ValueError`` naming ``q``);
with repetition an isolated agent simply never meets a unanimous panel.
"""
from __future__ import annotations

import numbers
from dataclasses import dataclass

import numpy as np

from .._deprecation import seed_by_keyword
from .._guard import reference
from .._validation import as_rng, check_integer, check_probability
from ..networks import CompiledNetwork, compile_network, node_indices
from ._kernels import (
    complete_graph_sweeps,
    complete_graph_tables,
    mixed_market_sweeps,
    mixed_market_tables,
    network_sweeps,
)
from .theory import check_q, check_shares, check_variant

__all__ = ["QVoterRun", "simulate_qvoter", "qvoter_update", "MixedMarketRun", "simulate_mixed_market"]

# Uniforms drawn per call of the complete-graph kernel (8 MB), so memory stays flat.
_BLOCK = 1 << 20


class _Trajectory:
    """What every q-voter run offers over its ``fraction_up`` series."""

    # The public API promises "the fraction up after each sweep": the run behaves as
    # that sequence too, so ``run[-1]``, ``len(run)`` and ``np.asarray(run)`` work.
    def __array__(self, dtype=None, copy=None):
        return np.asarray(self.fraction_up, dtype=dtype)

    def __len__(self):
        return len(self.fraction_up)

    def __getitem__(self, index):
        return self.fraction_up[index]

    def __iter__(self):
        return iter(self.fraction_up)

    @property
    def magnetization(self):
        """``2 * fraction_up - 1``: +1 all up, -1 all down, 0 split evenly."""
        return 2 * self.fraction_up - 1

    def time_average(self, burn_in=0):
        """Mean fraction up over the sweeps after ``burn_in``."""
        burn_in = check_integer(burn_in, "burn_in", minimum=0, maximum=len(self.fraction_up) - 2)
        return float(self.fraction_up[burn_in + 1:].mean())


@dataclass(frozen=True, eq=False)
class QVoterRun(_Trajectory):
    """Trajectory of one q-voter simulation.

    Attributes
    ----------
    fraction_up : numpy.ndarray
        Fraction of agents up (zealots included) at sweep 0 (the start) and after each
        of the ``sweeps`` sweeps: ``sweeps + 1`` values.
    n : int
        Number of agents.
    q : int
        Panel size.
    p : float
        Probability of nonconformity.
    variant : str
        ``"independence"`` or ``"anticonformity"``.
    field : float
        Campaign strength.
    repetition : bool
        Whether panel members were drawn with replacement.
    zealots : int
        Number of zealots.
    final_up : frozenset or None
        Labels of the nodes up at the end (network runs only).

    Examples
    --------
    >>> run = simulate_qvoter(100, 2, 0.0, "independence", sweeps=3, seed=1)
    >>> len(run), run.n, run.to_frame().columns.tolist()
    (4, 100, ['sweep', 'fraction_up', 'magnetization'])
    """

    fraction_up: np.ndarray
    n: int
    q: int
    p: float
    variant: str
    field: float
    repetition: bool
    zealots: int
    final_up: frozenset | None = None

    def to_frame(self):
        """Tidy table: ``sweep``, ``fraction_up``, ``magnetization``."""
        import pandas as pd

        return pd.DataFrame({
            "sweep": np.arange(len(self.fraction_up)),
            "fraction_up": self.fraction_up,
            "magnetization": self.magnetization,
        })


def _blocks(n, sweeps, draws_per_update):
    """(sweeps done, sweeps in this block) so that one block's uniforms stay near 8 MB."""
    per_block = max(1, _BLOCK // (n * draws_per_update))
    return [(done, min(per_block, sweeps - done)) for done in range(0, sweeps, per_block)]


def _check_uniform(value, name):
    return check_probability(value, name)


@reference
def qvoter_update(opinion, panel, p, variant, u_type, u_coin=0.5, *, field=0.0, u_campaign=1.0):
    """One elementary q-voter update, given the agent, its panel and the random draws.

    Parameters
    ----------
    opinion : {+1, -1}
        The updating agent's opinion (+1 = up, adopts).
    panel : sequence of {+1, -1}
        Opinions of its q panel members. An empty panel is never unanimous.
    p : float
        Probability of nonconformity.
    variant : {"independence", "anticonformity"}
        The kind of nonconformity: a random opinion, or the opposite of a unanimous
        panel.
    u_type : float in [0, 1]
        The agent is a nonconformist when ``u_type < p``.
    u_coin : float in [0, 1], optional
        Used by an independent agent only: it takes +1 when ``u_coin < 1/2``, else -1.
    field : float in [0, 1], optional
        Campaign strength.
    u_campaign : float in [0, 1], optional
        A conformist or anticonformist meets the campaign when ``u_campaign < field``.

    Returns
    -------
    int
        The new opinion, +1 or -1.

    Raises
    ------
    ValueError
        If ``opinion`` or a panel member is not +1 or -1, or a probability or uniform
        is outside [0, 1].
    TypeError
        If ``variant`` is not a string.

    Examples
    --------
    >>> qvoter_update(-1, [1, 1, 1], 0.2, "independence", u_type=0.9)   # conforms
    1
    >>> qvoter_update(-1, [1, 1, 1], 0.2, "anticonformity", u_type=0.1)  # opposes
    -1
    >>> qvoter_update(-1, [1, -1, 1], 0.2, "anticonformity", u_type=0.9)  # split panel
    -1
    >>> qvoter_update(1, [1, 1], 0.2, "independence", u_type=0.1, u_coin=0.7)
    -1
    >>> qvoter_update(1, [1, 1], 0.5, "anticonformity", 0.3, field=0.2, u_campaign=0.1)
    -1

    References
    ----------
    .. [1] P. Nyczka, K. Sznajd-Weron and J. Cisło, "Phase transitions in the q-voter
       model with two types of stochastic driving", Phys. Rev. E 86, 011105 (2012).
    """
    if opinion not in (1, -1) or isinstance(opinion, bool):
        raise ValueError(f"opinion must be +1 or -1, got {opinion!r}")
    panel = list(panel)
    if any(o not in (1, -1) or isinstance(o, bool) for o in panel):
        raise ValueError(f"panel must contain only +1 and -1, got {panel!r}")
    p = check_probability(p, "p")
    variant = check_variant(variant)
    u_type = _check_uniform(u_type, "u_type")
    u_coin = _check_uniform(u_coin, "u_coin")
    field = check_probability(field, "field")
    u_campaign = _check_uniform(u_campaign, "u_campaign")
    nonconformist = u_type < p
    if nonconformist and variant == "independence":
        return 1 if u_coin < 0.5 else -1
    if u_campaign < field:
        heard = 1
    elif panel and all(o == panel[0] for o in panel):
        heard = panel[0]
    else:
        return opinion
    return -heard if nonconformist else heard


def _check_common(q, p, variant, sweeps, initial_up, field):
    return (
        check_q(q),
        check_probability(p, "p"),
        check_variant(variant),
        check_integer(sweeps, "sweeps", minimum=1),
        check_probability(initial_up, "initial_up"),
        check_probability(field, "field"),
    )


@seed_by_keyword
def simulate_qvoter(G_or_n, q, p, variant, sweeps, *, seed=None, initial_up=0.5, zealots=None,
                    field=0.0, repetition=False):
    """Simulate the q-voter model; return the fraction up after each sweep.

    The update rule, the campaign and the panel conventions are in the module
    docstring. A sweep is ``N`` elementary updates (random sequential updating).

    Parameters
    ----------
    G_or_n : int, networkx.Graph or CompiledNetwork
        An int ``n`` (at least 2) means the complete graph on ``n`` agents, simulated
        exactly on the number of up agents (O(1) per update). A graph is simulated
        agent by agent (undirected, panels from neighbours).
    q : int
        Panel size, at least 1; without repetition at most every non-zealot's degree
        (``n - 1`` on the complete graph).
    p : float
        Probability in [0, 1] that an updating agent is a nonconformist.
    variant : {"independence", "anticonformity"}
        The kind of nonconformity: a random opinion, or the opposite of a unanimous
        panel.
    sweeps : int
        Number of sweeps, at least 1.
    seed : None, int or numpy.random.Generator, optional
        Random seed; the same seed gives the same result.
    initial_up : float, optional
        Fraction in [0, 1] of the non-zealots who start up (rounded to a whole number
        of agents, chosen at random on a network).
    zealots : None, int or iterable of nodes, optional
        Agents who are always up: on the complete graph a count, on a network node
        labels.
    field : float, optional
        Campaign strength in [0, 1].
    repetition : bool, optional
        Draw panel members with replacement (default: q distinct neighbours).

    Returns
    -------
    QVoterRun
        The fraction up at the start and after each sweep, with the inputs; it
        behaves as that sequence (``run[-1]``, ``len(run)``).

    Raises
    ------
    TypeError
        If ``G_or_n`` is neither a whole number nor a graph, or ``zealots`` is not a
        count on the complete graph.
    ValueError
        If ``q`` is larger than a non-zealot's number of neighbours (``n - 1`` on the
        complete graph) without repetition, ``G_or_n`` is directed, a zealot is not a
        node, or another argument is out of range.

    Notes
    -----
    The campaign rule, exactly: in each update, after the agent's type is drawn, a
    conformist or an anticonformist meets the campaign with probability ``field``
    and then treats it as a unanimous "up" panel (conformist -> up, anticonformist ->
    down); an independent agent never meets it. So a campaign recruits conformists,
    pushes anticonformists away (it backfires when they outnumber conformists) and
    fizzles on independents. Zealots are always up, count in ``fraction_up`` and sit
    on panels; picking one spends the update.

    On the complete graph the simulation is the exact Markov chain on the number of
    up agents: one uniform per update decides between "one more up", "one fewer"
    and "no change", with probabilities computed from the chosen agent's opinion and
    the hypergeometric (or, with repetition, binomial) chance of a unanimous panel
    among the ``n - 1`` others. On a network the compiled loop keeps each node's
    number of up neighbours, so the chance that a random panel is unanimous is exact
    and one uniform decides it (the same process as drawing the members, O(1) per
    update whatever q); it draws from numba's generator, seeded by an integer drawn
    from ``seed``.

    Examples
    --------
    >>> run = simulate_qvoter(10_000, 4, 0.1, "anticonformity", sweeps=200, seed=1,
    ...                       initial_up=1.0)
    >>> len(run.fraction_up), round(run.time_average(burn_in=100), 2)   # theory 0.8999
    (201, 0.9)
    >>> import networkx as nx
    >>> run = simulate_qvoter(nx.complete_graph(200), 3, 0.0, "independence", 50, seed=2)
    >>> run.fraction_up[-1] in (0.0, 1.0)   # without noise, consensus
    True

    References
    ----------
    .. [1] P. Nyczka, K. Sznajd-Weron and J. Cisło, "Phase transitions in the q-voter
       model with two types of stochastic driving", Phys. Rev. E 86, 011105 (2012).
    .. [2] C. Castellano, M. A. Muñoz and R. Pastor-Satorras, "Nonlinear q-voter
       model", Phys. Rev. E 80, 041129 (2009).
    """
    q, p, variant, sweeps, initial_up, field = _check_common(q, p, variant, sweeps, initial_up, field)
    repetition = bool(repetition)
    rng = as_rng(seed)
    anti = variant == "anticonformity"
    out = np.empty(sweeps + 1, dtype=np.float64)
    common = dict(q=q, p=p, variant=variant, field=field, repetition=repetition)
    if isinstance(G_or_n, numbers.Integral) and not isinstance(G_or_n, bool):
        n = check_integer(G_or_n, "G_or_n", minimum=2)
        if zealots is None:
            z = 0
        elif isinstance(zealots, numbers.Integral) and not isinstance(zealots, bool):
            z = check_integer(zealots, "zealots", minimum=0, maximum=n)
        else:
            raise TypeError(
                f"zealots must be a whole number of agents on the complete graph "
                f"(G_or_n is an int), got {type(zealots).__name__}"
            )
        if not repetition and q > n - 1:
            raise ValueError(
                f"q must be at most n - 1 = {n - 1} (panels of distinct agents), got {q}; "
                "use repetition=True to draw panel members with replacement"
            )
        up = z + int(round(initial_up * (n - z)))
        out[0] = up / n
        t_up, t_down = complete_graph_tables(n, z, q, p, anti, field, repetition)
        for done, k in _blocks(n, sweeps, 1):
            up = complete_graph_sweeps(up, n, t_up, t_down, rng.random(k * n),
                                       out[1 + done:1 + done + k])
        out.setflags(write=False)
        return QVoterRun(out, n, zealots=z, **common)

    if not isinstance(G_or_n, (CompiledNetwork,)) and not hasattr(G_or_n, "adj"):
        raise TypeError(
            f"G_or_n must be a whole number (complete graph) or a networkx graph / "
            f"CompiledNetwork, not {type(G_or_n).__name__}"
        )
    net = compile_network(G_or_n, allow_directed=False, name="G_or_n")
    n = net.n
    frozen = np.zeros(n, dtype=np.bool_)
    if zealots is not None:
        frozen[node_indices(net, zealots, "zealots")] = True
    if not repetition:
        short = np.flatnonzero((net.degrees < q) & ~frozen)
        if short.size:
            node = net.labels(short[:1])[0]
            raise ValueError(
                f"q must be at most every agent's number of neighbours: q = {q}, but node "
                f"{node!r} has {int(net.degrees[short[0]])} ({short.size} node(s) have fewer "
                f"than q); lower q, or use repetition=True to draw panels with replacement"
            )
    state = frozen.astype(np.int8)
    free = np.flatnonzero(~frozen)
    start_up = int(round(initial_up * free.size))
    state[rng.choice(free, size=start_up, replace=False)] = 1
    out[0] = state.sum() / n
    network_sweeps(net.indptr, net.indices, state, frozen, q, p, anti, field, repetition,
                   int(rng.integers(2**32)), out[1:])
    out.setflags(write=False)
    return QVoterRun(out, n, zealots=int(frozen.sum()),
                     final_up=frozenset(net.labels(np.flatnonzero(state))), **common)


# ---------------------------------------------------------------- mixed (quenched) market
_GROUPS = ("conformists", "independents", "anticonformists")


@dataclass(frozen=True, eq=False)
class MixedMarketRun(_Trajectory):
    """Trajectory of a market with fixed resisters (:func:`simulate_mixed_market`).

    Attributes
    ----------
    fraction_up : numpy.ndarray
        Fraction of all agents up at the start and after each sweep (``sweeps + 1``
        values).
    group_up : numpy.ndarray
        Shape ``(sweeps + 1, 3)``: fraction up *within* the conformists, the
        independents and the anticonformists (NaN for an empty group).
    n : int
        Number of agents.
    q : int
        Panel size.
    sizes : tuple of int
        Numbers of conformists, independents and anticonformists.
    field : float
        Campaign strength.
    repetition : bool
        Whether panel members were drawn with replacement.

    Examples
    --------
    >>> run = simulate_mixed_market(100, 4, 0.2, 0.1, sweeps=3, seed=1)
    >>> run.sizes, run.to_frame().columns.tolist()[:3]
    ((70, 20, 10), ['sweep', 'fraction_up', 'magnetization'])
    """

    fraction_up: np.ndarray
    group_up: np.ndarray
    n: int
    q: int
    sizes: tuple
    field: float
    repetition: bool

    def to_frame(self):
        """Tidy table: ``sweep``, ``fraction_up``, ``magnetization`` and the fraction up
        within each group (``conformists``, ``independents``, ``anticonformists``)."""
        import pandas as pd

        frame = pd.DataFrame({
            "sweep": np.arange(len(self.fraction_up)),
            "fraction_up": self.fraction_up,
            "magnetization": self.magnetization,
        })
        for k, name in enumerate(_GROUPS):
            frame[name] = self.group_up[:, k]
        return frame


@seed_by_keyword
def simulate_mixed_market(n, q, independent, anticonformist, sweeps, *, seed=None, initial_up=0.5,
                          field=0.0, repetition=False):
    """Simulate a market where fixed consumers always resist (quenched disorder).

    ``round(independent * n)`` agents are independents for good, ``round(anticonformist
    * n)`` anticonformists for good, the rest conformists; everybody meets everybody
    (complete graph). One update picks an agent at random and applies the rule of
    :func:`qvoter_update` with that agent's fixed kind (``p = 1`` for a resister,
    ``p = 0`` for a conformist), campaign included: conformists and anticonformists
    hear it with probability ``field``, independents never. Compare
    :func:`simulate_qvoter`, where *every* agent resists with probability ``p`` at
    each update (annealed disorder).

    Parameters
    ----------
    n : int
        Number of agents, at least 2.
    q : int
        Panel size, from 1 to ``n - 1`` (any, with repetition).
    independent : float
        Share in [0, 1] of agents who always act independently.
    anticonformist : float
        Share in [0, 1] who always anticonform; the two shares add up to at most 1.
    sweeps : int
        Number of sweeps (``n`` updates each), at least 1.
    seed : None, int or numpy.random.Generator, optional
        Random seed; the same seed gives the same result.
    initial_up : float, optional
        Fraction in [0, 1] of every group up at the start (rounded per group).
    field : float, optional
        Campaign strength in [0, 1].
    repetition : bool, optional
        Draw panel members with replacement (default: q distinct other agents).

    Returns
    -------
    MixedMarketRun
        The overall fraction up and the fraction up within each group, per sweep.

    Raises
    ------
    TypeError
        If ``n``, ``q`` or ``sweeps`` is not a whole number.
    ValueError
        If a share, ``initial_up`` or ``field`` is outside [0, 1], the shares add up
        to more than 1, or ``q > n - 1`` without repetition.

    Notes
    -----
    The simulation is the exact Markov chain on the three numbers of up agents: two
    uniforms per update, one picks the agent (hence its group and opinion), the other
    decides its move with the exact chance of a unanimous panel among the ``n - 1``
    others (:func:`course_lib.voter._kernels.mixed_market_tables`).

    Examples
    --------
    >>> run = simulate_mixed_market(10_000, 4, 0.5, 0.0, sweeps=300, seed=3, initial_up=1.0)
    >>> round(run.time_average(burn_in=100), 2)    # theory 0.743; annealed p = 0.5: 0.5
    0.74

    References
    ----------
    .. [1] A. Jędrzejewski and K. Sznajd-Weron, "Person-situation debate revisited:
       phase transitions with quenched and annealed disorders", Entropy 19(8), 415
       (2017).
    """
    n = check_integer(n, "n", minimum=2)
    q = check_q(q)
    independent, anticonformist = check_shares(independent, anticonformist)
    sweeps = check_integer(sweeps, "sweeps", minimum=1)
    initial_up = check_probability(initial_up, "initial_up")
    field = check_probability(field, "field")
    repetition = bool(repetition)
    if not repetition and q > n - 1:
        raise ValueError(
            f"q must be at most n - 1 = {n - 1} (panels of distinct agents), got {q}; "
            "use repetition=True to draw panel members with replacement"
        )
    rng = as_rng(seed)
    n_i, n_a = int(round(independent * n)), int(round(anticonformist * n))
    if n_i + n_a > n:
        n_a = n - n_i
    sizes = np.array([n - n_i - n_a, n_i, n_a], dtype=np.int64)
    up = np.array([int(round(initial_up * k)) for k in sizes], dtype=np.int64)
    counts = np.empty((sweeps + 1, 3), dtype=np.int64)
    counts[0] = up
    table = mixed_market_tables(n, q, field, repetition)
    for done, k in _blocks(n, sweeps, 2):
        mixed_market_sweeps(up, sizes, table, rng.random(2 * k * n), counts[1 + done:1 + done + k])
    with np.errstate(invalid="ignore", divide="ignore"):
        group_up = np.where(sizes > 0, counts / np.maximum(sizes, 1), np.nan)
    fraction_up = counts.sum(axis=1) / n
    for array in (fraction_up, group_up):
        array.setflags(write=False)
    return MixedMarketRun(fraction_up, group_up, n, q, tuple(int(k) for k in sizes), field, repetition)
