"""Mean-field theory of the q-voter model with independence or anticonformity.

On the complete graph with many agents, the fraction ``c`` of "up" agents obeys the
rate equation (time in sweeps, one sweep = N elementary updates)

    dc/dt = (1 - c) w_up(c) - (c - z) w_down(c),

where ``z`` is the fraction of zealots (always up), a down agent turns up with
probability ``w_up`` and a free up agent turns down with probability ``w_down``. A q-panel is
unanimously up with probability ``c**q`` and unanimously down with ``(1 - c)**q``
(the large-N limit of drawing q agents with or without repetition). With campaign
strength ``h`` (``field``; see :func:`course_lib.voter.simulate_qvoter` for the rule):

- independence:  ``w_up = p/2 + (1-p) (h + (1-h) c**q)``,
  ``w_down = p/2 + (1-p) (1-h) (1-c)**q``;
- anticonformity: ``w_up = (1-p) (h + (1-h) c**q) + p (1-h) (1-c)**q``,
  ``w_down = (1-p) (1-h) (1-c)**q + p (h + (1-h) c**q)``.

Without campaign or zealots the disordered state ``c = 1/2`` loses stability at
``p* = (q-1) / (q-1 + 2**(q-1))`` (independence) and ``p* = (q-1) / (2q)``
(anticonformity) [1]_. Solving the fixed-point equation for ``p`` gives the branch

    p(c) = A / (A - B),   A = (1-c) c**q - c (1-c)**q,
    B = (1-2c)/2 (independence)  or  (1-c)**(q+1) - c**(q+1) (anticonformity),

whose maximum over ``c`` in (1/2, 1) is the upper spinodal: above it no ordered state
exists. For independence with ``q > 5`` that maximum lies inside (1/2, 1), above
``p*``: the transition is discontinuous, with hysteresis between the two spinodals.

References
----------
.. [1] P. Nyczka, K. Sznajd-Weron and J. Cisło, "Phase transitions in the q-voter
   model with two types of stochastic driving", Phys. Rev. E 86, 011105 (2012).
.. [2] C. Castellano, M. A. Muñoz and R. Pastor-Satorras, "Nonlinear q-voter model",
   Phys. Rev. E 80, 041129 (2009).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.polynomial import Polynomial
from scipy import optimize

from .._guard import reference
from .._validation import check_integer, check_probability, check_real

__all__ = [
    "VARIANTS",
    "qvoter_drift",
    "MeanFieldFixedPoints",
    "qvoter_mean_field",
    "qvoter_critical_point",
    "Spinodals",
    "qvoter_spinodals",
]

#: The two kinds of nonconformity an empowered consumer can show.
VARIANTS = ("independence", "anticonformity")


def check_variant(variant):
    """Return ``variant`` if it is one of :data:`VARIANTS`, else raise naming them."""
    if not isinstance(variant, str):
        raise TypeError(
            f"variant must be a string, one of {', '.join(map(repr, VARIANTS))}; "
            f"got {type(variant).__name__}"
        )
    if variant not in VARIANTS:
        raise ValueError(
            f"variant must be one of {', '.join(map(repr, VARIANTS))}, got {variant!r}"
        )
    return variant


def check_q(q):
    return check_integer(q, "q", minimum=1)


def _rates(c, q, p, variant, field):
    """Per-agent switching probabilities (w_up, w_down); ``c`` may be a Polynomial."""
    h = field
    panel_up = c**q
    panel_down = (1 - c) ** q
    if variant == "independence":
        w_up = p / 2 + (1 - p) * (h + (1 - h) * panel_up)
        w_down = p / 2 + (1 - p) * (1 - h) * panel_down
    else:
        w_up = (1 - p) * (h + (1 - h) * panel_up) + p * (1 - h) * panel_down
        w_down = (1 - p) * (1 - h) * panel_down + p * (h + (1 - h) * panel_up)
    return w_up, w_down


def _drift_polynomial(q, p, variant, field, zealot_fraction):
    c = Polynomial([0.0, 1.0])
    w_up, w_down = _rates(c, q, p, variant, field)
    return (1 - c) * w_up - (c - zealot_fraction) * w_down


def _check_common(q, p, variant, field, zealot_fraction):
    q = check_q(q)
    p = check_probability(p, "p")
    variant = check_variant(variant)
    field = check_probability(field, "field")
    zealot_fraction = check_real(zealot_fraction, "zealot_fraction", minimum=0.0, maximum=1.0)
    return q, p, variant, field, zealot_fraction


def qvoter_drift(c, q, p, variant, *, field=0.0, zealot_fraction=0.0):
    """Right-hand side of the mean-field rate equation, ``dc/dt`` per sweep.

    Parameters
    ----------
    c : float or array
        Fraction of agents who are up (zealots included), in [``zealot_fraction``, 1].
    q : int
        Panel size, at least 1.
    p : float
        Probability in [0, 1] that an updating agent acts as a nonconformist.
    variant : {"independence", "anticonformity"}
        The kind of nonconformity: a random opinion, or the opposite of a unanimous
        panel.
    field : float, optional
        Campaign strength in [0, 1].
    zealot_fraction : float, optional
        Fraction of agents who are always up.

    Returns
    -------
    numpy.ndarray
        ``dc/dt`` at each ``c``, with the shape of ``c`` (0-dimensional for a number):
        positive where the fraction up grows.

    Examples
    --------
    >>> float(qvoter_drift(0.5, 4, 0.2, "independence"))
    0.0
    >>> float(qvoter_drift(0.9, 4, 0.0, "anticonformity")) > 0   # conformity orders
    True
    """
    q, p, variant, field, zealot_fraction = _check_common(q, p, variant, field, zealot_fraction)
    c = np.asarray(c, dtype=float)
    w_up, w_down = _rates(c, q, p, variant, field)
    return (1 - c) * w_up - (c - zealot_fraction) * w_down


@dataclass(frozen=True)
class MeanFieldFixedPoints:
    """Fixed points of the mean-field rate equation for one (q, p, variant).

    Attributes
    ----------
    q : int
        Panel size.
    p : float
        Probability of nonconformity.
    variant : str
        ``"independence"`` or ``"anticonformity"``.
    field : float
        Campaign strength.
    zealot_fraction : float
        Fraction of agents who are always up.
    stable : tuple of float
        Fractions up ``c`` where the drift vanishes and decreases (``F'(c) < 0``),
        ascending. Two entries (``c`` and ``1 - c``) mean an ordered phase; an entry
        next to 1/2 as well means coexistence (hysteresis).
    unstable : tuple of float
        Fractions up where the drift vanishes and increases.
    neutral : bool
        True for the linear voter model (q = 1, p = 0, no field): the drift is zero
        everywhere, so every fraction is a (neutral) fixed point.

    Examples
    --------
    >>> qvoter_mean_field(4, 0.5, "anticonformity").to_frame()
       fraction_up  magnetization stability  q    p         variant
    0          0.5            0.0    stable  4  0.5  anticonformity
    """

    q: int
    p: float
    variant: str
    field: float
    zealot_fraction: float
    stable: tuple
    unstable: tuple
    neutral: bool = False

    @property
    def stable_magnetizations(self):
        """``m = 2c - 1`` of each stable fixed point."""
        return tuple(2 * c - 1 for c in self.stable)

    @property
    def magnetization(self):
        """Largest ``|m|`` over the stable fixed points: 0 in the disordered phase."""
        return max((abs(m) for m in self.stable_magnetizations), default=0.0)

    def to_frame(self):
        """Tidy table: ``fraction_up``, ``magnetization``, ``stability``."""
        import pandas as pd

        rows = [(c, "stable") for c in self.stable] + [(c, "unstable") for c in self.unstable]
        rows.sort()
        frame = pd.DataFrame(rows, columns=["fraction_up", "stability"])
        frame.insert(1, "magnetization", 2 * frame["fraction_up"] - 1)
        for name in ("q", "p", "variant"):
            frame[name] = getattr(self, name)
        return frame


@reference
def qvoter_mean_field(q, p, variant, *, field=0.0, zealot_fraction=0.0):
    """All fixed points of the mean-field rate equation, with their stability.

    The drift is a polynomial of degree ``q + 2`` in ``c``; its real roots in
    [``zealot_fraction``, 1] are the fixed points, polished by Newton steps, and a root
    is stable when the drift's derivative there is negative. At a degenerate root
    (derivative zero: exactly at a critical point or a spinodal) the flow on either
    side decides: stable only if it points towards the root from both sides.

    Parameters
    ----------
    q : int
        Panel size, at least 1.
    p : float
        Probability of nonconformity, in [0, 1].
    variant : {"independence", "anticonformity"}
        The kind of nonconformity: a random opinion, or the opposite of a unanimous
        panel.
    field : float, optional
        Campaign strength in [0, 1] (see :func:`course_lib.voter.simulate_qvoter`).
    zealot_fraction : float, optional
        Fraction of agents who are always up, in [0, 1].

    Returns
    -------
    MeanFieldFixedPoints
        The stable and unstable fixed points, ascending.

    Examples
    --------
    >>> mf = qvoter_mean_field(4, 0.1, "anticonformity")
    >>> [round(c, 4) for c in mf.stable], round(mf.magnetization, 4)
    ([0.1001, 0.8999], 0.7998)
    >>> qvoter_mean_field(4, 0.5, "anticonformity").stable
    (0.5,)
    >>> len(qvoter_mean_field(8, 0.055, "independence").stable)   # hysteresis
    3

    References
    ----------
    .. [1] P. Nyczka, K. Sznajd-Weron and J. Cisło, "Phase transitions in the q-voter
       model with two types of stochastic driving", Phys. Rev. E 86, 011105 (2012).
    """
    q, p, variant, field, zealot_fraction = _check_common(q, p, variant, field, zealot_fraction)
    poly = _drift_polynomial(q, p, variant, field, zealot_fraction).trim(1e-14)
    symmetric = field == 0 and zealot_fraction == 0
    result = dict(q=q, p=p, variant=variant, field=field, zealot_fraction=zealot_fraction)
    if poly.degree() == 0 and abs(poly.coef[0]) < 1e-14:
        return MeanFieldFixedPoints(**result, stable=(), unstable=(), neutral=True)
    deriv = poly.deriv()
    low = zealot_fraction
    # A root of multiplicity m comes back from the eigenvalue solver scattered by about
    # eps**(1/m) (m = 3 at a continuous critical point): keep near-real candidates and
    # merge clusters, then polish simple roots by Newton steps.
    candidates = sorted(
        float(r.real) for r in poly.roots()
        if abs(r.imag) < 1e-4 and low - 1e-4 <= r.real <= 1 + 1e-4
    )
    clusters = []
    for c in candidates:
        if clusters and c - clusters[-1][-1] < 1e-4:
            clusters[-1].append(c)
        else:
            clusters.append([c])
    roots = []
    for cluster in clusters:
        c = min(max(sum(cluster) / len(cluster), low), 1.0)
        for _ in range(3):
            slope = deriv(c)
            if abs(slope) < 1e-8:
                break
            c = min(max(c - poly(c) / slope, low), 1.0)
        if abs(poly(c)) > 1e-10:  # a complex pair close to the real axis, not a root
            continue
        if symmetric and abs(c - 0.5) < 1e-4:
            c = 0.5  # exactly a root when there is neither field nor zealots
        if all(abs(c - other) > 1e-9 for other in roots):
            roots.append(c)
    roots.sort()
    stable, unstable = [], []
    for k, c in enumerate(roots):
        slope = deriv(c)
        if abs(slope) < 1e-8:  # degenerate root: look at the flow on both sides
            gaps = [abs(c - r) for r in roots if r != c] + [1e-2]
            d = min(gaps) / 3
            left = poly(c - d) if c - d >= low else 1.0
            right = poly(c + d) if c + d <= 1 else -1.0
            slope = -1.0 if left > 0 > right else 1.0
        (stable if slope < 0 else unstable).append(float(c))
    stable, unstable = tuple(stable), tuple(unstable)
    return MeanFieldFixedPoints(**result, stable=stable, unstable=unstable)


@reference
def qvoter_critical_point(q, variant):
    """Mean-field critical point ``p*``: the disordered state is stable for ``p > p*``.

    Independence: ``p* = (q - 1) / (q - 1 + 2**(q - 1))``; anticonformity:
    ``p* = (q - 1) / (2 q)``. For independence with ``q > 5`` this is the lower
    spinodal of a discontinuous transition (see :func:`qvoter_spinodals`).

    Parameters
    ----------
    q : int
        Panel size, at least 1.
    variant : {"independence", "anticonformity"}
        The kind of nonconformity: a random opinion, or the opposite of a unanimous
        panel.

    Returns
    -------
    float
        The critical probability of nonconformity ``p*``.

    Examples
    --------
    >>> qvoter_critical_point(4, "anticonformity")
    0.375
    >>> round(qvoter_critical_point(4, "independence"), 6)   # 3 / 11
    0.272727

    References
    ----------
    .. [1] P. Nyczka, K. Sznajd-Weron and J. Cisło, "Phase transitions in the q-voter
       model with two types of stochastic driving", Phys. Rev. E 86, 011105 (2012).
    """
    q = check_q(q)
    variant = check_variant(variant)
    if variant == "independence":
        return (q - 1) / (q - 1 + 2 ** (q - 1))
    return (q - 1) / (2 * q)


@dataclass(frozen=True)
class Spinodals:
    """Where the mean-field phases appear and disappear (no field, no zealots).

    Attributes
    ----------
    q : int
        Panel size.
    variant : str
        ``"independence"`` or ``"anticonformity"``.
    lower : float
        ``p*_1``: below it the disordered state ``c = 1/2`` is unstable.
    upper : float
        ``p*_2``: above it no ordered state exists. Equal to ``lower`` for a
        continuous transition.
    discontinuous : bool
        True when ``upper > lower``: for ``lower < p < upper`` the ordered and the
        disordered states are both stable (hysteresis).
    c_at_upper : float
        Fraction up (above 1/2) of the ordered state at ``p = upper``; 0.5 when the
        transition is continuous.

    Examples
    --------
    >>> qvoter_spinodals(4, "anticonformity").to_frame().columns.tolist()
    ['q', 'variant', 'lower', 'upper', 'discontinuous', 'c_at_upper']
    """

    q: int
    variant: str
    lower: float
    upper: float
    discontinuous: bool
    c_at_upper: float

    def to_frame(self):
        """One-row table of the attributes."""
        import pandas as pd

        return pd.DataFrame([self.__dict__])


def _p_branch(c, q, variant):
    """The p at which fraction ``c`` is a fixed point (no field, no zealots)."""
    a = (1 - c) * c**q - c * (1 - c) ** q
    if variant == "independence":
        b = (1 - 2 * c) / 2
    else:
        b = (1 - c) ** (q + 1) - c ** (q + 1)
    return a / (a - b)


@reference
def qvoter_spinodals(q, variant):
    """Lower and upper spinodals of the mean-field transition.

    The upper spinodal is the maximum over ``c`` in (1/2, 1) of the fixed-point branch
    ``p(c)`` (module docstring), found on a grid and refined by bounded maximisation;
    when the maximum sits at ``c -> 1/2`` the transition is continuous and both
    spinodals equal :func:`qvoter_critical_point`.

    Parameters
    ----------
    q : int
        Panel size, at least 1.
    variant : {"independence", "anticonformity"}
        The kind of nonconformity: a random opinion, or the opposite of a unanimous
        panel.

    Returns
    -------
    Spinodals
        The lower and upper spinodal, whether they differ, and the ordered state at
        the upper one.

    Examples
    --------
    >>> s = qvoter_spinodals(8, "independence")
    >>> s.discontinuous, round(s.lower, 4), round(s.upper, 4)
    (True, 0.0519, 0.1046)
    >>> qvoter_spinodals(5, "independence").discontinuous
    False

    References
    ----------
    .. [1] P. Nyczka, K. Sznajd-Weron and J. Cisło, "Phase transitions in the q-voter
       model with two types of stochastic driving", Phys. Rev. E 86, 011105 (2012).
    """
    q = check_q(q)
    variant = check_variant(variant)
    lower = qvoter_critical_point(q, variant)
    if q == 1:
        return Spinodals(q, variant, lower, lower, False, 0.5)
    # p(c) is 0/0 at c = 1/2; start just to the right, where it is well conditioned.
    grid = np.linspace(0.5 + 1e-3, 1 - 1e-9, 2001)
    values = _p_branch(grid, q, variant)
    k = int(np.argmax(values))
    if k == 0 or values[k] <= lower:
        return Spinodals(q, variant, lower, lower, False, 0.5)
    lo, hi = grid[max(k - 1, 0)], grid[min(k + 1, len(grid) - 1)]
    best = optimize.minimize_scalar(
        lambda c: -_p_branch(c, q, variant), bounds=(lo, hi), method="bounded",
        options={"xatol": 1e-12},
    )
    upper = float(-best.fun)
    return Spinodals(q, variant, lower, upper, upper > lower, float(best.x))
