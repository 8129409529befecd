"""The instructor guide's commands, run as written on a scratch course.

Each block of docs/instructors.md marked ``<!-- guide: NAME -->`` is taken from the guide
and run; only paths are moved into the scratch folder (the exchange, /etc, the
download). One instructor and three students on one machine: the exchange student is
whoever runs the test (the exchange records the login), alice and bob hand in through
an LMS download.
"""
from __future__ import annotations

import csv
import getpass
import io
import json
import os
import re
import shutil
import socket
import stat
import subprocess
import sys
import threading
import zipfile
from pathlib import Path

import nbformat
import pytest

import submissions

ROOT = Path(__file__).resolve().parent.parent
GUIDE = (ROOT / "docs" / "instructors.md").read_text(encoding="utf-8")
PS = "ps2_cascades"
SOURCE = ROOT / "assignments" / "source" / PS / f"{PS}.ipynb"
LATE_STAMP = "2027-01-16 09:30:00 UTC"  # the guide's example, 16.5 hours after its due date

pytestmark = pytest.mark.slow


def guide_block(name):
    match = re.search(rf"<!-- guide: {name} -->\s*```[a-z]*\n(.*?)\n\s*```", GUIDE, re.S)
    assert match, f"docs/instructors.md has no block marked {name}"
    return match.group(1)


def dedented(block):
    lines = block.splitlines()
    indent = min(len(line) - len(line.lstrip()) for line in lines if line.strip())
    return "\n".join(line[indent:] for line in lines) + "\n"


class Course:
    def __init__(self, scratch):
        self.scratch = scratch
        self.dir = scratch / "assignments"
        self.exchange = scratch / "srv" / "nbgrader" / "exchange"
        self.etc = scratch / "etc" / "jupyter"
        self.skel = scratch / "etc" / "skel"
        self.download = scratch / "Downloads" / "submissions.zip"
        self.student_home = scratch / "home" / "student"
        self.log = {}
        bin_dirs = [str(Path(sys.executable).parent), "/usr/sbin", "/sbin"]
        self.env = dict(os.environ, COURSE_CELL_TIMEOUT="30", COURSE_EXCHANGE_ROOT=str(self.exchange))
        self.env["PATH"] = os.pathsep.join([*bin_dirs, self.env.get("PATH", "")])
        self.env.pop("NBGRADER_EXECUTION", None)

    def moved(self, text):
        return (text.replace("/srv/nbgrader/exchange", str(self.exchange))
                    .replace("/etc/skel", str(self.skel))
                    .replace("~/Downloads/submissions.zip", str(self.download)))

    def run(self, name, script, cwd=None, env=None):
        result = subprocess.run(["bash", "-euo", "pipefail", "-c", self.moved(script)],
                                cwd=cwd or self.dir, env=env or self.env, capture_output=True,
                                text=True, timeout=900)
        self.log[name] = result.stdout + result.stderr
        assert result.returncode == 0, f"{name} failed:\n{script}\n{result.stdout}\n{result.stderr}"
        return self.log[name]

    def grades(self):
        self.run("export", "nbgrader export --to grades.csv")
        rows = csv.DictReader(io.StringIO((self.dir / "grades.csv").read_text()))
        return {row["student_id"]: row for row in rows}


def serve_forever():
    """A server on this machine's loopback: a submission that needs it needs the network."""
    server = socket.create_server(("127.0.0.1", 0))

    def accept():
        while True:
            connection, _ = server.accept()
            connection.close()
    threading.Thread(target=accept, daemon=True).start()
    return server.getsockname()[1]


def solution_notebook(release, extra_lines=None):
    answers = submissions.read_answers(SOURCE, PS)
    cells = {a.grade_id: a.solution for a in answers.cells}
    if extra_lines:
        vulnerable = next(a for a in answers.cells if a.name == "vulnerable_degree")
        cells[vulnerable.grade_id] = submissions._insert_after_def(vulnerable.solution, extra_lines)
    return submissions.build(release, cells)


def can_unshare():
    try:
        return subprocess.run(["unshare", "--net", "--map-root-user", "true"],
                              capture_output=True, timeout=30).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    c = Course(tmp_path_factory.mktemp("guide"))
    c.dir.mkdir()
    shutil.copy(ROOT / "assignments" / "nbgrader_config.py", c.dir)
    shutil.copytree(SOURCE.parent, c.dir / "source" / PS)
    me = getpass.getuser()
    c.me = me

    # the roster, with the exchange student's login added as the guide says
    roster = dedented(guide_block("roster-csv")) + f"{me},Exchange,Student,\n"
    (c.dir / "students.csv").write_text(roster)
    c.run("roster", guide_block("roster"))
    c.run("due-date", guide_block("due-date"))
    with open(c.dir / "nbgrader_config.py", "a") as config:
        config.write("\n" + dedented(guide_block("late-penalty")))
        config.write("\n" + dedented(guide_block("zip-collect-config")))

    # the exchange and the students' system-wide config
    exchange = [line for line in guide_block("exchange").splitlines() if not line.strip().startswith("useradd")]
    c.run("exchange", "\n".join(exchange))
    c.etc.mkdir(parents=True)
    (c.etc / "nbgrader_config.py").write_text(c.moved(dedented(guide_block("system-config"))))
    c.run("release", f"nbgrader generate_assignment {PS} --force\nnbgrader release_assignment {PS} --force")

    student_env = {k: v for k, v in c.env.items() if k != "COURSE_EXCHANGE_ROOT"}
    student_env["JUPYTER_CONFIG_PATH"] = str(c.etc)
    c.student_home.mkdir(parents=True)
    c.run("fetch", f"nbgrader fetch_assignment {PS}", cwd=c.student_home, env=student_env)
    fetched = c.student_home / PS / f"{PS}.ipynb"
    release = nbformat.read(fetched, as_version=4)
    nbformat.write(solution_notebook(release), fetched)
    c.run("submit", f"nbgrader submit {PS}", cwd=c.student_home, env=student_env)
    c.run("collect", f"nbgrader collect {PS} --update")

    # an LMS download: alice's solution, and bob's, whose function first calls home
    port = serve_forever()
    calls_home = [f"__import__('socket').create_connection(('127.0.0.1', {port}), timeout=5).close()"]
    c.download.parent.mkdir(parents=True)
    with zipfile.ZipFile(c.download, "w") as archive:
        archive.writestr(f"alice_1001_552_{PS}.ipynb", nbformat.writes(solution_notebook(release)))
        archive.writestr(f"bob_late_1002_553_{PS}-1.ipynb",
                         nbformat.writes(solution_notebook(release, calls_home)))
        archive.writestr("readme_from_the_lms.txt", "not a submission")
    c.run("zip-collect", guide_block("zip-collect"))
    (c.dir / "submitted" / "alice" / PS / "timestamp.txt").write_text(LATE_STAMP)

    c.run("autograde", f"nbgrader autograde {PS} --force")
    c.before_sandbox = c.grades()
    if can_unshare():
        c.run("sandbox", guide_block("sandbox"))
        c.after_sandbox = c.grades()
    else:
        c.after_sandbox = None
    bob_graded = c.dir / "autograded" / "bob" / PS / f"{PS}.ipynb"
    c.bob_mtime = bob_graded.stat().st_mtime_ns
    c.run("regrade-one", guide_block("regrade-one"))
    c.after_regrade = c.grades()
    c.bob_mtime_after = bob_graded.stat().st_mtime_ns

    # a fix after release: one test cell is worth a point more
    source = c.dir / "source" / PS / f"{PS}.ipynb"
    nb = nbformat.read(source, as_version=4)
    for cell in nb.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == "test_vulnerable_degree":
            cell.metadata.nbgrader["points"] += 1
    nbformat.write(nb, source)
    c.run("change-released", guide_block("change-released"))
    c.after_change = c.grades()

    c.run("hide-tools", guide_block("hide-tools"))
    return c


def test_roster_import_names_every_student(course):
    listing = course.log["roster"]
    assert "There are 3 students in the database" in listing, listing
    assert "alice (Adams, Alice) -- alice@example.org" in listing
    assert "bob (Brown, Bob)" in listing


def test_due_date_is_recorded(course):
    rows = course.before_sandbox
    assert {row["duedate"] for row in rows.values()} == {"2027-01-15 17:00:00"}
    assert f"{PS} (due: 2027-01-15 17:00:00" in course.log["due-date"]


def test_the_exchange_is_sticky_and_hands_work_in_and_out(course):
    mode = course.exchange.stat().st_mode
    assert stat.S_IMODE(mode) == 0o1777, oct(mode)
    assert (course.student_home / PS / f"{PS}.ipynb").is_file(), "fetched through the system config"
    submitted = course.dir / "submitted" / course.me / PS
    assert (submitted / "timestamp.txt").is_file(), "collect keeps the submission time"
    me = course.before_sandbox[course.me]
    assert float(me["raw_score"]) == 13 and float(me["late_submission_penalty"]) == 0, me


def test_zip_collect_files_lms_downloads_under_student_ids(course):
    for student in ("alice", "bob"):
        assert (course.dir / "submitted" / student / PS / f"{PS}.ipynb").is_file()
    assert "readme_from_the_lms.txt" in course.log["zip-collect"], "a non-notebook is reported"
    assert not any((course.dir / "submitted").glob("readme*"))


def test_late_penalty_takes_ten_percent_per_started_day(course):
    alice = course.before_sandbox["alice"]
    assert float(alice["raw_score"]) == 13
    assert float(alice["late_submission_penalty"]) == pytest.approx(1.3)
    assert float(alice["score"]) == pytest.approx(11.7)


def test_sandbox_cuts_the_network_and_keeps_honest_marks(course):
    if course.after_sandbox is None:
        pytest.skip("this machine does not allow unshare --net --map-root-user")
    assert float(course.before_sandbox["bob"]["raw_score"]) == 13, "outside the sandbox bob's call works"
    bob, alice = course.after_sandbox["bob"], course.after_sandbox["alice"]
    # inside it, bob loses the cells whose checks call his vulnerable_degree: its own (2
    # points) and cascade_possible's (3), which his solution builds on it; nothing else
    assert float(bob["raw_score"]) == 8
    assert float(alice["raw_score"]) == 13 and float(course.after_sandbox[course.me]["raw_score"]) == 13


def test_regrading_one_student_leaves_the_others(course):
    assert course.bob_mtime_after == course.bob_mtime, "bob's graded copy was not redone"
    if course.after_sandbox is not None:
        assert float(course.after_regrade["bob"]["raw_score"]) == 8
    assert float(course.after_regrade["alice"]["raw_score"]) == 13
    feedback = course.dir / "feedback"
    assert (feedback / "alice" / PS / f"{PS}.html").is_file()
    assert not (feedback / "bob").exists()


def test_a_changed_release_is_regraded_with_the_new_points(course):
    after = course.after_change
    assert all(float(row["max_score"]) == 14 for row in after.values()), after
    assert float(after["alice"]["raw_score"]) == 14
    assert float(after["bob"]["raw_score"]) == 14, "regraded outside the sandbox, bob's call works"
    assert "has changed" in course.log["change-released"], "nbgrader warns about the changed cell"


def test_instructor_menus_are_hidden_in_new_accounts(course):
    config = json.loads((course.skel / ".jupyter" / "labconfig" / "page_config.json").read_text())
    assert config["disabledExtensions"] == {"@jupyter/nbgrader:formgrader": True,
                                            "@jupyter/nbgrader:create-assignment": True}
