"""Every lesson runs top to bottom from a fresh kernel and is committed without outputs."""
from pathlib import Path

import nbformat
import pytest

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


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_lesson_executes_without_errors(path):
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
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
