"""Cost per adoption for direct and indirect influence.

The model's chance to buy is a sum of two terms (:mod:`course_lib.budgets.model`),
marketing's ``R(x_t)`` and word of mouth's ``word_of_mouth * C_t``, so each new
customer has one cause: ``direct_t`` customers are marketing's, ``indirect_t`` the
advocates'. The attribution rule charges each lever for the customers its own term
brought:

    cost per direct adoption   = sum_t influence_t / sum_t direct_t,
    cost per indirect adoption = sum_t empower_t   / sum_t indirect_t.

The rule's limits, which a lesson should say out loud:

- the levers are complements: advocates are recruited from customers, many of whom
  marketing won, so influence has a share in the indirect adoptions the rule gives
  wholly to empowerment (and a lever's cost per adoption changes when the *other*
  lever's spend changes);
- adoptions through an initial community (``initial_community > 0``) are charged to
  empowerment spend that did not create it;
- empowerment spent in the last ``lag`` periods is charged but cannot act within the
  horizon, and advocates recruited late win their customers after it;
- the support cost the community saves (``BudgetOutcome.support_saved``) is not
  counted: cost per adoption is about customers, community ROI about support;
- adoptions are shares of a market of size 1: divide by the number of people in the
  market for a cost per person.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .model import BudgetOutcome

__all__ = ["CostPerAdoption", "cost_per_adoption"]


@dataclass(frozen=True)
class CostPerAdoption:
    """Spend, adoptions and cost per adoption of each lever over a plan's horizon.

    Attributes
    ----------
    direct : float
        Cost per direct (marketing) adoption, ``influence_spend / direct_adoptions``:
        ``nan`` when the lever spent nothing and won nobody, ``inf`` when it spent
        something and won nobody.
    indirect : float
        Cost per indirect (word-of-mouth) adoption,
        ``empower_spend / indirect_adoptions`` (``nan``/``inf`` likewise).
    influence_spend : float
        Total spend on influence.
    empower_spend : float
        Total spend on empowerment.
    direct_adoptions : float
        Total adoptions attributed to marketing (a share of the market).
    indirect_adoptions : float
        Total adoptions attributed to word of mouth.
    """

    direct: float
    indirect: float
    influence_spend: float
    empower_spend: float
    direct_adoptions: float
    indirect_adoptions: float

    def to_frame(self):
        """Tidy table, one row per lever: ``lever``, ``kind``, ``spend``, ``adoptions``,
        ``cost_per_adoption``."""
        import pandas as pd

        return pd.DataFrame({
            "lever": ["influence", "empower"],
            "kind": ["direct", "indirect"],
            "spend": [self.influence_spend, self.empower_spend],
            "adoptions": [self.direct_adoptions, self.indirect_adoptions],
            "cost_per_adoption": [self.direct, self.indirect],
        })


def _ratio(spend, adoptions):
    if adoptions > 0:
        return spend / adoptions
    return float("nan") if spend == 0 else float("inf")


def cost_per_adoption(outcome):
    """Cost per adoption of direct (marketing) and indirect (word-of-mouth) influence.

    Each new customer is attributed to the term of the chance to buy that brought it
    (the rule and its limits are in the module docstring).

    Parameters
    ----------
    outcome : BudgetOutcome
        A simulated plan (:func:`course_lib.budgets.simulate_plan`).

    Returns
    -------
    CostPerAdoption

    Raises
    ------
    TypeError
        If ``outcome`` is not a :class:`BudgetOutcome`.

    Examples
    --------
    >>> from course_lib.budgets import BudgetPlan, simulate_plan
    >>> costs = cost_per_adoption(simulate_plan(BudgetPlan.constant(1.0, 52, 0.5)))
    >>> costs.direct > costs.indirect    # word of mouth is cheaper per customer here
    True
    >>> costs.to_frame().lever.tolist()
    ['influence', 'empower']

    References
    ----------
    .. [1] F. M. Bass, "A new product growth model for consumer durables",
       Management Science 15(5), 1969 (innovation and imitation as separate terms).
    """
    if not isinstance(outcome, BudgetOutcome):
        raise TypeError(f"outcome must be a BudgetOutcome (from simulate_plan), "
                        f"not {type(outcome).__name__}")
    influence = float(np.sum(outcome.plan.influence))
    empower = float(np.sum(outcome.plan.empower))
    direct = float(np.sum(outcome.direct))
    indirect = float(np.sum(outcome.indirect))
    return CostPerAdoption(
        direct=_ratio(influence, direct),
        indirect=_ratio(empower, indirect),
        influence_spend=influence,
        empower_spend=empower,
        direct_adoptions=direct,
        indirect_adoptions=indirect,
    )
