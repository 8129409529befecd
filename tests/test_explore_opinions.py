"""Opinion-lesson explorers and tables: a slider move replaces the chart with new data
computed by the library; tables reproduce the library's simulations and fixed points."""
import json

import altair as alt
import numpy as np
import pytest

from course_lib import explore, opinions, quizzes_opinions, voter
from course_lib.explore import opinions as explore_op

KIRA = 10


def _data(chart):
    return json.dumps(chart.to_dict()["datasets"], sort_keys=True)


def _title(chart):
    return chart.to_dict()["title"]


EXPLORERS = {
    "campaign": (lambda: explore_op.campaign_explorer(sweeps=40), {"p": 0.2}),
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
    ex = explore_op.campaign_explorer(p=0.6, variant="anticonformity", strength=0.1, sweeps=40)
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
    assert [r["share"] for r in rows] == pytest.approx(share[::2].tolist())


@pytest.mark.parametrize("q, p, variant, kind, strength, start", [
    (4, 0.7, "anticonformity", "field", 0.2, 0.3),
    (4, 0.2, "anticonformity", "field", 0.05, 0.3),
    (4, 0.2, "anticonformity", "field", 0.02, 0.3),
    (4, 0.2, "independence", "zealots", 0.1, 0.3),
    (8, 0.08, "independence", "field", 0.0, 0.9),
    (8, 0.08, "independence", "field", 0.0, 0.45),
    (3, 0.1, "anticonformity", "zealots", 0.0, 0.2),
])
def test_mean_field_settles_at_a_stable_fixed_point_and_the_path_gets_there(q, p, variant, kind, strength, start):
    field, z = (strength, 0.0) if kind == "field" else (0.0, strength)
    mf = voter.qvoter_mean_field(q, p, variant, field=field, zealot_fraction=z)
    stable = [(c - z) / (1 - z) for c in mf.stable]
    settled = explore_op.mean_field_settles(q, p, variant, kind=kind, strength=strength, start=start)
    assert min(abs(settled - c) for c in stable) < 1e-5
    # the flow from `start` reaches the nearest stable point in the direction of the drift
    path = explore_op.mean_field_path(q, p, variant, kind=kind, strength=strength, start=start, sweeps=400)
    assert path[0] == pytest.approx(start)
    assert path[-1] == pytest.approx(settled, abs=1e-3)


def test_mean_field_path_matches_a_large_simulation():
    path = explore_op.mean_field_path(4, 0.3, "anticonformity", kind="field", strength=0.1, start=0.3, sweeps=20)
    run = voter.simulate_qvoter(200_000, 4, 0.3, "anticonformity", 20, seed=1, initial_up=0.3, field=0.1)
    assert np.abs(path - run.fraction_up).max() < 0.01


def test_simulation_frames_are_reproducible_library_runs():
    frame = explore_op.qvoter_simulation_frame(300, [3], [0.1, 0.4], ["anticonformity"], sweeps=20, burn_in=5, seed=4)
    rng = np.random.default_rng(4)
    expected = []
    for p in (0.1, 0.4):
        run = voter.simulate_qvoter(300, 3, p, "anticonformity", 20, seed=rng, initial_up=1.0)
        expected.append(np.abs(run.magnetization[6:]).mean())
    assert frame.magnetization.tolist() == pytest.approx(expected)
    again = explore_op.qvoter_simulation_frame(300, [3], [0.1, 0.4], ["anticonformity"], sweeps=20, burn_in=5, seed=4)
    assert again.equals(frame)
    hyst = explore_op.hysteresis_frame(300, 8, [0.08], sweeps=20, burn_in=5, seed=1)
    assert sorted(hyst.start) == ["evenly split start", "ordered start"]


def test_campaign_simulation_frame_excludes_zealots():
    frame = explore_op.campaign_simulation_frame(400, 4, [0.0], "anticonformity", "zealots", [0.25],
                                                 start=0.0, sweeps=50, burn_in=40, seed=2)
    run = voter.simulate_qvoter(400, 4, 0.0, "anticonformity", 50, seed=np.random.default_rng(2),
                                initial_up=0.0, zealots=100)
    assert frame.share.iloc[0] == pytest.approx(((run.fraction_up[41:] * 400 - 100) / 300).mean())
    assert frame.share.iloc[0] < run.fraction_up[41:].mean() - 0.2  # the 100 ambassadors are not counted


def test_campaign_verdict():
    assert explore_op.campaign_verdict(0.5, 0.48) == "backfires"
    assert explore_op.campaign_verdict(0.5, 0.505) == "fizzles"
    assert explore_op.campaign_verdict(0.5, 0.495) == "fizzles"
    assert explore_op.campaign_verdict(0.5, 0.53) == "barely helps"
    assert explore_op.campaign_verdict(0.5, 0.6) == "works"
    assert explore_op.campaign_verdict(0.2, 0.8) == "flips the market"


def test_campaign_inputs_are_checked():
    with pytest.raises(ValueError, match="kind"):
        explore_op.mean_field_settles(4, 0.2, "independence", kind="tv")
    with pytest.raises(ValueError, match="strength"):
        explore_op.mean_field_settles(4, 0.2, "independence", strength=1.5)


def test_empowerment_frame_matches_library():
    G = explore_op.example_network()
    W = opinions.influence_weights(G, self_weight=0.2)
    x0 = explore_op.people_frame(G).rating.to_numpy()
    frame = explore_op.empowerment_frame(W, x0, 0.8, KIRA, new_susceptibility=0.2, voice=3.0)
    lam = opinions.lower_susceptibility(W, 0.8, KIRA, 0.6)
    W3 = opinions.amplify_voice(W, KIRA, 3.0)
    V = opinions.influence_matrix(W3, lam)
    assert frame.equilibrium.to_numpy() == pytest.approx(opinions.friedkin_johnsen_equilibrium(W3, x0, lam))
    assert frame.centrality.to_numpy() == pytest.approx(opinions.influence_centrality(W3, lam))
    assert frame.attrs["swayed"] == pytest.approx(1 - V[KIRA, KIRA])
    assert frame.centrality[KIRA] > frame.baseline_centrality[KIRA]


def test_empowerment_explorer_title_reports_centrality():
    ex = explore_op.empowerment_explorer()
    ex.update(own=0.2, voice=3.0)
    text = ex.chart.to_dict()["title"]["text"]
    assert text == "Kira: swayed 7%, sways 22.0% of everyone's view"


def test_simulated_centrality_equals_closed_form():
    G = explore_op.example_network()
    W = opinions.influence_weights(G, self_weight=0.2)
    sim = explore_op.simulated_centrality_frame(W, 0.8, KIRA, [0.0, 0.5], voices=[1, 2])
    theory = explore_op.centrality_sweep_frame(W, 0.8, KIRA, [0.0, 0.5], voices=[1, 2])
    assert sim.centrality.to_numpy() == pytest.approx(theory.centrality.to_numpy(), abs=1e-9)


def test_expressed_private_explorer_title_uses_equilibrium():
    ex = explore_op.expressed_private_explorer(resilience=0.3, stubbornness=0.3)
    G = explore_op.example_network()
    W = opinions.influence_weights(G, self_weight=0.2)
    x0 = explore_op.people_frame(G).rating.to_numpy()
    ex.update(pressure="global", resilience=0.5)
    x, xhat = opinions.expressed_private_equilibrium(W, x0, 0.7, 0.5, pressure="global")
    title = ex.chart.to_dict()["title"]
    assert f"think within {opinions.opinion_spread(x):.2f}" in title["text"]
    assert f"say within {opinions.opinion_spread(xhat):.2f}" in title["text"]
    assert f"Kira thinks {x[KIRA]:.2f} and says {xhat[KIRA]:.2f}" in title["subtitle"]


def test_resilience_frames_agree():
    G = explore_op.example_network()
    W = opinions.influence_weights(G, self_weight=0.2)
    x0 = explore_op.people_frame(G).rating.to_numpy()
    theory = explore_op.resilience_frame(W, x0, 0.7, [0.2, 0.8], KIRA)
    sim = explore_op.simulated_resilience_frame(W, x0, 0.7, [0.2, 0.8], KIRA)
    assert sim.value.to_numpy() == pytest.approx(theory.value.to_numpy(), abs=1e-8)
    low = theory[theory.resilience == 0.2].set_index("measure")["value"]
    assert low["expressed spread"] < low["private spread"]  # pluralistic ignorance


@pytest.mark.parametrize("bank", [quizzes_opinions.OPINIONS_EMPOWERMENT, quizzes_opinions.PUSH_BACK,
                                  quizzes_opinions.KELMAN])
def test_quiz_banks_are_well_formed(bank):
    q = explore.quiz(bank)  # raises if an answer index is out of range
    assert len(bank) >= 3 and all(item["explain"] for item in bank)
    first = bank[0]
    q.choices[0].value = first["options"][first["answer"]]
    assert "Right" in q.feedback[0].value
