"""Expressed versus private opinions (Ye, Qin, Govaert, Anderson & Cao 2019).

Each agent holds a *private* opinion, which moves under the influence of what others
*express*, and an *expressed* opinion, pulled between the private one and a pressure to
conform to the public opinion around them. Conformity can make expressed opinions agree
more than private ones do: pluralistic ignorance.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .._validation import check_integer
from ._checks import check_fractions, check_influence_matrix, check_opinions, show_agents, unanchored
from ._results import _frozen, _tidy, opinion_spread

__all__ = ["ExpressedPrivateResult", "expressed_private", "expressed_private_equilibrium"]

_PRESSURES = ("local", "global")


@dataclass(frozen=True, eq=False)
class ExpressedPrivateResult:
    """Private and expressed opinions of every agent at every step.

    Attributes
    ----------
    trajectory : numpy.ndarray
        Private opinions, read-only, shape ``(steps + 1, n)`` (row 0 is ``x0``), as
        ``.trajectory`` of the DeGroot and Friedkin–Johnsen results.
    expressed : numpy.ndarray
        Expressed opinions, same shape.
    """

    trajectory: np.ndarray
    expressed: np.ndarray

    def __post_init__(self):
        object.__setattr__(self, "trajectory", _frozen(self.trajectory))
        object.__setattr__(self, "expressed", _frozen(self.expressed))

    @property
    def private(self):
        """Same as ``trajectory``: the private opinions."""
        return self.trajectory

    @property
    def steps(self):
        return self.trajectory.shape[0] - 1

    @property
    def n(self):
        return self.trajectory.shape[1]

    @property
    def gap(self):
        """Final expressed minus final private opinion of each agent."""
        return self.expressed[-1] - self.trajectory[-1]

    @property
    def private_spread(self):
        """:func:`opinion_spread` of the private opinions at every step."""
        return opinion_spread(self.trajectory)

    @property
    def expressed_spread(self):
        """:func:`opinion_spread` of the expressed opinions at every step."""
        return opinion_spread(self.expressed)

    def to_frame(self):
        """Tidy table, one row per agent, step and kind: ``step``, ``agent``, ``kind``
        (``"private"`` or ``"expressed"``) and ``opinion``."""
        import pandas as pd

        private = _tidy(self.trajectory)
        expressed = _tidy(self.expressed)
        private.insert(2, "kind", "private")
        expressed.insert(2, "kind", "expressed")
        return pd.concat([private, expressed], ignore_index=True)


def _prepare(W, x0, susceptibility, resilience, pressure):
    W = check_influence_matrix(W)
    n = W.shape[0]
    x0 = check_opinions(x0, n)
    lam = check_fractions(susceptibility, n, "susceptibility")
    phi = check_fractions(resilience, n, "resilience")
    if not isinstance(pressure, str):  # a matrix: whose expressed opinions each person conforms to
        Q = check_influence_matrix(pressure, "pressure")
        if Q.shape != W.shape:
            raise ValueError(f"pressure as a matrix must have the shape of W {W.shape}, got {Q.shape}")
    elif pressure not in _PRESSURES:
        raise ValueError(f"pressure must be 'local' or 'global' (or a row-stochastic matrix), got {pressure!r}")
    else:
        Q = W if pressure == "local" else np.full((n, n), 1.0 / n)
    return W, x0, lam, phi, Q


def expressed_private(W, x0, susceptibility, resilience, steps, *, pressure="local"):
    """Run the expressed-private opinion model for ``steps`` updates.

    With ``s_i`` = ``susceptibility[i]``, ``φ_i`` = ``resilience[i]`` and ``x̂`` the
    expressed opinions, every agent updates at once:

    * private: ``x_i(t+1) = s_i (W[i, i] x_i(t) + sum_{j != i} W[i, j] x̂_j(t)) + (1 - s_i) x_i(0)``
      (you know your own private opinion, but hear only what others express);
    * expressed: ``x̂_i(t+1) = φ_i x_i(t+1) + (1 - φ_i) x̂pub_i(t)``, where the public
      opinion ``x̂pub_i(t)`` is ``sum_j W[i, j] x̂_j(t)`` (``pressure="local"``, the paper's
      *local public opinion*, own expressed opinion included with weight ``W[i, i]``)
      or ``mean_j x̂_j(t)`` (``pressure="global"``, e.g. a published poll);
    * start: ``x̂(0) = x(0) = x0``.

    Ye et al. write the private update with stubbornness ``1 - s_i``; here, as in
    :func:`friedkin_johnsen`, ``susceptibility = 1 - stubbornness``.

    Parameters
    ----------
    W : array_like, shape (n, n)
        Row-stochastic influence matrix (``W[i, j]`` = weight ``i`` gives ``j``).
    x0 : array_like, shape (n,)
        Initial private opinions (also the initial expressed ones).
    susceptibility : float or array_like, shape (n,)
        Values in [0, 1]: 1 = no anchor to one's initial opinion.
    resilience : float or array_like, shape (n,)
        Values in [0, 1]: resistance to the pressure to conform. 1 = always says what
        one thinks; 0 = always echoes the public opinion.
    steps : int
        Number of updates (0 or more).
    pressure : {"local", "global"} or array_like, shape (n, n)
        Which public opinion agents conform to; a row-stochastic matrix ``Q`` makes the
        public opinion of agent ``i`` ``sum_j Q[i, j] x̂_j(t)`` (for instance the
        original ``W`` when ``W`` itself has been changed by
        :func:`~course_lib.opinions.identify_with`, so that identification changes
        whom people privately listen to but not whom they conform to in public).

    Returns
    -------
    ExpressedPrivateResult
        ``.trajectory`` (private) and ``.expressed``, each ``(steps + 1, n)``.

    Notes
    -----
    What to expect (on a strongly connected, aperiodic ``W``):

    * nobody stubborn (all susceptibility 1): private and expressed opinions all reach
      one common value;
    * one stubborn agent (the only susceptibility below 1): everybody, privately and
      publicly, ends at that agent's initial opinion;
    * several stubborn agents who disagree: opinions settle at
      :func:`expressed_private_equilibrium`, where each expressed opinion is a weighted
      average of private ones, so ``expressed_spread <= private_spread`` and agents with
      resilience below 1 say something other than they think (``gap``).

    Examples
    --------
    Three friends: the two outer ones are stubborn and disagree, and all three feel the
    pressure to conform. What they say ends up closer together than what they think:

    >>> W = [[0.5, 0.5, 0.0], [0.25, 0.5, 0.25], [0.0, 0.5, 0.5]]
    >>> result = expressed_private(W, [0.0, 0.5, 1.0], [0.5, 1.0, 0.5], 0.3, steps=200)
    >>> print(f"private {result.private_spread[-1]:.3f}, expressed {result.expressed_spread[-1]:.3f}")
    private 0.667, expressed 0.308

    References
    ----------
    .. [1] M. Ye, Y. Qin, A. Govaert, B. D. O. Anderson and M. Cao, "An influence network
       model to study discrepancies in expressed and private opinions", Automatica 107,
       2019.
    """
    W, x0, lam, phi, Q = _prepare(W, x0, susceptibility, resilience, pressure)
    steps = check_integer(steps, "steps", minimum=0)
    n = W.shape[0]
    own = np.diag(W).copy()
    private = np.empty((steps + 1, n))
    expressed = np.empty((steps + 1, n))
    private[0] = expressed[0] = x0
    anchor = (1.0 - lam) * x0
    for t in range(steps):
        x, xhat = private[t], expressed[t]
        heard = W @ xhat - own * xhat + own * x  # own private opinion, others' expressed
        private[t + 1] = lam * heard + anchor
        expressed[t + 1] = phi * private[t + 1] + (1.0 - phi) * (Q @ xhat)
    return ExpressedPrivateResult(private, expressed)


def expressed_private_equilibrium(W, x0, susceptibility, resilience, *, pressure="local"):
    """Limit of :func:`expressed_private`: the private and expressed opinions at rest.

    Stack ``z = (x, x̂)``. One update is ``z(t+1) = P z(t) + b`` with
    ``P = [[Λ D, Λ O], [Φ Λ D, Φ Λ O + (I - Φ) Q]]`` and
    ``b = ((I - Λ) x0, Φ (I - Λ) x0)``, where ``D = diag(W[i, i])``, ``O = W - D``,
    ``Λ = diag(susceptibility)``, ``Φ = diag(resilience)`` and ``Q`` is ``W`` (local
    pressure), the uniform average (global) or the matrix given as ``pressure``. The equilibrium
    ``z* = (I - P)^{-1} b`` exists and is unique when the spectral radius of ``P`` is
    below 1; that is checked on the network, exactly, as for
    :func:`friedkin_johnsen_equilibrium`. Every equilibrium opinion is then a weighted
    average of ``x0``, and every expressed one a weighted average of the private ones.

    Parameters
    ----------
    W, x0, susceptibility, resilience, pressure
        As for :func:`expressed_private`.

    Returns
    -------
    private, expressed : numpy.ndarray, shape (n,)

    Raises
    ------
    ValueError
        If some opinions are not anchored to anybody's initial opinion, e.g. nobody is
        stubborn (all susceptibility 1): then the model reaches a consensus whose value
        depends on the whole path, not a unique equilibrium of these equations.

    Examples
    --------
    >>> W = [[0.5, 0.5, 0.0], [0.25, 0.5, 0.25], [0.0, 0.5, 0.5]]
    >>> x, xhat = expressed_private_equilibrium(W, [0.0, 0.5, 1.0], [0.5, 1.0, 0.5], 0.3)
    >>> x.round(3).tolist(), xhat.round(3).tolist()
    ([0.167, 0.5, 0.833], [0.346, 0.5, 0.654])

    References
    ----------
    .. [1] M. Ye, Y. Qin, A. Govaert, B. D. O. Anderson and M. Cao, Automatica 107, 2019.
    """
    W, x0, lam, phi, Q = _prepare(W, x0, susceptibility, resilience, pressure)
    n = W.shape[0]
    D = np.diag(np.diag(W))
    O = W - D
    P = np.block([
        [lam[:, None] * D, lam[:, None] * O],
        [(phi * lam)[:, None] * D, (phi * lam)[:, None] * O + (1.0 - phi)[:, None] * Q],
    ])
    b = np.concatenate([(1.0 - lam) * x0, phi * (1.0 - lam) * x0])
    # a private row loses mass to x0 when s_i < 1, an expressed row when φ_i (1 - s_i) > 0
    losing = np.concatenate([lam < 1.0, (phi > 0.0) & (lam < 1.0)])
    stuck = unanchored(P, losing)
    if len(stuck):
        agents = np.unique(stuck % n)
        raise ValueError(
            f"No unique equilibrium: the opinions of agents {show_agents(agents)} are not "
            f"anchored to anybody's initial opinion (nobody they listen to, directly or "
            f"through others, has susceptibility below 1 and, for expressed opinions, "
            f"resilience above 0). With nobody stubborn the model reaches a consensus whose "
            f"value depends on the whole path; run expressed_private(...) to see it, or "
            f"lower someone's susceptibility below 1 (check susceptibility, resilience and W)."
        )
    z = np.linalg.solve(np.eye(2 * n) - P, b)
    return z[:n], z[n:]
