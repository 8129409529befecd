"""The instructor's path through nbgrader, end to end, on one copy of the course.

Release every assignment, grade several kinds of submission and read the scores back
from the gradebook. ps2_cascades: the solution, the untouched release, a partly wrong
answer, an infinite loop, and a submission that only wraps course_lib (and empties the
test cells). ps1_influentials, ps3_seeding and ps4_opinions: the solution, the untouched
release and a partly wrong answer. Also exports the grades from another directory and
checks what a student sees when pressing Validate.

All assignments share one temporary course (one gradebook) and one autograde call per
assignment, so the whole file runs in under two minutes.
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


# ps1, ps3 and ps4: the solution, the untouched release and one plausible slip each.

# Sorts by degree ascending, then reverses: the ties come out reversed too.
RANK_TIES_REVERSED = '''
def rank_by_degree(G):
    return sorted(G, key=G.degree)[::-1]
'''

# Takes the last of tied nodes (>= instead of >): fails both greedy cells, whose visible
# checks include a tie.
GREEDY_LAST_OF_TIES = '''
def greedy_over_worlds(G, worlds, k):
    def total_reach(seed_set):
        total = 0
        for world in worlds:
            reached, changed = set(seed_set), True
            while changed:
                changed = False
                for u, v in world:
                    if u in reached and v not in reached:
                        reached.add(v)
                        changed = True
            total += len(reached)
        return total

    chosen = []
    for _ in range(k):
        best, best_total = None, -1
        for v in G:
            if v not in chosen and total_reach(chosen + [v]) >= best_total:
                best, best_total = v, total_reach(chosen + [v])
        chosen.append(best)
    return chosen
'''

# An anticonformist who turns against a split panel too.
ANTI_EVEN_WHEN_SPLIT = '''
def qvoter_update(opinion, panel, p, variant, u_type, u_coin):
    if u_type < p:
        if variant == "independence":
            return 1 if u_coin < 0.5 else -1
        return -panel[0] if len(set(panel)) == 1 else -opinion
    return panel[0] if len(set(panel)) == 1 else opinion
'''

NEW_ASSIGNMENTS = {
    "ps1_influentials": {
        "cells": {"test_rank_by_degree": 3, "test_kshell": 3, "test_top_k_overlap": 3,
                  "test_share_connected": 3, "test_expected_ties_inside": 2, "test_cyworld_bound": 1},
        "wrong": {"rank_by_degree": RANK_TIES_REVERSED},
        "wrong_cells": {"test_rank_by_degree"},
    },
    "ps3_seeding": {
        "cells": {"test_ic_generated": 3, "test_ic_special_cases": 2, "test_estimate_spread": 4,
                  "test_greedy_generated": 3, "test_greedy_ties": 2},
        "wrong": {"greedy_over_worlds": GREEDY_LAST_OF_TIES},
        "wrong_cells": {"test_greedy_generated", "test_greedy_ties"},
    },
    "ps4_opinions": {
        "cells": {"test_fj_step": 3, "test_fj_equilibrium": 3, "test_qvoter_update": 4,
                  "test_critical_point": 3},
        "wrong": {"qvoter_update": ANTI_EVEN_WHEN_SPLIT},
        "wrong_cells": {"test_qvoter_update"},
    },
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


def submit(course, student, release_nb, answers, *, gut_the_tests=False, assignment=ASSIGNMENT):
    """Write the release notebook with its solution cells filled from ``answers``
    (and, if asked, every test cell replaced by ``pass``)."""
    nb = nbformat.from_dict(release_nb)
    for grade_id, cell in solution_cells(nb).items():
        cell.source = answers[grade_id]
    for cell in nb.cells:
        if gut_the_tests and cell.metadata.get("nbgrader", {}).get("grade"):
            cell.source = "pass"
    folder = course / "submitted" / student / assignment
    folder.mkdir(parents=True)
    nbformat.write(nb, folder / f"{assignment}.ipynb")


def submit_standard_three(course, assignment, wrong_answers):
    """The solution, the untouched release and a partly wrong answer for ``assignment``."""
    source_path = ASSIGNMENTS / "source" / assignment / f"{assignment}.ipynb"
    release = nbformat.read(course / "release" / assignment / f"{assignment}.ipynb", as_version=4)
    model = {gid: strip_markers(cell.source)
             for gid, cell in solution_cells(nbformat.read(source_path, as_version=4)).items()}
    solved = course / "submitted" / "solution" / assignment
    solved.mkdir(parents=True)
    shutil.copy(source_path, solved / f"{assignment}.ipynb")
    stubs = {gid: cell.source for gid, cell in solution_cells(release).items()}
    submit(course, "untouched", release, stubs, assignment=assignment)
    submit(course, "partly_wrong", release, {**model, **wrong_answers}, assignment=assignment)


@pytest.fixture(scope="module")
def graded_course(tmp_path_factory):
    """A course copy with every assignment released, its submissions, all autograded."""
    course = tmp_path_factory.mktemp("course")
    shutil.copy(ASSIGNMENTS / "nbgrader_config.py", course)
    shutil.copytree(ASSIGNMENTS / "source", course / "source")
    for assignment in (ASSIGNMENT, *NEW_ASSIGNMENTS):
        nbgrader(course, "generate_assignment", assignment, "--force")
    for assignment, spec in NEW_ASSIGNMENTS.items():
        submit_standard_three(course, assignment, spec["wrong"])
        nbgrader(course, "autograde", assignment, "--force")

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


def cell_scores(course, student, assignment=ASSIGNMENT):
    from nbgrader.api import Gradebook

    cells = TEST_CELLS if assignment == ASSIGNMENT else NEW_ASSIGNMENTS[assignment]["cells"]
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        scores = {
            grade_id: gradebook.find_grade(grade_id, assignment, assignment, student).score
            for grade_id in cells
        }
        submission = gradebook.find_submission(assignment, student)
        assert submission.max_score == sum(cells.values())
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
    ps2 = {row["student_id"]: float(row["score"]) for row in rows
           if row["assignment"] == ASSIGNMENT and row["student_id"] != "partly_wrong"}
    assert ps2 == {
        "solution": 13.0, "untouched": 0.0, "off_by_one": 10.0, "endless_loop": 11.0, "wrapper": 0.0,
    }
    for assignment, spec in NEW_ASSIGNMENTS.items():
        scores = {row["student_id"]: float(row["score"]) for row in rows
                  if row["assignment"] == assignment and row["student_id"] in {"solution", "untouched"}}
        assert scores == {"solution": sum(spec["cells"].values()), "untouched": 0.0}
    assert not (tmp_path / "gradebook.db").exists()


def test_validate_passes_the_solution_and_flags_the_release(graded_course, monkeypatch):
    from nbgrader.validator import Validator

    monkeypatch.setenv("PATH", os.pathsep.join([str(Path(sys.executable).parent), os.environ["PATH"]]))
    assert Validator().validate(str(SOURCE)) == {}
    release = graded_course / "release" / ASSIGNMENT / NOTEBOOK
    assert Validator().validate(str(release)).get("failed")


# ps1_influentials, ps3_seeding and ps4_opinions

@pytest.mark.parametrize("assignment", NEW_ASSIGNMENTS)
def test_new_release_has_no_solutions_and_no_hidden_tests(graded_course, assignment):
    notebook = f"{assignment}.ipynb"
    release = nbformat.read(graded_course / "release" / assignment / notebook, as_version=4)
    text = "\n".join(cell.source for cell in release.cells)
    for leak in ("BEGIN SOLUTION", "HIDDEN TESTS", "import grading", "grading.check_"):
        assert leak not in text, f"the {assignment} release contains {leak!r}"
    source = nbformat.read(ASSIGNMENTS / "source" / assignment / notebook, as_version=4)
    for grade_id, cell in solution_cells(source).items():
        answer = cell.source.split("### BEGIN SOLUTION")[1].split("### END SOLUTION")[0]
        for line in answer.splitlines():
            assert len(line.strip()) < 12 or line.strip() not in text, f"{grade_id} leaks {line.strip()!r}"
    for grade_id, cell in solution_cells(release).items():
        assert "raise NotImplementedError()" in cell.source, f"{grade_id} is not a stub"
    graded = {c.metadata.nbgrader["grade_id"]: c.metadata.nbgrader["points"]
              for c in release.cells if c.metadata.get("nbgrader", {}).get("grade")}
    assert graded == NEW_ASSIGNMENTS[assignment]["cells"]
    for cell in source.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None


@pytest.mark.parametrize("assignment", NEW_ASSIGNMENTS)
def test_new_solution_scores_full_marks(graded_course, assignment):
    assert cell_scores(graded_course, "solution", assignment) == NEW_ASSIGNMENTS[assignment]["cells"]


@pytest.mark.parametrize("assignment", NEW_ASSIGNMENTS)
def test_new_untouched_release_scores_zero(graded_course, assignment):
    cells = NEW_ASSIGNMENTS[assignment]["cells"]
    assert cell_scores(graded_course, "untouched", assignment) == dict.fromkeys(cells, 0)


@pytest.mark.parametrize("assignment", NEW_ASSIGNMENTS)
def test_new_partly_wrong_answer_gets_partial_marks(graded_course, assignment):
    spec = NEW_ASSIGNMENTS[assignment]
    scores = cell_scores(graded_course, "partly_wrong", assignment)
    assert scores == {gid: 0 if gid in spec["wrong_cells"] else points for gid, points in spec["cells"].items()}
    assert 0 < sum(scores.values()) < sum(spec["cells"].values())
