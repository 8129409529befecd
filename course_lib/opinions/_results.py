"""Result tables shared by the opinion models, and the spread of a set of opinions."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

__all__ = ["OpinionTrajectory", "opinion_spread"]


def opinion_spread(values):
    """Range of opinions (largest minus smallest): 0 means everybody agrees.

    Parameters
    ----------
    values : array_like
        Opinions of the agents, shape ``(n,)``; or a trajectory of shape
        ``(steps + 1, n)``, whose spread is taken at every step (along the last axis).

    Returns
    -------
    float or numpy.ndarray
        One number for one set of opinions, one per step for a trajectory.

    Examples
    --------
    >>> opinion_spread([0.25, 1.0, 0.5])
    0.75
    >>> opinion_spread([[0.0, 1.0], [0.25, 0.75]]).tolist()
    [1.0, 0.5]
    """
    try:
        array = np.asarray(values, dtype=float)
    except (TypeError, ValueError):
        raise TypeError("values must be numbers: one opinion per agent, or a trajectory") from None
    if array.ndim not in (1, 2) or array.shape[-1] == 0:
        raise ValueError(
            f"values must have shape (n,) or (steps + 1, n) with n >= 1, got shape {array.shape}"
        )
    spread = array.max(axis=-1) - array.min(axis=-1)
    return float(spread) if array.ndim == 1 else spread


def _tidy(trajectory, column="opinion"):
    import pandas as pd

    steps, n = trajectory.shape
    return pd.DataFrame({
        "step": np.repeat(np.arange(steps), n),
        "agent": np.tile(np.arange(n), steps),
        column: trajectory.ravel(),
    })


def _frozen(array):
    array = np.array(array, dtype=float)
    array.setflags(write=False)
    return array


@dataclass(frozen=True, eq=False)
class OpinionTrajectory:
    """Opinions of every agent at every step of DeGroot or Friedkin–Johnsen updating.

    Attributes
    ----------
    trajectory : numpy.ndarray
        Read-only array of shape ``(steps + 1, n)``: row ``t`` holds the opinions after
        ``t`` updates (row 0 is the initial opinions ``x0``); column ``i`` is agent
        ``i`` (for a matrix from :func:`influence_weights`, the node ``list(G)[i]``).
    model : str
        ``"degroot"`` or ``"friedkin_johnsen"``.
    """

    trajectory: np.ndarray
    model: str

    def __post_init__(self):
        object.__setattr__(self, "trajectory", _frozen(self.trajectory))

    @property
    def steps(self):
        """Number of updates (rows of ``trajectory`` minus one)."""
        return self.trajectory.shape[0] - 1

    @property
    def n(self):
        """Number of agents."""
        return self.trajectory.shape[1]

    @property
    def final(self):
        """Opinions after the last step (a read-only view)."""
        return self.trajectory[-1]

    @property
    def spread(self):
        """:func:`opinion_spread` at every step (0 = consensus)."""
        return opinion_spread(self.trajectory)

    def to_frame(self):
        """Tidy table, one row per agent and step: ``step``, ``agent``, ``opinion``."""
        return _tidy(self.trajectory)
