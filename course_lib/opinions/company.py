"""The company's own voice in a Friedkin–Johnsen network: direct influence.

The company is one more agent, listed last (index ``n``): it listens only to itself and
has susceptibility 0, so it holds ``company_opinion`` for ever. Each consumer it
reaches gives it a share ``weight`` of their listening, taken proportionally from
everybody they listened to before. Empowerment, by contrast, changes a consumer's own
susceptibility (:func:`~course_lib.opinions.lower_susceptibility`): one lever sits in
``W``, the other in ``Λ``.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .._validation import check_probability, check_real
from ._checks import check_agents, check_fractions, check_influence_matrix, check_opinions
from ._results import _frozen
from .friedkin_johnsen import _require_unique_equilibrium

__all__ = ["CompanyVoiceResult", "add_company_voice", "company_voice_equilibrium"]


def add_company_voice(W, listeners, weight):
    """Influence matrix with the company as an extra agent, listened to by ``listeners``.

    The result has one more row and column (the company, index ``n``). Row ``i`` of a
    listener becomes ``(1 - weight) * W[i]`` plus ``weight`` on the company; other
    consumers' rows are unchanged; the company's row puts weight 1 on itself.

    Parameters
    ----------
    W : array_like, shape (n, n)
        Row-stochastic influence matrix of the consumers.
    listeners : int or iterable of int
        Indices (0 to n-1) of the consumers the company reaches.
    weight : float
        Share of their listening that goes to the company, in [0, 1].

    Returns
    -------
    numpy.ndarray, shape (n + 1, n + 1)
        Row-stochastic; the company is the last agent.

    Examples
    --------
    >>> add_company_voice([[0, 1], [1, 0]], listeners=0, weight=0.5).tolist()
    [[0.0, 0.5, 0.5], [1.0, 0.0, 0.0], [0.0, 0.0, 1.0]]

    References
    ----------
    .. [1] N. E. Friedkin and E. C. Johnsen, "Social influence networks and opinion
       change", Advances in Group Processes 16, 1999.
    """
    W = check_influence_matrix(W)
    n = W.shape[0]
    idx = check_agents(listeners, n, "listeners")
    weight = check_probability(weight, "weight")
    out = np.zeros((n + 1, n + 1))
    out[:n, :n] = W
    out[idx, :n] *= 1.0 - weight
    out[idx, n] = weight
    out[n, n] = 1.0
    return out


@dataclass(frozen=True, eq=False)
class CompanyVoiceResult:
    """Friedkin–Johnsen opinions at rest with the company's voice in the network.

    ``equilibrium = shares @ x0 + company_share * company_opinion``, and every row of
    ``shares`` plus the matching ``company_share`` sums to 1.

    Attributes
    ----------
    equilibrium : numpy.ndarray
        Read-only, shape ``(n,)``: each consumer's opinion at rest.
    company_share : numpy.ndarray
        Read-only, shape ``(n,)``: the share of the company's opinion in each
        consumer's opinion at rest.
    shares : numpy.ndarray
        Read-only, shape ``(n, n)``: ``shares[i, j]`` is the share of consumer ``j``'s
        initial opinion in consumer ``i``'s opinion at rest.
    company_opinion : float
        The opinion the company holds.
    """

    equilibrium: np.ndarray
    company_share: np.ndarray
    shares: np.ndarray
    company_opinion: float

    def __post_init__(self):
        for name in ("equilibrium", "company_share", "shares"):
            object.__setattr__(self, name, _frozen(getattr(self, name)))

    @property
    def n(self):
        """Number of consumers (the company not counted)."""
        return self.equilibrium.shape[0]

    def centrality(self, agents):
        """Share of ``agents``' initial opinions in the average consumer's opinion at rest
        (their summed influence centrality among consumers).

        Parameters
        ----------
        agents : int or iterable of int
            Consumer indices.

        Returns
        -------
        float

        Examples
        --------
        >>> r = company_voice_equilibrium([[0, 1], [1, 0]], [0.0, 0.0], 0.5, 0, 0.5)
        >>> round(r.centrality([0, 1]) + float(r.company_share.mean()), 6)
        1.0
        """
        idx = check_agents(agents, self.n)
        return float(self.shares[:, idx].sum(axis=1).mean())

    def to_frame(self):
        """One row per consumer: ``agent``, ``equilibrium``, ``company_share`` and
        ``own_share`` (the share of their own initial opinion in their opinion at rest).

        Returns
        -------
        pandas.DataFrame

        Examples
        --------
        >>> r = company_voice_equilibrium([[0, 1], [1, 0]], [0.0, 0.0], 0.5, 0, 0.5)
        >>> r.to_frame().round(3)
           agent  equilibrium  company_share  own_share
        0      0        0.286          0.286      0.571
        1      1        0.143          0.143      0.571
        """
        import pandas as pd

        return pd.DataFrame({
            "agent": np.arange(self.n),
            "equilibrium": self.equilibrium,
            "company_share": self.company_share,
            "own_share": np.diag(self.shares),
        })


def company_voice_equilibrium(W, x0, susceptibility, listeners, weight, *, company_opinion=1.0):
    """Where opinions settle when ``listeners`` give the company's voice ``weight``.

    The closed form of Friedkin and Johnsen on the matrix of :func:`add_company_voice`,
    with the company's susceptibility 0: ``x* = (I - Λ W_c)^{-1} (I - Λ) (x0, c)``.
    Running :func:`~course_lib.opinions.friedkin_johnsen` on
    ``add_company_voice(W, listeners, weight)`` from ``(x0, company_opinion)`` with
    susceptibility ``(susceptibility, 0)`` converges to the same opinions.

    Parameters
    ----------
    W : array_like, shape (n, n)
        Row-stochastic influence matrix of the consumers.
    x0 : array_like, shape (n,)
        Consumers' initial opinions.
    susceptibility : float or array_like, shape (n,)
        Consumers' susceptibilities in [0, 1].
    listeners : int or iterable of int
        Consumers the company reaches.
    weight : float
        Share of their listening that goes to the company, in [0, 1].
    company_opinion : float, optional
        The opinion the company holds and never gives up.

    Returns
    -------
    CompanyVoiceResult

    Raises
    ------
    ValueError
        If there is no unique equilibrium: some group of consumers who listen only to
        one another (and not to the company) all have susceptibility 1.

    Examples
    --------
    Two friends who listen to each other, both half susceptible; the company (opinion 1)
    has half of friend 0's ear. By hand, ``x0* = (x1*/2 + 1/2) / 2`` and ``x1* = x0*/2``,
    so ``x0* = 2/7`` and ``x1* = 1/7``:

    >>> r = company_voice_equilibrium([[0, 1], [1, 0]], [0.0, 0.0], 0.5, listeners=0, weight=0.5)
    >>> (r.equilibrium * 7).round(6).tolist()
    [2.0, 1.0]

    References
    ----------
    .. [1] N. E. Friedkin and E. C. Johnsen, "Social influence and opinions", Journal
       of Mathematical Sociology 15(3-4), 1990.
    .. [2] N. E. Friedkin and E. C. Johnsen, "Social influence networks and opinion
       change", Advances in Group Processes 16, 1999.
    """
    Wc = add_company_voice(W, listeners, weight)
    n = Wc.shape[0] - 1
    x0 = check_opinions(x0, n)
    lam = np.append(check_fractions(susceptibility, n, "susceptibility"), 0.0)
    company_opinion = check_real(company_opinion, "company_opinion")
    _require_unique_equilibrium(Wc, lam)
    V = np.clip(np.linalg.solve(np.eye(n + 1) - lam[:, None] * Wc, np.diag(1.0 - lam)), 0.0, None)
    shares, company = V[:n, :n], V[:n, n]
    return CompanyVoiceResult(shares @ x0 + company * company_opinion, company, shares, company_opinion)
