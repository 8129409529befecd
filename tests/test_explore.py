"""Explorers: calling update (what a slider does) replaces the chart with new data."""
import json

import altair as alt
import pytest

from course_lib import cascades, explore, quizzes


def _data(chart):
    """All inline datasets of a chart spec, as canonical JSON."""
    return json.dumps(chart.to_dict()["datasets"], sort_keys=True)


def test_granovetter_update_changes_chart_data_and_title():
    ex = explore.granovetter_explorer(mean=25, sd=10)
    widget = ex.chart_widget
    before_chart, before = ex.chart, _data(ex.chart)
    after_chart = ex.update(sd=15)
    assert ex.chart_widget is widget, "explorer must keep one JupyterChart"
    assert widget.chart is after_chart and after_chart is not before_chart
    assert _data(after_chart) != before
    assert "100 of 100" in after_chart.to_dict()["title"]["text"]
    assert ex.values == {"mean": 25.0, "sd": 15.0}


def test_slider_move_triggers_update():
    ex = explore.granovetter_explorer(mean=25, sd=10)
    before = _data(ex.chart)
    ex.controls["mean"].value = 20.0  # what a person dragging the slider does
    assert _data(ex.chart) != before


def test_cascade_explorer_update_recomputes_sizes():
    ex = explore.cascade_explorer(mean_degree=3, phi=0.18, runs=40, seed=3)
    widget = ex.chart_widget
    before = _data(ex.chart)
    inside = ex.chart.to_dict()["hconcat"][0]["title"]["text"]
    ex.update(mean_degree=8.0)
    assert ex.chart_widget is widget
    assert _data(ex.chart) != before
    outside = ex.chart.to_dict()["hconcat"][0]["title"]["text"]
    assert outside.startswith("z = 8, φ = 0.18: 0 of 40")
    assert inside != outside


def test_cascade_explorer_shows_library_sizes():
    ex = explore.cascade_explorer(mean_degree=2.5, phi=0.2, runs=30, seed=5)
    spec = ex.update(mean_degree=4.0, phi=0.15).to_dict()
    tables = [rows for rows in spec["datasets"].values() if rows and "fraction" in rows[0]]
    assert len(tables) == 1
    expected = cascades.cascade_sizes(4.0, 0.15, n=2000, runs=30, seed=5)
    assert [r["fraction"] for r in tables[0]] == pytest.approx(expected.tolist())


def test_update_rejects_unknown_control():
    ex = explore.granovetter_explorer()
    with pytest.raises(KeyError, match="controls are"):
        ex.update(spread=3)


def test_explorer_is_widget_with_sliders_and_one_chart():
    ex = explore.cascade_explorer(runs=20, seed=1)
    charts = [c for c in ex.children if isinstance(c, alt.JupyterChart)]
    assert len(charts) == 1 and charts[0] is ex.chart_widget
    assert set(ex.controls) == {"mean_degree", "phi"}


def test_quiz_gives_immediate_feedback():
    q = explore.quiz(quizzes.THRESHOLD_CASCADES)
    first = quizzes.THRESHOLD_CASCADES[0]
    assert q.feedback[0].value == ""
    q.choices[0].value = first["options"][first["answer"]]
    assert "Right" in q.feedback[0].value
    wrong = (first["answer"] + 1) % len(first["options"])
    q.choices[0].value = first["options"][wrong]
    assert "Not quite" in q.feedback[0].value


@pytest.mark.parametrize("bank", [quizzes.START_HERE, quizzes.THRESHOLD_CASCADES])
def test_quiz_banks_are_well_formed(bank):
    explore.quiz(bank)  # raises if an answer index is out of range
    assert all(q["explain"] for q in bank)


def test_predict_locks_choice():
    box = explore.predict("Which?", ["a", "b"])
    box.lock()
    assert box.choice is None  # nothing picked yet
    box.buttons.value = "b"
    box.lock()
    assert box.choice == "b" and box.buttons.disabled
