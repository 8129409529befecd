"""Exact gain of every node over a sample of live-edge worlds, before any seed is chosen.

The gain of node ``v`` in a world is the number of nodes it reaches over kept arcs
(greedy seeding's first step; later steps search from a few candidates with
``_world_kernels.gains_of``). A search from every node costs the sum of all reach
sizes, which explodes near the critical point, where each world holds a few hundred
nodes that all reach the same few hundred others. Instead, per world:

1. The world comes laid out as a small local graph (``_world_kernels.world_graphs``):
   its nodes with a kept arc out, then the *shared sinks* (no arc out, two or more
   in), then the *private sinks* (one arc in), whose arcs come last in each node's
   list. A private sink is folded into its parent's weight, so it costs nothing here.
   Nodes without an arc to a shared node are *leaves*; one pass lists the leaves, the
   *sources* (no arc in) and the rest.
2. Tarjan's algorithm condenses the strongly connected components (SCCs) of the rest,
   emitting them sinks first, so every component comes after all it reaches. Leaves
   are one-node components numbered before them, and sources, which nothing reaches,
   one-node components numbered after them, without Tarjan ever entering them.
3. A child is *private* when nothing else can enter what it reaches (it and everything
   below it have exactly one incoming arc); private children's reach sets cannot
   overlap anything, and a shared leaf can only overlap a shared component. So with
   no shared component child, or one and no shared leaf, a component reaches ``weight
   + sum of its children's reach``, counted in one pass in Tarjan's order. A one-node
   component with one arc (most of them) takes a short path, and a source only needs
   its reach.
4. Two children's reach sets overlap only if both reach a *merge* component (two or
   more arcs in): follow one child's path to a common node back to where it first
   enters the other's reach set. Each component carries a 64-bit summary of the merge
   components below it (one hashed bit each, OR-ed up from its children); children
   whose summaries share no bit cannot overlap, and their sum is exact too.
5. Any other component is searched over components, following the list of distinct
   child components that step 3 writes for each component as it counts (so a search
   step reads one list entry instead of a member's arcs and their components). The
   search stops at every out-tree component it meets (all children private,
   recursively), adding its count, and at the hub, the largest component: the first
   search from above the hub marks what the hub reaches, and from then on a component
   that reaches the hub counts the hub's reach at once and never enters it.

Pruning at one hub per world is the idea of pruned Monte Carlo influence maximization
(Ohsaka, Akiba, Yoshida & Kawarabayashi, AAAI 2014); the out-tree rule extends it to
every component with one way in. Worlds are independent and are split between threads.

Tarjan's algorithm stores a finished node's component in its index entry, offset above
every index, so it needs no on-stack flags (as in Pearce, "A space-efficient algorithm
for finding strongly connected components", 2016), and it keeps the node it is
scanning in local variables, touching its call stack only to descend or return. On
random worlds a data-dependent branch is a coin flip for the processor, so the passes
that sort nodes into kinds write unconditionally at moving positions instead.

Changing this module: the rules in ``_world_kernels``'s docstring apply (public
``LiveEdgeWorlds`` methods only, the independent tests, and a clear gain in
``benchmarks/bench_world_gains.py`` at course sizes).
"""
from __future__ import annotations

import numpy as np
from numba import njit

from .._threads import parallel_threads, run_on_threads
from ._world_kernels import world_slices

__all__ = ["all_gains"]

# rows of the per-thread scratch array (int32, one entry per local node or component)
(LEND, NIN, RINDEX, CALL_NODE, CALL_ARC, CALL_IDX, CALL_BASE, TSTACK, MEMBERS,
 COMP_START, CSIZE, REACH, COMP_IN, IS_TREE, REACHES_HUB, STAMP, SEARCH, IN_HUB,
 HUB_COMPS, COND_PTR, STOP, CALL_LOW, ROOTS, SOURCES) = range(24)
ROWS = 24


@njit(cache=True)
def _arcs_in(lptr, weight, larc, out, total, s):
    """``s[LEND]``: where the arcs to shared nodes of each node with an arc out end;
    ``s[NIN]``: arcs into each shared node."""
    lend, nin = s[LEND], s[NIN]
    for j in range(out):
        lend[j] = lptr[j + 1] - weight[j] + 1
    nin[:total + 1] = 0
    for i in range(larc.size):
        nin[min(larc[i], total)] += 1  # arcs to private sinks all land on slot total


@njit(cache=True)
def _leaves(lptr, weight, out, total, s):
    """Make every local node without an arc to a shared node a finished one-node
    component (0, 1, ... in order), which reaches itself and its private sinks: the
    nodes with an arc out but none to a shared node, then the shared sinks. List the
    other nodes with an arc in (``s[ROOTS]``) and the sources (``s[SOURCES]``).
    Returns the numbers of leaves, of listed roots and of sources."""
    lend, nin, rindex = s[LEND], s[NIN], s[RINDEX]
    reach, comp_in, is_tree, reaches_hub, stop = s[REACH], s[COMP_IN], s[IS_TREE], s[REACHES_HUB], s[STOP]
    roots, sources = s[ROOTS], s[SOURCES]
    finished = total + 1  # rindex of a node in component c: finished + c
    leaves = 0
    rooted = 0
    sourced = 0
    for j in range(total):
        if j < out:
            leaf = np.int32(lend[j] == lptr[j])
            source = (1 - leaf) & np.int32(nin[j] == 0)
            reach[leaves] = weight[j]
        else:  # a shared sink
            leaf, source = 1, 0
            reach[leaves] = 1
        rindex[j] = leaf * (finished + leaves)
        comp_in[leaves] = nin[j]
        is_tree[leaves] = 1
        reaches_hub[leaves] = 0
        stop[leaves] = 1
        roots[rooted] = j
        sources[sourced] = j
        leaves += leaf
        rooted += 1 - leaf - source
        sourced += source
    return leaves, rooted, sourced


@njit(cache=True, inline="always")
def _enter(x, counter, top, rindex, tstack, lptr, lend):
    """Tarjan enters ``x``: its index is ``counter`` and it is stacked at ``top``.
    Returns (index, stack position, first arc, end of its arcs)."""
    rindex[x] = counter
    tstack[top] = x
    return counter, top, lptr[x], lend[x]


@njit(cache=True)
def _condense(lptr, weight, larc, total, leaves, rooted, sourced, s):
    """Tarjan's algorithm, iterative, from the ``rooted`` listed roots. ``rindex``
    holds 0 (unvisited), a node's index while it is on the stack, or ``total + 1 +
    component`` once finished (larger than any index, so it never lowers a lowlink).
    The node being scanned, its arc cursor and its lowlink live in local variables;
    only a descent saves them on the call stack. Components are numbered from
    ``leaves`` in the order they finish, which is sinks first, and the ``sourced``
    sources follow. Returns the number of components, leaves included, and the first
    source's component."""
    lend, rindex = s[LEND], s[RINDEX]
    call_node, call_arc, call_idx, call_base = s[CALL_NODE], s[CALL_ARC], s[CALL_IDX], s[CALL_BASE]
    tstack, members, comp_start, csize = s[TSTACK], s[MEMBERS], s[COMP_START], s[CSIZE]
    call_low = s[CALL_LOW]
    finished = total + 1
    counter = 1
    top = 0
    ncomp = leaves
    nmem = 0
    roots, sources = s[ROOTS], s[SOURCES]
    for q in range(rooted):
        x = roots[q]
        if rindex[x] != 0:
            continue
        depth = 0
        idx, base, i, end = _enter(x, counter, top, rindex, tstack, lptr, lend)
        counter += 1
        top += 1
        low = idx
        while True:
            if i < end:
                y = larc[i]
                i += 1
                ry = rindex[y]
                if ry == 0:
                    call_node[depth] = x
                    call_arc[depth] = i
                    call_idx[depth] = idx
                    call_base[depth] = base
                    call_low[depth] = low
                    depth += 1
                    x = y
                    idx, base, i, end = _enter(x, counter, top, rindex, tstack, lptr, lend)
                    counter += 1
                    top += 1
                    low = idx
                else:
                    low = min(low, ry)
                continue
            if low == idx:
                # x is a root: everything stacked since it entered is its component
                comp_start[ncomp] = nmem
                size = 0
                for t in range(base, top):
                    y = tstack[t]
                    rindex[y] = finished + ncomp
                    members[nmem] = y
                    size += weight[y]
                    nmem += 1
                top = base
                csize[ncomp] = size
                ncomp += 1
                low = finished
            if depth == 0:
                break
            depth -= 1
            x = call_node[depth]
            i = call_arc[depth]
            end = lend[x]
            idx = call_idx[depth]
            base = call_base[depth]
            low = min(call_low[depth], low)
    # nothing reaches a source, so each is a component of its own, finished last
    first_source = ncomp
    for q in range(sourced):
        x = sources[q]
        comp_start[ncomp] = nmem
        members[nmem] = x
        csize[ncomp] = weight[x]
        rindex[x] = finished + ncomp
        nmem += 1
        ncomp += 1
    comp_start[ncomp] = nmem
    return ncomp, first_source


@njit(cache=True)
def _mark_hub(hub, leaves, s, cond_arc):
    """Mark every component the hub reaches (``s[IN_HUB]``, by component); returns how
    many were marked (listed in ``s[HUB_COMPS]``)."""
    cond_ptr, in_hub, hub_comps = s[COND_PTR], s[IN_HUB], s[HUB_COMPS]
    in_hub[hub] = 1
    hub_comps[0] = hub
    queued = 1
    done = 0
    while queued > done:
        e = hub_comps[done]
        done += 1
        if e < leaves:
            continue  # leaves have no children (and no child list)
        for k in range(cond_ptr[e], cond_ptr[e + 1]):
            d = cond_arc[k]
            if not in_hub[d]:
                in_hub[d] = 1
                hub_comps[queued] = d
                queued += 1
    return done


@njit(cache=True, inline="always")
def _summary_bit(d, is_merge):
    """The bit component ``d`` sets in summaries of the merge components below: a
    multiplicative hash of its number, or none when it is not a merge."""
    return np.uint64(is_merge) << ((np.uint64(d) * np.uint64(0x9E3779B97F4A7C15)) >> np.uint64(58))


@njit(cache=True, inline="always")
def _search(c, above_hub, hub_reach, mark, s, cond_arc):
    """Reach of component ``c`` by a search over components, stamping those it meets
    with ``mark``. Out-tree components that do not reach the hub count at once; if
    ``c`` reaches the hub (``above_hub``), the hub's reach counts at once and nothing
    marked in ``s[IN_HUB]`` is entered."""
    csize, reach, stamp, search = s[CSIZE], s[REACH], s[STAMP], s[SEARCH]
    in_hub, cond_ptr, stop = s[IN_HUB], s[COND_PTR], s[STOP]
    total_c = csize[c] + hub_reach
    stamp[c] = mark
    search[0] = c
    depth = 1
    while depth > 0:
        depth -= 1
        e = search[depth]
        for j in range(cond_ptr[e], cond_ptr[e + 1]):
            d = cond_arc[j]
            if (above_hub and in_hub[d]) or stamp[d] == mark:
                continue
            stamp[d] = mark
            if stop[d]:
                total_c += reach[d]
            else:
                total_c += csize[d]
                search[depth] = d
                depth += 1
    return total_c


@njit(cache=True)
def _world_gains(nodes, out, total, lptr, weight, larc, gains, s, work, mark):
    """Add (reach - 1) to ``gains[v]`` for every node ``v`` with a kept arc out in one
    world, laid out as ``nodes``, ``lptr``, ``weight`` and ``larc`` (its slices of a
    ``WorldGraphs``: ``out`` nodes with an arc out, ``total`` nodes with an arc out or
    shared). ``s`` holds the scratch rows, left ready for the next world except the
    stamps, which compare with ``mark``: it only grows, and the new value is returned."""
    summary, cond_arc = work
    _arcs_in(lptr, weight, larc, out, total, s)
    leaves, rooted, sourced = _leaves(lptr, weight, out, total, s)
    ncomp, first_source = _condense(lptr, weight, larc, total, leaves, rooted, sourced, s)
    lend, nin, rindex = s[LEND], s[NIN], s[RINDEX]
    members, comp_start, csize = s[MEMBERS], s[COMP_START], s[CSIZE]
    reach, comp_in, is_tree, reaches_hub = s[REACH], s[COMP_IN], s[IS_TREE], s[REACHES_HUB]
    stamp, in_hub, hub_comps, cond_ptr, stop = s[STAMP], s[IN_HUB], s[HUB_COMPS], s[COND_PTR], s[STOP]
    finished = total + 1
    summary[:leaves] = 0
    hub = -1
    marked = 0
    if first_source > leaves:
        hub = leaves
        for c in range(leaves + 1, first_source):
            if csize[c] > csize[hub]:
                hub = c
    # reach of every component, children first; the distinct children of each are
    # listed (cond_ptr / cond_arc), so searches run over components directly
    cond_ptr[leaves] = 0
    k = 0
    for c in range(leaves, ncomp):
        x = members[comp_start[c]]
        if comp_start[c + 1] - comp_start[c] == 1 and lend[x] - lptr[x] == 1:
            # one node with one arc to a shared node: one child, no overlap; parents
            # read what follows from it, and nothing reads more of a source than reach
            d = rindex[larc[lptr[x]]] - finished
            reach[c] = csize[c] + reach[d]
            if c < first_source:
                cond_arc[k] = d
                k += 1
                tree = np.int32(comp_in[d] == 1) & is_tree[d]
                is_tree[c] = tree
                reaches_hub[c] = reaches_hub[d] | np.int32(c == hub)
                stop[c] = tree & (1 - reaches_hub[c])
                comp_in[c] = nin[x]
                summary[c] = summary[d] | _summary_bit(d, comp_in[d] > 1)
            cond_ptr[c + 1] = k
            continue
        mark += 1
        stamp[c] = mark
        shared_comps = 0
        shared_leaves = 0
        internal = 0
        arcs_in = 0
        above_hub = 0
        total_c = csize[c]
        below = np.uint64(0)
        overlap = np.uint64(0)
        for j in range(comp_start[c], comp_start[c + 1]):
            x = members[j]
            arcs_in += nin[x]
            for i in range(lptr[x], lend[x]):
                d = rindex[larc[i]] - finished
                internal += d == c
                new = np.int32(stamp[d] != mark)
                stamp[d] = mark
                cond_arc[k] = d
                k += new
                total_c += new * reach[d]
                above_hub |= new & reaches_hub[d]
                shared = new & (np.int32(comp_in[d] != 1) | (1 - is_tree[d]))
                leaf = np.int32(d < leaves)
                shared_leaves += shared & leaf
                shared_comps += shared & (1 - leaf)
                # a child met again adds nothing (the mask is all ones only when new)
                child = (summary[d] | _summary_bit(d, comp_in[d] > 1)) & (np.uint64(0) - np.uint64(new))
                overlap |= below & child
                below |= child
        cond_ptr[c + 1] = k
        tree = np.int32(shared_leaves + shared_comps == 0)
        is_tree[c] = tree
        reaches_hub[c] = above_hub | np.int32(c == hub)
        stop[c] = tree & (1 - reaches_hub[c])
        comp_in[c] = arcs_in - internal
        summary[c] = below
        if (shared_comps > 1 or (shared_comps == 1 and shared_leaves > 0)) and overlap != 0:
            # children's reach sets may overlap: search over components
            if above_hub and marked == 0:
                marked = _mark_hub(hub, leaves, s, cond_arc)
            mark += 1
            total_c = _search(c, above_hub, reach[hub] if above_hub else 0, mark, s, cond_arc)
        reach[c] = total_c
    for j in range(marked):
        in_hub[hub_comps[j]] = 0
    # every node with an arc out gains its component's reach, added in node order
    for j in range(out):
        gains[nodes[j]] += reach[rindex[j] - finished] - 1
    rindex[:total] = 0
    return mark


@njit(cache=True, nogil=True)
def _share_of_worlds(first, last, g, s, gains):
    """Add to ``gains`` every node's reach minus one in worlds ``first`` to ``last - 1``
    of the graphs ``g``, with the scratch rows ``s``. Releases the GIL, so threads can
    run shares at once."""
    world_ptr, sizes = g[0], g[2]
    longest = 0
    for w in range(first, last):
        longest = max(longest, world_ptr[w + 1] - world_ptr[w])
    work = (np.empty(s.shape[1], dtype=np.uint64), np.empty(longest + 1, dtype=np.int32))
    # np.int64, not a literal 0, which would compile _world_gains twice (1.5 s more on a
    # cold cache): once for the literal 0 and once for the int64 it returns
    mark = np.int64(0)
    for w in range(first, last):
        if mark > 2**30:  # before the int32 stamps could overflow
            s[STAMP] = 0
            mark = np.int64(0)
        nodes, out, lptr, weight, larc = world_slices(g, w)
        mark = _world_gains(nodes, out, out + sizes[w, 1], lptr, weight, larc, gains, s, work, mark)


def all_gains(g, threads=None):
    """Sum over the worlds of the graphs ``g`` (a :class:`WorldGraphs`) of every node's
    reach, on at most ``threads`` threads (default: as many as the process can really
    use)."""
    worlds, n = len(g.world_ptr) - 1, g.n
    with parallel_threads(max(1, min(threads or worlds, worlds))) as used:
        gains = np.zeros((used, n), dtype=np.int64)
        largest = int(g.sizes[:, 2].max(initial=0))
        scratch = np.zeros((used, ROWS, largest + 2), dtype=np.int32)

        def share(t):
            _share_of_worlds(t * worlds // used, (t + 1) * worlds // used, tuple(g), scratch[t], gains[t])

        run_on_threads(share, used)
    # every node reaches itself in every world: that part is added here
    return gains.sum(axis=0) + worlds
