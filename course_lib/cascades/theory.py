"""Analytic results for threshold cascades on Poisson networks (Watts 2002).

With a uniform threshold ``phi``, a node of degree ``k`` is *vulnerable* (one active
neighbour is enough) when ``1/k >= phi``, that is ``k <= K = floor(1/phi)``. On a
tree-like random network, global cascades are possible when the vulnerable nodes
percolate; for degree distribution ``p_k`` and mean degree ``z`` that is

    sum_k k (k - 1) rho_k p_k > z,      rho_k = 1 if 1 <= k <= K else 0.

For Poisson degrees the sum is ``z**2 * P(Poisson(z) <= K - 2)``, so the condition
reads ``z * P(Poisson(z) <= K - 2) > 1``.
"""
from __future__ import annotations

import math

import numpy as np
from scipy import optimize, special

from .._deprecation import renamed_keywords
from .._guard import reference
from .._validation import check_real
from ._kernels import THRESHOLD_TOLERANCE

__all__ = [
    "vulnerable_degree_limit",
    "cascade_condition",
    "cascade_condition_margin",
    "cascade_window",
    "cascade_frequency_theory",
]


#: Degrees above this never matter for the Poisson sums here (the tail is below 1e-300
#: for any mean degree under 10,000), so tiny thresholds are capped to keep sums finite.
MAX_DEGREE = 100_000


def _check_phi(phi):
    return check_real(phi, "phi", minimum=0.0, maximum=1.0, strict_minimum=True)


def _check_mean_degree(mean_degree):
    return check_real(mean_degree, "mean_degree", minimum=0.0)


@reference
def vulnerable_degree_limit(phi):
    """Largest degree ``K`` at which one active neighbour reaches threshold ``phi``.

    Parameters
    ----------
    phi : float
        Uniform threshold, in (0, 1].

    Returns
    -------
    int
        ``floor(1 / phi)`` (with a small tolerance for rounding), at most 100,000.

    Examples
    --------
    >>> vulnerable_degree_limit(0.18), vulnerable_degree_limit(0.2), vulnerable_degree_limit(0.5)
    (5, 5, 2)
    """
    phi = _check_phi(phi)
    if phi <= THRESHOLD_TOLERANCE * (1 + 1 / MAX_DEGREE):
        return MAX_DEGREE
    return min(int(math.floor(1.0 / (phi - THRESHOLD_TOLERANCE))), MAX_DEGREE)


def _margin(mean_degree, K):
    """z P(Poisson(z) <= K - 2) - 1 with z = mean_degree: positive exactly where cascades are possible."""
    if K < 2 or mean_degree <= 0:
        return -1.0
    return mean_degree * special.gammaincc(K - 1, mean_degree) - 1.0


@renamed_keywords(z="mean_degree")
@reference
def cascade_condition_margin(mean_degree, phi):
    """``z P(Poisson(z) <= K - 2) - 1`` for mean degree ``z``; positive inside the cascade
    window.

    Parameters
    ----------
    mean_degree : float
        Mean degree of the Poisson network, 0 or more.
    phi : float
        Uniform threshold, in (0, 1].

    Returns
    -------
    float
        The margin; -1.0 when ``K < 2`` or the mean degree is 0.

    Examples
    --------
    >>> round(cascade_condition_margin(3.0, 0.18), 3)
    0.942
    """
    return float(_margin(_check_mean_degree(mean_degree), vulnerable_degree_limit(phi)))


@renamed_keywords(z="mean_degree")
@reference
def cascade_condition(mean_degree, phi):
    """True when global cascades are possible on a Poisson network with mean degree
    ``mean_degree`` and uniform threshold ``phi`` (Watts 2002, eq. 4 specialised to Poisson degrees).

    Parameters
    ----------
    mean_degree : float
        Mean degree of the Poisson network, 0 or more.
    phi : float
        Uniform threshold, in (0, 1].

    Returns
    -------
    bool
        True when :func:`cascade_condition_margin` is positive.

    Examples
    --------
    >>> cascade_condition(3.0, 0.18), cascade_condition(8.0, 0.18), cascade_condition(3.0, 0.3)
    (True, False, False)

    References
    ----------
    .. [1] D. J. Watts, "A simple model of global cascades on random networks",
       PNAS 99(9), 2002.
    """
    return cascade_condition_margin(mean_degree, phi) > 0


@reference
def cascade_window(phi):
    """Mean-degree interval ``(z_low, z_high)`` of global cascades for threshold ``phi``.

    Returns None when no mean degree allows a global cascade (``phi > 1/4``: a
    Poisson network never has enough vulnerable nodes that percolate).

    Parameters
    ----------
    phi : float
        Uniform threshold, in (0, 1].

    Returns
    -------
    tuple of float or None
        The lowest and highest mean degree at which global cascades are possible, or
        None.

    Examples
    --------
    >>> low, high = cascade_window(0.18)
    >>> round(low, 3), round(high, 3)
    (1.021, 5.765)
    >>> cascade_window(0.3) is None
    True

    References
    ----------
    .. [1] D. J. Watts, "A simple model of global cascades on random networks",
       PNAS 99(9), 2002, Fig. 1.
    """
    K = vulnerable_degree_limit(phi)
    if K < 3:
        return None
    # z * Q(K-1, z) rises from 0 and falls back to 0: it has one maximum, at the root
    # of its derivative, which is d/dz [z Q(K-1,z)] = Q(K-1,z) - z * pmf(K-2, z).
    peak = optimize.minimize_scalar(
        lambda z: -_margin(z, K), bounds=(1e-9, 4.0 * K + 10.0), method="bounded",
        options={"xatol": 1e-12},
    )
    z_peak = float(peak.x)
    if _margin(z_peak, K) <= 0:
        return None
    z_low = optimize.brentq(_margin, 1e-12, z_peak, args=(K,), xtol=1e-12)
    upper = z_peak
    while _margin(upper, K) > 0:
        upper *= 2.0
    z_high = optimize.brentq(_margin, z_peak, upper, args=(K,), xtol=1e-12)
    return float(z_low), float(z_high)


@renamed_keywords(z="mean_degree")
@reference
def cascade_frequency_theory(mean_degree, phi):
    """Probability that one random seed triggers a global cascade, in the tree-like
    large-network limit: the share of nodes that are in, or next to, the giant
    cluster of vulnerable nodes (Watts 2002, the "extended vulnerable cluster").

    Let ``u`` be the probability that following a random edge does *not* lead into the
    giant vulnerable cluster. For Poisson degrees it solves
    ``u = 1 - P(V) + e^{-z} sum_{k=1}^{K} z^{k-1} u^{k-1} / (k-1)!`` with
    ``P(V) = P(Poisson(z) <= K - 1)``, ``z`` the mean degree, and a seed reaches the cluster
    with probability ``1 - exp(-z (1 - u))``.

    Parameters
    ----------
    mean_degree : float
        Mean degree of the Poisson network, 0 or more.
    phi : float
        Uniform threshold, in (0, 1].

    Returns
    -------
    float
        The probability, in [0, 1]; 0.0 outside the cascade window.

    Examples
    --------
    >>> round(cascade_frequency_theory(3.0, 0.18), 3)
    0.873
    >>> cascade_frequency_theory(8.0, 0.18)
    0.0

    References
    ----------
    .. [1] D. J. Watts, "A simple model of global cascades on random networks",
       PNAS 99(9), 2002.
    """
    mean_degree = _check_mean_degree(mean_degree)
    K = vulnerable_degree_limit(phi)
    if not _margin(mean_degree, K) > 0:
        return 0.0
    ks = np.arange(0, K)  # k - 1 for k = 1..K
    weights = np.exp(-mean_degree + ks * np.log(mean_degree) - special.gammaln(ks + 1))
    reach_vulnerable = weights.sum()

    def residual(u):
        return 1.0 - reach_vulnerable + np.sum(weights * u**ks) - u

    # u = 1 is always a root; the physical one is the smaller root in [0, 1).
    u = optimize.brentq(residual, 0.0, 1.0 - 1e-12, xtol=1e-14)
    return float(1.0 - math.exp(-mean_degree * (1.0 - u)))
