"""Interactive explorers for the lessons: sliders wired to a model and a chart.

Modules (every explorer is also importable from here):

- :mod:`course_lib.explore.base` -- :class:`Explorer`, the sliders-and-one-chart widget
- :mod:`course_lib.explore.quiz` -- :func:`predict` and :func:`quiz`, the check-yourself widgets
- :mod:`course_lib.explore.predictions` -- :func:`predict_number`, :func:`reveal` (a guess
  scored against the model and drawn on its chart) and :func:`calibration` (the record)
- :mod:`course_lib.explore.declare` -- :class:`ExplorerDeclaration`: an explorer declared
  once, with the lesson's widgets and the website's kernel-free chart as its two front ends
- :mod:`course_lib.explore.levers` -- lesson 00
- :mod:`course_lib.explore.cascades` -- lesson 02
- :mod:`course_lib.explore.influence` -- lessons 01 and 03
- :mod:`course_lib.explore.opinions` -- lessons 04 to 06
- :mod:`course_lib.explore.diffusion` -- lesson 07
- :mod:`course_lib.explore.budgets` -- lesson 08
- :mod:`course_lib.explore.platforms` -- lesson 09
- :mod:`course_lib.explore.capstone` -- lesson 10

The tables the charts are drawn from live in :mod:`course_lib.experiments` (no widgets
there), the charts in :mod:`course_lib.viz`.
"""
from .base import *  # noqa: F403
from .base import __all__ as _base
from .budgets import *  # noqa: F403
from .budgets import __all__ as _budgets
from .capstone import *  # noqa: F403
from .capstone import __all__ as _capstone
from .cascades import *  # noqa: F403
from .declare import *  # noqa: F403
from .declare import __all__ as _declare
from .diffusion import *  # noqa: F403
from .diffusion import __all__ as _diffusion
from .cascades import __all__ as _cascades
from .influence import *  # noqa: F403
from .influence import __all__ as _influence
from .levers import *  # noqa: F403
from .levers import __all__ as _levers
from .opinions import *  # noqa: F403
from .opinions import __all__ as _opinions
from .platforms import *  # noqa: F403
from .platforms import __all__ as _platforms
from .predictions import *  # noqa: F403
from .predictions import __all__ as _predictions
from .quiz import *  # noqa: F403
from .quiz import __all__ as _quiz

__all__ = [*_base, *_quiz, *_predictions, *_declare, *_levers, *_cascades, *_influence, *_opinions, *_platforms, *_diffusion, *_budgets, *_capstone]
