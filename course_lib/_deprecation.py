"""The old spellings of the API, still accepted for one release with a warning.

The library's convention: ``seed`` and every parameter after it are keyword-only
(``f(G, k, *, seed=None)``). Until release 0.2 a call that passes them by position still
works, with a :class:`PositionalSeedWarning` that says how to write it.
"""
from __future__ import annotations

import functools
import inspect
import warnings

__all__ = ["PositionalSeedWarning", "seed_by_keyword"]


class PositionalSeedWarning(DeprecationWarning):
    """``seed`` (or a parameter after it) was passed by position."""


def seed_by_keyword(func):
    """Accept, with a warning, the former positional spelling of ``func``'s keyword-only
    parameters (``seed`` and those after it, in their declared order).

    Examples
    --------
    >>> @seed_by_keyword
    ... def draw(n, *, seed=None):
    ...     return n, seed
    >>> draw(3, seed=7)
    (3, 7)
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     draw(3, 7)
    (3, 7)
    >>> print(caught[0].message)
    draw(): pass seed by keyword (seed=...); passing it by position is deprecated and stops working in course_lib 0.2
    """
    parameters = inspect.signature(func).parameters.values()
    positional = sum(p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD) for p in parameters)
    legacy = [p.name for p in parameters if p.kind is p.KEYWORD_ONLY]
    if "seed" not in legacy:
        raise TypeError(f"{func.__qualname__} must take seed as a keyword-only parameter")

    @functools.wraps(func)
    def accepting_old_calls(*args, **kwargs):
        if len(args) > positional:
            extra = args[positional:]
            if len(extra) > len(legacy):
                raise TypeError(f"{func.__name__}() takes at most {positional + len(legacy)} "
                                f"arguments by position, got {len(args)}")
            names = legacy[:len(extra)]
            twice = [name for name in names if name in kwargs]
            if twice:
                raise TypeError(f"{func.__name__}() got {twice[0]!r} both by position and by keyword")
            spelled = ", ".join(f"{name}=..." for name in names)
            warnings.warn(
                f"{func.__name__}(): pass {' and '.join(names)} by keyword ({spelled}); passing "
                "it by position is deprecated and stops working in course_lib 0.2",
                PositionalSeedWarning, stacklevel=2)
            kwargs.update(zip(names, extra))
            args = args[:positional]
        return func(*args, **kwargs)

    return accepting_old_calls
