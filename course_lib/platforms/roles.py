"""The roles users take on a company's platform, as agent types with their own goals.

Kleemann's case studies of company-run crowdsourcing platforms ("Users, not
customers!", 2014) find participants acting as designers, discussants, consumer
activists and counsellors to other users, not only as customers. Here a role is a
small set of behaviours in the platform model (:func:`course_lib.platforms.simulate_platforms`):

- ``voice``: chance per step that a consumer with a grievance posts a complaint;
- ``reach``: how far their complaints carry, a multiplier of the platform's reach
  (capped so that no contact sees a complaint with probability above 1);
- ``loyalty``: removed complaints they put up with before falling silent, *added* to
  the model's ``loyalty``;
- ``counsel``: chance that they answer a contact's standing complaint on the company
  platform (each counsellor on their own), which resolves the grievance as an
  operator's answer would.

The numbers in :data:`ROLES` are illustrations chosen for the lesson, not estimates:
the study is qualitative. A customer is the model without roles.
"""
from __future__ import annotations

import types
from collections.abc import Mapping
from dataclasses import asdict, dataclass

import numpy as np

from .._validation import check_integer, check_probability, check_real

__all__ = ["Role", "ROLES", "roles_frame"]


@dataclass(frozen=True)
class Role:
    """One kind of platform user.

    Attributes
    ----------
    name : str
        What the role is called.
    voice : float
        Chance per step, in [0, 1], that a consumer with a grievance complains.
    reach : float
        Multiplier (>= 0) of the chance that a contact sees their complaint.
    loyalty : int
        Removed complaints (>= 0) they put up with, on top of the model's ``loyalty``.
    counsel : float
        Chance, in [0, 1], that they answer a contact's standing complaint.
    goal : str
        What they come to the platform for, in words.

    Examples
    --------
    >>> ROLES["activist"].reach
    3.0
    >>> Role("critic", voice=1.0, reach=2.0).loyalty
    0
    """

    name: str
    voice: float = 1.0
    reach: float = 1.0
    loyalty: int = 0
    counsel: float = 0.0
    goal: str = ""

    def __post_init__(self):
        if not isinstance(self.name, str) or not self.name:
            raise TypeError(f"name must be a non-empty string, got {self.name!r}")
        object.__setattr__(self, "voice", check_probability(self.voice, "voice"))
        object.__setattr__(self, "reach", check_real(self.reach, "reach", minimum=0.0))
        object.__setattr__(self, "loyalty", check_integer(self.loyalty, "loyalty", minimum=0))
        object.__setattr__(self, "counsel", check_probability(self.counsel, "counsel"))

    def to_frame(self):
        """One-row table of the role's attributes."""
        import pandas as pd

        return pd.DataFrame([asdict(self)])


#: The roles of the study, by name (illustrative numbers; read-only).
ROLES = types.MappingProxyType({
    role.name: role for role in (
        Role("customer", voice=1.0, reach=1.0, loyalty=0, counsel=0.0,
             goal="get a product that works; complains when it does not"),
        Role("designer", voice=0.5, reach=1.0, loyalty=2, counsel=0.0,
             goal="shape the product; invested in the platform, slow to leave"),
        Role("discussant", voice=1.0, reach=1.5, loyalty=1, counsel=0.0,
             goal="talk about the product with other users"),
        Role("activist", voice=1.0, reach=3.0, loyalty=0, counsel=0.0,
             goal="hold the company to account; mobilizes others"),
        Role("counsellor", voice=0.5, reach=1.0, loyalty=2, counsel=0.3,
             goal="help other users; answers their questions"),
    )
})


def roles_frame(roles=None):
    """The role table as a tidy frame, one row per role.

    Parameters
    ----------
    roles : iterable of Role, optional
        Default: every role in :data:`ROLES`.

    Returns
    -------
    pandas.DataFrame
        Columns ``name``, ``voice``, ``reach``, ``loyalty``, ``counsel``, ``goal``.

    Examples
    --------
    >>> roles_frame()["name"].tolist()
    ['customer', 'designer', 'discussant', 'activist', 'counsellor']

    References
    ----------
    .. [1] Kleemann, "Users, not customers!", a study of 22 company-run
       crowdsourcing platforms (conference abstract), 2014.
    """
    import pandas as pd

    roles = ROLES.values() if roles is None else roles
    return pd.DataFrame([asdict(role) for role in roles])


def check_role_mix(roles):
    """``roles`` (mapping role name or Role -> share) as a tuple of (Role, share) pairs,
    shares adding up to 1."""
    if not isinstance(roles, Mapping) or not roles:
        raise TypeError(
            "roles must be a non-empty mapping role -> share, e.g. "
            "{'customer': 0.8, 'activist': 0.2} (names from ROLES, or Role objects)"
        )
    mix = []
    for key, share in roles.items():
        if isinstance(key, Role):
            role = key
        elif isinstance(key, str) and key in ROLES:
            role = ROLES[key]
        else:
            raise ValueError(f"roles names {key!r}, which is not a Role nor one of {', '.join(ROLES)}")
        mix.append((role, check_probability(share, f"roles[{role.name!r}]")))
    total = sum(share for _, share in mix)
    if abs(total - 1.0) > 1e-9:
        raise ValueError(f"roles shares must add up to 1, got {total:.6g}")
    return tuple(mix)


def assign_roles(mix, n, rng):
    """Per-consumer arrays ``(role index, voice, reach, loyalty, counsel)`` for a mix:
    whole numbers of consumers per role by largest remainder, placed at random."""
    shares = np.array([share for _, share in mix])
    counts = np.floor(shares * n).astype(np.int64)
    short = n - int(counts.sum())
    if short:
        counts[np.argsort(-(shares * n - counts), kind="stable")[:short]] += 1
    index = np.repeat(np.arange(len(mix)), counts)
    if len(mix) > 1:
        index = rng.permutation(index)
    table = np.array([(r.voice, r.reach, r.loyalty, r.counsel) for r, _ in mix], dtype=float)
    voice, reach, loyalty, counsel = table[index].T
    return index, voice, reach, loyalty.astype(np.int64), counsel
