"""How many threads the compiled loops should use, and running them.

numba starts as many threads as the machine reports cores. In a container (Binder,
JupyterHub, CI) the machine may report 16 or 64 cores while the container may use one
or two. Extra threads then only take turns on the same cores, and each holds its own
work arrays: the greedy-seeding loops keep up to about 100 bytes per node per thread,
so 64 threads on a 100,000-node network would hold 0.6 GB of a Binder session's two.
The loops here therefore use no more threads than the process can really run: the CPUs
it may be scheduled on, capped by the container's CPU quota (cgroup ``cpu.max``, or
``cpu.cfs_quota_us`` under cgroup v1).

The greedy-seeding loops run their shares of the worlds on Python threads
(:func:`run_on_threads`) in numba functions that release the GIL, rather than in numba
``parallel=True`` loops: those compiled for about 9 s on a cold cache, the first time a
student ran a greedy cell.
"""
from __future__ import annotations

import math
import os
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import numba

__all__ = ["usable_cpus", "parallel_threads", "run_on_threads"]

CGROUP = Path("/sys/fs/cgroup")


def _cgroup_quota(root=CGROUP):
    """CPUs allowed by the cgroup quota (a float), or None when there is no quota."""
    try:
        limit, period = (root / "cpu.max").read_text().split()[:2]
        if limit != "max":
            return int(limit) / int(period)
        return None
    except (OSError, ValueError):
        pass
    try:
        limit = int((root / "cpu" / "cpu.cfs_quota_us").read_text())
        period = int((root / "cpu" / "cpu.cfs_period_us").read_text())
        return limit / period if limit > 0 and period > 0 else None
    except (OSError, ValueError):
        return None


def usable_cpus(root=CGROUP):
    """CPUs this process can really run on (at least 1).

    Examples
    --------
    >>> usable_cpus() >= 1
    True
    """
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cpus = os.cpu_count() or 1
    quota = _cgroup_quota(root)
    if quota is not None:
        cpus = min(cpus, math.floor(quota))
    return max(1, cpus)


@contextmanager
def parallel_threads(at_most=None):
    """Use at most ``at_most`` threads inside the block, never more than
    :func:`usable_cpus` or numba's own limit (``NUMBA_NUM_THREADS``, which also bounds
    any numba parallel loop run inside); yields the number."""
    previous = numba.get_num_threads()
    threads = max(1, min(previous, usable_cpus(), at_most or previous))
    numba.set_num_threads(threads)
    try:
        yield threads
    finally:
        numba.set_num_threads(previous)


def run_on_threads(task, threads):
    """Call ``task(0)``, ..., ``task(threads - 1)`` at once on Python threads and wait.

    The tasks must spend their time in numba functions compiled with ``nogil=True``,
    which release the GIL. Compared with numba's ``parallel=True`` loops this adds no
    compile time: those take several seconds to compile on a cold cache.

    Examples
    --------
    >>> out = [0, 0, 0]
    >>> def task(t):
    ...     out[t] = t * t
    >>> run_on_threads(task, 3)
    >>> out
    [0, 1, 4]
    """
    if threads == 1:
        task(0)
        return
    with ThreadPoolExecutor(max_workers=threads) as pool:
        for future in [pool.submit(task, t) for t in range(threads)]:
            future.result()  # raises what the task raised
