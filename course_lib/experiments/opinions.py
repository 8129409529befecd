"""Tables for the opinion lessons (04 to 06): pure computation, no widgets and no charts.

- Lesson 04: Friedkin–Johnsen opinions on a small network, and what empowering one
  person (lower susceptibility, a louder voice) does to their influence centrality:
  :func:`example_network`, :func:`people_frame`, :func:`empowerment_frame`,
  :func:`centrality_sweep_frame`, :func:`simulated_centrality_frame`.
- Lesson 05: the q-voter model with independence or anticonformity, its mean-field
  theory, and a campaign run as a broadcast (a field) or by brand ambassadors
  (zealots): :func:`qvoter_theory_frame`, :func:`qvoter_simulation_frame`,
  :func:`mean_field_settles`, :func:`mean_field_path`, :func:`campaign_frame`.
- Lesson 06: expressed versus private opinions (Ye et al. 2019):
  :func:`expressed_private_frame`, :func:`resilience_frame`.

Tables only reshape what :mod:`course_lib.opinions` and :mod:`course_lib.voter`
compute; charts come from :mod:`course_lib.viz.opinions`, explorers from
:mod:`course_lib.explore.opinions`. A lesson reads::

    from course_lib.experiments import opinions as lab
"""
from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd

from .. import opinions, voter
from .._validation import as_rng, check_probability

__all__ = [
    # lesson 04
    "example_network",
    "people_frame",
    "empowerment_frame",
    "trajectory_table",
    "centrality_sweep_frame",
    "simulated_centrality_frame",
    # lesson 05
    "qvoter_theory_frame",
    "qvoter_simulation_frame",
    "hysteresis_frame",
    "campaign_verdict",
    "mean_field_settles",
    "mean_field_path",
    "campaign_frame",
    "campaign_simulation_frame",
    # lesson 06
    "expressed_private_frame",
    "spread_frame",
    "resilience_frame",
    "simulated_resilience_frame",
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
