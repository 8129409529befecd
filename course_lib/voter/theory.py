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

Fixed resisters (quenched disorder): shares ``s_C`` (conformists), ``s_I``
(independents) and ``s_A`` (anticonformists) keep their kind for good. Each group
settles where its own ups and downs balance, which gives, with ``m = 2c - 1`` and no
campaign, ``m = (s_C - s_A) T(m)``, ``T(m) = ((1+m)**q - (1-m)**q) / ((1+m)**q +
(1-m)**q)``: the even split is stable while ``q (s_C - s_A) < 1``. Hence ``p* = (q-1)/q``
for a share of fixed independents, ``(q-1)/(2q)`` for fixed anticonformists (the
annealed value: anticonformity does not care about the kind of disorder, [3]_), and
``e* = (q-1) / (q (2 - certainty))`` for empowered consumers split by certainty
(:func:`quenched_critical_point`, :func:`empowered_critical_share`,
:func:`mixed_market_mean_field`).

References
----------
.. [1] P. Nyczka, K. Sznajd-Weron and J. Cisło, "Phase transitions in the q-voter
   model with two types of stochastic driving", Phys. Rev. E 86, 011105 (2012).
.. [2] C. Castellano, M. A. Muñoz and R. Pastor-Satorras, "Nonlinear q-voter model",
   Phys. Rev. E 80, 041129 (2009).
.. [3] A. Jędrzejewski and K. Sznajd-Weron, "Person-situation debate revisited: phase
   transitions with quenched and annealed disorders", Entropy 19(8), 415 (2017).
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
    "quenched_critical_point",
    "empowered_critical_share",
    "MixedMarketFixedPoints",
    "mixed_market_mean_field",
    "mixed_market_path",
    "mixed_market_settles",
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


def _roots_between(poly, low, symmetric):
    """Real roots of ``poly`` in [``low``, 1], ascending.

    A root of multiplicity m comes back from the eigenvalue solver scattered by about
    eps**(1/m) (m = 3 at a continuous critical point): keep near-real candidates and
    merge clusters, then polish simple roots by Newton steps. With ``symmetric`` (no
    campaign, no zealots) a root next to 1/2 is exactly 1/2.
    """
    deriv = poly.deriv()
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
            c = 0.5
        if all(abs(c - other) > 1e-9 for other in roots):
            roots.append(c)
    return sorted(roots)


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
    roots = _roots_between(poly, low, symmetric)
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


# ======================================================================= quenched market
# A *quenched* market: every consumer has a fixed kind. A share ``independent`` always
# acts independently, a share ``anticonformist`` always anticonforms, the rest always
# conform. The *annealed* model above draws the kind anew at every update instead.


def check_shares(independent, anticonformist):
    """Return the two resister shares after checking each is in [0, 1] and their sum too."""
    independent = check_probability(independent, "independent")
    anticonformist = check_probability(anticonformist, "anticonformist")
    if independent + anticonformist > 1.0 + 1e-12:
        raise ValueError(
            "independent + anticonformist must be at most 1 (the rest are conformists), "
            f"got {independent} + {anticonformist} = {independent + anticonformist}"
        )
    return independent, min(anticonformist, 1.0 - independent)


@reference
def quenched_critical_point(q, variant):
    """Mean-field critical share ``p*`` when a fixed share ``p`` of consumers always resist.

    A share ``p`` of the agents are nonconformists for good (the same people at every
    update: quenched disorder), the rest always conform; panels are drawn from
    everyone (complete graph). The order is lost above

    - independence: ``p* = (q - 1) / q``,
    - anticonformity: ``p* = (q - 1) / (2 q)``, the same as the annealed value of
      :func:`qvoter_critical_point`.

    Derivation: within each group the share up settles where ups and downs balance,
    so conformists sit at ``f(c) = c**q / (c**q + (1 - c)**q)``, anticonformists at
    ``1 - f(c)`` and independents at 1/2. With ``m = 2c - 1`` this is
    ``m = (s_C - s_A) T(m)``, ``T(m) = ((1+m)**q - (1-m)**q) / ((1+m)**q + (1-m)**q)``,
    where ``s_C`` and ``s_A`` are the conformist and anticonformist shares; ``T'(0) =
    q``, so the even split is stable while ``q (s_C - s_A) < 1``. The factor
    ``2**(q - 1)`` of the annealed independence threshold is gone: a fixed conformist
    responds only to the *ratio* of unanimous-up to unanimous-down panels, however
    rare both are. For anticonformity the whole fixed-point curve (campaign included)
    coincides with the annealed one, as Jędrzejewski & Sznajd-Weron (2017) found.

    Parameters
    ----------
    q : int
        Panel size, at least 1.
    variant : {"independence", "anticonformity"}
        The kind of nonconformity of the fixed resisters.

    Returns
    -------
    float
        The critical share of resisters ``p*``.

    Examples
    --------
    >>> quenched_critical_point(4, "independence"), qvoter_critical_point(4, "independence")
    (0.75, 0.2727272727272727)
    >>> quenched_critical_point(4, "anticonformity") == qvoter_critical_point(4, "anticonformity")
    True

    References
    ----------
    .. [1] A. Jędrzejewski and K. Sznajd-Weron, "Person-situation debate revisited:
       phase transitions with quenched and annealed disorders", Entropy 19(8), 415
       (2017).
    .. [2] P. Nyczka, K. Sznajd-Weron and J. Cisło, "Phase transitions in the q-voter
       model with two types of stochastic driving", Phys. Rev. E 86, 011105 (2012).
    """
    q = check_q(q)
    variant = check_variant(variant)
    return (q - 1) / q if variant == "independence" else (q - 1) / (2 * q)


@reference
def empowered_critical_share(q, certainty):
    """Share of empowered resisters at which a market's agreement breaks (mean field),
    when the resisters' kind follows their attitude certainty.

    Of the empowered share ``e``, a fraction ``certainty`` hold their attitude with
    certainty and discount others (independents), the rest are uncertain and
    anticonform (Mourali & Yang 2013). The even split is stable while
    ``q (s_C - s_A) < 1`` (:func:`quenched_critical_point`), with ``s_C = 1 - e`` and
    ``s_A = e (1 - certainty)``, so

        ``e* = (q - 1) / (q (2 - certainty))``,

    from ``(q - 1) / (2q)`` (all uncertain) to ``(q - 1) / q`` (all certain).

    Parameters
    ----------
    q : int
        Panel size, at least 1.
    certainty : float
        Fraction in [0, 1] of the empowered consumers who are certain (independents).

    Returns
    -------
    float
        The critical empowered share ``e*``.

    Examples
    --------
    >>> empowered_critical_share(4, 1.0), empowered_critical_share(4, 0.0)
    (0.75, 0.375)
    >>> round(empowered_critical_share(4, 0.5), 4)
    0.5

    References
    ----------
    .. [1] M. Mourali and Z. Yang, "The dual role of power in resisting social
       influence", Journal of Consumer Research 40(3), 539-554 (2013).
    .. [2] A. Jędrzejewski and K. Sznajd-Weron, "Person-situation debate revisited:
       phase transitions with quenched and annealed disorders", Entropy 19(8), 415
       (2017).
    """
    q = check_q(q)
    certainty = check_probability(certainty, "certainty")
    return (q - 1) / (q * (2 - certainty))


def _mixed_rates(c, q, field):
    """(towards up, towards down) for a conformist; an anticonformist has them swapped."""
    return field + (1 - field) * c**q, (1 - field) * (1 - c) ** q


def _mixed_group_shares(c, q, field):
    """Shares up within each group (conformist, independent, anticonformist) at rest
    when the overall share up is ``c``."""
    up, down = _mixed_rates(c, q, field)
    return up / (up + down), 0.5, down / (up + down)


def _mixed_jacobian(c, shares, q, field):
    """Jacobian of the three-group flow at a fixed point, over groups with members."""
    up, down = _mixed_rates(c, q, field)
    d_up = (1 - field) * q * c ** (q - 1)
    d_down = -(1 - field) * q * (1 - c) ** (q - 1)
    x_c, _, x_a = _mixed_group_shares(c, q, field)
    decay = np.array([up + down, 1.0, up + down])
    # d(flow_g)/dc through the panels, at the group's own share held fixed
    through_c = np.array([
        d_up * (1 - x_c) - d_down * x_c,
        0.0,
        d_down * (1 - x_a) - d_up * x_a,
    ])
    keep = np.flatnonzero(np.asarray(shares) > 0)
    s = np.asarray(shares, dtype=float)[keep]
    return -np.diag(decay[keep]) + np.outer(through_c[keep], s)


@dataclass(frozen=True)
class MixedMarketFixedPoints:
    """Mean-field resting states of a market with fixed resisters (quenched).

    Attributes
    ----------
    q : int
        Panel size.
    independent : float
        Share of consumers who always act independently.
    anticonformist : float
        Share who always anticonform (the rest conform).
    field : float
        Campaign strength.
    stable : tuple of float
        Overall fractions up ``c`` of the stable states, ascending (stability of the
        full three-group dynamics: every eigenvalue of its Jacobian negative).
    unstable : tuple of float
        Overall fractions up of the unstable ones.

    Examples
    --------
    >>> mixed_market_mean_field(4, 0.5, 0.0).to_frame()[["fraction_up", "stability"]].round(4)
       fraction_up stability
    0       0.2571    stable
    1       0.5000  unstable
    2       0.7429    stable
    """

    q: int
    independent: float
    anticonformist: float
    field: float
    stable: tuple
    unstable: tuple

    @property
    def magnetization(self):
        """Largest ``|2c - 1|`` over the stable states: 0 when the market is split."""
        return max((abs(2 * c - 1) for c in self.stable), default=0.0)

    def to_frame(self):
        """Tidy table: ``fraction_up``, ``magnetization``, ``stability``, the three shares
        up within each group, and the inputs."""
        import pandas as pd

        rows = sorted([(c, "stable") for c in self.stable] + [(c, "unstable") for c in self.unstable])
        frame = pd.DataFrame(rows, columns=["fraction_up", "stability"])
        frame.insert(1, "magnetization", 2 * frame["fraction_up"] - 1)
        groups = [_mixed_group_shares(c, self.q, self.field) for c in frame["fraction_up"]]
        for k, name in enumerate(("conformists_up", "independents_up", "anticonformists_up")):
            frame[name] = [g[k] for g in groups]
        for name in ("q", "independent", "anticonformist", "field"):
            frame[name] = getattr(self, name)
        return frame


@reference
def mixed_market_mean_field(q, independent, anticonformist, *, field=0.0):
    """Resting states of a market where fixed shares of consumers always resist.

    Each group settles where its ups and downs balance: conformists at
    ``x_C = (h + (1-h) a) / D``, anticonformists at ``x_A = (1-h) b / D``,
    independents at 1/2, with ``a = c**q``, ``b = (1-c)**q``, ``D = h + (1-h)(a+b)``
    and ``h`` the campaign strength (``field``). The overall share up ``c`` must then
    equal ``s_I / 2 + s_C x_C + s_A x_A``; multiplied by ``D`` this is a polynomial
    of degree ``q + 1`` whose roots in [0, 1] are the resting states. In terms of
    ``m = 2c - 1``: ``m = (s_C - s_A) (h + (1-h)(a-b)) / D``, so only the
    *difference* between the conformist and anticonformist shares sets the order;
    independents only dilute the panels. Stability: eigenvalues of the Jacobian of
    the three group equations (the independents relax at rate 1, the others at rate
    ``D``).

    Parameters
    ----------
    q : int
        Panel size, at least 1.
    independent : float
        Share in [0, 1] of consumers who always act independently.
    anticonformist : float
        Share in [0, 1] who always anticonform; ``independent + anticonformist`` at
        most 1 (the rest conform).
    field : float, optional
        Campaign strength in [0, 1]: the chance that a conformist or an anticonformist
        who reconsiders hears an "up" message (as in
        :func:`course_lib.voter.simulate_qvoter`); independents ignore it.

    Returns
    -------
    MixedMarketFixedPoints
        The stable and unstable overall fractions up, ascending.

    Raises
    ------
    ValueError
        If a share or ``field`` is outside [0, 1], the two shares add up to more
        than 1, or the market is the neutral voter model (``q = 1``, no resisters, no
        campaign: every share is a resting state).

    Examples
    --------
    >>> round(mixed_market_mean_field(4, 0.5, 0.0).magnetization, 4)   # annealed: 0
    0.4859
    >>> mixed_market_mean_field(4, 0.0, 0.4).stable                     # split
    (0.5,)
    >>> [round(c, 3) for c in mixed_market_mean_field(4, 0.2, 0.5, field=0.3).stable]
    [0.436]

    References
    ----------
    .. [1] A. Jędrzejewski and K. Sznajd-Weron, "Person-situation debate revisited:
       phase transitions with quenched and annealed disorders", Entropy 19(8), 415
       (2017).
    """
    q = check_q(q)
    independent, anticonformist = check_shares(independent, anticonformist)
    field = check_probability(field, "field")
    conformist = 1.0 - independent - anticonformist
    c = Polynomial([0.0, 1.0])
    up, down = _mixed_rates(c, q, field)
    poly = ((c - independent / 2) * (up + down) - conformist * up - anticonformist * down).trim(1e-14)
    shares = (conformist, independent, anticonformist)
    result = dict(q=q, independent=independent, anticonformist=anticonformist, field=field)
    if poly.degree() == 0:   # q = 1, all conformists, no campaign: the drift vanishes everywhere
        raise ValueError(
            "q = 1 with only conformists and no campaign is the neutral voter model: every share "
            "is a resting state; use q >= 2, a campaign or some resisters"
        )
    roots = _roots_between(poly, 0.0, field == 0)
    stable, unstable = [], []
    for c0 in roots:
        growth = np.linalg.eigvals(_mixed_jacobian(c0, shares, q, field)).real.max()
        if abs(growth) < 1e-9:   # degenerate (exactly critical): the 1-D flow decides
            d = 1e-3
            left, right = poly(max(c0 - d, 0.0)), poly(min(c0 + d, 1.0))
            # poly = (c - G(c)) D: negative below and positive above a stable state
            growth = -1.0 if (left < 0 < right) or (c0 - d < 0 and right > 0) else 1.0
        (stable if growth < 0 else unstable).append(float(c0))
    return MixedMarketFixedPoints(**result, stable=tuple(stable), unstable=tuple(unstable))


def _mixed_run(q, independent, anticonformist, field, start, sweeps, record):
    from ._kernels import mixed_mean_field_run

    q = check_q(q)
    independent, anticonformist = check_shares(independent, anticonformist)
    field = check_probability(field, "field")
    start = check_probability(start, "start")
    shares = np.array([1.0 - independent - anticonformist, independent, anticonformist])
    x = np.full(3, start)
    out = np.empty(record)
    mixed_mean_field_run(x, shares, q, field, sweeps, 1e-12, out)
    return x, shares, out


def mixed_market_path(q, independent, anticonformist, *, field=0.0, start=0.5, sweeps=100):
    """Mean-field trajectory of a market with fixed resisters: overall share up per sweep.

    Integrates the three group equations (see :func:`mixed_market_mean_field`; time
    in sweeps) by fourth-order Runge-Kutta steps of a quarter sweep, every group
    starting with the share ``start`` up.

    Parameters
    ----------
    q : int
        Panel size, at least 1.
    independent : float
        Share in [0, 1] of consumers who always act independently.
    anticonformist : float
        Share in [0, 1] who always anticonform (the rest conform).
    field : float, optional
        Campaign strength in [0, 1].
    start : float, optional
        Share up in every group at the start, in [0, 1].
    sweeps : int, optional
        Number of sweeps, at least 1.

    Returns
    -------
    numpy.ndarray
        ``sweeps + 1`` overall shares up, the start first.

    Raises
    ------
    ValueError
        If a share, ``field`` or ``start`` is outside [0, 1], or the two shares add up
        to more than 1.

    Examples
    --------
    >>> mixed_market_path(4, 0.0, 0.7, field=0.2, sweeps=3).round(3)   # backfires
    array([0.5  , 0.468, 0.448, 0.436])

    References
    ----------
    .. [1] A. Jędrzejewski and K. Sznajd-Weron, "Person-situation debate revisited:
       phase transitions with quenched and annealed disorders", Entropy 19(8), 415
       (2017).
    """
    sweeps = check_integer(sweeps, "sweeps", minimum=1)
    start_value = check_probability(start, "start")
    _, _, out = _mixed_run(q, independent, anticonformist, field, start, sweeps, sweeps)
    return np.concatenate([[start_value], out])


def mixed_market_settles(q, independent, anticonformist, *, field=0.0, start=0.5):
    """Where the mean-field dynamics takes a market with fixed resisters from ``start``.

    Runs :func:`mixed_market_path`'s integration until no group's share moves by more
    than 1e-12 in a sweep, and returns the overall share up there. If the flow still
    creeps after 20,000 sweeps (only next to a critical or a tipping point), the
    nearest stable state of :func:`mixed_market_mean_field` is returned.

    Parameters
    ----------
    q : int
        Panel size, at least 1.
    independent : float
        Share in [0, 1] of consumers who always act independently.
    anticonformist : float
        Share in [0, 1] who always anticonform (the rest conform).
    field : float, optional
        Campaign strength in [0, 1].
    start : float, optional
        Share up in every group at the start, in [0, 1].

    Returns
    -------
    float
        The overall share up where the market comes to rest.

    Raises
    ------
    ValueError
        If a share, ``field`` or ``start`` is outside [0, 1], or the two shares add up
        to more than 1.

    Examples
    --------
    >>> round(mixed_market_settles(4, 0.5, 0.0, start=0.3), 4)   # the brand loses
    0.2571
    >>> round(mixed_market_settles(4, 0.5, 0.0, field=0.1, start=0.3), 4)
    0.745

    References
    ----------
    .. [1] A. Jędrzejewski and K. Sznajd-Weron, "Person-situation debate revisited:
       phase transitions with quenched and annealed disorders", Entropy 19(8), 415
       (2017).
    """
    x, shares, _ = _mixed_run(q, independent, anticonformist, field, start, _SETTLE_SWEEPS, 0)
    c = float(shares @ x)
    if np.abs(np.asarray(_mixed_flow_now(x, shares, q, field))).max() > 1e-9:
        # still creeping (next to a critical point or a tipping point): the nearest
        # stable resting state is where it is going
        stable = mixed_market_mean_field(q, independent, anticonformist, field=field).stable
        c = min(stable, key=lambda s: abs(s - c))
    return c


# Long enough to settle anywhere but next to a critical or tipping point (where the
# flow creeps and the nearest stable resting state is taken instead).
_SETTLE_SWEEPS = 20_000


def _mixed_flow_now(x, shares, q, field):
    """The three group flows at group shares ``x`` (shares: conformist, independent, anticonformist)."""
    c = float(shares @ x)
    up, down = _mixed_rates(c, q, field)
    return ((1 - x[0]) * up - x[0] * down, 0.5 - x[1], (1 - x[2]) * down - x[2] * up)
