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
"""
import os
from pathlib import Path

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
