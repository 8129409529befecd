"""Compiled loops over live-edge worlds ("possible worlds", Kempe, Kleinberg & Tardos 2003).

A world keeps each arc of the network or drops it at random; the nodes a seed set
activates are then exactly those reachable from it over kept arcs. A sample of worlds
is stored world by world as sorted arc numbers (``world_ptr``/``arcs``). For searches
it is laid out once by :func:`world_graphs` as one small graph per world, over only the
nodes its kept arcs touch, numbered so that a search step is a plain array read and the
exact gains of every node (``_world_gains``) start from the graph as it is stored.

Rules for changing this module: outside ``cascades/independent.py`` the library calls
it only through the public methods of ``LiveEdgeWorlds`` (``gains``, ``cover``,
``marginal_gain``, ``spread``), never directly. A change must pass ``tests/test_world_gains.py``, whose references (hand
counts, networkx reachability, ``gains(method="simple")``) share no code with these
kernels, and must show a clear gain in ``benchmarks/bench_world_gains.py`` at course
sizes (about 1,000 nodes and 500 worlds, what the lessons use), run before and after
on the same machine. The kernels are already far faster than the lessons need; a change
that only moves a micro-benchmark is not worth the risk.
"""
from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np
from numba import njit

from .._threads import run_on_threads


@njit(cache=True)
def _grow(buffer, size):
    bigger = np.empty(2 * buffer.size + 16, dtype=buffer.dtype)
    # a loop, not ``bigger[:size] = buffer[:size]``: numba compiles an array assignment
    # with its shape-mismatch error message, about 1.7 s on a cold cache
    for i in range(size):
        bigger[i] = buffer[i]
    return bigger


@njit(cache=True)
def sample_ic_worlds(n_arcs, p, arc_p, worlds, gen):
    """Kept arcs of ``worlds`` IC worlds: arc ``e`` kept with probability arc_p[e] or p."""
    world_ptr = np.zeros(worlds + 1, dtype=np.int64)
    expected = n_arcs * (p if arc_p.size == 0 else arc_p.mean()) * worlds
    arcs = np.empty(int(expected * 1.1) + 64, dtype=np.int64)
    size = np.int64(0)  # a literal 0 would compile _grow twice, for 0 and for int64
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
        arcs[start:size].sort()  # in place: no array assignment to compile (see _grow)
        world_ptr[w + 1] = size
    return world_ptr, arcs[:size].copy()


class WorldGraphs(NamedTuple):
    """Every world of a sample as a small graph of its own (see :func:`world_graphs`)."""

    world_ptr: np.ndarray  # kept arcs of world w: world_ptr[w] to world_ptr[w + 1]
    out_ptr: np.ndarray  # nodes with an arc out in the worlds before w (prefix counts)
    sizes: np.ndarray  # per world: nodes with an arc out, shared sinks, all local nodes
    nodes: np.ndarray  # local node -> network node, from world_ptr[w] + out_ptr[w]
    lptr: np.ndarray  # first arc of each node with an arc out, from out_ptr[w] + w
    weight: np.ndarray  # 1 + private sinks of each node with an arc out, from out_ptr[w]
    larc: np.ndarray  # kept arc -> local node it ends at
    n: int  # nodes in the network


@njit(cache=True, inline="always")
def world_slices(g, w):
    """World ``w`` of the graphs ``g``: (its local nodes, how many have an arc out,
    where their arcs start (one entry more), their weights, the local node each kept
    arc ends at). The node slice is the room the world has, which holds its
    ``sizes[w, 2]`` local nodes and may hold more."""
    world_ptr, out_ptr, _, nodes, lptr, weight, larc, _ = g
    a, b, first, last = world_ptr[w], world_ptr[w + 1], out_ptr[w], out_ptr[w + 1]
    return nodes[a + first:b + last], last - first, lptr[first + w:last + w + 1], weight[first:last], larc[a:b]


@njit(cache=True, nogil=True)
def _count_sources(first, last, src, world_ptr, arcs, out_count):
    """Nodes with a kept arc out in each of worlds ``first`` to ``last - 1``."""
    for w in range(first, last):
        out = 0
        previous = -1
        for i in range(world_ptr[w], world_ptr[w + 1]):
            x = src[arcs[i]]
            out += np.int32(x != previous)  # arcs are sorted, so grouped by source
            previous = x
        out_count[w] = out


@njit(cache=True, nogil=True)
def _lay_out(first, last, src, dst, arcs, g):
    """Lay out worlds ``first`` to ``last - 1`` into the arrays of ``g`` (see
    :func:`world_graphs`). Where the data decides, the loops write unconditionally at
    moving positions instead of branching: on random worlds a branch is a coin flip
    for the processor."""
    world_ptr, sizes, n = g[0], g[2], g[7]
    kind = np.zeros(n, dtype=np.int32)  # 1: has an arc out, 2: a sink already listed
    node_in = np.zeros(n, dtype=np.int32)
    lid = np.zeros(n, dtype=np.int32)
    longest = 0
    for w in range(first, last):
        longest = max(longest, world_ptr[w + 1] - world_ptr[w])
    target = np.empty(longest, dtype=np.int32)
    privates = np.empty(longest + 1, dtype=np.int32)
    for w in range(first, last):
        a, b = world_ptr[w], world_ptr[w + 1]
        nodes, out, lptr, weight, larc = world_slices(g, w)
        # nodes with an arc out, in node order, and where their runs of arcs end
        j = -1
        previous = -1
        lptr[0] = 0
        for i in range(b - a):
            x, y = src[arcs[a + i]], dst[arcs[a + i]]
            j += np.int32(x != previous)
            previous = x
            nodes[j] = x
            lid[x] = j
            kind[x] = 1
            lptr[j + 1] = i + 1
            node_in[y] += 1
            target[i] = y
        # the sinks, in the order arcs first reach them: shared ones (two or more arcs
        # in) next, private ones last
        shared = 0
        private = 0
        for i in range(b - a):
            y = target[i]
            new_sink = np.int32(kind[y] == 0)
            kind[y] += 2 * new_sink
            sh = new_sink & np.int32(node_in[y] > 1)
            nodes[out + shared] = y  # kept only if y is a new shared sink
            lid[y] += sh * (out + shared - lid[y])
            privates[private] = y
            shared += sh
            private += new_sink - sh
        for k in range(private):
            nodes[out + shared + k] = privates[k]
            lid[privates[k]] = out + shared + k
        sizes[w, 0] = out
        sizes[w, 1] = shared
        sizes[w, 2] = out + shared + private
        # within a run, arcs to shared nodes first and arcs to private sinks last
        for j in range(out):
            front, back = lptr[j], lptr[j + 1] - 1
            for i in range(lptr[j], lptr[j + 1]):
                t = lid[target[i]]
                is_private = np.int32(t >= out + shared)
                larc[front] = t
                larc[back] = t
                front += 1 - is_private
                back -= is_private
            weight[j] = 1 + lptr[j + 1] - front
        for j in range(out + shared + private):
            kind[nodes[j]] = 0
            node_in[nodes[j]] = 0


@njit(cache=True)
def _graph_arrays(worlds, arcs, out_total):
    """Uninitialised sizes, nodes, lptr, weight and larc arrays. Allocated by numba
    rather than numpy: numpy asks the kernel for transparent huge pages on large
    arrays, and two threads faulting those in at once stalled the layout by up to
    80 ms here (its time varied 40-140 ms; 40-60 ms allocated this way)."""
    return (np.empty((worlds, 3), dtype=np.int32), np.empty(arcs + out_total, dtype=np.int32),
            np.empty(out_total + worlds, dtype=np.int32), np.empty(out_total, dtype=np.int32),
            np.empty(arcs, dtype=np.int32))


def world_graphs(indptr, indices, world_ptr, arcs, threads=1):
    """Lay out every world as a small graph of its own (a :class:`WorldGraphs`), on
    ``threads`` threads.

    The local nodes of world ``w`` are the nodes a kept arc touches, ``sizes[w, 2]`` of
    them from ``nodes[world_ptr[w] + out_ptr[w]]`` on: first the ``sizes[w, 0]`` with an
    arc out, in node order (so a search finds its start by bisection), then the
    ``sizes[w, 1]`` *shared sinks* (no arc out, two or more in), then the *private
    sinks* (no arc out, one in), both in the order arcs first reach them. Local node
    ``j`` with an arc out has the kept arcs ``world_ptr[w] + lptr[out_ptr[w] + w + j]``
    up to the next one's start; ``larc`` holds the local node each ends at, arcs to
    shared nodes first and arcs to private sinks last; ``weight`` counts the node and
    its private sinks. Every array is laid out by the kept arcs, not by worlds x nodes:
    at most 20 bytes per kept arc.
    """
    n = len(indptr) - 1
    worlds = len(world_ptr) - 1
    src = np.repeat(np.arange(n, dtype=np.int32), np.diff(indptr))
    threads = max(1, min(threads, worlds))
    bounds = [t * worlds // threads for t in range(threads + 1)]
    out_ptr = np.zeros(worlds + 1, dtype=np.int64)
    run_on_threads(lambda t: _count_sources(bounds[t], bounds[t + 1], src, world_ptr, arcs,
                                            out_ptr[1:]), threads)
    np.cumsum(out_ptr, out=out_ptr)
    out_total = int(out_ptr[-1])
    g = WorldGraphs(world_ptr, out_ptr, *_graph_arrays(worlds, arcs.size, out_total), n)
    run_on_threads(lambda t: _lay_out(bounds[t], bounds[t + 1], src, indices, arcs, tuple(g)), threads)
    return g


@njit(cache=True, inline="always")
def _out_id(nodes, out, v):
    """Local number of node ``v`` among the first ``out`` local nodes (those with an arc
    out, in node order), or -1."""
    j = np.searchsorted(nodes[:out], v)
    return j if j < out and nodes[j] == v else -1


@njit(cache=True, inline="always")
def _reach(world, v, j, covered, stamp, mark, stack, mark_covered):
    """Nodes reachable from node ``v`` (local number ``j`` among those with an arc out,
    or -1) in one ``world``, not counting covered ones (a row of worlds x nodes), whose
    descendants are covered too, so the search stops there. Optionally marks what it
    finds as covered."""
    nodes, out, lptr, _, larc = world
    if covered[v]:
        return 0
    if mark_covered:
        covered[v] = True
    if j < 0:  # no kept arc leaves v
        return 1
    stamp[j] = mark
    stack[0] = j
    top = 1
    count = 1
    while top > 0:
        top -= 1
        x = stack[top]
        for i in range(lptr[x], lptr[x + 1]):
            y = larc[i]
            if stamp[y] != mark and not covered[nodes[y]]:
                stamp[y] = mark
                count += 1
                if mark_covered:
                    covered[nodes[y]] = True
                if y < out:  # sinks have no arcs to follow
                    stack[top] = y
                    top += 1
    return count


@njit(cache=True)
def reach_over_worlds(g, node, covered, mark_covered):
    """Sum over worlds of the nodes ``node`` reaches that are not yet covered (its
    marginal gain times the number of worlds); with ``mark_covered`` they become covered."""
    n = covered.shape[1]
    stamp = np.zeros(n, dtype=np.int64)
    stack = np.empty(n, dtype=np.int32)
    total = 0
    for w in range(len(g[0]) - 1):
        world = world_slices(g, w)
        j = _out_id(world[0], world[1], node)
        total += _reach(world, node, j, covered[w], stamp, w + 1, stack, mark_covered)
    return total


@njit(cache=True, nogil=True)
def _gains_in_worlds(first, last, g, covered, candidates, gains):
    """Add to ``gains`` each candidate's marginal gain summed over worlds ``first`` to
    ``last - 1``. Releases the GIL, so threads can run shares at once."""
    n = covered.shape[1]
    stamp = np.zeros(n, dtype=np.int64)
    stack = np.empty(n, dtype=np.int32)
    local = np.full(n, -1, dtype=np.int32)
    mark = 0
    for w in range(first, last):
        world = world_slices(g, w)
        nodes, out = world[0], world[1]
        # a bisection costs about as much as writing and clearing 32 entries of a map
        # from nodes to local numbers
        many = 32 * candidates.size > out
        if many:
            for j in range(out):
                local[nodes[j]] = j
        cov = covered[w]
        for k in range(candidates.size):
            v = candidates[k]
            if cov[v]:
                continue
            j = local[v] if many else _out_id(nodes, out, v)
            mark += 1
            gains[k] += _reach(world, v, j, cov, stamp, mark, stack, False)
        if many:
            for j in range(out):
                local[nodes[j]] = -1


def gains_of(g, covered, candidates, threads):
    """Sum over worlds of the marginal gain of each of ``candidates`` given ``covered``,
    on ``threads`` threads.

    Worlds are the outer loop, so each world's graph stays in cache while every
    candidate is searched in it.
    """
    worlds = len(g.world_ptr) - 1
    threads = max(1, min(threads, worlds))
    gains = np.zeros((threads, candidates.size), dtype=np.int64)

    def share(t):
        _gains_in_worlds(t * worlds // threads, (t + 1) * worlds // threads, tuple(g), covered,
                         candidates, gains[t])

    run_on_threads(share, threads)
    return gains.sum(axis=0)
