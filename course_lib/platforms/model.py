"""The two-platform model on a consumer network: voice, moderation, exit, mobilization.

Consumers with a grievance complain on the company's platform; the operator removes a
share of complaints and answers a share of those left standing; consumers silenced by
removals leave for an external platform once enough of their contacts have (the rule
and its state diagram: :mod:`course_lib.platforms.rules`). Outside, complaints are
unmoderated, public and permanent.

**Negative talk seen.** Bystanders -- consumers without an unresolved grievance
(CONTENT or RESOLVED) -- see complaints of their contacts: a standing (HEARD)
complaint on the company platform with probability ``reach_internal`` per step, the
complaint of a contact on the external platform with probability ``reach_external``
per step, for as long as the run lasts (it is permanent). Removed and answered
complaints are not negative talk. ``negative_talk`` is the expected number of
complaints a bystander sees in a step divided by their number of contacts, averaged
over the bystanders who have contacts: on the complete graph it is
``reach_internal * heard / (n-1) + reach_external * external / (n-1)``, the quantity
:func:`course_lib.platforms.platform_steady_state` predicts.
"""
from __future__ import annotations

import numbers
from dataclasses import dataclass, field
import numpy as np

from .._validation import as_rng, check_integer, check_probability, check_real
from ..cascades import contacts_needed, node_thresholds
from .._contacts import contacts_of
from ..networks import node_indices
from .roles import assign_roles, check_role_mix
from .rules import CONTENT, EXITED, HEARD, RESOLVED, SILENCED, VOICING, apply_step

__all__ = ["PlatformRun", "simulate_platforms"]

_MEASURES = ("company", "external", "negative_talk", "resolved", "exits", "complaints", "removed", "silenced")


@dataclass(frozen=True, eq=False)
class PlatformRun:
    """Trajectory of one run of the two-platform model.

    Every series has ``steps + 1`` values: step 0 is the start (pioneers outside,
    nobody has voiced yet), then one value after each step.

    Attributes
    ----------
    company : numpy.ndarray of int
        Consumers on the company's platform.
    external : numpy.ndarray of int
        Consumers on the external platform (with ``company``, ``n`` at every step).
    negative_talk : numpy.ndarray of float
        Share of a bystander's contacts whose complaint they see in the step, averaged
        over bystanders (module docstring); NaN when no bystander has a contact.
    resolved : numpy.ndarray of int
        Grievances resolved so far (cumulative).
    exits : numpy.ndarray of int
        Consumers who moved to the external platform in the step (0 at step 0).
    complaints : numpy.ndarray of int
        Complaints posted on the company platform in the step.
    removed : numpy.ndarray of int
        How many of the step's complaints the operator removed.
    silenced : numpy.ndarray of int
        Silenced consumers still on the company platform after the step.
    exited_at : numpy.ndarray of int
        For each consumer (in the graph's node order), the step at which they moved
        outside: 0 for pioneers, -1 for those who never did.
    final_state : numpy.ndarray of int
        Each consumer's state code at the end (:data:`course_lib.platforms.STATES`).
    n : int
        Number of consumers.
    pioneers : int
        Consumers on the external platform from the start.
    parameters : dict
        The model's inputs (suppression, answer_rate, loyalty, ...).
    nodes : tuple
        Node labels, in the order of ``exited_at`` and ``final_state``.
    """

    company: np.ndarray
    external: np.ndarray
    negative_talk: np.ndarray
    resolved: np.ndarray
    exits: np.ndarray
    complaints: np.ndarray
    removed: np.ndarray
    silenced: np.ndarray
    exited_at: np.ndarray
    final_state: np.ndarray
    n: int
    pioneers: int
    parameters: dict = field(repr=False)
    nodes: tuple = field(repr=False)

    @property
    def steps(self):
        """Number of steps simulated."""
        return len(self.company) - 1

    @property
    def final(self):
        """The end of the run: every series' last value, plus ``exited`` (consumers who
        left during the run, pioneers not counted) and ``external_share``."""
        end = {name: getattr(self, name)[-1].item() for name in _MEASURES}
        end["exited"] = end["external"] - self.pioneers
        end["external_share"] = end["external"] / self.n
        return end

    def to_frame(self):
        """Tidy table, one row per step and measure: ``step``, ``measure``, ``value``."""
        import pandas as pd

        steps = np.arange(self.steps + 1)
        return pd.DataFrame({
            "step": np.tile(steps, len(_MEASURES)),
            "measure": np.repeat(_MEASURES, len(steps)),
            "value": np.concatenate([getattr(self, name).astype(float) for name in _MEASURES]),
        })


def _grievances(grievance, grievance_share, n, rng):
    share = check_probability(grievance_share, "grievance_share")
    if grievance is None:
        aggrieved = np.zeros(n, dtype=bool)
        aggrieved[rng.choice(n, size=int(round(share * n)), replace=False)] = True
        return aggrieved
    array = np.asarray(grievance)
    if array.dtype != np.bool_ or array.shape != (n,):
        raise ValueError(
            f"grievance must be a boolean array with one value per consumer ({n}), "
            f"got dtype {array.dtype} and shape {array.shape}"
        )
    return array.copy()


def _pioneers(initial_exits, aggrieved, contacts, rng):
    pool = np.flatnonzero(aggrieved)
    if isinstance(initial_exits, numbers.Integral) and not isinstance(initial_exits, bool):
        count = check_integer(initial_exits, "initial_exits", minimum=0)
    elif isinstance(initial_exits, numbers.Real) and not isinstance(initial_exits, bool):
        count = int(round(check_probability(initial_exits, "initial_exits") * contacts.n))
    elif isinstance(initial_exits, (bool, np.bool_, str, bytes)) or not hasattr(initial_exits, "__iter__"):
        raise TypeError(
            "initial_exits must be a whole number of pioneers, a share of consumers in "
            f"[0, 1], or the pioneers' node labels; got {type(initial_exits).__name__}"
        )
    else:
        chosen = node_indices(contacts, initial_exits, "initial_exits")
        outside = chosen[~aggrieved[chosen]]
        if outside.size:
            raise ValueError(
                f"initial_exits names node {contacts.nodes[outside[0]]!r}, who has no grievance: "
                "pioneers are consumers who have already left over one"
            )
        return chosen
    if count > pool.size:
        raise ValueError(
            f"initial_exits asks for {count} pioneers, but only {pool.size} consumers have a "
            "grievance (pioneers are drawn among them)"
        )
    return rng.choice(pool, size=count, replace=False)


def simulate_platforms(G_or_n, suppression, *, seed=None, steps=50, answer_rate=0.0, loyalty=0,
                       grievance_share=0.4, grievance=None, initial_exits=0.02,
                       threshold_mean=0.12, threshold_sd=0.07, thresholds=None,
                       reach_internal=0.3, reach_external=1.0, roles=None):
    """Simulate the two-platform model: voice on the company's platform, exit outside.

    The one-step rule is :func:`course_lib.platforms.exit_step` (state diagram in
    :mod:`course_lib.platforms.rules`); negative talk is defined in
    :mod:`course_lib.platforms.model`.

    Parameters
    ----------
    G_or_n : int, networkx.Graph or CompiledNetwork
        The consumer network (undirected). A whole number ``n`` (at least 2) means the
        complete graph on ``n`` consumers, simulated without building it.
    suppression : float
        Share of complaints the operator removes, in [0, 1].
    seed : None, int or numpy.random.Generator
        Random seed; the same seed gives the same run.
    steps : int
        Number of steps, at least 1.
    answer_rate : float
        Share of the complaints left standing that are answered (resolving the
        grievance), in [0, 1].
    loyalty : int
        Removed complaints a consumer puts up with before falling silent (0: no delay).
    grievance_share : float
        Share of consumers with a grievance at the start (a whole number of them, drawn
        at random); ignored when ``grievance`` is given.
    grievance : array of bool, optional
        Who has a grievance, in the graph's node order.
    initial_exits : int, float or iterable of nodes
        Pioneers already on the external platform at step 0, drawn among the consumers
        with a grievance: a count (int), a share of all consumers (float, rounded to a
        whole number) or node labels.
    threshold_mean, threshold_sd : float
        Exit thresholds (share of contacts outside) are drawn from a normal
        distribution with this mean and standard deviation (>= 0), clipped to [0, 1].
    thresholds : float, sequence or mapping, optional
        Exit thresholds given instead (one for all, one per node in node order, or a
        mapping node -> threshold), as in :func:`course_lib.cascades.threshold_cascade`.
    reach_internal, reach_external : float
        Chance per step that a bystander contact sees a standing complaint on the
        company platform, and a complaint on the external platform.
    roles : mapping, optional
        Role mix, role name (from :data:`course_lib.platforms.ROLES`) or
        :class:`~course_lib.platforms.Role` -> share of consumers (shares add up to 1).
        Each consumer gets the role's voice, reach (multiplying both reaches, capped at
        1), extra loyalty and counselling; a counsellor on the company platform answers
        a contact's standing complaint with chance ``counsel``, each counsellor on their
        own, besides the operator. Default: everyone a customer.

    Returns
    -------
    PlatformRun

    Raises
    ------
    ValueError
        If a parameter is out of range, naming it.

    Notes
    -----
    Draws from ``seed``, in order: who has a grievance, the pioneers, the thresholds,
    the roles' placement (only with two roles or more), then three uniforms per
    consumer per step (voice, removal, answer). The same seed gives the same run, and
    ``G_or_n = n`` gives the same run as ``networkx.complete_graph(n)``.

    Examples
    --------
    >>> run = simulate_platforms(500, suppression=0.0, seed=1)
    >>> run.final["exited"]          # no complaint removed: nobody leaves
    0
    >>> run = simulate_platforms(500, suppression=0.9, seed=1)
    >>> run.final["external_share"] > 0.3   # mass exit (theory: 0.36)
    True
    >>> bool((run.company + run.external == 500).all())
    True

    References
    ----------
    .. [1] A. O. Hirschman, *Exit, Voice, and Loyalty*, Harvard University Press, 1970.
    .. [2] M. Granovetter, "Threshold models of collective behavior", American
       Journal of Sociology 83(6), 1978.
    .. [3] Kleemann, "Users, not customers!", a study of 22 company-run crowdsourcing
       platforms (conference abstract), 2014.
    """
    contacts = contacts_of(G_or_n, "G_or_n")
    n = contacts.n
    suppression = check_probability(suppression, "suppression")
    steps = check_integer(steps, "steps", minimum=1)
    answer_rate = check_probability(answer_rate, "answer_rate")
    loyalty = check_integer(loyalty, "loyalty", minimum=0)
    threshold_mean = check_real(threshold_mean, "threshold_mean")
    threshold_sd = check_real(threshold_sd, "threshold_sd", minimum=0.0)
    reach_internal = check_probability(reach_internal, "reach_internal")
    reach_external = check_probability(reach_external, "reach_external")
    mix = None if roles is None else check_role_mix(roles)
    rng = as_rng(seed)

    aggrieved = _grievances(grievance, grievance_share, n, rng)
    pioneers = _pioneers(initial_exits, aggrieved, contacts, rng)
    if thresholds is None:
        theta = np.clip(rng.normal(threshold_mean, threshold_sd, n), 0.0, 1.0)
    else:
        theta = node_thresholds(contacts, thresholds)
    if mix is None:
        voice, reach, extra_loyalty, counsel = 1.0, 1.0, 0, None
    else:
        _, voice, reach, extra_loyalty, counsel = assign_roles(mix, n, rng)
        counsel = counsel if (counsel > 0).any() else None
    loyal = loyalty + extra_loyalty
    r_int = np.minimum(1.0, reach_internal * reach)
    r_ext = np.minimum(1.0, reach_external * reach)
    degrees = contacts.degrees
    need = contacts_needed(theta, degrees)
    if counsel is not None:  # log of each counsellor's chance not to answer, finite at counsel 1
        log_unanswered = np.log(np.maximum(1.0 - counsel, 1e-300))

    state = np.where(aggrieved, VOICING, CONTENT).astype(np.int8)
    state[pioneers] = EXITED
    strikes = np.zeros(n, dtype=np.int64)
    exited_at = np.full(n, -1, dtype=np.int64)
    exited_at[pioneers] = 0
    series = {name: np.zeros(steps + 1, dtype=float if name == "negative_talk" else np.int64)
              for name in _MEASURES}

    def record(t, voiced, removed, exits):
        on_company = state != EXITED
        series["company"][t] = on_company.sum()
        series["external"][t] = n - series["company"][t]
        series["resolved"][t] = (state == RESOLVED).sum()
        series["silenced"][t] = (state == SILENCED).sum()
        series["complaints"][t], series["removed"][t], series["exits"][t] = voiced, removed, exits
        talk = r_int * (state == HEARD) + r_ext * (~on_company)
        seen = contacts.neighbour_sum(talk)
        bystanders = ((state == CONTENT) | (state == RESOLVED)) & (degrees > 0)
        series["negative_talk"][t] = (seen[bystanders] / degrees[bystanders]).mean() if bystanders.any() else np.nan

    record(0, 0, 0, 0)
    for t in range(1, steps + 1):
        u_voice, u_remove, u_answer = rng.random((3, n))
        outside = (state == EXITED).astype(float)
        external_contacts = contacts.neighbour_sum(outside)
        answer = answer_rate
        if counsel is not None:
            unanswered = np.exp(contacts.neighbour_sum(np.where(outside > 0, 0.0, log_unanswered)))
            answer = 1.0 - (1.0 - answer_rate) * unanswered
        new, strikes, voiced, removed = apply_step(
            state, strikes, need, external_contacts, u_voice, u_remove, u_answer,
            suppression, answer, loyal, voice)
        moved = (new == EXITED) & (state != EXITED)
        exited_at[moved] = t
        state = new
        record(t, int(voiced.sum()), int(removed.sum()), int(moved.sum()))
        if not moved.any() and not (state == VOICING).any():
            for name in _MEASURES:  # nothing can change any more
                series[name][t + 1:] = 0 if name in ("complaints", "removed", "exits") else series[name][t]
            break

    for array in (*series.values(), exited_at, state):
        array.setflags(write=False)
    parameters = dict(
        suppression=suppression, answer_rate=answer_rate, loyalty=loyalty,
        grievance_share=None if grievance is not None else grievance_share,
        threshold_mean=threshold_mean, threshold_sd=threshold_sd,
        reach_internal=reach_internal, reach_external=reach_external,
        roles=None if mix is None else {role.name: share for role, share in mix},
    )
    return PlatformRun(**series, exited_at=exited_at, final_state=state, n=n,
                       pioneers=int(len(pioneers)), parameters=parameters, nodes=contacts.nodes)
