"""How long does one slider move take in each lesson explorer?

Measures ``Explorer.update`` (recompute + build the altair chart + hand it to the
JupyterChart, which serializes the spec) at the lesson defaults, moving one slider at a
time through values never seen before (cache misses, what a student feels the first
time) and then back through the same values (cache hits). Target: median under 100 ms.

    python benchmarks/bench_sliders.py
"""
from __future__ import annotations

import statistics
import time

import numpy as np

from course_lib import explore, viz


def _time(explorer, moves):
    times = []
    for values in moves:
        start = time.perf_counter()
        explorer.update(**values)
        times.append((time.perf_counter() - start) * 1000)
    return times


def _report(name, first, again):
    print(
        f"{name:<22} first visit: median {statistics.median(first):6.1f} ms "
        f"(max {max(first):6.1f}, {len(first)} moves) | "
        f"revisit: median {statistics.median(again):5.1f} ms"
    )
    return statistics.median(first)


def main():
    viz.enable_offline()
    results = {}

    ex = explore.granovetter_explorer()
    moves = [{"sd": float(sd)} for sd in np.arange(5.0, 20.0, 0.5)]
    moves += [{"mean": float(m)} for m in np.arange(15.0, 35.0, 1.0)]
    ex.update(sd=10.0, mean=25.0)  # warm-up: imports, first chart
    results["granovetter"] = _report("granovetter_explorer", _time(ex, moves), _time(ex, moves))

    ex = explore.cascade_explorer()
    ex.update(z=3.0, phi=0.18)  # warm-up: numba compilation / cache load
    moves = [{"z": float(z)} for z in np.arange(0.5, 12.0, 0.5)]
    moves += [{"phi": float(p)} for p in np.arange(0.05, 0.30, 0.01)]
    results["cascade"] = _report("cascade_explorer", _time(ex, moves), _time(ex, moves))

    worst = max(results.values())
    print(f"slowest median first-visit update: {worst:.1f} ms ({'OK' if worst < 100 else 'over'} the 100 ms target)")
    return results


if __name__ == "__main__":
    main()
