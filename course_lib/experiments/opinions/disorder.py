"""Tables for lesson 05, fixed resisters: a market with a fixed share of empowered
resisters (quenched) against everyone resisting some of the time (annealed), and a
campaign hitting it.

:func:`market_shares`, :func:`disorder_theory_frame`, :func:`disorder_simulation_frame`,
:func:`mixed_campaign_frame`, :func:`mixed_campaign_simulation_frame`.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ... import voter
from ..._validation import as_rng, check_probability

__all__ = [
    "market_shares",
    "disorder_theory_frame",
    "disorder_simulation_frame",
    "mixed_campaign_frame",
    "mixed_campaign_simulation_frame",
]


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
