"""The Bass (1969) model of new-product diffusion: the closed form and its discrete twin.

A share ``F(t)`` of the market has adopted by time ``t``. Those who have not adopt at
the rate ``p + q F(t)``: ``p`` (the coefficient of *innovation*) is the pull of
external influence -- advertising, the company's direct influence -- felt by everyone
alike, ``q`` (the coefficient of *imitation*) the pull of those who have already
adopted, word of mouth. The continuous model is the differential equation

    dF/dt = (p + q F) (1 - F),   F(0) = 0,

solved in closed form by :func:`bass_adoption`; its adoption rate ``f = dF/dt`` is
:func:`bass_rate`, and the rate peaks at :func:`bass_peak_time`. A simulation in
synchronous steps follows instead the recursion :func:`bass_discrete`, the Euler step
of size 1 of the same equation. Mahajan, Muller & Bass (1990) review the model and
its extensions; typical fitted values are ``p`` about 0.03 and ``q`` about 0.38 per
year.

Checks shared by every function here: ``p >= 0``, ``q >= 0`` and ``p + q > 0``
(with both zero nobody ever adopts), ``p <= 1`` (a probability per step), and in
discrete time ``p + q <= 1`` so that every adoption probability stays in [0, 1].
"""
from __future__ import annotations

import math
import numbers

import numpy as np

from .._guard import reference
from .._validation import check_integer, check_probability, check_real

__all__ = ["bass_adoption", "bass_rate", "bass_peak_time", "bass_discrete"]


def check_bass_parameters(p, q, *, discrete=False):
    """Return ``(p, q)`` as floats after the checks of the module docstring."""
    p = check_probability(p, "p")
    q = check_real(q, "q", minimum=0.0)
    if p + q <= 0.0:
        raise ValueError(
            "p and q cannot both be 0: p + q must be greater than 0 (with neither "
            "innovation nor imitation nobody ever adopts)"
        )
    if discrete and p + q > 1.0:
        raise ValueError(
            f"p + q must be at most 1 in discrete time, so that the adoption probability "
            f"p + q * F stays between 0 and 1; got p = {p}, q = {q} (p + q = {p + q})"
        )
    return p, q


def _times(t):
    """``t`` as a float array of times >= 0, and whether it was a single number."""
    if isinstance(t, numbers.Real) and not isinstance(t, (bool, np.bool_)):
        return np.asarray(check_real(t, "t", minimum=0.0)), True
    try:
        array = np.asarray(t, dtype=float)
    except (TypeError, ValueError):
        raise TypeError("t must be a number or an array of numbers (times since launch)") from None
    bad = ~(np.isfinite(array) & (array >= 0.0))
    if bad.any():
        first = tuple(int(i) for i in np.argwhere(bad)[0])
        where = first[0] if len(first) == 1 else first
        raise ValueError(
            f"t must hold finite times of at least 0 (time since launch); "
            f"value {array[first]!r} at position {where} is not"
        )
    return array, array.ndim == 0


def _result(values, scalar):
    return float(values) if scalar else values


@reference
def bass_adoption(t, p, q):
    """Cumulative share of adopters at time ``t`` in the Bass model.

    ``F(t) = (1 - exp(-(p + q) t)) / (1 + (q / p) exp(-(p + q) t))``, the solution of
    ``dF/dt = (p + q F)(1 - F)`` with ``F(0) = 0`` (module docstring of
    :mod:`course_lib.diffusion.bass`). With ``p = 0`` nobody starts and ``F`` stays 0.

    Parameters
    ----------
    t : float or array_like of float
        Time(s) since launch, each at least 0.
    p : float
        Coefficient of innovation (external influence), in [0, 1].
    q : float
        Coefficient of imitation (word of mouth), at least 0; ``p + q > 0``.

    Returns
    -------
    float or numpy.ndarray
        ``F(t)``: a float for a single time, an array of the shape of ``t`` otherwise.

    Raises
    ------
    ValueError
        If ``p``, ``q`` or ``t`` is out of range, naming it.

    Examples
    --------
    >>> bass_adoption(0.0, 0.03, 0.38)
    0.0
    >>> round(bass_adoption(10.0, 0.03, 0.38), 4)
    0.8128
    >>> bass_adoption([0, 5, 20], 0.03, 0.38).round(3)
    array([0.   , 0.331, 0.996])

    References
    ----------
    .. [1] F. M. Bass, "A new product growth for model consumer durables",
       Management Science 15(5), 215-227, 1969.
    .. [2] V. Mahajan, E. Muller and F. M. Bass, "New product diffusion models in
       marketing: a review and directions for research", Journal of Marketing 54(1),
       1-26, 1990.
    """
    p, q = check_bass_parameters(p, q)
    t, scalar = _times(t)
    if p == 0.0:
        return _result(np.zeros_like(t), scalar)
    decay = np.exp(-(p + q) * t)
    return _result(p * (1.0 - decay) / (p + q * decay), scalar)


@reference
def bass_rate(t, p, q):
    """Adoption rate ``f(t) = dF/dt`` of the Bass model: new adopters per unit time,
    as a share of the market.

    ``f(t) = p (p + q)**2 exp(-(p + q) t) / (p + q exp(-(p + q) t))**2``, which equals
    ``(p + q F(t)) (1 - F(t))`` with ``F`` from :func:`bass_adoption`; ``f(0) = p``.

    Parameters
    ----------
    t : float or array_like of float
        Time(s) since launch, each at least 0.
    p : float
        Coefficient of innovation, in [0, 1].
    q : float
        Coefficient of imitation, at least 0; ``p + q > 0``.

    Returns
    -------
    float or numpy.ndarray
        ``f(t)``: a float for a single time, an array of the shape of ``t`` otherwise.

    Raises
    ------
    ValueError
        If ``p``, ``q`` or ``t`` is out of range, naming it.

    Examples
    --------
    >>> bass_rate(0.0, 0.03, 0.38)      # at launch only innovators adopt
    0.03
    >>> round(bass_rate(6.19, 0.03, 0.38), 4)   # near the peak: (p + q)**2 / (4 q)
    0.1106

    References
    ----------
    .. [1] F. M. Bass, "A new product growth for model consumer durables",
       Management Science 15(5), 215-227, 1969.
    """
    p, q = check_bass_parameters(p, q)
    t, scalar = _times(t)
    if p == 0.0:
        return _result(np.zeros_like(t), scalar)
    decay = np.exp(-(p + q) * t)
    return _result(p * (p + q) ** 2 * decay / (p + q * decay) ** 2, scalar)


@reference
def bass_peak_time(p, q):
    """Time at which the Bass adoption rate peaks: ``ln(q / p) / (p + q)`` if ``q > p``.

    When imitation is stronger than innovation (``q > p``) adoption accelerates as
    adopters accumulate, the rate :func:`bass_rate` rises to a peak at this time and
    falls after it; there ``F = (1 - p / q) / 2`` and ``f = (p + q)**2 / (4 q)``. With
    ``q <= p`` the rate only falls: adoption is fastest at launch, and the function
    returns 0.

    Parameters
    ----------
    p : float
        Coefficient of innovation, in (0, 1]: with ``p = 0`` nobody ever adopts, so
        there is no peak.
    q : float
        Coefficient of imitation, at least 0.

    Returns
    -------
    float
        The peak time, 0.0 when ``q <= p``.

    Raises
    ------
    ValueError
        If ``p`` or ``q`` is out of range, naming it.

    Examples
    --------
    >>> round(bass_peak_time(0.03, 0.38), 3)
    6.193
    >>> bass_peak_time(0.3, 0.1)          # innovation dominates: fastest at launch
    0.0

    References
    ----------
    .. [1] F. M. Bass, "A new product growth for model consumer durables",
       Management Science 15(5), 215-227, 1969.
    """
    p, q = check_bass_parameters(p, q)
    if p == 0.0:
        raise ValueError("p must be greater than 0 for a peak time: with p = 0 nobody ever adopts")
    return math.log(q / p) / (p + q) if q > p else 0.0


@reference
def bass_discrete(steps, p, q, initial=0.0):
    """The discrete-time Bass recursion ``F[k+1] = F[k] + (p + q F[k]) (1 - F[k])``.

    This is what a synchronous simulation follows on average in a large well-mixed
    market (:func:`course_lib.diffusion.simulate_bass_complete`): in each step every
    non-adopter adopts with probability ``p + q F[k]``, ``F[k]`` the share who had
    adopted at the start of the step.

    It is the Euler step of size 1 of the continuous model ``dF/dt = (p + q F)(1 - F)``
    (:func:`bass_adoption`), not its exact solution: each step uses the adoption rate
    at the start of the step for the whole step. In time rescaled by ``p + q`` the step
    has size ``p + q``, so the gap between the two curves shrinks in proportion as
    ``p + q`` gets small (at most about 0.07 for ``p = 0.03, q = 0.38``, 0.007 for
    rates ten times smaller). Its sign: when ``q > p`` the rate rises during take-off,
    so the recursion lags behind the continuous curve until after the peak (then runs
    slightly ahead before both reach 1); when ``q <= p`` the rate only falls and the
    recursion runs ahead throughout.

    Parameters
    ----------
    steps : int
        Number of steps, at least 0.
    p : float
        Probability per step that a non-adopter adopts by innovation, in [0, 1].
    q : float
        Coefficient of imitation, at least 0, with ``0 < p + q <= 1``.
    initial : float
        Share of adopters at step 0, in [0, 1].

    Returns
    -------
    numpy.ndarray
        ``F[0], ..., F[steps]`` (``steps + 1`` values, ``F[0] = initial``).

    Raises
    ------
    ValueError
        If a parameter is out of range, naming it (``p + q > 1`` included).

    Examples
    --------
    >>> bass_discrete(2, 0.1, 0.5)       # 0.1, then 0.1 + (0.1 + 0.05) * 0.9
    array([0.   , 0.1  , 0.235])
    >>> float(bass_discrete(200, 0.03, 0.38)[-1])
    1.0

    References
    ----------
    .. [1] F. M. Bass, "A new product growth for model consumer durables",
       Management Science 15(5), 215-227, 1969.
    .. [2] V. Mahajan, E. Muller and F. M. Bass, "New product diffusion models in
       marketing: a review and directions for research", Journal of Marketing 54(1),
       1-26, 1990.
    """
    steps = check_integer(steps, "steps", minimum=0)
    p, q = check_bass_parameters(p, q, discrete=True)
    share = check_probability(initial, "initial")
    out = np.empty(steps + 1)
    out[0] = share
    for k in range(steps):
        share = share + (p + q * share) * (1.0 - share)
        out[k + 1] = share
    return out
