"""Tables for the opinion lessons (04 to 06): pure computation, no widgets and no charts.

- Lesson 04: Friedkin–Johnsen opinions on a small network, and what empowering one
  person (lower susceptibility, a louder voice) does to their influence centrality:
  :func:`example_network`, :func:`people_frame`, :func:`empowerment_frame`,
  :func:`centrality_sweep_frame`, :func:`simulated_centrality_frame`; the company's
  own voice next to empowerment, on the same target: :func:`company_lever_frame`,
  :func:`simulated_company_lever_frame`, on the toy network or :func:`example_market`.
- Lesson 05: the q-voter model with independence or anticonformity, its mean-field
  theory, and a campaign run as a broadcast (a field) or by brand ambassadors
  (zealots): :func:`qvoter_theory_frame`, :func:`qvoter_simulation_frame`,
  :func:`mean_field_settles`, :func:`mean_field_path`, :func:`campaign_frame`; a
  market with a fixed share of empowered resisters (quenched) against everyone
  resisting some of the time (annealed), and a campaign hitting it:
  :func:`market_shares`, :func:`disorder_theory_frame`, :func:`mixed_campaign_frame`.
- Lesson 06: expressed versus private opinions (Ye et al. 2019):
  :func:`expressed_private_frame`, :func:`resilience_frame`; compliance and
  identification on the same person: :func:`kelman_frame`,
  :func:`simulated_kelman_frame`; lesson 04's market read by the same population:
  :func:`population_gap_frame`, :func:`gap_by_empowerment`.

Tables only reshape what :mod:`course_lib.opinions` and :mod:`course_lib.voter`
compute; charts come from :mod:`course_lib.viz.opinions`, explorers from
:mod:`course_lib.explore.opinions`.

Submodules, by lesson (every table is also importable from here):

- :mod:`course_lib.experiments.opinions.empowerment` -- lesson 04 (empowerment,
  influence centrality, the company's lever)
- :mod:`course_lib.experiments.opinions.resistance` -- lesson 05 (q-voter, mean field,
  hysteresis, campaigns)
- :mod:`course_lib.experiments.opinions.disorder` -- lesson 05 (fixed resisters:
  quenched against annealed, mixed campaigns)
- :mod:`course_lib.experiments.opinions.expression` -- lesson 06 (expressed versus
  private opinions, Kelman, the population gap)

A lesson reads::

    from course_lib.experiments import opinions as lab
"""
from .empowerment import *  # noqa: F403
from .empowerment import __all__ as _empowerment
from .resistance import *  # noqa: F403
from .resistance import __all__ as _resistance
from .disorder import *  # noqa: F403
from .disorder import __all__ as _disorder
from .expression import *  # noqa: F403
from .expression import __all__ as _expression
from .empowerment import _names  # noqa: F401  (private, imported by course_lib.explore)
from .resistance import _simulate_campaign  # noqa: F401  (private, imported by course_lib.explore)

__all__ = [*_empowerment, *_resistance, *_disorder, *_expression]
