"""Check-yourself questions for the lessons, as plain data.

Each bank is a list of questions, dicts with ``question``, ``options``, ``answer``
(the index of the right option) and ``explain``,
shown by :func:`course_lib.explore.quiz`. One module per family of lessons, like
:mod:`course_lib.viz` and :mod:`course_lib.experiments`; every bank is also importable
from here.
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
from .opinions import *  # noqa: F403
from .opinions import __all__ as _opinions
from .platforms import *  # noqa: F403
from .platforms import __all__ as _platforms

__all__ = [*_budgets, *_capstone, *_cascades, *_diffusion, *_influence, *_opinions, *_platforms]
