"""One consumer population that every lesson reads the same way.

A consumer's **empowerment** is one number in [0, 1] (0 = not empowered, 1 = fully
empowered); their **certainty** is how sure they are of their own attitude, also in
[0, 1]. Each opinion model reads these two attributes through one stated mapping, so a
consumer keeps the same character from lesson to lesson:

=====================  ======================================  ===========================
model (lesson)         what empowerment becomes                method
=====================  ======================================  ===========================
Friedkin–Johnsen (04)  lower susceptibility to others          :meth:`Consumers.susceptibility`
q-voter (05)           a chance of nonconformity, and its      :meth:`Consumers.nonconformity`,
                       kind set by certainty                   :meth:`Consumers.resistance`,
                       (Mourali & Yang 2013)                   :meth:`Consumers.resisters`,
                                                               :meth:`Consumers.resister_shares`
expressed/private (06) higher resilience: says what they       :meth:`Consumers.resilience`
                       think (a smaller expressed gap)
=====================  ======================================  ===========================

Every mapping is linear in empowerment (or a threshold on it), monotone, and has its
end points as keyword arguments, so a lesson can say in one sentence what it assumes.
Draw a population with :func:`draw`, or build one by hand with
:class:`Consumers` (``Consumers([0.0, 0.5, 1.0])``); :meth:`Consumers.empower` returns
a copy in which the company has empowered some consumers. Lessons 07 to 10 can read the
same object: ``market.resisters()`` is a plain boolean array, one entry per consumer,
and ``market.resister_shares()`` the ``(independent, anticonformist)`` shares that
:func:`course_lib.voter.simulate_mixed_market` takes.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._validation import as_rng, check_fraction_array, check_integer, check_probability, check_real

__all__ = ["Consumers", "draw", "RESISTANCE_KINDS"]

#: The two ways an empowered consumer resists social influence (Mourali & Yang 2013):
#: discount others (independence) or deliberately diverge (anticonformity).
RESISTANCE_KINDS = ("independence", "anticonformity")


def _frozen_fractions(values, name, length=None):
    """A read-only float copy of ``values``: one number in [0, 1] per consumer."""
    if isinstance(values, (str, bytes)) or values is None or not hasattr(values, "__len__"):
        raise TypeError(f"{name} must be a sequence of numbers in [0, 1], one per consumer")
    array = check_fraction_array(values, name, len(values) if length is None else length).copy()
    if array.shape[0] == 0:
        raise ValueError(f"{name} is empty; give at least one consumer")
    array.setflags(write=False)
    return array


def _ends(low, high, low_name, high_name):
    low = check_probability(low, low_name)
    high = check_probability(high, high_name)
    if low > high:
        raise ValueError(f"{low_name} must be at most {high_name}, got {low_name}={low} and {high_name}={high}")
    return low, high


@dataclass(frozen=True, eq=False)
class Consumers:
    """A population of consumers, each with an empowerment and a certainty in [0, 1].

    Attributes
    ----------
    empowerment : numpy.ndarray
        Read-only, one value in [0, 1] per consumer: 0 = not empowered, 1 = fully
        empowered.
    certainty : numpy.ndarray
        Read-only, one value in [0, 1] per consumer: how certain they are of their own
        attitude. Default (None): 0.5 for everybody.

    Examples
    --------
    >>> market = Consumers([0.0, 0.5, 1.0], certainty=[0.9, 0.2, 0.9])
    >>> market.n, market.susceptibility().tolist()
    (3, [0.8, 0.5, 0.2])
    >>> market.resistance().tolist()
    ['independence', 'anticonformity', 'independence']
    """

    empowerment: np.ndarray
    certainty: np.ndarray = None

    def __post_init__(self):
        empowerment = _frozen_fractions(self.empowerment, "empowerment")
        n = empowerment.shape[0]
        certainty = np.full(n, 0.5) if self.certainty is None else self.certainty
        object.__setattr__(self, "empowerment", empowerment)
        object.__setattr__(self, "certainty", _frozen_fractions(certainty, "certainty", n))

    @property
    def n(self):
        """Number of consumers."""
        return self.empowerment.shape[0]

    def susceptibility(self, *, most=0.8, least=0.2):
        """Friedkin–Johnsen susceptibility (lesson 04): empowered consumers are swayed less.

        ``s_i = most - (most - least) * empowerment_i``: ``most`` for a consumer who is
        not empowered, ``least`` for a fully empowered one, linear in between. The
        defaults are lesson 04's: everybody at 0.8, an empowered consumer at 0.2.

        Parameters
        ----------
        most : float, optional
            Susceptibility at empowerment 0, in [0, 1].
        least : float, optional
            Susceptibility at empowerment 1, in [0, ``most``].

        Returns
        -------
        numpy.ndarray
            One susceptibility per consumer, decreasing in empowerment.

        Raises
        ------
        ValueError
            If an end point is outside [0, 1] or ``least`` exceeds ``most``.

        Examples
        --------
        >>> Consumers([0.0, 0.5, 1.0]).susceptibility().tolist()
        [0.8, 0.5, 0.2]

        References
        ----------
        .. [1] N. E. Friedkin and E. C. Johnsen, "Social influence and opinions",
           Journal of Mathematical Sociology 15(3-4), 1990.
        """
        least, most = _ends(least, most, "least", "most")
        return most - (most - least) * self.empowerment

    def nonconformity(self, *, most=1.0):
        """Per-consumer probability of nonconformity in the q-voter model (lesson 05).

        ``p_i = most * empowerment_i``: a consumer who is not empowered always conforms
        to a unanimous panel; a fully empowered one resists with probability ``most``.
        Which way they resist is :meth:`resistance`. The market's average,
        ``nonconformity().mean()``, is the ``p`` of an annealed market in which everybody
        resists with the same probability.

        Parameters
        ----------
        most : float, optional
            Probability of nonconformity at empowerment 1, in [0, 1].

        Returns
        -------
        numpy.ndarray
            One probability per consumer, increasing in empowerment.

        Examples
        --------
        >>> Consumers([0.0, 0.5, 1.0]).nonconformity(most=0.6).tolist()
        [0.0, 0.3, 0.6]

        References
        ----------
        .. [1] K. Nyczka, K. Sznajd-Weron and J. Cisło, "Phase transitions in the q-voter
           model with two types of stochastic driving", Physical Review E 86, 2012.
        """
        return check_probability(most, "most") * self.empowerment

    def resistance(self, *, certain=0.5):
        """How each consumer resists when they do (lesson 05), after Mourali & Yang (2013).

        Certain consumers (``certainty >= certain``) discount others' opinions:
        ``"independence"``. Uncertain ones deliberately diverge from them:
        ``"anticonformity"``. (Mourali and Yang add that the reactant, diverging response
        shows when evaluations are public, not when they are private.)

        Parameters
        ----------
        certain : float, optional
            Certainty from which a consumer counts as certain, in [0, 1].

        Returns
        -------
        numpy.ndarray of str
            ``"independence"`` or ``"anticonformity"`` for each consumer.

        Examples
        --------
        >>> Consumers([1.0, 1.0], certainty=[0.8, 0.3]).resistance().tolist()
        ['independence', 'anticonformity']

        References
        ----------
        .. [1] M. Mourali and Z. Yang, "The dual role of power in resisting social
           influence", Journal of Consumer Research 40(3), 2013.
        """
        certain = check_probability(certain, "certain")
        return np.where(self.certainty >= certain, RESISTANCE_KINDS[0], RESISTANCE_KINDS[1])

    def resisters(self, *, threshold=0.5):
        """Who is an empowered resister in a market of fixed types (a *quenched* market).

        A consumer with ``empowerment >= threshold`` always resists; everybody else
        always conforms. This is the boolean array lesson 05's mixed market takes.

        Parameters
        ----------
        threshold : float, optional
            Empowerment from which a consumer resists, in [0, 1].

        Returns
        -------
        numpy.ndarray of bool
            One entry per consumer.

        Examples
        --------
        >>> Consumers([0.1, 0.5, 0.9]).resisters().tolist()
        [False, True, True]
        """
        return self.empowerment >= check_probability(threshold, "threshold")

    def resister_shares(self, *, threshold=0.5, certain=0.5, public=True):
        """Shares of the market who always resist, by kind: the ``(independent,
        anticonformist)`` shares a market of fixed types (lesson 05) takes.

        The resisters are :meth:`resisters`; each resists as :meth:`resistance` says.
        Mourali and Yang (2013) found the diverging, reactant response only where
        evaluations are public: with ``public=False`` uncertain resisters conform like
        everybody else (an assumption: the paper found that reactance vanished, not what
        replaced it), so their share counts as 0.

        Parameters
        ----------
        threshold : float, optional
            Empowerment from which a consumer resists, in [0, 1].
        certain : float, optional
            Certainty from which a resister discounts others instead of diverging.
        public : bool, optional
            Whether opinions are expressed in public.

        Returns
        -------
        tuple of float
            ``(independent, anticonformist)`` shares of all consumers.

        Examples
        --------
        >>> market = Consumers([0.9, 0.9, 0.9, 0.1], certainty=[0.8, 0.2, 0.2, 0.9])
        >>> market.resister_shares(), market.resister_shares(public=False)
        ((0.25, 0.5), (0.25, 0.0))

        References
        ----------
        .. [1] M. Mourali and Z. Yang, "The dual role of power in resisting social
           influence", Journal of Consumer Research 40(3), 2013.
        """
        resisting = self.resisters(threshold=threshold)
        independent = resisting & (self.resistance(certain=certain) == RESISTANCE_KINDS[0])
        anticonformist = resisting & ~independent if public else np.zeros(self.n, dtype=bool)
        return float(independent.mean()), float(anticonformist.mean())

    def resilience(self, *, least=0.1, most=1.0):
        """Resilience in the expressed–private opinion model (lesson 06): empowered
        consumers say more of what they think.

        ``φ_i = least + (most - least) * empowerment_i``; the part ``1 - φ_i`` of what
        a consumer says echoes the public opinion around them, so the gap between what
        they say and what they think shrinks as empowerment grows.

        Parameters
        ----------
        least : float, optional
            Resilience at empowerment 0, in [0, ``most``].
        most : float, optional
            Resilience at empowerment 1, in [0, 1].

        Returns
        -------
        numpy.ndarray
            One resilience per consumer, increasing in empowerment.

        Raises
        ------
        ValueError
            If an end point is outside [0, 1] or ``least`` exceeds ``most``.

        Examples
        --------
        >>> Consumers([0.0, 0.5, 1.0]).resilience().tolist()
        [0.1, 0.55, 1.0]

        References
        ----------
        .. [1] M. Ye, Y. Qin, A. Govaert, B. D. O. Anderson and M. Cao, "An influence
           network model to study discrepancies in expressed and private opinions",
           Automatica 107, 2019.
        """
        least, most = _ends(least, most, "least", "most")
        return least + (most - least) * self.empowerment

    def empower(self, agents, empowerment=1.0):
        """A copy in which the company has set some consumers' empowerment.

        Parameters
        ----------
        agents : int or sequence of int
            Indices of the consumers (0 to n-1).
        empowerment : float, optional
            Their new empowerment, in [0, 1].

        Returns
        -------
        Consumers
            The new population (this one is not changed); certainty is kept.

        Raises
        ------
        TypeError
            If ``agents`` are not whole numbers.
        ValueError
            If an index is out of range.

        Examples
        --------
        >>> Consumers([0.0, 0.0, 0.0]).empower([2], 0.5).empowerment.tolist()
        [0.0, 0.0, 0.5]
        """
        value = check_probability(empowerment, "empowerment")
        idx = np.atleast_1d(np.asarray(agents))
        if idx.dtype.kind not in "iu":
            raise TypeError(f"agents must be consumer indices (whole numbers), got {agents!r}")
        if idx.size and (idx.min() < 0 or idx.max() >= self.n):
            raise ValueError(f"agents must be between 0 and {self.n - 1}, got {agents!r}")
        new = self.empowerment.copy()
        new[idx] = value
        return Consumers(new, self.certainty)

    def to_frame(self):
        """One row per consumer: ``consumer``, ``empowerment``, ``certainty`` and the
        default mappings ``susceptibility``, ``nonconformity``, ``resistance``,
        ``resilience``.

        Returns
        -------
        pandas.DataFrame

        Examples
        --------
        >>> Consumers([0.0, 1.0]).to_frame().columns.tolist()
        ['consumer', 'empowerment', 'certainty', 'susceptibility', 'nonconformity', 'resistance', 'resilience']
        """
        import pandas as pd

        return pd.DataFrame({
            "consumer": np.arange(self.n),
            "empowerment": self.empowerment,
            "certainty": self.certainty,
            "susceptibility": self.susceptibility(),
            "nonconformity": self.nonconformity(),
            "resistance": self.resistance(),
            "resilience": self.resilience(),
        })


def draw(n, mean_empowerment=0.3, *, mean_certainty=0.5, concentration=4.0, seed=None):
    """Draw a population of ``n`` consumers.

    Empowerment and certainty are drawn independently from beta distributions with the
    given means and ``concentration`` (``a + b``; the larger, the closer everybody is to
    the mean): ``Beta(mean * concentration, (1 - mean) * concentration)``. A mean of 0
    or 1 gives everybody exactly that value.

    Parameters
    ----------
    n : int
        Number of consumers, at least 1.
    mean_empowerment : float, optional
        Average empowerment, in [0, 1].
    mean_certainty : float, optional
        Average certainty, in [0, 1].
    concentration : float, optional
        How tightly values gather around their means (greater than 0; 2 with mean 0.5
        is uniform on [0, 1]).
    seed : None, int or numpy.random.Generator, optional
        Random seed; the same seed gives the same population.

    Returns
    -------
    Consumers

    Raises
    ------
    ValueError
        If ``n`` is below 1, a mean is outside [0, 1] or ``concentration`` is not positive.

    Examples
    --------
    >>> market = draw(1000, 0.3, seed=1)
    >>> round(float(market.empowerment.mean()), 2), market.n
    (0.3, 1000)
    >>> bool((draw(5, seed=2).empowerment == draw(5, seed=2).empowerment).all())
    True
    """
    n = check_integer(n, "n", minimum=1)
    mean_empowerment = check_probability(mean_empowerment, "mean_empowerment")
    mean_certainty = check_probability(mean_certainty, "mean_certainty")
    concentration = check_real(concentration, "concentration", minimum=0.0, strict_minimum=True)
    rng = as_rng(seed)

    def beta(mean):
        if mean in (0.0, 1.0):
            return np.full(n, mean)
        return rng.beta(mean * concentration, (1.0 - mean) * concentration, size=n)

    empowerment = beta(mean_empowerment)
    return Consumers(empowerment, beta(mean_certainty))
