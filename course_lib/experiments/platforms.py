"""Tables for lesson 09 (platforms: voice, exit and mobilization) that feed
:mod:`course_lib.viz` charts.

Computation only: numpy, pandas and :mod:`course_lib.platforms`; never widgets or charts.
The model's other parameters (grievance share, pioneers, thresholds, reach) keep the
shared defaults of :func:`course_lib.platforms.simulate_platforms` and
:func:`course_lib.platforms.platform_steady_state`, so simulation and theory describe
the same population. Shares are of all consumers.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .._validation import as_rng, check_integer, check_probability
from ..platforms import critical_suppression, platform_steady_state, simulate_platforms

__all__ = [
    "suppression_grid",
    "steady_state_frame",
    "policy_trajectories_frame",
    "exit_sweep_frame",
    "levers_theory_frame",
    "levers_simulation_frame",
    "roles_comparison_frame",
]

#: The measures the lesson follows, with the names the charts show.
_MEASURES = ("negative_talk", "external", "company", "resolved")


def _levels(values, name):
    array = np.atleast_1d(np.asarray(values, dtype=float))
    if array.ndim != 1 or array.size == 0:
        raise ValueError(f"{name} must be a non-empty list of shares between 0 and 1")
    for value in array.tolist():
        check_probability(value, name)
    return array


def _policy(policy, name):
    if not isinstance(policy, dict):
        raise TypeError(f"{name} must be a dict with suppression, and optionally answer_rate and loyalty")
    unknown = set(policy) - {"suppression", "answer_rate", "loyalty"}
    if unknown or "suppression" not in policy:
        raise ValueError(f"{name} must give suppression (and may give answer_rate, loyalty); "
                         f"got keys {sorted(policy)}")
    return {"answer_rate": 0.0, "loyalty": 0, **policy}


def _seeds(seed, runs):
    return [int(s) for s in as_rng(seed).integers(0, 2**32 - 1, size=runs)]


def suppression_grid(step=0.02, *, loyalty=0, critical=None):
    """Suppressions from 0 to 1 in steps of ``step``, plus two points straddling the tipping point.

    The theory's exit share jumps at :func:`course_lib.platforms.critical_suppression`;
    a point just below it (0.002 less) and one just above (0.001 more) make a line
    drawn through the grid jump there instead of sloping across a grid cell.

    Parameters
    ----------
    step : float
        Spacing of the grid, in (0, 1].
    loyalty : int
        Loyalty of the population (the tipping point depends on it), 0 or more.
    critical : float, optional
        The tipping point, if already known (it takes some 50 ms to find).

    Returns
    -------
    numpy.ndarray
        Sorted suppressions in [0, 1].

    Raises
    ------
    ValueError
        If ``step`` is not in (0, 1].

    Examples
    --------
    >>> suppression_grid(0.25).round(4).tolist()
    [0.0, 0.25, 0.5, 0.5546, 0.5576, 0.75, 1.0]
    """
    step = float(step)
    if not 0 < step <= 1:
        raise ValueError(f"step must be a share in (0, 1], got {step}")
    if critical is None:
        critical = critical_suppression(loyalty=loyalty)
    count = int(round(1 / step))
    grid = np.round(np.linspace(0.0, 1.0, count + 1), 10) if abs(count * step - 1) < 1e-9 \
        else np.append(np.arange(0.0, 1.0, step), 1.0)
    extra = [c for c in (critical - 0.002, critical + 0.001) if 0 <= c <= 1]
    return np.unique(np.concatenate([grid, extra]))


def steady_state_frame(suppressions, *, answer_rate=0.0, loyalty=0):
    """Where the model settles on the complete graph (mean field), for each suppression.

    Parameters
    ----------
    suppressions : array_like of float
        Shares of complaints removed, each in [0, 1].
    answer_rate : float
        Share of standing complaints answered, in [0, 1].
    loyalty : int
        Removed complaints a consumer puts up with before falling silent (0 or more).

    Returns
    -------
    pandas.DataFrame
        One row per suppression: ``suppression``, ``answer_rate``, ``loyalty``,
        ``negative_talk``, ``external``, ``company``, ``resolved``, ``heard``,
        ``silenced`` (shares of all consumers), from
        :func:`course_lib.platforms.platform_steady_state`.

    Raises
    ------
    ValueError
        If a suppression is outside [0, 1] (or another parameter is out of range).

    Examples
    --------
    >>> steady_state_frame([0.0, 0.3, 0.7])[["suppression", "negative_talk", "external"]].round(3)
       suppression  negative_talk  external
    0          0.0          0.134     0.020
    1          0.3          0.112     0.032
    2          0.7          0.318     0.283
    """
    rows = []
    for s in _levels(suppressions, "suppressions").tolist():
        state = platform_steady_state(s, answer_rate=answer_rate, loyalty=loyalty)
        rows.append({"suppression": s, "answer_rate": state.answer_rate, "loyalty": state.loyalty,
                     **{m: getattr(state, m) for m in (*_MEASURES, "heard", "silenced")}})
    return pd.DataFrame(rows)


def policy_trajectories_frame(G_or_n, policies, *, seed=None, steps=40):
    """Run the two-platform model once per moderation policy, on the same population.

    Every policy gets the same seed, so the same consumers have grievances, the same
    pioneers are outside and everyone keeps their threshold: only the policy differs.

    Parameters
    ----------
    G_or_n : int or networkx.Graph
        The consumer network, or a number of consumers for the complete graph.
    policies : dict
        Label -> dict with ``suppression`` and optionally ``answer_rate`` and ``loyalty``.
    seed : None, int or numpy.random.Generator
        Random seed; the same seed gives the same table.
    steps : int
        Steps per run (at least 1).

    Returns
    -------
    pandas.DataFrame
        One row per policy, step and measure: ``policy``, ``step``, ``measure``
        (``negative_talk``, ``external``, ``company``, ``resolved``) and ``value``
        (negative talk as defined in :mod:`course_lib.platforms.model`; the others as
        shares of all consumers, ``resolved`` cumulative).

    Raises
    ------
    ValueError
        If a policy is malformed or a parameter out of range.

    Examples
    --------
    >>> table = policy_trajectories_frame(500, {"open": {"suppression": 0.0}}, seed=1, steps=5)
    >>> table[(table.step == 5) & (table.measure == "external")].value.item()
    0.02
    """
    steps = check_integer(steps, "steps", minimum=1)
    seed = _seeds(seed, 1)[0]
    parts = []
    for label, policy in policies.items():
        policy = _policy(policy, f"policies[{label!r}]")
        run = simulate_platforms(G_or_n, policy["suppression"], seed=seed, steps=steps,
                                 answer_rate=policy["answer_rate"], loyalty=policy["loyalty"])
        for measure in _MEASURES:
            values = getattr(run, measure).astype(float)
            if measure != "negative_talk":
                values = values / run.n
            parts.append(pd.DataFrame({"policy": label, "step": np.arange(run.steps + 1),
                                       "measure": measure, "value": values}))
    return pd.concat(parts, ignore_index=True)


def exit_sweep_frame(G_or_n, suppressions, *, runs=5, seed=None, network="complete graph", steps=60,
                     answer_rate=0.0, loyalty=0):
    """Simulated exit cascade at each suppression, over several random seeds.

    Parameters
    ----------
    G_or_n : int or networkx.Graph
        The consumer network, or a number of consumers for the complete graph.
    suppressions : array_like of float
        Shares of complaints removed, each in [0, 1].
    runs : int
        Random seeds per suppression (at least 1).
    seed : None, int or numpy.random.Generator
        Random seed; the same seed gives the same table.
    network : str
        Label written in the ``network`` column.
    steps : int
        Steps per run, enough for the cascade to stop.
    answer_rate : float
        Share of standing complaints answered, in [0, 1].
    loyalty : int
        Removed complaints a consumer puts up with (0 or more).

    Returns
    -------
    pandas.DataFrame
        One row per suppression and run: ``network``, ``suppression``, ``run``,
        ``external`` (share on the external platform at the end), ``negative_talk`` and
        ``resolved`` (share) at the end.

    Raises
    ------
    ValueError
        If a parameter is out of range.

    Examples
    --------
    >>> table = exit_sweep_frame(1000, [0.0, 0.9], runs=2, seed=3)
    >>> table.groupby("suppression").external.mean().round(2).tolist()
    [0.02, 0.36]
    """
    runs = check_integer(runs, "runs", minimum=1)
    levels = _levels(suppressions, "suppressions")
    seeds = _seeds(seed, runs)
    rows = []
    for s in levels.tolist():
        for run_index, run_seed in enumerate(seeds):
            run = simulate_platforms(G_or_n, s, seed=run_seed, steps=steps, answer_rate=answer_rate,
                                     loyalty=loyalty)
            end = run.final
            rows.append({"network": network, "suppression": s, "run": run_index,
                         "external": end["external_share"], "negative_talk": end["negative_talk"],
                         "resolved": end["resolved"] / run.n})
    return pd.DataFrame(rows)


def levers_theory_frame(levels):
    """Suppressing complaints against answering them, in theory (complete graph).

    Each lever moves alone from 0: ``suppression`` removes a share of complaints and
    answers none; ``answering`` removes none and answers a share of them.

    Parameters
    ----------
    levels : array_like of float
        Lever settings, each in [0, 1].

    Returns
    -------
    pandas.DataFrame
        One row per lever, level and measure: ``lever`` (``"suppression"`` or
        ``"answering"``), ``level``, ``measure`` (``negative_talk``, ``external``,
        ``resolved``) and ``value``, from
        :func:`course_lib.platforms.platform_steady_state`.

    Raises
    ------
    ValueError
        If a level is outside [0, 1].

    Examples
    --------
    >>> table = levers_theory_frame([0.0, 0.8])
    >>> table[(table.level == 0.8) & (table.measure == "negative_talk")].round(3).value.tolist()
    [0.346, 0.043]
    """
    rows = []
    for level in _levels(levels, "levels").tolist():
        for lever, state in (("suppression", platform_steady_state(level)),
                             ("answering", platform_steady_state(0.0, answer_rate=level))):
            for measure in ("negative_talk", "external", "resolved"):
                rows.append({"lever": lever, "level": level, "measure": measure,
                             "value": getattr(state, measure)})
    return pd.DataFrame(rows)


def levers_simulation_frame(levels, *, n=2000, runs=3, seed=None, steps=60):
    """Suppressing complaints against answering them, simulated on the complete graph.

    The same levers as :func:`levers_theory_frame`, run ``runs`` times each.

    Parameters
    ----------
    levels : array_like of float
        Lever settings, each in [0, 1].
    n : int
        Number of consumers (complete graph).
    runs : int
        Random seeds per lever and level.
    seed : None, int or numpy.random.Generator
        Random seed; the same seed gives the same table.
    steps : int
        Steps per run.

    Returns
    -------
    pandas.DataFrame
        One row per lever, level, run and measure: ``lever``, ``level``, ``run``,
        ``measure`` and ``value`` (the run's final value).

    Raises
    ------
    ValueError
        If a parameter is out of range.

    Examples
    --------
    >>> table = levers_simulation_frame([0.0], n=300, runs=1, seed=1)
    >>> sorted(table.lever.unique()), len(table)
    (['answering', 'suppression'], 6)
    """
    runs = check_integer(runs, "runs", minimum=1)
    seeds = _seeds(seed, runs)
    rows = []
    for level in _levels(levels, "levels").tolist():
        for lever, s, a in (("suppression", level, 0.0), ("answering", 0.0, level)):
            for run_index, run_seed in enumerate(seeds):
                end = simulate_platforms(n, s, seed=run_seed, steps=steps, answer_rate=a).final
                values = {"negative_talk": end["negative_talk"], "external": end["external_share"],
                          "resolved": end["resolved"] / n}
                rows += [{"lever": lever, "level": level, "run": run_index, "measure": m, "value": v}
                         for m, v in values.items()]
    return pd.DataFrame(rows)


def roles_comparison_frame(G_or_n, mixes, *, suppression=0.6, answer_rate=0.0, runs=3, seed=None, steps=60):
    """Outcomes of one moderation policy for populations with different mixes of roles.

    Parameters
    ----------
    G_or_n : int or networkx.Graph
        The consumer network, or a number of consumers for the complete graph.
    mixes : dict
        Label -> role mix (role name -> share, shares adding up to 1), as the ``roles``
        of :func:`course_lib.platforms.simulate_platforms`; None for customers only.
    suppression : float
        Share of complaints removed, in [0, 1].
    answer_rate : float
        Share of standing complaints the operator answers, in [0, 1].
    runs : int
        Random seeds per mix (the same seeds for every mix).
    seed : None, int or numpy.random.Generator
        Random seed; the same seed gives the same table.
    steps : int
        Steps per run.

    Returns
    -------
    pandas.DataFrame
        One row per mix and measure: ``mix``, ``measure`` (``negative_talk``,
        ``external``, ``resolved``) and ``value``, the mean of the runs' final values.

    Raises
    ------
    ValueError
        If a parameter or a role mix is out of range.

    Examples
    --------
    >>> mixes = {"customers": None, "a fifth counsellors": {"customer": 0.8, "counsellor": 0.2}}
    >>> table = roles_comparison_frame(400, mixes, runs=1, seed=2)
    >>> resolved = table[table.measure == "resolved"].set_index("mix").value
    >>> bool(resolved["a fifth counsellors"] > resolved["customers"])
    True
    """
    runs = check_integer(runs, "runs", minimum=1)
    seeds = _seeds(seed, runs)
    rows = []
    for label, mix in mixes.items():
        ends = [simulate_platforms(G_or_n, suppression, seed=s, steps=steps, answer_rate=answer_rate,
                                   roles=mix) for s in seeds]
        values = {
            "negative_talk": np.mean([r.final["negative_talk"] for r in ends]),
            "external": np.mean([r.final["external_share"] for r in ends]),
            "resolved": np.mean([r.final["resolved"] / r.n for r in ends]),
        }
        rows += [{"mix": label, "measure": m, "value": float(v)} for m, v in values.items()]
    return pd.DataFrame(rows)
