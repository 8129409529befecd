"""Tables for lessons 01 (consumer networks and influentials) and 03 (seeding a
word-of-mouth campaign): pure computation, no widgets and no charts.

The tables here reshape results of :mod:`course_lib.networks`,
:mod:`course_lib.centrality`, :mod:`course_lib.sampling`, :mod:`course_lib.cascades`
and :mod:`course_lib.seeding` for the charts in :mod:`course_lib.viz.influence`; the
explorers of :mod:`course_lib.explore.influence` wire sliders to them.

Submodules, one per topic (every table is also importable from here):

- :mod:`course_lib.experiments.influence.networks` -- lesson 01 (consumer networks,
  influentials, overlap of measures, sampling)
- :mod:`course_lib.experiments.influence.spreaders` -- lesson 01 (k-shell and Kitsak et
  al., advocates against influencers, CyWorld)
- :mod:`course_lib.experiments.influence.seeding` -- lesson 03 (IC/LT seeding
  strategies, the greedy guarantee)
- :mod:`course_lib.experiments.influence.contagion` -- lesson 03 (complex contagion,
  submodularity)

A lesson reads::

    from course_lib.experiments import influence as lab
"""
from .seeding import *  # noqa: F403
from .seeding import __all__ as _seeding
from .contagion import *  # noqa: F403
from .contagion import __all__ as _contagion
from .networks import *  # noqa: F403
from .networks import __all__ as _networks
from .spreaders import *  # noqa: F403
from .spreaders import __all__ as _spreaders
from .seeding import _curves_on_worlds, _rankings  # noqa: F401  (private, imported by course_lib.explore)

__all__ = [*_seeding, *_contagion, *_networks, *_spreaders]
