"""The platform model's rule for one step: voice, moderation, silence and exit.

Every consumer is in one of six states (integer codes, the constants below)::

                          removed, strikes <= loyalty
                              +------+
                              |      v
    CONTENT             +-------------+  stands, answered       +----------+
    (no grievance)      |   VOICING   |------------------------>| RESOLVED |
                        +-------------+                         +----------+
                           |       |     stands, not answered   +-------+
      removed,             |       +--------------------------->| HEARD |
      strikes > loyalty    v                                    +-------+
                        +-------------+  share of contacts      +--------+
                        |  SILENCED   |--- outside >= --------->| EXITED |
                        +-------------+  threshold              +--------+

    start: CONTENT (no grievance), VOICING (a grievance) or EXITED (a pioneer)

CONTENT, VOICING, HEARD, RESOLVED and SILENCED consumers are on the company's
platform; EXITED consumers are on the external one. One step, for every consumer at
once, given the random draws ``u_voice``, ``u_remove``, ``u_answer`` (uniform on [0, 1)):

1. **Voice.** A VOICING consumer posts a complaint on the company platform when
   ``u_voice < voice`` (with ``voice = 1``, every step until the complaint's fate is
   settled).
2. **Moderation.** The complaint is *removed* when ``u_remove < suppression``: the
   consumer's ``strikes`` (complaints removed so far) grows by one, and once strikes
   exceed ``loyalty`` the consumer is SILENCED (stops voicing); a loyal consumer with
   strikes left keeps VOICING next step. A complaint that is *not removed* is answered
   when ``u_answer < answer_rate``: the grievance is RESOLVED. Answering applies only
   to complaints left standing (a removed complaint cannot be answered). A standing
   complaint that nobody answers stays visible on the company platform (HEARD): the
   consumer has had their say and stays, with the grievance unresolved.
3. **Exit** (Granovetter's threshold rule, synchronous). A SILENCED consumer --
   including one silenced in this step -- moves to the external platform (EXITED) when
   the number of their contacts on the external platform *at the start of the step*
   reaches their threshold times their number of contacts. The comparison is the one
   of :func:`course_lib.cascades.threshold_cascade` (the same helper computes how many
   contacts each consumer needs), so a consumer with threshold 0 exits as soon as they
   are silenced, and one with no contacts only with threshold 0.

CONTENT, HEARD and RESOLVED are absorbing, and so is EXITED: nobody returns. With
``suppression = 0`` no complaint is ever removed, nobody is silenced, and nobody exits.
``loyalty`` (Hirschman 1970) is the number of removed complaints a consumer puts up
with while still voicing: loyalty 0 silences at the first removal (no delay); with
``suppression = 1`` a consumer who voices every step is silenced, and can exit, exactly
``loyalty`` steps later than without loyalty.
"""
from __future__ import annotations

import numbers

import numpy as np

from .._guard import reference
from .._validation import check_integer, check_probability
from ..cascades import contacts_needed

__all__ = [
    "CONTENT",
    "VOICING",
    "HEARD",
    "RESOLVED",
    "SILENCED",
    "EXITED",
    "STATES",
    "exit_step",
]

#: No unresolved grievance: never had one (a bystander).
CONTENT = 0
#: An unresolved grievance, still voicing it on the company platform.
VOICING = 1
#: The complaint stands on the company platform, visible and unanswered.
HEARD = 2
#: The complaint was answered: the grievance is resolved (a bystander again).
RESOLVED = 3
#: Complaints removed more than ``loyalty`` times: no longer voicing, may exit.
SILENCED = 4
#: On the external platform, where the complaint is public and permanent.
EXITED = 5
#: State names by code: ``STATES[code]``.
STATES = ("content", "voicing", "heard", "resolved", "silenced", "exited")


def _per_consumer(value, name, n, check):
    """A number or an array of ``n`` numbers, checked by ``check`` (scalar or array)."""
    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        return check(value, name)
    array = np.asarray(value)
    if array.shape != (n,):
        raise ValueError(f"{name} must be a number or have one value per consumer ({n}), got shape {array.shape}")
    return check(array, name)


def _probability_array(value, name):
    if np.ndim(value) == 0:
        return check_probability(value, name)
    try:
        array = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"{name} must contain probabilities (numbers between 0 and 1)") from None
    bad = ~((array >= 0.0) & (array <= 1.0))
    if bad.any():
        first = int(np.flatnonzero(bad)[0])
        raise ValueError(f"{name} must lie between 0 and 1; value {array[first]!r} at position {first} does not")
    return array


def _count_array(value, name):
    if np.ndim(value) == 0:
        return check_integer(value, name, minimum=0)
    array = np.asarray(value)
    if array.dtype.kind not in "iu":
        raise TypeError(f"{name} must contain whole numbers, got dtype {array.dtype}")
    if (array < 0).any():
        first = int(np.flatnonzero(array < 0)[0])
        raise ValueError(f"{name} must be 0 or more; value {array[first]} at position {first} is not")
    return array


def _uniforms(value, name, n):
    array = np.asarray(value, dtype=float)
    if array.shape != (n,):
        raise ValueError(f"{name} must have one draw per consumer ({n}), got shape {array.shape}")
    bad = ~((array >= 0.0) & (array <= 1.0))
    if bad.any():
        first = int(np.flatnonzero(bad)[0])
        raise ValueError(f"{name} must hold uniform draws in [0, 1]; value {array[first]!r} at position {first} is not")
    return array


def apply_step(state, strikes, need, external_contacts, u_voice, u_remove, u_answer,
               suppression, answer_rate, loyalty, voice):
    """The rule without input checks (the simulation's inner step): returns new arrays
    ``(state, strikes, voiced, removed)``; ``need`` is the number of external contacts
    each consumer needs (``contacts_needed(thresholds, degrees)``)."""
    voicing = state == VOICING
    voiced = voicing if u_voice is None else voicing & (u_voice < voice)
    removed = voiced & (u_remove < suppression)
    standing = voiced & ~removed
    answered = standing & (u_answer < answer_rate)
    strikes = strikes + removed
    new = state.copy()
    new[answered] = RESOLVED
    new[standing & ~answered] = HEARD
    new[removed & (strikes > loyalty)] = SILENCED
    new[(new == SILENCED) & (external_contacts >= need)] = EXITED
    return new, strikes, voiced, removed


@reference
def exit_step(state, strikes, thresholds, external_contacts, degrees, u_remove, u_answer, *,
              suppression, answer_rate=0.0, loyalty=0, voice=1.0, u_voice=None):
    """One step of the platform model for every consumer, given the random draws.

    The rule (voice, moderation, silence, exit) is in the module docstring of
    :mod:`course_lib.platforms.rules`, with its state diagram.

    Parameters
    ----------
    state : array of int
        Each consumer's state code at the start of the step (:data:`CONTENT`,
        :data:`VOICING`, :data:`HEARD`, :data:`RESOLVED`, :data:`SILENCED`,
        :data:`EXITED`).
    strikes : array of int
        How many of each consumer's complaints have been removed so far.
    thresholds : array of float
        Each consumer's exit threshold in [0, 1]: the share of contacts on the external
        platform that makes a silenced consumer leave.
    external_contacts : array of int
        Number of each consumer's contacts on the external platform at the start of
        the step.
    degrees : array of int
        Number of contacts of each consumer.
    u_remove, u_answer : array of float
        Uniform draws in [0, 1]: a complaint is removed when ``u_remove < suppression``,
        a complaint left standing is answered when ``u_answer < answer_rate``.
    suppression : float
        Share of complaints the operator removes, in [0, 1].
    answer_rate : float or array of float
        Share of standing complaints that are answered, in [0, 1] (an array gives each
        consumer's chance, e.g. raised by counsellors among their contacts).
    loyalty : int or array of int
        Removed complaints a consumer puts up with before falling silent (0: silenced
        at the first removal).
    voice : float or array of float
        Chance that a voicing consumer posts a complaint this step, in [0, 1].
    u_voice : array of float, optional
        Uniform draws for voicing (a complaint is posted when ``u_voice < voice``);
        needed only when some ``voice`` is below 1.

    Returns
    -------
    state, strikes : numpy.ndarray
        The new state codes and strike counts (new arrays; the inputs are unchanged).

    Raises
    ------
    ValueError
        If an array has the wrong length or holds values out of range, naming it.

    Examples
    --------
    Five consumers on a path 0 - 1 - 2 - 3 - 4; consumer 0 is on the external
    platform, 1 and 2 are voicing, 3 is already silenced, 4 has no grievance:

    >>> import numpy as np
    >>> state = np.array([EXITED, VOICING, VOICING, SILENCED, CONTENT])
    >>> new, strikes = exit_step(
    ...     state, strikes=np.array([0, 0, 0, 1, 0]),
    ...     thresholds=np.array([0.0, 0.5, 0.5, 0.5, 0.5]),
    ...     external_contacts=np.array([0, 1, 0, 0, 0]), degrees=np.array([1, 2, 2, 2, 1]),
    ...     u_remove=np.array([0.9, 0.1, 0.7, 0.9, 0.9]),
    ...     u_answer=np.array([0.9, 0.9, 0.2, 0.9, 0.9]),
    ...     suppression=0.5, answer_rate=0.3)
    >>> [STATES[code] for code in new], strikes.tolist()
    (['exited', 'exited', 'resolved', 'silenced', 'content'], [0, 1, 0, 1, 0])

    Consumer 1's complaint is removed (0.1 < 0.5), so they fall silent, and one of their
    two contacts is already outside (1/2 >= 0.5): they leave in the same step.
    Consumer 2's complaint stands and is answered (0.2 < 0.3). Consumer 3 has no
    contact outside yet and stays.

    References
    ----------
    .. [1] A. O. Hirschman, *Exit, Voice, and Loyalty*, Harvard University Press, 1970.
    .. [2] M. Granovetter, "Threshold models of collective behavior", American
       Journal of Sociology 83(6), 1978.
    """
    state = np.asarray(state)
    if state.ndim != 1:
        raise ValueError(f"state must be a one-dimensional array of state codes, got shape {state.shape}")
    n = state.shape[0]
    if state.dtype.kind not in "iu" or ((state < CONTENT) | (state > EXITED)).any():
        raise ValueError(f"state must hold state codes {CONTENT}..{EXITED} ({', '.join(STATES)})")
    strikes = _per_consumer(strikes, "strikes", n, _count_array)
    strikes = np.broadcast_to(strikes, (n,)).astype(np.int64)
    thresholds = _per_consumer(thresholds, "thresholds", n, _probability_array)
    external_contacts = _per_consumer(external_contacts, "external_contacts", n, _count_array)
    degrees = _per_consumer(degrees, "degrees", n, _count_array)
    if (np.asarray(external_contacts) > np.asarray(degrees)).any():
        raise ValueError("external_contacts must be at most degrees (a consumer's number of contacts)")
    u_remove = _uniforms(u_remove, "u_remove", n)
    u_answer = _uniforms(u_answer, "u_answer", n)
    suppression = check_probability(suppression, "suppression")
    answer_rate = _per_consumer(answer_rate, "answer_rate", n, _probability_array)
    loyalty = _per_consumer(loyalty, "loyalty", n, _count_array)
    voice = _per_consumer(voice, "voice", n, _probability_array)
    if u_voice is None:
        if np.any(np.asarray(voice) < 1.0):
            raise ValueError("u_voice is needed when voice is below 1 (the draws that decide who voices)")
    else:
        u_voice = _uniforms(u_voice, "u_voice", n)
    need = contacts_needed(np.broadcast_to(thresholds, (n,)).astype(float),
                                      np.broadcast_to(degrees, (n,)))
    new, strikes, _, _ = apply_step(state, strikes, need, external_contacts, u_voice, u_remove,
                                    u_answer, suppression, answer_rate, loyalty, voice)
    return new, strikes
