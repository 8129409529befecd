"""Compiled loops of the independent cascade (IC) and linear threshold (LT) models.

Random numbers come from ``rng``, which the kernels read and advance, so a seed fixes
every result and no global state is touched. Single runs take a xoshiro256** state
(:mod:`._rng`), which crosses into compiled code as cheaply as any array; Monte Carlo
loops take a ``numpy.random.Generator``: its 11 us of unboxing is shared by all the
runs, and IC estimates stay the numbers lesson 03 quotes.

Speed notes: with a uniform probability ``p`` the IC loop jumps between successful
arcs with geometric skips (one draw per success plus one per node, not one per arc);
LT computes thresholds from a per-run key instead of storing them (a run touches one
8-byte word per node); every run resets only the nodes it touched, never the whole
network.
"""
from __future__ import annotations

import math

import numpy as np
from numba import njit

from ._kernels import activate_seeds
from ._rng import keyed_uniform, next_double, next_key

__all__ = ["NO_ARRAY_F", "ic_run", "lt_run", "ic_sizes", "lt_sizes"]

NO_ARRAY_F = np.zeros(0, dtype=np.float64)


@njit(cache=True, inline="always")
def _skip(rng, log_q):
    """Failures before the next success, as a float: with a tiny p it can exceed any
    integer, so callers compare it with the arcs left before converting."""
    return math.log(1.0 - next_double(rng)) / log_q


@njit(cache=True)
def ic_run(indptr, indices, seeds, p, arc_p, rng, active, work):
    """One independent cascade; returns (number active, rounds).

    Arc ``e`` (from the row's node to ``indices[e]``) is live with probability
    ``arc_p[e]`` if ``arc_p`` is non-empty, else ``p``; probabilities 0 and 1 draw
    nothing, which is how fixed coins are run. ``active`` must be all False on entry
    and is all False again on return. ``work`` (at least 2n + 1 integers) receives the
    activation order in ``work[:n]`` and the number active after each round in
    ``work[n:]``: one buffer, because each array argument adds about 50 ns to every call.
    """
    n = len(indptr) - 1
    order, round_end = work[:n], work[n:]
    m = activate_seeds(seeds, active, order, round_end)
    per_arc = arc_p.size > 0
    skip_mode = not per_arc and 0.0 < p < 1.0
    log_q = math.log1p(-p) if skip_mode else 0.0
    head = 0
    rounds = 0
    while head < m:
        tail = m
        for i in range(head, tail):
            u = order[i]
            start, end = indptr[u], indptr[u + 1]
            if skip_mode:
                e = start - 1
                while True:
                    gap = _skip(rng, log_q)
                    if gap >= end - 1 - e:
                        break
                    e += int(gap) + 1
                    v = indices[e]
                    if not active[v]:
                        active[v] = True
                        order[m] = v
                        m += 1
            else:
                for e in range(start, end):
                    v = indices[e]
                    if active[v]:
                        continue  # one attempt per arc; an active target needs none
                    prob = arc_p[e] if per_arc else p
                    if prob >= 1.0 or (prob > 0.0 and next_double(rng) < prob):
                        active[v] = True
                        order[m] = v
                        m += 1
        head = tail
        if m > tail:
            rounds += 1
            round_end[rounds] = m
    for i in range(m):
        active[order[i]] = False
    return m, rounds


@njit(cache=True)
def lt_run(indptr, indices, weights, seeds, thresholds, rng, acc, order, round_end):
    """One linear threshold cascade; returns (number active, rounds).

    Node ``v`` activates once the summed weights of its active in-neighbours reach its
    threshold: ``thresholds[v]`` if ``thresholds`` is non-empty, else uniform in (0, 1]
    and new in every run. A drawn threshold is ``1 - keyed_uniform(key, v)`` with a
    fresh key per run, computed whenever ``v`` is touched instead of stored: the
    accumulated weights ``acc`` are then the only per-node memory a run touches, 8
    bytes a node, and untouched nodes cost nothing.

    An active node holds ``acc = -inf``: adding weight leaves it below any threshold,
    so the arc loop needs no separate active test. ``acc`` must be all zero on entry
    and is all zero again on return: every node a run changed is active or an
    out-neighbour of an active node. ``order`` and ``round_end`` as in :func:`ic_run`.
    """
    m = 0
    given = thresholds.size > 0
    key = next_key(rng)
    for s in seeds:
        if acc[s] != -math.inf:
            acc[s] = -math.inf
            order[m] = s
            m += 1
    round_end[0] = m
    head = 0
    rounds = 0
    while head < m:
        tail = m
        for i in range(head, tail):
            u = order[i]
            for e in range(indptr[u], indptr[u + 1]):
                v = indices[e]
                total = acc[v] + weights[e]
                acc[v] = total
                theta = thresholds[v] if given else 1.0 - keyed_uniform(key, v)
                if total >= theta:
                    acc[v] = -math.inf
                    order[m] = v
                    m += 1
        head = tail
        if m > tail:
            rounds += 1
            round_end[rounds] = m
    for i in range(m):
        u = order[i]
        acc[u] = 0.0
        for e in range(indptr[u], indptr[u + 1]):
            acc[indices[e]] = 0.0
    return m, rounds


@njit(cache=True)
def ic_sizes(indptr, indices, seeds, p, arc_p, runs, rng):
    n = len(indptr) - 1
    active = np.zeros(n, dtype=np.bool_)
    work = np.empty(2 * n + 1, dtype=np.int64)
    out = np.empty(runs, dtype=np.int64)
    for r in range(runs):
        out[r] = ic_run(indptr, indices, seeds, p, arc_p, rng, active, work)[0]
    return out


@njit(cache=True)
def lt_sizes(indptr, indices, weights, seeds, thresholds, runs, rng):
    n = len(indptr) - 1
    acc = np.zeros(n)
    order = np.empty(n, dtype=np.int64)
    round_end = np.empty(n + 1, dtype=np.int64)
    out = np.empty(runs, dtype=np.int64)
    for r in range(runs):
        out[r] = lt_run(indptr, indices, weights, seeds, thresholds, rng, acc, order, round_end)[0]
    return out
