"""Tables for lesson 05: the q-voter model with independence or anticonformity, its
mean-field theory and hysteresis, and a campaign run as a broadcast (a field) or by
brand ambassadors (zealots).

:func:`qvoter_theory_frame`, :func:`qvoter_simulation_frame`, :func:`hysteresis_frame`,
:func:`mean_field_settles`, :func:`mean_field_path`, :func:`campaign_frame`,
:func:`campaign_simulation_frame`, :func:`campaign_verdict`.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ... import voter
from ..._validation import as_rng, check_probability

__all__ = [
    "qvoter_theory_frame",
    "qvoter_simulation_frame",
    "hysteresis_frame",
    "campaign_verdict",
    "mean_field_settles",
    "mean_field_path",
    "campaign_frame",
    "campaign_simulation_frame",
]


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
