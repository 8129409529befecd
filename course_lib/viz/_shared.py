"""Sizes and small helpers shared by the chart modules (not part of the public API)."""
from __future__ import annotations

import numpy as np
import pandas as pd

_WIDTH = 420
_HEIGHT = 300
_PHI = "φ"  # Greek phi, the adoption threshold


def _fmt(x, digits=2):
    return f"{x:.{digits}f}".rstrip("0").rstrip(".") if isinstance(x, float) else str(x)


def _require(frame, columns, name):
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"{name} must be a pandas DataFrame, not {type(frame).__name__}")
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(
            f"{name} is missing column(s) {missing}; it has {list(frame.columns)}"
        )


def _cell_edges(values):
    """Edges of the cells centred on sorted unique ``values`` (midpoints between them)."""
    v = np.unique(np.asarray(values, dtype=float))
    if len(v) == 1:
        half = 0.5 if v[0] == 0 else abs(v[0]) * 0.05
        return v, v - half, v + half
    mid = (v[1:] + v[:-1]) / 2
    lo = np.concatenate(([v[0] - (mid[0] - v[0])], mid))
    hi = np.concatenate((mid, [v[-1] + (v[-1] - mid[-1])]))
    return v, lo, hi
