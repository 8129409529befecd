"""Compiled inner loops of the threshold cascade.

Randomness never enters these functions: callers draw networks and seed nodes with a
numpy Generator and pass them in, so results are reproducible and the loops can run
in parallel threads without changing any answer.
"""
from __future__ import annotations

import numpy as np
from numba import njit

# A node activates when (active neighbours) / degree >= threshold - THRESHOLD_TOLERANCE,
# so 7 active out of 25 reaches a threshold of 0.28 although 0.28 * 25 is
# 7.000000000000001 in floating point.
THRESHOLD_TOLERANCE = 1e-9


def required_active_neighbours(thresholds, degrees):
    """Number of active neighbours each node needs: the smallest whole ``c`` with
    ``c / degree >= threshold - THRESHOLD_TOLERANCE``.

    An isolated node sees an active fraction of 0, so it activates only with a
    threshold of (practically) 0.
    """
    need = np.ceil(degrees * (thresholds - THRESHOLD_TOLERANCE))
    need = np.maximum(need, 0)
    need[(degrees == 0) & (thresholds > THRESHOLD_TOLERANCE)] = np.iinfo(np.int32).max
    return need.astype(np.int32)


@njit(cache=True, inline="always")
def activate_seeds(seeds, active, order, round_end):
    """Round 0 of a cascade: mark the seeds active (each once) in ``order``; returns
    how many."""
    m = 0
    for s in seeds:
        if not active[s]:
            active[s] = True
            order[m] = s
            m += 1
    round_end[0] = m
    return m


@njit(cache=True)
def threshold_run(indptr, indices, need, seeds, instigators, count, active, order, round_end):
    """One synchronous threshold cascade.

    Activated nodes are written to ``order`` in activation order; ``round_end[r]`` is
    the number active after round ``r`` (round 0 = the seeds). ``instigators``, the
    nodes that need no active neighbour (threshold 0), join in round 1. ``count`` and ``active`` must be
    all zero on entry and are all zero again on return, so one pair of work arrays
    serves many runs at a cost proportional to the cascade, not to the network.
    Returns (number active, number of rounds).
    """
    m = activate_seeds(seeds, active, order, round_end)
    head = 0
    rounds = 0
    while True:
        tail = m
        if rounds == 0:
            for v in instigators:
                if not active[v]:
                    active[v] = True
                    order[m] = v
                    m += 1
        for i in range(head, tail):
            u = order[i]
            for e in range(indptr[u], indptr[u + 1]):
                v = indices[e]
                if not active[v]:
                    count[v] += 1
                    if count[v] >= need[v]:
                        active[v] = True
                        order[m] = v
                        m += 1
        head = tail
        if m == tail:
            break
        rounds += 1
        round_end[rounds] = m
    for i in range(m):
        u = order[i]
        active[u] = False
        for e in range(indptr[u], indptr[u + 1]):
            count[indices[e]] = 0
    return m, rounds


@njit(cache=True)
def single_seed_sizes(indptr, indices, need, seeds):
    """Final cascade size from each of ``seeds`` on its own (one run per seed).

    Serial on purpose: runs on one network are short, and a parallel loop's start-up
    (about 3 ms) costs more than ten whole cascades on a 2,000-node network.
    """
    n = len(indptr) - 1
    runs = len(seeds)
    sizes = np.zeros(runs, dtype=np.int64)
    instigators = np.flatnonzero(need == 0)
    count = np.zeros(n, dtype=np.int32)
    active = np.zeros(n, dtype=np.bool_)
    order = np.empty(n, dtype=np.int64)
    round_end = np.empty(n + 2, dtype=np.int64)
    one = np.empty(1, dtype=np.int64)
    for r in range(runs):
        one[0] = seeds[r]
        m, _ = threshold_run(indptr, indices, need, one, instigators, count, active, order, round_end)
        sizes[r] = m
    return sizes
