"""Greedy seeding's kernels at course sizes: the bar a kernel change must clear.

    python benchmarks/bench_world_gains.py

On a scale-free network of 1,000 consumers with 500 live-edge worlds (lesson 03's
sizes), for IC chances around the critical point, times: laying the worlds out, the
first step (every node's exact gain, ``LiveEdgeWorlds.gains()``), ten greedy seeds in
all (``seeding.greedy_selection``), and the two references the tests use, the plain
Python search (``gains(method="simple")``) and networkx reachability over each world
rebuilt as a DiGraph, on the same worlds in the same run; it prints their ratios to the
compiled first step. Run it before and after a change to ``cascades/_world_*.py`` and
keep the change only if the compiled columns improve clearly.
"""
import sys

import networkx as nx
import numpy as np

from bench_threshold import median_time
from course_lib.cascades import sample_live_edge_worlds
from course_lib.seeding import greedy_selection

NODES, WORLDS, SEED = 1000, 500, 7


def networkx_first_step(sample, worlds):
    totals = np.zeros(sample.net.n, dtype=np.int64)
    for w in range(worlds):
        H = sample.world(w)
        for i, v in enumerate(sample.net.nodes):
            totals[i] += 1 + len(nx.descendants(H, v))
    return totals


def main(peer_worlds=25):
    G = nx.barabasi_albert_graph(NODES, 3, seed=SEED)
    sample_live_edge_worlds(G, "ic", 0.1, worlds=5, seed=1).gains()  # compile first
    greedy_selection(G, 2, p=0.1, worlds=5, seed=1)
    print(f"{NODES} nodes (Barabási–Albert, m = 3), {WORLDS} worlds; references on the first "
          f"{peer_worlds} worlds, scaled to {WORLDS}\n")
    print("| p | layout | first step | 10 greedy seeds | plain search | networkx | plain / first step | networkx / first step |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for p in (0.05, 0.1, 0.2):
        t_layout, _ = median_time(lambda: sample_live_edge_worlds(G, "ic", p, WORLDS, seed=2).adjacency, 5)
        sample = sample_live_edge_worlds(G, "ic", p, WORLDS, seed=2)
        sample.adjacency
        t_first, fast = median_time(sample.gains, 9)
        t_greedy, _ = median_time(lambda: greedy_selection(G, 10, p=p, worlds=WORLDS, seed=2), 3)
        part = type(sample)(sample.net, "ic", sample.world_ptr[:peer_worlds + 1],
                            sample.arcs[:sample.world_ptr[peer_worlds]])
        t_plain, plain = median_time(lambda: part.gains(method="simple"), 1)
        t_nx, by_nx = median_time(lambda: networkx_first_step(part, peer_worlds), 1)
        if not (np.array_equal(plain, by_nx) and np.array_equal(part.gains(), plain)):
            sys.exit(f"p = {p}: the kernels and the references disagree")
        scale = WORLDS / peer_worlds
        t_plain, t_nx = t_plain * scale, t_nx * scale
        print(f"| {p} | {t_layout * 1e3:.1f} ms | {t_first * 1e3:.2f} ms | {t_greedy * 1e3:.0f} ms | "
              f"{t_plain:.1f} s | {t_nx:.1f} s | {t_plain / t_first:,.0f}× | {t_nx / t_first:,.0f}× |")


if __name__ == "__main__":
    main()
