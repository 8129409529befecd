"""Tables for lesson 07 (the consumer continuum) that feed :mod:`course_lib.viz.diffusion`.

- :func:`diffusion_networks`, :func:`bass_frame`, :func:`bass_theory_frame`,
  :func:`bass_summary`: Bass diffusion on networks against the closed form;
- :func:`lever_effect_frame`, :func:`steady_state_sweep`: where on the continuum each
  lever works;
- :func:`journey_frame`: the funnel against the decision-journey loop;
- :func:`ever_bought_frame`: ex-customers, and why "ever bought" is not "a customer".

Computation only: numpy, pandas and :mod:`course_lib.diffusion`; never widgets or charts.
"""
from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd

from .. import diffusion
from .._validation import as_rng, check_integer, check_real
from ..diffusion.continuum import apply_step
from ..diffusion.network_bass import contact_share, contacts_of
from ..networks import poisson_network, scale_free_network, small_world_network

__all__ = [
    "NETWORK_KINDS",
    "diffusion_networks",
    "bass_frame",
    "bass_theory_frame",
    "bass_summary",
    "lever_effect_frame",
    "steady_state_sweep",
    "journey_frame",
    "ever_bought_frame",
]

#: The four markets of the lesson, in the order the charts show them.
NETWORK_KINDS = ("complete", "random", "clustered", "scale-free")

_BUYING = (diffusion.CUSTOMER, diffusion.ADVOCATE)


def _seeds(seed, runs):
    rng = as_rng(seed)
    return [int(s) for s in rng.integers(0, 2**32 - 1, size=runs)]


def diffusion_networks(n=2000, mean_degree=4, *, seed=None):
    """The lesson's four markets of ``n`` consumers, the sparse ones with the same mean
    number of contacts.

    Parameters
    ----------
    n : int
        Consumers in each market, at least 10.
    mean_degree : int
        Mean number of contacts in the sparse networks: an even whole number, at least 2
        (the clustered ring gives everyone ``mean_degree`` neighbours, the scale-free
        network adds each newcomer with ``mean_degree / 2`` ties).
    seed : None, int or numpy.random.Generator
        Random seed for the three sparse networks.

    Returns
    -------
    dict
        ``"complete"``: the whole number ``n`` (everybody talks to everybody, simulated
        without building the graph); ``"random"``: Poisson random network;
        ``"clustered"``: Watts-Strogatz ring with 1 % of ties rewired (friends of friends
        are friends); ``"scale-free"``: Barabási-Albert network (a few hubs).

    Raises
    ------
    ValueError
        If ``n`` or ``mean_degree`` is out of range.

    Examples
    --------
    >>> nets = diffusion_networks(200, 4, seed=1)
    >>> list(nets), nets["complete"], nets["clustered"].number_of_edges()
    (['complete', 'random', 'clustered', 'scale-free'], 200, 400)
    """
    n = check_integer(n, "n", minimum=10)
    mean_degree = check_integer(mean_degree, "mean_degree", minimum=2)
    if mean_degree % 2:
        raise ValueError(f"mean_degree must be an even whole number (2, 4, 6, ...), got {mean_degree}")
    rng = as_rng(seed)
    a, b, c = _seeds(rng, 3)
    return {
        "complete": n,
        "random": poisson_network(n, mean_degree, seed=a),
        "clustered": small_world_network(n, mean_degree, 0.01, seed=b),
        "scale-free": scale_free_network(n, mean_degree // 2, seed=c),
    }


def _bass_run(G, p, q, steps, seed):
    if isinstance(G, int):
        return diffusion.simulate_bass_complete(G, p, q, steps, seed=seed)
    return diffusion.simulate_bass(G, p, q, steps, seed=seed)


def bass_frame(p, q, steps, networks, *, runs=5, seed=None):
    """Bass diffusion simulated on each network, averaged over runs, next to the closed form.

    Parameters
    ----------
    p : float
        Coefficient of innovation (the company's direct influence), in [0, 1].
    q : float
        Coefficient of imitation (word of mouth), at least 0; ``p + q > 0``.
    steps : int
        Steps simulated, at least 1.
    networks : dict
        Name -> network (a whole number ``n`` for the complete graph), as from
        :func:`diffusion_networks`.
    runs : int
        Simulations per network, at least 1.
    seed : None, int or numpy.random.Generator
        Random seed; the same seed gives the same table.

    Returns
    -------
    pandas.DataFrame
        One row per network and step: ``network``, ``step``, ``adopted`` (mean
        cumulative share), ``low`` and ``high`` (smallest and largest over the runs),
        ``new`` (mean share adopting in the step), ``closed_form``
        (:func:`course_lib.diffusion.bass_adoption` at the step), ``closed_rate``
        (:func:`course_lib.diffusion.bass_rate` at the step) and ``discrete``
        (:func:`course_lib.diffusion.bass_discrete`, what a well-mixed step-by-step
        simulation follows; NaN when ``p + q > 1``).

    Raises
    ------
    ValueError
        If ``runs`` is below 1 (the model's own checks name the other parameters).

    Examples
    --------
    >>> frame = bass_frame(0.01, 0.2, 30, {"complete": 1000}, runs=2, seed=1)
    >>> frame.shape, bool(abs(frame.adopted - frame.discrete).max() < 0.05)
    ((31, 9), True)
    """
    runs = check_integer(runs, "runs", minimum=1)
    steps = check_integer(steps, "steps", minimum=1)
    closed = diffusion.bass_adoption(np.arange(steps + 1, dtype=float), p, q)
    rate = diffusion.bass_rate(np.arange(steps + 1, dtype=float), p, q)
    discrete = diffusion.bass_discrete(steps, p, q) if p + q <= 1 else np.full(steps + 1, np.nan)
    seeds = _seeds(seed, runs)
    tables = []
    for name, G in networks.items():
        results = [_bass_run(G, p, q, steps, s) for s in seeds]
        adopted = np.array([r.adopted for r in results])
        new = np.array([r.new_adopters / r.n for r in results])
        tables.append(pd.DataFrame({
            "network": name, "step": np.arange(steps + 1), "adopted": adopted.mean(axis=0),
            "low": adopted.min(axis=0), "high": adopted.max(axis=0), "new": new.mean(axis=0),
            "closed_form": closed, "closed_rate": rate, "discrete": discrete,
        }))
    return pd.concat(tables, ignore_index=True)


def bass_theory_frame(p, q, steps, per_step=4):
    """The closed-form Bass curve and its adoption rate on a fine time grid.

    Parameters
    ----------
    p : float
        Coefficient of innovation, in [0, 1].
    q : float
        Coefficient of imitation, at least 0; ``p + q > 0``.
    steps : int
        Last time, at least 1.
    per_step : int
        Points per unit of time, at least 1.

    Returns
    -------
    pandas.DataFrame
        Columns ``t``, ``adopted`` (:func:`course_lib.diffusion.bass_adoption`) and
        ``rate`` (:func:`course_lib.diffusion.bass_rate`).

    Raises
    ------
    ValueError
        If ``steps`` or ``per_step`` is below 1.

    Examples
    --------
    >>> bass_theory_frame(0.03, 0.38, 10, per_step=1).iloc[10].round(4).tolist()
    [10.0, 0.8128, 0.0634]
    """
    steps = check_integer(steps, "steps", minimum=1)
    per_step = check_integer(per_step, "per_step", minimum=1)
    t = np.linspace(0.0, steps, steps * per_step + 1)
    return pd.DataFrame({"t": t, "adopted": diffusion.bass_adoption(t, p, q),
                         "rate": diffusion.bass_rate(t, p, q)})


def bass_summary(frame):
    """When half the market has adopted, and when adoption peaks, on each network.

    Parameters
    ----------
    frame : pandas.DataFrame
        A :func:`bass_frame` table.

    Returns
    -------
    pandas.DataFrame
        One row per network: ``network``, ``half_step`` (first step with at least half
        adopted; -1 if never), ``peak_step`` (step with the most new adopters on
        average), ``final`` (share adopted at the last step), ``gap`` (largest
        distance of the mean from the closed form).

    Examples
    --------
    >>> frame = bass_frame(0.01, 0.2, 40, {"complete": 2000}, runs=3, seed=1)
    >>> int(bass_summary(frame).loc[0, "half_step"])
    16
    """
    rows = []
    for name in dict.fromkeys(frame["network"]):
        part = frame[frame["network"] == name].sort_values("step")
        step, adopted, new = (part[c].to_numpy() for c in ("step", "adopted", "new"))
        above = step[adopted >= 0.5]
        rows.append({
            "network": name,
            "half_step": int(above[0]) if len(above) else -1,
            "peak_step": int(step[1:][new[1:].argmax()]),
            "final": float(adopted[-1]),
            "gap": float(np.abs(adopted - part["closed_form"].to_numpy()).max()),
        })
    return pd.DataFrame(rows)


def _steps_buying(levers, a, d, horizon):
    """Expected steps spent buying (customer or advocate) in the next ``horizon`` steps,
    for one consumer starting in each state, the market's contact shares held at a, d."""
    P = diffusion.continuum_transitions(levers, a, d)
    x = np.eye(5)
    total = np.zeros(5)
    for _ in range(horizon):
        x = x @ P
        total += x[:, list(_BUYING)].sum(axis=1)
    return total


def lever_effect_frame(levers, *, levers_to_vary=("direct_influence", "empowerment"), delta=0.01,
                       horizon=52):
    """Where on the continuum each lever works: the extra time a consumer spends buying
    when a little more of a lever is aimed at them, by the state they start in.

    The market around the consumer is held at the steady state of ``levers``
    (:func:`course_lib.diffusion.continuum_steady_state`): a share of advocates and
    detractors among their contacts that does not move. For one consumer starting in
    each state, the table gives the expected number of the next ``horizon`` steps they
    spend as a customer or advocate, and how much that grows when one lever is raised
    by ``delta`` for that consumer alone (a targeted campaign).

    Parameters
    ----------
    levers : course_lib.diffusion.Levers
        The company's levers.
    levers_to_vary : sequence of str
        Names of :class:`~course_lib.diffusion.Levers` fields to raise.
    delta : float
        How much each lever is raised, in (0, 0.5].
    horizon : int
        Steps counted, at least 1.

    Returns
    -------
    pandas.DataFrame
        One row per lever and starting state: ``lever``, ``start`` (state name),
        ``order`` (state code), ``steps_buying`` (at the levers as given) and
        ``effect`` (extra steps buying with the lever raised by ``delta``).

    Raises
    ------
    ValueError
        If ``delta`` or ``horizon`` is out of range, or a name is not a lever.

    Examples
    --------
    >>> from course_lib.diffusion import Levers
    >>> levers = Levers(0.02, 0.05, 0.3, 0.1, 0.02, disappointment=0.005)
    >>> frame = lever_effect_frame(levers)
    >>> frame.pivot(index="start", columns="lever", values="effect").loc[["competitor", "customer"]].round(2)
    lever       direct_influence  empowerment
    start
    competitor              0.95         0.47
    customer                0.31         0.74
    """
    delta = check_real(delta, "delta", minimum=0.0, maximum=0.5, strict_minimum=True)
    horizon = check_integer(horizon, "horizon", minimum=1)
    fields = {f.name for f in dataclasses.fields(levers) if f.name != "loop"}
    steady = diffusion.continuum_steady_state(levers)
    a, d = steady.advocate, steady.detractor
    base = _steps_buying(levers, a, d, horizon)
    rows = []
    for name in levers_to_vary:
        if name not in fields:
            raise ValueError(f"levers_to_vary names {name!r}, which is not a lever; levers are {sorted(fields)}")
        raised = dataclasses.replace(levers, **{name: getattr(levers, name) + delta})
        effect = _steps_buying(raised, a, d, horizon) - base
        for code, state in enumerate(diffusion.STATES):
            rows.append({"lever": name, "start": state, "order": code, "steps_buying": base[code],
                         "effect": effect[code]})
    return pd.DataFrame(rows)


def steady_state_sweep(levers, lever, values):
    """Steady-state shares of the continuum as one lever takes each of ``values``.

    Parameters
    ----------
    levers : course_lib.diffusion.Levers
        The other levers, held fixed.
    lever : str
        The name of the lever that varies (a :class:`~course_lib.diffusion.Levers` field).
    values : sequence of float
        Its values.

    Returns
    -------
    pandas.DataFrame
        One row per value and state: ``lever``, ``value``, ``state``, ``order`` (state
        code), ``share`` (:func:`course_lib.diffusion.continuum_steady_state`).

    Raises
    ------
    ValueError
        If ``lever`` is not a lever's name (the levers' own checks name bad values).

    Examples
    --------
    >>> from course_lib.diffusion import Levers
    >>> levers = Levers(0.02, 0.05, 0.3, 0.1, 0.02, disappointment=0.005)
    >>> sweep = steady_state_sweep(levers, "empowerment", [0.0, 0.1])
    >>> sweep[sweep.state == "advocate"].share.round(3).tolist()
    [0.0, 0.569]
    """
    fields = {f.name for f in dataclasses.fields(levers) if f.name != "loop"}
    if lever not in fields:
        raise ValueError(f"lever must be one of {sorted(fields)}, got {lever!r}")
    rows = []
    for value in values:
        steady = diffusion.continuum_steady_state(dataclasses.replace(levers, **{lever: float(value)}))
        for code, state in enumerate(diffusion.STATES):
            rows.append({"lever": lever, "value": float(value), "state": state, "order": code,
                         "share": float(steady.shares[code])})
    return pd.DataFrame(rows)


def _measures(shares):
    return {
        "buying": shares[:, diffusion.CUSTOMER] + shares[:, diffusion.ADVOCATE],
        "advocates": shares[:, diffusion.ADVOCATE],
        "lost": shares[:, diffusion.COMPETITOR] + shares[:, diffusion.DETRACTOR],
    }


def journey_frame(levers, G, steps, *, runs=5, seed=None):
    """The same levers as a decision-journey loop and as a linear funnel: simulations on
    a network next to the rate equations.

    Parameters
    ----------
    levers : course_lib.diffusion.Levers
        The levers; its ``loop`` is set to True and then False.
    G : int, networkx.Graph or CompiledNetwork
        The consumer network (a whole number: the complete graph).
    steps : int
        Steps simulated, at least 1.
    runs : int
        Simulations per journey, at least 1.
    seed : None, int or numpy.random.Generator
        Random seed; the same seed gives the same table.

    Returns
    -------
    pandas.DataFrame
        One row per journey, measure and step: ``journey`` ("loop" or "funnel"),
        ``measure`` ("buying": customers and advocates; "advocates"; "lost":
        a competitor's customers and detractors), ``step``, ``simulation`` (mean over
        runs), ``low`` and ``high`` (smallest and largest run) and ``mean_field``
        (:func:`course_lib.diffusion.continuum_mean_field`).

    Raises
    ------
    ValueError
        If ``runs`` is below 1 (the model's own checks name the other parameters).

    Examples
    --------
    >>> from course_lib.diffusion import Levers
    >>> levers = Levers(0.02, 0.05, 0.3, 0.1, 0.02, disappointment=0.005)
    >>> frame = journey_frame(levers, 500, 20, runs=2, seed=1)
    >>> sorted(frame.journey.unique()), len(frame)
    (['funnel', 'loop'], 126)
    """
    runs = check_integer(runs, "runs", minimum=1)
    steps = check_integer(steps, "steps", minimum=1)
    seeds = _seeds(seed, runs)
    tables = []
    for journey, loop in (("loop", True), ("funnel", False)):
        lv = dataclasses.replace(levers, loop=loop)
        theory = _measures(diffusion.continuum_mean_field(lv, steps).shares)
        sims = [_measures(diffusion.simulate_continuum(G, lv, steps, seed=s).shares) for s in seeds]
        for measure, curve in theory.items():
            values = np.array([sim[measure] for sim in sims])
            tables.append(pd.DataFrame({
                "journey": journey, "measure": measure, "step": np.arange(steps + 1),
                "simulation": values.mean(axis=0), "low": values.min(axis=0), "high": values.max(axis=0),
                "mean_field": curve,
            }))
    return pd.concat(tables, ignore_index=True)


def _ever_bought_mean_field(levers, steps):
    """Rate equations with a record of who ever bought: the shares of all states, and of
    those who never bought (they can only be detractor, competitor or unaware)."""
    x = np.array([0.0, 0.0, 1.0, 0.0, 0.0])
    never = np.array([0.0, 0.0, 1.0])
    buying, ever = [0.0], [0.0]
    for _ in range(steps):
        P = diffusion.continuum_transitions(levers, x[diffusion.ADVOCATE], x[diffusion.DETRACTOR])
        never = never @ P[:3, :3]
        x = x @ P
        buying.append(x[diffusion.CUSTOMER] + x[diffusion.ADVOCATE])
        ever.append(1.0 - never.sum())
    return np.array(buying), np.array(ever)


def _ever_bought_simulation(G, levers, steps, seed):
    """:func:`course_lib.diffusion.simulate_continuum` (everyone unaware at the start,
    the same draws) with a record of who ever bought."""
    contacts = contacts_of(G)
    rng = as_rng(seed)
    n = contacts.n
    states = np.full(n, diffusion.UNAWARE, dtype=np.int8)[rng.permutation(n)]
    bought = np.zeros(n, dtype=bool)
    buying, ever = [0.0], [0.0]
    for _ in range(steps):
        a = contact_share(contacts, states == diffusion.ADVOCATE)
        d = contact_share(contacts, states == diffusion.DETRACTOR)
        states = apply_step(states, rng.random(n), levers, a, d)  # continuum_step's rule, unchecked
        now = states >= diffusion.CUSTOMER
        bought |= now
        buying.append(now.mean())
        ever.append(bought.mean())
    return np.array(buying), np.array(ever)


def ever_bought_frame(levers, G, steps, churns, *, seed=None):
    """"Ever bought" (what a sales record counts) against "buying now", for several
    churn rates: the gap is the ex-customers a customer-relationship system still lists.

    Everyone starts unaware. A consumer counts as having ever bought from the first step
    they are a customer (or advocate); they keep that mark when they churn to unaware or
    to a competitor, or turn detractor.

    Parameters
    ----------
    levers : course_lib.diffusion.Levers
        The levers; ``churn`` is replaced by each of ``churns``.
    G : int, networkx.Graph or CompiledNetwork
        The consumer network (a whole number: the complete graph).
    steps : int
        Steps simulated, at least 1.
    churns : sequence of float
        The churn rates to compare (probability per step that a customer stops buying).
    seed : None, int or numpy.random.Generator
        Random seed; the same seed gives the same table (one simulation per churn rate,
        all with the same draws).

    Returns
    -------
    pandas.DataFrame
        One row per churn rate, measure and step: ``churn``, ``measure`` ("ever bought"
        or "buying now"), ``step``, ``simulation`` and ``mean_field`` (the rate
        equations with a record of who ever bought).

    Raises
    ------
    ValueError
        If ``steps`` is below 1 (the levers' own checks name a bad churn rate).

    Examples
    --------
    >>> from course_lib.diffusion import Levers
    >>> levers = Levers(0.02, 0.05, 0.3, 0.1, 0.02, disappointment=0.005)
    >>> frame = ever_bought_frame(levers, 1000, 50, [0.02], seed=1)
    >>> last = frame[frame.step == 50].set_index("measure").mean_field.round(2)
    >>> float(last["ever bought"]), float(last["buying now"])
    (0.97, 0.76)
    """
    steps = check_integer(steps, "steps", minimum=1)
    seed = int(as_rng(seed).integers(0, 2**32 - 1))
    tables = []
    for churn in churns:
        lv = dataclasses.replace(levers, churn=float(churn))
        theory = dict(zip(("buying now", "ever bought"), _ever_bought_mean_field(lv, steps)))
        sim = dict(zip(("buying now", "ever bought"), _ever_bought_simulation(G, lv, steps, seed)))
        for measure in ("ever bought", "buying now"):
            tables.append(pd.DataFrame({
                "churn": float(churn), "measure": measure, "step": np.arange(steps + 1),
                "simulation": sim[measure], "mean_field": theory[measure],
            }))
    return pd.concat(tables, ignore_index=True)
