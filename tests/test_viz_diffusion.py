"""Lesson 07's tables and charts: the theory is in the tables and drawn over the simulations."""
import dataclasses

import numpy as np
import pandas as pd
import pytest

from course_lib import diffusion, viz
from course_lib._validation import as_rng
from course_lib.experiments import diffusion as lab

LEVERS = diffusion.Levers(0.02, 0.05, 0.3, 0.1, 0.02, disappointment=0.005)


@pytest.fixture(scope="module")
def bass_sims():
    return lab.bass_frame(0.005, 0.2, 60, lab.diffusion_networks(1000, 4, seed=2), runs=3, seed=2)


def _layers(spec):
    inner = spec.get("spec", spec)
    return inner["layer"]


def test_bass_frame_carries_the_closed_form_and_the_recursion(bass_sims):
    steps = np.arange(61, dtype=float)
    for _, part in bass_sims.groupby("network"):
        np.testing.assert_allclose(part.closed_form, diffusion.bass_adoption(steps, 0.005, 0.2))
        np.testing.assert_allclose(part.closed_rate, diffusion.bass_rate(steps, 0.005, 0.2))
        np.testing.assert_allclose(part.discrete, diffusion.bass_discrete(60, 0.005, 0.2))
    assert list(bass_sims.network.unique()) == list(lab.NETWORK_KINDS)


def test_complete_graph_follows_the_recursion_and_sparse_networks_lag(bass_sims):
    complete = bass_sims[bass_sims.network == "complete"]
    # three runs of 1,000: Monte Carlo error of the mean about sqrt(0.25 / 3000) ~ 0.01
    assert (complete.adopted - complete.discrete).abs().max() < 0.05
    summary = lab.bass_summary(bass_sims).set_index("network")
    for sparse in ("random", "clustered", "scale-free"):
        assert summary.loc[sparse, "half_step"] > summary.loc["complete", "half_step"]
        assert summary.loc[sparse, "gap"] > 2 * summary.loc["complete", "gap"]


def test_bass_chart_draws_the_closed_form_over_the_points(bass_sims):
    peak = diffusion.bass_peak_time(0.005, 0.2)
    spec = viz.bass_chart(bass_sims, peak_time=peak).to_dict()
    layers = _layers(spec)
    marks = [layer["mark"]["type"] for layer in layers]
    assert marks == ["point", "line", "line", "rule"]  # points first: the lines are drawn over them
    assert layers[2]["encoding"]["y"]["field"] == "theory"
    rows = pd.DataFrame(spec["datasets"][spec["data"]["name"]])
    left = rows[(rows.panel == "share who have adopted") & (rows.network == "complete")]
    np.testing.assert_allclose(left.theory, diffusion.bass_adoption(left.step.astype(float), 0.005, 0.2))
    assert rows.peak.iloc[0] == pytest.approx(peak)
    assert "complete: half adopted at step" in spec["description"]


def test_lever_effects_put_influence_at_the_detractor_end_and_empowerment_at_the_advocate_end():
    frame = lab.lever_effect_frame(LEVERS)
    table = frame.pivot(index="start", columns="lever", values="effect")
    for start in ("detractor", "competitor", "unaware"):
        assert table.loc[start, "direct_influence"] > table.loc[start, "empowerment"]
    for start in ("customer", "advocate"):
        assert table.loc[start, "empowerment"] > table.loc[start, "direct_influence"]
    assert table.loc["competitor", "direct_influence"] == pytest.approx(0.95, abs=0.01)
    spec = viz.lever_effect_chart(frame).to_dict()
    assert "customer: empowerment works best" in spec["description"]


def test_lever_effect_frame_refuses_unknown_levers_and_bad_delta():
    with pytest.raises(ValueError, match="not a lever"):
        lab.lever_effect_frame(LEVERS, levers_to_vary=["budget"])
    with pytest.raises(ValueError, match="delta"):
        lab.lever_effect_frame(LEVERS, delta=0.0)


def test_steady_state_sweep_matches_the_library_and_sums_to_one():
    sweep = lab.steady_state_sweep(LEVERS, "empowerment", [0.0, 0.05, 0.1])
    totals = sweep.groupby("value").share.sum()
    np.testing.assert_allclose(totals, 1.0)
    middle = sweep[sweep.value == 0.05].sort_values("order").share.to_numpy()
    np.testing.assert_allclose(middle, diffusion.continuum_steady_state(LEVERS).shares)
    with pytest.raises(ValueError, match="lever must be one of"):
        lab.steady_state_sweep(LEVERS, "loop", [True])
    spec = viz.steady_state_chart(sweep).to_dict()
    assert "advocates 0% to 57%" in spec["description"]


def test_journey_frame_has_the_rate_equations_and_the_loop_helps():
    frame = lab.journey_frame(LEVERS, 1500, 80, runs=2, seed=5)
    for journey, loop in (("loop", True), ("funnel", False)):
        theory = diffusion.continuum_mean_field(dataclasses.replace(LEVERS, loop=loop), 80).shares
        buying = frame[(frame.journey == journey) & (frame.measure == "buying")]
        np.testing.assert_allclose(buying.mean_field, theory[:, 3] + theory[:, 4])
        # complete graph of 1,500: the simulation follows the rate equations
        assert (buying.simulation - buying.mean_field).abs().max() < 0.05
    end = frame[frame.step == 80].set_index(["journey", "measure"]).mean_field
    assert end["loop", "buying"] > end["funnel", "buying"] + 0.1
    spec = viz.journey_chart(frame).to_dict()
    fields = [layer["encoding"]["y"]["field"] for layer in _layers(spec)]
    assert fields == ["simulation", "mean_field"]


def test_ever_bought_tracks_the_simulation_and_the_gap_grows_with_churn():
    frame = lab.ever_bought_frame(LEVERS, 800, 60, [0.0, 0.05, 0.1], seed=9)
    # the simulation is simulate_continuum's run with the same draws
    seed = int(as_rng(9).integers(0, 2**32 - 1))
    run = diffusion.simulate_continuum(800, dataclasses.replace(LEVERS, churn=0.05), 60, seed=seed)
    now = frame[(frame.churn == 0.05) & (frame.measure == "buying now")].simulation.to_numpy()
    np.testing.assert_allclose(now, run.shares[:, 3] + run.shares[:, 4])
    wide = frame.pivot_table(index=["churn", "step"], columns="measure", values=["simulation", "mean_field"])
    assert (wide["simulation"]["ever bought"] >= wide["simulation"]["buying now"] - 1e-12).all()
    last = frame[frame.step == 60].pivot(index="churn", columns="measure", values="mean_field")
    gaps = (last["ever bought"] - last["buying now"]).to_numpy()
    assert np.all(np.diff(gaps) > 0.03)
    spec = viz.ever_bought_chart(frame).to_dict()
    assert "churn 0.1: gap" in spec["description"]


def test_builders_name_missing_columns_and_networks_check_their_degree():
    with pytest.raises(ValueError, match="closed_rate"):
        viz.bass_chart(pd.DataFrame({"network": ["a"], "step": [0], "adopted": [0.0], "new": [0.0],
                                     "closed_form": [0.0], "discrete": [0.0]}))
    with pytest.raises(ValueError, match="even whole number"):
        lab.diffusion_networks(100, 3)
    with pytest.raises(ValueError, match="runs"):
        lab.bass_frame(0.01, 0.2, 10, {"complete": 100}, runs=0)
