"""Argument checks shared by every model, with messages written for students.

Each check raises ``TypeError`` for the wrong kind of value and ``ValueError`` for a
value out of range, and names the parameter and what is allowed.
"""
from __future__ import annotations

import math
import numbers

import numpy as np

__all__ = [
    "as_rng",
    "as_seed_int",
    "check_integer",
    "check_real",
    "check_probability",
    "check_fraction_array",
]


def as_rng(seed):
    """Return a ``numpy.random.Generator`` from ``seed`` (None, int or Generator).

    Examples
    --------
    >>> rng = as_rng(1)
    >>> as_rng(rng) is rng
    True
    """
    if seed is None or isinstance(seed, np.random.Generator):
        return np.random.default_rng(seed)
    if isinstance(seed, (bool, np.bool_)) or not isinstance(seed, numbers.Integral):
        raise TypeError(
            f"seed must be None, a whole number or a numpy.random.Generator, "
            f"not {type(seed).__name__} ({seed!r})"
        )
    if seed < 0:
        raise ValueError(f"seed must be a non-negative whole number, got {seed}")
    return np.random.default_rng(int(seed))


def as_seed_int(seed):
    """A whole-number seed that stands for ``seed`` (None, int or Generator): what an
    explorer keys its cache on, so that moving back to a setting redraws the same chart.

    None draws fresh entropy once; a Generator gives one draw from it.

    Examples
    --------
    >>> as_seed_int(7)
    7
    >>> isinstance(as_seed_int(None), int)
    True
    """
    if seed is None:
        return int(np.random.SeedSequence().generate_state(1, np.uint64)[0] >> 1)
    if isinstance(seed, np.random.Generator):
        return int(seed.integers(2**63 - 1))
    as_rng(seed)  # the same checks and messages
    return int(seed)


def check_integer(value, name, *, minimum=None, maximum=None):
    """Return ``value`` as an int after checking its type and range."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be a whole number, not {type(value).__name__} ({value!r})")
    value = int(value)
    if minimum is not None and value < minimum:
        raise ValueError(f"{name} must be at least {minimum}, got {value}")
    if maximum is not None and value > maximum:
        raise ValueError(f"{name} must be at most {maximum}, got {value}")
    return value


def check_real(value, name, *, minimum=None, maximum=None, strict_minimum=False):
    """Return ``value`` as a float after checking it is a finite number in range."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a number, not {type(value).__name__} ({value!r})")
    value = float(value)
    if not math.isfinite(value):  # np.isfinite costs 0.5 us on a Python float
        raise ValueError(f"{name} must be a finite number, got {value}")
    if minimum is not None:
        if strict_minimum and value <= minimum:
            raise ValueError(f"{name} must be greater than {minimum}, got {value}")
        if value < minimum:
            raise ValueError(f"{name} must be at least {minimum}, got {value}")
    if maximum is not None and value > maximum:
        raise ValueError(f"{name} must be at most {maximum}, got {value}")
    return value


def check_probability(value, name):
    """Return ``value`` as a float in [0, 1]."""
    if type(value) is float and 0.0 <= value <= 1.0:
        return value  # the common case, without the general checks' ~1 us per call
    return check_real(value, name, minimum=0.0, maximum=1.0)


def check_fraction_array(values, name, length):
    """Return a float64 array of ``length`` values, each in [0, 1]."""
    try:
        array = np.asarray(values, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"{name} must contain numbers between 0 and 1") from None
    if array.ndim != 1 or array.shape[0] != length:
        raise ValueError(
            f"{name} must have one value per node ({length} values), "
            f"got shape {array.shape}"
        )
    bad = ~((array >= 0.0) & (array <= 1.0))
    if bad.any():
        first = int(np.flatnonzero(bad)[0])
        raise ValueError(
            f"{name} must lie between 0 and 1; value {array[first]!r} at position {first} does not"
        )
    return array
