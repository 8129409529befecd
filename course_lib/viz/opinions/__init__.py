"""Altair charts for the opinion lessons (04 to 06).

Like the builders in :mod:`course_lib.viz`, each takes tidy tables (from
:mod:`course_lib.experiments.opinions`) and returns a chart with a ``description`` that
screen readers announce; builders only reshape and draw.

Submodules, one per lesson (every chart is also importable from here):

- :mod:`course_lib.viz.opinions.empowerment` -- lesson 04
- :mod:`course_lib.viz.opinions.resistance` -- lesson 05
- :mod:`course_lib.viz.opinions.expression` -- lesson 06
"""
from .empowerment import *  # noqa: F403
from .empowerment import __all__ as _empowerment
from .resistance import *  # noqa: F403
from .resistance import __all__ as _resistance
from .expression import *  # noqa: F403
from .expression import __all__ as _expression

__all__ = [*_empowerment, *_resistance, *_expression]
