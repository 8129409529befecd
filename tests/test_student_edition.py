"""The student edition holds the course without anything of assignments/source."""
import importlib.util
import json
import os
import shutil
import site
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("student_edition", ROOT / "tools" / "student_edition.py")
edition_tool = importlib.util.module_from_spec(spec)
spec.loader.exec_module(edition_tool)


def test_edition_files_keep_the_course_and_drop_the_instructors_material():
    tracked = ["lessons/01.ipynb", "course_lib/cascades/threshold.py", "course_lib/grading/core.py",
               "tests/test_networks.py", "tests/test_grading.py", "tests/submissions.py",
               "assignments/source/ps1/ps1.ipynb", "assignments/nbgrader_config.py",
               "docs/instructors.md", "docs/grading.md", "docs/benchmarks.md", ".ci/run",
               "binder/postBuild", "pyproject.toml", "tools/student_edition.py"]
    assert edition_tool.edition_files(tracked) == [
        "lessons/01.ipynb", "course_lib/cascades/threshold.py", "tests/test_networks.py",
        "docs/benchmarks.md", "binder/postBuild", "pyproject.toml"]


def test_build_refuses_a_folder_inside_the_repository_or_one_in_use(tmp_path):
    with pytest.raises(SystemExit, match="outside the course repository"):
        edition_tool.build(ROOT / "edition")
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(SystemExit, match="--force"):
        edition_tool.build(tmp_path)
    assert (tmp_path / "notes.txt").read_text() == "mine", "nothing is deleted without --force"


@pytest.fixture(scope="module")
def edition(tmp_path_factory):
    dest = tmp_path_factory.mktemp("edition") / "course"
    run = subprocess.run([sys.executable, str(ROOT / "tools" / "student_edition.py"), str(dest)],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "no solution, hidden test or grading code found" in run.stdout
    return dest


def _edition_python(edition, code):
    """Run code with the edition's course_lib and the venv's packages, but not the
    editable install of the instructors' course_lib (its finder is set up by site)."""
    path = os.pathsep.join([str(edition), *site.getsitepackages()])
    return subprocess.run([sys.executable, "-S", "-c", code], cwd=edition, capture_output=True,
                          text=True, env={**os.environ, "PYTHONPATH": path})


@pytest.mark.slow
def test_edition_has_released_assignments_and_no_leaks(edition):
    assert edition_tool.leaks(edition) == []
    assert not (edition / "course_lib" / "grading").exists()
    assert not (edition / "assignments" / "source").exists()
    for name in edition_tool.assignment_names(ROOT):
        released = json.loads((edition / "assignments" / name / f"{name}.ipynb").read_text())
        source = json.loads((ROOT / "assignments" / "source" / name / f"{name}.ipynb").read_text())
        text = json.dumps(released)
        assert "YOUR CODE HERE" in text and "BEGIN SOLUTION" not in text, f"{name} is a release"
        grade_ids = [c["metadata"]["nbgrader"]["grade_id"] for c in source["cells"]
                     if c["metadata"].get("nbgrader", {}).get("grade")]
        released_ids = [c["metadata"]["nbgrader"]["grade_id"] for c in released["cells"]
                        if c["metadata"].get("nbgrader", {}).get("grade")]
        assert released_ids == grade_ids, f"{name}: every graded cell keeps its id for autograde"
    for path in ("docs/instructors.md", "docs/grading.md", "tests/test_grading.py", ".ci/run",
                 "tools/student_edition.py", "assignments/nbgrader_config.py"):
        assert not (edition / path).exists(), f"{path} is instructors' only"


@pytest.mark.slow
def test_edition_library_imports_without_grading(edition):
    run = _edition_python(edition, "import course_lib, course_lib.cascades, course_lib.explore; "
                                   "print(course_lib.__file__)")
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == str(edition / "course_lib" / "__init__.py")
    run = _edition_python(edition, "import course_lib.grading")
    assert "No module named 'course_lib.grading'" in run.stderr


@pytest.mark.slow
def test_edition_tests_collect_and_its_readme_links_resolve(edition):
    run = _edition_python(edition, "import sys, pytest; sys.exit(pytest.main("
                                   "['--collect-only', '-q', '-p', 'no:cacheprovider']))")
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    readme = (edition / "README.md").read_text()
    assert "<!-- open-command -->" in readme and "{" not in readme.split("## Cite")[0]
    import re
    for target in re.findall(r"\]\(((?:lessons|assignments|docs)/[^)#]+)\)", readme):
        assert (edition / target).is_file(), f"README links to a missing {target}"


@pytest.mark.slow
def test_planted_leaks_are_each_found(edition, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(edition, copy)
    source = ROOT / "assignments" / "source" / "ps2_cascades" / "ps2_cascades.ipynb"
    lines, _ = edition_tool._source_regions(ROOT)
    solution_line = sorted(lines["SOLUTION"] - lines["HIDDEN TESTS"])[0]
    hidden_line = sorted(lines["HIDDEN TESTS"])[0]
    (copy / "lessons" / "notes.md").write_text(f"a tip:\n    {solution_line}\n")
    (copy / "benchmarks" / "extra.py").write_text(f"x = 1\n{hidden_line}\n")
    (copy / "tests" / "test_helper.py").write_text("from course_lib import grading\n")
    shutil.copy2(source, copy / "assignments" / "ps2_cascades" / "original.ipynb")
    (copy / "course_lib" / "grading").mkdir()
    found = edition_tool.leaks(copy)
    assert any(f.startswith("lessons/notes.md:2: a line of a solution") for f in found), found
    assert any(f.startswith("benchmarks/extra.py:2: a line of a hidden test") for f in found), found
    assert any(f.startswith("tests/test_helper.py:1: uses the grading package") for f in found), found
    assert any(f.startswith("assignments/ps2_cascades/original.ipynb: a copy") for f in found), found
    assert any("nbgrader marker" in f and f.startswith("assignments/ps2_cascades/original.ipynb")
               for f in found), found
    assert "course_lib/grading/ is in the edition" in found
    assert len({f.split(":")[0] for f in found}) == 5, "nothing else is flagged"
