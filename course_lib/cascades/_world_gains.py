"""Exact marginal gains of every node over a sample of live-edge worlds.

The gain of node ``v`` in a world is the number of not-yet-covered nodes it reaches
over kept arcs (covered nodes are closed under reachability, so they simply drop out of
the world). A search from every node costs the sum of all reach sizes, which explodes
near the critical point, where each world holds a few hundred nodes that all reach
the same few hundred others. Instead, per world:

1. Tarjan's algorithm condenses the strongly connected components (SCCs), emitting
   them sinks first, so every component comes after all it reaches.
2. A child is *private* when nothing else can enter what it reaches (it and everything
   below it have exactly one incoming arc); private children's reach sets cannot
   overlap anything. With at most one non-private child a component reaches
   ``size + sum of its children's reach``, counted in one pass in Tarjan's order.
3. Any other component is searched over components. The search stops at every
   out-tree component it meets (all children private, recursively), adding its count,
   and at the hub, the largest component, whose reach is marked once: a component
   that reaches the hub counts the hub's reach at once and never enters it.

Pruning at one hub per world is the idea of pruned Monte Carlo influence maximization
(Ohsaka, Akiba, Yoshida & Kawarabayashi, AAAI 2014); the out-tree rule extends it to
every component with one way in. Nodes with no kept arc out are counted where they
are met, without entering the search. Worlds are independent and are split between
threads.
"""
from __future__ import annotations

import numpy as np
from numba import njit, prange

from .._threads import parallel_threads

__all__ = ["all_gains"]


@njit(cache=True)
def _world_gains(ptr, block, covered, gains, s, mark):
    """Add (reach - 1) to ``gains[v]`` for every uncovered ``v`` with a kept arc out in
    one world (adjacency ``ptr``/``block``). ``s`` holds the scratch arrays, restored
    on return except the stamp rows, which compare with ``mark``: it only grows, and
    the new value is returned."""
    index, low, comp, onstack, node_in, stamp_node = s[0], s[1], s[2], s[3], s[4], s[5]
    tstack, call_node, call_arc, members, comp_start = s[6], s[7], s[8], s[9], s[10]
    comp_in, reach, is_tree, stamp_comp, search = s[11], s[12], s[13], s[14], s[15]
    in_hub, reaches_hub, hub_nodes = s[16], s[17], s[18]
    n = ptr.size - 1
    # arcs into every uncovered node (an arc into one comes from an uncovered node:
    # covered nodes only reach covered ones)
    for i in range(block.size):
        if not covered[block[i]]:
            node_in[block[i]] += 1
    counter = 0
    top = 0
    ncomp = 0
    nmem = 0
    # 1. Tarjan, iterative; only nodes with a kept arc out are entered (the others are
    #    their own one-node sink components: reach 1, handled without a component id)
    for r in range(n):
        if ptr[r] == ptr[r + 1] or covered[r] or index[r] >= 0:
            continue
        entering = r
        depth = 0
        while True:
            if entering >= 0:
                # number the node and put it on both stacks
                index[entering] = counter
                low[entering] = counter
                counter += 1
                tstack[top] = entering
                top += 1
                onstack[entering] = 1
                call_node[depth] = entering
                call_arc[depth] = ptr[entering]
                depth += 1
                entering = -1
            if depth == 0:
                break
            x = call_node[depth - 1]
            i = call_arc[depth - 1]
            if i < ptr[x + 1]:
                call_arc[depth - 1] = i + 1
                y = block[i]
                if covered[y] or ptr[y] == ptr[y + 1]:
                    continue
                if index[y] < 0:
                    entering = y
                elif onstack[y] and index[y] < low[x]:
                    low[x] = index[y]
            else:
                depth -= 1
                if depth > 0:
                    parent = call_node[depth - 1]
                    if low[x] < low[parent]:
                        low[parent] = low[x]
                if low[x] == index[x]:
                    comp_start[ncomp] = nmem
                    while True:
                        top -= 1
                        y = tstack[top]
                        onstack[y] = 0
                        comp[y] = ncomp
                        members[nmem] = y
                        nmem += 1
                        if y == x:
                            break
                    ncomp += 1
    comp_start[ncomp] = nmem
    # 2. the hub: the largest component; mark everything it reaches (in_hub)
    hub = 0
    for c in range(1, ncomp):
        if comp_start[c + 1] - comp_start[c] > comp_start[hub + 1] - comp_start[hub]:
            hub = c
    hub_reach = 0
    if ncomp > 0:
        x = members[comp_start[hub]]
        in_hub[x] = 1
        hub_nodes[0] = x
        depth = 1
        while depth > hub_reach:
            x = hub_nodes[hub_reach]
            hub_reach += 1
            for i in range(ptr[x], ptr[x + 1]):
                y = block[i]
                if not covered[y] and not in_hub[y]:
                    in_hub[y] = 1
                    hub_nodes[depth] = y
                    depth += 1
    # 3. reach of every component, children first (Tarjan's order)
    for c in range(ncomp):
        # a child is private when nothing else reaches into what it reaches (it and
        # everything below it have one way in): its reach adds without overlap
        shared = 0
        internal = 0
        above_hub = c == hub
        total = comp_start[c + 1] - comp_start[c]
        mark += 1
        for j in range(comp_start[c], comp_start[c + 1]):
            x = members[j]
            for i in range(ptr[x], ptr[x + 1]):
                y = block[i]
                if covered[y]:
                    continue
                if ptr[y] == ptr[y + 1]:
                    if stamp_node[y] != mark:
                        stamp_node[y] = mark
                        total += 1
                        if node_in[y] != 1:
                            shared += 1
                else:
                    d = comp[y]
                    if d == c:
                        internal += 1
                    elif stamp_comp[d] != mark:
                        stamp_comp[d] = mark
                        total += reach[d]
                        above_hub = above_hub or reaches_hub[d] == 1
                        if comp_in[d] != 1 or not is_tree[d]:
                            shared += 1
        is_tree[c] = shared == 0
        reaches_hub[c] = above_hub
        entering = -internal
        for j in range(comp_start[c], comp_start[c + 1]):
            entering += node_in[members[j]]
        comp_in[c] = entering
        # with at most one shared child the sum is exact as well
        tree = shared <= 1
        if not tree and c != hub:
            # children's reach sets overlap somewhere: search over components. If c
            # reaches the hub, what the hub reaches counts at once and is never
            # entered; out-tree components that do not reach the hub count at once
            # too (below them every node has one way in)
            mark += 1
            total = comp_start[c + 1] - comp_start[c] + (hub_reach if above_hub else 0)
            stamp_comp[c] = mark
            search[0] = c
            depth = 1
            while depth > 0:
                depth -= 1
                e = search[depth]
                for j in range(comp_start[e], comp_start[e + 1]):
                    x = members[j]
                    for i in range(ptr[x], ptr[x + 1]):
                        y = block[i]
                        if covered[y] or (above_hub and in_hub[y]):
                            continue
                        if ptr[y] == ptr[y + 1]:
                            if stamp_node[y] != mark:
                                stamp_node[y] = mark
                                total += 1
                            continue
                        d = comp[y]
                        if stamp_comp[d] == mark:
                            continue
                        stamp_comp[d] = mark
                        if is_tree[d] and not reaches_hub[d]:
                            total += reach[d]
                        else:
                            total += comp_start[d + 1] - comp_start[d]
                            search[depth] = d
                            depth += 1
        reach[c] = hub_reach if c == hub else total
        for j in range(comp_start[c], comp_start[c + 1]):
            gains[members[j]] += reach[c] - 1
    # restore the scratch rows that are not stamps
    for j in range(nmem):
        index[members[j]] = -1
    for j in range(hub_reach):
        in_hub[hub_nodes[j]] = 0
    for i in range(block.size):
        node_in[block[i]] = 0
    return mark


ROWS = 19  # scratch rows used by _world_gains


@njit(cache=True, parallel=True)
def _all_gains(world_ptr, local_ptr, dst, covered, scratch):
    """Sum over worlds of every node's marginal gain minus one per world where it is
    uncovered (the node itself). ``covered`` is worlds x nodes (or 0 x 0: nothing
    covered). Each of the ``len(scratch)`` threads takes a share of the worlds."""
    worlds, n = local_ptr.shape[0], local_ptr.shape[1] - 1
    threads = scratch.shape[0]
    per_thread = np.zeros((threads, n), dtype=np.int64)
    nothing = np.zeros(n, dtype=np.bool_)
    longest = 0
    for w in range(worlds):
        longest = max(longest, world_ptr[w + 1] - world_ptr[w])
    for t in prange(threads):
        s = scratch[t]
        gains = per_thread[t]
        mark = 0
        ptr = np.empty(n + 1, dtype=local_ptr.dtype)
        block = np.empty(longest, dtype=dst.dtype)
        for w in range(t * worlds // threads, (t + 1) * worlds // threads):
            cov = covered[w] if covered.shape[0] > 0 else nothing
            if mark > 2**30:  # before the int32 stamps could overflow
                s[5] = 0
                s[14] = 0
                mark = 0
            # copy the world's rows first: read in order they stream in at full memory
            # speed, where the search's scattered reads would each wait for memory
            ptr[:] = local_ptr[w]
            size = world_ptr[w + 1] - world_ptr[w]
            block[:size] = dst[world_ptr[w]:world_ptr[w + 1]]
            mark = _world_gains(ptr, block[:size], cov, gains, s, mark)
    return per_thread.sum(axis=0)


def all_gains(world_ptr, local_ptr, dst, covered=None, threads=None):
    """Sum over worlds of every node's marginal gain given ``covered`` (worlds x nodes
    booleans, closed under reachability in each world; None: nothing covered), on at
    most ``threads`` threads (default: as many as the process can really use)."""
    n = local_ptr.shape[1] - 1
    if covered is None:
        covered = np.zeros((0, 0), dtype=np.bool_)
    # every uncovered node reaches itself in every world: that part is added here
    own = local_ptr.shape[0] - (covered.sum(axis=0) if covered.size else 0)
    worlds = local_ptr.shape[0]
    with parallel_threads(max(1, min(threads or worlds, worlds))) as used:
        scratch = np.zeros((used, ROWS, n + 1), dtype=np.int32)
        scratch[:, 0] = -1
        return _all_gains(world_ptr, local_ptr, dst, covered, scratch) + own
