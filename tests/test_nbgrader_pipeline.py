"""The instructor's path through nbgrader, end to end, with honest and dishonest students.

One temporary course, every assignment released, and for each assignment these
submissions, graded by one real ``nbgrader autograde`` call:

- the solution, the untouched release, and one plausible slip (partial marks);
- the dishonest submissions of :mod:`submissions` (objects that equal anything, a thread
  calling the reference, the grader's frames, a patched grading module, the unguarded
  original behind the guard's decorator, an AST transformer that swallows every later
  cell, a table of the answers to the hidden inputs of the default seeds): each must
  score 0, which it would not if the verdict came from the student's kernel;
- honest submissions that must keep full marks: functions that print to stderr and
  raise warnings, helpers in a cell of the student's own, numpy arrays where the
  exercise allows them.

ps2 also gets the hostile-but-honest cases of autograde's robustness: an endless loop,
an endless loop that catches ``BaseException`` (so an interrupt cannot stop it) run at
the top of its cell, a function that kills its process with ``os._exit`` (called at the
top of its cell too, so the kernel dies), and a wrapper that also empties the test
cells. Each costs only the points of the cells it touches.
"""
from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

import submissions

pytestmark = pytest.mark.slow

ASSIGNMENTS_DIR = Path(__file__).resolve().parents[1] / "assignments"
# Short enough to keep the endless loops quick, long enough for a slow machine to
# start a process and import numpy and networkx in it.
CELL_TIMEOUT = "10"

# ps2: summing the Poisson terms up to K - 1 instead of K - 2.
OFF_BY_ONE_CONDITION = '''
def cascade_possible(z, phi):
    K = vulnerable_degree(phi)
    return z * sum(math.exp(-z) * z**j / math.factorial(j) for j in range(K)) > 1
'''

# ps1: sorts by degree ascending, then reverses: the ties come out reversed too.
RANK_TIES_REVERSED = '''
def rank_by_degree(G):
    return sorted(G, key=G.degree)[::-1]
'''

# ps3: takes the last of tied nodes (>= instead of >).
GREEDY_LAST_OF_TIES = submissions.solution_source(
    "ps3_seeding", "greedy_over_worlds", edit=("if total > best_total:", "if total >= best_total:"))

# ps4: an anticonformist who turns against a split panel too.
ANTI_EVEN_WHEN_SPLIT = '''
def qvoter_update(opinion, panel, p, variant, u_type, u_coin):
    if u_type < p:
        if variant == "independence":
            return 1 if u_coin < 0.5 else -1
        return -panel[0] if len(set(panel)) == 1 else -opinion
    return panel[0] if len(set(panel)) == 1 else opinion
'''

# ps5: compares the running sum with < instead of <=.
CONTINUUM_STRICT_BOUNDARY = submissions.solution_source(
    "ps5_budgets", "continuum_step", edit=("if running <= draws[i]:", "if running < draws[i]:"))

ASSIGNMENTS = {
    "ps1_influentials": {
        "cells": {"test_rank_by_degree": 3, "test_kshell": 3, "test_top_k_overlap": 3,
                  "test_share_connected": 3, "test_expected_ties_inside": 2, "test_cyworld_bound": 1},
        "wrong": {"rank_by_degree": RANK_TIES_REVERSED},
        "wrong_cells": {"test_rank_by_degree"},
        # The exercise allows a numpy array for the pair (jaccard, precision).
        "other_types": {"top_k_overlap": '''
def top_k_overlap(ranking_a, ranking_b, k):
    top_a, top_b = set(ranking_a[:k]), set(ranking_b[:k])
    shared = len(top_a & top_b)
    return np.array([shared / len(top_a | top_b), shared / k])
'''},
        "extra_imports": "import numpy as np\n",
    },
    "ps2_cascades": {
        "cells": {"test_cascade_uniform": 3, "test_cascade_per_node": 3, "test_cascade_special_cases": 2,
                  "test_vulnerable_degree": 2, "test_cascade_possible": 3},
        "wrong": {"cascade_possible": OFF_BY_ONE_CONDITION},
        "wrong_cells": {"test_cascade_possible"},
        # A frozenset where a set is asked: allowed (an int must be an int here).
        "other_types": {"threshold_cascade": '''
def threshold_cascade(G, threshold, seeds):
    active = set(seeds)
    grew = True
    while grew:
        grew = False
        for v in G:
            phi = threshold[v] if isinstance(threshold, dict) else threshold
            k = G.degree(v)
            if v not in active and ((phi == 0) if k == 0 else sum(u in active for u in G[v]) / k >= phi):
                active.add(v)
                grew = True
    return frozenset(active)
'''},
        "extra_imports": "",
    },
    "ps3_seeding": {
        "cells": {"test_ic_generated": 3, "test_ic_special_cases": 2, "test_estimate_spread": 4,
                  "test_greedy_generated": 3, "test_greedy_ties": 2},
        "wrong": {"greedy_over_worlds": GREEDY_LAST_OF_TIES},
        "wrong_cells": {"test_greedy_generated", "test_greedy_ties"},
        # A numpy array for (mean, standard error): allowed.
        "other_types": {"estimate_spread": '''
def estimate_spread(G, seeds, p, runs, rng):
    sizes = []
    for _ in range(runs):
        active = set(seeds)
        frontier = list(active)
        while frontier:
            new = []
            for u in frontier:
                for v in G.neighbors(u):
                    if v not in active and rng.random() < p:
                        active.add(v)
                        new.append(v)
            frontier = new
        sizes.append(len(active))
    sizes = np.array(sizes, dtype=float)
    return np.array([sizes.mean(), sizes.std(ddof=1) / np.sqrt(runs)])
'''},
        "extra_imports": "",
    },
    "ps4_opinions": {
        "cells": {"test_fj_step": 3, "test_fj_equilibrium": 3, "test_qvoter_update": 4,
                  "test_critical_point": 3},
        "wrong": {"qvoter_update": ANTI_EVEN_WHEN_SPLIT},
        "wrong_cells": {"test_qvoter_update"},
        # Lists where the solution returns arrays: allowed either way.
        "other_types": {"fj_step": '''
def fj_step(W, x, x0, susceptibility):
    n = len(x)
    lam = [susceptibility] * n if np.ndim(susceptibility) == 0 else list(susceptibility)
    return [float(lam[i] * sum(W[i][j] * x[j] for j in range(n)) + (1 - lam[i]) * x0[i])
            for i in range(n)]
'''},
        "extra_imports": "",
    },
}

ASSIGNMENTS["ps5_budgets"] = {
    "cells": {"test_bass_adoption": 2, "test_bass_peak_time": 2, "test_continuum_step": 4,
              "test_plan_value": 4, "test_best_constant_split": 3},
    # ps5: a draw exactly at a running sum stays in the interval below it (< for <=).
    "wrong": {"continuum_step": CONTINUUM_STRICT_BOUNDARY},
    "wrong_cells": {"test_continuum_step"},
    # A list of ints where the solution returns an array: allowed.
    "other_types": {"continuum_step": submissions.solution_source(
        "ps5_budgets", "continuum_step", edit=("return np.array(new, dtype=int)", "return new"))},
    "extra_imports": "",
}

ASSIGNMENTS["ps6_capstone"] = {
    "cells": {"test_exit_step": 4, "test_exit_share": 3, "test_choose_strategy": 4},
    "manual": {"written_strategy": 3},
    # ps6: a share exactly at the threshold does not count (> for >=).
    "wrong": {"exit_step": submissions.solution_source(
        "ps6_capstone", "exit_step", edit=("leaves = external_contacts[i] / degrees[i] >= thresholds[i] - 1e-9",
                                           "leaves = external_contacts[i] / degrees[i] > thresholds[i]"))},
    "wrong_cells": {"test_exit_step"},
    # Lists where the solution returns arrays: allowed.
    "other_types": {"exit_step": submissions.solution_source(
        "ps6_capstone", "exit_step", edit=("return new_state, new_strikes",
                                           "return [int(v) for v in new_state], [int(v) for v in new_strikes]"))},
    "extra_imports": "",
}

HONEST = ("noisy", "helper_in_own_cell", "other_types")

ENDLESS_LOOP = '''
def vulnerable_degree(phi):
    while True:
        pass
'''

# Catches the interrupt the grader sends, so only killing the process stops it; called
# at the top of the cell, so the student's kernel hangs too.
UNSTOPPABLE_LOOP = '''
def vulnerable_degree(phi):
    while True:
        try:
            while True:
                pass
        except BaseException:
            pass

vulnerable_degree(0.5)
'''

# Kills its own process; called at the top of the cell, so the kernel dies as well.
KILLS_ITS_PROCESS = '''
import os

def cascade_possible(z, phi):
    os._exit(3)

cascade_possible(3.0, 0.18)
'''

# Right, and independent of vulnerable_degree, so it scores while that one loops.
SELF_CONTAINED_CONDITION = '''
def cascade_possible(z, phi):
    K = math.floor((1 + 1e-9) / phi)
    return z * sum(math.exp(-z) * z**j / math.factorial(j) for j in range(K - 1)) > 1
'''

WRAPS_COURSE_LIB = {
    "threshold_cascade": '''
from course_lib.cascades import threshold_cascade as library_cascade

def threshold_cascade(G, threshold, seeds):
    return set(library_cascade(G, threshold, seeds).active)
''',
    "vulnerable_degree": '''
from course_lib.cascades import vulnerable_degree_limit

def vulnerable_degree(phi):
    return vulnerable_degree_limit(phi)
''',
    "cascade_possible": '''
from course_lib.cascades import cascade_condition

def cascade_possible(z, phi):
    return cascade_condition(z, phi)
''',
}

PS2_ROBUSTNESS = {  # student -> (answers replacing the solution's, cells that score 0)
    "endless_loop": ({"vulnerable_degree": ENDLESS_LOOP, "cascade_possible": SELF_CONTAINED_CONDITION},
                     {"test_vulnerable_degree"}),
    "unstoppable_loop": ({"vulnerable_degree": UNSTOPPABLE_LOOP, "cascade_possible": SELF_CONTAINED_CONDITION},
                         {"test_vulnerable_degree"}),
    "kills_its_process": ({"cascade_possible": KILLS_ITS_PROCESS}, {"test_cascade_possible"}),
}


def nbgrader(course, *args, cwd=None, **extra_env):
    """Run ``nbgrader`` in ``course`` (or ``cwd``) so it loads the copied nbgrader_config.py."""
    env = dict(os.environ, COURSE_CELL_TIMEOUT=CELL_TIMEOUT, **extra_env)
    # nbgrader runs the `alembic` command when it creates a gradebook: it must be on PATH.
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    env.pop("NBGRADER_EXECUTION", None)
    result = subprocess.run(
        [sys.executable, "-m", "nbgrader", *args], cwd=cwd or course, env=env,
        capture_output=True, text=True, timeout=900,
    )
    assert result.returncode == 0, f"nbgrader {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"
    return result


def source_path(assignment):
    return ASSIGNMENTS_DIR / "source" / assignment / f"{assignment}.ipynb"


def solution_cells(nb):
    """The code answer cells (a written answer, graded by hand, is a markdown cell)."""
    return {cell.metadata.nbgrader["grade_id"]: cell for cell in nb.cells
            if cell.cell_type == "code" and cell.metadata.get("nbgrader", {}).get("solution")}


def write_submission(course, assignment, student, nb):
    folder = course / "submitted" / student / assignment
    folder.mkdir(parents=True)
    nbformat.write(nb, folder / f"{assignment}.ipynb")


def by_name(answers, replacements):
    """Answer cells with the functions named in ``replacements`` swapped in."""
    model = {a.grade_id: a.solution for a in answers.cells}
    ids = {a.name: a.grade_id for a in answers.cells}
    return {**model, **{ids[name]: code for name, code in replacements.items()}}


def submit_all(course, assignment):
    spec = ASSIGNMENTS[assignment]
    answers = submissions.read_answers(source_path(assignment), assignment)
    release = nbformat.read(course / "release" / assignment / f"{assignment}.ipynb", as_version=4)
    shutil.copytree(source_path(assignment).parent, course / "submitted" / "solution" / assignment)
    write_submission(course, assignment, "untouched", release)
    write_submission(course, assignment, "partly_wrong",
                     submissions.build(release, by_name(answers, spec["wrong"])))
    for trick, make in submissions.DISHONEST.items():
        cells, extra = make(answers)
        write_submission(course, assignment, trick, submissions.build(release, cells, extra))
    for name in ("noisy", "helper_in_own_cell"):
        cells, extra = getattr(submissions, name)(answers)
        write_submission(course, assignment, name, submissions.build(release, cells, extra))
    arrays = {name: spec["extra_imports"] + code for name, code in spec["other_types"].items()}
    write_submission(course, assignment, "other_types", submissions.build(release, by_name(answers, arrays)))
    if assignment == "ps2_cascades":
        for student, (replacements, _) in PS2_ROBUSTNESS.items():
            write_submission(course, assignment, student,
                             submissions.build(release, by_name(answers, replacements)))
        wrapper = submissions.build(release, by_name(answers, WRAPS_COURSE_LIB))
        for cell in wrapper.cells:
            if cell.metadata.get("nbgrader", {}).get("grade"):
                cell.source = "pass"  # grading must restore the test cells from the master copy
        write_submission(course, assignment, "wrapper", wrapper)


@pytest.fixture(scope="module")
def graded_course(tmp_path_factory):
    """A course copy with every assignment released, its submissions, all autograded."""
    course = tmp_path_factory.mktemp("course")
    shutil.copy(ASSIGNMENTS_DIR / "nbgrader_config.py", course)
    shutil.copytree(ASSIGNMENTS_DIR / "source", course / "source")
    for assignment in ASSIGNMENTS:
        nbgrader(course, "generate_assignment", assignment, "--force")
    for assignment in ASSIGNMENTS:
        submit_all(course, assignment)
        log = nbgrader(course, "autograde", assignment, "--force").stderr
        (course / f"autograde-{assignment}.log").write_text(log)
    return course


def cell_scores(course, student, assignment):
    from nbgrader.api import Gradebook

    cells = ASSIGNMENTS[assignment]["cells"]
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        scores = {grade_id: gradebook.find_grade(grade_id, assignment, assignment, student).score
                  for grade_id in cells}
        manual = ASSIGNMENTS[assignment].get("manual", {})
        unmarked = [gradebook.find_grade(grade_id, assignment, assignment, student) for grade_id in manual]
        submission = gradebook.find_submission(assignment, student)
        assert submission.max_score == sum(cells.values()) + sum(manual.values())
        assert all(grade.score == 0 for grade in unmarked), "a written answer scores nothing until graded by hand"
        assert submission.score == sum(scores.values())
    return scores


def graded_cell(course, student, assignment, grade_id):
    nb = nbformat.read(course / "autograded" / student / assignment / f"{assignment}.ipynb", as_version=4)
    return next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id)


def shown_text(cell):
    return "\n".join("\n".join(o.get("traceback", [])) + o.get("evalue", "") + "".join(o.get("text", ""))
                     for o in cell.outputs)


# ---------------------------------------------------------------------------
# Releases


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_release_has_no_solutions_and_no_hidden_tests(graded_course, assignment):
    notebook = f"{assignment}.ipynb"
    release = nbformat.read(graded_course / "release" / assignment / notebook, as_version=4)
    text = "\n".join(cell.source for cell in release.cells)
    for leak in ("BEGIN SOLUTION", "HIDDEN TESTS", "import grading", "grading.check_"):
        assert leak not in text, f"the {assignment} release contains {leak!r}"
    source = nbformat.read(source_path(assignment), as_version=4)
    for grade_id, cell in solution_cells(source).items():
        answer = cell.source.split("### BEGIN SOLUTION")[1].split("### END SOLUTION")[0]
        for line in answer.splitlines():
            assert len(line.strip()) < 12 or line.strip() not in text, f"{grade_id} leaks {line.strip()!r}"
    for grade_id, cell in solution_cells(release).items():
        assert "raise NotImplementedError()" in cell.source, f"{grade_id} is not a stub"
    graded = {c.metadata.nbgrader["grade_id"]: c.metadata.nbgrader["points"]
              for c in release.cells if c.metadata.get("nbgrader", {}).get("grade")}
    assert graded == {**ASSIGNMENTS[assignment]["cells"], **ASSIGNMENTS[assignment].get("manual", {})}
    for cell in source.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None


# ---------------------------------------------------------------------------
# The standard three


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_solution_scores_full_marks(graded_course, assignment):
    assert cell_scores(graded_course, "solution", assignment) == ASSIGNMENTS[assignment]["cells"]


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_untouched_release_scores_zero(graded_course, assignment):
    cells = ASSIGNMENTS[assignment]["cells"]
    assert cell_scores(graded_course, "untouched", assignment) == dict.fromkeys(cells, 0)


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_partly_wrong_answer_gets_partial_marks(graded_course, assignment):
    spec = ASSIGNMENTS[assignment]
    scores = cell_scores(graded_course, "partly_wrong", assignment)
    assert scores == {gid: 0 if gid in spec["wrong_cells"] else points for gid, points in spec["cells"].items()}
    assert 0 < sum(scores.values()) < sum(spec["cells"].values())


# ---------------------------------------------------------------------------
# Dishonest and honest students


@pytest.mark.parametrize("trick", submissions.DISHONEST)
@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_a_submission_that_does_no_work_scores_zero(graded_course, assignment, trick):
    cells = ASSIGNMENTS[assignment]["cells"]
    assert cell_scores(graded_course, trick, assignment) == dict.fromkeys(cells, 0), \
        f"{trick} earned points on {assignment}"


@pytest.mark.parametrize("student", HONEST)
@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_honest_variants_keep_full_marks(graded_course, assignment, student):
    assert cell_scores(graded_course, student, assignment) == ASSIGNMENTS[assignment]["cells"]


def test_the_written_answer_waits_for_an_instructor(graded_course):
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{graded_course / 'gradebook.db'}") as gradebook:
        grade = gradebook.find_grade("written_strategy", "ps6_capstone", "ps6_capstone", "solution")
        assert grade.needs_manual_grade and grade.max_score == 3, "a written answer is not flagged for manual grading"
        assert gradebook.find_submission("ps6_capstone", "solution").needs_manual_grade
        # nbgrader scores an answer left exactly as released 0 and asks nobody to read it
        blank = gradebook.find_grade("written_strategy", "ps6_capstone", "ps6_capstone", "untouched")
        assert blank.score == 0 and not blank.needs_manual_grade
    cell = graded_cell(graded_course, "untouched", "ps6_capstone", "written_strategy")
    assert cell.cell_type == "markdown" and "YOUR ANSWER HERE" in cell.source


def test_feedback_says_why_in_plain_words(graded_course):
    calls_library = graded_cell(graded_course, "unguarded_original", "ps2_cascades", "test_cascade_uniform")
    shown = shown_text(calls_library)
    assert calls_library.outputs[0].output_type == "error"
    assert "course_lib is not available while your functions are graded" in shown
    assert "Traceback" not in shown and "site-packages" not in shown
    anything = shown_text(graded_cell(graded_course, "equals_anything", "ps1_influentials", "test_rank_by_degree"))
    assert "rank_by_degree should return a list of nodes" in anything
    passed = shown_text(graded_cell(graded_course, "solution", "ps3_seeding", "test_greedy_generated"))
    assert passed.startswith("Passed")


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_the_answer_table_passes_where_the_inputs_are_not_per_student(assignment):
    # The control for the answer_table submission: with the seeds written in the hidden
    # tests (what student_seed gives outside grading) its lookups pass every test cell
    # of a function, so it scores 0 above only because each student's inputs differ.
    answers = submissions.read_answers(source_path(assignment), assignment)
    cells, _ = submissions.answer_table(answers)
    namespace = {}
    exec(answers.imports, namespace)
    for answer in answers.cells:
        exec(cells[answer.grade_id], namespace)
    values = {a.name for a in answers.cells if a.kind == "value"}
    for grade_id, source in answers.tests:
        if not any(name in source for name in values):
            exec(source, dict(namespace))


# ---------------------------------------------------------------------------
# Robustness: each hostile answer costs only its own cells


@pytest.mark.parametrize("student", PS2_ROBUSTNESS)
def test_hostile_answer_costs_only_its_cells(graded_course, student):
    cells = ASSIGNMENTS["ps2_cascades"]["cells"]
    lost = PS2_ROBUSTNESS[student][1]
    assert cell_scores(graded_course, student, "ps2_cascades") == {
        gid: 0 if gid in lost else points for gid, points in cells.items()}
    (grade_id,) = lost
    shown = shown_text(graded_cell(graded_course, student, "ps2_cascades", grade_id))
    expected = "stopped" if student == "kills_its_process" else f"did not finish within {CELL_TIMEOUT} seconds"
    assert expected in shown


def test_a_dead_kernel_leaves_a_note_and_the_grades(graded_course):
    nb = nbformat.read(graded_course / "autograded" / "kills_its_process" / "ps2_cascades"
                       / "ps2_cascades.ipynb", as_version=4)
    died = [c for c in nb.cells if any(o.get("ename") == "DeadKernelError" for o in c.get("outputs", []))]
    assert len(died) == 1 and "os._exit" in died[0].source


def test_wrapping_course_lib_and_emptying_tests_earns_nothing(graded_course):
    cells = ASSIGNMENTS["ps2_cascades"]["cells"]
    assert cell_scores(graded_course, "wrapper", "ps2_cascades") == dict.fromkeys(cells, 0)
    shown = shown_text(graded_cell(graded_course, "wrapper", "ps2_cascades", "test_cascade_uniform"))
    assert "course_lib is not available" in shown


def test_grader_log_names_submissions_to_read(graded_course):
    log = (graded_course / "autograde-ps2_cascades.log").read_text()
    for student in ("thread", "grader_frames", "patched_grading", "cell_transformer", "wrapper"):
        assert f"Student {student}," in log, f"{student} is not named in the grader's log"
    assert "Student solution," not in log and "Student noisy," not in log


# ---------------------------------------------------------------------------
# Grades out, Validate for students


def test_export_works_from_another_directory(graded_course, tmp_path):
    # JUPYTER_CONFIG_PATH points nbgrader at the course's config from anywhere.
    grades = tmp_path / "grades.csv"
    nbgrader(graded_course, "export", f"--to={grades}", cwd=tmp_path, JUPYTER_CONFIG_PATH=str(graded_course))
    rows = list(csv.DictReader(grades.open()))
    ps2 = {row["student_id"]: float(row["score"]) for row in rows if row["assignment"] == "ps2_cascades"}
    assert {k: ps2[k] for k in ("solution", "untouched", "partly_wrong", "endless_loop", "wrapper")} == {
        "solution": 13.0, "untouched": 0.0, "partly_wrong": 10.0, "endless_loop": 11.0, "wrapper": 0.0,
    }
    for assignment, spec in ASSIGNMENTS.items():
        scores = {row["student_id"]: float(row["score"]) for row in rows
                  if row["assignment"] == assignment and row["student_id"] in {"solution", "untouched"}}
        assert scores == {"solution": sum(spec["cells"].values()), "untouched": 0.0}
    assert not (tmp_path / "gradebook.db").exists()


def test_validate_passes_the_solution_and_flags_the_release(graded_course, monkeypatch):
    from nbgrader.validator import Validator

    monkeypatch.setenv("PATH", os.pathsep.join([str(Path(sys.executable).parent), os.environ["PATH"]]))
    assert Validator().validate(str(source_path("ps2_cascades"))) == {}
    release = graded_course / "release" / "ps2_cascades" / "ps2_cascades.ipynb"
    assert Validator().validate(str(release)).get("failed")
