"""Tables for lesson 06: expressed versus private opinions (Ye et al. 2019),
compliance and identification on the same person (Kelman), and lesson 04's market read
by the same population.

:func:`expressed_private_frame`, :func:`spread_frame`, :func:`resilience_frame`,
:func:`simulated_resilience_frame`, :func:`kelman_frame`, :func:`simulated_kelman_frame`,
:func:`population_gap_frame`, :func:`gap_by_empowerment`.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ... import opinions
from .empowerment import example_market, example_network, people_frame  # noqa: F401  (the doctests use them)

__all__ = [
    "expressed_private_frame",
    "spread_frame",
    "resilience_frame",
    "simulated_resilience_frame",
    "kelman_frame",
    "simulated_kelman_frame",
    "population_gap_frame",
    "gap_by_empowerment",
]


# =========================================================================== lesson 06
def expressed_private_frame(result, names):
    """Tidy table of an :class:`~course_lib.opinions.ExpressedPrivateResult` with
    ``person`` names.

    Parameters
    ----------
    result : ExpressedPrivateResult
        A run of :func:`course_lib.opinions.expressed_private`.
    names : sequence of str
        Name of each agent, by index.

    Returns
    -------
    pandas.DataFrame
        Columns ``step``, ``agent``, ``kind`` (``"private"``/``"expressed"``),
        ``opinion``, ``person``: one row per agent, step and kind.

    Examples
    --------
    >>> G = example_network()
    >>> W = opinions.influence_weights(G, self_weight=0.2)
    >>> run = opinions.expressed_private(W, [G.nodes[i]["rating"] for i in G], 0.7, 0.3, 20)
    >>> frame = expressed_private_frame(run, [G.nodes[i]["name"] for i in G])
    >>> frame.shape, frame.person[10]
    ((504, 5), 'Kira')
    """
    frame = result.to_frame()
    frame["person"] = np.asarray(names, dtype=object)[frame["agent"].to_numpy()]
    return frame


def spread_frame(result):
    """Spread (largest minus smallest) of private and of expressed opinions at every step.

    Parameters
    ----------
    result : ExpressedPrivateResult
        A run of :func:`course_lib.opinions.expressed_private`.

    Returns
    -------
    pandas.DataFrame
        Columns ``step``, ``kind`` (``"private"`` rows, then ``"expressed"``), ``spread``.

    Examples
    --------
    >>> G = example_network()
    >>> W = opinions.influence_weights(G, self_weight=0.2)
    >>> run = opinions.expressed_private(W, [G.nodes[i]["rating"] for i in G], 0.7, 0.3, 20)
    >>> spread_frame(run).round(3).iloc[[0, 20, 21, 41]]
        step       kind  spread
    0      0    private   0.700
    20    20    private   0.324
    21     0  expressed   0.700
    41    20  expressed   0.193
    """
    steps = np.arange(result.steps + 1)
    return pd.concat([
        pd.DataFrame({"step": steps, "kind": "private", "spread": result.private_spread}),
        pd.DataFrame({"step": steps, "kind": "expressed", "spread": result.expressed_spread}),
    ], ignore_index=True)


_MEASURES = ("private spread", "expressed spread", "gap")


def _resilience_rows(resilience, private, expressed, agent, source):
    return [
        (float(resilience), "private spread", opinions.opinion_spread(private), source),
        (float(resilience), "expressed spread", opinions.opinion_spread(expressed), source),
        (float(resilience), "gap", float(private[agent] - expressed[agent]), source),
    ]


def resilience_frame(W, x0, susceptibility, resiliences, agent, *, pressure="local"):
    """At rest, against everybody's resilience: the spread of private and of expressed
    opinions, and how much ``agent`` privately thinks above what they say (``gap`` =
    private minus expressed), from :func:`course_lib.opinions.expressed_private_equilibrium`.

    Parameters
    ----------
    W : array_like, shape (n, n)
        Row-stochastic influence matrix (``W[i, j]`` = weight ``i`` gives ``j``).
    x0 : array_like, shape (n,)
        Initial opinions.
    susceptibility : float or array_like, shape (n,)
        Susceptibility to influence in [0, 1], one for everyone or one per person.
    resiliences : iterable of float
        Everybody's resilience, in [0, 1] (1 = says what they think).
    agent : int
        Index of the person whose gap is measured.
    pressure : {"local", "global"}, optional
        Which public opinion people conform to.

    Returns
    -------
    pandas.DataFrame
        Columns ``resilience``, ``measure`` (``"private spread"``, ``"expressed
        spread"``, ``"gap"``), ``value``, ``source`` (``"theory"``).

    Examples
    --------
    >>> G = example_network()
    >>> W = opinions.influence_weights(G, self_weight=0.2)
    >>> resilience_frame(W, [G.nodes[i]["rating"] for i in G], 0.7, [0.3, 1.0], 10).round(3)
       resilience           measure  value  source
    0         0.3    private spread  0.322  theory
    1         0.3  expressed spread  0.191  theory
    2         0.3               gap  0.102  theory
    3         1.0    private spread  0.339  theory
    4         1.0  expressed spread  0.339  theory
    5         1.0               gap  0.000  theory
    """
    rows = []
    for phi in resiliences:
        x, xhat = opinions.expressed_private_equilibrium(W, x0, susceptibility, float(phi), pressure=pressure)
        rows += _resilience_rows(phi, x, xhat, agent, "theory")
    return pd.DataFrame(rows, columns=["resilience", "measure", "value", "source"])


def simulated_resilience_frame(W, x0, susceptibility, resiliences, agent, *, pressure="local", steps=300):
    """As :func:`resilience_frame`, measured after running
    :func:`course_lib.opinions.expressed_private` for ``steps`` updates.

    Parameters
    ----------
    W : array_like, shape (n, n)
        Row-stochastic influence matrix (``W[i, j]`` = weight ``i`` gives ``j``).
    x0 : array_like, shape (n,)
        Initial opinions.
    susceptibility : float or array_like, shape (n,)
        Susceptibility to influence in [0, 1], one for everyone or one per person.
    resiliences : iterable of float
        Everybody's resilience, in [0, 1] (1 = says what they think).
    agent : int
        Index of the person whose gap is measured.
    pressure : {"local", "global"}, optional
        Which public opinion people conform to.
    steps : int, optional
        Updates per run.

    Returns
    -------
    pandas.DataFrame
        Columns ``resilience``, ``measure``, ``value``, ``source`` (``"simulation"``).

    Examples
    --------
    >>> G = example_network()
    >>> W = opinions.influence_weights(G, self_weight=0.2)
    >>> t = simulated_resilience_frame(W, [G.nodes[i]["rating"] for i in G], 0.7, [0.3], 10)
    >>> t.round(3)   # as resilience_frame's theory
       resilience           measure  value      source
    0         0.3    private spread  0.322  simulation
    1         0.3  expressed spread  0.191  simulation
    2         0.3               gap  0.102  simulation
    """
    rows = []
    for phi in resiliences:
        run = opinions.expressed_private(W, x0, susceptibility, float(phi), steps, pressure=pressure)
        rows += _resilience_rows(phi, run.private[-1], run.expressed[-1], agent, "simulation")
    return pd.DataFrame(rows, columns=["resilience", "measure", "value", "source"])


_PROCESSES = ("compliance", "identification")


def _kelman_rows(W, x0, susceptibility, resilience, agent, group, strengths, pressure, solve, source):
    """Rows of :func:`kelman_frame`; ``solve(W, x0, s, phi, pressure)`` gives the private
    and expressed opinions at rest."""
    W = np.asarray(W, dtype=float)
    n = W.shape[0]
    group = np.atleast_1d(np.asarray(group, dtype=np.int64))
    base = np.broadcast_to(np.asarray(resilience, dtype=float), (n,)).copy()
    public = W if pressure == "local" else pressure
    rows = []
    for process in _PROCESSES:
        for c in strengths:
            c = float(c)
            phi = base.copy()
            if process == "compliance":
                phi[agent] = 1.0 - c
                x, xhat = solve(W, x0, susceptibility, phi, pressure)
            else:
                phi[agent] = 1.0
                x, xhat = solve(opinions.identify_with(W, agent, group, c), x0, susceptibility, phi, public)
            rows += [(process, c, "thinks", float(x[agent]), float(xhat[group].mean()), source),
                     (process, c, "says", float(xhat[agent]), float(xhat[group].mean()), source)]
    return pd.DataFrame(rows, columns=["process", "strength", "kind", "opinion", "group_says", "source"])


def kelman_frame(W, x0, susceptibility, resilience, agent, group, strengths, *, pressure="local"):
    """Compliance and identification applied to the same person, at rest: what they
    think and what they say, from :func:`course_lib.opinions.expressed_private_equilibrium`.

    - **compliance** at strength ``c``: the person's resilience becomes ``1 - c`` (a
      share ``c`` of what they say echoes the public opinion); whom they listen to is
      unchanged;
    - **identification** at strength ``w``: the person says what they think
      (resilience 1) and gives a share ``w`` of their private listening to the
      reference ``group`` (:func:`course_lib.opinions.identify_with`); whom they
      conform to in public is unchanged.

    Everybody else keeps ``susceptibility`` and ``resilience``.

    Parameters
    ----------
    W : array_like, shape (n, n)
        Row-stochastic influence matrix (``W[i, j]`` = weight ``i`` gives ``j``).
    x0 : array_like, shape (n,)
        Initial opinions.
    susceptibility : float or array_like, shape (n,)
        Susceptibility in [0, 1] (1 - stubbornness), one for everyone or one per person.
    resilience : float or array_like, shape (n,)
        Resilience in [0, 1], one for everyone or one per person.
    agent : int
        Index of the person.
    group : int or list of int
        Indices of the reference group the person values.
    strengths : iterable of float
        Strengths of each process, in [0, 1].
    pressure : {"local", "global"}, optional
        Which public opinion people conform to.

    Returns
    -------
    pandas.DataFrame
        Columns ``process`` (``"compliance"``, ``"identification"``), ``strength``,
        ``kind`` (``"thinks"``: private, ``"says"``: expressed), ``opinion`` (the
        person's), ``group_says`` (the group's mean expressed opinion) and ``source``
        (``"theory"``).

    Examples
    --------
    Kira (node 10), a fan, values the first friend group (nodes 0 to 5). Compliance
    moves what she says more than what she thinks; identification moves both together:

    >>> G = example_network()
    >>> W = opinions.influence_weights(G, self_weight=0.2)
    >>> x0 = people_frame(G).rating.to_numpy()
    >>> f = kelman_frame(W, x0, 0.7, 0.3, 10, range(6), [0.0, 0.9])
    >>> f.pivot(index=["process", "strength"], columns="kind", values="opinion").round(3)
    kind                       says  thinks
    process        strength
    compliance     0.0        0.665   0.665
                   0.9        0.427   0.579
    identification 0.0        0.665   0.665
                   0.9        0.516   0.516
    """
    def solve(W, x0, s, phi, pressure):
        return opinions.expressed_private_equilibrium(W, x0, s, phi, pressure=pressure)

    return _kelman_rows(W, x0, susceptibility, resilience, agent, group, strengths, pressure, solve, "theory")


def simulated_kelman_frame(W, x0, susceptibility, resilience, agent, group, strengths, *, pressure="local",
                           steps=300):
    """As :func:`kelman_frame`, measured after running
    :func:`course_lib.opinions.expressed_private` for ``steps`` updates.

    Parameters
    ----------
    W : array_like, shape (n, n)
        Row-stochastic influence matrix.
    x0 : array_like, shape (n,)
        Initial opinions.
    susceptibility : float or array_like, shape (n,)
        Susceptibility in [0, 1], one for everyone or one per person.
    resilience : float or array_like, shape (n,)
        Resilience in [0, 1], one for everyone or one per person.
    agent : int
        Index of the person.
    group : int or list of int
        Indices of the reference group.
    strengths : iterable of float
        Strengths of each process, in [0, 1].
    pressure : {"local", "global"}, optional
        Which public opinion people conform to.
    steps : int, optional
        Updates per run.

    Returns
    -------
    pandas.DataFrame
        The columns of :func:`kelman_frame`, ``source`` ``"simulation"``.

    Examples
    --------
    >>> G = example_network()
    >>> W = opinions.influence_weights(G, self_weight=0.2)
    >>> f = simulated_kelman_frame(W, people_frame(G).rating.to_numpy(), 0.7, 0.3, 10, range(6), [0.9])
    >>> f.opinion.round(3).tolist()   # as kelman_frame's theory
    [0.579, 0.427, 0.516, 0.516]
    """
    def solve(W, x0, s, phi, pressure):
        run = opinions.expressed_private(W, x0, s, phi, steps, pressure=pressure)
        return run.private[-1], run.expressed[-1]

    return _kelman_rows(W, x0, susceptibility, resilience, agent, group, strengths, pressure, solve, "simulation")


def population_gap_frame(W, x0, consumers, *, pressure="local"):
    """Each consumer of a population at rest in the expressed–private model, with the
    population's own mappings: susceptibility ``consumers.susceptibility()`` (as in
    lesson 04) and resilience ``consumers.resilience()``.

    Parameters
    ----------
    W : array_like, shape (n, n)
        Row-stochastic influence matrix.
    x0 : array_like, shape (n,)
        Initial opinions.
    consumers : course_lib.population.Consumers
        The population, one consumer per row of ``W``.
    pressure : {"local", "global"}, optional
        Which public opinion people conform to.

    Returns
    -------
    pandas.DataFrame
        One row per consumer: ``empowerment``, ``susceptibility``, ``resilience``,
        ``thinks``, ``says`` and ``gap`` (the size of thinks minus says).

    Examples
    --------
    >>> G, market = example_market(seed=4)
    >>> W = opinions.influence_weights(G, self_weight=0.2)
    >>> f = population_gap_frame(W, people_frame(G).rating.to_numpy(), market)
    >>> f.shape
    (300, 6)
    """
    s, phi = consumers.susceptibility(), consumers.resilience()
    x, xhat = opinions.expressed_private_equilibrium(W, x0, s, phi, pressure=pressure)
    return pd.DataFrame({"empowerment": consumers.empowerment, "susceptibility": s, "resilience": phi,
                         "thinks": x, "says": xhat, "gap": np.abs(x - xhat)})


def gap_by_empowerment(frame, bands=(0.0, 0.25, 0.5, 0.75, 1.0)):
    """Average gap between what consumers think and what they say, by empowerment band.

    Parameters
    ----------
    frame : pandas.DataFrame
        :func:`population_gap_frame`.
    bands : sequence of float, optional
        Edges of the empowerment bands, increasing, from 0 to 1.

    Returns
    -------
    pandas.DataFrame
        One row per band: ``empowerment`` (the band, e.g. ``"0.25-0.5"``),
        ``consumers``, ``resilience`` (mean), ``gap`` (mean).

    Examples
    --------
    >>> frame = pd.DataFrame({"empowerment": [0.1, 0.2, 0.9], "resilience": [0.2, 0.3, 0.9],
    ...                       "gap": [0.1, 0.3, 0.0]})
    >>> gap_by_empowerment(frame, bands=(0.0, 0.5, 1.0))
      empowerment  consumers  resilience  gap
    0     0-0.5            2        0.25  0.2
    1     0.5-1            1        0.90  0.0
    """
    edges = list(bands)
    labels = [f"{a:g}-{b:g}" for a, b in zip(edges[:-1], edges[1:])]
    band = pd.cut(frame["empowerment"], edges, labels=labels, include_lowest=True)
    table = frame.groupby(band, observed=False).agg(consumers=("gap", "size"), resilience=("resilience", "mean"),
                                                     gap=("gap", "mean"))
    return table.reset_index().rename(columns={"index": "empowerment"})
