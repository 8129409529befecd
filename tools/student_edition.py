"""Build the student edition of the course: the repository students clone and Binder serves.

    python tools/student_edition.py DEST [--force] [--git]

The edition holds the lessons, the library without ``course_lib/grading``, the Binder
files, the benchmarks, the library's own tests and the *released* assignments (made by
``nbgrader generate_assignment`` in a scratch copy, so solutions and hidden tests are
gone), under ``assignments/<ps>/<ps>.ipynb``. Nothing is taken from the working tree that
git does not track, so local gradebooks, submissions and caches never travel.

After copying, the edition is checked for leaks (see :func:`leaks`); the command fails,
and says where, if any solution or hidden test of ``assignments/source`` is found in it.
What stays open-book is the library itself: the lessons teach its models, so a student
may read ``course_lib.cascades`` and friends. The grading package (input generators,
seeds, the reference wrappers and the autograde preprocessors) is instructors' only.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Paths kept from the instructors' repository (prefixes of `git ls-files` paths).
KEEP = ("lessons/", "course_lib/", "binder/", "benchmarks/", "tests/", "docs/benchmarks.md",
        "pyproject.toml", ".gitignore")
# Within those, what is instructors' only: the grading package and the tests that need it
# or the assignment sources, and the repository checks that read the instructors' README.
DROP = ("course_lib/grading/", "tests/test_grading",  # test_grading.py, _isolation, _ps5, _ps6
        "tests/test_nbgrader_pipeline.py", "tests/submissions.py", "tests/test_repository.py",
        "tests/test_student_edition.py", "tests/test_instructor_guide.py", "tests/test_site.py")

REGION = re.compile(r"### BEGIN (SOLUTION|HIDDEN TESTS)(.*?)### END \1", re.S)
MARKERS = ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS")
GRADING_IMPORT = re.compile(r"course_lib\.grading|from\s+course_lib\s+import\s+[^\n]*\bgrading\b")
# Lines shorter than this are too generic to call a leak (`return total`, `pass`, ...).
DISTINCTIVE = 25
TEXT_SUFFIXES = {".py", ".ipynb", ".md", ".txt", ".toml", ".json", ".cfg", ".sh", ""}


def tracked_files(root: Path = ROOT) -> list[str]:
    try:
        out = subprocess.run(["git", "ls-files", "-z"], cwd=root, capture_output=True, check=True)
    except (OSError, subprocess.CalledProcessError) as error:
        raise SystemExit(f"student_edition: {root} must be a git checkout of the course ({error})")
    return sorted(path for path in out.stdout.decode().split("\0") if path)


def edition_files(paths: list[str]) -> list[str]:
    """The tracked paths that belong in the student edition."""
    return [p for p in paths if p.startswith(KEEP) and not p.startswith(DROP)]


def assignment_names(root: Path = ROOT) -> list[str]:
    source = root / "assignments" / "source"
    return sorted(p.name for p in source.iterdir() if (p / f"{p.name}.ipynb").is_file())


def release_assignments(root: Path, dest: Path) -> list[str]:
    """Run nbgrader generate_assignment on a scratch copy; copy the releases into dest."""
    names = assignment_names(root)
    env = dict(os.environ)
    # nbgrader finds alembic on PATH when it makes the gradebook
    env["PATH"] = os.path.dirname(sys.executable) + os.pathsep + env.get("PATH", "")
    with tempfile.TemporaryDirectory() as scratch:
        course = Path(scratch) / "assignments"
        course.mkdir()
        shutil.copy2(root / "assignments" / "nbgrader_config.py", course)
        for name in names:
            shutil.copytree(root / "assignments" / "source" / name, course / "source" / name)
            run = subprocess.run(
                [sys.executable, "-m", "nbgrader", "generate_assignment", name, "--force"],
                cwd=course, env=env, capture_output=True, text=True)
            released = course / "release" / name / f"{name}.ipynb"
            if run.returncode != 0 or not released.is_file():
                raise SystemExit(f"student_edition: nbgrader generate_assignment {name} failed:\n"
                                 f"{run.stdout}{run.stderr}")
            target = dest / "assignments" / name
            target.mkdir(parents=True, exist_ok=True)
            shutil.copy2(released, target / released.name)
    return names


def assignment_points(notebook: Path) -> int:
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    return round(sum(c.get("metadata", {}).get("nbgrader", {}).get("points", 0) for c in cells))


def readme_section(readme: str, heading: str) -> str:
    match = re.search(rf"^## {re.escape(heading)}\n(.*?)(?=^## )", readme, re.S | re.M)
    if not match:
        raise SystemExit(f"student_edition: README.md has no '## {heading}' section")
    return match.group(1).strip()


def student_readme(root: Path, dest: Path, names: list[str]) -> str:
    readme = (root / "README.md").read_text(encoding="utf-8")
    intro = readme.split("\n## ", 1)[0].strip()
    open_block = re.search(r"<!-- open-command -->.*?<!-- /open-command -->", readme, re.S).group(0)
    rows = "\n".join(
        f"| [`{n}`](assignments/{n}/{n}.ipynb) | {assignment_points(dest / 'assignments' / n / f'{n}.ipynb')} |"
        for n in names)
    template = (root / "tools" / "student_readme.md").read_text(encoding="utf-8")
    lessons = "\n".join(line for line in readme_section(readme, "Lessons").splitlines()
                        if line.startswith("|"))
    return template.format(intro=intro, lessons=lessons,
                           assignments=rows, open_command=open_block,
                           cite=readme_section(readme, "Cite the works behind the models"))


def _without_grading_mentions(text: str) -> str:
    return "".join(line for line in text.splitlines(keepends=True) if "course_lib.grading" not in line)


def build(dest: Path, root: Path = ROOT, force: bool = False) -> list[str]:
    """Write the edition to ``dest``; return the released assignment names."""
    dest = dest.resolve()
    if dest == root or root in dest.parents:
        raise SystemExit("student_edition: DEST must be outside the course repository")
    if dest.exists() and any(dest.iterdir()):
        if not force:
            raise SystemExit(f"student_edition: {dest} is not empty; pass --force to replace it")
        shutil.rmtree(dest)
    dest.mkdir(parents=True, exist_ok=True)
    for path in edition_files(tracked_files(root)):
        target = dest / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if path == "course_lib/__init__.py":
            target.write_text(_without_grading_mentions((root / path).read_text(encoding="utf-8")),
                              encoding="utf-8")
        else:
            shutil.copy2(root / path, target)
    names = release_assignments(root, dest)
    (dest / "README.md").write_text(student_readme(root, dest, names), encoding="utf-8")
    return names


def _source_regions(root: Path) -> tuple[dict[str, set[str]], set[bytes]]:
    """Distinctive lines of the solution and of the hidden-test regions, and the sources' hashes."""
    lines, hashes = {"SOLUTION": set(), "HIDDEN TESTS": set()}, set()
    for notebook in (root / "assignments" / "source").glob("*/*.ipynb"):
        hashes.add(hashlib.sha256(notebook.read_bytes()).digest())
        for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]:
            for kind, body in REGION.findall("".join(cell["source"])):
                lines[kind].update(s for s in (line.strip() for line in body.splitlines())
                                   if len(s) >= DISTINCTIVE)
    return lines, hashes


def _text_lines(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix == ".ipynb":
        try:
            cells = json.loads(text)["cells"]
        except (ValueError, KeyError):
            return text.splitlines()
        return [line for cell in cells for line in "".join(cell["source"]).splitlines()]
    return text.splitlines()


def leaks(dest: Path, root: Path = ROOT) -> list[str]:
    """Every trace of the instructors' material found in the edition at ``dest``.

    Looks for: the grading package, a byte copy of a source notebook, nbgrader's
    solution or hidden-test markers, an import of ``course_lib.grading``, and any
    distinctive line (at least 25 characters) of a hidden-test region anywhere, or of a
    solution outside the library's modules: the library is open-book, and its reference
    implementations share lines such as ``if variant == "independence":`` with the
    solutions by design.
    """
    dest = Path(dest)
    found = []
    if (dest / "course_lib" / "grading").exists():
        found.append("course_lib/grading/ is in the edition")
    secret_lines, source_hashes = _source_regions(root)
    for path in sorted(p for p in dest.rglob("*") if p.is_file() and ".git" not in p.parts):
        where = path.relative_to(dest).as_posix()
        if hashlib.sha256(path.read_bytes()).digest() in source_hashes:
            found.append(f"{where}: a copy of a source notebook")
        if path.suffix not in TEXT_SUFFIXES:
            continue
        library_code = where.startswith("course_lib/") and path.suffix == ".py"
        for number, line in enumerate(_text_lines(path), 1):
            stripped = line.strip()
            if any(marker in line for marker in MARKERS) and "MARKERS" not in line:
                found.append(f"{where}:{number}: nbgrader marker: {stripped[:80]}")
            elif GRADING_IMPORT.search(line):
                found.append(f"{where}:{number}: uses the grading package: {stripped[:80]}")
            elif stripped in secret_lines["HIDDEN TESTS"]:
                found.append(f"{where}:{number}: a line of a hidden test: {stripped[:80]}")
            elif stripped in secret_lines["SOLUTION"] and not library_code:
                found.append(f"{where}:{number}: a line of a solution: {stripped[:80]}")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dest", type=Path, help="folder to write the edition to (outside this repository)")
    parser.add_argument("--force", action="store_true", help="replace DEST if it is not empty")
    parser.add_argument("--git", action="store_true", help="make DEST a git repository with one commit")
    args = parser.parse_args(argv)
    names = build(args.dest, force=args.force)
    found = leaks(args.dest)
    if found:
        print("student_edition: LEAKS found, do not publish this edition:", *found, sep="\n  ", file=sys.stderr)
        return 1
    if args.git:
        for command in (["git", "init", "-q"], ["git", "add", "-A"],
                        ["git", "-c", "user.name=course", "-c", "user.email=course@localhost",
                         "commit", "-q", "-m", "Student edition of the course"]):
            subprocess.run(command, cwd=args.dest, check=True)
    count = sum(1 for p in args.dest.rglob("*") if p.is_file() and ".git" not in p.parts)
    print(f"student edition in {args.dest.resolve()}: {count} files, assignments {', '.join(names)}; "
          "no solution, hidden test or grading code found")
    return 0


if __name__ == "__main__":
    sys.exit(main())
