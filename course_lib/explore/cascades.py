"""Explorers for lesson 02: Granovetter's crowd and Watts' cascade window.

Expensive model runs are cached on rounded slider values, so going back to a setting is
instant. The tables come from :mod:`course_lib.experiments.cascades`, the charts from
:mod:`course_lib.viz.cascades`.
"""
from __future__ import annotations

import functools

import altair as alt
import numpy as np
import pandas as pd

from .. import cascades
from .._deprecation import renamed_keywords, seed_by_keyword
from .._validation import as_seed_int
from ..experiments.cascades import granovetter_response_frame
from ..viz import cascades as charts
from .declare import ExplorerDeclaration, Range

__all__ = ["granovetter_declaration", "granovetter_explorer", "cascade_declaration", "cascade_explorer"]


# --------------------------------------------------------------------------- Granovetter
@functools.lru_cache(maxsize=1024)
def _cached_granovetter(mean, sd, n):
    return granovetter_response_frame(mean, sd, n), cascades.granovetter_normal_equilibrium(mean, sd, n)


def granovetter_declaration(mean=25.0, sd=10.0, n=100):
    """The Granovetter explorer declared once, for the lesson's widgets and the website.

    Parameters
    ----------
    mean : float, optional
        Starting mean threshold, in people (the slider runs from 0 to 60 in steps of 1;
        the website's grid in steps of 5).
    sd : float, optional
        Starting standard deviation of the thresholds, in people (1 to 30 in steps of
        0.5; the website's grid in steps of 2).
    n : int, optional
        Crowd size (fixed).

    Returns
    -------
    ExplorerDeclaration
        Controls ``mean`` and ``sd`` over
        :func:`course_lib.viz.cascades.granovetter_response_chart`.

    Examples
    --------
    >>> declaration = granovetter_declaration()
    >>> len(declaration.site_cells()), declaration.coarser_on_site()
    (208, ['mean threshold', 'spread (sd)'])
    """

    def render(mean, sd):
        mean, sd = round(float(mean), 2), round(float(sd), 2)
        response, eq = _cached_granovetter(mean, sd, n)
        title = alt.Title(
            f"Mean threshold {mean:g}, spread {sd:g}: {eq:.0f} of {n} end up acting",
            subtitle="Orange: expected number acting next step; dashed: no change",
        )
        return charts.granovetter_response_chart(response, eq, title=title)

    controls = (
        Range("mean", "mean threshold", 0.0, 60.0, 1.0, float(mean), ".0f", site_step=5.0, continuous=True),
        Range("sd", "spread (sd)", 1.0, 30.0, 0.5, float(sd), ".1f", site_step=2.0, continuous=True),
    )
    return ExplorerDeclaration("granovetter", controls, render)


def granovetter_explorer(mean=25.0, sd=10.0, n=100):
    """Granovetter's crowd with normally distributed thresholds: move the mean and the
    spread and watch where the response curve first meets the diagonal.

    Parameters
    ----------
    mean : float, optional
        Starting mean threshold, in people (the slider runs from 0 to 60).
    sd : float, optional
        Starting standard deviation of the thresholds, in people (1 to 30).
    n : int, optional
        Crowd size (fixed).

    Returns
    -------
    Explorer
        Sliders ``mean`` and ``sd`` over
        :func:`course_lib.viz.cascades.granovetter_response_chart`, built from
        :func:`granovetter_declaration` (the website shows the same chart).

    Examples
    --------
    >>> ex = granovetter_explorer(mean=25, sd=10)
    >>> chart = ex.update(sd=15)
    >>> round(ex.values["sd"])
    15
    """
    return granovetter_declaration(mean, sd, n).explorer()


# --------------------------------------------------------------------------- Watts
@functools.lru_cache(maxsize=512)
def _cached_sizes(mean_degree, phi, n, runs, seed):
    sizes = cascades.cascade_sizes(mean_degree, phi, n=n, runs=runs, seed=seed)
    sizes.setflags(write=False)
    return sizes


@functools.lru_cache(maxsize=64)
def _cached_window(phi_min, phi_max):
    return charts.cascade_window_frame(phi_min, phi_max)


@functools.lru_cache(maxsize=512)
def _cached_theory(mean_degree, phi):
    return cascades.cascade_frequency_theory(mean_degree, phi), cascades.cascade_window(phi)


def cascade_declaration(mean_degree=3.0, phi=0.18, n=2000, runs=100, *, seed=None, phi_range=(0.05, 0.3),
                        mean_degree_max=12.0):
    """The cascade-window explorer declared once, for the lesson's widgets and the website.

    The website's grid steps the mean degree by 0.5 and the threshold by 0.02 (each
    setting runs ``runs`` cascades); the widgets step by 0.25 and 0.01.

    Parameters
    ----------
    mean_degree : float, optional
        Starting mean degree; the slider runs from 0.5 to ``mean_degree_max``.
    phi : float, optional
        Starting threshold, within ``phi_range``.
    n : int, optional
        Network size.
    runs : int, optional
        Random seeds (cascades) per setting.
    seed : None, int or numpy.random.Generator, optional
        Random seed; the same seed gives the same runs at a setting.
    phi_range : tuple of float, optional
        ``(low, high)`` of the threshold slider and of the window map.
    mean_degree_max : float, optional
        Top of the mean-degree slider and of the map.

    Returns
    -------
    ExplorerDeclaration
        Controls ``mean_degree`` and ``phi``; see :func:`cascade_explorer`.

    Examples
    --------
    >>> declaration = cascade_declaration(seed=1)
    >>> len(declaration.site_cells())
    336
    """
    window = _cached_window(*phi_range)
    seed = as_seed_int(seed)

    def render(mean_degree, phi):
        z, phi = round(float(mean_degree), 2), round(float(phi), 3)
        sizes = _cached_sizes(z, phi, n, runs, seed)
        theory, win = _cached_theory(z, phi)
        big = int(np.count_nonzero(sizes >= cascades.GLOBAL_CASCADE_CUTOFF))
        if win is None:
            where = f"no window at φ = {phi:g}: theory says global cascades are impossible"
        elif win[0] < z < win[1]:
            where = f"inside the window ({win[0]:.2f} < z < {win[1]:.2f}); theory: {theory:.0%}"
        else:
            where = f"outside the window ({win[0]:.2f} < z < {win[1]:.2f}); theory: 0%"
        if big and (win is None or not win[0] < z < win[1]):
            where += f" (a network of {n:,} still cascades near the edge)"
        title = alt.Title(
            f"z = {z:g}, φ = {phi:g}: {big} of {runs} seeds set off a global cascade",
            subtitle=where,
        )
        hist = charts.cascade_size_histogram(pd.DataFrame({"fraction": sizes}), title=title, max_count=runs)
        point = pd.DataFrame({"phi": [phi], "mean_degree": [z], "inside": [win is not None and win[0] < z < win[1]]})
        where_map = charts.window_map_chart(window, point, phi_domain=phi_range,
                                            mean_degree_domain=(0, mean_degree_max))
        return alt.hconcat(hist, where_map).properties(
            description=hist.description + " " + where_map.description
        )

    controls = (
        # every setting of the website's grid runs the cascades: coarser steps there
        Range("mean_degree", "mean degree z", 0.5, float(mean_degree_max), 0.25, float(mean_degree), ".2f",
              site_step=0.5),
        Range("phi", "threshold φ", float(phi_range[0]), float(phi_range[1]), 0.01, float(phi), ".2f",
              site_step=0.02),
    )
    return ExplorerDeclaration("cascade_window", controls, render)


@renamed_keywords(z="mean_degree", z_max="mean_degree_max")
@seed_by_keyword
def cascade_explorer(mean_degree=3.0, phi=0.18, n=2000, runs=100, *, seed=None, phi_range=(0.05, 0.3),
                     mean_degree_max=12.0):
    """Cascades on a Poisson network from one random seed: choose the mean degree ``z``
    (``mean_degree``) and the threshold ``phi``, see the distribution of final sizes over
    ``runs`` seeds and where the setting sits in the analytic cascade window.

    Results are cached on (mean degree rounded to 0.01, phi rounded to 0.001); the same
    ``seed`` is used at every setting so a setting always shows the same runs (default:
    fresh entropy, drawn once; the lesson passes ``seed=1``).

    Parameters
    ----------
    mean_degree : float, optional
        Starting mean degree (``z`` before 0.1.1); the slider runs from 0.5 to
        ``mean_degree_max``.
    phi : float, optional
        Starting threshold, within ``phi_range``.
    n : int, optional
        Network size.
    runs : int, optional
        Random seeds (cascades) per setting.
    seed : None, int or numpy.random.Generator, optional
        Random seed; the same seed gives the same runs.
    phi_range : tuple of float, optional
        ``(low, high)`` of the threshold slider and of the window map.
    mean_degree_max : float, optional
        Top of the mean-degree slider and of the map (``z_max`` before 0.1.1).

    Returns
    -------
    Explorer
        Sliders ``mean_degree`` and ``phi`` over a histogram of final cascade sizes
        (:func:`course_lib.viz.cascades.cascade_size_histogram`) and a map of the
        window (:func:`course_lib.viz.cascades.window_map_chart`), built from
        :func:`cascade_declaration` (the website shows the same charts).

    Examples
    --------
    >>> ex = cascade_explorer(mean_degree=3, phi=0.18, runs=50, seed=1)
    >>> chart = ex.update(mean_degree=8)
    >>> ex.values["mean_degree"]
    8.0
    """
    return cascade_declaration(mean_degree, phi, n, runs, seed=seed, phi_range=phi_range,
                               mean_degree_max=mean_degree_max).explorer()
