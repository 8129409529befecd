"""The instructor's path through nbgrader, end to end, on a copy of the course.

Release ps2_cascades, grade five kinds of submission and read the scores back from the
gradebook: the solution, the untouched release, a partly wrong answer, an infinite
loop, and a submission that only wraps course_lib (and empties the test cells). Also
exports the grades from another directory and checks what a student sees when pressing
Validate.
"""
from __future__ import annotations

import csv
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

pytestmark = pytest.mark.slow

ASSIGNMENTS = Path(__file__).resolve().parents[1] / "assignments"
ASSIGNMENT = "ps2_cascades"
NOTEBOOK = f"{ASSIGNMENT}.ipynb"
SOURCE = ASSIGNMENTS / "source" / ASSIGNMENT / NOTEBOOK
TOTAL_POINTS = 13
# Short enough to keep the infinite-loop submission quick, long enough for a first
# numba compile of course_lib inside a cell.
CELL_TIMEOUT = "10"

TEST_CELLS = {  # grade_id -> points
    "test_cascade_uniform": 3,
    "test_cascade_per_node": 3,
    "test_cascade_special_cases": 2,
    "test_vulnerable_degree": 2,
    "test_cascade_possible": 3,
}

# A plausible slip: summing the Poisson terms up to K - 1 instead of K - 2.
OFF_BY_ONE_CONDITION = '''
def cascade_possible(z, phi):
    K = vulnerable_degree(phi)
    return z * sum(math.exp(-z) * z**j / math.factorial(j) for j in range(K)) > 1
'''

NEVER_RETURNS = '''
def vulnerable_degree(phi):
    while True:
        pass
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


def nbgrader(course, *args, cwd=None, **extra_env):
    """Run ``nbgrader`` in ``course`` (or ``cwd``) so it loads the copied nbgrader_config.py."""
    env = dict(os.environ, COURSE_CELL_TIMEOUT=CELL_TIMEOUT, **extra_env)
    # nbgrader runs the `alembic` command when it creates a gradebook: it must be on PATH.
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    env.pop("NBGRADER_EXECUTION", None)
    result = subprocess.run(
        [sys.executable, "-m", "nbgrader", *args], cwd=cwd or course, env=env,
        capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, f"nbgrader {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"
    return result


def solution_cells(nb):
    return {
        cell.metadata.nbgrader["grade_id"]: cell
        for cell in nb.cells
        if cell.metadata.get("nbgrader", {}).get("solution")
    }


def strip_markers(source):
    return "\n".join(line for line in source.splitlines() if "### BEGIN SOLUTION" not in line
                     and "### END SOLUTION" not in line)


def submit(course, student, release_nb, answers, *, gut_the_tests=False):
    """Write the release notebook with its solution cells filled from ``answers``
    (and, if asked, every test cell replaced by ``pass``)."""
    nb = nbformat.from_dict(release_nb)
    for grade_id, cell in solution_cells(nb).items():
        cell.source = answers[grade_id]
    for cell in nb.cells:
        if gut_the_tests and cell.metadata.get("nbgrader", {}).get("grade"):
            cell.source = "pass"
    folder = course / "submitted" / student / ASSIGNMENT
    folder.mkdir(parents=True)
    nbformat.write(nb, folder / NOTEBOOK)


@pytest.fixture(scope="module")
def graded_course(tmp_path_factory):
    """A course copy with the assignment released, five submissions, all autograded."""
    course = tmp_path_factory.mktemp("course")
    shutil.copy(ASSIGNMENTS / "nbgrader_config.py", course)
    shutil.copytree(ASSIGNMENTS / "source", course / "source")
    nbgrader(course, "generate_assignment", ASSIGNMENT, "--force")

    release = nbformat.read(course / "release" / ASSIGNMENT / NOTEBOOK, as_version=4)
    source = nbformat.read(SOURCE, as_version=4)
    model = {gid: strip_markers(cell.source) for gid, cell in solution_cells(source).items()}

    solved = course / "submitted" / "solution" / ASSIGNMENT
    solved.mkdir(parents=True)
    shutil.copy(SOURCE, solved / NOTEBOOK)
    stubs = {gid: cell.source for gid, cell in solution_cells(release).items()}
    submit(course, "untouched", release, stubs)
    submit(course, "off_by_one", release, {**model, "cascade_possible": OFF_BY_ONE_CONDITION})
    submit(course, "endless_loop", release, {**model, "vulnerable_degree": NEVER_RETURNS,
                                              "cascade_possible": SELF_CONTAINED_CONDITION})
    # Also empties the test cells: grading must restore them from the master copy.
    submit(course, "wrapper", release, WRAPS_COURSE_LIB, gut_the_tests=True)

    nbgrader(course, "autograde", ASSIGNMENT, "--force")
    return course


def cell_scores(course, student):
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        scores = {
            grade_id: gradebook.find_grade(grade_id, ASSIGNMENT, ASSIGNMENT, student).score
            for grade_id in TEST_CELLS
        }
        submission = gradebook.find_submission(ASSIGNMENT, student)
        assert submission.max_score == TOTAL_POINTS
        assert submission.score == sum(scores.values())
    return scores


def autograded_cell(course, student, grade_id):
    nb = nbformat.read(course / "autograded" / student / ASSIGNMENT / NOTEBOOK, as_version=4)
    return next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id)


def test_release_has_no_solutions_and_no_hidden_tests(graded_course):
    release = nbformat.read(graded_course / "release" / ASSIGNMENT / NOTEBOOK, as_version=4)
    text = "\n".join(cell.source for cell in release.cells)
    for leak in ("BEGIN SOLUTION", "HIDDEN TESTS", "import grading", "check_cascade"):
        assert leak not in text, f"the release notebook contains {leak!r}"
    for grade_id, cell in solution_cells(nbformat.read(SOURCE, as_version=4)).items():
        answer = cell.source.split("### BEGIN SOLUTION")[1].split("### END SOLUTION")[0]
        for line in answer.splitlines():
            assert len(line.strip()) < 12 or line.strip() not in text, f"{grade_id} leaks {line.strip()!r}"
    for grade_id, cell in solution_cells(release).items():
        assert "raise NotImplementedError()" in cell.source, f"{grade_id} is not a stub"
    assert all(not cell.get("outputs") for cell in release.cells if cell.cell_type == "code")


def test_source_notebook_is_committed_without_outputs():
    source = nbformat.read(SOURCE, as_version=4)
    for cell in source.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None


def test_solution_scores_full_marks(graded_course):
    assert cell_scores(graded_course, "solution") == TEST_CELLS


def test_untouched_release_scores_zero(graded_course):
    assert cell_scores(graded_course, "untouched") == dict.fromkeys(TEST_CELLS, 0)


def test_partly_wrong_answer_gets_partial_marks(graded_course):
    scores = cell_scores(graded_course, "off_by_one")
    assert scores == {**TEST_CELLS, "test_cascade_possible": 0}
    assert 0 < sum(scores.values()) < TOTAL_POINTS


def test_infinite_loop_times_out_and_later_cells_still_count(graded_course):
    scores = cell_scores(graded_course, "endless_loop")
    assert scores == {**TEST_CELLS, "test_vulnerable_degree": 0}
    errors = [o for o in autograded_cell(graded_course, "endless_loop", "test_vulnerable_degree").outputs
              if o.output_type == "error"]
    assert errors and errors[0].ename in {"CellTimeoutError", "KeyboardInterrupt"}


def test_wrapping_course_lib_and_emptying_tests_earns_nothing(graded_course):
    assert cell_scores(graded_course, "wrapper") == dict.fromkeys(TEST_CELLS, 0)
    cell = autograded_cell(graded_course, "wrapper", "test_cascade_uniform")
    shown = "\n".join(
        "\n".join(o.get("traceback", [])) + o.get("evalue", "") for o in cell.outputs
    )
    assert "called course_lib's own function" in re.sub(r"\x1b\[[0-9;]*m", "", shown)


def test_export_works_from_another_directory(graded_course, tmp_path):
    # JUPYTER_CONFIG_PATH points nbgrader at the course's config from anywhere.
    grades = tmp_path / "grades.csv"
    nbgrader(graded_course, "export", f"--to={grades}", cwd=tmp_path,
             JUPYTER_CONFIG_PATH=str(graded_course))
    rows = list(csv.DictReader(grades.open()))
    assert {row["student_id"]: float(row["score"]) for row in rows} == {
        "solution": 13.0, "untouched": 0.0, "off_by_one": 10.0, "endless_loop": 11.0, "wrapper": 0.0,
    }
    assert not (tmp_path / "gradebook.db").exists()


def test_validate_passes_the_solution_and_flags_the_release(graded_course, monkeypatch):
    from nbgrader.validator import Validator

    monkeypatch.setenv("PATH", os.pathsep.join([str(Path(sys.executable).parent), os.environ["PATH"]]))
    assert Validator().validate(str(SOURCE)) == {}
    release = graded_course / "release" / ASSIGNMENT / NOTEBOOK
    assert Validator().validate(str(release)).get("failed")
