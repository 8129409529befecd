"""Diminishing returns: the one response curve every lever of the budget model uses.

A lever's effect per period is a saturating function of what goes into it,

    R(x) = maximum * (1 - 2**(-x / half)),

so ``R(0) = 0``, ``R(half) = maximum / 2``, ``R(2 half) = 3/4 maximum``, and each
further ``half`` closes half of the remaining gap to ``maximum``. ``R`` is increasing,
concave (every extra unit buys less than the one before: ``R'(x) = R'(0) 2**(-x/half)``)
and bounded by ``maximum``. It is the exponential response of the advertising-response
literature, written with base 2 so that its one shape parameter reads as the input that
buys half of the maximum. The model (:mod:`course_lib.budgets.model`) uses it three
times: marketing spend -> chance that a non-adopter buys; empowerment spend -> chance
that a customer becomes an advocate; community size -> share of support questions the
community answers.

References
----------
.. [1] J. D. C. Little, "Aggregate advertising models: the state of the art",
   Operations Research 27(4), 1979 (concave, saturating sales response to advertising).
"""
from __future__ import annotations

import numpy as np

from .._validation import check_real

__all__ = ["saturating_response"]


def saturating_response(x, maximum, half):
    """Saturating, concave response ``maximum * (1 - 2**(-x / half))``.

    Parameters
    ----------
    x : float or array of floats >= 0
        What goes into the lever (a spend, or a community size).
    maximum : float >= 0
        The level the response approaches and never exceeds.
    half : float > 0
        The input that buys half of ``maximum``.

    Returns
    -------
    float or numpy.ndarray
        The response, elementwise (a float for a single ``x``), in ``[0, maximum]``:
        below ``maximum`` except in floating point, for ``x`` above about 50 ``half``.

    Raises
    ------
    ValueError
        If ``maximum`` is negative, ``half`` is not positive, or some ``x`` is negative
        or not finite.

    Examples
    --------
    >>> saturating_response(0.0, 0.1, 2.0)
    0.0
    >>> saturating_response(2.0, 0.1, 2.0), saturating_response(4.0, 0.1, 2.0)
    (0.05, 0.075)
    >>> saturating_response([0, 1, 2, 3], maximum=1.0, half=1.0)
    array([0.   , 0.5  , 0.75 , 0.875])

    References
    ----------
    .. [1] J. D. C. Little, Operations Research 27(4), 1979.
    """
    maximum = check_real(maximum, "maximum", minimum=0.0)
    half = check_real(half, "half", minimum=0.0, strict_minimum=True)
    try:
        values = np.asarray(x, dtype=float)
    except (TypeError, ValueError):
        raise TypeError("x must be a number or an array of numbers, 0 or more") from None
    if not np.all(np.isfinite(values)) or np.any(values < 0):
        raise ValueError("x must contain finite numbers, 0 or more")
    out = _response(values, maximum, half)
    return float(out) if out.ndim == 0 else out


def _response(x, maximum, half):
    """:func:`saturating_response` without the checks (the model's inner loops)."""
    return maximum * (1.0 - np.exp2(-x / half))
