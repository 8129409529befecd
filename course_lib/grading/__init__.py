"""Check a student's function against the course's reference, with feedback in words.

The assignments' test cells call these helpers. Each check runs the student's function
on many inputs and fails with one :class:`AssertionError` that lists the first few
inputs where it went wrong: the input in plain words, what was expected, what came
back (or which error was raised, and where), and one line that rebuilds the input.

The expected answers come from ``course_lib``'s reference implementations, computed
*before* the student's function runs. The student's function runs inside
:func:`course_lib._guard.student_code_under_test`, so calling the reference from it
fails with a clear message instead of earning the points.

Inputs are :class:`Case` objects drawn by seeded generators, so the same call always
gives the same inputs. One module per problem set:

- :mod:`.isolation` -- the separate process a submission's functions run in at autograde,
  and :func:`student_seed`, which draws hidden inputs per student
- :mod:`.autograde` -- the nbgrader preprocessors that use it (imported by
  ``assignments/nbgrader_config.py`` only)
- :mod:`.core` -- :class:`Case`, :func:`check_against_reference`, comparing and describing
- :mod:`.influence` -- ps1, rankings of influentials, top-k overlap, connected samples
- :mod:`.graphs` -- the graph families hidden inputs are drawn on
- :mod:`.cascades` -- ps2, threshold cascades
- :mod:`.seeding` -- ps3, independent cascade with given coins, Monte Carlo spread, greedy
- :mod:`.opinions` -- ps4, Friedkin–Johnsen, the q-voter update, its critical point
- :mod:`.diffusion` -- ps5, the Bass curve and its peak, one step of the consumer continuum
- :mod:`.budgets` -- ps5, a budget plan's value and the best constant split
- :mod:`.platforms` -- ps6, one step of the platform model, the exit cascade, a capstone strategy

Test cells use ``from course_lib import grading`` and the names below.
"""
from .._guard import ReferenceLockedError, student_code_under_test
from . import budgets, cascades, core, diffusion, graphs, influence, isolation, opinions, platforms, seeding
from .budgets import *  # noqa: F401,F403
from .cascades import *  # noqa: F401,F403
from .cascades import SPECIAL_THRESHOLDS
from .core import *  # noqa: F401,F403
from .core import MAX_VALUE_CHARS
from .diffusion import *  # noqa: F401,F403
from .graphs import *  # noqa: F401,F403
from .influence import *  # noqa: F401,F403
from .isolation import student_seed
from .opinions import *  # noqa: F401,F403
from .platforms import *  # noqa: F401,F403
from .seeding import *  # noqa: F401,F403

__all__ = [
    *core.__all__,
    *graphs.__all__,
    *influence.__all__,
    *cascades.__all__,
    *seeding.__all__,
    *opinions.__all__,
    *diffusion.__all__,
    *budgets.__all__,
    *platforms.__all__,
    "MAX_VALUE_CHARS",
    "student_seed",
    "SPECIAL_THRESHOLDS",
    "ReferenceLockedError",
    "student_code_under_test",
]
