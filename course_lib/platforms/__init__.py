"""Platforms: voice, exit and mobilization when a company moderates complaints.

Kleemann's study of 22 company-run crowdsourcing platforms ("Users, not customers!",
2014) reports that when an operator suppresses adverse talk, users leave for external
sites and mobilize there: voice turns into exit plus louder voice, in the terms of
Hirschman's *Exit, Voice, and Loyalty* (1970). The model here is a two-platform model
on a consumer network:

- :mod:`course_lib.platforms.rules` -- the states (content, voicing, heard, resolved,
  silenced, exited), their diagram, and :func:`exit_step`, one step given the draws;
- :mod:`course_lib.platforms.model` -- :func:`simulate_platforms` on a network or the
  complete graph, with negative talk seen by bystanders;
- :mod:`course_lib.platforms.mean_field` -- the complete-graph theory: the exit
  cascade is Granovetter's (1978) threshold equilibrium; the tipping suppression; the
  steady state;
- :mod:`course_lib.platforms.roles` -- designers, discussants, activists, counsellors
  and customers as agent types.

For a game-theoretic treatment of exit and voice (not the model implemented here),
see S. Gehlbach, "A formal model of exit and voice", *Rationality and Society* 18(4),
2006.
"""
from .mean_field import (
    SteadyState,
    critical_suppression,
    exit_equilibrium,
    platform_steady_state,
    silenced_share,
)
from .model import PlatformRun, simulate_platforms
from .roles import ROLES, Role, roles_frame
from .rules import CONTENT, EXITED, HEARD, RESOLVED, SILENCED, STATES, VOICING, exit_step

__all__ = [
    "simulate_platforms",
    "PlatformRun",
    "exit_step",
    "STATES",
    "CONTENT",
    "VOICING",
    "HEARD",
    "RESOLVED",
    "SILENCED",
    "EXITED",
    "silenced_share",
    "exit_equilibrium",
    "critical_suppression",
    "platform_steady_state",
    "SteadyState",
    "Role",
    "ROLES",
    "roles_frame",
]
