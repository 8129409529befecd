"""Compiled loops of the independent cascade (IC) and linear threshold (LT) models.

Random numbers come from a ``numpy.random.Generator`` passed in (numba reads and
advances its state), so a seed fixes every result and no global state is touched.

Speed notes: with a uniform probability ``p`` the IC loop jumps between successful
arcs with geometric skips (one draw per success plus one per node, not one per arc);
every run resets only the nodes it touched, never the whole network.
"""
from __future__ import annotations

import math

import numpy as np
from numba import njit

NO_ARRAY_F = np.zeros(0, dtype=np.float64)


@njit(cache=True, inline="always")
def _skip(gen, log_q):
    """Failures before the next success, as a float: with a tiny p it can exceed any
    integer, so callers compare it with the arcs left before converting."""
    return math.log(1.0 - gen.random()) / log_q


@njit(cache=True)
def ic_run(indptr, indices, seeds, p, arc_p, coins, use_coins, gen, active, order, round_end):
    """One independent cascade; returns (number active, rounds).

    Arc ``e`` (from the row's node to ``indices[e]``) is live with probability
    ``arc_p[e]`` if ``arc_p`` is non-empty, else ``p``; with ``use_coins`` the arc is
    live exactly when ``coins[e] <= probability`` (fixed randomness).
    ``active`` must be all False on entry and is all False again on return.
    """
    m = 0
    for s in seeds:
        if not active[s]:
            active[s] = True
            order[m] = s
            m += 1
    round_end[0] = m
    per_arc = arc_p.size > 0
    fixed = use_coins
    skip_mode = not per_arc and not fixed and 0.0 < p < 1.0
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
                    gap = _skip(gen, log_q)
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
                    if fixed:
                        live = coins[e] <= prob
                    else:
                        live = prob >= 1.0 or (prob > 0.0 and gen.random() < prob)
                    if live:
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
def lt_run(indptr, indices, weights, seeds, thresholds, gen, active, acc, theta, seen, order, touched,
           round_end):
    """One linear threshold cascade; returns (number active, rounds).

    Node ``v`` activates once the summed weights of its active in-neighbours reach its
    threshold. Thresholds come from ``thresholds`` if non-empty, else each is drawn
    uniformly in (0, 1] the first time the node is touched (so untouched nodes cost
    nothing). Work arrays are restored on return.
    """
    m = 0
    n_touched = 0
    given = thresholds.size > 0
    for s in seeds:
        if not active[s]:
            active[s] = True
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
                if active[v]:
                    continue
                if not seen[v]:
                    seen[v] = True
                    touched[n_touched] = v
                    n_touched += 1
                    theta[v] = thresholds[v] if given else 1.0 - gen.random()
                acc[v] += weights[e]
                if acc[v] >= theta[v]:
                    active[v] = True
                    order[m] = v
                    m += 1
        head = tail
        if m > tail:
            rounds += 1
            round_end[rounds] = m
    for i in range(m):
        active[order[i]] = False
    for i in range(n_touched):
        v = touched[i]
        seen[v] = False
        acc[v] = 0.0
    return m, rounds


@njit(cache=True)
def ic_sizes(indptr, indices, seeds, p, arc_p, runs, gen):
    n = len(indptr) - 1
    active = np.zeros(n, dtype=np.bool_)
    order = np.empty(n, dtype=np.int64)
    round_end = np.empty(n + 1, dtype=np.int64)
    out = np.empty(runs, dtype=np.int64)
    for r in range(runs):
        out[r] = ic_run(indptr, indices, seeds, p, arc_p, NO_ARRAY_F, False, gen, active, order,
                        round_end)[0]
    return out


@njit(cache=True)
def lt_sizes(indptr, indices, weights, seeds, thresholds, runs, gen):
    n = len(indptr) - 1
    active = np.zeros(n, dtype=np.bool_)
    seen = np.zeros(n, dtype=np.bool_)
    acc = np.zeros(n, dtype=np.float64)
    theta = np.zeros(n, dtype=np.float64)
    order = np.empty(n, dtype=np.int64)
    touched = np.empty(n, dtype=np.int64)
    round_end = np.empty(n + 1, dtype=np.int64)
    out = np.empty(runs, dtype=np.int64)
    for r in range(runs):
        out[r] = lt_run(indptr, indices, weights, seeds, thresholds, gen, active, acc, theta, seen,
                        order, touched, round_end)[0]
    return out
