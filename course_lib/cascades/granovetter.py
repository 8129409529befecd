"""Granovetter's threshold model of collective behaviour in a well-mixed population.

Each person acts once at least their threshold number of *others* act. Everyone sees
everyone, so the only state is ``r``, the number acting, and one step maps it to the
number of people whose threshold is at most ``r``.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import special

from .._validation import check_integer, check_real

__all__ = [
    "GranovetterResult",
    "granovetter_cascade",
    "granovetter_response",
    "granovetter_normal_equilibrium",
    "granovetter_critical_sd",
]


@dataclass(frozen=True)
class GranovetterResult:
    """Outcome of Granovetter's model.

    Attributes
    ----------
    trajectory : tuple of int
        Number acting after step 0 (nobody), 1, 2, ... until nothing changes.
    final : int
        Number acting at equilibrium.
    fraction : float
        ``final`` over the population size.
    """

    trajectory: tuple
    final: int
    fraction: float

    def to_frame(self):
        """Tidy table: ``step``, ``acting``."""
        import pandas as pd

        return pd.DataFrame({"step": range(len(self.trajectory)), "acting": self.trajectory})


def granovetter_cascade(thresholds):
    """Run Granovetter's model to equilibrium.

    Parameters
    ----------
    thresholds : sequence of numbers >= 0
        How many others must act before each person acts (0 = acts regardless).

    Returns
    -------
    GranovetterResult
        The number acting after each step, at equilibrium, and as a share of everyone.

    Raises
    ------
    TypeError
        If ``thresholds`` is not a sequence of numbers.
    ValueError
        If ``thresholds`` is empty, not one-dimensional, or holds a negative or
        non-finite value.

    Examples
    --------
    The riot of Granovetter (1978): thresholds 0, 1, ..., 99 and everybody riots;
    give the person with threshold 1 a threshold of 2 and only the instigator riots.

    >>> granovetter_cascade(range(100)).final
    100
    >>> granovetter_cascade([0, 2] + list(range(2, 100))).final
    1

    References
    ----------
    .. [1] M. Granovetter, "Threshold models of collective behavior",
       American Journal of Sociology 83(6), 1978.
    """
    try:
        values = np.sort(np.asarray(list(thresholds), dtype=float))
    except (TypeError, ValueError):
        raise TypeError("thresholds must be a sequence of numbers (how many others must act first)") from None
    if values.ndim != 1 or values.size == 0:
        raise ValueError("thresholds must be a non-empty sequence of numbers")
    if not np.all(np.isfinite(values)) or values[0] < 0:
        raise ValueError("thresholds must be finite numbers of people, 0 or more")
    acting = 0
    trajectory = [0]
    while True:
        nxt = int(np.searchsorted(values, acting, side="right"))
        if nxt == acting:
            break
        acting = nxt
        trajectory.append(acting)
    return GranovetterResult(tuple(trajectory), acting, acting / values.size)


def _check_normal(mean, sd, n):
    mean = check_real(mean, "mean")
    sd = check_real(sd, "sd", minimum=0.0, strict_minimum=True)
    n = check_integer(n, "n", minimum=1)
    return mean, sd, n


def granovetter_response(acting, mean, sd, n=100):
    """Expected number who act when ``acting`` others act, for thresholds drawn from a
    normal distribution with the given mean and standard deviation (in people).

    Negative thresholds mean "acts regardless". Works elementwise on arrays.

    Parameters
    ----------
    acting : float or array_like
        Number of people acting.
    mean : float
        Mean threshold, in people.
    sd : float
        Standard deviation of the thresholds, in people (greater than 0).
    n : int, optional
        Population size (at least 1).

    Returns
    -------
    numpy.ndarray or numpy.float64
        Expected number acting after one step, with the shape of ``acting``.

    Raises
    ------
    TypeError
        If ``mean``, ``sd`` or ``n`` is not a number (``n`` not a whole number).
    ValueError
        If ``sd`` is not positive or ``n`` is below 1.

    Examples
    --------
    >>> float(granovetter_response(25, mean=25, sd=10))
    50.0
    """
    mean, sd, n = _check_normal(mean, sd, n)
    return n * special.ndtr((np.asarray(acting, dtype=float) - mean) / sd)


def granovetter_normal_equilibrium(mean, sd, n=100, tol=1e-9, max_steps=100_000):
    """Number acting at equilibrium when nobody acts at first (the smallest fixed point
    of :func:`granovetter_response`), for normally distributed thresholds.

    Granovetter (1978) shows the jump: with 100 people and mean threshold 25, a small
    spread leaves only a handful acting, a larger one brings nearly everyone out.

    Parameters
    ----------
    mean : float
        Mean threshold, in people.
    sd : float
        Standard deviation of the thresholds, in people (greater than 0).
    n : int, optional
        Population size (at least 1).
    tol : float, optional
        Stop when one step changes the number acting by less than this (0 or more).
    max_steps : int, optional
        Most steps to take before giving up (at least 1).

    Returns
    -------
    float
        Expected number acting at equilibrium, between 0 and ``n``.

    Raises
    ------
    RuntimeError
        If the iteration has not settled within ``max_steps`` steps (it is slow right
        at the jump), rather than returning a number that is not an equilibrium.
    ValueError
        If ``sd`` is not positive, ``n`` or ``max_steps`` is below 1, or ``tol`` is
        negative.

    Examples
    --------
    >>> round(granovetter_normal_equilibrium(25, 5))
    0
    >>> round(granovetter_normal_equilibrium(25, 15))
    100

    References
    ----------
    .. [1] M. Granovetter, "Threshold models of collective behavior",
       American Journal of Sociology 83(6), 1978.
    """
    mean, sd, n = _check_normal(mean, sd, n)
    max_steps = check_integer(max_steps, "max_steps", minimum=1)
    tol = check_real(tol, "tol", minimum=0.0)
    acting, change = 0.0, float("inf")
    for _ in range(max_steps):
        nxt = float(granovetter_response(acting, mean, sd, n))
        change = abs(nxt - acting)
        if change < tol:
            return nxt
        acting = nxt
    raise RuntimeError(
        f"the number acting did not settle within max_steps={max_steps} steps (last change "
        f"{change:.3g}, tolerance tol={tol}); near the jump the approach is slow: "
        "raise max_steps or tol")


def granovetter_critical_sd(mean, n=100, low=1e-3, high=None, tol=1e-6):
    """Smallest threshold spread (sd) at which nearly everyone ends up acting.

    Below it the equilibrium from nobody acting stays small; at it the smallest fixed
    point disappears and the crowd jumps to (almost) all ``n``. Found by bisection on
    whether :func:`granovetter_normal_equilibrium` passes ``n / 2``.

    Parameters
    ----------
    mean : float
        Mean threshold, in people (greater than 0).
    n : int, optional
        Population size (at least 1).
    low : float, optional
        Lower end of the search: a spread at which the crowd stays small.
    high : float or None, optional
        Upper end of the search: a spread at which most act (None means ``n``).
    tol : float, optional
        Width of the bracket at which the bisection stops.

    Returns
    -------
    float
        The critical standard deviation, within ``tol``.

    Raises
    ------
    ValueError
        If the crowd already jumps at ``low`` or does not at ``high`` (no jump between
        them), or ``mean`` is not positive.

    Examples
    --------
    Granovetter (1978) reports the jump near sd = 12.2 for 100 people with mean 25:

    >>> round(granovetter_critical_sd(25), 1)
    12.2

    References
    ----------
    .. [1] M. Granovetter, "Threshold models of collective behavior",
       American Journal of Sociology 83(6), 1978.
    """
    mean = check_real(mean, "mean", minimum=0.0, strict_minimum=True)
    n = check_integer(n, "n", minimum=1)
    high = float(n) if high is None else high

    def riots(sd):
        return granovetter_normal_equilibrium(mean, sd, n) > n / 2

    if riots(low) or not riots(high):
        raise ValueError(f"no jump between sd = {low} and sd = {high} for mean {mean}")
    while high - low > tol:
        mid = 0.5 * (low + high)
        if riots(mid):
            high = mid
        else:
            low = mid
    return high
