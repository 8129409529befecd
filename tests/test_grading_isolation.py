"""The separate process that runs a submission's functions at autograde, and what comes
back from it (course_lib.grading.isolation and its worker)."""
from __future__ import annotations

import math
import time

import networkx as nx
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from course_lib.grading import _worker, isolation
from course_lib.grading.isolation import (
    OtherValue, ProtocolError, Sandbox, StudentFunctionError, WorkerStopped, answer_code,
    decode, graded_as, student_seed, student_seed_for,
)


def sandbox(source, names, timeout=20, **options):
    return Sandbox(answer_code([("cell 1", source)], set(names)), names, timeout=timeout, **options)


# ---------------------------------------------------------------------------
# Plain data both ways

plain = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=4)
    | st.tuples(inner, inner)
    | st.frozensets(st.integers() | st.text(max_size=3), max_size=4)
    | st.dictionaries(st.integers() | st.text(max_size=3), inner, max_size=3),
    max_leaves=12,
)


def same_types(a, b):
    if type(a) is not type(b):
        return False
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(map(same_types, a, b))
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same_types(a[k], b[k]) for k in a)
    return True


@given(plain)
def test_plain_values_come_back_equal_and_of_the_same_types(value):
    back = decode(_worker.encode(value))
    assert back == value and same_types(back, value)


def test_numpy_values_come_back_as_numpy():
    array = np.arange(6, dtype=np.int32).reshape(2, 3)
    back = decode(_worker.encode(array))
    assert back.dtype == np.int32 and back.shape == (2, 3) and (back == array).all()
    assert type(decode(_worker.encode(np.float64(0.25)))) is np.float64
    assert decode(_worker.encode(np.array([1 + 2j]))).tolist() == [1 + 2j]
    assert math.isnan(decode(_worker.encode(float("nan"))))


def test_objects_that_are_not_plain_data_come_back_as_other_values_that_equal_nothing():
    class Anything(set):
        def __eq__(self, other):
            return True

        __hash__ = set.__hash__

    for odd in (Anything({1}), nx.path_graph(3), (x for x in range(3)), np.array(["a"])):
        back = decode(_worker.encode(odd))
        assert isinstance(back, OtherValue) and back != {1} and back != OtherValue(back.type_name, back.text)


def test_decoding_refuses_what_the_worker_does_not_make():
    for bad in ({"$": "eval", "v": "1"}, {"no": "tag"}, {"$": "set", "v": [[1]]},
                {"$": "numpy", "dtype": "|O", "v": 1}, {"$": "ndarray", "dtype": "<i8", "shape": [3], "v": [1]},
                {"$": "dict", "v": [[1, 2, 3]]}):
        with pytest.raises(ProtocolError):
            decode(bad)


# ---------------------------------------------------------------------------
# Which code runs


def test_answer_code_keeps_definitions_and_the_assignments_they_read():
    source = ("import math\nprint('hello')\nSCALE = 2\nUNUSED = 1 / 0\n"
              "def f(x):\n    return SCALE * helper(x)\n"
              "def helper(x):\n    return x + 1\n"
              "for i in range(10**9):\n    pass\n"
              "answer = f(1)\n%timeit f(1)\n")
    (filename, kept), = answer_code([("cell 4", source)], {"f", "answer"}).cells
    namespace = {}
    exec(compile(kept, filename, "exec"), namespace)
    assert namespace["answer"] == 4 and "UNUSED" not in namespace and "i" not in namespace
    assert kept.splitlines()[4] == "def f(x):", "line numbers are those of the notebook"


def test_a_cell_with_a_syntax_error_is_named_and_the_others_still_count():
    code = answer_code([("cell 2", "def f(:\n"), ("cell 3", "def g():\n    return 1\n")], {"g"})
    assert code.problems and "cell 2" in code.problems[0] and "syntax error" in code.problems[0]
    assert [name for name, _ in code.cells] == ["<cell 3>"]


# ---------------------------------------------------------------------------
# The process


def test_functions_run_in_another_process_and_answer_in_plain_data():
    source = "import os\ndef pid():\n    return os.getpid()\ndef shells(G):\n    return {v: 1 for v in G}\n"
    with sandbox(source, ["pid", "shells"]) as box:
        assert box.call("pid", (), {}) != __import__("os").getpid()
        assert box.call("shells", (nx.path_graph(3),), {}) == {0: 1, 1: 1, 2: 1}
        assert box.calls == 2


def test_values_and_errors_come_back_with_the_students_line():
    source = "K = 3 * 7\n\ndef f(x):\n    return 1 / x\n"
    with sandbox(source, ["K", "f"]) as box:
        assert box.values == {"K": 21}
        with pytest.raises(StudentFunctionError) as raised:
            box.call("f", (0,), {})
    assert raised.value.type_name == "ZeroDivisionError"
    assert raised.value.where == "in f, line 4 of cell 1: return 1 / x"


def test_course_lib_cannot_be_imported_there():
    source = "def f():\n    import course_lib.cascades\n    return 1\n"
    with sandbox(source, ["f"]) as box, pytest.raises(StudentFunctionError) as raised:
        box.call("f", (), {})
    assert "course_lib is not available" in raised.value.message


def test_printing_reading_and_exiting_do_not_break_the_conversation():
    source = ("import sys\ndef noisy():\n    print('x' * 100000)\n    sys.stderr.write('y')\n"
              "    return input() if False else 5\n"
              "def reads():\n    return input()\n"
              "def leaves():\n    sys.exit(2)\n")
    with sandbox(source, ["noisy", "reads", "leaves"]) as box:
        assert box.call("noisy", (), {}) == 5
        with pytest.raises(StudentFunctionError, match="EOFError"):
            box.call("reads", (), {})
        with pytest.raises(StudentFunctionError, match="SystemExit"):
            box.call("leaves", (), {})
        assert box.call("noisy", (), {}) == 5


def test_a_loop_that_swallows_interrupts_is_stopped_at_the_time_limit():
    source = ("def spin():\n    while True:\n        try:\n            while True:\n"
              "                pass\n        except BaseException:\n            pass\n")
    box = sandbox(source, ["spin"], timeout=3)
    start = time.monotonic()
    with pytest.raises(WorkerStopped, match="did not finish within 3 seconds"):
        box.call("spin", (), {})
    assert time.monotonic() - start < 6
    assert box._process.poll() is not None, "the process was killed"


def test_a_process_that_kills_itself_costs_only_that_call():
    source = "import os\ndef die():\n    os._exit(7)\n"
    box = sandbox(source, ["die"])
    with pytest.raises(WorkerStopped, match="exit code 7"):
        box.call("die", (), {})


def test_definitions_that_never_finish_loading_stop_the_sandbox():
    with pytest.raises(WorkerStopped, match="loading your definitions"):
        sandbox("def f():\n    while True:\n        pass\nX = f()\n", ["X"], timeout=2)
    # A loop at the top of a cell is not a definition: it does not run while grading.
    with sandbox("def f():\n    return 1\nwhile True:\n    pass\n", ["f"], timeout=5) as box:
        assert box.call("f", (), {}) == 1
    with pytest.raises(WorkerStopped, match="loading your definitions"):
        sandbox("import time\nX = time.sleep(100)\n", ["X"], timeout=2)


def test_the_memory_limit_holds():
    source = "def hog():\n    return len(bytearray(3 * 1024 ** 3))\n"
    with sandbox(source, ["hog"], memory_mb=1500) as box, pytest.raises(StudentFunctionError, match="MemoryError"):
        box.call("hog", (), {})


# ---------------------------------------------------------------------------
# Hidden inputs per student


def test_student_seed_is_the_written_seed_outside_grading_and_per_student_inside():
    assert student_seed(2021) == 2021
    with graded_as("ada"):
        ada = student_seed(2021)
        with graded_as("bob"):
            bob = student_seed(2021)
        assert student_seed(2021) == ada
    assert len({2021, ada, bob}) == 3
    assert ada == student_seed_for("ada", 2021) and student_seed_for("ada", 2022) != ada
    for bad in (-1, 1.5, True, "7"):
        with pytest.raises(ValueError, match="base"):
            student_seed(bad)


def test_generated_cases_differ_between_students():
    from course_lib import grading

    def edges_for(student):
        with graded_as(student):
            cases = grading.cascade_cases(5, seed=grading.student_seed(2021))
        return [sorted(map(repr, case.args[0].edges)) for case in cases]

    assert edges_for("ada") == edges_for("ada") != edges_for("bob")


def test_the_student_function_stand_in_names_itself():
    with sandbox("def f(x):\n    return [x]\n", ["f"]) as box:
        stand_in = isolation.StudentFunction("f", box)
        assert stand_in(3) == [3] and stand_in.__name__ == "f" and "f" in repr(stand_in)


# ---------------------------------------------------------------------------
# Odd answers get a plain message, never a traceback from course_lib


def _check_suites():
    from course_lib import grading as g

    return [
        (g.check_rank_by_degree, g.ranking_edge_cases()[:3] + g.network_cases(3, seed=1)),
        (g.check_kshell, g.kshell_edge_cases()[:3] + g.network_cases(3, seed=2)),
        (g.check_top_k_overlap, g.overlap_edge_cases()[:3] + g.overlap_cases(3, seed=3)),
        (g.check_share_connected, g.connected_share_cases(3, seed=4)),
        (g.check_expected_ties_inside, g.expected_ties_cases(3, seed=5)),
        (g.check_cascade_function, g.cascade_cases(3, seed=6)),
        (g.check_vulnerable_degree, g.vulnerable_degree_cases(3, seed=7)),
        (g.check_cascade_condition, g.cascade_condition_cases(3, seed=8)),
        (g.check_ic_with_coins, g.ic_coin_cases(3, seed=9)),
        (g.check_spread_estimate, g.spread_cases(3, seed=10)),
        (g.check_greedy_over_worlds, g.greedy_cases(3, seed=11)),
        (g.check_fj_step, g.fj_step_cases(3, seed=12)),
        (g.check_fj_equilibrium, g.fj_equilibrium_cases(3, seed=13)),
        (g.check_qvoter_update, g.qvoter_update_cases(3, seed=14)),
        (g.check_critical_point, g.critical_point_cases()[:3]),
    ]


ODD_ANSWERS = [
    None, "abc", float("nan"), float("inf"), -1, True, [], [[1, 2], [3]], [None, None],
    {1: [2]}, {(0, 1): {2}}, {frozenset({1}), "a", 3}, (1, 2, 3), ("a", "b"), np.array([]),
    np.array([[1.0, 2.0], [3.0, 4.0]]), np.float64("nan"), np.int64(7), 1 + 2j,
    OtherValue("builtins.generator", "<generator object>"),
]


@pytest.mark.parametrize("odd", ODD_ANSWERS, ids=repr)
def test_every_check_turns_an_odd_answer_into_a_plain_failure(odd):
    # A constant can be right for some checks (-1 for a q-voter update); what matters is
    # that no check raises anything but its AssertionError with a message in words.
    failed = 0
    for check, cases in _check_suites():
        try:
            check(lambda *args, **kwargs: odd, cases)
        except AssertionError as failure:
            failed += 1
            assert "wrong answer" in str(failure) and "Traceback" not in str(failure), check.__name__
    assert failed >= len(_check_suites()) - 2
    from course_lib import grading

    with pytest.raises(AssertionError):
        grading.check_cyworld_bound(odd)
