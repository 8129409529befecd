"""Independent cascade (IC), linear threshold (LT) and greedy seeding: ours against
cynetdiff and NDlib on the same Barabási–Albert graphs and seeds, in one run.

Run:  python benchmarks/bench_cascades.py [--write]   (peers: pip install -e ".[bench]")

Graphs: BA with m = 5, seed 1, n = 10,000 and 100,000; 10 random seed nodes; IC with
p = 0.01 and 0.05; LT with weights 1/degree and uniform random thresholds. Each row
checks that the mean spreads agree within Monte Carlo error before it prints a time.
``--write`` replaces the table in docs/benchmarks.md.
"""
from __future__ import annotations

import argparse
import array
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

import networkx as nx
import numpy as np

from course_lib.cascades import expected_spread, independent_cascade, linear_threshold
from course_lib.cascades._world_kernels import all_single_gains
from course_lib.cascades.independent import sample_live_edge_worlds
from course_lib.networks import compile_network
from course_lib.seeding import greedy_selection

DOC = Path(__file__).resolve().parent.parent / "docs" / "benchmarks.md"
BEGIN, END = "<!-- bench_cascades:begin -->", "<!-- bench_cascades:end -->"


def timed(func, repeat=5):
    times, value = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        value = func()
        times.append(time.perf_counter() - start)
    return statistics.median(times), value


def cynetdiff_models(net, p):
    from cynetdiff.models import IndependentCascadeModel, LinearThresholdModel

    starts = array.array("I", net.indptr[:-1].tolist())
    edges = array.array("I", net.indices.tolist())
    return (IndependentCascadeModel(starts, edges, activation_prob=p, rng=1),
            LinearThresholdModel(starts, edges, rng=1))


def cynetdiff_mc(model, seeds, runs):
    model.set_seeds(seeds)
    sizes = np.empty(runs)
    for r in range(runs):
        model.reset_model()
        model.advance_until_completion()
        sizes[r] = model.get_num_activated_nodes()
    return sizes


def ndlib_ic(G, seeds, p):
    import ndlib.models.ModelConfig as mc
    import ndlib.models.epidemics as ep

    model = ep.IndependentCascadesModel(G, seed=1)
    config = mc.Configuration()
    config.add_model_initial_configuration("Infected", seeds)
    for edge in G.edges():
        config.add_edge_configuration("threshold", edge, p)
    model.set_initial_status(config)
    while True:
        step = model.iteration(node_status=False)
        if step["node_count"][1] == 0 and step["iteration"] > 0:
            return step["node_count"][2]


def ndlib_lt(G, seeds, rng):
    """NDlib's ThresholdModel with thresholds drawn uniformly: LT with weights 1/degree."""
    import ndlib.models.ModelConfig as mc
    import ndlib.models.epidemics as ep

    model = ep.ThresholdModel(G, seed=1)
    config = mc.Configuration()
    config.add_model_initial_configuration("Infected", seeds)
    for node, theta in zip(G, 1.0 - rng.random(G.number_of_nodes())):
        config.add_node_configuration("threshold", node, float(theta))
    model.set_initial_status(config)
    model.iteration()
    while True:
        step = model.iteration()
        if not step["status"]:
            return step["node_count"][1]


def agree(a_mean, a_se, b_mean, b_se):
    return abs(a_mean - b_mean) <= 4 * np.hypot(a_se, b_se) + 1e-9


def bench_graph(n, runs, ndlib_runs, rows):
    G = nx.barabasi_albert_graph(n, 5, seed=1)
    net = compile_network(G)
    seeds = [int(v) for v in np.random.default_rng(1).choice(n, 10, replace=False)]
    for p in (0.01, 0.05):
        ic_cy, _ = cynetdiff_models(net, p)
        # single run: median over repeated single calls, each with fresh randomness
        gen = np.random.default_rng(1)
        t_one, _ = timed(lambda: independent_cascade(net, seeds, p, seed=gen), 51)
        t_one_cy, _ = timed(lambda: cynetdiff_mc(ic_cy, seeds, 1), 51)
        t_mc, est = timed(lambda: expected_spread(net, seeds, "ic", p, runs=runs, seed=2), 3)
        t_mc_cy, sizes = timed(lambda: cynetdiff_mc(ic_cy, seeds, runs), 3)
        cy_mean, cy_se = sizes.mean(), sizes.std(ddof=1) / np.sqrt(runs)
        row = {"graph": f"BA n={n:,}", "model": f"IC p={p}", "ours_1": t_one, "cyn_1": t_one_cy,
               "ours_mc": t_mc, "cyn_mc": t_mc_cy, "ours_mean": est.mean, "cyn_mean": cy_mean,
               "agree": agree(est.mean, est.stderr, cy_mean, cy_se)}
        if ndlib_runs:
            t_nd, nd_sizes = timed(lambda: [ndlib_ic(G, seeds, p) for _ in range(ndlib_runs)], 1)
            row["ndlib_1"] = t_nd / ndlib_runs
            row["ndlib_mean"] = float(np.mean(nd_sizes))
        rows.append(row)
    _, lt_cy = cynetdiff_models(net, 0.0)
    gen = np.random.default_rng(1)
    t_one, _ = timed(lambda: linear_threshold(net, seeds, seed=gen), 51)
    t_one_cy, _ = timed(lambda: cynetdiff_mc(lt_cy, seeds, 1), 51)
    t_mc, est = timed(lambda: expected_spread(net, seeds, "lt", runs=runs, seed=2), 3)
    t_mc_cy, sizes = timed(lambda: cynetdiff_mc(lt_cy, seeds, runs), 3)
    cy_mean, cy_se = sizes.mean(), sizes.std(ddof=1) / np.sqrt(runs)
    row = {"graph": f"BA n={n:,}", "model": "LT", "ours_1": t_one, "cyn_1": t_one_cy, "ours_mc": t_mc,
           "cyn_mc": t_mc_cy, "ours_mean": est.mean, "cyn_mean": cy_mean,
           "agree": agree(est.mean, est.stderr, cy_mean, cy_se)}
    if ndlib_runs:
        rng = np.random.default_rng(3)
        t_nd, nd_sizes = timed(lambda: [ndlib_lt(G, seeds, rng) for _ in range(ndlib_runs)], 1)
        row["ndlib_1"] = t_nd / ndlib_runs
        row["ndlib_mean"] = float(np.mean(nd_sizes))
    rows.append(row)
    return net


def ms(t):
    return f"{t * 1e3:.3f}" if t < 0.01 else f"{t * 1e3:.1f}"


def table(rows, runs):
    lines = [
        f"| graph | model | ours 1 run (ms) | cynetdiff 1 run | ratio | ours {runs:,} runs (ms) "
        f"| cynetdiff {runs:,} runs | ratio | NDlib 1 run (ms) | NDlib / ours | means agree |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|:---:|",
    ]
    for r in rows:
        nd = r.get("ndlib_1")
        nd_ratio = f"{nd / r['ours_1']:,.0f}×" if nd else "—"
        lines.append(
            f"| {r['graph']} | {r['model']} | {ms(r['ours_1'])} | {ms(r['cyn_1'])} | {r['ours_1'] / r['cyn_1']:.2f} "
            f"| {ms(r['ours_mc'])} | {ms(r['cyn_mc'])} | {r['ours_mc'] / r['cyn_mc']:.2f} "
            f"| {ms(nd) if nd else '—'} | {nd_ratio} "
            f"| {'yes' if r['agree'] else 'NO'} ({r['ours_mean']:.1f} vs {r['cyn_mean']:.1f}) |"
        )
    return "\n".join(lines)


def greedy_figures(net):
    out = []
    for p in (0.01, 0.05):
        sample = sample_live_edge_worlds(net, "ic", p, 1000, seed=1)
        sample.adjacency  # laid out once per sample, part of "sampling", not of a step
        t_step, _ = timed(lambda: all_single_gains(*sample.adjacency), 3)
        t_ten, _ = timed(lambda: greedy_selection(net, 10, p=p, runs=1000, seed=1), 1)
        out.append(f"| IC p={p} | {t_step:.3f} s | {t_ten:.2f} s |")
    return out


def fresh_process(code):
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


MILLION = """
import json, resource, time
import networkx as nx
from course_lib.networks import compile_network
from course_lib.cascades import independent_cascade
G = nx.barabasi_albert_graph(1_000_000, 5, seed=1)
net = compile_network(G)
del G
independent_cascade(net, [0], 0.05, seed=1)
t = time.perf_counter(); r = independent_cascade(net, list(range(10)), 0.05, seed=2); t = time.perf_counter() - t
print(json.dumps({"time": t, "size": r.size, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

FIRST_CALL = """
import json, time
t0 = time.perf_counter()
import networkx as nx
from course_lib.cascades import independent_cascade, expected_spread
t1 = time.perf_counter()
G = nx.path_graph(10)
independent_cascade(G, [0], 0.5, seed=1); expected_spread(G, [0], model="lt", runs=10, seed=1)
print(json.dumps({"import": t1 - t0, "first_calls": time.perf_counter() - t1}))
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1000)
    parser.add_argument("--ndlib-runs", type=int, default=3, help="NDlib runs per row (it is slow)")
    parser.add_argument("--write", action="store_true", help="record the tables in docs/benchmarks.md")
    args = parser.parse_args()

    independent_cascade(nx.path_graph(3), [0], 0.5, seed=1)  # compile outside the timings
    linear_threshold(nx.path_graph(3), [0], seed=1)
    rows = []
    net10k = bench_graph(10_000, args.runs, args.ndlib_runs, rows)
    bench_graph(100_000, args.runs, 0, rows)
    main_table = table(rows, args.runs)
    greedy = ["| model | one greedy step (all 10,000 candidates × 1,000 worlds) | 10 greedy seeds |",
              "|---|---:|---:|"] + greedy_figures(net10k)
    million = fresh_process(MILLION)
    first = fresh_process(FIRST_CALL)
    text = "\n".join([
        main_table, "", *greedy, "",
        f"IC on a 1,000,000-node BA graph (m = 5, p = 0.05, 10 seeds): {million['time'] * 1e3:.0f} ms "
        f"after compilation, cascade size {million['size']:,}, peak memory of the whole process "
        f"(graph built with networkx, then compiled) {million['peak_mb']:.0f} MB.",
        "",
        f"Fresh process (numba cache warm): import {first['import']:.2f} s, first IC + LT calls "
        f"{first['first_calls']:.2f} s.",
    ])
    print(text)
    if args.write:
        doc = DOC.read_text()
        stamp = time.strftime("%Y-%m-%d")
        block = f"{BEGIN}\nMeasured {stamp} with `python benchmarks/bench_cascades.py --write`.\n\n{text}\n{END}"
        if BEGIN in doc:
            doc = doc[: doc.index(BEGIN)] + block + doc[doc.index(END) + len(END):]
        else:
            doc += f"\n## Word of mouth: IC, LT and greedy seeding — `benchmarks/bench_cascades.py`\n\n{block}\n"
        DOC.write_text(doc)


if __name__ == "__main__":
    main()
