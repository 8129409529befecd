"""Lesson 09's tables and charts: the theory columns are the platforms library's own
functions, and every chart with a theory draws it over the simulation's dots."""
import numpy as np
import pandas as pd
import pytest

from course_lib import viz
from course_lib.experiments import platforms as lab
from course_lib.platforms import critical_suppression, platform_steady_state, simulate_platforms


def _layers_with(chart_dict, mark):
    return [layer for layer in chart_dict["layer"] if (layer["mark"]["type"] if isinstance(layer["mark"], dict)
                                                        else layer["mark"]) == mark]


def _rows(spec, layer):
    return spec["datasets"][layer["data"]["name"]]


def test_steady_state_frame_is_platform_steady_state():
    table = lab.steady_state_frame([0.0, 0.25, 0.7], answer_rate=0.3, loyalty=1)
    for row in table.itertuples():
        state = platform_steady_state(row.suppression, answer_rate=0.3, loyalty=1)
        assert row.negative_talk == state.negative_talk and row.external == state.external
        assert row.resolved == state.resolved and row.company == state.company


def test_suppression_grid_straddles_the_tipping_point():
    critical = critical_suppression(loyalty=1)
    grid = lab.suppression_grid(0.1, loyalty=1)
    assert grid[0] == 0.0 and grid[-1] == 1.0 and np.all(np.diff(grid) > 0)
    below, above = grid[grid < critical].max(), grid[grid > critical].min()
    assert critical - below == pytest.approx(0.002) and above - critical == pytest.approx(0.001)
    with pytest.raises(ValueError, match="step"):
        lab.suppression_grid(0.0)


def test_exit_sweep_repeats_the_simulation_seed_by_seed():
    table = lab.exit_sweep_frame(300, [0.0, 0.8], runs=3, seed=5)
    assert len(table) == 6 and set(table.run) == {0, 1, 2}
    assert (table[table.suppression == 0.0].external == 0.02).all()  # no suppression: only pioneers
    again = lab.exit_sweep_frame(300, [0.0, 0.8], runs=3, seed=5)
    pd.testing.assert_frame_equal(table, again)
    assert table[table.suppression == 0.8].external.nunique() > 1  # the runs differ


def test_complete_graph_sweep_follows_granovetters_equilibrium_away_from_the_tipping_point():
    levels = [0.2, 0.4, 0.75, 0.9]
    sims = lab.exit_sweep_frame(3000, levels, runs=3, seed=1).groupby("suppression").external.mean()
    theory = lab.steady_state_frame(levels).set_index("suppression").external
    assert np.allclose(sims.to_numpy(), theory.to_numpy(), atol=0.02)


def test_policy_trajectories_hold_shares_that_add_up():
    table = lab.policy_trajectories_frame(400, {"a": {"suppression": 0.7}, "b": {"suppression": 0.7, "loyalty": 3}},
                                          seed=2, steps=10)
    wide = table.pivot_table(index=["policy", "step"], columns="measure", values="value")
    assert np.allclose(wide.company + wide.external, 1.0)
    run = simulate_platforms(400, 0.7, seed=int(np.random.default_rng(2).integers(0, 2**32 - 1, size=1)[0]),
                             steps=10)
    assert np.allclose(wide.loc["a"].external.to_numpy(), run.external / 400)
    with pytest.raises(ValueError, match="suppression"):
        lab.policy_trajectories_frame(400, {"bad": {"answer_rate": 0.5}}, seed=1)


def test_levers_theory_is_the_steady_state_of_each_lever():
    table = lab.levers_theory_frame([0.6]).set_index(["lever", "measure"]).value
    assert table["suppression", "external"] == platform_steady_state(0.6).external
    assert table["answering", "negative_talk"] == platform_steady_state(0.0, answer_rate=0.6).negative_talk
    assert table["answering", "external"] == 0.02  # answering silences nobody
    with pytest.raises(ValueError, match="levels"):
        lab.levers_theory_frame([1.5])


def test_counsellors_raise_the_share_resolved():
    mixes = {"customers": None, "counsellors": {"customer": 0.7, "counsellor": 0.3}}
    table = lab.roles_comparison_frame(300, mixes, suppression=0.3, runs=2, seed=4)
    resolved = table[table.measure == "resolved"].set_index("mix").value
    assert resolved["customers"] == 0.0 and resolved["counsellors"] > 0.05


def test_tipping_chart_draws_the_theory_over_the_dots():
    theory = lab.steady_state_frame(lab.suppression_grid(0.1))
    sims = lab.exit_sweep_frame(300, [0.0, 0.9], runs=2, seed=1)
    spec = viz.tipping_chart(theory, sims, critical=critical_suppression()).to_dict()
    points, lines = _layers_with(spec, "point"), _layers_with(spec, "line")
    assert len(points) == 1 and len(lines) == 1
    assert spec["layer"].index(lines[0]) > spec["layer"].index(points[0]), "theory drawn over the dots"
    assert [r["external"] for r in _rows(spec, lines[0])] == theory.external.tolist()
    assert len(_layers_with(spec, "rule")) == 1 and "0.56" in spec["description"]


def test_negative_talk_chart_marks_the_level_without_moderation():
    theory = lab.steady_state_frame([0.0, 0.3, 0.7])
    spec = viz.negative_talk_chart(theory, lab.exit_sweep_frame(200, [0.3], runs=1, seed=1)).to_dict()
    rule = _layers_with(spec, "rule")[0]
    assert _rows(spec, rule)[0]["negative_talk"] == theory.negative_talk.iloc[0]
    assert [r["negative_talk"] for r in _rows(spec, _layers_with(spec, "line")[0])] == theory.negative_talk.tolist()


def test_levers_chart_has_a_panel_per_measure_with_theory_over_dots():
    theory = lab.levers_theory_frame([0.0, 0.5, 1.0])
    sims = lab.levers_simulation_frame([0.5], n=200, runs=1, seed=1)
    spec = viz.levers_chart(theory, sims).to_dict()
    assert len(spec["hconcat"]) == 3
    for panel in spec["hconcat"]:
        marks = [layer["mark"]["type"] for layer in panel["layer"]]
        assert marks == ["point", "line"]


def test_trajectory_and_roles_charts_describe_their_numbers():
    table = lab.policy_trajectories_frame(300, {"open": {"suppression": 0.0}}, seed=1, steps=4)
    spec = viz.platform_trajectory_chart(table).to_dict()
    assert len(spec["hconcat"]) == 3 and "open: negative talk" in spec["description"]
    roles = lab.roles_comparison_frame(200, {"customers": None}, runs=1, seed=1)
    assert "customers:" in viz.roles_chart(roles).to_dict()["description"]


def test_builders_name_missing_columns():
    with pytest.raises(ValueError, match="external"):
        viz.tipping_chart(pd.DataFrame({"suppression": [0.0]}), pd.DataFrame())
