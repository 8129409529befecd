"""Mean-field theory of the two-platform model: the exit cascade is Granovetter's.

On the complete graph every consumer sees the same share ``x`` of the population on
the external platform. Write ``g`` for the share with a grievance, ``rho`` for the
pioneers (``initial_exits``, drawn among them), ``s`` for ``suppression``, ``a`` for
``answer_rate`` and ``L`` for ``loyalty`` (the rule: :mod:`course_lib.platforms.rules`).

**Who is silenced.** Every complaint's fate is settled by one removal draw: removed
with probability ``s`` (a strike), otherwise left standing. A consumer is silenced by
``L + 1`` removals in a row before a complaint stands, so in the long run a share

    pool = (g - rho) * s**(L + 1)

of the population is silenced; of the others with a grievance a share ``a`` is
resolved and ``1 - a`` stays HEARD. (How often a consumer voices changes only how soon.)

**Who exits.** A silenced consumer leaves once ``x >= theta``, their threshold. With
thresholds normal(``threshold_mean``, ``threshold_sd``) clipped to [0, 1], the share
of the pool whose threshold is at most ``x`` is ``F(x) = Phi((x - mean) / sd)`` for
``x < 1``. Exits only add up (nobody returns), so from the pioneers the external share
climbs to the smallest solution above ``rho`` of

    x = rho + pool * F(x).

This is Granovetter's (1978) equilibrium condition: with ``y = (x - rho) / pool`` the
share of the pool that has left, ``y = Phi((y - m) / d)`` with ``m = (mean - rho) / pool``
and ``d = sd / pool`` -- the riot of a crowd whose thresholds, counted in shares of
the pool, are normal(``m``, ``d``), started from nobody. :func:`exit_equilibrium`
solves it with :func:`course_lib.cascades.granovetter_normal_equilibrium`. Raising
``s`` enlarges the pool, which shrinks ``m`` and ``d`` together; at
:func:`critical_suppression` the cascade tips.

**A jump or a steep rise.** The small equilibrium disappears where the map touches
the diagonal: ``pool * F'(x) = 1`` and ``x = rho + pool * F(x)``, that is where
``h(x) = rho + sd * R((x - mean) / sd) - x`` vanishes, with ``R = Phi / phi``
(``F / F'`` for the normal). Below the mean ``h`` decreases (its slope is
``z R(z) < 0``), from ``h(rho) > 0`` down to ``rho + sd * sqrt(pi / 2) - mean`` at
``x = mean``. So the exit share *jumps* as the pool grows (Granovetter's
discontinuity) exactly when ``threshold_mean - initial_exits > threshold_sd *
sqrt(pi / 2)``, and otherwise climbs steeply but continuously. The defaults
(0.12 - 0.02 > 0.0877) jump.
"""
from __future__ import annotations

from dataclasses import dataclass

from .._guard import reference
from .._validation import check_integer, check_probability, check_real
from ..cascades import granovetter_normal_equilibrium, granovetter_response

__all__ = [
    "silenced_share",
    "exit_equilibrium",
    "critical_suppression",
    "SteadyState",
    "platform_steady_state",
]


def _check_population(grievance_share, initial_exits, loyalty):
    grievance_share = check_probability(grievance_share, "grievance_share")
    initial_exits = check_probability(initial_exits, "initial_exits")
    loyalty = check_integer(loyalty, "loyalty", minimum=0)
    if initial_exits > grievance_share:
        raise ValueError(
            f"initial_exits must be at most grievance_share ({grievance_share}): pioneers are "
            f"consumers who left over a grievance; got {initial_exits}"
        )
    return grievance_share, initial_exits, loyalty


def _check_thresholds(threshold_mean, threshold_sd):
    return (check_real(threshold_mean, "threshold_mean"),
            check_real(threshold_sd, "threshold_sd", minimum=0.0, strict_minimum=True))


def silenced_share(suppression, *, grievance_share=0.4, initial_exits=0.02, loyalty=0):
    """Share of consumers silenced in the long run: ``(g - rho) * s**(loyalty + 1)``.

    Parameters
    ----------
    suppression : float
        Share of complaints removed, in [0, 1].
    grievance_share : float
        Share of consumers with a grievance, in [0, 1].
    initial_exits : float
        Share of consumers who are pioneers outside (at most ``grievance_share``).
    loyalty : int
        Removed complaints a consumer puts up with before falling silent.

    Returns
    -------
    float

    Examples
    --------
    >>> silenced_share(0.5)
    0.19
    >>> silenced_share(0.5, loyalty=1)   # loyal consumers get a second chance
    0.095
    """
    suppression = check_probability(suppression, "suppression")
    grievance_share, initial_exits, loyalty = _check_population(grievance_share, initial_exits, loyalty)
    return (grievance_share - initial_exits) * suppression ** (loyalty + 1)


def _equilibrium(pool, rho, mean, sd, tol, max_steps):
    if pool == 0:
        return rho
    # Granovetter's riot in the pool's own units (module docstring).
    y = granovetter_normal_equilibrium((mean - rho) / pool, sd / pool, n=1, tol=tol, max_steps=max_steps)
    return rho + pool * y


@reference
def exit_equilibrium(pool, *, initial_exits=0.02, threshold_mean=0.12, threshold_sd=0.07,
                     tol=1e-12, max_steps=1_000_000):
    """Share of consumers on the external platform when the exit cascade has stopped.

    The smallest solution above ``initial_exits`` of ``x = initial_exits + pool * F(x)``,
    reached by iterating from the pioneers; ``F`` is the normal threshold distribution
    function (module docstring of :mod:`course_lib.platforms.mean_field`).

    Parameters
    ----------
    pool : float
        Share of consumers silenced and not yet outside (:func:`silenced_share`), with
        ``pool + initial_exits <= 1``.
    initial_exits : float
        Share of consumers outside from the start (the pioneers), in [0, 1].
    threshold_mean, threshold_sd : float
        Mean and standard deviation (> 0) of the exit thresholds.
    tol : float
        Stop when an iteration moves the pool's exited share by less than ``tol``.
    max_steps : int
        Most iterations before giving up.

    Returns
    -------
    float

    Raises
    ------
    ValueError
        If a parameter is out of range, naming it.
    RuntimeError
        If the iteration has not settled within ``max_steps`` (right at the tipping
        point it is slow).

    Examples
    --------
    >>> round(exit_equilibrium(0.19), 4)     # half the complaints removed: few leave
    0.0504
    >>> round(exit_equilibrium(0.266), 4)    # 70 % removed: most of the pool leaves
    0.2834
    >>> exit_equilibrium(0.0)                # nobody silenced: only the pioneers
    0.02

    References
    ----------
    .. [1] M. Granovetter, "Threshold models of collective behavior", American
       Journal of Sociology 83(6), 1978.
    """
    rho = check_probability(initial_exits, "initial_exits")
    pool = check_real(pool, "pool", minimum=0.0, maximum=1.0 - rho)
    mean, sd = _check_thresholds(threshold_mean, threshold_sd)
    tol = check_real(tol, "tol", minimum=0.0)
    max_steps = check_integer(max_steps, "max_steps", minimum=1)
    return _equilibrium(pool, rho, mean, sd, tol, max_steps)


@reference
def critical_suppression(*, grievance_share=0.4, initial_exits=0.02, loyalty=0,
                         threshold_mean=0.12, threshold_sd=0.07, tol=1e-4):
    """Suppression at which the exit cascade tips: more than half the silenced leave.

    The share of the pool that has left at equilibrium (``y`` in the module docstring)
    grows with suppression; this is where it passes 1/2, found by bisection over
    [0, 1], as :func:`course_lib.cascades.granovetter_critical_sd` does for the crowd.
    When ``threshold_mean - initial_exits > threshold_sd * sqrt(pi / 2)`` the
    equilibrium jumps there (the small fixed point disappears, module docstring);
    otherwise it climbs steeply but continuously through it.

    Parameters
    ----------
    grievance_share, initial_exits, loyalty, threshold_mean, threshold_sd
        As in :func:`platform_steady_state`.
    tol : float
        Width (> 0) of the final bisection bracket. Each halving costs more as the
        bracket closes in (the iteration is slow next to the tipping point): the
        default 1e-4 takes some 40 ms, 1e-6 some 350 ms.

    Returns
    -------
    float

    Raises
    ------
    ValueError
        If a parameter is out of range, naming it.
    RuntimeError
        If there is no tipping point in [0, 1]: even removing every complaint leaves
        most of the silenced in place, or the silenced leave at once at any suppression.

    Examples
    --------
    >>> round(critical_suppression(), 3)
    0.557
    >>> round(critical_suppression(loyalty=1), 3)   # loyalty postpones the tipping
    0.746

    References
    ----------
    .. [1] M. Granovetter, "Threshold models of collective behavior", American
       Journal of Sociology 83(6), 1978.
    .. [2] A. O. Hirschman, *Exit, Voice, and Loyalty*, Harvard University Press, 1970.
    """
    g, rho, loyalty = _check_population(grievance_share, initial_exits, loyalty)
    mean, sd = _check_thresholds(threshold_mean, threshold_sd)
    tol = check_real(tol, "tol", minimum=0.0, strict_minimum=True)

    def left(s):
        pool = (g - rho) * s ** (loyalty + 1)
        if pool == 0:  # the limit of a vanishing pool: its members see only the pioneers
            return float(granovetter_response(rho, mean, sd, n=1))
        return (_equilibrium(pool, rho, mean, sd, 1e-12, 1_000_000) - rho) / pool

    low, high = 0.0, 1.0
    if g == rho:
        raise RuntimeError("no tipping point: nobody but the pioneers has a grievance")
    if left(high) <= 0.5:
        raise RuntimeError(
            f"no tipping point in suppression [0, 1]: even removing every complaint, at most half "
            f"of the silenced leave (threshold_mean={mean}, threshold_sd={sd}, "
            f"grievance_share={g}, initial_exits={rho}, loyalty={loyalty})"
        )
    if left(low) > 0.5:
        raise RuntimeError(
            f"no tipping point in suppression [0, 1]: the silenced leave at once at any suppression, "
            f"since the pioneers ({rho}) already exceed most thresholds (threshold_mean={mean})"
        )
    while high - low > tol:
        mid = 0.5 * (low + high)
        if left(mid) > 0.5:
            high = mid
        else:
            low = mid
    return high


@dataclass(frozen=True)
class SteadyState:
    """Long-run shares of the two-platform model on the complete graph.

    Attributes
    ----------
    suppression : float
        Share of complaints removed.
    answer_rate : float
        Share of standing complaints answered.
    loyalty : int
        Removed complaints a consumer puts up with before falling silent.
    company : float
        Share of consumers on the company's platform.
    external : float
        Share on the external platform (``company + external = 1``).
    content : float
        Share without a grievance.
    heard : float
        Share with a standing, unanswered complaint on the company platform.
    resolved : float
        Share whose grievance was answered.
    silenced : float
        Share silenced but still on the company platform (``content + heard +
        resolved + silenced + external = 1``).
    pool : float
        Share ever silenced (:func:`silenced_share`): the ones still inside and the
        ones who left, pioneers not counted.
    negative_talk : float
        ``reach_internal * heard + reach_external * external``: the share of a
        bystander's contacts whose complaint they see per step.
    """

    suppression: float
    answer_rate: float
    loyalty: int
    company: float
    external: float
    content: float
    heard: float
    resolved: float
    silenced: float
    pool: float
    negative_talk: float

    def to_frame(self):
        """Tidy table, one row per measure: ``measure``, ``value``, with the policy."""
        import pandas as pd

        measures = ("company", "external", "content", "heard", "resolved", "silenced", "pool", "negative_talk")
        frame = pd.DataFrame({"measure": measures, "value": [getattr(self, m) for m in measures]})
        for name in ("suppression", "answer_rate", "loyalty"):
            frame[name] = getattr(self, name)
        return frame


@reference
def platform_steady_state(suppression, *, answer_rate=0.0, loyalty=0, grievance_share=0.4,
                          initial_exits=0.02, threshold_mean=0.12, threshold_sd=0.07,
                          reach_internal=0.3, reach_external=1.0, tol=1e-12, max_steps=1_000_000):
    """Where the two-platform model settles on the complete graph (mean field).

    Closed form for who is silenced, heard or resolved; the external share by
    :func:`exit_equilibrium` (module docstring of :mod:`course_lib.platforms.mean_field`).
    Defaults are those of :func:`course_lib.platforms.simulate_platforms`.

    Parameters
    ----------
    suppression : float
        Share of complaints removed, in [0, 1].
    answer_rate : float
        Share of standing complaints answered, in [0, 1].
    loyalty : int
        Removed complaints a consumer puts up with before falling silent.
    grievance_share : float
        Share of consumers with a grievance.
    initial_exits : float
        Share of consumers outside from the start (pioneers, at most ``grievance_share``).
    threshold_mean, threshold_sd : float
        Mean and standard deviation (> 0) of the exit thresholds.
    reach_internal, reach_external : float
        Chance per step that a bystander contact sees a standing complaint on the
        company platform, and one on the external platform.
    tol : float
        Tolerance of the equilibrium iteration (:func:`exit_equilibrium`).
    max_steps : int
        Most iterations before giving up.

    Returns
    -------
    SteadyState

    Raises
    ------
    ValueError
        If a parameter is out of range, naming it.
    RuntimeError
        If the equilibrium iteration has not settled within ``max_steps``: only right
        at the tipping point, within about 1e-9 of :func:`critical_suppression`.

    Examples
    --------
    Suppressing a little lowers the negative talk bystanders see; past the tipping
    point (about 0.56 here) it raises it far above the level without moderation:

    >>> [round(platform_steady_state(s).negative_talk, 3) for s in (0.0, 0.3, 0.7)]
    [0.134, 0.112, 0.318]
    >>> state = platform_steady_state(0.3, answer_rate=0.5)
    >>> round(state.resolved, 3), round(state.company + state.external, 12)
    (0.133, 1.0)

    References
    ----------
    .. [1] A. O. Hirschman, *Exit, Voice, and Loyalty*, Harvard University Press, 1970.
    .. [2] M. Granovetter, "Threshold models of collective behavior", American
       Journal of Sociology 83(6), 1978.
    """
    s = check_probability(suppression, "suppression")
    a = check_probability(answer_rate, "answer_rate")
    g, rho, loyalty = _check_population(grievance_share, initial_exits, loyalty)
    mean, sd = _check_thresholds(threshold_mean, threshold_sd)
    r_int = check_probability(reach_internal, "reach_internal")
    r_ext = check_probability(reach_external, "reach_external")
    tol = check_real(tol, "tol", minimum=0.0)
    max_steps = check_integer(max_steps, "max_steps", minimum=1)
    removed_out = s ** (loyalty + 1)
    pool = (g - rho) * removed_out
    external = _equilibrium(pool, rho, mean, sd, tol, max_steps)
    heard = (g - rho) * (1 - removed_out) * (1 - a)
    resolved = (g - rho) * (1 - removed_out) * a
    return SteadyState(
        suppression=s, answer_rate=a, loyalty=loyalty, company=1.0 - external, external=external,
        content=1.0 - g, heard=heard, resolved=resolved, silenced=pool - (external - rho),
        pool=pool, negative_talk=r_int * heard + r_ext * external,
    )
