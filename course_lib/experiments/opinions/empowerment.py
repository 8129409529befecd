"""Tables for lesson 04: Friedkin–Johnsen opinions on a small network, and what
empowering one person (lower susceptibility, a louder voice) does to their influence
centrality; the company's own voice next to empowerment, on the same target.

:func:`example_network`, :func:`people_frame`, :func:`trajectory_table`,
:func:`empowerment_frame`, :func:`centrality_sweep_frame`,
:func:`simulated_centrality_frame`; :func:`example_market`, :func:`extreme_consumers`,
:func:`company_lever_frame`, :func:`simulated_company_lever_frame`.
"""
from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd

from ... import networks, opinions, population
from ..._validation import as_rng, check_integer, check_probability

__all__ = [
    "example_network",
    "people_frame",
    "empowerment_frame",
    "trajectory_table",
    "centrality_sweep_frame",
    "simulated_centrality_frame",
    "example_market",
    "extreme_consumers",
    "company_lever_frame",
    "simulated_company_lever_frame",
]


# =========================================================================== lesson 04
_NAMES = ["Ana", "Ben", "Chloé", "Dev", "Emma", "Femi", "Gus", "Hana", "Ivan", "Jun", "Kira", "Liam"]
_EDGES = [(0, 1), (0, 2), (1, 2), (1, 3), (2, 3), (3, 4), (2, 4), (4, 5), (3, 5), (4, 6), (5, 6),
          (6, 7), (6, 8), (7, 8), (8, 9), (7, 9), (9, 10), (9, 11), (10, 11)]
_RATINGS = [0.2, 0.3, 0.35, 0.25, 0.4, 0.3, 0.5, 0.45, 0.3, 0.4, 0.9, 0.35]


def example_network():
    """Twelve consumers in two friend groups joined by a few ties: the network of lesson 04.

    Node ``i`` has attributes ``name`` and ``rating`` (initial opinion of a product on a
    0–1 scale). Kira (node 10) has only two contacts and is a fan (0.9); most others are
    lukewarm.

    Returns
    -------
    networkx.Graph

    Examples
    --------
    >>> G = example_network()
    >>> G.number_of_nodes(), G.nodes[10]["name"], G.degree[10]
    (12, 'Kira', 2)
    """
    G = nx.Graph()
    for i, (name, rating) in enumerate(zip(_NAMES, _RATINGS)):
        G.add_node(i, name=name, rating=rating)
    G.add_edges_from(_EDGES)
    return G


def _names(G):
    return [G.nodes[i].get("name", str(i)) for i in G]


def people_frame(G, **columns):
    """One row per person of ``G``, with any extra per-person columns.

    Parameters
    ----------
    G : networkx.Graph
        The network; nodes may have ``name`` and ``rating`` attributes.
    **columns : array_like
        Extra columns, each with one value per person in node order.

    Returns
    -------
    pandas.DataFrame
        Columns ``person`` (the ``name`` attribute, else the node), ``contacts``
        (degree), ``rating`` (initial opinion, NaN if missing), then ``columns``.

    Examples
    --------
    >>> kira = people_frame(example_network()).iloc[10]
    >>> kira.person, int(kira.contacts), float(kira.rating)
    ('Kira', 2, 0.9)
    """
    frame = pd.DataFrame({
        "person": _names(G),
        "contacts": [G.degree[i] for i in G],
        "rating": [G.nodes[i].get("rating", np.nan) for i in G],
    })
    for name, values in columns.items():
        frame[name] = np.asarray(values)
    return frame


def trajectory_table(result, names):
    """``result.to_frame()`` of an opinion model with a ``person`` column from ``names``.

    Parameters
    ----------
    result : OpinionTrajectory
        A run, such as :func:`course_lib.opinions.friedkin_johnsen`'s.
    names : sequence of str
        Name of each agent, by index.

    Returns
    -------
    pandas.DataFrame
        Columns ``step``, ``agent``, ``opinion`` and ``person``, one row per agent and step.

    Examples
    --------
    >>> G = example_network()
    >>> W = opinions.influence_weights(G, self_weight=0.2)
    >>> run = opinions.friedkin_johnsen(W, [G.nodes[i]["rating"] for i in G], 0.8, steps=5)
    >>> trajectory_table(run, [G.nodes[i]["name"] for i in G]).head(3)
       step  agent  opinion person
    0     0      0     0.20    Ana
    1     0      1     0.30    Ben
    2     0      2     0.35  Chloé
    """
    frame = result.to_frame()
    frame["person"] = np.asarray(names, dtype=object)[frame["agent"].to_numpy()]
    return frame


def _swayed(V, agent):
    """Share of ``agent``'s equilibrium opinion that comes from other people's initial opinions."""
    return float(1.0 - V[agent, agent])


def empowerment_frame(W, x0, susceptibility, agent, *, new_susceptibility=None, voice=1.0, names=None):
    """Friedkin–Johnsen equilibrium and influence centrality before and after one
    person is empowered.

    Empowerment both ways: the person's susceptibility becomes ``new_susceptibility``
    (:func:`course_lib.opinions.lower_susceptibility`) and everybody who listens to them
    weighs them ``voice`` times more (:func:`course_lib.opinions.amplify_voice`).

    Parameters
    ----------
    W : array_like, shape (n, n)
        Row-stochastic influence matrix (``W[i, j]`` = weight ``i`` gives ``j``).
    x0 : array_like, shape (n,)
        Initial opinions.
    susceptibility : float or array_like, shape (n,)
        Susceptibility to influence in [0, 1], one for everyone or one per person.
    agent : int
        Index of the empowered person.
    new_susceptibility : float, optional
        Their susceptibility after empowerment, in [0, 1]; None keeps it.
    voice : float, optional
        Factor by which others' weight on them grows (positive; 1 keeps it).
    names : sequence of str, optional
        Name of each person (default: ``"0"``, ``"1"``, ...).

    Returns
    -------
    DataFrame
        One row per person: ``person``, ``agent``, ``initial``, ``equilibrium``,
        ``baseline_equilibrium``, ``centrality``, ``baseline_centrality``, ``empowered``;
        ``frame.attrs`` holds ``swayed`` and ``baseline_swayed`` (the share of the
        empowered person's equilibrium opinion that comes from others).

    Examples
    --------
    >>> G = example_network()
    >>> W = opinions.influence_weights(G, self_weight=0.2)
    >>> x0 = [G.nodes[i]["rating"] for i in G]
    >>> f = empowerment_frame(W, x0, 0.8, 10, new_susceptibility=0.2)
    >>> round(float(f.centrality[10]), 3), round(float(f.baseline_centrality[10]), 3)
    (0.168, 0.066)
    """
    W = np.asarray(W, dtype=float)
    n = W.shape[0]
    lam = np.broadcast_to(np.asarray(susceptibility, dtype=float), (n,)).copy()
    names = list(names) if names is not None else [str(i) for i in range(n)]
    V0 = opinions.influence_matrix(W, lam)
    lam1 = lam.copy()
    if new_susceptibility is not None:
        new = check_probability(new_susceptibility, "new_susceptibility")
        if new <= lam[agent]:
            lam1 = opinions.lower_susceptibility(W, lam, agent, float(lam[agent] - new))
        else:  # "empowering" upwards: more susceptible than before
            lam1[agent] = new
    W1 = opinions.amplify_voice(W, agent, voice) if voice != 1.0 else W
    V1 = opinions.influence_matrix(W1, lam1)
    x0 = np.asarray(x0, dtype=float)
    frame = pd.DataFrame({
        "person": names,
        "agent": np.arange(n),
        "initial": x0,
        "equilibrium": V1 @ x0,
        "baseline_equilibrium": V0 @ x0,
        "centrality": V1.mean(axis=0),
        "baseline_centrality": V0.mean(axis=0),
        "empowered": np.arange(n) == agent,
    })
    frame.attrs["swayed"] = _swayed(V1, agent)
    frame.attrs["baseline_swayed"] = _swayed(V0, agent)
    return frame


def _centrality_sweep(W, susceptibility, agent, values, voices, centrality_of):
    """Rows (susceptibility, voice, centrality) with the agent's susceptibility set to
    each of ``values`` and their voice amplified by each of ``voices``;
    ``centrality_of(W, susceptibility)`` gives the agent's centrality."""
    W = np.asarray(W, dtype=float)
    base = np.broadcast_to(np.asarray(susceptibility, dtype=float), (W.shape[0],)).copy()
    rows = []
    for voice in voices:
        Wv = opinions.amplify_voice(W, agent, voice) if voice != 1.0 else W
        for s in values:
            lam = base.copy()
            lam[agent] = s
            rows.append((float(s), float(voice), float(centrality_of(Wv, lam))))
    return pd.DataFrame(rows, columns=["susceptibility", "voice", "centrality"])


def centrality_sweep_frame(W, susceptibility, agent, values, voices=(1.0,)):
    """Closed-form influence centrality of ``agent`` as their own susceptibility runs
    through ``values``, for each voice factor.

    Parameters
    ----------
    W : array_like, shape (n, n)
        Row-stochastic influence matrix (``W[i, j]`` = weight ``i`` gives ``j``).
    susceptibility : float or array_like, shape (n,)
        Susceptibility to influence in [0, 1], one for everyone or one per person.
    agent : int
        Index of the person.
    values : iterable of float
        Their susceptibilities, in [0, 1].
    voices : iterable of float, optional
        Factors by which others' weight on them grows (1 = unchanged).

    Returns
    -------
    pandas.DataFrame
        Columns ``susceptibility``, ``voice``, ``centrality``, one row per voice and value.

    Examples
    --------
    >>> G = example_network()
    >>> W = opinions.influence_weights(G, self_weight=0.2)
    >>> centrality_sweep_frame(W, 0.8, 10, [0.2, 0.8], voices=[1.0, 2.0]).round(3)
       susceptibility  voice  centrality
    0             0.2    1.0       0.168
    1             0.8    1.0       0.066
    2             0.2    2.0       0.202
    3             0.8    2.0       0.090
    """
    return _centrality_sweep(W, susceptibility, agent, values, voices,
                             lambda Wv, lam: opinions.influence_centrality(Wv, lam)[agent])


def simulated_centrality_frame(W, susceptibility, agent, values, voices=(1.0,), steps=300):
    """Influence centrality of ``agent`` measured by running the model.

    Starts :func:`course_lib.opinions.friedkin_johnsen` with the agent at opinion 1 and
    everybody else at 0, runs ``steps`` updates, and reads the mean final opinion: the
    agent's share in everybody's opinion, which the closed form calls influence
    centrality.

    Parameters
    ----------
    W : array_like, shape (n, n)
        Row-stochastic influence matrix (``W[i, j]`` = weight ``i`` gives ``j``).
    susceptibility : float or array_like, shape (n,)
        Susceptibility to influence in [0, 1], one for everyone or one per person.
    agent : int
        Index of the person.
    values : iterable of float
        Their susceptibilities, in [0, 1].
    voices : iterable of float, optional
        Factors by which others' weight on them grows (1 = unchanged).
    steps : int, optional
        Updates per run.

    Returns
    -------
    pandas.DataFrame
        Columns ``susceptibility``, ``voice``, ``centrality``, one row per voice and value.

    Examples
    --------
    >>> G = example_network()
    >>> W = opinions.influence_weights(G, self_weight=0.2)
    >>> simulated_centrality_frame(W, 0.8, 10, [0.2, 0.8]).round(3)   # as the closed form
       susceptibility  voice  centrality
    0             0.2    1.0       0.168
    1             0.8    1.0       0.066
    """
    unit = np.zeros(np.shape(W)[0])
    unit[agent] = 1.0
    return _centrality_sweep(W, susceptibility, agent, values, voices,
                             lambda Wv, lam: opinions.friedkin_johnsen(Wv, unit, lam, steps).final.mean())


def example_market(communities=6, size=50, *, mean_empowerment=0.3, seed=4):
    """A larger market for lesson 04: a community network of consumers with ratings and a
    drawn population.

    Consumers form ``communities`` friend groups of ``size`` (about 6 contacts inside
    their group, 1 outside: :func:`course_lib.networks.community_network`). Ratings
    (node attribute ``rating``) are drawn from Beta(2, 3), mean 0.4; empowerment and
    certainty from :func:`course_lib.population.draw`. One generator made from
    ``seed`` draws, in this order, the network, the ratings and the population.

    Parameters
    ----------
    communities : int, optional
        Number of friend groups, at least 2.
    size : int, optional
        Consumers per group, at least 8.
    mean_empowerment : float, optional
        Average empowerment, in [0, 1].
    seed : None, int or numpy.random.Generator, optional
        Random seed; the same seed gives the same market.

    Returns
    -------
    G : networkx.Graph
        Nodes ``0 .. communities * size - 1`` with attributes ``community`` and ``rating``.
    consumers : course_lib.population.Consumers
        One consumer per node, in node order.

    Examples
    --------
    >>> G, consumers = example_market(seed=4)
    >>> G.number_of_nodes(), consumers.n
    (300, 300)
    """
    rng = as_rng(seed)
    G = networks.community_network(communities, size, 6.0, 1.0, seed=rng)
    for node, rating in zip(G, rng.beta(2.0, 3.0, size=G.number_of_nodes())):
        G.nodes[node]["rating"] = float(rating)
    return G, population.draw(G.number_of_nodes(), mean_empowerment, seed=rng)

def extreme_consumers(x0, k):
    """The ``k`` consumers with the highest and the ``k`` with the lowest initial opinion,
    as the ``targets`` of :func:`company_lever_frame`.

    Parameters
    ----------
    x0 : array_like, shape (n,)
        Initial opinions.
    k : int
        How many of each, at least 1 and at most ``n // 2``.

    Returns
    -------
    dict
        ``{"k fans": indices, "k critics": indices}``, indices sorted.

    Examples
    --------
    >>> extreme_consumers([0.5, 0.9, 0.1, 0.6], 1)
    {'1 fans': [1], '1 critics': [2]}
    """
    x0 = np.asarray(x0, dtype=float)
    k = check_integer(k, "k", minimum=1, maximum=len(x0) // 2)
    order = np.argsort(x0, kind="stable")
    return {f"{k} fans": sorted(int(i) for i in order[-k:]), f"{k} critics": sorted(int(i) for i in order[:k])}


def _as_targets(targets):
    if isinstance(targets, dict):
        return {str(k): v for k, v in targets.items()}
    raise TypeError(f"targets must be a dict from a label to consumer indices, got {type(targets).__name__}")


def _lever_rows(W, x0, consumers, targets, influences, empowerments, solve):
    """Rows of :func:`company_lever_frame`; ``solve(W, x0, s, agents, weight)`` gives the
    consumers' opinions at rest, the company's share of each and the targets' share."""
    x0 = np.asarray(x0, dtype=float)
    n = len(x0)
    rows = []
    for label, agents in _as_targets(targets).items():
        idx = np.atleast_1d(np.asarray(agents, dtype=np.int64))
        others = np.setdiff1d(np.arange(n), idx)
        before, _, _ = solve(W, x0, consumers.empower(idx, float(min(empowerments))).susceptibility(), idx, 0.0)
        for e in empowerments:
            s = consumers.empower(idx, float(e)).susceptibility()
            for w in influences:
                x, company, mine = solve(W, x0, s, idx, float(w))
                rows.append((label, float(w), float(e), float(x[idx].mean()), float(x[others].mean()),
                             float(x[others].mean() - before[others].mean()), float(company.mean()), mine))
    return pd.DataFrame(rows, columns=["target", "influence", "empowerment", "target_opinion",
                                       "others_opinion", "others_move", "company_share", "target_share"])


def _closed_form_lever(W, x0, s, idx, weight, company_opinion=1.0):
    """:func:`course_lib.opinions.company_voice_equilibrium`'s three numbers from one
    solve with three right-hand sides (not the whole influence matrix): the opinions at
    rest, the company's share and the targets' share."""
    if weight == 0.0:  # the checks (and a clear error) once per target, on the plain network
        opinions.company_voice_equilibrium(W, x0, s, idx, 0.0)
    Wc = opinions.add_company_voice(W, idx, weight)
    lam = np.append(s, 0.0)
    n = len(x0)
    sources = np.zeros((n + 1, 3))
    sources[:, 0] = np.append(x0, company_opinion)
    sources[n, 1] = 1.0
    sources[idx, 2] = 1.0
    rest = np.linalg.solve(np.eye(n + 1) - lam[:, None] * Wc, (1.0 - lam)[:, None] * sources)[:n]
    return rest[:, 0], rest[:, 1], float(rest[:, 2].mean())


def company_lever_frame(W, x0, consumers, targets, influences, empowerments, *, company_opinion=1.0):
    """The company's two levers on the same target, over a grid: its own voice
    (influence) and the target's empowerment, from the Friedkin–Johnsen closed form.

    For each target, influence weight ``w`` and empowerment ``e``: the target consumers
    give the company's voice (a stubborn agent holding ``company_opinion``,
    :func:`course_lib.opinions.add_company_voice`) a share ``w`` of their listening,
    and their empowerment is set to ``e`` (their susceptibility becomes
    ``consumers.empower(target, e).susceptibility()``: 0.8 at ``e = 0``, 0.2 at
    ``e = 1``); everybody else keeps theirs.

    Parameters
    ----------
    W : array_like, shape (n, n)
        Row-stochastic influence matrix of the consumers.
    x0 : array_like, shape (n,)
        Initial opinions.
    consumers : course_lib.population.Consumers
        The population (``n`` consumers); its empowerment gives everybody's
        susceptibility.
    targets : dict
        Label -> consumer index or list of indices: who the company works on.
    influences : iterable of float
        Shares of the targets' listening given to the company, in [0, 1].
    empowerments : iterable of float
        The targets' empowerment, in [0, 1].
    company_opinion : float, optional
        The opinion the company's voice holds.

    Returns
    -------
    pandas.DataFrame
        One row per target, empowerment and influence: ``target``, ``influence``,
        ``empowerment``, ``target_opinion`` (the targets' mean opinion at rest),
        ``others_opinion`` (everybody else's mean), ``others_move`` (that mean minus
        its value in the corner without the company's voice and with the least of
        ``empowerments``),
        ``company_share`` (the company's average share in consumers' opinions) and
        ``target_share`` (the targets' initial opinions' share, their influence
        centrality).

    Examples
    --------
    Kira (node 10) is a fan; raising the company's influence on her moves her towards
    the company, empowering her makes her hold her own view:

    >>> G = example_network()
    >>> W = opinions.influence_weights(G, self_weight=0.2)
    >>> x0 = people_frame(G).rating.to_numpy()
    >>> market = population.Consumers(np.zeros(12))
    >>> f = company_lever_frame(W, x0, market, {"Kira": 10}, [0.0, 0.5], [0.0, 1.0])
    >>> f[["influence", "empowerment", "target_opinion", "company_share", "target_share"]].round(3)
       influence  empowerment  target_opinion  company_share  target_share
    0        0.0          0.0           0.564          0.000         0.066
    1        0.5          0.0           0.829          0.096         0.048
    2        0.0          1.0           0.847          0.000         0.168
    3        0.5          1.0           0.885          0.020         0.159
    """
    return _lever_rows(W, x0, consumers, targets, influences, empowerments,
                       lambda *a: _closed_form_lever(*a, company_opinion=company_opinion))


def simulated_company_lever_frame(W, x0, consumers, targets, influences, empowerments, *,
                                  company_opinion=1.0, steps=400):
    """As :func:`company_lever_frame`, measured by running
    :func:`course_lib.opinions.friedkin_johnsen` for ``steps`` updates on the network with
    the company's voice (the company an agent with susceptibility 0).

    The targets' share is measured the same way: a second run in which the targets start
    at 1, everybody else (the company included) at 0.

    Parameters
    ----------
    W : array_like, shape (n, n)
        Row-stochastic influence matrix of the consumers.
    x0 : array_like, shape (n,)
        Initial opinions.
    consumers : course_lib.population.Consumers
        The population.
    targets : dict
        Label -> consumer index or list of indices.
    influences : iterable of float
        Shares of the targets' listening given to the company, in [0, 1].
    empowerments : iterable of float
        The targets' empowerment, in [0, 1].
    company_opinion : float, optional
        The opinion the company's voice holds.
    steps : int, optional
        Updates per run.

    Returns
    -------
    pandas.DataFrame
        The columns of :func:`company_lever_frame`.

    Examples
    --------
    >>> G = example_network()
    >>> W = opinions.influence_weights(G, self_weight=0.2)
    >>> x0 = people_frame(G).rating.to_numpy()
    >>> market = population.Consumers(np.zeros(12))
    >>> f = simulated_company_lever_frame(W, x0, market, {"Kira": 10}, [0.5], [1.0])
    >>> round(float(f.target_opinion[0]), 3), round(float(f.target_share[0]), 3)   # as the closed form
    (0.885, 0.159)
    """
    def run(W, x0, s, idx, weight):
        Wc = opinions.add_company_voice(W, idx, weight)
        lam = np.append(s, 0.0)
        x = opinions.friedkin_johnsen(Wc, np.append(x0, company_opinion), lam, steps).final[:-1]
        company = opinions.friedkin_johnsen(Wc, np.eye(len(lam))[-1], lam, steps).final[:-1]
        unit = np.zeros(len(lam))
        unit[idx] = 1.0
        mine = opinions.friedkin_johnsen(Wc, unit, lam, steps).final[:-1].mean()
        return x, company, float(mine)

    return _lever_rows(W, x0, consumers, targets, influences, empowerments, run)
