"""Check-yourself questions for the lessons, as plain data.

Each bank is a list of questions, dicts with ``question``, ``options``, ``answer``
(the index of the right option) and ``explain``,
shown by :func:`course_lib.explore.quiz`. One module per family of lessons, like
:mod:`course_lib.viz` and :mod:`course_lib.experiments`; every bank is also importable
from here.
"""
from .cascades import *  # noqa: F403
from .cascades import __all__ as _cascades
from .influence import *  # noqa: F403
from .influence import __all__ as _influence
from .opinions import *  # noqa: F403
from .opinions import __all__ as _opinions

__all__ = [*_cascades, *_influence, *_opinions]
