"""Compiled loops over live-edge worlds ("possible worlds", Kempe, Kleinberg & Tardos 2003).

A world keeps each arc of the network or drops it at random; the nodes a seed set
activates are then exactly those reachable from it over kept arcs. A sample of worlds
is stored world by world as sorted arc numbers (``world_ptr``/``arcs``). For searches
it is laid out once as one small adjacency list per world (``world_adjacency``): the
kept arcs leaving ``x`` in world ``w`` end at ``dst[world_ptr[w] + local_ptr[w, x]:
world_ptr[w] + local_ptr[w, x + 1]]``. That costs 4 (n + 1) bytes per world and makes
a search step a plain array read.
"""
from __future__ import annotations

import math

import numpy as np
from numba import njit

from .._threads import run_on_threads


@njit(cache=True)
def _grow(buffer, size):
    bigger = np.empty(2 * buffer.size + 16, dtype=buffer.dtype)
    bigger[:size] = buffer[:size]
    return bigger


@njit(cache=True)
def sample_ic_worlds(n_arcs, p, arc_p, worlds, gen):
    """Kept arcs of ``worlds`` IC worlds: arc ``e`` kept with probability arc_p[e] or p."""
    world_ptr = np.zeros(worlds + 1, dtype=np.int64)
    expected = n_arcs * (p if arc_p.size == 0 else arc_p.mean()) * worlds
    arcs = np.empty(int(expected * 1.1) + 64, dtype=np.int64)
    size = 0
    skip = arc_p.size == 0 and 0.0 < p < 1.0
    log_q = math.log1p(-p) if skip else 0.0
    for w in range(worlds):
        if skip:
            e = -1
            while True:
                # failures before the next kept arc, compared as a float first: for a
                # tiny p it can exceed any integer
                gap = math.log(1.0 - gen.random()) / log_q
                if gap >= n_arcs - 1 - e:
                    break
                e += int(gap) + 1
                if size == arcs.size:
                    arcs = _grow(arcs, size)
                arcs[size] = e
                size += 1
        else:
            for e in range(n_arcs):
                prob = arc_p[e] if arc_p.size > 0 else p
                if prob >= 1.0 or (prob > 0.0 and gen.random() < prob):
                    if size == arcs.size:
                        arcs = _grow(arcs, size)
                    arcs[size] = e
                    size += 1
        world_ptr[w + 1] = size
    return world_ptr, arcs[:size].copy()


@njit(cache=True)
def sample_lt_worlds(n, in_ptr, in_arc, weights, worlds, gen):
    """LT worlds: each node keeps at most one incoming arc, arc e with probability
    weights[e] (and none with the rest), which gives the LT model's spread exactly."""
    world_ptr = np.zeros(worlds + 1, dtype=np.int64)
    arcs = np.empty(worlds * n, dtype=np.int64)
    size = 0
    for w in range(worlds):
        start = size
        for v in range(n):
            r = gen.random()
            total = 0.0
            for i in range(in_ptr[v], in_ptr[v + 1]):
                total += weights[in_arc[i]]
                if r < total:
                    arcs[size] = in_arc[i]
                    size += 1
                    break
        arcs[start:size] = np.sort(arcs[start:size])
        world_ptr[w + 1] = size
    return world_ptr, arcs[:size].copy()


@njit(cache=True)
def world_adjacency(indptr, indices, world_ptr, arcs):
    """Per-world offsets ``local_ptr`` (worlds x (n + 1)) and kept-arc targets ``dst``."""
    n = len(indptr) - 1
    worlds = len(world_ptr) - 1
    local_ptr = np.zeros((worlds, n + 1), dtype=np.int32)
    dst = np.empty(arcs.size, dtype=np.int32)
    for i in range(arcs.size):
        dst[i] = indices[arcs[i]]
    for w in range(worlds):
        start, end = world_ptr[w], world_ptr[w + 1]
        i = start
        for x in range(n):
            # kept arcs are sorted by arc number, so grouped by source node in order
            local_ptr[w, x] = i - start
            while i < end and arcs[i] < indptr[x + 1]:
                i += 1
        local_ptr[w, n] = end - start
    return local_ptr, dst


@njit(cache=True, inline="always")
def _reach(ptr, dst, start_node, covered, stamp, mark, stack, mark_covered):
    """Nodes reachable from start_node in one world (adjacency ``ptr``/``dst``), not
    counting covered ones, whose descendants are covered too, so the search stops there.
    Optionally marks what it finds as covered."""
    if covered[start_node] or stamp[start_node] == mark:
        return 0
    stamp[start_node] = mark
    stack[0] = start_node
    top = 1
    count = 0
    while top > 0:
        top -= 1
        x = stack[top]
        count += 1
        if mark_covered:
            covered[x] = True
        for i in range(ptr[x], ptr[x + 1]):
            y = dst[i]
            if not covered[y] and stamp[y] != mark:
                stamp[y] = mark
                stack[top] = y
                top += 1
    return count


@njit(cache=True)
def reach_over_worlds(world_ptr, local_ptr, dst, node, covered, mark_covered):
    """Sum over worlds of the nodes ``node`` reaches that are not yet covered (its
    marginal gain times the number of worlds); with ``mark_covered`` they become covered."""
    n = local_ptr.shape[1] - 1
    stamp = np.zeros(n, dtype=np.int64)
    stack = np.empty(n, dtype=np.int64)
    total = 0
    for w in range(len(world_ptr) - 1):
        block = dst[world_ptr[w]:world_ptr[w + 1]]
        total += _reach(local_ptr[w], block, node, covered[w], stamp, w + 1, stack, mark_covered)
    return total


@njit(cache=True, nogil=True)
def _gains_in_worlds(first, last, world_ptr, local_ptr, dst, covered, candidates, gains):
    """Add to ``gains`` each candidate's marginal gain summed over worlds ``first`` to
    ``last - 1``. Releases the GIL, so threads can run shares at once."""
    n = local_ptr.shape[1] - 1
    stamp = np.zeros(n, dtype=np.int64)
    stack = np.empty(n, dtype=np.int64)
    mark = 0
    for w in range(first, last):
        block = dst[world_ptr[w]:world_ptr[w + 1]]
        ptr = local_ptr[w]
        cov = covered[w]
        for j in range(candidates.size):
            mark += 1
            gains[j] += _reach(ptr, block, candidates[j], cov, stamp, mark, stack, False)


def gains_of(world_ptr, local_ptr, dst, covered, candidates, threads):
    """Sum over worlds of the marginal gain of each of ``candidates`` given ``covered``,
    on ``threads`` threads.

    Worlds are the outer loop, so each world's rows stay in cache while every
    candidate is searched in it; evaluating candidates one by one instead reads a
    fresh row of every world per candidate, which costs a cache miss per world.
    """
    worlds = local_ptr.shape[0]
    threads = max(1, min(threads, worlds))
    gains = np.zeros((threads, candidates.size), dtype=np.int64)

    def share(t):
        _gains_in_worlds(t * worlds // threads, (t + 1) * worlds // threads, world_ptr, local_ptr, dst,
                         covered, candidates, gains[t])

    run_on_threads(share, threads)
    return gains.sum(axis=0)
