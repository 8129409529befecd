"""Tables for the opinion lessons (04 to 06): pure computation, no widgets and no charts.

- Lesson 04: Friedkin–Johnsen opinions on a small network, and what empowering one
  person (lower susceptibility, a louder voice) does to their influence centrality:
  :func:`example_network`, :func:`people_frame`, :func:`empowerment_frame`,
  :func:`centrality_sweep_frame`, :func:`simulated_centrality_frame`; the company's
  own voice next to empowerment, on the same target: :func:`company_lever_frame`,
  :func:`simulated_company_lever_frame`, on the toy network or :func:`example_market`.
- Lesson 05: the q-voter model with independence or anticonformity, its mean-field
  theory, and a campaign run as a broadcast (a field) or by brand ambassadors
  (zealots): :func:`qvoter_theory_frame`, :func:`qvoter_simulation_frame`,
  :func:`mean_field_settles`, :func:`mean_field_path`, :func:`campaign_frame`; a
  market with a fixed share of empowered resisters (quenched) against everyone
  resisting some of the time (annealed), and a campaign hitting it:
  :func:`market_shares`, :func:`disorder_theory_frame`, :func:`mixed_campaign_frame`.
- Lesson 06: expressed versus private opinions (Ye et al. 2019):
  :func:`expressed_private_frame`, :func:`resilience_frame`; compliance and
  identification on the same person: :func:`kelman_frame`,
  :func:`simulated_kelman_frame`; lesson 04's market read by the same population:
  :func:`population_gap_frame`, :func:`gap_by_empowerment`.

Tables only reshape what :mod:`course_lib.opinions` and :mod:`course_lib.voter`
compute; charts come from :mod:`course_lib.viz.opinions`, explorers from
:mod:`course_lib.explore.opinions`. A lesson reads::

    from course_lib.experiments import opinions as lab
"""
from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd

from .. import networks, opinions, population, voter
from .._validation import as_rng, check_integer, check_probability

__all__ = [
    # lesson 04
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
    # lesson 05
    "qvoter_theory_frame",
    "qvoter_simulation_frame",
    "hysteresis_frame",
    "campaign_verdict",
    "mean_field_settles",
    "mean_field_path",
    "campaign_frame",
    "campaign_simulation_frame",
    "market_shares",
    "disorder_theory_frame",
    "disorder_simulation_frame",
    "mixed_campaign_frame",
    "mixed_campaign_simulation_frame",
    # lesson 06
    "expressed_private_frame",
    "spread_frame",
    "resilience_frame",
    "simulated_resilience_frame",
    "kelman_frame",
    "simulated_kelman_frame",
    "population_gap_frame",
    "gap_by_empowerment",
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


# =========================================================================== lesson 05
def _stable_branches(mf):
    """(branch, magnetization) rows for the fixed points with fraction up >= 1/2."""
    rows = []
    for c in mf.stable:
        if c > 0.5 + 1e-9:
            rows.append(("ordered", "stable", 2 * c - 1))
        elif abs(c - 0.5) <= 1e-9:
            rows.append(("disordered", "stable", 0.0))
    for c in mf.unstable:
        if c > 0.5 + 1e-9:
            rows.append(("middle", "unstable", 2 * c - 1))
        elif abs(c - 0.5) <= 1e-9:
            rows.append(("disordered", "unstable", 0.0))
    return rows


def qvoter_theory_frame(qs, ps, variants=voter.VARIANTS):
    """Mean-field fixed points of the q-voter model (no campaign) as a tidy table.

    For each variant, panel size ``q`` and nonconformity ``p``, one row per fixed point
    with fraction up at least 1/2 (the picture is symmetric), from
    :func:`course_lib.voter.qvoter_mean_field`. The critical point and the spinodals of
    each (q, variant) are added to ``ps`` so lines reach them.

    Parameters
    ----------
    qs : iterable of int
        Panel sizes, at least 1.
    ps : iterable of float
        Nonconformity probabilities, in [0, 1].
    variants : sequence of {"independence", "anticonformity"}, optional
        The kinds of nonconformity.

    Returns
    -------
    DataFrame
        Columns ``variant``, ``q``, ``p``, ``branch`` (``"ordered"``, ``"disordered"``
        or ``"middle"``), ``stability`` (``"stable"``/``"unstable"``) and
        ``magnetization`` (``2c - 1`` >= 0).

    Examples
    --------
    >>> t = qvoter_theory_frame([4], [0.1], ["anticonformity"])
    >>> t[t.p == 0.1][["branch", "stability"]].values.tolist()
    [['ordered', 'stable'], ['disordered', 'unstable']]
    """
    rows = []
    for variant in variants:
        for q in qs:
            edges = voter.qvoter_spinodals(q, variant)
            grid = sorted(set(float(p) for p in ps) | {edges.lower, edges.upper})
            for p in grid:
                mf = voter.qvoter_mean_field(q, p, variant)
                for branch, stability, m in _stable_branches(mf):
                    rows.append((variant, int(q), p, branch, stability, m))
    return pd.DataFrame(rows, columns=["variant", "q", "p", "branch", "stability", "magnetization"])


def qvoter_simulation_frame(n, qs, ps, variants=voter.VARIANTS, *, initial_up=1.0,
                            sweeps=400, burn_in=100, seed=None):
    """Simulated order (time-averaged ``|m|``) of the q-voter model on the complete graph.

    One exact simulation (:func:`course_lib.voter.simulate_qvoter`) per (variant, q,
    p), all drawing from one generator made from ``seed``, in that order. The value is
    the mean of ``|2c - 1|`` over the sweeps after ``burn_in``.

    Parameters
    ----------
    n : int
        Number of agents, at least 2.
    qs : iterable of int
        Panel sizes, from 1 to ``n - 1``.
    ps : iterable of float
        Nonconformity probabilities, in [0, 1].
    variants : sequence of {"independence", "anticonformity"}, optional
        The kinds of nonconformity.
    initial_up : float, optional
        Fraction of agents up at the start, in [0, 1].
    sweeps : int, optional
        Sweeps per run (a sweep is ``n`` updates).
    burn_in : int, optional
        Sweeps left out of the average, below ``sweeps``.
    seed : None, int or numpy.random.Generator, optional
        Random seed; the same seed gives the same result.

    Returns
    -------
    pandas.DataFrame
        Columns ``variant``, ``q``, ``p``, ``start`` (``initial_up``), ``magnetization``.

    Examples
    --------
    >>> qvoter_simulation_frame(500, [4], [0.1, 0.5], ["anticonformity"], sweeps=100,
    ...                         burn_in=50, seed=1).round(2)
              variant  q    p  start  magnetization
    0  anticonformity  4  0.1    1.0           0.80
    1  anticonformity  4  0.5    1.0           0.03
    """
    rng = as_rng(seed)
    rows = []
    for variant in variants:
        for q in qs:
            for p in ps:
                run = voter.simulate_qvoter(n, int(q), float(p), variant, sweeps, seed=rng,
                                            initial_up=initial_up)
                m = float(np.abs(run.magnetization[burn_in + 1:]).mean())
                rows.append((variant, int(q), float(p), float(initial_up), m))
    return pd.DataFrame(rows, columns=["variant", "q", "p", "start", "magnetization"])


def hysteresis_frame(n, q, ps, variant="independence", *, sweeps=1000, burn_in=500, seed=None):
    """Simulated order from two starts: everybody up (``"ordered start"``) and an even
    split (``"evenly split start"``), as :func:`qvoter_simulation_frame` with
    ``initial_up`` 1 and 1/2.

    Parameters
    ----------
    n : int
        Number of agents, at least 2.
    q : int
        Panel size, at least 1.
    ps : iterable of float
        Nonconformity probabilities, in [0, 1].
    variant : {"independence", "anticonformity"}, optional
        The kind of nonconformity.
    sweeps : int, optional
        Sweeps per run (a sweep is ``n`` updates).
    burn_in : int, optional
        Sweeps left out of the average, below ``sweeps``.
    seed : None, int or numpy.random.Generator, optional
        Random seed; the same seed gives the same result.

    Returns
    -------
    pandas.DataFrame
        Columns ``variant``, ``q``, ``p``, ``start`` (label), ``magnetization``: the
        ordered start's rows first.

    Examples
    --------
    >>> hysteresis_frame(500, 8, [0.05], sweeps=200, burn_in=100, seed=1).round(2)   # two stable states
            variant  q     p               start  magnetization
    0  independence  8  0.05       ordered start           0.94
    1  independence  8  0.05  evenly split start           0.13
    """
    rng = as_rng(seed)
    parts = []
    for label, up in (("ordered start", 1.0), ("evenly split start", 0.5)):
        frame = qvoter_simulation_frame(n, [q], ps, [variant], initial_up=up, sweeps=sweeps,
                                        burn_in=burn_in, seed=rng)
        parts.append(frame.assign(start=label))
    return pd.concat(parts, ignore_index=True)


def _campaign_inputs(kind, strength):
    if kind not in ("field", "zealots"):
        raise ValueError(f"kind must be 'field' (a broadcast) or 'zealots' (brand ambassadors), got {kind!r}")
    strength = check_probability(strength, "strength")
    if kind == "field":
        return strength, 0.0
    if strength >= 1.0:
        raise ValueError("strength must be below 1 for zealots: somebody has to be left to persuade")
    return 0.0, strength


_GRID = np.linspace(0.0, 1.0, 4001)


def _drift_grid(q, p, variant, field, zealots):
    c = zealots + (1.0 - zealots) * _GRID
    return c, voter.qvoter_drift(c, q, p, variant, field=field, zealot_fraction=zealots)


def mean_field_settles(q, p, variant, *, kind="field", strength=0.0, start=0.5):
    """Where the mean-field rate equation takes the market from ``start``.

    Follows the flow ``dc/dt`` (:func:`course_lib.voter.qvoter_drift`) from ``start``
    (the share of ordinary consumers, zealots excluded, who are up) to the first fixed
    point in the direction it points, located on a grid of 4001 points and refined by
    linear interpolation.

    Parameters
    ----------
    q : int
        Panel size, at least 1.
    p : float
        Probability of nonconformity, in [0, 1].
    variant : {"independence", "anticonformity"}
        The kind of nonconformity.
    kind : {"field", "zealots"}, optional
        The campaign: a broadcast heard with probability ``strength`` per update, or a
        fraction ``strength`` of agents who are always up.
    strength : float, optional
        Campaign strength, in [0, 1] (below 1 for zealots).
    start : float, optional
        Share of ordinary consumers up at the start, in [0, 1].

    Returns
    -------
    float
        Share of *ordinary* consumers (zealots excluded) up where the flow stops.

    Raises
    ------
    ValueError
        If ``kind`` is not ``"field"`` or ``"zealots"``, or ``strength`` is not in
        [0, 1] (below 1 for zealots).

    Examples
    --------
    >>> round(mean_field_settles(4, 0.7, "anticonformity", strength=0.2), 3)  # backfires
    0.417
    """
    field, zealots = _campaign_inputs(kind, strength)
    start = check_probability(start, "start")
    c, F = _drift_grid(q, p, variant, field, zealots)
    i = int(np.clip(np.searchsorted(_GRID, start), 0, len(_GRID) - 1))
    direction = np.sign(np.interp(start, _GRID, F))
    if direction == 0:
        return start
    if direction > 0:
        ahead = np.flatnonzero(F[i:] <= 0)
        if not len(ahead):
            return 1.0
        k = i + int(ahead[0])
        a, b = k - 1, k
    else:
        behind = np.flatnonzero(F[: i + 1] >= 0)
        if not len(behind):
            return 0.0
        k = int(behind[-1])
        a, b = k, k + 1
    x = _GRID[a] + (_GRID[b] - _GRID[a]) * F[a] / (F[a] - F[b]) if F[a] != F[b] else _GRID[a]
    return float(np.clip(x, 0.0, 1.0))


def mean_field_path(q, p, variant, *, kind="field", strength=0.0, start=0.5, sweeps=100):
    """Mean-field trajectory from ``start``: share of ordinary consumers up after each sweep.

    Integrates ``dc/dt`` (time in sweeps) with fourth-order Runge–Kutta steps of a
    quarter sweep, the drift interpolated on a fine grid.

    Parameters
    ----------
    q : int
        Panel size, at least 1.
    p : float
        Probability of nonconformity, in [0, 1].
    variant : {"independence", "anticonformity"}
        The kind of nonconformity.
    kind : {"field", "zealots"}, optional
        The campaign: a broadcast heard with probability ``strength`` per update, or a
        fraction ``strength`` of agents who are always up.
    strength : float, optional
        Campaign strength, in [0, 1] (below 1 for zealots).
    start : float, optional
        Share of ordinary consumers up at the start, in [0, 1].
    sweeps : int, optional
        Number of sweeps.

    Returns
    -------
    numpy.ndarray
        ``sweeps + 1`` shares of ordinary consumers up (zealots excluded).

    Raises
    ------
    ValueError
        If ``kind`` is not ``"field"`` or ``"zealots"``, or ``strength`` is not in
        [0, 1] (below 1 for zealots).

    Examples
    --------
    >>> mean_field_path(4, 0.7, "anticonformity", strength=0.2, sweeps=3).round(3)
    array([0.5  , 0.468, 0.448, 0.436])
    """
    field, zealots = _campaign_inputs(kind, strength)
    c_grid, F = _drift_grid(q, p, variant, field, zealots)
    lo = zealots

    def f(c):
        return np.interp(c, c_grid, F)

    c = zealots + (1 - zealots) * check_probability(start, "start")
    out = [c]
    h = 0.25
    for _ in range(int(sweeps)):
        for _ in range(4):
            k1 = f(c)
            k2 = f(c + h / 2 * k1)
            k3 = f(c + h / 2 * k2)
            k4 = f(c + h * k3)
            c = min(max(c + h / 6 * (k1 + 2 * k2 + 2 * k3 + k4), lo), 1.0)
        out.append(c)
    out = np.asarray(out)
    return (out - zealots) / (1 - zealots)


def _kinds(kinds):
    return [kinds] if isinstance(kinds, str) else list(kinds)


def campaign_frame(q, ps, variant, kinds, strengths, start=0.5):
    """Mean-field share of ordinary consumers up, against campaign strength.

    Parameters
    ----------
    q : int
        Panel size, at least 1.
    ps : iterable of float
        Nonconformity probabilities, in [0, 1].
    variant : {"independence", "anticonformity"}
        The kind of nonconformity.
    kinds : {"field", "zealots"} or list of them
        The campaigns (see :func:`mean_field_settles`).
    strengths : iterable of float
        Campaign strengths, in [0, 1] (below 1 for zealots).
    start : float, optional
        Share of ordinary consumers up at the start, in [0, 1].

    Returns
    -------
    pandas.DataFrame
        Columns ``kind``, ``variant``, ``q``, ``p``, ``strength``, ``share``
        (:func:`mean_field_settles` from ``start``).

    Raises
    ------
    ValueError
        If a kind is not ``"field"`` or ``"zealots"``, or a strength is not in
        [0, 1] (below 1 for zealots).

    Examples
    --------
    >>> campaign_frame(4, [0.7], "anticonformity", "field", [0.0, 0.2]).round(3)
        kind         variant  q    p  strength  share
    0  field  anticonformity  4  0.7       0.0  0.500
    1  field  anticonformity  4  0.7       0.2  0.417
    """
    rows = [
        (kind, variant, int(q), float(p), float(s),
         mean_field_settles(q, p, variant, kind=kind, strength=float(s), start=start))
        for kind in _kinds(kinds) for p in ps for s in strengths
    ]
    return pd.DataFrame(rows, columns=["kind", "variant", "q", "p", "strength", "share"])


def _simulate_campaign(n, q, p, variant, kind, strength, start, sweeps, rng):
    field, zealots = _campaign_inputs(kind, strength)
    z = int(round(zealots * n))
    run = voter.simulate_qvoter(n, q, p, variant, sweeps, seed=rng, initial_up=start,
                                zealots=z, field=field)
    return (run.fraction_up * n - z) / (n - z)


def campaign_simulation_frame(n, q, ps, variant, kinds, strengths, *, start=0.5, sweeps=300,
                              burn_in=100, seed=None):
    """Simulated long-run share of ordinary consumers up, against campaign strength.

    One exact complete-graph run per (kind, p, strength), all from one generator made
    from ``seed``; zealots are ``round(strength * n)`` agents. The share is averaged
    over the sweeps after ``burn_in`` and excludes the zealots.

    Parameters
    ----------
    n : int
        Number of agents (zealots included), at least 2.
    q : int
        Panel size, at least 1.
    ps : iterable of float
        Nonconformity probabilities, in [0, 1].
    variant : {"independence", "anticonformity"}
        The kind of nonconformity.
    kinds : {"field", "zealots"} or list of them
        The campaigns (see :func:`mean_field_settles`).
    strengths : iterable of float
        Campaign strengths, in [0, 1] (below 1 for zealots).
    start : float, optional
        Share of ordinary consumers up at the start, in [0, 1].
    sweeps : int, optional
        Sweeps per run (a sweep is ``n`` updates).
    burn_in : int, optional
        Sweeps left out of the average, below ``sweeps``.
    seed : None, int or numpy.random.Generator, optional
        Random seed; the same seed gives the same result.

    Returns
    -------
    pandas.DataFrame
        Columns ``kind``, ``variant``, ``q``, ``p``, ``strength``, ``share``.

    Raises
    ------
    ValueError
        If a kind is not ``"field"`` or ``"zealots"``, or a strength is not in
        [0, 1] (below 1 for zealots).

    Examples
    --------
    >>> campaign_simulation_frame(500, 4, [0.7], "anticonformity", "field", [0.0, 0.2],
    ...                           sweeps=100, burn_in=50, seed=1).round(3)   # it backfires
        kind         variant  q    p  strength  share
    0  field  anticonformity  4  0.7       0.0  0.499
    1  field  anticonformity  4  0.7       0.2  0.413
    """
    rng = as_rng(seed)
    rows = []
    for kind in _kinds(kinds):
        for p in ps:
            for s in strengths:
                share = _simulate_campaign(n, int(q), float(p), variant, kind, float(s), start, sweeps, rng)
                rows.append((kind, variant, int(q), float(p), float(s), float(share[burn_in + 1:].mean())))
    return pd.DataFrame(rows, columns=["kind", "variant", "q", "p", "strength", "share"])


def campaign_verdict(without, with_campaign, tolerance=0.01, modest=0.05):
    """A few words for what a campaign did to the long-run share up.

    Parameters
    ----------
    without : float
        Long-run share up without the campaign.
    with_campaign : float
        Long-run share up with it.
    tolerance : float, optional
        Largest change that counts as no change.
    modest : float, optional
        Smallest rise that counts as working.

    Returns
    -------
    str
        ``"backfires"`` (lowers it by more than ``tolerance``), ``"fizzles"`` (changes
        it by at most ``tolerance``), ``"flips the market"`` (from a minority to a
        majority), ``"barely helps"`` (raises it by less than ``modest``) or ``"works"``.

    Examples
    --------
    >>> campaign_verdict(0.5, 0.42), campaign_verdict(0.5, 0.505), campaign_verdict(0.2, 0.8)
    ('backfires', 'fizzles', 'flips the market')
    >>> campaign_verdict(0.5, 0.53), campaign_verdict(0.5, 0.6)
    ('barely helps', 'works')
    """
    change = with_campaign - without
    if change < -tolerance:
        return "backfires"
    if change <= tolerance:
        return "fizzles"
    if without < 0.5 < with_campaign:
        return "flips the market"
    if change < modest:
        return "barely helps"
    return "works"



# --------------------------------------------------------------- lesson 05: fixed resisters
_DISORDER = {"annealed": "everyone, some of the time", "quenched": "some people, all of the time"}


def market_shares(empowered, certainty, *, public=True):
    """Shares of independents and anticonformists in a market, read from Mourali & Yang.

    A share ``empowered`` of consumers feel powerful and resist influence. Those who
    hold their attitude with certainty (a fraction ``certainty`` of them) discount
    others: independents. The uncertain ones diverge on purpose to signal their
    independence (anticonformists), but only where opinions are expressed in public;
    in private Mourali & Yang found no reactance, and this model then lets the
    uncertain empowered consumers conform like everyone else (our assumption: the
    paper measured that reactance vanished, not what replaced it).

    Parameters
    ----------
    empowered : float
        Share in [0, 1] of empowered consumers.
    certainty : float
        Fraction in [0, 1] of them who are certain of their attitude.
    public : bool, optional
        Whether opinions are expressed in public (default) or in private.

    Returns
    -------
    tuple of float
        ``(independent, anticonformist)`` shares of the whole market; the rest conform.

    Raises
    ------
    ValueError
        If ``empowered`` or ``certainty`` is outside [0, 1].

    Examples
    --------
    >>> market_shares(0.6, 0.5)
    (0.3, 0.3)
    >>> market_shares(0.6, 0.5, public=False)
    (0.3, 0.0)

    References
    ----------
    .. [1] M. Mourali and Z. Yang, "The dual role of power in resisting social
       influence", Journal of Consumer Research 40(3), 539-554 (2013).
    """
    empowered = check_probability(empowered, "empowered")
    certainty = check_probability(certainty, "certainty")
    independent = empowered * certainty
    return independent, (empowered - independent) if public else 0.0


def _resister_shares(variant, p):
    return (p, 0.0) if variant == "independence" else (0.0, p)


def disorder_theory_frame(q, ps, variants=voter.VARIANTS):
    """Mean-field order of the market when resistance is annealed or quenched.

    Annealed: everyone resists with probability ``p`` at each update
    (:func:`course_lib.voter.qvoter_mean_field`); quenched: a fixed share ``p`` of the
    consumers always resist (:func:`course_lib.voter.mixed_market_mean_field`). The
    order is the largest stable ``|m|``, as reached from a unanimous start; both
    critical points are added to ``ps``.

    Parameters
    ----------
    q : int
        Panel size, at least 1.
    ps : iterable of float
        Probabilities (annealed) or shares (quenched) of resistance, in [0, 1].
    variants : sequence of {"independence", "anticonformity"}, optional
        The kinds of resistance.

    Returns
    -------
    pandas.DataFrame
        Columns ``variant``, ``q``, ``disorder`` (``"annealed"``/``"quenched"``),
        ``who`` (plain words for it), ``p`` and ``magnetization``.

    Examples
    --------
    >>> t = disorder_theory_frame(4, [0.5], ["independence"])
    >>> t[t.p == 0.5][["disorder", "magnetization"]].round(3).values.tolist()
    [['annealed', 0.0], ['quenched', 0.486]]

    References
    ----------
    .. [1] A. Jędrzejewski and K. Sznajd-Weron, "Person-situation debate revisited:
       phase transitions with quenched and annealed disorders", Entropy 19(8), 415
       (2017).
    """
    rows = []
    for variant in variants:
        edges = {"annealed": voter.qvoter_critical_point(q, variant),
                 "quenched": voter.quenched_critical_point(q, variant)}
        grid = sorted(set(float(p) for p in ps) | set(edges.values()))
        for disorder in ("annealed", "quenched"):
            for p in grid:
                if disorder == "annealed":
                    m = voter.qvoter_mean_field(q, p, variant).magnetization
                else:
                    m = voter.mixed_market_mean_field(q, *_resister_shares(variant, p)).magnetization
                rows.append((variant, int(q), disorder, _DISORDER[disorder], p, float(m)))
    return pd.DataFrame(rows, columns=["variant", "q", "disorder", "who", "p", "magnetization"])


def disorder_simulation_frame(n, q, ps, variants=voter.VARIANTS, *, sweeps=400, burn_in=100, seed=None):
    """Simulated order, annealed against quenched resistance, from a unanimous start.

    For each variant and ``p``: one run of :func:`course_lib.voter.simulate_qvoter`
    (everyone resists with probability ``p``) and one of
    :func:`course_lib.voter.simulate_mixed_market` (a fixed share ``p`` resists),
    in that order, all from one generator made from ``seed``. The value is the mean of
    ``|2c - 1|`` over the sweeps after ``burn_in``.

    Parameters
    ----------
    n : int
        Number of agents, at least 2.
    q : int
        Panel size, from 1 to ``n - 1``.
    ps : iterable of float
        Probabilities (annealed) or shares (quenched) of resistance, in [0, 1].
    variants : sequence of {"independence", "anticonformity"}, optional
        The kinds of resistance.
    sweeps : int, optional
        Sweeps per run.
    burn_in : int, optional
        Sweeps left out of the average, below ``sweeps``.
    seed : None, int or numpy.random.Generator, optional
        Random seed; the same seed gives the same result.

    Returns
    -------
    pandas.DataFrame
        Columns ``variant``, ``q``, ``disorder``, ``who``, ``p``, ``magnetization``.

    Examples
    --------
    >>> frame = disorder_simulation_frame(2000, 4, [0.5], ["independence"], sweeps=200, seed=1)
    >>> frame[["disorder", "magnetization"]].round(1).values.tolist()   # theory 0 and 0.486
    [['annealed', 0.0], ['quenched', 0.5]]

    References
    ----------
    .. [1] A. Jędrzejewski and K. Sznajd-Weron, "Person-situation debate revisited:
       phase transitions with quenched and annealed disorders", Entropy 19(8), 415
       (2017).
    """
    rng = as_rng(seed)
    rows = []
    for variant in variants:
        for p in ps:
            p = float(p)
            runs = {
                "annealed": voter.simulate_qvoter(n, q, p, variant, sweeps, seed=rng, initial_up=1.0),
                "quenched": voter.simulate_mixed_market(n, q, *_resister_shares(variant, p), sweeps,
                                                        seed=rng, initial_up=1.0),
            }
            for disorder, run in runs.items():
                m = float(np.abs(run.magnetization[burn_in + 1:]).mean())
                rows.append((variant, int(q), disorder, _DISORDER[disorder], p, m))
    return pd.DataFrame(rows, columns=["variant", "q", "disorder", "who", "p", "magnetization"])


def _certainty_label(certainty):
    return f"{certainty:.0%} of them certain"


def mixed_campaign_frame(q, empowered, certainties, strengths, *, start=0.3, public=(True, False)):
    """Mean-field long-run share who buy when a campaign hits a market with fixed resisters.

    The market has a share ``empowered`` of resisters whose kind follows their
    certainty (:func:`market_shares`); the campaign is a broadcast of the given
    strength (``field``); every group starts with ``start`` buying. Values from
    :func:`course_lib.voter.mixed_market_settles`.

    Parameters
    ----------
    q : int
        Panel size, at least 1.
    empowered : float
        Share in [0, 1] of empowered consumers.
    certainties : iterable of float
        Fractions in [0, 1] of the empowered who are certain of their attitude.
    strengths : iterable of float
        Campaign strengths, in [0, 1].
    start : float, optional
        Share buying at the start, in [0, 1].
    public : bool or sequence of bool, optional
        Opinions expressed in public, in private, or both (default).

    Returns
    -------
    pandas.DataFrame
        Columns ``where`` (``"in public"``/``"in private"``), ``certainty``,
        ``label``, ``independent``, ``anticonformist``, ``strength``, ``share``.

    Examples
    --------
    >>> mixed_campaign_frame(4, 0.6, [0.0], [0.0, 0.3], public=True).round(3)[["strength", "share"]]
       strength  share
    0       0.0  0.500
    1       0.3  0.436

    References
    ----------
    .. [1] M. Mourali and Z. Yang, "The dual role of power in resisting social
       influence", Journal of Consumer Research 40(3), 539-554 (2013).
    """
    places = [public] if isinstance(public, (bool, np.bool_)) else list(public)
    rows = []
    for where in places:
        for certainty in certainties:
            certainty = float(certainty)
            i, a = market_shares(empowered, certainty, public=bool(where))
            for h in strengths:
                share = voter.mixed_market_settles(q, i, a, field=float(h), start=start)
                rows.append(("in public" if where else "in private", certainty,
                             _certainty_label(certainty), i, a, float(h), share))
    return pd.DataFrame(rows, columns=["where", "certainty", "label", "independent", "anticonformist",
                                       "strength", "share"])


def mixed_campaign_simulation_frame(n, q, empowered, certainties, strengths, *, start=0.3,
                                    public=(True, False), sweeps=300, burn_in=100, seed=None):
    """Simulated long-run share who buy: :func:`mixed_campaign_frame` by simulation.

    One exact run of :func:`course_lib.voter.simulate_mixed_market` per (where,
    certainty, strength), all from one generator made from ``seed``; the share is
    averaged over the sweeps after ``burn_in``.

    Parameters
    ----------
    n : int
        Number of agents, at least 2.
    q : int
        Panel size, from 1 to ``n - 1``.
    empowered : float
        Share in [0, 1] of empowered consumers.
    certainties : iterable of float
        Fractions in [0, 1] of the empowered who are certain of their attitude.
    strengths : iterable of float
        Campaign strengths, in [0, 1].
    start : float, optional
        Share buying at the start, in [0, 1].
    public : bool or sequence of bool, optional
        Opinions expressed in public, in private, or both (default).
    sweeps : int, optional
        Sweeps per run.
    burn_in : int, optional
        Sweeps left out of the average, below ``sweeps``.
    seed : None, int or numpy.random.Generator, optional
        Random seed; the same seed gives the same result.

    Returns
    -------
    pandas.DataFrame
        The columns of :func:`mixed_campaign_frame`.

    Examples
    --------
    >>> mixed_campaign_simulation_frame(2000, 4, 0.6, [0.0], [0.3], public=True, sweeps=150,
    ...                                 seed=1).share.round(2).tolist()   # theory 0.436
    [0.44]

    References
    ----------
    .. [1] M. Mourali and Z. Yang, "The dual role of power in resisting social
       influence", Journal of Consumer Research 40(3), 539-554 (2013).
    """
    rng = as_rng(seed)
    theory = mixed_campaign_frame(q, empowered, certainties, [0.0], start=start, public=public)
    rows = []
    for row in theory.itertuples(index=False):
        for h in strengths:
            run = voter.simulate_mixed_market(n, q, row.independent, row.anticonformist, sweeps, seed=rng,
                                              initial_up=start, field=float(h))
            rows.append(row[:5] + (float(h), run.time_average(burn_in)))
    return pd.DataFrame(rows, columns=theory.columns)


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
