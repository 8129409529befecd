"""How many threads the compiled parallel loops should use.

numba starts as many threads as the machine reports cores. In a container (Binder,
JupyterHub, CI) the machine may report 16 or 64 cores while the container may use one
or two. Extra threads then only take turns on the same cores, and each holds its own
work arrays: the greedy-seeding loops keep about 80 bytes per node per thread, so 64
threads on a 100,000-node network would hold half a gigabyte of a Binder session's
two. The loops here therefore use no more threads than the process can really run:
the CPUs it may be scheduled on, capped by the container's CPU quota (cgroup
``cpu.max``, or ``cpu.cfs_quota_us`` under cgroup v1).
"""
from __future__ import annotations

import math
import os
from contextlib import contextmanager
from pathlib import Path

import numba

__all__ = ["usable_cpus", "parallel_threads"]

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
    """Run numba's parallel loops inside the block with at most ``at_most`` threads,
    never more than :func:`usable_cpus` or numba's own limit; yields the number."""
    previous = numba.get_num_threads()
    threads = max(1, min(previous, usable_cpus(), at_most or previous))
    numba.set_num_threads(threads)
    try:
        yield threads
    finally:
        numba.set_num_threads(previous)
