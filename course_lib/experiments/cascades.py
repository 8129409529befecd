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

    Parameters
    ----------
    mean : float
        Mean threshold, in people.
    sd : float
        Standard deviation of the thresholds, in people (greater than 0).
    n : int, optional
        Population size (at least 1).

    Returns
    -------
    pandas.DataFrame
        One row per number acting now: ``acting_now`` (0..n) and ``acting_next``, the
        expected number acting one step later
        (:func:`course_lib.cascades.granovetter_response`).

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

    Returns
    -------
    pandas.DataFrame
        The results' ``to_frame()`` tables one after another: columns ``step``,
        ``acting`` and ``crowd`` (the name).

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
    at each mean degree, as a table.

    Parameters
    ----------
    phi : float
        Uniform threshold, in (0, 1].
    mean_degrees : array_like of float
        Mean degrees of the Poisson network, 0 or more.

    Returns
    -------
    pandas.DataFrame
        One row per mean degree: ``mean_degree``, ``phi`` and ``theory_frequency`` (the
        probability that one random seed triggers a global cascade).

    Examples
    --------
    >>> theory_frequency_frame(0.18, [1, 3, 8]).round(3)
       mean_degree   phi  theory_frequency
    0          1.0  0.18             0.000
    1          3.0  0.18             0.873
    2          8.0  0.18             0.000
    """
    zs = np.asarray(mean_degrees, dtype=float)
    return pd.DataFrame(
        {"mean_degree": zs, "phi": phi,
         "theory_frequency": [cascades.cascade_frequency_theory(z, phi) for z in zs.tolist()]}
    )


def frequency_slice(frame, phi):
    """Rows of a phase-diagram table whose threshold is closest to ``phi``.

    Parameters
    ----------
    frame : pandas.DataFrame
        Columns ``phi`` and ``mean_degree`` (and any others), such as
        ``PhaseDiagram.to_frame()``.
    phi : float
        The threshold wanted.

    Returns
    -------
    pandas.DataFrame
        The rows at the grid threshold nearest ``phi``, sorted by ``mean_degree``, with
        a fresh index.

    Examples
    --------
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"phi": [0.1, 0.1, 0.2, 0.2], "mean_degree": [4.0, 2.0, 4.0, 2.0],
    ...                       "frequency": [0.5, 0.3, 0.0, 0.6]})
    >>> frequency_slice(frame, 0.18)
       phi  mean_degree  frequency
    0  0.2          2.0        0.6
    1  0.2          4.0        0.0
    """
    phis = frame["phi"].to_numpy(float)
    nearest = phis[np.argmin(np.abs(phis - phi))]
    return frame[np.isclose(frame["phi"], nearest)].sort_values("mean_degree").reset_index(drop=True)
