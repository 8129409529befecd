"""Explorers for the opinion lessons (04 to 06).

- Lesson 04: empower one person two ways: :func:`empowerment_explorer`.
- Lesson 05: does a campaign work, fizzle or backfire: :func:`campaign_explorer`; in a
  market with fixed empowered resisters: :func:`mixed_market_explorer`.
- Lesson 06: expressed versus private opinions: :func:`expressed_private_explorer`.

The sliders drive the tables of :mod:`course_lib.experiments.opinions`; charts come
from :mod:`course_lib.viz.opinions`.
"""
from __future__ import annotations

import functools

import altair as alt
import numpy as np
import pandas as pd

from .. import opinions, voter
from .._deprecation import seed_by_keyword
from .._validation import as_rng, as_seed_int
from ..experiments.opinions import (
    _names,
    _simulate_campaign,
    campaign_verdict,
    empowerment_frame,
    example_network,
    expressed_private_frame,
    mean_field_path,
    mean_field_settles,
    mixed_campaign_frame,
    mixed_campaign_simulation_frame,
    spread_frame,
)
from ..viz import opinions as charts
from .declare import Choice, ExplorerDeclaration, Range

__all__ = [
    "empowerment_declaration",
    "empowerment_explorer",
    "campaign_declaration",
    "campaign_explorer",
    "mixed_market_declaration",
    "mixed_market_explorer",
    "expressed_private_declaration",
    "expressed_private_explorer",
]


def _setup(G, self_weight, agent):
    """The example network (or ``G``), names, influence weights, ratings and the
    highlighted person, shared by the lesson 04 and 06 explorers."""
    G = example_network() if G is None else G
    names = _names(G)
    W = opinions.influence_weights(G, self_weight=self_weight)
    x0 = [G.nodes[i].get("rating", 0.5) for i in G]
    return G, names, W, x0, names[agent]


# =========================================================================== lesson 04
def empowerment_declaration(G=None, agent=10, susceptibility=0.8, self_weight=0.2, own=0.8, voice=1.0):
    """The lesson 04 explorer, declared once for JupyterLab and the website.

    Parameters
    ----------
    G : networkx.Graph, optional
        The network (default :func:`course_lib.experiments.opinions.example_network`);
        node attributes ``name`` and ``rating`` (default 0.5) are used.
    agent : int, optional
        Index of the empowered person.
    susceptibility : float, optional
        Everybody else's susceptibility, in [0, 1].
    self_weight : float, optional
        Weight each person gives their own opinion
        (:func:`course_lib.opinions.influence_weights`).
    own : float, optional
        Starting susceptibility of the empowered person, in [0, 1].
    voice : float, optional
        Starting factor by which others listen to them more (0.25 to 4).

    Returns
    -------
    ExplorerDeclaration
        Controls ``own`` (0 to 1 by 0.05; 0.1 on the website) and ``voice`` (0.25 to 4
        by 0.25; 0.5 on the website) over :func:`course_lib.viz.opinions.empowerment_chart`.

    Examples
    --------
    >>> declaration = empowerment_declaration()
    >>> len(declaration.site_cells())
    99
    """
    G, names, W, x0, who = _setup(G, self_weight, agent)

    @functools.lru_cache(maxsize=1024)
    def compute(own, voice):
        return empowerment_frame(W, x0, susceptibility, agent, new_susceptibility=own, voice=voice, names=names)

    def render(own, voice):
        own, voice = round(float(own), 2), round(float(voice), 2)
        frame = compute(own, voice)
        row = frame.iloc[agent]
        title = alt.Title(
            f"{who}: swayed {frame.attrs['swayed']:.0%}, sways {row.centrality:.1%} of everyone's view",
            subtitle=(f"Before: swayed {frame.attrs['baseline_swayed']:.0%}, sways "
                      f"{row.baseline_centrality:.1%}. Susceptibility {own:g}, voice ×{voice:g}"),
        )
        return charts.empowerment_chart(frame, title=title, tooltips=False)

    controls = (
        Range("own", f"{who}'s susceptibility", 0.0, 1.0, 0.05, float(own), ".2f", site_step=0.1,
              continuous=True),
        Range("voice", f"others listen to {who} ×", 0.25, 4.0, 0.25, float(voice), ".2f", site_step=0.5,
              continuous=True),
    )
    note = (f"<i>Everybody else keeps susceptibility {susceptibility:g}. "
            f"<b>Swayed</b>: share of {who}'s final opinion that comes from other people's initial "
            f"opinions. <b>Sways</b>: {who}'s influence centrality, her share in everybody's final opinion.</i>")
    return ExplorerDeclaration("empowerment", controls, render, note=note)


def empowerment_explorer(G=None, agent=10, susceptibility=0.8, self_weight=0.2, own=0.8, voice=1.0):
    """Empower one person two ways and see how much they are swayed and how much they sway.

    Sliders: the person's own susceptibility and the factor by which others amplify
    their voice. Left: each person's initial rating and Friedkin–Johnsen equilibrium
    (everyone else keeps ``susceptibility``). Right: influence centrality, with the
    values before empowerment as ticks. Closed form, so every move is instant.

    Parameters
    ----------
    G : networkx.Graph, optional
        The network (default :func:`course_lib.experiments.opinions.example_network`);
        node attributes ``name`` and ``rating`` (default 0.5) are used.
    agent : int, optional
        Index of the empowered person.
    susceptibility : float, optional
        Everybody else's susceptibility, in [0, 1].
    self_weight : float, optional
        Weight each person gives their own opinion
        (:func:`course_lib.opinions.influence_weights`).
    own : float, optional
        Starting susceptibility of the empowered person, in [0, 1].
    voice : float, optional
        Starting factor by which others listen to them more (0.25 to 4).

    Returns
    -------
    Explorer
        Sliders ``own`` and ``voice`` over
        :func:`course_lib.viz.opinions.empowerment_chart`, built from
        :func:`empowerment_declaration` (the website shows the same chart).

    Examples
    --------
    >>> ex = empowerment_explorer()
    >>> chart = ex.update(own=0.2)
    >>> ex.values["own"]
    0.2
    """
    return empowerment_declaration(G, agent, susceptibility, self_weight, own, voice).explorer()


# =========================================================================== lesson 05
_STRENGTHS = np.round(np.arange(0.0, 0.3001, 0.01), 2)


@functools.lru_cache(maxsize=512)
def _cached_campaign_run(n, q, p, variant, kind, strength, start, sweeps, seed):
    share = _simulate_campaign(n, q, p, variant, kind, strength, start, sweeps, as_rng(seed))
    share.setflags(write=False)
    return share


@functools.lru_cache(maxsize=512)
def _cached_campaign_theory(q, p, variant, kind, start, sweeps, strength):
    path = mean_field_path(q, p, variant, kind=kind, strength=strength, start=start, sweeps=sweeps)
    path.setflags(write=False)
    return path, mean_field_settles(q, p, variant, kind=kind, strength=strength, start=start)


_KINDS = {"field": "broadcast", "zealots": "ambassadors"}


def _kept_points(path, tolerance=0.001):
    """Which points of a trajectory a line needs: the others lie within ``tolerance``
    (a third of a pixel on the campaign chart) of the line through their neighbours
    (Ramer-Douglas-Peucker, in the share's units). The first and last are always kept."""
    path = np.asarray(path, dtype=float)
    keep = np.zeros(len(path), dtype=bool)
    keep[[0, -1]] = True
    spans = [(0, len(path) - 1)]
    while spans:
        a, b = spans.pop()
        if b - a < 2:
            continue
        inner = np.arange(a + 1, b)
        off = np.abs(path[inner] - (path[a] + (inner - a) / (b - a) * (path[b] - path[a])))
        i = int(np.argmax(off))
        if off[i] > tolerance:
            keep[inner[i]] = True
            spans += [(a, inner[i]), (inner[i], b)]
    return keep


def campaign_declaration(p=0.6, q=4, variant="anticonformity", strength=0.1, kind="field",
                         n=2000, start=0.3, sweeps=100, *, seed=None):
    """The lesson 05 campaign explorer, declared once for JupyterLab and the website.

    Parameters
    ----------
    p : float, optional
        Starting nonconformity, in [0, 1] (by 0.01; 0.15 on the website).
    q : int, optional
        Starting panel size, 1 to 8 (by 1; 3 on the website).
    variant : {"independence", "anticonformity"}, optional
        Starting kind of nonconformity.
    strength : float, optional
        Starting campaign strength, 0 to 0.3 (by 0.01; 0.1 on the website).
    kind : {"field", "zealots"}, optional
        Starting kind of campaign: a broadcast or brand ambassadors.
    n : int, optional
        Number of agents in the simulation (complete graph).
    start : float, optional
        Share of ordinary consumers up at the start (the challenger's market share).
    sweeps : int, optional
        Length of the runs, in sweeps.
    seed : None, int or numpy.random.Generator, optional
        Random seed; the same seed gives the same runs.

    Returns
    -------
    ExplorerDeclaration
        Controls ``p``, ``q``, ``variant``, ``kind`` and ``strength`` over
        :func:`course_lib.viz.opinions.campaign_trajectory_chart`. The simulation is
        drawn every 4 sweeps, and the theory lines through the points they need (the
        others lie within a third of a pixel of them); the website keeps the runs
        without a campaign once for every strength.

    Examples
    --------
    >>> declaration = campaign_declaration(seed=5)
    >>> len(declaration.site_cells())
    336
    >>> declaration.coarser_on_site()
    ['nonconformity p', 'panel size q', 'campaign strength']
    """
    seed = as_seed_int(seed)

    def render(p, q, variant, kind, strength):
        p, strength, q = round(float(p), 2), round(float(strength), 2), int(q)
        if kind == "zealots":
            strength = min(strength, 0.99)
        without = _cached_campaign_run(n, q, p, variant, kind, 0.0, start, sweeps, seed)
        with_c = _cached_campaign_run(n, q, p, variant, kind, strength, start, sweeps, seed)
        path0, settle0 = _cached_campaign_theory(q, p, variant, kind, start, sweeps, 0.0)
        path1, settle1 = _cached_campaign_theory(q, p, variant, kind, start, sweeps, strength)
        label = f"{_KINDS[kind]} {strength:g}"
        sweep = np.arange(sweeps + 1)
        dots = sweep % 4 == 0
        simulated = pd.concat([
            pd.DataFrame({"sweep": sweep[dots], "share": without[dots], "scenario": "no campaign"}),
            pd.DataFrame({"sweep": sweep[dots], "share": with_c[dots], "scenario": "campaign"}),
        ], ignore_index=True)
        keep0, keep1 = _kept_points(path0), _kept_points(path1)
        theory = pd.concat([
            pd.DataFrame({"sweep": sweep[keep0], "share": path0[keep0], "scenario": "no campaign"}),
            pd.DataFrame({"sweep": sweep[keep1], "share": path1[keep1], "scenario": "campaign"}),
        ], ignore_index=True)
        verdict = campaign_verdict(settle0, settle1)
        strongest = _cached_campaign_theory(q, p, variant, kind, start, 1, _STRENGTHS[-1])[1]
        title = alt.Title(
            f"{variant.capitalize()} p = {p:g}, q = {q}: the campaign {verdict}",
            subtitle=[
                f"Theory: {settle1:.0%} end up buying with the campaign ({label}), {settle0:.0%} without",
                f"(start {start:.0%}); with the strongest {_KINDS[kind]} ({_STRENGTHS[-1]:g}): {strongest:.0%}",
            ],
        )
        return charts.campaign_trajectory_chart(simulated, theory, title=title)

    controls = (
        Range("p", "nonconformity p", 0.0, 1.0, 0.01, float(p), ".2f", site_step=0.15),
        Range("q", "panel size q", 1, 8, 1, int(q), "d", site_step=3),
        Choice("variant", "resist by", tuple((v, v) for v in voter.VARIANTS), variant),
        Choice("kind", "campaign", (("broadcast (field)", "field"), ("ambassadors (zealots)", "zealots")), kind),
        Range("strength", "campaign strength", 0.0, 0.3, 0.01, float(strength), ".2f", site_step=0.1),
    )
    return ExplorerDeclaration("campaign", controls, render)


@seed_by_keyword
def campaign_explorer(p=0.6, q=4, variant="anticonformity", strength=0.1, kind="field",
                      n=2000, start=0.3, sweeps=100, *, seed=None):
    """A challenger brand (``start`` of the market) runs a campaign: does it work,
    fizzle or backfire?

    Sliders: nonconformity ``p``, panel size ``q``, the kind of nonconformity, the
    kind of campaign (a broadcast field, or brand ambassadors who are zealots) and its
    strength. The chart: the share of ordinary consumers up in one exact simulation of
    ``n`` agents, with and without the campaign (dots, every 4 sweeps), and the
    mean-field trajectory (lines); the title says where theory lets the market settle,
    with this campaign, without one and with the strongest one on the slider.

    Results are cached on (p rounded to 0.01, q, variant, kind, strength rounded to
    0.01); the same ``seed`` is used at every setting (default: fresh entropy, drawn
    once; the lesson passes ``seed=5``).

    Parameters
    ----------
    p : float, optional
        Starting nonconformity, in [0, 1].
    q : int, optional
        Starting panel size, 1 to 8.
    variant : {"independence", "anticonformity"}, optional
        Starting kind of nonconformity.
    strength : float, optional
        Starting campaign strength, 0 to 0.3.
    kind : {"field", "zealots"}, optional
        Starting kind of campaign: a broadcast or brand ambassadors.
    n : int, optional
        Number of agents in the simulation (complete graph).
    start : float, optional
        Share of ordinary consumers up at the start (the challenger's market share).
    sweeps : int, optional
        Length of the runs, in sweeps.
    seed : None, int or numpy.random.Generator, optional
        Random seed; the same seed gives the same runs.

    Returns
    -------
    Explorer
        Controls ``p``, ``q``, ``variant``, ``kind`` and ``strength`` over
        :func:`course_lib.viz.opinions.campaign_trajectory_chart`, built from
        :func:`campaign_declaration` (the website shows the same chart).

    Examples
    --------
    >>> ex = campaign_explorer(seed=5)
    >>> chart = ex.update(p=0.2)
    >>> ex.values["p"]
    0.2
    """
    return campaign_declaration(p, q, variant, strength, kind, n, start, sweeps, seed=seed).explorer()


@functools.lru_cache(maxsize=256)
def _cached_mixed(q, empowered, certainty, start, n, sweeps, seed):
    theory = mixed_campaign_frame(q, empowered, [certainty], _STRENGTHS, start=start)
    simulated = mixed_campaign_simulation_frame(n, q, empowered, [certainty], _STRENGTHS[::6], start=start,
                                                sweeps=sweeps, burn_in=sweeps // 3, seed=seed)
    return theory, simulated


def mixed_market_declaration(empowered=0.6, certainty=0.5, q=4, start=0.3, n=1000, sweeps=150, *, seed=None):
    """The lesson 05 mixed-market explorer, declared once for JupyterLab and the website.

    Parameters
    ----------
    empowered : float, optional
        Starting share of empowered consumers, in [0, 1] (by 0.05; 0.1 on the website).
    certainty : float, optional
        Starting fraction of them certain of their attitude, in [0, 1] (by 0.05; 0.25 on
        the website).
    q : int, optional
        Starting panel size, 1 to 8 (by 1; 3 on the website).
    start : float, optional
        Share buying at the start (the challenger's market share).
    n : int, optional
        Number of agents in each simulation (complete graph).
    sweeps : int, optional
        Length of each simulation, in sweeps; the last two thirds are averaged.
    seed : None, int or numpy.random.Generator, optional
        Random seed; the same seed gives the same runs.

    Returns
    -------
    ExplorerDeclaration
        Controls ``empowered``, ``certainty`` and ``q`` over
        :func:`course_lib.viz.opinions.mixed_campaign_chart`, one line per panel,
        without a legend (the title names the market).

    Examples
    --------
    >>> declaration = mixed_market_declaration(seed=13)
    >>> len(declaration.site_cells())
    165
    >>> declaration.coarser_on_site()
    ['empowered share', 'of them certain', 'panel size q']
    """
    seed = as_seed_int(seed)

    def render(empowered, certainty, q):
        empowered, certainty, q = round(float(empowered), 2), round(float(certainty), 2), int(q)
        theory, simulated = _cached_mixed(q, empowered, certainty, start, n, sweeps, seed)
        ends = theory.groupby("where").share.agg(["first", "last"])
        # rounded, so that a split market reached from below (0.4999999) is not "flipped"
        verdict = {where: campaign_verdict(round(row["first"], 6), round(row["last"], 6))
                   for where, row in ends.iterrows()}
        title = alt.Title(
            f"{empowered:.0%} empowered, {certainty:.0%} of them certain: in public the campaign "
            f"{verdict['in public']}",
            subtitle=[f"In private it {verdict['in private']}; strength up to {_STRENGTHS[-1]:g}, "
                      f"the brand starts at {start:.0%}. Lines: theory; dots: {n:,} simulated consumers"],
        )
        return charts.mixed_campaign_chart(simulated, theory, title=title, legend=False)

    controls = (
        Range("empowered", "empowered share", 0.0, 1.0, 0.05, float(empowered), ".2f", site_step=0.1),
        Range("certainty", "of them certain", 0.0, 1.0, 0.05, float(certainty), ".2f", site_step=0.25),
        Range("q", "panel size q", 1, 8, 1, int(q), "d", site_step=3),
    )
    return ExplorerDeclaration("mixed_market", controls, render)


@seed_by_keyword
def mixed_market_explorer(empowered=0.6, certainty=0.5, q=4, start=0.3, n=1000, sweeps=150, *, seed=None):
    """A campaign hits a market where a fixed share of consumers are empowered resisters.

    Sliders: the share of empowered consumers, the fraction of them certain of their
    attitude (certain: independents; uncertain: anticonformists where opinions are
    public, conformists in private; :func:`course_lib.experiments.opinions.market_shares`)
    and the panel size. The chart: the long-run share who buy against campaign strength,
    in public and in private, mean-field lines over simulated dots
    (:func:`course_lib.viz.opinions.mixed_campaign_chart`); the title gives the verdict
    of the strongest campaign in each place.

    Results are cached on (q, empowered and certainty rounded to 0.01); the same
    ``seed`` is used at every setting (default: fresh entropy, drawn once).

    Parameters
    ----------
    empowered : float, optional
        Starting share of empowered consumers, in [0, 1].
    certainty : float, optional
        Starting fraction of them certain of their attitude, in [0, 1].
    q : int, optional
        Starting panel size, 1 to 8.
    start : float, optional
        Share buying at the start (the challenger's market share).
    n : int, optional
        Number of agents in each simulation (complete graph).
    sweeps : int, optional
        Length of each simulation, in sweeps; the last two thirds are averaged.
    seed : None, int or numpy.random.Generator, optional
        Random seed; the same seed gives the same runs.

    Returns
    -------
    Explorer
        Controls ``empowered``, ``certainty`` and ``q`` over
        :func:`course_lib.viz.opinions.mixed_campaign_chart`, built from
        :func:`mixed_market_declaration` (the website shows the same chart).

    Examples
    --------
    >>> ex = mixed_market_explorer(seed=5)
    >>> chart = ex.update(certainty=0.0)
    >>> chart.to_dict()["title"]["text"]
    '60% empowered, 0% of them certain: in public the campaign backfires'
    """
    return mixed_market_declaration(empowered, certainty, q, start, n, sweeps, seed=seed).explorer()


# =========================================================================== lesson 06
def expressed_private_declaration(G=None, agent=10, resilience=0.3, stubbornness=0.3, pressure="local",
                                  self_weight=0.2, steps=30):
    """The lesson 06 explorer, declared once for JupyterLab and the website.

    Parameters
    ----------
    G : networkx.Graph, optional
        The network (default :func:`course_lib.experiments.opinions.example_network`);
        node attributes ``name`` and ``rating`` (default 0.5) are used.
    agent : int, optional
        Index of the person drawn in colour.
    resilience : float, optional
        Starting resilience of everybody, 0.05 to 1.
    stubbornness : float, optional
        Starting stubbornness of everybody, 0.05 to 1.
    pressure : {"local", "global"}, optional
        Starting kind of public opinion: one's contacts' or everyone's.
    self_weight : float, optional
        Weight each person gives their own opinion
        (:func:`course_lib.opinions.influence_weights`).
    steps : int, optional
        Updates shown.

    Returns
    -------
    ExplorerDeclaration
        Controls ``resilience`` and ``stubbornness`` (0.05 to 1 by 0.05; 0.25 on the
        website) and ``pressure`` over :func:`course_lib.viz.opinions.expressed_private_chart`.

    Examples
    --------
    >>> declaration = expressed_private_declaration()
    >>> len(declaration.site_cells())
    32
    """
    G, names, W, x0, who = _setup(G, self_weight, agent)

    @functools.lru_cache(maxsize=1024)
    def compute(resilience, stubbornness, pressure):
        run = opinions.expressed_private(W, x0, 1.0 - stubbornness, resilience, steps, pressure=pressure)
        x, xhat = opinions.expressed_private_equilibrium(W, x0, 1.0 - stubbornness, resilience, pressure=pressure)
        return run, x, xhat

    def render(resilience, stubbornness, pressure):
        resilience, stubbornness = round(float(resilience), 2), round(float(stubbornness), 2)
        run, x, xhat = compute(resilience, stubbornness, pressure)
        title = alt.Title(
            f"At rest they think within {opinions.opinion_spread(x):.2f} of each other "
            f"but say within {opinions.opinion_spread(xhat):.2f}",
            subtitle=(f"{who} thinks {x[agent]:.2f} and says {xhat[agent]:.2f}. "
                      f"Resilience {resilience:g}, stubbornness {stubbornness:g}, {pressure} pressure"),
        )
        return charts.expressed_private_chart(expressed_private_frame(run, names), spread_frame(run),
                                              highlight=who, title=title, tooltips=False)

    controls = (
        Range("resilience", "resilience φ", 0.05, 1.0, 0.05, float(resilience), ".2f", site_step=0.25,
              continuous=True),
        Range("stubbornness", "stubbornness", 0.05, 1.0, 0.05, float(stubbornness), ".2f", site_step=0.25,
              continuous=True),
        Choice("pressure", "conform to", (("my contacts (local)", "local"), ("everyone (global)", "global")),
               pressure),
    )
    note = ("<i><b>Resilience</b>: how much of what a person says is what they privately think (1 = always "
            "says it, 0 = echoes the public opinion). <b>Stubbornness</b>: how much of their private view "
            "stays anchored to where it started (1 − susceptibility).</i>")
    return ExplorerDeclaration("expressed_private", controls, render, note=note)


def expressed_private_explorer(G=None, agent=10, resilience=0.3, stubbornness=0.3, pressure="local",
                               self_weight=0.2, steps=30):
    """What people think and what they say: sliders for everybody's resilience (how much
    of what they say is what they think) and stubbornness (1 - susceptibility: how
    anchored their private view is to where it started), and the kind of public
    opinion they conform to.

    Left: private and expressed opinions over ``steps`` updates (``agent`` in colour).
    Right: the spread of each over time. Closed-form equilibria in the title.

    Parameters
    ----------
    G : networkx.Graph, optional
        The network (default :func:`course_lib.experiments.opinions.example_network`);
        node attributes ``name`` and ``rating`` (default 0.5) are used.
    agent : int, optional
        Index of the person drawn in colour.
    resilience : float, optional
        Starting resilience of everybody, 0.05 to 1.
    stubbornness : float, optional
        Starting stubbornness of everybody, 0.05 to 1.
    pressure : {"local", "global"}, optional
        Starting kind of public opinion: one's contacts' or everyone's.
    self_weight : float, optional
        Weight each person gives their own opinion
        (:func:`course_lib.opinions.influence_weights`).
    steps : int, optional
        Updates shown.

    Returns
    -------
    Explorer
        Controls ``resilience``, ``stubbornness`` and ``pressure`` over
        :func:`course_lib.viz.opinions.expressed_private_chart`, built from
        :func:`expressed_private_declaration` (the website shows the same chart).

    Examples
    --------
    >>> ex = expressed_private_explorer()
    >>> chart = ex.update(resilience=0.9)
    >>> ex.values["resilience"]
    0.9
    """
    return expressed_private_declaration(G, agent, resilience, stubbornness, pressure, self_weight, steps).explorer()
