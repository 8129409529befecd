"""Altair charts for the lessons, and one call that makes them render offline.

Every builder takes tidy :class:`pandas.DataFrame` tables (the ``to_frame()`` of a
result, or a table from :mod:`course_lib.experiments`) and returns an altair chart with
a ``description`` that screen readers announce. Builders only reshape and draw: the
numbers come from the model modules.

Modules, one per family of lessons (every chart is also importable from here):

- :mod:`course_lib.viz.theme` -- the course theme and :func:`enable_offline`
- :mod:`course_lib.viz.levers` -- lesson 00's map of strategies
- :mod:`course_lib.viz.cascades` -- lesson 02: Granovetter, the cascade window, the multiplier
- :mod:`course_lib.viz.influence` -- lessons 01 and 03: networks, influentials, seeding
- :mod:`course_lib.viz.opinions` -- lessons 04 to 06: opinions, resistance, expression (a
  package: ``empowerment``, ``resistance``, ``expression``, one per lesson)
- :mod:`course_lib.viz.diffusion` -- lesson 07: Bass diffusion, the consumer continuum, funnel and loop
- :mod:`course_lib.viz.budgets` -- lesson 08: budget splits, phasing, community ROI
- :mod:`course_lib.viz.platforms` -- lesson 09: voice, exit and the tipping point of suppression
- :mod:`course_lib.viz.capstone` -- lesson 10: a strategy's scoreboard, one play, where it wins
- :mod:`course_lib.viz.predictions` -- the student's guess drawn on the chart that answers it

Call :func:`enable_offline` once at the top of a notebook: altair's default renderer
fetches its JavaScript from a CDN and shows a blank chart without internet.
"""
from .budgets import *  # noqa: F403
from .budgets import __all__ as _budgets
from .capstone import *  # noqa: F403
from .capstone import __all__ as _capstone
from .cascades import *  # noqa: F403
from .cascades import __all__ as _cascades
from .diffusion import *  # noqa: F403
from .diffusion import __all__ as _diffusion
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
from .theme import *  # noqa: F403
from .theme import __all__ as _theme

__all__ = [*_theme, *_levers, *_cascades, *_influence, *_opinions, *_platforms, *_diffusion, *_budgets, *_capstone, *_predictions]
