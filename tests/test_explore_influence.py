"""Explorers of lessons 01 and 03: a slider move replaces the chart with new data
computed by the library. The tables themselves are tested in
test_experiments_influence.py."""
import json

import altair as alt
import pytest

from course_lib import explore, quizzes
from course_lib.experiments import influence as lab


def _data(chart):
    return json.dumps(chart.to_dict()["datasets"], sort_keys=True)


def _title(chart):
    return chart.to_dict()["title"]["text"]


# ------------------------------------------------------------------ lesson 03
@pytest.fixture(scope="module")
def seeding_ex():
    return explore.seeding_explorer(p=0.05, k=10, worlds=60, select_worlds=40, seed=3)


def test_seeding_explorer_keeps_one_chart_and_redraws_on_p(seeding_ex):
    widget = seeding_ex.chart_widget
    charts = [c for c in seeding_ex.children if isinstance(c, alt.JupyterChart)]
    assert charts == [widget]
    before = _data(seeding_ex.chart)
    after = seeding_ex.update(p=0.1)
    assert seeding_ex.chart_widget is widget and widget.chart is after
    assert _data(after) != before
    assert "p = 0.1" in _title(after)


def test_seeding_explorer_budget_moves_the_line_and_the_title(seeding_ex):
    seeding_ex.update(k=5)
    before, title = _data(seeding_ex.chart), _title(seeding_ex.chart)
    seeding_ex.update(k=15)
    assert _data(seeding_ex.chart) != before
    assert "with 15 seeds" in _title(seeding_ex.chart) and "with 5 seeds" in title
    budget = [rows for rows in seeding_ex.chart.to_dict()["datasets"].values() if len(rows) == 1]
    assert budget == [[{"k": 15}]]


def test_seeding_explorer_model_and_network_change_the_curves(seeding_ex):
    seeding_ex.update(model="ic", network="scale-free", p=0.05)
    ic = _data(seeding_ex.chart)
    seeding_ex.update(model="lt")
    assert "LT" in _title(seeding_ex.chart) and _data(seeding_ex.chart) != ic
    lt = _data(seeding_ex.chart)
    seeding_ex.update(network="communities")
    assert _title(seeding_ex.chart).startswith("communities") and _data(seeding_ex.chart) != lt


def test_lt_ignores_p(seeding_ex):
    seeding_ex.update(model="lt", p=0.03)
    first = _data(seeding_ex.chart)
    seeding_ex.update(p=0.12)
    assert _data(seeding_ex.chart) == first


# ------------------------------------------------------------------ lesson 01
@pytest.fixture(scope="module")
def networks_ex():
    return explore.networks_explorer(network="scale-free", n=600, seed=1)


def test_networks_explorer_redraws_on_type_and_size(networks_ex):
    widget = networks_ex.chart_widget
    before = _data(networks_ex.chart)
    networks_ex.update(network="Poisson")
    assert networks_ex.chart_widget is widget
    assert _data(networks_ex.chart) != before
    poisson = networks_ex.chart.to_dict()
    assert poisson["hconcat"][0]["title"]["text"].startswith("Poisson, 600 people")
    networks_ex.update(n=1000)
    assert _data(networks_ex.chart) != json.dumps(poisson["datasets"], sort_keys=True)
    assert "1,000 people" in networks_ex.chart.to_dict()["hconcat"][0]["title"]["text"]


# ------------------------------------------------------------------ quizzes
@pytest.mark.parametrize("bank", [quizzes.SEEDING, quizzes.NETWORKS_AND_INFLUENTIALS])
def test_quiz_banks_are_well_formed_and_answer(bank):
    q = explore.quiz(bank)
    assert len(bank) >= 4 and all(item["explain"] for item in bank)
    first = bank[0]
    q.choices[0].value = first["options"][first["answer"]]
    assert "Right" in q.feedback[0].value
