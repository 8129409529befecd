"""Fingerprints for caching a function that is not a plain top-level function.

The sweeps' code key (:mod:`course_lib.sweeps.cache`) sees a function's own source and
nothing else. A website explorer's ``render`` is a closure: what it draws depends on the
values it captured (a horizon, a seed, a network) and on every chart helper it calls.
:func:`function_fingerprint` hashes the captured values, recursively through captured
functions, and :func:`library_fingerprint` hashes the source of the whole of
``course_lib``, so that an edit anywhere in the library recomputes rather than serving
a stale chart.
"""
from __future__ import annotations

import functools
import hashlib
import inspect
import marshal
import pickle
import types
from pathlib import Path

import numpy as np

__all__ = ["library_fingerprint", "function_fingerprint"]


@functools.lru_cache(maxsize=1)
def library_fingerprint():
    """SHA-256 (16 hex digits) of every ``.py`` file of ``course_lib``, with its path.

    Returns
    -------
    str

    Examples
    --------
    >>> len(library_fingerprint())
    16
    """
    root = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*.py")):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def function_fingerprint(func):
    """SHA-256 (16 hex digits) of a function's code and of everything it captured.

    Parameters
    ----------
    func : callable
        A function, closure, ``functools.partial`` or bound method.

    Returns
    -------
    str

    Raises
    ------
    TypeError
        If a captured value has no stable fingerprint (it cannot be pickled).

    Examples
    --------
    >>> def make(horizon):
    ...     def render(x):
    ...         return x * horizon
    ...     return render
    >>> function_fingerprint(make(12)) == function_fingerprint(make(12))
    True
    >>> function_fingerprint(make(12)) == function_fingerprint(make(13))
    False
    """
    digest = hashlib.sha256()
    _feed(digest, func, set())
    return digest.hexdigest()[:16]


def _feed(digest, value, seen):
    def put(tag, payload=b""):
        digest.update(tag.encode() + b"\0" + (payload if isinstance(payload, bytes) else str(payload).encode()))

    if value is None or isinstance(value, (bool, int, float, complex, str, bytes, np.generic)):
        put(type(value).__name__, repr(value))
    elif isinstance(value, (tuple, list, frozenset, set)):
        items = sorted(value, key=repr) if isinstance(value, (set, frozenset)) else value
        put(type(value).__name__, len(items))
        for item in items:
            _feed(digest, item, seen)
    elif isinstance(value, dict):
        put("dict", len(value))
        for key in sorted(value, key=repr):
            _feed(digest, key, seen)
            _feed(digest, value[key], seen)
    elif isinstance(value, np.ndarray):
        put("ndarray", f"{value.dtype.str}{value.shape}")
        digest.update(np.ascontiguousarray(value).tobytes())
    elif isinstance(value, types.ModuleType):
        put("module", value.__name__)
    elif isinstance(value, type):
        put("class", f"{value.__module__}.{value.__qualname__}")
    elif isinstance(value, functools.partial):
        put("partial")
        for part in (value.func, value.args, value.keywords):
            _feed(digest, part, seen)
    elif isinstance(value, types.MethodType):
        put("method")
        _feed(digest, value.__func__, seen)
        _feed(digest, value.__self__, seen)
    elif inspect.isfunction(value):
        if id(value) in seen:  # a closure that refers to itself
            put("seen", f"{value.__module__}.{value.__qualname__}")
            return
        seen.add(id(value))
        func = inspect.unwrap(value)
        put("function", f"{func.__module__}.{func.__qualname__}")
        digest.update(marshal.dumps(func.__code__))
        _feed(digest, func.__defaults__, seen)
        _feed(digest, func.__kwdefaults__, seen)
        _feed(digest, [cell.cell_contents for cell in (func.__closure__ or ())], seen)
    elif callable(value) and hasattr(value, "__wrapped__"):  # an lru_cache'd function
        _feed(digest, value.__wrapped__, seen)
    elif hasattr(value, "adj") and hasattr(value, "nodes"):  # a networkx graph
        put("graph", type(value).__name__)
        _feed(digest, sorted((repr(n), repr(d)) for n, d in value.nodes(data=True)), seen)
        _feed(digest, sorted(repr((u, v, d)) for u, v, d in value.edges(data=True)), seen)
    elif hasattr(value, "to_numpy") and hasattr(value, "columns"):  # a pandas DataFrame
        import pandas as pd

        put("frame", repr(list(value.columns)))
        digest.update(pd.util.hash_pandas_object(value, index=True).to_numpy().tobytes())
    else:
        try:
            payload = pickle.dumps(value, protocol=4)
        except Exception as error:
            raise TypeError(f"a captured {type(value).__name__} has no stable fingerprint ({error})") from None
        put(type(value).__name__, payload)
