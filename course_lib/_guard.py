"""Switch reference implementations off while a student's function is being checked.

The grader runs student code inside :func:`student_code_under_test`. Any function
decorated with :func:`reference` raises :class:`ReferenceLockedError` when called in
that window, so a submission that merely wraps ``course_lib`` cannot earn the points.

This is a guard against the obvious shortcut, not a sandbox: a determined student can
copy the library's source, reset the flag, or compute answers before the check starts.
The instructor guide (docs/instructors.md) says so.
"""
from __future__ import annotations

import contextlib
import contextvars
import functools

__all__ = ["ReferenceLockedError", "reference", "student_code_under_test", "is_locked"]

_locked = contextvars.ContextVar("course_lib_reference_locked", default=False)


class ReferenceLockedError(RuntimeError):
    """Raised when a student's function calls a reference implementation during a check."""


def is_locked():
    """Return True while a student's function is under test."""
    return _locked.get()


@contextlib.contextmanager
def student_code_under_test():
    """Run the enclosed block with every reference implementation switched off."""
    token = _locked.set(True)
    try:
        yield
    finally:
        _locked.reset(token)


def reference(func):
    """Mark ``func`` as a reference implementation that refuses to run during a check."""

    @functools.wraps(func)
    def guarded(*args, **kwargs):
        if _locked.get():
            raise ReferenceLockedError(
                f"course_lib.{func.__module__.split('course_lib.')[-1]}.{func.__qualname__} is "
                "switched off while your own function is being checked. "
                "Write the steps yourself instead of calling the course library."
            )
        return func(*args, **kwargs)

    return guarded
