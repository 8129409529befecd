"""Opinion-lesson explorers: a slider move replaces the chart with new data computed by
the library. The tables themselves are tested in test_experiments_opinions.py."""
import json

import altair as alt
import numpy as np
import pytest

from course_lib import explore, opinions, quizzes, voter
from course_lib.experiments import opinions as lab
from course_lib.explore import opinions as explore_op

KIRA = 10


def _data(chart):
    return json.dumps(chart.to_dict()["datasets"], sort_keys=True)


def _title(chart):
    return chart.to_dict()["title"]


EXPLORERS = {
    "campaign": (lambda: explore_op.campaign_explorer(sweeps=40, seed=5), {"p": 0.2}),
    "empowerment": (explore_op.empowerment_explorer, {"own": 0.2}),
    "expressed_private": (explore_op.expressed_private_explorer, {"resilience": 0.9}),
}


@pytest.mark.parametrize("name", list(EXPLORERS))
def test_update_replaces_chart_with_new_data(name):
    make, move = EXPLORERS[name]
    ex = make()
    widget, before_chart, before = ex.chart_widget, ex.chart, _data(ex.chart)
    after = ex.update(**move)
    assert ex.chart_widget is widget, "explorer must keep one JupyterChart"
    assert widget.chart is after and after is not before_chart
    assert _data(after) != before
    charts = [c for c in ex.children if isinstance(c, alt.JupyterChart)]
    assert charts == [widget]


@pytest.mark.parametrize("name", list(EXPLORERS))
def test_slider_move_triggers_redraw(name):
    make, move = EXPLORERS[name]
    ex = make()
    before = _data(ex.chart)
    (control, value), = move.items()
    ex.controls[control].value = value  # what a person dragging the slider does
    assert _data(ex.chart) != before


def test_campaign_explorer_verdicts_follow_theory():
    ex = explore_op.campaign_explorer(p=0.6, variant="anticonformity", strength=0.1, sweeps=40, seed=5)
    assert _title(ex.chart)["text"].endswith("the campaign backfires")
    ex.update(p=0.2)
    assert _title(ex.chart)["text"].endswith("the campaign flips the market")
    ex.update(p=0.6, variant="independence")
    assert _title(ex.chart)["text"].endswith("the campaign barely helps")
    ex.update(p=0.3, strength=0.3)
    assert _title(ex.chart)["text"].endswith("the campaign works")
    ex.update(strength=0.1)
    ex.update(p=0.5, variant="anticonformity")
    assert _title(ex.chart)["text"].endswith("the campaign fizzles")
    ex.update(p=0.7, kind="zealots", strength=0.2)
    assert _title(ex.chart)["text"].endswith("the campaign backfires")


def test_campaign_explorer_plots_the_library_simulation():
    ex = explore_op.campaign_explorer(p=0.3, q=3, variant="anticonformity", kind="zealots", strength=0.1,
                                      n=500, sweeps=30, seed=9)
    spec = ex.chart.to_dict()
    rows = [r for rows in spec["datasets"].values() for r in rows
            if r.get("source") == "simulation" and r.get("scenario") == "campaign"]
    run = voter.simulate_qvoter(500, 3, 0.3, "anticonformity", 30, seed=9, initial_up=0.3, zealots=50)
    share = (run.fraction_up * 500 - 50) / 450
    assert [r["sweep"] for r in rows] == list(range(0, 31, 4))  # a dot every 4 sweeps
    assert [r["share"] for r in rows] == pytest.approx(share[::4].tolist())


def test_campaign_explorer_theory_lines_keep_the_points_they_need():
    ex = explore_op.campaign_explorer(p=0.2, q=4, variant="anticonformity", strength=0.1, sweeps=100, seed=5)
    rows = [r for rows in ex.chart.to_dict()["datasets"].values() for r in rows if r.get("source") == "theory"]
    for scenario, strength in (("campaign", 0.1), ("no campaign", 0.0)):
        kept = [r for r in rows if r["scenario"] == scenario]
        path = lab.mean_field_path(4, 0.2, "anticonformity", kind="field", strength=strength, start=0.3, sweeps=100)
        assert kept[0]["sweep"] == 0 and kept[-1]["sweep"] == 100 and len(kept) < 50
        # the line through the kept points is within 0.001 (a third of a pixel) of every point
        line = np.interp(np.arange(101), [r["sweep"] for r in kept], [r["share"] for r in kept])
        assert np.abs(line - path).max() <= 0.001 + 1e-12


def test_empowerment_explorer_title_reports_centrality():
    ex = explore_op.empowerment_explorer()
    ex.update(own=0.2, voice=3.0)
    text = ex.chart.to_dict()["title"]["text"]
    assert text == "Kira: swayed 7%, sways 22.0% of everyone's view"


def test_expressed_private_explorer_title_uses_equilibrium():
    ex = explore_op.expressed_private_explorer(resilience=0.3, stubbornness=0.3)
    G = lab.example_network()
    W = opinions.influence_weights(G, self_weight=0.2)
    x0 = lab.people_frame(G).rating.to_numpy()
    ex.update(pressure="global", resilience=0.5)
    x, xhat = opinions.expressed_private_equilibrium(W, x0, 0.7, 0.5, pressure="global")
    title = ex.chart.to_dict()["title"]
    assert f"think within {opinions.opinion_spread(x):.2f}" in title["text"]
    assert f"say within {opinions.opinion_spread(xhat):.2f}" in title["text"]
    assert f"Kira thinks {x[KIRA]:.2f} and says {xhat[KIRA]:.2f}" in title["subtitle"]


@pytest.mark.parametrize("bank", [quizzes.OPINIONS_EMPOWERMENT, quizzes.PUSH_BACK,
                                  quizzes.KELMAN])
def test_quiz_banks_are_well_formed(bank):
    q = explore.quiz(bank)  # raises if an answer index is out of range
    assert len(bank) >= 3 and all(item["explain"] for item in bank)
    first = bank[0]
    q.choices[0].value = first["options"][first["answer"]]
    assert "Right" in q.feedback[0].value
