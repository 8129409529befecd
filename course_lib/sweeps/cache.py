"""The sweeps' disk cache: one small JSON file per grid cell.

Layout::

    <root>/<module.qualname of func>/<code key>/<cell key>.json

``root`` is the ``cache=`` path, or for ``cache=True`` the directory of
:func:`default_cache_dir`. The *code key* (16 hex digits) hashes what identifies the
function's code: its module and qualified name, a SHA-256 of its source
(``inspect.getsource``; the compiled bytecode when there is no source), the arguments
bound by a ``functools.partial``, ``course_lib.__version__`` and the ``version=`` the
caller gave. The *cell key* (32 hex digits) hashes the code key with the cell's
parameters, the ``fixed`` arguments and the sweep's seed entropy. A cell is therefore
reused by any later sweep, whatever its grid, that asks for the same function, code,
parameters and seed; a directory per code key lets old versions be deleted by hand.

What the code key does not see: a change in a helper the function calls, in a global
it reads, or in a data file. Pass ``version=`` (any string or number) and change it
by hand when such a change alters the results; ``course_lib.__version__`` covers the
library's releases, not its edits between releases.

Entries are written to a temporary file in the same directory and moved into place
with ``os.replace``, so a reader never sees half a file and two processes writing the
same cell do no harm. Results are stored as JSON: numbers, strings, booleans, None,
lists, tuples, dicts with string keys and numeric or string numpy arrays round-trip
exactly (floats by their shortest exact repr; NaN and infinities too). JSON rather
than pickle so that reading a cache, possibly shared by a class, never runs code.
An entry that cannot be read or does not match its key is computed again and
overwritten, never an error.
"""
from __future__ import annotations

import functools
import hashlib
import inspect
import json
import marshal
import os
import re
import tempfile
import warnings
from pathlib import Path

import numpy as np

from .grid import canonical_json

__all__ = ["default_cache_dir"]

FORMAT = 1
_TAGS = ("__tuple__", "__ndarray__", "__dict__")


def default_cache_dir():
    """Directory of the sweeps' cache when ``cache=True``.

    ``$COURSE_LIB_CACHE/sweeps`` when that variable is set, else
    ``$XDG_CACHE_HOME/course_lib/sweeps``, else ``~/.cache/course_lib/sweeps``. It is
    created only when a sweep first writes to it.

    Returns
    -------
    pathlib.Path
        The directory (it may not exist yet).

    Examples
    --------
    >>> default_cache_dir().name
    'sweeps'
    """
    if os.environ.get("COURSE_LIB_CACHE"):
        return Path(os.environ["COURSE_LIB_CACHE"]).expanduser() / "sweeps"
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base).expanduser() / "course_lib" / "sweeps"


def _hash(text):
    return hashlib.sha256(text.encode() if isinstance(text, str) else text).hexdigest()


def function_identity(func):
    """``(name, code hash, bound arguments)`` of ``func`` for the code key."""
    bound = {}
    if isinstance(func, functools.partial):
        from .grid import _plain

        try:
            bound = {
                "args": [_plain(a, "an argument bound by functools.partial") for a in func.args],
                "keywords": {k: _plain(v, f"partial keyword {k!r}") for k, v in func.keywords.items()},
            }
        except ValueError as error:
            raise ValueError(f"{error}; with cache on, pass such arguments in fixed= instead") from None
        name, code = function_identity(func.func)[:2]
        return name, code, bound
    target = func if inspect.isfunction(func) or inspect.ismethod(func) else type(func)
    name = f"{getattr(target, '__module__', '?')}.{getattr(target, '__qualname__', repr(target))}"
    try:
        code = _hash(inspect.getsource(target))
    except (OSError, TypeError):
        body = getattr(inspect.unwrap(target), "__code__", None)
        code = _hash(marshal.dumps(body)) if body is not None else None
    return name, code, bound


def encode(value):
    """JSON-able form of a result; TypeError if it has no exact JSON form."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, np.generic) and value.dtype.kind in "biufU":
        return value.item()
    if isinstance(value, tuple):
        return {"__tuple__": [encode(v) for v in value]}
    if isinstance(value, list):
        return [encode(v) for v in value]
    if isinstance(value, dict):
        if not all(isinstance(k, str) for k in value):
            raise TypeError("dict results need string keys")
        body = {k: encode(v) for k, v in value.items()}
        return {"__dict__": body} if any(k in _TAGS for k in body) else body
    if isinstance(value, np.ndarray) and value.dtype.kind in "biufU":
        return {"__ndarray__": value.tolist(), "dtype": value.dtype.str, "shape": list(value.shape)}
    raise TypeError(f"a {type(value).__name__} has no exact JSON form")


def decode(value):
    """Inverse of :func:`encode`."""
    if isinstance(value, list):
        return [decode(v) for v in value]
    if isinstance(value, dict):
        if len(value) == 1 and "__tuple__" in value:
            return tuple(decode(v) for v in value["__tuple__"])
        if len(value) == 1 and "__dict__" in value:
            return {k: decode(v) for k, v in value["__dict__"].items()}
        if set(value) == {"__ndarray__", "dtype", "shape"}:
            data = np.array(value["__ndarray__"], dtype=np.dtype(value["dtype"]))
            return data.reshape(value["shape"])
        return {k: decode(v) for k, v in value.items()}
    return value


class SweepCache:
    """Entries of one function's cells under ``root`` (see the module docstring)."""

    def __init__(self, root, func, version, fixed):
        from .. import __version__

        name, code, bound = function_identity(func)
        self.name = name
        identity = {"format": FORMAT, "func": name, "code": code, "bound": bound,
                    "course_lib": __version__, "version": version}
        self.code_key = _hash(canonical_json(identity))[:16]
        slug = re.sub(r"[^A-Za-z0-9_.-]+", "_", name).strip("_.")[:120] or "func"
        self.directory = Path(root).expanduser() / slug / self.code_key
        self.fixed = fixed
        self._warned = False
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise OSError(f"cache: cannot create the directory {self.directory}: {error}") from None

    def key(self, params, entropy):
        text = canonical_json({"code": self.code_key, "params": params,
                               "fixed": self.fixed, "seed": entropy})
        return _hash(text)[:32]

    def path(self, key):
        return self.directory / f"{key}.json"

    def load(self, key):
        """``(True, result)`` for a sound entry, ``(False, None)`` otherwise."""
        try:
            with open(self.path(key), encoding="utf-8") as file:
                entry = json.load(file)
            if entry.get("format") != FORMAT or entry.get("key") != key:
                return False, None
            return True, decode(entry["result"])
        except FileNotFoundError:
            return False, None
        except Exception:  # a corrupted or foreign entry: compute the cell again
            return False, None

    def store(self, key, params, entropy, result, seconds):
        """Write an entry atomically; warn once (and go on) if the result or the disk
        does not allow it."""
        try:
            entry = {"format": FORMAT, "key": key, "func": self.name, "params": params,
                     "fixed": self.fixed, "seed": entropy, "seconds": round(seconds, 6),
                     "result": encode(result)}
            text = json.dumps(entry, allow_nan=True)
        except TypeError as error:
            return self._warn(f"results of {self.name} cannot be cached as JSON ({error}); "
                              f"return numbers, strings, lists, dicts or numpy arrays, or pass cache=False")
        try:
            handle, temporary = tempfile.mkstemp(dir=self.directory, prefix=".tmp-", suffix=".json")
            try:
                with os.fdopen(handle, "w", encoding="utf-8") as file:
                    file.write(text)
                os.replace(temporary, self.path(key))
            except BaseException:
                os.unlink(temporary)
                raise
        except OSError as error:
            self._warn(f"cache: cannot write to {self.directory} ({error}); the sweep goes on uncached")

    def _warn(self, message):
        if not self._warned:
            self._warned = True
            warnings.warn(message, RuntimeWarning, stacklevel=4)
