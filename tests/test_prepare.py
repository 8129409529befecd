"""``python -m course_lib.prepare`` compiles what the lessons compile, for the same types.

After it has filled a fresh numba cache, running lesson 03 (the lesson with the most
compiled code: greedy seeding, IC and LT cascades) in a new process must load every
kernel from that cache and compile none: a kernel prepare misses, or one it compiles for
other argument types than the lesson passes, makes this test fail and names it.
"""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from course_lib.prepare import GROUPS, prepare

ROOT = Path(__file__).resolve().parent.parent
LESSON = ROOT / "lessons" / "03_seeding_campaigns.ipynb"

# Runs the lesson's code cells in order, recording every numba compilation; prints them
# with the cache hits of two kernels the first greedy selection and a cascade load.
RUN_LESSON = r"""
import json, sys
from numba.core import event

compiled = []

class Record(event.Listener):
    def on_start(self, ev):
        function = ev.data["dispatcher"].py_func
        compiled.append(f"{function.__module__}.{function.__qualname__}{ev.data['args']}")

    def on_end(self, ev):
        pass

event.register("numba:compile", Record())
namespace = {}
for cell in json.load(open(sys.argv[1]))["cells"]:
    if cell["cell_type"] == "code":
        exec(compile("".join(cell["source"]), "lesson 03", "exec"), namespace)

from course_lib.cascades import _spread_kernels, _world_gains
hits = {kernel.__name__: sum(kernel.stats.cache_hits.values())
        for kernel in (_world_gains._share_of_worlds, _spread_kernels.ic_sizes)}
print(json.dumps({"compiled": compiled, "cache_hits": hits}))
"""


def test_unknown_groups_are_refused():
    with pytest.raises(ValueError, match="groups must be among"):
        prepare(["graphs"])


@pytest.mark.slow
def test_after_prepare_lesson_03_compiles_nothing(tmp_path):
    env = dict(os.environ, NUMBA_CACHE_DIR=str(tmp_path / "numba"), MPLBACKEND="agg")
    run = subprocess.run([sys.executable, "-m", "course_lib.prepare"], env=env, cwd=ROOT,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert "could not" not in run.stdout, run.stdout
    assert all(f"  {name} (" in run.stdout for name in GROUPS), run.stdout
    assert "compiled" in run.stdout.splitlines()[-1], run.stdout

    lesson = subprocess.run([sys.executable, "-c", RUN_LESSON, str(LESSON)], env=env,
                            cwd=LESSON.parent, capture_output=True, text=True, timeout=300)
    assert lesson.returncode == 0, lesson.stderr[-3000:]
    result = json.loads(lesson.stdout.strip().splitlines()[-1])
    assert result["compiled"] == [], "prepare missed: " + "\n".join(result["compiled"])
    # loaded from the cache prepare filled, not compiled some other way
    assert all(hits >= 1 for hits in result["cache_hits"].values()), result["cache_hits"]
