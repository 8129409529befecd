"""nbgrader preprocessors that grade a submission where its code cannot reach.

``assignments/nbgrader_config.py`` puts these two in place of nbgrader's ``Execute``:

- :class:`RunForDisplay` runs the submission in a Jupyter kernel as nbgrader does, so
  the feedback shows the student's own outputs, but skips the test cells (their verdict
  comes from elsewhere) and stops, instead of failing the whole submission, when the
  kernel dies or stops answering.
- :class:`GradeInIsolation` then grades every test cell as
  :mod:`course_lib.grading.isolation` describes: the student's definitions from the
  notebook file run in a fresh process without ``course_lib``; the cell's master code
  from the gradebook runs in the grader's process with stand-ins for the student's
  functions; the cell's outputs are replaced by the verdict, which nbgrader's
  ``SaveAutoGrades`` turns into points (an error output scores 0, anything else full).

Whatever the student's kernel did -- objects that equal anything, threads, AST
transformers, patched grading modules, a dead kernel -- nothing of it reaches the score.
"""
from __future__ import annotations

import ast
import builtins
import traceback

from nbclient.exceptions import DeadKernelError
from nbformat.notebooknode import NotebookNode
from nbgrader import utils
from nbgrader.api import Gradebook
from nbgrader.preprocessors import Execute, NbGraderPreprocessor
from traitlets import Integer, Unicode

from .isolation import (
    ProtocolError, Sandbox, StudentFunction, StudentFunctionError, WorkerStopped,
    answer_code, graded_as, names_read,
)

__all__ = ["RunForDisplay", "GradeInIsolation", "SUSPICIOUS_NAMES"]

# Names an honest answer to these problem sets has no use for; a submission that uses
# them is named in the grader's log so the instructor reads it.
SUSPICIOUS_NAMES = frozenset({
    "course_lib", "importlib", "__import__", "builtins", "__builtins__", "inspect", "gc",
    "ctypes", "subprocess", "os", "exec", "eval", "compile", "get_ipython", "threading",
    "multiprocessing", "signal", "globals", "__wrapped__", "_getframe", "f_locals", "f_back",
    "f_globals", "meta_path", "modules", "ast_transformers",
})


def _is_test_cell(cell):
    return cell.cell_type == "code" and utils.is_grade(cell) and not utils.is_solution(cell)


def _note(text):
    return NotebookNode(output_type="stream", name="stdout", text=text)


def _error(ename, message):
    return NotebookNode(output_type="error", ename=ename, evalue=message, traceback=[message])


class RunForDisplay(Execute):
    """nbgrader's ``Execute`` for the feedback only: test cells are skipped, and a
    kernel that dies or does not answer ends the run instead of the submission."""

    def preprocess(self, nb, resources=None, km=None):
        self._halted = None
        return super().preprocess(nb, resources, km)

    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type != "code" or _is_test_cell(cell):
            return cell, resources
        if self._halted:
            cell.outputs = [_note(f"(not run while grading: {self._halted})\n")]
            return cell, resources
        try:
            cell, resources = super().preprocess_cell(cell, resources, index)
        except DeadKernelError:
            self._halted = "the kernel stopped in an earlier cell"
            cell.outputs.append(_error("DeadKernelError", "The kernel stopped while running this cell."))
            self.log.warning("The kernel died in cell %d; the rest is graded without it", index)
            return cell, resources
        except Exception as error:  # a kernel that no longer answers (nbclient's timeouts)
            self._halted = "the kernel stopped answering in an earlier cell"
            cell.outputs.append(_error(type(error).__name__, f"The kernel stopped answering: {error}"))
            self.log.warning("The kernel stopped answering in cell %d (%s)", index, error)
            return cell, resources
        if any(o.get("ename") == "CellTimeoutError" for o in cell.get("outputs", [])):
            self._halted = "an earlier cell did not finish in time"
        return cell, resources


class GradeInIsolation(NbGraderPreprocessor):
    """Replace every test cell's outputs with a verdict reached outside the student's kernel."""

    timeout = Integer(60, help="Seconds one test cell may take, the student's process included.").tag(config=True)
    memory_mb = Integer(0, help="Address-space limit of the student's process in MiB (0: none).").tag(config=True)
    python = Unicode("", help="Interpreter for the student's process (default: the grader's).").tag(config=True)

    def preprocess(self, nb, resources):
        info = resources["nbgrader"]
        self.student = info["student"]
        with Gradebook(info["db_url"]) as gradebook:
            notebook = gradebook.find_notebook(info["notebook"], info["assignment"])
            masters = {cell.name: (cell.source, cell.locked) for cell in notebook.source_cells}

        test_sources, instructor_cells, student_cells = {}, [], []
        for number, cell in enumerate(nb.cells, start=1):
            if cell.cell_type != "code":
                continue
            grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
            master = masters.get(grade_id)
            if _is_test_cell(cell) and master is not None:
                test_sources[grade_id] = master[0]
            elif master is not None and master[1]:  # a locked cell of the instructor's
                instructor_cells.append((f"cell {number}", master[0]))
            elif not _is_test_cell(cell):
                student_cells.append((f"cell {number}", cell.source))

        self.test_sources = test_sources
        self.namespace = {"__name__": "__grader__"}
        for label, source in instructor_cells:
            try:
                exec(compile(source, f"<instructor {label}>", "exec"), self.namespace)
            except Exception:
                self.log.error("Instructor cell %s failed in the grader:\n%s", label, traceback.format_exc())
        # Only names the student defines are bound: a function called isinstance or nx
        # must not stand in for what the test cells mean by those names.
        wanted = set().union(set(), *(names_read(ast.parse(s)) for s in test_sources.values()))
        self.wanted = wanted - set(dir(builtins)) - set(self.namespace)
        self.code = answer_code([*instructor_cells, *student_cells], self.wanted)
        self._report_suspicious(student_cells)
        self._load_failure = None
        return super().preprocess(nb, resources)

    def _report_suspicious(self, student_cells):
        for label, source in student_cells:
            try:
                tree = ast.parse(source)
            except SyntaxError:
                continue
            used = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
            used |= {a.name.split(".")[0] for n in ast.walk(tree) if isinstance(n, (ast.Import, ast.ImportFrom))
                     for a in n.names}
            used |= {n.module.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
            used |= {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)}
            odd = sorted(used & SUSPICIOUS_NAMES)
            if odd:
                self.log.warning("Student %s, %s uses %s: read this answer", self.student, label, ", ".join(odd))

    def preprocess_cell(self, cell, resources, index):
        if not _is_test_cell(cell):
            return cell, resources
        grade_id = cell.metadata.nbgrader["grade_id"]
        source = self.test_sources.get(grade_id)
        if source is None:  # not in the gradebook: nbgrader flags it for manual grading
            return cell, resources
        cell.source = source
        cell.outputs = [self._verdict(grade_id, source)]
        return cell, resources

    def _verdict(self, grade_id, source):
        if self._load_failure:
            return _error("WorkerStopped", self._load_failure)
        try:
            sandbox = Sandbox(self.code, self.wanted, timeout=self.timeout,
                              python=self.python or None, memory_mb=self.memory_mb or None)
        except (WorkerStopped, ProtocolError) as stop:
            self._load_failure = f"Your notebook's definitions could not be loaded: {stop}"
            return _error("WorkerStopped", self._load_failure)
        try:
            return self._run_test(grade_id, source, sandbox)
        finally:
            sandbox.close()

    def _run_test(self, grade_id, source, sandbox):
        namespace = dict(self.namespace)
        namespace.update(sandbox.values)
        namespace.update({name: StudentFunction(name, sandbox) for name in sandbox.functions})
        filename = f"<test cell {grade_id}>"
        problems = [*self.code.problems, *sandbox.problems]
        try:
            with graded_as(self.student):
                exec(compile(source, filename, "exec"), namespace)
        except AssertionError as failure:
            return _error("AssertionError", _with_problems(_assertion_text(failure, source, filename), problems))
        except StudentFunctionError as error:
            return _error("AssertionError", _with_problems(f"Your function raised {error.describe()[10:]}.", problems))
        except NameError as error:
            return _error("NameError", _with_problems(
                f"{error.name or error} is not defined in your notebook: keep the function and "
                "variable names the exercise gives (only imports, definitions and the assignments "
                "they use are taken from your notebook while grading).", problems))
        except WorkerStopped as stop:
            return _error("WorkerStopped", _with_problems(f"This cell scores 0: {stop}.", problems))
        except ProtocolError as error:
            return _error("ProtocolError", f"Your answer could not be read back ({error}).")
        except Exception as error:
            self.log.info("Test cell %s for %s:\n%s", grade_id, self.student, traceback.format_exc())
            return _error(type(error).__name__, _with_problems(
                f"Your answer could not be checked ({type(error).__name__}: {error}). Check that your "
                "function returns the kind of value the exercise asks for.", problems))
        return _note(f"Passed: every check in this cell ({sandbox.calls} calls of your functions, "
                     "run in a separate process).\n")


def _assertion_text(failure, source, filename):
    message = str(failure)
    if message:
        return message
    lines = source.splitlines()
    for frame in reversed(traceback.extract_tb(failure.__traceback__)):
        if frame.filename == filename and 0 < frame.lineno <= len(lines):
            return f"A check failed: {lines[frame.lineno - 1].strip()}"
    return "A check in this cell failed."


def _with_problems(message, problems):
    if not problems:
        return message
    return message + "\n\nAlso: " + "; ".join(problems) + "."
