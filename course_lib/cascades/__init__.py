"""Cascades of adoption: who adopts once enough of their contacts have.

Threshold models (Granovetter 1978; Watts 2002; Watts & Dodds 2007): the population
model, the cascade on a network, its analytic cascade window, and Monte Carlo
experiments over mean degree and threshold. Word-of-mouth models (Kempe, Kleinberg &
Tardos 2003): independent cascade, linear threshold, a simulator for many single runs,
expected spread, live-edge worlds.
"""
from .monte_carlo import __all__ as _monte_carlo_names
from .monte_carlo import (
    GLOBAL_CASCADE_CUTOFF,
    MultiplierResult,
    PhaseDiagram,
    cascade_frequency,
    cascade_phase_diagram,
    cascade_sizes,
    influentials_multiplier,
    multiplier_curve,
)
from .granovetter import (
    GranovetterResult,
    granovetter_cascade,
    granovetter_critical_sd,
    granovetter_normal_equilibrium,
    granovetter_response,
)
from .independent import (
    LiveEdgeWorlds,
    SpreadEstimate,
    expected_spread,
    independent_cascade,
    linear_threshold,
    sample_live_edge_worlds,
)
from .simulator import CascadeSimulator
from .theory import (
    cascade_condition,
    cascade_condition_margin,
    cascade_frequency_theory,
    cascade_window,
    vulnerable_degree_limit,
)
from .threshold import CascadeResult, contacts_needed, node_thresholds, threshold_cascade

__all__ = [
    "independent_cascade",
    "linear_threshold",
    "CascadeSimulator",
    "SpreadEstimate",
    "expected_spread",
    "LiveEdgeWorlds",
    "sample_live_edge_worlds",
    "GranovetterResult",
    "granovetter_cascade",
    "granovetter_response",
    "granovetter_normal_equilibrium",
    "granovetter_critical_sd",
    *_monte_carlo_names,
    "CascadeResult",
    "node_thresholds",
    "contacts_needed",
    "threshold_cascade",
    "vulnerable_degree_limit",
    "cascade_condition",
    "cascade_condition_margin",
    "cascade_window",
    "cascade_frequency_theory",
]
