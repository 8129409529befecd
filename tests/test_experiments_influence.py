"""Tables of lessons 01 and 03 (course_lib.experiments.influence): they agree with the
library's own functions; and the experiments package is pure computation, importable
without widgets or charts."""
import math
import subprocess
import sys
import textwrap

import networkx as nx
import numpy as np
import pytest

from course_lib import sampling, seeding
from course_lib.experiments import influence as lab


# ------------------------------------------------------------------ package
def test_experiments_import_no_widgets_or_charts():
    """Computation never imports widgets: a fresh interpreter that imports every
    submodule of course_lib.experiments has no ipywidgets, anywidget or altair loaded,
    nor course_lib.viz or course_lib.explore."""
    code = textwrap.dedent("""
        import importlib, pkgutil, sys
        import course_lib.experiments as pkg
        names = [m.name for m in pkgutil.iter_modules(pkg.__path__, pkg.__name__ + ".")]
        for name in names:
            importlib.import_module(name)
        print(",".join(names))
        banned = ("ipywidgets", "anywidget", "altair", "course_lib.viz", "course_lib.explore")
        print(",".join(sorted(m for m in sys.modules if m.startswith(banned))))
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    imported, loaded = out.stdout.splitlines()
    assert {"course_lib.experiments.cascades", "course_lib.experiments.influence",
            "course_lib.experiments.opinions"} <= set(imported.split(","))
    assert loaded == "", f"course_lib.experiments pulled in {loaded}"


# ------------------------------------------------------------------ lesson 03
def test_strategy_curves_match_compare_strategies_within_noise():
    G = lab.seeding_network("scale-free", n=300, seed=3)
    fast = lab.strategy_curves(G, 5, ["degree", "random"], p=0.08, worlds=2000, seed=1)
    slow = seeding.compare_strategies(G, 5, ["degree"], p=0.08, runs=2000, seed=2)
    f = fast[fast.strategy == "degree"].set_index("k")
    s = slow.set_index("k")
    gap = (f.spread - s.spread).abs()
    assert (gap < 4 * np.hypot(f.stderr, s.stderr)).all(), (f.spread.tolist(), s.spread.tolist())
    assert (fast.low < fast.spread).all() and (fast.spread < fast.high).all()
    # more seeds never reach fewer people on the same worlds
    for _, rows in fast.groupby("strategy"):
        assert np.all(np.diff(rows.sort_values("k").spread.to_numpy()) >= 0)


def test_hub_community_network_puts_the_hubs_in_one_group():
    G = lab.hub_community_network(seed=1)
    top = seeding.top_degree(G, 20)
    assert {G.nodes[v]["community"] for v in top} == {0}
    assert 5.5 < 2 * G.number_of_edges() / G.number_of_nodes() < 6.5


def test_guarantee_frame_optimum_dominates_and_matches_brute_force():
    G = nx.star_graph(4)
    G.add_edges_from([(5, 6), (6, 7)])
    frame = lab.guarantee_frame(G, k_max=2, p=1.0, worlds=5, seed=1)
    # with p = 1 the reach of a seed is its whole component: 5 (star) + 3 (path)
    assert frame.optimum.tolist() == [5.0, 8.0]
    assert frame.greedy.tolist() == [5.0, 8.0]
    assert frame.floor.tolist() == pytest.approx([(1 - 1 / math.e) * v for v in frame.optimum])
    small = lab.seeding_network("scale-free", n=20, seed=3)
    check = lab.guarantee_frame(small, k_max=3, p=0.3, worlds=100, seed=2)
    assert (check.optimum >= check.greedy - 1e-9).all() and (check.optimum >= check.degree - 1e-9).all()
    assert (check.ratio >= 1 - 1 / math.e).all()


def test_adoption_by_degree_ic_favours_hubs_lt_does_not():
    G = lab.seeding_network("scale-free", seed=3)
    seeds = seeding.random_seeds(G, 10, seed=5)
    frame = lab.adoption_by_degree(G, seeds, p=0.1, runs=200, seed=1)
    ic = frame[frame.model == "independent cascade"].sort_values("degree")
    lt = frame[frame.model == "linear threshold"].sort_values("degree")
    assert ic.share.iloc[-1] > 3 * ic.share.iloc[0]
    assert lt.share.iloc[-1] < 2 * lt.share.iloc[0]
    assert ic.people.sum() == G.number_of_nodes() - 10


# ------------------------------------------------------------------ lesson 01
def test_connected_frame_matches_the_exact_expectation():
    G = lab.consumer_network("Poisson", 500, seed=2)
    frame = lab.connected_frame(G, [10, 100, 400], runs=200, seed=1)
    assert frame.ties_needed.tolist() == [9, 99, 399]
    rel = (frame.ties_inside - frame.ties_theory).abs() / frame.ties_theory
    assert (rel < 0.15).all(), frame
    complete = lab.connected_frame(nx.complete_graph(12), [5], runs=20, seed=1)
    assert complete.probability.tolist() == [1.0]


def test_log10_bound_matches_direct_formula():
    value = lab.log10_connected_bound(1000, 5, 10)
    p = 5 / 999
    assert value == pytest.approx(math.log10(10**8 * p**9))
    assert lab.log10_connected_bound(10, 9, 3) == 0.0  # capped at certainty


def test_snowball_samples_are_biased_upwards():
    G = lab.consumer_network("scale-free", 1000, seed=1)
    _, bias = lab.sample_degree_frame(G, 100, samples=10, seed=1)
    means = bias.groupby("method").bias.mean()
    assert means["snowball"] > 1.3 and 0.8 < means["uniform"] < 1.2
    # star: degrees 4, 1, 1, 1, 1: E[k²] = 4, E[k] = 1.6
    assert lab.friendship_paradox_ratio(nx.star_graph(4)) == pytest.approx(4 / 1.6**2)


def test_advocacy_overlap_rises_with_correlation():
    G = lab.consumer_network("scale-free", 1000, seed=1)
    frame = lab.advocacy_overlap_frame(G, [0.0, 0.5, 1.0], top=0.1, repeats=3, seed=1)
    assert frame.overlap.is_monotonic_increasing
    assert frame.overlap.iloc[-1] == 1.0 and frame.overlap.iloc[0] < 0.3
    assert (frame.low <= frame.overlap).all() and (frame.overlap <= frame.high).all()


def test_summary_frame_top_share():
    star = nx.star_graph(99)  # hub with 99 ties, 99 leaves with one: 198 tie ends
    row = lab.summary_frame({"star": star}).iloc[0]
    assert row.max_degree == 99 and row.top_share == pytest.approx(0.5)


def test_expected_ties_of_the_cyworld_sample():
    # the number the lesson quotes: 0.108 ties expected among 208 of 20 million
    assert sampling.expected_internal_edges(20_000_000, 100, 208) == pytest.approx(0.10764, rel=1e-4)
