"""Small random number generators for the compiled cascade loops.

numba can draw from a ``numpy.random.Generator`` passed in, but unboxing one costs
about 11 us per call, more than a whole small cascade. Two cheaper sources:

- xoshiro256** [1]_: the state is four 64-bit words in a ``np.uint64`` array, which
  crosses into compiled code as cheaply as any array; a draw is a few inlined integer
  operations. :func:`rng_state` seeds it from the ``seed`` every course_lib function
  takes (None, a whole number or a Generator): four raw words drawn from that
  Generator, each passed through the splitmix64 mixer [2]_. So the same seed gives the
  same stream, and a Generator passed in is advanced, so passing it again gives fresh
  randomness.
- :func:`keyed_uniform`, counter-based: the ``i``-th output of splitmix64 started from
  ``key`` [2]_. It gives item ``i`` the same number however often and in whatever order
  it is asked for, so a cascade can give every node a random threshold without
  storing it.

:func:`next_double` and :func:`next_key` accept either a xoshiro state or a
Generator, so one kernel serves both.

numba's on-disk cache does not notice edits to this module in the kernels that inline
it: after changing it, touch those modules (or clear ``__pycache__``).

References
----------
.. [1] D. Blackman and S. Vigna, "Scrambled linear pseudorandom number generators",
   ACM Transactions on Mathematical Software 47(4), 2021. https://prng.di.unimi.it/
.. [2] G. L. Steele, D. Lea and C. H. Flood, "Fast splittable pseudorandom number
   generators", OOPSLA 2014 (splitmix64).
"""
from __future__ import annotations

import os

import numpy as np
from numba import njit, types
from numba.extending import overload

from .._validation import as_rng

# draw_u64, draw_uniform and draw_keyed below are test helpers, not part of the API
__all__ = ["rng_state", "next_u64", "uniform", "keyed_uniform", "next_double", "next_key"]

_GOLDEN = np.uint64(0x9E3779B97F4A7C15)
_MIX1 = np.uint64(0xBF58476D1CE4E5B9)
_MIX2 = np.uint64(0x94D049BB133111EB)
_TWO_POW_53 = 9007199254740992.0
_TWO_POW_MINUS_53 = 1.0 / _TWO_POW_53


@njit(cache=True, inline="always")
def _rotl(x, k):
    return (x << np.uint64(k)) | (x >> np.uint64(64 - k))


@njit(cache=True, inline="always")
def next_u64(state):
    """Next 64-bit output of xoshiro256** (Blackman & Vigna 2021); advances ``state``."""
    s0, s1, s2, s3 = state[0], state[1], state[2], state[3]
    result = _rotl(s1 * np.uint64(5), 7) * np.uint64(9)
    t = s1 << np.uint64(17)
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    state[0], state[1], state[2], state[3] = s0, s1, s2, _rotl(s3, 45)
    return result


@njit(cache=True, inline="always")
def uniform(state):
    """A double uniform on [0, 1): the top 53 bits of one output, scaled by 2**-53."""
    return np.float64(next_u64(state) >> np.uint64(11)) * _TWO_POW_MINUS_53


@njit(cache=True, inline="always")
def _splitmix64(z):
    """splitmix64's output function: a bijection of the 64-bit words."""
    z = (z ^ (z >> np.uint64(30))) * _MIX1
    z = (z ^ (z >> np.uint64(27))) * _MIX2
    return z ^ (z >> np.uint64(31))


@njit(cache=True, inline="always")
def keyed_uniform(key, i):
    """A double uniform on [0, 1) for item ``i`` (a non-negative integer) under ``key``:
    the top 53 bits of the ``i``-th output of splitmix64 started from ``key``."""
    return np.float64(_splitmix64(key + np.uint64(i + 1) * _GOLDEN) >> np.uint64(11)) * _TWO_POW_MINUS_53


def next_double(rng):
    """A double uniform on [0, 1) from ``rng``: a state from :func:`rng_state`, or a
    ``numpy.random.Generator`` (its ``random()``). Compiled code only."""
    raise NotImplementedError("next_double runs only inside numba-compiled code")


@overload(next_double, inline="always")
def _next_double(rng):
    if isinstance(rng, types.NumPyRandomGeneratorType):
        return lambda rng: rng.random()
    return lambda rng: uniform(rng)


def next_key(rng):
    """A fresh key for :func:`keyed_uniform` from ``rng`` (a state from
    :func:`rng_state`: 64 random bits; a Generator: 53). Compiled code only."""
    raise NotImplementedError("next_key runs only inside numba-compiled code")


@overload(next_key, inline="always")
def _next_key(rng):
    if isinstance(rng, types.NumPyRandomGeneratorType):
        return lambda rng: np.uint64(rng.random() * _TWO_POW_53)
    return lambda rng: next_u64(rng)


@njit(cache=True)
def _seeded(raw):
    state = np.empty(4, dtype=np.uint64)
    for i in range(4):
        state[i] = _splitmix64(raw[i] + np.uint64(i + 1) * _GOLDEN)
    if state[0] == 0 and state[1] == 0 and state[2] == 0 and state[3] == 0:
        state[0] = 1  # the all-zero state is a fixed point of the generator
    return state


_fresh = None


def _reset_fresh():
    global _fresh
    _fresh = None


# a forked child must not replay its parent's stream
os.register_at_fork(after_in_child=_reset_fresh)


def rng_state(seed=None):
    """A new xoshiro256** state (``np.uint64`` array of 4 words) from ``seed``.

    ``seed`` is None, a non-negative whole number or a ``numpy.random.Generator``
    (checked by :func:`course_lib._validation.as_rng`). With None the words come from
    one Generator seeded from the operating system on first use: fetching fresh
    entropy costs about 13 us, as much as a whole cascade.

    Examples
    --------
    >>> rng_state(7).tolist() == rng_state(7).tolist()
    True
    >>> gen = np.random.default_rng(7)
    >>> rng_state(gen).tolist() == rng_state(gen).tolist()   # the Generator moved on
    False
    """
    global _fresh
    if seed is None:
        if _fresh is None:
            _fresh = np.random.default_rng()
        gen = _fresh
    else:
        gen = as_rng(seed)
    return _seeded(gen.bit_generator.random_raw(4))


@njit(cache=True)
def draw_u64(state, k):
    """The next ``k`` raw outputs (for tests)."""
    out = np.empty(k, dtype=np.uint64)
    for i in range(k):
        out[i] = next_u64(state)
    return out


@njit(cache=True)
def draw_uniform(state, k):
    """The next ``k`` uniform doubles in [0, 1) (for tests)."""
    out = np.empty(k)
    for i in range(k):
        out[i] = uniform(state)
    return out


@njit(cache=True)
def draw_keyed(key, items):
    """:func:`keyed_uniform` for each of ``items`` (for tests)."""
    out = np.empty(len(items))
    for j in range(len(items)):
        out[j] = keyed_uniform(key, items[j])
    return out
