"""Threshold cascade (Watts 2002) speed, ours against the peers, on the same graphs.

Run:  python benchmarks/bench_threshold.py        (peers: pip install -e ".[bench]")

Peers: cynetdiff's linear threshold model with weights 1/degree and every threshold
set to phi (which is exactly the fractional threshold model), NDlib's ThresholdModel,
and a plain networkx breadth-first implementation. Every peer's final cascade size is
checked against ours before its time is reported.
"""
from __future__ import annotations

import argparse
import array
import statistics
import time

import numpy as np

from course_lib.cascades import cascade_phase_diagram, threshold_cascade
from course_lib.cascades._kernels import required_active_neighbours, threshold_run
from course_lib.networks import poisson_csr

PHI = 0.18


def median_time(func, repeat):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        value = func()
        times.append(time.perf_counter() - start)
    return statistics.median(times), value


def networkx_cascade(G, phi, seed):
    """Peer: breadth-first threshold cascade in pure Python over a networkx graph."""
    active = {seed}
    count = {}
    frontier = [seed]
    while frontier:
        nxt = []
        for u in frontier:
            for v in G[u]:
                if v not in active:
                    count[v] = count.get(v, 0) + 1
                    if count[v] >= phi * G.degree(v) - 1e-9:
                        active.add(v)
                        nxt.append(v)
        frontier = nxt
    return len(active)


def cynetdiff_runner(net, phi):
    from cynetdiff.models import LinearThresholdModel

    starts = array.array("I", net.indptr[:-1].tolist())
    edges = array.array("I", net.indices.tolist())
    model = LinearThresholdModel(starts, edges)  # influence defaults to 1/in-degree
    thresholds = array.array("f", [phi] * net.n)

    def run(seed):
        # set_seeds resets the model, which also forgets assigned thresholds; without
        # them cynetdiff draws uniform random thresholds (the LT model), not Watts's.
        model.set_seeds([seed])
        model._assign_thresholds(thresholds)
        model.advance_until_completion()
        return model.get_num_activated_nodes()

    return run


def ndlib_cascade(G, phi, seed):
    import ndlib.models.ModelConfig as mc
    import ndlib.models.epidemics as ep

    model = ep.ThresholdModel(G, seed=1)
    config = mc.Configuration()
    config.add_model_initial_configuration("Infected", [seed])
    for node in G:
        config.add_node_configuration("threshold", node, phi)
    model.set_initial_status(config)
    model.iteration()  # iteration 0 only reports the initial state
    while True:
        step = model.iteration()
        if not step["status"]:  # nobody changed state: the cascade is over
            return step["node_count"][1]


def global_seed(net, phi):
    """A seed node that starts a global cascade, so every tool does real work."""
    for s in range(net.n):
        if threshold_cascade(net, phi, [s]).fraction > 0.5:
            return s
    raise RuntimeError("no global cascade found")


def bench_single_cascade(n, repeat, with_ndlib):
    net = poisson_csr(n, 5, seed=1)
    G = net.to_networkx()
    seed = global_seed(net, PHI)
    need = required_active_neighbours(np.full(n, PHI), net.degrees)
    work = (np.zeros(n, np.int32), np.zeros(n, np.bool_), np.empty(n, np.int64), np.empty(n + 2, np.int64))
    no_instigators = np.zeros(0, np.int64)
    seeds = np.array([seed])

    rows = []
    t_api, ours = median_time(lambda: threshold_cascade(net, PHI, [seed]).spread, repeat)
    t_kernel, kernel_size = median_time(
        lambda: threshold_run(net.indptr, net.indices, need, seeds, no_instigators, *work)[0], repeat)
    t_from_nx, from_nx = median_time(lambda: threshold_cascade(G, PHI, [seed]).spread, max(3, repeat // 5))
    assert ours == kernel_size == from_nx
    rows.append(("course_lib threshold_cascade (compiled network)", t_api, ours))
    rows.append(("course_lib kernel only (what Monte Carlo loops call)", t_kernel, kernel_size))
    rows.append(("course_lib threshold_cascade (networkx graph, compiles each call)", t_from_nx, from_nx))
    try:
        run = cynetdiff_runner(net, PHI)
        t, size = median_time(lambda: run(seed), repeat)
        rows.append(("cynetdiff LinearThresholdModel (1/degree weights)", t, size))
    except ImportError:
        rows.append(("cynetdiff (not installed)", float("nan"), None))
    t, size = median_time(lambda: networkx_cascade(G, PHI, seed), max(3, repeat // 5))
    rows.append(("networkx breadth-first, pure Python", t, size))
    if with_ndlib:
        try:
            t, size = median_time(lambda: ndlib_cascade(G, PHI, seed), 1)
            rows.append(("NDlib ThresholdModel", t, size))
        except ImportError:
            rows.append(("NDlib (not installed)", float("nan"), None))
    return n, ours, rows


def print_table(n, reference_size, rows):
    print(f"\nOne threshold cascade, Poisson network n = {n:,}, mean degree 5, phi = {PHI}, "
          f"cascade size {reference_size:,}")
    print("| implementation | median time | ratio to course_lib API | same size |")
    print("|---|---:|---:|:---:|")
    base = rows[0][1]
    for name, t, size in rows:
        same = "yes" if size == reference_size else ("-" if size is None else f"NO ({size})")
        print(f"| {name} | {t * 1e3:.2f} ms | {t / base:.2f} | {same} |")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=21)
    parser.add_argument("--quick", action="store_true", help="skip the phase diagram")
    args = parser.parse_args()

    # compile once, outside the timings
    threshold_cascade(poisson_csr(100, 3, seed=1), PHI, [0])
    for n, with_ndlib in ((10_000, True), (100_000, False)):
        print_table(*bench_single_cascade(n, args.repeat, with_ndlib))

    if not args.quick:
        import numba

        zs = np.linspace(0.5, 10, 20)
        phis = np.linspace(0.1, 0.3, 20)
        cascade_phase_diagram(zs[:2], phis[:2], n=200, runs=10, seed=1, progress=False)
        start = time.perf_counter()
        cascade_phase_diagram(zs, phis, n=2000, runs=100, seed=1, progress=False)
        elapsed = time.perf_counter() - start
        print(f"\nPhase diagram 20 x 20 cells x 100 runs, n = 2,000: {elapsed:.2f} s "
              f"({numba.get_num_threads()} numba threads)")


if __name__ == "__main__":
    main()
