"""Explorers for lesson 07: Bass diffusion, direct (``p``) against indirect (``q``) influence.

The closed form is instant; the simulations are small (1,000 consumers, a few runs) and
cached on the rounded slider values, and the four networks are built once. The tables
come from :mod:`course_lib.experiments.diffusion`, the charts from
:mod:`course_lib.viz.diffusion`.
"""
from __future__ import annotations

import functools
import math

import altair as alt

from .. import diffusion
from .._validation import as_seed_int
from ..experiments.diffusion import NETWORK_KINDS, bass_frame, bass_summary, diffusion_networks
from ..networks import compile_network
from ..viz import diffusion as charts
from .declare import Choice, ExplorerDeclaration, Range

__all__ = ["bass_declaration", "bass_explorer"]


@functools.lru_cache(maxsize=8)
def _networks(n, mean_degree, seed):
    # compiled once: a slider move then skips turning the graph into arrays
    return {name: G if isinstance(G, int) else compile_network(G, allow_directed=False)
            for name, G in diffusion_networks(n, mean_degree, seed=seed).items()}


@functools.lru_cache(maxsize=4096)
def _cached_bass(network, p, q, steps, n, mean_degree, runs, seed):
    G = _networks(n, mean_degree, seed)[network]
    sims = bass_frame(p, q, steps, {network: G}, runs=runs, seed=seed)
    return sims, bass_summary(sims).iloc[0]


@functools.lru_cache(maxsize=4096)
def _cached_theory(p, q):
    """The peak time and the time half the market has adopted, in closed form."""
    # F(t) = 1/2  <=>  exp(-(p + q) t) = p / (2 p + q)
    return diffusion.bass_peak_time(p, q), math.log((2 * p + q) / p) / (p + q)


def bass_declaration(p=0.005, q=0.2, network="complete", *, n=1000, mean_degree=4, runs=2, steps=60,
                     seed=None):
    """The Bass explorer declared once, for the lesson's widgets and the website.

    Sliders: ``p`` (innovation: the company's direct influence, 0.002 to 0.05) and
    ``q`` (imitation: word of mouth, the indirect influence, 0 to 0.6); a choice of
    network. The website's grid steps ``p`` by 0.008 and ``q`` by 0.1 (each setting holds
    its simulated points, so a finer grid would make a heavy page).

    Parameters
    ----------
    p : float
        Starting coefficient of innovation, in [0.002, 0.05].
    q : float
        Starting coefficient of imitation, in [0, 0.6].
    network : str
        Starting network: one of ``"complete"``, ``"random"``, ``"clustered"``,
        ``"scale-free"`` (:func:`course_lib.experiments.diffusion.diffusion_networks`).
    n : int
        Consumers in each network.
    mean_degree : int
        Mean number of contacts in the sparse networks (even).
    runs : int
        Simulations averaged at each setting.
    steps : int
        Steps simulated.
    seed : None, int or numpy.random.Generator
        Random seed for the networks and the runs; the same seed gives the same runs at
        a setting.

    Returns
    -------
    ExplorerDeclaration
        Controls ``p``, ``q`` and ``network`` over
        :func:`course_lib.viz.diffusion.bass_chart`.

    Raises
    ------
    ValueError
        If ``network`` is not one of the four.

    Examples
    --------
    >>> from course_lib.explore.declare import MAX_SITE_CELLS
    >>> declaration = bass_declaration(seed=1)
    >>> len(declaration.site_cells()) <= MAX_SITE_CELLS, declaration.coarser_on_site()
    (True, ['p (direct influence)', 'q (word of mouth)'])
    """
    if network not in NETWORK_KINDS:
        raise ValueError(f"network must be one of {', '.join(NETWORK_KINDS)}, got {network!r}")
    seed = as_seed_int(seed)

    def render(p, q, network):
        p, q = round(float(p), 3), round(float(q), 2)
        sims, summary = _cached_bass(network, p, q, steps, n, mean_degree, runs, seed)
        peak, closed_half = _cached_theory(p, q)
        closed = f"{closed_half:.1f}" if closed_half <= steps else f"after {steps}"
        half = f"step {summary.half_step}" if summary.half_step >= 0 else f"not within {steps} steps"
        peak_text = f"the rate peaks at t = {peak:.1f}" if peak > 0 else "fastest at launch (q ≤ p)"
        title = alt.Title(
            f"p = {p:g}, q = {q:g} on the {network} network: half adopted at {half}",
            subtitle=f"Closed form: half adopted at t = {closed}, {peak_text}. Largest gap to the "
                     f"closed form: {summary.gap:.2f}",
        )
        return charts.bass_chart(sims, peak_time=peak, title=title)

    controls = (
        Range("p", "p (direct influence)", 0.002, 0.05, 0.001, float(p), ".3f", site_step=0.008),
        Range("q", "q (word of mouth)", 0.0, 0.6, 0.01, float(q), ".2f", site_step=0.1),
        Choice("network", "network", tuple((name, name) for name in NETWORK_KINDS), network),
    )
    note = (f"<i>{n:,} consumers, mean of {runs} runs; the sparse networks give everyone "
            f"{mean_degree} contacts on average. Black line: closed form; grey dashed: the "
            "step-by-step recursion.</i>")
    return ExplorerDeclaration("bass", controls, render, note=note)


def bass_explorer(p=0.005, q=0.2, network="complete", *, n=1000, mean_degree=4, runs=2, steps=60, seed=None):
    """Bass diffusion with sliders for ``p`` (direct influence) and ``q`` (word of mouth):
    the closed-form curve over simulations on the chosen network, with the peak marked.

    Parameters
    ----------
    p : float
        Starting coefficient of innovation, in [0.002, 0.05].
    q : float
        Starting coefficient of imitation, in [0, 0.6].
    network : str
        Starting network: ``"complete"``, ``"random"``, ``"clustered"`` or ``"scale-free"``.
    n : int
        Consumers in each network.
    mean_degree : int
        Mean number of contacts in the sparse networks (even).
    runs : int
        Simulations averaged at each setting.
    steps : int
        Steps simulated.
    seed : None, int or numpy.random.Generator
        Random seed; the same seed gives the same runs at a setting.

    Returns
    -------
    Explorer
        Built from :func:`bass_declaration` (the website shows the same chart).

    Examples
    --------
    >>> ex = bass_explorer(seed=1)
    >>> chart = ex.update(q=0.4, network="clustered")
    >>> ex.values["network"], chart.title.text.startswith("p = 0.005, q = 0.4 on the clustered")
    ('clustered', True)
    """
    return bass_declaration(p, q, network, n=n, mean_degree=mean_degree, runs=runs, steps=steps,
                            seed=seed).explorer()
