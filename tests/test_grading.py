"""Unit tests for course_lib.grading: the checks behind the assignments' test cells."""
from __future__ import annotations

import math

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from course_lib import grading
from course_lib._guard import is_locked
from course_lib.cascades import cascade_condition_margin, threshold_cascade


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
    assert threshold_cascade(nx.path_graph(2), 0.5, [0]).size == 2


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
