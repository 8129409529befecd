"""q-voter speed: nanoseconds per elementary update, ours against NDlib's QVoterModel.

Run:  python benchmarks/bench_voter.py        (peer: pip install -e ".[bench]")

Graph: Barabási–Albert, 10,000 nodes, m = 5, networkx seed 1; q = 4, p = 0 (NDlib's
QVoterModel has no noise), half the agents up at the start. One NDlib iteration is one
elementary update (pick a listener, draw q neighbours with repetition, copy them if
unanimous). Ours keeps per-node up-neighbour counts, so an update is O(1) in q and a
switch costs O(degree). It is timed with distinct panel members (the course default)
and with repetition (NDlib's convention), and once more with anticonformity p = 0.2,
where agents keep switching (at p = 0 the network soon reaches consensus). Compilation is excluded (a warm-up call first).
Targets: at most 150 ns per update on the network; 10**6 updates on the complete graph
in under 0.1 s.
"""
from __future__ import annotations

import argparse
import statistics
import time

import networkx as nx
import numpy as np

from course_lib.networks import compile_network
from course_lib.voter import simulate_qvoter

Q = 4


def median_time(func, repeat):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def ours_ns_per_update(target, sweeps, repeat, p=0.0, variant="independence", **kwargs):
    n = target if isinstance(target, int) else target.number_of_nodes() if hasattr(target, "adj") else target.n
    simulate_qvoter(target, Q, p, variant, 1, seed=0, **kwargs)  # compile
    t = median_time(lambda: simulate_qvoter(target, Q, p, variant, sweeps, seed=1, **kwargs),
                    repeat)
    return t / (sweeps * n) * 1e9, t


def import_ndlib_qvoter():
    """NDlib's QVoterModel class.

    ``ndlib.models.opinions/__init__`` imports every opinion model, and WHKModel needs
    scikit-learn; without it, load QVoterModel alone from the same package directory.
    """
    try:
        from ndlib.models.opinions import QVoterModel
        return QVoterModel
    except ModuleNotFoundError as err:
        if err.name != "sklearn":
            raise
    import importlib
    import sys
    import types

    import ndlib.models

    package = types.ModuleType("ndlib.models.opinions")
    package.__path__ = [ndlib.models.__path__[0] + "/opinions"]
    sys.modules["ndlib.models.opinions"] = package
    return importlib.import_module("ndlib.models.opinions.QVoterModel").QVoterModel


def ndlib_ns_per_update(G, updates):
    import ndlib.models.ModelConfig as mc

    QVoterModel = import_ndlib_qvoter()

    np.random.seed(1)
    model = QVoterModel(G, seed=1)
    config = mc.Configuration()
    config.add_model_parameter("q", Q)
    config.add_model_parameter("fraction_infected", 0.5)
    model.set_initial_status(config)
    model.iteration(node_status=False)  # iteration 0 only reports the initial state
    start = time.perf_counter()
    for _ in range(updates):
        model.iteration(node_status=False)
    return (time.perf_counter() - start) / updates * 1e9


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sweeps", type=int, default=100, help="sweeps per timed network run")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--ndlib-updates", type=int, default=300)
    parser.add_argument("--no-ndlib", action="store_true")
    args = parser.parse_args(argv)

    G = nx.barabasi_albert_graph(10_000, 5, seed=1)
    net = compile_network(G)
    rows = []
    ours_ns_per_update(net, args.sweeps, 2)  # warm the CPU and caches before timing
    ns_distinct, _ = ours_ns_per_update(net, args.sweeps, args.repeat)
    rows.append(("course_lib simulate_qvoter, BA network, distinct panel", ns_distinct))
    ns_rep, _ = ours_ns_per_update(net, args.sweeps, args.repeat, repetition=True)
    rows.append(("course_lib simulate_qvoter, BA network, panel with repetition", ns_rep))
    ns_noisy, _ = ours_ns_per_update(net, args.sweeps, args.repeat, p=0.2, variant="anticonformity")
    rows.append(("course_lib simulate_qvoter, BA network, distinct, anticonformity p=0.2", ns_noisy))
    ns_nx, _ = ours_ns_per_update(G, args.sweeps, args.repeat)
    rows.append(("course_lib simulate_qvoter, BA networkx graph (compiles each call)", ns_nx))
    ns_ndlib = float("nan")
    if not args.no_ndlib:
        try:
            ns_ndlib = ndlib_ns_per_update(G, args.ndlib_updates)
            rows.append(("NDlib QVoterModel, BA network, panel with repetition", ns_ndlib))
        except ImportError:
            rows.append(("NDlib (not installed)", float("nan")))

    print(f"q-voter, q = {Q}, p = 0, Barabási–Albert n = 10,000, m = 5, seed 1")
    width = max(len(name) for name, _ in rows)
    for name, ns in rows:
        print(f"  {name:<{width}}  {ns:12,.1f} ns/update")
    print(f"  target: <= 150 ns/update -> {'met' if ns_distinct <= 150 else 'NOT met'} "
          f"({ns_distinct:.1f} distinct, {ns_rep:.1f} with repetition)")
    if np.isfinite(ns_ndlib):
        print(f"  NDlib / ours (same convention, repetition): {ns_ndlib / ns_rep:,.0f}x")
        print(f"  NDlib / ours (distinct panel):              {ns_ndlib / ns_distinct:,.0f}x")

    n = 10_000
    ns_cg, t_cg = ours_ns_per_update(n, 100, args.repeat)
    print(f"complete graph, n = {n:,}, 10**6 updates (100 sweeps): {t_cg * 1e3:.1f} ms "
          f"({ns_cg:.1f} ns/update); target < 100 ms -> {'met' if t_cg < 0.1 else 'NOT met'}")


if __name__ == "__main__":
    main()
