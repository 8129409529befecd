"""Explorers for lessons 01 (consumer networks and influentials) and 03 (seeding a
word-of-mouth campaign).

The explorers wire sliders to the tables of :mod:`course_lib.experiments.influence`
and the charts of :mod:`course_lib.viz.influence`, with the
:class:`course_lib.explore.Explorer` of the other lessons (one ``altair.JupyterChart``
whose chart is replaced on every move, and ``update(**values)`` for tests). Expensive
runs are cached on rounded slider values.
"""
from __future__ import annotations

import functools

import altair as alt
import numpy as np

from .. import cascades, networks, seeding
from .._deprecation import renamed_keywords, seed_by_keyword
from .._validation import as_rng, as_seed_int, check_integer
from ..experiments.influence import (
    NETWORK_TYPES,
    SEEDING_NETWORKS,
    _curves_on_worlds,
    _rankings,
    consumer_network,
    degree_frame,
    measure_overlap_frame,
    seeding_network,
    summary_frame,
)
from ..viz import influence as charts
from .declare import Choice, ExplorerDeclaration, Range

__all__ = ["seeding_declaration", "seeding_explorer", "networks_declaration", "networks_explorer"]


# =========================================================================== lesson 03
@functools.lru_cache(maxsize=16)
def _cached_seeding_network(kind, n, seed):
    return networks.compile_network(seeding_network(kind, n, seed=seed))


@functools.lru_cache(maxsize=16)
def _cached_heuristics(kind, n, seed, k_max):
    net = _cached_seeding_network(kind, n, seed)
    return _rankings(net, k_max, ("degree", "kshell", "pagerank"), "ic", 0.0, 1, as_rng(seed))


@functools.lru_cache(maxsize=512)
def _cached_curves(kind, model, p, n, net_seed, k_max, worlds, select_worlds, seed):
    net = _cached_seeding_network(kind, n, net_seed)
    rng = as_rng(seed)
    chosen = {"random": seeding.random_seeds(net, k_max, seed=rng)}
    chosen.update(_cached_heuristics(kind, n, net_seed, k_max))
    chosen["greedy"] = list(seeding.greedy_selection(net, k_max, model, p, select_worlds, seed=rng).seeds)
    sample = cascades.sample_live_edge_worlds(net, model, p, worlds, seed=rng)
    return _curves_on_worlds(net, chosen, sample)


def seeding_declaration(p=0.05, k=10, model="ic", network="scale-free", n=1000, k_max=20,
                        worlds=300, select_worlds=200, *, seed=None):
    """The lesson 03 explorer, declared once for JupyterLab and the website.

    Parameters
    ----------
    p : float, optional
        Starting word-of-mouth probability (0.01 to 0.15 by 0.01; 0.02 on the website).
    k : int, optional
        Starting budget, 1 .. ``k_max``.
    model : {"ic", "lt"}, optional
        Starting model: independent cascade or linear threshold.
    network : str, optional
        Starting network type, one of :data:`SEEDING_NETWORKS`.
    n : int, optional
        People per network.
    k_max : int, optional
        Largest number of seeds on the curves, at least 2.
    worlds : int, optional
        Live-edge worlds the curves are scored on.
    select_worlds : int, optional
        Live-edge worlds greedy chooses on.
    seed : None, int or numpy.random.Generator, optional
        Random seed; the same seed gives the same networks and worlds.

    Returns
    -------
    ExplorerDeclaration
        Controls ``p``, ``k``, ``model`` and ``network`` over
        :func:`course_lib.viz.influence.strategy_spread_chart`, whose y axis fits the
        curves drawn. The website keeps the curves once per (``p``, model, network):
        the budget only moves the line and the title.

    Examples
    --------
    >>> declaration = seeding_declaration(worlds=50, select_worlds=20, seed=3)
    >>> len(declaration.site_cells()) == 8 * 20 * 2 * len(SEEDING_NETWORKS)
    True
    >>> declaration.coarser_on_site()
    ['word-of-mouth probability p']
    """
    k_max = check_integer(k_max, "k_max", minimum=2)
    seed = as_seed_int(seed)

    def render(p, k, model, network):
        p = round(float(p), 3)
        key_p = p if model == "ic" else 0.0  # LT has no p: one cache entry
        table = _cached_curves(network, model, key_p, n, seed, k_max, worlds, select_worlds, seed)
        at = table[table.k == int(k)].set_index("strategy")["spread"]
        best = at.idxmax()
        ratio = at["degree"] / at["greedy"]
        what = f"IC, p = {p:g}" if model == "ic" else "LT (p not used)"
        title = alt.Title(
            f"{network}, {what}: with {int(k)} seeds greedy reaches {at['greedy']:.0f}, "
            f"top degree {at['degree']:.0f}, random {at['random']:.0f}",
            subtitle=f"Top degree gets {ratio:.0%} of greedy's spread; best here: "
                     f"{charts.STRATEGY_LABELS[best]}. Bands: 95% intervals over {worlds} simulated cascades",
        )
        # the chart draws strategy, k, spread, low and high; the standard errors stay out of the page
        curves = table[["strategy", "k", "spread", "low", "high"]]
        return charts.strategy_spread_chart(curves, budget=int(k), title=title, headroom=False)

    controls = (
        Range("p", "word-of-mouth probability p", 0.01, 0.15, 0.01, float(p), ".2f", site_step=0.02),
        Range("k", "budget k (seeds)", 1, k_max, 1, int(k), "d"),
        Choice("model", "model", (("independent cascade", "ic"), ("linear threshold", "lt")), model),
        Choice("network", "network", tuple((kind, kind) for kind in SEEDING_NETWORKS), network, menu=True),
    )
    note = (f"<small>Each network has {n:,} people with about 6 contacts each. "
            "In <i>communities</i> the best-connected people all belong to one tight group.</small>")
    return ExplorerDeclaration("seeding", controls, render, note=note)


@renamed_keywords(runs="worlds", select_runs="select_worlds")
@seed_by_keyword
def seeding_explorer(p=0.05, k=10, model="ic", network="scale-free", n=1000, k_max=20,
                     worlds=300, select_worlds=200, *, seed=None):
    """Five seeding strategies on the same budget: spread against the number of seeds.

    Controls: word-of-mouth probability ``p`` (independent cascade only), the budget
    ``k`` (a vertical line; the title reads the spreads there), the model and the
    network type (:data:`SEEDING_NETWORKS`, ``n`` nodes). Curves run to ``k_max``
    seeds with 95% bands over ``worlds`` fresh live-edge worlds; greedy chooses on
    ``select_worlds`` others (:func:`course_lib.experiments.influence.strategy_curves`).
    ``seed`` (default: fresh entropy) fixes the network and the worlds; the lesson passes
    ``seed=3``. Cached per (network, model, p rounded to 0.001); the budget slider
    only redraws.

    Parameters
    ----------
    p : float, optional
        Starting word-of-mouth probability (the slider runs from 0.01 to 0.15).
    k : int, optional
        Starting budget, 1 .. ``k_max``.
    model : {"ic", "lt"}, optional
        Starting model: independent cascade or linear threshold.
    network : str, optional
        Starting network type, one of :data:`SEEDING_NETWORKS`.
    n : int, optional
        People per network.
    k_max : int, optional
        Largest number of seeds on the curves, at least 2.
    worlds : int, optional
        Live-edge worlds the curves are scored on (``runs`` before 0.1.1).
    select_worlds : int, optional
        Live-edge worlds greedy chooses on (``select_runs`` before 0.1.1).
    seed : None, int or numpy.random.Generator, optional
        Random seed; the same seed gives the same networks and worlds.

    Returns
    -------
    Explorer
        Controls ``p``, ``k``, ``model`` and ``network`` over
        :func:`course_lib.viz.influence.strategy_spread_chart`, built from
        :func:`seeding_declaration` (the website shows the same chart).

    Examples
    --------
    >>> ex = seeding_explorer(worlds=100, select_worlds=50, seed=3)
    >>> chart = ex.update(p=0.08)
    >>> ex.values["p"]
    0.08
    """
    return seeding_declaration(p, k, model, network, n, k_max, worlds, select_worlds, seed=seed).explorer()


# =========================================================================== lesson 01
@functools.lru_cache(maxsize=128)
def _cached_network_view(kind, n, seed):
    G = consumer_network(kind, n, seed=seed)
    degrees = degree_frame({kind: G})
    overlap = measure_overlap_frame(G, ("pagerank",), seed=seed)
    summary = summary_frame({kind: G}).iloc[0]
    return degrees, overlap, summary


def networks_declaration(network="scale-free", n=2000, *, seed=None):
    """The lesson 01 explorer, declared once for JupyterLab and the website.

    Parameters
    ----------
    network : str, optional
        Starting network type, one of :data:`NETWORK_TYPES`.
    n : int, optional
        Starting number of people (200 to 3,000 in steps of 200, on the website too).
    seed : None, int or numpy.random.Generator, optional
        Random seed; the same seed gives the same networks.

    Returns
    -------
    ExplorerDeclaration
        Controls ``network`` and ``n`` over
        :func:`course_lib.viz.influence.degree_distribution_chart` and
        :func:`course_lib.viz.influence.overlap_chart`.

    Examples
    --------
    >>> declaration = networks_declaration(seed=1)
    >>> len(declaration.site_cells()) == 15 * len(NETWORK_TYPES)
    True
    """
    seed = as_seed_int(seed)

    def render(network, n):
        degrees, overlap, s = _cached_network_view(network, int(n), seed)
        ten = overlap[np.isclose(overlap.top_share, 0.1, atol=0.5 / int(n))]
        words = ", ".join(f"{charts.MEASURE_LABELS.get(r.ranking, r.ranking)}: {r.precision_at_k:.0%}"
                          for r in ten.itertuples())
        left = charts.degree_distribution_chart(
            degrees, legend_title=None, groups=NETWORK_TYPES, title=alt.Title(
                f"{network}, {int(n):,} people: the top 1% hold {s.top_share:.0%} of all ties",
                subtitle=f"Mean degree {s.mean_degree:.1f}, largest {s.max_degree}")).properties(width=330)
        right = charts.overlap_chart(overlap, title=alt.Title(
            f"Top 10% by degree also in the top 10% by {words or '(network too small)'}",
            subtitle="Dashed: two unrelated rankings")).properties(width=330)
        return alt.hconcat(left, right).resolve_scale(color="independent").properties(
            description=left.description + " " + right.description)

    controls = (
        Choice("network", "network", tuple((kind, kind) for kind in NETWORK_TYPES), network, menu=True),
        Range("n", "people n", 200, 3000, 200, int(n), "d"),
    )
    return ExplorerDeclaration("networks", controls, render)


@seed_by_keyword
def networks_explorer(network="scale-free", n=2000, *, seed=None):
    """Pick a network type and a size: see its degree distribution and how much the
    top of the degree ranking overlaps the top by PageRank, for lists of 1% to 50%.

    Cached per (type, size). ``seed`` (default: fresh entropy) fixes the networks; the
    lesson passes ``seed=1``.

    Parameters
    ----------
    network : str, optional
        Starting network type, one of :data:`NETWORK_TYPES`.
    n : int, optional
        Starting number of people (the slider runs from 200 to 3,000 in steps of 200).
    seed : None, int or numpy.random.Generator, optional
        Random seed; the same seed gives the same networks.

    Returns
    -------
    Explorer
        Controls ``network`` and ``n`` over
        :func:`course_lib.viz.influence.degree_distribution_chart` and
        :func:`course_lib.viz.influence.overlap_chart`, built from
        :func:`networks_declaration` (the website shows the same chart).

    Examples
    --------
    >>> ex = networks_explorer(n=500, seed=1)
    >>> chart = ex.update(network="Poisson")
    >>> ex.values["network"]
    'Poisson'
    """
    return networks_declaration(network, n, seed=seed).explorer()
