"""nbgrader configuration for the course's assignments.

Every path is derived from this file's location, so ``nbgrader`` commands work from
this directory however the course is checked out. Run them from here::

    cd assignments
    nbgrader generate_assignment ps2_cascades --force

Environment variables (all optional):

COURSE_EXCHANGE_ROOT
    Where released and submitted assignments are exchanged. Default ``exchange/``
    next to this file; a shared server points it at a directory every user can write.
COURSE_CELL_TIMEOUT
    Seconds each cell may run while grading before it is interrupted and scores 0.
    Default 60.
COURSE_GRADING_MEMORY_MB
    Address-space limit, in MiB, of the process that runs a student's functions while
    they are graded. Default 0 (no limit); docs/instructors.md suggests values.
COURSE_GRADING_PYTHON
    Interpreter for that process. Default: the one running nbgrader. Point it at an
    environment with numpy and networkx but without course_lib for a barrier that does
    not depend on Python's import path.
"""
import os
from pathlib import Path

from nbconvert.preprocessors import ClearMetadataPreprocessor
from nbgrader.preprocessors import (
    AssignLatePenalties, CheckCellMetadata, IgnorePattern, LimitOutput, SaveAutoGrades,
)

from course_lib.grading.autograde import GradeInIsolation, RunForDisplay

c = get_config()  # noqa: F821  (nbgrader defines get_config when it loads this file)

COURSE_ROOT = Path(__file__).resolve().parent

c.CourseDirectory.course_id = "social-influence"
c.CourseDirectory.root = str(COURSE_ROOT)
# An absolute path, so the gradebook is the same whatever the working directory.
c.CourseDirectory.db_url = f"sqlite:///{COURSE_ROOT / 'gradebook.db'}"

# nbgrader's default exchange (/usr/local/share/nbgrader/exchange) is rarely writable.
c.Exchange.root = os.environ.get("COURSE_EXCHANGE_ROOT", str(COURSE_ROOT / "exchange"))

# Per-cell limit while grading (nbgrader's own default is 30 s). A correct solution
# needs about a second per cell; the slack covers slow machines and the first compile.
c.Execute.timeout = int(os.environ.get("COURSE_CELL_TIMEOUT", "60"))
c.GradeInIsolation.timeout = c.Execute.timeout

# The score comes from GradeInIsolation, never from the student's kernel: RunForDisplay
# runs the notebook for the feedback only (test cells skipped), then every test cell is
# graded with the student's definitions in a separate process (docs/instructors.md,
# "How the notebook is graded"). The rest is nbgrader 0.9's own list after Execute.
c.Autograde.autograde_preprocessors = [
    RunForDisplay,
    GradeInIsolation,
    IgnorePattern,
    ClearMetadataPreprocessor,
    LimitOutput,
    SaveAutoGrades,
    AssignLatePenalties,
    CheckCellMetadata,
]
c.GradeInIsolation.memory_mb = int(os.environ.get("COURSE_GRADING_MEMORY_MB", "0"))
c.GradeInIsolation.python = os.environ.get("COURSE_GRADING_PYTHON", "")
