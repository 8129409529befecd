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
from course_lib.explore import opinions as opinion_explorers
from course_lib.explore import influence


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

    ex = explore.cascade_explorer(seed=1)
    ex.update(mean_degree=3.0, phi=0.18)  # warm-up: numba compilation / cache load
    moves = [{"mean_degree": float(z)} for z in np.arange(0.5, 12.0, 0.5)]
    moves += [{"phi": float(p)} for p in np.arange(0.05, 0.30, 0.01)]
    results["cascade"] = _report("cascade_explorer", _time(ex, moves), _time(ex, moves))

    # lesson 03: seeding strategies (IC probability per network, then model, then budget)
    ex = influence.seeding_explorer(seed=3)
    ex.update(p=0.05, network="scale-free")  # warm-up: numba kernels, networks, rankings
    moves = []
    for network in influence.SEEDING_NETWORKS:
        moves.append({"network": network, "model": "ic"})
        moves += [{"p": float(p)} for p in np.round(np.arange(0.01, 0.155, 0.01), 2)]
        moves.append({"model": "lt"})
    moves += [{"k": k} for k in range(1, 21)]
    results["seeding"] = _report("seeding_explorer", _time(ex, moves), _time(ex, moves))

    # lesson 01: network type and size
    ex = influence.networks_explorer(seed=1)
    moves = []
    for network in influence.NETWORK_TYPES:
        moves.append({"network": network})
        moves += [{"n": n} for n in range(200, 3001, 400)]
    results["networks"] = _report("networks_explorer", _time(ex, moves), _time(ex, moves))

    # lessons 04 and 06: opinions in closed form (plus a short run for the trajectories)
    ex = opinion_explorers.empowerment_explorer()
    moves = [{"own": float(v)} for v in np.round(np.arange(0.0, 1.0001, 0.05), 2)]
    moves += [{"voice": float(v)} for v in np.arange(0.25, 4.01, 0.25)]
    results["empowerment"] = _report("empowerment_explorer", _time(ex, moves), _time(ex, moves))

    ex = opinion_explorers.expressed_private_explorer()
    moves = [{"resilience": float(v)} for v in np.round(np.arange(0.05, 1.0001, 0.05), 2)]
    moves += [{"stubbornness": float(v)} for v in np.round(np.arange(0.05, 1.0001, 0.05), 2)]
    moves += [{"pressure": "global"}, {"resilience": 0.5}, {"pressure": "local"}]
    results["expressed"] = _report("expressed_private_expl.", _time(ex, moves), _time(ex, moves))

    # lesson 05: q-voter campaign, exact complete-graph simulation (2,000 agents, 100 sweeps)
    ex = opinion_explorers.campaign_explorer(seed=5)
    ex.update(p=0.55)  # warm-up: numba kernel load
    moves = [{"p": float(v)} for v in np.round(np.arange(0.0, 1.0001, 0.05), 2)]
    moves += [{"q": q} for q in range(1, 9)]
    moves += [{"variant": "independence"}, {"kind": "zealots"}, {"variant": "anticonformity"}]
    moves += [{"strength": float(v)} for v in np.round(np.arange(0.0, 0.3001, 0.02), 2)]
    results["campaign"] = _report("campaign_explorer", _time(ex, moves), _time(ex, moves))

    # lesson 05: a campaign on a market with a fixed share of empowered resisters
    ex = opinion_explorers.mixed_market_explorer(seed=5)
    moves = [{"empowered": float(v)} for v in np.round(np.arange(0.0, 1.0001, 0.1), 2)]
    moves += [{"certainty": float(v)} for v in np.round(np.arange(0.0, 1.0001, 0.25), 2)]
    moves += [{"q": q} for q in (2, 3, 5, 6)]
    results["mixed_market"] = _report("mixed_market_explorer", _time(ex, moves), _time(ex, moves))

    # lesson 00: a strategy on the judged map and on lesson 08's model maps
    ex = explore.two_lever_explorer()
    moves = [{"influence": float(v)} for v in np.round(np.arange(0.0, 1.0001, 0.1), 1)]
    moves += [{"empowerment": float(v)} for v in np.round(np.arange(0.0, 1.0001, 0.1), 1)]
    results["two_levers"] = _report("two_lever_explorer", _time(ex, moves), _time(ex, moves))

    # lesson 08: the best constant split as the horizon and the budget move, then which
    # lever first (the exact two-phase search) in a new and an established market
    from course_lib.explore import budgets as budget_explorers

    ex = budget_explorers.horizon_explorer()
    ex.update(horizon=12, budget=1.0)  # warm-up: imports, first chart
    moves = [{"horizon": h} for h in range(4, 53, 2)]
    moves += [{"budget": float(b)} for b in np.arange(0.5, 3.001, 0.25)]
    results["budget_horizon"] = _report("horizon_explorer", _time(ex, moves), _time(ex, moves))

    ex = budget_explorers.phasing_explorer()
    moves = [{"horizon": h} for h in range(12, 51, 2)]
    moves += [{"market": "established"}] + [{"horizon": h} for h in range(52, 11, -4)]
    results["budget_phasing"] = _report("phasing_explorer", _time(ex, moves), _time(ex, moves))

    # lesson 07: Bass diffusion, p and q over small cached simulations on four networks
    from course_lib.explore import diffusion as diffusion_explorers

    ex = diffusion_explorers.bass_explorer(seed=1)
    ex.update(q=0.21)  # warm-up: the four networks, first chart
    moves = [{"q": float(v)} for v in np.round(np.arange(0.0, 0.6001, 0.04), 2)]
    moves += [{"p": float(v)} for v in np.round(np.arange(0.002, 0.0501, 0.004), 3)]
    moves += [{"network": name} for name in ("random", "clustered", "scale-free", "complete")]
    results["bass"] = _report("bass_explorer", _time(ex, moves), _time(ex, moves))

    # lesson 09: moderation (suppression, answer rate, loyalty): mean-field curves plus one
    # cached complete-graph run of 1,000 consumers per setting
    from course_lib.explore import platforms as platform_explorers

    ex = platform_explorers.moderation_explorer(seed=9)
    ex.update(suppression=0.3)  # warm-up: first chart, the tipping points
    moves = [{"suppression": float(v)} for v in np.round(np.arange(0.0, 1.0001, 0.04), 2)]
    moves += [{"answer_rate": float(v)} for v in np.round(np.arange(0.0, 1.0001, 0.1), 2)]
    moves += [{"loyalty": v} for v in (1, 2, 3, 0)]
    results["moderation"] = _report("moderation_explorer", _time(ex, moves), _time(ex, moves))

    # lesson 10: a strategy's scoreboard (4 plays of 300 consumers; the baselines cached)
    from course_lib.explore import capstone as capstone_explorers

    ex = capstone_explorers.capstone_explorer()
    ex.update(ambassadors=4)  # warm-up: the baselines, the four networks
    moves = [{"empower_share": float(v)} for v in np.round(np.arange(0.0, 1.0001, 0.1), 1)]
    moves += [{"answer_rate": float(v)} for v in (0.0, 0.25, 0.75, 1.0)]
    moves += [{"suppression": float(v)} for v in np.round(np.arange(0.0, 0.9001, 0.1), 1)]
    moves += [{"ambassadors": k} for k in range(0, 11)]
    results["capstone"] = _report("capstone_explorer", _time(ex, moves), _time(ex, moves))

    # Lesson 08 (in progress) will drag the horizon and the budget over the best split:
    # its computation alone, before a chart exists, so the explorer starts inside budget.
    from course_lib.budgets import best_constant_split

    def split_times(settings):
        times = []
        for budget, horizon in settings:
            start = time.perf_counter()
            best_constant_split(budget, horizon)
            times.append((time.perf_counter() - start) * 1000)
        return times

    settings = [(b, h) for b in (5.0, 10.0, 20.0) for h in (4, 12, 26, 52)]
    results["budget_split"] = _report("best_constant_split", split_times(settings), split_times(settings))

    worst = max(results.values())
    print(f"slowest median first-visit update: {worst:.1f} ms ({'OK' if worst < 100 else 'over'} the 100 ms target)")
    return results


if __name__ == "__main__":
    main()
