"""Explorers and tables of lessons 01 and 03: a slider move replaces the chart with new
data computed by the library; the tables agree with the library's own functions."""
import json
import math

import altair as alt
import networkx as nx
import numpy as np
import pytest

from course_lib import quizzes_influence, sampling, seeding
from course_lib.explore import influence as explore


def _data(chart):
    return json.dumps(chart.to_dict()["datasets"], sort_keys=True)


def _title(chart):
    return chart.to_dict()["title"]["text"]


# ------------------------------------------------------------------ lesson 03
@pytest.fixture(scope="module")
def seeding_ex():
    return explore.seeding_explorer(p=0.05, k=10, runs=60, select_runs=40)


def test_seeding_explorer_keeps_one_chart_and_redraws_on_p(seeding_ex):
    widget = seeding_ex.chart_widget
    charts = [c for c in seeding_ex.children if isinstance(c, alt.JupyterChart)]
    assert charts == [widget]
    before = _data(seeding_ex.chart)
    after = seeding_ex.update(p=0.1)
    assert seeding_ex.chart_widget is widget and widget.chart is after
    assert _data(after) != before
    assert "p = 0.1" in _title(after)


def test_seeding_explorer_budget_moves_the_line_and_the_title(seeding_ex):
    seeding_ex.update(k=5)
    before, title = _data(seeding_ex.chart), _title(seeding_ex.chart)
    seeding_ex.update(k=15)
    assert _data(seeding_ex.chart) != before
    assert "with 15 seeds" in _title(seeding_ex.chart) and "with 5 seeds" in title
    budget = [rows for rows in seeding_ex.chart.to_dict()["datasets"].values() if len(rows) == 1]
    assert budget == [[{"k": 15}]]


def test_seeding_explorer_model_and_network_change_the_curves(seeding_ex):
    seeding_ex.update(model="ic", network="scale-free", p=0.05)
    ic = _data(seeding_ex.chart)
    seeding_ex.update(model="lt")
    assert "LT" in _title(seeding_ex.chart) and _data(seeding_ex.chart) != ic
    lt = _data(seeding_ex.chart)
    seeding_ex.update(network="communities")
    assert _title(seeding_ex.chart).startswith("communities") and _data(seeding_ex.chart) != lt


def test_lt_ignores_p(seeding_ex):
    seeding_ex.update(model="lt", p=0.03)
    first = _data(seeding_ex.chart)
    seeding_ex.update(p=0.12)
    assert _data(seeding_ex.chart) == first


def test_strategy_curves_match_compare_strategies_within_noise():
    G = explore.seeding_network("scale-free", n=300)
    fast = explore.strategy_curves(G, 5, ["degree", "random"], p=0.08, runs=2000, seed=1)
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
    G = explore.hub_community_network(seed=1)
    top = seeding.top_degree(G, 20)
    assert {G.nodes[v]["community"] for v in top} == {0}
    assert 5.5 < 2 * G.number_of_edges() / G.number_of_nodes() < 6.5


def test_guarantee_frame_optimum_dominates_and_matches_brute_force():
    G = nx.star_graph(4)
    G.add_edges_from([(5, 6), (6, 7)])
    frame = explore.guarantee_frame(G, k_max=2, p=1.0, runs=5, seed=1)
    # with p = 1 the reach of a seed is its whole component: 5 (star) + 3 (path)
    assert frame.optimum.tolist() == [5.0, 8.0]
    assert frame.greedy.tolist() == [5.0, 8.0]
    assert frame.floor.tolist() == pytest.approx([(1 - 1 / math.e) * v for v in frame.optimum])
    small = explore.seeding_network("scale-free", n=20)
    check = explore.guarantee_frame(small, k_max=3, p=0.3, runs=100, seed=2)
    assert (check.optimum >= check.greedy - 1e-9).all() and (check.optimum >= check.degree - 1e-9).all()
    assert (check.ratio >= 1 - 1 / math.e).all()


def test_adoption_by_degree_ic_favours_hubs_lt_does_not():
    G = explore.seeding_network("scale-free")
    seeds = seeding.random_seeds(G, 10, seed=5)
    frame = explore.adoption_by_degree(G, seeds, p=0.1, runs=200, seed=1)
    ic = frame[frame.model == "independent cascade"].sort_values("degree")
    lt = frame[frame.model == "linear threshold"].sort_values("degree")
    assert ic.share.iloc[-1] > 3 * ic.share.iloc[0]
    assert lt.share.iloc[-1] < 2 * lt.share.iloc[0]
    assert ic.people.sum() == G.number_of_nodes() - 10


# ------------------------------------------------------------------ lesson 01
@pytest.fixture(scope="module")
def networks_ex():
    return explore.networks_explorer(network="scale-free", n=600)


def test_networks_explorer_redraws_on_type_and_size(networks_ex):
    widget = networks_ex.chart_widget
    before = _data(networks_ex.chart)
    networks_ex.update(network="Poisson")
    assert networks_ex.chart_widget is widget
    assert _data(networks_ex.chart) != before
    poisson = networks_ex.chart.to_dict()
    assert poisson["hconcat"][0]["title"]["text"].startswith("Poisson, 600 people")
    networks_ex.update(n=1000)
    assert _data(networks_ex.chart) != json.dumps(poisson["datasets"], sort_keys=True)
    assert "1,000 people" in networks_ex.chart.to_dict()["hconcat"][0]["title"]["text"]


def test_connected_frame_matches_the_exact_expectation():
    G = explore.consumer_network("Poisson", 500, seed=2)
    frame = explore.connected_frame(G, [10, 100, 400], runs=200, seed=1)
    assert frame.ties_needed.tolist() == [9, 99, 399]
    rel = (frame.ties_inside - frame.ties_theory).abs() / frame.ties_theory
    assert (rel < 0.15).all(), frame
    complete = explore.connected_frame(nx.complete_graph(12), [5], runs=20, seed=1)
    assert complete.probability.tolist() == [1.0]


def test_log10_bound_matches_direct_formula():
    value = explore.log10_connected_bound(1000, 5, 10)
    p = 5 / 999
    assert value == pytest.approx(math.log10(10**8 * p**9))
    assert explore.log10_connected_bound(10, 9, 3) == 0.0  # capped at certainty


def test_snowball_samples_are_biased_upwards():
    G = explore.consumer_network("scale-free", 1000, seed=1)
    _, bias = explore.sample_degree_frame(G, 100, samples=10, seed=1)
    means = bias.groupby("method").bias.mean()
    assert means["snowball"] > 1.3 and 0.8 < means["uniform"] < 1.2
    # star: degrees 4, 1, 1, 1, 1: E[k²] = 4, E[k] = 1.6
    assert explore.friendship_paradox_ratio(nx.star_graph(4)) == pytest.approx(4 / 1.6**2)


def test_advocacy_overlap_rises_with_correlation():
    G = explore.consumer_network("scale-free", 1000, seed=1)
    frame = explore.advocacy_overlap_frame(G, [0.0, 0.5, 1.0], top=0.1, repeats=3, seed=1)
    assert frame.overlap.is_monotonic_increasing
    assert frame.overlap.iloc[-1] == 1.0 and frame.overlap.iloc[0] < 0.3
    assert (frame.low <= frame.overlap).all() and (frame.overlap <= frame.high).all()


def test_summary_frame_top_share():
    star = nx.star_graph(99)  # hub with 99 ties, 99 leaves with one: 198 tie ends
    row = explore.summary_frame({"star": star}).iloc[0]
    assert row.max_degree == 99 and row.top_share == pytest.approx(0.5)


# ------------------------------------------------------------------ quizzes
@pytest.mark.parametrize("bank", [quizzes_influence.SEEDING, quizzes_influence.NETWORKS_AND_INFLUENTIALS])
def test_quiz_banks_are_well_formed_and_answer(bank):
    q = explore.quiz(bank)
    assert len(bank) >= 4 and all(item["explain"] for item in bank)
    first = bank[0]
    q.choices[0].value = first["options"][first["answer"]]
    assert "Right" in q.feedback[0].value


def test_expected_ties_of_the_cyworld_sample():
    # the number the lesson quotes: 0.108 ties expected among 208 of 20 million
    assert sampling.expected_internal_edges(20_000_000, 100, 208) == pytest.approx(0.10764, rel=1e-4)
