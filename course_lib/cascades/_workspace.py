"""Reusable work arrays per compiled network.

The cascade kernels leave their flag and accumulator arrays as they found them (all
zero), so one set per network serves every later run: a single run then costs time in
proportion to the cascade, not to the network, as fresh zeroed arrays would (O(n) per
call). Not thread-safe: one run at a time per network.
"""
from __future__ import annotations

import weakref

import numpy as np

__all__ = ["workspace"]


class _Workspace:
    def __init__(self, n):
        self.active = np.zeros(n, dtype=np.bool_)
        self.seen = np.zeros(n, dtype=np.bool_)
        self.count = np.zeros(n, dtype=np.int32)
        self.acc = np.zeros(n)
        self.theta = np.zeros(n)
        self.order = np.empty(n, dtype=np.int64)
        self.touched = np.empty(n, dtype=np.int64)
        self.round_end = np.empty(n + 2, dtype=np.int64)


_workspaces = weakref.WeakKeyDictionary()


def workspace(net):
    """The work arrays of ``net`` (a CompiledNetwork), made on first use."""
    if net not in _workspaces:
        _workspaces[net] = _Workspace(net.n)
    return _workspaces[net]
