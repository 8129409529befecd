"""Diffusion: how a product spreads, and where consumers sit on Wu's continuum.

Bass's (1969) model splits adoption into the pull of external influence (innovation,
``p``: the company's marketing, its direct influence) and the pull of those who have
adopted (imitation, ``q``: word of mouth, the indirect influence). Wu's consumer
continuum (source D of the course) follows consumers from detractor to advocate, with
direct influence winning customers and empowerment turning them into advocates whose
word of mouth wins more; Court et al. (2009, "The consumer decision journey")
replace the linear purchase funnel with a loop in which that word of mouth feeds back.

- :mod:`course_lib.diffusion.bass` -- the closed-form Bass curve, its rate and peak,
  and the discrete recursion a synchronous simulation follows;
- :mod:`course_lib.diffusion.network_bass` -- :func:`simulate_bass` on a network and
  :func:`simulate_bass_complete` on the complete graph;
- :mod:`course_lib.diffusion.continuum` -- the five states, the :class:`Levers`, the
  rule of one step :func:`continuum_step`, :func:`simulate_continuum`, and the rate
  equations with their steady state.
"""
from .bass import bass_adoption, bass_discrete, bass_peak_time, bass_rate
from .continuum import (
    ADVOCATE,
    COMPETITOR,
    CUSTOMER,
    DETRACTOR,
    STATES,
    UNAWARE,
    ContinuumRun,
    ContinuumSteadyState,
    Levers,
    continuum_mean_field,
    continuum_steady_state,
    continuum_step,
    continuum_transitions,
    simulate_continuum,
)
from .network_bass import BassRun, simulate_bass, simulate_bass_complete

__all__ = [
    "bass_adoption",
    "bass_rate",
    "bass_peak_time",
    "bass_discrete",
    "simulate_bass",
    "simulate_bass_complete",
    "BassRun",
    "STATES",
    "DETRACTOR",
    "COMPETITOR",
    "UNAWARE",
    "CUSTOMER",
    "ADVOCATE",
    "Levers",
    "continuum_transitions",
    "continuum_step",
    "simulate_continuum",
    "ContinuumRun",
    "continuum_mean_field",
    "continuum_steady_state",
    "ContinuumSteadyState",
]
