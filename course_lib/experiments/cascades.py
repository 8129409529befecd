"""Tables for lesson 02 (threshold cascades) that feed :mod:`course_lib.viz` charts.

Computation only: numpy, pandas and :mod:`course_lib.cascades`; never widgets or charts.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .. import cascades

__all__ = [
    "granovetter_response_frame",
    "trajectory_frame",
    "theory_frequency_frame",
    "frequency_slice",
]


def granovetter_response_frame(mean, sd, n=100):
    """Response curve of Granovetter's model with normal thresholds, as a table.

    Returns
    -------
    DataFrame
        Columns ``acting_now`` (0..n) and ``acting_next``.

    Examples
    --------
    >>> granovetter_response_frame(25, 10).iloc[25].tolist()
    [25.0, 50.0]
    """
    now = np.arange(n + 1, dtype=float)
    return pd.DataFrame({"acting_now": now, "acting_next": cascades.granovetter_response(now, mean, sd, n)})


def trajectory_frame(results):
    """Stack Granovetter trajectories into one table for
    :func:`course_lib.viz.granovetter_trajectory_chart`.

    Parameters
    ----------
    results : dict
        Crowd name -> :class:`course_lib.cascades.GranovetterResult`.

    Examples
    --------
    >>> riot = cascades.granovetter_cascade(range(4))
    >>> trajectory_frame({"riot": riot}).acting.tolist()
    [0, 1, 2, 3, 4]
    """
    return pd.concat(
        [r.to_frame().assign(crowd=name) for name, r in results.items()], ignore_index=True
    )


def theory_frequency_frame(phi, mean_degrees):
    """Analytic cascade frequency (:func:`course_lib.cascades.cascade_frequency_theory`)
    at each mean degree, as a table with columns ``mean_degree``, ``phi``,
    ``theory_frequency``."""
    zs = np.asarray(mean_degrees, dtype=float)
    return pd.DataFrame(
        {"mean_degree": zs, "phi": phi,
         "theory_frequency": [cascades.cascade_frequency_theory(z, phi) for z in zs.tolist()]}
    )


def frequency_slice(frame, phi):
    """Rows of a phase-diagram table whose threshold is closest to ``phi``."""
    phis = frame["phi"].to_numpy(float)
    nearest = phis[np.argmin(np.abs(phis - phi))]
    return frame[np.isclose(frame["phi"], nearest)].sort_values("mean_degree").reset_index(drop=True)
