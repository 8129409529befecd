"""Submissions for the nbgrader pipeline test: honest ones, and dishonest ones that do no
work but would fool a grader that trusts the student's kernel.

Every builder takes an assignment's :class:`Answers` (its answer cells, read from the
source notebook) and returns ``{grade_id: cell source}`` for the answer cells, plus, for
a few, extra cells to insert. The dishonest tricks:

- ``equals_anything``: return an object whose ``==`` and comparisons always say yes;
- ``thread``: call the library's reference on a new thread (a thread does not inherit the
  context variable that switched the reference off);
- ``grader_frames``: walk up the caller's frames and return the grader's ``expected``;
- ``patched_grading``: replace every ``check_*`` of ``course_lib.grading`` at the top of
  an answer cell, and return nothing;
- ``unguarded_original``: call ``reference.__wrapped__``, the function behind the guard's
  decorator;
- ``cell_transformer``: install an IPython AST transformer that wraps every later cell,
  hidden tests included, in ``try: ... except BaseException: pass``;
- ``answer_table``: a table of the reference's answers to the hidden inputs drawn with
  the seeds written in the hidden tests, looked up by a fingerprint of the arguments.
"""
from __future__ import annotations

import ast
import base64
import contextvars
import hashlib
import pickle
import textwrap
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
import nbformat
import numpy as np

# The reference behind each exercise, as a dotted path a dishonest submission imports.
REFERENCES = {
    "rank_by_degree": "course_lib.grading.influence._reference_rank_by_degree",
    "kshell": "course_lib.grading.influence._reference_kshell",
    "top_k_overlap": "course_lib.grading.influence._reference_overlap",
    "share_connected": "course_lib.grading.influence.reference_share_connected",
    "expected_ties_inside": "course_lib.sampling.expected_internal_edges",
    "threshold_cascade": "course_lib.grading.cascades._reference_active_set",
    "vulnerable_degree": "course_lib.cascades.vulnerable_degree_limit",
    "cascade_possible": "course_lib.cascades.cascade_condition",
    "ic_with_coins": "course_lib.grading.seeding._reference_ic",
    "estimate_spread": "course_lib.grading.seeding._reference_spread",
    "greedy_over_worlds": "course_lib.grading.seeding.reference_greedy_over_worlds",
    "fj_step": "course_lib.opinions.friedkin_johnsen_step",
    "fj_equilibrium": "course_lib.opinions.friedkin_johnsen_equilibrium",
    "qvoter_update": "course_lib.grading.opinions._reference_qvoter",
    "critical_point": "course_lib.voter.qvoter_critical_point",
    "bass_adoption": "course_lib.diffusion.bass_adoption",
    "bass_peak_time": "course_lib.diffusion.bass_peak_time",
    "continuum_step": "course_lib.grading.diffusion._reference_continuum_step",
    "plan_value": "course_lib.grading.budgets._reference_plan_value",
    "best_constant_split": "course_lib.grading.budgets._reference_best_share",
    "exit_step": "course_lib.grading.platforms._reference_exit_step",
    "exit_share": "course_lib.grading.platforms._reference_exit_share",
    "choose_strategy": "course_lib.grading.platforms._reference_strategy",
}


def strip_markers(source):
    return "\n".join(line for line in source.splitlines()
                     if "### BEGIN SOLUTION" not in line and "### END SOLUTION" not in line)


@dataclass(frozen=True)
class Answer:
    grade_id: str
    name: str
    kind: str  # "function" or "value"
    signature: str  # "G, threshold, seeds" for a function
    solution: str


@dataclass(frozen=True)
class Answers:
    assignment: str
    cells: tuple  # of Answer, in notebook order
    tests: tuple  # (grade_id, full master source) of the test cells
    imports: str  # the instructor's imports cell


def read_answers(source_path, assignment):
    nb = nbformat.read(source_path, as_version=4)
    cells, tests, imports = [], [], ""
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if cell.cell_type != "code":
            continue
        if meta.get("solution"):
            solution = strip_markers(cell.source)
            tree = ast.parse(solution)
            defs = [s for s in tree.body if isinstance(s, ast.FunctionDef)]
            if defs:
                node = defs[0]
                cells.append(Answer(meta["grade_id"], node.name, "function",
                                    ast.unparse(node.args), solution))
            else:
                target = next(s for s in tree.body if isinstance(s, ast.Assign)).targets[0].id
                cells.append(Answer(meta["grade_id"], target, "value", "", solution))
        elif meta.get("grade"):
            tests.append((meta["grade_id"], cell.source))
        elif meta.get("locked"):
            imports += cell.source + "\n"
    return Answers(assignment, tuple(cells), tuple(tests), imports)


SOURCE_DIR = Path(__file__).resolve().parent.parent / "assignments" / "source"


def solution_source(assignment, grade_id, *, edit=None):
    """The instructor's answer to one cell of an assignment (markers stripped), read from
    its source notebook; ``edit=(old, new)`` changes one line that must occur exactly
    once. The tests' honest and wrong students are built from it, so the solution has
    one copy."""
    answers = read_answers(SOURCE_DIR / assignment / f"{assignment}.ipynb", assignment)
    source = next(a.solution for a in answers.cells if a.grade_id == grade_id)
    if edit is not None:
        old, new = edit
        assert source.count(old) == 1, f"{old!r} occurs {source.count(old)} times in {grade_id}"
        source = source.replace(old, new)
    return source


def solution_function(assignment, grade_id, *, edit=None):
    """:func:`solution_source` run in a fresh namespace: the function it defines."""
    namespace = {}
    source = solution_source(assignment, grade_id, edit=edit)
    exec(compile(source, f"<{assignment}:{grade_id}>", "exec"), namespace)
    name = next(s.name for s in ast.parse(source).body if isinstance(s, ast.FunctionDef))
    return namespace[name]


def _per_answer(answers, function_code, value_code="{name} = None"):
    """One cell per answer: ``function_code`` for functions, ``value_code`` for values,
    both formatted with the answer's name, signature and reference path."""
    out = {}
    for answer in answers.cells:
        template = function_code if answer.kind == "function" else value_code
        out[answer.grade_id] = textwrap.dedent(template).format(
            name=answer.name, signature=answer.signature,
            reference=REFERENCES.get(answer.name, ""),
            module=REFERENCES.get(answer.name, "x.y").rsplit(".", 1)[0],
            attr=REFERENCES.get(answer.name, "x.y").rsplit(".", 1)[1],
        )
    return out


ANYTHING = '''
class _Anything(set):
    """Equal to everything, below and above everything, a set and a number at once."""
    def __eq__(self, other): return True
    def __ne__(self, other): return False
    __lt__ = __le__ = __gt__ = __ge__ = __eq__
    def __hash__(self): return 0
    def __bool__(self): return True
    def __float__(self): return 0.5
    def __index__(self): return 1
    def __getitem__(self, i): return _Anything()
    def __iter__(self): return iter((_Anything(), _Anything()))
    def __len__(self): return 2
    def __sub__(self, other): return 0.0
    __rsub__ = __add__ = __radd__ = __mul__ = __rmul__ = __truediv__ = __sub__
    def __abs__(self): return 0.0
'''


def equals_anything(answers):
    cells = _per_answer(answers, ANYTHING + "\ndef {name}({signature}):\n    return _Anything()\n",
                        ANYTHING + "\n{name} = _Anything()\n")
    return cells, {}


def thread(answers):
    return _per_answer(answers, '''
        import threading
        import importlib

        def {name}(*args, **kwargs):
            box = {{}}
            def run():
                box["answer"] = getattr(importlib.import_module("{module}"), "{attr}")(*args, **kwargs)
            worker = threading.Thread(target=run)
            worker.start()
            worker.join()
            answer = box["answer"]
            return list(answer) if isinstance(answer, list) else answer
        '''), {}


def grader_frames(answers):
    return _per_answer(answers, '''
        import sys

        def {name}(*args, **kwargs):
            frame = sys._getframe(1)
            while frame is not None:
                if "expected" in frame.f_locals:
                    answer = frame.f_locals["expected"]
                    return list(answer) if isinstance(answer, list) else answer
                frame = frame.f_back
            return None
        '''), {}


def patched_grading(answers):
    return _per_answer(answers, '''
        import course_lib.grading as _grading
        from course_lib.grading import cascades as _c, core as _core, influence as _i, opinions as _o, seeding as _s
        for _module in (_grading, _c, _core, _i, _o, _s):
            for _name in dir(_module):
                if _name.startswith("check_"):
                    setattr(_module, _name, lambda *args, **kwargs: None)

        def {name}({signature}):
            return None
        '''), {}


def unguarded_original(answers):
    return _per_answer(answers, '''
        import importlib

        _original = getattr(importlib.import_module("{module}"), "{attr}")
        _original = getattr(_original, "__wrapped__", _original)

        def {name}(*args, **kwargs):
            answer = _original(*args, **kwargs)
            return list(answer) if isinstance(answer, list) else answer
        '''), {}


def cell_transformer(answers):
    return _per_answer(answers, '''
        import ast

        class _SwallowEverything(ast.NodeTransformer):
            def visit_Module(self, node):
                handler = ast.ExceptHandler(type=ast.Name("BaseException", ast.Load()), name=None,
                                            body=[ast.Pass()])
                node.body = [ast.Try(body=node.body or [ast.Pass()], handlers=[handler],
                                     orelse=[], finalbody=[])]
                return ast.fix_missing_locations(node)

        get_ipython().ast_transformers.append(_SwallowEverything())

        def {name}({signature}):
            return None
        '''), {}


# ---------------------------------------------------------------------------
# The answer table


def fingerprint(args, kwargs):
    """Text that identifies a call's arguments (graphs, arrays, generators included)."""
    def canon(x):
        if isinstance(x, nx.Graph):
            return ("graph", x.is_directed(), tuple(map(repr, x.nodes)), tuple(sorted(map(repr, x.edges))))
        if isinstance(x, np.ndarray):
            return ("array", x.shape, tuple(np.round(x.astype(float).ravel(), 12).tolist()))
        if isinstance(x, np.random.Generator):
            return ("rng", repr(x.bit_generator.state))
        if isinstance(x, dict):
            return ("dict", tuple(sorted((repr(k), repr(canon(v))) for k, v in x.items())))
        if isinstance(x, (list, tuple)):
            return (type(x).__name__, tuple(canon(v) for v in x))
        if isinstance(x, (set, frozenset)):
            return ("set", tuple(sorted(map(repr, x))))
        if isinstance(x, (float, np.floating)):
            return repr(round(float(x), 12))
        return repr(x)
    return hashlib.sha1(repr(canon((args, kwargs))).encode()).hexdigest()


FINGERPRINT_SOURCE = textwrap.dedent('''
    import hashlib
    import networkx as nx
    import numpy as np
''') + textwrap.dedent(ast.get_source_segment(open(__file__).read(), next(
    node for node in ast.parse(open(__file__).read()).body
    if isinstance(node, ast.FunctionDef) and node.name == "fingerprint")))


# The reference's answer in the form the exercise asks for, where the two differ.
ANSWER_FORMS = {
    "estimate_spread": lambda stats: (stats.mean, stats.sd / stats.runs ** 0.5),
}


def _plain(value):
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, tuple):
        return tuple(_plain(v) for v in value)
    return value


def answer_table(answers):
    """Record the reference's answer to every call the test cells make with the seeds
    written in the hidden tests, and submit functions that look the answers up."""
    import importlib

    table = {}

    def recorder(name):
        module, attr = REFERENCES[name].rsplit(".", 1)
        reference = getattr(importlib.import_module(module), attr)

        def record(*args, **kwargs):
            key = fingerprint(args, kwargs)  # before the reference may draw from an rng
            # An empty context: the guard's "locked" variable is back to its default there.
            answer = contextvars.Context().run(reference, *args, **kwargs)
            answer = _plain(ANSWER_FORMS.get(name, lambda a: a)(answer))
            table[(name, key)] = answer
            return answer
        record.__name__ = name
        return record

    namespace = {}
    exec(answers.imports, namespace)
    for answer in answers.cells:
        if answer.kind == "function":
            namespace[answer.name] = recorder(answer.name)
        else:
            exec(answer.solution, namespace)
    for _, source in answers.tests:
        exec(source, namespace)
    blob = base64.b64encode(pickle.dumps(table)).decode()
    first = answers.cells[0].grade_id
    cells = _per_answer(answers, '''
        def {name}(*args, **kwargs):
            return ANSWERS[("{name}", fingerprint(args, kwargs))]
        ''')
    cells[first] = (FINGERPRINT_SOURCE + "\nimport base64, pickle\n"
                    f"ANSWERS = pickle.loads(base64.b64decode({blob!r}))\n" + cells[first])
    return cells, {}


DISHONEST = {
    "equals_anything": equals_anything,
    "thread": thread,
    "grader_frames": grader_frames,
    "patched_grading": patched_grading,
    "unguarded_original": unguarded_original,
    "cell_transformer": cell_transformer,
    "answer_table": answer_table,
}


# ---------------------------------------------------------------------------
# Honest submissions that must keep full marks


def _insert_after_def(solution, lines):
    """Put ``lines`` first in the body of every top-level function of ``solution``."""
    tree = ast.parse(solution)
    source = solution.splitlines()
    for node in sorted((n for n in tree.body if isinstance(n, ast.FunctionDef)),
                       key=lambda n: n.lineno, reverse=True):
        indent = " " * node.body[0].col_offset
        at = node.body[0].lineno - 1
        source[at:at] = [indent + line for line in lines]
    return "\n".join(source) + "\n"


def noisy(answers):
    """The solution, printing to stderr and raising a warning in every function."""
    out = {}
    for answer in answers.cells:
        out[answer.grade_id] = "import sys\nimport warnings\n\n" + _insert_after_def(answer.solution, [
            'print("debugging: called", file=sys.stderr)',
            'warnings.warn("a harmless warning")',
        ])
    return out, {}


def helper_in_own_cell(answers):
    """Each function is a one-line call of a helper that lives in a cell of its own,
    inserted by the student below the answer cell."""
    out, extra = {}, {}
    for answer in answers.cells:
        if answer.kind != "function":
            out[answer.grade_id] = answer.solution
            continue
        out[answer.grade_id] = (f"def {answer.name}(*args, **kwargs):\n"
                                f"    return _{answer.name}_steps(*args, **kwargs)\n")
        extra[answer.grade_id] = answer.solution.replace(f"def {answer.name}(", f"def _{answer.name}_steps(", 1)
    return out, extra


def solution(answers):
    return {answer.grade_id: answer.solution for answer in answers.cells}, {}


def build(release_nb, cells, extra_after=None):
    """The release notebook with its answer cells replaced, and the extra cells (no
    nbgrader metadata, as a student's own cell) inserted after the named answer cells."""
    nb = nbformat.from_dict(release_nb)
    out = []
    for cell in nb.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if cell.metadata.get("nbgrader", {}).get("solution") and grade_id in cells:
            cell.source = cells[grade_id]
        out.append(cell)
        if extra_after and grade_id in extra_after:
            out.append(nbformat.v4.new_code_cell(extra_after[grade_id]))
    nb.cells = out
    return nb
