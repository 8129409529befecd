"""Unit tests for course_lib.grading: the checks behind the assignments' test cells."""
from __future__ import annotations

import math
import statistics

import networkx as nx
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import submissions
from course_lib import grading
from course_lib._guard import is_locked
from course_lib.cascades import (
    cascade_condition_margin,
    expected_spread,
    independent_cascade,
    sample_live_edge_worlds,
    threshold_cascade,
)


# Answers a student could write: plain Python, no course_lib.

def student_cascade(G, threshold, seeds):
    active = set(seeds)
    changed = True
    while changed:
        changed = False
        for node in G:
            if node in active:
                continue
            phi = threshold[node] if isinstance(threshold, dict) else threshold
            degree = G.degree(node)
            share = sum(other in active for other in G[node]) / degree if degree else None
            if (phi == 0) if share is None else share >= phi:
                active.add(node)
                changed = True
    return active


def student_vulnerable_degree(phi):
    return math.floor((1 + 1e-9) / phi)


def student_cascade_possible(z, phi):
    K = student_vulnerable_degree(phi)
    return z * sum(math.exp(-z) * z**j / math.factorial(j) for j in range(K - 1)) > 1


def student_cascade_product_rule(G, threshold, seeds):
    """Multiplies threshold * degree: 0.28 * 25 = 7.000000000000001 misses 7 of 25."""
    active = set(seeds)
    changed = True
    while changed:
        changed = False
        for node in G:
            phi = threshold[node] if isinstance(threshold, dict) else threshold
            count = sum(other in active for other in G[node])
            if node not in active and (phi == 0 or (G.degree(node) and count >= phi * G.degree(node))):
                active.add(node)
                changed = True
    return active


SQUARES = [grading.Case((x,), description=f"x = {x}", recipe=f"case = squares[{x}]") for x in range(6)]


def square(x):
    return x * x


def fails_message(student_fn, reference_fn, cases, **options):
    with pytest.raises(AssertionError) as caught:
        grading.check_against_reference(student_fn, reference_fn, cases, **options)
    return str(caught.value)


# check_against_reference

def test_correct_function_passes():
    assert grading.check_against_reference(square, lambda x: x**2, SQUARES) is None


def test_wrong_answer_names_the_input_expected_and_got():
    def almost_square(x):
        return x * x if x != 4 else 15

    message = fails_message(almost_square, lambda x: x**2, SQUARES)
    assert message.startswith("almost_square gave a wrong answer for 1 of 6 inputs.")
    assert "Input 5: x = 4" in message
    assert "expected: 16" in message and "got:      15" in message
    assert "to rerun it: case = squares[4]" in message
    assert "x = 3" not in message


def test_message_lists_only_the_first_few_failures():
    message = fails_message(lambda x: -1, lambda x: x**2, SQUARES, show=2)
    assert "for 6 of 6 inputs. The first 2:" in message
    assert message.count("Input ") == 2


def test_exception_in_student_code_is_reported_not_raised():
    def divides(x):
        return 1 / (x - 2)

    with pytest.raises(AssertionError) as caught:
        grading.check_against_reference(divides, lambda x: x, SQUARES)
    message = str(caught.value)
    assert "Input 3: x = 2" in message
    assert "got:      an error, ZeroDivisionError: division by zero (in divides, line" in message
    assert "return 1 / (x - 2)" in message
    assert caught.value.__context__ is None  # one clean AssertionError, no chained traceback


def test_calling_the_reference_fails_with_the_locked_message():
    def wraps_library(G, threshold, seeds):
        return set(threshold_cascade(G, threshold, seeds).active)

    with pytest.raises(AssertionError) as caught:
        grading.check_cascade_function(wraps_library, grading.cascade_edge_cases()[:2])
    assert "for 2 of 2 inputs" in str(caught.value)
    assert "your function called course_lib's own function" in str(caught.value)
    assert "write your own" in str(caught.value)
    assert not is_locked()


def test_guard_is_released_after_a_failing_check():
    with pytest.raises(AssertionError):
        grading.check_against_reference(lambda x: 1 / 0, lambda x: x, SQUARES[:1])
    assert not is_locked()
    assert threshold_cascade(nx.path_graph(2), 0.5, [0]).spread == 2


def test_student_sees_the_guard_switched_on():
    seen = []
    grading.check_against_reference(lambda x: seen.append(is_locked()) or x, lambda x: x, SQUARES[:2])
    assert seen == [True, True]


def test_keyboard_interrupt_is_not_swallowed():
    # nbgrader stops a timed-out cell with KeyboardInterrupt; the check must not keep going.
    def interrupted(x):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        grading.check_against_reference(interrupted, lambda x: x, SQUARES)


def test_student_changing_its_input_does_not_change_other_checks():
    def correct_then_vandal(G, threshold, seeds):
        answer = student_cascade(G, threshold, seeds)
        G.remove_edges_from(list(G.edges))
        if isinstance(threshold, dict):
            threshold.clear()
        return answer

    cases = grading.cascade_cases(12, seed=3, thresholds="per-node dict")
    grading.check_cascade_function(correct_then_vandal, cases)
    grading.check_cascade_function(correct_then_vandal, cases)  # the same cases, intact


def test_uncomparable_answer_is_a_failure_not_a_crash():
    class Weird:
        def __eq__(self, other):
            raise RuntimeError("cannot compare")

    message = fails_message(lambda x: Weird(), lambda x: x, SQUARES[:1])
    assert "could not compare it (RuntimeError)" in message


# The cascade checks

def test_correct_cascade_passes_every_generator():
    for kind in ("uniform", "per-node dict"):
        grading.check_cascade_function(student_cascade, grading.cascade_cases(40, seed=11, thresholds=kind))
    grading.check_cascade_function(student_cascade, grading.cascade_edge_cases())


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), kind=st.sampled_from(["uniform", "per-node dict"]))
def test_hidden_tests_never_fail_a_correct_share_rule(seed, kind):
    # The generated thresholds must agree with the rule the notebook states (share >= phi).
    grading.check_cascade_function(student_cascade, grading.cascade_cases(9, seed=seed, thresholds=kind))


def test_product_rule_fails_on_the_rounding_trap():
    with pytest.raises(AssertionError) as caught:
        grading.check_cascade_function(student_cascade_product_rule, grading.cascade_edge_cases())
    message = str(caught.value)
    assert "7 of 25 = 0.28" in message
    assert "missing: 0, 8, 9" in message
    assert "to rerun it: case = grading.cascade_edge_cases()[0]" in message


def test_returning_a_list_is_wrong_and_says_so():
    with pytest.raises(AssertionError) as caught:
        grading.check_cascade_function(lambda G, t, s: sorted(student_cascade(G, t, s)),
                                       grading.cascade_edge_cases()[:1])
    assert "return a set" in str(caught.value)


def test_vulnerable_degree_check():
    cases = grading.vulnerable_degree_cases(40, seed=5)
    grading.check_vulnerable_degree(student_vulnerable_degree, cases)
    with pytest.raises(AssertionError, match=r"phi = 0\.01075"):  # 1/93: floor(1/phi) gives 92
        grading.check_vulnerable_degree(lambda phi: math.floor(1 / phi), cases)
    as_float = r"got:      1\.0\n  \(return a whole number \(int\); this is of type float\)"
    with pytest.raises(AssertionError, match=as_float):
        grading.check_vulnerable_degree(lambda phi: float(student_vulnerable_degree(phi)), cases[:3])


def test_cascade_condition_check():
    cases = grading.cascade_condition_cases(80, seed=5)
    grading.check_cascade_condition(student_cascade_possible, cases)
    with pytest.raises(AssertionError, match=r"z = 8\.0 \(mean degree\), phi = 0\.18"):
        grading.check_cascade_condition(lambda z, phi: 1 < z < 12, cases[:10])
    as_int = r"got:      1\n  \(return True or False; this is of type int\)"
    with pytest.raises(AssertionError, match=as_int):
        grading.check_cascade_condition(lambda z, phi: int(student_cascade_possible(z, phi)), cases[:3])


# The case generators

def snapshot(cases):
    """Everything that defines a list of cascade cases, in comparable form."""
    return [
        (list(G.nodes), sorted(map(sorted, map(lambda e: map(str, e), G.edges))), thresholds, seeds,
         case.description)
        for case in cases
        for G, thresholds, seeds in [case.args]
    ]


@pytest.mark.parametrize("kind", grading.THRESHOLD_KINDS)
def test_cascade_cases_are_reproducible(kind):
    assert snapshot(grading.cascade_cases(30, seed=42, thresholds=kind)) == \
        snapshot(grading.cascade_cases(30, seed=42, thresholds=kind))
    assert snapshot(grading.cascade_cases(30, seed=42, thresholds=kind)) != \
        snapshot(grading.cascade_cases(30, seed=43, thresholds=kind))


def test_other_generators_are_reproducible():
    assert [c.args for c in grading.vulnerable_degree_cases(30, seed=1)] == \
        [c.args for c in grading.vulnerable_degree_cases(30, seed=1)]
    assert [c.args for c in grading.cascade_condition_cases(30, seed=1)] == \
        [c.args for c in grading.cascade_condition_cases(30, seed=1)]
    assert snapshot(grading.cascade_edge_cases()) == snapshot(grading.cascade_edge_cases())


def test_every_graph_family_appears_and_looks_as_described():
    families = list(grading.GRAPH_FAMILIES)
    cases = grading.cascade_cases(len(families), seed=0)
    graphs = dict(zip(families, (case.args[0] for case in cases)))
    assert any(degree == 0 for _, degree in graphs["isolated nodes"].degree)
    assert not nx.is_connected(graphs["disconnected"])
    assert all(isinstance(node, str) for node in graphs["text labels"])
    assert graphs["complete"].number_of_edges() == math.comb(len(graphs["complete"]), 2)
    assert "star" in cases[families.index("star")].description


def test_random_graph_rejects_an_unknown_family():
    import numpy as np

    with pytest.raises(ValueError, match="family must be one of"):
        grading.random_graph(np.random.default_rng(0), "lattice")


def test_per_node_thresholds_cover_every_node_and_the_extremes():
    values = []
    for case in grading.cascade_cases(40, seed=8, thresholds="per-node dict"):
        G, thresholds, _ = case.args
        assert set(thresholds) == set(G)
        values.extend(thresholds.values())
    assert min(values) == 0.0 and max(values) == 1.0
    assert all(0 <= value <= 1 for value in values)
    G, thresholds, _ = grading.cascade_cases(1, seed=8, thresholds="per-node list")[0].args
    assert len(thresholds) == G.number_of_nodes()


def test_seeds_are_distinct_nodes_and_sometimes_empty():
    seed_lists = [case.args[2] for case in grading.cascade_cases(60, seed=9)]
    for case, seeds in zip(grading.cascade_cases(60, seed=9), seed_lists):
        assert len(set(seeds)) == len(seeds) and set(seeds) <= set(case.args[0])
    assert [] in seed_lists


def test_condition_cases_stay_away_from_the_window_edge():
    for case in grading.cascade_condition_cases(60, seed=4, min_margin=1e-3):
        assert abs(cascade_condition_margin(*case.args)) > 1e-3


# ps3: seeding. Answers a student could write, without course_lib.

def student_ic_with_coins(G, seeds, p, coins):
    active = set(seeds)
    frontier = list(active)
    while frontier:
        newly_active = []
        for u in frontier:
            for v in G.neighbors(u):
                if v not in active and coins[(u, v)] <= p:
                    active.add(v)
                    newly_active.append(v)
        frontier = newly_active
    return active


def student_estimate_spread(G, seeds, p, runs, rng):
    sizes = []
    for _ in range(runs):
        active, frontier = set(seeds), list(seeds)
        while frontier:
            newly_active = []
            for u in frontier:
                for v in G.neighbors(u):
                    if v not in active and rng.random() < p:
                        active.add(v)
                        newly_active.append(v)
            frontier = newly_active
        sizes.append(len(active))
    return sum(sizes) / runs, statistics.stdev(sizes) / math.sqrt(runs)


# The ps3 solution, and the same with ties going to the last node listed.
student_greedy = submissions.solution_function("ps3_seeding", "greedy_over_worlds")
student_greedy_last_of_ties = submissions.solution_function(
    "ps3_seeding", "greedy_over_worlds", edit=("if total > best_total:", "if total >= best_total:"))


def test_ic_with_coins_check():
    cases = grading.ic_coin_cases(60, seed=12) + grading.ic_coin_edge_cases()
    grading.check_ic_with_coins(student_ic_with_coins, cases)

    def strict(G, seeds, p, coins):  # coin < p: misses a coin exactly equal to p
        return student_ic_with_coins(G, seeds, p - 1e-12, coins)

    with pytest.raises(AssertionError) as caught:
        grading.check_ic_with_coins(strict, grading.ic_coin_edge_cases())
    message = str(caught.value)
    assert message.startswith("strict gave a wrong answer for")
    assert "Input 1: a path 0 - 1 - 2 - 3; p = 0.3" in message and "missing: 1, 2" in message
    assert "to rerun it: case = grading.ic_coin_edge_cases()[0]" in message


def test_ic_coins_follow_the_compiled_arc_order():
    from course_lib.cascades.independent import arc_sources
    from course_lib.networks import compile_network

    for case in grading.ic_coin_cases(20, seed=4):
        G, _, _, coins = case.args
        net = compile_network(G)
        array = grading.coins_in_arc_order(G, coins)
        for e, (u, v) in enumerate(zip(arc_sources(net).tolist(), net.indices.tolist())):
            assert array[e] == coins[(net.nodes[u], net.nodes[v])]


def test_ic_errors_and_the_guard():
    def broken(G, seeds, p, coins):
        return {v for v in G if coins[(v, v)] <= p}

    message = str(pytest.raises(AssertionError, grading.check_ic_with_coins, broken,
                                grading.ic_coin_edge_cases()[:1]).value)
    assert "got:      an error, KeyError: (0, 0) (in " in message and "coins[(v, v)] <= p" in message

    def wraps_library(G, seeds, p, coins):
        return set(independent_cascade(G, seeds, p, coins=grading.coins_in_arc_order(G, coins)).active)

    message = str(pytest.raises(AssertionError, grading.check_ic_with_coins, wraps_library,
                                grading.ic_coin_edge_cases()[:2]).value)
    assert "for 2 of 2 inputs" in message and "your function called course_lib's own function" in message
    assert not is_locked()


def test_exact_spread_agrees_with_monte_carlo():
    for case in grading.spread_cases(8, seed=21):
        G, seeds, p, _, _ = case.args
        mean, sd, _ = grading.exact_spread(G, seeds, p)
        estimate = expected_spread(G, seeds, p=p, runs=50_000, seed=7)
        assert abs(estimate.spread - mean) <= 5 * estimate.stderr + 1e-9
        if sd > 0:
            assert abs(estimate.stderr * math.sqrt(50_000) / sd - 1) < 0.05
    assert grading.exact_spread(nx.path_graph(3), [0], 1.0)[:2] == (3.0, 0.0)


def test_spread_check_passes_correct_estimates_for_many_streams():
    # A correct estimate fails a 5-standard-error check about once in two million tries.
    for seed in range(40):
        grading.check_spread_estimate(student_estimate_spread, grading.spread_cases(6, seed=100 + seed))


def test_spread_check_catches_biased_means_and_wrong_errors():
    cases = grading.spread_cases(12, seed=5)

    def plus_one_tenth(G, seeds, p, runs, rng):
        mean, stderr = student_estimate_spread(G, seeds, p, runs, rng)
        return mean + 0.1, stderr

    def variance_not_stderr(G, seeds, p, runs, rng):
        mean, stderr = student_estimate_spread(G, seeds, p, runs, rng)
        return mean, stderr * math.sqrt(runs)

    message = str(pytest.raises(AssertionError, grading.check_spread_estimate, plus_one_tenth, cases).value)
    assert "standard errors from the exact expected spread" in message
    assert "to rerun it: case = grading.spread_cases(12, seed=5)[" in message
    message = str(pytest.raises(AssertionError, grading.check_spread_estimate, variance_not_stderr, cases).value)
    assert "the standard error should be close to" in message
    message = str(pytest.raises(AssertionError, grading.check_spread_estimate,
                                lambda G, s, p, r, rng: [1, 2, 3], cases[:1]).value)
    assert "return two numbers: (mean, standard error)" in message


def test_greedy_check_and_its_reference():
    cases = grading.greedy_cases(30, seed=8) + grading.greedy_edge_cases()
    grading.check_greedy_over_worlds(student_greedy, cases)
    message = str(pytest.raises(
        AssertionError, grading.check_greedy_over_worlds,
        student_greedy_last_of_ties, grading.greedy_edge_cases()).value)
    assert "Input 1: a path of 5 nodes; 2 worlds with no live arcs" in message
    assert "expected: [0, 1]" in message and "got:      [4, 3]" in message


def test_greedy_reference_equals_the_library_greedy():
    from course_lib.grading.seeding import IC_FAMILIES, _worlds_as_lists
    from course_lib.seeding import greedy_seeds

    rng = np.random.default_rng(3)
    for i, family in enumerate(list(IC_FAMILIES) * 2):
        G, _ = IC_FAMILIES[family](rng)
        k = min(3, len(G))
        worlds = _worlds_as_lists(sample_live_edge_worlds(G, p=0.3, worlds=10, seed=i))
        assert grading.reference_greedy_over_worlds(G, worlds, k) == greedy_seeds(G, k, p=0.3, worlds=10, seed=i)


def test_greedy_calling_the_library_is_locked():
    from course_lib.seeding import greedy_seeds

    message = str(pytest.raises(AssertionError, grading.check_greedy_over_worlds,
                                lambda G, worlds, k: greedy_seeds(G, k), grading.greedy_cases(2, seed=1)).value)
    assert "your function called course_lib's own function" in message


# ps4: opinions

def student_fj_step(W, x, x0, s):
    s = np.asarray(s, dtype=float)
    return s * (W @ x) + (1 - s) * x0


def student_fj_equilibrium(W, x0, s):
    n = len(W)
    lam = np.broadcast_to(np.asarray(s, dtype=float), (n,))
    return np.linalg.solve(np.eye(n) - lam[:, None] * W, (1 - lam) * x0)


def student_fj_iterated(W, x0, s):
    x = np.array(x0, dtype=float)
    for _ in range(100_000):
        new = student_fj_step(W, x, x0, s)
        if np.max(np.abs(new - x)) < 1e-12:
            return new
        x = new
    return x


def student_qvoter(opinion, panel, p, variant, u_type, u_coin):
    nonconformist = u_type < p
    if nonconformist and variant == "independence":
        return 1 if u_coin < 0.5 else -1
    if len(set(panel)) != 1:
        return opinion
    return -panel[0] if nonconformist else panel[0]


def student_critical_point(q, variant):
    if variant == "independence":
        return (q - 1) / (q - 1 + 2 ** (q - 1))
    return (q - 1) / (2 * q)


def test_fj_checks():
    grading.check_fj_step(student_fj_step, grading.fj_step_cases(50, seed=1))
    grading.check_fj_step(lambda W, x, x0, s: list(student_fj_step(W, x, x0, s)), grading.fj_step_cases(5, seed=2))
    grading.check_fj_equilibrium(student_fj_equilibrium, grading.fj_equilibrium_cases(50, seed=1))
    grading.check_fj_equilibrium(student_fj_iterated, grading.fj_equilibrium_cases(10, seed=2))
    no_anchor = str(pytest.raises(AssertionError, grading.check_fj_step,
                                  lambda W, x, x0, s: np.asarray(s) * (W @ x), grading.fj_step_cases(20, seed=3)).value)
    assert "agents, a " in no_anchor and "random W = [[" in no_anchor and "is off the most" in no_anchor
    message = str(pytest.raises(AssertionError, grading.check_fj_equilibrium,
                                lambda W, x0, s: x0[:-1], grading.fj_equilibrium_cases(3, seed=3)).value)
    assert "return one opinion per agent" in message


def test_fj_cases_cover_the_extremes_and_are_row_stochastic():
    values = []
    for case in grading.fj_step_cases(60, seed=9):
        W, _, _, s = case.args
        assert np.allclose(W.sum(axis=1), 1) and (W >= 0).all()
        values.extend(np.atleast_1d(s).tolist())
    assert 0.0 in values and 1.0 in values


def test_qvoter_check():
    cases = grading.qvoter_update_edge_cases() + grading.qvoter_update_cases(300, seed=1)
    grading.check_qvoter_update(student_qvoter, cases)
    panels = [case.args[1] for case in cases]
    assert {len(panel) for panel in panels} == set(range(1, 9))
    assert any(len(set(panel)) == 1 for panel in panels) and any(len(set(panel)) == 2 for panel in panels)

    def less_or_equal(opinion, panel, p, variant, u_type, u_coin):
        return student_qvoter(opinion, panel, p + 1e-12, variant, u_type, u_coin)

    message = str(pytest.raises(AssertionError, grading.check_qvoter_update, less_or_equal, cases).value)
    assert "Input 1: opinion +1, panel [1, 1, 1], p = 0.3, independence, u_type = 0.3, u_coin = 0.9" in message
    assert "Input 2: opinion -1, panel [1, 1, 1], p = 0.3, anticonformity, u_type = 0.3" in message
    message = str(pytest.raises(AssertionError, grading.check_qvoter_update,
                                lambda *args: float(student_qvoter(*args)), cases[:2]).value)
    assert "return the new opinion as the whole number +1 or -1" in message


def test_critical_point_check_and_guard():
    from course_lib.voter import qvoter_critical_point

    grading.check_critical_point(student_critical_point, grading.critical_point_cases())
    assert [c.args[0] for c in grading.critical_point_cases()] == list(range(1, 9)) * 2
    message = str(pytest.raises(AssertionError, grading.check_critical_point, qvoter_critical_point,
                                grading.critical_point_cases()).value)
    assert "for 16 of 16 inputs" in message and "your function called course_lib's own function" in message
    message = str(pytest.raises(AssertionError, grading.check_critical_point,
                                lambda q, v: 1 / 0, grading.critical_point_cases()[:1]).value)
    assert "an error, ZeroDivisionError: division by zero (in <lambda>, line" in message
    assert not is_locked()


def test_every_public_name_of_the_old_module_is_still_there():
    for name in ("Case", "check_against_reference", "check_cascade_function", "check_vulnerable_degree",
                 "check_cascade_condition", "same_node_set", "describe_value", "describe_node_set",
                 "GRAPH_FAMILIES", "THRESHOLD_KINDS", "random_graph", "random_thresholds", "random_seeds",
                 "cascade_cases", "cascade_edge_cases", "vulnerable_degree_cases", "cascade_condition_cases",
                 "SHOW_FAILURES", "MAX_VALUE_CHARS", "SPECIAL_THRESHOLDS", "ReferenceLockedError",
                 "student_code_under_test"):
        assert hasattr(grading, name), name
    assert set(grading.__all__) <= set(dir(grading))


def test_grading_own_references_are_locked_too():
    def exact_answer(G, seeds, p, runs, rng):
        mean, sd, _ = grading.exact_spread(G, seeds, p)
        return mean, sd / math.sqrt(runs)

    message = str(pytest.raises(AssertionError, grading.check_spread_estimate, exact_answer,
                                grading.spread_cases(2, seed=1)).value)
    assert "your function called course_lib's own function" in message
    message = str(pytest.raises(AssertionError, grading.check_greedy_over_worlds,
                                grading.reference_greedy_over_worlds, grading.greedy_edge_cases()[:1]).value)
    assert "your function called course_lib's own function" in message


# ps1: influentials. Answers a student could write, without course_lib.

def student_rank_by_degree(G):
    return sorted(G, key=G.degree, reverse=True)


def student_kshell(G):
    degree = dict(G.degree)
    remaining, shells, k = set(G), {}, 0
    while remaining:
        k = max(k, min(degree[v] for v in remaining))
        peel = [v for v in remaining if degree[v] <= k]
        while peel:
            v = peel.pop()
            if v in remaining:
                remaining.discard(v)
                shells[v] = k
                for w in G[v]:
                    if w in remaining:
                        degree[w] -= 1
                        if degree[w] <= k:
                            peel.append(w)
    return shells


def student_top_k_overlap(a, b, k):
    top_a, top_b = set(a[:k]), set(b[:k])
    shared = len(top_a & top_b)
    return shared / len(top_a | top_b), shared / k


def student_share_connected(G, samples):
    return sum(nx.is_connected(G.subgraph(s)) for s in samples) / len(samples)


def student_expected_ties_inside(n, z, s):
    return s * (s - 1) / 2 * z / (n - 1)


def test_ps1_correct_answers_pass_every_generator():
    grading.check_rank_by_degree(student_rank_by_degree,
                                 grading.ranking_edge_cases() + grading.network_cases(66, seed=1))
    grading.check_rank_by_degree(lambda G: tuple(student_rank_by_degree(G)), grading.ranking_edge_cases())
    grading.check_kshell(student_kshell, grading.kshell_edge_cases() + grading.network_cases(66, seed=2))
    grading.check_kshell(nx.core_number, grading.kshell_edge_cases())
    grading.check_top_k_overlap(student_top_k_overlap, grading.overlap_edge_cases() + grading.overlap_cases(90, seed=3))
    grading.check_top_k_overlap(lambda a, b, k: list(student_top_k_overlap(a, b, k)), grading.overlap_cases(6, seed=4))
    grading.check_share_connected(student_share_connected,
                                  grading.connected_share_edge_cases() + grading.connected_share_cases(44, seed=5))
    grading.check_expected_ties_inside(student_expected_ties_inside, grading.expected_ties_cases(60, seed=6))
    grading.check_cyworld_bound(student_expected_ties_inside(20_000_000, 100, 208) / 207)
    grading.check_cyworld_bound(0.00052)  # two significant figures are enough


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 2**32 - 1))
def test_rank_tie_rule_is_the_libraries(seed):
    # The notebook's rule (stable sort, ties in list(G) order) is centrality.ranking's.
    grading.check_rank_by_degree(student_rank_by_degree, grading.network_cases(11, seed=seed))
    grading.check_rank_by_degree(lambda G: sorted(G, key=lambda v: -G.degree(v)), grading.network_cases(11, seed=seed))


def test_ps1_rankings_catch_reversed_ties_and_name_the_input():
    cases = grading.ranking_edge_cases() + grading.network_cases(22, seed=7)
    message = str(pytest.raises(AssertionError, grading.check_rank_by_degree,
                                lambda G: sorted(G, key=G.degree)[::-1], cases).value)
    assert message.startswith("<lambda> gave a wrong answer for")
    assert "Input 1: a path of 4 nodes 0 - 1 - 2 - 3" in message
    assert "expected: [1, 2, 0, 3]" in message and "got:      [2, 1, 3, 0]" in message
    assert "ties go to the node listed first in G, which is 1" in message
    assert "to rerun it: case = grading.ranking_edge_cases()[0]" in message

    def by_label(G):  # ties by label, not by graph order
        return sorted(G, key=lambda v: (-G.degree(v), v))

    message = str(pytest.raises(AssertionError, grading.check_rank_by_degree, by_label, cases).value)
    assert "Input 2: nodes listed in the order 3, 2, 1, 0" in message
    message = str(pytest.raises(AssertionError, grading.check_rank_by_degree,
                                lambda G: sorted(G.degree, key=lambda pair: -pair[1]), cases[:1]).value)
    assert "return the nodes only, not (node, degree) pairs" in message
    shuffled = grading.network_cases(11, seed=8, families=["shuffled order"])
    assert any(list(case.args[0]) != sorted(case.args[0]) for case in shuffled)
    with pytest.raises(AssertionError, match="listed in the order"):
        grading.check_rank_by_degree(by_label, shuffled)


def test_ps1_kshell_check():
    message = str(pytest.raises(AssertionError, grading.check_kshell, lambda G: dict(G.degree),
                                grading.kshell_edge_cases()).value)
    assert "Input 1: a clique of 4 (nodes 0 .. 3) and a hub 4" in message
    assert "node 4: expected 1, got 11" in message
    message = str(pytest.raises(AssertionError, grading.check_kshell,
                                lambda G: {v: float(k) for v, k in student_kshell(G).items()},
                                grading.kshell_edge_cases()[:1]).value)
    assert "return each k-shell number as a whole number (int)" in message
    message = str(pytest.raises(AssertionError, grading.check_kshell, lambda G: sorted(G),
                                grading.kshell_edge_cases()[:1]).value)
    assert "return a dict node -> k-shell number" in message


def test_ps1_overlap_check():
    cases = grading.overlap_edge_cases() + grading.overlap_cases(30, seed=9)

    def whole_lists(a, b, k):  # forgets to cut the lists at k
        return len(set(a) & set(b)) / len(set(a) | set(b)), len(set(a[:k]) & set(b[:k])) / k

    message = str(pytest.raises(AssertionError, grading.check_top_k_overlap, whole_lists, cases).value)
    assert "Input 1: ranking_a = ['a', 'b', 'c', 'd'], ranking_b = ['b', 'e', 'a', 'c'], k = 3" in message
    assert "expected: (jaccard 0.5, precision_at_k 0.666667)" in message
    assert "got:      (jaccard 0.6, precision_at_k 0.666667)" in message
    message = str(pytest.raises(AssertionError, grading.check_top_k_overlap,
                                lambda a, b, k: student_top_k_overlap(a, b, k)[::-1], cases[:1]).value)
    assert "the two numbers are swapped" in message
    kinds = {case.description.split(":")[0] for case in grading.overlap_cases(12, seed=1)}
    assert {"identical", "disjoint", "partial overlap", "different lengths"} <= kinds
    values = [student_top_k_overlap(*case.args) for case in grading.overlap_cases(60, seed=1)]
    assert (0.0, 0.0) in values and (1.0, 1.0) in values and any(0 < j < 1 for j, _ in values)


def test_ps1_share_connected_check():
    cases = grading.connected_share_edge_cases() + grading.connected_share_cases(22, seed=10)

    def linked_in_G(G, samples):  # asks whether nodes meet in G, not inside the sample
        return sum(all(nx.has_path(G, s[0], v) for v in s) for s in samples) / len(samples)

    message = str(pytest.raises(AssertionError, grading.check_share_connected, linked_in_G, cases).value)
    assert "Input 1: a path 0 - 1 - 2 - 3 - 4; samples [0, 2]" in message
    assert "expected: 0.75" in message and "got:      1.0" in message
    message = str(pytest.raises(AssertionError, grading.check_share_connected,
                                lambda G, samples: student_share_connected(G, samples) * len(samples),
                                cases).value)
    assert "not their number" in message
    shares = [grading.reference_share_connected(*case.args) for case in grading.connected_share_cases(33, seed=11)]
    assert 0.0 in shares and 1.0 in shares and any(0 < share < 1 for share in shares)


def test_ps1_expected_ties_and_cyworld_checks():
    cases = grading.expected_ties_cases(40, seed=12)
    message = str(pytest.raises(AssertionError, grading.check_expected_ties_inside,
                                lambda n, z, s: s * s / 2 * z / (n - 1), cases).value)
    assert "Input 1: n = 10 nodes, mean degree 3, sample of s = 1" in message
    assert "to rerun it: case = grading.expected_ties_cases(40, seed=12)[0]" in message
    with pytest.raises(AssertionError, match="That is the expected number of ties inside the sample"):
        grading.check_cyworld_bound(student_expected_ties_inside(20_000_000, 100, 208))
    with pytest.raises(AssertionError, match="cyworld_bound is 0.000522512"):
        grading.check_cyworld_bound(208 * 208 / 2 * 100 / 19_999_999 / 207)  # s**2 / 2 pairs: 0.5% off
    with pytest.raises(AssertionError, match="should be a number"):
        grading.check_cyworld_bound("0.00052")


def test_ps1_errors_are_reported_and_references_locked():
    from course_lib.centrality import centrality_table, ranking, top_k_overlap

    message = str(pytest.raises(AssertionError, grading.check_share_connected,
                                lambda G, samples: 1 / 0, grading.connected_share_edge_cases()[:1]).value)
    assert "got:      an error, ZeroDivisionError: division by zero (in <lambda>, line" in message

    def wraps_ranking(G):
        return ranking(centrality_table(G, measures=("degree",)), "degree")

    def wraps_overlap(a, b, k):
        result = top_k_overlap(a, b, k)
        return result.jaccard, result.precision_at_k

    for check, fn, cases in [
        (grading.check_rank_by_degree, wraps_ranking, grading.ranking_edge_cases()[:2]),
        (grading.check_kshell, lambda G: centrality_table(G, measures=("kshell",))["kshell"].to_dict(),
         grading.kshell_edge_cases()[:2]),
        (grading.check_top_k_overlap, wraps_overlap, grading.overlap_edge_cases()[:2]),
        (grading.check_share_connected, grading.reference_share_connected, grading.connected_share_edge_cases()[:2]),
    ]:
        message = str(pytest.raises(AssertionError, check, fn, cases).value)
        assert "for 2 of 2 inputs" in message and "your function called course_lib's own function" in message
    assert not is_locked()


def test_ps1_generators_are_reproducible():
    def graphs(cases):
        return [(list(c.args[0].nodes), sorted(map(str, c.args[0].edges)), c.description) for c in cases]

    assert graphs(grading.network_cases(22, seed=3)) == graphs(grading.network_cases(22, seed=3))
    assert graphs(grading.network_cases(22, seed=3)) != graphs(grading.network_cases(22, seed=4))
    assert [c.args for c in grading.overlap_cases(30, seed=3)] == [c.args for c in grading.overlap_cases(30, seed=3)]
    assert [c.args[1] for c in grading.connected_share_cases(11, seed=3)] == \
        [c.args[1] for c in grading.connected_share_cases(11, seed=3)]
    assert [c.args for c in grading.expected_ties_cases(20, seed=3)] == \
        [c.args for c in grading.expected_ties_cases(20, seed=3)]
    with pytest.raises(ValueError, match="family must be one of"):
        grading.network_cases(1, seed=0, families=["lattice"])
