"""The process that runs a student's functions while a submission is graded.

This file is not imported: :mod:`course_lib.grading.isolation` reads its text and runs
it with ``python -I -S -c``, so the process has no ``__file__`` pointing into the
course, no site hooks (an editable install of ``course_lib`` is a site hook) and a
``sys.path`` chosen by the grader. It uses the standard library only.

Protocol, one message at a time, each a 4-byte big-endian length and a body:

- grader -> worker, pickled (the grader is trusted): first ``{"path", "code",
  "names"}``, then ``(name, args, kwargs)`` for every call.
- worker -> grader, JSON (the grader never unpickles what student code could have
  written): ``{"ready": ..., "names": ..., "problems": ...}`` after the definitions
  have run, then ``{"value": ...}`` or ``{"error": ...}`` for every call.

Values go back as plain data: JSON numbers, strings, booleans and null, lists, and
objects tagged with ``"$"`` for tuples, sets, dicts, complex numbers, numpy scalars
and arrays, and anything else (``"other"``: only its type and a short text). The
grader rebuilds genuine built-in and numpy values from that, so an object whose
``__eq__`` always answers true never reaches a comparison.
"""
import json
import linecache
import os
import pickle
import struct
import sys
import traceback

MAX_ITEMS = 2_000_000  # scalars in one answer; more is not a plausible answer
MAX_DEPTH = 40
ANSWER_CLASSES = {"defaultdict", "OrderedDict", "Counter"}  # dict subclasses sent as dicts


class _Blocked:
    """Import hook: the course library is not there while student code is graded."""

    def find_spec(self, name, path=None, target=None):
        if name == "course_lib" or name.startswith("course_lib."):
            raise ImportError(
                "course_lib is not available while your functions are graded: "
                "write the steps yourself"
            )
        return None


def _read(stream):
    head = stream.read(4)
    if len(head) < 4:
        return None
    (size,) = struct.unpack(">I", head)
    return stream.read(size)


def _write(stream, message):
    body = json.dumps(message, allow_nan=True).encode("utf-8")
    stream.write(struct.pack(">I", len(body)) + body)
    stream.flush()


class _TooBig(Exception):
    pass


def _short_text(value, limit=200):
    try:
        text = repr(value)
    except BaseException:  # a repr that raises says nothing about the answer
        text = "(no text)"
    if not isinstance(text, str):
        text = "(no text)"
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _numpy():
    return sys.modules.get("numpy")


def _encode(value, budget, depth=0):
    """Plain-data form of ``value``; exact types only, subclasses become "other"."""
    if depth > MAX_DEPTH:
        raise _TooBig("nested too deeply")
    budget[0] -= 1
    if budget[0] < 0:
        raise _TooBig("too many items")
    kind = type(value)
    if value is None or kind in (bool, int, float, str):
        return value
    if kind is list:
        return [_encode(item, budget, depth + 1) for item in value]
    if kind in (tuple, set, frozenset):
        items = [_encode(item, budget, depth + 1) for item in value]
        return {"$": kind.__name__, "v": items}
    if kind is dict or (isinstance(value, dict) and kind.__name__ in ANSWER_CLASSES
                        and kind.__module__ == "collections"):
        pairs = [[_encode(k, budget, depth + 1), _encode(v, budget, depth + 1)]
                 for k, v in value.items()]
        return {"$": "dict", "v": pairs}
    if kind is complex:
        return {"$": "complex", "v": [value.real, value.imag]}
    np = _numpy()
    if np is not None:
        if kind is np.ndarray and value.dtype.kind in "biufc":
            budget[0] -= value.size
            if budget[0] < 0:
                raise _TooBig("too many items")
            flat = value.ravel().tolist()
            if value.dtype.kind == "c":
                flat = [[z.real, z.imag] for z in flat]
            return {"$": "ndarray", "dtype": value.dtype.str, "shape": list(value.shape), "v": flat}
        if isinstance(value, np.generic) and kind.__module__ == "numpy" and value.dtype.kind in "biufc":
            item = value.item()
            if value.dtype.kind == "c":
                item = [item.real, item.imag]
            return {"$": "numpy", "dtype": value.dtype.str, "v": item}
    return {"$": "other", "type": f"{kind.__module__}.{kind.__qualname__}", "text": _short_text(value)}


def encode(value):
    try:
        return _encode(value, [MAX_ITEMS])
    except _TooBig as reason:
        return {"$": "other", "type": type(value).__name__, "text": f"(too large to grade: {reason})"}
    except RecursionError:
        return {"$": "other", "type": type(value).__name__, "text": "(nested too deeply to grade)"}


def _where(error):
    """'in f, line 7: x = a / b' for the innermost frame in the student's cells.

    The same as ``core._where_in_student_code``, written again because this process must
    not import course_lib."""
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename.startswith("<cell")]
    if not frames:
        return ""
    frame = frames[-1]
    line = f": {frame.line.strip()}" if frame.line else ""
    return f"in {frame.name}, line {frame.lineno} of {frame.filename[1:-1]}{line}"


def describe_error(error):
    try:
        message = str(error)
    except BaseException:
        message = ""
    return {"type": type(error).__name__, "message": message[:500], "where": _where(error)[:300]}


def _kind(value):
    if isinstance(value, type(sys)):
        return "module"
    return "function" if callable(value) else "value"


def main():
    requests = os.fdopen(os.dup(0), "rb")
    answers = os.fdopen(os.dup(1), "wb")
    # Student code printing or reading must not touch the protocol's pipes.
    quiet = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(quiet, fd)
    sys.stdin = open(os.devnull)
    sys.stdout = sys.stderr = open(os.devnull, "w")

    setup = pickle.loads(_read(requests))
    sys.path[:] = setup["path"]
    sys.meta_path.insert(0, _Blocked())
    for name in [m for m in sys.modules if m == "course_lib" or m.startswith("course_lib.")]:
        del sys.modules[name]

    namespace = {"__name__": "__main__", "__builtins__": __builtins__}
    problems = []
    for filename, source in setup["code"]:
        linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
        try:
            exec(compile(source, filename, "exec"), namespace)
        except BaseException as error:  # one broken cell must not hide the others
            problems.append({"cell": filename[1:-1], **describe_error(error)})
    names = {}
    for name in setup["names"]:
        if name in namespace:
            value = namespace[name]
            kind = _kind(value)
            names[name] = {"kind": kind, "value": encode(value) if kind == "value" else None}
    _write(answers, {"ready": True, "names": names, "problems": problems})

    while True:
        body = _read(requests)
        if body is None:
            return
        name, args, kwargs = pickle.loads(body)
        try:
            result = {"value": encode(namespace[name](*args, **kwargs))}
        except BaseException as error:  # SystemExit and KeyboardInterrupt are answers too
            result = {"error": describe_error(error)}
        _write(answers, result)


if __name__ == "__main__":  # run by the grader with -c; never on import
    main()
