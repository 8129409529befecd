"""Run a submission's functions in a separate process and bring back plain data.

At autograde the verdict on a test cell must depend only on what the student's
functions return, whatever else the submission does to its own kernel. So the grader
(:mod:`course_lib.grading.autograde`) never trusts the student's kernel. For each test
cell it:

1. takes, from the submitted notebook file, the imports, function and class
   definitions of the answer cells, and the assignments that the tests or those
   definitions read (:func:`answer_code`); nothing else of the notebook runs;
2. runs them in a fresh Python process started with ``-I -S`` and a ``sys.path`` the
   grader chooses, where ``course_lib`` is not importable (:class:`Sandbox`);
3. runs the test cell's own code -- visible and hidden checks, from the gradebook's
   master copy -- in the grader's process, with every student function replaced by a
   :class:`StudentFunction` that sends the arguments to that process and returns what
   came back, decoded into genuine built-in and numpy values (:func:`decode`), or raises
   :class:`StudentFunctionError` with the student's error in words.

The expected answers are computed by the reference in the grader's process, which the
student's code cannot reach: it shares no memory, no threads and no frames with it.
A process that loops past the time limit or dies is killed, and only the cell being
graded loses its points (:class:`WorkerStopped`).

:func:`student_seed` draws the hidden inputs per student, so a table of answers to one
term's inputs earns nothing.
"""
from __future__ import annotations

import ast
import contextlib
import contextvars
import json
import os
import pickle
import queue
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import threading
import time
import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np

__all__ = [
    "student_seed",
    "graded_as",
    "OtherValue",
    "ProtocolError",
    "StudentFunctionError",
    "WorkerStopped",
    "decode",
    "answer_code",
    "names_read",
    "Sandbox",
    "StudentFunction",
]

WORKER_SOURCE = (Path(__file__).with_name("_worker.py")).read_text(encoding="utf-8")

_graded_student = contextvars.ContextVar("course_lib_graded_student", default=None)


# ---------------------------------------------------------------------------
# Hidden inputs per student


def student_seed(base):
    """The seed of a hidden test's inputs for the student being graded.

    Outside grading (a student's own kernel, the instructor's source notebook) this is
    ``base``. While :func:`graded_as` names a student, it is a number drawn from
    ``base`` and the student id, so every student gets other inputs and a list of
    answers to one student's (or one term's) inputs is worth nothing to another.

    Parameters
    ----------
    base : int
        The seed written in the hidden test, a whole number >= 0.

    Returns
    -------
    int

    Raises
    ------
    ValueError
        If ``base`` is not a whole number >= 0.

    Examples
    --------
    >>> student_seed(2021)
    2021
    >>> with graded_as("ada"):
    ...     seed = student_seed(2021)
    >>> seed != 2021 and seed == student_seed_for("ada", 2021)
    True
    """
    if isinstance(base, bool) or not isinstance(base, (int, np.integer)) or base < 0:
        raise ValueError(f"base must be a whole number >= 0, got {base!r}")
    student = _graded_student.get()
    return int(base) if student is None else student_seed_for(student, base)


def student_seed_for(student, base):
    """The seed :func:`student_seed` gives while ``student`` is graded."""
    key = zlib.crc32(str(student).encode("utf-8"))
    return int(np.random.SeedSequence([int(base), key]).generate_state(1)[0])


@contextlib.contextmanager
def graded_as(student):
    """Within this block :func:`student_seed` draws the inputs of ``student``."""
    token = _graded_student.set(str(student))
    try:
        yield
    finally:
        _graded_student.reset(token)


# ---------------------------------------------------------------------------
# Values and errors that come back from the student's process


@dataclass(frozen=True, eq=False)
class OtherValue:
    """An answer that is not plain data (a graph, a generator, an object of a class of
    the student's own): only its type and a short text come back, and it equals
    nothing."""

    type_name: str
    text: str

    def __repr__(self):
        return f"<an object of type {self.type_name}: {self.text}>"


class ProtocolError(Exception):
    """What came back from the student's process is not a value the grader made."""


class StudentFunctionError(Exception):
    """The student's function raised this error (in the separate process).

    Attributes
    ----------
    type_name, message, where : str
        The error's class name, its message, and where in the student's cells it was
        raised ("in f, line 7 of cell 3: x = a / b"), or "".
    """

    def __init__(self, type_name, message, where=""):
        super().__init__(f"{type_name}: {message}" if message else type_name)
        self.type_name, self.message, self.where = type_name, message, where

    def describe(self):
        """The error in the words of a failure message."""
        detail = f": {self.message}" if self.message else ""
        where = f" ({self.where})" if self.where else ""
        return f"an error, {self.type_name}{detail}{where}"


class WorkerStopped(BaseException):
    """The student's process did not answer in time, or stopped. A BaseException, so
    that checks which record an ordinary error and go on to the next input stop here:
    there is no process left to ask."""


_DTYPES = {np.dtype(name).str: np.dtype(name) for name in (
    "bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
    "float16", "float32", "float64", "complex64", "complex128",
)}
_CONTAINERS = {"tuple": tuple, "set": set, "frozenset": frozenset}


def _pair(item):
    if type(item) is not list or len(item) != 2:
        raise ProtocolError("expected a pair")
    return item


def _number(value):
    if type(value) not in (int, float):
        raise ProtocolError("expected a number")
    return value


def _dtype(name):
    if name not in _DTYPES:
        raise ProtocolError(f"unknown dtype {name!r}")
    return _DTYPES[name]


def _array(data):
    dtype = _dtype(data.get("dtype"))
    shape = data.get("shape")
    if type(shape) is not list or not all(type(n) is int and n >= 0 for n in shape):
        raise ProtocolError("bad shape")
    flat = data.get("v")
    if type(flat) is not list or len(flat) != int(np.prod(shape, dtype=np.int64)):
        raise ProtocolError("bad array")
    if dtype.kind == "c":
        flat = [complex(_number(re), _number(im)) for re, im in map(_pair, flat)]
    elif not all(type(x) in (int, float, bool) for x in flat):
        raise ProtocolError("bad array element")
    return np.array(flat, dtype=dtype).reshape(shape)


def decode(data):
    """Rebuild a value from the plain data the student's process sent.

    Only ``None``, ``bool``, ``int``, ``float``, ``str``, ``list``, ``tuple``, ``set``,
    ``frozenset``, ``dict``, ``complex``, numpy scalars and numeric arrays come out, each
    of exactly that type (never a subclass), and :class:`OtherValue` for anything else.

    Raises
    ------
    ProtocolError
        If ``data`` is not in the worker's format.

    Examples
    --------
    >>> decode({"$": "set", "v": [1, 2, {"$": "tuple", "v": [0, 1]}]}) == {1, 2, (0, 1)}
    True
    >>> decode({"$": "numpy", "dtype": "<i8", "v": 3})
    np.int64(3)
    >>> decode({"$": "eval", "v": "1+1"})
    Traceback (most recent call last):
    ...
    course_lib.grading.isolation.ProtocolError: unknown tag 'eval'
    """
    kind = type(data)
    if data is None or kind in (bool, int, float, str):
        return data
    if kind is list:
        return [decode(item) for item in data]
    if kind is not dict:
        raise ProtocolError(f"unexpected {kind.__name__}")
    tag = data.get("$")
    try:
        if tag in _CONTAINERS:
            items = data.get("v")
            if type(items) is not list:
                raise ProtocolError("bad items")
            return _CONTAINERS[tag](decode(item) for item in items)
        if tag == "dict":
            pairs = data.get("v")
            if type(pairs) is not list:
                raise ProtocolError("bad items")
            return {decode(k): decode(v) for k, v in map(_pair, pairs)}
        if tag == "complex":
            re, im = _pair(data.get("v"))
            return complex(_number(re), _number(im))
        if tag == "numpy":
            dtype = _dtype(data.get("dtype"))
            value = data.get("v")
            if dtype.kind == "c":
                value = complex(*map(_number, _pair(value)))
            elif type(value) not in (int, float, bool):
                raise ProtocolError("bad scalar")
            return dtype.type(value)
        if tag == "ndarray":
            return _array(data)
        if tag == "other":
            return OtherValue(str(data.get("type"))[:100], str(data.get("text"))[:300])
    except TypeError as error:  # an unhashable set element or dict key
        raise ProtocolError(str(error)) from None
    raise ProtocolError(f"unknown tag {tag!r}")


# ---------------------------------------------------------------------------
# Which code of a submission runs while grading

_DECLARATIONS = (ast.Import, ast.ImportFrom, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
_ASSIGNMENTS = (ast.Assign, ast.AnnAssign, ast.AugAssign)


def names_read(node):
    """Every name ``node`` reads (loads), at any depth."""
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}


def _names_written(statement):
    targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
    return {n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name)}


def _declarative_try(statement):
    """A ``try`` of imports (``try: import scipy except ImportError: scipy = None``)."""
    if not isinstance(statement, ast.Try):
        return False
    inner = [*statement.body, *statement.orelse, *statement.finalbody,
             *(s for handler in statement.handlers for s in handler.body)]
    return all(isinstance(s, (*_DECLARATIONS, *_ASSIGNMENTS, ast.Pass)) for s in inner)


def _python_source(source):
    """The cell's code with IPython's ``%magic`` and ``!shell`` lines turned into calls."""
    try:
        from IPython.core.inputtransformer2 import TransformerManager
    except ImportError:  # pragma: no cover - IPython comes with nbgrader
        return source
    try:
        return TransformerManager().transform_cell(source)
    except Exception:
        return source


def _blank_out(source, dropped):
    """``source`` with the dropped statements' text replaced by ``pass`` and blanks, so
    the kept ones keep their line numbers in tracebacks."""
    lines = source.splitlines(True)
    for statement in dropped:
        first, last = statement.lineno - 1, statement.end_lineno - 1
        start, end = statement.col_offset, statement.end_col_offset
        for number in range(first, last + 1):
            line = lines[number]
            left = start if number == first else 0
            right = end if number == last else len(line.rstrip("\r\n"))
            filler = "pass".ljust(right - left) if number == first else " " * (right - left)
            lines[number] = line[:left] + filler + line[right:]
    return "".join(lines)


@dataclass(frozen=True)
class AnswerCode:
    """The code of a submission that runs while grading.

    Attributes
    ----------
    cells : tuple of (str, str)
        ``(filename, source)`` per cell, ``filename`` like ``"<cell 3>"``; statements
        that do not run are blanked out so line numbers stay those of the notebook.
    problems : tuple of str
        Cells that could not be read (a syntax error), in words.
    """

    cells: tuple
    problems: tuple


def answer_code(cells, wanted):
    """The imports and definitions of ``cells``, and the assignments ``wanted`` needs.

    Parameters
    ----------
    cells : iterable of (str, str)
        ``(label, source)`` of the code cells whose definitions count, in notebook order.
    wanted : set of str
        Names the test cells read.

    Returns
    -------
    AnswerCode

    Examples
    --------
    >>> code = answer_code([("cell 1", "import math\\nprint('hi')\\nK = 3\\nJ = 4\\n"
    ...                               "def f(x):\\n    return K * x\\n")], {"f"})
    >>> print(code.cells[0][1])
    import math
    pass       
    K = 3
    pass 
    def f(x):
        return K * x
    <BLANKLINE>
    """
    parsed, problems = [], []
    for label, source in cells:
        source = _python_source(source)
        try:
            tree = ast.parse(source)
        except SyntaxError as error:
            problems.append(f"{label} has a syntax error (line {error.lineno}: {error.msg}), "
                            "so nothing in it was used")
            continue
        parsed.append((label, source, tree.body))

    kept = {id(s) for _, _, body in parsed for s in body
            if isinstance(s, _DECLARATIONS) or _declarative_try(s)}
    needed = set(wanted)
    for _, _, body in parsed:
        for statement in body:
            if id(statement) in kept:
                needed |= names_read(statement)
    changed = True
    while changed:  # an assignment is kept when a kept statement or a test reads its name
        changed = False
        for _, _, body in parsed:
            for statement in body:
                if (id(statement) not in kept and isinstance(statement, _ASSIGNMENTS)
                        and getattr(statement, "value", None) is not None
                        and _names_written(statement) & needed):
                    kept.add(id(statement))
                    needed |= names_read(statement)
                    changed = True

    out = []
    for label, source, body in parsed:
        dropped = [s for s in body if id(s) not in kept]
        text = _blank_out(source, dropped)
        try:
            compile(text, label, "exec")
        except SyntaxError:  # statements sharing a line in an odd way: renumbered, still right
            text = ast.unparse(ast.Module(body=[s for s in body if id(s) in kept], type_ignores=[]))
        out.append((f"<{label}>", text))
    return AnswerCode(tuple(out), tuple(problems))


# ---------------------------------------------------------------------------
# The separate process


def _grader_free_path():
    """``sys.path`` for the student's process: the grader's, without the folder that
    holds ``course_lib`` (an editable install) and without the current directory."""
    path = []
    for entry in sys.path:
        if not entry or not os.path.isdir(entry):
            continue
        holds_library = os.path.isdir(os.path.join(entry, "course_lib"))
        if holds_library and os.path.basename(entry) not in ("site-packages", "dist-packages"):
            continue
        path.append(os.path.abspath(entry))
    return path


def _limits(memory_mb):
    def apply():  # runs in the child before Python starts
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        if memory_mb:
            limit = int(memory_mb) * 1024 * 1024
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    return apply


class Sandbox:
    """A fresh Python process holding one submission's definitions.

    Parameters
    ----------
    code : AnswerCode
        What to run there (see :func:`answer_code`).
    names : iterable of str
        Names to report back: functions become callable through :meth:`call`, plain
        values come back decoded in :attr:`values`.
    timeout : float
        Seconds for everything this process does, from start to the last answer.
    python : str, optional
        The interpreter (default: the grader's). Point it at an environment without
        ``course_lib`` installed for a barrier that does not depend on ``sys.path``.
    memory_mb : int, optional
        Address-space limit of the process (POSIX only).

    Raises
    ------
    WorkerStopped
        If the definitions do not load within ``timeout`` or the process dies.
    """

    def __init__(self, code, names, *, timeout, python=None, memory_mb=None):
        self.timeout = float(timeout)
        self.deadline = time.monotonic() + self.timeout
        self.calls = 0
        self._folder = tempfile.mkdtemp(prefix="grading-")
        env = {"PATH": os.defpath, "HOME": self._folder, "LANG": "C.UTF-8",
               "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
        posix = os.name == "posix"
        self._process = subprocess.Popen(
            [python or sys.executable, "-I", "-S", "-c", WORKER_SOURCE],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            cwd=self._folder, env=env, start_new_session=posix,
            preexec_fn=_limits(memory_mb) if posix else None,
        )
        self._answers = queue.Queue()
        threading.Thread(target=self._read_answers, daemon=True).start()
        self._send({"path": _grader_free_path(), "code": list(code.cells), "names": sorted(names)})
        ready = self._receive("loading your definitions")
        if ready.get("ready") is not True:
            raise ProtocolError("no ready message")
        self.problems = [self._problem_text(p) for p in ready.get("problems", [])]
        self.functions, self.values = set(), {}
        for name, info in dict(ready.get("names", {})).items():
            if info.get("kind") == "function":
                self.functions.add(str(name))
            elif info.get("kind") == "value":
                self.values[str(name)] = decode(info.get("value"))

    @staticmethod
    def _problem_text(problem):
        error = StudentFunctionError(str(problem.get("type")), str(problem.get("message", "")),
                                     str(problem.get("where", "")))
        return f"{problem.get('cell')} raised {error.describe()[10:]} while its definitions ran"

    def _read_answers(self):
        stream = self._process.stdout
        while True:
            head = stream.read(4)
            if len(head) < 4:
                self._answers.put(None)
                return
            (size,) = struct.unpack(">I", head)
            self._answers.put(stream.read(size))

    def _send(self, message):
        body = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
        try:
            self._process.stdin.write(struct.pack(">I", len(body)) + body)
            self._process.stdin.flush()
        except (BrokenPipeError, OSError):
            self._stopped("while receiving the inputs")

    def _receive(self, doing):
        remaining = self.deadline - time.monotonic()
        try:
            body = self._answers.get(timeout=max(remaining, 0.001))
        except queue.Empty:
            self.close()
            raise WorkerStopped(
                f"your code did not finish within {self.timeout:g} seconds ({doing}); "
                "it may loop forever, or be much slower than it needs to be"
            ) from None
        if body is None:
            self._stopped(doing)
        try:
            return json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as error:
            raise ProtocolError(f"unreadable answer ({error})") from None

    def _stopped(self, doing):
        code = self._process.wait()
        self.close()
        raise WorkerStopped(
            f"the Python process running your code stopped {doing} (exit code {code}): "
            "os._exit, sys.exit at the top of a cell, a crash or running out of memory"
        )

    def call(self, name, args, kwargs):
        """Call the student's ``name`` with these arguments and return its decoded answer.

        Raises
        ------
        StudentFunctionError
            If the student's function raised.
        WorkerStopped
            If it did not answer in time or its process stopped.
        """
        self.calls += 1
        self._send((name, args, kwargs))
        answer = self._receive(f"running {name}")
        if "error" in answer:
            error = answer["error"] if isinstance(answer["error"], dict) else {}
            raise StudentFunctionError(str(error.get("type", "Error")), str(error.get("message", "")),
                                       str(error.get("where", "")))
        if "value" not in answer:
            raise ProtocolError("answer without a value")
        return decode(answer["value"])

    def close(self):
        """Stop the process (and anything it started) and remove its folder."""
        process = self._process
        if process.poll() is None:
            try:
                if os.name == "posix":
                    os.killpg(process.pid, signal.SIGKILL)
                else:  # pragma: no cover
                    process.kill()
            except (ProcessLookupError, PermissionError):
                process.kill()
            process.wait()
        for stream in (process.stdin, process.stdout):
            with contextlib.suppress(OSError):
                stream.close()
        shutil.rmtree(self._folder, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class StudentFunction:
    """Stands in, in the grader's process, for a function of the student's: calling it
    runs the student's function in the :class:`Sandbox` and returns its decoded answer."""

    def __init__(self, name, sandbox):
        self.__name__ = self.__qualname__ = name
        self._sandbox = sandbox

    def __call__(self, *args, **kwargs):
        return self._sandbox.call(self.__name__, args, kwargs)

    def __repr__(self):
        return f"<your function {self.__name__}>"
