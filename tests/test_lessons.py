"""Every lesson runs top to bottom from a fresh kernel and is committed without outputs,
and every prediction it asks for is scored and recorded when a student locks a guess."""
import re
from pathlib import Path

import nbformat
import pytest

from course_lib.predictions import PredictionLog

LESSONS = Path(__file__).resolve().parents[1] / "lessons"
NOTEBOOKS = sorted(LESSONS.glob("*.ipynb"))


def test_there_are_lessons():
    names = [p.name for p in NOTEBOOKS]
    assert "00_start_here.ipynb" in names and "02_threshold_cascades.ipynb" in names


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_committed_without_outputs(path):
    nb = nbformat.read(path, as_version=4)
    dirty = [
        i for i, cell in enumerate(nb.cells)
        if cell.cell_type == "code" and (cell.outputs or cell.execution_count is not None)
    ]
    assert not dirty, f"{path.name}: clear the outputs of cells {dirty} before committing"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_first_cell_enables_offline_charts(path):
    nb = nbformat.read(path, as_version=4)
    assert "viz.enable_offline()" in nb.cells[0].source


PREDICTION = re.compile(r"^(\w+) = explore\.(predict|predict_number)\((.*?)^\)", re.M | re.S)


def predictions_of(nb):
    """(variable, kind, lesson, key) of every prediction the lesson asks for."""
    found = []
    for cell in nb.cells:
        if cell.cell_type == "code":
            for name, call, args in PREDICTION.findall(cell.source):
                lesson = re.search(r'lesson="(\w+)"', args)
                key = re.search(r'key="(\w+)"', args)
                found.append((name, "number" if call == "predict_number" else "choice",
                              lesson and lesson.group(1), key and key.group(1)))
    return found


def with_locked_guesses(nb):
    """After every prediction cell, a cell that locks a guess, as a student would."""
    cells = []
    for cell in nb.cells:
        cells.append(cell)
        if cell.cell_type == "code":
            for name, call, _ in PREDICTION.findall(cell.source):
                pick = f"{name}.buttons.value = {name}.options[-1]\n" if call == "predict" else ""
                cells.append(nbformat.v4.new_code_cell(f"{pick}{name}.lock()"))
    nb.cells = cells
    return nb


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_prediction_is_named_scored_and_summed_up(path):
    nb = nbformat.read(path, as_version=4)
    number = path.name[:2]
    asked = predictions_of(nb)
    assert asked, f"{path.name}: no Predict step"
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    for name, kind, lesson, key in asked:
        assert lesson == number and key, f"{path.name}: {name} needs lesson={number!r} and a key"
        reveals = re.findall(rf"explore\.reveal\(\s*{name}\b[^\n]*(?:\n\s+[^\n]*)*", code)
        assert reveals, f"{path.name}: {name} is never revealed (scored against the model)"
    assert len({key for *_, key in asked}) == len(asked), f"{path.name}: two predictions share a key"
    assert f'explore.calibration("{number}")' in code or (number == "00" and "explore.calibration()" in code), \
        f"{path.name}: no calibration summary"


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_lesson_executes_without_errors(path, tmp_path, monkeypatch):
    """Run as a student who locks in every guess: each is scored against the model and kept."""
    from nbclient import NotebookClient

    log = tmp_path / "predictions.json"
    monkeypatch.setenv("COURSE_PREDICTIONS", str(log))  # the kernel inherits it
    nb = with_locked_guesses(nbformat.read(path, as_version=4))
    client = NotebookClient(
        nb, kernel_name="python3", timeout=600, allow_errors=False,
        resources={"metadata": {"path": str(LESSONS)}},
    )
    client.execute()  # raises CellExecutionError on the first failing cell
    problems = []
    for i, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            if out.output_type == "error":
                problems.append(f"cell {i}: {out.ename}: {out.evalue}")
            elif out.output_type == "stream" and out.name == "stderr" and (
                "Traceback" in out.text or "Error" in out.text
            ):
                problems.append(f"cell {i}: stderr: {out.text[:300]}")
    assert not problems, "\n".join(problems)
    recorded = {(v.lesson, v.key) for v in PredictionLog(log).verdicts()}
    asked = {(lesson, key) for _, _, lesson, key in predictions_of(nb)}
    assert recorded == asked, f"{path.name}: predictions scored and recorded {sorted(recorded)}, asked {sorted(asked)}"
