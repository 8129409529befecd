"""Reusable work arrays per compiled network.

The cascade kernels leave their flag and accumulator arrays as they found them (all
zero), so one set per network serves every later run: a single run then costs time in
proportion to the cascade, not to the network, as fresh zeroed arrays would (O(n) per
call). Not thread-safe: one run at a time per network.
"""
from __future__ import annotations

import weakref

import numpy as np

__all__ = ["Workspace", "workspace"]


class Workspace:
    def __init__(self, n):
        self.active = np.zeros(n, dtype=np.bool_)
        self.count = np.zeros(n, dtype=np.int32)
        self.acc = np.zeros(n)
        # order and round_end share one buffer, which the IC kernel takes whole
        self.work = np.empty(2 * n + 2, dtype=np.int64)
        self.order, self.round_end = self.work[:n], self.work[n:]


_workspaces = weakref.WeakKeyDictionary()


def workspace(net):
    """The work arrays of ``net`` (a CompiledNetwork), made on first use."""
    work = _workspaces.get(net)
    if work is None:
        work = _workspaces[net] = Workspace(net.n)
    return work
