"""Opinion dynamics on influence networks: who listens to whom, and who ends up
shaping what everybody thinks.

An influence matrix ``W`` is row-stochastic: ``W[i, j] >= 0`` is the weight agent ``i``
gives to agent ``j``'s opinion, and each row sums to 1. Build one from a network with
:func:`influence_weights`.

- DeGroot (1974) averaging: :func:`degroot`, :func:`degroot_consensus`,
  :func:`social_power`.
- Friedkin–Johnsen (1990) with susceptibility: :func:`friedkin_johnsen`,
  :func:`friedkin_johnsen_step`, :func:`friedkin_johnsen_equilibrium`,
  :func:`influence_matrix`, :func:`influence_centrality`.
- Empowerment two ways: :func:`lower_susceptibility` (independence) and
  :func:`amplify_voice` (others listen more).
- The company's own voice (direct influence): :func:`add_company_voice`, a stubborn
  extra agent some consumers listen to, and :func:`company_voice_equilibrium`.
- Expressed vs private opinions (Ye et al. 2019): :func:`expressed_private`,
  :func:`expressed_private_equilibrium`, and :func:`opinion_spread` to compare the
  spread of what is said with the spread of what is thought; :func:`identify_with`
  for identification with a reference group (Kelman 1958).

A consumer's empowerment, read the same way by every lesson, lives in
:mod:`course_lib.population`.

Simulations return frozen results with a ``.trajectory`` array of shape
``(steps + 1, n)`` and ``.to_frame()`` for a tidy pandas table.
"""
from ._results import OpinionTrajectory, opinion_spread
from .company import CompanyVoiceResult, add_company_voice, company_voice_equilibrium
from .degroot import degroot, degroot_consensus, social_power
from .empowerment import amplify_voice, lower_susceptibility
from .expressed import ExpressedPrivateResult, expressed_private, expressed_private_equilibrium
from .friedkin_johnsen import (
    friedkin_johnsen,
    friedkin_johnsen_equilibrium,
    friedkin_johnsen_step,
    influence_centrality,
    influence_matrix,
)
from .identification import identify_with
from .weights import influence_weights

__all__ = [
    "OpinionTrajectory",
    "ExpressedPrivateResult",
    "opinion_spread",
    "influence_weights",
    "degroot",
    "degroot_consensus",
    "social_power",
    "friedkin_johnsen",
    "friedkin_johnsen_step",
    "friedkin_johnsen_equilibrium",
    "influence_matrix",
    "influence_centrality",
    "lower_susceptibility",
    "amplify_voice",
    "expressed_private",
    "expressed_private_equilibrium",
    "identify_with",
    "CompanyVoiceResult",
    "add_company_voice",
    "company_voice_equilibrium",
]
