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


# ------------------------------------------------------------------ lesson 03: complex contagion
def test_fixed_threshold_breaks_submodularity_on_the_hand_checked_path():
    # a - c - b, c needs 2 adopting contacts: f({a}) = f({b}) = 1, f({a, b}) = 3
    path = nx.path_graph(3)
    assert [lab.fixed_threshold_spread(path, s) for s in ([0], [2], [0, 2])] == [1, 1, 3]
    assert lab.fixed_threshold_spread(path, [0], contacts=1) == 3  # simple contagion
    t = lab.submodularity_frame(path, 0, 2, p=0.5, runs=20_000, seed=1).set_index("model")
    fixed = t.loc["fixed threshold: 2 contacts"]
    assert (fixed.gain_alone, fixed.gain_after_a, fixed.submodular) == (1.0, 2.0, False)
    # exact values by hand: LT (uniform thresholds, weights 1/2 into c, 1 into a leaf)
    # f({a}) = 1 + P(theta_c <= 1/2) * 2 = 2, f({a, b}) = 3; IC f({a}) = 1 + p + p^2 = 1.75,
    # f({a, b}) = 2 + 1 - (1 - p)^2 = 2.75. A single run's size has sd at most 1 (LT: 1 or 3;
    # IC: 1, 2 or 3), so SE <= 1 / sqrt(20,000) = 0.007 and 0.03 is over 4 SE.
    lt = t.loc["linear threshold, random thresholds"]
    ic = t.loc["independent cascade, p = 0.5"]
    assert abs(lt.f_a - 2.0) < 0.03 and abs(lt.f_b - 2.0) < 0.03 and lt.f_ab == 3.0
    assert abs(ic.f_a - 1.75) < 0.03 and abs(ic.f_ab - 2.75) < 0.03
    assert lt.submodular and ic.submodular


def test_fixed_threshold_spread_refuses_bad_input():
    with pytest.raises(ValueError, match="contacts must be at least 1"):
        lab.fixed_threshold_spread(nx.path_graph(3), [0], contacts=0)
    with pytest.raises(ValueError, match="seeds contains 9"):
        lab.fixed_threshold_spread(nx.path_graph(3), [9])
    with pytest.raises(ValueError, match="a and b must be two different nodes"):
        lab.submodularity_frame(nx.path_graph(3), 1, 1)
    with pytest.raises(ValueError, match="b must be a node"):
        lab.submodularity_frame(nx.path_graph(3), 1, 7)


def test_clustered_network_is_a_ring_listed_in_random_order():
    G = lab.clustered_network(200, 6, 0.0, seed=3)
    assert sorted(G) == list(range(200)) and list(G) != list(range(200))
    assert all(G.has_edge(i, (i + 1) % 200) for i in range(200))
    assert nx.utils.graphs_equal(G, lab.clustered_network(200, 6, 0.0, seed=3))
    assert list(G) == list(lab.clustered_network(200, 6, 0.0, seed=3))


def test_a_cluster_wins_under_fixed_thresholds_and_loses_under_ic_and_lt():
    ring = lab.clustered_network(400, 6, 0.0, seed=1)
    t = lab.contagion_seeding_frame(ring, 4, ["cluster", "random"], p=0.1, runs=300, seed=2)
    at = t[t.k == 4].set_index(["model", "strategy"]).spread
    # on a pure ring two neighbours start a cascade through everyone: exact
    assert at["fixed threshold: 2 contacts", "cluster"] == 400.0
    assert (t[(t.strategy == "cluster") & (t.k >= 2) & t.model.str.startswith("fixed")].spread == 400).all()
    # four random seeds on a ring of 400 rarely sit within 3 places of each other
    assert at["fixed threshold: 2 contacts", "random"] < 200
    # under IC and LT four clustered seeds share their neighbours: the gap is several
    # standard errors (about 0.1-0.3 adopters each with 300 campaigns)
    for model in ("linear threshold, random thresholds", "independent cascade, p = 0.1"):
        rows = t[(t.model == model) & (t.k == 4)].set_index("strategy")
        gap = rows.spread["random"] - rows.spread["cluster"]
        assert gap > 4 * np.hypot(rows.stderr["random"], rows.stderr["cluster"]), (model, rows)


def test_contagion_seeding_frame_is_deterministic_and_checks_input():
    ring = lab.clustered_network(100, 4, 0.05, seed=1)
    a = lab.contagion_seeding_frame(ring, 3, runs=20, seed=5)
    b = lab.contagion_seeding_frame(ring, 3, runs=20, seed=5)
    assert a.equals(b)
    assert list(a.columns) == ["model", "strategy", "k", "spread", "stderr", "low", "high"]
    with pytest.raises(ValueError, match="strategies must be among"):
        lab.contagion_seeding_frame(ring, 3, ["greedy"], runs=5, seed=1)
    with pytest.raises(ValueError, match="runs must be at least 2"):
        lab.contagion_seeding_frame(ring, 3, runs=1, seed=1)
    with pytest.raises(ValueError, match="p must be at most 1"):
        lab.contagion_seeding_frame(ring, 3, p=1.5, seed=1)


def test_seed_groups_frame_counts_by_community():
    G = lab.hub_community_network(seed=1)
    t = lab.seed_groups_frame(G, {"hubs": seeding.top_degree(G, 20), "spread": [0, 125, 250]})
    assert t.loc["hubs", 0] == 20 and t.loc["hubs"].sum() == 20
    assert t.loc["spread"].tolist()[:3] == [1, 1, 1]
    with pytest.raises(ValueError, match="no node attribute"):
        lab.seed_groups_frame(nx.path_graph(3), {"x": [0]})


# ------------------------------------------------------------------ lesson 01: Kitsak et al. 2010
def test_heavy_tailed_network_has_many_shells_unlike_barabasi_albert():
    G = lab.heavy_tailed_network(3000, seed=1)
    assert len(set(nx.core_number(G).values())) >= 5
    assert nx.is_connected(G)
    ba = lab.consumer_network("scale-free", 500, seed=1)
    assert set(nx.core_number(ba).values()) == {3}  # degenerate: everyone in the 3-core
    with pytest.raises(ValueError, match="exponent must be greater than 1"):
        lab.heavy_tailed_network(100, exponent=1.0, seed=1)


def test_spreading_power_on_a_star_and_a_path_by_hand():
    # p = 1 on a star: every cascade reaches all 4 people
    power = lab.spreading_power(nx.star_graph(3), p=1.0, worlds=4, batches=2, seed=1)
    assert power.to_frame().spread.tolist() == [4.0] * 4
    # path 0 - 1 - 2 with p = 0.5: from an end 1 + p + p^2 = 1.75, from the middle 1 + 2p = 2.
    # one cascade's size has sd below 1, so with 8,000 worlds the SE is below 0.011
    power = lab.spreading_power(nx.path_graph(3), p=0.5, worlds=8000, batches=4, seed=1)
    t = power.to_frame()
    assert np.allclose(t.spread, [1.75, 2.0, 1.75], atol=0.05)
    assert (t.stderr < 0.03).all() and t.kshell.tolist() == [1, 1, 1]
    again = lab.spreading_power(nx.path_graph(3), p=0.5, worlds=8000, batches=4, seed=1)
    assert np.array_equal(power.batches, again.batches)
    with pytest.raises(ValueError, match="worlds must be at least 8"):
        lab.spreading_power(nx.path_graph(3), p=0.5, worlds=5, batches=4, seed=1)
    with pytest.raises(ValueError, match="p must be greater than 0"):
        lab.spreading_power(nx.path_graph(3), p=0.0, seed=1)


def test_kshell_predicts_spreading_better_than_degree_on_a_heavy_tailed_network():
    G = lab.heavy_tailed_network(4000, seed=2)
    power = lab.spreading_power(G, worlds=240, batches=6, seed=1)
    cells = lab.shell_degree_frame(power, min_people=10)
    # same degree, deeper shell: spreads further, by many standard errors
    wins = 0
    for degree, rows in cells.groupby("degree"):
        if len(rows) >= 2:
            lo, hi = rows.iloc[0], rows.iloc[-1]
            wins += bool(hi.spread - lo.spread > 4 * np.hypot(hi.stderr, lo.stderr))
    assert wins >= 3
    imprecision = lab.imprecision_frame(power, [0.05, 0.1]).set_index(["measure", "share"])
    for share in (0.05, 0.1):
        ks, dg = imprecision.loc[("k-shell", share)], imprecision.loc[("degree", share)]
        assert ks.imprecision < dg.imprecision
        assert 0 <= ks.imprecision < 0.2


# ------------------------------------------------------------------ lesson 01: advocates
def test_community_answers_only_contacts_answer():
    G = nx.path_graph(4)
    t = lab.community_answers(G, questions=500, seed=1)
    assert all(G.has_edge(a, b) for a, b in zip(t.asker, t.answerer))
    assert t.equals(lab.community_answers(G, questions=500, seed=1))
    # an end of the path has one contact: it is always answered by its neighbour
    assert set(t.answerer[t.asker == 0]) == {1}
    with pytest.raises(ValueError, match="at least one tie"):
        lab.community_answers(nx.empty_graph(3), seed=1)
    with pytest.raises(ValueError, match="helpfulness_sd must be at least 0"):
        lab.community_answers(G, helpfulness_sd=-1, seed=1)


def test_advocates_follow_network_position_only_when_helpfulness_is_equal():
    G = lab.consumer_network("scale-free", 1000, seed=1)
    t = lab.advocate_overlap_frame(G, [0.0, 2.0], questions=10_000, repeats=2, seed=1)
    contacts = t[t.method == "PageRank of contacts"].set_index("helpfulness_sd").overlap
    assert contacts[0.0] > 0.7 and contacts[2.0] < contacts[0.0] - 0.15
    assert (t.overlap > t.chance).all()


def test_cyworld_frame_matches_sampling():
    row = lab.cyworld_frame(20_000_000, 100, 208).iloc[0]
    assert row.ties_expected == pytest.approx(sampling.expected_internal_edges(20_000_000, 100, 208))
    assert row.ties_needed == 207 and row.markov_bound == pytest.approx(row.ties_expected / 207)
    assert row.log10_connected == lab.log10_connected_bound(20_000_000, 100, 208)


def test_community_answers_pick_contacts_in_proportion_to_helpfulness():
    # equal helpfulness: the centre of a star is answered by each of its 3 leaves a third
    # of the time. About 7,500 of 30,000 questions come from the centre, so the SE of each
    # share is sqrt(2/9 / 7,500) = 0.0054; 0.025 is over 4 SE.
    t = lab.community_answers(nx.star_graph(3), questions=30_000, helpfulness_sd=0.0, seed=2)
    shares = t[t.asker == 0].answerer.value_counts(normalize=True)
    assert sorted(shares.index) == [1, 2, 3]
    assert np.allclose(shares.to_numpy(), 1 / 3, atol=0.025)
    # unequal helpfulness: the most helpful contacts answer more, for a fixed draw
    unequal = lab.community_answers(nx.star_graph(3), questions=30_000, helpfulness_sd=2.0, seed=2)
    assert unequal[unequal.asker == 0].answerer.value_counts(normalize=True).max() > 0.45
