"""The old spellings of the API, still accepted for one release with a warning.

The library's convention: ``seed`` and every parameter after it are keyword-only
(``f(G, k, *, seed=None)``). Until release 0.2 a call that passes them by position still
works, with a :class:`PositionalSeedWarning` that says how to write it.

One name per concept: ``mean_degree`` (not ``z``), ``worlds`` for live-edge worlds and
``runs`` for Monte Carlo runs. Until release 0.2 the former keyword names still work,
with a :class:`RenamedKeywordWarning`; :func:`renamed_keywords` does that for
parameters and :func:`renamed_attribute` for the attributes of results (``spread`` for
a number of adopters, ``final`` for the end of a run).
"""
from __future__ import annotations

import functools
import inspect
import warnings

__all__ = ["PositionalSeedWarning", "RenamedKeywordWarning", "renamed_attribute", "renamed_keywords",
           "seed_by_keyword"]


class PositionalSeedWarning(DeprecationWarning):
    """``seed`` (or a parameter after it) was passed by position."""


class RenamedKeywordWarning(DeprecationWarning):
    """A parameter or a result's attribute was used under its former name."""


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


def renamed_keywords(**renames):
    """Accept, with a warning, the former keyword names of a function's parameters:
    ``@renamed_keywords(z="mean_degree")`` maps ``f(z=3)`` to ``f(mean_degree=3)``.

    Examples
    --------
    >>> @renamed_keywords(z="mean_degree")
    ... def window(mean_degree, phi):
    ...     return mean_degree * phi
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     window(z=4, phi=0.25)
    1.0
    >>> print(caught[0].message)
    window(): the parameter z is now called mean_degree; the old name stops working in course_lib 0.2
    """
    def decorate(func):
        names = inspect.signature(func).parameters
        unknown = [new for new in renames.values() if new not in names]
        if unknown:
            raise TypeError(f"{func.__qualname__} has no parameter {unknown[0]!r} to rename to")

        @functools.wraps(func)
        def accepting_old_names(*args, **kwargs):
            for old, new in renames.items():
                if old in kwargs:
                    if new in kwargs:
                        raise TypeError(f"{func.__name__}() got both {old!r} (its former name) and {new!r}")
                    warnings.warn(
                        f"{func.__name__}(): the parameter {old} is now called {new}; the old name "
                        "stops working in course_lib 0.2", RenamedKeywordWarning, stacklevel=2)
                    kwargs[new] = kwargs.pop(old)
            return func(*args, **kwargs)

        return accepting_old_names

    return decorate


def renamed_attribute(old, new):
    """A read-only property under a result's former attribute name that warns and
    returns the attribute ``new``.

    Examples
    --------
    >>> from dataclasses import dataclass
    >>> @dataclass(frozen=True)
    ... class Outcome:
    ...     spread: int
    ...     size = renamed_attribute("size", "spread")
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     Outcome(4).size
    4
    >>> print(caught[0].message)
    Outcome.size is now called spread; the old name stops working in course_lib 0.2
    """
    def getter(self):
        warnings.warn(f"{type(self).__name__}.{old} is now called {new}; the old name stops working "
                      "in course_lib 0.2", RenamedKeywordWarning, stacklevel=2)
        return getattr(self, new)

    return property(getter, doc=f"Former name of ``{new}`` (deprecated).")
